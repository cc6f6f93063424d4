"""GlobalRatingExercise, driven from Python as a learner would use it."""

import json

import pytest

from mi_widgets import GlobalRatingExercise
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
