"""The question bank (quizzes) and the free-text practice prompts, read from YAML.

A quiz file holds one topic's items (multiple choice or "pick the best response"), each option
with its own feedback. A prompts file holds client statements with model open questions and simple
and complex reflections. Schemas: ``quiz.schema.json`` and ``prompts.schema.json``; the checks the
schema cannot express (exactly one correct option, a client line for best-response items, a source
for evidence items, unique ids) are made here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputProblem
from .yamldoc import DocKind, Path_, duplicate_ids, line_for, load_document, where

QUIZ_TOPICS = ("spirit", "oars", "ambivalence", "change_talk", "miti", "evidence")


@dataclass(frozen=True)
class Option:
    """One answer option and the feedback a learner sees on choosing it."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class QuizItem:
    """One question of the bank."""

    id: str
    topic: str
    kind: str  #: "multiple_choice" or "best_response"
    question: str
    options: tuple[Option, ...]
    context: str | None = None  #: best_response: who and where
    client: str | None = None  #: best_response: what the client just said
    explanation: str | None = None
    source: str | None = None  #: the study behind a figure
    language: str = "en"

    @property
    def answer(self) -> int:
        """Index of the correct option."""
        return next(i for i, o in enumerate(self.options) if o.correct)

    def check(self, choice: int) -> Option:
        """The chosen option (its ``correct`` and ``feedback``); IndexError for a wrong index."""
        if not 0 <= choice < len(self.options):
            raise IndexError(f"item {self.id} has options 0-{len(self.options) - 1}, not {choice}")
        return self.options[choice]


@dataclass(frozen=True)
class Quiz:
    """One file of the bank: a topic's items."""

    id: str
    title: str
    topic: str
    language: str
    items: tuple[QuizItem, ...]
    description: str = ""
    source: str = ""  #: the file it came from


@dataclass(frozen=True)
class PracticePrompt:
    """A client statement to answer in free text, with model answers."""

    id: str
    topic: str
    statement: str
    open_questions: tuple[str, ...]
    simple_reflections: tuple[str, ...]
    complex_reflections: tuple[str, ...]
    context: str | None = None
    talk: str | None = None  #: change, sustain, ambivalent, neutral or discord
    note: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class PromptSet:
    """One file of practice prompts."""

    id: str
    title: str
    language: str
    prompts: tuple[PracticePrompt, ...]
    description: str = ""
    source: str = ""


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def quiz_from_data(data: dict[str, Any], lines: dict[Path_, int], path: Path) -> tuple[Quiz | None, list[InputProblem]]:
    """Build a :class:`Quiz` from a schema-checked document, with the checks the schema cannot make."""
    problems = duplicate_ids(data["items"], lines, path, "items")
    items = []
    for i, raw in enumerate(data["items"]):
        at = ("items", i)
        n_correct = sum(o["correct"] for o in raw["options"])
        if n_correct != 1:
            problems.append(InputProblem(str(path), f"has {n_correct} options marked correct: mark exactly one 'correct: true'", line_for(lines, at + ("options",)), where(at, "options")))
        if raw["kind"] == "best_response" and not raw.get("client"):
            problems.append(InputProblem(str(path), "a best_response item needs the client's words in 'client'", line_for(lines, at), where(at)))
        if data["topic"] == "evidence" and not raw.get("source"):
            problems.append(InputProblem(str(path), "an evidence item needs a 'source' naming the study", line_for(lines, at), where(at)))
        options = tuple(Option(o["text"].strip(), o["correct"], o["feedback"].strip()) for o in raw["options"])
        items.append(QuizItem(
            id=raw["id"], topic=data["topic"], kind=raw["kind"], question=raw["question"].strip(), options=options,
            context=_strip(raw.get("context")), client=_strip(raw.get("client")), explanation=_strip(raw.get("explanation")),
            source=_strip(raw.get("source")), language=data["language"],
        ))
    if problems:
        return None, problems
    return Quiz(data["id"], data["title"].strip(), data["topic"], data["language"], tuple(items), (data.get("description") or "").strip(), str(path)), []


def prompts_from_data(data: dict[str, Any], lines: dict[Path_, int], path: Path) -> tuple[PromptSet | None, list[InputProblem]]:
    """Build a :class:`PromptSet` from a schema-checked document."""
    problems = duplicate_ids(data["prompts"], lines, path, "prompts")
    if problems:
        return None, problems
    prompts = tuple(
        PracticePrompt(
            id=raw["id"], topic=raw["topic"], statement=raw["statement"].strip(),
            open_questions=tuple(a.strip() for a in raw["open_questions"]),
            simple_reflections=tuple(a.strip() for a in raw["simple_reflections"]),
            complex_reflections=tuple(a.strip() for a in raw["complex_reflections"]),
            context=_strip(raw.get("context")), talk=raw.get("talk"), note=_strip(raw.get("note")), language=data["language"],
        )
        for raw in data["prompts"]
    )
    return PromptSet(data["id"], data["title"].strip(), data["language"], prompts, (data.get("description") or "").strip(), str(path)), []


QUIZ = DocKind("quiz", "items", "one quiz: a mapping with id, title, language, topic and items")
PROMPTS = DocKind("prompts", "prompts", "practice prompts: a mapping with id, title, language and prompts")


def load_quiz(path: str | Path) -> Quiz:
    """Load one quiz file; raise :class:`InputError` listing every problem."""
    return load_document(Path(path), QUIZ, quiz_from_data)


def load_prompts(path: str | Path) -> PromptSet:
    """Load one practice-prompts file; raise :class:`InputError` listing every problem."""
    return load_document(Path(path), PROMPTS, prompts_from_data)
