"""Presenter: an instructor shows a coded dialogue to a room, one utterance at a time.

A thin view over :mod:`mi_widgets.engine.presenter`, which holds the position, what is revealed,
the room's suggestions, the running MITI tallies and the change-talk chart. Sized for a 1280x720
projector: the utterance in large type, the room's choice and the buttons together on screen,
the answer and the tallies beside them, the chart below. Nothing is saved.
"""

from __future__ import annotations

import ipywidgets as w

from ..engine.codes import CodeError
from ..engine.i18n import _
from ..engine.model import Dialogue
from ..engine.presenter import (
    Answer, PresenterRun, Tallies, chart_svg, code_words, dialogue_option, expert_globals, library, problems_note,
    room_options, speaker_name, utterance_size,
)
from ._base import ICONS, STYLE, Exercise, Status, button, esc, table_html

UNSET = "?"  #: the room's dropdown value for "nothing suggested yet" (distinct from "none", no code)
WIDE = {"description_width": "initial"}

# Projector sizes in rem (they follow the page zoom); no fixed pixel widths.
LOCAL_STYLE = """<style>
.miw.miw-pr{max-width:none;font-size:1.1rem}
.miw-pr .miw{max-width:none}
.miw-pr .miw-lead{font-size:1rem;margin:0 0 .4rem}
.miw-pr h4{font-size:1.15rem;margin:.2rem 0 .3rem}
.miw-pr .miw-table th,.miw-pr .miw-table td{font-size:1rem}
.miw-pr .miw-table caption{text-align:left;font-weight:600}
.miw-pr-ctx{font-size:1rem;color:#33373d;margin:0 0 .25rem}
.miw-pr-ctx .miw-utt{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;margin:.1rem 0}
.miw-pr-now{line-height:1.3;padding:.35rem .8rem .45rem;border-left:.45rem solid #1b1b1b;border-radius:.2rem;margin:.15rem 0 .45rem}
.miw-pr-who{font-size:1.15rem;font-weight:700;margin:0 0 .1rem;line-height:1.3}
.miw-pr-text{margin:0}
.miw-pr-buttons .widget-button{font-size:1.1rem;min-height:2.6rem;padding:0 1.1rem}
.miw-pr .widget-dropdown{height:auto}
.miw-pr .widget-dropdown select{font-size:1.1rem;height:2.4rem}
.miw-pr .widget-dropdown .widget-label{font-size:1.1rem;font-weight:600}
.miw-pr-answer .miw-fb{font-size:1.15rem}
.miw-pr-small{font-size:.95rem}
</style>"""


def box(status: Status, title: str, body: str = "") -> str:
    """An icon-and-words box (no live region of its own); ``title`` is escaped here, ``body`` is
    escaped HTML."""
    return (f'<div class="miw-fb miw-{status}"><span class="miw-icon" aria-hidden="true">{ICONS[status]}</span>'
            f"<strong>{esc(title)}</strong>{'<br>' + body if body else ''}</div>")


class Presenter(Exercise):
    """Present a library dialogue to a room, one utterance at a time.

    ``dialogue``: the id of the library dialogue to start with (default: the first in the picker).

    Driven from Python: ``choose(dialogue_id)`` (starts again at utterance 1), ``go(i)`` (0-based),
    ``next()``, ``previous()``, ``suggest(label)`` (the room's code: "CR", "CT", "none" for no code,
    None to take it back), ``reveal()`` (returns the engine's
    :class:`~mi_widgets.engine.presenter.Answer`), ``restart()``. Readable: ``position`` (0-based),
    ``revealed`` (set of 0-based indices), ``tallies`` (the engine's
    :class:`~mi_widgets.engine.presenter.Tallies` over the revealed utterances), ``dialogue``,
    and the HTML shown: ``utterance.value``, ``answer.value``, ``summary.value``, ``counts.value``,
    ``chart.value``, ``ending.value``, ``feedback.value`` (messages such as an unknown id).
    Nothing is saved to the progress file.
    """

    kind = "presenter"

    def __init__(self, dialogue: str | None = None) -> None:
        super().__init__(_("Code along with the room"))
        self.add_class("miw-pr")
        self.dialogues, problems = library()
        self.run: PresenterRun | None = None
        self._quiet = False  #: True while the view itself sets a control's value
        lead = esc(_("Choose a dialogue and show it one utterance at a time. The room suggests a code (record it under "
                     "\u201cThe room says\u201d if you like), Reveal code shows the expert's code and why, Next moves on. "
                     "The tallies and the chart count only what you reveal. Nothing is saved."))
        self.lead = w.HTML(f'{STYLE}{LOCAL_STYLE}<div class="miw"><p class="miw-lead">{lead}</p></div>')
        self.picker = w.Dropdown(options=[(dialogue_option(d), d.id) for d in self.dialogues], value=None,
                                 description=_("Dialogue to present"), style=WIDE, layout=w.Layout(width="min(100%, 52rem)"))
        self.picker.observe(self._picked, names="value")
        again = button(_("Start again"), self.restart, tooltip=_("Back to utterance 1 with nothing revealed"))
        top = w.HBox([self.picker, again], layout=w.Layout(flex_flow="row wrap", align_items="center", width="100%", margin="0"))
        self.context, self.utterance = w.HTML(), w.HTML()
        self.room = w.Dropdown(options=[(_("(not asked yet)"), UNSET)], value=UNSET, description=_("The room says"),
                               style=WIDE, layout=w.Layout(width="min(100%, 25rem)", margin="2px 1rem 2px 0"))
        self.room.observe(self._room_changed, names="value")
        # one bar: what the room said, then the three buttons; it wraps where the column is narrow
        controls = w.HBox([self.room, button(_("Previous"), self.previous), button(_("Reveal code"), self.reveal, style="primary"),
                           button(_("Next"), self.next)], layout=w.Layout(flex_flow="row wrap", align_items="center", width="100%", margin="0"))
        for bar in (top, controls):
            bar.add_class("miw-pr-buttons")
        self.answer, self.summary, self.counts, self.chart, self.ending = w.HTML(), w.HTML(), w.HTML(), w.HTML(), w.HTML()
        for part in (self.answer, self.summary, self.counts, self.chart, self.ending, self.context, self.utterance):
            part.layout = w.Layout(width="100%", margin="2px 0")  # no side margin: 100% wide stays inside its column
        stage = w.VBox([self.context, self.utterance, controls, self.chart], layout=w.Layout(flex="2 1 34rem", min_width="0", padding="0 1rem 0 0"))
        side = w.VBox([self.answer, self.summary, self.counts], layout=w.Layout(flex="1 1 22rem", min_width="0"))
        row = w.Box([stage, side], layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start", width="100%", margin="0"))
        # messages (an unknown id, no library) sit under the picker, where the presenter looks
        self.children = (self.header, self.notice, self.lead, top, self.feedback, row, self.ending)
        self.layout.width = "100%"
        self.feedback.layout.margin = "2px 0"
        self.tell(problems_note(problems))
        if not self.dialogues:
            self.show("bad", _("Nothing to present."), esc(_("No dialogue could be read from the library.")))
            row.layout.display = "none"
            return
        if dialogue is not None and self.choose(dialogue) is not None:
            return
        self.choose(self.dialogues[0].id)
        if dialogue is not None:  # say why the first dialogue is shown instead
            self.show("bad", _("Not loaded."), esc(_("There is no dialogue '{id}' in the library, so the first one is shown. Choose another in the list.").format(id=dialogue)))

    # --- state ------------------------------------------------------------------------------

    @property
    def dialogue(self) -> Dialogue | None:
        """The dialogue being presented."""
        return self.run.dialogue if self.run else None

    @property
    def position(self) -> int:
        """The utterance on screen, 0-based."""
        return self.run.position if self.run else 0

    @property
    def revealed(self) -> set[int]:
        """The utterances revealed so far, 0-based."""
        return set(self.run.revealed) if self.run else set()

    @property
    def tallies(self) -> Tallies | None:
        """The MITI figures over the revealed utterances (engine result)."""
        return self.run.tallies() if self.run else None

    # --- actions ----------------------------------------------------------------------------

    def choose(self, dialogue_id: str) -> Dialogue | None:
        """Present another library dialogue, from utterance 1 with nothing revealed. An unknown id
        leaves things as they are and says so."""
        found = next((d for d in self.dialogues if d.id == dialogue_id), None)
        if found is None:
            known = ", ".join(d.id for d in self.dialogues)
            self.show("bad", _("Not loaded."), esc(_("There is no dialogue '{id}' in the library. Its dialogues: {known}.").format(id=dialogue_id, known=known)))
            if self.run:
                self._set(self.picker, self.run.dialogue.id)
            return None
        self.run = PresenterRun(found)
        self._set(self.picker, found.id)
        self.clear()
        self._draw()
        return found

    def go(self, index: int) -> int:
        """Show utterance ``index`` (0-based; kept within the dialogue); returns the position."""
        if self.run is None:
            return 0
        self.run.go(index)
        self._draw()
        return self.run.position

    def next(self) -> int:
        """The next utterance (the one on screen need not be revealed)."""
        return self.go(self.position + 1)

    def previous(self) -> int:
        """The previous utterance."""
        return self.go(self.position - 1)

    def suggest(self, label: str | None) -> str | None:
        """Record the room's code for the utterance on screen ("CR", "complex reflection", "CT",
        "none" for no code; a subtype is dropped); None takes it back. Returns the stored label.
        Raises CodeError for a code that does not exist or does not fit the speaker."""
        if self.run is None:
            return None
        stored = self.run.suggest(label)
        self._set(self.room, stored or UNSET)
        self._draw_answer()
        return stored

    def reveal(self) -> Answer | None:
        """Show the expert's code and rationale for the utterance on screen, with a verdict on
        the room's code if they gave one; the tallies and the chart count it from now on."""
        if self.run is None:
            return None
        found = self.run.reveal()
        self._draw()
        return found

    def restart(self) -> None:
        """Back to utterance 1, nothing revealed, no suggestions."""
        if self.run is None:
            return
        self.run.restart()
        self.clear()
        self._draw()

    # --- drawing ----------------------------------------------------------------------------

    def _set(self, control: w.ValueWidget, value: object) -> None:
        self._quiet = True
        try:
            control.value = value
        finally:
            self._quiet = False

    def _picked(self, change: dict) -> None:
        if not self._quiet and change["new"] is not None:
            self.choose(change["new"])

    def _room_changed(self, change: dict) -> None:
        if self._quiet or self.run is None:
            return
        try:
            self.run.suggest(None if change["new"] == UNSET else change["new"])
        except CodeError as problem:  # cannot come from the dropdown's own options; said, not raised
            self.show("bad", _("Not recorded."), esc(str(problem)))
        self._draw_answer()

    def _draw(self) -> None:
        run = self.run
        assert run is not None
        d, i = run.dialogue, run.position
        u = d.utterances[i]
        lines = "".join(f'<div class="miw-utt miw-utt-{esc(d.utterances[k].speaker)}"><span class="miw-speaker">{k + 1}. {esc(speaker_name(d.utterances[k].speaker))}:</span>'
                        f'<span lang="{esc(d.language)}">{esc(d.utterances[k].text)}</span></div>' for k in run.context())
        label = esc(_("Just before"))
        self.context.value = f'<div class="miw miw-pr-ctx" role="group" aria-label="{label}">{lines}</div>' if lines else ""
        where = _("Utterance {n} of {total}").format(n=i + 1, total=run.n)
        self.utterance.value = (f'<div class="miw"><div class="miw-pr-now miw-utt-{esc(u.speaker)}" style="font-size:{utterance_size(u.text)}">'
                                f'<p class="miw-pr-who">{esc(where)} · {esc(speaker_name(u.speaker))}</p>'
                                f'<p class="miw-pr-text" lang="{esc(d.language)}">{esc(u.text)}</p></div></div>')
        options = [(_("(not asked yet)"), UNSET)] + [(words, lab) for lab, words in room_options(u.speaker)]
        self._quiet = True
        try:
            self.room.options = options
            self.room.value = run.suggestions.get(i, UNSET)
        finally:
            self._quiet = False
        self._draw_answer()
        self._draw_tallies()

    def _draw_answer(self) -> None:
        run = self.run
        assert run is not None
        head = f"<h4>{esc(_('The answer'))}</h4>"
        if not run.is_revealed():
            text = esc(_("Not revealed yet. Let the room decide, then press Reveal code."))
            self.answer.value = f'<div class="miw miw-pr-answer">{head}<p>{text}</p></div>'
            return
        a = run.answer()
        parts = []
        verdict = a.verdict()
        if verdict is not None:
            parts.append(box(a.status, verdict))
        why = f"<strong>{esc(_('Why:'))}</strong> {esc(a.why())}"
        parts.append(box("info", a.title(), why))
        if verdict is None:
            parts.append(f'<p class="miw-pr-small">{esc(_("The room suggested no code for this one."))}</p>')
        self.answer.value = f'<div class="miw miw-pr-answer">{head}<div role="status">{"".join(parts)}</div></div>'

    def _draw_tallies(self) -> None:
        run = self.run
        assert run is not None
        t = run.tallies()
        rows = [f'<th scope="row">{esc(r.name)}</th><td><strong>{esc(r.value)}</strong>'
                f'{" " + esc(r.level_text) if r.level_text else ""}'
                f'{"<br><span class=miw-pr-small>" + esc(r.note) + "</span>" if r.note else ""}</td>'
                f'<td class="miw-pr-small">{esc(r.threshold)}</td>' for r in t.rows()]
        table = table_html(t.heading(), (_("Summary score"), _("So far and level"), _("MITI thresholds")), rows)
        about = esc(_("MITI 4.2.1 is a widely used manual for coding what the counsellor does. Its thresholds are expert opinion, "
                      "not norms, and were set for 20-minute segments, so a level on a few revealed utterances is only a first impression."))
        self.summary.value = f'<div class="miw"><h4>{esc(_("Running MITI tallies"))}</h4><p class="miw-pr-small">{about}</p></div>{table}'
        counts = [f'<th scope="row">{esc(code_words(k))}</th><td>{t.counts[k]}</td><td>{t.raw_counts[k]}</td>' for k in t.counts]
        note = esc(_("Tallied by the MITI volley rules: in one stretch of counsellor talk (it ends when the client speaks; "
                     "a ‘yeah’ does not end it) each code counts once, with one reflection (complex if any of them is) and one question."))
        self.counts.value = (table_html(_("Counsellor codes revealed so far"), (_("Code"), _("Tallied"), _("Utterances")), counts)
                             + f'<div class="miw"><p class="miw-pr-small">{note}</p></div>')
        chart = run.chart()
        self.chart.value = (f'<div class="miw"><h4>{esc(_("Change talk across the conversation"))}</h4>'
                            f'<p class="miw-pr-small">{esc(chart.legend())}</p>{chart_svg(chart)}'
                            f"<p><strong>{esc(chart.caption())}</strong></p>"
                            f'<p class="miw-pr-ct"><strong>{esc(t.change_talk_text())}</strong><br>'
                            f'<span class="miw-pr-small">{esc(t.change_talk_note())}</span></p></div>')
        self.ending.value = self._ending_html(run) if t.complete else ""

    def _ending_html(self, run: PresenterRun) -> str:
        rows = [f'<th scope="row">{esc(name)}</th><td>{esc(value)}</td><td>{esc(words) or "—"}</td>' for name, value, words in expert_globals(run.dialogue)]
        table = table_html(_("The expert's global ratings for the whole conversation (1-5)"), (_("Rating"), _("Score"), _("Level")), rows)
        why = run.dialogue.globals.rationale
        detail = f"<details><summary>{esc(_('Why these ratings'))}</summary><p>{esc(why)}</p></details>" if why else ""
        done = esc(_("Every utterance is revealed. The global ratings judge the whole conversation, so they come last."))
        return f'<div class="miw"><h4>{esc(_("All revealed"))}</h4><p>{done}</p></div>{table}<div class="miw">{detail}</div>'
