"""Checking files and folders of library material: dialogues, quizzes, practice prompts, transcripts.

``mi-workbook validate`` is a thin wrapper round :func:`check_paths`. A YAML file's kind is read
from its content (a list of ``utterances``, ``items`` or ``prompts``), so instructors can keep their
own files wherever they like. Across files it checks that ids are unique (dialogue ids, quiz item
ids, prompt ids) and that every dialogue's ``pair`` names a dialogue that names it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .ambivalence import BALANCE, BalanceSet, balance_from_data
from .bank import PROMPTS, QUIZ, PromptSet, Quiz, prompts_from_data, quiz_from_data
from .errors import InputError, InputProblem
from .loaders import CSV_SUFFIXES, DIALOGUE, YAML_SUFFIXES, dialogue_from_data, load
from .model import Dialogue
from .textio import read_text
from .yamldoc import DocKind, check_document, parse

# A YAML file that is none of the three is reported as a broken dialogue, with a message naming all three.
ANY_KIND = DocKind(DIALOGUE.schema, DIALOGUE.list_key, "one dialogue (a mapping with id, title, topic, language, change_goal and utterances), quiz (items) or prompts file (prompts)")


@dataclass
class Checked:
    """What :func:`check_paths` found."""

    dialogues: list[Dialogue] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    prompt_sets: list[PromptSet] = field(default_factory=list)
    balance_sets: list[BalanceSet] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    n_files: int = 0

    def summary(self) -> str:
        """E.g. "16 dialogues (480 utterances), 6 quizzes (87 items), 1 prompt file (36 prompts)"."""
        parts = []
        if self.dialogues or not (self.quizzes or self.prompt_sets or self.balance_sets):
            n = sum(len(d.utterances) for d in self.dialogues)
            parts.append(f"{len(self.dialogues)} dialogue{'s' * (len(self.dialogues) != 1)} ({n} utterances)")
        if self.quizzes:
            n = sum(len(q.items) for q in self.quizzes)
            parts.append(f"{len(self.quizzes)} quiz{'zes' * (len(self.quizzes) != 1)} ({n} items)")
        if self.prompt_sets:
            n = sum(len(s.prompts) for s in self.prompt_sets)
            parts.append(f"{len(self.prompt_sets)} prompt file{'s' * (len(self.prompt_sets) != 1)} ({n} prompts)")
        if self.balance_sets:
            n = sum(len(s.statements) for s in self.balance_sets)
            parts.append(f"{len(self.balance_sets)} balance set{'s' * (len(self.balance_sets) != 1)} ({n} statements)")
        return ", ".join(parts)


def library_files(folder: str | Path) -> list[Path]:
    """The YAML files in a folder and its subfolders, sorted."""
    root = Path(folder)
    return sorted(f for f in root.rglob("*") if f.suffix.lower() in YAML_SUFFIXES and f.is_file())


def kind_of(data: Any) -> str:
    """'quiz', 'prompts', 'balance' or 'dialogue' (the default, so its messages explain a broken file)."""
    if isinstance(data, dict):
        if "items" in data and "utterances" not in data:
            return "quiz"
        if "prompts" in data and "utterances" not in data:
            return "prompts"
        if "statements" in data and "utterances" not in data:
            return "balance"
    return "dialogue"


def _check_yaml(path: Path, checked: Checked) -> None:
    data, lines, problems = parse(read_text(path), path)
    kind = kind_of(data)
    doc_kind, build, found = {
        "dialogue": (ANY_KIND, dialogue_from_data, checked.dialogues),
        "quiz": (QUIZ, quiz_from_data, checked.quizzes),
        "prompts": (PROMPTS, prompts_from_data, checked.prompt_sets),
        "balance": (BALANCE, balance_from_data, checked.balance_sets),
    }[kind]
    problems += check_document(data, lines, path, doc_kind)
    checked.problems.extend(problems)
    if problems:
        return
    built, more = build(data, lines, path)
    checked.problems.extend(more)
    if built is not None:
        found.append(built)


def check_paths(paths: Iterable[str | Path]) -> Checked:
    """Validate files and folders; every problem found, not just the first."""
    checked = Checked()
    files: list[Path] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            checked.problems.append(InputProblem(str(p), "no such file or folder"))
            checked.n_files += 1
        elif p.is_dir():
            found = library_files(p)
            if not found:
                checked.problems.append(InputProblem(str(p), "holds no .yaml files"))
            files.extend(found)
        else:
            files.append(p)
    checked.n_files += len(files)
    for f in files:
        try:
            if f.suffix.lower() in YAML_SUFFIXES:
                _check_yaml(f, checked)
            else:
                checked.dialogues.append(load(f))
        except InputError as exc:
            checked.problems.extend(exc.problems)
    checked.problems.extend(_cross_check(checked))
    return checked


def _unique(things: Iterable[tuple[str, ...]], what: str) -> list[InputProblem]:
    """A problem for each (id, source[, language]) whose id came earlier, in the same language, from another place."""
    first: dict[tuple[str, ...], str] = {}
    problems = []
    for id_, source, *lang in things:
        key = (id_, *lang)
        if key in first:
            problems.append(InputProblem(source, f"{what} id '{id_}' is used again (first in {first[key]})"))
        first.setdefault(key, source)
    return problems


def _cross_check(checked: Checked) -> list[InputProblem]:
    yaml_dialogues = [d for d in checked.dialogues if not d.source.endswith(CSV_SUFFIXES)]
    problems = _unique(((d.id, d.source) for d in yaml_dialogues), "dialogue")
    # A translation keeps the id of what it translates: quiz, item, prompt and balance ids are
    # unique within one language.
    problems += _unique(((q.id, q.source, q.language) for q in checked.quizzes), "quiz")
    problems += _unique(((i.id, q.source, q.language) for q in checked.quizzes for i in q.items), "quiz item")
    problems += _unique(((s.id, s.source, s.language) for s in checked.prompt_sets), "prompt file")
    problems += _unique(((p.id, s.source, s.language) for s in checked.prompt_sets for p in s.prompts), "prompt")
    problems += _unique(((s.id, s.source, s.language) for s in checked.balance_sets), "balance set")
    by_id: dict[str, Dialogue] = {}
    for d in yaml_dialogues:
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
