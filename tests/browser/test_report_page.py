"""The HTML report as a trainee sees it: real headless Chromium, and an axe-core check."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from mi_widgets.engine.loaders import load_transcript, parse_transcript
from mi_widgets.engine.model import GlobalRatings
from mi_widgets.engine.report import build_report, render_html

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
pytestmark = pytest.mark.browser


def _open(page, tmp_path, html, name, width=1280, height=720):
    target = tmp_path / f"{name}.html"
    target.write_text(html, encoding="utf-8")
    page.set_viewport_size({"width": width, "height": height})
    page.goto(target.as_uri())
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    return page


def serious(results) -> list[str]:
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width, height", [(1280, 720), (390, 844)])
def test_report_page_renders_and_passes_axe(page, tmp_path, fixtures, width, height):
    d = load_transcript(fixtures / "transcripts/practice-smoking.csv")
    html = render_html(build_report(d, GlobalRatings(3, 4, 4, 3)), d)
    _open(page, tmp_path, html, "report", width, height)
    assert page.title().startswith("MITI 4.2.1 report")
    summary = page.get_by_role("table").first
    assert "57 %" in summary.inner_text() and "good" in summary.inner_text()
    assert page.get_by_role("img", name="Tallied counts of each counsellor behaviour code (table below)").is_visible()
    rows = page.locator("#h-transcript + table tbody tr")
    assert rows.count() == 43
    assert serious(Axe().run(page)) == []


def test_html_in_a_transcript_is_shown_as_text_and_never_runs(page, tmp_path):
    nasty = 'speaker,text,code\ncounselor,"<img src=x onerror=""document.title=\'pwned\'""> <b>hi</b>",GI\nclient,"<script>document.title=\'pwned\'</script>",N\n'
    d = parse_transcript(nasty, "nasty.csv")
    _open(page, tmp_path, render_html(build_report(d), d), "report-nasty")
    assert page.title() != "pwned"
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
    assert "<script>document.title='pwned'</script>" in page.locator("#h-transcript + table").inner_text()
