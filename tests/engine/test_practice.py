"""Aim against classification: verdicts, tips and notes for free-text practice."""

import json
import re
import time
from pathlib import Path

import pytest

from mi_widgets.engine import practice
from mi_widgets.engine.bank import PracticePrompt
from mi_widgets.engine.classifier import CODES, Classification
from mi_widgets.engine.errors import UsageError
from mi_widgets.engine.library import get_prompt, practice_prompts
from mi_widgets.engine.practice import (
    AIM_LABELS, AIMS, CAUTION, CLOSED_TIP, EMPTY, HEARD, INFO_TIP, LONG_TEXT, PWP_FOR_REFLECTION, RIGHTING_REFLEX, TALK_WORDS, TALKS,
    PracticeRun, assess, check_aim, check_talk, judge, select_by_talk, talk_kinds,
)


def reading(code, question_type=None, text="something said", confidence=0.9, reasons=("a reason",)):
    return Classification(text, code, question_type, tuple(reasons), confidence)


@pytest.mark.parametrize("aim", AIMS)
def test_the_aimed_for_reading_is_a_match(aim):
    code, _, qtype = AIM_LABELS[aim].partition(":")
    a = judge(aim, reading(code, qtype or None))
    assert a.verdict == "match" and a.matched and a.label == AIM_LABELS[aim]
    assert not a.righting_reflex


def test_a_closed_question_when_aiming_open_gets_a_tip_on_opening_it():
    a = judge("open_question", reading("Q", "closed"))
    assert a.verdict == "miss" and not a.matched
    assert a.heard == "This reads as a closed question."
    assert "'what'" in a.explanation and "'how'" in a.explanation and "yes, no" in a.explanation


@pytest.mark.parametrize("code", ["PERS", "CONF"])
@pytest.mark.parametrize("aim", ["simple_reflection", "complex_reflection", "open_question"])
def test_advice_or_confrontation_gets_the_righting_reflex_note(aim, code):
    a = judge(aim, reading(code))
    assert a.verdict == "miss" and a.righting_reflex
    assert a.explanation == RIGHTING_REFLEX
    assert a.explanation.startswith("This sounds like the righting reflex: the natural urge to fix, advise or set the client straight.")
    assert "(sustain talk)" in a.explanation


@pytest.mark.parametrize("aim", AIMS)
def test_information_is_not_the_righting_reflex_and_points_to_elicit_provide_elicit(aim):
    a = judge(aim, reading("GI"))
    assert a.verdict == "miss" and not a.righting_reflex
    assert a.explanation == INFO_TIP != RIGHTING_REFLEX
    assert "righting reflex" not in a.explanation
    assert "not MI-inconsistent in itself" in a.explanation and "(Elicit-Provide-Elicit)" in a.explanation


@pytest.mark.parametrize("aim", ["simple_reflection", "complex_reflection"])
def test_advice_with_permission_when_aiming_for_a_reflection_is_not_the_righting_reflex(aim):
    a = judge(aim, reading("PWP"))
    assert a.verdict == "miss" and not a.righting_reflex
    assert a.explanation == PWP_FOR_REFLECTION and "righting reflex" not in a.explanation
    assert "the aim here was a reflection" in a.explanation
    assert a.heard == "This reads as persuading with permission: advice offered after asking permission, or with the choice clearly left to the client."


def test_only_advice_or_confrontation_sets_the_righting_reflex_flag():
    flagged = {(aim, code) for aim in AIMS for code in ("Q", "SR", "CR", "AF", "GI", "PERS", "PWP", "SEEK", "EMPH", "CONF", None)
               if judge(aim, reading(code, "open" if code == "Q" else None)).righting_reflex}
    assert flagged == {(aim, code) for aim in AIMS for code in ("PERS", "CONF")}


def test_a_reflection_of_the_other_depth_is_near_with_a_tip_on_depth():
    simple_for_complex = judge("complex_reflection", reading("SR"))
    assert simple_for_complex.verdict == "near" and "add meaning" in simple_for_complex.explanation
    complex_for_simple = judge("simple_reflection", reading("CR"))
    assert complex_for_simple.verdict == "near" and "closer to what the client actually said" in complex_for_simple.explanation


def test_a_question_when_aiming_for_a_reflection_is_told_to_make_a_statement():
    opened = judge("complex_reflection", reading("Q", "open"))
    assert opened.verdict == "near" and "statement, not a question" in opened.explanation
    simple_open = judge("simple_reflection", reading("Q", "open"))
    assert simple_open.verdict == "near" and simple_open.explanation == (
        "A reflection is a statement, not a question. Say back what the client said, in their words or close to them, "
        "as a statement with the voice going down: 'You ...'.")


@pytest.mark.parametrize("aim", ["simple_reflection", "complex_reflection"])
def test_a_closed_question_when_aiming_for_a_reflection_is_near_and_starts_with_the_two_ways_out(aim):
    closed = judge(aim, reading("Q", "closed"))
    assert closed.verdict == "near" and not closed.matched and not closed.righting_reflex
    assert closed.explanation == CLOSED_TIP
    assert closed.explanation.startswith(
        "If you meant a reflection, drop the question form and say what you heard as a statement; if you "
        "meant to ask, make it an open question.")
    assert "statement, not a question" in closed.explanation


def test_a_reflection_when_aiming_for_a_question_is_near_not_wrong():
    a = judge("open_question", reading("CR"))
    assert a.verdict == "near" and "better move" in a.explanation


@pytest.mark.parametrize("code", ["AF", "SEEK", "EMPH"])
def test_mi_adherent_responses_are_near(code):
    assert judge("simple_reflection", reading(code)).verdict == "near"


def test_an_affirmation_when_aiming_for_a_complex_reflection_mentions_that_af_wins():
    note = "If it praises a specific strength, MITI codes it as an affirmation even when it also reflects."
    assert note in judge("complex_reflection", reading("AF")).explanation
    assert note not in judge("simple_reflection", reading("AF")).explanation


def test_learner_text_spells_the_code_name_as_the_code_list_does():
    from mi_widgets.engine.codes import CODES as CODE_TABLE

    name = CODE_TABLE["EMPH"].name
    assert name == "Emphasizing Autonomy"
    assert name in judge("open_question", reading("EMPH")).heard
    assert not any("emphasising" in text.lower() for text in HEARD.values())


def test_the_caution_gives_the_range_from_both_held_out_sets():
    assert "about 83-87 %" in CAUTION and "86.8 %" in CAUTION and "82.9 %" in CAUTION
    assert "about 87 %" not in CAUTION


def test_an_uncoded_reading_is_a_miss_that_asks_for_a_whole_response():
    a = judge("open_question", reading(None))
    assert a.verdict == "miss" and "uncoded" in a.heard and "whole question" in a.explanation


def test_every_code_the_classifier_can_give_has_words_for_every_aim():
    readings = [reading(c, "open" if c == "Q" else None) for c in CODES] + [reading("Q", "closed"), reading("Q", None), reading(None)]
    for aim in AIMS:
        for r in readings:
            a = judge(aim, r)
            assert a.heard in HEARD.values() and a.explanation and a.verdict in ("match", "near", "miss")
    assert judge("open_question", reading("Q", None)).heard == "This reads as a closed question."


def test_reasons_are_passed_on_unchanged():
    a = judge("open_question", reading("Q", "open", reasons=("starts with 'what'", "ends with a question mark")))
    assert a.reasons == ("starts with 'what'", "ends with a question mark")


def test_empty_or_blank_text_gets_a_gentle_prompt_and_no_classification():
    for text in ("", "   \n\t "):
        a = assess("open_question", text)
        assert a.verdict == "empty" and a.classification is None and a.label is None and not a.matched
        assert a.explanation == EMPTY and a.heard == ""


def test_long_text_gets_a_note_and_the_limit_itself_does_not():
    sentence = "It sounds like the evenings matter a great deal to you. "
    long_text = (sentence * (LONG_TEXT // len(sentence) + 1)).strip()
    assert len(long_text) > LONG_TEXT
    assert any("long" in n and str(len(long_text)) in n for n in assess("complex_reflection", long_text).notes)
    at_limit = reading("SR", text="x" * LONG_TEXT)
    assert not any("long" in n for n in judge("simple_reflection", at_limit).notes)


def test_an_unsure_reading_says_so():
    assert any("not very sure" in n and "31%" in n for n in judge("simple_reflection", reading("SR", confidence=0.31)).notes)
    assert judge("simple_reflection", reading("SR", confidence=0.8)).notes == ()


def test_unknown_aims_are_refused():
    with pytest.raises(ValueError, match="choose from open_question"):
        check_aim("summary")
    with pytest.raises(ValueError):
        assess("closed_question", "Do you drink?")


def test_the_real_classifier_on_typical_learner_answers():
    context = get_prompt("alcohol-01").statement
    assert assess("open_question", "Do you drink every day?", context).label == "Q:closed"
    assert assess("open_question", "What do you make of those results yourself?", context).matched
    advice = assess("simple_reflection", "You should cut down before your liver gets worse.", context)
    assert advice.code == "PERS" and advice.righting_reflex
    echo = assess("simple_reflection", "You know the numbers aren't great.", context)
    assert echo.code == "SR" and echo.matched and echo.reasons


def test_practice_run_moves_round_the_topic_and_keeps_the_last_attempt():
    run = PracticeRun(practice_prompts("alcohol"))
    ids = [p.id for p in run.prompts]
    run.go_to(ids[-1])
    run.next()
    assert run.prompt.id == ids[0]
    with pytest.raises(ValueError):
        run.go_to("smoking-01")
    assert run.attempt("open_question", "  ").verdict == "empty" and run.last == {}
    run.attempt("open_question", "What worries you most?")
    assert run.last[ids[0]].matched
    with pytest.raises(ValueError):
        PracticeRun([])


def test_checking_takes_a_millisecond_or_so():
    context = get_prompt("smoking-01").statement
    texts = ["What would help you most right now?", "You're worried about the baby, and smoking is what keeps you calm.", "Have you tried patches?"] * 20
    assess("open_question", texts[0], context)  # the first call loads the cues and the model
    start = time.perf_counter()
    for t in texts:
        assess("complex_reflection", t, context)
    mean_ms = (time.perf_counter() - start) / len(texts) * 1000
    assert mean_ms < 10, f"{mean_ms:.1f} ms per check"


# ------------------------------------------------------------------ limiting prompts to one kind of client talk
def made_up(pid, topic, talk):
    return PracticePrompt(pid, topic, "A statement.", ("What?",), ("You said.",), ("It sounds like.",), talk=talk)


def test_the_kinds_of_client_talk_are_those_the_prompt_schema_allows_each_with_words():
    schema = json.loads((Path(practice.__file__).parent / "prompts.schema.json").read_text())
    assert list(TALKS) == schema["properties"]["prompts"]["items"]["properties"]["talk"]["enum"]
    assert set(TALK_WORDS) == set(TALKS)
    assert TALK_WORDS["discord"] == "client talk: discord" and "change talk" in TALK_WORDS["change"]
    assert {p.talk for p in practice_prompts()} <= set(TALKS)


def test_select_by_talk_keeps_only_that_kind_in_order():
    prompts = [made_up("a", "x", "change"), made_up("b", "x", "discord"), made_up("c", "y", "discord"), made_up("d", "y", None)]
    assert [p.id for p in select_by_talk(prompts, "discord")] == ["b", "c"]
    assert [p.id for p in select_by_talk(prompts, None)] == ["a", "b", "c", "d"]  # no filter: every prompt, talk or not
    assert talk_kinds(prompts) == ["change", "discord"]
    assert talk_kinds(prompts[::-1]) == ["change", "discord"]  # the order of TALKS, not of the prompts


def test_select_by_talk_on_the_real_prompts():
    discord = select_by_talk(practice_prompts(), "discord")
    assert discord and all(p.talk == "discord" for p in discord)
    assert len({p.topic for p in discord}) > 1
    assert [p.id for p in discord] == [p.id for p in practice_prompts() if p.talk == "discord"]
    assert [p.id for p in select_by_talk(practice_prompts("general"), "neutral", "general")] == ["general-01", "general-03"]


def test_no_prompt_of_that_kind_names_the_kinds_there_are():
    dental = practice_prompts("dental hygiene")
    assert talk_kinds(dental) == ["sustain", "neutral"]
    with pytest.raises(UsageError, match=re.escape(
            "no practice prompts for topic 'dental hygiene' with client talk 'discord' (kinds of client talk for this topic: sustain, neutral)")):
        select_by_talk(dental, "discord", "dental hygiene")
    with pytest.raises(UsageError, match=r"with client talk 'change' \(kinds of client talk there are: discord\)$"):
        select_by_talk([made_up("b", "x", "discord")], "change")
    with pytest.raises(UsageError, match=r"for this topic: none\)$"):
        select_by_talk([made_up("d", "x", None)], "change", "x")


def test_unknown_kinds_of_talk_are_refused_with_the_choices():
    assert check_talk("discord") == "discord"
    for bad in ("anger", "Discord", "change talk", ""):
        with pytest.raises(UsageError, match="choose from change, sustain, ambivalent, neutral, discord"):
            check_talk(bad)
    with pytest.raises(UsageError, match="unknown kind of client talk 'anger'"):
        select_by_talk(practice_prompts(), "anger")
