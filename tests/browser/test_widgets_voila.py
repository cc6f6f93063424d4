"""The widget kit in Voila, in a real headless Chromium: it renders, it is operable, axe is happy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .servers import voila

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
GALLERY = Path(__file__).resolve().parents[1] / "fixtures" / "notebooks" / "widget-gallery.ipynb"
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("voila")
    shutil.copy(GALLERY, folder)
    progress = folder / "progress.json"
    with voila(folder, {"MI_WORKBOOK_PROGRESS": str(progress)}, folder / "voila.log") as url:
        yield url, progress


def serious(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def open_gallery(page, url, width=1280, height=720):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(url + "voila/render/widget-gallery.ipynb", timeout=90_000)
    page.get_by_role("heading", name="Your progress").wait_for(timeout=90_000)
    return page


WIDGETS = ["Quiz", "Coding: ", "Global ratings", "Reflection practice", "Importance and confidence", "Decisional balance", "Realplay", "Observer tally", "Reflective journal", "Your progress"]


def test_all_ten_widgets_render_in_voila_and_pass_axe(page, served):
    url, _ = served
    open_gallery(page, url)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widgets-voila-1280.png"))
    frames = page.locator(".widget-vbox.miw")
    titles = [frames.nth(i).locator("h3").first.inner_text() for i in range(frames.count())]
    assert len(titles) == 10, titles
    for want, title in zip(WIDGETS, titles):
        assert title.startswith(want), (want, title)
    assert serious(page) == []
    for i, title in enumerate(titles):  # one picture per widget, whole (Voila scrolls inside the page)
        frame = frames.nth(i)
        frame.scroll_into_view_if_needed()
        page.set_viewport_size({"width": 1280, "height": min(int(frame.bounding_box()["height"]) + 60, 12_000)})
        frame.scroll_into_view_if_needed()
        frame.screenshot(path=str(ARTIFACTS / f"widget-{i + 1:02d}-{title.split(':')[0].lower().replace(' ', '-')}.png"))


def test_a_quiz_answer_is_scored_and_saved_by_keyboard_and_mouse(page, served):
    url, progress = served
    open_gallery(page, url)
    page.get_by_role("radio", name="How would your week look if gaming took up less of it?").check()
    page.get_by_role("button", name="Check").first.click()
    page.get_by_text("Correct.").wait_for()
    assert "picture change in their own terms" in page.locator(".miw-ok").inner_text()
    record = json.loads(progress.read_text())["records"]["quiz:oars-01"]
    assert record["score"] == 1
    # keyboard only: Next, then pick an option with the arrow keys and check it
    page.get_by_role("button", name="Next").first.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Question 2 of 2").wait_for()
    page.get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Check").first.focus()
    page.keyboard.press("Enter")
    page.locator(".miw-fb").first.wait_for()
    assert "quiz:oars-02" in json.loads(progress.read_text())["records"]


def test_export_gives_a_real_download(page, served, tmp_path):
    url, _ = served
    open_gallery(page, url)
    page.get_by_role("button", name="Export my progress").click()
    link = page.get_by_role("link", name="Download mi-workbook-progress")
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "mi-workbook-progress"
