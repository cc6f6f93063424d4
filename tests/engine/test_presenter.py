"""The presenter's engine: moving through a dialogue, the room's code, the answer on Reveal, the
MITI tallies over what is revealed (under the volley rules), and the change-talk chart."""

import re

import pytest

from mi_widgets.engine.agreement import UNCODED
from mi_widgets.engine.codes import CodeError
from mi_widgets.engine.library import dialogues_dir, get_dialogue
from mi_widgets.engine.miti import score_dialogue
from mi_widgets.engine.model import Dialogue, Utterance
from mi_widgets.engine.presenter import (
    CLIENT_SCORE, RUNNING_SCORES, Chart, PresenterRun, change_talk_chart, chart_svg, code_words, dialogue_option, expert_globals, library,
    problems_note, room_options, speaker_name, tally_revealed, utterance_size,
)
from mi_widgets.engine.errors import InputProblem


def make(*rows: tuple, title: str = "t") -> Dialogue:
    """A dialogue from (speaker, text, code[, subcode[, rationale]]) rows."""
    utts = []
    for r in rows:
        speaker, text, code, *rest = r
        sub = rest[0] if rest else None
        why = rest[1] if len(rest) > 1 else None
        utts.append(Utterance(speaker, text, code, sub, why))
    return Dialogue(id="t", title=title, utterances=tuple(utts))


# two reflections and two questions in ONE volley, then a client line, then a second volley
VOLLEYS = make(
    ("counselor", "Hello.", None, None, "A greeting."),
    ("counselor", "You're tired of it.", "SR"),
    ("counselor", "And worried it's getting worse.", "CR"),
    ("counselor", "What worries you most?", "Q", "open"),
    ("counselor", "Is it the mornings?", "Q", "closed"),
    ("client", "I want to stop before it gets worse.", "CT", "desire"),
    ("counselor", "You'd like to get ahead of it.", "SR"),
    ("client", "But I can't see how.", "ST", "ability"),
    ("client", "It's just how things are.", "N"),
)


# --- the library and words --------------------------------------------------------------------


def test_library_lists_every_bundled_dialogue_sorted_by_title():
    dialogues, problems = library()
    assert problems == []
    assert len(dialogues) == len(list(dialogues_dir().glob("*.yaml")))
    english = [d for d in dialogues if d.language == "en"]
    assert dialogues[: len(english)] == english  # the language in force first
    titles = [d.title.lower() for d in english]
    assert titles == sorted(titles)


def test_library_puts_the_language_in_force_first(danish):
    dialogues, _problems = library()
    assert {d.language for d in dialogues[:4]} == {"da"} and dialogues[4].language != "da"


def test_a_dialogue_option_shows_title_topic_and_style():
    assert dialogue_option(get_dialogue("er-alcohol-mi")) == "Saturday night in the emergency room — alcohol, MI-consistent"
    assert dialogue_option(get_dialogue("er-alcohol-righting")).endswith("— alcohol, MI-inconsistent")
    assert dialogue_option(make(("client", "x", "N"), title="Bare")) == "Bare"


def test_code_words_give_name_abbreviation_and_subtype():
    assert code_words("CR") == "Complex Reflection (CR)"
    assert code_words("Q:open") == "Question (Q), open"
    assert code_words("CT:taking_steps") == "Change Talk (CT), taking steps"
    assert code_words(UNCODED) == "no code"
    assert code_words(None) == "no code"


def test_room_options_fit_the_speaker_and_carry_no_subtypes():
    counsellor = [label for label, _w in room_options("counselor")]
    client = [label for label, _w in room_options("client")]
    assert counsellor == [UNCODED, "GI", "PERS", "PWP", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "CONF"]
    assert client == [UNCODED, "CT", "ST", "N"]
    assert dict(room_options("counselor"))["CR"] == "CR — Complex Reflection"


def test_speakers_are_named_in_words():
    assert (speaker_name("counselor"), speaker_name("client")) == ("Counsellor", "Client")


def test_long_utterances_get_smaller_but_still_large_type():
    assert utterance_size("Hi.") == "2rem"
    assert utterance_size("x" * 200) == "1.8rem"
    assert utterance_size("x" * 420) == "1.6rem"


def test_problems_note_names_the_first_unreadable_file():
    assert problems_note([]) is None
    note = problems_note([InputProblem("data/dialogues/bad.yaml", "not YAML", 3), InputProblem("b.yaml", "empty")])
    assert note.startswith("2 files") and "data/dialogues/bad.yaml:3" in note


# --- moving and suggesting --------------------------------------------------------------------


def test_moving_stays_inside_the_dialogue():
    run = PresenterRun(VOLLEYS)
    assert run.previous() == 0
    assert run.next() == 1
    assert run.go(99) == len(VOLLEYS.utterances) - 1
    assert run.go(-5) == 0


def test_context_is_the_one_or_two_utterances_before():
    run = PresenterRun(VOLLEYS)
    assert run.context() == []
    run.go(1)
    assert run.context() == [0]
    run.go(5)
    assert run.context() == [3, 4]
    long = make(("client", "a", "N"), ("client", "b", "N"), ("counselor", "x" * 300, "GI"))
    run = PresenterRun(long, position=2)
    assert run.context() == [1]  # a long utterance on screen keeps one line of context


def test_suggest_accepts_names_drops_subtypes_and_can_be_taken_back():
    run = PresenterRun(VOLLEYS, position=3)
    assert run.suggest("open question") == "Q"
    assert run.suggest("complex reflection") == "CR"
    assert run.suggestions == {3: "CR"}
    assert run.suggest(None) is None
    assert run.suggestions == {}
    assert run.suggest("none", index=0) == UNCODED


def test_suggest_refuses_a_code_of_the_other_speaker():
    run = PresenterRun(VOLLEYS, position=5)  # a client utterance
    with pytest.raises(CodeError, match="counsellor code on a client utterance"):
        run.suggest("CR")
    with pytest.raises(CodeError, match="unknown code"):
        run.suggest("XYZ")


def test_an_empty_dialogue_is_refused():
    with pytest.raises(ValueError, match="no utterances"):
        PresenterRun(Dialogue(id="e", title="e", utterances=()))


# --- the answer -------------------------------------------------------------------------------


def test_reveal_gives_the_gold_code_rationale_and_a_verdict_naming_both_codes():
    run = PresenterRun(get_dialogue("er-alcohol-mi"), position=3)
    run.suggest("CR")
    a = run.reveal()
    assert 3 in run.revealed
    assert a.gold == "SR" and a.correct is False and a.status == "bad"
    assert a.title() == "The expert's code: Simple Reflection (SR)."
    assert a.verdict() == "Not quite: the room said Complex Reflection (CR); the expert's code is Simple Reflection (SR)."
    assert "feel like an idiot" in a.why()


def test_a_right_code_with_another_subtype_still_counts_as_right():
    run = PresenterRun(VOLLEYS, position=5)  # gold CT:desire
    run.suggest("CT:reasons")
    a = run.reveal()
    assert a.correct is True and a.status == "ok"
    assert a.verdict() == "Right: the room said Change Talk (CT), and so did the expert."
    assert a.title() == "The expert's code: Change Talk (CT), desire."


def test_reveal_without_a_suggestion_has_no_verdict():
    run = PresenterRun(VOLLEYS, position=1)
    a = run.reveal()
    assert a.correct is None and a.verdict() is None and a.status == "info"
    assert a.why() == "The dialogue gives no rationale for this utterance."


def test_an_uncoded_utterance_says_so_plainly():
    run = PresenterRun(VOLLEYS)
    run.suggest("Q")
    a = run.reveal()
    assert a.title() == "No code: this utterance takes no MITI code."
    assert a.verdict() == "Not quite: the room said Question (Q); the expert's code is no code."
    assert a.why() == "A greeting."
    run.suggest("none")
    assert run.answer().verdict() == "Right: the room said no code, and so did the expert."


def test_an_uncoded_client_line_says_why_it_takes_no_code():
    run = PresenterRun(make(("counselor", "So you want to stop.", "SR"), ("client", "Mm.", None)), position=1)
    assert run.reveal().title() == "No code: this utterance takes no code (too brief to count as change, sustain or neutral talk)."


def test_restart_forgets_everything():
    run = PresenterRun(VOLLEYS, position=4)
    run.suggest("Q")
    run.reveal()
    run.restart()
    assert (run.position, run.revealed, run.suggestions) == (0, set(), {})


# --- tallies ----------------------------------------------------------------------------------


def test_nothing_revealed_counts_nothing():
    t = tally_revealed(VOLLEYS, [])
    assert t.n_revealed == 0 and not t.complete
    assert set(t.counts.values()) == {0}
    assert t.summary["reflection_to_question"] is None
    assert t.heading() == "So far, over 0 revealed utterances (0 counsellor, 0 client)"
    notes = {r.key: r.note for r in t.rows()}
    assert notes["reflection_to_question"] == "no question revealed yet"


def test_one_volley_tallies_one_reflection_and_one_question():
    t = tally_revealed(VOLLEYS, range(5))  # the first volley, whole
    assert t.counts["CR"] == 1 and t.counts["SR"] == 0  # CR beats SR within a volley
    assert t.counts["Q"] == 1  # two questions, one Q
    assert t.raw_counts == {**t.raw_counts, "SR": 1, "CR": 1, "Q": 2}
    assert t.summary["reflection_to_question"] == 1.0
    assert t.heading() == "So far, over 5 revealed utterances (5 counsellor, 0 client)"


def test_only_revealed_codes_count_within_a_volley():
    t = tally_revealed(VOLLEYS, [1, 3])  # SR and one Q revealed; the CR not yet
    assert (t.counts["SR"], t.counts["CR"], t.counts["Q"]) == (1, 0, 1)
    t = tally_revealed(VOLLEYS, [1, 2])  # now the CR is revealed too: still one reflection
    assert (t.counts["SR"], t.counts["CR"]) == (0, 1)


def test_a_revealed_utterance_counts_in_its_own_volley_whatever_else_is_revealed():
    # utterances 1 and 6 are in different volleys: two SRs, though nothing between is revealed
    t = tally_revealed(VOLLEYS, [1, 6])
    assert t.counts["SR"] == 2


def test_client_counts_and_percent_change_talk():
    t = tally_revealed(VOLLEYS, [5, 7, 8])
    assert t.client_counts == {"CT": 1, "ST": 1, "N": 1}
    assert t.summary["percent_change_talk"] == 50.0
    # client language (MISC), not a MITI summary score: never a row of the MITI table
    assert "percent_change_talk" not in {r.key for r in t.rows()} and CLIENT_SCORE not in RUNNING_SCORES
    assert t.change_talk_text() == "% change talk (client language, not a MITI score): 50 %"
    assert t.change_talk_note() == "No published cut-off; in AnnoMI, high-quality sessions average about 70 % and low-quality about 53 %."
    assert tally_revealed(VOLLEYS, [8]).change_talk_text() == (
        "% change talk (client language, not a MITI score): — (no change or sustain talk revealed yet)")


def test_levels_and_thresholds_come_from_the_report():
    t = tally_revealed(VOLLEYS, range(5))
    rows = {r.key: r for r in t.rows()}
    assert [r.key for r in t.rows()] == list(RUNNING_SCORES)
    assert rows["reflection_to_question"].value == "1.00 : 1"
    assert rows["reflection_to_question"].level_text == "◐ fair"
    assert rows["reflection_to_question"].threshold == "fair ≥ 1 : 1, good ≥ 2 : 1"
    assert rows["percent_complex_reflections"].level_text == "✔ good"  # 100 % CR
    assert "technical" not in t.summary or t.summary["technical"] is None  # globals are not running scores


@pytest.mark.parametrize("dialogue_id", ["er-alcohol-mi", "er-alcohol-righting", "quitline-smoking", "dental-hygiene", "physio-activity"])
def test_everything_revealed_equals_the_whole_dialogue_score(dialogue_id):
    d = get_dialogue(dialogue_id)
    t = tally_revealed(d, range(len(d.utterances)))
    whole = score_dialogue(d)
    assert t.complete
    assert t.counts == whole.counts
    assert t.raw_counts == whole.raw_counts
    assert t.client_counts == whole.client_counts
    assert {k: t.summary[k] for k in (*RUNNING_SCORES, CLIENT_SCORE)} == {k: whole.summary[k] for k in (*RUNNING_SCORES, CLIENT_SCORE)}


def test_tallies_as_dict_is_plain_data():
    data = tally_revealed(VOLLEYS, [1, 5]).as_dict()
    assert data["n_revealed"] == 2 and data["counts"]["SR"] == 1 and data["client_counts"]["CT"] == 1
    assert set(data["summary"]) == {*RUNNING_SCORES, "percent_change_talk"}  # the data shape keeps %CT


def test_out_of_range_indices_are_ignored():
    assert tally_revealed(VOLLEYS, [-1, 99]).n_revealed == 0


def test_expert_globals_give_the_four_ratings_and_the_two_scores():
    rows = expert_globals(get_dialogue("er-alcohol-mi"))
    names = [r[0] for r in rows]
    assert names[:4] == ["Cultivating Change Talk", "Softening Sustain Talk", "Partnership", "Empathy"]
    # summary scores made from the globals, not a fifth and sixth global
    assert names[4:] == ["Technical (summary score), (CCT + SST) / 2", "Relational (summary score), (Partnership + Empathy) / 2"]
    assert rows[4][1] == "4.5" and rows[4][2].startswith("✔ good")
    bare = expert_globals(make(("client", "x", "N")))
    assert [r[1] for r in bare] == ["—"] * 6


# --- the chart --------------------------------------------------------------------------------


def test_chart_has_one_slot_per_client_utterance_filled_only_where_revealed():
    c = change_talk_chart(VOLLEYS, [5, 7], current=7)
    assert [s.index for s in c.slots] == [5, 7, 8]
    assert [(s.code, s.revealed, s.current) for s in c.slots] == [("CT", True, False), ("ST", True, True), (None, False, False)]
    assert (c.ct, c.st, c.neutral, c.not_revealed) == (1, 1, 0, 1)
    assert c.caption() == "Change talk so far: 1 · sustain talk so far: 1 · neutral: 0 · not revealed yet (dashed boxes): 1 of 3 client utterances"
    xs = [s.x for s in c.slots]
    assert xs == sorted(xs) and len(set(xs)) == 3


def test_chart_svg_marks_ct_above_st_below_and_empty_slots_and_says_the_counts():
    svg = chart_svg(change_talk_chart(VOLLEYS, [5, 7, 8]))
    assert 'role="img"' in svg
    label = re.search(r'aria-label="([^"]*)"', svg).group(1)
    assert "1 change talk (above the line), 1 sustain talk (below the line), 1 neutral (on the line), 0 not revealed yet" in label
    assert ">CT</text>" in svg and ">ST</text>" in svg and ">N</text>" in svg  # letters, not colour alone
    assert "url(#miw-pr-hatch)" in svg  # sustain talk is hatched as well
    c = change_talk_chart(VOLLEYS, [5])
    ct = next(s for s in c.slots if s.code == "CT")
    bar = re.search(rf'<rect x="{ct.x - c.step * 0.32:.1f}" y="(\d+)" width="[\d.]+" height="(\d+)"', chart_svg(c))
    assert int(bar.group(1)) + int(bar.group(2)) == round(c.zero)  # the CT bar ends on the zero line, above it
    empty = chart_svg(change_talk_chart(VOLLEYS, []))
    assert empty.count('stroke-dasharray="4 3"') == 3 and ">CT</text>" not in empty


def test_chart_legend_explains_every_mark():
    legend = Chart.legend()
    for words in ("solid bar", "hatched bar", "circle", "A short dash: a client utterance that takes no code.", "Dashed box"):
        assert words in legend


def test_chart_text_is_escaped():
    svg = chart_svg(change_talk_chart(VOLLEYS, []), uid='x"><script>')
    assert "<script>" not in svg


def test_volleys_follow_the_whole_dialogue_not_the_blanks_of_what_is_hidden():
    """'Yeah.' answers the question before it, so it ends the volley, even while that question is
    not revealed yet: the two simple reflections sit in two volleys and count twice."""
    d = make(("counselor", "You've had enough.", "SR"), ("counselor", "Is that it?", "Q", "closed"),
             ("client", "Yeah.", "N"), ("counselor", "You're fed up.", "SR"))
    assert tally_revealed(d, [0, 3]).counts["SR"] == 2
    assert tally_revealed(d, range(4)).counts == score_dialogue(d).counts
