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


def get_dialogue(ref: str | Path):
    """A dialogue by id from the bundled library, or by path to a .yaml or .csv file."""
    from .errors import InputError
    from .loaders import load

    path = Path(ref)
    if path.suffix and path.exists():
        return load(path)
    candidate = dialogues_dir() / f"{ref}.yaml"
    if candidate.exists():
        return load(candidate)
    matches = sorted(dialogues_dir().rglob(f"{ref}.yaml"))
    if matches:
        return load(matches[0])
    raise InputError.one(str(ref), "no dialogue with this id in the library, and no such file")


def library_table(folder: str | Path | None = None):
    """The library as a pandas table, one row per dialogue (id as index)."""
    from .loaders import load_folder
    from .model import dialogues_dataframe

    dialogues, _ = load_folder(folder)
    table = dialogues_dataframe(sorted(dialogues, key=lambda d: (d.language, d.topic, d.id)))
    return table.drop(columns=["file", "has_globals"], errors="ignore")  # learners need neither
