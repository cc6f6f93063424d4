"""Journal engine: the prompts, choosing them, the time stamp and the Markdown export."""

import re
from collections import Counter
from datetime import datetime, timezone

import pytest

from mi_widgets.engine.journal import (
    PRIVACY_NOTE, PROMPTS, THEMES, by_theme, export_filename, journal_prompt, saved_label, select_prompts, to_markdown,
)


def test_eight_to_ten_prompts_with_stable_ids_over_all_four_themes():
    assert 8 <= len(PROMPTS) <= 10
    ids = [p.id for p in PROMPTS]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-z]+(-[a-z]+)*", i) for i in ids)
    assert Counter(p.theme for p in PROMPTS).keys() == set(THEMES)
    assert all(n >= 2 for n in Counter(p.theme for p in PROMPTS).values())
    assert all(p.label and p.text.rstrip().endswith(("?", ".")) for p in PROMPTS)


def test_the_prompts_cover_the_workshops_questions():
    text = {p.id: p.text.lower() for p in PROMPTS}
    assert all(word in text["autonomy-inner"] for word in ("gift", "respect", "helplessness", "irritation"))
    assert "effect" in text["spirit-effect"]
    # the four parts of the spirit: partnership, acceptance, compassion, evocation
    assert ("as a partner rather than an expert, accepting, compassionate, and drawing out the person's own ideas "
            "rather than supplying yours") in text["spirit-inner"]
    assert "your body, your feelings and your thoughts" in text["spirit-inner"]
    assert "righting reflex" in text["empathy-cost"] and "empathy fatigue" in text["empathy-fatigue"]
    for pid in ("inner-works", "inner-struggles"):
        assert "feelings" in text[pid] and "self-talk" in text[pid]
    assert "technique aside" in text["inner-coping"]


def test_choosing_prompts_by_id_and_theme_in_the_order_given():
    assert select_prompts() == list(PROMPTS)
    chosen = select_prompts(["empathy-cost", "spirit", "spirit-inner"])
    assert [p.id for p in chosen] == ["empathy-cost", "spirit-inner", "spirit-effect"]
    assert [p.id for p in select_prompts("autonomy")] == ["autonomy-inner", "autonomy-avoidance"]
    with pytest.raises(KeyError, match="no journal prompt 'feelings'"):
        select_prompts(["feelings"])
    with pytest.raises(ValueError):
        select_prompts([])
    assert journal_prompt("inner-works").theme == "inner_state"


def test_grouping_keeps_the_themes_in_order_of_appearance():
    groups = by_theme(select_prompts(["empathy-cost", "spirit-inner", "empathy-fatigue"]))
    assert [(t, [p.id for p in ps]) for t, ps in groups] == [("empathy", ["empathy-cost", "empathy-fatigue"]), ("spirit", ["spirit-inner"])]


def test_saved_label_is_local_hours_and_minutes():
    assert saved_label(datetime(2024, 3, 5, 14, 7)) == "Saved at 14:07"
    utc = datetime(2024, 3, 5, 23, 59, tzinfo=timezone.utc)
    assert saved_label(utc.isoformat()) == f"Saved at {utc.astimezone():%H:%M}"
    assert re.fullmatch(r"Saved at \d\d:\d\d", saved_label())


def test_export_name():
    assert export_filename(datetime(2024, 3, 5, 9, 0)) == "mi-journal-2024-03-05.md"


def test_markdown_keeps_the_learners_text_exactly_and_marks_empty_entries():
    prompts = select_prompts(["spirit-inner", "autonomy-inner"])
    text = "<b>Calm</b> & *curious*\n# not a heading of mine"
    md = to_markdown(prompts, {"spirit-inner": text}, when=datetime(2024, 3, 5, 9, 30))
    assert text in md  # nothing escaped in the file itself
    assert md.startswith("# My MI journal\n\nExported 2024-03-05 09:30.\n")
    assert PRIVACY_NOTE in md
    assert md.index("## The spirit of MI") < md.index("### Spirit: what it is like for you") < md.index(text) < md.index("## Autonomy")
    assert f"> {journal_prompt('autonomy-inner').text}" in md
    assert md.rstrip().endswith("_No entry yet._")
