"""Every learning-path notebook runs top to bottom in JupyterLab, in a real headless Chromium:
restart and run all, no cell fails, the exercises appear."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .servers import lab
from .test_notebooks_voila import NOTEBOOKS, PATH

#: The English path, and the first Danish and Norwegian notebook (the rest of those run under nbval
#: and render in Voila; running all ten in JupyterLab too would add minutes to every CI run).
LAB_PATH = [name for name in PATH if "/" not in name or name.endswith("/00-start-her.ipynb")]
from .test_widgets_lab import lab_settings, restart_and_run_all
from .test_widgets_voila import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALL_RUN = """() => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
  return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab-path")
    for name in LAB_PATH:  # a copy: JupyterLab may save the notebooks it opens, outputs and all
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(NOTEBOOKS / name, folder / name)
    env = {"MI_WORKBOOK_PROGRESS": str(folder / "progress.json"), **lab_settings(folder)}
    with lab(folder, env, folder / "lab.log") as url:
        yield url


@pytest.mark.parametrize("name", LAB_PATH)
def test_notebook_runs_top_to_bottom_in_jupyterlab(page, served, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served + f"/tree/{name}?reset", timeout=90_000)  # ?reset: only this notebook open
    page.locator(".jp-Notebook").wait_for(timeout=90_000)
    restart_and_run_all(page)
    try:  # generous: on a loaded two-core CI machine a run of 13 cells has taken over two minutes
        page.wait_for_function(ALL_RUN, timeout=240_000)
    except PlaywrightTimeout:
        prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_inner_texts()
        pytest.fail(f"{name}: not every cell ran; prompts {prompts}; kernel {page.locator('.jp-Notebook-ExecutionIndicator').first.get_attribute('title') if page.locator('.jp-Notebook-ExecutionIndicator').count() else '?'}")
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], .jp-OutputArea-output .ansi-red-fg")
    assert errors.count() == 0, errors.first.inner_text()
    least = 3
    page.wait_for_function(f"document.querySelectorAll('.jp-Notebook .widget-vbox.miw').length >= {least}", timeout=60_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"lab-{name.removesuffix('.ipynb').replace('/', '-')}.png"))
