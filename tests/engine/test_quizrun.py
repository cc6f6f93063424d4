"""The quiz engine: first answers scored, saved answers loaded back, a fresh attempt by reset."""

import pytest

from mi_widgets.engine.library import get_quiz_item
from mi_widgets.engine.quizrun import QuizRun


def run() -> QuizRun:
    return QuizRun([get_quiz_item("oars-01"), get_quiz_item("oars-02")])


def wrong(item_id: str) -> int:
    return next(i for i, o in enumerate(get_quiz_item(item_id).options) if not o.correct)


def test_the_first_answer_is_scored_and_the_last_kept():
    r = run()
    r.answer("oars-01", wrong("oars-01"))
    r.answer("oars-01", get_quiz_item("oars-01").answer)
    assert r.first["oars-01"] == wrong("oars-01") and r.last["oars-01"] == get_quiz_item("oars-01").answer
    assert r.first_correct("oars-01") is False and r.first_correct("oars-02") is None
    assert (r.n_correct, r.n_answered) == (0, 1)
    with pytest.raises(KeyError):
        r.answer("no-such-item", 0)


def test_load_brings_saved_answers_back_and_skips_what_does_not_fit():
    r = run()
    right = get_quiz_item("oars-01").answer
    n = r.load({
        "oars-01": {"first": right},  # no "last": the first stands for it
        "oars-02": {"first": 99, "last": 99},  # no such option any more
        "other-item": {"first": 0},
    })
    assert n == 1 and r.first == {"oars-01": right} and r.last == {"oars-01": right}
    assert (r.n_correct, r.n_answered) == (1, 1)
    assert r.load({"oars-02": {"first": True}}) == 0 and r.load({"oars-02": {}}) == 0


def test_reset_starts_a_new_attempt_whose_first_answers_are_scored():
    r = run()
    r.answer("oars-01", get_quiz_item("oars-01").answer)
    r.answer("oars-02", get_quiz_item("oars-02").answer)
    assert r.n_correct == 2
    r.reset()
    assert (r.n_correct, r.n_answered) == (0, 0) and r.first == {} and r.last == {}
    r.answer("oars-01", wrong("oars-01"))
    r.answer("oars-01", get_quiz_item("oars-01").answer)
    assert r.first_correct("oars-01") is False and r.n_correct == 0
