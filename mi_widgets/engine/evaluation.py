"""How well the classifier agrees with gold codes: accuracy, per-code recall and precision, F1.

Used by the accuracy tests and by ``benchmarks/bench_classifier.py``. The three-way view groups
codes the way published coders of therapist behaviour do: question, reflection, other.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .classifier import Classification, classify


@dataclass(frozen=True)
class Example:
    """One gold-coded counsellor utterance."""

    text: str
    code: str | None
    question_type: str | None = None
    context: str | None = None
    source: str = ""


def three_way(code: str | None) -> str:
    """question, reflection or other (every other code, and uncoded)."""
    return {"Q": "question", "SR": "reflection", "CR": "reflection"}.get(code or "", "other")


@dataclass
class Evaluation:
    """Agreement between predictions and gold codes."""

    n: int = 0
    confusion: Counter = field(default_factory=Counter)  #: (gold, predicted) -> count, codes ("-" = uncoded)
    three_way_confusion: Counter = field(default_factory=Counter)
    open_closed: Counter = field(default_factory=Counter)  #: (gold, predicted) over gold Q predicted Q
    misses: list[tuple[Example, Classification]] = field(default_factory=list)

    def _acc(self, confusion: Counter) -> float:
        total = sum(confusion.values())
        return sum(n for (g, p), n in confusion.items() if g == p) / total if total else 0.0

    @property
    def accuracy(self) -> float:
        return self._acc(self.confusion)

    @property
    def three_way_accuracy(self) -> float:
        return self._acc(self.three_way_confusion)

    @property
    def open_closed_accuracy(self) -> float:
        return self._acc(self.open_closed)

    @staticmethod
    def _per_class(confusion: Counter) -> dict[str, dict[str, float]]:
        labels = sorted({g for g, _ in confusion} | {p for _, p in confusion})
        out = {}
        for c in labels:
            tp = confusion[(c, c)]
            gold = sum(n for (g, _), n in confusion.items() if g == c)
            pred = sum(n for (_, p), n in confusion.items() if p == c)
            recall = tp / gold if gold else 0.0
            precision = tp / pred if pred else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[c] = {"n": gold, "recall": recall, "precision": precision, "f1": f1}
        return out

    def per_code(self) -> dict[str, dict[str, float]]:
        return self._per_class(self.confusion)

    def per_three_way(self) -> dict[str, dict[str, float]]:
        return self._per_class(self.three_way_confusion)

    @property
    def three_way_macro_f1(self) -> float:
        per = [v["f1"] for v in self.per_three_way().values() if v["n"]]
        return sum(per) / len(per) if per else 0.0

    def recall(self, code: str) -> float:
        return self.per_code().get(code, {"recall": 0.0})["recall"]


def evaluate(examples: Iterable[Example], language: str = "en") -> Evaluation:
    """Classify every example and tally agreement with its gold code."""
    ev = Evaluation()
    for ex in examples:
        got = classify(ex.text, ex.context, language)
        gold, pred = ex.code or "-", got.code or "-"
        ev.n += 1
        ev.confusion[(gold, pred)] += 1
        ev.three_way_confusion[(three_way(ex.code), three_way(got.code))] += 1
        if ex.code == "Q" and got.code == "Q" and ex.question_type:
            ev.open_closed[(ex.question_type, got.question_type)] += 1
        if gold != pred or (ex.code == "Q" and got.code == "Q" and ex.question_type != got.question_type):
            ev.misses.append((ex, got))
    return ev


def read_examples(path: str | Path) -> list[Example]:
    """A CSV with columns text, code, question_type and optionally context (the held-out format)."""
    p = Path(path)
    with p.open(encoding="utf-8", newline="") as fh:
        return [
            Example(row["text"], row["code"].strip() or None, (row.get("question_type") or "").strip() or None, (row.get("context") or "").strip() or None, f"{p.name}:{i}")
            for i, row in enumerate(csv.DictReader(fh), start=2)
        ]


def library_examples() -> list[Example]:
    """The bundled dialogues' counsellor utterances, with the client line before each."""
    from .loaders import load_folder

    out = []
    for d in load_folder()[0]:
        previous = None
        for i, u in enumerate(d.utterances, start=1):
            if u.speaker == "client":
                previous = u.text
            else:
                out.append(Example(u.text, u.code, u.subcode, previous, f"{d.id}#{i}"))
    return out


def prompt_examples() -> list[Example]:
    """The practice prompts' model answers: open questions, simple and complex reflections."""
    from .library import practice_prompts

    out = []
    for p in practice_prompts():
        for kind, code, qtype in (("open_questions", "Q", "open"), ("simple_reflections", "SR", None), ("complex_reflections", "CR", None)):
            for j, text in enumerate(getattr(p, kind), start=1):
                out.append(Example(text, code, qtype, p.statement, f"{p.id}:{kind}:{j}"))
    return out
