"""Where the bundled library (data/) is, in a checkout and in an installed wheel alike."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "MI_WORKBOOK_DATA"
_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The library folder: $MI_WORKBOOK_DATA, else the copy inside an installed wheel
    (``mi_widgets/_data``), else ``data/`` beside the package in a checkout."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"the MI Workbook library was not found (looked in {_PACKAGE / '_data'} and "
        f"{_PACKAGE.parent / 'data'}); set {ENV_VAR} to its folder"
    )


def dialogues_dir() -> Path:
    """The folder of the bundled dialogue files."""
    return data_dir() / "dialogues"
