"""Realplay tools: the round timer with observer pauses, and the observer's tally sheet.

Thin views over :mod:`mi_widgets.engine.realplay`. Both are self-contained (no fixed pixel widths,
large text) so a Voila dashboard can set them side by side on a projector.

The clock is an ``ipywidgets.Play`` ticking once a second in the browser; Python watches its value
and drives the engine. At a pause point Python sets ``playing = False``; the Play view answers a
change of ``playing`` to False by clearing its timer (ipywidgets 8.1 ``PlayView.onPlayingChanged``
calls ``PlayModel.pause``), and ``PlayModel.loop`` stops too once ``playing`` is False. A tick that
was already on its way is set back to the engine's time. One quirk of the Play model: on play it
steps once at once (``animate`` calls ``loop`` before the first timeout), so each start or resume
gains up to a second.

The Play view does not show its ``description`` and its buttons carry icons only: a visible label
stands beside it, CSS adds the words "Play / pause" and "Stop" to its buttons (browsers include
them in the accessible name), and worded Start / Pause / Resume / Reset clock buttons do the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from ..engine.i18n import _
from ..engine.progress import Record, now
from ..engine.realplay import (
    DEBRIEF_PROMPTS, DEFAULT_LABEL, EVERYONE, LEVEL_WORDS, OBSERVER_NOTE, OBSERVER_QUESTIONS, PAUSE_MAX, PAUSE_MIN,
    ROLE_LABELS, ROLE_TASKS, ROLES, ROUND_LABEL, TALLY_HINTS, TALLY_KEYS, TALLY_LABELS, MAX_MINUTES, Pick, RealplayClock,
    Tally, clock_text, csv_filename, next_round_label, participant_names, ratio_thresholds, realplay_record, session_label,
)
from ._base import ICONS, Exercise, Status, button, download_link, esc, feedback_html, paragraph, store

WIDE = {"description_width": "initial"}


def field() -> w.Layout:
    """A fresh layout for an input: as wide as the text needs, never wider than the widget."""
    return w.Layout(width="min(100%, 36rem)")


def row() -> w.Layout:
    """A fresh layout for a row of controls that wraps on a narrow screen (never shared: a
    shared Layout hidden in one place would hide every row using it)."""
    return w.Layout(flex_flow="row wrap", align_items="center", width="100%")


# Projector sizes, in rem so they follow the page's zoom; nothing here has a pixel width.
LOCAL_STYLE = """<style>
.miw-rp{font-size:1.15rem}
.miw-rp td,.miw-rp th{font-size:1.1rem}
.miw-rp .miw-clock{line-height:1.1;margin:.2rem 0}
.miw-rp-sub{font-size:1.1rem}
.miw-rp-note{font-size:.9rem}
.miw .jupyter-widget-Collapse-header,.miw .jupyter-widget-Collapse-header span{color:#1b1b1b}
.miw-play.widget-play{width:auto}
.miw-play button{width:auto;padding:0 .8rem}
.miw.miw-rp-banner{font-size:2.2rem;line-height:1.2;font-weight:700;color:#000;background:#ffd500;border:.4rem solid #000;border-radius:.3rem;padding:.6rem 1rem;margin:.2rem 0 .6rem;max-width:none}
.miw-rp-banner .miw-rp-banner-sub{font-size:1.3rem;font-weight:600;margin-top:.3rem}
</style>"""
STATUS_OF_LEVEL = {"good": "ok", "fair": "part", "below_fair": "warn"}


def _css_text(text: str) -> str:
    """Text made safe inside a double-quoted CSS string in a <style> element."""
    return "".join(c if c.isalnum() or c in " /-.,()" else f"\\{ord(c):x} " for c in text)


def play_button_names() -> str:
    """Words on the Play widget's icon-only buttons, from CSS (its view has no labels and this
    kit adds no JavaScript); browsers count generated text in a button's accessible name."""
    play, stop = _css_text(_("Play / pause")), _css_text(_("Stop"))
    return (f'<style>.miw-play button:nth-of-type(1)::after{{content:" {play}"}}'
            f'.miw-play button:nth-of-type(2)::after{{content:" {stop}"}}</style>')


def note_box(status: Status, title: str, body: str = "") -> str:
    """A boxed note with icon and words inside a feedback box (no second live region);
    ``title`` is escaped here, ``body`` is escaped HTML."""
    return (f'<div class="miw-fb miw-{status}"><span class="miw-icon" aria-hidden="true">{ICONS[status]}</span>'
            f"<strong>{esc(title)}</strong>{' ' + body if body else ''}</div>")


class RealplayTimer(Exercise):
    """The three-person realplay: roles with names, the round clock, observer pauses, the debrief.

    ``minutes``: length of a round (1-60). ``pause_every``: (low, high) seconds between observer
    pauses (30-180). ``names``: up to three participants' names (optional; they can be typed in
    the boxes). ``pick``/``seed``: how each next pause point is picked in the range - ``"random"``
    (a draw from the range; ``seed`` makes it repeatable) or ``"midpoint"`` (always the middle).
    ``ref``: the progress reference (default ``"realplay"``). ``show_play_buttons``: show the Play
    widget's own play/pause and stop buttons (default False: they are icons whose words come
    only from CSS, which axe-core does not accept as a name; the worded Start / Pause / Resume /
    Reset clock buttons do the same, and the hidden clock still ticks in the browser).

    Driven from Python: ``start()``, ``pause()``, ``resume()``, ``tick(seconds=1)``, ``rotate()``,
    ``reset()``, ``new_group(confirm=False)``, ``cancel()``, ``set_name(i, text)``,
    ``set_pause_every(low, high)``. Readable: ``elapsed``, ``next_pause``, ``phase`` ("ready",
    "talking", "paused", "debrief"), ``pauses_done``, ``round``, ``rounds_done``,
    ``rotation_complete``, ``roles`` (role -> shown name), ``feedback.value``, ``banner.value``
    (the large pause banner at the top, empty unless at an observer pause), ``confirm_line.value``
    (the New group question).
    At each debrief, and when a new group starts, it saves kind ``"realplay"``: rounds done,
    minutes, round and roles, the round to go on with, the rotation so far, and the names only
    where someone typed them. A new timer continues with the next round's roles.
    """

    kind = "realplay"

    def __init__(self, minutes: int = 8, pause_every: tuple[int, int] = (60, 90), names: Sequence[str] | None = None,
                 *, pick: Pick = "random", seed: int | None = None, ref: str = "realplay", show_play_buttons: bool = False) -> None:
        self.clock = RealplayClock(minutes, pause_every, pick, seed)  # checks the arguments
        self.ref = ref
        super().__init__(_("Realplay timer"))
        saved = self.restore(ref)
        typed = participant_names(names)
        if saved:
            self.clock.restore(saved.data)  # the round after the last one finished, or round 1 for a new group
            if not any(typed):
                typed = participant_names(saved.data.get("names"))
        self._sync = False  # True while Python itself moves the Play widget
        self._armed = False  # True while New group waits for its second click
        # at an observer pause: a large banner at the very top, hard to miss on a projector
        self.banner = w.HTML(layout=w.Layout(width="100%", display="none"))
        lead = _("Three people, three roles, a few rounds. The observer stops the talk at each pause and asks the interviewer two questions. After each round, rotate the roles so that everyone takes each role once.")
        self.lead = paragraph(f'{LOCAL_STYLE}{play_button_names()}<p class="miw-lead">{esc(lead)}</p>')
        self.name_boxes = [w.Text(value=typed[i], description=_("Participant {n}").format(n=i + 1), placeholder=_("name (optional)"),
                                  style=WIDE, layout=field()) for i in range(3)]
        for box in self.name_boxes:
            box.observe(lambda _c: self._render(), names="value")
        self.roles_html = w.HTML(layout=w.Layout(flex="1 1 16rem"))
        self.minutes_box = w.BoundedIntText(value=self.clock.minutes, min=1, max=MAX_MINUTES, description=_("Minutes per round"), style=WIDE, layout=field())
        self.minutes_box.observe(self._on_minutes, names="value")
        # two number boxes, not a range slider: the slider's handles have no accessible name
        low, high = self.clock.pause_every
        self.pause_low = w.BoundedIntText(value=low, min=PAUSE_MIN, max=PAUSE_MAX, step=5, description=_("Observer pause after at least (seconds)"), style=WIDE, layout=field())
        self.pause_high = w.BoundedIntText(value=high, min=PAUSE_MIN, max=PAUSE_MAX, step=5, description=_("and at most (seconds)"), style=WIDE, layout=field())
        for box in (self.pause_low, self.pause_high):
            box.observe(self._on_pause_box, names="value")
        self.play = w.Play(value=0, min=0, max=self.clock.total, step=1, interval=1000, show_repeat=False, description=_("Round clock"))
        self.play.add_class("miw-play")
        self.play.observe(self._on_play_value, names="value")
        self.play.observe(self._on_play_playing, names="playing")
        self.clock_html = w.HTML(layout=w.Layout(flex="1 1 14rem"))
        self.start_button = button(_("Start"), self.start, style="primary")
        self.pause_button = button(_("Pause"), self.pause)
        self.resume_button = button(_("Resume"), self.resume, style="primary")
        self.reset_button = button(_("Reset clock"), self.reset)
        self.rotate_button = button(_("Rotate roles"), self.rotate, tooltip=_("Next round: everyone moves one role on"))
        self.new_group_button = button(_("New group"), self.new_group, tooltip=_("Start over at round 1 with no names, for a new group of three"))
        self.keep_group_button = button(_("Keep this group"), self.cancel)
        for b in (self.start_button, self.pause_button, self.resume_button, self.reset_button, self.rotate_button):
            b.add_class("miw-big")
        self.confirm_line = w.HTML(layout=w.Layout(width="100%"))
        self.clock_row = w.HBox([w.Label(_("Round clock:")), self.play], layout=row())
        if not show_play_buttons:  # the clock still ticks in the browser; the worded buttons drive it
            self.clock_row.layout.display = "none"
        self.controls = w.HBox([self.start_button, self.pause_button, self.resume_button, self.reset_button, self.rotate_button], layout=row())
        self.group_row = w.HBox([self.new_group_button, self.keep_group_button], layout=row())
        # names and settings fold away, so on a projector the clock and the observer's prompt stay in view
        self.settings = w.Accordion(children=[w.VBox([*self.name_boxes, self.minutes_box, self.pause_low, self.pause_high])],
                                    titles=(_("Names and settings"),), selected_index=None if any(typed) else 0)
        top = w.HBox([self.clock_html, self.roles_html], layout=w.Layout(flex_flow="row wrap", align_items="flex-start", width="100%", grid_gap="1rem"))
        self.set_body(self.banner, self.lead, top, self.clock_row, self.controls, self.settings, self.group_row, self.confirm_line)
        self._disarm()
        self._push()
        if saved:
            self.show("info", _("Welcome back."), esc(_("Rounds done so far: {n}. The roles are set for round {r}.").format(n=self.clock.rounds_done, r=self.clock.round)))

    # readable state ----------------------------------------------------------------------------
    elapsed = property(lambda self: self.clock.elapsed, doc="Seconds of the round gone.")
    next_pause = property(lambda self: self.clock.next_pause, doc="Seconds from the start to the next observer pause, or None.")
    phase = property(lambda self: self.clock.phase, doc='"ready", "talking", "paused" or "debrief".')
    pauses_done = property(lambda self: self.clock.pauses_done, doc="Observer pauses reached this round.")
    round = property(lambda self: self.clock.round, doc="The round (1-based); the roles follow it.")
    rounds_done = property(lambda self: self.clock.rounds_done, doc="Rounds that reached the debrief with this group.")
    rotation_complete = property(lambda self: self.clock.rotation_complete, doc="True in the debrief that completed a full rotation.")

    @property
    def names(self) -> list[str]:
        """The three names as typed ('' where none was typed)."""
        return participant_names([b.value for b in self.name_boxes])

    def shown_name(self, i: int) -> str:
        """Participant ``i`` (0-2) as shown: the typed name, else "Participant n"."""
        return self.names[i] or _("Participant {n}").format(n=i + 1)

    @property
    def roles(self) -> dict[str, str]:
        """Role -> the name shown for whoever holds it this round."""
        return {role: self.shown_name(i) for role, i in self.clock.roles.items()}

    # driven from Python --------------------------------------------------------------------------
    def start(self) -> None:
        """Start the round (or go on after a pause)."""
        self._disarm()
        self.clock.start()
        self._after(None)

    def pause(self) -> None:
        """Pause by hand."""
        self._disarm()
        self.clock.pause()
        self._after(None)

    def resume(self) -> None:
        """Go on after a pause (the next pause point is picked after an observer pause)."""
        self._disarm()
        self.clock.resume()
        self._after(None)

    def tick(self, seconds: int = 1) -> str | None:
        """Advance the running clock as the browser's clock would; "pause", "end" or None."""
        event = self.clock.tick(seconds)
        self._after(event)
        return event

    def reset(self) -> None:
        """The clock back to the start of this round; the roles stay."""
        self._disarm()
        self.clock.reset()
        self._after(None)

    def rotate(self) -> None:
        """The next round: everyone moves one role on, and the clock starts from zero."""
        self._disarm()
        self.clock.rotate()
        self._after(None)

    def new_group(self, confirm: bool = False) -> bool:
        """A new group of three: names cleared, no rounds done, the roles of round 1, the clock
        stopped at the start; minutes and pauses stay. This fresh state is saved, so a new timer
        opens with it too. Done at the second press (or at once with ``confirm=True``), so one
        stray click loses nothing. True if done."""
        if not (confirm or self._armed):
            self._armed = True
            self.new_group_button.description = _("Yes, start a new group")
            self.keep_group_button.layout.display = None
            words = _("This clears the three names and the rounds done, and sets the roles back to round 1. Minutes and pauses stay. Press “Yes, start a new group” to go ahead, or “Keep this group”.")
            self.confirm_line.value = f'<div class="miw" role="status">{note_box("warn", _("Start a new group?"), esc(words))}</div>'
            return False
        self._disarm()
        self.clock.new_group()
        for box in self.name_boxes:
            box.value = ""
        self.settings.selected_index = 0  # open, so the new names can be typed
        self._after(None)
        self.record(self.ref, data=realplay_record(self.clock, self.names), title=_("Realplay"), attempt=False)  # not a round
        self.show("ok", _("New group: round 1."), esc(_("The names are cleared and no rounds are done yet. Type the new names under “Names and settings” (optional), then press Start.")))
        return True

    def cancel(self) -> None:
        """Keep this group: forget a pending New group."""
        if self._armed:
            self._disarm()
            self.confirm_line.value = f'<div class="miw" role="status">{note_box("info", _("This group is kept: names and rounds stay as they were."))}</div>'

    def _disarm(self) -> None:
        self._armed = False
        self.new_group_button.description = _("New group")
        self.keep_group_button.layout.display = "none"
        self.confirm_line.value = ""

    def set_name(self, i: int, text: str) -> None:
        """Type a name for participant ``i`` (0-2)."""
        self.name_boxes[i].value = text

    def set_pause_every(self, low: int, high: int) -> None:
        """A new pause range (30-180 s); ValueError outside it."""
        self.clock.set_pause_every((low, high))
        self.pause_low.value, self.pause_high.value = low, high
        self._render()

    def _on_pause_box(self, _change: dict[str, Any]) -> None:
        low, high = self.pause_low.value, self.pause_high.value
        if (low, high) == self.clock.pause_every:
            return
        if low > high:
            self.show("info", _("The shortest gap must not be longer than the longest."), esc(_("Pauses stay at {low}-{high} seconds.").format(low=self.clock.pause_every[0], high=self.clock.pause_every[1])))
            return
        self.set_pause_every(low, high)
    # the Play widget -----------------------------------------------------------------------------
    def _on_play_value(self, change: dict[str, Any]) -> None:
        if self._sync:
            return
        new = int(change["new"])
        if new == self.play.min and self.clock.phase in ("talking", "paused") and not self.play.playing:
            self.reset()  # its Stop button: back to the start
        elif self.clock.phase == "talking" and new > self.clock.elapsed:
            self.tick(new - self.clock.elapsed)
        else:
            self._push()  # a tick that was on its way when the clock stopped: show the engine's time

    def _on_play_playing(self, change: dict[str, Any]) -> None:
        if self._sync:
            return
        if change["new"]:
            self.start()  # from "ready" or "paused"; in the debrief nothing starts and the clock stops
        else:
            self.pause()

    def _push(self) -> None:
        """Set the Play widget to the engine's time and running state, then redraw."""
        self._sync = True
        try:
            with self.play.hold_sync():
                self.play.max = self.clock.total
                self.play.value = self.clock.elapsed
                self.play.playing = self.clock.phase == "talking"
        finally:
            self._sync = False
        self._render()

    # showing ---------------------------------------------------------------------------------------
    def _on_minutes(self, change: dict[str, Any]) -> None:
        if self.clock.phase == "ready":
            self.clock.set_minutes(change["new"])
            self._push()
        else:  # the box is disabled once the round runs; a change from Python is put back
            self.minutes_box.value = self.clock.minutes

    def _after(self, event: str | None) -> None:
        """After anything that moves the clock: the Play widget, the feedback, and saving at the end."""
        self._push()
        phase = self.clock.phase
        if phase == "paused" and self.clock.at_observer_pause:
            questions = "".join(f"<li>{esc(_(q))}</li>" for q in OBSERVER_QUESTIONS)
            self.show("info", _("Pause — observer, ask:"), f'<ol class="miw-rp">{questions}</ol><p>{esc(_(OBSERVER_NOTE))} {esc(_("Then press Resume."))}</p>')
        elif phase == "paused":
            self.show("info", _("Clock paused."), esc(_("Press Resume to go on.")))
        elif phase == "debrief":
            roles = self.roles
            who_text = {r: _("{role} ({name})").format(role=_(ROLE_LABELS[r]), name=name) for r, name in roles.items()}
            items = "".join(f"<li><strong>{esc(who_text.get(who, _(EVERYONE)))}:</strong> {esc(_(q))}</li>" for who, q in DEBRIEF_PROMPTS)
            if self.clock.rotation_complete:  # all three line-ups reached the debrief: say so in words
                n = self.clock.rotations_done
                title = _("Everyone has now had each role once.") if n == 1 else _("Everyone has now had each role {n} times.").format(n=n)
                idea = _("Suggestion: after this round's debrief, hold a short group debrief together: what did each of you notice in each role, and what would you try next time? Then press Rotate roles to start a new rotation, or New group when another group of three takes over.")
                after = note_box("ok", title, esc(idea))
            else:
                after = f'<p>{esc(_("Then press Rotate roles for the next round."))}</p>'
            self.show("ok", _("Time is up — short debrief"), f'<ul class="miw-rp">{items}</ul>{after}')
            if event == "end":
                self.record(self.ref, data=realplay_record(self.clock, self.names), title=_("Realplay"))
        else:
            self.clear()

    def _banner(self) -> None:
        """The pause banner: shown at an observer pause only, hidden otherwise."""
        if self.clock.phase == "paused" and self.clock.at_observer_pause:
            title = _("Pause — observer, ask the two questions")
            sub = _("Observer: {name}. The questions are below; then press Resume.").format(name=self.roles["observer"])
            self.banner.value = (f'<div class="miw miw-rp-banner" role="alert"><span aria-hidden="true">⏸</span> {esc(title)}'
                                 f'<div class="miw-rp-banner-sub">{esc(sub)}</div></div>')
            self.banner.layout.display = None
        else:
            self.banner.value = ""
            self.banner.layout.display = "none"

    def _render(self) -> None:
        c = self.clock
        rows = "".join(f'<tr><th scope="row">{esc(_(ROLE_LABELS[r]))}</th><td><strong>{esc(self.roles[r])}</strong></td></tr>' for r in ROLES)
        tasks = "".join(f"<li><strong>{esc(_(ROLE_LABELS[r]))}:</strong> {esc(_(ROLE_TASKS[r]))}</li>" for r in ROLES)
        title = esc(_("Round {r} — who does what").format(r=c.round))
        self.roles_html.value = (f'<div class="miw miw-rp"><table class="miw-table"><caption>{title}</caption>{rows}</table>'
                                 f'<details><summary>{esc(_("What each role does"))}</summary><ul>{tasks}</ul></details></div>')
        phase_words = {"ready": _("Ready"), "talking": _("Talking"), "paused": _("Paused"), "debrief": _("Debrief")}[c.phase]
        if c.next_pause is not None:
            upcoming = _("Next observer pause at {t} (in {s} s).").format(t=clock_text(c.next_pause), s=c.next_pause - c.elapsed)
        elif c.phase == "paused" and c.at_observer_pause:
            upcoming = _("Observer pause now.")
        else:
            upcoming = _("No more pauses this round.")
        sub = _("{phase} · {left} left of {total} · observer pauses so far: {n}").format(
            phase=phase_words, left=clock_text(c.remaining), total=clock_text(c.total), n=c.pauses_done)
        self.clock_html.value = (
            f'<div class="miw miw-rp" role="timer" aria-label="{esc(_("Time gone in this round"))}">'
            f'<div class="miw-clock">{esc(clock_text(c.elapsed))}</div>'
            f'<div class="miw-rp-sub">{esc(sub)}</div><div class="miw-rp-sub">{esc(upcoming)}</div></div>'
        )
        self._banner()
        self.start_button.disabled = c.phase != "ready"
        self.pause_button.disabled = c.phase != "talking"
        self.resume_button.disabled = c.phase != "paused"
        self.minutes_box.disabled = c.phase != "ready"


class ObserverTally(Exercise):
    """The observer's tally sheet: a large button per behaviour, with the count on it, and the
    live R:Q and %CR against the MITI 4.2.1 thresholds.

    ``label``: the session label, also the progress reference (default ``"practice"``); the tally
    last saved under it comes back. Driven from Python: ``tap(key)`` (keys: open, closed, sr, cr,
    af, summary, righting), ``undo()``, ``next_round()``, ``reset(confirm=True)``, ``cancel()``,
    ``save()``, ``load(confirm=True)``, ``export()``, ``set_label(text)``. Readable: ``label``,
    ``counts``, ``to_csv()``, ``tally`` (the engine's :class:`Tally`), ``last_export`` (file name
    and bytes of the last CSV offered), ``feedback.value``, ``stats.value``.
    Saved as kind ``"tally"`` on Save, Export and Next round only (not on every tap).
    """

    kind = "tally"

    def __init__(self, label: str | None = None) -> None:
        super().__init__(_("Observer tally"))
        self.tally = Tally()
        self._armed: str | None = None  # "reset" or "load" while waiting for the second click
        self._dirty = False  # taps since the last save or load
        self.last_export: tuple[str, bytes] | None = None
        lead = _("Tap a button each time you hear the interviewer do one of these. The counts are on the buttons.")
        self.lead = paragraph(f'{LOCAL_STYLE}<p class="miw-lead">{esc(lead)}</p>')
        self.label_box = w.Text(value=session_label(label), description=_("Session label"), continuous_update=False, style=WIDE, layout=field())
        self.label_box.observe(self._on_label, names="value")
        self.buttons: dict[str, w.Button] = {}
        for key in TALLY_KEYS:
            b = w.Button(tooltip=_(TALLY_HINTS[key]), layout=w.Layout(width="100%", height="auto"))
            b.add_class("miw-big")
            b.on_click(lambda _b, key=key: self.tap(key))
            self.buttons[key] = b
        grid = w.GridBox(list(self.buttons.values()), layout=w.Layout(
            width="100%", grid_gap="0.4rem", grid_template_columns="repeat(auto-fill, minmax(min(100%, 13rem), 1fr))"))
        self.last_line = w.HTML()
        self.stats = w.HTML(layout=w.Layout(width="100%"))
        self.undo_button = button(_("Undo last"), self.undo)
        self.reset_button = button(_("Reset"), self.reset)
        self.cancel_button = button(_("Keep the counts"), self.cancel)
        self.save_button = button(_("Save"), self.save)
        self.load_button = button(_("Load saved tally"), self.load)
        self.export_button = button(_("Export CSV"), self.export, style="primary")
        self.next_button = button(_("Next round"), self.next_round, tooltip=_("Save this round under its label, then start the next round with zero counts"))
        actions = w.HBox([self.undo_button, self.next_button, self.save_button, self.export_button, self.load_button, self.reset_button, self.cancel_button], layout=row())
        note = "".join(f"<li>{esc(t)}</li>" for t in (
            _("Summaries are counted on their own here and left out of R:Q and %CR. MITI 4.2.1 has no separate summary code: a summary is coded as a reflection, usually a complex one. An interviewer who summarises often will therefore score a little higher on both ratios under MITI coding than this tally shows."),
            _("Righting reflex: advice, persuasion, correcting or arguing, offered without the person asking or agreeing. It enters neither ratio."),
            _("This live tally counts every question and reflection you hear; MITI coding counts at most one of each per volley, so read the ratios as a guide, not a MITI score."),
        ))
        self.note = paragraph(f'<ul class="miw-rp-note">{note}</ul>')
        self._disarm()
        self.set_body(self.lead, self.label_box, grid, self.last_line, actions, self.stats, self.note)
        self._load_saved(quiet=False)
        self._render()

    # readable ------------------------------------------------------------------------------------
    @property
    def label(self) -> str:
        return session_label(self.label_box.value)

    @property
    def counts(self) -> dict[str, int]:
        """A copy of the counts by key."""
        return dict(self.tally.counts)

    def to_csv(self, timestamp: str | None = None) -> str:
        """The tally as CSV text (header and one row: session, timestamp, counts, ratios, levels)."""
        return self.tally.to_csv(self.label, timestamp)

    # driven from Python ----------------------------------------------------------------------------
    def tap(self, key: str) -> int:
        """Count one behaviour; returns its new count."""
        n = self.tally.tap(key)
        self._dirty = True
        self._disarm()
        self.last_line.value = f'<div class="miw" role="status">{esc(_("Counted: {what} (now {n}).").format(what=_(TALLY_LABELS[key]), n=n))}</div>'
        self._render()
        return n

    def undo(self) -> str | None:
        """Take back the last tap; its key, or None when there is nothing to undo."""
        self._disarm()
        key = self.tally.undo()
        if key is None:
            self.show("info", _("Nothing to undo."))
        else:
            self._dirty = True
            self.last_line.value = f'<div class="miw" role="status">{esc(_("Taken back: {what} (now {n}).").format(what=_(TALLY_LABELS[key]), n=self.tally.counts[key]))}</div>'
        self._render()
        return key

    def reset(self, confirm: bool = False) -> bool:
        """Clear every count - at the second press, or at once with ``confirm=True``. True if cleared."""
        if not (confirm or self._armed == "reset"):
            self._arm("reset", _("Clear all counts?"), _("Press “Yes, clear all counts” to clear them, or “Keep the counts”."))
            return False
        self.tally.reset()
        self._dirty = True
        self._disarm()
        self.last_line.value = ""
        self.show("info", _("All counts are back to zero."), esc(_("A tally you saved earlier stays saved until you press Save.")))
        self._render()
        return True

    def load(self, confirm: bool = False) -> bool:
        """Put back the tally last saved under this label. Unsaved counts are replaced only at the
        second press (or with ``confirm=True``). True if loaded."""
        if self._dirty and self.tally.total and not (confirm or self._armed == "load"):
            self._arm("load", _("Replace the current counts?"), _("They have not been saved. Press “Yes, load the saved tally”, or “Keep the counts”."))
            return False
        self._disarm()
        return self._load_saved(quiet=False, tell_missing=True)

    def cancel(self) -> None:
        """Keep the counts: forget a pending reset or load."""
        if self._armed:
            self._disarm()
            self.show("info", _("The counts are kept."))

    def save(self) -> Record | None:
        """Save the tally under its session label."""
        self._disarm()
        rec = self._record()
        if rec:
            self.show("ok", _("Saved."), esc(_("The tally is saved as “{label}”.").format(label=self.label)))
        return rec

    def export(self) -> str:
        """Save the tally and offer it as a CSV download; returns the CSV text."""
        self._disarm()
        stamp = now()
        text = self.to_csv(stamp)
        data = text.encode("utf-8")
        filename = csv_filename(self.label, stamp)
        self.last_export = (filename, data)
        self._record()
        link = download_link(data, filename, _("Download {name}").format(name=filename), "text/csv")
        self.show("ok", _("Tally saved and ready to download."), link)
        return text

    def set_label(self, text: str) -> None:
        """Type a session label (as leaving the box would)."""
        self.label_box.value = text

    def next_round(self) -> str | None:
        """One click between rounds: save this tally under its label, clear the counts and go on
        under the next round's label ("practice" -> "practice round 2" -> "practice round 3"; a
        label already saved is skipped, so nothing is overwritten). The finished round stays
        saved and loadable, and its CSV is offered too. Returns the new label, or None when
        nothing was counted or the save failed (then the counts stay)."""
        self._disarm()
        old = self.label
        if not self.tally.total:
            self.show("info", _("Nothing counted yet in “{label}”.").format(label=old), esc(_("Count this round first; Next round then saves it and starts the next one.")))
            return None
        stamp = now()
        text = self.to_csv(stamp)
        if self._record() is None:  # not saved: clearing now would lose the counts
            self.show("warn", _("The round could not be saved, so the counts stay."), esc(_("Press Export CSV to keep a copy of them.")))
            return None
        new = next_round_label(old, self.restore_all(), _(ROUND_LABEL))
        self.tally = Tally()
        self._dirty = False
        self.last_line.value = ""
        self.label_box.value = new  # nothing is saved under it, so nothing is loaded
        filename, data = csv_filename(old, stamp), text.encode("utf-8")
        self.last_export = (filename, data)
        where = _("The counts of “{old}” stay saved under that label in your progress file ({path}). To see them again, type “{old}” as the Session label: with nothing counted yet they come back at once, otherwise press Load saved tally.").format(old=old, path=store().path)
        link = download_link(data, filename, _("Download {name}").format(name=filename), "text/csv")
        self.show("ok", _("“{old}” is saved. Now counting “{new}”, from zero.").format(old=old, new=new), f"{esc(where)} {link}")
        self._render()
        return new

    # inside ------------------------------------------------------------------------------------------
    def _record(self) -> Record | None:
        data = {**self.tally.as_data(), "label": self.label}
        rec = self.record(self.label, data=data, title=_("Observer tally: {label}").format(label=self.label))
        if rec:
            self._dirty = False
        return rec

    def _load_saved(self, quiet: bool, tell_missing: bool = False) -> bool:
        rec = self.restore(self.label)
        if rec is None:
            if tell_missing:
                self.show("info", _("No saved tally for “{label}” yet.").format(label=self.label))
            return False
        self.tally = Tally.from_data(rec.data)
        self._dirty = False
        if not quiet:
            self.show("info", _("Your saved tally is back."), esc(_("Session “{label}”, saved {when} (UTC).").format(label=self.label, when=rec.last[:16].replace("T", " "))))
        self._render()
        return True

    def _on_label(self, _change: Any) -> None:
        self._disarm()
        if not self.tally.total:
            self._load_saved(quiet=False)
        elif self.restore(self.label):
            self.show("info", _("A tally is saved under “{label}”.").format(label=self.label), esc(_("Your current counts stay; press Load saved tally to replace them, or Save to save them under this label.")))

    def _arm(self, what: str, title: str, words: str) -> None:
        self._armed = what
        self.reset_button.description = _("Yes, clear all counts") if what == "reset" else _("Reset")
        self.load_button.description = _("Yes, load the saved tally") if what == "load" else _("Load saved tally")
        self.cancel_button.layout.display = None
        self.show("warn", title, esc(words))

    def _disarm(self) -> None:
        self._armed = None
        self.reset_button.description = _("Reset")
        self.load_button.description = _("Load saved tally")
        self.cancel_button.layout.display = "none"

    def _render(self) -> None:
        for key, b in self.buttons.items():
            b.description = _("{what} ({n})").format(what=_(TALLY_LABELS[key]), n=self.tally.counts[key])
        thresholds = ratio_thresholds()
        levels = self.tally.levels()
        rq, cr = self.tally.reflection_to_question, self.tally.percent_complex
        rows = [
            (_("Reflections to questions (R:Q)"), None if rq is None else f"{rq:.2f} : 1", levels["reflection_to_question"],
             _("needs at least one question"),
             _("fair from {fair:g} : 1, good from {good:g} : 1").format(fair=thresholds["reflection_to_question"][0], good=thresholds["reflection_to_question"][1])),
            (_("Complex reflections (%CR)"), None if cr is None else f"{cr:.1f}".rstrip("0").rstrip(".") + " %", levels["percent_complex_reflections"],
             _("needs at least one reflection"),
             _("fair from {fair:g} %, good from {good:g} %").format(fair=thresholds["percent_complex_reflections"][0], good=thresholds["percent_complex_reflections"][1])),
        ]
        body = []
        for name, value, lvl, needs, limits in rows:
            if value is None:
                shown = f'<strong>—</strong> {esc(_("not enough yet"))} <small>({esc(needs)})</small>'
            else:
                status = STATUS_OF_LEVEL[lvl or "below_fair"]
                shown = f'<strong>{esc(value)}</strong> <span aria-hidden="true">{ICONS[status]}</span> {esc(_(LEVEL_WORDS[lvl or "below_fair"]))}'
            body.append(f'<tr><th scope="row">{esc(name)}</th><td>{shown}</td><td><small>{esc(limits)}</small></td></tr>')
        caption = esc(_("Ratios (MITI 4.2.1 thresholds; open and closed questions together count as questions)"))
        self.stats.value = f'<div class="miw miw-rp"><table class="miw-table"><caption>{caption}</caption>{"".join(body)}</table></div>'
        self.undo_button.disabled = not self.tally.history
