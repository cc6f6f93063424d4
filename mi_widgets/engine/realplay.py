"""Three-person realplay: the round clock with observer pauses, the rotating roles, and the
observer's live tally of OARS counts with its two ratios.

Pure Python (no widget library), so a class can run it from a script and the tests need no browser.

**The exercise.** Three people take turns: the *person* talks about a real opportunity or choice
in their own life; the *interviewer* explores it, keeps the choice with them and helps them along
in their own process, at their own pace; the *observer* stops the talk every 60-90 seconds and
asks the interviewer two questions (their inner experience right now; where they are heading
next). A short debrief closes each round. After three rounds, each person has had each role.

**Pause points.** :class:`RealplayClock` plans one pause point at a time: the next one lies a gap
after the last observer pause (or after the start), and the gap is picked inside the chosen range
(30-180 s, default 60-90 s):

* ``pick="random"`` (default): a whole number of seconds drawn uniformly from the range, so the
  interviewer cannot predict the stop. ``seed`` makes the draws repeatable (tests, demonstrations);
  ``seed=None`` uses fresh randomness.
* ``pick="midpoint"``: always the middle of the range (rounded down), e.g. every 75 s for 60-90.

No pause is planned at or after the end of the round; the end leads to the debrief instead.

**Rotations and groups.** A round's *line-up* (who holds which role) repeats every three rounds.
The clock notes which of the three line-ups reached the debrief; once all three have, everyone has
had each role once: ``rotation_complete`` is True at that debrief and ``rotations_done`` goes up
(a round run twice, or a round skipped with :meth:`RealplayClock.rotate`, does not fake a full
rotation). :meth:`RealplayClock.new_group` starts over at round 1 for a new trio.

**Tally.** :class:`Tally` counts what the observer hears, one tap per event. The ratios follow
the MITI 4.2.1 formulas with open + closed questions as Q: R:Q = (SR + CR) / (open + closed) and
%CR = 100 * CR / (SR + CR); None when the denominator is zero. Summaries and righting-reflex
moments are counted apart and enter neither ratio (MITI 4.2.1 has no summary code and codes a
summary as a reflection, usually a complex one, so frequent summaries raise both ratios under
MITI). A live tally counts every question and reflection heard, whereas MITI coding counts at most
one of each per volley, so the ratios are a guide for feedback, not a MITI score.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import UsageError
from .i18n import N_, _
from .miti import THRESHOLDS, Level, level
from .progress import now

# ------------------------------------------------------------------------------------------------
# The realplay round
# ------------------------------------------------------------------------------------------------

Phase = Literal["ready", "talking", "paused", "debrief"]
Pick = Literal["random", "midpoint"]

ROLES: tuple[str, ...] = ("person", "interviewer", "observer")
ROLE_LABELS: dict[str, str] = {
    "person": N_("Person"),
    "interviewer": N_("Interviewer"),
    "observer": N_("Observer"),
}
ROLE_TASKS: dict[str, str] = {
    "person": N_("Speaks as themselves about a real opportunity or choice in their own life. Choose something you are comfortable sharing; you can stop at any time."),
    "interviewer": N_("Explores it with the person, keeps the choice with them, and helps them along in their own process, at their own pace."),
    "observer": N_("Watches the clock, stops the talk at each pause and asks the interviewer the two questions."),
}
OBSERVER_QUESTIONS: tuple[str, ...] = (
    N_("What are you experiencing inside right now? (feelings, thoughts)"),
    N_("Where are you heading next?"),
)
#: Why the second question matters, shown beside it.
OBSERVER_NOTE = N_(
    "Listen to where the interviewer's direction comes from: the person's own words and wishes, or "
    "the interviewer's own idea of what the person should do. Notice whether it shifts from pause to "
    "pause."
)
#: The debrief, as (who answers, the question).
DEBRIEF_PROMPTS: tuple[tuple[str, str], ...] = (
    ("person", N_("How was this exercise for you?")),
    ("observer", N_("What did you hear or see that could be useful to the interviewer?")),
    ("everyone", N_("Were there moments where the interviewer took sides or steered toward a particular conclusion? What happened then?")),
)
EVERYONE = N_("Everyone")

PAUSE_MIN = 30  #: shortest gap between observer pauses, seconds
PAUSE_MAX = 180  #: longest gap, seconds
DEFAULT_PAUSE = (60, 90)
DEFAULT_MINUTES = 8
MAX_MINUTES = 60


def check_pause_range(pause_every: tuple[int, int] | list[int]) -> tuple[int, int]:
    """``(low, high)`` as ints inside 30-180 s with low <= high; ValueError otherwise."""
    try:
        low, high = (int(v) for v in pause_every)
    except (TypeError, ValueError):
        raise UsageError(f"pause_every must be two whole numbers of seconds, not {pause_every!r}") from None
    if not PAUSE_MIN <= low <= high <= PAUSE_MAX:
        raise UsageError(f"pause_every must lie within {PAUSE_MIN}-{PAUSE_MAX} seconds with the lower value first, not {low}-{high}")
    return low, high


def check_minutes(minutes: int) -> int:
    """Minutes per round as an int in 1-60; ValueError otherwise."""
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes != int(minutes) or not 1 <= minutes <= MAX_MINUTES:
        raise UsageError(f"minutes must be a whole number from 1 to {MAX_MINUTES}, not {minutes!r}")
    return int(minutes)


def roles_for_round(round_number: int) -> dict[str, int]:
    """Which participant (0, 1, 2) holds each role in round ``round_number`` (1-based).

    Round 1: participant 0 is the person, 1 the interviewer, 2 the observer. Each new round moves
    everyone one role on (the person observes, the observer interviews, the interviewer becomes
    the person), so after three rounds each participant has held each role once.
    """
    shift = (round_number - 1) % 3
    return {role: (i + shift) % 3 for i, role in enumerate(ROLES)}


def lineup(round_number: int) -> int:
    """Which of the three line-ups (1, 2, 3) a round has: rounds 1, 4, 7 ... share line-up 1."""
    return (round_number - 1) % 3 + 1


def _count(value: Any) -> int:
    """A saved count as a non-negative int (0 for anything else, e.g. a hand-edited file)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def clock_text(seconds: int) -> str:
    """``m:ss`` for a number of seconds (``7:05``, ``12:00``); negative numbers count as 0."""
    seconds = max(0, int(seconds))
    return f"{seconds // 60:d}:{seconds % 60:02d}"


@dataclass
class RealplayClock:
    """One realplay session: the clock of the current round, its pause points, roles and rounds.

    ``minutes``: length of a round. ``pause_every``: (low, high) seconds between observer pauses,
    within 30-180. ``pick`` and ``seed``: how the next gap is chosen (see the module docstring).

    State a caller reads: ``phase`` ("ready", "talking", "paused", "debrief"), ``elapsed`` and
    ``remaining`` (seconds), ``next_pause`` (seconds from the start, or None when no pause is left
    in the round), ``pauses_done`` (observer pauses reached this round), ``at_observer_pause`` (the
    current pause is an observer pause, not a manual one), ``round`` (1-based, moves on with
    :meth:`rotate`), ``rounds_done`` (rounds that reached the debrief with this group),
    ``lineups_done`` (line-ups 1-3 that reached the debrief since the last full rotation; see
    :func:`lineup`), ``rotations_done`` (full rotations with this group), ``rotation_complete``
    (True in the debrief that completed a rotation).
    """

    minutes: int = DEFAULT_MINUTES
    pause_every: tuple[int, int] = DEFAULT_PAUSE
    pick: Pick = "random"
    seed: int | None = None
    round: int = 1
    rounds_done: int = 0
    lineups_done: set[int] = field(default_factory=set)
    rotations_done: int = 0
    rotation_complete: bool = field(default=False, init=False)
    phase: Phase = field(default="ready", init=False)
    elapsed: int = field(default=0, init=False)
    pauses_done: int = field(default=0, init=False)
    at_observer_pause: bool = field(default=False, init=False)
    next_pause: int | None = field(default=None, init=False)
    last_stop: int = field(default=0, init=False)  #: where the last observer pause was (0 at the start)
    _gap: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self.minutes = check_minutes(self.minutes)
        self.pause_every = check_pause_range(self.pause_every)
        if self.pick not in ("random", "midpoint"):
            raise UsageError(f"pick must be 'random' or 'midpoint', not {self.pick!r}")
        if not isinstance(self.round, int) or self.round < 1:
            raise UsageError(f"round must be a whole number from 1, not {self.round!r}")
        self._rng = random.Random(self.seed)
        self._plan(new_gap=True)

    # reading -------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        """Length of the round in seconds."""
        return self.minutes * 60

    @property
    def remaining(self) -> int:
        return self.total - self.elapsed

    @property
    def roles(self) -> dict[str, int]:
        """Participant index (0-2) holding each role this round."""
        return roles_for_round(self.round)

    @property
    def next_round(self) -> int:
        """The round a later session goes on with: the next one once this round reached its
        debrief, else this one."""
        return self.round + 1 if self.phase == "debrief" else self.round

    def gap(self) -> int:
        """A new gap between pauses, picked in ``pause_every`` by the rule of ``pick``."""
        low, high = self.pause_every
        return (low + high) // 2 if self.pick == "midpoint" else self._rng.randint(low, high)

    def _plan(self, new_gap: bool) -> None:
        """Set ``next_pause``: the last stop plus the gap, never behind the clock, None at the end."""
        if new_gap:
            self._gap = self.gap()
        point = max(self.last_stop + self._gap, self.elapsed + 1)
        self.next_pause = point if point < self.total else None

    # driving -------------------------------------------------------------------------------------
    def start(self) -> bool:
        """Start the round (from "ready") or go on after a pause; False if there is nothing to start."""
        if self.phase == "ready":
            self.phase = "talking"
            return True
        if self.phase == "paused":
            return self.resume()
        return False

    def pause(self) -> bool:
        """Pause by hand (not an observer pause); False unless the clock was running."""
        if self.phase != "talking":
            return False
        self.phase = "paused"
        self.at_observer_pause = False
        return True

    def resume(self) -> bool:
        """Go on after a pause; after an observer pause the next pause point is picked. False
        unless the clock was paused."""
        if self.phase != "paused":
            return False
        if self.at_observer_pause:
            self.last_stop = self.elapsed
            self._plan(new_gap=True)
        self.at_observer_pause = False
        self.phase = "talking"
        return True

    def tick(self, seconds: int = 1) -> str | None:
        """Advance a running clock by ``seconds`` as the clock would, one second at a time.

        It stops at a pause point (phase "paused", observer pause, returns ``"pause"``) or at the
        end of the round (phase "debrief", ``rounds_done`` counted, returns ``"end"``); seconds
        beyond that stop are dropped, as a stopped clock does not run. Returns None when it just
        ran on, and does nothing unless the phase is "talking".
        """
        if seconds < 0:
            raise UsageError("a clock does not run backwards")
        for _ in range(int(seconds)):
            if self.phase != "talking":
                return None
            self.elapsed += 1
            if self.elapsed >= self.total:
                self.elapsed = self.total
                self.phase = "debrief"
                self.next_pause = None
                self._finish_round()
                return "end"
            if self.next_pause is not None and self.elapsed >= self.next_pause:
                self.phase = "paused"
                self.at_observer_pause = True
                self.pauses_done += 1
                self.next_pause = None  # picked when the talk resumes
                return "pause"
        return None

    def _finish_round(self) -> None:
        """Count the round that reached its debrief, and a full rotation once all three line-ups have."""
        self.rounds_done += 1
        self.lineups_done.add(lineup(self.round))
        if len(self.lineups_done) == 3:
            self.rotation_complete = True
            self.rotations_done += 1
            self.lineups_done.clear()

    def reset(self) -> None:
        """The clock back to the start of the same round, with the same roles."""
        self.rotation_complete = False
        self.phase = "ready"
        self.elapsed = 0
        self.pauses_done = 0
        self.at_observer_pause = False
        self.last_stop = 0
        self._plan(new_gap=True)

    def rotate(self) -> None:
        """The next round: everyone moves one role on and the clock starts again."""
        self.round += 1
        self.reset()

    def new_group(self) -> None:
        """A new trio: round 1, no rounds or rotations done, the clock at the start. Minutes and
        pause range stay (they belong to the class, not the group)."""
        self.round = 1
        self.rounds_done = 0
        self.rotations_done = 0
        self.lineups_done.clear()
        self.reset()

    def restore(self, data: dict[str, Any] | None) -> None:
        """Go on from a saved :func:`realplay_record`, checked: bad values count as nothing.

        The clock is set to the round to continue with (``next_round``; records saved before it
        existed hold the finished ``round``, so the one after it). Without ``lineups_done`` the
        line-ups are taken as run in order up to the saved round.
        """
        data = data or {}
        self.rounds_done = _count(data.get("rounds_done"))
        self.rotations_done = _count(data.get("rotations_done"))
        nxt = _count(data.get("next_round"))
        finished = _count(data.get("round"))
        self.round = nxt or finished + 1
        saved = data.get("lineups_done")
        if isinstance(saved, list) and all(v in (1, 2, 3) and not isinstance(v, bool) for v in saved):
            self.lineups_done = set(saved)
        else:  # an older record: the rounds since the last full rotation, ending with the saved one
            self.lineups_done = {lineup(finished - k) for k in range(self.rounds_done % 3)} if finished else set()
        if len(self.lineups_done) == 3:  # a hand-edited file
            self.lineups_done.clear()
        self.reset()

    def set_pause_every(self, pause_every: tuple[int, int]) -> None:
        """A new pause range; the next pause point is picked again from the last stop."""
        self.pause_every = check_pause_range(pause_every)
        if self.phase in ("ready", "talking") or (self.phase == "paused" and not self.at_observer_pause):
            self._plan(new_gap=True)  # at an observer pause the next point is picked on resume

    def set_minutes(self, minutes: int) -> None:
        """A new round length; only before the round starts (ValueError otherwise)."""
        minutes = check_minutes(minutes)
        if self.phase != "ready":
            raise UsageError("the round length can be changed only before the round starts")
        self.minutes = minutes
        self._plan(new_gap=False)


def participant_names(names: list[str] | tuple[str, ...] | None) -> list[str]:
    """Exactly three names, stripped and cut to 60 characters; missing ones are ''."""
    given = [str(n or "").strip()[:60] for n in (names or [])][:3]
    return given + [""] * (3 - len(given))


def realplay_record(clock: RealplayClock, names: list[str]) -> dict[str, Any]:
    """What a realplay session saves: rounds done, minutes, pause range, the round and its roles
    (participant numbers 1-3), the round a later session goes on with (``next_round``), the
    line-ups done in the current rotation and the rotations done, and the names only where the
    user typed them."""
    data: dict[str, Any] = {
        "rounds_done": clock.rounds_done,
        "minutes": clock.minutes,
        "pause_every": list(clock.pause_every),
        "round": clock.round,
        "roles": {role: i + 1 for role, i in clock.roles.items()},
        "next_round": clock.next_round,
        "lineups_done": sorted(clock.lineups_done),
        "rotations_done": clock.rotations_done,
    }
    typed = participant_names(names)
    if any(typed):
        data["names"] = typed
    return data


# ------------------------------------------------------------------------------------------------
# The observer's tally
# ------------------------------------------------------------------------------------------------

TALLY_KEYS: tuple[str, ...] = ("open", "closed", "sr", "cr", "af", "summary", "righting")
TALLY_LABELS: dict[str, str] = {
    "open": N_("Open question"),
    "closed": N_("Closed question"),
    "sr": N_("Simple reflection"),
    "cr": N_("Complex reflection"),
    "af": N_("Affirmation"),
    "summary": N_("Summary"),
    "righting": N_("Righting reflex"),
}
TALLY_HINTS: dict[str, str] = {
    "open": N_("A question that invites a longer answer in the person's own words."),
    "closed": N_("A question that can be answered with yes, no or a short fact."),
    "sr": N_("Gives back what the person said, adding little or nothing."),
    "cr": N_("Adds meaning: a feeling, a guess at what lies beneath, both sides of the ambivalence."),
    "af": N_("Names a real strength, effort or value of the person, tied to something specific."),
    "summary": N_("Gathers several things the person said and gives them back together."),
    "righting": N_("Advice, persuasion, correcting or arguing, offered without the person asking or agreeing."),
}
#: Column names of the CSV export (stable identifiers, not translated).
CSV_COUNT_COLUMNS: dict[str, str] = {
    "open": "open_questions",
    "closed": "closed_questions",
    "sr": "simple_reflections",
    "cr": "complex_reflections",
    "af": "affirmations",
    "summary": "summaries",
    "righting": "righting_reflex",
}
CSV_COLUMNS: tuple[str, ...] = (
    "session", "timestamp", *CSV_COUNT_COLUMNS.values(),
    "reflections_to_questions", "reflections_to_questions_level",
    "percent_complex_reflections", "percent_complex_reflections_level",
)
LEVEL_WORDS: dict[str, str] = {"good": N_("good"), "fair": N_("fair"), "below_fair": N_("below fair")}
DEFAULT_LABEL = N_("practice")  #: translated where used: a Danish session is called "øvelse"
MAX_LABEL = 80
MAX_HISTORY = 10_000
#: How the next round's session label is made from a label; translated where used.
ROUND_LABEL = N_("{label} round {n}")


def session_label(text: str | None) -> str:
    """A tally's session label: trimmed, at most 80 characters, ``"practice"`` when empty."""
    label = " ".join(str(text or "").split())[:MAX_LABEL]
    return label or _(DEFAULT_LABEL)


def next_round_label(label: str, taken: Iterable[str] = (), template: str = ROUND_LABEL) -> str:
    """The session label of the next round: ``"practice"`` -> ``"practice round 2"``,
    ``"practice round 2"`` -> ``"practice round 3"``.

    ``template`` (``"{label} round {n}"`` or its translation) both reads the round number off the
    label and writes the new one. A label in ``taken`` (already saved) is skipped, so the next
    round never lands on earlier counts; the base is shortened where the whole would pass 80
    characters, so the number is never cut off.
    """
    if "{label}" not in template or "{n}" not in template:
        raise UsageError(f"the round label template needs {{label}} and {{n}}, not {template!r}")
    label = session_label(label)
    pattern = re.escape(template).replace(re.escape("{label}"), "(?P<label>.+?)").replace(re.escape("{n}"), r"(?P<n>\d{1,6})")
    found = re.fullmatch(pattern, label, flags=re.IGNORECASE)
    base, n = (found["label"], int(found["n"]) + 1) if found else (label, 2)
    used = {session_label(t) for t in taken} | {label}
    while True:
        room = MAX_LABEL - len(template.format(label="", n=n))
        candidate = session_label(template.format(label=base[:max(room, 1)].rstrip(), n=n))
        if candidate not in used:
            return candidate
        n += 1


def _safe_cell(text: str) -> str:
    """A learner's text made harmless in a spreadsheet: a leading = + - @ would start a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@dataclass
class Tally:
    """Counts of what the observer hears, with an undo history.

    ``counts``: key -> count for every key of :data:`TALLY_KEYS`. ``history``: the keys tapped, in
    order, for :meth:`undo`.
    """

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TALLY_KEYS, 0))
    history: list[str] = field(default_factory=list)

    def tap(self, key: str) -> int:
        """Count one ``key``; returns its new count. ValueError for an unknown key."""
        if key not in TALLY_KEYS:
            raise UsageError(f"unknown tally key '{key}' (choose from {', '.join(TALLY_KEYS)})")
        self.counts[key] += 1
        self.history.append(key)
        del self.history[:-MAX_HISTORY]
        return self.counts[key]

    def undo(self) -> str | None:
        """Take back the last tap; returns its key, or None when there is nothing to undo."""
        while self.history:
            key = self.history.pop()
            if self.counts.get(key, 0) > 0:
                self.counts[key] -= 1
                return key
        return None

    def reset(self) -> None:
        """Every count back to zero, history emptied."""
        self.counts = dict.fromkeys(TALLY_KEYS, 0)
        self.history = []

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def questions(self) -> int:
        return self.counts["open"] + self.counts["closed"]

    @property
    def reflections(self) -> int:
        return self.counts["sr"] + self.counts["cr"]

    @property
    def reflection_to_question(self) -> float | None:
        """(SR + CR) / (open + closed); None with no questions."""
        return self.reflections / self.questions if self.questions else None

    @property
    def percent_complex(self) -> float | None:
        """100 * CR / (SR + CR); None with no reflections."""
        return 100.0 * self.counts["cr"] / self.reflections if self.reflections else None

    def levels(self) -> dict[str, Level | None]:
        """'good', 'fair', 'below_fair' (or None) for R:Q and %CR against the MITI 4.2.1 thresholds."""
        return {
            "reflection_to_question": level("reflection_to_question", self.reflection_to_question),
            "percent_complex_reflections": level("percent_complex_reflections", self.percent_complex),
        }

    # saving and export -------------------------------------------------------------------------
    def as_data(self) -> dict[str, Any]:
        """What the progress file keeps: the counts, the undo history and the two ratios."""
        return {
            "counts": dict(self.counts),
            "history": list(self.history),
            "reflection_to_question": self.reflection_to_question,
            "percent_complex_reflections": self.percent_complex,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> "Tally":
        """A tally from saved data, checked: unknown keys and bad numbers are dropped, and the
        history is kept only where it matches the counts."""
        tally = cls()
        raw = (data or {}).get("counts") or {}
        if isinstance(raw, dict):
            for key in TALLY_KEYS:
                value = raw.get(key)
                if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                    tally.counts[key] = value
        history = (data or {}).get("history")
        if isinstance(history, list) and all(k in TALLY_KEYS for k in history):
            if all(history.count(k) <= tally.counts[k] for k in TALLY_KEYS):
                tally.history = list(history)[-MAX_HISTORY:]
        return tally

    def csv_row(self, label: str, timestamp: str | None = None) -> dict[str, str]:
        """One export row: session, timestamp (ISO 8601, UTC), counts, ratios (2 decimals, empty
        when undefined) and their levels."""
        rq, cr = self.reflection_to_question, self.percent_complex
        levels = self.levels()
        row = {"session": _safe_cell(session_label(label)), "timestamp": timestamp or now()}
        row.update({CSV_COUNT_COLUMNS[k]: str(self.counts[k]) for k in TALLY_KEYS})
        row["reflections_to_questions"] = "" if rq is None else f"{rq:.2f}"
        row["reflections_to_questions_level"] = levels["reflection_to_question"] or ""
        row["percent_complex_reflections"] = "" if cr is None else f"{cr:.1f}"
        row["percent_complex_reflections_level"] = levels["percent_complex_reflections"] or ""
        return row

    def to_csv(self, label: str = DEFAULT_LABEL, timestamp: str | None = None) -> str:
        """The tally as CSV text: a header and one row (see :meth:`csv_row`)."""
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        writer.writerow(self.csv_row(label, timestamp))
        return out.getvalue()


def csv_filename(label: str, timestamp: str) -> str:
    """``observer-tally-<label>-<YYYY-MM-DD-HHMM>.csv`` with the label reduced to safe characters."""
    slug = "".join(c if c.isalnum() else "-" for c in session_label(label).lower())
    slug = "-".join(p for p in slug.split("-") if p)[:40] or DEFAULT_LABEL
    stamp = "".join(c for c in timestamp[:16] if c.isdigit())
    stamp = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}-{stamp[8:12]}" if len(stamp) >= 12 else stamp
    return f"observer-tally-{slug}-{stamp}.csv"


def ratio_thresholds() -> dict[str, tuple[float, float]]:
    """The (fair, good) thresholds for R:Q and %CR, from the MITI 4.2.1 table in :mod:`.miti`."""
    return {k: THRESHOLDS[k] for k in ("reflection_to_question", "percent_complex_reflections")}


__all__ = [
    "CSV_COLUMNS", "DEBRIEF_PROMPTS", "DEFAULT_PAUSE", "OBSERVER_QUESTIONS", "PAUSE_MAX", "PAUSE_MIN", "ROLES",
    "ROLE_LABELS", "ROLE_TASKS", "TALLY_HINTS", "TALLY_KEYS", "TALLY_LABELS", "RealplayClock", "Tally", "check_minutes",
    "check_pause_range", "clock_text", "csv_filename", "lineup", "next_round_label", "participant_names", "ratio_thresholds",
    "realplay_record", "roles_for_round", "session_label",
]
