"""Class results: many learners' exported progress files read together, on the instructor's machine.

An instructor asks each learner to export their progress (ProgressPanel, "Export my progress") and
send the file. :class:`ClassData` takes the files as ``(name, bytes)`` pairs and:

* checks each one with :func:`~.progress.read_progress` (size, encoding, JSON, schema). A bad file
  gets one message naming it and is left out; the good ones are kept. At most :data:`MAX_FILES`
  files and :data:`MAX_TOTAL` bytes are read; the same file twice, or two files with the same
  learner and the same work, count once, with a note.
* works out, as plain data, what the class got right and wrong: scores per exercise
  (:meth:`ClassData.exercises`), the codes the class mixes up (:meth:`ClassData.confusion`, a
  gold x learner table per speaker, built with :func:`~.agreement.compare`), the utterances most
  often coded wrong (:meth:`ClassData.hardest_utterances`) and the quiz items most often missed at
  the first try (:meth:`ClassData.missed_quiz_items`);
* writes two CSV files (:meth:`ClassData.summary_csv`, :meth:`ClassData.records_csv`), guarded
  against formula injection.

Nothing is sent anywhere: the files are read in memory, in this session only. Journal text is never
read (exports withhold it anyway); only scores, codes and quiz choices are used.

:func:`demo_class` makes a made-up class, so the dashboard can be shown before real files arrive.

Pure Python: no widget library is imported here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timedelta, timezone
from html import escape
from typing import Any

from .agreement import UNCODED, Agreement, compare, score_answers
from .codes import CLIENT_KEYS, CODES, COUNSELOR_KEYS, CodeError
from .codingrun import CodingRun, parse_label
from .errors import InputError
from .i18n import N_, _, ngettext
from .progress import KIND_NAMES, MAX_UPLOAD, Progress, Record, read_progress

MAX_FILES = 500  #: files read at most (a class, or several)
MAX_TOTAL = 50 * 1024 * 1024  #: bytes read at most, all files together (each file at most 5 MB)
BINS = 5  #: histogram bins of 20 percentage points each
MIN_ANSWERS = 2  #: an utterance needs this many learners' codes to be ranked among the hardest
KIND_ORDER: tuple[str, ...] = tuple(KIND_NAMES)
#: Label order in the confusion tables: counsellor codes, client codes, then "no code".
LABEL_ORDER: tuple[str, ...] = (*COUNSELOR_KEYS, *CLIENT_KEYS, UNCODED)
SPEAKERS: tuple[str, ...] = ("counselor", "client")
SPEAKER_NAMES: dict[str, str] = {"counselor": N_("Counsellor codes"), "client": N_("Client codes")}
_SAFE_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,199}")  #: a library id, never a path
_CSV_RISKY = ("=", "+", "-", "@", "\t", "\r")


# --- what is kept ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LearnerFile:
    """One learner's export, read and checked."""

    file: str  #: the file name as uploaded
    progress: Progress
    size: int  #: bytes

    @property
    def learner(self) -> str:
        """The name in the file ("" when the learner gave none)."""
        return self.progress.learner

    @property
    def n_records(self) -> int:
        return len(self.progress.records)


@dataclass(frozen=True)
class BadFile:
    """A file that was not read, and why, in one line that names the file."""

    file: str
    message: str


@dataclass
class AddResult:
    """What one :meth:`ClassData.add` did."""

    added: list[str] = field(default_factory=list)  #: file names kept
    bad: list[BadFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  #: duplicates and limits, in sentences


@dataclass(frozen=True)
class ExerciseStat:
    """The class's latest scores in one exercise (a quiz counts per topic)."""

    kind: str
    ref: str
    title: str
    percents: tuple[float, ...]  #: one per learner, 0-100
    bins: tuple[int, ...]  #: learners per 20-point band: 0-19, 20-39, 40-59, 60-79, 80-100

    @property
    def learners(self) -> int:
        return len(self.percents)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.percents)

    @property
    def median(self) -> float:
        return statistics.median(self.percents)

    @property
    def lowest(self) -> float:
        return min(self.percents)

    @property
    def highest(self) -> float:
        return max(self.percents)

    @property
    def kind_name(self) -> str:
        return _(KIND_NAMES[self.kind]) if self.kind in KIND_NAMES else self.kind


@dataclass(frozen=True)
class CodeConfusion:
    """Gold code (rows) x the learners' code (columns), counted over every learner, for one speaker."""

    speaker: str
    labels: tuple[str, ...]  #: rows and columns, in :data:`LABEL_ORDER`
    agreement: Agreement  #: pooled over all learners (confusion, percent agreement, kappa, mix-ups)

    def count(self, gold: str, learner: str) -> int:
        return self.agreement.confusion.get(gold, {}).get(learner, 0)

    def row_total(self, gold: str) -> int:
        return sum(self.agreement.confusion.get(gold, {}).values())

    @property
    def total(self) -> int:
        return self.agreement.n_answered

    def level(self, gold: str, learner: str) -> int:
        """How dark a cell is, 0-4: agreement (the diagonal) by its share of the row, a mix-up by
        its count against the most frequent mix-up. The count itself is always shown as text."""
        n = self.count(gold, learner)
        if not n:
            return 0
        if gold == learner:
            return max(1, min(4, -(-4 * n // max(self.row_total(gold), 1))))
        return max(1, min(4, -(-4 * n // self.top_mix_up)))

    @cached_property
    def top_mix_up(self) -> int:
        """The count of the most frequent mix-up (1 when there is none)."""
        return max((m for _g, _l, m in self.agreement.mix_ups()), default=1)


@dataclass(frozen=True)
class MixUp:
    """One way the class mixed two codes up, and how often."""

    gold: str
    learner: str
    n: int

    @property
    def text(self) -> str:
        return mix_up_text(self.gold, self.learner, self.n)


@dataclass(frozen=True)
class UtteranceStat:
    """One utterance of a library dialogue, as the class coded it."""

    ref: str  #: dialogue id
    dialogue: str  #: dialogue title
    index: int  #: 0-based
    speaker: str
    text: str
    gold: str  #: the expert's main code, or "uncoded"
    answers: int  #: learners who coded it
    right: int
    wrong: tuple[tuple[str, int], ...]  #: wrong codes given, most frequent first

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.answers

    @property
    def common_wrong(self) -> tuple[str, int] | None:
        return self.wrong[0] if self.wrong else None


@dataclass(frozen=True)
class QuizStat:
    """One quiz item: how many learners answered it and how many were right at the first try."""

    item: str  #: item id
    question: str
    topic: str
    answers: int
    right: int
    wrong: tuple[tuple[str, int], ...]  #: wrong first choices (option text), most frequent first

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.answers


# --- words -------------------------------------------------------------------------------------


def code_words(label: str) -> str:
    """``"SR (Simple Reflection)"``; "no code" for an uncoded utterance."""
    if label == UNCODED or label not in CODES:
        return _("no code")
    return _("{key} ({name})").format(key=label, name=_(CODES[label].name))


def short_code(label: str) -> str:
    """The key as shown in a table heading: "SR", or "none"."""
    return _("none") if label == UNCODED else label


def mix_up_text(gold: str, learner: str, n: int) -> str:
    """E.g. "SR (Simple Reflection) coded as CR (Complex Reflection): 14 times"."""
    if gold == UNCODED:
        text = ngettext("Utterances that take no code, coded as {learner}: {n} time", "Utterances that take no code, coded as {learner}: {n} times", n)
    elif learner == UNCODED:
        text = ngettext("{gold} left without a code: {n} time", "{gold} left without a code: {n} times", n)
    else:
        text = ngettext("{gold} coded as {learner}: {n} time", "{gold} coded as {learner}: {n} times", n)
    return text.format(gold=code_words(gold), learner=code_words(learner), n=n)


def percent_text(value: float | None) -> str:
    return "—" if value is None else _("{value} %").format(value=f"{value:.0f}")


def bin_labels() -> list[str]:
    """The five bands of the histograms: "0–19 %" ... "80–100 %"."""
    width = 100 // BINS
    return [_("{low}–{high} %").format(low=i * width, high=100 if i == BINS - 1 else (i + 1) * width - 1) for i in range(BINS)]


def histogram_svg(stat: ExerciseStat) -> str:
    """A small bar chart of the learners per 20-point band, each bar with its number above it;
    ``role="img"`` with a label that says the same in words."""
    bar_w, gap, top, chart_h, left = 36, 6, 16, 44, 4
    tallest = max([1, *stat.bins])
    width = left * 2 + BINS * bar_w + (BINS - 1) * gap
    height = top + chart_h + 18
    labels = bin_labels()
    words = "; ".join(_("{band}: {n}").format(band=b, n=n) for b, n in zip(labels, stat.bins))
    label = _("Learners per score band in {title}: {bands}").format(title=stat.title, bands=words)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width * 1.4:.0f}" height="{height * 1.4:.0f}" style="max-width:100%;height:auto;font:11px sans-serif">',
        f"<title>{escape(label)}</title>",
        f'<line x1="0" y1="{top + chart_h}" x2="{width}" y2="{top + chart_h}" stroke="#1b1b1b"/>',
    ]
    for i, n in enumerate(stat.bins):
        x = left + i * (bar_w + gap)
        h = round(chart_h * n / tallest, 1)
        if n:
            parts.append(f'<rect x="{x}" y="{top + chart_h - h}" width="{bar_w}" height="{h}" fill="#2b4f86"/>')
        parts.append(f'<text x="{x + bar_w / 2}" y="{top + chart_h - h - 3}" text-anchor="middle" fill="#1b1b1b" font-size="13" font-weight="600">{n}</text>')
        band = f"{i * 100 // BINS}–{100 if i == BINS - 1 else (i + 1) * 100 // BINS - 1}"
        parts.append(f'<text x="{x + bar_w / 2}" y="{top + chart_h + 13}" text-anchor="middle" fill="#1b1b1b" font-size="10">{band}</text>')
    parts.append("</svg>")
    return "".join(parts)


def csv_cell(value: object) -> str:
    """A value for a CSV cell: text that a spreadsheet would run as a formula (starting with
    = + - @, a tab or a carriage return) gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    text = str(value)
    return "'" + text if text.startswith(_CSV_RISKY) else text


def _csv(header: list[str], rows: Iterable[Iterable[object]]) -> bytes:
    """UTF-8 with a byte order mark, so Excel shows æ, ø and å right."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


# --- the library, looked up safely ---------------------------------------------------------------


def safe_ref(ref: str) -> bool:
    """A ref from an uploaded file may be looked up in the library only when it is a plain id:
    never a path (``get_dialogue`` also reads files by path) or a glob pattern."""
    return bool(_SAFE_REF.fullmatch(ref))


def _dialogue(ref: str, cache: dict[str, Any]):
    if ref not in cache:
        cache[ref] = None
        if safe_ref(ref):
            from .library import get_dialogue

            try:
                cache[ref] = get_dialogue(ref)
            except (InputError, OSError, ValueError):
                cache[ref] = None
    return cache[ref]


def _quiz_item(ref: str, cache: dict[str, Any]):
    if ref not in cache:
        cache[ref] = None
        if safe_ref(ref):
            from .library import get_quiz_item

            try:
                cache[ref] = get_quiz_item(ref)
            except (InputError, OSError, ValueError):
                cache[ref] = None
    return cache[ref]


def quiz_title(topic: str) -> str:
    """ "Quiz: <the quiz's title>" for a topic of the question bank; the topic itself otherwise."""
    from .i18n import get_language
    from .library import quizzes

    try:
        found = {q.topic: q.title for q in quizzes("en")}
        found.update({q.topic: q.title for q in quizzes(get_language())})
    except (InputError, OSError, ValueError):
        found = {}
    return _("Quiz: {title}").format(title=found.get(topic, topic))


# --- the class ---------------------------------------------------------------------------------


def _percent(record: Record) -> float | None:
    if not isinstance(record.score, (int, float)) or not isinstance(record.max, (int, float)) or not record.max:
        return None
    return max(0.0, min(100.0, 100.0 * record.score / record.max))


def _band(percent: float) -> int:
    return min(int(percent // (100 / BINS)), BINS - 1)


class ClassData:
    """Many learners' progress files, read and added up.

    ``add([(name, bytes), ...])`` reads more files; ``clear()`` forgets them all. ``files`` are the
    files kept (one learner each), ``bad`` the files refused with their message, ``notes`` the
    sentences about duplicates and limits. The results are methods returning plain data.
    """

    def __init__(self, uploads: Iterable[tuple[str, bytes]] = (), *, max_files: int = MAX_FILES, max_total: int = MAX_TOTAL) -> None:
        self.max_files = max_files
        self.max_total = max_total
        self.files: list[LearnerFile] = []
        self.bad: list[BadFile] = []
        self.notes: list[str] = []
        self._digests: dict[str, str] = {}  #: sha256 of the bytes -> file name kept
        self._work: dict[tuple[str, str], str] = {}  #: (learner, records as JSON) -> file name kept
        self._names: dict[str, str] = {}  #: learner name -> first file with it
        self._cache: dict[str, Any] = {}
        if uploads:
            self.add(uploads)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def learners(self) -> int:
        return len(self.files)

    def clear(self) -> None:
        """Forget every file read so far."""
        self.files, self.bad, self.notes = [], [], []
        self._digests, self._work, self._names = {}, {}, {}
        self._cache = {}

    def add(self, uploads: Iterable[tuple[str, bytes]]) -> AddResult:
        """Read more files. Each bad file gets one message naming it; nothing raises."""
        result = AddResult()
        over_count: list[str] = []
        over_size: list[str] = []
        for name, data in uploads:
            name = str(name)
            data = bytes(data)
            if len(self.files) >= self.max_files:
                over_count.append(name)
                continue
            if len(data) <= MAX_UPLOAD and self.total_bytes + len(data) > self.max_total:
                over_size.append(name)
                continue
            digest = hashlib.sha256(data).hexdigest()
            if digest in self._digests:
                result.notes.append(_("{file} is the same file as {other}; it is counted once.").format(file=name, other=self._digests[digest]))
                continue
            try:
                progress = read_progress(data, name)
            except InputError as err:
                result.bad.append(BadFile(name, str(err)))
                continue
            except (RecursionError, MemoryError, ValueError, TypeError) as exc:  # e.g. JSON nested too deep
                result.bad.append(BadFile(name, _("{file}: could not be read as a progress file ({problem}).").format(file=name, problem=type(exc).__name__)))
                continue
            work = (progress.learner, json.dumps({k: r.as_dict() for k, r in progress.records.items()}, sort_keys=True, default=str))
            if work in self._work:
                result.notes.append(_("{file} holds the same learner and the same work as {other}; it is counted once.").format(file=name, other=self._work[work]))
                continue
            if progress.learner and progress.learner in self._names:
                result.notes.append(_("{file} and {other} both carry the name {name} but hold different work; both are counted. If one is an older export, press Clear and upload the newer one only.").format(
                    file=name, other=self._names[progress.learner], name=progress.learner))
            if progress.learner:
                self._names.setdefault(progress.learner, name)
            self._digests[digest] = name
            self._work[work] = name
            self.files.append(LearnerFile(name, progress, len(data)))
            result.added.append(name)
        if over_count:
            result.notes.append(self._left_out(_("At most {n} files can be read in all; these were left out: {files}.").format(n=self.max_files, files="{files}"), over_count))
        if over_size:
            result.notes.append(self._left_out(_("The files together may be at most {mb} MB; these were left out: {files}.").format(mb=self.max_total // (1024 * 1024), files="{files}"), over_size))
        self.bad.extend(result.bad)
        self.notes.extend(result.notes)
        self._cache = {}
        return result

    @staticmethod
    def _left_out(sentence: str, names: list[str]) -> str:
        shown = ", ".join(names[:5])
        if len(names) > 5:
            shown = _("{names} and {n} more").format(names=shown, n=len(names) - 5)
        return sentence.format(files=shown)

    # results ----------------------------------------------------------------------------------

    def exercises(self) -> list[ExerciseStat]:
        """Per exercise: the learners' latest scores in percent. Quiz items count per quiz topic
        (each item has its own line in :meth:`missed_quiz_items`). Unscored work is left out."""
        found: dict[tuple[str, str], tuple[Counter, list[float]]] = {}
        quiz: dict[str, dict[int, list[float]]] = {}  # topic -> learner -> [score, max]
        for n, f in enumerate(self.files):
            for record in f.progress.records.values():
                pct = _percent(record)
                if pct is None:
                    continue
                if record.kind == "quiz":
                    topic = self._quiz_topic(record)
                    sums = quiz.setdefault(topic, {}).setdefault(n, [0.0, 0.0])
                    sums[0] += min(float(record.score), float(record.max))  # type: ignore[arg-type]
                    sums[1] += float(record.max)  # type: ignore[arg-type]
                    continue
                titles, pcts = found.setdefault((record.kind, record.ref), (Counter(), []))
                titles[record.title or record.ref] += 1
                pcts.append(pct)
        stats = [ExerciseStat(kind, ref, titles.most_common(1)[0][0], tuple(p), self._bins(p)) for (kind, ref), (titles, p) in found.items()]
        for topic, learners in quiz.items():
            p = [100.0 * s / m for s, m in learners.values() if m]
            if p:
                stats.append(ExerciseStat("quiz", topic, quiz_title(topic), tuple(p), self._bins(p)))
        order = {k: i for i, k in enumerate(KIND_ORDER)}
        return sorted(stats, key=lambda s: (order.get(s.kind, len(order)), s.kind, s.title.lower(), s.ref))

    @staticmethod
    def _bins(percents: Iterable[float]) -> tuple[int, ...]:
        counts = [0] * BINS
        for p in percents:
            counts[_band(p)] += 1
        return tuple(counts)

    def _quiz_topic(self, record: Record) -> str:
        topic = record.data.get("topic") if isinstance(record.data, dict) else None
        if isinstance(topic, str) and safe_ref(topic):
            return topic
        item = _quiz_item(record.ref, self._cache.setdefault("quiz", {}))
        return item.topic if item is not None else "other"

    def unscored(self) -> dict[str, int]:
        """Records without a score (journal entries, rulers, realplay ...), counted by kind."""
        found: Counter = Counter(r.kind for f in self.files for r in f.progress.records.values() if _percent(r) is None)
        return dict(sorted(found.items()))

    def _coding(self) -> dict[str, Any]:
        """Every learner's codes against the gold codes, once per change of the files."""
        if "coding" in self._cache:
            return self._cache["coding"]
        dialogues = self._cache.setdefault("dialogues", {})
        pairs: dict[str, tuple[list[str], list[str]]] = {s: ([], []) for s in SPEAKERS}
        utts: dict[tuple[str, int], Counter] = {}
        unknown: set[str] = set()
        skipped = 0
        for f in self.files:
            for record in f.progress.records.values():
                if record.kind != "coding":
                    continue
                dialogue = _dialogue(record.ref, dialogues)
                labels = record.data.get("labels") if isinstance(record.data, dict) else None
                if dialogue is None:
                    unknown.add(record.ref)
                    continue
                if not isinstance(labels, dict):
                    continue
                answers: dict[int, str] = {}
                for key, label in labels.items():
                    try:
                        i = int(key)
                        if not 0 <= i < len(dialogue.utterances):
                            raise IndexError(i)
                        answers[i] = parse_label(label, dialogue.utterances[i].speaker, subcodes=False)
                    except (CodeError, ValueError, TypeError, IndexError):
                        skipped += 1
                for item in score_answers(dialogue, answers).items:
                    speaker = dialogue.utterances[item.index].speaker
                    pairs[speaker][0].append(item.gold)
                    pairs[speaker][1].append(item.learner)
                    utts.setdefault((dialogue.id, item.index), Counter())[item.learner] += 1
        self._cache["coding"] = {"pairs": pairs, "utts": utts, "skipped": skipped, "unknown": sorted(unknown)}
        return self._cache["coding"]

    def confusion(self) -> dict[str, CodeConfusion]:
        """Per speaker ("counselor", "client") with any codes: gold x learner counts on the main code."""
        if "confusion" in self._cache:
            return self._cache["confusion"]
        out = self._cache["confusion"] = {}
        for speaker, (gold, given) in self._coding()["pairs"].items():
            if not gold:
                continue
            seen = set(gold) | set(given)
            labels = tuple(k for k in LABEL_ORDER if k in seen)
            out[speaker] = CodeConfusion(speaker, labels, compare(gold, given))
        return out

    def coding_left_out(self) -> tuple[list[str], int]:
        """Coding left out of the tables: dialogue ids not in this library, and how many single labels
        could not be read (an unknown code, a code for the other speaker, no such utterance)."""
        coding = self._coding()
        return coding["unknown"], coding["skipped"]

    def mix_ups(self, limit: int = 8) -> list[MixUp]:
        """The most frequent mix-ups over both speakers, most frequent first."""
        found = [MixUp(g, l, n) for c in self.confusion().values() for g, l, n in c.agreement.mix_ups()]
        return sorted(found, key=lambda m: (-m.n, LABEL_ORDER.index(m.gold), LABEL_ORDER.index(m.learner)))[:limit]

    def hardest_utterances(self, limit: int = 10, min_answers: int = MIN_ANSWERS) -> list[UtteranceStat]:
        """Utterances coded by at least ``min_answers`` learners and not right by all of them, the
        lowest share right first."""
        dialogues = self._cache.setdefault("dialogues", {})
        stats = []
        for (ref, index), given in self._coding()["utts"].items():
            answers = sum(given.values())
            if answers < min_answers:
                continue
            dialogue = _dialogue(ref, dialogues)
            u = dialogue.utterances[index]
            gold = u.code or UNCODED
            wrong = sorted(((l, n) for l, n in given.items() if l != gold), key=lambda t: (-t[1], LABEL_ORDER.index(t[0]) if t[0] in LABEL_ORDER else 99))
            if wrong:
                stats.append(UtteranceStat(ref, dialogue.title, index, u.speaker, u.text, gold, answers, given[gold], tuple(wrong)))
        return sorted(stats, key=lambda s: (s.percent, -s.answers, s.ref, s.index))[:limit]

    def missed_quiz_items(self, limit: int = 10) -> list[QuizStat]:
        """Quiz items some learners got wrong at the first try, the lowest share right first."""
        items = self._cache.setdefault("quiz", {})
        found: dict[str, list] = {}
        for f in self.files:
            for record in f.progress.records.values():
                if record.kind != "quiz" or _percent(record) is None:
                    continue
                entry = found.setdefault(record.ref, [0, 0, Counter(), record.title, self._quiz_topic(record)])
                entry[0] += 1
                right = float(record.score) >= float(record.max)  # type: ignore[arg-type]
                entry[1] += right
                item = _quiz_item(record.ref, items)
                first = record.data.get("first") if isinstance(record.data, dict) else None
                if not right and item is not None and isinstance(first, int) and not isinstance(first, bool) and 0 <= first < len(item.options):
                    entry[2][item.options[first].text] += 1
        stats = []
        for ref, (answers, right, wrong, title, topic) in found.items():
            if right == answers:
                continue
            item = _quiz_item(ref, items)
            question = item.question if item is not None else (title or ref)
            stats.append(QuizStat(ref, question, topic, answers, right, tuple(wrong.most_common())))
        return sorted(stats, key=lambda s: (s.percent, -s.answers, s.item))[:limit]

    # exports ----------------------------------------------------------------------------------

    SUMMARY_HEADER = ["kind", "ref", "title", "learners", "mean_percent", "median_percent", "min_percent", "max_percent",
                      *(f"learners_{i * 100 // BINS}_{100 if i == BINS - 1 else (i + 1) * 100 // BINS - 1}" for i in range(BINS))]
    RECORDS_HEADER = ["learner", "file", "kind", "ref", "title", "score", "max", "percent", "attempts", "last"]

    def summary_csv(self) -> bytes:
        """One row per exercise: learners, mean, median, lowest and highest percent, the bands."""
        rows = ([s.kind, s.ref, s.title, s.learners, s.mean, s.median, s.lowest, s.highest, *s.bins] for s in self.exercises())
        return _csv(self.SUMMARY_HEADER, rows)

    def records_csv(self) -> bytes:
        """One row per learner and record (scores and counts only; no journal text, no answers)."""
        rows = []
        for f in self.files:
            for record in sorted(f.progress.records.values(), key=lambda r: (r.kind, r.ref)):
                rows.append([f.learner, f.file, record.kind, record.ref, record.title, record.score, record.max, _percent(record), record.attempts, record.last])
        return _csv(self.RECORDS_HEADER, rows)

    def summary(self) -> dict[str, Any]:
        """Everything above as plain data (lists and dicts), e.g. for a test or a notebook."""
        return {
            "files": [{"file": f.file, "learner": f.learner, "records": f.n_records} for f in self.files],
            "bad": [{"file": b.file, "message": b.message} for b in self.bad],
            "notes": list(self.notes),
            "exercises": [{"kind": s.kind, "ref": s.ref, "title": s.title, "learners": s.learners, "mean": s.mean, "median": s.median,
                           "min": s.lowest, "max": s.highest, "bins": list(s.bins)} for s in self.exercises()],
            "confusion": {sp: {"labels": list(c.labels), "counts": c.agreement.confusion, "percent_agreement": c.agreement.percent_agreement,
                               "kappa": c.agreement.kappa} for sp, c in self.confusion().items()},
            "mix_ups": [m.text for m in self.mix_ups()],
            "hardest": [{"dialogue": u.ref, "utterance": u.index + 1, "text": u.text, "gold": u.gold, "answers": u.answers,
                         "percent": u.percent, "common_wrong": list(u.common_wrong) if u.common_wrong else None} for u in self.hardest_utterances()],
            "quiz": [{"item": q.item, "question": q.question, "answers": q.answers, "percent": q.percent} for q in self.missed_quiz_items()],
        }


# --- a made-up class ---------------------------------------------------------------------------

DEMO_CODINGS: tuple[tuple[str, str], ...] = (("er-alcohol-mi", "counselor"), ("dental-hygiene", "counselor"), ("quitline-smoking", "client"))
DEMO_RATING = "dental-hygiene"
DEMO_QUIZ: tuple[str, ...] = ("oars-01", "oars-02", "oars-03", "oars-09", "oars-11", "miti-01", "miti-05", "miti-06", "miti-10", "miti-11")
#: The slips a learner plausibly makes, by gold code.
DEMO_SLIPS: dict[str, tuple[str, ...]] = {
    "SR": ("CR",), "CR": ("SR", "SR", "Q:closed"), "Q": ("GI", "SR"), "GI": ("PERS", "SR"), "PERS": ("GI", "CONF"),
    "PWP": ("GI", "PERS"), "AF": ("CR", "SR"), "SEEK": ("Q:closed",), "EMPH": ("GI", "SEEK"), "CONF": ("PERS",),
    UNCODED: ("GI", "Q:closed"), "CT": ("N", "N", "ST:reasons"), "ST": ("N", "CT:reasons"), "N": ("CT:reasons", "ST:ability"),
}


def demo_class(n: int = 12, seed: int = 2025) -> list[tuple[str, bytes]]:
    """``n`` made-up learners ("Learner 01" ...) as exported progress files ``(name, bytes)``:
    three library dialogues coded with plausible slips (SR and CR swapped, a question taken for
    information, change talk taken for neutral ...), one global rating and ten quiz items. The same
    ``seed`` gives the same class."""
    from .library import get_dialogue, get_quiz_item
    from .ratingrun import SCALE, RatingRun

    rng = random.Random(seed)
    dialogues = {ref: get_dialogue(ref) for ref, _t in DEMO_CODINGS}
    tricky = {(ref, i) for ref, d in dialogues.items() for i in range(len(d.utterances)) if rng.random() < 0.25}
    items = [get_quiz_item(i) for i in DEMO_QUIZ]
    hard_items = {i.id: rng.choice((0.35, 0.6, 0.85, 0.95)) for i in items}
    base = datetime(2025, 3, 10, 9, 0, tzinfo=timezone.utc)
    out = []
    for k in range(1, n + 1):
        skill = rng.uniform(0.6, 0.97)
        clock = base + timedelta(days=rng.randrange(0, 5), minutes=rng.randrange(0, 300))
        records: dict[str, Record] = {}

        def add(kind: str, ref: str, title: str, score: float, most: float, data: dict[str, Any], attempts: int = 1) -> None:
            nonlocal clock
            first = clock.isoformat()
            clock += timedelta(minutes=rng.randrange(3, 25))
            records[f"{kind}:{ref}"] = Record(kind, ref, title, score, most, score, attempts, first, clock.isoformat(), data)

        for ref, target in DEMO_CODINGS:
            if rng.random() > 0.9:
                continue  # not everyone does every exercise
            d = dialogues[ref]
            run = CodingRun(d, target, subcodes=True)  # type: ignore[arg-type]
            for i in run.targets:
                if rng.random() < 0.05:
                    continue  # left uncoded
                gold = run.gold(i)
                code = gold.partition(":")[0]
                slips = ("N",) if code == UNCODED and d.utterances[i].speaker == "client" else DEMO_SLIPS[code]
                p = skill * (0.45 if (ref, i) in tricky else 1.0)
                label = gold if rng.random() < p else rng.choice(slips)
                if label == gold and gold.startswith("Q:") and rng.random() > skill:
                    label = "Q:closed" if gold == "Q:open" else "Q:open"
                run.set_code(i, label)
            res = run.result()
            add("coding", ref, d.title, res.n_right, res.n_targets, run.to_data(), rng.randrange(1, 3))
        if rng.random() < 0.8:
            rating = RatingRun(dialogues[DEMO_RATING])
            for key, expert in rating.expert.items():
                rating.rate(key, min(SCALE[1], max(SCALE[0], expert + rng.choice((-2, -1, 0, 0, 0, 1)))))
            res = rating.check()
            add("rating", DEMO_RATING, dialogues[DEMO_RATING].title[:200], res.score, res.max, dict(res.ratings))
        for item in items:
            if rng.random() < 0.1:
                continue
            right = rng.random() < min(0.98, hard_items[item.id] * (0.6 + skill / 2))
            wrong = [j for j, o in enumerate(item.options) if not o.correct]
            first = item.answer if right else rng.choice(wrong)
            add("quiz", item.id, item.question[:120], 1 if right else 0, 1, {"first": first, "last": item.answer, "topic": item.topic})
        name = f"Learner {k:02d}"
        raw = Progress(name, records, clock.isoformat()).as_dict()
        raw["exported"] = clock.isoformat()
        out.append((f"mi-workbook-progress-learner-{k:02d}.json", json.dumps(raw, ensure_ascii=False, indent=1).encode("utf-8")))
    return out


__all__ = [
    "AddResult", "BadFile", "ClassData", "CodeConfusion", "ExerciseStat", "LearnerFile", "MAX_FILES", "MAX_TOTAL", "MixUp",
    "QuizStat", "UtteranceStat", "bin_labels", "code_words", "csv_cell", "demo_class", "histogram_svg", "mix_up_text", "safe_ref",
]
