"""Choosing the workbook's language: a picker for notebooks, and the frame every dashboard sits in.

The language is one setting per kernel (:func:`~mi_widgets.engine.i18n.set_language`); its default
comes from ``$MI_WORKBOOK_LANG``. A widget speaks the language in force when it is built, so the
dashboard frame builds its dashboard again when the language changes.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from ..engine.i18n import LANGUAGES, N_, _, get_language, set_language
from ._base import STYLE, esc

#: Each language named in itself: a reader finds their own language whatever is in force.
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "da": "Dansk", "nb": "Norsk bokmål"}
#: The picker's label in all three languages, for the same reason.
PICKER_LABEL = "Language · Sprog · Språk"


class LanguagePicker(w.VBox):
    """A dropdown for the workbook's language (English, Dansk, Norsk bokmål).

    Choosing sets the language for every widget built afterwards in this kernel; widgets already
    shown keep theirs until their cell runs again (the picker says so). ``language`` sets it at
    once (e.g. ``LanguagePicker("da")`` at the top of a Danish notebook); None keeps the language
    in force. ``on_change(lang)`` is called after each change. Driven from Python: ``choose(lang)``.
    """

    def __init__(self, language: str | None = None, on_change: Callable[[str], None] | None = None, note: bool = True) -> None:
        if language is not None:
            set_language(language)
        self.on_change = on_change
        current = get_language()
        self.dropdown = w.Dropdown(
            options=[(LANGUAGE_NAMES[code], code) for code in LANGUAGES],
            value=current if current in LANGUAGES else "en",
            description=PICKER_LABEL,
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.note = w.HTML()
        self.show_note = note
        self.dropdown.observe(self._changed, names="value")
        self._say()
        super().__init__(children=[self.dropdown, self.note])

    @property
    def language(self) -> str:
        """The language chosen here."""
        return str(self.dropdown.value)

    def choose(self, lang: str) -> None:
        """Choose ``lang`` (``"en"``, ``"da"`` or ``"nb"``), as picking it in the dropdown does."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}' (choose from {', '.join(LANGUAGES)})")
        self.dropdown.value = lang

    def _changed(self, change: dict) -> None:
        set_language(change["new"])
        self._say()
        if self.on_change is not None:
            self.on_change(change["new"])

    def _say(self) -> None:
        text = _("Widgets you run from now on use this language; run a cell again to switch a widget already shown.")
        self.note.value = f'{STYLE}<div class="miw"><p class="miw-lead">{esc(text)}</p></div>' if self.show_note else ""


#: The instructor dashboards by name: their title (translated where shown) and the widget to build.
DASHBOARDS: dict[str, tuple[str, str]] = {
    "presenter": (N_("Presenter"), "Presenter"),
    "realplay": (N_("Realplay"), "RealplayBoard"),
    "class-results": (N_("Class results"), "ClassResults"),
    "session-report": (N_("Session report"), "SessionReport"),
    "library": (N_("Dialogue library"), "LibraryBrowser"),
}


class Dashboard(w.VBox):
    """One instructor dashboard with its title and a language picker above it.

    ``Dashboard("presenter")`` (names: presenter, realplay, class-results, session-report,
    library). Changing the language builds the dashboard again in that language, so choose it
    before you start: what was typed or uploaded on the page is not carried over. ``content`` is the
    dashboard widget in force; ``picker`` the :class:`LanguagePicker`.
    """

    def __init__(self, name: str, language: str | None = None) -> None:
        if name not in DASHBOARDS:
            raise ValueError(f"unknown dashboard '{name}' (choose from {', '.join(DASHBOARDS)})")
        self.name = name
        self.title = w.HTML()
        self.picker = LanguagePicker(language, on_change=lambda _lang: self._build(), note=False)
        self.hint = w.HTML()
        header = w.Box([self.title, w.VBox([self.picker, self.hint])],
                       layout=w.Layout(display="flex", flex_flow="row wrap", justify_content="space-between", align_items="flex-start", width="100%"))
        self.content: w.Widget = w.HTML()
        super().__init__(children=[header, self.content], layout=w.Layout(width="100%"))
        self._build()

    def _build(self) -> None:
        from importlib import import_module

        title, cls = DASHBOARDS[self.name]
        self.title.value = f'{STYLE}<div class="miw"><h1 class="miw-title" style="font-size:1.9rem">{esc(_(title))}</h1></div>'
        hint = _("Changing the language starts this page afresh.")
        self.hint.value = f'<div class="miw" style="font-size:.85rem">{esc(hint)}</div>'
        widget = getattr(import_module("mi_widgets"), cls)()
        self.content = widget
        self.children = (self.children[0], widget)
