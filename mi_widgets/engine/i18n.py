"""One translation function for every user-facing string.

English is the source language. The Danish and Norwegian catalogues are
``mi_widgets/locale/<lang>/LC_MESSAGES/mi_workbook.po``, compiled to ``.mo`` at install
(``hatch_build.py``); where a catalogue lacks a string, :func:`_` returns the English text. The
language comes from :func:`set_language`, else the ``MI_WORKBOOK_LANG`` environment variable, else
English.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "mi_workbook"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES: tuple[str, ...] = ("en", "da", "nb")
ENV_VAR = "MI_WORKBOOK_LANG"

_current: str | None = None


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (translated where shown)."""
    return message


def get_language() -> str:
    """The language in force: set_language(), else $MI_WORKBOOK_LANG, else 'en'."""
    lang = _current or os.environ.get(ENV_VAR, "") or "en"
    return lang if lang in LANGUAGES else "en"


def set_language(lang: str | None) -> None:
    """Choose the language for later messages; None goes back to the environment default."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language '{lang}' (choose from {', '.join(LANGUAGES)})")
    global _current
    _current = lang


@lru_cache(maxsize=None)
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True)


def _(message: str) -> str:
    """Translate ``message`` into the language in force; English where no translation exists."""
    lang = get_language()
    if lang == "en":
        return message
    return _translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, translated; each language has its own plural rules."""
    lang = get_language()
    if lang == "en":
        return singular if n == 1 else plural
    return _translations(lang).ngettext(singular, plural, n)
