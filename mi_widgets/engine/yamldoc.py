"""YAML documents checked against a JSON schema, with a line number for every problem.

Shared by the dialogue, quiz and practice-prompt loaders. Each document kind has a schema file
beside this module (``<kind>.schema.json``) with one top-level list (utterances, items, prompts);
the entries of that list are validated one by one so a file with five bad entries gets five
messages, not one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import InputError, InputProblem
from .textio import read_text

Path_ = tuple  #: a location inside a document: keys and list indexes, e.g. ("items", 3, "options", 1)

@dataclass(frozen=True)
class DocKind:
    """One kind of library document: its schema (``<schema>.schema.json``), its list of entries,
    and what a file of this kind should hold (said when a file is not a mapping at all)."""

    schema: str
    list_key: str
    what: str


# How a list entry is named in messages: ("utterances", 6) -> "utterance 7".
ENTRY_NAMES = {"utterances": "utterance", "items": "item", "prompts": "prompt", "options": "option"}


def parse(text: str, path: Path) -> tuple[Any, dict[Path_, int], list[InputProblem]]:
    """Parse YAML once: ``(data, line of every key and list entry, duplicate-key problems)``."""
    import yaml

    lines: dict[Path_, int] = {}
    problems: list[InputProblem] = []
    # libyaml's C parser, where PyYAML was built with it, is ~10x faster than the pure-Python one
    # and gives the same nodes and marks.
    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = safe_loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError.one(path, f"not valid YAML: {what}", line=mark.line + 1 if mark else None) from None

    def walk(n: Any, at: Path_) -> None:
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in n.value:
                key = key_node.value
                lines[at + (key,)] = key_node.start_mark.line + 1
                if key in seen:
                    problems.append(InputProblem(str(path), f"field '{key}' appears twice", key_node.start_mark.line + 1, where(at)))
                seen.add(key)
                walk(value_node, at + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[at + (i,)] = item.start_mark.line + 1
                walk(item, at + (i,))

    if node is not None:
        walk(node, ())
    return data, lines, problems


def where(at: Iterable[Any], field: str | None = None) -> str | None:
    """A readable place: ``("items", 2, "options", 0, "feedback")`` -> "item 3, option 1, field 'feedback'"."""
    parts: list[str] = []
    names: list[str] = []
    at = tuple(at)
    i = 0
    while i < len(at):
        key = at[i]
        nxt = at[i + 1] if i + 1 < len(at) else None
        if isinstance(key, str) and isinstance(nxt, int) and key in ENTRY_NAMES:
            parts.append(f"{ENTRY_NAMES[key]} {nxt + 1}")
            names = []
            i += 2
            continue
        if not isinstance(key, int):
            names.append(str(key))
        i += 1
    if field:
        names.append(field)
    if names:
        parts.append(f"field '{'.'.join(names)}'")
    return ", ".join(parts) or None


def line_for(lines: dict[Path_, int], at: Path_) -> int | None:
    """The line of ``at``, or of the nearest enclosing key or entry."""
    while at:
        if at in lines:
            return lines[at]
        at = at[:-1]
    return None


@lru_cache(maxsize=None)
def _validators(schema_name: str, list_key: str) -> tuple[Any, Any]:
    """Compiled validators for the document (its list left open) and for one list entry.

    fastjsonschema (already a dependency of nbformat) compiles a schema to plain Python; it imports
    in ~20 ms where jsonschema's eager format checkers can take seconds. It stops at the first
    error, hence one validator per entry.
    """
    import fastjsonschema

    schema = json.loads(Path(__file__).with_name(f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    entry = dict(schema["properties"][list_key]["items"], **{"$defs": schema.get("$defs", {})})
    top = json.loads(json.dumps(schema))
    top["properties"][list_key] = {"type": "array", "minItems": 1}
    return fastjsonschema.compile(top), fastjsonschema.compile(entry)


def schema_problems(data: dict[str, Any], lines: dict[Path_, int], path: Path, kind: DocKind) -> list[InputProblem]:
    """Every schema problem in ``data``: one for the document, then at most one per list entry."""
    import fastjsonschema

    list_key = kind.list_key
    top, entry = _validators(kind.schema, list_key)
    checks: list[tuple[Path_, Any, Any]] = [((), top, data)]
    if isinstance(data.get(list_key), list):
        checks += [((list_key, i), entry, value) for i, value in enumerate(data[list_key])]
    problems: list[InputProblem] = []
    for prefix, validate, value in checks:
        try:
            validate(value)
        except fastjsonschema.JsonSchemaValueException as err:
            message, key = _message(err, list_key)
            at = prefix + tuple(int(x) if isinstance(x, str) and x.isdigit() else x for x in err.path[1:])
            field = at[-1] if at and isinstance(at[-1], str) else None
            owner = at[:-1] if field else at
            line_at = at + (key,) if key else at  # point at the offending key itself
            problems.append(InputProblem(str(path), message, line_for(lines, line_at), where(owner, field)))
    return problems


def describe(value: Any) -> str:
    """A value as a user would name it in a message."""
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


def _message(err: Any, list_key: str) -> tuple[str, str | None]:
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
        return f"{describe(value)} is not allowed (choose from {', '.join(map(str, expected))})", None
    own = (err.definition or {}).get("x-message")  # a schema definition may word its own message
    if own and rule in ("type", "minimum", "maximum", "enum", "pattern"):
        return f"{own}, got {describe(value)}", None
    if rule == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        words = {"string": "text", "object": "a mapping", "array": "a list", "integer": "a whole number", "boolean": "true or false", "null": "null"}
        return f"should be {' or '.join(words.get(e, e) for e in wanted)}, got {describe(value)}", None
    if rule == "pattern":
        return f"{describe(value)} should use only lowercase letters, digits and single hyphens", None
    if rule == "minLength":
        return "is empty", None
    if rule == "minItems":
        if err.name.split(".")[-1] == list_key:
            return f"needs at least one {ENTRY_NAMES.get(list_key, 'entry')}", None
        return f"needs at least {expected} entries, has {len(value)}", None
    if rule == "maxItems":
        return f"has {len(value)} entries, at most {expected} allowed", None
    return err.message, None


def check_document(data: Any, lines: dict[Path_, int], path: Path, kind: DocKind) -> list[InputProblem]:
    """Schema problems of a parsed document, and an id that differs from the file name.

    A translated quiz, prompt file or balance set keeps the id of what it translates and adds its
    language to the file name: ``spirit.da.yaml`` holds quiz ``spirit`` in Danish. Dialogues are
    not translations: each has its own id and file name.
    """
    if not isinstance(data, dict):
        return [InputProblem(str(path), f"should hold {kind.what}", 1)]
    problems = schema_problems(data, lines, path, kind)
    if problems:
        return problems
    id_ = data["id"]
    lang = None if kind.list_key == "utterances" else data.get("language")
    if path.stem not in (id_, f"{id_}.{lang}"):
        name = f"{id_}.yaml" if lang in (None, "en") else f"{id_}.yaml or {id_}.{lang}.yaml"
        problems.append(InputProblem(str(path), f"id '{id_}' does not match the file name (name the file {name})", line_for(lines, ("id",)), "field 'id'"))
    return problems


def read_document(path: Path, kind: DocKind) -> tuple[dict[str, Any] | None, dict[Path_, int], list[InputProblem]]:
    """Read, parse and check one YAML document: ``(data or None, lines, problems)``."""
    data, lines, problems = parse(read_text(path), path)
    problems += check_document(data, lines, path, kind)
    return (None if problems else data), lines, problems


Build = Callable[[dict[str, Any], dict[Path_, int], Path], tuple[Any, list[InputProblem]]]


def load_document(path: Path, kind: DocKind, build: Build) -> Any:
    """Read, check and build one document; raise :class:`InputError` listing every problem.
    ``build(data, lines, path)`` makes the object and the checks the schema cannot express."""
    data, lines, problems = read_document(path, kind)
    built, more = build(data, lines, path) if data is not None else (None, [])
    if problems or more or built is None:
        raise InputError(problems + more)
    return built


def duplicate_ids(entries: list[dict[str, Any]], lines: dict[Path_, int], path: Path, list_key: str) -> list[InputProblem]:
    """A problem for each entry whose ``id`` was used by an earlier entry of the same list."""
    seen: dict[str, int] = {}
    problems = []
    for i, entry in enumerate(entries):
        if entry["id"] in seen:
            problems.append(InputProblem(str(path), f"id '{entry['id']}' is used again (first by {ENTRY_NAMES[list_key]} {seen[entry['id']] + 1})", line_for(lines, (list_key, i, "id")), where((list_key, i), "id")))
        seen.setdefault(entry["id"], i)
    return problems
