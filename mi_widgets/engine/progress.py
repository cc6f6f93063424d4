"""The learner's progress: one JSON file that every notebook and widget saves to.

* Where: ``$MI_WORKBOOK_PROGRESS`` if set, else ``~/.mi-workbook/progress.json``.
* Safe: each save takes a lock, reads the file as it is now, changes one record and writes a new
  file that replaces the old one in a single step (``os.replace``). Two notebooks saving at once
  therefore lose nothing, and a crash mid-write leaves the old file whole.
* Honest about damage: a file that cannot be read is never overwritten. It is renamed to
  ``progress.corrupt-<time>.json`` beside the original, a fresh file is started, and
  :attr:`ProgressStore.notice` says so in one sentence.
* Portable: :meth:`ProgressStore.export_bytes` gives the file a learner downloads and an instructor
  uploads into the class dashboard; :func:`read_progress` checks such an upload;
  :meth:`ProgressStore.import_bytes` merges one back in without losing newer work.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError
from .i18n import N_, _
from .textio import MAX_BYTES, decode_bytes

ENV_VAR = "MI_WORKBOOK_PROGRESS"
FORMAT = "mi-workbook-progress"
VERSION = 1
PRIVATE_KINDS = frozenset({"journal"})  #: kinds whose details an export leaves out unless asked
MAX_UPLOAD = 5 * 1024 * 1024  #: a progress file is a few KB; anything over 5 MB is not one


def default_path() -> Path:
    """$MI_WORKBOOK_PROGRESS, else ~/.mi-workbook/progress.json."""
    override = os.environ.get(ENV_VAR)
    return Path(override).expanduser() if override else Path.home() / ".mi-workbook" / "progress.json"


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class Record:
    """What the learner did in one exercise: the latest score, the best, how often, and the details."""

    kind: str  #: coding, quiz, rating, reflection, ruler, balance, realplay, tally, journal
    ref: str  #: the dialogue, item or prompt id
    title: str = ""
    score: float | None = None  #: latest score
    max: float | None = None  #: what full marks are
    best: float | None = None  #: best score so far
    attempts: int = 0
    first: str = ""
    last: str = ""
    data: dict[str, Any] = field(default_factory=dict)  #: the widget's own details (answers, text)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.ref}"

    @property
    def percent(self) -> float | None:
        """Latest score as a percentage of ``max``; None where the exercise is not scored."""
        if self.score is None or not self.max:
            return None
        return 100.0 * self.score / self.max

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Record":
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in raw.items() if k in names})

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Progress:
    """A whole progress file: who, and the records by key."""

    learner: str = ""
    records: dict[str, Record] = field(default_factory=dict)
    updated: str = ""
    source: str = ""  #: the file or upload it was read from

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "learner": self.learner,
            "updated": self.updated,
            "records": {k: r.as_dict() for k, r in sorted(self.records.items())},
        }


@lru_cache(maxsize=1)
def _validator() -> Any:
    import fastjsonschema

    schema = json.loads((Path(__file__).with_name("progress.schema.json")).read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema)


def parse_progress(text: str, name: str) -> Progress:
    """Check and read the text of a progress file; :class:`InputError` naming ``name`` if it is not one."""
    import fastjsonschema

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.one(name, _("not valid JSON: {reason}").format(reason=exc.msg), line=exc.lineno) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InputError.one(name, _("not an MI Workbook progress file (it has no \"format\": \"mi-workbook-progress\")"))
    try:
        _validator()(raw)
    except fastjsonschema.JsonSchemaValueException as exc:
        where = exc.path[1:] if exc.path else []
        place = " > ".join(str(p) for p in where) or _("the file")
        problem = exc.message.replace(exc.name or "data", "", 1).strip() or _("has a wrong value")
        raise InputError.one(name, f"{place}: {problem}") from None
    records = {key: Record.from_dict(r) for key, r in raw["records"].items()}
    return Progress(raw.get("learner", ""), records, raw.get("updated", ""), name)


def read_progress(data: bytes, name: str = "<upload>") -> Progress:
    """An uploaded progress file (an export), checked: size, encoding, JSON and shape."""
    if len(data) > MAX_UPLOAD:
        raise InputError.one(name, _("file is too large for a progress file ({size:.1f} MB; the limit is {limit:.0f} MB)").format(size=len(data) / 1e6, limit=MAX_UPLOAD / 1e6))
    if not data.strip():
        raise InputError.one(name, _("file is empty"))
    return parse_progress(decode_bytes(data, name), name)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``<path>.lock`` (fcntl on POSIX, msvcrt on Windows)."""
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, flush it to disk, then swap it in."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class ProgressStore:
    """The learner's progress file. Every method reads the file afresh, so several notebooks and
    kernels can share one file; :meth:`save` changes one record under a lock."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_path()
        self.notice: str | None = None  #: set when a damaged file was set aside
        self.current: Progress | None = None  #: the whole file as the last change wrote it

    # reading ----------------------------------------------------------------------------------
    def _read_unlocked(self) -> Progress:
        """The file as it is now; a damaged one is renamed (never overwritten) and a fresh one begun."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return Progress(source=str(self.path))
        try:
            if size > MAX_BYTES:
                raise InputError.one(self.path, _("file is too large"))
            return parse_progress(decode_bytes(self.path.read_bytes(), self.path), str(self.path))
        except InputError as problem:
            aside = self._set_aside()
            self.notice = _("Your progress file could not be read ({problem}). It was kept as {aside} and a new progress file was started.").format(problem=problem, aside=aside)
            return Progress(source=str(self.path))

    def _set_aside(self) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            aside = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}{'-' + str(n) if n else ''}.json")
            if not aside.exists():
                os.replace(self.path, aside)
                return aside
        raise OSError(f"cannot set aside {self.path}: too many damaged copies beside it")

    def load(self) -> Progress:
        """The whole progress file (empty when there is none yet)."""
        if not self.path.exists():
            return Progress(source=str(self.path))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            return self._read_unlocked()

    def get(self, kind: str, ref: str) -> Record | None:
        """The record of one exercise, or None if the learner has not done it."""
        return self.load().records.get(f"{kind}:{ref}")

    def records(self, kind: str | None = None) -> list[Record]:
        """All records (of one kind), the most recent first."""
        found = [r for r in self.load().records.values() if kind in (None, r.kind)]
        return sorted(found, key=lambda r: r.last, reverse=True)

    # writing ----------------------------------------------------------------------------------
    def _change(self, change) -> Progress:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            progress = self._read_unlocked()
            change(progress)
            progress.updated = now()
            _write_atomic(self.path, json.dumps(progress.as_dict(), ensure_ascii=False, indent=1))
            self.current = progress
            return progress

    def save(
        self,
        kind: str,
        ref: str,
        *,
        score: float | None = None,
        max: float | None = None,  # noqa: A002 - the field's name in the file
        data: dict[str, Any] | None = None,
        title: str = "",
        attempt: bool = True,
    ) -> Record:
        """Record an exercise: the latest score (best kept), details in ``data``; ``attempt`` counts it."""
        key = f"{kind}:{ref}"
        saved: dict[str, Record] = {}

        def change(progress: Progress) -> None:
            stamp = now()
            record = progress.records.get(key) or Record(kind, ref, first=stamp)
            record.title = title or record.title
            record.score = score
            record.max = max if max is not None else record.max
            if score is not None:
                record.best = score if record.best is None else builtins_max(record.best, score)
            record.attempts += 1 if attempt else 0
            record.last = stamp
            if data is not None:
                record.data = data
            progress.records[key] = record
            saved["record"] = record

        self._change(change)
        return saved["record"]

    def set_learner(self, name: str) -> None:
        """The name that goes into exports (optional; the class dashboard shows it)."""
        def change(progress: Progress) -> None:
            progress.learner = name.strip()[:200]

        self._change(change)

    def forget(self, kind: str, ref: str) -> None:
        """Remove one record (a learner's "start again")."""
        self._change(lambda progress: progress.records.pop(f"{kind}:{ref}", None))

    # moving between machines -------------------------------------------------------------------
    def export_bytes(self, include_private: bool = False) -> bytes:
        """The progress file as the learner downloads it, stamped with the time of export.

        Journal entries are the learner's private reflections: unless ``include_private`` is set,
        their text is left out (the record stays, so the count of entries is still there). An
        export meant for the instructor therefore carries scores, not thoughts.
        """
        data = self.load().as_dict()
        data["exported"] = now()
        if not include_private:
            for record in data["records"].values():
                if record["kind"] in PRIVATE_KINDS:
                    record["data"] = {"withheld": True}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def export_name(self) -> str:
        """A file name for the download: mi-workbook-progress-<learner>-<date>.json."""
        learner = re.sub(r"\W+", "-", self.load().learner.lower()).strip("-_")
        return f"mi-workbook-progress{'-' + learner if learner else ''}-{datetime.now():%Y-%m-%d}.json"

    def import_bytes(self, data: bytes, name: str = "<upload>") -> tuple[int, int]:
        """Merge an exported file in: new records are added, a record is replaced only by a more
        recent one. Returns (added, updated). :class:`InputError` if ``data`` is not a progress file."""
        incoming = read_progress(data, name)
        counts = [0, 0]

        def change(progress: Progress) -> None:
            for key, record in incoming.records.items():
                mine = progress.records.get(key)
                if record.data.get("withheld") and mine is not None:
                    continue  # an export without the private text never wipes the text here
                if mine is None:
                    progress.records[key] = record
                    counts[0] += 1
                elif record.last > mine.last:
                    bests = [b for b in (record.best, mine.best) if b is not None]
                    record.best = builtins_max(bests) if bests else None
                    record.attempts = builtins_max(record.attempts, mine.attempts)
                    progress.records[key] = record
                    counts[1] += 1
            if not progress.learner and incoming.learner:
                progress.learner = incoming.learner

        self._change(change)
        return counts[0], counts[1]


builtins_max = max  # ``save`` has a parameter called max

#: What each kind of record is called where a learner sees it.
KIND_NAMES: dict[str, str] = {
    "coding": N_("Coding exercises"),
    "quiz": N_("Quiz questions"),
    "rating": N_("Global ratings"),
    "reflection": N_("Reflection practice"),
    "ruler": N_("Readiness rulers"),
    "balance": N_("Decisional balance"),
    "realplay": N_("Realplay rounds"),
    "tally": N_("Observer tallies"),
    "journal": N_("Journal entries"),
}


@dataclass(frozen=True)
class KindSummary:
    """One line of the progress overview: how much of one kind of exercise the learner did."""

    kind: str
    name: str  #: translated
    done: int  #: records (exercises, items or entries)
    attempts: int
    scored: int  #: records with a score
    percent: float | None  #: latest scores summed over their maxima, as a percentage
    best_percent: float | None
    last: str


def summarise(progress: Progress) -> list[KindSummary]:
    """The overview a learner sees: one line per kind of exercise done, in the order of KIND_NAMES."""
    by_kind: dict[str, list[Record]] = {}
    for record in progress.records.values():
        by_kind.setdefault(record.kind, []).append(record)
    order = list(KIND_NAMES) + sorted(set(by_kind) - set(KIND_NAMES))
    lines = []
    for kind in order:
        records = by_kind.get(kind)
        if not records:
            continue
        scored = [r for r in records if r.score is not None and r.max]
        total = sum(r.max for r in scored)
        lines.append(KindSummary(
            kind=kind,
            name=_(KIND_NAMES[kind]) if kind in KIND_NAMES else kind,
            done=len(records),
            attempts=sum(r.attempts for r in records),
            scored=len(scored),
            percent=100.0 * sum(r.score for r in scored) / total if total else None,
            best_percent=100.0 * sum(r.best if r.best is not None else r.score for r in scored) / total if total else None,
            last=max(r.last for r in records),
        ))
    return lines


__all__ = ["ENV_VAR", "KIND_NAMES", "KindSummary", "Progress", "ProgressStore", "Record", "default_path", "parse_progress", "read_progress", "summarise"]
