"""The language picker and the dashboard frame: choose a language, and what is built speaks it."""

from __future__ import annotations

import pytest

import mi_widgets as mi
from mi_widgets.engine.i18n import get_language
from mi_widgets.widgets.language import DASHBOARDS, LANGUAGE_NAMES


def test_the_picker_names_each_language_in_itself_and_is_labelled_in_all_three():
    p = mi.LanguagePicker()
    assert [label for label, _code in p.dropdown.options] == ["English", "Dansk", "Norsk bokmål"]
    assert p.dropdown.description == "Language · Sprog · Språk" and p.language == "en"


def test_choosing_sets_the_language_for_what_is_built_next_and_says_so():
    p = mi.LanguagePicker()
    seen = []
    p.on_change = seen.append
    p.choose("da")
    assert get_language() == "da" and seen == ["da"]
    assert mi.Quiz("spirit").options.description == "Dit svar"
    assert "run a cell again" not in p.note.value and p.note.value  # the note itself is in Danish now
    p.dropdown.value = "nb"  # as a click in the dropdown does
    assert get_language() == "nb" and seen == ["da", "nb"]
    with pytest.raises(ValueError, match="unknown language 'sv'"):
        p.choose("sv")


def test_a_language_given_to_the_picker_is_set_at_once():
    mi.LanguagePicker("nb")
    assert get_language() == "nb"


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_each_dashboard_is_built_in_its_frame_with_a_heading(name):
    d = mi.Dashboard(name)
    assert type(d.content).__name__ == DASHBOARDS[name][1]
    assert f">{DASHBOARDS[name][0]}</h1>" in d.title.value


def test_changing_the_language_builds_the_dashboard_again_in_that_language():
    d = mi.Dashboard("presenter")
    first, english_hint = d.content, d.hint.value
    d.picker.choose("da")
    assert d.content is not first and d.children[1] is d.content
    assert d.hint.value != english_hint and "starts this page afresh" not in d.hint.value
    assert d.content.picker.description != "Dialogue to present"
    assert d.content.dialogue.language == "da"  # a Danish room starts with a Danish dialogue


def test_a_dashboard_can_start_in_a_language_and_an_unknown_name_is_refused():
    d = mi.Dashboard("library", language="nb")
    assert d.picker.language == "nb" and d.content.dropdowns["language"].value == "nb"
    with pytest.raises(ValueError, match="unknown dashboard 'nope'"):
        mi.Dashboard("nope")


def test_language_names_cover_every_language():
    from mi_widgets.engine.i18n import LANGUAGES

    assert set(LANGUAGE_NAMES) == set(LANGUAGES)
