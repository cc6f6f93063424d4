"""Journal: reflective prompts on the helper's inner experience, saved as the learner writes.

A thin view over :mod:`mi_widgets.engine.journal`, which holds the prompts and writes the Markdown
export.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
import ipywidgets as w

from ..engine.errors import UnknownId

from ..engine.i18n import _
from ..engine.journal import PRIVACY_NOTE, THEME_TITLES, by_theme, export_filename, local_time, saved_label, select_prompts, to_markdown
from ._base import Exercise, Status, button, download_link, esc, feedback_html, paragraph


class Journal(Exercise):
    """One text area per reflective prompt, grouped by theme (spirit, autonomy, empathy, inner state).

    ``prompts``: prompt ids or theme names to show (default: all; see
    :data:`mi_widgets.engine.journal.PROMPTS`). An entry is saved (kind ``"journal"``, ref = prompt
    id, data ``{"text": ...}``) when the learner leaves its text area after writing and when they
    press Save; a new widget shows saved entries again.

    Driven from Python: ``write(prompt_id, text)`` (as typing and leaving the box: saves),
    ``save()`` (saves whatever is not saved yet), ``export()`` (the Markdown, and a download link).
    Readable: ``feedback.value``, ``status[prompt_id].value`` ("Saved at HH:MM"), ``entries``,
    ``export_area.value``.
    """

    kind = "journal"

    def __init__(self, prompts: Sequence[str] | None = None) -> None:
        self.prompts = select_prompts(prompts)
        super().__init__(_("Reflective journal"))
        self.areas: dict[str, w.Textarea] = {}
        self.status: dict[str, w.HTML] = {}
        self._saved: dict[str, str] = {}  # prompt id -> text as last saved
        self._saved_at: dict[str, datetime] = {}  # prompt id -> when it was last saved (local time)
        saved = self.restore_all()
        rows: list[w.Widget] = [paragraph(
            f'<p class="miw-lead">{esc(_("Write as much or as little as you like; an entry is saved when you leave its box or press Save."))}</p>'
            f"<p><small>{esc(_(PRIVACY_NOTE))}</small></p>"
        )]
        for theme, group in by_theme(self.prompts):
            rows.append(paragraph(f"<h4>{esc(_(THEME_TITLES[theme]))}</h4>"))
            for p in group:
                rec = saved.get(p.id)
                text = rec.data.get("text") if rec is not None else None
                area = w.Textarea(value=text if isinstance(text, str) else "", description=_(p.label), continuous_update=False,
                                  rows=5, style={"description_width": "initial"}, layout=w.Layout(width="min(100%, 48rem)"))
                self.areas[p.id], self.status[p.id] = area, w.HTML()
                if isinstance(text, str):
                    self._saved[p.id] = text
                    if rec.last:
                        self._saved_at[p.id] = local_time(rec.last)
                    self._mark(p.id, "ok", saved_label(rec.last) if rec.last else _("Saved"))
                area.observe(lambda change, pid=p.id: self._save_entry(pid), names="value")
                rows += [paragraph(f"<p>{esc(_(p.text))}</p>"), area, self.status[p.id]]
        self.export_area = w.HTML()
        buttons = w.HBox([button(_("Save"), self.save, style="primary"), button(_("Export as Markdown"), self.export)])
        self.set_body(*rows, buttons, self.export_area)

    @property
    def entries(self) -> dict[str, str]:
        """The text of every prompt shown, by prompt id (empty where nothing is written)."""
        return {pid: area.value for pid, area in self.areas.items()}

    def write(self, prompt_id: str, text: str) -> None:
        """Write an entry, as typing it and leaving the box would (so it is saved)."""
        if prompt_id not in self.areas:
            raise UnknownId(f"prompt '{prompt_id}' is not in this journal (shown: {', '.join(self.areas)})")
        self.areas[prompt_id].value = text

    def save(self) -> list[str]:
        """Save every entry not saved yet; the ids saved. Shows "Saved at HH:MM" (or what failed)."""
        pending = [pid for pid, area in self.areas.items() if area.value != self._saved.get(pid, "")]
        done = [pid for pid in pending if self._save_entry(pid)]
        failed = len(pending) - len(done)
        if failed:
            self.show("warn", _("1 entry could not be saved.") if failed == 1 else _("{n} entries could not be saved.").format(n=failed), esc(_("See the notice above; your text is still in the boxes.")))
        elif done:
            self.show("ok", saved_label(), esc(_("1 entry saved.") if len(done) == 1 else _("{n} entries saved.").format(n=len(done))))
        elif self._saved_at:
            self.show("ok", saved_label(max(self._saved_at.values())), esc(_("All your entries are saved.")))
        else:
            self.show("info", _("Nothing to save yet: write in one of the boxes first."))
        return done

    def export(self) -> str:
        """The whole journal as Markdown, offered as a download (with an escaped preview)."""
        markdown = to_markdown(self.prompts, self.entries)
        link = download_link(markdown.encode("utf-8"), export_filename(), _("Download your journal (Markdown)"), "text/markdown")
        self.export_area.value = (
            f'<div class="miw"><p>{link}</p>'
            f"<details><summary>{esc(_('Preview'))}</summary><pre style=\"white-space:pre-wrap\">{esc(markdown)}</pre></details></div>"
        )
        return markdown

    # inside -----------------------------------------------------------------------------------------
    def _save_entry(self, prompt_id: str) -> bool:
        """Save one entry if it changed; True if it is saved now."""
        text = self.areas[prompt_id].value
        if text == self._saved.get(prompt_id, ""):
            return True
        title = _(next(p.label for p in self.prompts if p.id == prompt_id))
        if self.record(prompt_id, data={"text": text}, title=title) is None:
            self._mark(prompt_id, "warn", _("Not saved"))
            return False
        self._saved[prompt_id] = text
        self._saved_at[prompt_id] = now = datetime.now().astimezone()
        self._mark(prompt_id, "ok", saved_label(now))
        return True

    def _mark(self, prompt_id: str, status: Status, words: str) -> None:
        """The line under an entry: icon and words."""
        self.status[prompt_id].value = f'<div class="miw">{feedback_html(status, words)}</div>'
