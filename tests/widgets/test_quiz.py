"""Quiz, driven from Python as a learner would click it."""

import json

from mi_widgets import Quiz, get_quiz_item


def test_wrong_then_right_shows_each_options_feedback_and_scores_the_first_try(progress_file):
    q = Quiz("oars")
    item = q.item
    wrong = next(i for i, o in enumerate(item.options) if not o.correct)
    q.choose(wrong)
    assert q.check() is False
    assert "✗" in q.feedback.value and "Not quite." in q.feedback.value
    q.choose(item.answer)
    assert q.check() is True
    assert "✓" in q.feedback.value and "Correct." in q.feedback.value
    assert q.score == (0, 1, len(q.run.items))  # the first answer is the one scored
    saved = json.loads(progress_file.read_text())["records"][f"quiz:{item.id}"]
    assert saved["score"] == 0 and saved["attempts"] == 2 and saved["data"]["first"] == wrong


def test_checking_without_a_choice_asks_for_one():
    q = Quiz(items=["oars-01"])
    assert q.check() is None
    assert "Choose an answer first." in q.feedback.value


def test_answers_come_back_in_a_new_widget_and_navigation_stays_in_range():
    q = Quiz(items=["oars-01", "oars-02"])
    q.choose(get_quiz_item("oars-01").answer)
    q.check()
    q.next(); q.next()
    assert q.index == 1
    again = Quiz(items=["oars-01", "oars-02"])
    assert again.score == (1, 1, 2)
    assert again.options.value == get_quiz_item("oars-01").answer and "Correct." in again.feedback.value


def test_text_from_the_bank_is_escaped(monkeypatch):
    q = Quiz(items=["oars-02"])
    assert '"Do you want' not in q.question.value and "&quot;Do you want" in q.question.value
