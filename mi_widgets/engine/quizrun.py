"""A learner working through quiz items: first answers count for the score, retries are free."""

from __future__ import annotations

from dataclasses import dataclass, field

from .bank import Option, QuizItem


@dataclass
class QuizRun:
    """The state of one quiz: which option the learner chose first and last for each item."""

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

    @property
    def n_correct(self) -> int:
        """Items answered right at the first try."""
        return sum(bool(self.first_correct(i.id)) for i in self.items)

    @property
    def n_answered(self) -> int:
        return sum(i.id in self.first for i in self.items)


__all__ = ["QuizRun"]
