"""LibraryBrowser, driven from Python as an instructor would click it."""

import json
import os
import re
import shutil

import pytest

import mi_widgets as mi
from mi_widgets.engine.errors import UsageError
from mi_widgets.engine.library import dialogues_dir
from mi_widgets.widgets.coding import CodingExercise
from mi_widgets.widgets.librarybrowser import ALL, LibraryBrowser

from .test_translatable import _labels


def rows(b: LibraryBrowser) -> list[str]:
    """The titles in the results table, in order (as the page shows them, escaped)."""
    return re.findall(r'<th scope="row">(.*?)</th>', b.results.value)


def labels(dd) -> list[str]:
    return [label for label, _ in dd.options]


def test_lead_filters_and_table_show_the_whole_library_at_first():
    b = LibraryBrowser()
    lead = b.children[2].value
    assert "The library holds 24 short conversations" in lead and "7 pairs of twins" in lead
    # MITI codes only the counsellor; the client's lines are client language
    assert "the counsellor&#x27;s utterances coded with MITI 4.2.1, the client&#x27;s as change talk, sustain talk or neutral" in lead
    assert "a string of closed questions" in lead  # the truancy twin is a question-answer trap
    assert "same client" in lead and "MI-consistent" in lead and "MI-inconsistent" in lead
    assert "16 of 24 dialogues" in b.results.value and len(rows(b)) == 16  # English, the language in force
    assert labels(b.dropdowns["topic"])[:2] == ["All (24)", "alcohol (3)"]
    assert labels(b.dropdowns["style"]) == ["All (24)", "MI-consistent (15)", "MI-inconsistent (7)", "mixed (2)"]
    assert labels(b.dropdowns["language"]) == ["All (24)", "Danish (4)", "English (16)", "Norwegian (4)"] and b.dropdowns["language"].value == "en"
    assert "GP visit (2)" in labels(b.dropdowns["setting"])
    assert [h for h in re.findall(r'<th scope="col">(.*?)</th>', b.results.value)] == ["Title", "Topic", "Setting", "Style", "Utterances", "Twin"]
    assert '<th scope="row">Saturday night in the emergency room</th><td>alcohol</td><td>emergency room</td><td class="miw-lib-style">MI-consistent</td><td>26</td>' in b.results.value
    assert b.chooser.value == b.matches[0] == "er-alcohol-mi" and len(b.chooser.options) == 16
    assert b.search_box.description == "Search" and b.chooser.description == "Dialogue to open"
    assert (b.target.description, b.how.description) == ("What to code", "How")


def test_filter_by_topic_and_style_narrows_the_table_and_the_choice():
    b = LibraryBrowser()
    assert b.filter(topic="alcohol") == ["er-alcohol-mi", "er-alcohol-righting"]
    assert "2 of 24 dialogues" in b.results.value
    assert b.filter(style="mi_inconsistent") == ["er-alcohol-righting"]  # the topic stays
    assert rows(b) == ["Saturday night in the emergency room (righting reflex)"]
    assert "MI-inconsistent</td>" in b.results.value and "<td>Saturday night in the emergency room</td>" in b.results.value  # its twin
    assert b.chooser.value == "er-alcohol-righting" and [v for _, v in b.chooser.options] == ["er-alcohol-righting"]
    assert len(b.filter(topic=None)) == 5 and "5 of 24 dialogues" in b.results.value
    assert b.filter(style="MI-consistent", setting="GP visit") == ["gp-diabetes-mi"]  # the words work too
    with pytest.raises(UsageError, match="No dialogue has topic 'knitting'"):
        b.filter(topic="knitting")


def test_the_controls_themselves_filter_as_a_click_would():
    b = LibraryBrowser()
    b.dropdowns["setting"].value = "probation office"
    assert b.matches == ["probation-drugs-mi", "probation-drugs-confront"]
    b.search_box.value = "confrontation"
    assert b.matches == ["probation-drugs-confront"] and "1 of 24 dialogues" in b.results.value
    assert "A positive test at the probation office (confrontation)" in b.card.value


def test_search_needs_every_word_and_no_match_says_how_to_get_back():
    b = LibraryBrowser()
    assert b.search("saturday EMERGENCY") == ["er-alcohol-mi", "er-alcohol-righting"]
    assert b.search("saturday knitting") == []
    fb = b.results.value
    assert "0 of 24 dialogues" in fb and "No dialogue matches — clear the filters." in fb and "ℹ" in fb
    assert "<table" not in fb and b.chooser.disabled and b.open_button.disabled and b.chosen is None and b.card.value == ""
    assert b.open_exercise() is None and "Choose a dialogue first." in b.feedback.value and b.exercise is None
    assert len(b.reset()) == 24 and b.search_box.value == "" and all(d.value == ALL for d in b.dropdowns.values())
    assert not b.chooser.disabled and not b.open_button.disabled


def test_the_chosen_dialogue_is_described_and_kept_while_it_still_matches():
    b = LibraryBrowser()
    e = b.select("gp-diabetes-advice")
    assert e is not None and e.id == "gp-diabetes-advice" and b.chooser.value == "gp-diabetes-advice"
    card = b.card.value
    assert "Dr Mensah" in card  # its description
    assert "Take the diabetes medication as prescribed" in card and "MI-inconsistent" in card
    assert "Tablets and grandchildren at the GP, the MI-consistent version: the same client and opening" in card
    assert "29 (15 counsellor, 14 client)" in card and "Written and coded for this workbook" in card
    b.filter(topic="diabetes")
    assert b.chooser.value == "gp-diabetes-advice"  # still matches, still chosen
    b.filter(topic="alcohol")
    assert b.chooser.value == "er-alcohol-mi"  # no longer matches: the first that does


def test_select_clears_filters_that_hide_a_dialogue_and_names_an_unknown_one():
    b = LibraryBrowser()
    b.filter(topic="alcohol")
    assert b.select("quitline-smoking").id == "quitline-smoking"
    assert len(b.matches) == 24 and "Filters cleared" in b.feedback.value
    assert b.select("no-such-dialogue") is None
    assert "✗" in b.feedback.value and "no-such-dialogue" in b.feedback.value and b.chooser.value == "quitline-smoking"


def test_open_puts_a_coding_exercise_below_with_the_chosen_target_and_mode():
    b = LibraryBrowser()
    b.select("er-alcohol-mi")
    b.target.value, b.how.value = "client", "step"
    ex = b.open_exercise()
    assert isinstance(ex, CodingExercise) and b.exercise is ex and b.slot.children == (ex,)
    assert b.children[-1] is b.slot and ex.dialogue.id == "er-alcohol-mi" and ex.mode == "step" and ex.run.target == "client"
    assert "Opened as a coding exercise." in b.feedback.value and "✓" in b.feedback.value
    assert "one utterance at a time" in b.feedback.value
    second = b.open_exercise("quitline-smoking", target="both", mode="whole")
    assert b.slot.children == (second,) and second.dialogue.id == "quitline-smoking" and second.mode == "whole"
    assert ex.comm is None  # the one it replaced is closed
    assert (b.target.value, b.how.value) == ("both", "whole")  # the controls show what was opened
    with pytest.raises(UsageError):
        b.open_exercise(target="therapist")
    with pytest.raises(UsageError):
        b.open_exercise(mode="fast")
    assert b.open_exercise("nothing-like-this") is None and b.exercise is second


def test_the_opened_exercise_saves_progress_and_a_new_browser_brings_it_back(progress_file):
    b = LibraryBrowser()
    ex = b.open_exercise("er-alcohol-mi", target="counselor", mode="step")
    i = ex.run.targets[0]
    ex.set_code(i, ex.run.gold(i))
    sc = ex.check_current()
    assert sc.mark.words == "Right."
    rec = json.loads(progress_file.read_text())["records"]["coding:er-alcohol-mi"]
    assert rec["score"] == 1 and rec["data"]["labels"][str(i)] == ex.run.gold(i)
    again = LibraryBrowser().open_exercise("er-alcohol-mi", mode="step")
    assert again.labels == {i: ex.run.gold(i)} and "Your saved code for 1 utterance is back." in again.feedback.value


@pytest.fixture
def folder(tmp_path):
    for n in ("quitline-smoking", "physio-activity"):
        shutil.copy(dialogues_dir() / f"{n}.yaml", tmp_path / f"{n}.yaml")
    return tmp_path


def test_text_from_the_files_is_escaped_everywhere(folder):
    f = folder / "quitline-smoking.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace('title: "A call to the stop-smoking line"', 'title: "<script>alert(1)</script> call"\nsource_note: "<b>Ada</b>"')
                 .replace("topic: smoking", "topic: <i>smoking</i>"), encoding="utf-8")
    b = LibraryBrowser(folder)
    b.select("quitline-smoking")
    for html in (b.results.value, b.card.value):
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; call" in html
    assert "&lt;i&gt;smoking&lt;/i&gt;" in b.results.value and "<i>smoking" not in b.results.value
    assert "&lt;b&gt;Ada&lt;/b&gt;" in b.card.value
    b.open_exercise()
    assert "<script>" not in b.feedback.value and "&lt;script&gt;" in b.feedback.value


def test_a_broken_file_is_named_and_the_rest_still_browse(folder):
    (folder / "bad<name>.yaml").write_text("id: x\ntitle: [oops\n", encoding="utf-8")
    b = LibraryBrowser(folder)
    assert len(b.matches) == 2 and "1 file could not be read and is left out." in b.problems.value
    assert "bad&lt;name&gt;.yaml" in b.problems.value and "⚠" in b.problems.value
    assert "2 of 2 dialogues" in b.results.value


def test_a_missing_folder_gives_a_message_not_a_traceback(tmp_path):
    b = LibraryBrowser(tmp_path / "nowhere")
    assert b.matches == [] and "The library could not be read." in b.problems.value and "no such folder" in b.problems.value
    assert b.open_exercise() is None


def test_a_changed_file_shows_in_a_new_browser(folder):
    assert "A call to the stop-smoking line" in LibraryBrowser(folder).results.value
    f = folder / "quitline-smoking.yaml"
    f.write_text(f.read_text(encoding="utf-8").replace("A call to the stop-smoking line", "Edited title on disk"), encoding="utf-8")
    os.utime(f, ns=(f.stat().st_atime_ns, f.stat().st_mtime_ns + 5_000_000_000))
    fresh = LibraryBrowser(folder)
    assert "Edited title on disk" in fresh.results.value and "A call to the stop-smoking line" not in fresh.results.value


def test_every_control_label_is_translated(pseudo_language):
    b = LibraryBrowser()
    found = _labels(b)
    assert len(found) >= 10
    assert [(where, text) for where, text in found if "⟦" not in text] == []
    assert re.search(r"<h3[^>]*>(.*?)</h3>", b.header.value).group(1).startswith("⟦")
    assert "⟦⟦MI-consistent⟧ (15)⟧" in labels(b.dropdowns["style"]) and labels(b.dropdowns["style"])[0] == "⟦All (24)⟧"
    assert all(label.startswith("⟦") for label in labels(b.target) + labels(b.how))


def test_the_public_name_builds_it():
    assert mi.LibraryBrowser is LibraryBrowser


def test_a_danish_learner_starts_with_the_danish_dialogues_and_can_see_all(danish):
    b = LibraryBrowser()
    assert b.dropdowns["language"].value == "da" and len(b.matches) == 4
    assert all(e.language == "da" for e in b.entries if e.id in b.matches)
    assert len(LibraryBrowser(language="").matches) == len(b.entries)
