"""Volley rules, summary scores and every level boundary, and the hand-counted transcript."""

import json
from fractions import Fraction

import pytest

from mi_widgets.engine.loaders import load_transcript
from mi_widgets.engine.miti import (
    THRESHOLDS, facilitative_positions, is_backchannel, level, score_dialogue, split_volleys, summary_scores,
)
from mi_widgets.engine.model import Dialogue, GlobalRatings, Utterance


def talk(*turns: str) -> Dialogue:
    """Build a dialogue from 'c:CODE' (counsellor) and 'k:CODE' (client) tokens."""
    utts = []
    for t in turns:
        who, _, code = t.partition(":")
        speaker = "counselor" if who == "c" else "client"
        text = "Mm-hmm." if code == "mm" else f"{speaker} says {code}"
        utts.append(Utterance(speaker, text, None if code in ("", "mm") else code))
    return Dialogue(id="t", title="t", utterances=tuple(utts))


def test_consecutive_counsellor_rows_form_one_volley():
    d = talk("c:Q", "c:Q", "k:N", "c:SR", "k:CT", "c:GI", "c:GI", "c:AF")
    assert split_volleys(d.utterances) == [[0, 1], [3], [5, 6, 7]]


def test_each_code_counts_once_per_volley():
    r = score_dialogue(talk("c:GI", "c:GI", "c:AF", "c:AF", "k:N", "c:GI"))
    assert r.raw_counts["GI"] == 3 and r.counts["GI"] == 2
    assert r.counts["AF"] == 1


def test_one_q_per_volley_with_a_warning():
    r = score_dialogue(talk("c:Q", "c:Q", "c:Q", "k:N", "c:Q"))
    assert r.raw_counts["Q"] == 4 and r.counts["Q"] == 2
    assert any("3 questions tallied as one Q" in w for w in r.warnings)


def test_one_reflection_per_volley_complex_wins():
    r = score_dialogue(talk("c:SR", "c:CR", "k:N", "c:SR", "c:SR", "k:N", "c:CR", "c:CR"))
    assert r.counts["CR"] == 2 and r.counts["SR"] == 1
    assert any("2 reflections tallied as one CR" in w for w in r.warnings)
    assert any("2 reflections tallied as one SR" in w for w in r.warnings)


def test_a_reflection_with_a_checking_question_earns_both():
    r = score_dialogue(talk("c:SR", "c:Q", "k:CT"))
    assert r.counts["SR"] == 1 and r.counts["Q"] == 1
    assert r.warnings == []


def test_a_brief_client_sound_does_not_end_a_volley():
    d = talk("c:GI", "k:mm", "c:GI", "c:SR", "k:N", "c:Q")
    assert split_volleys(d.utterances) == [[0, 2, 3], [5]]
    assert score_dialogue(d).counts["GI"] == 1


def test_a_yes_that_answers_a_question_or_is_change_talk_ends_the_volley():
    ans = Dialogue("t", "t", (Utterance("counselor", "Do you smoke?", "Q"), Utterance("client", "Yes.", "N"), Utterance("counselor", "Hm.", "Q")))
    assert split_volleys(ans.utterances) == [[0], [2]]
    ct = Dialogue("t", "t", (Utterance("counselor", "x", "SR"), Utterance("client", "Yeah.", "CT", "desire"), Utterance("counselor", "y", "SR")))
    assert split_volleys(ct.utterances) == [[0], [2]]
    assert facilitative_positions(ct.utterances) == set()


@pytest.mark.parametrize("text, brief", [("Mm-hmm.", True), ("Uh-huh", True), ("Yeah, yeah.", True), ("[laughs] Right.", True), ("Mhm", True),
                                         ("Yeah, I want to stop.", False), ("Sure, go ahead. I've heard it.", False), ("", False)])
def test_backchannel_detection(text, brief):
    assert is_backchannel(text) is brief


def test_counts_include_all_ten_codes_with_zeros():
    r = score_dialogue(talk("c:Q", "k:N"))
    assert list(r.counts) == ["GI", "PERS", "PWP", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "CONF"]
    assert sum(r.counts.values()) == 1


def counts(**kw):
    base = dict.fromkeys(["GI", "PERS", "PWP", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "CONF"], 0)
    base.update(kw)
    return base


def test_every_summary_score_formula():
    s = summary_scores(counts(Q=4, SR=3, CR=3, AF=2, SEEK=1, EMPH=1, PERS=2, CONF=1), {"CT": 6, "ST": 2, "N": 9}, GlobalRatings(4, 3, 5, 4))
    assert s["reflection_to_question"] == pytest.approx(1.5)
    assert s["percent_complex_reflections"] == pytest.approx(50.0)
    assert s["total_mi_adherent"] == 4
    assert s["total_mi_non_adherent"] == 3
    assert s["percent_change_talk"] == pytest.approx(75.0)
    assert s["technical"] == pytest.approx(3.5)
    assert s["relational"] == pytest.approx(4.5)


def test_undefined_scores_are_none():
    s = summary_scores(counts(), {"CT": 0, "ST": 0, "N": 3}, GlobalRatings(cct=4))
    assert s["reflection_to_question"] is None
    assert s["percent_complex_reflections"] is None
    assert s["percent_change_talk"] is None
    assert s["technical"] is None and s["relational"] is None
    assert s["total_mi_adherent"] == 0


@pytest.mark.parametrize(
    "score, below, fair, between, good, above",
    [
        ("reflection_to_question", 0.99, 1.0, 1.5, 2.0, 3.0),
        ("percent_complex_reflections", 39.9, 40.0, 45.0, 50.0, 80.0),
        ("technical", 2.5, 3.0, 3.5, 4.0, 5.0),
        ("relational", 3.0, 3.5, 3.75, 4.0, 4.5),
    ],
)
def test_each_level_boundary_equal_reaches_it(score, below, fair, between, good, above):
    assert THRESHOLDS[score] == (fair, good)
    assert level(score, below) == "below_fair"
    assert level(score, fair) == "fair"
    assert level(score, between) == "fair"
    assert level(score, good) == "good"
    assert level(score, above) == "good"
    assert level(score, None) is None


def test_percentages_computed_from_counts_reach_thresholds_exactly():
    """Every CR/(SR+CR) that is exactly 40 % or 50 % as a fraction must reach fair or good."""
    for total in range(1, 101):
        for cr in range(total + 1):
            pct = summary_scores(counts(SR=total - cr, CR=cr, Q=1), {"CT": 0, "ST": 0, "N": 0}, GlobalRatings())["percent_complex_reflections"]
            exact = Fraction(100 * cr, total)
            expected = "good" if exact >= 50 else "fair" if exact >= 40 else "below_fair"
            assert level("percent_complex_reflections", pct) == expected, (cr, total)


def test_rq_levels_from_counts():
    def rq(refl, q):
        s = summary_scores(counts(SR=refl, Q=q), {"CT": 0, "ST": 0, "N": 0}, GlobalRatings())
        return level("reflection_to_question", s["reflection_to_question"])

    assert rq(3, 3) == "fair" and rq(2, 3) == "below_fair" and rq(6, 3) == "good" and rq(5, 3) == "fair"


def test_the_hand_counted_transcript(fixtures):
    """Figures a careful coder computed by hand from the MITI 4.2.1 rules (see the .expected.md)."""
    expected = json.loads((fixtures / "transcripts/practice-smoking.expected.json").read_text())
    g = expected["summary_with_globals"]
    r = score_dialogue(load_transcript(fixtures / "transcripts/practice-smoking.csv"), GlobalRatings(g["cct"], g["sst"], g["partnership"], g["empathy"]))
    assert {"counselor": r.n_counselor, "client": r.n_client} == expected["utterances"]
    assert r.raw_counts == expected["raw_counts"]
    assert r.counts == expected["counts"]
    assert r.client_counts == expected["client_counts"]
    assert len(r.volleys) == expected["n_volleys"]
    for key, value in expected["summary"].items():
        assert r.summary[key] == pytest.approx(value, abs=1e-4), key
    assert r.summary["technical"] == g["technical"] and r.summary["relational"] == g["relational"]
    assert r.levels == expected["levels"]
