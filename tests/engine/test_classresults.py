"""Class results: many learners' exported progress files read, checked and added up."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from mi_widgets.engine.classresults import (
    MAX_FILES, ClassData, ExerciseStat, csv_cell, demo_class, histogram_svg, mix_up_text, safe_ref,
)
from mi_widgets.engine.progress import ProgressStore, read_progress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "class"
GOOD = ("anna.json", "ben.json", "cara.json")


def files(*names: str) -> list[tuple[str, bytes]]:
    return [(n, (FIXTURES / n).read_bytes()) for n in names]


@pytest.fixture
def klass() -> ClassData:
    return ClassData(files(*GOOD))


def export(tmp_path: Path, learner: str, records: list[tuple], name: str = "p.json", private: bool = False) -> bytes:
    """An export made the way a learner's ProgressPanel makes it."""
    store = ProgressStore(tmp_path / name)
    if learner:
        store.set_learner(learner)
    for kind, ref, fields in records:
        store.save(kind, ref, **fields)
    return store.export_bytes(include_private=private)


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


# --- reading files -----------------------------------------------------------------------------


def test_good_files_are_kept_one_learner_each(klass):
    assert [f.file for f in klass.files] == list(GOOD)
    assert [f.learner for f in klass.files] == ["Anna Berg", "Ben Olsen", "<script>alert(1)</script> Cara"]
    assert [f.n_records for f in klass.files] == [4, 4, 4]  # coding, two quiz items, a journal entry
    assert klass.bad == [] and klass.notes == []
    assert klass.learners == 3


@pytest.mark.parametrize("name, data, words", [
    ("not-progress.json", (FIXTURES / "not-progress.json").read_bytes(), "not an MI Workbook progress file"),
    ("empty.json", b"  \n", "empty"),
    ("broken.json", b'{"format": "mi-workbook-progress",\n "records": {', "not valid JSON"),
    ("binary.json", b"\x00\x01\x02 binary", "binary"),
    ("huge.json", b" " * (5 * 1024 * 1024 + 1) + b"{}", "too large"),
    ("nested.json", b"[" * 200_000 + b"]" * 200_000, "nested.json"),
    ("schema.json", json.dumps({"format": "mi-workbook-progress", "version": 1, "records": {"quiz:x": {"kind": "quiz"}}}).encode(), "records"),
])
def test_each_bad_file_gets_one_message_naming_it_and_the_good_ones_stay(name, data, words):
    result = ClassData().add([*files("anna.json"), (name, data), *files("ben.json")])
    assert result.added == ["anna.json", "ben.json"]
    assert len(result.bad) == 1
    bad = result.bad[0]
    assert bad.file == name and bad.message.startswith(name) and words in bad.message
    assert "Traceback" not in bad.message and "\n" not in bad.message


def test_the_same_file_twice_counts_once_with_a_note():
    data = ClassData(files("anna.json", "ben.json", "anna.json"))
    assert data.learners == 2
    assert data.notes == ["anna.json is the same file as anna.json; it is counted once."]


def test_a_second_export_of_the_same_work_counts_once(tmp_path):
    one = (FIXTURES / "anna.json").read_bytes()
    raw = json.loads(one)
    raw["exported"] = "2030-01-01T00:00:00+00:00"  # exported again later: other bytes, same work
    data = ClassData([("anna.json", one), ("anna-again.json", json.dumps(raw).encode())])
    assert [f.file for f in data.files] == ["anna.json"]
    assert "anna-again.json holds the same learner and the same work as anna.json" in data.notes[0]


def test_one_name_with_different_work_is_counted_twice_with_a_note(tmp_path):
    a = export(tmp_path, "Anna", [("quiz", "oars-01", {"score": 1, "max": 1})], "a.json")
    b = export(tmp_path, "Anna", [("quiz", "oars-02", {"score": 0, "max": 1})], "b.json")
    data = ClassData([("a.json", a), ("b.json", b)])
    assert data.learners == 2
    assert "both carry the name Anna" in data.notes[0]


def test_files_past_the_limits_are_left_out_with_their_names(tmp_path):
    capped = ClassData(files(*GOOD), max_files=2)
    assert [f.file for f in capped.files] == ["anna.json", "ben.json"]
    assert capped.notes == ["At most 2 files can be read in all; these were left out: cara.json."]
    size = len((FIXTURES / "anna.json").read_bytes())
    small = ClassData(files(*GOOD), max_total=2 * size + 10)
    assert small.learners == 2 and "left out: cara.json" in small.notes[0] and "MB" in small.notes[0]
    assert MAX_FILES == 500


def test_clear_forgets_everything(klass):
    klass.add([("x.json", b"{}")])
    klass.clear()
    assert klass.files == [] and klass.bad == [] and klass.notes == [] and klass.exercises() == []
    assert klass.add(files("anna.json")).added == ["anna.json"]  # no longer a duplicate


# --- the figures -------------------------------------------------------------------------------


def test_scores_per_exercise(klass):
    stats = {(s.kind, s.ref): s for s in klass.exercises()}
    coding = stats["coding", "er-alcohol-mi"]
    assert coding.title == "Saturday night in the emergency room"
    assert coding.percents == pytest.approx((100 * 13 / 15, 100 * 12 / 15, 100.0))
    assert coding.learners == 3 and coding.median == pytest.approx(100 * 13 / 15)
    assert coding.lowest == pytest.approx(80.0) and coding.highest == 100.0
    assert coding.bins == (0, 0, 0, 0, 3)
    quiz = stats["quiz", "oars"]  # the quiz items count together per topic
    assert quiz.percents == (50.0, 0.0, 100.0) and quiz.bins == (1, 0, 1, 0, 1)
    assert quiz.title.startswith("Quiz: OARS")
    assert ("journal", "spirit") not in stats  # unscored
    assert klass.unscored() == {"journal": 3}


def test_the_heatmap_counts_gold_against_learner_codes_over_all_learners(klass):
    tables = klass.confusion()
    assert list(tables) == ["counselor"]  # nobody coded the client here
    c = tables["counselor"]
    assert c.labels == ("GI", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "uncoded")  # order of the scheme
    assert c.count("SR", "CR") == 3  # Anna twice, Ben once
    assert c.count("AF", "CR") == 1 and c.count("EMPH", "GI") == 1
    assert c.count("SR", "SR") == 3 * 3 - 3 and c.count("CR", "CR") == 3 * 4
    assert c.total == 45 and c.agreement.percent_agreement == pytest.approx(100 * 40 / 45)
    assert c.level("SR", "CR") == 4 and c.level("AF", "CR") == 2 and c.level("GI", "SR") == 0
    assert c.level("CR", "CR") == 4
    assert [m.text for m in klass.mix_ups()][:1] == ["SR (Simple Reflection) coded as CR (Complex Reflection): 3 times"]
    assert len(klass.mix_ups()) == 3


def test_mix_up_sentences_name_the_codes_and_no_code():
    assert mix_up_text("SR", "CR", 14) == "SR (Simple Reflection) coded as CR (Complex Reflection): 14 times"
    assert mix_up_text("Q", "uncoded", 1) == "Q (Question) left without a code: 1 time"
    assert mix_up_text("uncoded", "GI", 2) == "Utterances that take no code, coded as GI (Giving Information): 2 times"


def test_hardest_utterances_lowest_share_right_first(klass):
    hardest = klass.hardest_utterances()
    first = hardest[0]
    assert (first.ref, first.index, first.gold) == ("er-alcohol-mi", 3, "SR")
    assert first.text == "You're feeling pretty foolish about it."
    assert (first.right, first.answers, round(first.percent)) == (1, 3, 33)
    assert first.common_wrong == ("CR", 2)
    assert [round(u.percent) for u in hardest] == [33, 67, 67, 67]  # the ones all got right are left out
    assert klass.hardest_utterances(limit=2) == hardest[:2]
    assert ClassData(files("anna.json")).hardest_utterances() == []  # one learner is not enough
    assert [(u.index, u.right) for u in ClassData(files("anna.json")).hardest_utterances(min_answers=1)] == [(3, 0), (22, 0)]


def test_quiz_items_most_missed_first(klass):
    items = klass.missed_quiz_items()
    assert [(q.item, q.right, q.answers) for q in items] == [("oars-09", 1, 3), ("oars-01", 2, 3)]
    assert items[0].question == "Which of these would MITI 4.2.1 code as a question?"
    assert items[0].wrong == (("It sounds like Friday really shook you.", 2),)


def test_unreadable_coding_is_skipped_and_a_path_is_never_looked_up(tmp_path, monkeypatch):
    import mi_widgets.engine.library as library

    real = library.get_dialogue
    asked = []
    monkeypatch.setattr(library, "get_dialogue", lambda ref: asked.append(ref) or real(ref))
    labels = {"abc": "CR", "999": "SR", "3": "XYZ", "5": "CT", "8": 7, "10": "CR"}
    data = export(tmp_path, "X", [
        ("coding", "er-alcohol-mi", {"score": 1, "max": 15, "data": {"labels": labels}}),
        ("coding", "../../etc/passwd", {"score": 1, "max": 2, "data": {"labels": {"0": "SR"}}}),
        ("coding", "no-such-dialogue", {"score": 1, "max": 2, "data": {"labels": "not a dict"}}),
        ("quiz", "oars-01", {"score": 0, "max": 1, "data": {"first": "zero"}}),
    ])
    klass = ClassData([("x.json", data)])
    assert klass.confusion()["counselor"].total == 1  # only "10": "CR" could be read
    assert klass.coding_left_out() == (["../../etc/passwd", "no-such-dialogue"], 5)
    assert "../../etc/passwd" not in asked and asked == ["er-alcohol-mi", "no-such-dialogue"]
    assert klass.missed_quiz_items()[0].wrong == ()
    assert not safe_ref("/etc/passwd") and not safe_ref("a*") and safe_ref("er-alcohol-mi")


def test_journal_text_never_reaches_any_result(tmp_path):
    secret = "my very private reflection"
    data = export(tmp_path, "J", [("journal", "spirit", {"data": {"text": secret}, "title": "Spirit"}),
                                  ("quiz", "oars-01", {"score": 1, "max": 1})], private=True)
    assert secret.encode() in data  # the learner chose to include it in this file
    klass = ClassData([("j.json", data)])
    everything = json.dumps(klass.summary()) + klass.summary_csv().decode("utf-8-sig") + klass.records_csv().decode("utf-8-sig")
    assert secret not in everything


# --- exports -----------------------------------------------------------------------------------


def test_summary_csv_has_one_row_per_exercise(klass):
    table = rows(klass.summary_csv())
    assert table[0][:8] == ["kind", "ref", "title", "learners", "mean_percent", "median_percent", "min_percent", "max_percent"]
    assert table[0][8:] == ["learners_0_19", "learners_20_39", "learners_40_59", "learners_60_79", "learners_80_100"]
    assert table[1] == ["coding", "er-alcohol-mi", "Saturday night in the emergency room", "3", "88.9", "86.7", "80.0", "100.0", "0", "0", "0", "0", "3"]
    assert [r[:2] for r in table[1:]] == [["coding", "er-alcohol-mi"], ["quiz", "oars"]]


def test_records_csv_has_one_row_per_learner_and_record(klass):
    table = rows(klass.records_csv())
    assert table[0] == ["learner", "file", "kind", "ref", "title", "score", "max", "percent", "attempts", "last"]
    assert len(table) == 1 + 3 * 4
    anna = [r for r in table if r[0] == "Anna Berg" and r[2] == "coding"][0]
    assert anna[1:9] == ["anna.json", "coding", "er-alcohol-mi", "Saturday night in the emergency room", "13", "15", "86.7", "1"]
    journal = [r for r in table if r[2] == "journal"][0]
    assert journal[5:8] == ["", "", ""]


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(tmp_path):
    for risky in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"):
        assert csv_cell(risky) == "'" + risky
    assert csv_cell("Anna") == "Anna" and csv_cell(86.666) == "86.7" and csv_cell(None) == "" and csv_cell(3) == "3"
    data = export(tmp_path, '=HYPERLINK("http://x","y")', [("quiz", "oars-01", {"score": 1, "max": 1, "title": "@SUM(1)"})])
    table = rows(ClassData([("-evil.json", data)]).records_csv())
    assert table[1][:5] == ["'=HYPERLINK(\"http://x\",\"y\")", "'-evil.json", "quiz", "oars-01", "'@SUM(1)"]


def test_summary_is_plain_data(klass):
    plain = klass.summary()
    assert json.loads(json.dumps(plain)) == plain
    assert plain["files"][0] == {"file": "anna.json", "learner": "Anna Berg", "records": 4}
    assert plain["confusion"]["counselor"]["counts"]["SR"]["CR"] == 3
    assert plain["hardest"][0]["utterance"] == 4 and plain["quiz"][0]["item"] == "oars-09"


# --- charts ------------------------------------------------------------------------------------


def test_histogram_shows_its_numbers_in_text_and_escapes_the_title():
    svg = histogram_svg(ExerciseStat("coding", "x", "<script>alert(1)</script>", (10.0, 95.0, 99.0), (1, 0, 0, 0, 2)))
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "0–19 %: 1; 20–39 %: 0; 40–59 %: 0; 60–79 %: 0; 80–100 %: 2" in svg
    assert svg.count("<rect") == 2 and ">2</text>" in svg and ">1</text>" in svg


# --- the demo class ----------------------------------------------------------------------------


def test_demo_class_is_deterministic_and_reads_like_real_exports():
    one, two = demo_class(), demo_class()
    assert one == two and demo_class(seed=1) != one
    assert [n for n, _b in one][:2] == ["mi-workbook-progress-learner-01.json", "mi-workbook-progress-learner-02.json"]
    assert [read_progress(b, n).learner for n, b in one] == [f"Learner {k:02d}" for k in range(1, 13)]
    assert len(demo_class(n=3)) == 3


def test_demo_class_shows_the_typical_mix_ups():
    klass = ClassData(demo_class())
    assert klass.learners == 12 and klass.bad == []
    pairs = {(m.gold, m.learner) for m in klass.mix_ups(limit=20)}
    assert {("SR", "CR"), ("CR", "SR"), ("CT", "N"), ("Q", "GI")} <= pairs
    kinds = {s.kind for s in klass.exercises()}
    assert kinds == {"coding", "quiz", "rating"}
    assert len(klass.hardest_utterances()) == 10 and len(klass.missed_quiz_items()) == 9  # oars-02: all right
    assert all(s.percent < 100 for s in klass.hardest_utterances()) and all(q.percent < 100 for q in klass.missed_quiz_items())
