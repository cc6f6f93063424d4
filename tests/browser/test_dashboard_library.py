"""The dialogue library dashboard in Voila, in a real headless Chromium, at projector and laptop
size: filter, search, choose a dialogue, open it one utterance at a time and code the first one."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HEADING = "Browse the dialogue library"
PROBATION = "A positive test at the probation office"


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_library_filters_searches_and_opens_a_dialogue_to_code(open_dashboard, width, height):
    page = open_dashboard("library.ipynb", HEADING, width, height)
    table = page.locator("table", has=page.locator("caption", has_text="Dialogues that match"))
    rows = table.locator("tbody tr")
    expect(page.get_by_text("16 of 24 dialogues")).to_be_visible(timeout=30_000)
    expect(rows).to_have_count(16)
    expect(page.get_by_text("7 pairs of twins", exact=False)).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-library-top-{width}.png"))  # what the room sees first

    # filter by a topic, then by a style as well
    page.get_by_label("Topic", exact=True).select_option(label="alcohol (3)")
    expect(page.get_by_text("2 of 24 dialogues")).to_be_visible()
    expect(rows).to_have_count(2)
    page.get_by_label("Style", exact=True).select_option(label="MI-inconsistent (7)")
    expect(page.get_by_text("1 of 24 dialogues")).to_be_visible()
    expect(rows).to_have_count(1)
    row = rows.first
    expect(row.get_by_role("rowheader")).to_have_text("Saturday night in the emergency room (righting reflex)")
    expect(row.get_by_role("cell").nth(2)).to_have_text("MI-inconsistent")
    expect(row.get_by_role("cell").nth(4)).to_have_text("Saturday night in the emergency room")  # the twin

    # nothing matches: the page says so in words, then Reset filters brings everything back
    page.get_by_label("Search").fill("knitting")
    expect(page.get_by_text("No dialogue matches — clear the filters.")).to_be_visible()
    expect(page.get_by_text("0 of 24 dialogues")).to_be_visible()
    expect(page.get_by_role("button", name="Open as a coding exercise")).to_be_disabled()
    page.get_by_role("button", name="Reset filters").click()
    expect(page.get_by_text("24 of 24 dialogues")).to_be_visible()  # every language after Reset
    expect(page.get_by_label("Search")).to_have_value("")

    # type in Search, choose a dialogue, read about it
    page.get_by_label("Search").fill("probation")
    expect(page.get_by_text("2 of 24 dialogues")).to_be_visible()
    expect(rows).to_have_count(2)
    page.get_by_label("Dialogue to open").select_option(label=f"{PROBATION} (confrontation)")
    card = page.get_by_role("region", name="The chosen dialogue")
    expect(card).to_contain_text("Style: MI-inconsistent")
    expect(card).to_contain_text(f"{PROBATION}, the MI-consistent version")
    page.get_by_label("Dialogue to open").select_option(label=PROBATION)
    expect(card).to_contain_text("Stop using amphetamine and cut down cannabis while on probation")
    expect(card).to_contain_text("Style: MI-consistent")

    # one utterance at a time, the counsellor's codes; open it
    page.get_by_label("one utterance at a time").check()
    page.get_by_label("the counsellor (MITI behaviour codes)").check()
    page.get_by_role("button", name="Open as a coding exercise").click()
    expect(page.get_by_text("Opened as a coding exercise.")).to_be_visible()
    exercise = page.locator(".widget-vbox.miw:not(.miw-lib)").filter(has=page.get_by_role("heading", name=f"Coding: {PROBATION}"))
    expect(exercise).to_be_visible(timeout=30_000)
    expect(exercise.get_by_text("Utterance 1 of 36")).to_be_visible()

    # code the first utterance (a greeting: no code) and check this one
    exercise.get_by_label("Utterance 1 code").select_option(label="none — No code")
    exercise.get_by_role("button", name="Check this one").click()
    marker = exercise.locator(".miw-mark")
    expect(marker).to_contain_text("Right.")
    expect(marker.locator(".miw-icon")).to_have_text("✓")
    expect(exercise.get_by_text("Utterance 1: Right.")).to_be_visible()
    expect(exercise.get_by_text("Press Next for the next utterance.", exact=False)).to_be_visible()

    assert serious(page) == []
    # the whole dashboard: Voila scrolls inside the page, so make the window as tall as the content
    tall = page.evaluate("() => Math.max(...Array.from(document.querySelectorAll('body, body *')).map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": int(tall) + 40})
    page.screenshot(path=str(ARTIFACTS / f"dashboard-library-{width}.png"))
    page.set_viewport_size({"width": width, "height": height})
    exercise.screenshot(path=str(ARTIFACTS / f"dashboard-library-exercise-{width}.png"))
