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


# RealplayTimer: new group, full rotation, pause banner -------------------------------------------------
def run_round(t) -> None:
    """Run the timer's current round to its debrief, resuming at each observer pause."""
    t.start()
    while t.phase != "debrief":
        if t.tick(t.clock.total) == "pause":
            t.resume()


def test_new_group_needs_a_second_click_and_a_stray_click_loses_nothing(progress_file):
    t = RealplayTimer(minutes=1, names=["Ann", "Bo", "Cy"], pick="midpoint")
    run_round(t)
    t.rotate()
    assert t.new_group() is False
    assert (t.names, t.round, t.rounds_done) == (["Ann", "Bo", "Cy"], 2, 1)
    assert "⚠" in t.confirm_line.value and "Start a new group?" in t.confirm_line.value
    assert t.new_group_button.description == "Yes, start a new group" and t.keep_group_button.layout.display is None
    t.cancel()
    assert t.new_group_button.description == "New group" and t.keep_group_button.layout.display == "none"
    assert "This group is kept" in t.confirm_line.value and t.names == ["Ann", "Bo", "Cy"]
    t.new_group()
    t.start()  # any other press disarms: the next New group press only asks again
    assert t.new_group() is False and t.round == 2 and t.phase == "talking"
    assert saved(progress_file)["realplay:realplay"]["data"]["rounds_done"] == 1


def test_new_group_clears_names_rounds_and_roles_stops_the_clock_and_is_saved(progress_file):
    t = RealplayTimer(minutes=1, names=["Ann", "Bo", "Cy"], pick="midpoint")
    for _ in range(3):
        run_round(t)
        t.rotate()
    t.start()
    t.tick(20)
    assert t.new_group() is False and t.new_group() is True
    assert (t.names, t.round, t.rounds_done, t.phase, t.elapsed, t.play.playing) == (["", "", ""], 1, 0, "ready", 0, False)
    assert t.roles == {"person": "Participant 1", "interviewer": "Participant 2", "observer": "Participant 3"}
    assert "Round 1 — who does what" in t.roles_html.value and "Ann" not in t.roles_html.value
    assert "✓" in t.feedback.value and "New group: round 1." in t.feedback.value
    assert t.settings.selected_index == 0 and t.confirm_line.value == ""
    record = saved(progress_file)["realplay:realplay"]
    data = record["data"]
    assert (data["rounds_done"], data["next_round"], data["rotations_done"], data["lineups_done"]) == (0, 1, 0, [])
    assert record["attempts"] == 3  # the three debriefs; starting a new group is not a round
    assert "names" not in data
    again = RealplayTimer(minutes=1, pick="midpoint")  # next week's group: not "round 5" with old names
    assert (again.round, again.rounds_done, again.names) == (1, 0, ["", "", ""])


def test_new_group_with_confirm_true_goes_at_once():
    t = RealplayTimer(names=["Ann"], pick="midpoint")
    assert t.new_group(confirm=True) is True and t.names == ["", "", ""]
    assert t.new_group_button.description == "New group" and t.new_group_button.description and t.keep_group_button.description


def test_the_third_debrief_says_everyone_has_had_each_role(progress_file):
    t = RealplayTimer(minutes=1, pick="midpoint")
    marks = []
    for _ in range(3):
        run_round(t)
        marks.append("Everyone has now had each role once." in t.feedback.value)
        if t.round < 3:
            assert "Then press Rotate roles for the next round." in t.feedback.value
        t.rotate()
    assert marks == [False, False, True]
    assert t.feedback.value == "" and t.rotation_complete is False  # gone once the next round is set up
    again = RealplayTimer(minutes=1, pick="midpoint")
    assert again.round == 4 and again.clock.lineups_done == set()


def test_the_rotation_message_has_icon_words_and_a_suggestion():
    t = RealplayTimer(minutes=1, pick="midpoint")
    for _ in range(2):
        run_round(t)
        t.rotate()
    run_round(t)
    assert t.rotation_complete is True
    fb = t.feedback.value
    box = re.search(r'<div class="miw-fb miw-ok"><span class="miw-icon" aria-hidden="true">✓</span><strong>Everyone has now had each role once.</strong>(.*?)</div>', fb)
    assert box and "group debrief" in box.group(1) and "new rotation" in box.group(1)
    assert "Time is up — short debrief" in fb and "Person (Participant 3):" in fb  # the debrief prompts stay


def test_the_rotation_is_remembered_across_a_restart_and_counts_on():
    t = RealplayTimer(minutes=1, pick="midpoint")
    for _ in range(2):
        run_round(t)
        t.rotate()
    later = RealplayTimer(minutes=1, pick="midpoint")  # kernel restart before round 3
    assert later.round == 3
    run_round(later)
    assert "Everyone has now had each role once." in later.feedback.value
    for _ in range(3):
        later.rotate()
        run_round(later)
    assert "Everyone has now had each role 2 times." in later.feedback.value


def test_a_round_run_again_does_not_claim_a_full_rotation():
    t = RealplayTimer(minutes=1, pick="midpoint")
    run_round(t)
    t.reset()  # the same round again
    run_round(t)
    t.rotate()
    run_round(t)
    assert t.rounds_done == 3 and "each role" not in t.feedback.value


def test_an_observer_pause_shows_a_large_banner_at_the_top_and_only_then():
    t = RealplayTimer(minutes=8, names=["Ann", "Bo", "<b>Cy</b>"], pick="midpoint")
    assert t.banner.value == "" and t.banner.layout.display == "none"
    assert t.children.index(t.banner) == 2  # right under the heading and the progress notice
    t.start()
    t.tick(20)
    t.pause()  # a pause by hand is not an observer pause
    assert t.banner.value == "" and "Clock paused." in t.feedback.value
    t.resume()
    assert t.tick(55) == "pause"
    b = t.banner.value
    assert t.banner.layout.display is None and 'role="alert"' in b and "miw-rp-banner" in b
    assert '<span aria-hidden="true">⏸</span> Pause — observer, ask the two questions' in b
    assert "Observer: &lt;b&gt;Cy&lt;/b&gt;." in b and "<b>Cy" not in b
    assert "Pause — observer, ask:" in t.feedback.value and "Where are you heading next?" in t.feedback.value  # the prompt box stays
    t.set_name(2, "Dee")
    assert "Observer: Dee." in t.banner.value
    t.resume()
    assert t.banner.value == "" and t.banner.layout.display == "none"


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two #rgb or #rrggbb colours."""
    def lum(hex_colour: str) -> float:
        digits = hex_colour.lstrip("#")
        digits = "".join(c * 2 for c in digits) if len(digits) == 3 else digits
        channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_banner_style_is_large_and_high_contrast():
    from mi_widgets.widgets.realplay import LOCAL_STYLE
    rule = re.search(r"\.miw\.miw-rp-banner\{([^}]*)\}", LOCAL_STYLE).group(1)
    props = dict(p.split(":", 1) for p in rule.split(";") if p)
    assert float(props["font-size"].removesuffix("rem")) >= 2
    assert contrast(props["color"], props["background"]) >= 7  # WCAG AAA, for a washed-out projector
    assert contrast("#000", "#fff") == 21 and round(contrast("#767676", "#fff"), 1) == 4.5  # the formula itself
    assert "border" in props  # a frame, too, so it stands out in forced-colours mode


# ObserverTally: next round ----------------------------------------------------------------------------
def test_next_round_saves_clears_and_relabels_in_one_click(progress_file):
    o = ObserverTally()
    o.tap("open"); o.tap("cr"); o.tap("cr")
    assert o.next_round() == "practice round 2"
    assert o.label == "practice round 2" and o.label_box.value == "practice round 2"
    fb = o.feedback.value
    assert sum(o.counts.values()) == 0 and o.undo() is None
    record = saved(progress_file)["tally:practice"]
    assert record["data"]["counts"]["cr"] == 2 and record["data"]["label"] == "practice"
    assert "tally:practice round 2" not in saved(progress_file)  # nothing counted there yet
    assert "✓" in fb and "“practice” is saved. Now counting “practice round 2”, from zero." in fb
    assert str(progress_file) in fb and "Load saved tally" in fb and "type “practice” as the Session label" in fb
    filename, data = o.last_export
    assert filename.startswith("observer-tally-practice-") and "complex_reflections" in data.decode()
    assert f'download="{filename}"' in fb
    o.tap("sr")
    assert o.next_round() == "practice round 3"
    assert saved(progress_file)["tally:practice round 2"]["data"]["counts"]["sr"] == 1


def test_the_earlier_round_stays_loadable():
    o = ObserverTally()
    o.tap("af"); o.tap("af")
    o.next_round()
    o.tap("open")
    o.save()
    fresh = ObserverTally(label="practice round 2")
    assert fresh.counts["open"] == 1
    fresh.reset(confirm=True)
    fresh.set_label("practice")  # nothing counted: the first round comes back at once
    assert fresh.counts["af"] == 2 and "Your saved tally is back." in fresh.feedback.value
    again = ObserverTally(label="practice round 2")
    again.tap("closed")
    again.set_label("practice")  # counts in hand: they stay until Load saved tally is pressed
    assert again.counts["af"] == 0
    assert again.load(confirm=True) and again.counts["af"] == 2


def test_next_round_never_lands_on_a_round_saved_earlier(progress_file):
    old = ObserverTally(label="practice round 2")
    old.tap("righting")
    old.save()
    o = ObserverTally()
    o.tap("open")
    assert o.next_round() == "practice round 3"
    assert saved(progress_file)["tally:practice round 2"]["data"]["counts"]["righting"] == 1
    assert sum(o.counts.values()) == 0  # nothing came in from round 2


def test_next_round_with_nothing_counted_does_nothing(progress_file):
    o = ObserverTally()
    assert o.next_round() is None and o.label == "practice"
    assert "ℹ" in o.feedback.value and "Nothing counted yet in “practice”." in o.feedback.value
    assert saved(progress_file) == {}


def test_next_round_keeps_the_counts_when_saving_fails(monkeypatch):
    import mi_widgets.widgets._base as base
    monkeypatch.setattr(base, "save", lambda kind, ref, **fields: (None, "Your progress could not be saved."))
    o = ObserverTally()
    o.tap("sr")
    assert o.next_round() is None
    assert o.counts["sr"] == 1 and o.label == "practice"
    assert "⚠" in o.feedback.value and "could not be saved, so the counts stay" in o.feedback.value


def test_next_round_escapes_the_label(progress_file):
    o = ObserverTally(label="<b>Group A</b>")
    o.tap("cr")
    assert o.next_round() == "<b>Group A</b> round 2"
    assert "&lt;b&gt;Group A&lt;/b&gt; round 2" in o.feedback.value and "<b>Group A" not in o.feedback.value
    assert o.next_button.description == "Next round"
