"""Ambivalence tools: the importance and confidence rulers, and the decisional balance.

Pure Python (no widgets): the follow-up questions a ruler score calls for, a ruler's saved state,
and the decisional-balance sets read from YAML (``data/exercises/*.yaml``, schema
``balance.schema.json``) with the sorting a learner does and its scoring.

Rulers
    Two 0-10 scales, importance ("How important is this change to you?") and confidence ("How
    confident are you that you could make it?"). MI follows a score with questions whose answers are
    change talk. Both rulers ask "What makes it a {n} and not a {lower}?", comparing the score with
    a lower number. The "lower number" rule (:func:`lower_anchor`): for a score ``n`` of 2 or more the
    comparison is ``max(n - 3, 1)`` (three points lower, but never below 1), and for a 1 it is 0.
    Three points is clearly lower, so the person has to name what puts them above it; not going
    below 1 keeps the comparison a step someone can picture rather than "not at all" (a design
    choice of this workbook, not a rule from the literature). A 0 gets "What would have to happen
    for it to become a 1?" instead. The
    upward question for importance goes two points higher (:func:`higher_anchor`, capped at 10);
    for confidence it asks what would help the person get a little higher. Both are left out at 0
    (the "become a 1" question already asks it) and at 10 (there is nothing higher). When both
    scores are 7 or more, :func:`ruler_focus` suggests asking about next steps (planning).

    In MI the person picks the number, so a ruler starts with none: :class:`RulerState` holds None
    for "not chosen yet", asks no questions for such a ruler (:meth:`RulerState.unchosen` names it),
    and :func:`ruler_focus`, which compares the two rulers, says nothing until both are chosen.

Decisional balance
    Four boxes. Two of them hold change talk (the not-so-good things about the status quo, the good
    things about changing) and two sustain talk (the good things about the status quo, the
    not-so-good things about changing): :data:`QUADRANT_TALK`. A statement has one gold box; it may
    name an ``also`` box a learner could defend. Only the gold box scores, but a statement placed in
    its ``also`` box is reported as defensible (:attr:`StatementResult.defensible`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import InputError, InputProblem, UsageError
from .i18n import N_, _
from .yamldoc import ENTRY_NAMES, DocKind, Path_, duplicate_ids, line_for, load_document, where

# How one entry of a balance set is named in messages ("statement 3, field 'quadrant'"). The
# registry lives in yamldoc; each kind of document names its own entries.
ENTRY_NAMES.setdefault("statements", "statement")

# ------------------------------------------------------------------------------------- rulers
RULER_MIN = 0
RULER_MAX = 10
MODES: tuple[str, ...] = ("self", "counselor")
Mode = Literal["self", "counselor"]
Scale = Literal["importance", "confidence"]

IMPORTANCE_LABEL = N_("How important is this change to you?")
CONFIDENCE_LABEL = N_("How confident are you that you could make it?")

#: Why the ruler question compares with a lower number, shown beside the questions.
WHY_LOWER = N_(
    "Why ask about a lower number? Asked what puts them above a lower number, on either ruler, "
    "people answer with their own reasons, wishes and abilities for the change: change talk, in "
    "their own words. Asked why they are not higher (\"Why only a 6?\"), they explain what holds "
    "them back and end up defending the status quo: sustain talk."
)


def _check_score(n: Any, what: str) -> int:
    """``n`` as a whole number 0-10; ValueError otherwise (a bool is not a score)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise UsageError(f"{what} should be a whole number from {RULER_MIN} to {RULER_MAX}, got {n!r}")
    if not RULER_MIN <= n <= RULER_MAX:
        raise UsageError(f"{what} should be from {RULER_MIN} to {RULER_MAX}, got {n}")
    return n


def lower_anchor(n: int) -> int | None:
    """The clearly lower number a score is compared with: ``max(n - 3, 1)`` for 2-10, 0 for a 1,
    None for a 0 (nothing is lower)."""
    n = _check_score(n, "a ruler score")
    if n == 0:
        return None
    if n == 1:
        return 0
    return max(n - 3, 1)


def higher_anchor(n: int) -> int | None:
    """The number the upward question aims at: ``n + 2``, at most 10; None at 10."""
    n = _check_score(n, "a ruler score")
    return None if n == RULER_MAX else min(n + 2, RULER_MAX)


def compare_question(n: int, lower: int) -> str:
    """The question comparing a score with its lower number, translated: "What makes it a 6 and
    not a 3?" (both rulers ask it)."""
    # English says "an 8"; a separate message lets other languages word both their own way
    text = _("What makes it an {n} and not a {lower}?") if n == 8 else _("What makes it a {n} and not a {lower}?")
    return text.format(n=n, lower=lower)


@dataclass(frozen=True)
class RulerQuestion:
    """One follow-up question for a ruler score."""

    scale: str  #: "importance" or "confidence"
    text: str  #: the question itself, translated
    purpose: str  #: self mode: what answering it brings out; counselor mode: what to listen for


def importance_questions(n: int, mode: Mode = "self") -> list[RulerQuestion]:
    """The follow-up questions for an importance score ``n`` (0-10).

    ``mode="self"``: a learner rating a change of their own; ``mode="counselor"``: the questions to
    ask a client, each with what to listen for. The questions are the same; the purpose differs.
    """
    n = _check_score(n, "importance")
    _check_mode(mode)
    coach = mode == "counselor"
    out: list[RulerQuestion] = []
    lower, higher = lower_anchor(n), higher_anchor(n)
    if lower is None:
        out.append(RulerQuestion("importance", _("What would have to happen for it to become a 1?"), (
            _("Listen without arguing: a 0 is an honest answer. What the client names is what could make the change matter; offer information only with permission.")
            if coach else _("A 0 is an honest answer. Whatever you name here is what could make the change matter to you one day.")
        )))
    else:
        out.append(RulerQuestion("importance", compare_question(n, lower), (
            _("Listen for reasons, desire and need: change talk. Reflect them back in the client's words.")
            if coach else _("It brings out your own reasons for the change, and how much you want or need it.")
        )))
        if higher is not None:
            out.append(RulerQuestion("importance", _("What would it take to move from {n} to {higher}?").format(n=n, higher=higher), (
                _("Listen for what would make the change matter more; do not supply the answer yourself.")
                if coach else _("It shows what would make the change matter more to you.")
            )))
    return out


def confidence_questions(n: int, mode: Mode = "self") -> list[RulerQuestion]:
    """The follow-up questions for a confidence score ``n`` (0-10); see :func:`importance_questions`."""
    n = _check_score(n, "confidence")
    _check_mode(mode)
    coach = mode == "counselor"
    out: list[RulerQuestion] = []
    lower = lower_anchor(n)
    if lower is None:
        out.append(RulerQuestion("confidence", _("What would have to happen for it to become a 1?"), (
            _("Listen for the first small thing that would help; resist offering a plan of your own.")
            if coach else _("Think of the smallest thing that would make the change feel a little more possible.")
        )))
        return out
    out.append(RulerQuestion("confidence", compare_question(n, lower), (
        _("Listen for ability: strengths, past successes, people who would help. Affirm what is real in it.")
        if coach else _("It brings out your strengths, what has worked before and who could help.")
    )))
    if n < RULER_MAX:
        out.append(RulerQuestion("confidence", _("What would help you get a little higher?"), (
            _("Listen for ideas and support the client could use; these can start a plan if the client wants one.")
            if coach else _("It brings out a first idea for a step or for support, small enough to believe in.")
        )))
    return out


def ruler_focus(importance: int | None, confidence: int | None) -> str | None:
    """A one-line hint on where the conversation might go next, from the two scores: low
    importance first, then both high (7 or more: planning), then a gap of 3 or more either way.

    None (no hint) while either ruler has no number chosen yet (None): the hint compares the two.
    """
    if importance is None or confidence is None:
        return None
    importance = _check_score(importance, "importance")
    confidence = _check_score(confidence, "confidence")
    if importance <= 3:
        return _("Importance is low: explore what matters to the person before talking about how to change.")
    if importance >= 7 and confidence >= 7:
        return _("Both are high: the person may be ready to plan. Ask whether they would like to talk about next steps (planning).")
    if confidence + 3 <= importance:
        return _("Importance is clearly higher than confidence: the person may want the change but doubt they can make it. Build confidence: past successes, strengths, small steps.")
    if importance + 3 <= confidence:
        return _("Confidence is clearly higher than importance: the person believes they could change but is not sure it is worth it. Explore importance.")
    return _("Importance and confidence are close: follow whichever the person wants to talk about.")


def _check_choice(n: Any, what: str) -> int | None:
    """A ruler's value: None (no number chosen yet) or a score checked by :func:`_check_score`."""
    return None if n is None else _check_score(n, what)


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise UsageError(f"mode should be one of {', '.join(MODES)}, got {mode!r}")


def ruler_ref(mode: str, topic: str = "") -> str:
    """The progress reference of a ruler: its mode and, where given, its topic as a slug
    (``"self-drinking-less"``), so rulers on different changes are saved apart."""
    _check_mode(mode)
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")[:60].strip("-")
    return f"{mode}-{slug}" if slug else mode


@dataclass
class RulerState:
    """What a learner entered on a readiness ruler. A score is None until a number is chosen: the
    person picks it, so there is no default number to ask about."""

    importance: int | None = None  #: 0-10, or None: not chosen yet
    confidence: int | None = None  #: 0-10, or None: not chosen yet
    change: str = ""  #: the change being rated, named by the learner (optional)
    notes: str = ""  #: the learner's own answers or notes (optional)
    mode: str = "self"

    def __post_init__(self) -> None:
        _check_mode(self.mode)
        _check_choice(self.importance, "importance")
        _check_choice(self.confidence, "confidence")

    def set_importance(self, n: int | None) -> None:
        """Choose the importance score (0-10); None clears it. ValueError for anything else."""
        self.importance = _check_choice(n, "importance")

    def set_confidence(self, n: int | None) -> None:
        """Choose the confidence score (0-10); None clears it. ValueError for anything else."""
        self.confidence = _check_choice(n, "confidence")

    def unchosen(self) -> list[Scale]:
        """The rulers with no number chosen yet, importance first."""
        return [scale for scale, n in (("importance", self.importance), ("confidence", self.confidence)) if n is None]

    def questions(self) -> list[RulerQuestion]:
        """The importance questions, then the confidence questions; none for a ruler with no
        number chosen yet."""
        out: list[RulerQuestion] = []
        if self.importance is not None:
            out += importance_questions(self.importance, self.mode)
        if self.confidence is not None:
            out += confidence_questions(self.confidence, self.mode)
        return out

    def focus(self) -> str | None:
        """:func:`ruler_focus` for the two scores; None until both are chosen."""
        return ruler_focus(self.importance, self.confidence)

    def to_data(self) -> dict[str, Any]:
        """The record's ``data`` for the progress file (a score not chosen yet is saved as null)."""
        return {"importance": self.importance, "confidence": self.confidence, "change": self.change, "notes": self.notes, "mode": self.mode}

    @classmethod
    def from_data(cls, data: dict[str, Any], mode: str = "self") -> "RulerState":
        """A state from saved ``data``; a score that is missing, None or out of range (a
        hand-edited file) comes back as not chosen (None) rather than failing or inventing a number."""
        def score(key: str) -> int | None:
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) and RULER_MIN <= value <= RULER_MAX else None

        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        return cls(score("importance"), score("confidence"), text("change"), text("notes"), mode)


# ---------------------------------------------------------------------------- decisional balance
QUADRANTS: tuple[str, ...] = ("status_quo_good", "status_quo_bad", "change_bad", "change_good")

QUADRANT_LABELS: dict[str, str] = {
    "status_quo_good": N_("Good things about the status quo"),
    "status_quo_bad": N_("Not-so-good things about the status quo"),
    "change_bad": N_("Not-so-good things about changing"),
    "change_good": N_("Good things about changing"),
}

#: Which kind of client language each box collects: arguments for changing are change talk,
#: arguments for staying as things are sustain talk.
QUADRANT_TALK: dict[str, str] = {
    "status_quo_good": "sustain",
    "status_quo_bad": "change",
    "change_bad": "sustain",
    "change_good": "change",
}

TALK_LABELS: dict[str, str] = {"change": N_("change talk"), "sustain": N_("sustain talk")}

MIN_STATEMENTS = 8
MAX_STATEMENTS = 12


def quadrant_label(quadrant: str) -> str:
    """The translated name of a box."""
    return _(QUADRANT_LABELS[quadrant])


def talk_label(quadrant: str) -> str:
    """"change talk" or "sustain talk" (translated) for the statements of a box."""
    return _(TALK_LABELS[QUADRANT_TALK[quadrant]])


@dataclass(frozen=True)
class BalanceStatement:
    """One thing the client says, with the box it belongs in and why."""

    id: str
    text: str
    quadrant: str  #: the gold box, one of :data:`QUADRANTS`
    rationale: str
    also: str | None = None  #: another box a learner could defend (not scored as right), or None

    @property
    def talk(self) -> str:
        """"change" or "sustain": the kind of client language this statement is."""
        return QUADRANT_TALK[self.quadrant]


@dataclass(frozen=True)
class BalanceSet:
    """One decisional-balance exercise: a client, the change in question, the statements to sort."""

    id: str
    title: str
    language: str
    topic: str
    client: str  #: who the client is and where they are talking
    change: str  #: the change the balance is about
    statements: tuple[BalanceStatement, ...]
    description: str = ""
    source: str = ""  #: the file it came from


BALANCE = DocKind("balance", "statements", "one decisional balance set: a mapping with id, title, language, topic, client, change and statements")


def balance_from_data(data: dict[str, Any], lines: dict[Path_, int], path: Path) -> tuple[BalanceSet | None, list[InputProblem]]:
    """Build a :class:`BalanceSet` from a schema-checked document, with the checks the schema
    cannot make: 8-12 statements, unique ids, every box used at least once, an ``also`` box other
    than the gold one."""
    raw = data["statements"]
    problems = duplicate_ids(raw, lines, path, "statements")
    if not MIN_STATEMENTS <= len(raw) <= MAX_STATEMENTS:
        problems.append(InputProblem(str(path), f"has {len(raw)} statements: write {MIN_STATEMENTS} to {MAX_STATEMENTS}", line_for(lines, ("statements",)), "field 'statements'"))
    for i, s in enumerate(raw):
        if s.get("also") == s["quadrant"]:
            problems.append(InputProblem(str(path), f"'also' names the gold box '{s['quadrant']}' again: name another box or leave it out", line_for(lines, ("statements", i, "also")), where(("statements", i), "also")))
    missing = [q for q in QUADRANTS if not any(s["quadrant"] == q for s in raw)]
    if missing:
        problems.append(InputProblem(str(path), f"no statement belongs in {', '.join(missing)}: give every box at least one", line_for(lines, ("statements",)), "field 'statements'"))
    if problems:
        return None, problems
    statements = tuple(BalanceStatement(s["id"], s["text"].strip(), s["quadrant"], s["rationale"].strip(), s.get("also")) for s in raw)
    return BalanceSet(
        id=data["id"], title=data["title"].strip(), language=data["language"], topic=data["topic"],
        client=data["client"].strip(), change=data["change"].strip(), statements=statements,
        description=(data.get("description") or "").strip(), source=str(path),
    ), []


def load_balance_set(path: str | Path) -> BalanceSet:
    """Load one balance file; raise :class:`InputError` listing every problem."""
    return load_document(Path(path), BALANCE, balance_from_data)


def exercises_dir() -> Path:
    """The folder of the bundled exercise files (``data/exercises``)."""
    from .library import data_dir

    return data_dir() / "exercises"


def balance_sets(language: str | None = None) -> list[BalanceSet]:
    """The bundled decisional-balance sets in one language (None: the language in force); sets not
    translated into it come in English. Cached until a file changes."""
    from .library import _load_all, _stamp, in_language

    return in_language(_load_all(_stamp(exercises_dir()), load_balance_set), language, lambda s: s.id)


def get_balance_set(set_id: str, language: str | None = None) -> BalanceSet:
    """One bundled balance set by id: in ``language`` (None: the language in force) if translated,
    else English; :class:`InputError` naming it if there is none."""
    from .library import _in_order, _load_all, _stamp

    loaded = _load_all(_stamp(exercises_dir()), load_balance_set)
    for lang in _in_order(language):
        for s in loaded:
            if s.language == lang and s.id == set_id:
                return s
    raise InputError.one(set_id, _("no decisional balance set with this id"))


@dataclass(frozen=True)
class StatementResult:
    """How one statement was sorted."""

    index: int
    statement: BalanceStatement
    chosen: str | None  #: the box the learner chose, None if not placed yet

    @property
    def correct(self) -> bool | None:
        """True/False; None when the statement was not placed."""
        return None if self.chosen is None else self.chosen == self.statement.quadrant

    @property
    def defensible(self) -> bool:
        """Placed in the statement's ``also`` box: not the gold box, but a choice a learner could defend."""
        return self.chosen is not None and self.chosen == self.statement.also


@dataclass(frozen=True)
class BalanceResult:
    """The score of a sorting: statements in the right box out of all statements."""

    items: tuple[StatementResult, ...]

    @property
    def score(self) -> int:
        return sum(bool(r.correct) for r in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def defensible(self) -> int:
        """Statements in a defensible ``also`` box (not counted in :attr:`score`)."""
        return sum(r.defensible for r in self.items)

    @property
    def placed(self) -> int:
        return sum(r.chosen is not None for r in self.items)

    @property
    def complete(self) -> bool:
        """Every statement placed."""
        return self.placed == self.total


@dataclass
class BalanceSort:
    """A learner sorting one balance set: ``placements`` maps a statement's index to its box."""

    set: BalanceSet
    placements: dict[int, str] = field(default_factory=dict)
    revealed: bool = False  #: the answers were shown
    checked: bool = False  #: the learner checked at least once

    def _index(self, index: int) -> int:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.set.statements):
            raise IndexError(f"set {self.set.id} has statements 0-{len(self.set.statements) - 1}, not {index!r}")
        return index

    def place(self, index: int, quadrant: str | None) -> None:
        """Put statement ``index`` (0-based) into ``quadrant`` (one of :data:`QUADRANTS`); None
        takes it out again."""
        index = self._index(index)
        if quadrant is None:
            self.placements.pop(index, None)
            return
        if quadrant not in QUADRANTS:
            raise UsageError(f"quadrant should be one of {', '.join(QUADRANTS)}, got {quadrant!r}")
        self.placements[index] = quadrant

    def check(self) -> BalanceResult:
        """Score the current placements."""
        self.checked = True
        return self.result()

    def result(self) -> BalanceResult:
        """The current placements scored, without counting as a check."""
        return BalanceResult(tuple(StatementResult(i, s, self.placements.get(i)) for i, s in enumerate(self.set.statements)))

    def reveal(self) -> None:
        """Put every statement into its gold box."""
        self.placements = {i: s.quadrant for i, s in enumerate(self.set.statements)}
        self.revealed = True

    def by_talk(self) -> dict[str, list[BalanceStatement]]:
        """The statements grouped by gold talk type: ``{"change": [...], "sustain": [...]}``."""
        groups: dict[str, list[BalanceStatement]] = {"change": [], "sustain": []}
        for s in self.set.statements:
            groups[s.talk].append(s)
        return groups

    def to_data(self) -> dict[str, Any]:
        """The record's ``data``: placements by statement id (robust to reordering), and flags."""
        ids = [s.id for s in self.set.statements]
        return {"placements": {ids[i]: q for i, q in sorted(self.placements.items())}, "revealed": self.revealed, "checked": self.checked}

    def load_data(self, data: dict[str, Any]) -> None:
        """Restore saved ``data``; statements no longer in the set and unknown boxes are skipped."""
        saved = data.get("placements")
        saved = saved if isinstance(saved, dict) else {}
        by_id = {s.id: i for i, s in enumerate(self.set.statements)}
        self.placements = {by_id[k]: q for k, q in saved.items() if k in by_id and q in QUADRANTS}
        self.revealed = data.get("revealed") is True
        self.checked = data.get("checked") is True


__all__ = [
    "BALANCE", "BalanceResult", "BalanceSet", "BalanceSort", "BalanceStatement", "CONFIDENCE_LABEL", "IMPORTANCE_LABEL",
    "MODES", "QUADRANTS", "QUADRANT_LABELS", "QUADRANT_TALK", "RULER_MAX", "RULER_MIN", "RulerQuestion", "RulerState",
    "StatementResult", "TALK_LABELS", "WHY_LOWER", "balance_from_data", "balance_sets", "compare_question", "confidence_questions",
    "exercises_dir", "get_balance_set", "higher_anchor", "importance_questions", "load_balance_set", "lower_anchor",
    "quadrant_label", "ruler_focus", "ruler_ref", "talk_label",
]
