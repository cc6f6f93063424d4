"""A dialogue beside its contrast twin: the same client, another counsellor style, and what that
does to the MITI figures and to the client's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .codingrun import COUNSELOR_SUMMARY, SUMMARY_NAMES, fmt_summary
from .errors import UsageError
from .i18n import N_, _
from .library import get_dialogue
from .miti import score_dialogue

if TYPE_CHECKING:
    import pandas as pd

STYLE_NAMES: dict[str, str] = {
    "mi_consistent": N_("MI-consistent"),
    "mi_inconsistent": N_("MI-inconsistent"),
    "mixed": N_("mixed"),
}
ROWS: tuple[str, ...] = (*COUNSELOR_SUMMARY, "percent_change_talk")


def compare_pair(dialogue_id: str) -> "pd.DataFrame":
    """The MITI summary of a dialogue and of its twin side by side, with the client's change and
    sustain talk counted, one column per dialogue (the MI-consistent one first)."""
    import pandas as pd

    first = get_dialogue(dialogue_id)
    if not first.pair:
        raise UsageError(_("'{id}' has no contrast twin; dialogues with one: {ids}").format(id=dialogue_id, ids=", ".join(_paired())))
    second = get_dialogue(first.pair)
    pair = sorted((first, second), key=lambda d: d.style != "mi_consistent")
    columns = {}
    for d in pair:
        result = score_dialogue(d)
        values = [fmt_summary(key, result.summary.get(key)) for key in ROWS]
        values += [str(result.client_counts.get("CT", 0)), str(result.client_counts.get("ST", 0))]
        columns[f"{d.id} ({_(STYLE_NAMES.get(d.style or '', d.style or ''))})"] = values
    index = [_(SUMMARY_NAMES[key]) for key in ROWS] + [_("Change talk (CT), utterances"), _("Sustain talk (ST), utterances")]
    return pd.DataFrame(columns, index=pd.Index(index, name=_("measure")))


def _paired() -> list[str]:
    from .library import library_table

    table = library_table()
    return sorted(i for i, pair in table["pair"].items() if isinstance(pair, str))


__all__ = ["compare_pair"]
