"""The session report engine: reading an upload, ratings, gaps, the report and its HTML fragment."""

import json
import re

import pytest

from mi_widgets.engine.errors import InputError, UsageError
from mi_widgets.engine.library import get_dialogue
from mi_widgets.engine.loaders import parse_transcript
from mi_widgets.engine.model import GlobalRatings
from mi_widgets.engine.report import build_report, render_html, render_html_fragment
from mi_widgets.engine.session import (
    MAX_UPLOAD_BYTES, SAMPLE_ID, TEMPLATE_ROWS, SessionRun, check_rating, check_size, filled_message, gaps_message,
    line_list, missing_note, read_upload, report_filename, sample_upload, size_text, template_csv, transcript_csv,
)

NASTY = b'speaker,text,code\ncounselor,"<img src=x onerror=alert(1)>",GI\nclient,"<script>alert(2)</script>",N\n'


def _bytes(fixtures, name: str) -> bytes:
    return (fixtures / "transcripts" / name).read_bytes()


def _expected(fixtures) -> dict:
    return json.loads((fixtures / "transcripts/practice-smoking.expected.json").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------- sizes
def test_sizes_read_for_a_person_and_round_up_past_a_limit():
    assert size_text(3) == "3 bytes"
    assert size_text(5000) == "5 KB"
    assert size_text(2 * 1024 * 1024) == "2 MB"
    assert size_text(2 * 1024 * 1024 + 1) == "2.1 MB"  # never "2 MB" for a file that is over 2 MB


def test_a_file_over_the_limit_is_refused_naming_the_file_and_both_sizes():
    with pytest.raises(InputError) as err:
        read_upload("big.csv", b"speaker,text,code\n" + b"x" * MAX_UPLOAD_BYTES)
    assert str(err.value) == "big.csv: the file is too large (2.1 MB); the limit is 2 MB"
    check_size("ok.csv", b"x" * MAX_UPLOAD_BYTES)  # exactly at the limit: allowed
    with pytest.raises(InputError, match=r"small\.csv: the file is too large \(20 bytes\); the limit is 10 bytes"):
        read_upload("small.csv", b"speaker,text,code\nx\n", limit=10)


# ----------------------------------------------------------------------------------- reading
def test_a_coded_transcript_reads_with_its_gaps(fixtures):
    upload = read_upload("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    want = _expected(fixtures)["utterances"]
    assert len(upload.dialogue.counselor_utterances) == want["counselor"] and len(upload.dialogue.client_utterances) == want["client"]
    assert upload.code_column and upload.has_codes
    assert [u.line for u in upload.uncoded] == [2, 24]
    assert len(upload.uncoded_counselor) == 1 and len(upload.uncoded_client) == 1


def test_a_danish_excel_export_just_works(fixtures):
    data = _bytes(fixtures, "practice-smoking-danish-excel.csv")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is Windows-1252
    danish = read_upload("praksis.csv", data).dialogue
    plain = read_upload("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv")).dialogue
    assert [(u.text, u.code, u.subcode) for u in danish.utterances] == [(u.text, u.code, u.subcode) for u in plain.utterances]
    assert "Søren" in danish.utterances[0].text


def test_only_the_files_own_name_is_kept():
    assert read_upload("some/folder/mine.csv", NASTY).name == "mine.csv"


@pytest.mark.parametrize("name, data, message", [
    ("empty.csv", b"  \n", "empty.csv: the file is empty"),
    ("blank.csv", b"speaker,text,code\n", "blank.csv:1: has a header but no utterances"),
    ("pic.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "pic.csv: is a binary file, not text"),
    ("book.xlsx", b"PK\x03\x04\x14\x00\x06\x00", "book.xlsx: is a ZIP or Excel workbook, not text: save it from the spreadsheet as CSV first"),
    ("open.csv", b'speaker,text,code\ncounselor,"never closed,GI\nclient,ok,N\n', "open.csv:2: malformed CSV"),
    ("rx.csv", b"speaker,text,code\ncounselor,Hello,GI\ncounselor,Take these,RX\n", "rx.csv:3: unknown code 'RX'"),
    ("who.csv", b"speaker,text,code\ndoctor,Hello,GI\n", "who.csv:2: unknown speaker 'doctor'"),
    ("cols.csv", b"who,said\nclient,hi\n", "cols.csv:1: missing column 'speaker', 'text'"),
])
def test_each_bad_upload_is_one_message_naming_the_file_and_line(name, data, message):
    with pytest.raises(InputError) as err:
        read_upload(name, data)
    assert str(err.value).startswith(message)
    assert len(err.value.problems) == 1


def test_a_file_without_any_codes_is_read_and_says_why(fixtures):
    plain = read_upload("plain-walking.csv", _bytes(fixtures, "plain-walking.csv"))
    assert not plain.code_column and not plain.has_codes
    status, title, text = gaps_message(plain)
    assert status == "warn" and title == "No codes in this file."
    assert "plain-walking.csv has 8 utterances but no MITI codes: its header has no 'code' column." in text
    assert "automatic coder" in text and "provisional" in text
    empty_column = read_upload("e.csv", b"speaker,text,code\ncounselor,Hello,\nclient,Hi,\n")
    assert empty_column.code_column and "its 'code' column is empty" in gaps_message(empty_column)[2]


def test_gaps_message_counts_and_lists_the_lines(fixtures):
    upload = read_upload("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    status, title, text = gaps_message(upload)
    assert (status, title) == ("info", "2 utterances without a code.")
    assert text.startswith("2 utterances have no code (lines 2, 24).")
    assert "One client utterance without a code" in text and "automatic coder" in text
    client_only = read_upload("c.csv", b"speaker,text,code\ncounselor,You want to stop.,SR\nclient,Mm.,\n")
    assert "automatic coder" not in gaps_message(client_only)[2]  # it codes counsellor utterances only
    full = read_upload("f.csv", b"speaker,text,code\ncounselor,You want to stop.,SR\nclient,I do.,CT\n")
    assert gaps_message(full) is None


def test_a_long_list_of_lines_is_cut_short():
    d = parse_transcript("speaker,text\n" + "".join(f"client,line {i}\n" for i in range(20)), "x.csv", require_code=False)
    assert line_list(list(d.utterances)) == "2, 3, 4, 5, 6, 7, 8, 9, …"


# ----------------------------------------------------------------------------- CSV out and back
@pytest.mark.parametrize("dialogue_id", ["er-alcohol-mi", "dental-hygiene", "quitline-smoking", "school-truancy-questions"])
def test_transcript_csv_reads_back_to_the_same_utterances(dialogue_id):
    d = get_dialogue(dialogue_id)
    back = parse_transcript(transcript_csv(d), "x.csv")
    assert [(u.speaker, u.text, u.code, u.subcode) for u in back.utterances] == [(u.speaker, u.text, u.code, u.subcode) for u in d.utterances]


def test_the_template_is_a_small_valid_coded_example():
    text = template_csv()
    assert text.startswith("speaker,text,code,subcode\r\n")
    d = parse_transcript(text, "coded-transcript-template.csv")
    assert len(d.utterances) == TEMPLATE_ROWS
    labels = {u.label for u in d.utterances}
    assert None in labels and "Q:open" in labels and {"SR", "CR"} & labels
    assert {u.code for u in d.client_utterances} >= {"N", "CT"}


def test_the_sample_is_a_library_dialogue_as_csv():
    name, data, dialogue = sample_upload()
    assert name == f"{SAMPLE_ID}.csv" and dialogue.id == SAMPLE_ID
    assert len(read_upload(name, data).dialogue.utterances) == len(dialogue.utterances)
    with pytest.raises(InputError, match="no-such-dialogue: no dialogue with this id"):
        sample_upload("no-such-dialogue")


@pytest.mark.parametrize("name, want", [
    ("practice-smoking.csv", "practice-smoking-miti-report.html"),
    ("Session 3 (Anna).tsv", "Session-3-Anna-miti-report.html"),
    ('<b>"x"&.csv', "b-x-miti-report.html"),
    ("¿¿.csv", "session-miti-report.html"),
])
def test_report_file_name_comes_from_the_upload(name, want):
    assert report_filename(name) == want


# ------------------------------------------------------------------------------------ ratings
def test_ratings_are_checked():
    assert check_rating("cct", 5) == 5 and check_rating("empathy", None) is None
    for key, value in [("warmth", 3), ("cct", 0), ("cct", 6), ("cct", 2.5), ("cct", True), ("cct", "3")]:
        with pytest.raises(UsageError):
            check_rating(key, value)


def test_missing_ratings_are_named_with_what_they_leave_out():
    assert missing_note({"cct": 3, "sst": 3, "partnership": 4, "empathy": 4}) == ""
    assert missing_note({"cct": None, "sst": None, "partnership": None, "empathy": None}) == "No global ratings given: the Technical and Relational scores are left out."
    assert missing_note({"cct": 3, "sst": 4, "partnership": None, "empathy": None}) == "Not rated: Partnership, Empathy. The Relational score needs them, so it is left out."
    assert missing_note({"cct": 3, "sst": None, "partnership": 4, "empathy": 4}) == "Not rated: Softening Sustain Talk. The Technical score needs it, so it is left out."
    assert "Technical and Relational scores need them" in missing_note({"cct": None, "sst": 2, "partnership": 4, "empathy": None})


# --------------------------------------------------------------------------------------- the run
def test_the_report_has_the_expected_figures(fixtures):
    want = _expected(fixtures)
    run = SessionRun()
    run.load("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    for key in ("cct", "sst", "partnership", "empathy"):
        run.rate(key, want["summary_with_globals"][key])
    report = run.make()
    assert report["counts"] == {**dict.fromkeys(report["counts"], 0), **want["counts"]}
    assert report["client_counts"] == want["client_counts"]
    for key, value in want["summary"].items():
        assert report["summary"][key] == pytest.approx(value, abs=1e-3)
    assert report["summary"]["technical"] == 3.5 and report["summary"]["relational"] == 3.5
    assert report["levels"] == want["levels"]
    assert report["provisional"] is False and run.report_of == "practice-smoking.csv"
    assert run.filename == "practice-smoking-miti-report.html"
    assert run.html.startswith("<!DOCTYPE html>") and "<title>MITI 4.2.1 report: practice-smoking.csv</title>" in run.html
    assert run.fragment.startswith('<div class="miti-report"') and "1.00 : 1" in run.fragment and "57 %" in run.fragment


def test_a_bad_upload_changes_nothing(fixtures):
    run = SessionRun()
    run.load("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    report = run.make()
    before = (run.upload, run.report, run.html, run.fragment)
    with pytest.raises(InputError):
        run.load("bad.csv", b"speaker,text,code\ncounselor,<script>x</script>,XX\n")
    assert (run.upload, run.report, run.html, run.fragment) == before and run.report is report


def test_a_new_upload_drops_the_old_report_and_the_filled_codes(fixtures):
    run = SessionRun()
    run.load("plain-walking.csv", _bytes(fixtures, "plain-walking.csv"))
    run.fill_gaps()
    run.make()
    run.load("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    assert run.report is None and run.html is None and not run.provisional and run.n_filled == 0


def test_filling_the_gaps_makes_a_provisional_report(fixtures):
    run = SessionRun()
    upload = run.load("plain-walking.csv", _bytes(fixtures, "plain-walking.csv"))
    assert not run.ready and run.can_fill
    with pytest.raises(UsageError, match="no codes"):
        run.make()
    filled = run.fill_gaps()
    assert 0 < filled <= len(upload.uncoded_counselor) and run.provisional and run.ready and not run.can_fill
    assert run.upload.dialogue.utterances[0].code is None  # the upload itself is kept as it was
    report = run.make()
    assert report["provisional"] is True
    assert "PROVISIONAL" in run.html and "PROVISIONAL" in run.fragment
    message = filled_message(upload, filled)
    assert message.startswith(f"The automatic coder filled in {filled} of {len(upload.uncoded_counselor)} counsellor utterances")
    assert "4 client utterances stay without a code" in message and "PROVISIONAL" in message
    assert message.endswith("Automatic coders are weakest at simple versus complex reflections (published F1 around 0.55), so check those first.")
    coded = read_upload("p.csv", _bytes(fixtures, "practice-smoking.csv"))
    assert "It found no code for the rest" in filled_message(coded, 0) and "One client utterance stays" in filled_message(coded, 0)


def test_nothing_loaded_is_a_usage_error():
    run = SessionRun()
    assert run.dialogue is None and not run.ready and not run.can_fill
    with pytest.raises(UsageError):
        run.make()
    with pytest.raises(UsageError):
        run.fill_gaps()


def test_html_in_a_transcript_is_escaped_in_the_page_and_the_fragment():
    run = SessionRun()
    run.load("nasty.csv", NASTY)
    run.make()
    for html in (run.html, run.fragment):
        assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<script>alert(2)" not in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


# ------------------------------------------------------------------------ the report as a fragment
def test_the_fragment_fits_inside_a_page(fixtures):
    d = parse_transcript(_bytes(fixtures, "practice-smoking.csv").decode("utf-8"), "practice-smoking.csv")
    report = build_report(d, GlobalRatings(3, 4, 4, 3))
    frag = render_html_fragment(report, d)
    assert "<html" not in frag and "<head" not in frag and "<body" not in frag and "<main" not in frag
    assert frag.count("<style>") == 1 and re.findall(r"^\.miti-report", frag, re.M)  # its style is scoped
    assert all(rule.startswith(".miti-report") for rule in re.findall(r"^(\S[^{]*)\{", frag.split("<style>")[1].split("</style>")[0], re.M))
    assert "<h4>MITI 4.2.1 report: practice-smoking.csv</h4>" in frag and '<h5 id="miti-h-summary">' in frag
    assert "<h1" not in frag and "<h2" not in frag
    ids = re.findall(r'\bid="([^"]+)"', frag)
    assert ids and all(i.startswith("miti-") for i in ids)
    assert all(ref in ids for ref in re.findall(r'aria-labelledby="([^"]+)"', frag))
    assert "<details><summary>Show the transcript (43 utterances)</summary>" in frag
    assert "✔ good" in frag and "◐ fair" in frag and 'role="img"' in frag
    top = render_html_fragment(report, d, heading_level=2, id_prefix="x-", fold_transcript=False)
    assert "<h2>MITI" in top and '<h3 id="x-h-summary">' in top and "<details>" not in top
    with pytest.raises(ValueError):
        render_html_fragment(report, d, heading_level=5)


def test_the_full_page_keeps_its_own_structure(fixtures):
    d = parse_transcript(_bytes(fixtures, "practice-smoking.csv").decode("utf-8"), "practice-smoking.csv")
    page = render_html(build_report(d), d)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<h1>MITI 4.2.1 report: practice-smoking.csv</h1>" in page and '<h2 id="h-summary">' in page
    assert '<h2 id="h-transcript">Transcript</h2>\n<table>' in page and "<details>" not in page
    assert "</p>\n</main>" in page
