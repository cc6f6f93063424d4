"""ProgressPanel: what the learner has done and scored; export to a download, import an upload."""

from __future__ import annotations

from datetime import datetime

import ipywidgets as w

from ..engine.errors import InputError
from ..engine.i18n import _
from ..engine.progress import KIND_NAMES, Progress, summarise
from ._base import Exercise, button, download_link, esc, store, table_html, watchers

RECENT = 12  #: how many single exercises the detail table lists


def _when(stamp: str) -> str:
    """An ISO time from the file as local date and time, or the text itself if it is not one."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f} %"


class ProgressPanel(Exercise):
    """An overview of the learner's progress file, with export and import.

    Driven from Python: ``refresh()``, ``set_learner(name)``, ``export()`` (returns the bytes and
    shows a download link), ``import_file(data, name)``.
    """

    kind = "progress"

    def __init__(self) -> None:
        super().__init__(_("Your progress"))
        self.where = w.HTML()
        self.overview = w.HTML()
        self.recent = w.HTML()
        self.learner = w.Text(description=_("Your name (optional, goes into the export)"), style={"description_width": "initial"}, layout=w.Layout(width="32rem", max_width="100%"))
        self.include_journal = w.Checkbox(value=False, indent=False, description=_("Include my journal entries (leave this unticked for a file you hand in)"), layout=w.Layout(width="auto"))
        self.download = w.HTML()
        self.upload = w.FileUpload(accept=".json,application/json", multiple=False, description=_("Import a progress file"), layout=w.Layout(width="auto"))
        self.upload.observe(self._uploaded, names="value")
        actions = w.HBox([button(_("Refresh"), self.refresh), button(_("Save name"), lambda: self.set_learner(self.learner.value)), button(_("Export my progress"), self.export, style="primary")], layout=w.Layout(flex_flow="row wrap"))
        self.set_body(self.where, self.overview, self.recent, self.learner, self.include_journal, actions, self.download, self.upload)
        self.refresh()
        watchers.add(self)  # redraw whenever an exercise in this kernel saves

    def refresh(self) -> Progress:
        """Read the progress file again and redraw the overview."""
        progress_store = store()
        try:
            progress = progress_store.load()
        except OSError as exc:
            self.tell(_("Your progress could not be read from {path}: {problem}.").format(path=progress_store.path, problem=exc.strerror or exc))
            return Progress()
        self.tell(progress_store.notice)
        self.where.value = f'<div class="miw"><p>{esc(_("Saved on this computer in {path}. Export it to keep a copy or to hand it to your instructor.").format(path=progress_store.path))}</p></div>'
        self.learner.value = progress.learner
        self.redraw(progress)
        return progress

    def redraw(self, progress: Progress) -> None:
        """Show ``progress`` (already read) in the overview and the list of recent work."""
        self.overview.value = self._overview_html(progress)
        self.recent.value = self._recent_html(progress)

    def _overview_html(self, progress: Progress) -> str:
        lines = summarise(progress)
        if not lines:
            return f'<div class="miw"><p>{esc(_("Nothing saved yet. Your work in the exercises appears here as you go."))}</p></div>'
        rows = [
            f'<th scope="row">{esc(s.name)}</th><td>{s.done}</td><td>{s.attempts}</td>'
            f"<td>{_pct(s.percent)}</td><td>{_pct(s.best_percent)}</td><td>{esc(_when(s.last))}</td>"
            for s in lines
        ]
        headers = (_("Exercise"), _("Done"), _("Attempts"), _("Latest score"), _("Best score"), _("Last worked on"))
        return table_html(_("Your progress by kind of exercise"), headers, rows)

    def _recent_html(self, progress: Progress) -> str:
        records = sorted(progress.records.values(), key=lambda r: r.last, reverse=True)[:RECENT]
        if not records:
            return ""
        rows = [
            f'<td>{esc(_(KIND_NAMES[r.kind]) if r.kind in KIND_NAMES else r.kind)}</td><td>{esc(r.title or r.ref)}</td>'
            f'<td>{esc(f"{r.score:g} / {r.max:g}") if r.score is not None and r.max else "—"}</td><td>{esc(_when(r.last))}</td>'
            for r in records
        ]
        return table_html(_("Most recent work"), (_("Exercise"), _("What"), _("Latest score"), _("When")), rows)

    def set_learner(self, name: str) -> None:
        """Put a name into the progress file (and so into exports)."""
        try:
            store().set_learner(name)
        except OSError as exc:
            self.show("bad", _("Not saved."), esc(exc.strerror or exc))
            return
        self.learner.value = name.strip()
        self.show("ok", _("Saved."), esc(_("Exports will carry the name {name}.").format(name=name.strip())) if name.strip() else "")

    def export(self) -> bytes:
        """The progress file for download; shows a link that saves it (JupyterLab, Voila, Binder).
        Journal text goes in only when the learner ticked "Include my journal entries"."""
        progress_store = store()
        data = progress_store.export_bytes(include_private=self.include_journal.value)
        name = progress_store.export_name()
        link = download_link(data, name, _("Download {name}").format(name=name))
        hint = esc(_("Keep this file: Binder forgets everything when the session ends. Your instructor can upload it into the class dashboard."))
        self.download.value = f'<div class="miw"><p>{link}</p><p>{hint}</p></div>'
        self.show("ok", _("Your export is ready."), esc(_("Use the download link above.")))
        return data

    def import_file(self, data: bytes, name: str) -> tuple[int, int] | None:
        """Merge an exported progress file in; a bad file gets one message and changes nothing."""
        try:
            added, updated = store().import_bytes(data, name)
        except InputError as problem:
            self.show("bad", _("Not imported."), esc(str(problem)))
            return None
        except OSError as exc:
            self.show("bad", _("Not imported."), esc(exc.strerror or exc))
            return None
        self.refresh()
        self.show("ok", _("Imported."), esc(_("{added} new and {updated} updated records from {name}; newer work on this computer was kept.").format(added=added, updated=updated, name=name)))
        return added, updated

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        self.import_file(bytes(upload["content"]), upload["name"])
        self.upload.value = ()  # ready for the next file
