"""The class results dashboard, driven from Python."""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import datetime, timezone
from pathlib import Path

import ipywidgets as w

import mi_widgets as mi

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "class"
GOOD = ("anna.json", "ben.json", "cara.json")


def files(*names: str) -> list[tuple[str, bytes]]:
    return [(n, (FIXTURES / n).read_bytes()) for n in names]


def text(html: str) -> str:
    """What a reader sees: the tags gone, entities left as they are."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def buttons(board) -> dict[str, w.Button]:
    return {b.description: b for b in _walk(board) if isinstance(b, w.Button)}


def test_it_starts_empty_with_a_lead_an_upload_and_two_buttons(progress_file):
    board = mi.ClassResults()
    assert re.search(r"<h3[^>]*>Class results: scores, mix-ups and missed questions</h3>", board.header.value)
    lead = board.children[2].value
    assert "Export my progress" in lead and "never saved or sent on" in lead and "500 files" in lead
    assert "on your own computer (type make dashboard in the workbook folder; see the README)" in lead
    assert "with the instructors&#x27; Binder link, on Binder&#x27;s temporary server" in lead
    assert board.upload.multiple is True and ".json" in board.upload.accept
    assert board.upload.description == "Upload progress files"
    assert {"Load a demo class", "Clear"} <= set(buttons(board))
    assert "No files read yet." in board.sections["files"].value
    assert all(board.sections[k].value == "" for k in ("scores", "codes", "hardest", "quiz", "download"))
    assert not progress_file.exists()  # the dashboard never writes the instructor's progress


def test_files_are_read_and_every_section_fills():
    board = mi.ClassResults()
    result = board.add_files(files(*GOOD))
    assert result.added == list(GOOD)
    assert "miw-ok" in board.feedback.value and "3 files read." in board.feedback.value and "3 learners" in board.feedback.value
    shown = text(board.sections["files"].value)
    assert "Anna Berg" in shown and "Ben Olsen" in shown and "anna.json" in shown
    for key, heading in (("scores", "Scores per exercise"), ("codes", "Codes the class confuses"), ("hardest", "Hardest utterances"),
                         ("quiz", "Quiz items most missed"), ("download", "Download")):
        assert f"<h4>{heading}</h4>" in board.sections[key].value
    assert board.results["files"][2]["learner"] == "<script>alert(1)</script> Cara"


def test_learner_names_from_files_are_shown_as_text_never_as_html():
    board = mi.ClassResults()
    board.add_files(files(*GOOD) + [("<img src=x onerror=alert(1)>.json", b"{}")])
    everything = "".join(s.value for s in board.sections.values()) + board.feedback.value
    assert "<script>" not in everything and "<img" not in everything
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Cara" in board.sections["files"].value
    assert "&lt;img src=x onerror=alert(1)&gt;.json" in board.sections["files"].value


def test_a_bad_file_gets_its_message_and_the_good_ones_are_read():
    board = mi.ClassResults()
    board.add_files(files("anna.json", "not-progress.json", "ben.json"))
    assert "miw-part" in board.feedback.value and "2 files read, 1 not read." in board.feedback.value
    assert "not-progress.json: not an MI Workbook progress file" in text(board.feedback.value)
    section = board.sections["files"].value
    assert "miw-bad" in section and "1 file not read:" in section
    assert "not-progress.json: not an MI Workbook progress file" in section
    only_bad = mi.ClassResults()
    only_bad.add_files([("empty.json", b"")])
    assert "miw-bad" in only_bad.feedback.value and "Not loaded." in only_bad.feedback.value and "empty.json" in only_bad.feedback.value


def test_duplicates_are_noted():
    board = mi.ClassResults()
    board.add_files(files("anna.json"))
    board.add_files(files("anna.json"))
    assert "No new files." in board.feedback.value and "counted once" in board.feedback.value
    assert "Notes:" in board.sections["files"].value and board.data.learners == 1
    board.add_files(files("anna.json", "ben.json"))
    assert "1 file read." in board.feedback.value and "anna.json is the same file as anna.json" in board.feedback.value
    assert board.data.learners == 2


def test_the_heatmap_carries_counts_as_text_and_shade():
    board = mi.ClassResults()
    board.add_files(files(*GOOD))
    codes = board.sections["codes"].value
    assert "SR (Simple Reflection) coded as CR (Complex Reflection): 3 times" in codes
    table = re.search(r'<table class="miw-table miw-heat">.*?</table>', codes).group(0)
    assert "<caption>Counsellor codes: the expert&#x27;s code (rows) against the class&#x27;s code (columns)</caption>" in table
    assert "Bold numbers on the diagonal are agreement" in codes
    sr_row = re.search(r'<tr><th scope="row">SR</th>(.*?)</tr>', table).group(1)
    cells = re.findall(r'<td class="([^"]*)"[^>]*>(\d+)</td>', sr_row)
    heads = re.findall(r'<th scope="col">([^<]*)</th>', table)[1:]
    by_code = dict(zip(heads, cells))
    assert by_code["CR"] == ("miw-m4", "3")  # the most frequent mix-up: darkest, and the number
    assert by_code["SR"] == ("miw-a3 miw-diag", "6")  # agreement: bold on the diagonal
    assert by_code["GI"] == ("miw-h0", "0")
    assert "Agreement with the expert: 89 % of 45 codes" in codes
    assert "(agreement after allowing for chance; 0.6 or more is a common rule of thumb for good agreement, not a MITI figure)" in codes


def test_the_hardest_utterance_and_the_most_missed_quiz_item_are_shown():
    board = mi.ClassResults()
    board.add_files(files(*GOOD))
    hardest = board.sections["hardest"].value
    first_row = re.search(r"<tbody><tr>(.*?)</tr>", hardest).group(1)
    assert "You&#x27;re feeling pretty foolish about it." in first_row
    assert "SR (Simple Reflection)" in first_row and "1 of 3 (33 %)" in first_row and "CR (Complex Reflection): 2" in first_row
    assert re.search(r"<small>utterance \d+</small>", first_row) and "line " not in first_row  # as the Presenter numbers them
    quiz = re.search(r"<tbody><tr>(.*?)</tr>", board.sections["quiz"].value).group(1)
    assert "Which of these would MITI 4.2.1 code as a question?" in quiz and "1 of 3 (33 %)" in quiz
    assert "It sounds like Friday really shook you. (2)" in quiz
    scores = board.sections["scores"].value
    assert "Saturday night in the emergency room" in scores and 'role="img"' in scores and "89 %" in scores
    assert "For global ratings, a score is the share of the learner&#x27;s globals within one point of the expert&#x27;s." in scores


def test_two_csv_downloads_hold_the_aggregate_and_the_learners():
    board = mi.ClassResults()
    board.add_files(files(*GOOD))
    links = re.findall(r'<a class="miw-download" download="([^"]+)" href="data:text/csv;base64,([^"]+)">([^<]+)</a>', board.sections["download"].value)
    assert [l[2] for l in links] == ["Download the summary per exercise (CSV)", "Download every learner&#x27;s scores (CSV)"]
    summary = list(csv.reader(io.StringIO(base64.b64decode(links[0][1]).decode("utf-8-sig"))))
    learners = list(csv.reader(io.StringIO(base64.b64decode(links[1][1]).decode("utf-8-sig"))))
    assert summary[0][:4] == ["kind", "ref", "title", "learners"] and summary[1][:4] == ["coding", "er-alcohol-mi", "Saturday night in the emergency room", "3"]
    assert learners[0][0] == "learner" and len(learners) == 13
    assert links[0][0].startswith("class-results-summary-") and links[0][0].endswith(".csv")


def test_journal_text_never_shows():
    board = mi.ClassResults()
    board.add_files(files(*GOOD))
    assert "private thought" not in "".join(s.value for s in board.sections.values())


def test_load_demo_fills_and_clear_empties():
    board = mi.ClassResults()
    board.add_files(files("anna.json"))
    buttons(board)["Load a demo class"].click()
    assert board.data.learners == 12  # the demo replaces what was loaded
    assert "Demo class loaded." in board.feedback.value and "Learner 12" in board.sections["files"].value
    assert "coded as" in board.sections["codes"].value
    buttons(board)["Clear"].click()
    assert board.data.learners == 0 and "Cleared." in board.feedback.value
    assert "No files read yet." in board.sections["files"].value and board.sections["codes"].value == ""


def test_an_upload_through_the_file_control_is_read_and_the_control_emptied():
    board = mi.ClassResults()
    board.upload.value = tuple(
        {"name": name, "type": "application/json", "size": len(data), "content": memoryview(data), "last_modified": datetime(2025, 3, 10, tzinfo=timezone.utc)}
        for name, data in files("anna.json", "not-progress.json")
    )
    assert [f.file for f in board.data.files] == ["anna.json"]
    assert "not-progress.json" in board.sections["files"].value
    assert board.upload.value == ()


def test_every_label_goes_through_the_translation_function(pseudo_language):
    board = mi.ClassResults()
    board.load_demo()
    labels = [x.description for x in _walk(board) if isinstance(x, (w.Button, w.FileUpload))]
    assert len(labels) == 3 and all(l.startswith("⟦") for l in labels), labels
    assert "⟦Class results: scores, mix-ups and missed questions⟧" in board.header.value
    for heading in re.findall(r"<h4>(.*?)</h4>", "".join(s.value for s in board.sections.values())):
        assert heading.startswith("⟦"), heading
