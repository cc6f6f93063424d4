import pytest

from mi_widgets.engine.agreement import UNCODED, cohen_kappa, compare, normalise_answer, score_answers
from mi_widgets.engine.codes import CodeError
from mi_widgets.engine.model import Dialogue, Utterance


def test_kappa_against_a_hand_computed_three_category_case():
    # By hand: 8 of 10 agree -> p_o = .8. Gold A4 B2 C4, learner A4 B3 C3:
    # p_e = (4*4 + 2*3 + 4*3) / 100 = .34, kappa = (.8 - .34) / (1 - .34) = 23/33.
    gold = list("AAABBCCCCA")
    learner = list("AABBBCCACA")
    assert cohen_kappa(gold, learner) == pytest.approx(23 / 33)


def test_kappa_against_the_textbook_two_by_two_table():
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: p_o = .7, p_e = .5, kappa = .4
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_kappa_is_undefined_when_both_use_one_category_and_one_when_perfect():
    assert cohen_kappa(["SR"] * 4, ["SR"] * 4) is None
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["SR", "CR"], ["SR", "CR"]) == pytest.approx(1.0)
    assert cohen_kappa(["SR", "CR"], ["CR", "SR"]) == pytest.approx(-1.0)


def _dialogue():
    u = [
        Utterance("counselor", "What brings you in?", "Q", "open", "Invites a free answer."),
        Utterance("client", "My wife.", "N"),
        Utterance("counselor", "She is worried.", "SR", None, "Repeats her worry."),
        Utterance("counselor", "And you feel pushed into this.", "CR", None, "Adds a feeling he did not name."),
        Utterance("counselor", "Hello.", None, None, "A greeting stays uncoded."),
    ]
    return Dialogue(id="t", title="t", utterances=tuple(u))


def test_scoring_a_learner_gives_right_wrong_rationale_and_mix_ups():
    d = _dialogue()
    answers = {0: "Q", 2: "SR", 3: "SR", 4: UNCODED}  # utterance 2 (client) left unanswered
    result = score_answers(d, answers)
    assert [i.correct for i in result.items] == [True, True, False, True]
    assert result.items[2].gold == "CR" and result.items[2].learner == "SR"
    assert result.items[2].rationale == "Adds a feeling he did not name."
    assert result.percent_agreement == pytest.approx(75.0)
    assert result.mix_ups() == [("CR", "SR", 1)]
    assert result.per_code["SR"].precision == pytest.approx(0.5)
    assert result.per_code["SR"].recall == pytest.approx(1.0)
    assert result.per_code["CR"].recall == pytest.approx(0.0)
    assert result.per_code["CR"].precision is None  # learner never said CR
    frame = result.confusion_frame()
    assert frame.loc["CR", "SR"] == 1 and frame.loc["SR", "SR"] == 1


def test_subcodes_can_be_part_of_the_comparison():
    d = _dialogue()
    assert score_answers(d, {0: "Q:closed"}, with_subcodes=True).items[0].correct is False
    assert score_answers(d, {0: "Q:open"}, with_subcodes=True).items[0].correct is True
    assert score_answers(d, {0: "Q"}).items[0].correct is True


def test_compare_counts_unanswered_apart():
    r = compare(["SR", "CR", "Q"], ["SR", None, "SR"])
    assert r.n_unanswered == 1 and r.n_answered == 2 and r.n_correct == 1
    assert r.percent_agreement == pytest.approx(50.0)


def test_normalise_answer():
    assert normalise_answer("open question", "counselor", with_subcodes=True) == "Q:open"
    assert normalise_answer("complex reflection", "counselor") == "CR"
    assert normalise_answer("", "counselor") == UNCODED
    assert normalise_answer("CT", "client", with_subcodes=True, subcode="need") == "CT:need"
    with pytest.raises(CodeError):
        normalise_answer("CT", "counselor")
