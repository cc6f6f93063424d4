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
    # and back in through the upload button: a good file merges, a bad one gets one message
    def upload(path):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Import a progress file").click()
        chooser.value.set_files(str(path))

    upload(saved)
    page.get_by_text("Imported.").wait_for()
    bad = tmp_path / "notes.json"
    bad.write_text("<script>alert(1)</script>")
    upload(bad)
    page.get_by_text("Not imported.").wait_for()
    assert "notes.json:1: not valid JSON" in page.locator(".miw-bad").last.inner_text()


def test_each_widget_answers_its_main_clicks_in_voila(page, served):
    """One pass through every widget as a learner would click it, then axe again on the feedback."""
    url, progress = served
    open_gallery(page, url)
    frame = page.locator(".widget-vbox.miw")
    coding, ratings, practice, ruler, balance, timer, tally, journal, panel = (frame.nth(i) for i in range(1, 10))

    coding.get_by_label("Utterance 1 code").select_option(label="none — No code")
    coding.get_by_role("button", name="Check").click()
    coding.get_by_text("1 of 15 right.").wait_for()
    assert "Cohen" in coding.inner_text() and "Summary of your codes beside the expert" in coding.inner_text()
    assert "Right." in coding.locator(".miw-mark").first.inner_text()  # the marker beside utterance 1

    ratings.get_by_role("radio", name="4").nth(2).check()  # Partnership 4
    ratings.get_by_role("button", name="Check my ratings").click()
    ratings.get_by_text("Technical").first.wait_for()

    practice.get_by_label("Your response").fill("Do you <b>drink</b> every day?")
    practice.get_by_role("button", name="Check").click()
    practice.get_by_text("closed question").first.wait_for()
    assert "Do you <b>drink</b> every day?" in practice.inner_text()  # shown as text, not bold

    ruler.get_by_role("radio", name="6").first.check()
    ruler.get_by_role("button", name="Show the follow-up questions").click()
    ruler.get_by_text("What makes it a 6 and not a 3?").first.wait_for()

    balance.get_by_label("Statement 1", exact=True).select_option(index=1)
    balance.get_by_role("button", name="Check", exact=True).click()
    balance.locator(".miw-fb").first.wait_for()

    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("0:02").first.wait_for(timeout=10_000)  # the browser's clock ticks
    timer.get_by_role("button", name="Pause").click()

    tally.get_by_role("button", name="Open question (0)").click()
    tally.get_by_role("button", name="Simple reflection (0)").click()
    tally.get_by_role("button", name="Complex reflection (0)").click()
    tally.get_by_role("button", name="Complex reflection (1)").wait_for()
    assert "2 : 1" in tally.inner_text() or "2.0 : 1" in tally.inner_text()

    journal.get_by_label("Empathy fatigue").fill("Fridays are hard.")
    journal.get_by_role("button", name="Save", exact=True).click()
    journal.get_by_text("Saved at").first.wait_for()

    panel.get_by_role("button", name="Refresh").click()
    overview = panel.get_by_role("table", name="Your progress by kind of exercise").inner_text()
    for kind in ("Coding exercises", "Global ratings", "Reflection practice", "Readiness rulers", "Decisional balance", "Journal entries"):
        assert kind in overview, kind
    saved = json.loads(progress.read_text())["records"]
    assert saved["journal:" + next(k.split(":")[1] for k in saved if k.startswith("journal:"))]["data"]["text"] == "Fridays are hard."
    assert serious(page) == []
    page.set_viewport_size({"width": 1280, "height": 720})
    for name, widget in (("coding", coding), ("practice", practice), ("tally", tally)):
        widget.scroll_into_view_if_needed()
        page.set_viewport_size({"width": 1280, "height": min(int(widget.bounding_box()["height"]) + 60, 12_000)})
        widget.scroll_into_view_if_needed()
        widget.screenshot(path=str(ARTIFACTS / f"widget-after-{name}.png"))
