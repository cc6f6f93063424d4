"""RealplayTimer and ObserverTally, driven from Python and through the Play widget's messages."""

import base64
import csv
import io
import json
import re

import pytest

from mi_widgets import ObserverTally, RealplayTimer


def saved(progress_file) -> dict:
    return json.loads(progress_file.read_text())["records"] if progress_file.exists() else {}


def sent_messages(widget) -> list[dict]:
    """Capture what a widget sends to the browser (the comm is a dummy without a kernel)."""
    out: list[dict] = []
    widget.comm.send = lambda data=None, metadata=None, buffers=None: out.append(data)
    return out


# RealplayTimer ------------------------------------------------------------------------------------
def test_names_go_into_the_roles_escaped_and_rotate():
    t = RealplayTimer(names=["Ann", "<b>Bo</b>"], pick="midpoint")
    assert t.roles == {"person": "Ann", "interviewer": "<b>Bo</b>", "observer": "Participant 3"}
    assert "&lt;b&gt;Bo&lt;/b&gt;" in t.roles_html.value and "<b>Bo</b>" not in t.roles_html.value
    assert all(box.description for box in t.name_boxes)  # labelled inputs
    t.set_name(2, "Cy")
    assert "Cy" in t.roles_html.value
    assert "Choose something you are comfortable sharing; you can stop at any time." in t.roles_html.value
    assert "helps them along in their own process, at their own pace." in t.roles_html.value
    t.rotate()
    assert t.round == 2 and t.roles == {"person": "<b>Bo</b>", "interviewer": "Cy", "observer": "Ann"}


def test_observer_pause_stops_the_play_widget_shows_the_questions_and_resume_goes_on():
    t = RealplayTimer(minutes=8, pick="midpoint")
    assert t.phase == "ready" and t.next_pause == 75 and t.play.interval == 1000 and t.play.description
    t.start()
    assert t.phase == "talking" and t.play.playing is True
    assert t.tick(74) is None and t.play.value == 74 and t.feedback.value == ""
    assert t.tick() == "pause"
    assert (t.phase, t.elapsed, t.pauses_done, t.play.playing, t.play.value) == ("paused", 75, 1, False, 75)
    fb = t.feedback.value
    assert "ℹ" in fb and "Pause — observer, ask:" in fb
    assert "What are you experiencing inside right now? (feelings, thoughts)" in fb and "Where are you heading next?" in fb
    assert "where the interviewer&#x27;s direction comes from: the person&#x27;s own words and wishes" in fb
    assert "what counts as change talk" not in fb
    assert t.resume_button.disabled is False and t.start_button.disabled is True
    t.resume()
    assert t.phase == "talking" and t.play.playing is True and t.next_pause == 150 and t.feedback.value == ""


def test_the_browser_clock_drives_the_engine_and_gets_playing_false_at_a_pause():
    t = RealplayTimer(minutes=8, pick="midpoint")
    out = sent_messages(t.play)
    t.play.set_state({"playing": True})  # the learner presses the Play widget's play button
    assert t.phase == "talking"
    for second in range(1, 76):  # the browser ticks once a second
        t.play.set_state({"value": second})
    assert t.phase == "paused" and t.pauses_done == 1
    assert {"playing": False} in [m["state"] for m in out if m["method"] == "update"]
    out.clear()
    t.play.set_state({"value": 76})  # a tick already on its way is set back
    assert t.elapsed == 75 and {"value": 75} in [m["state"] for m in out if m["method"] == "update"]


def test_the_play_widgets_stop_button_resets_and_its_pause_pauses():
    t = RealplayTimer(minutes=8, pick="midpoint")
    t.start()
    t.tick(30)
    t.play.set_state({"playing": False})  # its pause button
    assert t.phase == "paused" and "Clock paused." in t.feedback.value and t.elapsed == 30
    t.play.set_state({"playing": True})
    assert t.phase == "talking"
    t.play.set_state({"playing": False})  # its stop button: pause, then value back to min
    t.play.set_state({"value": 0})
    assert t.phase == "ready" and t.elapsed == 0 and t.next_pause == 75


def test_the_end_shows_the_debrief_and_saves_without_names_nobody_typed(progress_file):
    t = RealplayTimer(minutes=1, pick="midpoint")
    t.start()
    assert t.tick(100) == "end"
    assert t.phase == "debrief" and t.play.playing is False
    fb = t.feedback.value
    assert "✓" in fb and "Time is up — short debrief" in fb
    assert "Person (Participant 1):" in fb and "Observer (Participant 3):" in fb and "Everyone:" in fb
    assert "Were there moments where the interviewer took sides or steered toward a particular conclusion? What happened then?" in fb
    record = saved(progress_file)["realplay:realplay"]
    assert record["kind"] == "realplay" and record["data"]["rounds_done"] == 1 and record["data"]["minutes"] == 1
    assert record["data"]["roles"] == {"person": 1, "interviewer": 2, "observer": 3} and "names" not in record["data"]
    t.play.set_state({"playing": True})  # play pressed in the debrief starts nothing
    assert t.phase == "debrief" and t.play.playing is False


def test_a_new_timer_continues_with_the_next_round_and_the_typed_names(progress_file):
    t = RealplayTimer(minutes=1, pick="midpoint")
    for i, name in enumerate(["Ann", "Bo", "<i>Cy</i>"]):
        t.set_name(i, name)
    t.start()
    t.tick(60)
    assert saved(progress_file)["realplay:realplay"]["data"]["names"] == ["Ann", "Bo", "<i>Cy</i>"]
    again = RealplayTimer(minutes=1, pick="midpoint")
    assert again.rounds_done == 1 and again.round == 2
    assert again.roles == {"person": "Bo", "interviewer": "<i>Cy</i>", "observer": "Ann"}
    assert "Rounds done so far: 1" in again.feedback.value and "&lt;i&gt;Cy" in again.roles_html.value


def test_pause_range_and_minutes_controls():
    t = RealplayTimer(minutes=8, pick="midpoint")
    assert t.pause_low.description and (t.pause_low.min, t.pause_high.max) == (30, 180)
    t.pause_high.value = 120
    t.pause_low.value = 100
    assert t.next_pause == 110 and "1:50" in t.clock_html.value
    t.pause_low.value = 150  # longer than the longest: refused with words, range unchanged
    assert "must not be longer" in t.feedback.value and t.next_pause == 110
    with pytest.raises(ValueError):
        t.set_pause_every(20, 60)
    t.minutes_box.value = 3
    assert t.play.max == 180 and "3:00" in t.clock_html.value
    t.start()
    assert t.minutes_box.disabled
    t.minutes_box.value = 5
    assert t.minutes_box.value == 3 and t.clock.total == 180


def test_the_play_buttons_are_hidden_by_default_and_only_they_are():
    t = RealplayTimer(pick="midpoint")
    other = RealplayTimer(pick="midpoint", show_play_buttons=True)
    assert t.clock_row.layout.display == "none"
    assert t.controls.layout.display is None and other.clock_row.layout.display is None  # layouts are not shared
    t.start()
    assert t.play.playing is True  # the hidden Play widget still keeps time


def test_the_play_buttons_get_words_from_css_that_cannot_break_out_of_the_style():
    t = RealplayTimer(pick="midpoint")
    assert "miw-play" in t.play._dom_classes and 'content:" Play / pause"' in t.lead.value and 'content:" Stop"' in t.lead.value
    from mi_widgets.widgets.realplay import _css_text
    assert _css_text('x"</style>') == "x\\22 \\3c /style\\3e "


def test_the_clock_is_big_and_counts_down():
    t = RealplayTimer(minutes=8, pick="midpoint")
    t.start()
    t.tick(65)
    assert re.search(r'class="miw-clock">1:05<', t.clock_html.value)
    assert "6:55 left of 8:00" in t.clock_html.value and "in 10 s" in t.clock_html.value


# ObserverTally ------------------------------------------------------------------------------------
def test_buttons_show_words_and_counts_and_ratios_say_not_enough_yet():
    o = ObserverTally()
    assert o.buttons["open"].description == "Open question (0)"
    assert all("miw-big" in b._dom_classes for b in o.buttons.values())
    assert o.stats.value.count("not enough yet") == 2 and "—" in o.stats.value
    assert o.tap("open") == 1 and o.tap("open") == 2
    assert o.buttons["open"].description == "Open question (2)"
    assert "Counted: Open question (now 2)." in o.last_line.value


def test_ratios_show_levels_in_words_and_leave_summaries_out():
    o = ObserverTally()
    for key in ["open", "closed", "sr", "cr", "cr", "summary", "summary", "summary"]:
        o.tap(key)
    assert "1.50 : 1" in o.stats.value and "◐</span> fair" in o.stats.value  # summaries would make it 3.00
    assert "66.7 %" in o.stats.value and "✓</span> good" in o.stats.value
    o.tap("open"); o.tap("open")
    assert "0.75 : 1" in o.stats.value and "below fair" in o.stats.value
    assert "Summaries are counted on their own here and left out of R:Q and %CR." in o.note.value
    assert "a summary is coded as a reflection, usually a complex one" in o.note.value
    assert "score a little higher on both ratios under MITI coding than this tally shows" in o.note.value
    assert o.buttons["righting"].tooltip == "Advice, persuasion, correcting or arguing, offered without the person asking or agreeing."


def test_undo_takes_back_the_last_tap():
    o = ObserverTally()
    assert o.undo() is None and "Nothing to undo." in o.feedback.value
    o.tap("af"); o.tap("righting")
    assert o.undo() == "righting" and o.counts["righting"] == 0 and o.counts["af"] == 1
    assert o.buttons["righting"].description == "Righting reflex (0)"


def test_reset_needs_a_second_press_and_can_be_cancelled():
    o = ObserverTally()
    o.tap("sr")
    assert o.reset() is False and o.counts["sr"] == 1
    assert "⚠" in o.feedback.value and o.reset_button.description == "Yes, clear all counts"
    o.cancel()
    assert o.reset_button.description == "Reset" and o.cancel_button.layout.display == "none"
    o.reset()
    o.tap("cr")  # any other press disarms: one more Reset press alone does not clear
    assert o.reset() is False and o.counts == {**dict.fromkeys(o.counts, 0), "sr": 1, "cr": 1}
    assert o.reset() is True and sum(o.counts.values()) == 0
    o.tap("open")
    assert o.reset(confirm=True) is True and o.counts["open"] == 0


def test_taps_are_not_saved_but_save_and_export_are_and_come_back(progress_file):
    o = ObserverTally()
    o.tap("open"); o.tap("cr")
    assert saved(progress_file) == {}
    text = o.export()
    record = saved(progress_file)["tally:practice"]
    assert record["kind"] == "tally" and record["data"]["counts"]["cr"] == 1 and record["data"]["percent_complex_reflections"] == 100.0
    filename, data = o.last_export
    assert data.decode() == text and filename.startswith("observer-tally-practice-") and filename.endswith(".csv")
    link = re.search(r'href="data:text/csv;base64,([^"]+)"', o.feedback.value)
    row = next(csv.DictReader(io.StringIO(base64.b64decode(link.group(1)).decode())))
    assert row["open_questions"] == "1" and row["reflections_to_questions"] == "1.00" and row["timestamp"]
    again = ObserverTally()
    assert again.counts == o.counts and "Your saved tally is back." in again.feedback.value
    assert again.undo() == "cr"


def test_a_session_label_is_escaped_and_keeps_its_own_tally(progress_file):
    o = ObserverTally(label="<b>Group A</b>")
    o.tap("summary")
    o.save()
    assert "&lt;b&gt;Group A&lt;/b&gt;" in o.feedback.value and "<b>Group A" not in o.feedback.value
    assert "tally:<b>Group A</b>" in saved(progress_file)
    assert ObserverTally().counts["summary"] == 0  # "practice" is another session
    fresh = ObserverTally(label="other")
    fresh.set_label("<b>Group A</b>")  # nothing counted yet: the saved tally comes in
    assert fresh.counts["summary"] == 1


def test_loading_over_unsaved_counts_asks_first():
    o = ObserverTally()
    o.tap("open")
    o.save()
    o.tap("closed"); o.tap("closed")
    assert o.load() is False and o.counts["closed"] == 2 and "Replace the current counts?" in o.feedback.value
    assert o.load() is True and o.counts == {**dict.fromkeys(o.counts, 0), "open": 1}


def test_counts_changed_elsewhere_are_not_overwritten_by_a_label_change():
    o = ObserverTally(label="a")
    o.tap("sr"); o.save()
    other = ObserverTally(label="b")
    other.tap("af")
    other.set_label("a")
    assert other.counts["af"] == 1 and other.counts["sr"] == 0
    assert "A tally is saved under “a”." in other.feedback.value
