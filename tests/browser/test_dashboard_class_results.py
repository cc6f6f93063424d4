"""The class results dashboard in Voila, in a real headless Chromium, at projector and laptop size."""

from __future__ import annotations

import base64
import csv
import io
import re
from pathlib import Path

import pytest

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "class"


def payload(name: str, data: bytes | None = None) -> dict:
    return {"name": name, "mimeType": "application/json", "buffer": data if data is not None else (FIXTURES / name).read_bytes()}


def csv_of(page, link_name: str) -> list[list[str]]:
    href = page.get_by_role("link", name=link_name).get_attribute("href")
    assert href.startswith("data:text/csv;base64,")
    return list(csv.reader(io.StringIO(base64.b64decode(href.split(",", 1)[1]).decode("utf-8-sig"))))


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_class_results_reads_uploads_and_shows_what_the_class_confused(open_dashboard, width, height):
    page = open_dashboard("class-results.ipynb", "Class results", width, height)
    page.get_by_role("button", name="Load a demo class").wait_for(timeout=120_000)
    page.get_by_text("No files read yet.").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-class-results-{width}-empty.png"))

    # three learners' exports and one file that is not a progress file, in one upload
    files = [payload("anna.json"), payload("ben.json"), payload("cara.json"), payload("shopping <b>list</b>.json", b'{"milk": 2}')]
    with page.expect_file_chooser() as chooser:  # as the instructor does: the button opens the file dialogue
        page.get_by_role("button", name=re.compile("Upload progress files")).click()
    assert chooser.value.is_multiple()
    chooser.value.set_files(files)
    page.get_by_text("3 files read, 1 not read.").wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-class-results-{width}.png"))

    table = page.get_by_role("table", name="3 learners' files")
    assert table.get_by_role("row").count() == 4
    assert table.get_by_text("<script>alert(1)</script> Cara").is_visible()  # shown as text, never run
    assert page.get_by_text("1 file not read:").is_visible()
    message = "shopping <b>list</b>.json: not an MI Workbook progress file"
    assert page.locator(".miw-fb.miw-bad li").filter(has_text=message).count() == 1

    # the heatmap: SR row, CR column holds 3 (Anna twice, Ben once), as text
    heat = page.locator("table.miw-heat")
    heat.scroll_into_view_if_needed()
    heads = heat.locator("thead th").all_inner_texts()
    sr = heat.locator("tbody tr").filter(has=page.locator("th", has_text=re.compile(r"^SR$"))).locator("td").all_inner_texts()
    assert dict(zip(heads[1:], sr))["CR"] == "3" and dict(zip(heads[1:], sr))["SR"] == "6"
    assert page.get_by_text("SR (Simple Reflection) coded as CR (Complex Reflection): 3 times").is_visible()
    page.screenshot(path=str(ARTIFACTS / f"dashboard-class-results-{width}-heatmap.png"))

    hardest = page.get_by_role("table", name="Hardest utterances")
    first = hardest.locator("tbody tr").first
    assert "You're feeling pretty foolish about it." in first.inner_text() and "1 of 3 (33 %)" in first.inner_text()
    assert "oars-09" in page.get_by_role("table", name=re.compile("Quiz items most missed")).locator("tbody tr").first.inner_text()

    summary = csv_of(page, "Download the summary per exercise (CSV)")
    assert summary[0][:4] == ["kind", "ref", "title", "learners"] and summary[1][:4] == ["coding", "er-alcohol-mi", "Saturday night in the emergency room", "3"]
    learners = csv_of(page, "Download every learner's scores (CSV)")
    assert learners[0] == ["learner", "file", "kind", "ref", "title", "score", "max", "percent", "attempts", "last"]
    assert "private thought" not in page.content()  # journal text never shows
    assert serious(page) == []

    # the demo class replaces the uploads
    page.get_by_role("button", name="Load a demo class").click()
    page.get_by_text("Demo class loaded.").wait_for(timeout=30_000)
    assert page.get_by_role("table", name="12 learners' files").get_by_text("Learner 12").count() == 1
    assert page.locator("table.miw-heat").count() == 2  # counsellor and client codes
    assert page.get_by_role("table", name="Hardest utterances").locator("tbody tr").count() == 10
    assert serious(page) == []
    page.locator("table.miw-heat").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"dashboard-class-results-{width}-demo.png"))

    board = page.locator(".widget-vbox.miw").first  # the whole dashboard in one picture, to look at
    page.set_viewport_size({"width": width, "height": min(int(board.bounding_box()["height"]) + 80, 12_000)})
    board.screenshot(path=str(ARTIFACTS / f"dashboard-class-results-{width}-full.png"))
    page.set_viewport_size({"width": width, "height": height})

    # keyboard: Clear
    page.get_by_role("button", name="Clear").focus()
    page.keyboard.press("Enter")
    page.get_by_text("Cleared.").wait_for()
    assert page.get_by_text("No files read yet.").is_visible()
