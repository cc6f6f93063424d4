"""A learner working through quiz items: first answers count for the score, retries are free.

A run is one attempt. :meth:`QuizRun.load` puts answers saved earlier back (so a quiz shows earlier
work again); a fresh attempt simply does not load them, and :meth:`QuizRun.reset` starts a new
attempt in place. Either way the first answer given in *this* attempt is the one scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .bank import Option, QuizItem


@dataclass
class QuizRun:
    """The state of one quiz attempt: which option the learner chose first and last for each item."""

    items: list[QuizItem]
    first: dict[str, int] = field(default_factory=dict)  #: item id -> first choice (this is scored)
    last: dict[str, int] = field(default_factory=dict)  #: item id -> latest choice

    def answer(self, item_id: str, choice: int) -> Option:
        """Record a choice and return the chosen option (``.correct``, ``.feedback``)."""
        item = self.item(item_id)
        option = item.check(choice)
        self.first.setdefault(item_id, choice)
        self.last[item_id] = choice
        return option

    def item(self, item_id: str) -> QuizItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(f"no item '{item_id}' in this quiz")

    def first_correct(self, item_id: str) -> bool | None:
        """Whether the first answer to an item was right; None if unanswered."""
        if item_id not in self.first:
            return None
        return self.item(item_id).options[self.first[item_id]].correct

    def load(self, saved: Mapping[str, Mapping[str, Any]]) -> int:
        """Put back answers saved earlier: ``saved`` maps item id -> the saved data (``{"first": i,
        "last": j}``). Items not in this quiz, and choices that no longer fit the item's options,
        are skipped. Returns how many items came back."""
        n = 0
        for item in self.items:
            data = saved.get(item.id) or {}
            first, last = data.get("first"), data.get("last", data.get("first"))
            if not all(isinstance(c, int) and not isinstance(c, bool) and 0 <= c < len(item.options) for c in (first, last)):
                continue
            self.first[item.id], self.last[item.id] = first, last
            n += 1
        return n

    def reset(self) -> None:
        """Start a new attempt: forget every answer of this run (nothing chosen, score 0)."""
        self.first.clear()
        self.last.clear()

    @property
    def n_correct(self) -> int:
        """Items answered right at the first try."""
        return sum(bool(self.first_correct(i.id)) for i in self.items)

    @property
    def n_answered(self) -> int:
        return sum(i.id in self.first for i in self.items)


__all__ = ["QuizRun"]
