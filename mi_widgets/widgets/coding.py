"""Coding exercise: the learner codes a dialogue's utterances and gets instant scoring.

The view only displays; the scoring, hints and every sentence of feedback come from
:mod:`mi_widgets.engine.codingrun`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, Literal

import ipywidgets as w

from ..engine.errors import UsageError
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from ..engine.codingrun import CodingResult, CodingRun, Mark, StepCheck, Target, UtteranceResult, options_for
from ..engine.i18n import N_, _, ngettext
from ..engine.library import get_dialogue
from ..engine.model import Dialogue
from ._base import ICONS, Exercise, button, esc, paragraph

Mode = Literal["whole", "step"]
MODES: tuple[str, ...] = ("whole", "step")
UNSET = "?"  #: the dropdown value for "not coded yet" (distinct from "none", no code)
SPEAKERS: dict[str, str] = {"counselor": N_("Counsellor:"), "client": N_("Client:")}
TASKS: dict[str, str] = {
    "counselor": N_("Code each counsellor utterance with its MITI behaviour code, or 'none' where it takes no code."),
    "client": N_("Code each client utterance as change talk, sustain talk or neutral, or 'none' where it takes no code."),
    "both": N_("Code every utterance: the counsellor's with MITI behaviour codes, the client's as change talk, sustain talk or neutral."),
}


#: Inline style of a marker: the feedback box's colours and icon, made compact to sit by a dropdown.
MARK_STYLE = "margin:0;padding:.1rem .5rem;border-left-width:.25rem"


def mark_html(mark: Mark) -> str:
    """The marker beside one dropdown: icon (hidden from screen readers) and words, then the
    expert's code and rationale after Reveal, or the rationale or hint after "Check this one";
    every text escaped."""
    extra = "".join(f"<br>{esc(t)}" for t in mark.lines)
    return (f'<div class="miw miw-mark"><div class="miw-fb miw-{mark.status}" style="{MARK_STYLE}">'
            f'<span class="miw-icon" aria-hidden="true">{ICONS[mark.status]}</span><strong>{esc(mark.words)}</strong>{extra}</div></div>')


def _item(status: str, words: str, rest: str = "") -> str:
    """A list item with an icon (hidden from screen readers) and words that carry the meaning."""
    return f'<li><span class="miw-icon" aria-hidden="true">{ICONS[status]}</span> <strong>{esc(words)}</strong>{rest}</li>'


class CodingExercise(Exercise):
    """Code a dialogue from the library (by id) or any :class:`~mi_widgets.engine.model.Dialogue`.

    Parameters:
        dialogue: a library id such as ``"er-alcohol-mi"``, or a Dialogue object.
        target: ``"counselor"`` (MITI codes), ``"client"`` (CT/ST/N) or ``"both"``.
        mode: ``"whole"`` shows the dialogue at once; ``"step"`` one utterance to code at a time,
            with the dialogue before it as context.
        subcodes: also code open/closed for questions and DARN-CAT for change and sustain talk
            (scored apart from the codes).

    Driven from Python: ``set_code(i, "CR")`` (``i`` 0-based into ``dialogue.utterances``; labels
    such as ``"Q:open"``, ``"CT:reasons"``, ``"none"``), ``check()`` returns the engine's
    :class:`~mi_widgets.engine.codingrun.CodingResult`, ``hint(i)``, ``retry()``, ``reveal()``,
    ``next()``, ``previous()``, ``go(n)``; in step mode also ``check_current()`` ("Check this one"). ``feedback.value`` is the HTML the learner sees; ``result`` the last
    checked result; ``dropdowns`` the controls by utterance index; ``markers`` the HTML beside each
    dropdown (empty until Check: then right or not; after Reveal the expert's code and rationale
    too; emptied when that dropdown changes or on Retry); ``revealed`` whether Reveal was pressed.

    Step mode is for coding line by line: "Check this one" (:meth:`check_current`) gives a short
    verdict on the utterance on screen only, in its marker (right, not quite, or right code with
    another subtype; then the expert's rationale after a right answer, or the hint after one that is
    not), saves progress as Check does, and leaves out the agreement, kappa and summary table. The
    full feedback stays on the button "Check all so far" (:meth:`check`). Whole mode has one
    "Check" button, as before.

    The MITI summary table after Check sets the learner's figures beside the expert's over the same
    utterances: while only some are coded, the expert's column counts the expert's codes on those
    alone, and the table's caption says so ("Both columns count only the N utterances you have
    coded so far.").
    """

    kind = "coding"

    def __init__(self, dialogue: str | Dialogue, target: Target = "counselor", mode: Mode = "whole", subcodes: bool = True) -> None:
        if mode not in MODES:
            raise UsageError(f"mode must be 'whole' or 'step', not '{mode}'")
        self.dialogue: Dialogue = dialogue if isinstance(dialogue, Dialogue) else get_dialogue(dialogue)
        super().__init__(_("Coding: {title}").format(title=self.dialogue.title))
        self.run = CodingRun(self.dialogue, target, subcodes)
        self.mode: Mode = mode
        self.step = 0  #: position among the utterances to code (step mode)
        self.result: CodingResult | None = None
        self.step_check: StepCheck | None = None  #: the last "Check this one" (step mode)
        self._short = ""  #: the feedback HTML of that last "Check this one", cleared on moving on
        choices = {s: [(_("(not coded yet)"), UNSET)] + [(words, label) for label, words in options_for(s, subcodes)] for s in SPEAKERS}
        # One layout and one style shared by all dropdowns (and all utterance blocks): a long
        # dialogue then builds in a fraction of the time.
        layout, style = w.Layout(width="34rem", max_width="100%"), DescriptionStyle(description_width="initial")
        self._html_layout, self._html_style = w.Layout(), HTMLStyle()
        # Each dropdown sits in a row with its marker beside it (below it where the row is too
        # narrow); the markers are made once, empty, and only their value changes later.
        row_layout, mark_layout = w.Layout(flex_flow="row wrap", align_items="center"), w.Layout(max_width="100%")
        self.dropdowns: dict[int, w.Dropdown] = {}
        self.markers: dict[int, w.HTML] = {}
        self._lines: dict[int, w.HBox] = {}  #: dropdown and marker, by utterance index
        self.revealed = False
        for i in self.run.targets:
            dd = w.Dropdown(options=choices[self.dialogue.utterances[i].speaker], value=UNSET,
                            description=_("Utterance {n} code").format(n=i + 1), style=style, layout=layout)
            dd.observe(partial(self._picked, i), names="value")
            self.dropdowns[i] = dd
            self.markers[i] = w.HTML(layout=mark_layout, style=self._html_style)
            self._lines[i] = w.HBox((dd, self.markers[i]), layout=row_layout)
        self._saved: dict[str, Any] = {}
        rec = self.restore(self.dialogue.id)
        if rec:
            self._saved = rec.data
            self.run.load(rec.data)
            for i, label in list(self.run.answers.items()):
                self.dropdowns[i].value = label
        more = [button(_("Hint"), self.hint), button(_("Retry wrong ones"), self.retry), button(_("Reveal the expert's codes"), self.reveal)]
        if mode == "step":
            actions = w.HBox([button(_("Check this one"), self.check_current, style="primary"), button(_("Check all so far"), self.check), *more])
            self.position, self.context, self.here, self.current = w.HTML(), w.HTML(), w.HTML(), w.VBox()
            nav = w.HBox([button(_("Previous"), self.previous), button(_("Next"), self.next)])
            self.set_body(self._intro(), self.position, self.context, self.current, nav, actions)
            self.go(0)
        else:
            actions = w.HBox([button(_("Check"), self.check, style="primary"), *more])
            self.set_body(self._intro(), w.VBox(self._rows()), actions)
        if self.run.answers:
            again = _("Press Check all so far to see the feedback again.") if mode == "step" else _("Press Check to see the feedback again.")
            n = len(self.run.answers)
            self.show("info", ngettext("Your saved code for {n} utterance is back.", "Your saved codes for {n} utterances are back.", n).format(n=n), esc(again))

    # --- building -------------------------------------------------------------------------

    def _intro(self) -> w.HTML:
        d = self.dialogue
        parts = [f"<p>{esc(d.description)}</p>" if d.description else ""]
        if d.change_goal:
            parts.append(f"<p><strong>{esc(_('Change goal:'))}</strong> {esc(d.change_goal)}</p>")
        parts.append(f'<p class="miw-lead">{esc(_(TASKS[self.run.target]))}</p>')
        return paragraph("".join(parts))

    def _utt_html(self, i: int) -> str:
        u = self.dialogue.utterances[i]
        return (f'<div class="miw-utt miw-utt-{esc(u.speaker)}"><span class="miw-speaker">{i + 1}. {esc(_(SPEAKERS[u.speaker]))}</span>'
                f"{esc(u.text)}</div>")

    def _rows(self) -> list[w.Widget]:
        """Whole mode: each utterance, with its dropdown under it where it is coded; runs of
        utterances not coded share one HTML widget."""
        rows: list[w.Widget] = []
        pending: list[str] = []
        for i in range(len(self.dialogue.utterances)):
            pending.append(self._utt_html(i))
            if i in self.dropdowns:
                rows += [self._block(pending), self._lines[i]]
                pending = []
        if pending:
            rows.append(self._block(pending))
        return rows

    def _block(self, parts: list[str]) -> w.HTML:
        return w.HTML(f'<div class="miw">{"".join(parts)}</div>', layout=self._html_layout, style=self._html_style)

    # --- driving --------------------------------------------------------------------------

    def _picked(self, index: int, change: dict) -> None:
        self.markers[index].value = ""  # the marker spoke of the code before this change
        if change["new"] == UNSET:
            self.run.clear(index)
        else:
            self.run.set_code(index, change["new"])

    def set_code(self, index: int, label: str) -> str:
        """Code utterance ``index`` (0-based) as a learner picking it would; returns the stored
        label. Raises IndexError (utterance not coded here) or CodeError (unknown label)."""
        stored = self.run.set_code(index, label)
        self.dropdowns[index].value = stored
        return stored

    @property
    def labels(self) -> dict[int, str]:
        """The learner's labels by utterance index."""
        return dict(self.run.answers)

    def go(self, n: int) -> int:
        """Step mode: show the ``n``-th utterance to code (0-based among them); returns its index."""
        self.step = max(0, min(n, len(self.run.targets) - 1))
        i = self.run.targets[self.step]
        if self.mode == "step":
            where = _("Utterance {n} of {total}").format(n=i + 1, total=len(self.dialogue.utterances))
            count = _("(to code: {k} of {m})").format(k=self.step + 1, m=len(self.run.targets))
            self.position.value = f'<div class="miw"><p><strong>{esc(where)}</strong> {esc(count)}</p></div>'
            before = "".join(self._utt_html(k) for k in range(i))
            self.context.value = (f'<div class="miw" role="region" aria-label="{esc(_("The dialogue so far"))}" tabindex="0" '
                                  f'style="max-height:22rem;overflow-y:auto">{before}</div>') if before else ""
            self.here.value = f'<div class="miw">{self._utt_html(i)}</div>'
            self.current.children = (self.here, self._lines[i])
            if self._short and self.feedback.value == self._short:
                self.clear()  # the short verdict spoke of the utterance left behind
        return i

    def next(self) -> int:
        """Step mode: the next utterance to code."""
        return self.go(self.step + 1)

    def previous(self) -> int:
        """Step mode: the previous utterance to code."""
        return self.go(self.step - 1)

    def check(self) -> CodingResult:
        """Score the codes, show the feedback and save progress (once something is coded)."""
        res = self.result = self.run.result()
        if res.n_answered == 0:
            self.show("info", _("Code at least one utterance first."))
            return res
        data = self.run.to_data(self._saved)
        self.record(self.dialogue.id, score=res.n_right, max=res.n_targets, data=data, title=self.dialogue.title)
        self._saved = data
        self._mark(res.items)
        self.show(res.status(), res.title(), self._feedback(res))  # type: ignore[arg-type]
        return res

    def check_current(self) -> StepCheck:
        """Step mode ("Check this one"): the verdict on the utterance on screen only, in its marker
        (with the expert's rationale after a right answer, the hint after one that is not), a short
        line in the feedback area saying what to do next, and progress saved as :meth:`check` saves
        it. The agreement, kappa and summary table stay with "Check all so far". Raises UsageError
        in whole mode."""
        if self.mode != "step":
            raise UsageError("check_current() is for step mode (mode='step'); use check() in whole mode")
        i = self.run.targets[self.step]
        sc = self.step_check = self.run.check_one(i, self.revealed)
        if sc.item.learner is None:
            self.show("info", sc.title(), esc(sc.next_step()))
            self._short = self.feedback.value
            return sc
        data = self.run.to_data(self._saved)
        self.record(self.dialogue.id, score=sc.n_right, max=sc.n_targets, data=data, title=self.dialogue.title)
        self._saved = data
        self.markers[i].value = mark_html(sc.mark)
        self.show(sc.status, sc.title(), esc(sc.next_step(last=self.step == len(self.run.targets) - 1)))
        self._short = self.feedback.value
        return sc

    def _mark(self, items: Iterable[UtteranceResult]) -> None:
        """Fill every marker (after Reveal with the expert's code and rationale too)."""
        for it in items:
            self.markers[it.index].value = mark_html(it.mark(self.revealed))

    def clear_markers(self) -> None:
        """Empty every marker beside the dropdowns."""
        for m in self.markers.values():
            m.value = ""

    def _feedback(self, res: CodingResult) -> str:
        html = ["<p>" + "<br>".join(esc(line) for line in res.agreement_lines()) + "</p>"]
        mixed = res.mix_up_lines()
        html.append(f"<p><strong>{esc(_('What was mixed up'))}</strong></p>")
        html.append("<ul>" + "".join(f"<li>{esc(m)}</li>" for m in mixed) + "</ul>" if mixed else f"<p>{esc(_('Nothing mixed up.'))}</p>")
        rows = "".join(f'<tr><th scope="row">{esc(a)}</th><td>{esc(b)}</td><td>{esc(c)}</td></tr>' for a, b, c in res.summary_rows())
        caption = esc(_("Summary of your codes beside the expert's (MITI 4.2.1; %CT from client-language coding)"))
        note = res.summary_note()  # partial coding: both columns are over the coded utterances only
        if note:  # in the caption, so a screen reader reads it with the table
            caption += f'<br><span class="miw-summary-note">{esc(note)}</span>'
        html.append(f'<table class="miw-table"><caption>{caption}</caption>'
                    f'<thead><tr><th scope="col">{esc(_("Measure"))}</th><th scope="col">{esc(_("Your codes"))}</th>'
                    f'<th scope="col">{esc(_("Expert"))}</th></tr></thead><tbody>{rows}</tbody></table>')
        items = []
        for it in res.items:
            status, words = it.verdict()
            why = f"<br>{esc(_('Why:'))} {esc(it.rationale)}" if it.rationale and it.learner is not None else ""
            items.append(_item(status, _("Utterance {n}:").format(n=it.index + 1), f" {esc(words)}<br><em>{esc(it.text)}</em>{why}"))
        summary = esc(_("Utterance by utterance ({n})").format(n=len(items)))
        html.append(f"<details><summary><strong>{summary}</strong></summary><ul>{''.join(items)}</ul></details>")
        return "".join(html)

    def hint(self, index: int | None = None) -> str:
        """A nudge for utterance ``index``; by default the one on screen (step mode) or the first
        not yet right (whole mode). Returns the hint's text."""
        if index is None:
            if self.mode == "step":
                index = self.run.targets[self.step]
            else:
                res = self.run.result()
                index = next((it.index for it in res.items if not it.correct), self.run.targets[0])
        text = self.run.hint(index)
        self.show("info", _("Hint for utterance {n}").format(n=index + 1), esc(text))
        return text

    def retry(self) -> list[int]:
        """Clear the wrong answers, keep the right ones, empty the markers; returns the cleared
        indices."""
        cleared = self.run.retry()
        for i in cleared:
            self.dropdowns[i].value = UNSET
        self.clear_markers()
        if not cleared:
            self.show("info", _("Nothing to clear: none of your codes is wrong."))
            return cleared
        if self.mode == "step":
            self.go(self.run.targets.index(cleared[0]))
            self.show("info", ngettext("{n} wrong code cleared; your right ones stay. Code it again and press Check this one.",
                                       "{n} wrong codes cleared; your right ones stay. Code them again and press Check this one.", len(cleared)).format(n=len(cleared)))
            return cleared
        self.show("info", ngettext("{n} wrong code cleared; your right ones stay. Code it again and press Check.",
                                   "{n} wrong codes cleared; your right ones stay. Code them again and press Check.", len(cleared)).format(n=len(cleared)))
        return cleared

    def reveal(self) -> list[tuple[int, str, str | None]]:
        """Show the expert's code and rationale for every utterance coded here, in the feedback
        area and in each marker (with whether the learner's code, if any, is right); returns them."""
        shown = self.run.reveal()
        self.revealed = True
        self._mark(self.run.items())
        items = "".join(f"<li><strong>{esc(_('Utterance {n}:').format(n=i + 1))}</strong> {esc(label)}"
                        f"{'<br>' + esc(why) if why else ''}</li>" for i, label, why in shown)
        self.show("info", _("The expert's codes"), f"<ul>{items}</ul>")
        return shown
