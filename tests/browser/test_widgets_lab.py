"""The widget kit in JupyterLab, in a real headless Chromium, and progress across a kernel restart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from axe_playwright_python.sync_playwright import Axe

from .servers import lab
from .test_widgets_voila import ARTIFACTS, GALLERY

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def lab_settings(folder: Path) -> dict[str, str]:
    """Settings for a test JupyterLab: no news pop-up over the widgets, and every cell rendered
    (not only those in view), so a test can find any output."""
    settings = folder / "lab-settings"
    news = settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text('{"fetchNews": "false", "checkForUpdates": false}')
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text('{"windowingMode": "none"}')
    return {"JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(folder / "lab-workspaces")}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(GALLERY, folder)
    progress = folder / "progress.json"
    env = {"MI_WORKBOOK_PROGRESS": str(progress), **lab_settings(folder)}
    with lab(folder, env, folder / "lab.log") as url:
        yield url, progress


def clear_all_outputs(page) -> None:
    """Edit > Clear Outputs of All Cells, on the open notebook."""
    page.locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.get_by_role("menuitem", name="Edit", exact=True).click()
    page.get_by_role("menuitem", name="Clear Outputs of All Cells").click()
    page.wait_for_function("document.querySelectorAll('.jp-Notebook .widget-vbox.miw').length === 0")


STARTED = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
  .some(p => /\\[(\\d+|\\*)\\]/.test(p.textContent))"""


def wait_for_kernel(page) -> None:
    """Until the status bar says the notebook's kernel is connected and idle."""
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=90_000)


def restart_and_run_all(page) -> None:
    """The notebook toolbar's "restart the kernel and run all cells", confirming its dialog.
    (Run > Run All Cells from the menu bar does nothing in headless Chromium here.) A click made
    while a just-opened notebook's kernel is still settling can come to nothing, so when no cell
    has started after a while, press it once more."""
    wait_for_kernel(page)
    for attempt in range(2):
        page.locator('[data-command="notebook:restart-run-all"]').click()
        page.get_by_role("dialog").locator("button.jp-mod-accept").click()
        try:
            page.wait_for_function(STARTED, timeout=45_000)
            return
        except PlaywrightTimeout:
            if attempt:
                raise


def test_widgets_work_in_jupyterlab_and_progress_survives_a_kernel_restart(page, served):
    url, progress = served
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(url + "/tree/widget-gallery.ipynb", timeout=90_000)
    page.locator(".jp-Notebook").wait_for(timeout=90_000)
    restart_and_run_all(page)
    page.get_by_role("heading", name="Your progress").wait_for(timeout=60_000)
    page.get_by_role("radio", name="How would your week look if gaming took up less of it?").check()
    page.get_by_role("button", name="Check").first.click()
    page.get_by_text("Correct.").wait_for()
    assert json.loads(progress.read_text())["records"]["quiz:oars-01"]["score"] == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widgets-lab-1280.png"))
    # the realplay clock ticks in JupyterLab too (its Play widget is hidden; the worded buttons drive it)
    timer = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name="Realplay timer"))
    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("0:02").first.wait_for(timeout=10_000)
    timer.get_by_role("button", name="Pause").click()
    tally = page.locator(".widget-vbox.miw").filter(has=page.get_by_role("heading", name="Observer tally"))
    tally.get_by_role("button", name="Closed question (0)").click()
    tally.get_by_role("button", name="Closed question (1)").wait_for()
    tally.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "widgets-lab-tally-1280.png"))

    clear_all_outputs(page)  # so nothing below can come from the old kernel's widgets
    assert page.locator(".widget-vbox.miw").count() == 0
    restart_and_run_all(page)
    page.get_by_role("heading", name="Your progress").wait_for(timeout=60_000)
    page.get_by_text("Score: 1 of 1 answered right at the first try", exact=False).wait_for(timeout=60_000)
    overview = page.get_by_role("table", name="Your progress by kind of exercise")
    assert "Quiz questions" in overview.inner_text() and "100 %" in overview.inner_text()
    page.screenshot(path=str(ARTIFACTS / "widgets-lab-after-restart-1280.png"))
    results = Axe().run(page, context=".jp-OutputArea-output")  # our widgets, not JupyterLab's own chrome
    bad = [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == []
