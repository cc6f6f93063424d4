"""Reading dialogues (YAML) and coded transcripts (CSV) into :class:`~.model.Dialogue`.

Every problem becomes an :class:`~.errors.InputError` that names the file, the line where there is
one, and what is wrong. Nothing here writes to the files it reads.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from .codes import CodeError, Speaker, resolve_code, resolve_subcode
from .errors import InputError, InputProblem
from .i18n import _
from .model import GLOBAL_KEYS, Dialogue, GlobalRatings, Utterance
from .textio import MAX_BYTES, csv_rows, decode_bytes, read_text  # noqa: F401  (re-exported: the loaders' public surface)
from .yamldoc import DocKind, line_for, load_document, read_document, where

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")

# What people call the two speakers in transcripts (case-insensitive).
SPEAKER_ALIASES: dict[str, Speaker] = {
    **dict.fromkeys(
        ["counselor", "counsellor", "therapist", "clinician", "interviewer", "practitioner", "t",
         "rådgiver", "radgiver", "behandler", "terapeut", "intervjuer", "veileder"],
        "counselor",
    ),
    **dict.fromkeys(["client", "patient", "c", "klient", "pasient", "borger", "bruker"], "client"),
}


def _resolve_codes(speaker: Speaker, raw_code: object, raw_subcode: object) -> tuple[str | None, str | None]:
    """``(code, subcode)`` checked against the scheme. Raises :class:`CodeError` with ``.field``
    set to 'code' or 'subcode', the field at fault."""
    try:
        code, implied = resolve_code(raw_code, speaker)
    except CodeError as exc:
        exc.field = "code"  # type: ignore[attr-defined]
        raise
    try:
        subcode = resolve_subcode(code, raw_subcode)
        if implied and subcode and implied != subcode:
            raise CodeError(f"code '{str(raw_code).strip()}' says {implied} but subcode says {subcode}")
    except CodeError as exc:
        exc.field = "subcode"  # type: ignore[attr-defined]
        raise
    return code, subcode or implied


# --------------------------------------------------------------------------------------- YAML
def dialogue_from_data(data: dict[str, Any], lines: dict[tuple, int], path: Path) -> tuple[Dialogue | None, list[InputProblem]]:
    problems: list[InputProblem] = []
    utterances: list[Utterance] = []
    for i, raw in enumerate(data["utterances"]):
        at = ("utterances", i)
        speaker: Speaker = raw["speaker"]
        try:
            code, subcode = _resolve_codes(speaker, raw.get("code"), raw.get("subcode"))
        except CodeError as exc:
            field = exc.field  # type: ignore[attr-defined]
            problems.append(InputProblem(str(path), str(exc), line_for(lines, at + (field,)), where(at, field)))
            continue
        rationale = raw.get("rationale")
        utterances.append(Utterance(speaker, raw["text"].strip(), code, subcode, rationale.strip() if rationale else None, line_for(lines, at)))
    if data.get("pair") == data["id"]:
        problems.append(InputProblem(str(path), "a dialogue cannot be its own pair", line_for(lines, ("pair",)), "field 'pair'"))
    if problems:
        return None, problems
    g = data.get("globals") or {}
    return (
        Dialogue(
            id=data["id"],
            title=data["title"].strip(),
            utterances=tuple(utterances),
            topic=data["topic"],
            language=data["language"],
            setting=data.get("setting", ""),
            change_goal=data["change_goal"],
            description=(data.get("description") or "").strip(),
            style=data.get("style"),
            pair=data.get("pair"),
            globals=GlobalRatings(**{k: g.get(k) for k in GLOBAL_KEYS}, rationale=g.get("rationale")),
            source=str(path),
            source_note=(data.get("source_note") or "").strip(),
        ),
        [],
    )


DIALOGUE = DocKind("dialogue", "utterances", "one dialogue: a mapping with id, title, topic, language, change_goal and utterances")


def check_dialogue_yaml(path: str | Path) -> tuple[Dialogue | None, list[InputProblem]]:
    """Load a YAML dialogue and collect every problem in it (not just the first)."""
    p = Path(path)
    data, lines, problems = read_document(p, DIALOGUE)
    if data is None:
        return None, problems
    return dialogue_from_data(data, lines, p)


def load_dialogue(path: str | Path) -> Dialogue:
    """Load one YAML dialogue; raise :class:`InputError` listing every problem."""
    return load_document(Path(path), DIALOGUE, dialogue_from_data)


# ---------------------------------------------------------------------------------------- CSV
REQUIRED_COLUMNS = ("speaker", "text", "code")


def _header_fields(first_line: str, delimiter: str) -> list[str]:
    row = next(csv.reader([first_line], delimiter=delimiter), [])
    return [c.strip().lstrip("\ufeff").lower() for c in row]


def _detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one whose header names our columns, else the most fields."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    candidates = (",", ";", "\t")
    for d in candidates:
        if {"speaker", "text"} <= set(_header_fields(first, d)):
            return d
    return max(candidates, key=lambda d: len(_header_fields(first, d)))


def parse_transcript(text: str, path: str | Path = "<upload>", *, require_code: bool = True) -> Dialogue:
    """Parse the text of a coded transcript CSV (see the module's README for the columns).

    With ``require_code=False`` the ``code`` column may be left out: every utterance is then uncoded.
    """
    p = Path(path)
    required = REQUIRED_COLUMNS if require_code else tuple(c for c in REQUIRED_COLUMNS if c != "code")
    delimiter = _detect_delimiter(text)
    header: list[str] | None = None
    header_line = 0
    utterances: list[Utterance] = []
    for start, row in csv_rows(text, p, delimiter):
        if header is None:
            header = [c.strip().lstrip("\ufeff").lower() for c in row]
            header_line = start
            missing = [c for c in required if c not in header]
            if missing:
                names = ", ".join(f"'{m}'" for m in missing)
                shown = ", ".join(h for h in header if h) or _("nothing")
                raise InputError.one(p, _("missing column {names} (the header has: {shown})").format(names=names, shown=shown), line=start)
            col = {name: header.index(name) for name in required}
            col_code = header.index("code") if "code" in header else None
            col_sub = header.index("subcode") if "subcode" in header else None
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            sep = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}[delimiter]
            raise InputError.one(p, _("{n} fields where the header has {m}: is there a {sep} inside a text that is not in quotes?").format(n=len(row), m=len(header), sep=sep), line=start)
        cells = row + [""] * (len(header) - len(row))
        raw_speaker = cells[col["speaker"]].strip()
        speaker = SPEAKER_ALIASES.get(raw_speaker.lower())
        if speaker is None:
            raise InputError.one(p, _("unknown speaker '{speaker}' (use counselor or client)").format(speaker=raw_speaker) if raw_speaker else _("empty speaker (use counselor or client)"), line=start)
        utterance_text = cells[col["text"]].strip()
        if not utterance_text:
            raise InputError.one(p, _("empty text"), line=start)
        try:
            code, subcode = _resolve_codes(speaker, cells[col_code] if col_code is not None else None, cells[col_sub] if col_sub is not None else None)
        except CodeError as exc:
            raise InputError.one(p, str(exc), line=start) from None
        utterances.append(Utterance(speaker, utterance_text, code, subcode, None, start))
    if header is None:
        raise InputError.one(p, _("the file is empty"))
    if not utterances:
        raise InputError.one(p, _("has a header but no utterances"), line=header_line)
    return Dialogue(id=_slug(p.stem), title=p.name, utterances=tuple(utterances), source=str(p))


def load_transcript(path: str | Path, max_bytes: int = MAX_BYTES) -> Dialogue:
    """Load a coded transcript CSV (comma, semicolon or tab; UTF-8 or Windows-1252)."""
    text = read_text(path, max_bytes)
    return parse_transcript(text, path)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "transcript"


# ------------------------------------------------------------------------------- any file, folders
def load(path: str | Path) -> Dialogue:
    """Load a dialogue (.yaml/.yml) or a coded transcript (.csv/.tsv/.txt)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return load_dialogue(p)
    if suffix in CSV_SUFFIXES:
        return load_transcript(p)
    raise InputError.one(p, _("unsupported file type '{kind}' (use a .yaml dialogue or a .csv transcript)").format(kind=suffix or p.name))


def load_folder(folder: str | Path | None = None) -> tuple[list[Dialogue], list[InputProblem]]:
    """All dialogues in a folder (default: the bundled library) and the problems found."""
    from .checks import check_paths

    if folder is None:
        from .library import dialogues_dir

        folder = dialogues_dir()
    checked = check_paths([folder])
    return checked.dialogues, checked.problems
