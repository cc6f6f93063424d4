"""Reading dialogues (YAML) and coded transcripts (CSV) into :class:`~.model.Dialogue`.

Every problem becomes an :class:`~.errors.InputError` that names the file, the line where there is
one, and what is wrong. Nothing here writes to the files it reads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .codes import CodeError, Speaker, resolve_code, resolve_subcode
from .errors import InputError, InputProblem
from .model import GLOBAL_KEYS, Dialogue, GlobalRatings, Utterance

MAX_BYTES = 20 * 1024 * 1024  #: larger files are refused with a message, not read
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


# --------------------------------------------------------------------------- reading bytes safely
def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a text file safely.

    Refuses a missing, empty, oversized or binary file with one clear message. Decodes UTF-8 (with
    or without BOM) or UTF-16 with a BOM, falling back to Windows-1252, which is what Danish and
    Norwegian spreadsheets export.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError.one(p, "is a folder, not a file")
        if size > max_bytes:
            raise InputError.one(p, f"file is too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError.one(p, "no such file") from None
    except PermissionError:
        raise InputError.one(p, "permission denied: the file cannot be read") from None
    except OSError as exc:
        raise InputError.one(p, f"cannot be read ({exc.strerror or exc})") from None
    return decode_bytes(data, p)


def decode_bytes(data: bytes, path: str | Path = "<upload>") -> str:
    """Decode an uploaded or read file, with the same checks as :func:`read_text`."""
    if not data.strip():
        raise InputError.one(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.one(path, "starts with a UTF-16 mark but is not valid UTF-16 text") from None
    if data.startswith(b"PK\x03\x04"):
        raise InputError.one(path, "is a ZIP or Excel workbook, not text: save it from the spreadsheet as CSV first")
    if b"\x00" in data[:8192]:
        raise InputError.one(path, "is a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError.one(path, "is neither UTF-8 nor Windows-1252 text", line=line) from None


# --------------------------------------------------------------------------------------- YAML
@lru_cache(maxsize=1)
def _schema_validators() -> tuple[Any, Any]:
    """Compiled validators for the dialogue (utterances left open) and for one utterance.

    fastjsonschema (already a dependency of nbformat) compiles the schema to plain Python; it
    imports in ~20 ms where jsonschema's eager format checkers can take seconds. It stops at the
    first error, so utterances are checked one by one to report a problem for each.
    """
    import fastjsonschema

    schema = json.loads(Path(__file__).with_name("dialogue.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["utterances"]["items"]
    top = json.loads(json.dumps(schema))
    top["properties"]["utterances"] = {"type": "array", "minItems": 1}
    return fastjsonschema.compile(top), fastjsonschema.compile(item)


def _schema_problems(data: dict[str, Any]) -> list[tuple[tuple, str, str | None]]:
    """(path, message, offending key) for the dialogue, then for each utterance."""
    import fastjsonschema

    top, item = _schema_validators()
    found: list[tuple[tuple, str, str | None]] = []
    checks: list[tuple[tuple, Any, Any]] = [((), top, data)]
    if isinstance(data.get("utterances"), list):
        checks += [(("utterances", i), item, u) for i, u in enumerate(data["utterances"])]
    for prefix, validate, value in checks:
        try:
            validate(value)
        except fastjsonschema.JsonSchemaValueException as err:
            message, key = _schema_message(err)
            found.append((prefix + tuple(err.path[1:]), message, key))
    return found


def _parse_yaml(text: str, path: Path) -> tuple[Any, dict[tuple, int], list[InputProblem]]:
    """Parse YAML once, keeping the line of every key and list item."""
    import yaml

    lines: dict[tuple, int] = {}
    problems: list[InputProblem] = []
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError.one(path, f"not valid YAML: {what}", line=mark.line + 1 if mark else None) from None

    def walk(n: Any, at: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in n.value:
                key = key_node.value
                lines[at + (key,)] = key_node.start_mark.line + 1
                if key in seen:
                    problems.append(InputProblem(str(path), f"field '{key}' appears twice", key_node.start_mark.line + 1, _where(at)))
                seen.add(key)
                walk(value_node, at + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[at + (i,)] = item.start_mark.line + 1
                walk(item, at + (i,))

    if node is not None:
        walk(node, ())
    return data, lines, problems


def _where(at: Iterable[Any], field: str | None = None) -> str | None:
    at = tuple(at)
    parts = []
    if len(at) >= 2 and at[0] == "utterances" and isinstance(at[1], int):
        parts.append(f"utterance {at[1] + 1}")
        rest = at[2:]
    else:
        rest = at
    names = [str(x) for x in rest if not isinstance(x, int)]
    if field:
        names.append(field)
    if names:
        parts.append(f"field '{'.'.join(names)}'")
    return ", ".join(parts) or None


def _line_for(lines: dict[tuple, int], at: tuple) -> int | None:
    while at:
        if at in lines:
            return lines[at]
        at = at[:-1]
    return None


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _schema_message(err: Any) -> tuple[str, str | None]:
    """A plain-language message for one schema error, and the key it is about (for its line)."""
    rule, expected, value = err.rule, err.rule_definition, err.value
    if rule == "required":
        missing = [k for k in expected if k not in value]
        hint = " (write 'code: null' for an uncoded utterance)" if missing[:1] == ["code"] else ""
        return f"missing field{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}{hint}", None
    if rule == "additionalProperties":
        allowed = list((err.definition or {}).get("properties", {}))
        extra = [k for k in value if k not in allowed]
        return f"unknown field{'s' if len(extra) > 1 else ''} {', '.join(repr(e) for e in extra)} (allowed: {', '.join(allowed)})", extra[0] if extra else None
    if rule == "enum":
        return f"{_describe(value)} is not allowed (choose from {', '.join(map(str, expected))})", None
    if rule in ("minimum", "maximum") or (rule == "type" and expected == "integer"):
        return f"a global rating must be a whole number from 1 to 5, got {_describe(value)}", None
    if rule == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        words = {"string": "text", "object": "a mapping", "array": "a list", "integer": "a whole number", "null": "null"}
        return f"should be {' or '.join(words.get(e, e) for e in wanted)}, got {_describe(value)}", None
    if rule == "pattern":
        return f"{_describe(value)} should use only lowercase letters, digits and single hyphens", None
    if rule == "minLength":
        return "is empty", None
    if rule == "minItems":
        return "needs at least one utterance", None
    return err.message, None


def _yaml_to_dialogue(data: dict[str, Any], lines: dict[tuple, int], path: Path) -> tuple[Dialogue | None, list[InputProblem]]:
    problems: list[InputProblem] = []
    utterances: list[Utterance] = []
    for i, raw in enumerate(data["utterances"]):
        at = ("utterances", i)
        speaker: Speaker = raw["speaker"]
        try:
            code, subcode = _resolve_codes(speaker, raw.get("code"), raw.get("subcode"))
        except CodeError as exc:
            field = exc.field  # type: ignore[attr-defined]
            problems.append(InputProblem(str(path), str(exc), _line_for(lines, at + (field,)), _where(at, field)))
            continue
        rationale = raw.get("rationale")
        utterances.append(Utterance(speaker, raw["text"].strip(), code, subcode, rationale.strip() if rationale else None, _line_for(lines, at)))
    if data["id"] != path.stem:
        problems.append(InputProblem(str(path), f"id '{data['id']}' does not match the file name (name the file {data['id']}.yaml)", _line_for(lines, ("id",)), "field 'id'"))
    if data.get("pair") == data["id"]:
        problems.append(InputProblem(str(path), "a dialogue cannot be its own pair", _line_for(lines, ("pair",)), "field 'pair'"))
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
        ),
        [],
    )


def check_dialogue_yaml(path: str | Path) -> tuple[Dialogue | None, list[InputProblem]]:
    """Load a YAML dialogue and collect every problem in it (not just the first)."""
    p = Path(path)
    text = read_text(p)
    data, lines, problems = _parse_yaml(text, p)
    if not isinstance(data, dict):
        return None, problems + [InputProblem(str(p), "should hold one dialogue: a mapping with id, title, topic, language, change_goal and utterances", 1)]
    for at, message, key in _schema_problems(data):
        field = at[-1] if at and isinstance(at[-1], str) else None
        owner = at[:-1] if field else at
        line_at = at + (key,) if key else at  # point at the offending key itself
        problems.append(InputProblem(str(p), message, _line_for(lines, line_at), _where(owner, field)))
    if problems:
        return None, problems
    return _yaml_to_dialogue(data, lines, p)


def load_dialogue(path: str | Path) -> Dialogue:
    """Load one YAML dialogue; raise :class:`InputError` listing every problem."""
    dialogue, problems = check_dialogue_yaml(path)
    if problems or dialogue is None:
        raise InputError(problems)
    return dialogue


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


def parse_transcript(text: str, path: str | Path = "<upload>") -> Dialogue:
    """Parse the text of a coded transcript CSV (see the module's README for the columns)."""
    p = Path(path)
    delimiter = _detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: list[str] | None = None
    header_line = 0
    utterances: list[Utterance] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError.one(p, f"malformed CSV ({exc}); is a quote left open?", line=start) from None
        if not any(cell.strip() for cell in row):
            continue  # blank lines and spreadsheet padding
        if header is None:
            header = [c.strip().lstrip("\ufeff").lower() for c in row]
            header_line = start
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                names = ", ".join(f"'{m}'" for m in missing)
                shown = ", ".join(h for h in header if h) or "nothing"
                raise InputError.one(p, f"missing column {names} (the header has: {shown})", line=start)
            col = {name: header.index(name) for name in REQUIRED_COLUMNS}
            col_sub = header.index("subcode") if "subcode" in header else None
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            sep = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
            raise InputError.one(p, f"{len(row)} fields where the header has {len(header)}: is there a {sep} inside a text that is not in quotes?", line=start)
        cells = row + [""] * (len(header) - len(row))
        raw_speaker = cells[col["speaker"]].strip()
        speaker = SPEAKER_ALIASES.get(raw_speaker.lower())
        if speaker is None:
            raise InputError.one(p, f"unknown speaker '{raw_speaker}' (use counselor or client)" if raw_speaker else "empty speaker (use counselor or client)", line=start)
        utterance_text = cells[col["text"]].strip()
        if not utterance_text:
            raise InputError.one(p, "empty text", line=start)
        try:
            code, subcode = _resolve_codes(speaker, cells[col["code"]], cells[col_sub] if col_sub is not None else None)
        except CodeError as exc:
            raise InputError.one(p, str(exc), line=start) from None
        utterances.append(Utterance(speaker, utterance_text, code, subcode, None, start))
    if header is None:
        raise InputError.one(p, "the file is empty")
    if not utterances:
        raise InputError.one(p, "has a header but no utterances", line=header_line)
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
    raise InputError.one(p, f"unsupported file type '{suffix or p.name}' (use a .yaml dialogue or a .csv transcript)")


def dialogue_files(folder: str | Path) -> list[Path]:
    """The YAML dialogue files in a folder and its subfolders, sorted."""
    root = Path(folder)
    return sorted(f for f in root.rglob("*") if f.suffix.lower() in YAML_SUFFIXES and f.is_file())


def check_paths(paths: Iterable[str | Path]) -> tuple[list[Dialogue], list[InputProblem], int]:
    """Validate files and folders: ``(dialogues, problems, files_checked)``.

    Besides each file on its own, checks that ids are unique and that every ``pair`` names a
    dialogue that names it back.
    """
    dialogues: list[Dialogue] = []
    problems: list[InputProblem] = []
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            found = dialogue_files(p)
            if not found:
                problems.append(InputProblem(str(p), "holds no .yaml dialogue files"))
            files.extend(found)
        else:
            files.append(p)
    for f in files:
        try:
            if f.suffix.lower() in YAML_SUFFIXES:
                d, found_problems = check_dialogue_yaml(f)
                problems.extend(found_problems)
            else:
                d = load(f)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if d is not None:
            dialogues.append(d)
    problems.extend(_cross_check(dialogues))
    return dialogues, problems, len(files)


def _cross_check(dialogues: list[Dialogue]) -> list[InputProblem]:
    problems: list[InputProblem] = []
    by_id: dict[str, Dialogue] = {}
    for d in dialogues:
        if d.source.endswith(CSV_SUFFIXES):
            continue
        if d.id in by_id:
            problems.append(InputProblem(d.source, f"id '{d.id}' is used again (first in {by_id[d.id].source})"))
        by_id.setdefault(d.id, d)
    for d in by_id.values():
        if d.pair is None:
            continue
        twin = by_id.get(d.pair)
        if twin is None:
            problems.append(InputProblem(d.source, f"pair '{d.pair}' names no dialogue among those checked", where="field 'pair'"))
        elif twin.pair != d.id:
            problems.append(InputProblem(d.source, f"pair '{d.pair}' does not name '{d.id}' back as its pair", where="field 'pair'"))
    return problems


def load_folder(folder: str | Path | None = None) -> tuple[list[Dialogue], list[InputProblem]]:
    """All dialogues in a folder (default: the bundled library) and the problems found."""
    if folder is None:
        from .library import dialogues_dir

        folder = dialogues_dir()
    dialogues, problems, _ = check_paths([folder])
    return dialogues, problems
