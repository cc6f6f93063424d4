"""The library catalogue: entries, facets with counts, the search, and the cache that notices edits."""

import os
import shutil
from pathlib import Path

import pytest

from mi_widgets.engine import catalogue as cat
from mi_widgets.engine.errors import InputError, UnknownId
from mi_widgets.engine.library import dialogues_dir


@pytest.fixture(scope="module")
def entries():
    return list(cat.catalogue().entries)


@pytest.fixture(scope="module")
def english(entries):
    """The English part of the library, whose contents these tests know by heart."""
    return [e for e in entries if e.language == "en"]


def ids(found):
    return [e.id for e in found]


def test_every_library_dialogue_has_an_entry_with_its_counts_twin_and_source(entries):
    files = sorted(f.stem for f in dialogues_dir().glob("*.yaml"))
    assert sorted(ids(entries)) == files and cat.catalogue().problems == ()
    e = next(e for e in entries if e.id == "er-alcohol-mi")
    assert (e.topic, e.setting, e.language, e.style, e.style_name) == ("alcohol", "emergency room", "en", "mi_consistent", "MI-consistent")
    assert (e.n_counselor, e.n_client, e.n_utterances) == (15, 11, 26)
    assert e.pair == "er-alcohol-righting" and e.pair_title == "Saturday night in the emergency room (righting reflex)"
    assert e.has_globals and e.change_goal == "Cut down weekend binge drinking"
    assert e.description.startswith("A nurse has five minutes with Liam")
    assert e.source_note == cat.BUNDLED_SOURCE  # no source_note in the file: the workbook's own words
    assert e.dialogue.id == "er-alcohol-mi" and len(e.dialogue.utterances) == 26
    lone = next(e for e in entries if e.id == "quitline-smoking")
    assert lone.pair is None and lone.pair_title is None


def test_entries_sort_by_topic_with_twins_side_by_side_mi_consistent_first(entries, english):
    assert ids(english)[:2] == ["er-alcohol-mi", "er-alcohol-righting"]  # alcohol comes first
    assert [e.language for e in entries] == sorted(e.language for e in entries)  # one language at a time
    topics = [e.topic for e in english]
    assert topics == sorted(topics, key=str.casefold)
    for i, e in enumerate(entries):
        if e.pair and e.style == "mi_consistent":
            assert entries[i + 1].id == e.pair and entries[i + 1].style == "mi_inconsistent"


def test_facets_list_each_value_once_with_its_count(entries, english):
    assert cat.facets(entries).languages == [("da", 4), ("en", 16), ("nb", 4)]
    entries = english
    f = cat.facets(entries)
    assert f.total == 16
    assert f.styles == [("mi_consistent", 9), ("mi_inconsistent", 5), ("mixed", 2)]
    assert f.languages == [("en", 16)]
    assert ("alcohol", 2) in f.topics and ("smoking", 1) in f.topics and len(f.topics) == 11
    assert [t for t, _ in f.topics] == sorted((t for t, _ in f.topics), key=str.casefold)
    assert ("GP visit", 2) in f.settings and sum(n for _, n in f.settings) == 16
    assert f.get("setting") is f.settings
    assert cat.facets(entries[:2]).styles == [("mi_consistent", 1), ("mi_inconsistent", 1)]


def test_search_needs_every_word_in_any_field_whatever_the_case(entries):
    assert ids(cat.find(entries, "SATURDAY Emergency")) == ["er-alcohol-mi", "er-alcohol-righting"]
    assert cat.find(entries, "saturday gambling") == []  # both words must occur
    assert ids(cat.find(entries, "binge")) == ["er-alcohol-mi", "er-alcohol-righting"]  # the change goal
    assert ids(cat.find(entries, "stop-smoking line")) == ["quitline-smoking"]  # the setting
    assert set(ids(cat.find(entries, "liam"))) == {"er-alcohol-mi", "er-alcohol-righting"}  # the description
    assert len(cat.find(entries, "gambl")) == 2  # part of a word
    assert cat.find(entries, "   ") == entries and cat.find(entries) == entries
    assert cat.find(entries, "er-alcohol-mi") == []  # the id is not searched, only the words


def test_filters_combine_with_each_other_and_with_the_search(entries, english):
    assert ids(cat.find(entries, language="da")) == ["almen-praksis-alkohol", "kriminalforsorgen-hash", "jobcenter-ledig-mi", "jobcenter-ledig-ordne"]
    assert len(cat.find(entries, language="nb")) == 4
    entries = english
    assert ids(cat.find(entries, topic="alcohol")) == ["er-alcohol-mi", "er-alcohol-righting"]
    assert len(cat.find(entries, style="mi_inconsistent")) == 5
    assert ids(cat.find(entries, topic="alcohol", style="mi_inconsistent")) == ["er-alcohol-righting"]
    assert ids(cat.find(entries, setting="probation office", style="mi_consistent")) == ["probation-drugs-mi"]
    assert cat.find(entries, "saturday", topic="gambling") == []
    assert cat.find(entries, language="da") == [] and len(cat.find(entries, language="en")) == 16
    assert cat.find(entries, topic=None, style="") == entries


def test_style_and_language_names_in_words():
    assert [cat.style_name(s) for s in ("mi_consistent", "mi_inconsistent", "mixed")] == ["MI-consistent", "MI-inconsistent", "mixed"]
    assert cat.style_name(None) == "not given" and cat.style_name("odd") == "odd"
    assert cat.language_name("nb") == "Norwegian" and cat.language_name("xx") == "xx"


def test_style_names_go_through_the_translation_function(monkeypatch):
    from mi_widgets.engine import i18n

    monkeypatch.setattr(cat, "_", lambda m: f"[{m}]")
    assert cat.style_name("mi_consistent") == "[MI-consistent]"
    assert i18n.N_("x") == "x"


def test_shorten_cuts_at_a_word_and_says_so():
    assert cat.shorten("short enough") == "short enough"
    cut = cat.shorten("one two three four five", 12)
    assert cut == "one two…" and len(cut) <= 12


def test_get_finds_an_entry_and_names_an_unknown_id():
    c = cat.catalogue()
    assert c.get("quitline-smoking").title == "A call to the stop-smoking line"
    with pytest.raises(UnknownId, match="no-such-dialogue"):
        c.get("no-such-dialogue")


def _copy(folder: Path, *names: str) -> None:
    for n in names:
        shutil.copy(dialogues_dir() / f"{n}.yaml", folder / f"{n}.yaml")


def test_the_catalogue_is_cached_until_a_file_changes(tmp_path):
    _copy(tmp_path, "quitline-smoking", "physio-activity")
    first = cat.catalogue(tmp_path)
    assert cat.catalogue(tmp_path) is first  # not read again
    assert {e.source_note for e in first.entries} == {cat.NO_SOURCE}  # not the bundled library: no claim about who wrote it
    f = tmp_path / "quitline-smoking.yaml"
    text = f.read_text(encoding="utf-8").replace('title: "A call to the stop-smoking line"', 'title: "Renamed <b>call</b>"\nsource_note: "Written by A. Coder, 2024"')
    f.write_text(text, encoding="utf-8")
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 5_000_000_000))
    second = cat.catalogue(tmp_path)
    assert second is not first
    e = second.get("quitline-smoking")
    assert e.title == "Renamed <b>call</b>" and e.source_note == "Written by A. Coder, 2024"
    (tmp_path / "sub").mkdir()
    _copy(tmp_path / "sub", "dental-hygiene")  # a file added in a subfolder is noticed too
    assert len(cat.catalogue(tmp_path).entries) == 3


def test_a_broken_file_is_left_out_and_named(tmp_path):
    _copy(tmp_path, "quitline-smoking")
    (tmp_path / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    c = cat.catalogue(tmp_path)
    assert ids(c.entries) == ["quitline-smoking"]
    assert c.problems and "broken.yaml" in str(c.problems[0])


def test_a_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        cat.catalogue(tmp_path / "nowhere")


def test_every_library_topic_has_a_name_that_is_translated(danish):
    topics = {e.topic for e in cat.catalogue().entries}
    assert topics <= set(cat.TOPIC_NAMES)
    assert cat.topic_name("alcohol") == "alkohol" and cat.topic_name("work") == "arbejde"
    assert cat.topic_name("knitting") == "knitting"  # a topic of one's own shows as it is
