"""Journal, driven from Python as a learner would write in it."""

import base64
import json
import re

import ipywidgets as w
import pytest

from mi_widgets import Journal
from mi_widgets.engine.journal import PROMPTS


def records(progress_file):
    return json.loads(progress_file.read_text())["records"] if progress_file.exists() else {}


def test_one_labelled_text_area_per_prompt_grouped_by_theme_with_the_privacy_line():
    j = Journal()
    assert list(j.areas) == [p.id for p in PROMPTS]
    for p in PROMPTS:
        area = j.areas[p.id]
        assert area.description == p.label and area.continuous_update is False
    html = "".join(c.value for c in j.children if isinstance(c, w.HTML))
    assert "Private: your entries are stored only in your progress file on this machine" in html
    for title in ("The spirit of MI", "Autonomy", "Empathy and its cost", "Your inner state"):
        assert f"<h4>{title}</h4>" in html
    buttons = next(c for c in j.children if isinstance(c, w.HBox)).children
    assert [b.description for b in buttons] == ["Save", "Export as Markdown"]


def test_writing_an_entry_saves_it_with_the_time(progress_file):
    j = Journal(["spirit-inner", "inner-works"])
    j.write("inner-works", "Calm, curious; I told myself to slow down.")
    saved = records(progress_file)
    assert list(saved) == ["journal:inner-works"]
    assert saved["journal:inner-works"]["data"] == {"text": "Calm, curious; I told myself to slow down."}
    status = j.status["inner-works"].value
    assert "✓" in status and re.search(r"Saved at \d\d:\d\d", status)
    assert j.status["spirit-inner"].value == ""  # nothing written there, nothing claimed


def test_save_with_nothing_written_says_so_and_then_confirms(progress_file):
    j = Journal(["empathy"])
    assert j.save() == []
    assert "ℹ" in j.feedback.value and "Nothing to save yet" in j.feedback.value
    j.write("empathy-cost", "Biting my tongue when she said she'd just stop cold turkey.")
    assert j.save() == []  # already saved when the box was left
    assert "✓" in j.feedback.value and "Saved at" in j.feedback.value and "All your entries are saved." in j.feedback.value
    assert records(progress_file)["journal:empathy-cost"]["attempts"] == 1  # the same text is not saved twice


def test_an_entry_that_could_not_be_saved_is_saved_by_the_save_button(tmp_path, monkeypatch, progress_file):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the progress folder should be")
    monkeypatch.setenv("MI_WORKBOOK_PROGRESS", str(blocker / "progress.json"))
    j = Journal(["autonomy"])
    j.write("autonomy-inner", "Mostly respect; some helplessness.")
    assert "⚠" in j.status["autonomy-inner"].value and "Not saved" in j.status["autonomy-inner"].value
    assert "could not be saved" in j.notice.value
    monkeypatch.setenv("MI_WORKBOOK_PROGRESS", str(progress_file))
    assert j.save() == ["autonomy-inner"]
    assert "✓" in j.feedback.value and "1 entry saved." in j.feedback.value and j.notice.value == ""
    assert records(progress_file)["journal:autonomy-inner"]["data"]["text"] == "Mostly respect; some helplessness."


def test_entries_come_back_in_a_new_widget():
    Journal().write("empathy-fatigue", "Numb on Fridays.")
    again = Journal()
    assert again.areas["empathy-fatigue"].value == "Numb on Fridays."
    assert "Saved at" in again.status["empathy-fatigue"].value
    assert again.entries["spirit-inner"] == ""
    again.save()
    assert "All your entries are saved." in again.feedback.value


def test_export_keeps_the_text_in_the_file_and_escapes_it_on_the_page():
    j = Journal(["spirit-inner", "spirit-effect"])
    j.write("spirit-inner", "<b>warm</b> & <script>x()</script>")
    markdown = j.export()
    assert "<b>warm</b> & <script>x()</script>" in markdown
    shown = j.export_area.value
    assert "<script>x()" not in shown and "&lt;b&gt;warm&lt;/b&gt; &amp; &lt;script&gt;" in shown
    link = re.search(r'download="(mi-journal-\d{4}-\d\d-\d\d\.md)" href="data:text/markdown;base64,([^"]+)"', shown)
    assert link, shown
    assert base64.b64decode(link.group(2)).decode("utf-8") == markdown
    assert "Download your journal (Markdown)" in shown


def test_unknown_prompts_are_refused():
    with pytest.raises(KeyError):
        Journal(["no-such-prompt"])
    j = Journal(["spirit"])
    with pytest.raises(KeyError, match="not in this journal"):
        j.write("inner-works", "text")
