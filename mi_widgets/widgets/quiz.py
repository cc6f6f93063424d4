"""Quiz: question-bank items one at a time, feedback on every option, a running score."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from ..engine.errors import UsageError

from ..engine.i18n import _
from ..engine.library import get_quiz_item, quiz_items
from ..engine.quizrun import QuizRun
from ._base import Exercise, button, esc, verdict


class Quiz(Exercise):
    """Items of the question bank by topic (or a list of item ids), one at a time.

    Driven from Python: ``choose(i)`` picks option ``i`` (0-based), ``check()`` gives the feedback,
    ``next()`` / ``previous()`` / ``go(n)`` move. The first answer to each item is the one scored;
    trying again is allowed and shows the feedback for the new choice.
    """

    kind = "quiz"

    def __init__(self, topic: str | None = None, items: Sequence[str] | None = None, language: str = "en") -> None:
        chosen = [get_quiz_item(i) for i in items] if items else quiz_items(topic, language)
        if not chosen:
            raise UsageError(f"no quiz items for topic '{topic}' in language '{language}'")
        super().__init__(_("Quiz"))
        self.run = QuizRun(chosen)
        saved = self.restore_all()
        for item in chosen:  # answers saved earlier come back
            rec = saved.get(item.id)
            if rec and "first" in rec.data:
                self.run.first[item.id] = rec.data["first"]
                self.run.last[item.id] = rec.data.get("last", rec.data["first"])
        self.index = 0
        self.position = w.HTML()
        self.question = w.HTML()
        self.options = w.RadioButtons(options=[], value=None, description=_("Your answer"), layout=w.Layout(width="auto"), style={"description_width": "initial"})
        self.score_line = w.HTML()
        self.check_button = button(_("Check"), self.check, style="primary")
        nav = w.HBox([button(_("Previous"), self.previous), self.check_button, button(_("Next"), self.next)])
        self.set_body(self.position, self.question, self.options, nav, self.score_line)
        self.go(0)

    @property
    def item(self):
        return self.run.items[self.index]

    def go(self, n: int) -> None:
        """Show item ``n`` (0-based), with the learner's last answer selected if there is one."""
        self.index = max(0, min(n, len(self.run.items) - 1))
        item = self.item
        self.position.value = f'<div class="miw">{esc(_("Question {n} of {total}").format(n=self.index + 1, total=len(self.run.items)))}</div>'
        parts = []
        if item.context:
            parts.append(f"<p><em>{esc(item.context)}</em></p>")
        if item.client:
            parts.append(f'<p class="miw-utt miw-utt-client"><span class="miw-speaker">{esc(_("Client:"))}</span>{esc(item.client)}</p>')
        parts.append(f"<p><strong>{esc(item.question)}</strong></p>")
        self.question.value = f'<div class="miw">{"".join(parts)}</div>'
        self.options.options = [(o.text, i) for i, o in enumerate(item.options)]
        self.options.value = self.run.last.get(item.id)
        self.clear()
        if item.id in self.run.last:
            self._explain(item.options[self.run.last[item.id]])
        self._update_score()

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def choose(self, choice: int) -> None:
        """Select option ``choice`` (0-based), as a click on it would."""
        self.options.value = choice

    def check(self) -> bool | None:
        """Feedback for the selected option; True/False for right/wrong, None when nothing is chosen."""
        if self.options.value is None:
            self.show("info", _("Choose an answer first."))
            return None
        item = self.item
        option = self.run.answer(item.id, self.options.value)
        self._explain(option)
        self.record(item.id, score=1 if self.run.first_correct(item.id) else 0, max=1, title=item.question[:120],
                    data={"first": self.run.first[item.id], "last": self.run.last[item.id], "topic": item.topic})
        self._update_score()
        return option.correct

    def _explain(self, option) -> None:
        item = self.item
        status, word = verdict(option.correct)
        body = esc(option.feedback)
        if option.correct and item.explanation:
            body += f"<br>{esc(item.explanation)}"
        if item.source:
            body += f'<br><small>{esc(_("Source:"))} {esc(item.source)}</small>'
        self.show(status, word, body)

    @property
    def score(self) -> tuple[int, int, int]:
        """(right at the first try, answered, total)."""
        return self.run.n_correct, self.run.n_answered, len(self.run.items)

    def _update_score(self) -> None:
        right, answered, total = self.score
        text = _("Score: {right} of {answered} answered right at the first try ({total} questions).").format(right=right, answered=answered, total=total)
        self.score_line.value = f'<div class="miw"><p>{esc(text)}</p></div>'
