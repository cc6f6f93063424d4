"""The Presenter dashboard driven from Python: pick, step, suggest, reveal, tallies, chart."""

import re

import ipywidgets as w

import mi_widgets as mi
from mi_widgets.engine.errors import InputProblem
from mi_widgets.engine.library import get_dialogue
from mi_widgets.engine.model import Dialogue, GlobalRatings, Utterance
from mi_widgets.widgets import presenter as view

ER = "er-alcohol-mi"  # 26 utterances, 11 of them the client's


def chart_label(p) -> str:
    return re.search(r'aria-label="([^"]*)"', p.chart.value).group(1)


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_it_starts_on_the_first_library_dialogue_at_utterance_one():
    p = mi.Presenter()
    first = view.library()[0][0]
    assert p.dialogue.id == first.id == p.picker.value
    assert p.position == 0 and p.revealed == set()
    assert f"Utterance 1 of {len(first.utterances)}" in p.utterance.value
    assert "Counsellor" in p.utterance.value
    assert "font-size:2rem" in p.utterance.value
    assert p.feedback.value == ""


def test_the_picker_lists_every_dialogue_with_topic_and_style_and_is_labelled():
    p = mi.Presenter(ER)
    assert p.picker.description == "Dialogue to present"
    assert len(p.picker.options) == len(list(mi.data_dir().joinpath("dialogues").glob("*.yaml")))
    assert ("Saturday night in the emergency room — alcohol, MI-consistent", ER) in p.picker.options
    assert p.picker.value == ER


def test_an_unknown_id_shows_the_first_dialogue_and_says_why():
    p = mi.Presenter("no-such-dialogue")
    assert p.dialogue.id == p.picker.options[0][1]
    assert "✗" in p.feedback.value and "Not loaded." in p.feedback.value
    assert "no-such-dialogue" in p.feedback.value


def test_choose_an_unknown_id_keeps_the_dialogue_and_says_so():
    p = mi.Presenter(ER)
    p.next()
    assert p.choose("nope") is None
    assert p.dialogue.id == ER and p.picker.value == ER and p.position == 1
    assert "There is no dialogue &#x27;nope&#x27; in the library" in p.feedback.value


def test_picking_another_dialogue_starts_again_at_utterance_one():
    p = mi.Presenter(ER)
    p.go(3)
    p.reveal()
    p.picker.value = "quitline-smoking"  # as the instructor picking it
    assert p.dialogue.id == "quitline-smoking"
    assert p.position == 0 and p.revealed == set()
    assert "Utterance 1 of 39" in p.utterance.value
    assert "over 0 revealed utterances" in p.summary.value


def test_next_previous_and_go_move_and_show_context():
    p = mi.Presenter(ER)
    assert p.next() == 1 and p.next() == 2
    assert "Utterance 3 of 26" in p.utterance.value and "Client" in p.utterance.value
    assert "1. Counsellor:" in p.context.value and "2. Counsellor:" in p.context.value
    assert p.previous() == 1
    assert p.go(99) == 25 and "Utterance 26 of 26" in p.utterance.value


def test_the_room_gets_the_codes_that_fit_the_speaker():
    p = mi.Presenter(ER)
    counsellor = [v for _t, v in p.room.options]
    assert "CR" in counsellor and "CT" not in counsellor
    p.go(2)  # a client utterance
    client = [v for _t, v in p.room.options]
    assert client == [view.UNSET, "uncoded", "CT", "ST", "N"]
    assert p.room.description == "The room says"


def test_reveal_shows_the_gold_code_rationale_and_the_verdict_with_icon_and_words():
    p = mi.Presenter(ER)
    p.go(3)
    p.room.value = "CR"  # the instructor records the room's code
    answer = p.reveal()
    assert answer.gold == "SR" and answer.correct is False
    html = p.answer.value
    assert "✗" in html and "Not quite: the room said Complex Reflection (CR); the expert&#x27;s code is Simple Reflection (SR)." in html
    assert "The expert&#x27;s code: Simple Reflection (SR)." in html
    assert "feel like an idiot" in html
    p.suggest("SR")  # changing the room's code after Reveal updates the verdict
    assert p.room.value == "SR"
    assert "✓" in p.answer.value and "Right: the room said Simple Reflection (SR), and so did the expert." in p.answer.value


def test_reveal_without_a_suggestion_and_an_uncoded_utterance():
    p = mi.Presenter(ER)
    p.reveal()  # utterance 1: a greeting
    assert "No code: this utterance takes no MITI code." in p.answer.value
    assert "The room suggested no code for this one." in p.answer.value
    assert "Not quite" not in p.answer.value and "Right:" not in p.answer.value


def test_an_unrevealed_utterance_says_so_and_skipping_does_not_count():
    p = mi.Presenter(ER)
    p.go(3)
    p.suggest("CR")
    assert "Not revealed yet." in p.answer.value
    p.next()
    p.next()
    assert p.revealed == set()
    assert p.tallies.n_revealed == 0
    p.previous()
    p.previous()
    assert p.room.value == "CR"  # the room's earlier code is still there


def test_tallies_and_chart_follow_what_is_revealed():
    p = mi.Presenter(ER)
    assert "0 change talk" in chart_label(p) and "11 not revealed yet" in chart_label(p)
    for i in (1, 2, 3, 4):  # Q:open, N, SR, ST:reasons
        p.go(i)
        p.reveal()
    t = p.tallies
    assert p.revealed == {1, 2, 3, 4}
    assert (t.counts["Q"], t.counts["SR"], t.client_counts["ST"], t.client_counts["N"]) == (1, 1, 1, 1)
    assert "So far, over 4 revealed utterances (2 counsellor, 2 client)" in p.summary.value
    assert "1.00 : 1" in p.summary.value and "◐ fair" in p.summary.value
    assert "1 sustain talk (below the line), 1 neutral (on the line), 9 not revealed yet" in chart_label(p)
    assert "sustain talk so far: 1" in p.chart.value
    # % change talk is client language: under the chart, never in the MITI summary-score table
    assert "% change talk" not in p.summary.value
    assert "% change talk (client language, not a MITI score): 0 %" in p.chart.value
    assert "No published cut-off; in AnnoMI, high-quality sessions average about 70 % and low-quality about 53 %." in p.chart.value
    assert "A short dash: a client utterance that takes no code." in p.chart.value
    assert "were set for 20-minute segments" in p.summary.value and "standard manual" not in p.summary.value
    assert "it ends when the client speaks; a ‘yeah’ does not end it" in p.counts.value
    sr = re.search(r"Simple Reflection \(SR\)</th><td>(\d+)</td><td>(\d+)</td>", p.counts.value)
    assert sr.groups() == ("1", "1")


def test_start_again_clears_everything():
    p = mi.Presenter(ER)
    p.go(5)
    p.suggest("SR")
    p.reveal()
    p.restart()
    assert p.position == 0 and p.revealed == set() and p.room.value == view.UNSET
    assert "over 0 revealed utterances" in p.summary.value and "11 not revealed yet" in chart_label(p)


def test_the_expert_globals_come_only_when_all_is_revealed():
    p = mi.Presenter(ER)
    for i in range(25):
        p.reveal()
        p.next()
    assert p.ending.value == ""
    p.reveal()
    assert p.tallies.complete
    assert "Cultivating Change Talk" in p.ending.value and "Why these ratings" in p.ending.value
    assert "Technical (summary score), (CCT + SST) / 2" in p.ending.value and "% change talk" not in p.ending.value
    assert p.tallies.counts == mi.score_dialogue(get_dialogue(ER)).counts


def test_nothing_is_saved(progress_file):
    p = mi.Presenter(ER)
    p.suggest("none")
    p.reveal()
    p.next()
    assert not progress_file.exists()


def test_text_from_a_dialogue_is_escaped(monkeypatch):
    bad = Dialogue(id="bad", title="<b>Bad</b>", topic="<i>t</i>", utterances=(
        Utterance("counselor", "<script>alert(1)</script>", "GI", None, "<img src=x onerror=alert(2)>"),
        Utterance("client", "<b>bold</b>", "CT", "need"),
    ), globals=GlobalRatings(1, 1, 1, 1, "<u>why</u>"))
    monkeypatch.setattr(view, "library", lambda: ([bad], []))
    p = mi.Presenter()
    assert "<script>" not in p.utterance.value and "&lt;script&gt;alert(1)&lt;/script&gt;" in p.utterance.value
    p.reveal()
    assert "<img" not in p.answer.value and "&lt;img src=x" in p.answer.value
    p.next()
    assert "&lt;script&gt;" in p.context.value and "<b>bold</b>" not in p.utterance.value
    p.reveal()
    assert "<u>" not in p.ending.value and "&lt;u&gt;why" in p.ending.value


def test_unreadable_library_files_are_named_and_an_empty_library_says_so(monkeypatch):
    d = get_dialogue(ER)
    monkeypatch.setattr(view, "library", lambda: ([d], [InputProblem("data/dialogues/broken.yaml", "not YAML", 4)]))
    p = mi.Presenter()
    assert "⚠" in p.notice.value and "broken.yaml:4" in p.notice.value
    assert p.dialogue.id == ER
    monkeypatch.setattr(view, "library", lambda: ([], []))
    empty = mi.Presenter()
    assert "Nothing to present." in empty.feedback.value
    assert empty.dialogue is None and empty.reveal() is None and empty.next() == 0 and empty.tallies is None


def test_every_control_is_labelled_and_translated(pseudo_language):
    p = mi.Presenter(ER)
    labels = [x.description for x in walk(p) if isinstance(x, (w.Dropdown, w.Button))]
    assert len(labels) == 6  # dialogue, room, Start again, Previous, Reveal code, Next
    assert all(label.startswith("⟦") for label in labels), labels
    title = re.search(r"<h3[^>]*>(.*?)</h3>", p.header.value).group(1)
    assert title.startswith("⟦")
    assert all(t.startswith("⟦") for t, _v in p.room.options)
