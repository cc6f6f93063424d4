"""Importing transcripts from other formats into the library's dialogue files (YAML).

- :func:`read_annomi` reads the AnnoMI data set (Wu et al. 2022/2023), the simple or the full CSV,
  and maps its labels onto MITI 4.2.1 codes. The data set is downloaded by the user and never
  shipped with the workbook.
- :func:`read_plain_csv` reads a plain transcript (``speaker,text`` and optionally ``code`` and
  ``subcode``) and gives it the metadata a library dialogue needs.
- :func:`write_dialogues` writes dialogues as ``<id>.yaml`` files that load back with
  :func:`~.loaders.load_dialogue`; it never replaces a file unless asked to.

Every problem in a file becomes one :class:`~.errors.InputError` naming the file, the physical line
where the row starts (a quoted text may span several lines) and what is wrong. Nothing here
writes to the files it reads.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .codes import Speaker
from .errors import InputError, InputProblem
from .loaders import DIALOGUE, _slug, dialogue_from_data, parse_transcript
from .model import Dialogue, Utterance
from .textio import csv_rows, read_text
from .yamldoc import check_document, parse

#: AnnoMI-full.csv is about 4 MB; anything far larger is not AnnoMI.
ANNOMI_MAX_BYTES = 64 * 1024 * 1024
ANNOMI_SOURCE_NOTE = "Imported from AnnoMI (Wu et al. 2022); not redistributed by this project"
ANNOMI_SETTING = "MI demonstration video"

#: The columns read from either layout (``timestamp`` is not needed and may be missing).
ANNOMI_COLUMNS: tuple[str, ...] = (
    "transcript_id", "mi_quality", "video_title", "video_url", "topic", "utterance_id",
    "interlocutor", "utterance_text", "main_therapist_behaviour", "client_talk_type",
)
#: The full layout adds these (and ``*_exists`` flags, which the subtypes make redundant).
ANNOMI_FULL_COLUMNS: tuple[str, ...] = ("annotator_id", "therapist_input_subtype", "reflection_subtype", "question_subtype")

SPEAKERS: dict[str, Speaker] = {"therapist": "counselor", "client": "client"}
QUALITY_STYLES = {"high": "mi_consistent", "low": "mi_inconsistent"}
BEHAVIOURS = ("reflection", "question", "therapist_input", "other", "n/a")
TALK_TYPES = {"change": "CT", "sustain": "ST", "neutral": "N", "n/a": None}
#: The subtype column that goes with each therapist behaviour, and its values.
SUBTYPE_COLUMNS = {"reflection": "reflection_subtype", "question": "question_subtype", "therapist_input": "therapist_input_subtype"}
SUBTYPES = {
    "reflection_subtype": ("simple", "complex", "n/a"),
    "question_subtype": ("open", "closed", "n/a"),
    "therapist_input_subtype": ("information", "advice", "negotiation", "options", "n/a"),
}
INPUT_CODES = {"information": "GI", "advice": "PERS", "negotiation": "GI", "options": "GI"}

SIMPLE_LAYOUT_WARNING = (
    "the simple AnnoMI file has no subtypes: reflections were coded SR, so % complex reflections will "
    "read 0, questions have no open/closed and all therapist input was coded GI; use the full file "
    "(AnnoMI-full.csv) for SR/CR, open/closed and advice (PERS)"
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANGUAGES = ("en", "da", "nb")


# ------------------------------------------------------------------------------ CSV reading
def _clean(text: str) -> str:
    """Strip and collapse every run of whitespace (newlines too) to one space."""
    return " ".join(text.split())


def _annomi_delimiter(text: str) -> str:
    """Comma (AnnoMI's own), or semicolon or tab where a spreadsheet saved it so."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    return next((d for d in (",", ";", "\t") if "transcript_id" in [c.strip().strip('"') for c in first.lower().split(d)]), ",")


# --------------------------------------------------------------------------------- AnnoMI
@dataclass(frozen=True)
class _Row:
    """One checked AnnoMI row."""

    line: int
    transcript: str
    annotator: int | None  #: None in the simple layout
    uid: int
    speaker: Speaker
    text: str
    behaviour: str  #: main_therapist_behaviour, "n/a" for the client
    talk: str  #: client_talk_type, "n/a" for the therapist
    subtype: str | None  #: the subtype of ``behaviour`` (full layout), else None
    quality: str
    title: str
    url: str
    topic: str


@dataclass
class _Header:
    columns: dict[str, int]  #: column name -> index
    full: bool  #: the full layout (annotators and subtypes)
    width: int  #: number of fields
    line: int
    delimiter: str


def _annomi_header(row: list[str], line: int, path: Path, delimiter: str) -> _Header:
    names = [c.strip().lstrip("\ufeff").lower() for c in row]
    full = any(c in names for c in ANNOMI_FULL_COLUMNS)
    wanted = ANNOMI_COLUMNS + (ANNOMI_FULL_COLUMNS if full else ())
    missing = [c for c in wanted if c not in names]
    if missing:
        shown = ", ".join(n for n in names if n) or "nothing"
        layout = "full " if full else ""
        raise InputError.one(path, f"missing column{'s' * (len(missing) > 1)} {', '.join(repr(m) for m in missing)} for the {layout}AnnoMI layout (the header has: {shown})", line=line)
    return _Header({name: names.index(name) for name in wanted}, full, len(names), line, delimiter)


def _label(value: str) -> str:
    """An AnnoMI label as compared: stripped, lower case; an empty cell counts as "n/a"."""
    return value.strip().lower() or "n/a"


def _choice(value: str, column: str, allowed: Iterable[str], line: int, path: Path) -> str:
    label = _label(value)
    allowed = tuple(allowed)
    if label not in allowed:
        raise InputError.one(path, f"unknown {column} '{value.strip()}' (known: {', '.join(allowed)})", line=line)
    return label


def _whole_number(value: str, column: str, line: int, path: Path) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise InputError.one(path, f"{column} '{value.strip()}' is not a whole number", line=line) from None


def _annomi_row(cells: list[str], line: int, head: _Header, path: Path) -> _Row:
    """Check one data row and turn it into a :class:`_Row`."""
    if len(cells) < head.width or any(c.strip() for c in cells[head.width:]):
        sep = {",": "comma", ";": "semicolon", "\t": "tab"}[head.delimiter]
        hint = f"is there a {sep} inside a text that is not in quotes?" if len(cells) > head.width else "is the row cut short?"
        raise InputError.one(path, f"{len(cells)} fields where the header has {head.width}: {hint}", line=line)
    get = {name: cells[i] for name, i in head.columns.items()}
    transcript = get["transcript_id"].strip()
    if not transcript:
        raise InputError.one(path, "empty transcript_id", line=line)
    raw_speaker = get["interlocutor"].strip()
    speaker = SPEAKERS.get(raw_speaker.lower())
    if speaker is None:
        raise InputError.one(path, f"unknown interlocutor '{raw_speaker}' (use therapist or client)", line=line)
    uid = _whole_number(get["utterance_id"], "utterance_id", line, path)
    quality = _choice(get["mi_quality"], "mi_quality", QUALITY_STYLES, line, path)
    behaviour = _choice(get["main_therapist_behaviour"], "main_therapist_behaviour", BEHAVIOURS, line, path)
    talk = _choice(get["client_talk_type"], "client_talk_type", TALK_TYPES, line, path)
    annotator = subtype = None
    if head.full:
        annotator = _whole_number(get["annotator_id"], "annotator_id", line, path)
        subtypes = {col: _choice(get[col], col, values, line, path) for col, values in SUBTYPES.items()}
        subtype = subtypes.get(SUBTYPE_COLUMNS.get(behaviour, ""))
    return _Row(line, transcript, annotator, uid, speaker, _clean(get["utterance_text"]), behaviour, talk, subtype,
                quality, _clean(get["video_title"]), get["video_url"].strip(), _clean(get["topic"]))


def _annomi_rows(text: str, path: Path) -> tuple[bool, list[_Row]]:
    """``(full layout?, every row checked)``; raises on the first bad row."""
    head: _Header | None = None
    rows: list[_Row] = []
    seen: dict[tuple[str, int | None, int], int] = {}
    quality: dict[str, tuple[str, int]] = {}
    delimiter = _annomi_delimiter(text)
    for line, cells in csv_rows(text, path, delimiter):
        if head is None:
            head = _annomi_header(cells, line, path, delimiter)
            continue
        row = _annomi_row(cells, line, head, path)
        key = (row.transcript, row.annotator, row.uid)
        if key in seen:
            by = f" by annotator {row.annotator}" if row.annotator is not None else ""
            raise InputError.one(path, f"utterance_id {row.uid} appears twice in transcript {row.transcript}{by} (first on line {seen[key]})", line=line)
        seen[key] = line
        first_quality, first_line = quality.setdefault(row.transcript, (row.quality, line))
        if row.quality != first_quality:
            raise InputError.one(path, f"mi_quality is '{row.quality}' here but '{first_quality}' on line {first_line}, in the same transcript {row.transcript}", line=line)
        rows.append(row)
    if head is None:
        raise InputError.one(path, "the file is empty")
    if not rows:
        raise InputError.one(path, "has a header but no utterances", line=head.line)
    return head.full, rows


def _therapist_code(behaviour: str, subtype: str | None, full: bool) -> tuple[str | None, str | None, str]:
    """``(code, subcode, rationale)`` for a therapist label; ``subtype`` is None or "n/a" when unknown."""
    known = subtype if subtype not in (None, "n/a") else None
    why = f"AnnoMI: {behaviour} ({known})" if known else f"AnnoMI: {behaviour}"
    missing = "no subtype in the simple file" if not full else "no subtype given"
    if behaviour == "question":
        return "Q", known, why if known or not full else f"{why} ({missing})"
    if behaviour == "reflection":
        if known:
            return ("CR" if known == "complex" else "SR"), None, why
        return "SR", None, f"{why} ({missing}); coded SR: when unsure between SR and CR, MITI takes SR"
    if behaviour == "therapist_input":
        if known:
            code = INPUT_CODES[known]
            note = "; coded PERS: AnnoMI does not say whether permission was asked (that would be PWP)" if code == "PERS" else ""
            return code, None, why + note
        return "GI", None, f"{why} ({missing}); coded GI: when unsure between GI and Persuade, MITI takes GI"
    return None, None, f"AnnoMI: {behaviour} (no MITI code)"


def _client_code(talk: str) -> tuple[str | None, str | None, str]:
    code = TALK_TYPES[talk]
    return code, None, f"AnnoMI: {talk}" if code else f"AnnoMI: {talk} (no code)"


def _utterance(row: _Row, full: bool) -> Utterance:
    if row.speaker == "counselor":
        code, subcode, why = _therapist_code(row.behaviour, row.subtype, full)
    else:
        code, subcode, why = _client_code(row.talk)
    return Utterance(row.speaker, row.text, code, subcode, why, row.line)


def _transcript_key(transcript: str) -> tuple[int, int, str]:
    """Numeric ids in numeric order, then any others."""
    return (0, int(transcript), "") if transcript.isdigit() else (1, 0, transcript)


@dataclass
class _Picked:
    rows: list[_Row]
    kept: int | None = None  #: the annotator kept (None in the simple layout)
    set_aside: int = 0  #: codings by other annotators not kept
    set_aside_rows: int = 0
    filled: int = 0  #: utterances the kept annotator did not code, taken from the next one


def _pick_annotator(by_annotator: dict[int | None, dict[int, _Row]]) -> _Picked:
    """Keep the lowest annotator id; an utterance that annotator lacks comes from the next lowest."""
    order = sorted(by_annotator, key=lambda a: -1 if a is None else a)
    kept = dict(by_annotator[order[0]])
    picked = _Picked([], kept=order[0], set_aside=len(order) - 1)
    for other in order[1:]:
        for uid, row in by_annotator[other].items():
            if uid in kept:
                picked.set_aside_rows += 1
            else:
                kept[uid] = row
                picked.filled += 1
    picked.rows = [kept[uid] for uid in sorted(kept)]
    return picked


def _annomi_dialogue(transcript: str, rows: list[_Row], full: bool, path: Path) -> Dialogue:
    first = rows[0]
    video = f"; video: {first.url}" if first.url else ""
    description = (
        f"AnnoMI transcript {transcript}, a {first.quality}-quality MI demonstration{video}. "
        "Codes are mapped from AnnoMI's labels, which have no affirm, seeking collaboration, emphasising "
        "autonomy or confront: those turns are left uncoded."
    )
    return Dialogue(
        id=f"annomi-{_slug(transcript)}",
        title=first.title or f"AnnoMI transcript {transcript}",
        utterances=tuple(_utterance(r, full) for r in rows),
        topic=_slug(first.topic) if first.topic else "unspecified",
        language="en",
        setting=ANNOMI_SETTING,
        change_goal=first.topic or "not stated in AnnoMI",
        description=description,
        style=QUALITY_STYLES[first.quality],  # type: ignore[arg-type]
        source=str(path),
        source_note=ANNOMI_SOURCE_NOTE,
    )


def _some(items: Sequence[object], most: int = 5) -> str:
    """The first few of a list for a message: "3, 7, 12, ..."."""
    shown = ", ".join(map(str, items[:most]))
    return f"{shown}, ..." if len(items) > most else shown


def read_annomi(path: str | Path, notes: list[str] | None = None) -> list[Dialogue]:
    """Read an AnnoMI CSV (``AnnoMI-simple.csv`` or ``AnnoMI-full.csv``, told apart by the columns).

    One dialogue per transcript, its utterances in ``utterance_id`` order, coded by MITI 4.2.1 from
    AnnoMI's labels (see the README, "Importing AnnoMI"). Every cell is read as text and "n/a" is
    a value. Where the full file holds several annotators for a transcript, the lowest annotator id
    is kept. Anything the user should know (the simple file's missing subtypes, codings set
    aside, rows without text) is appended to ``notes`` as one line each.
    """
    p = Path(path)
    full, rows = _annomi_rows(read_text(p, ANNOMI_MAX_BYTES), p)
    empty = [r.line for r in rows if not r.text]
    grouped: dict[str, dict[int | None, dict[int, _Row]]] = {}
    for row in rows:
        if row.text:
            grouped.setdefault(row.transcript, {}).setdefault(row.annotator, {})[row.uid] = row
    dialogues: list[Dialogue] = []
    picked_all: list[tuple[str, _Picked]] = []
    for transcript in sorted(grouped, key=_transcript_key):
        picked = _pick_annotator(grouped[transcript])
        picked_all.append((transcript, picked))
        dialogues.append(_annomi_dialogue(transcript, picked.rows, full, p))
    if notes is not None:
        notes.extend(_annomi_notes(full, picked_all, empty))
    return dialogues


def _annomi_notes(full: bool, picked: list[tuple[str, _Picked]], empty: list[int]) -> list[str]:
    notes = []
    if not full:
        notes.append(SIMPLE_LAYOUT_WARNING)
    several = [(t, p) for t, p in picked if p.set_aside]
    if several:
        codings = sum(p.set_aside for _, p in several)
        n_rows = sum(p.set_aside_rows for _, p in several)
        aside = f"set aside {codings} other coding{'s' * (codings != 1)} ({n_rows} rows)"
        if len(several) == 1:
            t, p = several[0]
            notes.append(f"transcript {t} had {p.set_aside + 1} annotators: kept annotator {p.kept} (the lowest id) and {aside}")
        else:
            notes.append(f"{len(several)} transcripts ({_some([t for t, _ in several])}) had more than one annotator: kept the lowest annotator id of each and {aside}")
    filled = [(t, p) for t, p in picked if p.filled]
    if filled:
        n = sum(p.filled for _, p in filled)
        notes.append(f"{n} utterance{'s' * (n != 1)} that the kept annotator did not code came from another annotator (transcript {_some([t for t, _ in filled])})")
    if full:
        kept = sorted((r for _, p in picked for r in p.rows), key=lambda r: r.line)
        for behaviour, column in SUBTYPE_COLUMNS.items():
            lacking = [r.line for r in kept if r.speaker == "counselor" and r.behaviour == behaviour and r.subtype == "n/a"]
            if lacking:
                fallback = {"reflection": "SR", "question": "Q without open/closed", "therapist_input": "GI"}[behaviour]
                notes.append(f"{len(lacking)} {behaviour} row{'s' * (len(lacking) != 1)} had {column} n/a and {'were' if len(lacking) != 1 else 'was'} coded {fallback} (line {_some(lacking)})")
    if empty:
        notes.append(f"skipped {len(empty)} row{'s' * (len(empty) != 1)} with no utterance_text (line {_some(empty)})")
    return notes


# ------------------------------------------------------------------------------ plain CSV
def _title_from_stem(stem: str) -> str:
    words = re.sub(r"[-_\s]+", " ", stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Imported transcript"


def read_plain_csv(
    path: str | Path,
    *,
    dialogue_id: str | None = None,
    title: str | None = None,
    topic: str | None = None,
    change_goal: str | None = None,
    language: str = "en",
    notes: list[str] | None = None,
) -> Dialogue:
    """Read a plain transcript CSV (``speaker,text``, optionally ``code`` and ``subcode``).

    Without a ``code`` column every utterance is uncoded. The metadata a library dialogue needs
    comes from the arguments, with defaults: the id is the slug of the file name, the title the
    file name in words, the topic "unspecified" and the change goal "not stated" (both noted).
    Raises :class:`ValueError` for a bad ``dialogue_id`` or ``language``.
    """
    p = Path(path)
    if dialogue_id is not None and not ID_PATTERN.match(dialogue_id):
        raise ValueError(f"id '{dialogue_id}' should use only lowercase letters, digits and single hyphens")
    if language not in LANGUAGES:
        raise ValueError(f"language '{language}' is not one of {', '.join(LANGUAGES)}")
    text = read_text(p)
    parsed = parse_transcript(text, p, require_code=False)
    topic_slug = _slug(topic) if topic and topic.strip() else "unspecified"
    goal = _clean(change_goal) if change_goal and change_goal.strip() else "not stated"
    if notes is not None:
        if not any(u.code for u in parsed.utterances):
            notes.append("no utterance carries a code: the dialogue was imported uncoded")
        unset = [(flag, f"{name} '{value}'") for flag, name, value, given in
                 (("--topic", "topic", topic_slug, topic), ("--change-goal", "change goal", goal, change_goal)) if not (given and given.strip())]
        if unset:
            flags, wrote = " and no ".join(f for f, _ in unset), " and ".join(w for _, w in unset)
            notes.append(f"no {flags} given: wrote {wrote}; name {'them' if len(unset) > 1 else 'it'} (MITI codes against a named change goal) or edit the file")
    return dataclasses.replace(
        parsed,
        id=dialogue_id or parsed.id,
        title=_clean(title) if title and title.strip() else _title_from_stem(p.stem),
        topic=topic_slug,
        language=language,
        change_goal=goal,
        source_note=f"Imported from {p.name} with mi-workbook import csv",
    )


# -------------------------------------------------------------------------------- writing
def dialogue_data(d: Dialogue) -> dict[str, object]:
    """A dialogue as the library's YAML mapping, keys in the library's order."""
    data: dict[str, object] = {"id": d.id, "title": d.title, "topic": d.topic, "language": d.language}
    if d.setting:
        data["setting"] = d.setting
    data["change_goal"] = d.change_goal
    for key in ("description", "style", "pair", "source_note"):
        if getattr(d, key):
            data[key] = getattr(d, key)
    ratings = {k: v for k, v in dataclasses.asdict(d.globals).items() if v is not None}
    if ratings:
        data["globals"] = ratings
    data["utterances"] = [_utterance_data(u) for u in d.utterances]
    return data


def _utterance_data(u: Utterance) -> dict[str, object]:
    item: dict[str, object] = {"speaker": u.speaker, "text": u.text, "code": u.code}
    if u.subcode:
        item["subcode"] = u.subcode
    if u.rationale:
        item["rationale"] = u.rationale
    return item


@lru_cache(maxsize=None)
def _dumper() -> type:
    """PyYAML's safe dumper, indenting list entries under their key as the library's files do.
    The pure-Python emitter: libyaml's writes emoji as escapes."""
    import yaml

    class Dumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            return super().increase_indent(flow, False)

    return Dumper


def dialogue_yaml(d: Dialogue) -> str:
    """The text of ``<id>.yaml`` for a dialogue."""
    import yaml

    return yaml.dump(dialogue_data(d), Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)


def _check_written(text: str, target: Path) -> list[InputProblem]:
    """The problems :func:`~.loaders.load_dialogue` would find in ``text`` saved as ``target``."""
    data, lines, problems = parse(text, target)
    problems += check_document(data, lines, target, DIALOGUE)
    if not problems:
        problems += dialogue_from_data(data, lines, target)[1]
    return problems


def _targets(dialogues: list[Dialogue], out: Path, force: bool) -> list[Path]:
    """Where each dialogue goes; refuses clashes, the input files, folders and (without force)
    existing files, before anything is written."""
    if out.exists() and not out.is_dir():
        raise InputError.one(out, "is a file, not a folder; give a folder for --out")
    if not out.exists() and not out.parent.is_dir():
        raise InputError.one(out, f"cannot be created: folder {out.parent} does not exist")
    targets = [out / f"{d.id}.yaml" for d in dialogues]
    seen: set[str] = set()
    for d in dialogues:
        if d.id in seen:
            raise InputError.one(out / f"{d.id}.yaml", f"two dialogues have the id '{d.id}'")
        seen.add(d.id)
    sources = {Path(d.source).resolve() for d in dialogues if d.source}
    for target in targets:
        if target.resolve() in sources:
            raise InputError.one(target, "is the file being imported; choose another --out")
        if target.is_dir():
            raise InputError.one(target, "is a folder; it cannot be replaced by a dialogue file")
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        k = len(existing) - 1
        more = f", as do {k} more of the {len(targets)} files to write; use --force to replace them" if k else "; use --force to replace it"
        raise InputError.one(existing[0], f"already exists{more}")
    return targets


def write_dialogues(dialogues: Iterable[Dialogue], out_dir: str | Path, force: bool = False) -> list[Path]:
    """Write each dialogue to ``out_dir/<id>.yaml``; return the paths written.

    ``out_dir`` is created if its parent exists. Nothing is written if any target exists (unless
    ``force``), is a folder or is an input file, or if any dialogue would not load back. Each file
    is written to a temporary file first and then moved into place.
    """
    items = list(dialogues)
    out = Path(out_dir)
    targets = _targets(items, out, force)
    texts = [dialogue_yaml(d) for d in items]
    problems = [problem for text, target in zip(texts, targets) for problem in _check_written(text, target)]
    if problems:
        raise InputError(problems)
    out.mkdir(exist_ok=True)
    temps: list[str] = []
    try:
        for text, target in zip(texts, targets):
            fd, tmp = tempfile.mkstemp(dir=out, prefix=f".{target.name}.", suffix=".tmp")
            temps.append(tmp)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        for tmp, target in zip(temps, targets):
            os.replace(tmp, target)
    finally:
        for tmp in temps:
            Path(tmp).unlink(missing_ok=True)
    return targets
