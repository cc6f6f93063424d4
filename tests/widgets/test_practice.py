"""ReflectionPractice, driven from Python as a learner would use it."""

import json
import re
import time

import pytest

from mi_widgets import ReflectionPractice, get_prompt, practice_prompts
from mi_widgets.engine.bank import PracticePrompt
from mi_widgets.engine.errors import UsageError


def records(progress_file):
    return json.loads(progress_file.read_text())["records"] if progress_file.exists() else {}


def test_a_closed_question_when_aiming_open_gets_a_cross_a_tip_and_is_saved(progress_file):
    rp = ReflectionPractice("alcohol-01")
    rp.aim("open_question")
    rp.write("Do you drink every day?")
    result = rp.check()
    assert result.label == "Q:closed" and not result.matched
    html = rp.feedback.value
    assert "✗" in html and "This reads as a closed question." in html
    assert "That does not match your aim: open question." in html and "begin with &#x27;what&#x27;" in html
    assert "starts with &#x27;do you&#x27;" in html  # the classifier's own reasons
    saved = records(progress_file)["reflection:alcohol-01"]
    assert saved["kind"] == "reflection" and saved["ref"] == "alcohol-01" and saved["score"] == 0 and saved["max"] == 1
    assert {k: saved["data"][k] for k in ("aim", "text", "heard", "matched")} == {
        "aim": "open_question", "text": "Do you drink every day?", "heard": "Q:closed", "matched": False}


def test_an_open_question_matches_and_scores(progress_file):
    rp = ReflectionPractice("alcohol-01")
    rp.write("What do you make of those liver results yourself?")
    assert rp.check().matched
    assert "✓" in rp.feedback.value and "That matches your aim: open question." in rp.feedback.value
    assert records(progress_file)["reflection:alcohol-01"]["score"] == 1


def test_advice_when_aiming_for_a_reflection_gets_the_righting_reflex_note():
    rp = ReflectionPractice("alcohol-01")
    rp.aim("simple_reflection")
    rp.write("You should cut down before your liver gets any worse.")
    assert rp.check().code == "PERS"
    assert "✗" in rp.feedback.value and "This sounds like the righting reflex" in rp.feedback.value


def test_information_when_aiming_for_a_reflection_points_to_elicit_provide_elicit_not_the_righting_reflex():
    rp = ReflectionPractice("alcohol-01")
    rp.aim("simple_reflection")
    rp.write("Guidelines suggest no more than 14 units a week.")
    result = rp.check()
    assert result.code == "GI" and not result.righting_reflex and not result.matched
    html = rp.feedback.value
    assert "✗" in html and "righting reflex" not in html
    assert "Information is not MI-inconsistent in itself" in html and "(Elicit-Provide-Elicit)" in html
    assert html.count("This reads as giving information.") == 1  # the heading, not repeated by the tip


def test_advice_with_permission_when_aiming_for_a_reflection_is_not_called_the_righting_reflex():
    rp = ReflectionPractice("alcohol-01")
    rp.aim("complex_reflection")
    rp.write("Some people find it helps to keep a few dry days a week, but you're the best judge of what fits you.")
    result = rp.check()
    assert result.code == "PWP" and not result.righting_reflex
    assert "righting reflex" not in rp.feedback.value and "the aim here was a reflection" in rp.feedback.value


def test_a_closed_question_when_aiming_for_a_reflection_is_a_near_miss():
    rp = ReflectionPractice("alcohol-01")
    rp.aim("simple_reflection")
    rp.write("Do you think you drink too much?")
    assert rp.check().verdict == "near"
    html = rp.feedback.value
    assert "◐" in html and "✗" not in html and "Close, but not quite your aim: simple reflection." in html
    assert "If you meant a reflection, drop the question form and say what you heard as a statement" in html


def test_emphasizing_autonomy_is_named_as_in_the_code_list():
    rp = ReflectionPractice("alcohol-01")
    rp.write("It's entirely your choice what you do with this.")
    assert rp.check().code == "EMPH"
    assert "This reads as Emphasizing Autonomy" in rp.feedback.value


def test_every_check_carries_the_caution_about_the_classifier():
    rp = ReflectionPractice("smoking-01")
    rp.aim("complex_reflection")
    rp.write("Part of you wants to stop for the baby, and part of you needs the calm the cigarettes bring.")
    rp.check()
    assert "practice aid" in rp.feedback.value and "about 83-87 %" in rp.feedback.value


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_gets_a_gentle_prompt_and_is_not_saved(progress_file, text):
    rp = ReflectionPractice("alcohol-01")
    rp.write(text)
    assert rp.check().verdict == "empty"
    assert "ℹ" in rp.feedback.value and "Write your response first" in rp.feedback.value
    assert "reflection:alcohol-01" not in records(progress_file)


def test_very_long_text_gets_a_note():
    rp = ReflectionPractice("alcohol-01")
    rp.aim("complex_reflection")
    rp.write("It sounds like the beers after work really help you unwind after a long day. " * 9)
    rp.check()
    assert "Your response is long (" in rp.feedback.value


def test_the_learners_text_is_escaped_when_echoed():
    rp = ReflectionPractice("alcohol-01")
    rp.write("What <b>worries</b> you & your wife?")
    rp.check()
    assert "<b>worries</b>" not in rp.feedback.value
    assert "What &lt;b&gt;worries&lt;/b&gt; you &amp; your wife?" in rp.feedback.value


def test_the_prompt_is_shown_escaped_with_the_speaker_named():
    rp = ReflectionPractice("alcohol-01")
    assert "Client:" in rp.statement.value
    assert "I&#x27;m not about to become a monk." in rp.statement.value and "I'm not" not in rp.statement.value


def test_model_answers_are_hidden_until_asked_for():
    rp = ReflectionPractice("alcohol-01")
    p = get_prompt("alcohol-01")
    assert rp.models.value == ""
    rp.show_models()
    for answer in p.open_questions + p.simple_reflections + p.complex_reflections:
        assert answer.replace("'", "&#x27;") in rp.models.value
    assert "What to listen for:" in rp.models.value and "righting reflex" in rp.models.value


def test_next_prompt_moves_through_the_topic_and_wraps_round():
    rp = ReflectionPractice(topic="alcohol")
    ids = [p.id for p in practice_prompts("alcohol")]
    rp.write("Some draft")
    rp.show_models()
    seen = [rp.prompt.id]
    for _ in ids:
        rp.next_prompt()
        seen.append(rp.prompt.id)
    assert seen == ids + ids[:1]
    assert rp.text.value == "" and rp.models.value == "" and rp.feedback.value == ""


def test_the_last_attempt_comes_back_in_a_new_widget():
    rp = ReflectionPractice("alcohol-03")
    rp.aim("simple_reflection")
    rp.write("Three weeks of dry weekdays, and you're sleeping better.")
    rp.check()
    rp.aim("complex_reflection")
    rp.write("The better sleep has made the dry weekdays worth it.")
    rp.check()
    again = ReflectionPractice("alcohol-03")
    assert again.aim_choice.value == "complex_reflection"
    assert again.text.value == "The better sleep has made the dry weekdays worth it."
    assert "saved earlier" in again.feedback.value and "You wrote:" in again.feedback.value
    assert ReflectionPractice("alcohol-04").text.value == ""


def test_the_controls_are_labelled_and_bad_input_is_refused():
    rp = ReflectionPractice()  # every prompt, from the first
    assert rp.prompt.id == practice_prompts()[0].id
    assert rp.aim_choice.description == "I aim to write" and rp.text.description == "Your response"
    assert [label for label, _ in rp.aim_choice.options] == ["Open question", "Simple reflection", "Complex reflection"]
    with pytest.raises(ValueError, match="unknown aim"):
        rp.aim("summary")
    with pytest.raises(ValueError, match="topics: .*alcohol"):
        ReflectionPractice(topic="knitting")
    with pytest.raises(ValueError, match="is about alcohol, not smoking"):
        ReflectionPractice("alcohol-01", topic="smoking")


def test_check_is_quick():
    rp = ReflectionPractice("alcohol-02")
    rp.aim("complex_reflection")
    rp.write("You've got no reason to trust someone who has known you for ten minutes.")
    start = time.perf_counter()
    for _ in range(10):
        rp.check()
    per_check_ms = (time.perf_counter() - start) / 10 * 1000
    assert per_check_ms < 100, f"{per_check_ms:.0f} ms per check, saving included"


# ------------------------------------------------------------------ limiting practice to one kind of client talk
def go_round(rp):
    """The prompt ids met by clicking "Next prompt" once per prompt, plus one more (the wrap)."""
    seen = [rp.prompt.id]
    for _ in rp.run.prompts:
        rp.next_prompt()
        seen.append(rp.prompt.id)
    return seen


def test_talk_alone_works_through_that_kind_across_every_topic_and_wraps():
    rp = ReflectionPractice(talk="discord")
    expected = [p.id for p in practice_prompts() if p.talk == "discord"]
    assert len(expected) >= 2 and len({get_prompt(i).topic for i in expected}) > 1
    assert rp.talk == "discord" and rp.topic is None
    assert [p.id for p in rp.run.prompts] == expected
    assert rp.prompt.id == expected[0]
    assert f"Prompt 1 of {len(expected)} (topic: {rp.prompt.topic}; client talk: discord)" in rp.position.value
    assert go_round(rp) == expected + expected[:1]
    rp.next_prompt()
    assert f"Prompt 2 of {len(expected)} (" in rp.position.value and "client talk: discord" in rp.position.value


def test_topic_and_talk_together_keep_to_both_and_next_prompt_wraps_inside_them():
    rp = ReflectionPractice(topic="general", talk="neutral")
    assert [p.id for p in rp.run.prompts] == ["general-01", "general-03"]  # general-02 (ambivalent) is left out
    assert "Prompt 1 of 2 (topic: general; client talk: neutral)" in rp.position.value
    rp.next_prompt()
    assert rp.prompt.id == "general-03" and "Prompt 2 of 2 (topic: general; client talk: neutral)" in rp.position.value
    rp.next_prompt()
    assert rp.prompt.id == "general-01" and "Prompt 1 of 2" in rp.position.value


def test_a_prompt_id_with_a_matching_talk_starts_there_within_its_topic_and_kind():
    rp = ReflectionPractice("general-03", talk="neutral")
    assert rp.topic == "general" and rp.prompt.id == "general-03"
    assert "Prompt 2 of 2 (topic: general; client talk: neutral)" in rp.position.value
    rp.next_prompt()
    assert rp.prompt.id == "general-01"


def test_without_a_filter_the_line_still_names_each_prompts_kind_of_talk_in_words():
    rp = ReflectionPractice(topic="alcohol")
    words = {"alcohol-01": "client talk: ambivalent (change and sustain talk)", "alcohol-02": "client talk: discord",
             "alcohol-03": "client talk: change talk", "alcohol-04": "client talk: sustain talk"}
    for _ in rp.run.prompts:
        assert words[rp.prompt.id] in rp.position.value
        rp.next_prompt()


def test_a_prompt_without_a_kind_of_talk_shows_only_its_topic(monkeypatch):
    from mi_widgets.widgets import practice as view

    untagged = PracticePrompt("made-up-01", "knitting", "I <b>love</b> my yarn.", ("What?",), ("You love it.",), ("It matters.",))
    monkeypatch.setattr(view, "practice_prompts", lambda topic=None, language="en": [untagged])
    rp = ReflectionPractice(topic="knitting")
    assert "Prompt 1 of 1 (topic: knitting)</p>" in rp.position.value and "client talk" not in rp.position.value
    with pytest.raises(UsageError, match=re.escape("(kinds of client talk for this topic: none)")):
        ReflectionPractice(topic="knitting", talk="change")


def test_the_kind_of_talk_is_shown_through_the_translation_function(pseudo_language):
    rp = ReflectionPractice(talk="discord")
    assert "⟦client talk: discord⟧" in rp.position.value
    assert "⟦Prompt {n} of {total} (topic: {topic}; {talk})⟧" not in rp.position.value  # filled in, not left raw
    assert rp.position.value.count("⟦") == 3  # the line itself, the topic and the kind of talk, each translated
    assert "⟦alcohol⟧" in rp.position.value


def test_a_prompt_id_outside_the_talk_filter_is_refused_clearly():
    with pytest.raises(UsageError, match=re.escape("practice prompt 'alcohol-01' carries client talk 'ambivalent', not 'discord'")):
        ReflectionPractice("alcohol-01", talk="discord")
    with pytest.raises(UsageError, match="is about alcohol, not smoking"):  # the topic check still comes first
        ReflectionPractice("alcohol-02", topic="smoking", talk="discord")


def test_a_topic_without_that_kind_of_talk_names_the_kinds_it_has():
    with pytest.raises(UsageError) as caught:
        ReflectionPractice(topic="dental hygiene", talk="discord")
    message = str(caught.value)
    assert "dental hygiene" in message and "'discord'" in message
    assert message.endswith("(kinds of client talk for this topic: sustain, neutral)")
    assert caught.value._render_traceback_() == [message]  # one sentence in Jupyter, no traceback


def test_unknown_kinds_of_talk_and_topics_are_refused():
    with pytest.raises(UsageError, match="unknown kind of client talk 'anger' \\(choose from change, sustain, ambivalent, neutral, discord\\)"):
        ReflectionPractice(talk="anger")
    with pytest.raises(UsageError, match="unknown kind of client talk"):
        ReflectionPractice("alcohol-01", talk="ambivalence")  # the field's value is "ambivalent"
    with pytest.raises(UsageError, match="topics: .*alcohol"):
        ReflectionPractice(topic="knitting", talk="change")


def test_work_comes_back_in_a_new_talk_filtered_widget(progress_file):
    rp = ReflectionPractice(talk="discord")
    first = rp.prompt.id
    rp.aim("simple_reflection")
    rp.write("You didn't come in here to be <b>labelled</b>.")
    rp.check()
    assert records(progress_file)[f"reflection:{first}"]["data"]["text"] == "You didn't come in here to be <b>labelled</b>."
    again = ReflectionPractice(talk="discord")
    assert again.prompt.id == first and again.text.value == "You didn't come in here to be <b>labelled</b>."
    assert again.aim_choice.value == "simple_reflection"
    assert "saved earlier" in again.feedback.value
    assert "&lt;b&gt;labelled&lt;/b&gt;" in again.feedback.value and "<b>labelled</b>" not in again.feedback.value
