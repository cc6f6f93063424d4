"""The transcript model: a dialogue of coded utterances, from YAML or from a coded CSV transcript."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Literal

from .codes import Speaker

if TYPE_CHECKING:  # pandas is imported only when a table is asked for
    import pandas as pd

Style = Literal["mi_consistent", "mi_inconsistent", "mixed"]
GLOBAL_KEYS: tuple[str, ...] = ("cct", "sst", "partnership", "empathy")


@dataclass(frozen=True)
class Utterance:
    """One complete thought by one speaker, with at most one code."""

    speaker: Speaker
    text: str
    code: str | None = None  #: None means uncoded
    subcode: str | None = None  #: open/closed for Q, DARN-CAT for CT/ST
    rationale: str | None = None  #: why the gold code is right, for learners
    line: int | None = None  #: line in the source file, for messages

    @property
    def label(self) -> str | None:
        """Code with subcode, e.g. ``"Q:open"``; the bare code where there is no subcode."""
        if self.code is None:
            return None
        return f"{self.code}:{self.subcode}" if self.subcode else self.code


@dataclass(frozen=True)
class GlobalRatings:
    """MITI 4.2.1 global scores, whole numbers 1-5; any may be missing."""

    cct: int | None = None  #: Cultivating Change Talk
    sst: int | None = None  #: Softening Sustain Talk
    partnership: int | None = None
    empathy: int | None = None
    rationale: str | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {k: getattr(self, k) for k in GLOBAL_KEYS}

    def merged(self, **overrides: int | None) -> "GlobalRatings":
        """These ratings with the given non-None values put in their place."""
        values = {k: v for k, v in overrides.items() if v is not None}
        return GlobalRatings(**{**asdict(self), **values})


@dataclass(frozen=True)
class Dialogue:
    """A conversation with its metadata. Coded CSV transcripts load into this type too."""

    id: str
    title: str
    utterances: tuple[Utterance, ...]
    topic: str = ""
    language: str = "en"
    setting: str = ""
    change_goal: str = ""
    description: str = ""
    style: Style | None = None
    pair: str | None = None  #: id of the MI-consistent / MI-inconsistent twin
    globals: GlobalRatings = field(default_factory=GlobalRatings)
    source: str = ""  #: the file it came from
    source_note: str = ""  #: free text: who wrote or coded it, or where it was imported from

    @property
    def counselor_utterances(self) -> list[Utterance]:
        return [u for u in self.utterances if u.speaker == "counselor"]

    @property
    def client_utterances(self) -> list[Utterance]:
        return [u for u in self.utterances if u.speaker == "client"]

    def summary_row(self) -> dict[str, object]:
        """The fields `mi-workbook list` shows."""
        return {
            "id": self.id,
            "title": self.title,
            "topic": self.topic,
            "language": self.language,
            "setting": self.setting,
            "style": self.style,
            "pair": self.pair,
            "n_utterances": len(self.utterances),
            "has_globals": any(v is not None for v in self.globals.as_dict().values()),
            "file": self.source,
        }

    def to_dataframe(self) -> "pd.DataFrame":
        """One row per utterance: n (1-based), speaker, text, code, subcode, label, rationale."""
        import pandas as pd

        rows = [
            {
                "n": i,
                "speaker": u.speaker,
                "text": u.text,
                "code": u.code,
                "subcode": u.subcode,
                "label": u.label,
                "rationale": u.rationale,
            }
            for i, u in enumerate(self.utterances, start=1)
        ]
        columns = ["n", "speaker", "text", "code", "subcode", "label", "rationale"]
        return pd.DataFrame(rows, columns=columns).set_index("n")


def dialogues_dataframe(dialogues: list[Dialogue]) -> "pd.DataFrame":
    """One row per dialogue, for browsing a library."""
    import pandas as pd

    return pd.DataFrame([d.summary_row() for d in dialogues]).set_index("id") if dialogues else pd.DataFrame()
