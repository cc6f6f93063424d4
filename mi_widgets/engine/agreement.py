"""Learner codes against gold codes: agreement, Cohen's kappa, precision/recall, confusions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from .codes import CodeError, resolve_code, resolve_subcode
from .model import Dialogue, Utterance

UNCODED = "uncoded"  #: the label used for "no code" in tables


@dataclass(frozen=True)
class ItemResult:
    """One utterance the learner coded."""

    index: int  #: 0-based position in the dialogue
    text: str
    gold: str  #: gold label, e.g. "SR" or "Q:open", or "uncoded"
    learner: str
    correct: bool
    rationale: str | None


@dataclass(frozen=True)
class CodeStats:
    code: str
    precision: float | None  #: None when the learner never used the code
    recall: float | None  #: None when the gold never has the code
    support: int  #: how often the gold has it


@dataclass
class Agreement:
    """Everything a learner needs to see after pressing Check."""

    items: list[ItemResult]
    n_unanswered: int
    percent_agreement: float | None  #: 0-100 over answered utterances; None when none answered
    kappa: float | None  #: None where undefined (nothing answered, or one category only)
    per_code: dict[str, CodeStats] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)  #: gold -> learner -> n

    @property
    def n_answered(self) -> int:
        return len(self.items)

    @property
    def n_correct(self) -> int:
        return sum(i.correct for i in self.items)

    def mix_ups(self) -> list[tuple[str, str, int]]:
        """(gold, learner, n) for every wrong pairing, most frequent first, e.g. ('CR', 'SR', 3)."""
        pairs = [(g, l, n) for g, row in self.confusion.items() for l, n in row.items() if g != l and n]
        return sorted(pairs, key=lambda t: (-t[2], t[0], t[1]))

    def confusion_frame(self):  # -> pandas.DataFrame, imported on demand
        import pandas as pd

        labels = sorted(set(self.confusion) | {l for row in self.confusion.values() for l in row})
        return pd.DataFrame(
            [[self.confusion.get(g, {}).get(l, 0) for l in labels] for g in labels],
            index=pd.Index(labels, name="gold"),
            columns=pd.Index(labels, name="learner"),
        )


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """Cohen's kappa for two equally long label sequences; None where it is undefined."""
    if len(a) != len(b):
        raise ValueError("both raters must code the same utterances")
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if expected >= 1.0:
        return None  # both raters used one and the same category throughout
    return (observed - expected) / (1.0 - expected)


def label_of(u: Utterance, with_subcodes: bool = False) -> str:
    """The label an utterance is compared by."""
    if u.code is None:
        return UNCODED
    return u.label if with_subcodes and u.subcode else u.code


def normalise_answer(value: object, speaker, with_subcodes: bool = False, subcode: object = None) -> str:
    """Turn a learner's typed or picked answer into a comparable label (raises CodeError)."""
    code, implied = resolve_code(value, speaker)
    if code is None:
        return UNCODED
    sub = resolve_subcode(code, subcode) or implied
    return f"{code}:{sub}" if with_subcodes and sub else code


def score_answers(
    dialogue: Dialogue,
    answers: Mapping[int, str],
    with_subcodes: bool = False,
) -> Agreement:
    """Score a learner's answers against the gold codes of ``dialogue``.

    ``answers`` maps 0-based utterance positions to labels as :func:`normalise_answer` gives them
    ("SR", "Q:open", "uncoded", ...). Positions the learner left out count as unanswered, not wrong.
    """
    items: list[ItemResult] = []
    for index, given in sorted(answers.items()):
        if not 0 <= index < len(dialogue.utterances):
            raise IndexError(f"no utterance {index + 1} in dialogue '{dialogue.id}'")
        u = dialogue.utterances[index]
        gold = label_of(u, with_subcodes)
        items.append(ItemResult(index, u.text, gold, given, given == gold, u.rationale))
    return _summarise(items, n_unanswered=0)


def compare(gold: Sequence[str], learner: Sequence[str | None], rationales: Sequence[str | None] | None = None) -> Agreement:
    """Score two parallel label lists; ``None`` in ``learner`` means unanswered."""
    if len(gold) != len(learner):
        raise ValueError("gold and learner lists differ in length")
    items = [
        ItemResult(i, "", g, l, g == l, rationales[i] if rationales else None)
        for i, (g, l) in enumerate(zip(gold, learner))
        if l is not None
    ]
    return _summarise(items, n_unanswered=sum(l is None for l in learner))


def _summarise(items: list[ItemResult], n_unanswered: int) -> Agreement:
    gold = [i.gold for i in items]
    learner = [i.learner for i in items]
    confusion: dict[str, dict[str, int]] = {}
    for g, l in zip(gold, learner):
        confusion.setdefault(g, {}).setdefault(l, 0)
        confusion[g][l] += 1
    per_code: dict[str, CodeStats] = {}
    for code in sorted(set(gold) | set(learner)):
        tp = sum(g == l == code for g, l in zip(gold, learner))
        used = learner.count(code)
        support = gold.count(code)
        per_code[code] = CodeStats(code, tp / used if used else None, tp / support if support else None, support)
    agree = 100.0 * sum(i.correct for i in items) / len(items) if items else None
    return Agreement(items, n_unanswered, agree, cohen_kappa(gold, learner), per_code, confusion)


__all__ = ["Agreement", "ItemResult", "CodeStats", "CodeError", "UNCODED", "cohen_kappa", "compare", "label_of", "normalise_answer", "score_answers"]
