"""Rating a dialogue on the four MITI globals and comparing with the expert."""

import pytest

from mi_widgets.engine.errors import UsageError
from mi_widgets.engine.library import get_dialogue
from mi_widgets.engine.loaders import load_folder
from mi_widgets.engine.model import GLOBAL_KEYS, Dialogue, GlobalRatings, Utterance
from mi_widgets.engine.ratingrun import (
    GLOBAL_NAMES, SCALE_REMINDERS, START, RatingRun, check_rating, choose_globals, missing_globals, rationale_excerpt, verdict_for,
)


def dialogue(**globals_) -> Dialogue:
    utts = (Utterance("counselor", "What brings you in?", "Q", "open"), Utterance("client", "My doctor sent me.", "N"))
    return Dialogue(id="tiny", title="Tiny", utterances=utts, globals=GlobalRatings(**globals_))


@pytest.mark.parametrize("diff, expected", [(0, "exact"), (1, "close"), (-1, "close"), (2, "off"), (-2, "off"), (4, "off")])
def test_verdict_boundaries(diff, expected):
    assert verdict_for(diff) == expected


def test_a_new_run_starts_every_scale_at_three_untouched():
    run = RatingRun(get_dialogue("dental-hygiene"))
    assert START == 3 and run.ratings == {k: 3 for k in GLOBAL_KEYS}
    assert run.untouched == list(GLOBAL_KEYS)
    run.rate("sst", 2)
    assert run.untouched == ["cct", "partnership", "empathy"]


@pytest.mark.parametrize("key, value, says", [
    ("warmth", 3, "unknown global 'warmth'"), ("CCT", 3, "unknown global 'CCT'"),
    ("cct", 0, "not 0"), ("cct", 6, "not 6"), ("cct", 3.5, "not 3.5"), ("cct", True, "not True"), ("sst", "3", "not '3'"),
])
def test_bad_ratings_are_refused_with_a_message(key, value, says):
    run = RatingRun(get_dialogue("dental-hygiene"))
    with pytest.raises(ValueError) as err:
        run.rate(key, value)
    assert says in str(err.value)
    assert run.ratings == {k: 3 for k in GLOBAL_KEYS} and run.untouched == list(GLOBAL_KEYS)


def test_check_rating_accepts_the_whole_scale():
    assert [check_rating("empathy", v) for v in range(1, 6)] == [1, 2, 3, 4, 5]


def test_each_global_is_compared_with_the_expert():
    run = RatingRun(get_dialogue("dental-hygiene"))  # expert: cct 3, sst 2, partnership 3, empathy 3
    for key, value in {"cct": 5, "sst": 2, "partnership": 4, "empathy": 1}.items():
        run.rate(key, value)
    result = run.check()
    got = {g.key: (g.learner, g.expert, g.difference, g.verdict) for g in result.globals}
    assert got == {
        "cct": (5, 3, 2, "off"),
        "sst": (2, 2, 0, "exact"),
        "partnership": (4, 3, 1, "close"),
        "empathy": (1, 3, -2, "off"),
    }
    assert (result.score, result.max, result.exact) == (2, 4, 1)
    assert result.ratings == {"cct": 5, "sst": 2, "partnership": 4, "empathy": 1}


def test_summary_scores_from_both_sets_of_ratings_with_the_miti_levels():
    run = RatingRun(get_dialogue("dental-hygiene"))
    for key, value in {"cct": 5, "sst": 2, "partnership": 4, "empathy": 1}.items():
        run.rate(key, value)
    result = run.check()
    tech, rel = result.summary("technical"), result.summary("relational")
    assert (tech.learner, tech.expert, tech.learner_level, tech.expert_level) == (3.5, 2.5, "fair", "below_fair")
    assert not tech.same_level
    assert (rel.learner, rel.expert, rel.learner_level, rel.expert_level) == (2.5, 3.0, "below_fair", "below_fair")
    assert rel.same_level and rel.thresholds == (3.5, 4.0)


@pytest.mark.parametrize("cct, sst, level", [(3, 3, "fair"), (4, 4, "good"), (3, 2, "below_fair"), (4, 3, "fair"), (5, 3, "good")])
def test_technical_thresholds_are_reached_at_the_boundary(cct, sst, level):
    run = RatingRun(get_dialogue("er-alcohol-mi"))
    run.rate("cct", cct)
    run.rate("sst", sst)
    assert run.check().summary("technical").learner_level == level


@pytest.mark.parametrize("partnership, empathy, level", [(3, 4, "fair"), (3, 3, "below_fair"), (4, 4, "good"), (4, 3, "fair")])
def test_relational_thresholds(partnership, empathy, level):
    run = RatingRun(get_dialogue("er-alcohol-mi"))
    run.rate("partnership", partnership)
    run.rate("empathy", empathy)
    assert run.check().summary("relational").learner_level == level


def test_a_dialogue_missing_a_global_is_refused_clearly():
    with pytest.raises(ValueError) as err:
        RatingRun(dialogue(cct=3, sst=3))
    message = str(err.value)
    assert "tiny" in message and "Partnership" in message and "Empathy" in message and "Cultivating" not in message
    assert missing_globals(GlobalRatings(cct=1, sst=1, partnership=1, empathy=1)) == []
    with pytest.raises(ValueError):
        RatingRun(dialogue())


def test_saved_ratings_come_back_and_junk_is_ignored():
    run = RatingRun(get_dialogue("dental-hygiene"))
    run.load({"cct": 4, "sst": 9, "empathy": "5", "warmth": 2, "partnership": 1})
    assert run.ratings == {"cct": 4, "sst": 3, "partnership": 1, "empathy": 3}
    assert run.untouched == ["sst", "empathy"]


def test_rationale_excerpt_picks_the_sentences_about_one_global():
    text = ("She evokes his reasons (CCT 4). She argues once, so SST 3. "
            "She asks permission throughout and follows his agenda. That gives Partnership 5. "
            "Her reflections catch his fear; Empathy 4.")
    assert rationale_excerpt(text, "cct") == "She evokes his reasons (CCT 4)."
    assert rationale_excerpt(text, "sst") == "She argues once, so SST 3."
    # a very short sentence comes with the one before it, so it reads on its own
    assert rationale_excerpt(text, "partnership") == "She asks permission throughout and follows his agenda. That gives Partnership 5."
    assert rationale_excerpt(text, "empathy") == "Her reflections catch his fear; Empathy 4."
    assert rationale_excerpt("Good work overall.", "cct") == "Good work overall."  # nothing named: the whole text
    assert rationale_excerpt(None, "cct") == ""


def test_every_library_dialogue_gives_each_global_its_own_reasons():
    dialogues, _problems = load_folder(None)
    assert len(dialogues) >= 16
    for d in dialogues:
        result = RatingRun(d).check()
        for g in result.globals:
            assert g.rationale and g.rationale != result.rationale, (d.id, g.key)


def test_every_global_has_a_name_and_a_reminder_of_its_scale():
    for key in GLOBAL_KEYS:
        assert GLOBAL_NAMES[key]
        assert "1 =" in SCALE_REMINDERS[key] and "5 =" in SCALE_REMINDERS[key]


def test_the_sst_reminder_rewards_acknowledging_sustain_talk_without_drawing_out_more():
    sst = SCALE_REMINDERS["sst"]
    assert "1 = argues with it, asks for more of it or dwells on it, so it grows" in sst
    assert "5 = consistently acknowledges it without drawing out more" in sst and "double-sided reflection" in sst
    assert "turns the focus elsewhere" not in sst


# ------------------------------------------------------------------ only some globals asked for
def test_choose_globals_keeps_the_usual_order_and_defaults_to_all_four():
    assert choose_globals(None) == GLOBAL_KEYS == ("cct", "sst", "partnership", "empathy")
    assert choose_globals(["empathy", "partnership"]) == ("partnership", "empathy")
    assert choose_globals(("sst", "cct", "sst")) == ("cct", "sst")  # a key given twice counts once
    assert choose_globals("empathy") == ("empathy",)  # one key as a plain string


@pytest.mark.parametrize("keys, says", [
    (["partnership", "warmth"], "unknown global 'warmth' in globals"),
    (["Empathy"], "unknown global 'Empathy' in globals"),
    (["warmth", "cct", "trust"], "unknown global 'warmth', 'trust' in globals"),
    ("partnership, empathy", "unknown global 'partnership, empathy'"),
    ([], "globals is empty"),
    ((), "globals is empty"),
])
def test_an_unknown_or_empty_choice_of_globals_is_a_usage_error_naming_the_keys(keys, says):
    with pytest.raises(UsageError) as err:
        choose_globals(keys)
    assert says in str(err.value) and "cct, sst, partnership, empathy" in str(err.value)
    with pytest.raises(UsageError, match="cct, sst, partnership, empathy"):
        RatingRun(get_dialogue("dental-hygiene"), keys)


def test_a_run_with_two_globals_rates_compares_and_counts_only_those():
    run = RatingRun(get_dialogue("dental-hygiene"), ["empathy", "partnership"])  # expert: partnership 3, empathy 3
    assert run.asked == ("partnership", "empathy") and run.ratings == {"partnership": 3, "empathy": 3}
    assert run.untouched == ["partnership", "empathy"] and run.expert == {"partnership": 3, "empathy": 3}
    run.rate("partnership", 4)
    run.rate("empathy", 1)
    result = run.check()
    assert [g.key for g in result.globals] == ["partnership", "empathy"]
    assert (result.score, result.max, result.exact) == (1, 2, 0)
    assert result.ratings == {"partnership": 4, "empathy": 1}
    assert [s.key for s in result.summaries] == ["relational"]
    rel = result.summary("relational")
    assert (rel.learner, rel.expert) == (2.5, 3.0)
    with pytest.raises(KeyError):
        result.summary("technical")
    with pytest.raises(KeyError):
        result.comparison("cct")


def test_a_global_not_asked_for_cannot_be_rated():
    run = RatingRun(get_dialogue("dental-hygiene"), ["partnership", "empathy"])
    with pytest.raises(UsageError) as err:
        run.rate("cct", 2)
    assert "does not ask for Cultivating Change Talk" in str(err.value) and "Partnership, Empathy" in str(err.value)
    assert run.ratings == {"partnership": 3, "empathy": 3} and run.moved == set()


def test_a_summary_needs_both_of_its_globals():
    run = RatingRun(get_dialogue("dental-hygiene"), ["cct", "partnership"])
    assert run.check().summaries == ()
    run = RatingRun(get_dialogue("dental-hygiene"), ["cct", "sst"])
    assert [s.key for s in run.check().summaries] == ["technical"]
    assert [s.key for s in RatingRun(get_dialogue("dental-hygiene")).check().summaries] == ["technical", "relational"]


def test_a_dialogue_needs_an_expert_rating_only_for_the_globals_asked_for():
    run = RatingRun(dialogue(partnership=4, empathy=2), ["partnership", "empathy"])
    assert run.check().max == 2
    with pytest.raises(UsageError) as err:
        RatingRun(dialogue(partnership=4, cct=2), ["partnership", "empathy"])
    message = str(err.value)
    assert "tiny" in message and "no expert rating for Empathy" in message and "all four" not in message


def test_saved_ratings_of_globals_not_asked_for_are_left_out():
    run = RatingRun(get_dialogue("dental-hygiene"), ["partnership", "empathy"])
    loaded = run.load({"cct": 5, "sst": 1, "empathy": 4, "partnership": 9})
    assert loaded == ["empathy"]
    assert run.ratings == {"partnership": 3, "empathy": 4} and run.untouched == ["partnership"]
    full = RatingRun(get_dialogue("dental-hygiene"))
    assert full.load({"empathy": 2, "partnership": 5}) == ["partnership", "empathy"]
    assert full.ratings == {"cct": 3, "sst": 3, "partnership": 5, "empathy": 2} and full.untouched == ["cct", "sst"]
