"""Every notebook of the learning path renders in Voila in a real headless Chromium: its widgets
appear, no cell fails, and axe finds no serious or critical problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from .servers import voila
from .test_widgets_voila import ARTIFACTS, serious

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
PATH = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) + [
    f"{folder}/{p.name}" for folder in ("dansk", "norsk") for p in sorted((NOTEBOOKS / folder).glob("[0-9][0-9]-*.ipynb"))]  # the Danish and Norwegian path
pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("path")
    progress = folder / "progress.json"
    with voila(NOTEBOOKS, {"MI_WORKBOOK_PROGRESS": str(progress)}, folder / "voila.log") as url:
        yield url


@pytest.mark.parametrize("name", PATH)
def test_notebook_renders_with_its_widgets_and_passes_axe(page, served, name):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(served + f"voila/render/{name}", timeout=120_000)
    page.get_by_role("heading", level=1).first.wait_for(timeout=120_000)
    least = 3  # at least three exercises in every notebook
    page.wait_for_function(f"document.querySelectorAll('.widget-vbox.miw').length >= {least}", timeout=120_000)
    counts = []
    while len(counts) < 3 or len(set(counts[-3:])) > 1:  # Voila renders cell by cell: wait until it settles
        counts.append(page.locator(".widget-vbox.miw").count())
        page.wait_for_timeout(700)
    assert page.locator("text=Traceback").count() == 0
    assert page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"notebook-{name.removesuffix('.ipynb').replace('/', '-')}-1280.png"))
    assert serious(page) == []
