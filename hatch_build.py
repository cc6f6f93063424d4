"""Build hook: compile the translation catalogues (``.po`` -> ``.mo``) into every wheel.

The catalogues are kept in the repository as text (``mi_widgets/locale/<lang>/LC_MESSAGES/
mi_workbook.po``); the binary ``.mo`` files gettext reads are made here, at build and install
time (also for ``pip install -e .``), and never committed. ``tools/catalogues.py`` uses the same
function for ``make catalogues``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # not building: tools/catalogues.py and the tests use compile_catalogues only
    BuildHookInterface = None  # type: ignore[assignment,misc]

LOCALE = Path(__file__).resolve().parent / "mi_widgets" / "locale"
DOMAIN = "mi_workbook"


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Compile each ``<lang>/LC_MESSAGES/mi_workbook.po`` under ``locale`` beside itself; the
    ``.mo`` files written. Fuzzy entries are left out (gettext then shows the English)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parents[1].name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        written.append(mo)
    return written


if BuildHookInterface is not None:

    class CustomBuildHook(BuildHookInterface):
        """hatchling's hook: compile before the wheel (or the editable wheel) is assembled."""

        def initialize(self, version: str, build_data: dict[str, Any]) -> None:
            compile_catalogues(Path(self.root) / "mi_widgets" / "locale")
