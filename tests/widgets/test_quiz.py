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


def _wrong(item_id):
    item = get_quiz_item(item_id)
    return next(i for i, o in enumerate(item.options) if not o.correct)


def _record(progress_file, item_id):
    return json.loads(progress_file.read_text())["records"][f"quiz:{item_id}"]


def test_a_fresh_quiz_restores_nothing_and_scores_this_attempts_first_answers(progress_file):
    ids = ["oars-01", "oars-02"]
    first = Quiz(items=ids)
    for n, item_id in enumerate(ids):
        first.go(n)
        first.choose(get_quiz_item(item_id).answer)
        first.check()
    assert first.score == (2, 2, 2)
    review = Quiz(items=ids, fresh=True)
    assert review.fresh and review.score == (0, 0, 2)
    assert review.options.value is None  # nothing preselected
    assert "Correct." not in review.feedback.value and "A fresh attempt." in review.feedback.value
    assert "Score: 0 of 0 answered" in review.score_line.value
    review.choose(_wrong("oars-01"))
    assert review.check() is False
    review.choose(get_quiz_item("oars-01").answer)
    assert review.check() is True
    assert review.score == (0, 1, 2)  # this attempt's first answer is the one scored
    rec = _record(progress_file, "oars-01")
    assert rec["score"] == 0 and rec["best"] == 1 and rec["attempts"] == 3  # still saved; the best is kept
    assert rec["data"]["first"] == _wrong("oars-01")
    assert _record(progress_file, "oars-02")["score"] == 1  # not answered again: untouched


def test_a_fresh_topic_quiz_starts_empty_even_when_every_item_was_answered():
    whole = Quiz("oars")
    for n, item in enumerate(whole.run.items):
        whole.go(n)
        whole.choose(item.answer)
        whole.check()
    total = len(whole.run.items)
    assert Quiz("oars").score == (total, total, total)  # the default brings them all back
    review = Quiz("oars", fresh=True)
    assert review.score == (0, 0, total)
    for n in range(total):
        review.go(n)
        assert review.options.value is None


def test_start_again_clears_the_answers_in_place_and_keeps_saved_progress(progress_file):
    ids = ["oars-01", "oars-02"]
    q = Quiz(items=ids)
    for n, item_id in enumerate(ids):
        q.go(n)
        q.choose(get_quiz_item(item_id).answer)
        q.check()
    before = json.loads(progress_file.read_text())["records"]
    start = next(b for box in q.children for b in getattr(box, "children", ()) if getattr(b, "description", "") == "Start again")
    assert start is q.restart_button
    start.click()  # the button does what restart() does
    assert q.score == (0, 0, 2) and q.index == 0 and q.options.value is None and q.fresh
    assert "Started again." in q.feedback.value and "Score: 0 of 0 answered" in q.score_line.value
    assert json.loads(progress_file.read_text())["records"] == before  # nothing deleted or changed
    q.choose(_wrong("oars-01"))
    q.check()
    assert q.score == (0, 1, 2)
    rec = _record(progress_file, "oars-01")
    assert rec["score"] == 0 and rec["best"] == 1 and rec["data"]["first"] == _wrong("oars-01")
    q.restart()
    q.choose(get_quiz_item("oars-01").answer)
    assert q.check() is True and q.score == (1, 1, 2)


def test_start_again_is_a_labelled_translated_button(pseudo_language):
    q = Quiz(items=["oars-01"], fresh=True)
    assert q.restart_button.description == "⟦Start again⟧" and q.restart_button.tooltip.startswith("⟦")
    assert "⟦A fresh attempt.⟧" in q.feedback.value
