"""A session report: an uploaded coded transcript of a practice conversation, the four global
ratings an instructor gives it, and its MITI 4.2.1 report (data, full HTML page, in-page fragment).

The logic behind the ``SessionReport`` dashboard, kept free of any widget library so it can be
tested and used on its own. Reading reuses the engine: :func:`~.textio.decode_bytes` (encodings,
binary, empty, ZIP/Excel), :func:`~.loaders.parse_transcript` (columns, codes, one error naming
file and line), :func:`~.classifier.precode` (filling counsellor codes, which makes a report
provisional) and :mod:`~.report` (scores, thresholds, HTML).

Uploads are untrusted: the size limit (:data:`MAX_UPLOAD_BYTES`) is checked before anything is
decoded, and every problem is one :class:`~.errors.InputError` that names the file (and the line
where there is one). Nothing changes state until a file has been read whole and found good, so a
bad upload never leaves half of a new transcript behind.

Pure Python: no widget library is imported here.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .errors import InputError, UsageError
from .i18n import N_, _, ngettext
from .loaders import parse_transcript
from .model import GLOBAL_KEYS, Dialogue, GlobalRatings, Utterance
from .ratingrun import SCALE  # the 1-5 range of every global
from .report import GLOBAL_NAMES, build_report, render_html, render_html_fragment
from .textio import decode_bytes

#: Uploads larger than this are refused, with a message naming the file and both sizes.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
#: File types the upload control offers (the same the command line reads as transcripts).
ACCEPT = ".csv,.tsv,.txt"
#: The library dialogue "Use a sample transcript" loads: a mixed session, so the report shows
#: good, fair and below-fair levels side by side.
SAMPLE_ID = "dental-hygiene"
#: The library dialogue the template CSV is cut from, and how many rows of it it keeps.
TEMPLATE_ID = "er-alcohol-mi"
TEMPLATE_ROWS = 12
TEMPLATE_NAME = "coded-transcript-template.csv"
#: The columns of a coded transcript, in the order this module writes them.
COLUMNS: tuple[str, ...] = ("speaker", "text", "code", "subcode")
#: How many line numbers a message lists before it stops with "…".
SHOWN_LINES = 8

#: One line on what each global rates (our own words; MITI 4.2.1 gives the full anchors).
RATING_HINTS: dict[str, str] = {
    "cct": N_("How much the counsellor notices, draws out and strengthens the client's change talk (desire, ability, reasons, need, commitment, steps)."),
    "sst": N_("How well the counsellor avoids deepening the client's case for staying the same (high = softens it)."),
    "partnership": N_("How far the counsellor shares power and builds on the client's own ideas and expertise."),
    "empathy": N_("How hard the counsellor works to understand the client's point of view, and shows it."),
}


# ------------------------------------------------------------------------------------ files
def size_text(n_bytes: int) -> str:
    """A file size for a person, rounded up so a file just over a limit never reads as equal to it:
    ``"740 bytes"``, ``"12 KB"``, ``"2.1 MB"``."""
    if n_bytes < 1024:
        return _("{n} bytes").format(n=n_bytes)
    if n_bytes < 1024 * 1024:
        return _("{n} KB").format(n=math.ceil(n_bytes / 1024))
    megabytes = math.ceil(n_bytes / (1024 * 1024) * 10) / 10
    return _("{n} MB").format(n=f"{megabytes:.1f}".removesuffix(".0"))


def check_size(name: str, data: bytes, limit: int = MAX_UPLOAD_BYTES) -> None:
    """Refuse an upload over ``limit`` bytes with one message naming the file and both sizes."""
    if len(data) > limit:
        raise InputError.one(name, _("the file is too large ({size}); the limit is {limit}").format(size=size_text(len(data)), limit=size_text(limit)))


def has_code_column(text: str) -> bool:
    """True when the header row of a transcript's text names a ``code`` column."""
    from .loaders import _detect_delimiter, _header_fields

    first = next((line for line in text.splitlines() if line.strip()), "")
    return "code" in _header_fields(first, _detect_delimiter(text))


@dataclass(frozen=True)
class Upload:
    """A transcript read from an upload: the file name, the dialogue, and whether its header had a
    ``code`` column (a plain ``speaker,text`` file is read too, every utterance uncoded)."""

    name: str
    dialogue: Dialogue
    code_column: bool = True

    @property
    def uncoded(self) -> list[Utterance]:
        """Utterances without a code, in order."""
        return [u for u in self.dialogue.utterances if u.code is None]

    @property
    def uncoded_counselor(self) -> list[Utterance]:
        return [u for u in self.uncoded if u.speaker == "counselor"]

    @property
    def uncoded_client(self) -> list[Utterance]:
        return [u for u in self.uncoded if u.speaker == "client"]

    @property
    def has_codes(self) -> bool:
        """True when at least one utterance carries a code."""
        return len(self.uncoded) < len(self.dialogue.utterances)


def read_upload(name: str, data: bytes, limit: int = MAX_UPLOAD_BYTES) -> Upload:
    """Read an uploaded transcript: size, then encoding (UTF-8, UTF-16 with BOM, Windows-1252),
    then the CSV itself. Raises one :class:`InputError` naming ``name`` (and the line)."""
    name = PurePath(name).name or "upload.csv"  # only the file's own name, never a client's path
    check_size(name, data, limit)
    text = decode_bytes(data, name)
    dialogue = parse_transcript(text, name, require_code=False)  # codes are checked where the column exists
    return Upload(name, dialogue, has_code_column(text))


def transcript_csv(dialogue: Dialogue, rows: int | None = None) -> str:
    """A dialogue as a coded transcript CSV (``speaker,text,code,subcode``, comma-separated, quoted
    where needed), which :func:`~.loaders.parse_transcript` reads back to the same utterances.
    ``rows``: keep only the first so many utterances."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # CRLF: what spreadsheets write and expect
    writer.writerow(COLUMNS)
    for u in dialogue.utterances[:rows]:
        writer.writerow((u.speaker, u.text, u.code or "", u.subcode or ""))
    return out.getvalue()


def template_csv() -> str:
    """A small, valid coded transcript to download and copy: the opening of a library dialogue,
    with uncoded, counsellor and client rows and subcodes."""
    from .library import get_dialogue

    return transcript_csv(get_dialogue(TEMPLATE_ID), TEMPLATE_ROWS)


def sample_upload(dialogue_id: str | None = None) -> tuple[str, bytes, Dialogue]:
    """A library dialogue as if it had been uploaded: ``(file name, CSV bytes, the dialogue)``.
    An unknown id is an :class:`~.errors.InputError` from the library."""
    from .library import get_dialogue

    dialogue = get_dialogue(dialogue_id or SAMPLE_ID)
    return f"{dialogue.id}.csv", transcript_csv(dialogue).encode("utf-8"), dialogue


def report_filename(name: str) -> str:
    """The downloaded report's file name, from the upload's: ``practice-smoking.csv`` ->
    ``practice-smoking-miti-report.html`` (only letters, digits, ``-``, ``_`` and ``.`` kept)."""
    stem = re.sub(r"[^\w.-]+", "-", PurePath(name).stem).strip("-.") or "session"
    return f"{stem}-miti-report.html"


def line_list(utterances: list[Utterance]) -> str:
    """The file lines of some utterances for a message: ``"2, 24"``; long lists end in ``…``."""
    lines = [str(u.line) for u in utterances if u.line is not None]
    shown = ", ".join(lines[:SHOWN_LINES])
    return shown + (", …" if len(lines) > SHOWN_LINES else "")


# ----------------------------------------------------------------------------------- ratings
def check_rating(key: str, value: int | None) -> int | None:
    """A global rating checked: ``key`` one of cct, sst, partnership, empathy; ``value`` a whole
    number 1-5 or None (not rated). Anything else is a :class:`UsageError`."""
    if key not in GLOBAL_KEYS:
        raise UsageError(_("unknown global rating '{key}' (use one of: {keys})").format(key=key, keys=", ".join(GLOBAL_KEYS)))
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE[0] <= value <= SCALE[1]:
        raise UsageError(_("a global rating is a whole number from {low} to {high}, not {value!r}").format(low=SCALE[0], high=SCALE[1], value=value))
    return value


def missing_note(ratings: dict[str, int | None]) -> str:
    """One sentence naming the global ratings not given and what that leaves out; '' if none."""
    missing = [k for k in GLOBAL_KEYS if ratings.get(k) is None]
    if not missing:
        return ""
    names = ", ".join(_(GLOBAL_NAMES[k]) for k in missing)
    if len(missing) == len(GLOBAL_KEYS):
        return _("No global ratings given: the Technical and Relational scores are left out.")
    scores = [name for keys, name in ((("cct", "sst"), _("Technical")), (("partnership", "empathy"), _("Relational"))) if any(k in missing for k in keys)]
    if len(scores) == 2:
        return _("Not rated: {names}. The Technical and Relational scores need them, so both are left out.").format(names=names)
    return ngettext("Not rated: {names}. The {score} score needs it, so it is left out.",
                    "Not rated: {names}. The {score} score needs them, so it is left out.", len(missing)).format(names=names, score=scores[0])


# ----------------------------------------------------------------------------------- messages
def upload_summary(upload: Upload) -> str:
    """One sentence on what was read: the file and its utterances."""
    d = upload.dialogue
    return _("{name}: {c} counsellor and {k} client utterances.").format(name=upload.name, c=len(d.counselor_utterances), k=len(d.client_utterances))


def gaps_message(upload: Upload) -> tuple[str, str, str] | None:
    """``(status, title, text)`` about utterances without a code, or None when every one has a code.

    ``status`` is ``"warn"`` for a file with no codes at all, else ``"info"``."""
    d, gaps = upload.dialogue, upload.uncoded
    if not gaps:
        return None
    counselor, client = upload.uncoded_counselor, upload.uncoded_client
    if not upload.has_codes:
        why = _("its header has no 'code' column") if not upload.code_column else _("its 'code' column is empty")
        text = _("{name} has {n} utterances but no MITI codes: {why}. Code it (the template shows how) and upload it again, or let the automatic coder code the counsellor utterances. Its codes are guesses, so that report is marked provisional, and client language (change talk, sustain talk) stays uncoded.").format(
            name=upload.name, n=len(d.utterances), why=why)
        return "warn", _("No codes in this file."), text
    parts = [ngettext("{n} utterance has no code (line {lines}).", "{n} utterances have no code (lines {lines}).", len(gaps)).format(n=len(gaps), lines=line_list(gaps)),
             _("Greetings and brief sounds such as “mm-hmm” rightly stay uncoded.")]
    if counselor:
        parts.append(_("If a counsellor utterance was missed, code it in the file and upload it again, or let the automatic coder fill in the counsellor gaps; its codes are guesses, so the report is then marked provisional."))
    if client:
        parts.append(ngettext("One client utterance without a code is counted as neither change talk, sustain talk nor neutral.",
                              "{n} client utterances without a code are counted as neither change talk, sustain talk nor neutral.", len(client)).format(n=len(client)))
    title = ngettext("{n} utterance without a code.", "{n} utterances without a code.", len(gaps)).format(n=len(gaps))
    return "info", title, " ".join(parts)


def filled_message(before: Upload, filled: int) -> str:
    """What the automatic coder did, for the provisional report."""
    n = len(before.uncoded_counselor)
    text = _("The automatic coder filled in {filled} of {n} counsellor utterances without a code.").format(filled=filled, n=n)
    if filled < n:
        text += " " + _("It found no code for the rest (greetings, for example), so they stay uncoded.")
    if before.uncoded_client:
        text += " " + ngettext("One client utterance stays without a code: the automatic coder codes counsellor utterances only.",
                               "{n} client utterances stay without a code: the automatic coder codes counsellor utterances only.",
                               len(before.uncoded_client)).format(n=len(before.uncoded_client))
    return (text + " " + _("The report is PROVISIONAL: check the automatic codes in the transcript at the end of the report before relying on the figures.")
            + " " + _("Automatic coders are weakest at simple versus complex reflections (published F1 around 0.55), so check those first."))


# -------------------------------------------------------------------------------------- the run
@dataclass
class SessionRun:
    """The state behind a session report: the upload, the ratings, the report.

    ``load(name, data)`` reads an upload and replaces the transcript only when the file is good
    (a bad one raises :class:`InputError` and changes nothing). ``rate(key, value)`` sets a global.
    ``fill_gaps()`` lets the classifier code the counsellor utterances left uncoded (the report is
    then provisional). ``make()`` builds the report and keeps it with its full page (``html``) and
    in-page fragment (``fragment``).
    """

    limit: int = MAX_UPLOAD_BYTES
    upload: Upload | None = None
    filled: Dialogue | None = None  #: the transcript after the automatic coder, if it ran
    n_filled: int = 0
    ratings: dict[str, int | None] = field(default_factory=lambda: dict.fromkeys(GLOBAL_KEYS))
    report: dict[str, Any] | None = None
    html: str | None = None
    fragment: str | None = None
    report_of: str | None = None  #: the file name the current report was made from

    def load(self, name: str, data: bytes) -> Upload:
        """Read an upload; on success it becomes the transcript (without a report yet)."""
        upload = read_upload(name, data, self.limit)  # raises before anything changes
        self.upload, self.filled, self.n_filled = upload, None, 0
        self.report = self.html = self.fragment = self.report_of = None
        return upload

    @property
    def dialogue(self) -> Dialogue | None:
        """The transcript reported on: as uploaded, or with the automatic codes filled in."""
        return self.filled if self.filled is not None else self.upload.dialogue if self.upload else None

    @property
    def provisional(self) -> bool:
        """True once the automatic coder has filled codes in."""
        return self.filled is not None

    @property
    def can_fill(self) -> bool:
        """True when the automatic coder has counsellor utterances to code and has not run yet."""
        return self.upload is not None and self.filled is None and bool(self.upload.uncoded_counselor)

    @property
    def ready(self) -> bool:
        """True when there is a transcript with at least one code to report on."""
        d = self.dialogue
        return d is not None and any(u.code is not None for u in d.utterances)

    def rate(self, key: str, value: int | None) -> None:
        self.ratings[key] = check_rating(key, value)

    def fill_gaps(self) -> int:
        """Code the uncoded counsellor utterances with the classifier; how many it coded."""
        from .classifier import precode

        if self.upload is None:
            raise UsageError(_("Load a transcript first."))
        self.filled, self.n_filled = precode(self.upload.dialogue)
        return self.n_filled

    def make(self) -> dict[str, Any]:
        """Build the report with the ratings given; keeps ``report``, ``html`` and ``fragment``."""
        if self.upload is None or self.dialogue is None:
            raise UsageError(_("Load a transcript first."))
        if not self.ready:
            raise UsageError(_("There are no codes to report on yet."))
        dialogue = self.dialogue
        report = build_report(dialogue, GlobalRatings(**self.ratings), provisional=self.provisional)
        html, fragment = render_html(report, dialogue), render_html_fragment(report, dialogue)
        self.report, self.html, self.fragment, self.report_of = report, html, fragment, self.upload.name
        return report

    @property
    def filename(self) -> str:
        """The name to download the report under."""
        return report_filename(self.upload.name if self.upload else "session")
