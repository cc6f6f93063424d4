"""A learner rating a whole dialogue on the four MITI 4.2.1 global scales, compared with the expert.

The globals (Moyers, Manuel & Ernst 2014, rev. 2015) are whole numbers 1-5 given for a whole
segment: Cultivating Change Talk (CCT), Softening Sustain Talk (SST), Partnership and Empathy. The
manual asks a coder to start at 3 and move up or down as the evidence demands, so a new run starts
every scale at :data:`START`.

An exercise may ask for only some of the globals (:func:`choose_globals`): notebook 01, on the
spirit of MI, asks for Partnership and Empathy alone. Only the globals asked for are rated, compared
and counted, and a summary score is given only when both of its globals were asked for.

Agreement with the expert is judged per global: the same number is an *exact* match, one point
apart counts as *close* agreement (the tolerance this workbook uses), two or more points apart is
*off*. The summary scores follow the manual: Technical = (CCT + SST) / 2 and
Relational = (Partnership + Empathy) / 2, each placed against the thresholds in
:data:`~.miti.THRESHOLDS` (expert opinion, not norms).

Pure Python: no widget library is imported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .errors import UsageError
from .i18n import N_, _
from .miti import THRESHOLDS, Level, level
from .model import GLOBAL_KEYS, Dialogue, GlobalRatings

Verdict = Literal["exact", "close", "off"]

#: The lowest and highest value of every global scale.
SCALE: tuple[int, int] = (1, 5)
#: Where a rating starts: MITI 4.2.1 asks the coder to begin at 3 and move.
START = 3

#: The full name of each global, by key (translate with ``_()`` where shown).
GLOBAL_NAMES: dict[str, str] = {
    "cct": N_("Cultivating Change Talk"),
    "sst": N_("Softening Sustain Talk"),
    "partnership": N_("Partnership"),
    "empathy": N_("Empathy"),
}

#: A one-line reminder of what each scale measures and what its ends look like (our own words).
SCALE_REMINDERS: dict[str, str] = {
    "cct": N_("How actively the counsellor draws out and strengthens the client's own arguments for change: 1 = pays no attention to change talk or talks past it; 5 = consistently deepens it and builds its momentum."),
    "sst": N_("How far the counsellor avoids feeding the client's arguments for the status quo: 1 = argues with it, asks for more of it or dwells on it, so it grows; 5 = consistently acknowledges it without drawing out more (for example with a double-sided reflection or an emphasis on choice) and lets it soften."),
    "partnership": N_("How far the conversation is shared work that draws on the client's expertise: 1 = the counsellor holds the expert role and decides; 5 = power is actively shared and the client's ideas shape the session."),
    "empathy": N_("How hard the counsellor works to understand the client's point of view, and shows it: 1 = little or no interest in the client's perspective; 5 = deep understanding, often of what the client meant but did not say."),
}

#: Words for each verdict (translate where shown).
VERDICT_WORDS: dict[str, str] = {
    "exact": N_("exact match"),
    "close": N_("close agreement (within one point)"),
    "off": N_("off by 2 or more points"),
}

#: Words for each threshold level (translate where shown).
LEVEL_WORDS: dict[str, str] = {
    "good": N_("good"),
    "fair": N_("fair"),
    "below_fair": N_("below fair"),
}

#: Summary scores built from the globals: key -> (the two globals averaged, full name).
SUMMARIES: dict[str, tuple[tuple[str, str], str]] = {
    "technical": (("cct", "sst"), N_("Technical")),
    "relational": (("partnership", "empathy"), N_("Relational")),
}

# How each global is named inside an expert rationale (English, Danish, Norwegian).
_MENTIONS: dict[str, re.Pattern[str]] = {
    "cct": re.compile(r"\bCCT\b|cultivating change talk|fremmer forandringsu[dt]sagn", re.I),
    "sst": re.compile(r"\bSST\b|softening sustain talk|d[æe]mper status quo-u[dt]sagn", re.I),
    "partnership": re.compile(r"\bpartnership\b|\bpartnerska[bp]", re.I),
    "empathy": re.compile(r"\bempathy\b|\bempati\b", re.I),
}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ\"'(«])")
_SHORT_SENTENCE = 60  #: a sentence this short ("That gives Empathy 5.") is shown with the one before


def verdict_for(difference: int) -> Verdict:
    """``"exact"`` for 0, ``"close"`` for one point either way, ``"off"`` for two or more."""
    d = abs(difference)
    return "exact" if d == 0 else "close" if d == 1 else "off"


def missing_globals(ratings: GlobalRatings) -> list[str]:
    """The keys of the globals an expert rating lacks (empty when all four are there)."""
    return [k for k, v in ratings.as_dict().items() if v is None]


def rationale_excerpt(rationale: str | None, key: str) -> str:
    """The sentences of an expert rationale that speak about global ``key``.

    A rationale is one paragraph for all four globals; this picks the sentences naming this one
    (by its short or full name); a very short one ("That gives Empathy 5.") comes with the sentence
    before it, so it reads on its own, unless that sentence is about another global.
    The whole rationale where no sentence names the global; ``""`` where there is no rationale.
    """
    if not rationale:
        return ""
    text = " ".join(rationale.split())
    sentences = _SENTENCE.split(text)
    chosen: list[int] = []
    for i, s in enumerate(sentences):
        if _MENTIONS[key].search(s):
            before = sentences[i - 1] if i > 0 else ""
            if len(s) < _SHORT_SENTENCE and before and not any(p.search(before) for p in _MENTIONS.values()):
                chosen.append(i - 1)
            chosen.append(i)
    if not chosen:
        return text
    return " ".join(sentences[i] for i in sorted(set(chosen)))


def choose_globals(keys: Iterable[str] | str | None = None) -> tuple[str, ...]:
    """The globals an exercise asks for, in the usual order (CCT, SST, Partnership, Empathy).

    ``None`` means all four. Otherwise a sequence of keys (``cct``, ``sst``, ``partnership``,
    ``empathy``; a single key may be given as a plain string); a key given twice counts once.
    UsageError naming the valid keys for an unknown key or for an empty choice.
    """
    if keys is None:
        return GLOBAL_KEYS
    wanted = [keys] if isinstance(keys, str) else list(keys)
    unknown = [k for k in wanted if k not in GLOBAL_KEYS]
    if unknown:
        raise UsageError(_("unknown global {unknown} in globals (choose from {keys})").format(
            unknown=", ".join(f"'{k}'" for k in unknown), keys=", ".join(GLOBAL_KEYS)))
    if not wanted:
        raise UsageError(_("globals is empty: ask for at least one of {keys}").format(keys=", ".join(GLOBAL_KEYS)))
    return tuple(k for k in GLOBAL_KEYS if k in wanted)


def check_rating(key: str, value: object) -> int:
    """``value`` as a valid rating for global ``key``; ValueError naming the problem otherwise."""
    if key not in GLOBAL_KEYS:
        raise UsageError(_("unknown global '{key}' (choose from {keys})").format(key=key, keys=", ".join(GLOBAL_KEYS)))
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE[0] <= value <= SCALE[1]:
        raise UsageError(_("a {name} rating must be a whole number from {low} to {high}, not {value!r}").format(
            name=_(GLOBAL_NAMES[key]), low=SCALE[0], high=SCALE[1], value=value))
    return value


@dataclass(frozen=True)
class GlobalComparison:
    """The learner's rating of one global beside the expert's."""

    key: str  #: cct, sst, partnership or empathy
    learner: int
    expert: int
    rationale: str  #: the part of the expert rationale about this global

    @property
    def difference(self) -> int:
        """Learner minus expert: positive when the learner rated higher."""
        return self.learner - self.expert

    @property
    def verdict(self) -> Verdict:
        return verdict_for(self.difference)

    @property
    def close(self) -> bool:
        """Exact or within one point: what counts towards the score."""
        return self.verdict != "off"


@dataclass(frozen=True)
class SummaryComparison:
    """A summary score (Technical or Relational) from the learner's and from the expert's globals."""

    key: str  #: "technical" or "relational"
    learner: float
    expert: float

    @property
    def thresholds(self) -> tuple[float, float]:
        """(fair, good) from the MITI 4.2.1 manual."""
        return THRESHOLDS[self.key]

    @property
    def learner_level(self) -> Level | None:
        return level(self.key, self.learner)

    @property
    def expert_level(self) -> Level | None:
        return level(self.key, self.expert)

    @property
    def same_level(self) -> bool:
        """Whether both scores land in the same band (below fair, fair, good)."""
        return self.learner_level == self.expert_level


@dataclass(frozen=True)
class RatingResult:
    """One check: each global compared, the two summary scores, and the expert's rationale."""

    globals: tuple[GlobalComparison, ...]
    summaries: tuple[SummaryComparison, ...]
    rationale: str = ""  #: the expert's whole rationale

    @property
    def score(self) -> int:
        """How many globals are within one point of the expert's."""
        return sum(g.close for g in self.globals)

    @property
    def max(self) -> int:
        """How many globals were rated (the most :attr:`score` can be)."""
        return len(self.globals)

    @property
    def exact(self) -> int:
        """How many globals match the expert's exactly."""
        return sum(g.verdict == "exact" for g in self.globals)

    @property
    def ratings(self) -> dict[str, int]:
        """The learner's ratings by key."""
        return {g.key: g.learner for g in self.globals}

    def comparison(self, key: str) -> GlobalComparison:
        """The comparison for global ``key``; KeyError where that global was not rated."""
        for g in self.globals:
            if g.key == key:
                return g
        raise KeyError(key)

    def summary(self, key: str) -> SummaryComparison:
        """The summary score ``key`` (technical, relational); KeyError where one of its globals was not rated."""
        for s in self.summaries:
            if s.key == key:
                return s
        raise KeyError(key)


@dataclass
class RatingRun:
    """The state of one rating exercise: the dialogue, the globals asked for, and the learner's
    current ratings.

    ``globals`` is what :func:`choose_globals` accepts (None: all four); after construction it is
    the tuple of keys asked for, in the usual order. Every scale asked for starts at :data:`START`;
    :attr:`moved` says which ones the learner has set. The dialogue needs an expert rating for
    each global asked for (UsageError otherwise).
    """

    dialogue: Dialogue
    globals: Sequence[str] | None = None  #: the globals asked for (after construction: a tuple of keys)
    ratings: dict[str, int] = field(default_factory=dict)  #: the learner's rating of each global asked for
    moved: set[str] = field(default_factory=set)  #: globals the learner has rated (not left at the start)

    def __post_init__(self) -> None:
        self.globals = choose_globals(self.globals)
        lacking = [k for k in missing_globals(self.dialogue.globals) if k in self.globals]
        if lacking:
            names = ", ".join(_(GLOBAL_NAMES[k]) for k in lacking)
            if self.globals == GLOBAL_KEYS:
                raise UsageError(_(
                    "dialogue '{id}' cannot be used for a global rating exercise: it has no expert rating "
                    "for {names}; all four MITI globals (cct, sst, partnership, empathy) are needed"
                ).format(id=self.dialogue.id, names=names))
            raise UsageError(_(
                "dialogue '{id}' cannot be used for this global rating exercise: it has no expert rating for {names}"
            ).format(id=self.dialogue.id, names=names))
        self.ratings = {k: self.ratings.get(k, START) for k in self.globals}

    @property
    def asked(self) -> tuple[str, ...]:
        """The globals asked for, in the usual order."""
        return tuple(self.globals) if self.globals is not None else GLOBAL_KEYS

    @property
    def expert(self) -> dict[str, int]:
        """The expert's rating of each global asked for, by key."""
        given = self.dialogue.globals.as_dict()
        return {k: int(given[k]) for k in self.asked}  # type: ignore[arg-type]

    def rate(self, key: str, value: int) -> None:
        """Set the learner's rating of global ``key`` (one of those asked for) to ``value`` (1-5).

        UsageError for an unknown key, a global this exercise does not ask for, or a bad value.
        """
        value = check_rating(key, value)
        if key not in self.asked:
            raise UsageError(_("this exercise does not ask for {name} (it asks for {names})").format(
                name=_(GLOBAL_NAMES[key]), names=", ".join(_(GLOBAL_NAMES[k]) for k in self.asked)))
        self.ratings[key] = value
        self.moved.add(key)

    def load(self, saved: dict[str, object]) -> list[str]:
        """Put back ratings saved earlier and return the keys put back.

        Entries that are not valid ratings, and ratings of globals this exercise does not ask for
        (from a record made with another choice of globals), are ignored.
        """
        loaded = []
        for key, value in saved.items():
            try:
                self.rate(key, value)  # type: ignore[arg-type]
            except ValueError:
                continue
            loaded.append(key)
        return [k for k in self.asked if k in loaded]

    @property
    def untouched(self) -> list[str]:
        """Globals asked for that are still at the starting value because the learner never set them."""
        return [k for k in self.asked if k not in self.moved]

    def check(self) -> RatingResult:
        """Compare the learner's ratings with the expert's."""
        expert = self.expert
        rationale = self.dialogue.globals.rationale or ""
        comparisons = tuple(
            GlobalComparison(k, self.ratings[k], expert[k], rationale_excerpt(rationale, k)) for k in self.asked
        )
        summaries = tuple(  # only where both of its globals were asked for
            SummaryComparison(key, sum(self.ratings[k] for k in pair) / 2, sum(expert[k] for k in pair) / 2)
            for key, (pair, _name) in SUMMARIES.items()
            if all(k in self.asked for k in pair)
        )
        return RatingResult(comparisons, summaries, " ".join(rationale.split()))


__all__ = [
    "GLOBAL_NAMES", "LEVEL_WORDS", "SCALE", "SCALE_REMINDERS", "START", "SUMMARIES", "VERDICT_WORDS",
    "GlobalComparison", "RatingResult", "RatingRun", "SummaryComparison", "Verdict",
    "check_rating", "choose_globals", "missing_globals", "rationale_excerpt", "verdict_for",
]
