"""GlobalRatingExercise, driven from Python as a learner would use it."""

import json

import ipywidgets as w
import pytest

from mi_widgets import GlobalRatingExercise
from mi_widgets.engine.errors import UsageError
from mi_widgets.engine.model import Dialogue, GlobalRatings, Utterance
from mi_widgets.engine.ratingrun import SCALE_REMINDERS


def rate_all(ex, **values):
    for key, value in values.items():
        ex.rate(key, value)


def tiny(globals_: GlobalRatings, text: str = "What brings you in today?") -> Dialogue:
    utts = (Utterance("counselor", text, "Q", "open"), Utterance("client", "My doctor <i>sent</i> me & I came.", "N"))
    return Dialogue(id="tiny", title="Tiny <test>", utterances=utts, globals=globals_)


def test_check_compares_each_global_with_the_expert_and_saves_the_ratings(progress_file):
    ex = GlobalRatingExercise("dental-hygiene")  # expert: cct 3, sst 2, partnership 3, empathy 3
    rate_all(ex, cct=5, sst=2, partnership=4, empathy=1)
    result = ex.check()
    assert result.score == 2
    html = ex.feedback.value
    assert "◐" in html and "2 of 4 globals within one point" in html  # icon and words
    assert "off by 2 or more points" in html and "exact match" in html and "close agreement (within one point)" in html
    assert "<td>+2</td>" in html and "<td>-2</td>" in html and "<td>+1</td>" in html
    assert "(CCT 3)" in html  # the expert's reasons for Cultivating Change Talk
    saved = json.loads(progress_file.read_text())["records"]["rating:dental-hygiene"]
    assert saved["kind"] == "rating" and saved["score"] == 2 and saved["max"] == 4
    assert saved["data"] == {"cct": 5, "sst": 2, "partnership": 4, "empathy": 1}


def test_summary_scores_are_shown_with_the_miti_bands():
    ex = GlobalRatingExercise("dental-hygiene")
    rate_all(ex, cct=5, sst=2, partnership=4, empathy=1)
    html = ex.check() and ex.feedback.value
    assert "3.5: fair" in html and "2.5: below fair" in html  # Technical: learner, expert
    assert "3.0: below fair" in html  # Relational, expert
    assert "fair from 3.0, good from 4.0" in html and "fair from 3.5, good from 4.0" in html
    assert "Technical score lands in a different band" in html


def test_full_agreement_is_a_tick_with_words():
    ex = GlobalRatingExercise("er-alcohol-righting")  # expert: 1, 1, 1, 2
    rate_all(ex, cct=1, sst=2, partnership=1, empathy=3)
    assert ex.check().score == 4
    assert "✓" in ex.feedback.value and "4 of 4 globals within one point" in ex.feedback.value


def test_far_off_ratings_are_a_cross():
    ex = GlobalRatingExercise("er-alcohol-righting")
    rate_all(ex, cct=5, sst=5, partnership=5, empathy=4)
    assert ex.check().score == 0
    assert "✗" in ex.feedback.value and "0 of 4" in ex.feedback.value


def test_every_scale_is_labelled_and_every_scale_has_its_reminder():
    ex = GlobalRatingExercise("physio-activity")
    labels = {k: s.description for k, s in ex.sliders.items()}
    assert labels == {
        "cct": "Cultivating Change Talk rating", "sst": "Softening Sustain Talk rating",
        "partnership": "Partnership rating", "empathy": "Empathy rating",
    }
    assert all((list(s.options), s.value) == ([1, 2, 3, 4, 5], 3) for s in ex.sliders.values())
    shown = " ".join(getattr(c, "value", "") for c in ex.children if isinstance(getattr(c, "value", None), str))
    for reminder in SCALE_REMINDERS.values():
        assert reminder.replace("'", "&#x27;") in shown
    assert "The manual rates a 20-minute segment; on a short excerpt, treat global ratings as practice estimates." in shown


def test_the_whole_dialogue_is_shown_with_speakers_in_words():
    ex = GlobalRatingExercise("er-alcohol-mi")
    html = ex.transcript.value
    assert html.count("Counsellor:") == len(ex.dialogue.counselor_utterances)
    assert html.count("Client:") == len(ex.dialogue.client_utterances)
    assert ex.dialogue.utterances[-1].text.replace("'", "&#x27;") in html


def test_moving_a_slider_rates_and_clears_an_outdated_comparison():
    ex = GlobalRatingExercise("dental-hygiene")
    ex.check()
    assert ex.feedback.value
    ex.sliders["empathy"].value = 5  # as a learner dragging the slider
    assert ex.ratings["empathy"] == 5 and ex.result is None and ex.feedback.value == ""
    assert ex.check().comparison("empathy").learner == 5


def test_bad_ratings_are_refused_and_change_nothing():
    ex = GlobalRatingExercise("dental-hygiene")
    with pytest.raises(ValueError, match="from 1 to 5"):
        ex.rate("empathy", 6)
    with pytest.raises(ValueError, match="unknown global"):
        ex.rate("warmth", 3)
    assert ex.sliders["empathy"].value == 3 and ex.ratings["empathy"] == 3


def test_ratings_and_comparison_come_back_in_a_new_widget():
    ex = GlobalRatingExercise("gp-diabetes-mi")
    rate_all(ex, cct=2, sst=4, partnership=5, empathy=4)
    ex.check()
    again = GlobalRatingExercise("gp-diabetes-mi")
    assert again.ratings == {"cct": 2, "sst": 4, "partnership": 5, "empathy": 4}
    assert {k: s.value for k, s in again.sliders.items()} == again.ratings
    assert again.result is not None and again.result.score == 3 and "3 of 4" in again.feedback.value
    assert GlobalRatingExercise("gp-diabetes-advice").feedback.value == ""  # other dialogues untouched


def test_a_dialogue_without_all_four_globals_is_refused_clearly():
    with pytest.raises(ValueError, match="no expert rating for Partnership, Empathy"):
        GlobalRatingExercise(tiny(GlobalRatings(cct=3, sst=3)))


def test_text_from_files_is_escaped():
    ex = GlobalRatingExercise(tiny(GlobalRatings(3, 3, 3, 3, rationale="Solid <script>alert(1)</script> work (CCT 3)."), text="<b>Hello</b>"))
    assert "<b>Hello</b>" not in ex.transcript.value and "&lt;b&gt;Hello&lt;/b&gt;" in ex.transcript.value
    assert "&lt;i&gt;sent&lt;/i&gt; me &amp; I came." in ex.transcript.value
    assert "Tiny &lt;test&gt;" in ex.header.value
    ex.check()
    assert "<script>" not in ex.feedback.value and "&lt;script&gt;" in ex.feedback.value


# ------------------------------------------------------------------ only some globals asked for
def _scales(widget):
    """Every rating scale (RadioButtons) anywhere in the widget, as (description, options)."""
    found, todo = [], [widget]
    while todo:
        x = todo.pop(0)
        if isinstance(x, w.RadioButtons):
            found.append((x.description, list(x.options)))
        todo.extend(getattr(x, "children", ()))
    return found


def _shown_text(ex) -> str:
    return " ".join(c.value for c in ex.children if isinstance(getattr(c, "value", None), str))


def test_two_globals_show_exactly_two_labelled_scales():
    ex = GlobalRatingExercise("gp-diabetes-advice", globals=["empathy", "partnership"])
    assert ex.globals == ("partnership", "empathy")  # the usual order, whatever order was given
    assert _scales(ex) == [("Partnership rating", [1, 2, 3, 4, 5]), ("Empathy rating", [1, 2, 3, 4, 5])]
    assert list(ex.sliders) == ["partnership", "empathy"] and ex.ratings == {"partnership": 3, "empathy": 3}
    shown = _shown_text(ex)
    assert SCALE_REMINDERS["partnership"].replace("'", "&#x27;") in shown
    assert SCALE_REMINDERS["empathy"].replace("'", "&#x27;") in shown
    assert SCALE_REMINDERS["cct"].replace("'", "&#x27;") not in shown
    assert SCALE_REMINDERS["sst"].replace("'", "&#x27;") not in shown
    assert "rate the counsellor on 2 MITI global scales (Partnership, Empathy)" in shown
    assert "each of the four" not in shown


def test_two_globals_score_out_of_two_with_relational_but_not_technical(progress_file):
    ex = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])  # expert: 1, 2
    ex.rate("partnership", 2)
    ex.rate("empathy", 5)
    result = ex.check()
    assert (result.score, result.max) == (1, 2)
    html = ex.feedback.value
    assert "◐" in html and "1 of 2 globals within one point of the expert&#x27;s." in html
    assert "<td>Partnership</td>" in html and "<td>Empathy</td>" in html
    assert "<td>Cultivating Change Talk</td>" not in html and "<td>Softening Sustain Talk</td>" not in html
    assert "<td>+1</td>" in html and "<td>+3</td>" in html and "off by 2 or more points" in html
    assert "Relational (Partnership + Empathy) / 2" in html and "3.5: fair" in html and "1.5: below fair" in html
    assert "Technical (" not in html and "fair from 3.0, good from 4.0" not in html  # no Technical row
    assert "Your Relational score lands in a different band" in html and "Your Technical score" not in html
    assert "You left" not in html  # both asked scales were rated: nothing about the other two
    saved = json.loads(progress_file.read_text())["records"]["rating:gp-diabetes-advice"]
    assert saved["score"] == 1 and saved["max"] == 2
    assert saved["data"] == {"partnership": 2, "empathy": 5}


def test_full_agreement_on_two_globals_is_a_tick():
    ex = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    ex.rate("partnership", 1)
    ex.rate("empathy", 2)
    assert ex.check().score == 2
    assert "✓" in ex.feedback.value and "2 of 2 globals within one point" in ex.feedback.value


def test_one_global_has_no_summary_table_and_a_singular_title():
    ex = GlobalRatingExercise("dental-hygiene", globals=["cct"])  # expert: cct 3
    assert _scales(ex) == [("Cultivating Change Talk rating", [1, 2, 3, 4, 5])]
    assert "on one MITI global scale, Cultivating Change Talk," in _shown_text(ex)
    ex.rate("cct", 3)
    ex.check()
    html = ex.feedback.value
    assert "1 of 1 global within one point" in html
    assert "Summary scores (MITI 4.2.1)" not in html and "Technical (" not in html and "Relational (" not in html
    assert "lands in a different band" not in html
    assert "<td>Cultivating Change Talk</td>" in html and "<td>Empathy</td>" not in html


@pytest.mark.parametrize("keys, says", [
    (["partnership", "warmth"], "unknown global 'warmth' in globals"),
    (["PARTNERSHIP"], "unknown global 'PARTNERSHIP' in globals"),
    ([], "globals is empty"),
])
def test_unknown_or_empty_globals_are_a_usage_error_naming_the_keys(keys, says):
    with pytest.raises(UsageError) as err:
        GlobalRatingExercise("gp-diabetes-advice", globals=keys)
    assert says in str(err.value) and "cct, sst, partnership, empathy" in str(err.value)


def test_a_global_not_asked_for_cannot_be_rated_from_python():
    ex = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    with pytest.raises(UsageError, match="does not ask for Softening Sustain Talk"):
        ex.rate("sst", 2)
    assert ex.ratings == {"partnership": 3, "empathy": 3} and "sst" not in ex.sliders


def test_a_dialogue_with_only_the_asked_expert_globals_can_be_rated_and_is_escaped():
    d = tiny(GlobalRatings(partnership=4, empathy=3, rationale="She <b>asks</b> first (Partnership 4)."))
    ex = GlobalRatingExercise(d, globals=["partnership", "empathy"])
    ex.rate("partnership", 4)
    ex.check()
    html = ex.feedback.value
    assert "<b>asks</b>" not in html and "She &lt;b&gt;asks&lt;/b&gt; first (Partnership 4)." in html
    with pytest.raises(UsageError, match="no expert rating for Cultivating Change Talk, Softening Sustain Talk"):
        GlobalRatingExercise(d)


def test_a_full_record_comes_back_as_only_the_asked_scales():
    first = GlobalRatingExercise("gp-diabetes-advice")  # expert: 1, 1, 1, 2
    rate_all(first, cct=4, sst=1, partnership=2, empathy=5)
    first.check()
    again = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    assert list(again.sliders) == ["partnership", "empathy"] and len(_scales(again)) == 2
    assert {k: s.value for k, s in again.sliders.items()} == {"partnership": 2, "empathy": 5}
    assert again.result is not None and (again.result.score, again.result.max) == (1, 2)
    html = again.feedback.value
    assert "1 of 2 globals" in html and "Technical (" not in html and "<td>Cultivating Change Talk</td>" not in html


def test_a_two_global_record_comes_back_in_a_full_exercise_without_a_made_up_comparison(progress_file):
    first = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    rate_all(first, partnership=2, empathy=3)
    first.check()
    same = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    assert same.ratings == {"partnership": 2, "empathy": 3} and "2 of 2 globals" in same.feedback.value
    full = GlobalRatingExercise("gp-diabetes-advice")
    assert {k: s.value for k, s in full.sliders.items()} == {"cct": 3, "sst": 3, "partnership": 2, "empathy": 3}
    assert full.result is None and "of 4 globals" not in full.feedback.value  # CCT and SST were never rated
    assert "ℹ" in full.feedback.value
    assert "Your earlier ratings of Partnership, Empathy are back. Rate Cultivating Change Talk, Softening Sustain Talk too" in full.feedback.value
    rate_all(full, cct=1, sst=2)
    assert full.check().max == 4 and "4 of 4 globals" in full.feedback.value
    assert json.loads(progress_file.read_text())["records"]["rating:gp-diabetes-advice"]["data"] == {
        "cct": 1, "sst": 2, "partnership": 2, "empathy": 3}


def test_the_words_for_a_choice_of_globals_are_translated(pseudo_language):
    ex = GlobalRatingExercise("gp-diabetes-advice", globals=["partnership", "empathy"])
    assert "⟦Read the whole conversation, then rate the counsellor on 2 MITI global scales (⟦Partnership⟧, ⟦Empathy⟧)" in _shown_text(ex)
    ex.check()
    assert "⟦1 of 2 globals within one point" in ex.feedback.value  # expert 1, 2; both left at 3
