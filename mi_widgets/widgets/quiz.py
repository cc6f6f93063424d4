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

    Parameters:
        topic: the bank's topic (e.g. ``"oars"``); every item of that topic in ``language``.
        items: item ids to ask instead of a topic, in this order.
        language: ``"en"``, ``"da"`` or ``"nb"``; None (default) uses the language in force
            (:func:`~mi_widgets.set_language`, else ``$MI_WORKBOOK_LANG``). Items not translated
            into it come in English.
        fresh: ``False`` (default) brings answers saved earlier back (selected, with their feedback,
            and counted in the score); ``True`` starts a fresh attempt, e.g. a closing review quiz:
            nothing is preselected, the score starts at 0 and this attempt's first answers are
            scored. Saved progress is not deleted either way.

    Driven from Python: ``choose(i)`` picks option ``i`` (0-based), ``check()`` gives the feedback,
    ``next()`` / ``previous()`` / ``go(n)`` move, ``restart()`` ("Start again") clears this
    widget's answers for a fresh attempt in place. The first answer to each item in an attempt is
    the one scored; trying again is allowed and shows the feedback for the new choice. Each Check
    saves the item with this attempt's first answer as its score (the progress store keeps the best
    score of all attempts). ``score`` is (right at the first try, answered, total) for this attempt;
    ``fresh`` says whether this attempt started without earlier answers.
    """

    kind = "quiz"

    def __init__(self, topic: str | None = None, items: Sequence[str] | None = None, language: str | None = None, fresh: bool = False) -> None:
        chosen = [get_quiz_item(i, language) for i in items] if items else quiz_items(topic, language)
        if not chosen:
            raise UsageError(_("no quiz items for topic '{topic}'").format(topic=topic))
        super().__init__(_("Quiz"))
        self.run = QuizRun(chosen)
        self.fresh: bool = bool(fresh)  #: True: this attempt did not bring earlier answers back
        if not self.fresh:  # answers saved earlier come back
            self.run.load({ref: rec.data for ref, rec in self.restore_all().items()})
        self.index = 0
        self.position = w.HTML()
        self.question = w.HTML()
        self.options = w.RadioButtons(options=[], value=None, description=_("Your answer"), layout=w.Layout(width="auto"), style={"description_width": "initial"})
        self.score_line = w.HTML()
        self.check_button = button(_("Check"), self.check, style="primary")
        self.restart_button = button(_("Start again"), self.restart, tooltip=_("Clear the answers in this quiz and try it afresh; your saved progress stays."))
        nav = w.HBox([button(_("Previous"), self.previous), self.check_button, button(_("Next"), self.next), self.restart_button])
        self.set_body(self.position, self.question, self.options, nav, self.score_line)
        self.go(0)
        if self.fresh:
            self.show("info", _("A fresh attempt."), esc(_("Earlier answers are not shown and the score starts at 0; your best scores stay saved.")))

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

    def restart(self) -> None:
        """The "Start again" button: clear this widget's answers for a fresh attempt in place
        (nothing chosen, score 0, back to the first question). Saved progress is kept; the next
        Check of each item saves this new attempt's first answer, and the store keeps the best."""
        self.run.reset()
        self.fresh = True
        self.go(0)
        self.show("info", _("Started again."), esc(_("Your answers in this quiz are cleared and the score starts at 0; your saved progress and best scores stay.")))

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
