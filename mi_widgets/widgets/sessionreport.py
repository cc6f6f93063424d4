"""SessionReport: an instructor uploads the coded transcript of a recorded practice conversation,
gives the four global ratings, and gets the MITI 4.2.1 report on screen and as a web page to hand
over. A thin view over :mod:`mi_widgets.engine.session`.
"""

from __future__ import annotations

from typing import Any, Callable

import ipywidgets as w

from ..engine.errors import InputError, UsageError
from ..engine.i18n import _, ngettext
from ..engine.model import GLOBAL_KEYS
from ..engine.report import GLOBAL_NAMES
from ..engine.session import (
    ACCEPT, MAX_UPLOAD_BYTES, RATING_HINTS, SAMPLE_ID, SCALE, TEMPLATE_NAME, SessionRun, check_rating, filled_message,
    gaps_message, missing_note, sample_upload, size_text, template_csv, upload_summary,
)
from ._base import ICONS, Exercise, Status, button, download_link, esc, paragraph, scale

# Projector sizes, in rem so they follow the page's zoom.
LOCAL_STYLE = """<style>
.miw.miw-sr{font-size:1.1rem}
.miw-sr .miw-lead{font-size:1.1rem}
.miw-sr h4.miw-step{font-size:1.2rem;margin:1rem 0 .3rem}
.miw-sr .miw-hint{font-size:.95rem;color:#3b4350}
.miw-sr .miw-download{font-size:1.15rem;font-weight:600}
.miw-sr .widget-upload,.miw-sr .widget-button{font-size:1.05rem;min-height:2.6rem}
.miw-sr .widget-radio{display:flex;align-items:center}
.miw-sr .widget-radio>.widget-label{font-size:1.05rem;font-weight:600;color:#1b1b1b}
.miw-sr .widget-radio-box{margin-bottom:0 !important}
.miw-sr code{font-size:.95em}
</style>"""


def _row() -> w.Layout:
    """A fresh layout for a row of controls that wraps on a narrow screen."""
    return w.Layout(flex_flow="row wrap", align_items="center", width="100%", grid_gap=".6rem")


def _box(status: Status, title: str, text: str) -> str:
    """A boxed note with icon and words (no live region: the feedback area is the one)."""
    return (f'<div class="miw"><div class="miw-fb miw-{status}"><span class="miw-icon" aria-hidden="true">{ICONS[status]}</span>'
            f"<strong>{esc(title)}</strong> {esc(text)}</div></div>")


class SessionReport(Exercise):
    """Upload a coded transcript CSV, give the global ratings, get the MITI 4.2.1 report.

    ``sample``: the library dialogue "Use a sample transcript" loads (default
    :data:`~mi_widgets.engine.session.SAMPLE_ID`). ``max_bytes``: the upload size limit (2 MB).

    Driven from Python: ``load_bytes(name, data)``, ``use_sample(id=None)``, ``rate(key, value)``
    (key cct, sst, partnership or empathy; value 1-5 or None), ``clear_ratings()``,
    ``make_report()``, ``fill_gaps()``. Readable: ``report`` (the report as data, or None),
    ``html`` (the last full page), ``feedback.value``, ``report_box.value`` (the report shown),
    ``gaps.value`` (the note on utterances without a code), ``run`` (the engine's state).
    Nothing is saved to the progress file: a transcript of a real conversation stays in memory.
    """

    kind = "session-report"

    def __init__(self, sample: str | None = None, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
        super().__init__(_("MITI report for a practice conversation"))
        self.add_class("miw-sr")
        self.run = SessionRun(limit=max_bytes)
        self.sample_id = sample or SAMPLE_ID
        lead = esc(_("Upload the coded transcript of a recorded practice conversation, give the global ratings, and get its MITI 4.2.1 "
                     "report: here on the page, and as a web page to download for the trainee. MITI is meant for a 20-minute segment "
                     "with the change goal named first; figures from a shorter extract are rough. The file is a CSV (comma, semicolon or "
                     "tab separated, up to {limit}): a header row naming the columns {speaker}, {text} and {code} ({subcode} is optional), "
                     "then one row per utterance. {speaker} is counselor or client. {code} is a MITI 4.2.1 behaviour code for the "
                     "counsellor (GI, PERS, PWP, Q, SR, CR, AF, SEEK, EMPH or CONF) or, for the client, CT (change talk), ST (sustain "
                     "talk) or N (neutral); leave it empty where an utterance gets no code. {subcode} may say open or closed for a question "
                     "(for OARS practice; MITI 4 counts every question as Q)."))
        columns = {c: f"<code>{c}</code>" for c in ("speaker", "text", "code", "subcode")}  # column names stay as they are in the file
        lead = lead.format(limit=esc(size_text(max_bytes)), **columns)
        template = download_link(template_csv().encode("utf-8-sig"), TEMPLATE_NAME, _("Download a template CSV"), "text/csv")
        self.lead = paragraph(f'{LOCAL_STYLE}<p class="miw-lead">{lead}</p>')
        self.upload = w.FileUpload(accept=ACCEPT, multiple=False, description=_("Upload a transcript"),
                                   tooltip=_("Choose a transcript file (.csv, .tsv or .txt) from this computer"), layout=w.Layout(width="auto"))
        self.upload.observe(self._guard(self._uploaded), names="value")
        self.sample_button = button(_("Use a sample transcript"), self._guard(self.use_sample),
                                    tooltip=_("Load a coded conversation from the workbook's library, as if it had been uploaded"))
        self.loaded = w.HTML(layout=w.Layout(width="100%"))
        step1 = [self._step(_("1. The transcript")), w.HBox([self.upload, self.sample_button, w.HTML(f'<div class="miw">{template}</div>')], layout=_row()), self.loaded]
        self.scales: dict[str, w.RadioButtons] = {}
        rows: list[w.Widget] = []
        for key in GLOBAL_KEYS:
            choice = scale(_(GLOBAL_NAMES[key]), SCALE[0], SCALE[1], None)
            choice.style.description_width = "16rem"
            choice.tooltip = _(RATING_HINTS[key])
            choice.observe(self._guard(lambda change, key=key: self._rated(key, change["new"])), names="value")
            self.scales[key] = choice
            rows.append(w.HBox([choice, w.HTML(f'<div class="miw miw-hint">{esc(_(RATING_HINTS[key]))}</div>', layout=w.Layout(flex="1 1 18rem"))], layout=_row()))
        self.clear_button = button(_("Clear the ratings"), self._guard(self.clear_ratings))
        ratings_note = _("For the whole conversation: start each scale at 3 and move up or down as the evidence shows (1 = low, 5 = high). "
                         "Rate from the recording if you can; a transcript loses tone. Leave a scale empty if you have not rated it.")
        step2 = [self._step(_("2. Global ratings (optional)")), paragraph(f"<p>{esc(ratings_note)}</p>"), *rows, w.HBox([self.clear_button], layout=_row())]
        self.make_button = button(_("Make the report"), self._guard(self.make_report), style="primary")
        self.make_button.add_class("miw-big")
        self.fill_button = button(_("Fill in the gaps with the automatic coder"), self._guard(self.fill_gaps),
                                  tooltip=_("Code the counsellor utterances that have no code; the report is then marked provisional"))
        self.fill_button.layout.display = "none"
        self.gaps = w.HTML(layout=w.Layout(width="100%"))
        self.report_box = w.HTML(layout=w.Layout(width="100%"))
        step3 = [self._step(_("3. The report")), w.HBox([self.make_button, self.fill_button], layout=_row()), self.gaps]
        self.set_body(self.lead, *step1, *step2, *step3)
        self.children = (*self.children, self.report_box)  # the feedback sits above the report
        self._draw()

    # readable ------------------------------------------------------------------------------------
    @property
    def report(self) -> dict[str, Any] | None:
        """The last report as data (the JSON format of ``mi-workbook report``), or None."""
        return self.run.report

    @property
    def html(self) -> str | None:
        """The last report as a full, self-contained HTML page (what the download holds), or None."""
        return self.run.html

    # driven from Python --------------------------------------------------------------------------
    def load_bytes(self, name: str, data: bytes) -> bool:
        """Read an upload; a good file replaces the transcript and its report is made at once (when it
        has codes). A bad one gets one message naming the file and changes nothing. True if loaded."""
        try:
            upload = self.run.load(name, bytes(data))
        except InputError as err:
            still = _("The report below is still the one for {name}.").format(name=self.run.report_of) if self.run.report_of else ""
            self.show("bad", _("Not loaded."), esc(str(err).rstrip(".") + ".") + (f" {esc(still)}" if still else ""))
            return False
        self._draw()
        if self.run.ready:
            self._remake()
            self.show("ok", _("Loaded."), esc(upload_summary(upload) + " " + _("Its report is below; change a rating and the report follows.")))
        else:
            self.show("warn", _("Loaded, but there is nothing to score yet."), esc(upload_summary(upload)))
        return True

    def use_sample(self, id: str | None = None) -> bool:  # noqa: A002 - the public parameter name
        """Load a library dialogue (default: the sample) as if its CSV had been uploaded."""
        try:
            name, data, dialogue = sample_upload(id or self.sample_id)
        except (InputError, UsageError) as err:
            self.show("bad", _("Not loaded."), esc(str(err)))
            return False
        if not self.load_bytes(name, data):
            return False
        g = dialogue.globals.as_dict()
        expert = ", ".join(f"{_(GLOBAL_NAMES[k])} {g[k]}" for k in GLOBAL_KEYS if g[k] is not None)
        words = _("Sample: “{title}”, a conversation from the workbook's library.").format(title=dialogue.title)
        if expert:
            words += " " + _("Its expert ratings, to compare with yours: {ratings}.").format(ratings=expert)
        self.show("ok", _("Sample loaded."), esc(upload_summary(self.run.upload) + " " + words))
        return True

    def rate(self, key: str, value: int | None) -> None:
        """Set the global ``key`` (cct, sst, partnership, empathy) to ``value`` (1-5, or None for not
        rated), as clicking its scale does; a report on screen is made again with it."""
        check_rating(key, value)  # UsageError for an unknown key or a value off the scale
        self.scales[key].value = value

    def clear_ratings(self) -> None:
        """Set every global back to not rated."""
        for choice in self.scales.values():
            choice.value = None

    def make_report(self) -> dict[str, Any] | None:
        """Make the report of the transcript with the ratings given and show it; the report as data,
        or None when there is nothing to report on (a message says why)."""
        if self.run.upload is None:
            self.show("info", _("Nothing to report on yet."), esc(_("Upload a transcript, or press Use a sample transcript.")))
            return None
        if not self.run.ready:
            self.show("warn", _("There are no codes to report on yet."), esc(_("Code the file and upload it again, or press Fill in the gaps with the automatic coder.")))
            return None
        report = self._remake()  # the report itself says which ratings are missing
        self.show("ok", _("Report made."), esc(upload_summary(self.run.upload) + " " + _("It is below, with its download link.")))
        return report

    def fill_gaps(self) -> int | None:
        """Let the automatic coder code the counsellor utterances without a code, then make the
        report, marked provisional. How many codes it filled, or None when there was nothing to fill."""
        if not self.run.can_fill:
            self.show("info", _("No gaps to fill."), esc(_("Every counsellor utterance already has a code, or the automatic coder has already run.")) if self.run.upload else "")
            return None
        filled = self.run.fill_gaps()
        self._draw()
        if self.run.ready:
            self._remake()
        self.show("warn", _("Provisional report made."), esc(ngettext("The automatic coder filled in {n} code. Check it before relying on the figures.",
                                                                       "The automatic coder filled in {n} codes. Check them before relying on the figures.", filled).format(n=filled)))
        return filled

    # inside --------------------------------------------------------------------------------------
    def _guard(self, action: Callable[..., Any]) -> Callable[..., None]:
        """A callback that shows any unexpected error as one line instead of losing it (Voila shows
        nothing for an exception in a callback)."""
        def run(*args: Any) -> None:
            try:
                action(*args)
            except (InputError, UsageError) as err:
                self.show("bad", _("That did not work."), esc(str(err)))
            except Exception as err:  # noqa: BLE001 - the last line of defence before the page
                self.show("bad", _("Something went wrong."), esc(f"{type(err).__name__}: {err}"))
        return run

    @staticmethod
    def _step(title: str) -> w.HTML:
        return paragraph(f'<h4 class="miw-step">{esc(title)}</h4>')

    def _uploaded(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        self.upload.value = ()  # ready for the next file, also the same one again
        self.load_bytes(upload["name"], bytes(upload["content"]))

    def _rated(self, key: str, value: int | None) -> None:
        self.run.rate(key, value)
        if self.run.report is not None:
            self._remake()

    def _remake(self) -> dict[str, Any]:
        report = self.run.make()
        self._draw()
        return report

    def _draw(self) -> None:
        """Show the run's state: the file loaded, the note on gaps, and the report (or nothing)."""
        run = self.run
        if run.upload is None:
            self.loaded.value = f'<div class="miw"><p>{esc(_("No transcript loaded yet."))}</p></div>'
        else:
            self.loaded.value = f'<div class="miw"><p><strong>{esc(_("Loaded:"))}</strong> {esc(upload_summary(run.upload))}</p></div>'
        gaps = gaps_message(run.upload) if run.upload else None
        if run.provisional:
            self.gaps.value = _box("warn", _("Provisional."), filled_message(run.upload, run.n_filled))
        else:
            self.gaps.value = _box(*gaps) if gaps else ""
        self.fill_button.layout.display = None if run.can_fill else "none"
        if run.report is None or run.html is None:
            self.report_box.value = ""
            return
        link = download_link(run.html.encode("utf-8"), run.filename, _("Download the report (HTML)"), mime="text/html")
        top = f'<p>{link} <span class="miw-hint">({esc(run.filename)}, {esc(_("a web page to open in any browser or print"))})</span></p>'
        note = missing_note(run.ratings)
        if note:
            top += f"<p>{esc(note)}</p>"
        self.report_box.value = f'<div class="miw" role="region" aria-label="{esc(_("The MITI report"))}">{top}{run.fragment}</div>'
