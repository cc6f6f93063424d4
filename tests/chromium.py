"""Find the system Chromium for the browser tests (Playwright's own download is never used).

Run as a script it prints the path and exits 0, or exits 1 when no browser is found; `make test`
uses that to decide whether to install one.
"""

from __future__ import annotations

import os
import shutil
import sys

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Flags for a headless run as root on a machine without outside network.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """$MI_WORKBOOK_CHROMIUM, else the first Chromium or Chrome on PATH."""
    configured = os.environ.get("MI_WORKBOOK_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


if __name__ == "__main__":
    found = find_chromium()
    print(found or "no Chromium found")
    sys.exit(0 if found else 1)
