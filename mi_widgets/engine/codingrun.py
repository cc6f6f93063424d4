"""A learner coding a dialogue: their codes by utterance, scored against the gold codes.

The coding exercise widget only displays what this module works out:

* :class:`CodingRun` holds the learner's labels (``"CR"``, ``"Q:open"``, ``"CT:reasons"``,
  ``"uncoded"``) for the utterances being coded, and gives hints, retry and the saved form.
* :meth:`CodingRun.result` scores them: per utterance right or wrong, code agreement and Cohen's
  kappa, subtype agreement kept apart (a learner who gets CT right but the subtype wrong sees that),
  the mix-ups in words, and the MITI 4.2.1 summary of the learner's codes beside the expert's.
  Both summary columns are worked out over the same utterances: while the coding is partial, the
  expert's column counts the expert's codes only on the utterances the learner has coded so far
  (:meth:`CodingRun.expert_dialogue`), so a gap in the table is a difference in coding, not in
  how much was coded.
* :meth:`CodingRun.marks` gives the short marker shown beside each utterance's dropdown: right or
  not after Check (without the expert's code, so the learner can try again), and the expert's code
  and rationale too after Reveal.
* :meth:`CodingRun.check_one` is "Check this one" in step mode: the verdict on one utterance only,
  with the hint after a wrong answer or the expert's rationale after a right one (:class:`StepCheck`),
  and the tally to save, without the agreement and MITI figures.

Everything a learner reads is returned as plain text through :func:`~.i18n._`; the view escapes it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .agreement import UNCODED, Agreement, cohen_kappa, score_answers
from .codes import CLIENT_CODES, COUNSELOR_CODES, CODES, SUBCODE_NAMES, CodeError, Speaker, is_uncoded, resolve_code, resolve_subcode
from .i18n import N_, _, ngettext
from .miti import MitiResult, score_dialogue
from .model import Dialogue

Target = Literal["counselor", "client", "both"]
Status = Literal["ok", "bad", "part", "info"]
TARGETS: tuple[str, ...] = ("counselor", "client", "both")

# --- words ------------------------------------------------------------------------------------

#: Per code: (one, many, "as" one, "as" many) for sentences such as
#: "You coded 3 complex reflections as simple reflections (CR → SR)."
NOUNS: dict[str, tuple[str, str, str, str]] = {
    "GI": (N_("information-giving statement"), N_("information-giving statements"), N_("giving information"), N_("giving information")),
    "PERS": (N_("persuading statement"), N_("persuading statements"), N_("persuading"), N_("persuading")),
    "PWP": (N_("persuasion with permission"), N_("persuasions with permission"), N_("persuading with permission"), N_("persuading with permission")),
    "Q": (N_("question"), N_("questions"), N_("a question"), N_("questions")),
    "SR": (N_("simple reflection"), N_("simple reflections"), N_("a simple reflection"), N_("simple reflections")),
    "CR": (N_("complex reflection"), N_("complex reflections"), N_("a complex reflection"), N_("complex reflections")),
    "AF": (N_("affirmation"), N_("affirmations"), N_("an affirmation"), N_("affirmations")),
    "SEEK": (N_("bid for collaboration"), N_("bids for collaboration"), N_("seeking collaboration"), N_("seeking collaboration")),
    "EMPH": (N_("emphasis on autonomy"), N_("emphases on autonomy"), N_("emphasizing autonomy"), N_("emphasizing autonomy")),
    "CONF": (N_("confrontation"), N_("confrontations"), N_("a confrontation"), N_("confrontations")),
    "CT": (N_("change talk utterance"), N_("change talk utterances"), N_("change talk"), N_("change talk")),
    "ST": (N_("sustain talk utterance"), N_("sustain talk utterances"), N_("sustain talk"), N_("sustain talk")),
    "N": (N_("neutral utterance"), N_("neutral utterances"), N_("neutral"), N_("neutral")),
}

#: Hints by code family: a nudge toward the decision, never the answer. Both codes of a family
#: (SR and CR, the three MI-adherent codes ...) get the same hint, so the hint cannot give it away.
HINTS: dict[str, str] = {
    "reflection": N_("It gives back what the client said. Does it add substantial meaning, feeling or emphasis that the client did not say? If you cannot decide, MITI codes the simpler one."),
    "question": N_("Is the counsellor asking the client for something here, even where the sentence has no question mark?"),
    "mia": N_("The counsellor turns to the client as a person and a partner. Is it about a specific strength or effort, an invitation to share ideas or give permission, or the client's right to decide? If it could equally be a question or a reflection, code that instead; if unsure between the three, take the lower one (Affirm before Seeking Collaboration before Emphasizing Autonomy)."),
    "telling": N_("The counsellor brings in their own knowledge or opinion. Is it offered neutrally, does it push toward a change (and was permission asked or the choice left open), or does it argue with or judge the client? If unsure whether it persuades, code it as information; if it both persuades and confronts, Confront wins."),
    "client": N_("Which way do the client's words lean: toward the change, toward keeping things as they are, or neither?"),
    "uncoded_counselor": N_("First ask whether this line does any coded behaviour at all: reflect, ask, inform, persuade, affirm, share power, stress choice or confront. Not every line earns a code."),
    "uncoded_client": N_("First ask whether this is a real turn at all, or only a brief sound such as 'mm-hmm' or 'yeah' while the counsellor keeps talking. Brief sounds take no code; a full line that says nothing about the change is neutral."),
}
#: Added when subtypes are coded too.
SUBTYPE_HINTS: dict[str, str] = {
    "question": N_("Could the client answer it in a word or two, or does it invite them to tell it in their own words?"),
    "client": N_("If the words lean one way, what kind of talk is it: a wish, an ability, a reason or a need (preparatory), or a commitment, a readiness or a step already taken (mobilising)? Sustain talk has the same kinds, pointing away from change ('I don't want to', 'I can't')."),
}
FAMILY: dict[str, str] = {
    "SR": "reflection", "CR": "reflection", "Q": "question",
    "AF": "mia", "SEEK": "mia", "EMPH": "mia",
    "GI": "telling", "PERS": "telling", "PWP": "telling", "CONF": "telling",
    "CT": "client", "ST": "client", "N": "client",
}

SUMMARY_NAMES: dict[str, str] = {
    "reflection_to_question": N_("Reflection-to-question ratio (R:Q)"),
    "percent_complex_reflections": N_("% complex reflections (%CR)"),
    "percent_change_talk": N_("% change talk (%CT; client language, not a MITI 4.2.1 score)"),
    "total_mi_adherent": N_("MI-adherent total (AF + SEEK + EMPH)"),
    "total_mi_non_adherent": N_("MI non-adherent total (PERS + CONF)"),
}
COUNSELOR_SUMMARY: tuple[str, ...] = ("reflection_to_question", "percent_complex_reflections", "total_mi_adherent", "total_mi_non_adherent")
CLIENT_SUMMARY: tuple[str, ...] = ("percent_change_talk",)


def split_label(label: str | None) -> tuple[str | None, str | None]:
    """``"CT:reasons"`` -> ``("CT", "reasons")``; ``"uncoded"`` -> ``("uncoded", None)``; None stays None."""
    if label is None:
        return None, None
    code, _sep, sub = label.partition(":")
    return code, sub or None


def option_label(label: str) -> str:
    """What a learner reads for a label: ``"CR — Complex Reflection"``, ``"Q:open — Question (open)"``."""
    code, sub = split_label(label)
    if code == UNCODED or code not in CODES:
        return _("none — No code")
    name = _(CODES[code].name)
    if sub:
        return _("{key} — {name} ({subtype})").format(key=label, name=name, subtype=_(SUBCODE_NAMES.get(sub, sub)))
    return _("{key} — {name}").format(key=label, name=name)


def short_label(label: str) -> str:
    """The key as shown in arrows ("CR", "Q:open"), with "no code" for an uncoded one."""
    return _("no code") if label == UNCODED else label


def parse_label(label: object, speaker: Speaker, subcodes: bool = True) -> str:
    """Turn what a learner picked or typed ("CR", "Q:open", "CT:reasons", "none", "complex
    reflection") into the stored label. With ``subcodes`` a code that takes a subtype must have one
    (``"Q"`` alone is refused); without, any subtype is dropped. Raises :class:`CodeError`."""
    if is_uncoded(label):
        return UNCODED
    text = str(label)
    code_text, _sep, sub_text = text.partition(":")
    code, implied = resolve_code(code_text, speaker)
    if code is None:
        raise CodeError(f"'{text}' gives a subtype to no code")
    sub = resolve_subcode(code, sub_text) if sub_text.strip() else implied
    if not subcodes:
        return code
    if CODES[code].subcodes and sub is None:
        allowed = ", ".join(f"{code}:{s}" for s in CODES[code].subcodes)
        raise CodeError(f"{code} needs a subtype here (one of {allowed})")
    return f"{code}:{sub}" if sub else code


def options_for(speaker: Speaker, subcodes: bool = True) -> list[tuple[str, str]]:
    """Every label a learner can choose for one speaker, as ``(label, words)``; "no code" first."""
    out = [(UNCODED, option_label(UNCODED))]
    for c in COUNSELOR_CODES if speaker == "counselor" else CLIENT_CODES:
        labels = [f"{c.key}:{s}" for s in c.subcodes] if subcodes and c.subcodes else [c.key]
        out.extend((lab, option_label(lab)) for lab in labels)
    return out


def fmt_percent(value: float | None) -> str:
    """``"85 %"``; "n/a" where undefined."""
    return _("n/a") if value is None else _("{value} %").format(value=f"{value:.0f}")


def fmt_kappa(value: float | None) -> str:
    """``"0.81"``; words where kappa is undefined."""
    return _("not defined (one category only)") if value is None else f"{value:.2f}"


def fmt_summary(key: str, value: float | int | None) -> str:
    """One MITI summary value as shown in the table."""
    if value is None:
        return _("n/a")
    if key == "reflection_to_question":
        return _("{value} : 1").format(value=f"{value:.2f}")  # as in the report
    if key.startswith("percent"):
        return fmt_percent(float(value))
    return str(value)


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UtteranceResult:
    """One targeted utterance after Check."""

    index: int  #: 0-based position in the dialogue
    speaker: Speaker
    text: str
    gold: str  #: gold label ("CR", "Q:open", "uncoded"; no subtype when subtypes are not coded)
    learner: str | None  #: the learner's label; None when not coded yet
    code_correct: bool | None  #: None when not coded yet
    subcode_correct: bool | None  #: None where the subtype is not scored (off, no gold subtype, or wrong code)
    rationale: str | None

    @property
    def correct(self) -> bool | None:
        """Code right and, where scored, subtype right; None when not coded yet."""
        if self.learner is None:
            return None
        return bool(self.code_correct) and self.subcode_correct is not False

    def verdict(self) -> tuple[Status, str]:
        """Status and words for this utterance (the view adds the icon)."""
        if self.learner is None:
            return "info", _("Not coded yet.")
        if self.correct:
            return "ok", _("Right: {label}.").format(label=option_label(self.gold))
        if self.code_correct:
            return "part", _("Right code, other subtype: you chose {label}.").format(label=option_label(self.learner))
        return "bad", _("Not quite: you chose {label}.").format(label=option_label(self.learner))

    def mark(self, reveal: bool = False) -> Mark:
        """The inline marker beside this utterance's dropdown.

        Without ``reveal`` only whether the code is right (the expert's code stays hidden, so a
        learner can try again); with ``reveal`` the expert's code and rationale as well.
        """
        if self.learner is None:
            status, words = "info", _("Not coded yet.")
        elif self.correct:
            status, words = "ok", _("Right.")
        elif self.code_correct:
            status, words = "part", _("Right code, other subtype.")
        else:
            status, words = "bad", _("Not quite.")
        if not reveal:
            return Mark(self.index, status, words)  # type: ignore[arg-type]
        why = _("Why: {rationale}").format(rationale=self.rationale) if self.rationale else None
        return Mark(self.index, status, words, _("Expert's code: {label}.").format(label=option_label(self.gold)), why)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mark:
    """What the marker beside one utterance's dropdown says (plain text; the view escapes it and
    adds the icon for ``status``)."""

    index: int  #: 0-based position in the dialogue
    status: Status  #: ok (right), part (right code, other subtype), bad (wrong), info (not coded yet)
    words: str  #: "Right.", "Not quite." ...
    expert: str | None = None  #: after Reveal: "Expert's code: CR — Complex Reflection."
    #: after Reveal, or after a right answer checked on its own, where the dialogue gives one: "Why: ..."
    why: str | None = None
    hint: str | None = None  #: after a not-right answer checked on its own (:meth:`CodingRun.check_one`): "Hint: ..."

    @property
    def lines(self) -> list[str]:
        """The lines shown under the verdict words, in order (expert's code, rationale, hint)."""
        return [t for t in (self.expert, self.why, self.hint) if t]


@dataclass(frozen=True)
class StepCheck:
    """What "Check this one" gives in step mode (:meth:`CodingRun.check_one`): the verdict on one
    utterance and the tally over all the learner's codes, which is what is saved."""

    item: UtteranceResult  #: the utterance checked
    mark: Mark  #: its marker: verdict words, then the rationale (right) or the hint (not right)
    n_right: int  #: utterances right so far, over the whole exercise (the score saved)
    n_answered: int  #: utterances coded so far
    n_targets: int  #: utterances to code in the exercise

    @property
    def status(self) -> Status:
        return self.mark.status

    def title(self) -> str:
        """E.g. "Utterance 9: Not quite."."""
        return _("Utterance {n}: {verdict}").format(n=self.item.index + 1, verdict=self.mark.words)

    def next_step(self, last: bool = False) -> str:
        """One sentence on what to do now; ``last`` when this is the last utterance to code."""
        if self.item.learner is None:
            return _("Choose a code for this utterance first, then press Check this one.")
        if self.mark.hint:
            text = _("A hint is beside your code: change it and press Check this one again, or move on.")
        elif self.mark.why:
            text = _("The expert's reasoning is beside your code.")
        else:
            text = ""
        tally = _("{right} of {total} right so far.").format(right=self.n_right, total=self.n_targets)
        go_on = _("That was the last one: press Check all so far for the full summary.") if last else _("Press Next for the next utterance.")
        return " ".join(t for t in (text, tally, go_on) if t)


@dataclass
class CodingResult:
    """Everything Check shows: per-utterance results, agreement, mix-ups and the MITI summary."""

    items: list[UtteranceResult]
    codes: Agreement  #: code-level agreement over the coded utterances (subtypes ignored)
    subtype_pairs: list[tuple[str, str]]  #: (gold label, learner label) where the code is right and a gold subtype exists
    learner_miti: MitiResult  #: MITI tallies of the dialogue carrying the learner's codes
    #: MITI tallies of the gold codes on the same utterances: the targeted ones the learner has not
    #: coded yet are left uncoded, as in the learner's copy (the whole gold dialogue once all are coded)
    expert_miti: MitiResult
    target: Target = "counselor"
    subcodes: bool = True

    @property
    def n_targets(self) -> int:
        return len(self.items)

    @property
    def n_answered(self) -> int:
        return sum(i.learner is not None for i in self.items)

    @property
    def partial(self) -> bool:
        """True while some (not all) targeted utterances are coded: the summary then compares
        both columns over the coded ones only."""
        return 0 < self.n_answered < self.n_targets

    @property
    def n_right(self) -> int:
        """Utterances right in code and (where scored) subtype: the score saved."""
        return sum(bool(i.correct) for i in self.items)

    @property
    def wrong(self) -> list[int]:
        return [i.index for i in self.items if i.correct is False]

    @property
    def percent_agreement(self) -> float | None:
        """Code agreement, 0-100, over the coded utterances."""
        return self.codes.percent_agreement

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa for the codes."""
        return self.codes.kappa

    @property
    def subtype_right(self) -> int:
        return sum(g == l for g, l in self.subtype_pairs)

    @property
    def subtype_agreement(self) -> float | None:
        """Subtype agreement, 0-100, over the utterances whose code was right; None if none."""
        return 100.0 * self.subtype_right / len(self.subtype_pairs) if self.subtype_pairs else None

    @property
    def subtype_kappa(self) -> float | None:
        return cohen_kappa([g for g, _l in self.subtype_pairs], [l for _g, l in self.subtype_pairs]) if self.subtype_pairs else None

    def subtype_mix_ups(self) -> list[tuple[str, str, int]]:
        """(gold label, learner label, n) where the code was right but the subtype not."""
        found = Counter((g, l) for g, l in self.subtype_pairs if g != l)
        return sorted(((g, l, n) for (g, l), n in found.items()), key=lambda t: (-t[2], t[0], t[1]))

    # words

    def title(self) -> str:
        return _("{right} of {total} right.").format(right=self.n_right, total=self.n_targets)

    def status(self) -> Status:
        if self.n_answered == 0:
            return "info"
        return "ok" if self.n_right == self.n_targets else "part" if self.n_right else "bad"

    def agreement_lines(self) -> list[str]:
        """Code agreement and kappa; subtype agreement apart; how many are not coded yet."""
        lines = [
            ngettext("Codes: {agree} agreement with the expert, Cohen's kappa {kappa}, over the {n} utterance you coded.",
                     "Codes: {agree} agreement with the expert, Cohen's kappa {kappa}, over the {n} utterances you coded.", self.n_answered).format(
                agree=fmt_percent(self.percent_agreement), kappa=fmt_kappa(self.kappa), n=self.n_answered)
        ]
        if self.kappa is not None:
            lines.append(_("Kappa corrects agreement for chance; above about 0.6 counts as good agreement between coders."))
        if self.subtype_pairs:
            lines.append(
                _("Subtypes (open/closed, DARN-CAT), where your code was right: {right} of {n} ({agree}), Cohen's kappa {kappa}.").format(
                    right=self.subtype_right, n=len(self.subtype_pairs), agree=fmt_percent(self.subtype_agreement), kappa=fmt_kappa(self.subtype_kappa)))
        if any(g.startswith("Q:") for g, _l in self.subtype_pairs):
            lines.append(_("Open/closed is a learning distinction; MITI 4.2.1 counts all questions as Q."))
        missing = self.n_targets - self.n_answered
        if missing:
            lines.append(_("{n} of {total} utterances are not coded yet.").format(n=missing, total=self.n_targets))
        return lines

    def mix_up_lines(self) -> list[str]:
        """What was mixed up, in sentences, most frequent first; codes before subtypes."""
        lines = [mix_up_sentence(g, l, n) for g, l, n in self.codes.mix_ups()]
        return lines + [subtype_sentence(g, l, n) for g, l, n in self.subtype_mix_ups()]

    def summary_note(self) -> str | None:
        """The line shown with the MITI summary while the coding is partial, saying that both
        columns count only the utterances coded so far; None once every one is coded (or none is)."""
        if not self.partial:
            return None
        return ngettext("Both columns count only the {n} utterance you have coded so far.",
                        "Both columns count only the {n} utterances you have coded so far.", self.n_answered).format(n=self.n_answered)

    def summary_rows(self) -> list[tuple[str, str, str]]:
        """(measure, yours, expert's) for the MITI summary scores that the coded speaker affects, and
        % change talk (client language, not a MITI score) where the client is coded; both columns
        over the same utterances (see :meth:`summary_note`)."""
        keys = (COUNSELOR_SUMMARY if self.target != "client" else ()) + (CLIENT_SUMMARY if self.target != "counselor" else ())
        return [(_(SUMMARY_NAMES[k]), fmt_summary(k, self.learner_miti.summary[k]), fmt_summary(k, self.expert_miti.summary[k])) for k in keys]


def mix_up_sentence(gold: str, learner: str, n: int) -> str:
    """E.g. "You coded 3 complex reflections as simple reflections (CR → SR)."."""
    arrow = f"{short_label(gold)} → {short_label(learner)}"
    if learner == UNCODED:
        noun = _(NOUNS[gold][0 if n == 1 else 1])
        text = _("You left 1 {gold} without a code ({arrow}).") if n == 1 else _("You left {n} {gold} without a code ({arrow}).")
        return text.format(n=n, gold=noun, arrow=arrow)
    as_noun = _(NOUNS[learner][2 if n == 1 else 3])
    if gold == UNCODED:
        text = _("You coded 1 utterance that takes no code as {learner} ({arrow}).") if n == 1 else _("You coded {n} utterances that take no code as {learner} ({arrow}).")
        return text.format(n=n, learner=as_noun, arrow=arrow)
    noun = _(NOUNS[gold][0 if n == 1 else 1])
    text = _("You coded 1 {gold} as {learner} ({arrow}).") if n == 1 else _("You coded {n} {gold} as {learner} ({arrow}).")
    return text.format(n=n, gold=noun, learner=as_noun, arrow=arrow)


def subtype_sentence(gold: str, learner: str, n: int) -> str:
    """E.g. "You had the code right for 2 change talk utterances but the subtype wrong: need
    instead of reasons (CT:reasons → CT:need)."."""
    code, gold_sub = split_label(gold)
    _code, learner_sub = split_label(learner)
    noun = _(NOUNS[code or ""][0 if n == 1 else 1])
    text = (_("You had the code right for 1 {noun} but the subtype wrong: {learner} instead of {gold} ({arrow}).") if n == 1
            else _("You had the code right for {n} {noun} but the subtype wrong: {learner} instead of {gold} ({arrow})."))
    return text.format(n=n, noun=noun, learner=_subtype_name(learner_sub), gold=_subtype_name(gold_sub), arrow=f"{gold} → {learner}")


def _subtype_name(sub: str | None) -> str:
    return _(SUBCODE_NAMES[sub]) if sub in SUBCODE_NAMES else _("no subtype")


# --- the run ----------------------------------------------------------------------------------


@dataclass
class CodingRun:
    """The learner's codes for one dialogue.

    ``target`` chooses the utterances coded: ``"counselor"`` (MITI behaviour codes), ``"client"``
    (change / sustain / neutral) or ``"both"``. ``subcodes`` adds open/closed for questions and
    DARN-CAT for change and sustain talk; they are scored apart from the codes.
    """

    dialogue: Dialogue
    target: Target = "counselor"
    subcodes: bool = True
    answers: dict[int, str] = field(default_factory=dict)  #: 0-based index -> the learner's label
    targets: tuple[int, ...] = field(init=False)  #: the utterances being coded, in order

    def __post_init__(self) -> None:
        if self.target not in TARGETS:
            raise ValueError(f"target must be one of {', '.join(TARGETS)}, not '{self.target}'")
        self.targets = tuple(i for i, u in enumerate(self.dialogue.utterances) if self.target in ("both", u.speaker))
        if not self.targets:
            raise ValueError(f"dialogue '{self.dialogue.id}' has no {self.target} utterances to code")

    def _check_index(self, index: int) -> None:
        if index not in self.targets:
            n = len(self.dialogue.utterances)
            if not 0 <= index < n:
                raise IndexError(f"no utterance {index} in dialogue '{self.dialogue.id}' (0-{n - 1})")
            raise IndexError(f"utterance {index} is a {self.dialogue.utterances[index].speaker} utterance, not coded in this exercise (target '{self.target}')")

    def set_code(self, index: int, label: object) -> str:
        """Record the learner's label for utterance ``index`` (0-based); returns the stored label.
        Raises :class:`IndexError` for an utterance not coded here, :class:`CodeError` for a bad label."""
        self._check_index(index)
        stored = parse_label(label, self.dialogue.utterances[index].speaker, self.subcodes)
        self.answers[index] = stored
        return stored

    def clear(self, index: int) -> None:
        """Forget the learner's label for one utterance."""
        self._check_index(index)
        self.answers.pop(index, None)

    def gold(self, index: int) -> str:
        """The gold label as scored here ("uncoded" for no code; no subtype when subtypes are off)."""
        u = self.dialogue.utterances[index]
        if u.code is None:
            return UNCODED
        return u.label if self.subcodes and u.subcode else u.code  # type: ignore[return-value]

    def options(self, index: int) -> list[tuple[str, str]]:
        """The labels a learner can choose for utterance ``index``, as ``(label, words)``."""
        return options_for(self.dialogue.utterances[index].speaker, self.subcodes)

    def learner_dialogue(self) -> Dialogue:
        """A copy of the dialogue carrying the learner's codes on the targeted utterances (not yet
        coded ones left uncoded); the other utterances keep their gold codes."""
        utts = list(self.dialogue.utterances)
        for i in self.targets:
            code, sub = split_label(self.answers.get(i))
            code = None if code in (None, UNCODED) else code
            utts[i] = replace(utts[i], code=code, subcode=sub if code else None)
        return replace(self.dialogue, utterances=tuple(utts))

    def expert_dialogue(self) -> Dialogue:
        """The expert's side of the MITI comparison: a copy of the dialogue keeping the gold codes on
        the targeted utterances the learner has coded (including those coded "no code") and leaving
        the other targeted utterances uncoded, exactly where :meth:`learner_dialogue` leaves them
        uncoded; the utterances not coded in this exercise keep their gold codes in both. Once every
        targeted utterance is coded this is the gold dialogue itself."""
        missing = [i for i in self.targets if i not in self.answers]
        if not missing:
            return self.dialogue
        utts = list(self.dialogue.utterances)
        for i in missing:
            utts[i] = replace(utts[i], code=None, subcode=None)
        return replace(self.dialogue, utterances=tuple(utts))

    def items(self) -> list[UtteranceResult]:
        """Each targeted utterance, right or wrong: the per-utterance part of :meth:`result`,
        without the agreement and MITI figures."""
        items: list[UtteranceResult] = []
        for i in self.targets:
            u = self.dialogue.utterances[i]
            gold, given = self.gold(i), self.answers.get(i)
            gold_code, gold_sub = split_label(gold)
            code, sub = split_label(given)
            code_ok = None if given is None else code == gold_code
            sub_ok = sub == gold_sub if code_ok and gold_sub is not None else None
            items.append(UtteranceResult(i, u.speaker, u.text, gold, given, code_ok, sub_ok, u.rationale))
        return items

    def check_one(self, index: int, reveal: bool = False) -> StepCheck:
        """Check utterance ``index`` alone ("Check this one" in step mode). Its marker says right or
        not; after a right answer it adds the expert's rationale (no longer a spoiler), after a wrong
        one, or the right code with another subtype, the hint for that utterance (the rationale would
        give the answer away). After ``reveal`` it is the revealed marker (expert's code and
        rationale). Not coded yet: "Not coded yet." and nothing else. Raises IndexError for an
        utterance not coded here."""
        self._check_index(index)
        items = self.items()
        it = next(x for x in items if x.index == index)
        mark = it.mark(reveal)
        if not reveal and it.learner is not None:
            if it.correct:
                mark = replace(mark, why=_("Why: {rationale}").format(rationale=it.rationale) if it.rationale else None)
            else:
                mark = replace(mark, hint=_("Hint: {hint}").format(hint=self.hint(index)))
        return StepCheck(it, mark, sum(bool(x.correct) for x in items), sum(x.learner is not None for x in items), len(items))

    def marks(self, reveal: bool = False) -> dict[int, Mark]:
        """The marker for every targeted utterance, by index: right or not (after Check), plus
        the expert's code and rationale with ``reveal``. See :meth:`UtteranceResult.mark`."""
        return {it.index: it.mark(reveal) for it in self.items()}

    def result(self) -> CodingResult:
        """Score the learner's labels against the gold codes; the MITI summary compares the learner's
        codes with the expert's over the same utterances (see :meth:`expert_dialogue`)."""
        items = self.items()
        # (gold, learner) where the code is right and a gold subtype exists: scored apart
        subtype_pairs = [(it.gold, it.learner or "") for it in items if it.subcode_correct is not None]
        codes = score_answers(self.dialogue, {i: split_label(l)[0] or UNCODED for i, l in self.answers.items()}, with_subcodes=False)
        return CodingResult(items, codes, subtype_pairs, score_dialogue(self.learner_dialogue()), score_dialogue(self.expert_dialogue()), self.target, self.subcodes)

    def retry(self) -> list[int]:
        """Clear the wrong answers (code or subtype wrong), keep the right ones; returns the cleared indices."""
        wrong = self.result().wrong
        for i in wrong:
            self.answers.pop(i, None)
        return wrong

    def hint(self, index: int) -> str:
        """A nudge toward the decision for utterance ``index``, by the family of its gold code."""
        self._check_index(index)
        u = self.dialogue.utterances[index]
        family = FAMILY.get(u.code or "", f"uncoded_{u.speaker}")
        text = _(HINTS[family])
        sub_family = "client" if u.speaker == "client" else family
        if self.subcodes and sub_family in SUBTYPE_HINTS and (u.speaker == "client" or u.subcode):
            text += " " + _(SUBTYPE_HINTS[sub_family])
        return text

    def reveal(self) -> list[tuple[int, str, str | None]]:
        """(index, gold label in words, rationale) for every targeted utterance."""
        return [(i, option_label(self.gold(i)), self.dialogue.utterances[i].rationale) for i in self.targets]

    def to_data(self, earlier: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """What is saved: the labels by index (as text keys, for JSON). Labels saved ``earlier`` for
        utterances not coded in this exercise (another target) are kept."""
        labels = {k: v for k, v in ((earlier or {}).get("labels") or {}).items() if str(k).isdigit() and int(k) not in self.targets}
        labels.update({str(i): self.answers[i] for i in sorted(self.answers)})
        return {"labels": dict(sorted(labels.items(), key=lambda kv: int(kv[0]))), "target": self.target, "subcodes": self.subcodes}

    def load(self, data: Mapping[str, Any] | None) -> int:
        """Put saved labels back (those for utterances coded here and still valid); returns how many."""
        n = 0
        for key, label in ((data or {}).get("labels") or {}).items():
            try:
                self.set_code(int(key), label)
            except (ValueError, IndexError, CodeError):
                continue  # another target, or a code that no longer fits: skip it
            n += 1
        return n


__all__ = [
    "CodingResult", "CodingRun", "Mark", "StepCheck", "UtteranceResult", "TARGETS", "HINTS", "NOUNS",
    "fmt_kappa", "fmt_percent", "mix_up_sentence", "option_label", "options_for", "parse_label", "subtype_sentence",
]
