"""ProgressPanel: overview, export as a download link, import of an upload."""

import base64
import json
import re
from datetime import datetime, timezone

from mi_widgets import ProgressPanel, ProgressStore, Quiz


def _link_bytes(html: str) -> bytes:
    payload = re.search(r'href="data:application/json;base64,([^"]+)"', html).group(1)
    return base64.b64decode(payload)


def test_an_empty_panel_says_nothing_is_saved_yet(progress_file):
    panel = ProgressPanel()
    assert "Nothing saved yet" in panel.overview.value
    assert str(progress_file) in panel.where.value


def test_work_in_a_quiz_shows_up_and_exports_as_a_download(progress_file):
    q = Quiz(items=["oars-01", "oars-02"])
    q.choose(q.item.answer)
    q.check()
    panel = ProgressPanel()
    assert "Quiz questions" in panel.overview.value and "100 %" in panel.overview.value
    panel.set_learner("Kari <Nordmann>")
    assert "Kari &lt;Nordmann&gt;" in panel.feedback.value
    data = panel.export()
    assert 'download="mi-workbook-progress-kari-nordmann-' in panel.download.value
    exported = json.loads(_link_bytes(panel.download.value))
    assert exported == json.loads(data) and exported["learner"] == "Kari <Nordmann>"
    assert "quiz:oars-01" in exported["records"]


def test_importing_an_export_on_another_machine_merges_it(tmp_path, monkeypatch):
    other = ProgressStore(tmp_path / "elsewhere.json")
    other.save("coding", "er-alcohol-mi", score=9, max=12, title="ER alcohol")
    panel = ProgressPanel()
    assert panel.import_file(other.export_bytes(), "mine.json") == (1, 0)
    assert "✓" in panel.feedback.value and "1 new and 0 updated records from mine.json" in panel.feedback.value
    assert "Coding exercises" in panel.overview.value and "75 %" in panel.overview.value


def test_a_bad_upload_is_refused_with_one_message_and_the_file_is_untouched(progress_file):
    ProgressStore().save("quiz", "oars-01", score=1, max=1)
    before = progress_file.read_bytes()
    panel = ProgressPanel()
    upload = {"name": "<script>alert(1)</script>.json", "type": "application/json", "size": 9, "content": memoryview(b"not json!"), "last_modified": datetime.now(timezone.utc)}
    panel.upload.value = (upload,)
    assert "✗" in panel.feedback.value and "Not imported." in panel.feedback.value
    assert "&lt;script&gt;" in panel.feedback.value and "<script>" not in panel.feedback.value
    assert progress_file.read_bytes() == before and panel.upload.value == ()


def test_a_damaged_progress_file_is_reported_in_the_panel(progress_file):
    progress_file.write_text("{oops", encoding="utf-8")
    panel = ProgressPanel()
    assert "⚠" in panel.notice.value and "could not be read" in panel.notice.value
    assert list(progress_file.parent.glob("progress.corrupt-*.json"))


def test_journal_text_goes_into_the_export_only_when_ticked():
    ProgressStore().save("journal", "empathy-cost", data={"text": "tired by Friday"})
    panel = ProgressPanel()
    assert "tired by Friday" not in panel.export().decode()
    panel.include_journal.value = True
    assert "tired by Friday" in panel.export().decode()


def test_the_panel_redraws_itself_when_an_exercise_saves():
    panel = ProgressPanel()
    assert "Nothing saved yet" in panel.overview.value
    q = Quiz(items=["oars-01"])
    q.choose(q.item.answer)
    q.check()
    assert "Quiz questions" in panel.overview.value
