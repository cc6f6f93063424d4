"""The progress file: saving, damage, two writers at once, export and import."""

import json
import multiprocessing
import os

import pytest

from mi_widgets.engine.errors import InputError
from mi_widgets.engine.progress import ENV_VAR, ProgressStore, default_path, read_progress, summarise


@pytest.fixture
def store(tmp_path):
    return ProgressStore(tmp_path / "sub" / "progress.json")


def test_default_path_is_in_home_and_the_environment_overrides_it(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_path() == default_path().home() / ".mi-workbook" / "progress.json"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine.json"))
    assert default_path() == tmp_path / "mine.json"
    assert ProgressStore().path == tmp_path / "mine.json"


def test_save_keeps_latest_and_best_score_and_counts_attempts(store):
    assert store.get("quiz", "oars-01") is None
    store.save("quiz", "oars-01", score=1, max=1, data={"first": 2})
    rec = store.save("quiz", "oars-01", score=0, max=1, data={"first": 2, "last": 0})
    assert (rec.score, rec.best, rec.attempts, rec.percent) == (0, 1, 2, 0.0)
    again = ProgressStore(store.path).get("quiz", "oars-01")  # a new process reads the same
    assert again == rec and again.data == {"first": 2, "last": 0}


def test_saving_replaces_the_file_in_one_step_and_leaves_no_temporary_files(store):
    store.save("journal", "spirit-1", data={"text": "første tanke"})
    inode = os.stat(store.path).st_ino
    store.save("journal", "spirit-1", data={"text": "second"})
    assert os.stat(store.path).st_ino != inode  # a new file swapped in, not written in place
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["progress.json", "progress.json.lock"]
    assert json.loads(store.path.read_text(encoding="utf-8"))["records"]["journal:spirit-1"]["data"]["text"] == "second"


@pytest.mark.parametrize("damage", [b"{not json", b"\x00\x01\x02binary", b'{"format": "something-else"}', b'{"format": "mi-workbook-progress", "version": 1, "records": {"quiz:x": {"kind": "quiz"}}}'])
def test_a_damaged_file_is_set_aside_never_overwritten_and_the_learner_is_told(store, damage):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(damage)
    assert store.records() == []
    assert "could not be read" in store.notice and "progress.corrupt-" in store.notice
    aside = [p for p in store.path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damage
    store.save("quiz", "oars-01", score=1, max=1)  # and work goes on in a fresh file
    assert aside[0].read_bytes() == damage and ProgressStore(store.path).get("quiz", "oars-01").score == 1


def test_two_damaged_files_in_a_row_both_survive(store):
    store.path.parent.mkdir(parents=True)
    for damage in (b"{first", b"{second"):
        store.path.write_bytes(damage)
        store.load()
    kept = sorted(p.read_bytes() for p in store.path.parent.iterdir() if ".corrupt-" in p.name)
    assert kept == [b"{first", b"{second"]


def _save_many(path: str, who: str, n: int) -> None:
    s = ProgressStore(path)
    for i in range(n):
        s.save("quiz", f"{who}-{i}", score=1, max=1)


def test_two_notebooks_saving_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "progress.json")
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_save_many, args=(path, who, 40)) for who in ("a", "b", "c")]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    assert len(ProgressStore(path).records()) == 120


def test_export_and_import_round_trip_keeps_the_newer_record(store, tmp_path):
    store.set_learner("Ingrid Ås")
    store.save("quiz", "oars-01", score=1, max=1)
    store.save("coding", "er-alcohol-mi", score=10, max=12, data={"answers": {"1": "Q:open"}})
    exported = store.export_bytes()
    assert store.export_name().startswith("mi-workbook-progress-ingrid-")
    other = ProgressStore(tmp_path / "other.json")
    other.save("quiz", "oars-02", score=0, max=1)
    assert other.import_bytes(exported, "from-binder.json") == (2, 0)
    assert {r.key for r in other.records()} == {"quiz:oars-01", "quiz:oars-02", "coding:er-alcohol-mi"}
    assert other.load().learner == "Ingrid Ås"
    assert other.import_bytes(exported, "again.json") == (0, 0)  # nothing newer: nothing replaced


def test_an_older_export_never_replaces_newer_work(store, tmp_path):
    store.save("quiz", "oars-01", score=0, max=1)
    old = json.loads(store.export_bytes())
    old["records"]["quiz:oars-01"]["last"] = "2000-01-01T00:00:00+00:00"
    old["records"]["quiz:oars-01"]["score"] = 1
    store.import_bytes(json.dumps(old).encode(), "old.json")
    assert store.get("quiz", "oars-01").score == 0


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"%PDF-1.4 \x00\x00\xff", "binary file"),
    (b"name,score\nAda,3\n", "not valid JSON"),
    (b"[1, 2]", "not an MI Workbook progress file"),
    (b'{"format": "mi-workbook-progress", "version": 1, "records": {"q": {"kind": "quiz", "ref": "x", "attempts": -1, "first": "", "last": ""}}}', "records > q"),
    (b" " * (6 * 1024 * 1024), "too large"),
])
def test_a_bad_upload_gets_one_clear_message_naming_the_file(data, message, store):
    with pytest.raises(InputError) as err:
        store.import_bytes(data, "upload.json")
    assert str(err.value).startswith("upload.json") and message in str(err.value)
    assert "\n" not in str(err.value)
    assert not store.path.exists()  # nothing written


def test_summary_gives_one_line_per_kind_with_percentages(store):
    store.save("quiz", "a", score=1, max=1)
    store.save("quiz", "b", score=0, max=1)
    store.save("coding", "d", score=9, max=12)
    store.save("coding", "d", score=6, max=12)
    store.save("journal", "j1", data={"text": "hi"})
    lines = {line.kind: line for line in summarise(store.load())}
    assert [line.kind for line in summarise(store.load())] == ["coding", "quiz", "journal"]
    assert lines["quiz"].done == 2 and lines["quiz"].percent == 50.0
    assert lines["coding"].percent == 50.0 and lines["coding"].best_percent == 75.0 and lines["coding"].attempts == 2
    assert lines["journal"].percent is None and lines["journal"].name == "Journal entries"


def test_read_progress_reads_an_export(store):
    store.save("quiz", "a", score=1, max=1)
    progress = read_progress(store.export_bytes(), "x.json")
    assert progress.source == "x.json" and list(progress.records) == ["quiz:a"]


def test_an_export_leaves_journal_text_out_unless_asked_and_never_wipes_it_on_import(store, tmp_path):
    store.save("journal", "spirit-inside", data={"text": "I felt impatient with him"})
    store.save("quiz", "a", score=1, max=1)
    handed_in = json.loads(store.export_bytes())
    assert handed_in["records"]["journal:spirit-inside"]["data"] == {"withheld": True}
    assert handed_in["records"]["quiz:a"]["score"] == 1
    assert "impatient" in store.export_bytes(include_private=True).decode()
    store.import_bytes(store.export_bytes(), "handed-in.json")  # back onto the same machine
    assert store.get("journal", "spirit-inside").data["text"] == "I felt impatient with him"
