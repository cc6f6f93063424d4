"""Ambivalence tools: the importance and confidence rulers, and the decisional balance.

Thin views over :mod:`mi_widgets.engine.ambivalence`, which writes the follow-up questions, reads
the balance sets and scores the sorting.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ..engine.ambivalence import (
    CONFIDENCE_LABEL, IMPORTANCE_LABEL, QUADRANTS, RULER_MAX, RULER_MIN, WHY_LOWER, BalanceResult, BalanceSort,
    RulerQuestion, RulerState, get_balance_set, quadrant_label, ruler_ref, talk_label,
)
from ..engine.i18n import _
from ..engine.journal import saved_label
from ..engine.progress import Record
from ._base import Exercise, button, esc, feedback_html, paragraph, scale

WIDE = {"description_width": "initial"}


class ReadinessRuler(Exercise):
    """Importance and confidence rulers (0-10) with the follow-up questions MI asks next.

    ``topic``: the change being rated (optional; the learner can name or rename it in the box).
    ``mode``: ``"self"`` for a learner rating a change of their own, ``"counselor"`` for the
    questions to ask a client. ``ruler_id``: the progress reference (default: the mode and topic).

    Both rulers start with no number selected (in MI the person picks it); ``ask()`` then asks for
    the missing number(s) and gives questions only for a ruler that has one.

    Driven from Python: ``set_importance(n)``, ``set_confidence(n)`` (0-10, or None to clear),
    ``set_change(text)``, ``set_notes(text)``, ``ask()`` (show the questions; saves), ``save()``.
    Readable: ``feedback.value``, ``questions`` (the engine's :class:`RulerQuestion` list),
    ``state`` (scores None until chosen). Saved as kind ``"ruler"``; a new widget with the same id
    shows the saved numbers (or none) and notes.
    """

    kind = "ruler"

    def __init__(self, topic: str = "", mode: str = "self", ruler_id: str | None = None) -> None:
        self.state = RulerState(change=topic, mode=mode)  # checks the mode
        self.ref = ruler_id or ruler_ref(mode, topic)
        self.questions: list[RulerQuestion] = []
        self.asked = False
        super().__init__(_("Importance and confidence rulers"))
        if mode == "counselor":
            lead = _("Practise with a client or a partner: ask the two ruler questions in your own words, mark their answers on the rulers, then show the follow-up questions to ask next.")
        else:
            lead = _("Think of a change in your own life. Rate it on both rulers, show the follow-up questions, and answer them for yourself in your notes.")
        self.lead = paragraph(f'<p class="miw-lead">{esc(lead)}</p>')
        self.change_box = w.Text(value=topic, description=_("The change (optional)"), placeholder=_("e.g. walking to work"),
                                 continuous_update=False, style=WIDE, layout=w.Layout(width="min(100%, 40rem)"))
        # nothing preselected: the person picks the number
        self.importance = scale(_(IMPORTANCE_LABEL), RULER_MIN, RULER_MAX, None)
        self.confidence = scale(_(CONFIDENCE_LABEL), RULER_MIN, RULER_MAX, None)
        self.anchors = paragraph(f"<p><small>{esc(_('0 means not at all, 10 means extremely.'))}</small></p>")
        notes_label = _("Notes on the client's answers (optional)") if mode == "counselor" else _("Your answers and notes (optional)")
        self.notes = w.Textarea(description=notes_label, continuous_update=False, rows=5, style=WIDE, layout=w.Layout(width="min(100%, 40rem)"))
        self.saved_line = w.HTML()
        self._quiet = True  # no saving while the saved work is put back
        self._restore()
        for control in (self.importance, self.confidence):
            control.observe(self._on_score, names="value")
        for control in (self.notes, self.change_box):
            control.observe(self._on_text, names="value")
        self._quiet = False
        buttons = w.HBox([button(_("Show the follow-up questions"), self.ask, style="primary"), button(_("Save"), self.save)])
        self.set_body(self.lead, self.change_box, self.importance, self.confidence, self.anchors, buttons, self.notes, self.saved_line)

    # driven from Python ---------------------------------------------------------------------------
    def set_importance(self, n: int | None) -> None:
        """Choose a number on the importance ruler (0-10), or None to clear it; ValueError otherwise."""
        self.state.set_importance(n)
        self.importance.value = n

    def set_confidence(self, n: int | None) -> None:
        """Choose a number on the confidence ruler (0-10), or None to clear it; ValueError otherwise."""
        self.state.set_confidence(n)
        self.confidence.value = n

    def set_change(self, text: str) -> None:
        """Name the change being rated (as typing it in the box and leaving it would)."""
        self.change_box.value = text

    def set_notes(self, text: str) -> None:
        """Write the notes (as typing them and leaving the box would: they are saved)."""
        self.notes.value = text

    def ask(self) -> list[RulerQuestion]:
        """Show the follow-up questions for the rulers that have a number, ask for a number on any
        that has none, and save. Returns the questions shown (empty if no number is chosen)."""
        self._from_controls()
        self.asked = True
        self._show_questions()
        self.save()
        return self.questions

    def save(self) -> Record | None:
        """Save the numbers, the change and the notes (kind ``"ruler"``); shows "Saved at HH:MM"."""
        self._from_controls()
        title = self.state.change or _("Importance and confidence rulers")
        rec = self.record(self.ref, data={**self.state.to_data(), "asked": self.asked}, title=title[:200])
        if rec is None:
            self.saved_line.value = f'<div class="miw">{feedback_html("warn", _("Not saved."))}</div>'
        else:
            self.saved_line.value = f'<div class="miw">{feedback_html("ok", saved_label())}</div>'
        return rec

    # inside -----------------------------------------------------------------------------------------
    def _from_controls(self) -> None:
        self.state.set_importance(self.importance.value)
        self.state.set_confidence(self.confidence.value)
        self.state.change = self.change_box.value.strip()
        self.state.notes = self.notes.value

    def _on_score(self, _change: Any) -> None:
        if self._quiet:
            return
        self._from_controls()
        if self.asked:  # the questions follow the rulers once shown
            self.ask()

    def _on_text(self, _change: Any) -> None:
        if not self._quiet:  # a text box was left after an edit: save, as the journal does
            self.save()

    def _restore(self) -> None:
        rec = self.restore(self.ref)
        if rec is None:
            return
        self.state = RulerState.from_data(rec.data, self.state.mode)
        self.importance.value, self.confidence.value = self.state.importance, self.state.confidence
        self.change_box.value = self.state.change or self.change_box.value
        self.notes.value = self.state.notes
        self.saved_line.value = f'<div class="miw">{feedback_html("ok", saved_label(rec.last))}</div>' if rec.last else ""
        if rec.data.get("asked") is True:
            self.asked = True
            self._show_questions()

    def _show_questions(self) -> None:
        self.questions = self.state.questions()
        coach = self.state.mode == "counselor"
        parts = []
        rulers = (
            ("importance", _("Importance"), self.state.importance, _("Choose a number on the importance ruler first.")),
            ("confidence", _("Confidence"), self.state.confidence, _("Choose a number on the confidence ruler first.")),
        )
        for scale, label, score, choose in rulers:
            if score is None:  # not chosen yet: no questions for a number nobody picked
                parts.append(f"<p>{esc(choose)}</p>")
                continue
            items = "".join(
                f"<li><strong>{esc(q.text)}</strong><br><small>{esc(q.purpose)}</small></li>"
                for q in self.questions if q.scale == scale
            )
            parts.append(f"<p>{esc(_('{scale}: {n} of 10').format(scale=label, n=score))}</p><ul>{items}</ul>")
        focus = self.state.focus()  # compares the two rulers: only once both have a number
        if focus is not None:
            parts.append(f"<p>{esc(focus)}</p>")
        if not self.questions:
            why = (_("In MI the client picks the number: ask the ruler questions and mark the answers, then show the follow-up questions.")
                   if coach else _("In MI you pick the number yourself: the follow-up questions start from it."))
            parts.append(f"<p>{esc(why)}</p>")
            change = self.state.change
            title = _("No number chosen yet for: {change}").format(change=change) if change else _("No number chosen yet.")
            self.show("info", title, "".join(parts))
            return
        parts.append(f"<p><small>{esc(_(WHY_LOWER))}</small></p>")
        change = self.state.change
        if coach:
            title = _("Questions to ask your client about: {change}").format(change=change) if change else _("Questions to ask your client")
        else:
            title = _("Questions for you about: {change}").format(change=change) if change else _("Questions for you")
        self.show("info", title, "".join(parts))


class DecisionalBalance(Exercise):
    """Sort a client's statements into the four boxes of a decisional balance.

    ``set_id``: a balance set in ``data/exercises/`` (e.g. ``"balance-drinking"``). Driven from
    Python: ``place(index, quadrant)`` (0-based; quadrant one of ``QUADRANTS`` or None),
    ``check()`` -> :class:`BalanceResult`, ``reveal()``. A statement placed in its ``also`` box
    (see the balance schema) is shown as defensible but does not score. Readable: ``feedback.value``,
    ``talk_area.value`` (which boxes hold change and sustain talk, and when the tool fits MI),
    ``score``. Saved as kind ``"balance"`` (ref = set id); a new widget shows the placements again.
    """

    kind = "balance"

    def __init__(self, set_id: str) -> None:
        bset = get_balance_set(set_id)
        self.sort = BalanceSort(bset)
        self.result: BalanceResult | None = None  #: the latest check before the answers were shown
        self._saved_score: float | None = None
        super().__init__(bset.title)
        intro = (f"<p><strong>{esc(_('Client:'))}</strong> {esc(bset.client)}<br>"
                 f"<strong>{esc(_('Change:'))}</strong> {esc(bset.change)}</p>"
                 f"<p>{esc(_('Choose the box each statement belongs in, then check.'))}</p>")
        options = [(_("Choose a box"), None)] + [(quadrant_label(q), q) for q in QUADRANTS]
        self.choosers: list[w.Dropdown] = []
        rows: list[w.Widget] = [paragraph(intro)]
        for i, s in enumerate(bset.statements):
            chooser = w.Dropdown(options=options, value=None, description=_("Statement {n}").format(n=i + 1), style=WIDE, layout=w.Layout(width="min(100%, 32rem)"))
            chooser.observe(lambda change, i=i: self.sort.place(i, change.new), names="value")
            self.choosers.append(chooser)
            rows += [paragraph(f'<p class="miw-utt miw-utt-client">{i + 1}. {esc(s.text)}</p>'), chooser]
        self.talk_area = w.HTML()
        buttons = w.HBox([button(_("Check"), self.check, style="primary"), button(_("Show the answers"), self.reveal)])
        self.set_body(*rows, buttons, self.talk_area)
        rec = self.restore(bset.id)
        if rec is not None:
            self._saved_score = rec.score
            self.sort.load_data(rec.data)
            self._sync_choosers()
            if self.sort.revealed:
                self._render(self.sort.result(), revealed=True)
            elif self.sort.checked:
                self.result = self.sort.result()
                self._render(self.result, revealed=False)

    def place(self, index: int, quadrant: str | None) -> None:
        """Put statement ``index`` (0-based) into a box, as choosing it in its dropdown would."""
        self.sort.place(index, quadrant)  # checks index and box
        self.choosers[index].value = quadrant

    def check(self) -> BalanceResult:
        """Score the placements and explain each statement; saves the score. After ``reveal()``
        the feedback is shown but the saved score stays that of the learner's own sorting."""
        result = self.sort.check()
        if not self.sort.revealed:
            self.result = result
        self._render(result, revealed=False)
        self._save()
        return result

    def reveal(self) -> None:
        """Put every statement in its box and show which are change talk and which sustain talk."""
        self.sort.reveal()
        self._sync_choosers()
        self._render(self.sort.result(), revealed=True)
        self._save()

    @property
    def score(self) -> tuple[int, int] | None:
        """(statements in the right box, statements) at the latest check; None before one."""
        return None if self.result is None else (self.result.score, self.result.total)

    def _save(self) -> None:
        n = len(self.sort.set.statements)
        # the score is that of the learner's own sorting: showing the answers does not raise it
        score = self._saved_score if self.result is None else self.result.score
        self.record(self.sort.set.id, score=score, max=n, data=self.sort.to_data(), title=self.sort.set.title)

    def _sync_choosers(self) -> None:
        for i, chooser in enumerate(self.choosers):
            chooser.value = self.sort.placements.get(i)

    def _render(self, result: BalanceResult, revealed: bool) -> None:
        lines = []
        for r in result.items:
            s = r.statement
            if revealed:
                status, word = "info", _("Box: {box}.").format(box=quadrant_label(s.quadrant))
            elif r.correct is None:
                status, word = "warn", _("Not placed yet.")
            elif r.correct:
                status, word = "ok", _("Correct.")
            elif r.defensible:
                status, word = "part", _("Defensible.")
            else:
                status, word = "bad", _("Not quite.")
            body = f"<em>{r.index + 1}. {esc(s.text)}</em>"
            if r.chosen is not None and not revealed:
                body += f"<br>{esc(_('Your box: {box}.').format(box=quadrant_label(r.chosen)))}"
            if r.defensible and not revealed:  # an ``also`` box: defensible, but not the one that scores
                body += f"<br>{esc(_('That box can be defended too, but this set counts {box} as the answer.').format(box=quadrant_label(s.quadrant)))}"
            if revealed or r.correct:
                body += f"<br>{esc(_('This is {talk}.').format(talk=talk_label(s.quadrant)))}"
            body += f"<br>{esc(s.rationale)}"
            lines.append(feedback_html(status, word, body))
        if revealed:
            status, title = "info", _("The answers are shown in the boxes.")
        else:
            status = "ok" if result.score == result.total else ("bad" if result.score == 0 and not result.defensible else "part")
            title = _("{right} of {total} statements in the right box.").format(right=result.score, total=result.total)
            if result.defensible:
                title += " " + _("{n} more in a box that can be defended.").format(n=result.defensible)
            if not result.complete:
                title += " " + _("{n} not placed yet.").format(n=result.total - result.placed)
        self.show(status, title, "".join(lines))
        self.talk_area.value = f'<div class="miw">{self._talk_html(revealed)}</div>'

    def _talk_html(self, revealed: bool) -> str:
        rows = "".join(f"<tr><td>{esc(quadrant_label(q))}</td><td>{esc(talk_label(q))}</td></tr>" for q in QUADRANTS)
        parts = [
            f"<h4>{esc(_('The boxes and client language'))}</h4>",
            f"<p>{esc(_('Spoken by the client, the arguments for changing (the not-so-good things about the status quo and the good things about changing) are change talk; the arguments for staying as things are (the good things about the status quo and the not-so-good things about changing) are sustain talk.'))}</p>",
            f'<table class="miw-table"><thead><tr><th scope="col">{esc(_("Box"))}</th><th scope="col">{esc(_("Kind of talk"))}</th></tr></thead><tbody>{rows}</tbody></table>',
        ]
        if revealed:
            groups = self.sort.by_talk()
            index = {s.id: i + 1 for i, s in enumerate(self.sort.set.statements)}
            for talk, heading in (("change", _("Change talk in this set")), ("sustain", _("Sustain talk in this set"))):
                items = "".join(f"<li>{index[s.id]}. {esc(s.text)}</li>" for s in groups[talk])
                parts.append(f"<p><strong>{esc(heading)}</strong></p><ul>{items}</ul>")
        parts += [
            f"<h4>{esc(_('When is a decisional balance MI-consistent?'))}</h4>",
            f"<p>{esc(_('The tool draws out both sides in equal measure. That fits when you mean to stay neutral about what the person decides (equipoise), for instance when helping someone weigh a choice you have no stake in.'))}</p>",
            f"<p>{esc(_('When the aim is a particular change, MI works differently: it selectively evokes and reflects change talk, and does not draw out the status-quo side as much as the side for change. With an ambivalent client, exploring both sides evenly can lower commitment to change.'))}</p>",
            f"<p>{esc(_('This sorting exercise trains your ear for change talk and sustain talk; it is not a script to run a full balance with every client.'))}</p>",
        ]
        return "".join(parts)
