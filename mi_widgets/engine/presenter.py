"""Presenting a coded dialogue to a room, one utterance at a time.

The instructor shows an utterance, the room suggests a code, the instructor reveals the expert's
code and rationale. This module works out everything the Presenter dashboard shows:

* :class:`PresenterRun` holds where the presenter is (``position``), which utterances have been
  revealed and what the room suggested for each; it gives the answer for an utterance once it is
  revealed (:class:`Answer`: the expert's code in words, the rationale, and a verdict on the room's
  suggestion).
* :func:`tally_revealed` counts what has been revealed so far by the MITI 4.2.1 rules
  (:class:`Tallies`); % change talk is kept apart from the MITI summary scores (it is client
  language, MISC, not a MITI score) and shown with the change-talk chart. The volleys are those of the whole dialogue (:func:`~.miti.split_volleys`),
  and each volley contributes only the codes revealed in it, under the same rules as
  :func:`~.miti.score_dialogue` (:func:`~.miti.tally_volley`): once everything is revealed the
  counts are the dialogue's own. Global ratings are not part of the running figures.
* :func:`change_talk_chart` lays out the change-talk chart (one slot per client utterance, change
  talk above the zero line, sustain talk below, neutral on it; slots not revealed stay empty) and
  :func:`chart_svg` draws it as inline SVG with a text equivalent.

Nothing is saved: a presenter shows, and the room's suggestions are not anyone's progress.
Every sentence goes through :func:`~.i18n._`; text from a dialogue is escaped where it enters HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any, Literal

from .agreement import UNCODED
from .codes import CLIENT_KEYS, CODES, COUNSELOR_KEYS, SUBCODE_NAMES, Speaker
from .codingrun import options_for, parse_label, split_label
from .errors import InputProblem
from .i18n import N_, _, ngettext
from .miti import Level, level, score_dialogue, split_volleys, summary_scores, tally_volley
from .model import Dialogue, GlobalRatings
from .pairs import STYLE_NAMES
from .model import GLOBAL_KEYS
from .report import GLOBAL_NAMES, LEVEL_ICONS, LEVEL_WORDS, SCORE_NAMES, format_score, threshold_text

Status = Literal["ok", "bad", "info"]

SPEAKER_NAMES: dict[str, str] = {"counselor": N_("Counsellor"), "client": N_("Client")}
#: The running MITI summary scores, in the order shown; the globals are the dialogue's own, shown at the end.
RUNNING_SCORES: tuple[str, ...] = (
    "reflection_to_question",
    "percent_complex_reflections",
    "total_mi_adherent",
    "total_mi_non_adherent",
)
#: Client language (MISC), not a MITI summary score: shown under the change-talk chart, not in the table.
CLIENT_SCORE = "percent_change_talk"
#: Why a running score has no value yet.
NOT_YET: dict[str, str] = {
    "reflection_to_question": N_("no question revealed yet"),
    "percent_complex_reflections": N_("no reflection revealed yet"),
    "percent_change_talk": N_("no change or sustain talk revealed yet"),
}
#: What stands in for a threshold where the manual gives none (for % change talk: the note under the chart).
NO_THRESHOLD: dict[str, str] = {
    "percent_change_talk": N_("No published cut-off; in AnnoMI, high-quality sessions average about 70 % and low-quality about 53 %."),
    "total_mi_adherent": N_("a count: no threshold"),
    "total_mi_non_adherent": N_("a count: no threshold"),
}

#: Type size of the utterance on screen, by its length: as large as fits a 1280x720 projector.
SIZES: tuple[tuple[int, str], ...] = ((150, "2rem"), (280, "1.8rem"))
SMALLEST_SIZE = "1.6rem"


# --- words --------------------------------------------------------------------------------------


def speaker_name(speaker: str) -> str:
    """"Counsellor" or "Client", translated."""
    return _(SPEAKER_NAMES.get(speaker, speaker))


def dialogue_option(d: Dialogue) -> str:
    """The text of a dialogue in the picker: its title, topic and style."""
    from .catalogue import topic_name

    about = [t for t in (topic_name(d.topic), _(STYLE_NAMES[d.style]) if d.style in STYLE_NAMES else "") if t]
    return _("{title} — {about}").format(title=d.title, about=", ".join(about)) if about else d.title


def code_words(label: str | None) -> str:
    """A label in words with its abbreviation: "Complex Reflection (CR)", "Question (Q), open",
    "Change Talk (CT), reasons"; "no code" for an uncoded utterance."""
    code, sub = split_label(label)
    if code in (None, UNCODED) or code not in CODES:
        return _("no code")
    words = _("{name} ({key})").format(name=_(CODES[code].name), key=code)
    if sub:
        words = _("{code}, {subtype}").format(code=words, subtype=_(SUBCODE_NAMES.get(sub, sub)))
    return words


def room_options(speaker: Speaker) -> list[tuple[str, str]]:
    """The codes the room can suggest for one speaker, as ``(label, words)``: "no code" first, then
    the counsellor's MITI codes or the client's CT / ST / N. Codes only, without subtypes: a room
    agrees on a code quickly, and the reveal gives the subtype."""
    return options_for(speaker, subcodes=False)


def utterance_size(text: str) -> str:
    """The CSS font size for an utterance shown large: 2rem, smaller for a long one so that it
    stays on screen with the controls on a 1280x720 projector."""
    for limit, size in SIZES:
        if len(text) <= limit:
            return size
    return SMALLEST_SIZE


def problems_note(problems: list[InputProblem]) -> str | None:
    """One sentence about library files that could not be read (None when all could)."""
    if not problems:
        return None
    return ngettext("{n} file in the library could not be read and is left out: {first}",
                    "{n} files in the library could not be read and are left out; the first: {first}",
                    len(problems)).format(n=len(problems), first=str(problems[0]))


# --- the library --------------------------------------------------------------------------------


def library(folder: Any = None) -> tuple[list[Dialogue], list[InputProblem]]:
    """The dialogues to present (the bundled library by default): those in the language in force
    first, each language sorted by title; and the problems found in files that could not be read.
    Read through the library browser's catalogue, which parses the files again only when one has
    changed."""
    from .catalogue import catalogue
    from .i18n import get_language

    found = catalogue(folder)
    lang = get_language()
    return sorted((e.dialogue for e in found.entries), key=lambda d: (d.language != lang, d.language, d.title.lower(), d.id)), list(found.problems)


# --- the answer after Reveal ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """What Reveal shows for one utterance (plain text; the view escapes it and adds the icon)."""

    index: int  #: 0-based position in the dialogue
    speaker: Speaker
    gold: str  #: the expert's label ("CR", "Q:open", "CT:reasons"; "uncoded" for no code)
    rationale: str | None  #: the expert's reasons, where the dialogue gives them
    suggestion: str | None  #: the room's code ("CR", "uncoded"), None when the room suggested none

    @property
    def gold_words(self) -> str:
        """"Complex Reflection (CR)"; "no code" for an uncoded utterance."""
        return code_words(self.gold)

    @property
    def correct(self) -> bool | None:
        """Whether the room's code is the expert's (subtypes aside); None without a suggestion."""
        if self.suggestion is None:
            return None
        return split_label(self.suggestion)[0] == split_label(self.gold)[0]

    @property
    def status(self) -> Status:
        return "info" if self.correct is None else "ok" if self.correct else "bad"

    def title(self) -> str:
        """The first words of the answer: the expert's code, or that there is none."""
        if self.gold == UNCODED:
            if self.speaker == "client":
                return _("No code: this utterance takes no code (too brief to count as change, sustain or neutral talk).")
            return _("No code: this utterance takes no MITI code.")
        return _("The expert's code: {code}.").format(code=self.gold_words)

    def verdict(self) -> str | None:
        """Right or not quite, naming both codes; None when the room suggested nothing."""
        if self.suggestion is None:
            return None
        room = code_words(self.suggestion)
        if self.correct:
            return _("Right: the room said {room}, and so did the expert.").format(room=room)
        return _("Not quite: the room said {room}; the expert's code is {gold}.").format(room=room, gold=self.gold_words)

    def why(self) -> str:
        """The rationale, or a plain sentence where the dialogue gives none."""
        return self.rationale or _("The dialogue gives no rationale for this utterance.")


# --- tallies ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreRow:
    """One running summary score as shown (plain text)."""

    key: str
    name: str  #: "Reflection-to-question ratio (R:Q)"
    value: str  #: "1.50 : 1", "—"
    level: Level | None
    level_text: str  #: "✔ good", "" where there is no level
    threshold: str  #: "fair ≥ 1 : 1, good ≥ 2 : 1", or why there is none
    note: str  #: why there is no value yet, "" when there is one


@dataclass
class Tallies:
    """The MITI figures over the utterances revealed so far (plain Python)."""

    n_revealed: int  #: utterances revealed
    n_counselor: int  #: counsellor utterances revealed
    n_client: int  #: client utterances revealed
    n_total: int  #: utterances in the dialogue
    counts: dict[str, int]  #: counsellor codes tallied by the volley rules
    raw_counts: dict[str, int]  #: counsellor codes, one per revealed utterance
    client_counts: dict[str, int]  #: CT, ST, N among the revealed client utterances
    summary: dict[str, float | int | None]  #: the running summary scores and % change talk (globals left out: None)
    levels: dict[str, Level | None]  #: good / fair / below_fair where the manual has thresholds

    @property
    def complete(self) -> bool:
        """Every utterance of the dialogue is revealed."""
        return self.n_revealed == self.n_total

    def heading(self) -> str:
        """'So far, over 7 revealed utterances (4 counsellor, 3 client)'."""
        return ngettext("So far, over {n} revealed utterance ({c} counsellor, {k} client)",
                        "So far, over {n} revealed utterances ({c} counsellor, {k} client)",
                        self.n_revealed).format(n=self.n_revealed, c=self.n_counselor, k=self.n_client)

    def rows(self) -> list[ScoreRow]:
        """The running summary scores with their levels and the MITI thresholds."""
        out = []
        for key in RUNNING_SCORES:
            value, lv = self.summary[key], self.levels.get(key)
            out.append(ScoreRow(
                key=key,
                name=_(SCORE_NAMES[key]),
                value=format_score(key, value),
                level=lv,
                level_text=f"{LEVEL_ICONS[lv]} {_(LEVEL_WORDS[lv])}" if lv else "",
                threshold=threshold_text(key) or _(NO_THRESHOLD.get(key, "")),
                note=_(NOT_YET[key]) if value is None and key in NOT_YET else "",
            ))
        return out

    def change_talk_text(self) -> str:
        """% change talk so far, shown under the change-talk chart: client language, not a MITI score."""
        value = self.summary[CLIENT_SCORE]
        shown = format_score(CLIENT_SCORE, value)
        if value is None:
            shown = _("{value} ({why})").format(value=shown, why=_(NOT_YET[CLIENT_SCORE]))
        return _("% change talk (client language, not a MITI score): {value}").format(value=shown)

    @staticmethod
    def change_talk_note() -> str:
        """What % change talk can be read against: no cut-off, only the AnnoMI averages."""
        return _(NO_THRESHOLD[CLIENT_SCORE])

    def as_dict(self) -> dict[str, Any]:
        """The figures as JSON-ready data."""
        return {
            "n_revealed": self.n_revealed, "n_counselor": self.n_counselor, "n_client": self.n_client, "n_total": self.n_total,
            "counts": dict(self.counts), "raw_counts": dict(self.raw_counts), "client_counts": dict(self.client_counts),
            "summary": {k: self.summary[k] for k in (*RUNNING_SCORES, CLIENT_SCORE)}, "levels": dict(self.levels),
        }


def tally_revealed(dialogue: Dialogue, revealed: Iterable[int]) -> Tallies:
    """Tally the utterances in ``revealed`` (0-based) by the MITI 4.2.1 rules.

    The volleys are the whole dialogue's, so a revealed utterance counts in the volley it really
    belongs to whatever else is revealed; within a volley only revealed codes are tallied, each at
    most once, one reflection (CR beats SR) and one Q. With everything revealed this gives the same
    counts and summary scores as :func:`~.miti.score_dialogue`.
    """
    utts = dialogue.utterances
    shown = {i for i in revealed if 0 <= i < len(utts)}
    counts: Counter[str] = Counter()
    for rows in split_volleys(utts):
        counts.update(tally_volley([utts[i].code for i in rows if i in shown and utts[i].code]))
    raw = Counter(utts[i].code for i in shown if utts[i].speaker == "counselor" and utts[i].code)
    client = Counter(utts[i].code for i in shown if utts[i].speaker == "client" and utts[i].code)
    counts_d = {k: counts.get(k, 0) for k in COUNSELOR_KEYS}
    client_d = {k: client.get(k, 0) for k in CLIENT_KEYS}
    summary = summary_scores(counts_d, client_d, GlobalRatings())
    return Tallies(
        n_revealed=len(shown),
        n_counselor=sum(utts[i].speaker == "counselor" for i in shown),
        n_client=sum(utts[i].speaker == "client" for i in shown),
        n_total=len(utts),
        counts=counts_d,
        raw_counts={k: raw.get(k, 0) for k in COUNSELOR_KEYS},
        client_counts=client_d,
        summary=summary,
        levels={k: level(k, summary[k]) for k in RUNNING_SCORES},  # type: ignore[arg-type]
    )


def expert_globals(dialogue: Dialogue) -> list[tuple[str, str, str]]:
    """The dialogue's own global ratings (the expert's, 1-5) and the Technical and Relational
    scores made from them, as ``(name, value, level and threshold)``; "—" where one is missing.
    Shown when everything is revealed: the globals rate the whole conversation."""
    result = score_dialogue(dialogue)
    rows = [(_(GLOBAL_NAMES[k]), str(v) if (v := getattr(dialogue.globals, k)) is not None else "—", "") for k in GLOBAL_KEYS]
    for key in ("technical", "relational"):
        lv = result.levels.get(key)
        words = f"{LEVEL_ICONS[lv]} {_(LEVEL_WORDS[lv])} ({threshold_text(key)})" if lv else threshold_text(key)
        rows.append((_(SCORE_NAMES[key]), format_score(key, result.summary[key]), words))
    return rows


# --- the change-talk chart ----------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """One client utterance in the chart."""

    index: int  #: 0-based position in the dialogue
    x: float  #: centre of the slot
    code: str | None  #: CT, ST, N or None (no code); None too while not revealed
    revealed: bool
    current: bool  #: the utterance on screen


@dataclass(frozen=True)
class Chart:
    """Geometry of the change-talk chart (viewBox units)."""

    slots: tuple[Slot, ...]
    width: float
    height: float
    left: float  #: where the slots start (the axis words sit to the left)
    step: float  #: slot width
    zero: float  #: y of the zero line
    bar: float  #: length of a CT or ST bar
    ct: int
    st: int
    neutral: int
    not_revealed: int

    @property
    def n_client(self) -> int:
        return len(self.slots)

    def caption(self) -> str:
        """The running counts under the chart."""
        return _("Change talk so far: {ct} · sustain talk so far: {st} · neutral: {n} · not revealed yet (dashed boxes): {rest} of {total} client utterances").format(
            ct=self.ct, st=self.st, n=self.neutral, rest=self.not_revealed, total=self.n_client)

    @staticmethod
    def legend() -> str:
        """How to read the chart, in words (shown above it)."""
        return _("One mark per client utterance, in order. Above the line: change talk (CT, solid bar). Below: sustain talk "
                 "(ST, hatched bar). On the line: neutral (N, circle). A short dash: a client utterance that takes no code. "
                 "Dashed box: not revealed yet. Under each mark: its utterance number.")

    def label(self) -> str:
        """What the chart shows, in one sentence with its numbers (the SVG's accessible name)."""
        return _("Change talk across the conversation, client utterances in order: {ct} change talk (above the line), "
                 "{st} sustain talk (below the line), {n} neutral (on the line), {rest} not revealed yet.").format(
            ct=self.ct, st=self.st, n=self.neutral, rest=self.not_revealed)


def change_talk_chart(dialogue: Dialogue, revealed: Iterable[int], current: int | None = None) -> Chart:
    """Lay out one slot per client utterance, in order: filled where revealed, empty where not."""
    shown = set(revealed)
    left, step, bar, top = 64.0, 42.0, 50.0, 30.0
    clients = [i for i, u in enumerate(dialogue.utterances) if u.speaker == "client"]
    slots = tuple(
        Slot(i, left + step * (k + 0.5), dialogue.utterances[i].code if i in shown else None, i in shown, i == current)
        for k, i in enumerate(clients)
    )
    codes = Counter(s.code for s in slots if s.revealed)
    zero = top + bar + 14
    return Chart(
        slots=slots, width=left + step * max(len(slots), 1) + 10, height=zero + bar + 18 + 34, left=left, step=step,
        zero=zero, bar=bar, ct=codes["CT"], st=codes["ST"], neutral=codes["N"], not_revealed=sum(not s.revealed for s in slots),
    )


def chart_svg(chart: Chart, uid: str = "miw-pr") -> str:
    """The chart as inline SVG: change talk a solid bar up with "CT" above it, sustain talk a
    hatched bar down with "ST" below it, neutral a circle marked "N" on the line, a client line
    without a code a dash; a slot not revealed yet a dashed empty box. Under each slot its
    utterance number (the one on screen underlined). ``uid`` keeps ids apart on a page."""
    z, b, half = chart.zero, chart.bar, chart.step * 0.32
    title = escape(chart.label())
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" '
        f'style="width:100%;max-width:{chart.width * 1.35:.0f}px;height:auto;font:18px sans-serif">',
        f"<title>{title}</title>",
        f'<defs><pattern id="{escape(uid)}-hatch" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="7" height="7" fill="#fff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#a3261b" stroke-width="4"/></pattern></defs>',
        f'<text x="{chart.left - 10:.0f}" y="{z - b / 2:.0f}" text-anchor="end" fill="#124821" font-weight="700">{escape(_("CT ↑"))}</text>',
        f'<text x="{chart.left - 10:.0f}" y="{z + b / 2 + 10:.0f}" text-anchor="end" fill="#7a1a12" font-weight="700">{escape(_("ST ↓"))}</text>',
        f'<text x="{chart.left - 10:.0f}" y="{z + 5:.0f}" text-anchor="end" fill="#1b1b1b">{escape(_("N"))}</text>',
        f'<line x1="{chart.left:.0f}" y1="{z:.0f}" x2="{chart.width - 10:.0f}" y2="{z:.0f}" stroke="#1b1b1b" stroke-width="2"/>',
    ]
    for s in chart.slots:
        x = s.x
        if not s.revealed:
            parts.append(f'<rect x="{x - half:.1f}" y="{z - 14:.0f}" width="{2 * half:.1f}" height="28" fill="#fff" stroke="#5a5f66" stroke-dasharray="4 3"/>')
        elif s.code == "CT":
            parts.append(f'<rect x="{x - half:.1f}" y="{z - b:.0f}" width="{2 * half:.1f}" height="{b:.0f}" fill="#1e6b34" stroke="#124821"/>')
            parts.append(f'<text x="{x:.1f}" y="{z - b - 6:.0f}" text-anchor="middle" fill="#124821" font-weight="700">CT</text>')
        elif s.code == "ST":
            parts.append(f'<rect x="{x - half:.1f}" y="{z:.0f}" width="{2 * half:.1f}" height="{b:.0f}" fill="url(#{escape(uid)}-hatch)" stroke="#7a1a12" stroke-width="2"/>')
            parts.append(f'<text x="{x:.1f}" y="{z + b + 18:.0f}" text-anchor="middle" fill="#7a1a12" font-weight="700">ST</text>')
        elif s.code == "N":
            parts.append(f'<circle cx="{x:.1f}" cy="{z:.0f}" r="11" fill="#fff" stroke="#1b1b1b" stroke-width="2"/>')
            parts.append(f'<text x="{x:.1f}" y="{z + 5:.0f}" text-anchor="middle" fill="#1b1b1b" font-weight="700" font-size="13">N</text>')
        else:  # revealed, no code (a brief sound)
            parts.append(f'<line x1="{x - 8:.1f}" y1="{z:.0f}" x2="{x + 8:.1f}" y2="{z:.0f}" stroke="#1b1b1b" stroke-width="6"/>')
        deco = ' text-decoration="underline" font-weight="700"' if s.current else ""
        parts.append(f'<text x="{x:.1f}" y="{chart.height - 8:.0f}" text-anchor="middle" fill="#1b1b1b" font-size="14"{deco}>{s.index + 1}</text>')
    parts.append(f'<text x="{chart.left - 10:.0f}" y="{chart.height - 8:.0f}" text-anchor="end" fill="#1b1b1b" font-size="14">{escape(_("no."))}</text>')
    parts.append("</svg>")
    return "".join(parts)


# --- the run ------------------------------------------------------------------------------------


@dataclass
class PresenterRun:
    """Where a presentation of one dialogue stands.

    ``position`` is the utterance on screen (0-based); ``revealed`` the utterances whose expert
    code has been shown; ``suggestions`` the room's code by utterance (codes only, "uncoded" for
    "no code"). Moving on past an utterance without revealing it is allowed: it stays unrevealed
    and does not count in the tallies.
    """

    dialogue: Dialogue
    position: int = 0
    revealed: set[int] = field(default_factory=set)
    suggestions: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.dialogue.utterances:
            raise ValueError(f"dialogue '{self.dialogue.id}' has no utterances")

    @property
    def n(self) -> int:
        """How many utterances the dialogue has."""
        return len(self.dialogue.utterances)

    def go(self, index: int) -> int:
        """Show utterance ``index`` (0-based, kept within the dialogue); returns the position."""
        self.position = max(0, min(int(index), self.n - 1))
        return self.position

    def next(self) -> int:
        return self.go(self.position + 1)

    def previous(self) -> int:
        return self.go(self.position - 1)

    def restart(self) -> None:
        """Back to the first utterance with nothing revealed or suggested."""
        self.position = 0
        self.revealed.clear()
        self.suggestions.clear()

    def suggest(self, label: object, index: int | None = None) -> str | None:
        """Record the room's code for utterance ``index`` (default: the one on screen); ``None``
        takes the suggestion back. Accepts keys and names ("CR", "complex reflection", "none" for
        no code); a subtype is dropped. Returns the stored label. Raises CodeError."""
        i = self.position if index is None else index
        if label is None:
            self.suggestions.pop(i, None)
            return None
        stored = parse_label(label, self.dialogue.utterances[i].speaker, subcodes=False)
        self.suggestions[i] = stored
        return stored

    def gold(self, index: int) -> str:
        """The expert's label for utterance ``index``; "uncoded" where it takes no code."""
        return self.dialogue.utterances[index].label or UNCODED

    def answer(self, index: int | None = None) -> Answer:
        """The answer for utterance ``index`` (default: the one on screen), revealed or not."""
        i = self.position if index is None else index
        u = self.dialogue.utterances[i]
        return Answer(i, u.speaker, self.gold(i), u.rationale, self.suggestions.get(i))

    def reveal(self, index: int | None = None) -> Answer:
        """Reveal utterance ``index`` (default: the one on screen) and give its answer."""
        i = self.position if index is None else index
        self.revealed.add(i)
        return self.answer(i)

    def is_revealed(self, index: int | None = None) -> bool:
        return (self.position if index is None else index) in self.revealed

    def context(self, before: int | None = None) -> list[int]:
        """The utterances just before the one on screen (up to ``before``), in order. By default
        two, or one where the utterance on screen is long (so that it fits on a projector)."""
        if before is None:
            before = 1 if len(self.dialogue.utterances[self.position].text) > SIZES[-1][0] else 2
        return list(range(max(0, self.position - before), self.position))

    def tallies(self) -> Tallies:
        return tally_revealed(self.dialogue, self.revealed)

    def chart(self) -> Chart:
        return change_talk_chart(self.dialogue, self.revealed, self.position)


__all__ = [
    "Answer", "Chart", "PresenterRun", "ScoreRow", "Slot", "Tallies", "change_talk_chart", "chart_svg", "code_words",
    "dialogue_option", "expert_globals", "library", "problems_note", "room_options", "speaker_name", "tally_revealed", "utterance_size",
]
