"""ClassResults: the instructor's dashboard of many learners' exported progress files."""

from __future__ import annotations

from datetime import date
from typing import Any

import ipywidgets as w

from ..engine.classresults import (
    MAX_FILES, MAX_TOTAL, SPEAKER_NAMES, AddResult, ClassData, CodeConfusion, bin_labels, code_words, demo_class,
    histogram_svg, percent_text, short_code,
)
from ..engine.codes import CODES
from ..engine.i18n import _, ngettext
from ..engine.progress import KIND_NAMES, MAX_UPLOAD
from ._base import Exercise, button, download_link, esc, feedback_html, table_html

# Shades for the heatmap: a mix-up (m1-m4, orange) grows darker the more often it happens, agreement
# on the diagonal (a1-a4, green, bold) the larger its share of the row. Every cell shows its count
# as text; text colours keep 4.5:1 or better on every shade.
CSS = """<style>
.miw-cr{font-size:1.08rem}
.miw-cr h4{font-size:1.2rem;margin:1.1rem 0 .3rem}
.miw-cr .miw-table td.miw-n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.miw-heat td{text-align:center;min-width:2.8rem;font-variant-numeric:tabular-nums}
.miw-heat .miw-h0{color:#595959}
.miw-heat .miw-m1{background:#fde9d9}.miw-heat .miw-m2{background:#f9c4a0}.miw-heat .miw-m3{background:#e8804f}
.miw-heat .miw-m4{background:#a8391a;color:#fff}
.miw-heat .miw-a1{background:#e3f0e6}.miw-heat .miw-a2{background:#b9dcc1}.miw-heat .miw-a3{background:#7fbf90}
.miw-heat .miw-a4{background:#1e6b34;color:#fff}
.miw-heat .miw-diag{font-weight:700}
.miw-scroll{max-height:16rem;overflow-y:auto}
.miw-heat caption{text-align:left;font-weight:600;white-space:nowrap}
</style>"""


def _section(title: str, body: str) -> str:
    return f'<div class="miw miw-cr"><h4>{esc(title)}</h4>{body}</div>'


def _p(text: str) -> str:
    return f"<p>{esc(text)}</p>"


def _of(right: int, total: int, percent: float) -> str:
    return _("{right} of {total} ({percent})").format(right=right, total=total, percent=percent_text(percent))


class ClassResults(Exercise):
    """Upload the learners' exported progress files at once and see what the class got right and
    wrong: scores per exercise, the codes mixed up (a heatmap), the hardest utterances, the quiz
    items most missed, and the lot as CSV. The files stay in this session.

    Driven from Python: ``add_files([(name, bytes), ...])``, ``load_demo()``, ``clear()``. ``data`` is
    the :class:`~mi_widgets.engine.classresults.ClassData` read so far; ``results`` the same as plain
    data; ``sections`` the HTML of each part by name (files, scores, codes, hardest, quiz, download);
    ``feedback.value`` the line saying what the last action did.
    """

    kind = "class"  #: never saved: the dashboard reads files, it does not record progress

    def __init__(self) -> None:
        super().__init__(_("Class results: scores, mix-ups and missed questions"))
        self.data = ClassData()
        lead = _("Ask each learner to open the start notebook, press Export my progress in the Your progress panel, and send you "
                 "the file. Then upload all the files here at once. The files go only to the computer that runs this dashboard: "
                 "on your own computer (type make dashboard in the workbook folder; see the README) or, with the instructors' Binder "
                 "link, on Binder's temporary server. They are held in memory until you close the page, and "
                 "are never saved or sent on. Journal entries are never shown. No files yet? Load a demo class of made-up learners.")
        limits = _("Limits: {files} files and {total} MB in all, {mb} MB per file. One upload carries about 8 MB at most "
                   "(a learner's file is usually well under 100 KB), so upload a very large class in parts.").format(
            files=MAX_FILES, mb=MAX_UPLOAD // (1024 * 1024), total=MAX_TOTAL // (1024 * 1024))
        intro = w.HTML(f'{CSS}<div class="miw miw-cr"><p class="miw-lead">{esc(lead)}</p><p><small>{esc(limits)}</small></p></div>')
        self.upload = w.FileUpload(accept=".json,application/json", multiple=True, description=_("Upload progress files"),
                                   tooltip=_("Upload progress files"), button_style="primary", layout=w.Layout(width="auto"))
        self.upload.observe(self._uploaded, names="value")
        actions = w.HBox([self.upload, button(_("Load a demo class"), self.load_demo), button(_("Clear"), self.clear)],
                         layout=w.Layout(flex_flow="row wrap", grid_gap=".5rem"))
        actions.add_class("miw-big")
        self.sections: dict[str, w.HTML] = {k: w.HTML(layout=w.Layout(width="100%")) for k in ("files", "scores", "codes", "hardest", "quiz", "download")}
        # the line saying what happened sits under the buttons, where the instructor is looking
        self.children = (self.header, self.notice, intro, actions, self.feedback, *self.sections.values())
        self.redraw()

    # ----------------------------------------------------------------------------- the clicks
    def add_files(self, files: list[tuple[str, bytes]]) -> AddResult:
        """Read more exported progress files, ``(file name, bytes)`` each, as an upload does."""
        result = self.data.add(files)
        self.redraw()
        added, bad = len(result.added), len(result.bad)
        learners = ngettext("The class now has {n} learner.", "The class now has {n} learners.", self.data.learners).format(n=self.data.learners)
        if bad:
            status = "part" if added else "bad"
            title = ngettext("{added} file read, {bad} not read.", "{added} files read, {bad} not read.", added).format(added=added, bad=bad) if added else _("Not loaded.")
            shown = [esc(x.message) for x in result.bad[:3]] + ([esc(_("… and {n} more: see Files read below.").format(n=bad - 3))] if bad > 3 else [])
            body = "<br>".join([*shown, esc(learners)])
        elif added:
            status, title, body = "ok", ngettext("{n} file read.", "{n} files read.", added).format(n=added), esc(learners)
        else:
            status, title, body = "info", _("No new files."), esc(" ".join(result.notes) or learners)
        if result.notes and (added or bad):  # duplicates and limits, under the counts
            body += "<br>" + "<br>".join(esc(n) for n in result.notes[:3])
        self.show(status, title, body)  # type: ignore[arg-type]
        return result

    def load_demo(self) -> AddResult:
        """Replace whatever is loaded with a made-up class of 12 learners."""
        self.data.clear()
        result = self.data.add(demo_class())
        self.redraw()
        self.show("info", _("Demo class loaded."), esc(_("{n} made-up learners. Press Clear before you upload real files.").format(n=len(result.added))))
        return result

    def clear(self) -> None:
        """Forget every file read (the "Clear" button)."""
        self.data.clear()
        self.redraw()
        self.show("info", _("Cleared."), esc(_("No files are loaded now.")))

    @property
    def results(self) -> dict[str, Any]:
        """Everything the dashboard shows, as plain data (see ``ClassData.summary``)."""
        return self.data.summary()

    def _uploaded(self, change) -> None:
        files = change["new"]
        if not files:
            return
        self.add_files([(f["name"], bytes(f["content"])) for f in files])
        self.upload.value = ()  # ready for the next batch

    # ----------------------------------------------------------------------------- the view
    def redraw(self) -> None:
        """Draw every section from ``data``; the sections after Files read stay empty without files."""
        self.sections["files"].value = self._files_html()
        filled = bool(self.data.files)
        for key, make in (("scores", self._scores_html), ("codes", self._codes_html), ("hardest", self._hardest_html),
                          ("quiz", self._quiz_html), ("download", self._download_html)):
            self.sections[key].value = make() if filled else ""

    def _files_html(self) -> str:
        parts = []
        if self.data.files:
            rows = [f"<td>{esc(f.file)}</td><td>{esc(f.learner or _('(no name)'))}</td><td class=\"miw-n\">{f.n_records}</td>" for f in self.data.files]
            table = table_html(ngettext("{n} learner's file", "{n} learners' files", len(rows)).format(n=len(rows)), (_("File"), _("Learner"), _("Records")), rows)
            parts.append(f'<div class="miw-scroll" role="region" tabindex="0" aria-label="{esc(_("Files read"))}">{table}</div>')
        else:
            parts.append(_p(_("No files read yet.")))
        if self.data.bad:
            items = "".join(f"<li>{esc(b.message)}</li>" for b in self.data.bad)
            title = ngettext("{n} file not read:", "{n} files not read:", len(self.data.bad)).format(n=len(self.data.bad))
            parts.append(feedback_html("bad", title, f"<ul>{items}</ul>"))
        if self.data.notes:
            parts.append(feedback_html("info", _("Notes:"), "<ul>" + "".join(f"<li>{esc(n)}</li>" for n in self.data.notes) + "</ul>"))
        return _section(_("Files read"), "".join(parts))

    def _scores_html(self) -> str:
        stats = self.data.exercises()
        if not stats:
            return _section(_("Scores per exercise"), _p(_("No scored exercises in these files.")))
        rows = [
            f"<td><small>{esc(s.kind_name)}</small><br>{esc(s.title)}</td><td class=\"miw-n\">{s.learners}</td>"
            f"<td class=\"miw-n\">{percent_text(s.mean)}</td><td class=\"miw-n\">{percent_text(s.median)}</td>"
            f"<td class=\"miw-n\">{percent_text(s.lowest)}</td><td class=\"miw-n\">{percent_text(s.highest)}</td><td>{histogram_svg(s)}</td>"
            for s in stats
        ]
        headers = (_("Exercise"), _("Learners"), _("Mean"), _("Median"), _("Lowest"), _("Highest"), _("Learners per score band"))
        body = _p(_("Each learner's latest score, in percent of full marks. For global ratings, a score is the share of the learner's "
                    "globals within one point of the expert's. Quiz questions count together per quiz; bands: {bands}.").format(bands=", ".join(bin_labels())))
        body += table_html(_("Scores per exercise"), headers, rows)
        unscored = self.data.unscored()
        if unscored:
            kinds = ", ".join(f"{_(KIND_NAMES[k]) if k in KIND_NAMES else k}: {n}" for k, n in unscored.items())
            body += _p(_("Also in the files, without a score (so not above): {kinds}.").format(kinds=kinds))
        return _section(_("Scores per exercise"), body)

    def _heatmap(self, c: CodeConfusion) -> str:
        head = f'<th scope="col">{esc(_("Expert ↓ / class →"))}</th>' + "".join(f'<th scope="col">{esc(short_code(l))}</th>' for l in c.labels)
        rows = []
        for g in c.labels:
            cells = [f'<th scope="row">{esc(short_code(g))}</th>']
            for l in c.labels:
                n, level = c.count(g, l), c.level(g, l)
                css = "miw-h0" if not level else f"miw-{'a' if g == l else 'm'}{level}"
                css += " miw-diag" if g == l else ""
                hover = _("Expert {gold}, class {learner}: {n}").format(gold=code_words(g), learner=code_words(l), n=n)
                cells.append(f'<td class="{css}" title="{esc(hover)}">{n}</td>')
            rows.append(f"<tr>{''.join(cells)}</tr>")
        caption = _("{speakers}: the expert's code (rows) against the class's code (columns)").format(speakers=_(SPEAKER_NAMES[c.speaker]))
        a = c.agreement
        kappa = "—" if a.kappa is None else f"{a.kappa:.2f}"
        line = _("Agreement with the expert: {agree} of {n} codes; Cohen's kappa {kappa} (agreement after allowing for chance; 0.6 or more is a common rule of thumb for good agreement, not a MITI figure).").format(
            agree=percent_text(a.percent_agreement), n=a.n_answered, kappa=kappa)
        key = "; ".join(f"{short_code(l)} = {_(CODES[l].name) if l in CODES else _('no code')}" for l in c.labels)
        return (f'<table class="miw-table miw-heat"><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>{_p(line)}<p><small>{esc(key)}</small></p>")

    def _codes_html(self) -> str:
        tables = self.data.confusion()
        if not tables:
            return _section(_("Codes the class confuses"), _p(_("No coding exercises in these files.")))
        body = ""
        mix = self.data.mix_ups()
        if mix:
            body += f"<p><strong>{esc(_('Most frequent mix-ups:'))}</strong></p><ol>" + "".join(f"<li>{esc(m.text)}</li>" for m in mix) + "</ol>"
        body += _p(_("In each table below, a row is the expert's code and a column the code learners gave, counted over all learners. "
                     "Bold numbers on the diagonal are agreement; the other numbers are mix-ups, shaded darker the more often they happen."))
        body += "".join(self._heatmap(c) for c in tables.values())
        unknown, skipped = self.data.coding_left_out()
        if unknown or skipped:
            body += _p(_("Left out: coding of dialogues not in this library ({ids}); {n} labels that could not be read.").format(ids=", ".join(unknown) or "—", n=skipped))
        return _section(_("Codes the class confuses"), body)

    def _hardest_html(self) -> str:
        stats = self.data.hardest_utterances()
        if not stats:
            return _section(_("Hardest utterances"), _p(_("No utterance coded by two learners or more was coded wrong.")))
        rows = []
        for u in stats:
            wrong = u.common_wrong
            common = _("{code}: {n}").format(code=code_words(wrong[0]), n=wrong[1]) if wrong else "—"
            speaker = _("Counsellor") if u.speaker == "counselor" else _("Client")
            rows.append(f"<td>{esc(u.dialogue)}<br><small>{esc(_('utterance {n}').format(n=u.index + 1))}</small></td>"
                        f"<td><strong>{esc(speaker)}:</strong> {esc(u.text)}</td><td>{esc(code_words(u.gold))}</td>"
                        f"<td class=\"miw-n\">{esc(_of(u.right, u.answers, u.percent))}</td><td>{esc(common)}</td>")
        headers = (_("Dialogue"), _("Utterance"), _("Expert's code"), _("Learners right"), _("Most common wrong code"))
        body = _p(_("The utterances the fewest learners coded right (main code only), lowest first."))
        return _section(_("Hardest utterances"), body + table_html(_("Hardest utterances"), headers, rows))

    def _quiz_html(self) -> str:
        stats = self.data.missed_quiz_items()
        if not stats:
            return _section(_("Quiz items most missed"), _p(_("No quiz item was answered wrong at the first try.")))
        rows = []
        for q in stats:
            wrong = q.wrong[0] if q.wrong else None
            common = _("{answer} ({n})").format(answer=wrong[0], n=wrong[1]) if wrong else "—"
            rows.append(f"<td>{esc(q.question)}<br><small>{esc(q.item)}</small></td>"
                        f"<td class=\"miw-n\">{esc(_of(q.right, q.answers, q.percent))}</td><td>{esc(common)}</td>")
        headers = (_("Question"), _("Right at the first try"), _("Most common wrong first answer"))
        return _section(_("Quiz items most missed"), table_html(_("Quiz items most missed, lowest share right first"), headers, rows))

    def _download_html(self) -> str:
        today = f"{date.today():%Y-%m-%d}"
        summary = download_link(self.data.summary_csv(), f"class-results-summary-{today}.csv", _("Download the summary per exercise (CSV)"), "text/csv")
        records = download_link(self.data.records_csv(), f"class-results-learners-{today}.csv", _("Download every learner's scores (CSV)"), "text/csv")
        note = _("The second file names the learners: keep it where you keep other marks.")
        return _section(_("Download"), f"<p>{summary}</p><p>{records}</p>{_p(note)}")


__all__ = ["ClassResults"]
