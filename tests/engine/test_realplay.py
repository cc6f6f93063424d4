"""The realplay clock (pause points, phases, roles) and the observer's tally (counts, ratios, CSV)."""

import csv
import io

import pytest

from mi_widgets.engine.miti import THRESHOLDS
from mi_widgets.engine.realplay import (
    CSV_COLUMNS, DEBRIEF_PROMPTS, OBSERVER_NOTE, ROLE_TASKS, TALLY_HINTS, RealplayClock, Tally, check_pause_range,
    clock_text, csv_filename, lineup, next_round_label, participant_names, realplay_record, roles_for_round, session_label,
)


def pause_points(clock: RealplayClock) -> list[int]:
    """Run a whole round, resuming at each observer pause; the seconds where it paused."""
    points = []
    clock.start()
    while clock.phase != "debrief":
        if clock.tick(1) == "pause":
            points.append(clock.elapsed)
            clock.resume()
    return points


# the clock ---------------------------------------------------------------------------------------
def test_midpoint_pauses_every_75_seconds_and_none_at_the_end():
    clock = RealplayClock(minutes=8, pick="midpoint")
    assert clock.next_pause == 75
    assert pause_points(clock) == [75, 150, 225, 300, 375, 450]
    assert clock.elapsed == 480 and clock.rounds_done == 1 and clock.next_pause is None


def test_random_pauses_are_in_range_and_repeatable_with_a_seed():
    first = pause_points(RealplayClock(minutes=30, pause_every=(40, 70), seed=7))
    assert first == pause_points(RealplayClock(minutes=30, pause_every=(40, 70), seed=7))
    gaps = [b - a for a, b in zip([0, *first], first)]
    assert all(40 <= g <= 70 for g in gaps) and len(set(gaps)) > 1  # drawn, not fixed
    assert first != pause_points(RealplayClock(minutes=30, pause_every=(40, 70), seed=8))


@pytest.mark.parametrize("bad", [(29, 60), (60, 181), (90, 60), ("a", 60), (60,)])
def test_pause_range_outside_30_to_180_or_reversed_is_refused(bad):
    with pytest.raises(ValueError):
        check_pause_range(bad)
    with pytest.raises(ValueError):
        RealplayClock(pause_every=bad)


@pytest.mark.parametrize("bad", [0, 61, 2.5, True, "8"])
def test_minutes_must_be_a_whole_number_from_1_to_60(bad):
    with pytest.raises(ValueError):
        RealplayClock(minutes=bad)


def test_tick_stops_at_the_pause_point_and_drops_the_rest():
    clock = RealplayClock(minutes=8, pick="midpoint")
    assert clock.tick(10) is None and clock.elapsed == 0  # not started: the clock does not run
    clock.start()
    assert clock.tick(74) is None and clock.phase == "talking"
    assert clock.tick(30) == "pause"
    assert (clock.elapsed, clock.phase, clock.at_observer_pause, clock.pauses_done) == (75, "paused", True, 1)
    assert clock.tick(5) is None and clock.elapsed == 75  # a paused clock stays put
    with pytest.raises(ValueError):
        clock.tick(-1)


def test_a_manual_pause_is_not_an_observer_pause_and_keeps_the_next_point():
    clock = RealplayClock(minutes=8, pick="midpoint")
    clock.start()
    clock.tick(20)
    assert clock.pause() and clock.phase == "paused" and not clock.at_observer_pause
    assert clock.pauses_done == 0 and clock.next_pause == 75
    assert clock.resume() and clock.next_pause == 75
    assert not clock.resume()  # already running


def test_after_an_observer_pause_the_next_gap_counts_from_that_pause():
    clock = RealplayClock(minutes=8, pick="midpoint")
    clock.start()
    clock.tick(75)
    assert clock.next_pause is None  # picked when the talk goes on
    clock.resume()
    assert clock.next_pause == 150


def test_changing_the_range_replans_from_the_last_stop_never_behind_the_clock():
    clock = RealplayClock(minutes=8, pick="midpoint")
    clock.start()
    clock.tick(50)
    clock.set_pause_every((30, 30))
    assert clock.next_pause == 51  # 0 + 30 is already past: pause at the next second
    clock.set_pause_every((120, 120))
    assert clock.next_pause == 120


def test_the_end_leads_to_the_debrief_once():
    clock = RealplayClock(minutes=1, pause_every=(60, 60), pick="midpoint")
    assert clock.next_pause is None  # a pause at the very end is not planned
    clock.start()
    assert clock.tick(100) == "end"
    assert (clock.phase, clock.elapsed, clock.remaining, clock.rounds_done) == ("debrief", 60, 0, 1)
    assert clock.tick(1) is None and not clock.start() and clock.rounds_done == 1


def test_minutes_change_only_before_the_round_starts():
    clock = RealplayClock(minutes=8, pick="midpoint")
    clock.set_minutes(2)
    assert clock.total == 120
    clock.start()
    with pytest.raises(ValueError):
        clock.set_minutes(5)


def test_rotating_three_times_gives_everyone_every_role():
    seen = {p: set() for p in range(3)}
    clock = RealplayClock(pick="midpoint")
    for _ in range(3):
        for role, person in clock.roles.items():
            seen[person].add(role)
        clock.start()
        clock.tick(10)
        clock.rotate()
        assert clock.phase == "ready" and clock.elapsed == 0 and clock.pauses_done == 0
    assert all(roles == {"person", "interviewer", "observer"} for roles in seen.values())
    assert clock.round == 4 and clock.roles == roles_for_round(1)
    assert roles_for_round(2) == {"person": 1, "interviewer": 2, "observer": 0}


def test_reset_keeps_the_round_and_its_roles():
    clock = RealplayClock(pick="midpoint", round=2)
    clock.start()
    clock.tick(80)
    clock.reset()
    assert (clock.phase, clock.elapsed, clock.pauses_done, clock.round, clock.next_pause) == ("ready", 0, 0, 2, 75)


def test_clock_text():
    assert [clock_text(s) for s in (0, 5, 75, 600, 725, -3)] == ["0:00", "0:05", "1:15", "10:00", "12:05", "0:00"]


def test_the_record_holds_names_only_where_they_were_typed():
    clock = RealplayClock(minutes=5, pick="midpoint")
    data = realplay_record(clock, ["", " ", ""])
    assert data == {"rounds_done": 0, "minutes": 5, "pause_every": [60, 90], "round": 1,
                    "roles": {"person": 1, "interviewer": 2, "observer": 3},
                    "next_round": 1, "lineups_done": [], "rotations_done": 0}
    assert realplay_record(clock, [" Ann ", "", "Cy"])["names"] == ["Ann", "", "Cy"]
    assert participant_names(["a", "b", "c", "d"]) == ["a", "b", "c"] and participant_names(None) == ["", "", ""]


def finish(clock: RealplayClock) -> None:
    """Run the current round to its debrief."""
    clock.start()
    while clock.phase != "debrief":
        if clock.tick(clock.total) == "pause":
            clock.resume()


def test_a_full_rotation_is_marked_at_the_third_debrief_and_again_at_the_sixth():
    clock = RealplayClock(minutes=1, pick="midpoint")
    seen = []
    for _ in range(6):
        finish(clock)
        seen.append((clock.round, clock.rounds_done, clock.rotation_complete, clock.rotations_done))
        clock.rotate()
        assert clock.rotation_complete is False  # only in the debrief that completed it
    assert seen == [(1, 1, False, 0), (2, 2, False, 0), (3, 3, True, 1),
                    (4, 4, False, 1), (5, 5, False, 1), (6, 6, True, 2)]
    assert [lineup(r) for r in (1, 2, 3, 4, 7)] == [1, 2, 3, 1, 1]


def test_a_round_run_twice_does_not_fake_a_full_rotation():
    clock = RealplayClock(minutes=1, pick="midpoint")
    finish(clock)
    clock.reset()  # the same trio runs round 1 again
    finish(clock)
    clock.rotate()
    finish(clock)
    assert clock.rounds_done == 3 and clock.round == 2 and clock.rotation_complete is False  # Participant 2 has not observed yet
    clock.rotate()
    finish(clock)
    assert clock.rounds_done == 4 and clock.rotation_complete is True


def test_a_skipped_round_does_not_count_toward_the_rotation():
    clock = RealplayClock(minutes=1, pick="midpoint")
    finish(clock)
    clock.rotate()
    clock.rotate()  # round 2 skipped
    finish(clock)
    assert clock.round == 3 and clock.rotation_complete is False and clock.lineups_done == {1, 3}


def test_new_group_starts_over_at_round_one_and_keeps_the_settings():
    clock = RealplayClock(minutes=2, pause_every=(40, 50), pick="midpoint")
    for _ in range(3):
        finish(clock)
        clock.rotate()
    finish(clock)
    clock.reset()
    clock.start()
    clock.tick(30)
    clock.new_group()
    assert (clock.round, clock.rounds_done, clock.rotations_done, clock.lineups_done) == (1, 0, 0, set())
    assert (clock.phase, clock.elapsed, clock.pauses_done, clock.rotation_complete) == ("ready", 0, 0, False)
    assert (clock.minutes, clock.pause_every, clock.next_pause) == (2, (40, 50), 45)
    assert clock.roles == roles_for_round(1) and clock.next_round == 1


def test_next_round_is_the_one_after_a_debrief_else_this_one():
    clock = RealplayClock(minutes=1, pick="midpoint", round=2)
    assert clock.next_round == 2
    finish(clock)
    assert clock.next_round == 3


def test_restore_goes_on_from_the_record_and_keeps_the_rotation():
    clock = RealplayClock(minutes=1, pick="midpoint")
    finish(clock)
    clock.rotate()
    finish(clock)
    again = RealplayClock(minutes=1, pick="midpoint")
    again.restore(realplay_record(clock, []))
    assert (again.round, again.rounds_done, again.lineups_done, again.phase) == (3, 2, {1, 2}, "ready")
    finish(again)
    assert again.rotation_complete is True and again.rotations_done == 1


def test_restore_after_a_new_group_opens_round_one():
    clock = RealplayClock(minutes=1, pick="midpoint")
    for _ in range(3):
        finish(clock)
        clock.rotate()
    clock.new_group()
    again = RealplayClock(minutes=1, pick="midpoint")
    again.restore(realplay_record(clock, []))
    assert (again.round, again.rounds_done, again.rotations_done, again.lineups_done) == (1, 0, 0, set())


def test_restore_reads_older_records_and_distrusts_bad_values():
    older = RealplayClock()
    older.restore({"rounds_done": 2, "round": 2})  # saved before next_round existed: round 2 was finished
    assert (older.round, older.lineups_done) == (3, {1, 2})
    bad = RealplayClock()
    bad.restore({"rounds_done": -1, "round": "x", "next_round": True, "lineups_done": [1, 9], "rotations_done": 2.5})
    assert (bad.round, bad.rounds_done, bad.rotations_done, bad.lineups_done) == (1, 0, 0, set())
    full = RealplayClock()
    full.restore({"next_round": 4, "lineups_done": [1, 2, 3]})
    assert full.round == 4 and full.lineups_done == set()
    empty = RealplayClock()
    empty.restore(None)
    assert empty.round == 1 and empty.rounds_done == 0


# the tally -----------------------------------------------------------------------------------------
def tally_of(**counts: int) -> Tally:
    t = Tally()
    for key, n in counts.items():
        for _ in range(n):
            t.tap(key)
    return t


def test_ratios_are_none_until_they_are_defined():
    t = Tally()
    assert t.reflection_to_question is None and t.percent_complex is None
    assert t.levels() == {"reflection_to_question": None, "percent_complex_reflections": None}
    t.tap("sr")
    assert t.reflection_to_question is None and t.percent_complex == 0.0


def test_ratios_follow_the_miti_formulas_with_open_and_closed_as_questions():
    t = tally_of(open=2, closed=2, sr=3, cr=3, summary=5, af=4, righting=2)
    assert t.reflection_to_question == 1.5  # summaries are not reflections here
    assert t.percent_complex == 50.0
    assert t.levels() == {"reflection_to_question": "fair", "percent_complex_reflections": "good"}


def test_levels_use_the_miti_thresholds_with_the_threshold_itself_reaching_the_level():
    assert THRESHOLDS["reflection_to_question"] == (1.0, 2.0) and THRESHOLDS["percent_complex_reflections"] == (40.0, 50.0)
    assert tally_of(open=2, sr=2).levels()["reflection_to_question"] == "fair"
    assert tally_of(open=1, closed=1, sr=3, cr=1).levels()["reflection_to_question"] == "good"
    assert tally_of(open=3, sr=2).levels()["reflection_to_question"] == "below_fair"
    assert tally_of(sr=3, cr=2).levels()["percent_complex_reflections"] == "fair"  # exactly 40 %
    assert tally_of(sr=8, cr=5).levels()["percent_complex_reflections"] == "below_fair"  # 38.5 %


def test_tap_undo_and_reset():
    t = Tally()
    assert t.tap("open") == 1 and t.tap("open") == 2 and t.tap("cr") == 1
    assert t.undo() == "cr" and t.undo() == "open"
    assert t.counts["open"] == 1 and t.counts["cr"] == 0
    t.reset()
    assert t.total == 0 and t.undo() is None
    with pytest.raises(ValueError):
        t.tap("question")


def test_saved_data_comes_back_checked():
    t = tally_of(open=2, cr=1)
    again = Tally.from_data(t.as_data())
    assert again.counts == t.counts and again.undo() == "cr"
    damaged = Tally.from_data({"counts": {"open": -3, "sr": "7", "cr": 2, "bogus": 9, "af": True}, "history": ["cr", "cr", "cr"]})
    assert damaged.counts == {"open": 0, "closed": 0, "sr": 0, "cr": 2, "af": 0, "summary": 0, "righting": 0}
    assert damaged.history == []  # more undo steps than counts: the history is not trusted
    assert Tally.from_data(None).total == 0


def test_csv_has_the_counts_ratios_levels_and_timestamp():
    text = tally_of(open=1, closed=1, sr=1, cr=2, summary=3).to_csv("Group <b>A</b>", "2025-03-01T10:15:00+00:00")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1 and tuple(rows[0]) == CSV_COLUMNS
    row = rows[0]
    assert row["session"] == "Group <b>A</b>" and row["timestamp"] == "2025-03-01T10:15:00+00:00"
    assert (row["open_questions"], row["complex_reflections"], row["summaries"]) == ("1", "2", "3")
    assert row["reflections_to_questions"] == "1.50" and row["reflections_to_questions_level"] == "fair"
    assert row["percent_complex_reflections"] == "66.7" and row["percent_complex_reflections_level"] == "good"


def test_csv_leaves_undefined_ratios_empty_and_defuses_formulas():
    row = next(csv.DictReader(io.StringIO(Tally().to_csv("=HYPERLINK(1)", "t"))))
    assert row["reflections_to_questions"] == "" and row["percent_complex_reflections_level"] == ""
    assert row["session"] == "'=HYPERLINK(1)"


def test_labels_and_file_names():
    assert session_label("  ") == "practice" and session_label(" a \n b ") == "a b" and len(session_label("x" * 200)) == 80
    assert csv_filename("Group <b>A</b>/../", "2025-03-01T10:15:00+00:00") == "observer-tally-group-b-a-b-2025-03-01-1015.csv"


# the words ----------------------------------------------------------------------------------------
def test_the_role_and_debrief_texts_keep_the_choice_with_the_person():
    assert ROLE_TASKS["person"].endswith("Choose something you are comfortable sharing; you can stop at any time.")
    assert ROLE_TASKS["interviewer"] == "Explores it with the person, keeps the choice with them, and helps them along in their own process, at their own pace."
    assert "own next step" not in ROLE_TASKS["interviewer"]
    assert dict((q, who) for who, q in DEBRIEF_PROMPTS)[
        "Were there moments where the interviewer took sides or steered toward a particular conclusion? What happened then?"] == "everyone"
    assert "the person's own words and wishes, or the interviewer's own idea" in OBSERVER_NOTE
    assert TALLY_HINTS["righting"] == "Advice, persuasion, correcting or arguing, offered without the person asking or agreeing."


# the next round's label ---------------------------------------------------------------------------
def test_next_round_label_counts_on():
    assert next_round_label("practice") == "practice round 2"
    assert next_round_label("practice round 2") == "practice round 3"
    assert next_round_label("Group A Round 9") == "Group A round 10"
    assert next_round_label("  ") == "practice round 2"
    assert next_round_label("round 2") == "round 2 round 2"  # no base label before "round": counted as a name


def test_next_round_label_skips_labels_already_saved():
    assert next_round_label("practice", taken=["practice round 2", "practice round 3"]) == "practice round 4"
    assert next_round_label("practice round 2", taken={"practice round 3"}) == "practice round 4"


def test_next_round_label_keeps_the_number_within_80_characters():
    label = next_round_label("x" * 80)
    assert len(label) == 80 and label.endswith(" round 2")
    assert next_round_label(label).endswith(" round 3") and len(next_round_label(label)) <= 80


def test_next_round_label_follows_a_translated_template():
    assert next_round_label("øving", template="{label} runde {n}") == "øving runde 2"
    assert next_round_label("øving runde 7", template="{label} runde {n}") == "øving runde 8"
    assert next_round_label("a.b round 2", template="{label} (round {n})") == "a.b round 2 (round 2)"
    with pytest.raises(ValueError):
        next_round_label("x", template="{label} round")
