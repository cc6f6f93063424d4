"""An explainable classifier for one counsellor utterance: its likely MITI 4.2.1 code, and why.

It reads word order and wording the way a coder does: a question by its form or its question mark,
open or closed by what can answer it; a reflection by a statement about the client's experience;
advice, warnings, labels, permission, autonomy and affirmation by their words. Every cue that
decides the result becomes a reason a learner can read. Pure Python and regular expressions: no
model download, no network, thousands of utterances a second.

The words live in a language module (``cues_en``, ``cues_da``, ``cues_nb``, all with the same
names); this module holds no word of any language. Reasons are translated with :func:`~.i18n._`.
A language has its own trained model (``models/classifier_<lang>.json``) or none: then the rules
alone decide, never another language's model.

It is a practice aid, not a coder: its output is provisional, and reports made with it say so.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Iterable

from .i18n import N_, _, get_language

if TYPE_CHECKING:
    from .model import Dialogue

#: The codes the classifier can give (None, uncoded, is the other outcome).
CODES: tuple[str, ...] = ("Q", "SR", "CR", "AF", "GI", "PERS", "PWP", "SEEK", "EMPH", "CONF")

# How much the form of an utterance counts, against the cue weights in the language module.
QUESTION_LAST = 3.0  #: the utterance ends by asking
QUESTION_EARLIER = 2.0  #: it asks, then goes on
RISING_STATEMENT = 1.6  #: a statement said with "?" (a question or a reflection with a rising voice)
REFLECTION_FORM = 2.2  #: a statement about the client's experience
BARE_STATEMENT = 1.0  #: a statement with no cue: most often a reflection in the client's terms
FACT_STATEMENT = 0.9  #: a statement with no "you" in it leans to information
SAME_SENTENCE_GI = 0.5
REPORTED = 2.6  #: "you think you should ...": the client's view handed back
ECHO = 2.4  #: a statement (or a rising one) made mostly of the client's own words  #: facts inside a "you ..." statement count half: they are usually reflected back


@dataclass(frozen=True)
class Classification:
    """The classifier's reading of one utterance."""

    text: str  #: the utterance as given
    code: str | None  #: a MITI code, or None when it would stay uncoded
    question_type: str | None  #: "open" or "closed" for Q, else None
    reasons: tuple[str, ...]  #: why, in the learner's language, strongest first
    confidence: float  #: 0-1: how clearly the winning code beat the runner-up

    @property
    def label(self) -> str | None:
        """``"Q:open"``-style label, as :attr:`~.model.Utterance.label`."""
        if self.code is None:
            return None
        return f"{self.code}:{self.question_type}" if self.question_type else self.code

    def as_dict(self) -> dict[str, Any]:
        """The JSON form of ``mi-workbook classify``."""
        return {
            "text": self.text,
            "code": self.code,
            "question_type": self.question_type,
            "reasons": list(self.reasons),
            "confidence": round(self.confidence, 2),
        }


# --------------------------------------------------------------------------------- the language
@dataclass(frozen=True)
class _Cue:
    code: str
    weight: float
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class _Language:
    fillers: re.Pattern[str]
    no_code: tuple[tuple[re.Pattern[str], str], ...]
    closed_start: re.Pattern[str]
    wh_start: re.Pattern[str]
    asking_statement: re.Pattern[str]
    open_cues: tuple[tuple[re.Pattern[str], str], ...]
    closed_cues: tuple[tuple[re.Pattern[str], str], ...]
    fact_question: re.Pattern[str]
    tag_question: re.Pattern[str]
    reported_speech: re.Pattern[str]
    reflection_form: tuple[tuple[re.Pattern[str], str], ...]
    complex_cues: tuple[tuple[re.Pattern[str], str], ...]
    cues: tuple[_Cue, ...]
    stopwords: frozenset[str]
    you: re.Pattern[str]  #: a word addressing the client ("you", "du")
    pronoun_after_wh: re.Pattern[str]  #: "what you said ...": a question word opening a clause, not a question
    later_clause_wh: re.Pattern[str]  #: the question words that make a later clause ask
    clause_not_question: re.Pattern[str]  #: first-clause words that usually open a clause, not a question
    notes: re.Pattern[str]  #: transcribers' notes in round brackets ("(laughs)")


def _pairs(items: Iterable[tuple[str, str]]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), reason) for p, reason in items)


@lru_cache(maxsize=None)
def _language(lang: str) -> _Language:
    """The compiled cues for ``lang``; English for a language with no cue module."""
    mod = _cue_module(lang)
    return _Language(
        fillers=re.compile(rf"^{mod.LEADING_FILLERS}"),
        no_code=_pairs(mod.NO_CODE),
        closed_start=re.compile(mod.CLOSED_START),
        wh_start=re.compile(mod.WH_START),
        asking_statement=re.compile(mod.ASKING_STATEMENT),
        open_cues=_pairs(mod.OPEN_CUES),
        closed_cues=_pairs(mod.CLOSED_CUES),
        fact_question=re.compile(mod.FACT_QUESTION[0]),
        tag_question=re.compile(mod.TAG_QUESTION[0]),
        reported_speech=re.compile(mod.REPORTED_SPEECH),
        reflection_form=_pairs(mod.REFLECTION_FORM),
        complex_cues=_pairs(mod.COMPLEX_CUES),
        cues=tuple(_Cue(code, weight, re.compile(p), reason) for code, weight, p, reason in mod.CUES),
        stopwords=mod.STOPWORDS,
        you=re.compile(mod.YOU),
        pronoun_after_wh=re.compile(mod.PRONOUN_AFTER_WH),
        later_clause_wh=re.compile(mod.LATER_CLAUSE_WH),
        clause_not_question=re.compile(mod.CLAUSE_NOT_QUESTION),
        notes=re.compile(mod.TRANSCRIPT_NOTES, re.I),
    )


def _cue_module(lang: str) -> ModuleType:
    try:
        return import_module(f"{__package__}.cues_{lang}")
    except ModuleNotFoundError:
        return import_module(f"{__package__}.cues_en")


# ------------------------------------------------------------------------------------ the model
MODEL_DIR = Path(__file__).resolve().parent / "models"


def fingerprint(lang: str) -> str:
    """A hash of what the model's features depend on: the cues and the form weights.

    The shipped model records the fingerprint it was trained with; a test fails when the cues
    change and the model was not retrained (``python tools/train_classifier.py --lang <lang>``).
    """
    mod = _cue_module(lang)
    parts = [sorted(v) if isinstance(v, (set, frozenset)) else v for v in (getattr(mod, name) for name in _CUE_NAMES)] + [QUESTION_LAST, QUESTION_EARLIER, RISING_STATEMENT, REFLECTION_FORM, BARE_STATEMENT, FACT_STATEMENT, SAME_SENTENCE_GI, REPORTED, ECHO]
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


_CUE_NAMES = ("LEADING_FILLERS", "NO_CODE", "CLOSED_START", "WH_START", "ASKING_STATEMENT", "OPEN_CUES", "CLOSED_CUES", "FACT_QUESTION", "TAG_QUESTION", "REPORTED_SPEECH", "REFLECTION_FORM", "COMPLEX_CUES", "CUES",
              "STOPWORDS", "YOU", "PRONOUN_AFTER_WH", "LATER_CLAUSE_WH", "CLAUSE_NOT_QUESTION", "TRANSCRIPT_NOTES")


@dataclass(frozen=True)
class _Model:
    """A small multinomial logistic regression over the rules' evidence and the words.

    Trained only on the project's own material by ``tools/train_classifier.py``; shipped as JSON.
    """

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def predict(self, features: dict[str, float]) -> tuple[str, float, str | None]:
        """(code or "-", probability, a reason naming the words that weighed most)."""
        k = len(self.classes)
        logits = list(self.bias)
        present = [(f, v, self.weights[f]) for f, v in features.items() if f in self.weights]
        for _f, v, w in present:
            for c in range(k):
                logits[c] += v * w[c]
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        best = logits.index(top)
        prob = exps[best] / sum(exps)
        words = sorted(((w[best] * v, f.split(":", 1)[1]) for f, v, w in present if f[:2] in ("w:", "b:", "f:", "f2", "l:")), reverse=True)
        shown = list(dict.fromkeys(word for weight, word in words if weight > 0.3))[:3]
        code = self.classes[best]
        reason = None
        if shown and code != "-":
            from .codes import CODES as SCHEME

            reason = _("the words {words} often go with {name}").format(words=", ".join(f"'{w}'" for w in shown), name=_(SCHEME[code].name).lower())
        return code, prob, reason


@lru_cache(maxsize=None)
def _model(lang: str) -> _Model | None:
    """The language's own model, or None: then the rules decide alone.

    Never another language's model: its word weights mean nothing for this language's words.
    """
    path = MODEL_DIR / f"classifier_{lang}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return _Model(tuple(data["classes"]), tuple(data["bias"]), {f: tuple(w) for f, w in data["weights"].items()})


# ------------------------------------------------------------------------------------ the text
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2013": "-", "\u2014": "-"})
_NOTES = re.compile(r"\[[^\]]*\]")  # "[laughs]": any square-bracketed note; round-bracketed ones are the language's
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_FALSE_START = re.compile(r"\b([\w']+)-\s+(?=\1\b)", re.I)  # "do- do you smoke" -> "do you smoke"


def _normalise(text: str, lang: _Language) -> str:
    text = _FALSE_START.sub("", lang.notes.sub(" ", _NOTES.sub(" ", text.translate(_QUOTES))))
    return " ".join(text.lower().split()).strip(" -")


@dataclass
class _Sentence:
    text: str  #: lowercased, fillers stripped, end punctuation kept
    words: str  #: without end punctuation
    mark: bool  #: ends with "?"
    asks: bool = False
    rising: bool = False  #: statement word order with "?"


def _sentences(text: str, lang: _Language) -> list[_Sentence]:
    out = []
    for raw in _SENTENCE_END.split(text):
        s = lang.fillers.sub("", raw.strip(" ,-")).strip(" ,-")
        words = s.rstrip(" ?!.\"')")
        if not words:
            continue
        out.append(_Sentence(s, words, s.rstrip("\"') ").endswith("?")))
    return out


def _shown(m: re.Match[str]) -> str:
    """The matched words a reason shows: the group named ``m`` when the cue names one, else all."""
    found = (m.group("m") if "m" in m.re.groupindex and m.group("m") else m.group(0)).strip(" ,.?!")
    return found if len(found) <= 40 else found[:39] + "…"


# ------------------------------------------------------------------------------------ the rules
@dataclass
class _Reading:
    """Everything the rules saw in one utterance: the evidence the model weighs and the reasons."""

    clean: str
    sentences: list[_Sentence]
    scores: dict[str, float]  #: rule score per code ("R" for a reflection of either depth)
    reasons: dict[str, list[tuple[float, str]]]  #: per code, (weight, reason)
    features: dict[str, float]  #: the model's inputs
    no_code: tuple[str, ...] = ()  #: reasons when nothing but greetings and listening sounds


def _read(text: str, context: str | None, lang: _Language) -> _Reading:
    clean = _normalise(text, lang)
    sentences = _sentences(clean, lang)
    coded, no_code_reasons = [], []
    for s in sentences:  # sentences that only greet, listen or arrange the session do not count
        hit = next(((m, r) for p, r in lang.no_code if (m := p.search(s.words))), None)
        if hit and (len(s.words.split()) <= 12 or hit[0].end() >= len(s.words) - 2):
            no_code_reasons.append(_(hit[1]).format(m=_shown(hit[0])))
        else:
            coded.append(s)
    features: dict[str, float] = {"bias": 1.0}
    scores: dict[str, float] = {}
    reasons: dict[str, list[tuple[float, str]]] = {}
    if not coded:
        return _Reading(clean, coded, scores, reasons, features, tuple(no_code_reasons[:2]) or (_("nothing to code"),))
    if no_code_reasons:
        features["form:greeting"] = 1.0

    def add(code: str, weight: float, reason: str, m: re.Match[str] | None = None, feature: str | None = None) -> None:
        scores[code] = max(scores.get(code, 0.0), weight) + (0.25 if code in scores else 0.0)
        reasons.setdefault(code, []).append((weight, _(reason).format(m=_shown(m) if m else "")))
        if feature:
            features[feature] = 1.0

    for i, s in enumerate(coded):
        last = i == len(coded) - 1
        _read_form(s, lang)
        you_statement = False
        if s.asks:
            add("Q", QUESTION_LAST if last else QUESTION_EARLIER, _question_reason(s), feature="form:asks_last" if last else "form:asks_earlier")
        elif s.rising:
            add("Q", RISING_STATEMENT, N_("a statement said as a question (ends with '?')"), feature="form:rising")
        if not s.asks:
            for j, (p, reason) in enumerate(lang.reflection_form):
                m = p.search(s.words)
                if m:
                    add("R", REFLECTION_FORM + (0.3 if s.rising else 0.0), reason, m, feature=f"form:reflection:{j}")
                    you_statement = True
                    break
            else:
                add("R", BARE_STATEMENT, N_("a statement that stays with the client's situation: most often a reflection"), feature="form:statement")
                if not lang.you.search(s.words):
                    add("GI", FACT_STATEMENT, N_("a statement with no 'you' in it: most often information"), feature="form:no_you")
        reported = not s.asks and bool(m := lang.reported_speech.search(s.words))
        if reported:
            add("R", REPORTED, N_("reports the client's own view ('{m}'): a reflection"), m, feature="form:reported")
        for j, cue in enumerate(lang.cues):
            if s.asks and cue.code == "GI":
                continue  # facts inside a question are the question's business
            m = cue.pattern.search(s.words)
            if m:
                weight = cue.weight
                if (cue.code == "GI" and you_statement and m.start() > 0 and not any(ch.isdigit() for ch in m.group(0))) or (reported and cue.code in ("PERS", "CONF")):
                    weight *= SAME_SENTENCE_GI  # "you think you should ...": the client's view, reflected
                add(cue.code, weight, cue.reason, m, feature=f"cue:{cue.code}:{j}")
    for code, score in scores.items():
        features[f"score:{code}"] = score / 6.0
    body = " ".join(s.words for s in coded)
    words = _WORD.findall(body)
    for w in words:
        features[f"w:{w}"] = 1.0
    for a, b in zip(words, words[1:]):
        features[f"b:{a} {b}"] = 1.0
    if words:
        features[f"f:{words[0]}"] = 1.0
        features[f"f2:{' '.join(words[:2])}"] = 1.0
        features[f"l:{words[-1]}"] = 1.0
    n = len(words)
    features["len:" + ("short" if n <= 6 else "medium" if n <= 15 else "long" if n <= 30 else "very_long")] = 1.0
    if any(s.mark for s in coded):
        features["form:mark"] = 1.0
    if context:
        mine, theirs = _content_words(body, lang), _content_words(context, lang)
        if mine:
            share = len(mine & theirs) / len(mine)
            features["ovl:" + ("high" if share >= 0.6 else "mid" if share >= 0.3 else "low")] = 1.0
            if share >= 0.5 and not any(s.asks for s in coded):
                add("R", ECHO, N_("repeats the client's own words: a reflection"), feature="form:echo")
    return _Reading(clean, coded, scores, reasons, features)


def _rule_code(r: _Reading) -> str:
    ranked = sorted(r.scores.items(), key=lambda kv: (-kv[1], _PRIORITY.index(kv[0])))
    return ranked[0][0]


def _evidence(text: str, context: str | None, lang: _Language) -> tuple[_Reading, str | None, str]:
    """The rules' reading plus their verdict as a feature: (reading, rule code or None, depth reason).

    Shared by :func:`classify` and the training tool, so the model trains on what it is given.
    """
    r = _read(text, context, lang)
    if not r.sentences:
        r.features["form:no_code"] = 1.0
        return r, None, ""
    rule = _rule_code(r)
    depth_code, depth_reason = _depth(r.sentences, r.clean, context, lang)
    rule = depth_code if rule == "R" else rule
    r.features[f"rule:{rule}"] = 1.0
    return r, rule, depth_reason


def classify(text: str, context: str | None = None, language: str | None = None) -> Classification:
    """Read one counsellor utterance; ``context`` is the client's line before it, if known.

    >>> classify("Do you drink during the week as well?").label
    'Q:closed'
    """
    lang_code = language or get_language()
    lang = _language(lang_code)
    r, rule, depth_reason = _evidence(text, context, lang)
    if rule is None:
        return Classification(text, None, None, r.no_code, 0.8)
    model = _model(lang_code)
    if model is not None:
        code, confidence, word_reason = model.predict(r.features)
    else:
        code, confidence, word_reason = rule, 0.5, None
    if code == "-":
        return Classification(text, None, None, r.no_code or (_("reads like small talk or a structuring remark: not coded"),), confidence)
    key = "R" if code in ("SR", "CR") else code
    why = [msg for _w, msg in sorted(r.reasons.get(key, []), key=lambda wr: -wr[0])]
    question_type = None
    if code == "Q":
        question_type, type_reason = _question_type(r.sentences, lang)
        why = [type_reason] + why
    elif code in ("SR", "CR"):
        if code != rule:
            depth_reason = _("adds meaning to what the client said: complex reflection") if code == "CR" else _("stays close to what the client said: simple reflection")
        why = why[:1] + [depth_reason]
    if word_reason and len(why) < 2:
        why.append(word_reason)
    if code == "PWP" and "PERS" in r.scores:
        why.append(_("advice with the choice left to the client is coded persuade with permission, not persuade"))
    if code == "CONF" and "PERS" in r.scores:
        why.append(_("confront trumps persuade"))
    return Classification(text, code, question_type, tuple(dict.fromkeys(why))[:4], confidence)


#: Tie-breaks, following MITI's decision rules: confront trumps persuade; persuade with permission
#: over persuade; among MI-adherent codes the lower one (AF < SEEK < EMPH); a question or a
#: reflection over an MI-adherent code; information over persuasion when unsure.
_PRIORITY = ("CONF", "PWP", "GI", "PERS", "Q", "R", "AF", "SEEK", "EMPH")


def _read_form(s: _Sentence, lang: _Language) -> None:
    """Set whether a sentence asks, by its question mark and its word order."""
    form = bool(lang.closed_start.search(s.words) or lang.asking_statement.search(s.words))
    # a question word opens the sentence or a later clause ("and your partner, what does she say")
    wh = any(lang.wh_start.search(part) and not lang.pronoun_after_wh.search(part) for part in _clauses(s.words, lang))
    tagged = bool(lang.tag_question.search(s.words + ("?" if s.mark else "")))
    if s.mark:
        if form or wh or tagged:
            s.asks = True
        else:
            s.rising = True
    else:
        s.asks = form or wh


def _clauses(words: str, lang: _Language) -> list[str]:
    parts = [p.strip() for p in words.split(",")]
    # a first clause opened by 'when', 'where' or 'if' (CLAUSE_NOT_QUESTION) usually starts a clause, not a question;
    # a later clause asks only with the words of LATER_CLAUSE_WH ("which" and "when" there are relative)
    return [p for i, p in enumerate(parts) if p and (i == 0 or lang.later_clause_wh.match(p)) and not (i == 0 and lang.clause_not_question.match(p) and len(parts) > 1)]


def _question_reason(s: _Sentence) -> str:
    if s.mark:
        return _("ends with a question mark: a question")
    return _("asks by its word order, even without a question mark: a question")


def _question_type(sentences: list[_Sentence], lang: _Language) -> tuple[str, str]:
    """Open or closed, read from the last sentence that asks."""
    asking = [s for s in sentences if s.asks or s.rising]
    s = asking[-1] if asking else sentences[-1]
    probe = s.words + ("?" if s.mark else "")
    for p, reason in lang.open_cues:
        m = p.search(probe)
        if m and not lang.fact_question.search(probe):
            return "open", _(reason).format(m=_shown(m))
    for p, reason in lang.closed_cues:
        m = p.search(probe)
        if m:
            return "closed", _(reason).format(m=_shown(m))
    return "closed", _("a statement with a rising '?' asks for a yes or no: closed question")


def _content_words(text: str, lang: _Language) -> set[str]:
    return {w for w in _WORD.findall(text.lower().translate(_QUOTES)) if w not in lang.stopwords and len(w) > 2}


def _depth(sentences: list[_Sentence], clean: str, context: str | None, lang: _Language) -> tuple[str, str]:
    """Simple or complex reflection: added meaning against staying with the client's words."""
    complex_points = 0.0
    first_reason = None
    for p, reason in lang.complex_cues:
        m = p.search(clean)
        if m:
            complex_points += 1.0
            first_reason = first_reason or _(reason).format(m=_shown(m))
    n_words = len(clean.split())
    if n_words > 30:
        complex_points += 1.0
        first_reason = first_reason or _("a long reflection that gathers several things: complex")
    if context:
        mine = _content_words(clean, lang)
        theirs = _content_words(context, lang)
        if mine:
            share = len(mine & theirs) / len(mine)
            if share >= 0.6 and complex_points < 2:
                return "SR", _("mostly the client's own words ({share:.0%} of them): simple reflection").format(share=share)
            if share <= 0.2 and n_words >= 8:
                complex_points += 0.5
    if complex_points >= 1.0 and first_reason:
        return "CR", first_reason
    return "SR", _("stays close to what the client said: simple reflection (when unsure between simple and complex, MITI says simple)")


def classify_many(texts: Iterable[str], contexts: Iterable[str | None] | None = None, language: str | None = None) -> list[Classification]:
    """:func:`classify` for each text, in order."""
    lang = language or get_language()
    texts = list(texts)
    ctx = list(contexts) if contexts is not None else [None] * len(texts)
    return [classify(t, c, lang) for t, c in zip(texts, ctx)]


def precode(dialogue: Dialogue) -> tuple[Dialogue, int]:
    """Fill the counsellor utterances that have no code from the classifier.

    Returns the new dialogue and how many codes were filled. The classifier's reasons become the
    utterances' rationale, marked as automatic, so a report or an exercise can show them.
    """
    filled = 0
    previous_client: str | None = None
    out = []
    for u in dialogue.utterances:
        if u.speaker == "client":
            previous_client = u.text
        elif u.code is None:
            c = classify(u.text, previous_client, dialogue.language)
            if c.code is not None:
                filled += 1
                why = _("automatic code: {reasons}").format(reasons="; ".join(c.reasons))
                u = replace(u, code=c.code, subcode=c.question_type, rationale=why)
        out.append(u)
    return replace(dialogue, utterances=tuple(out)), filled


def read_utterances(path: str | Path, text: str | None = None) -> list[tuple[str, str | None, int]]:
    """Utterances to classify from a file: ``(text, context, line)`` in order.

    A ``.csv``/``.tsv`` file (or any file whose first line names a ``text`` column) is read as a
    CSV with a ``text`` column and an optional ``context`` column (the client's line before);
    anything else holds one utterance per line, blank lines skipped. ``text`` is the file's
    content when it was already read (an upload, standard input).
    """
    import csv

    from .errors import InputError
    from .textio import csv_rows, read_text

    p = Path(path)
    content = read_text(p) if text is None else text
    first = next((ln for ln in content.splitlines() if ln.strip()), "")
    delimiter = "\t" if p.suffix.lower() == ".tsv" or ("\t" in first and "," not in first) else ";" if first.count(";") > first.count(",") else ","
    header = [h.strip().lstrip("\ufeff").lower() for h in next(csv.reader([first], delimiter=delimiter), [])]
    if p.suffix.lower() not in (".csv", ".tsv") and "text" not in header:
        return [(ln.strip(), None, i) for i, ln in enumerate(content.splitlines(), start=1) if ln.strip()]
    if "text" not in header:
        shown = ", ".join(h for h in header if h) or "nothing"
        raise InputError.one(p, _("a CSV to classify needs a 'text' column (the header has: {shown})").format(shown=shown), line=1)
    out: list[tuple[str, str | None, int]] = []
    col_text = col_context = None
    for line, row in csv_rows(content, p, delimiter):
        if col_text is None:
            names = [h.strip().lstrip("\ufeff").lower() for h in row]
            col_text = names.index("text")
            col_context = names.index("context") if "context" in names else None
            continue
        cell = row[col_text].strip() if col_text < len(row) else ""
        if cell:
            context = row[col_context].strip() if col_context is not None and col_context < len(row) else ""
            out.append((cell, context or None, line))
    return out
