"""LibraryBrowser: browse and filter the dialogue library, and open any dialogue as a coding exercise.

The view only displays: the entries, the filter values and the search come from
:mod:`mi_widgets.engine.catalogue`; the exercise it opens is the usual :class:`CodingExercise`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w

from ..engine import catalogue as cat
from ..engine.errors import InputError, UsageError
from ..engine.i18n import get_language, N_, _, ngettext
from ._base import Exercise, button, esc, feedback_html, table_html
from .coding import MODES, CodingExercise

ALL = ""  #: the dropdown value for "All"
_KEEP: Any = object()  #: filter() argument not given: leave that filter as it is
FACETS: dict[str, str] = {"topic": N_("Topic"), "style": N_("Style"), "setting": N_("Setting"), "language": N_("Language")}
TARGETS: dict[str, str] = {
    "counselor": N_("the counsellor (MITI behaviour codes)"),
    "client": N_("the client (change talk, sustain talk, neutral)"),
    "both": N_("both"),
}
HOW: dict[str, str] = {"whole": N_("the whole dialogue at once"), "step": N_("one utterance at a time")}
LOCAL_STYLE = """<style>
.miw.miw-lib{max-width:72rem}
.miw-lib .miw-table{font-size:1.05rem}
.miw-lib .miw-table .miw-lib-style{white-space:nowrap}
.miw-lib-wide .miw{max-width:calc(100% - .5rem)}
.miw-lib-ctl .widget-label,.miw-lib-ctl select,.miw-lib-ctl input,.miw-lib-ctl label{font-size:1.05rem}
.miw-lib-ctl.widget-text input[type=text],.miw-lib-ctl.widget-button{font-size:1.05rem}
.miw-lib-ctl select,.miw-lib-ctl input[type=text],.miw-lib-ctl.widget-button{height:2.1rem}
.miw-lib-ctl.widget-inline-hbox,.miw-lib-ctl .widget-radio-box label{min-height:2.1rem;align-items:center}
.miw-lib-card{border:1px solid #8a8f98;border-radius:.3rem;padding:.4rem .8rem;margin:.3rem 0;max-width:60rem}
.miw-lib-card p{margin:.25rem 0}
.miw-lib-count{font-size:1.15rem;font-weight:600;margin:.4rem 0 .1rem}
</style>"""


def _close_tree(widget: w.Widget) -> None:
    """Close a widget no longer shown and everything inside it (frees the kernel side)."""
    for child in getattr(widget, "children", ()):
        _close_tree(child)
    widget.close()


class LibraryBrowser(Exercise):
    """The dialogue library on one page: search and filter it, read about a dialogue, open it to code.

    Parameters:
        folder: a folder of dialogue files; by default the library that comes with the workbook.
        language: the language filter to start with; None (default) starts with the language in
            force when the library has dialogues in it, "" with every language.

    Driven from Python: ``search(text)``, ``filter(topic=, style=, setting=, language=)`` (a value,
    or None for All; a style as its key such as ``"mi_consistent"``), ``reset()``,
    ``select(dialogue_id)``, ``open_exercise(dialogue_id=None, target=None, mode=None)`` which returns the
    :class:`CodingExercise` shown below. Readable: ``matches`` (ids of the dialogues that match, in
    table order), ``chosen`` (the catalogue entry chosen), ``exercise`` (the one opened, or None),
    ``entries`` (every catalogue entry), ``catalogue`` (with the files it could not read),
    ``results.value`` (the count and table HTML), ``card.value`` (the chosen dialogue's description).
    """

    kind = "library"

    def __init__(self, folder: str | Path | None = None, language: str | None = None) -> None:
        super().__init__(_("Browse the dialogue library"))
        self.add_class("miw-lib")
        self.exercise: CodingExercise | None = None
        self._quiet = False
        self.problems = w.HTML()
        try:
            self.catalogue = cat.catalogue(folder)
        except InputError as err:
            self.catalogue = cat.Catalogue(())
            self.problems.value = f'<div class="miw">{feedback_html("bad", _("The library could not be read."), esc(str(err)))}</div>'
        self.entries = list(self.catalogue.entries)
        self.facets = cat.facets(self.entries)
        self._matches: list[cat.Entry] = list(self.entries)
        if self.catalogue.problems:
            n = len(self.catalogue.problems)
            items = "".join(f"<li>{esc(str(p))}</li>" for p in self.catalogue.problems)
            title = ngettext("{n} file could not be read and is left out.", "{n} files could not be read and are left out.", n).format(n=n)
            self.problems.value = f'<div class="miw">{feedback_html("warn", title, f"<ul>{items}</ul>")}</div>'
        wide = {"description_width": "initial"}
        self.search_box = w.Text(description=_("Search"), placeholder=_("words from a title, description, topic, setting or change goal"),
                                 style=wide, layout=w.Layout(width="44rem", max_width="100%"))
        self.dropdowns: dict[str, w.Dropdown] = {}
        start = get_language() if language is None else language  # a learner sees their own language's dialogues first
        first = {"language": start if start in {v for v, _n in self.facets.languages} else ALL}
        for name, label in FACETS.items():
            width = "27rem" if name == "setting" else "17rem"
            dd = w.Dropdown(description=_(label), options=self._facet_options(name), value=first.get(name, ALL), style=wide, layout=w.Layout(width=width, max_width="100%"))
            dd.observe(self._changed, names="value")
            self.dropdowns[name] = dd
        self.search_box.observe(self._changed, names="value")
        row = w.Layout(flex_flow="row wrap", align_items="center", grid_gap=".3rem 1.2rem")
        self.reset_button = button(_("Reset filters"), self.reset)
        self.reset_button.add_class("miw-lib-ctl")
        filters = w.Box([*self.dropdowns.values(), self.reset_button], layout=row)
        self.results = w.HTML(layout=w.Layout(width="100%"))
        self.chooser = w.Dropdown(description=_("Dialogue to open"), options=[], style=wide, layout=w.Layout(width="44rem", max_width="100%"))
        self.chooser.observe(self._chose, names="value")
        self.card = w.HTML(layout=w.Layout(width="100%"))
        self.target = w.RadioButtons(description=_("What to code"), options=[(_(v), k) for k, v in TARGETS.items()], value="counselor",
                                     style=wide, layout=w.Layout(width="auto", max_width="100%"))
        self.how = w.RadioButtons(description=_("How"), options=[(_(v), k) for k, v in HOW.items()], value="whole",
                                  style=wide, layout=w.Layout(width="auto", max_width="100%"))
        for r in (self.target, self.how):
            r.add_class("miw-scale")
        for control in (self.search_box, *self.dropdowns.values(), self.chooser, self.target, self.how):
            control.add_class("miw-lib-ctl")  # larger type than ipywidgets' default, for the room
        self.open_button = button(_("Open as a coding exercise"), self.open_exercise, style="primary")
        self.open_button.add_class("miw-big")
        self.slot = w.VBox(layout=w.Layout(width="100%"))
        self.set_body(self._lead(), self.problems, self.search_box, filters, self.results, self.chooser, self.card,
                      self.target, self.how, w.HBox([self.open_button]))
        self.children = (*self.children, self.slot)  # the exercise opens below the feedback line
        self._refresh()

    # --- building -------------------------------------------------------------------------

    def _lead(self) -> w.HTML:
        n = len(self.entries)
        twins = sum(1 for e in self.entries if e.pair_title) // 2
        what = ngettext("The library holds {n} short conversation between a counsellor and a client: the counsellor's utterances coded with MITI 4.2.1, the client's as change talk, sustain talk or neutral, each with a reason.",
                        "The library holds {n} short conversations between a counsellor and a client: the counsellor's utterances coded with MITI 4.2.1, the client's as change talk, sustain talk or neutral, each with a reason.", n).format(n=n)
        pairs = ngettext("It has {n} pair of twins: the MI-consistent one and the MI-inconsistent one show the same client, with the same opening, met two ways, once in the spirit of MI and once in an MI-inconsistent way (arguing, warning, unasked advice or a string of closed questions). Open both to let the room compare what each does to the client's talk.",
                         "It has {n} pairs of twins: in each pair, the MI-consistent one and the MI-inconsistent one show the same client, with the same opening, met two ways, once in the spirit of MI and once in an MI-inconsistent way (arguing, warning, unasked advice or a string of closed questions). Open both to let the room compare what each does to the client's talk.", twins).format(n=twins) if twins else ""
        how = _("Search or filter to find a dialogue, choose it under Dialogue to open, say what to code and how, then press Open as a coding exercise: it appears at the bottom of this page.")
        return w.HTML(f'{LOCAL_STYLE}<div class="miw"><p class="miw-lead">{esc(what)} {esc(pairs)}</p><p class="miw-lead">{esc(how)}</p></div>')

    def _facet_options(self, name: str) -> list[tuple[str, str]]:
        shown = {"style": cat.style_name, "language": cat.language_name, "topic": cat.topic_name}.get(name, str)
        return [(_("All ({n})").format(n=self.facets.total), ALL)] + [
            (_("{value} ({n})").format(value=shown(v), n=n), v) for v, n in self.facets.get(name)]

    def _table(self) -> str:
        total, n = len(self.entries), len(self._matches)
        count = ngettext("{n} of {total} dialogue", "{n} of {total} dialogues", total).format(n=n, total=total)
        live = ' role="status"' if self._matches else ""
        head = f'<p class="miw-lib-count"{live}>{esc(count)}</p>'
        if not self._matches:  # the message box below is the live region then
            body = esc(_("Press Reset filters, or take words out of Search."))
            return f'<div class="miw">{head}{feedback_html("info", _("No dialogue matches — clear the filters."), body)}</div>'
        rows = []
        for e in self._matches:  # the counsellor/client split is in the description of the chosen one
            rows.append(f'<th scope="row">{esc(e.title)}</th><td>{esc(cat.topic_name(e.topic))}</td><td>{esc(e.setting)}</td>'
                        f'<td class="miw-lib-style">{esc(e.style_name)}</td>'
                        f"<td>{e.n_utterances}</td><td>{esc(e.pair_title or '—')}</td>")
        headers = (_("Title"), _("Topic"), _("Setting"), _("Style"), _("Utterances"), _("Twin"))
        table = table_html(_("Dialogues that match"), headers, rows)
        return f'<div class="miw">{head}</div><div class="miw-lib-wide">{table}</div>'

    def _card(self, e: cat.Entry | None) -> str:
        if e is None:
            return ""
        def line(label: str, value: str) -> str:
            return f"<p><strong>{esc(label)}</strong> {esc(value)}</p>"
        twin = _("{title}, the {style} version: the same client and opening, met the other way.").format(
            title=e.pair_title, style=self._style_of(e.pair)) if e.pair_title else (e.pair or _("none"))
        utts = _("{n} ({c} counsellor, {k} client)").format(n=e.n_utterances, c=e.n_counselor, k=e.n_client)
        parts = [f"<p><strong>{esc(e.title)}</strong></p>", f"<p>{esc(e.description)}</p>" if e.description else "",
                 line(_("Change goal:"), e.change_goal), line(_("Style:"), e.style_name), line(_("Twin:"), twin),
                 line(_("Utterances:"), utts),
                 line(_("Expert global ratings:"), _("given") if e.has_globals else _("not given")), line(_("Source:"), e.source_text)]
        return f'<div class="miw"><div class="miw-lib-card" role="region" aria-label="{esc(_("The chosen dialogue"))}">{"".join(parts)}</div></div>'

    def _style_of(self, dialogue_id: str | None) -> str:
        return next((e.style_name for e in self.entries if e.id == dialogue_id), "")

    # --- driving --------------------------------------------------------------------------

    @property
    def matches(self) -> list[str]:
        """Ids of the dialogues that match the search and filters, in table order."""
        return [e.id for e in self._matches]

    @property
    def chosen(self) -> cat.Entry | None:
        """The entry chosen under "Dialogue to open", or None where nothing matches."""
        return next((e for e in self._matches if e.id == self.chooser.value), None)

    def _changed(self, _change: dict | None = None) -> None:
        if not self._quiet:
            self._refresh()

    def _refresh(self) -> None:
        f = {k: (dd.value or None) for k, dd in self.dropdowns.items()}
        self._matches = cat.find(self.entries, self.search_box.value, **f)
        self.results.value = self._table()
        keep = self.chooser.value
        self._quiet = True
        try:
            self.chooser.options = [(e.title, e.id) for e in self._matches]
            ids = self.matches
            self.chooser.value = keep if keep in ids else (ids[0] if ids else None)
        finally:
            self._quiet = False
        self.chooser.disabled = self.open_button.disabled = not self._matches
        self.card.value = self._card(self.chosen)

    def _chose(self, _change: dict) -> None:
        if not self._quiet:
            self.card.value = self._card(self.chosen)

    def search(self, text: str) -> list[str]:
        """Type ``text`` into Search (every word must occur); returns :attr:`matches`."""
        self.search_box.value = text
        return self.matches

    def filter(self, topic: str | None = _KEEP, style: str | None = _KEEP, setting: str | None = _KEEP, language: str | None = _KEEP) -> list[str]:
        """Set the filters given (None or "" for All; the others stay); returns :attr:`matches`.
        Raises UsageError for a value no dialogue has."""
        given = {k: v for k, v in {"topic": topic, "style": style, "setting": setting, "language": language}.items() if v is not _KEEP}
        for name, value in given.items():
            allowed = [v for v, _n in self.facets.get(name)]
            if name == "style":  # the words work too: "MI-consistent"
                value = {cat.style_name(k).casefold(): k for k in allowed}.get(str(value).casefold(), value) if value else value
            if value and value not in allowed:
                raise UsageError(_("No dialogue has {facet} '{value}' (choose from: {allowed}).").format(facet=name, value=value, allowed=", ".join(allowed)))
            given[name] = value or ALL
        self._quiet = True
        try:
            for name, value in given.items():
                self.dropdowns[name].value = value
        finally:
            self._quiet = False
        self._refresh()
        return self.matches

    def reset(self) -> list[str]:
        """Clear Search and set every filter to All; returns :attr:`matches` (every dialogue)."""
        self._quiet = True
        try:
            self.search_box.value = ""
            for dd in self.dropdowns.values():
                dd.value = ALL
        finally:
            self._quiet = False
        self._refresh()
        return self.matches

    def select(self, dialogue_id: str) -> cat.Entry | None:
        """Choose a dialogue under "Dialogue to open" (clearing the filters if they hide it); returns
        its entry, or None (with a message) if the library has no such dialogue."""
        try:
            self.catalogue.get(dialogue_id)
        except UsageError as err:
            self.show("bad", _("Not found."), esc(str(err)))
            return None
        if dialogue_id not in self.matches:
            self.reset()
            self.show("info", _("Filters cleared to show the dialogue you chose."))
        self.chooser.value = dialogue_id
        return self.chosen

    def open_exercise(self, dialogue_id: str | None = None, target: str | None = None, mode: str | None = None) -> CodingExercise | None:
        """Open the chosen dialogue (or ``dialogue_id``) as a :class:`CodingExercise` below, in place
        of any earlier one. ``target``: counselor, client or both; ``mode``: whole or step (both
        default to the choices on screen). Returns the exercise, or None with a message.

        (Not called ``open``: that name is ipywidgets' own, the method that opens the widget's comm.)"""
        if target is not None and target not in TARGETS:
            raise UsageError(f"target must be 'counselor', 'client' or 'both', not '{target}'")
        if mode is not None and mode not in MODES:
            raise UsageError(f"mode must be 'whole' or 'step', not '{mode}'")
        self.target.value = target or self.target.value
        self.how.value = mode or self.how.value
        if dialogue_id is not None and self.select(dialogue_id) is None:
            return None
        entry = self.chosen
        if entry is None:
            self.show("info", _("Choose a dialogue first."), esc(_("No dialogue matches: press Reset filters.")))
            return None
        try:
            ex = CodingExercise(entry.dialogue, target=self.target.value, mode=self.how.value)
        except (InputError, UsageError) as err:
            self.show("bad", _("Not opened."), esc(str(err)))
            return None
        old, self.exercise = self.exercise, ex
        self.slot.children = (ex,)
        if old is not None:
            _close_tree(old)
        what = _("{title}: coding {target}, {how}. It is below: scroll down.").format(
            title=entry.title, target=_(TARGETS[self.target.value]), how=_(HOW[self.how.value]))
        self.show("ok", _("Opened as a coding exercise."), esc(what))
        return ex
