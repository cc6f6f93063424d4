"""Dashboards built from the widget kit, driven from Python."""

from mi_widgets import RealplayBoard


def test_realplay_board_holds_a_timer_and_a_tally_that_work_together():
    board = RealplayBoard(minutes=2, pause_every=(60, 60), names=["Ann", "Bo", "Cy"])
    board.timer.start()
    assert board.timer.tick(60) == "pause" and board.timer.phase == "paused"
    board.tally.tap("open")
    board.tally.tap("cr")
    assert board.tally.counts["open"] == 1 and board.tally.counts["cr"] == 1
    assert board.timer.roles["observer"] == "Cy"
