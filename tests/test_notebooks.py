"""The learning path's shape in each language: what a learner can count on in every notebook.

nbval runs the notebooks (``pytest notebooks --nbval-lax``); these tests read them: the language is
set in the first code cell, the sections a learner looks for are there, code cells stay one or two
lines of calls, links lead to files that exist, and nothing is committed with outputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
PATHS = {
    "en": ["00-start-here", "01-spirit", "02-oars", "03-ambivalence", "04-change-talk"],
    "da": ["dansk/00-start-her", "dansk/01-mi-aanden", "dansk/02-oars", "dansk/03-ambivalens", "dansk/04-forandringsudsagn"],
    "nb": ["norsk/00-start-her", "norsk/01-mi-aanden", "norsk/02-oars", "norsk/03-ambivalens", "norsk/04-forandringsutsagn"],
}
HEADINGS = {"en": ("## Summary", "## Try next"), "da": ("## Opsummering", "## Prøv næste"), "nb": ("## Oppsummering", "## Prøv neste")}
TIME = {"en": r"\b\d+\s*(?:-\s*\d+\s*)?minutes\b", "da": r"\bTid: ca\. \d+ minutter\b", "nb": r"\bTid: ca\. \d+ minutter\b"}
CASES = [(lang, name) for lang, names in PATHS.items() for name in names]
LINK = re.compile(r"\]\(([^)#\s]+\.ipynb)(?:#[^)]*)?\)")


def read(name: str) -> dict:
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


def cells(nb: dict, kind: str) -> list[str]:
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


@pytest.mark.parametrize("lang, name", CASES)
def test_each_notebook_sets_its_language_in_the_first_code_cell(lang, name):
    first = cells(read(name), "code")[0]
    assert first.startswith("import mi_widgets")
    if lang != "en":
        assert f'mi.set_language("{lang}")' in first or f'mi.LanguagePicker("{lang}")' in first


@pytest.mark.parametrize("lang, name", CASES)
def test_each_notebook_has_a_title_a_time_a_summary_and_what_to_try_next(lang, name):
    text = "\n".join(cells(read(name), "markdown"))
    assert text.startswith("# ")
    summary, try_next = HEADINGS[lang]
    assert try_next in text
    if not name.endswith(("00-start-here", "00-start-her")):  # the welcome page is short: no summary or time needed
        assert summary in text and re.search(TIME[lang], text), "a summary, and an estimated time at the top"


@pytest.mark.parametrize("lang, name", [c for c in CASES if c[0] != "en"])
def test_a_translated_notebook_is_as_substantial_as_the_path_asks(lang, name):
    nb = read(name)
    words = sum(len(t.split()) for t in cells(nb, "markdown"))
    code = cells(nb, "code")
    if name.endswith("00-start-her"):
        assert 800 <= words <= 1_300 and 4 <= len(code) <= 8
        assert any("ProgressPanel()" in c for c in code)
    else:
        assert 2_200 <= words <= 2_700 and 7 <= len(code) <= 13
    exercises = [c for c in code if re.search(r"mi\.(Quiz|CodingExercise|ReflectionPractice|GlobalRatingExercise|DecisionalBalance|ReadinessRuler)\(", c)]
    assert len(exercises) >= (2 if name.endswith("00-start-her") else 3)


@pytest.mark.parametrize("lang, name", CASES)
def test_code_cells_are_short_calls_without_logic_or_outputs(lang, name):
    nb = read(name)
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert len(source.strip().splitlines()) <= 2, source
        assert not re.search(r"^\s*(def|for|while|class|if)\b|\bimport (?!mi_widgets)", source, re.M), source
        assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("lang, name", CASES)
def test_every_link_to_a_notebook_leads_to_one_that_exists(lang, name):
    here = (NOTEBOOKS / f"{name}.ipynb").parent
    links = LINK.findall("\n".join(cells(read(name), "markdown")))
    missing = [link for link in links if not (here / link).resolve().exists()]
    assert missing == []


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_the_translated_path_uses_dialogues_in_its_own_language(lang):
    from mi_widgets.engine.library import get_dialogue

    used = set()
    for name in PATHS[lang]:
        for source in cells(read(name), "code"):
            used |= set(re.findall(r'(?:CodingExercise|GlobalRatingExercise|compare_pair|report_text)\("([a-z0-9-]+)"', source))
    assert len(used) >= 3
    assert {get_dialogue(i).language for i in used} == {lang}
