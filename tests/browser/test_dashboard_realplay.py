"""Instructor dashboards in Voila, in a real headless Chromium, at projector and laptop size."""

from __future__ import annotations

import pytest

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_realplay_board_runs_the_clock_and_the_tally_side_by_side(open_dashboard, width, height):
    page = open_dashboard("realplay.ipynb", "Realplay timer", width, height)
    timer = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name="Realplay timer"))
    tally = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name="Observer tally"))
    tally.wait_for(timeout=120_000)
    t, o = timer.bounding_box(), tally.bounding_box()
    assert o["x"] > t["x"] + t["width"] / 2 and abs(o["y"] - t["y"]) < 40  # side by side at this size
    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("0:02").first.wait_for(timeout=10_000)
    tally.get_by_role("button", name="Open question (0)").click()
    tally.get_by_role("button", name="Open question (1)").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-realplay-{width}.png"))
    timer.get_by_role("button", name="Pause").click()
    assert serious(page) == []
