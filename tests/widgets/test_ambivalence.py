"""ReadinessRuler and DecisionalBalance, driven from Python as a learner would click them."""

import json

import ipywidgets as w
import pytest

from mi_widgets import DecisionalBalance, ReadinessRuler
from mi_widgets.engine.ambivalence import QUADRANTS, get_balance_set


def controls(widget):
    """Every widget inside ``widget``."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += controls(child)
    return found


def assert_every_input_is_labelled(widget):
    inputs = [c for c in controls(widget) if isinstance(c, (w.IntSlider, w.Text, w.Textarea, w.Dropdown, w.Button))]
    assert inputs
    assert all(c.description.strip() for c in inputs), [type(c).__name__ for c in inputs if not c.description.strip()]


def saved(progress_file, key):
    return json.loads(progress_file.read_text())["records"][key]


# ------------------------------------------------------------------------------------- ruler
def test_ruler_has_two_labelled_scales_and_asks_the_follow_up_questions(progress_file):
    r = ReadinessRuler("walking to work")
    assert r.importance.description == "How important is this change to you?"
    assert r.confidence.description == "How confident are you that you could make it?"
    assert list(r.importance.options) == list(range(11)) == list(r.confidence.options)
    assert_every_input_is_labelled(r)
    r.set_importance(6)
    r.set_confidence(3)
    questions = r.ask()
    assert [q.text for q in questions] == ["What makes it a 6 and not a 3?", "What would it take to move from 6 to 8?",
                                           "What makes it a 3 and not a 1?", "What would help you get a little higher?"]
    shown = r.feedback.value
    assert "ℹ" in shown and "Questions for you about: walking to work" in shown
    assert all(q.text in shown for q in questions)
    assert "Why ask about a lower number?" in shown and "change talk" in shown and "sustain talk" in shown
    record = saved(progress_file, "ruler:self-walking-to-work")
    assert record["data"]["importance"] == 6 and record["data"]["confidence"] == 3 and record["data"]["asked"] is True
    assert "✓" in r.saved_line.value and "Saved at" in r.saved_line.value


def test_counselor_mode_shows_questions_to_ask_and_what_to_listen_for():
    r = ReadinessRuler(mode="counselor")
    r.set_importance(8)
    r.set_confidence(8)
    r.ask()
    assert "Questions to ask your client" in r.feedback.value and "Listen for" in r.feedback.value
    assert r.feedback.value.count("What makes it an 8 and not a 5?") == 2 and "client" in r.notes.description
    assert "Both are high: the person may be ready to plan." in r.feedback.value


def test_planning_is_suggested_only_when_both_rulers_are_high():
    r = ReadinessRuler()
    r.set_importance(7)
    r.set_confidence(6)
    r.ask()
    assert "ready to plan" not in r.feedback.value
    r.confidence.value = 7  # as dragging it would
    assert "Both are high: the person may be ready to plan. Ask whether they would like to talk about next steps (planning)." in r.feedback.value


def test_a_chosen_zero_asks_what_would_make_it_a_one():
    r = ReadinessRuler()
    r.set_importance(0)
    r.set_confidence(0)
    r.ask()
    assert r.feedback.value.count("What would have to happen for it to become a 1?") == 2
    assert "and not a" not in r.feedback.value


def test_a_new_ruler_has_nothing_selected():
    r = ReadinessRuler("cycling")
    assert r.importance.value is None and r.confidence.value is None
    assert r.importance.index is None and r.confidence.index is None
    assert (r.state.importance, r.state.confidence) == (None, None)
    assert r.feedback.value == ""


def test_asking_with_nothing_chosen_asks_for_numbers_and_gives_no_questions_for_0(progress_file):
    r = ReadinessRuler(ruler_id="blank")
    questions = r.ask()
    shown = r.feedback.value
    assert questions == [] and r.questions == []
    assert "ℹ" in shown and "No number chosen yet." in shown
    assert "Choose a number on the importance ruler first." in shown
    assert "Choose a number on the confidence ruler first." in shown
    assert "become a 1" not in shown and "and not a" not in shown and "0 of 10" not in shown
    assert "ready to plan" not in shown and "Importance is low" not in shown  # no hint comparing the rulers
    data = saved(progress_file, "ruler:blank")["data"]
    assert data["importance"] is None and data["confidence"] is None


def test_choosing_only_importance_gives_only_importance_questions():
    r = ReadinessRuler()
    r.set_importance(6)
    questions = r.ask()
    shown = r.feedback.value
    assert [q.text for q in questions] == ["What makes it a 6 and not a 3?", "What would it take to move from 6 to 8?"]
    assert {q.scale for q in questions} == {"importance"}
    assert "Importance: 6 of 10" in shown and "Confidence:" not in shown
    assert "Choose a number on the confidence ruler first." in shown
    assert "Choose a number on the importance ruler first." not in shown
    assert "What would help you get a little higher?" not in shown and "become a 1" not in shown
    assert "Importance and confidence are close" not in shown and "Build confidence" not in shown
    r.confidence.value = 2  # as clicking it would: the questions follow, and the comparison hint appears
    assert "What makes it a 2 and not a 1?" in r.feedback.value
    assert "Choose a number on the confidence ruler first." not in r.feedback.value
    assert "Build confidence" in r.feedback.value


def test_a_number_can_be_cleared_again():
    r = ReadinessRuler()
    r.set_confidence(5)
    r.set_confidence(None)
    assert r.confidence.value is None and r.state.confidence is None
    r.ask()
    assert "Choose a number on the confidence ruler first." in r.feedback.value


def test_a_score_outside_the_ruler_is_refused_and_changes_nothing():
    r = ReadinessRuler()
    r.set_importance(4)
    with pytest.raises(ValueError):
        r.set_importance(11)
    assert r.importance.value == 4 and r.state.importance == 4


def test_moving_a_slider_after_asking_updates_the_questions():
    r = ReadinessRuler()
    r.set_importance(5)
    r.ask()
    assert "What makes it a 5 and not a 2?" in r.feedback.value
    r.importance.value = 9  # as dragging it would
    assert "What makes it a 9 and not a 6?" in r.feedback.value and "a 5 and not" not in r.feedback.value


def test_learner_text_is_escaped_and_notes_are_saved_on_leaving_the_box(progress_file):
    r = ReadinessRuler(ruler_id="mine")
    r.set_change("<b>drink less</b>")
    r.set_notes("<script>alert(1)</script> my reasons")
    assert saved(progress_file, "ruler:mine")["data"]["notes"] == "<script>alert(1)</script> my reasons"
    r.ask()  # no number chosen yet: the message names the change
    assert "No number chosen yet for:" in r.feedback.value
    assert "<b>drink less</b>" not in r.feedback.value and "&lt;b&gt;drink less&lt;/b&gt;" in r.feedback.value
    r.set_importance(5)  # the questions follow, under a title naming the change
    assert "Questions for you about:" in r.feedback.value
    assert "<b>drink less</b>" not in r.feedback.value and "&lt;b&gt;drink less&lt;/b&gt;" in r.feedback.value


def test_the_ruler_comes_back_in_a_new_widget():
    r = ReadinessRuler("sleep", mode="counselor")
    r.set_importance(7)
    r.set_confidence(2)
    r.set_notes("She sleeps badly after late shifts.")
    r.ask()
    again = ReadinessRuler("sleep", mode="counselor")
    assert (again.importance.value, again.confidence.value) == (7, 2)
    assert again.notes.value == "She sleeps badly after late shifts."
    assert "What makes it a 7 and not a 4?" in again.feedback.value and "Saved at" in again.saved_line.value
    fresh = ReadinessRuler("sleep")  # the self-practice ruler is saved apart: nothing chosen there
    assert (fresh.importance.value, fresh.confidence.value) == (None, None)


def test_a_ruler_saved_with_nothing_chosen_comes_back_with_nothing_selected():
    r = ReadinessRuler("stairs")
    r.set_notes("not sure yet")
    r.ask()
    again = ReadinessRuler("stairs")
    assert (again.importance.value, again.confidence.value) == (None, None)
    assert (again.state.importance, again.state.confidence) == (None, None)
    assert again.notes.value == "not sure yet"
    assert "Choose a number on the importance ruler first." in again.feedback.value and "become a 1" not in again.feedback.value


def test_a_half_chosen_ruler_comes_back_half_chosen():
    r = ReadinessRuler("stairs")
    r.set_confidence(0)  # a chosen 0 must not come back as "not chosen"
    r.save()
    again = ReadinessRuler("stairs")
    assert (again.importance.value, again.confidence.value) == (None, 0)
    assert again.state.confidence == 0 and again.state.importance is None


# ---------------------------------------------------------------------------- decisional balance
def gold(set_id):
    return [s.quadrant for s in get_balance_set(set_id).statements]


def test_one_labelled_dropdown_per_statement_with_the_four_boxes():
    b = DecisionalBalance("balance-drinking")
    assert len(b.choosers) == len(gold("balance-drinking"))
    assert b.choosers[0].description == "Statement 1"
    labels = [label for label, _ in b.choosers[0].options]
    assert labels[1:] == ["Good things about the status quo", "Not-so-good things about the status quo",
                          "Not-so-good things about changing", "Good things about changing"]
    assert_every_input_is_labelled(b)


def test_all_right_scores_full_marks_and_shows_the_talk_link(progress_file):
    b = DecisionalBalance("balance-activity")
    for i, q in enumerate(gold("balance-activity")):
        b.place(i, q)
    result = b.check()
    assert b.score == (10, 10) and result.complete
    assert "✓" in b.feedback.value and "10 of 10 statements in the right box." in b.feedback.value
    assert b.feedback.value.count("This is change talk.") == 6 and b.feedback.value.count("This is sustain talk.") == 4
    talk = b.talk_area.value
    assert "<td>Good things about changing</td><td>change talk</td>" in talk
    assert "<td>Good things about the status quo</td><td>sustain talk</td>" in talk
    assert "equipoise" in talk and "selectively evokes and reflects change talk" in talk and "lower commitment" in talk
    assert "This sorting exercise trains your ear for change talk and sustain talk; it is not a script to run a full balance with every client." in talk
    record = saved(progress_file, "balance:balance-activity")
    assert record["score"] == 10 and record["max"] == 10


def test_wrong_and_unplaced_statements_are_each_explained():
    answers = gold("balance-drinking")
    b = DecisionalBalance("balance-drinking")
    b.place(0, answers[0])
    b.place(1, next(q for q in QUADRANTS if q != answers[1]))
    b.check()
    shown = b.feedback.value
    assert "◐" in shown and "1 of 10 statements in the right box. 8 not placed yet." in shown
    assert "✗" in shown and "Not quite." in shown and "⚠" in shown and "Not placed yet." in shown
    first = get_balance_set("balance-drinking").statements[1]
    assert first.rationale.replace("'", "&#x27;") in shown


def test_a_defensible_second_box_is_said_to_be_defensible_but_does_not_score(progress_file):
    bset = get_balance_set("balance-drinking")
    i = next(i for i, s in enumerate(bset.statements) if s.id == "s04")
    b = DecisionalBalance("balance-drinking")
    b.place(i, "status_quo_bad")  # its `also` box
    result = b.check()
    assert result.score == 0 and b.score == (0, 10)
    shown = b.feedback.value
    assert "◐" in shown and "✗" not in shown and "Defensible." in shown and "Not quite." not in shown
    assert "0 of 10 statements in the right box. 1 more in a box that can be defended." in shown
    assert "That box can be defended too, but this set counts Good things about changing as the answer." in shown
    assert "either box holds change talk" in shown
    assert saved(progress_file, "balance:balance-drinking")["score"] == 0
    b.place(i, "change_bad")  # not defensible
    b.check()
    assert "Defensible." not in b.feedback.value and "Not quite." in b.feedback.value and "✗" in b.feedback.value


def test_nothing_right_is_marked_as_such():
    answers = gold("balance-smoking")
    b = DecisionalBalance("balance-smoking")
    for i, q in enumerate(answers):
        b.place(i, next(x for x in QUADRANTS if x != q))
    b.check()
    assert "✗" in b.feedback.value and "0 of 8 statements in the right box." in b.feedback.value


def test_reveal_fills_the_boxes_lists_change_and_sustain_talk_and_does_not_raise_the_score(progress_file):
    b = DecisionalBalance("balance-smoking")
    b.place(0, "change_good")  # wrong
    b.check()
    b.reveal()
    assert [c.value for c in b.choosers] == gold("balance-smoking")
    assert "Change talk in this set" in b.talk_area.value and "Sustain talk in this set" in b.talk_area.value
    assert "Box: Good things about the status quo." in b.feedback.value
    record = saved(progress_file, "balance:balance-smoking")
    assert record["score"] == 0 and record["best"] == 0 and record["data"]["revealed"] is True
    assert b.check().score == 8 and b.score == (0, 8)  # checking the shown answers earns nothing
    again = DecisionalBalance("balance-smoking")
    again.reveal()
    record = saved(progress_file, "balance:balance-smoking")
    assert record["score"] == 0 and record["best"] == 0 and "Sustain talk in this set" in again.talk_area.value


def test_placing_checks_the_index_and_the_box():
    b = DecisionalBalance("balance-smoking")
    with pytest.raises(IndexError):
        b.place(8, "change_good")
    with pytest.raises(ValueError):
        b.place(0, "good")
    b.choosers[2].value = "change_bad"  # as choosing it in the dropdown would
    assert b.sort.placements == {2: "change_bad"}


def test_the_sorting_comes_back_in_a_new_widget():
    b = DecisionalBalance("balance-drinking")
    b.place(3, "change_good")
    b.place(4, "change_bad")
    b.check()
    again = DecisionalBalance("balance-drinking")
    assert again.choosers[3].value == "change_good" and again.choosers[4].value == "change_bad"
    assert again.score == (1, 10) and "1 of 10 statements in the right box." in again.feedback.value


def test_text_from_a_set_file_is_escaped(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    rows = "".join(
        f"  - id: s{i}\n    text: \"<img src=x onerror=alert({i})> I like it\"\n    quadrant: {QUADRANTS[i % 4]}\n    rationale: \"<b>why</b>\"\n"
        for i in range(8)
    )
    (folder / "balance-evil.yaml").write_text(
        "id: balance-evil\ntitle: \"<i>Evil</i>\"\nlanguage: en\ntopic: test\nclient: \"<u>Someone</u>\"\nchange: Less\nstatements:\n" + rows,
        encoding="utf-8")
    monkeypatch.setenv("MI_WORKBOOK_DATA", str(tmp_path))
    b = DecisionalBalance("balance-evil")
    b.check()
    everything = "".join(c.value for c in controls(b) if isinstance(c, w.HTML))
    assert "<img" not in everything and "&lt;img src=x" in everything
    assert "<i>Evil</i>" not in everything and "<u>Someone</u>" not in everything and "<b>why</b>" not in everything
