"""The one error type for bad input: it always says which file, which line and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _, ngettext


@dataclass
class InputProblem:
    """One problem found in a file a user gave us."""

    path: str
    message: str
    line: int | None = None
    where: str | None = None  #: e.g. "utterance 7, field 'code'"

    def __str__(self) -> str:
        place = self.path if self.line is None else f"{self.path}:{self.line}"
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{where} {self.message}"


@dataclass
class InputError(Exception):
    """Raised for bad input. ``str()`` gives the first problem as one clear line."""

    problems: list[InputProblem] = field(default_factory=list)

    @classmethod
    def one(cls, path: str | Path, message: str, line: int | None = None, where: str | None = None) -> "InputError":
        return cls([InputProblem(str(path), message, line, where)])

    def _render_traceback_(self) -> list[str]:
        """What Jupyter shows for this error: the problems, one line each, and no traceback."""
        return [str(p) for p in self.problems] or [_("invalid input")]

    def __str__(self) -> str:
        if not self.problems:
            return _("invalid input")
        first = str(self.problems[0])
        more = len(self.problems) - 1
        if not more:
            return first
        return ngettext("{first} (and {more} more problem)", "{first} (and {more} more problems)", more).format(first=first, more=more)


class UsageError(ValueError):
    """A wrong argument in a notebook cell (an unknown id, topic or mode). Jupyter shows it as the
    one sentence it is, without a traceback, since the learner did nothing wrong with the code."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]

    def __str__(self) -> str:
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class UnknownId(UsageError, KeyError):
    """An id that names nothing (a journal prompt, a theme): a KeyError to code, one line to a learner."""
