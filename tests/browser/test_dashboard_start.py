"""The instructors' start page in Voila: it names the five dashboards, each link opens one, axe is happy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .servers import lab
from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: link text on the start page -> a heading of the widget the dashboard shows
LINKS = {
    "Presenter": "Code along with the room",
    "Realplay": "Realplay timer",
    "Class results": "Class results: scores, mix-ups and missed questions",
    "Session report": "MITI report for a practice conversation",
    "Dialogue library": "Browse the dialogue library",
}


@pytest.mark.parametrize("width, height", [(1280, 720), (1366, 768)])
def test_the_start_page_lists_the_dashboards_and_the_hour_and_passes_axe(page, dashboards, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(dashboards[0] + "voila/render/00-start-here.ipynb", timeout=120_000)
    page.get_by_role("heading", name="Instructor dashboards: start here").wait_for(timeout=120_000)
    assert page.get_by_role("heading", name="A workshop hour").is_visible()
    hour = page.get_by_role("table").nth(1)
    assert hour.get_by_role("row").count() == 7  # header and six blocks from 0:00 to 1:00
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-start-{width}.png"))
    assert serious(page) == []


@pytest.mark.parametrize("link, heading", LINKS.items())
def test_each_link_on_the_start_page_opens_its_dashboard(page, dashboards, link, heading):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(dashboards[0] + "voila/render/00-start-here.ipynb", timeout=120_000)
    page.get_by_role("link", name=link, exact=True).first.click()
    page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
    assert page.url.endswith(".ipynb") and "voila/render/" in page.url


def test_the_binder_way_voila_inside_the_jupyter_server_serves_the_dashboards(page, tmp_path):
    """Binder's instructor link is /voila/render/notebooks/dashboards/00-start-here.ipynb on the
    Jupyter server (Voila as a server extension, which reads voila.json but does not preheat).
    The server gets binder/jupyter_server_config.json as postBuild installs it, so a 20 MB upload
    reaches the session report and is refused in words."""
    root = Path(__file__).resolve().parents[2]
    config = tmp_path / "jupyter-config"
    config.mkdir()
    shutil.copy(root / "binder" / "jupyter_server_config.json", config)
    env = {"MI_WORKBOOK_PROGRESS": str(tmp_path / "progress.json"), "JUPYTER_CONFIG_DIR": str(config)}
    with lab(root, env, tmp_path / "lab.log", cwd=root) as url:
        base = url.removesuffix("lab")
        page.set_viewport_size({"width": 1280, "height": 720})
        page.goto(base + "voila/render/notebooks/dashboards/00-start-here.ipynb", timeout=120_000)
        page.get_by_role("link", name="Presenter", exact=True).first.click()
        page.get_by_role("heading", name=LINKS["Presenter"]).first.wait_for(timeout=120_000)
        page.get_by_role("button", name="Next").click()
        page.get_by_text("Utterance 2 of").first.wait_for()
        page.goto(base + "voila/render/notebooks/dashboards/session-report.ipynb", timeout=120_000)
        title = LINKS["Session report"]
        frame = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name=title)).first
        frame.wait_for(timeout=120_000)
        huge = tmp_path / "huge.csv"
        huge.write_text("speaker,text,code\n" + "client,I could walk to work,CT\n" * 700_000, encoding="utf-8")
        with page.expect_file_chooser() as chooser:
            frame.get_by_role("button", name=re.compile("Upload a transcript")).click()
        chooser.value.set_files(huge)
        frame.get_by_text("huge.csv: the file is too large").wait_for(timeout=60_000)
