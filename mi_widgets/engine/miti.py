"""MITI 4.2.1 tallies under the volley rules, summary scores and threshold levels.

Rules applied (MITI 4.2.1, section on parsing and tallying):

* A volley is an uninterrupted stretch of counsellor speech, ended by client speech. A brief
  facilitative client sound ("mm-hmm", "yeah") between counsellor utterances does not end it,
  unless it is coded change or sustain talk or answers a question (see facilitative_positions).
* Within a volley each code is tallied at most once; one reflection code per volley (CR if any
  reflection in it is complex, else SR); one Q per volley.
* Summary scores and the thresholds are the manual's; thresholds are expert opinion, not norms.
  A value equal to a threshold reaches it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from .codes import CLIENT_KEYS, COUNSELOR_KEYS, MI_ADHERENT, MI_NON_ADHERENT
from .model import Dialogue, GlobalRatings, Utterance

Level = Literal["below_fair", "fair", "good"]

#: (fair, good) thresholds from the MITI 4.2.1 manual.
THRESHOLDS: dict[str, tuple[float, float]] = {
    "reflection_to_question": (1.0, 2.0),
    "percent_complex_reflections": (40.0, 50.0),
    "technical": (3.0, 4.0),
    "relational": (3.5, 4.0),
}
SUMMARY_KEYS: tuple[str, ...] = (
    "reflection_to_question",
    "percent_complex_reflections",
    "total_mi_adherent",
    "total_mi_non_adherent",
    "percent_change_talk",
    "technical",
    "relational",
)
MAX_CODES_PER_VOLLEY = 8

_BACKCHANNEL = re.compile(
    r"^(?:mm+[- ]?hm+|m+hm+|uh[- ]?huh|mhm|hm+|yeah|yep|yes|right|okay|ok|sure|uh|um)$"
)


def is_backchannel(text: str) -> bool:
    """True for a text that is only a brief sound: 'Mm-hmm.', 'Yeah.', 'Right, right.', '[nods] Uh-huh.'"""
    words = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", text.lower())
    words = re.sub(r"[^\w\s'-]", " ", words).strip(" -")
    tokens = [t for t in re.split(r"[\s,]+", words) if t]
    return 0 < len(tokens) <= 2 and all(_BACKCHANNEL.match(t) for t in tokens)


def facilitative_positions(utterances: tuple[Utterance, ...] | list[Utterance]) -> set[int]:
    """Client rows that do not end a volley: a brief sound, not coded CT or ST, said while the
    counsellor is talking (the row before is counsellor speech that is not a question, and counsellor
    speech follows). A 'Yes.' that answers a question is an answer and ends the volley."""
    found: set[int] = set()
    for i in range(1, len(utterances) - 1):
        u, before, after = utterances[i], utterances[i - 1], utterances[i + 1]
        if (
            u.speaker == "client"
            and u.code not in ("CT", "ST")
            and before.speaker == "counselor"
            and before.code != "Q"
            and after.speaker == "counselor"
            and is_backchannel(u.text)
        ):
            found.add(i)
    return found


@dataclass(frozen=True)
class Volley:
    """One uninterrupted stretch of counsellor speech."""

    number: int  #: 1-based
    rows: tuple[int, ...]  #: 0-based positions of its counsellor utterances in the dialogue
    codes: tuple[str, ...]  #: the codes of its utterances, in order, uncoded left out
    tallied: tuple[str, ...]  #: what the volley contributes after the rules


@dataclass
class MitiResult:
    """Tallies, summary scores and levels for one transcript."""

    n_counselor: int
    n_client: int
    raw_counts: dict[str, int]
    counts: dict[str, int]
    client_counts: dict[str, int]
    volleys: list[Volley]
    globals: GlobalRatings
    summary: dict[str, float | int | None]
    levels: dict[str, Level | None]
    warnings: list[str] = field(default_factory=list)
    n_facilitative: int = 0  #: client sounds that did not end a volley


def split_volleys(utterances: tuple[Utterance, ...] | list[Utterance]) -> list[list[int]]:
    """Positions of counsellor utterances grouped by volley."""
    skip = facilitative_positions(utterances)
    volleys: list[list[int]] = []
    current: list[int] = []
    for i, u in enumerate(utterances):
        if u.speaker == "counselor":
            current.append(i)
        elif current and i not in skip:
            volleys.append(current)
            current = []
    if current:
        volleys.append(current)
    return volleys


def tally_volley(codes: list[str]) -> list[str]:
    """What one volley contributes: each code once, one reflection (CR beats SR), one Q."""
    out: list[str] = []
    for key in COUNSELOR_KEYS:
        if key == "SR" and "CR" in codes:
            continue
        if key in codes:
            out.append(key)
    return out


def level(score: str, value: float | None) -> Level | None:
    """'good', 'fair' or 'below_fair' against the manual's thresholds; None for no value."""
    if value is None or score not in THRESHOLDS:
        return None
    fair, good = THRESHOLDS[score]
    v = round(value, 9)  # 100*2/5 and friends must reach 40 exactly
    return "good" if v >= good else "fair" if v >= fair else "below_fair"


def _ratio(num: float, den: float, scale: float = 1.0) -> float | None:
    return scale * num / den if den else None


def summary_scores(counts: dict[str, int], client_counts: dict[str, int], ratings: GlobalRatings) -> dict[str, float | int | None]:
    """The MITI 4.2.1 summary scores; None where a score is undefined."""
    refl = counts["SR"] + counts["CR"]
    g = ratings
    return {
        "reflection_to_question": _ratio(refl, counts["Q"]),
        "percent_complex_reflections": _ratio(counts["CR"], refl, 100.0),
        "total_mi_adherent": sum(counts[k] for k in MI_ADHERENT),
        "total_mi_non_adherent": sum(counts[k] for k in MI_NON_ADHERENT),
        "percent_change_talk": _ratio(client_counts["CT"], client_counts["CT"] + client_counts["ST"], 100.0),
        "technical": (g.cct + g.sst) / 2 if g.cct is not None and g.sst is not None else None,
        "relational": (g.partnership + g.empathy) / 2 if g.partnership is not None and g.empathy is not None else None,
    }


def score_dialogue(dialogue: Dialogue, ratings: GlobalRatings | None = None) -> MitiResult:
    """Tally a coded dialogue by the MITI 4.2.1 rules and compute its summary scores.

    ``ratings`` default to the dialogue's own expert globals.
    """
    utts = dialogue.utterances
    ratings = ratings if ratings is not None else dialogue.globals
    raw = Counter(u.code for u in utts if u.speaker == "counselor" and u.code)
    client = Counter(u.code for u in utts if u.speaker == "client" and u.code)
    counts: Counter[str] = Counter()
    volleys: list[Volley] = []
    warnings: list[str] = []
    for number, rows in enumerate(split_volleys(utts), start=1):
        codes = [utts[i].code for i in rows if utts[i].code]
        tallied = tally_volley(codes)
        counts.update(tallied)
        volleys.append(Volley(number, tuple(rows), tuple(codes), tuple(tallied)))
        where = _where(dialogue, rows)
        n_q = codes.count("Q")
        n_r = codes.count("SR") + codes.count("CR")
        if n_q > 1:
            warnings.append(f"volley {number} ({where}): {n_q} questions tallied as one Q")
        if n_r > 1:
            kind = "CR" if "CR" in codes else "SR"
            warnings.append(f"volley {number} ({where}): {n_r} reflections tallied as one {kind}")
        repeated = sorted(k for k, n in Counter(codes).items() if n > 1 and k not in ("Q", "SR", "CR"))
        for k in repeated:
            warnings.append(f"volley {number} ({where}): {codes.count(k)} × {k} tallied once")
        if len(tallied) > MAX_CODES_PER_VOLLEY:
            warnings.append(f"volley {number} ({where}): {len(tallied)} codes, more than the {MAX_CODES_PER_VOLLEY} MITI allows in one volley")
    counts_d = {k: counts.get(k, 0) for k in COUNSELOR_KEYS}
    client_d = {k: client.get(k, 0) for k in CLIENT_KEYS}
    summary = summary_scores(counts_d, client_d, ratings)
    levels = {k: level(k, summary[k]) for k in THRESHOLDS}  # type: ignore[arg-type]
    return MitiResult(
        n_counselor=sum(u.speaker == "counselor" for u in utts),
        n_client=sum(u.speaker == "client" for u in utts),
        raw_counts={k: raw.get(k, 0) for k in COUNSELOR_KEYS},
        counts=counts_d,
        client_counts=client_d,
        volleys=volleys,
        globals=ratings,
        summary=summary,
        levels=levels,
        warnings=warnings,
        n_facilitative=len(facilitative_positions(utts)),
    )


def _where(dialogue: Dialogue, rows: list[int]) -> str:
    """'utterances 8-9 (lines 46-50)': the numbers a learner sees in the exercises, and the lines
    of the source file where it has them (to find the place in one's own CSV)."""
    a, b = rows[0] + 1, rows[-1] + 1
    place = f"utterance {a}" if a == b else f"utterances {a}-{b}"
    lines = [dialogue.utterances[i].line for i in rows]
    if all(ln is not None for ln in lines):
        la, lb = lines[0], lines[-1]
        place += f" (line {la})" if la == lb else f" (lines {la}-{lb})"
    return place
