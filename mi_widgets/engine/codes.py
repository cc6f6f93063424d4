"""The MITI 4.2.1 coding scheme as data, and the resolution of what people type into codes.

Counsellor behaviour codes follow MITI 4.2.1 (Moyers, Manuel & Ernst 2014, rev. 2015). Client
language follows MISC 2.5 / Miller & Rollnick 2013: change talk, sustain talk, neutral, with the
DARN-CAT subtypes. The open/closed split of questions is a learner distinction kept from MITI 3;
MITI 4 counts a single Q.

Every name and definition is marked with :func:`N_` so a translation catalogue can pick it up; it
is translated where it is shown, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .i18n import N_, _

Speaker = Literal["counselor", "client"]


@dataclass(frozen=True)
class Code:
    """One code of the scheme."""

    key: str  #: the short form stored in files, e.g. ``"CR"``
    name: str  #: the full English name, e.g. ``"Complex Reflection"``
    definition: str  #: one line a learner can read
    speaker: Speaker  #: who the code is for
    group: str  #: ``"mia"``, ``"mina"``, ``"reflection"``, ``"question"``, ``"neutral"`` or ``"client"``
    subcodes: tuple[str, ...] = ()  #: the subcodes this code accepts


QUESTION_TYPES: tuple[str, ...] = ("open", "closed")
DARN_CAT: tuple[str, ...] = (
    "desire",
    "ability",
    "reasons",
    "need",
    "commitment",
    "activation",
    "taking_steps",
)
#: Preparatory (DARN) and mobilising (CAT) change or sustain talk.
PREPARATORY: tuple[str, ...] = DARN_CAT[:4]
MOBILISING: tuple[str, ...] = DARN_CAT[4:]

SUBCODE_NAMES: dict[str, str] = {
    "open": N_("open"),
    "closed": N_("closed"),
    "desire": N_("desire"),
    "ability": N_("ability"),
    "reasons": N_("reasons"),
    "need": N_("need"),
    "commitment": N_("commitment"),
    "activation": N_("activation"),
    "taking_steps": N_("taking steps"),
}

COUNSELOR_CODES: tuple[Code, ...] = (
    Code("GI", N_("Giving Information"), N_("Neutral information, feedback or explanation without persuading; when unsure between GI and Persuade, code GI."), "counselor", "neutral"),
    Code("PERS", N_("Persuade"), N_("An open attempt to change the client's opinion or behaviour by argument, advice, warning or facts, without permission."), "counselor", "mina"),
    Code("PWP", N_("Persuade with Permission"), N_("Persuasion after the client gave permission, or framed so the client is free to take it or leave it."), "counselor", "neutral"),
    Code("Q", N_("Question"), N_("Any question, open or closed, including statements that ask ('Tell me more about ...')."), "counselor", "question", QUESTION_TYPES),
    Code("SR", N_("Simple Reflection"), N_("Gives back what the client said with little or no added meaning."), "counselor", "reflection"),
    Code("CR", N_("Complex Reflection"), N_("Adds meaning or emphasis: a feeling, a metaphor, both sides, an amplification or a directional summary."), "counselor", "reflection"),
    Code("AF", N_("Affirm"), N_("A genuine statement about a specific strength, effort, intention or worth of the client."), "counselor", "mia"),
    Code("SEEK", N_("Seeking Collaboration"), N_("Shares power: asks permission, asks for the client's ideas or agenda, or honours the client's expertise."), "counselor", "mia"),
    Code("EMPH", N_("Emphasizing Autonomy"), N_("Places the decision and control with the client."), "counselor", "mia"),
    Code("CONF", N_("Confront"), N_("Disagrees, argues, corrects, shames, blames, labels, moralises or doubts the client's honesty."), "counselor", "mina"),
)

CLIENT_CODES: tuple[Code, ...] = (
    Code("CT", N_("Change Talk"), N_("The client's own words in favour of change."), "client", "client", DARN_CAT),
    Code("ST", N_("Sustain Talk"), N_("The client's own words in favour of the status quo."), "client", "client", DARN_CAT),
    Code("N", N_("Neutral"), N_("Neither for nor against the change goal (follow / neutral)."), "client", "client"),
)

CODES: dict[str, Code] = {c.key: c for c in COUNSELOR_CODES + CLIENT_CODES}
COUNSELOR_KEYS: tuple[str, ...] = tuple(c.key for c in COUNSELOR_CODES)
CLIENT_KEYS: tuple[str, ...] = tuple(c.key for c in CLIENT_CODES)
MI_ADHERENT: tuple[str, ...] = ("AF", "SEEK", "EMPH")
MI_NON_ADHERENT: tuple[str, ...] = ("PERS", "CONF")

#: Words people write for "this utterance gets no code".
UNCODED_WORDS = frozenset({"", "-", "--", "—", "none", "uncoded", "no code", "nc", "n/a", "na", "null"})


def _norm(text: str) -> str:
    """Lower-case and fold separators so 'Complex-Reflection', 'complex_reflection' match."""
    return re.sub(r"[\s_\-/]+", " ", text.strip().lower()).strip(" .")


# Full names and common spellings, mapped to (code, subcode or None).
_ALIASES: dict[str, tuple[str, str | None]] = {}
for _c in COUNSELOR_CODES + CLIENT_CODES:
    _ALIASES[_norm(_c.key)] = (_c.key, None)
    _ALIASES[_norm(_c.name)] = (_c.key, None)
_ALIASES.update(
    {
        "giving info": ("GI", None),
        "information": ("GI", None),
        "persuasion": ("PERS", None),
        "persuading": ("PERS", None),
        "persuade w permission": ("PWP", None),
        "persuasion with permission": ("PWP", None),
        "question": ("Q", None),
        "open question": ("Q", "open"),
        "closed question": ("Q", "closed"),
        "oq": ("Q", "open"),
        "cq": ("Q", "closed"),
        "simple reflection": ("SR", None),
        "complex reflection": ("CR", None),
        "rs": ("SR", None),
        "rc": ("CR", None),
        "affirmation": ("AF", None),
        "affirming": ("AF", None),
        "aff": ("AF", None),
        "seeking collaboration": ("SEEK", None),
        "seek collaboration": ("SEEK", None),
        "emphasising autonomy": ("EMPH", None),
        "emphasizing autonomy": ("EMPH", None),
        "emphasize autonomy": ("EMPH", None),
        "emphasise autonomy": ("EMPH", None),
        "confrontation": ("CONF", None),
        "confronting": ("CONF", None),
        "change talk": ("CT", None),
        "change": ("CT", None),
        "sustain talk": ("ST", None),
        "sustain": ("ST", None),
        "neutral": ("N", None),
        "follow": ("N", None),
        "follow neutral": ("N", None),
        "fn": ("N", None),
    }
)

_SUBCODE_ALIASES: dict[str, str] = {_norm(s): s for s in QUESTION_TYPES + DARN_CAT}
_SUBCODE_ALIASES.update(
    {
        "closed ended": "closed",
        "open ended": "open",
        "taking steps": "taking_steps",
        "ts": "taking_steps",
        "reason": "reasons",
        "d": "desire",
        "r": "reasons",
        "n": "need",
        "c": "commitment",
    }
)


class CodeError(ValueError):
    """A code or subcode that the scheme does not know or that does not fit the speaker."""


def is_uncoded(value: object) -> bool:
    """True for the values that mean 'no code' (None, empty, 'none', 'uncoded', ...)."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN from pandas
        return True
    return isinstance(value, str) and _norm(value) in UNCODED_WORDS


def resolve_code(value: object, speaker: Speaker | None = None) -> tuple[str | None, str | None]:
    """Turn what a person typed into ``(code, implied_subcode)``.

    Accepts the short keys case-insensitively and the full names ("complex reflection").
    "open question" gives ``("Q", "open")``. Returns ``(None, None)`` for an uncoded value.
    Raises :class:`CodeError` for an unknown code or one that does not fit ``speaker``.
    """
    if is_uncoded(value):
        return None, None
    found = _ALIASES.get(_norm(str(value)))
    if found is None:
        known = ", ".join(COUNSELOR_KEYS if speaker == "counselor" else CLIENT_KEYS if speaker == "client" else COUNSELOR_KEYS + CLIENT_KEYS)
        raise CodeError(_("unknown code '{value}' (known codes: {known})").format(value=value, known=known))
    key, implied = found
    if speaker is not None and CODES[key].speaker != speaker:
        if speaker == "client":
            raise CodeError(_("'{value}' is a counsellor code on a client utterance (client codes: {codes})").format(value=value, codes=", ".join(CLIENT_KEYS)))
        raise CodeError(_("'{value}' is a client code on a counsellor utterance (counsellor codes: {codes})").format(value=value, codes=", ".join(COUNSELOR_KEYS)))
    return key, implied


def resolve_subcode(code: str | None, value: object) -> str | None:
    """Check and normalise a subcode for ``code``; ``None`` when there is none."""
    if is_uncoded(value):
        return None
    text = str(value)
    if code is None:
        raise CodeError(_("subcode '{text}' given for an uncoded utterance").format(text=text))
    allowed = CODES[code].subcodes
    sub = _SUBCODE_ALIASES.get(_norm(text))
    if not allowed:
        raise CodeError(_("code {code} takes no subcode, got '{text}'").format(code=code, text=text))
    if sub not in allowed:
        raise CodeError(_("unknown subcode '{text}' for {code} (allowed: {allowed})").format(text=text, code=code, allowed=", ".join(allowed)))
    return sub
