"""Time to widgets: how long an instructor waits between opening a dashboard and seeing it.

Run: python benchmarks/bench_dashboards.py [--rounds N]   (or make benchmark). Needs the test extra
(Playwright) and a system Chromium. Prints medians; asserts nothing.

For each notebook in notebooks/dashboards, and for a one-widget notebook as the yardstick, it loads
the page in headless Chromium and measures from the request until the widgets are on screen and
have stopped appearing (no new widget for 0.3 s). Two servers are compared:

* cold: Voila as it starts by default, a new kernel per page view;
* preheated: Voila with the repository's voila.json (a kernel per dashboard, already running the
  notebook before anyone asks), measured once the pool is warm.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser.servers import voila  # noqa: E402
from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402

BASELINE = "one-widget.ipynb"
WIDGETS = ".jupyter-widgets"
WARM_UP = 30.0  #: seconds for a preheated pool to run every dashboard once (two CPUs)
REFILL = 8.0  #: seconds to let the pool replace a kernel that a page view took


def one_widget_notebook(folder: Path) -> None:
    cell = {"cell_type": "code", "execution_count": None, "id": "w", "metadata": {}, "outputs": [],
            "source": ["import ipywidgets as w\n", "w.Button(description='Hello')"]}
    nb = {"cells": [cell], "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    (folder / BASELINE).write_text(json.dumps(nb), encoding="utf-8")


def time_to_widgets(page, url: str) -> float:
    """Seconds from the request until widgets are visible and no new one appeared for 0.3 s."""
    start = time.perf_counter()
    page.goto(url, timeout=120_000)
    page.locator(WIDGETS).first.wait_for(state="visible", timeout=120_000)
    count, settled = -1, time.perf_counter()
    while True:
        n = page.locator(WIDGETS).count()
        if n != count:
            count, settled = n, time.perf_counter()
        elif time.perf_counter() - settled > 0.3:
            return settled - start
        time.sleep(0.05)


def measure(folder: Path, names: list[str], rounds: int, config: Path | None) -> dict[str, list[float]]:
    """Load times per notebook; ``config`` is the voila.json to start with (None: Voila's defaults)."""
    from playwright.sync_api import sync_playwright

    preheat = config is not None
    times: dict[str, list[float]] = {n: [] for n in names}
    with tempfile.TemporaryDirectory() as tmp:
        if config is not None:
            (Path(tmp) / "voila.json").write_bytes(config.read_bytes())  # Voila reads it from its working folder
        server = voila(folder, {"MI_WORKBOOK_PROGRESS": str(Path(tmp) / "p.json")}, Path(tmp) / "voila.log", cwd=Path(tmp))
        with server as base:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                if preheat:
                    time.sleep(WARM_UP)  # let the pool run every notebook once
                for _ in range(rounds):
                    for name in names:
                        times[name].append(time_to_widgets(page, f"{base}voila/render/{name}"))
                        if preheat:
                            time.sleep(REFILL)  # the pool refills a used kernel after a short delay
                browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--config", type=Path, default=ROOT / "voila.json", help="the voila.json to compare with Voila's defaults")
    args = parser.parse_args()
    if find_chromium() is None:
        sys.exit("no Chromium found: run 'make browser'")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for nb in sorted((ROOT / "notebooks" / "dashboards").glob("*.ipynb")):
            cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
            if any(c["cell_type"] == "code" for c in cells):  # the start page is text only: nothing to wait for
                (folder / nb.name).write_bytes(nb.read_bytes())
        one_widget_notebook(folder)
        names = [BASELINE] + sorted(p.name for p in folder.glob("*.ipynb") if p.name != BASELINE)
        results = {"cold": measure(folder, names, args.rounds, None), "preheated": measure(folder, names, args.rounds, args.config)}
    print(f"time to widgets in Voila, median of {args.rounds} loads at 1280x720 (seconds):")
    print(f"  {'notebook':28s} {'cold':>7s} {'preheated':>10s}")
    for name in names:
        cold, warm = (statistics.median(results[m][name]) for m in ("cold", "preheated"))
        print(f"  {name:28s} {cold:7.2f} {warm:10.2f}")


if __name__ == "__main__":
    main()
