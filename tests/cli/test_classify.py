"""`mi-workbook classify` and `mi-workbook report --auto`."""

from __future__ import annotations

import io
import json


def test_classify_texts_as_json_in_order(cli):
    code, out, err = cli("classify", "Do you drink at home?", "You should cut down.", "Mm-hmm.", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [d["text"] for d in data] == ["Do you drink at home?", "You should cut down.", "Mm-hmm."]
    assert [(d["code"], d["question_type"]) for d in data] == [("Q", "closed"), ("PERS", None), (None, None)]
    assert all(isinstance(d["reasons"], list) and d["reasons"] for d in data)


def test_classify_text_output_shows_code_and_reasons(cli):
    code, out, _ = cli("classify", "What would you like to be different?")
    assert code == 0
    first, second = out.splitlines()[:2]
    assert first.startswith("Q (open)") and first.endswith("What would you like to be different?")
    assert second.strip().startswith("- ") and "open question" in out


def test_classify_file_of_lines_and_csv_with_context(cli, tmp_path):
    lines = tmp_path / "practice.txt"
    lines.write_text("Are you working at the moment?\n\nIt's your decision.\n", encoding="utf-8")
    code, out, _ = cli("classify", "--file", lines, "--format", "json")
    assert code == 0 and [d["code"] for d in json.loads(out)] == ["Q", "EMPH"]
    table = tmp_path / "practice.csv"
    table.write_text("context,text\n\"I drink because I'm bored, mostly.\",\"You drink because you're bored, mostly.\"\n", encoding="utf-8")
    code, out, _ = cli("classify", "--file", table, "--format", "json")
    assert code == 0 and json.loads(out)[0]["code"] == "SR"


def test_classify_reads_standard_input(cli, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Do you smoke?\nTell me about your week.\n"))
    code, out, _ = cli("classify", "--file", "-", "--format", "json")
    assert code == 0 and [d["question_type"] for d in json.loads(out)] == ["closed", "open"]


def test_classify_html_in_a_line_stays_text(cli, tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("<b>Do you</b> smoke?\n", encoding="utf-8")
    code, out, _ = cli("classify", "--file", p, "--format", "json")
    assert code == 0 and json.loads(out)[0]["text"] == "<b>Do you</b> smoke?"


def test_classify_errors_are_one_line(cli, tmp_path):
    code, out, err = cli("classify")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "give an utterance" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("who,what\na,b\n", encoding="utf-8")
    code, out, err = cli("classify", "--file", bad)
    assert code == 2 and f"{bad}:1: a CSV to classify needs a 'text' column" in err
    code, out, err = cli("classify", "--file", tmp_path / "missing.txt")
    assert code == 2 and "no such file" in err


def test_report_auto_fills_a_plain_transcript_and_is_provisional(cli, tmp_path):
    plain = tmp_path / "session.csv"
    plain.write_text(
        "speaker,text\n"
        "counsellor,What brings you in today?\n"
        "client,My doctor says I should drink less.\n"
        "counsellor,Your doctor is worried about your drinking.\n"
        "client,I guess I want to feel better in the mornings.\n"
        "counsellor,You should stop drinking on weeknights.\n",
        encoding="utf-8",
    )
    code, out, err = cli("report", plain, "--format", "json")
    assert code == 2 and "missing column 'code'" in err, "without --auto a transcript needs codes"
    code, out, err = cli("report", plain, "--auto", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["provisional"] is True
    assert report["counts"]["Q"] == 1 and report["counts"]["PERS"] == 1 and report["counts"]["SR"] + report["counts"]["CR"] == 1
    assert "filled 3 counsellor codes" in err
    code, text, _ = cli("report", plain, "--auto")
    assert "PROVISIONAL" in text


def test_report_auto_keeps_gold_codes(cli):
    code, out, err = cli("report", "er-alcohol-mi", "--auto", "--format", "json")
    assert code == 0
    code2, plain, _ = cli("report", "er-alcohol-mi", "--format", "json")
    auto, gold = json.loads(out), json.loads(plain)
    assert auto["provisional"] is True and gold["provisional"] is False
    # --auto only adds codes where there were none: no gold code is changed or dropped
    assert all(auto["raw_counts"].get(c, 0) >= n for c, n in gold["raw_counts"].items())
    assert sum(auto["raw_counts"].values()) - sum(gold["raw_counts"].values()) == int(err.split("filled ")[1].split()[0])
