"""Free-text practice: what the learner aimed to write against what the classifier heard.

A learner picks an aim (an open question, a simple reflection or a complex reflection), writes a
response to a client statement, and :func:`assess` reads it with :func:`~.classifier.classify`.
The result says in words what the classifier heard, whether that matches the aim, and one tip:
how to open a closed question, how to turn a question into a reflection, how to add meaning to a
simple reflection, a note on the righting reflex when advice or confrontation came out instead, or
a note on Elicit-Provide-Elicit when information came out (information is neutral in MITI, not the
righting reflex). Every text here is an English msgid (marked with :func:`N_`, or translated with
:func:`_` when it is put together).

The classifier is a practice aid with known limits (README: about 83-87 % right on question /
reflection / other on two held-out sets, 86.8 % and 82.9 %, less on the exact code); the caution in :data:`CAUTION`
says so wherever feedback is shown.

Prompts can be limited to one kind of client talk (:data:`TALKS`) with :func:`select_by_talk`.

Pure Python: no widget library is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from .classifier import Classification, classify
from .errors import UsageError
from .i18n import N_, _

if TYPE_CHECKING:
    from .bank import PracticePrompt

Aim = Literal["open_question", "simple_reflection", "complex_reflection"]
Verdict = Literal["match", "near", "miss", "empty"]

#: The three things a learner can aim to write, in the order they are offered.
AIMS: tuple[str, ...] = ("open_question", "simple_reflection", "complex_reflection")
#: The name of each aim (translate with ``_()`` where shown).
AIM_NAMES: dict[str, str] = {
    "open_question": N_("Open question"),
    "simple_reflection": N_("Simple reflection"),
    "complex_reflection": N_("Complex reflection"),
}
#: The label (code, question type) the classifier gives when an aim is met.
AIM_LABELS: dict[str, str] = {"open_question": "Q:open", "simple_reflection": "SR", "complex_reflection": "CR"}

#: The kinds of client talk a practice prompt can carry (its ``talk`` field), in the order offered.
TALKS: tuple[str, ...] = ("change", "sustain", "ambivalent", "neutral", "discord")
#: Each kind of client talk in words, as shown beside a prompt (translate with ``_()`` where shown).
TALK_WORDS: dict[str, str] = {
    "change": N_("client talk: change talk"),
    "sustain": N_("client talk: sustain talk"),
    "ambivalent": N_("client talk: ambivalent (change and sustain talk)"),
    "neutral": N_("client talk: neutral"),
    "discord": N_("client talk: discord"),
}

#: A response longer than this many characters gets a note (one thought at a time).
LONG_TEXT = 600

#: What the classifier heard, as a sentence, by label.
HEARD: dict[str | None, str] = {
    "Q:open": N_("This reads as an open question."),
    "Q:closed": N_("This reads as a closed question."),
    "SR": N_("This reads as a simple reflection."),
    "CR": N_("This reads as a complex reflection."),
    "AF": N_("This reads as an affirmation."),
    "GI": N_("This reads as giving information."),
    "PERS": N_("This reads as persuading: advice, a warning or an argument given without permission."),
    "PWP": N_("This reads as persuading with permission: advice offered after asking permission, or with the choice clearly left to the client."),
    "SEEK": N_("This reads as seeking collaboration: asking for the client's ideas or permission."),
    "EMPH": N_("This reads as Emphasizing Autonomy: putting the decision and control with the client."),
    "CONF": N_("This reads as a confrontation: disagreeing, correcting, labelling or blaming."),
    None: N_("This reads as something MITI would leave uncoded, such as a greeting or a remark that only arranges the conversation."),
}

#: Shown with every piece of feedback: what the classifier is and is not.
CAUTION = N_(
    "The classifier is a practice aid, not an expert coder. It reads wording with rules and a small "
    "model, and on the project's two held-out test sets it tells questions, reflections and other "
    "responses apart about 83-87 % of the time (86.8 % and 82.9 %, see the README); it is less sure "
    "of the exact code, and simple against complex reflection is the hardest call. Where it "
    "disagrees with your own judgement or the model answers, think it through rather than take its "
    "word."
)

EMPTY = N_("Write your response first: one thing you might say to this client next.")
LONG = N_(
    "Your response is long ({n} characters). In conversation one question or one reflection at a "
    "time usually works better, and the classifier reads long texts less reliably."
)
UNSURE = N_("The classifier is not very sure of this reading (confidence {confidence:.0%}).")

RIGHTING_REFLEX = N_(
    "This sounds like the righting reflex: the natural urge to fix, advise or set the client "
    "straight. It tends to draw out the client's arguments against change (sustain talk). Before "
    "any advice, show that you have understood: reflect what the client said, or ask what they make "
    "of it."
)

#: Information is neutral in MITI (GI), not the righting reflex; shown when it was not the aim.
INFO_TIP = N_(
    "This reads as giving information. Information is not MI-inconsistent in itself, but it was not "
    "your aim here. If the client could use information, first ask what they already know or would "
    "like to know, offer it briefly, then ask what they make of it (Elicit-Provide-Elicit)."
)

#: Persuading with permission, when a reflection was the aim (not the righting reflex either).
PWP_FOR_REFLECTION = N_(
    "Advice offered with permission, or with the choice left open, has its place once the client "
    "wants it, but the aim here was a reflection. First give back what the client said, in their "
    "words or close to them."
)

#: The tip when a reflection was the aim and a closed question came out (a near miss: often a
#: reflection said with a rising voice).
CLOSED_TIP = N_(
    "If you meant a reflection, drop the question form and say what you heard as a statement; if you "
    "meant to ask, make it an open question. A reflection is a statement, not a question. "
    "A reflection with a question mark on the end ('So you feel ...?') turns into a closed question."
)

# The explanation for each (aim, what was heard) pair; "Q:closed" and "Q:open" are the question
# types, "MIA" stands for AF / SEEK / EMPH, "MINA" for PERS / CONF, None for uncoded.
_TIPS: dict[tuple[str, str | None], tuple[Verdict, str]] = {
    # aiming for an open question
    ("open_question", "Q:open"): ("match", N_("It invites the client to answer in their own words, which is what an open question is for.")),
    ("open_question", "Q:closed"): ("miss", N_("It can be answered with yes, no or a single fact. To open it, begin with 'what', 'how' or 'tell me about', so the client has room to explain: 'Do you worry about it?' becomes 'What worries you about it?'")),
    ("open_question", "SR"): ("near", N_("A reflection is often a better move than a question in MI, but this time the aim was a question. Keep the same interest and ask about it: start with 'what' or 'how' and end with a question mark.")),
    ("open_question", "CR"): ("near", N_("A reflection is often a better move than a question in MI, but this time the aim was a question. Keep the same interest and ask about it: start with 'what' or 'how' and end with a question mark.")),
    ("open_question", "MIA"): ("near", N_("That is an MI-consistent response, but not the open question you aimed for. Ask about what the client said, beginning with 'what' or 'how'.")),
    ("open_question", "PWP"): ("miss", N_("Advice with permission has its place later on, but here the aim was to ask. Find out what the client thinks before offering your own ideas.")),
    ("open_question", "GI"): ("miss", INFO_TIP),
    ("open_question", "MINA"): ("miss", RIGHTING_REFLEX),
    ("open_question", None): ("miss", N_("Write a whole question about what the client said, beginning with 'what' or 'how'.")),
    # aiming for a simple reflection
    ("simple_reflection", "SR"): ("match", N_("It gives back what the client said without adding much: a simple reflection.")),
    ("simple_reflection", "CR"): ("near", N_("It is a reflection, and it adds meaning beyond the client's words, which makes it complex. That is a useful skill, but for a simple one stay closer to what the client actually said.")),
    ("simple_reflection", "Q:open"): ("near", N_("A reflection is a statement, not a question. Say back what the client said, in their words or close to them, as a statement with the voice going down: 'You ...'.")),
    ("simple_reflection", "Q:closed"): ("near", CLOSED_TIP),
    ("simple_reflection", "MIA"): ("near", N_("That is an MI-consistent response, but not a reflection. Give back what the client said, in their words or close to them.")),
    ("simple_reflection", "PWP"): ("miss", PWP_FOR_REFLECTION),
    ("simple_reflection", "GI"): ("miss", INFO_TIP),
    ("simple_reflection", "MINA"): ("miss", RIGHTING_REFLEX),
    ("simple_reflection", None): ("miss", N_("Write a full sentence that gives back what the client said, for example beginning with 'You ...'.")),
    # aiming for a complex reflection
    ("complex_reflection", "CR"): ("match", N_("It goes beyond the client's words and adds meaning: a complex reflection.")),
    ("complex_reflection", "SR"): ("near", N_("It is a reflection, but it stays close to the client's words, which makes it simple. To make it complex, add meaning: name a feeling, say what this means to the client, put both sides of their ambivalence together, or say the next sentence they have not said yet.")),
    ("complex_reflection", "Q:open"): ("near", N_("A reflection is a statement, not a question. Turn your question into a guess about what the client means and say it as a statement: 'It sounds like ...' or 'Part of you ..., and part of you ...'.")),
    ("complex_reflection", "Q:closed"): ("near", CLOSED_TIP),
    ("complex_reflection", "MIA"): ("near", N_("That is an MI-consistent response, but not a reflection. Say what you think the client means beyond their words: a feeling, a value, or both sides of their ambivalence. If it praises a specific strength, MITI codes it as an affirmation even when it also reflects.")),
    ("complex_reflection", "PWP"): ("miss", PWP_FOR_REFLECTION),
    ("complex_reflection", "GI"): ("miss", INFO_TIP),
    ("complex_reflection", "MINA"): ("miss", RIGHTING_REFLEX),
    ("complex_reflection", None): ("miss", N_("Write a full sentence that says what you think the client means, for example beginning with 'It sounds like ...'.")),
}

#: How the match word reads for each verdict (translate where shown).
VERDICT_WORDS: dict[str, str] = {
    "match": N_("That matches your aim: {aim}."),
    "near": N_("Close, but not quite your aim: {aim}."),
    "miss": N_("That does not match your aim: {aim}."),
    "empty": N_("Nothing to check yet."),
}


def _group(label: str | None) -> str | None:
    """The key :data:`_TIPS` uses for a classifier label."""
    if label in ("AF", "SEEK", "EMPH"):
        return "MIA"
    if label in ("PERS", "CONF"):
        return "MINA"
    return label


def _key(c: Classification) -> str | None:
    """The :data:`HEARD` key of a reading: the label for a question, the code otherwise."""
    if c.code == "Q":
        return f"Q:{c.question_type or 'closed'}"
    return c.code if c.code in HEARD else None


def check_aim(aim: str) -> str:
    """``aim`` if it is one of :data:`AIMS`; ValueError naming the choices otherwise."""
    if aim not in AIMS:
        raise ValueError(_("unknown aim '{aim}' (choose from {aims})").format(aim=aim, aims=", ".join(AIMS)))
    return aim


def check_talk(talk: str) -> str:
    """``talk`` if it is one of :data:`TALKS`; :class:`~.errors.UsageError` naming the choices otherwise."""
    if talk not in TALKS:
        raise UsageError(_("unknown kind of client talk '{talk}' (choose from {talks})").format(talk=talk, talks=", ".join(TALKS)))
    return talk


def talk_kinds(prompts: Sequence[PracticePrompt]) -> list[str]:
    """The kinds of client talk found among ``prompts``, in the order of :data:`TALKS`."""
    found = {p.talk for p in prompts}
    return [t for t in TALKS if t in found]


def select_by_talk(prompts: Sequence[PracticePrompt], talk: str | None, topic: str | None = None) -> list[PracticePrompt]:
    """The prompts that carry ``talk`` (all of them when ``talk`` is None), in their order.

    ``topic`` only words the error: when no prompt carries ``talk``, :class:`~.errors.UsageError`
    says so and names the kinds of client talk the prompts do carry. An unknown ``talk`` is refused
    by :func:`check_talk`.
    """
    if talk is None:
        return list(prompts)
    check_talk(talk)
    chosen = [p for p in prompts if p.talk == talk]
    if chosen:
        return chosen
    kinds = ", ".join(talk_kinds(prompts)) or _("none")
    if topic is None:
        raise UsageError(_("no practice prompts with client talk '{talk}' (kinds of client talk there are: {kinds})").format(
            talk=talk, kinds=kinds))
    raise UsageError(_("no practice prompts for topic '{topic}' with client talk '{talk}' (kinds of client talk for this topic: {kinds})").format(
        topic=topic, talk=talk, kinds=kinds))


@dataclass(frozen=True)
class Assessment:
    """What the classifier heard in the learner's response, measured against the aim."""

    aim: str  #: one of :data:`AIMS`
    text: str  #: the response as written
    verdict: Verdict  #: match, near (a related skill), miss, or empty (nothing written)
    heard: str  #: a sentence saying what the classifier heard ("" when nothing was written)
    explanation: str  #: the tip for this aim and reading
    reasons: tuple[str, ...] = ()  #: the classifier's reasons, already translated
    notes: tuple[str, ...] = ()  #: extra notes: a long text, an unsure reading
    classification: Classification | None = None  #: None when nothing was written
    righting_reflex: bool = False  #: advice or confrontation came out unasked (not information, not advice with permission)

    @property
    def matched(self) -> bool:
        """True only when the classifier heard exactly what the learner aimed for."""
        return self.verdict == "match"

    @property
    def label(self) -> str | None:
        """The classifier's label (``"Q:closed"``, ``"CR"`` ...), None when uncoded or empty."""
        return self.classification.label if self.classification else None

    @property
    def code(self) -> str | None:
        return self.classification.code if self.classification else None


def judge(aim: str, classification: Classification, *, text: str | None = None) -> Assessment:
    """Match a classifier reading against the aim: verdict, what was heard, and the tip."""
    check_aim(aim)
    key = _key(classification)
    verdict, tip = _TIPS[(aim, _group(key))]
    notes: list[str] = []
    body = classification.text if text is None else text
    if len(body.strip()) > LONG_TEXT:
        notes.append(_(LONG).format(n=len(body.strip())))
    if classification.confidence < 0.5:
        notes.append(_(UNSURE).format(confidence=classification.confidence))
    return Assessment(
        aim=aim,
        text=body,
        verdict=verdict,
        heard=_(HEARD[key]),
        explanation=_(tip),
        reasons=tuple(classification.reasons),
        notes=tuple(notes),
        classification=classification,
        righting_reflex=tip == RIGHTING_REFLEX,
    )


def assess(aim: str, text: str, context: str | None = None) -> Assessment:
    """Read ``text`` (the learner's response to the client statement ``context``) against ``aim``.

    Empty or whitespace text is not classified: the verdict is ``"empty"`` with a gentle prompt.
    """
    check_aim(aim)
    if not text or not text.strip():
        return Assessment(aim=aim, text=text or "", verdict="empty", heard="", explanation=_(EMPTY))
    return judge(aim, classify(text.strip(), context=context), text=text)


@dataclass
class PracticeRun:
    """A learner's way through a list of practice prompts: where they are, and their last attempt."""

    prompts: list[PracticePrompt]  #: in order
    index: int = 0
    last: dict[str, Assessment] = field(default_factory=dict)  #: prompt id -> latest assessment

    def __post_init__(self) -> None:
        if not self.prompts:
            raise ValueError(_("no practice prompts to work on"))

    @property
    def prompt(self) -> PracticePrompt:
        """The prompt being worked on."""
        return self.prompts[self.index]

    def go_to(self, prompt_id: str) -> None:
        """Move to the prompt with this id (ValueError if it is not in the list)."""
        for i, p in enumerate(self.prompts):
            if p.id == prompt_id:
                self.index = i
                return
        raise ValueError(_("no practice prompt '{id}' in this set").format(id=prompt_id))

    def next(self) -> None:
        """Move to the next prompt, back to the first after the last."""
        self.index = (self.index + 1) % len(self.prompts)

    def attempt(self, aim: str, text: str) -> Assessment:
        """Assess a response to the current prompt; non-empty attempts are kept as :attr:`last`."""
        result = assess(aim, text, context=self.prompt.statement)
        if result.verdict != "empty":
            self.last[self.prompt.id] = result
        return result


__all__ = [
    "AIMS", "AIM_LABELS", "AIM_NAMES", "CAUTION", "CLOSED_TIP", "HEARD", "INFO_TIP", "LONG_TEXT", "PWP_FOR_REFLECTION",
    "RIGHTING_REFLEX", "TALKS", "TALK_WORDS", "VERDICT_WORDS",
    "Aim", "Assessment", "PracticeRun", "Verdict", "assess", "check_aim", "check_talk", "judge", "select_by_talk", "talk_kinds",
]
