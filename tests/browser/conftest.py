"""Shared browser fixtures: one Voila server for all the instructor dashboards, and a page opener."""

from __future__ import annotations

from pathlib import Path

import pytest

from .servers import voila

ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = ROOT / "notebooks" / "dashboards"


@pytest.fixture(scope="session")
def dashboards(tmp_path_factory):
    """Voila serving notebooks/dashboards as ``make dashboard`` does, with the repository's voila.json
    (preheated kernels): ``(base_url, progress_file)``. One server for the session."""
    folder = tmp_path_factory.mktemp("dashboards")
    progress = folder / "progress.json"
    with voila(DASHBOARDS, {"MI_WORKBOOK_PROGRESS": str(progress)}, folder / "voila.log", cwd=ROOT) as url:
        yield url, progress


@pytest.fixture
def open_dashboard(page, dashboards):
    """``open_dashboard("presenter.ipynb", "Presenter", width, height)``: load a dashboard at a
    viewport size and wait until the widget with that heading is visible; returns the page."""

    def go(notebook: str, heading: str, width: int = 1280, height: int = 720):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(dashboards[0] + "voila/render/" + notebook, timeout=120_000)
        page.get_by_role("heading", name=heading).first.wait_for(timeout=120_000)
        return page

    return go
