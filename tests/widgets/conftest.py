"""Every widget test saves progress to its own temporary file, never to the real home folder."""

import pytest


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("MI_WORKBOOK_PROGRESS", str(path))
    return path


class Brackets:
    """A pseudo-language: every translated string comes back wrapped in ⟦ ⟧."""

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"⟦{singular if n == 1 else plural}⟧"


@pytest.fixture
def pseudo_language(monkeypatch):
    """Put the pseudo-language in force, so a test can see which strings went through ``_()``."""
    from mi_widgets.engine import i18n

    monkeypatch.setattr(i18n, "get_language", lambda: "xx")
    monkeypatch.setattr(i18n, "_translations", lambda lang: Brackets())
