"""The session report dashboard in Voila, in a real headless Chromium, at projector and laptop size:
upload a coded transcript, rate, make the report, check the figures and the download; a bad file."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from mi_widgets.engine.report import format_score

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLE = "MITI report for a practice conversation"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "transcripts"


def _upload(page, frame, path: Path) -> None:
    """Choose a file through the upload button, as a person does (its file input is not in the page)."""
    with page.expect_file_chooser() as chooser:
        frame.get_by_role("button", name=re.compile(r"Upload a transcript")).click()
    chooser.value.set_files(path)


def _scale(frame, name: str):
    """The radio group of one global rating, found by its visible label."""
    return frame.locator(".widget-radio", has=frame.page.locator(".widget-label", has_text=re.compile(f"^{re.escape(name)}$")))


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_upload_rate_and_download_the_report(open_dashboard, tmp_path, width, height):
    page = open_dashboard("session-report.ipynb", TITLE, width, height)
    frame = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name=TITLE))
    expected = json.loads((FIXTURES / "practice-smoking.expected.json").read_text(encoding="utf-8"))
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-session-report-{width}-start.png"))

    # the main path: upload through the file input, two ratings by their labels, make the report
    _upload(page, frame, FIXTURES / "practice-smoking.csv")
    frame.get_by_text("Loaded: practice-smoking.csv").wait_for(timeout=30_000)
    _scale(frame, "Cultivating Change Talk").get_by_label("3", exact=True).check()
    _scale(frame, "Softening Sustain Talk").get_by_label("4", exact=True).check()
    frame.get_by_role("button", name="Make the report").click()
    frame.get_by_text("Report made.").wait_for(timeout=30_000)

    summary = frame.locator(".miti-report table").first
    rows = {r.locator("th").inner_text(): r.inner_text() for r in summary.locator("tbody tr").all()}
    rq = rows["Reflection-to-question ratio (R:Q)"]
    cr = rows["% complex reflections (%CR)"]
    assert format_score("reflection_to_question", expected["summary"]["reflection_to_question"]) in rq  # 1.00 : 1
    assert format_score("percent_complex_reflections", expected["summary"]["percent_complex_reflections"]) in cr  # 57 %
    assert "fair" in rq and "good" in cr
    assert "3.5" in rows["Technical (summary score), (CCT + SST) / 2"] and "fair" in rows["Technical (summary score), (CCT + SST) / 2"]
    assert not any(name.startswith("% change talk") for name in rows)  # client language, not a MITI summary score
    assert "Not rated: Partnership, Empathy." in frame.inner_text()
    chart = frame.get_by_role("img", name="Tallied counts of each counsellor behaviour code (table below)")
    assert chart.is_visible()

    link = frame.get_by_role("link", name="Download the report (HTML)")
    assert link.get_attribute("download") == "practice-smoking-miti-report.html"
    href = link.get_attribute("href")
    assert href.startswith("data:text/html;base64,")
    page_html = base64.b64decode(href.split(",", 1)[1]).decode("utf-8")
    assert page_html.startswith("<!DOCTYPE html>") and "<title>MITI 4.2.1 report: practice-smoking.csv</title>" in page_html

    frame.get_by_role("heading", name="3. The report").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"dashboard-session-report-{width}.png"))
    assert serious(page) == []

    # a bad file: one message with its name and line; the script in it is text; the report stays
    bad = tmp_path / "bad-session.csv"
    bad.write_text("speaker,text,code\ncounselor,Hello there.,GI\nclient,<script>document.title='pwned'</script>,XX\n", encoding="utf-8")
    _upload(page, frame, bad)
    message = frame.locator(".miw-bad")
    message.wait_for(timeout=30_000)
    words = message.inner_text()
    assert "Not loaded." in words and "bad-session.csv:3: unknown code 'XX'" in words
    assert "The report below is still the one for practice-smoking.csv." in words
    assert page.title() != "pwned"
    assert frame.get_by_role("link", name="Download the report (HTML)").get_attribute("download") == "practice-smoking-miti-report.html"
    message.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"dashboard-session-report-{width}-bad.png"))


def test_html_in_an_uploaded_line_shows_as_text_in_the_page(open_dashboard, tmp_path):
    page = open_dashboard("session-report.ipynb", TITLE)
    frame = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name=TITLE))
    nasty = tmp_path / "nasty.csv"
    nasty.write_text('speaker,text,code\ncounselor,"<img src=x onerror=""document.title=\'pwned\'"">",GI\nclient,<b>bold</b> words,N\n', encoding="utf-8")
    _upload(page, frame, nasty)
    frame.get_by_text("Loaded: nasty.csv").wait_for(timeout=30_000)
    frame.get_by_text("Show the transcript (2 utterances)").click()
    transcript = frame.locator(".miti-report details table")
    assert "<img src=x onerror=\"document.title='pwned'\">" in transcript.inner_text()
    assert "<b>bold</b> words" in transcript.inner_text()
    assert frame.locator(".miti-report img, .miti-report b").count() == 0 and page.title() != "pwned"


def test_a_huge_upload_is_refused_with_a_message_and_the_page_keeps_working(open_dashboard, tmp_path):
    """A 20 MB file is over Tornado's default 10 MB websocket message; voila.json raises that limit
    so the file reaches the kernel and gets the size message instead of cutting the connection."""
    page = open_dashboard("session-report.ipynb", TITLE)
    frame = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name=TITLE)).first
    huge = tmp_path / "huge.csv"
    huge.write_text("speaker,text,code\n" + "client,I could walk to work,CT\n" * 700_000, encoding="utf-8")
    assert huge.stat().st_size > 20_000_000
    _upload(page, frame, huge)
    message = frame.get_by_text("huge.csv: the file is too large")
    message.wait_for(timeout=60_000)
    frame.get_by_role("button", name="Use a sample transcript").click()  # the kernel is still there
    frame.get_by_text("Sample loaded.").first.wait_for(timeout=30_000)
