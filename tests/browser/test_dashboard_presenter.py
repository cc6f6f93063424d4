"""The Presenter dashboard in Voila, in a real headless Chromium, at projector and laptop size:
pick a dialogue, step through it, record the room's code, reveal, and watch the tallies and the
change-talk chart follow."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEADING = "Code along with the room"
DIALOGUE = "Saturday night in the emergency room — alcohol, MI-consistent"


def text(locator) -> str:
    """What a locator shows, with the no-break spaces of <option> text made plain."""
    return locator.inner_text().replace("\xa0", " ")


def inside_viewport(box: dict, width: int, height: int) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_presenter_steps_reveals_and_tallies(open_dashboard, width, height):
    page = open_dashboard("presenter.ipynb", HEADING, width, height)
    page.get_by_label("Dialogue to present").select_option(label=DIALOGUE)
    now = page.locator(".miw-pr-now")
    now.get_by_text("Utterance 1 of 26").wait_for(timeout=30_000)
    for n in (2, 3, 4):
        page.get_by_role("button", name="Next").click()
        now.get_by_text(f"Utterance {n} of 26").wait_for()
    assert "You're feeling pretty foolish about it." in now.inner_text()
    assert "Counsellor" in now.inner_text()
    # the utterance, the room's choice and the buttons are on screen together, no scrolling
    for part in (now, page.get_by_label("The room says"), page.get_by_role("button", name="Reveal code"), page.get_by_role("button", name="Next")):
        assert inside_viewport(part.bounding_box(), width, height), part
    assert float(now.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 28  # large type

    page.get_by_label("The room says").select_option(label="CR — Complex Reflection")
    page.get_by_role("button", name="Reveal code").click()
    answer = page.locator(".miw-pr-answer")
    answer.get_by_text("Not quite: the room said Complex Reflection (CR); the expert's code is Simple Reflection (SR).").wait_for()
    assert "The expert's code: Simple Reflection (SR)." in answer.inner_text()
    assert "feel like an idiot" in answer.inner_text()  # the rationale
    assert answer.locator(".miw-bad .miw-icon").inner_text() == "✗"
    page.get_by_text("So far, over 1 revealed utterance (1 counsellor, 0 client)").wait_for()
    sr_row = page.get_by_role("row", name=re.compile(r"^Simple Reflection \(SR\)"))
    expect(sr_row.get_by_role("cell").nth(0)).to_have_text("1")  # tallied

    # a client utterance: the room gets the client's codes, and the chart fills a slot
    page.get_by_role("button", name="Next").click()
    now.get_by_text("Utterance 5 of 26").wait_for()
    assert "Client" in now.inner_text()
    room = page.get_by_label("The room says")
    assert "ST — Sustain Talk" in text(room) and "CR — Complex Reflection" not in text(room)
    chart = page.get_by_role("img", name=re.compile("Change talk across the conversation"))
    expect(chart).to_have_attribute("aria-label", re.compile("0 sustain talk"))
    room.select_option(label="ST — Sustain Talk")
    page.get_by_role("button", name="Reveal code").click()
    answer.get_by_text("Right: the room said Sustain Talk (ST), and so did the expert.").wait_for()
    assert "Sustain Talk (ST), reasons" in answer.inner_text()
    page.get_by_text("sustain talk so far: 1").wait_for()
    expect(chart).to_have_attribute("aria-label", re.compile("0 change talk .*1 sustain talk .*10 not revealed yet"))
    page.get_by_text("So far, over 2 revealed utterances (1 counsellor, 1 client)").wait_for()
    # % change talk is client language, shown under the chart, not a row of the MITI summary-score table
    page.get_by_text("% change talk (client language, not a MITI score): 0 %").wait_for()
    expect(page.get_by_role("row", name=re.compile(r"^% change talk"))).to_have_count(0)

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-presenter-{width}.png"))
    page.get_by_text("Change talk so far:").scroll_into_view_if_needed()  # the lower half: the chart and the counts
    page.screenshot(path=str(ARTIFACTS / f"dashboard-presenter-{width}-chart.png"))
    assert serious(page) == []
    # Start again empties everything
    page.get_by_role("button", name="Start again").click()
    now.get_by_text("Utterance 1 of 26").wait_for()
    page.get_by_text("So far, over 0 revealed utterances (0 counsellor, 0 client)").wait_for()
    expect(chart).to_have_attribute("aria-label", re.compile("11 not revealed yet"))


def test_the_longest_utterance_fits_a_projector_with_its_controls(open_dashboard):
    """physio-activity utterance 29 is the library's longest (420 characters)."""
    page = open_dashboard("presenter.ipynb", HEADING, 1280, 720)
    page.get_by_label("Dialogue to present").select_option(label="Sore knees and the GP's 'get moving' — physical activity, MI-consistent")
    now = page.locator(".miw-pr-now")
    now.get_by_text("Utterance 1 of 31").wait_for(timeout=30_000)
    nxt = page.get_by_role("button", name="Next")
    nxt.focus()
    for n in range(2, 30):  # by keyboard: Enter on the focused Next button
        page.keyboard.press("Enter")
        now.get_by_text(f"Utterance {n} of 31").wait_for()
    assert len(now.locator(".miw-pr-text").inner_text()) > 400
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-presenter-1280-longest.png"))
    for part in (now, page.get_by_label("The room says"), page.get_by_role("button", name="Reveal code")):
        assert inside_viewport(part.bounding_box(), 1280, 720), part
