"""The `mi-workbook` command: reports in three formats, validate, list, and bad input."""

import hashlib
import json
import subprocess
import sys

import pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TRANSCRIPT = "transcripts/practice-smoking.csv"
DANISH = "transcripts/practice-smoking-danish-excel.csv"
GLOBALS = ["--cct", "3", "--sst", "4", "--partnership", "4", "--empathy", "3"]


def test_json_report_matches_the_hand_count(cli, fixtures):
    expected = json.loads((fixtures / "transcripts/practice-smoking.expected.json").read_text())
    code, out, err = cli("report", fixtures / TRANSCRIPT, "--format", "json", *GLOBALS)
    assert code == 0 and err == ""
    data = json.loads(out)
    for key in ("utterances", "counts", "raw_counts", "client_counts", "levels"):
        assert data[key] == expected[key], key
    assert data["summary"]["technical"] == 3.5 and data["summary"]["relational"] == 3.5


def test_danish_excel_export_gives_the_same_figures(cli, fixtures):
    assert b";" in (fixtures / DANISH).read_bytes()[:40]
    with pytest.raises(UnicodeDecodeError):
        (fixtures / DANISH).read_bytes().decode("utf-8")
    _, a, _ = cli("report", fixtures / TRANSCRIPT, "--format", "json", *GLOBALS)
    code, b, _ = cli("report", fixtures / DANISH, "--format", "json", *GLOBALS)
    a, b = json.loads(a), json.loads(b)
    assert code == 0
    for key in ("utterances", "counts", "raw_counts", "client_counts", "summary", "levels", "warnings"):
        assert a[key] == b[key], key


def test_text_and_html_reports(cli, fixtures, tmp_path):
    code, out, _ = cli("report", fixtures / TRANSCRIPT, *GLOBALS)
    assert code == 0 and "Reflection-to-question ratio (R:Q)" in out and "57 %  ✔ good" in out
    target = tmp_path / "report.html"
    code, out, err = cli("report", fixtures / TRANSCRIPT, "--format", "html", "--output", target)
    assert code == 0 and out == "" and "wrote" in err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Søren" in page


def test_report_uses_the_dialogues_expert_globals_unless_overridden(cli):
    code, out, _ = cli("report", str(ROOT / "data/dialogues/er-alcohol-mi.yaml"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["globals"] == {"cct": 5, "sst": 4, "partnership": 4, "empathy": 4}
    _, out, _ = cli("report", str(ROOT / "data/dialogues/er-alcohol-mi.yaml"), "--format", "json", "--cct", "2")
    assert json.loads(out)["globals"]["cct"] == 2


def test_report_takes_a_library_id_and_names_an_unknown_one(cli):
    code, out, _ = cli("report", "gp-diabetes-advice", "--format", "json")
    assert code == 0 and json.loads(out)["title"].startswith("Tablets and grandchildren")
    code, out, err = cli("report", "no-such-dialogue")
    assert code == 2 and out == "" and err.strip() == "mi-workbook: no-such-dialogue: no dialogue with this id in the library, and no such file"


def test_validate_counts_a_missing_path_as_checked(cli, tmp_path):
    code, _, err = cli("validate", tmp_path / "gone.yaml", ROOT / "data" / "README.md")
    assert code == 2 and "gone.yaml: no such file or folder" in err
    assert err.strip().endswith("2 files checked: 2 with problems (2 in all)")


def test_output_never_replaces_a_file_without_force_nor_the_input(cli, fixtures, copy_fixture, tmp_path):
    target = tmp_path / "mine.txt"
    target.write_text("the learner's own notes")
    code, _, err = cli("report", fixtures / TRANSCRIPT, "--output", target)
    assert code == 2 and "already exists; use --force" in err
    assert target.read_text() == "the learner's own notes"
    assert cli("report", fixtures / TRANSCRIPT, "--output", target, "--force")[0] == 0
    assert "MITI 4.2.1 report" in target.read_text()
    src = copy_fixture(TRANSCRIPT)
    before = src.read_bytes()
    code, _, err = cli("report", src, "--output", src, "--force")
    assert code == 2 and "is the input file" in err and src.read_bytes() == before


BAD = {
    "unknown code": ("speaker,text,code\ncounselor,Hi there,XYZ\n", "bad.csv:2: unknown code 'XYZ'"),
    "client row with a counsellor code": ("speaker,text,code\ncounselor,How so?,Q\nclient,Because,CR\n", "bad.csv:3: 'CR' is a counsellor code on a client utterance"),
    "missing column": ("speaker,utterance,code\nclient,hi,N\n", "bad.csv:1: missing column 'text'"),
    "empty file": ("", "bad.csv: the file is empty"),
    "binary file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "bad.csv: is a binary file"),
    "excel workbook": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "bad.csv: is a ZIP or Excel workbook"),
    "unclosed quote": ('speaker,text,code\ncounselor,"Tell me,Q\nclient,ok,N\n', "bad.csv:2: malformed CSV"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_input_gives_exit_2_and_one_line(cli, tmp_path, case):
    content, expected = BAD[case]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content.encode() if isinstance(content, str) else content)
    digest = hashlib.sha256(bad.read_bytes()).hexdigest()
    code, out, err = cli("report", bad)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err and str(tmp_path) in err
    assert "Traceback" not in err
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest  # nothing the user gave is changed


@pytest.mark.parametrize("value", ["0", "6", "3.5", "high"])
def test_a_global_rating_outside_1_to_5_gives_one_line(cli, fixtures, value):
    code, out, err = cli("report", fixtures / TRANSCRIPT, "--empathy", value)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "--empathy" in err and "whole number from 1 to 5" in err and f"'{value}'" in err


def test_bad_yaml_gives_one_line_with_file_line_and_field(cli, tmp_path):
    bad = tmp_path / "oops.yaml"
    bad.write_text("id: oops\ntitle: t\ntopic: x\nlanguage: en\nchange_goal: g\nutterances:\n  - speaker: client\n    text: hi\n    code: SR\n")
    code, _, err = cli("report", bad)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "oops.yaml:9: utterance 1, field 'code': 'SR' is a counsellor code on a client utterance" in err


def test_validate_reports_every_problem_and_a_total(cli, tmp_path):
    (tmp_path / "a.yaml").write_text("id: a\ntitle: t\ntopic: x\nlanguage: xx\nchange_goal: g\nutterances:\n  - {speaker: client, text: hi, code: BAD}\n")
    (tmp_path / "b.yaml").write_text("not: [closed\n")
    code, out, err = cli("validate", tmp_path)
    lines = err.strip().splitlines()
    assert code == 2 and out == ""
    assert any("a.yaml:4: field 'language'" in ln for ln in lines)
    assert any("b.yaml:" in ln and "not valid YAML" in ln for ln in lines)
    assert lines[-1].startswith("2 files checked: 2 with problems")


def test_validate_and_list_the_bundled_library(cli):
    code, out, _ = cli("validate", ROOT / "data")
    assert code == 0 and "all valid" in out
    code, out, _ = cli("list", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and {"id", "title", "topic", "language", "n_utterances", "pair"} <= set(rows[0])
    by_id = {r["id"]: r for r in rows}
    assert by_id["er-alcohol-mi"]["pair"] == "er-alcohol-righting"
    code, out, _ = cli("list")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["id", "lang", "topic"]


def test_list_of_a_missing_folder(cli, tmp_path):
    code, _, err = cli("list", tmp_path / "nowhere")
    assert code == 2 and "no such folder" in err


def test_console_script_and_python_m_agree(fixtures):
    """The installed entry point and `python -m mi_widgets` run the same program."""
    import shutil

    script = shutil.which("mi-workbook", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert script, "the mi-workbook console script is not installed"
    a = subprocess.run([script, "report", str(fixtures / TRANSCRIPT), "--format", "json"], capture_output=True, text=True)
    b = subprocess.run([sys.executable, "-m", "mi_widgets", "report", str(fixtures / TRANSCRIPT), "--format", "json"], capture_output=True, text=True)
    assert a.returncode == b.returncode == 0 and a.stdout == b.stdout
    bad = subprocess.run([script, "report", "missing.csv"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.strip() == "mi-workbook: missing.csv: no such file"


@pytest.mark.parametrize("lang, heading, client_talk", [
    ("da", "Rådgiverens adfærd", "forandringsudsagn"),
    ("nb", "Behandlerens atferd", "forandringsutsagn"),
])
def test_report_lang_gives_the_text_and_html_report_in_that_language(cli, tmp_path, lang, heading, client_talk):
    code, out, err = cli("report", "--lang", lang, "quitline-smoking")
    assert code == 0 and err == ""
    assert heading in out and client_talk in out and "Counsellor behaviour" not in out
    page = tmp_path / "r.html"
    code, _out, _err = cli("report", "quitline-smoking", "--format", "html", "--lang", lang, "-o", page)
    html = page.read_text(encoding="utf-8")
    assert code == 0 and f'<html lang="{lang}"' in html and heading in html and "Summary scores" not in html


def test_the_language_after_the_command_wins_over_the_one_before(cli):
    code, out, _err = cli("--lang", "nb", "report", "--lang", "da", "quitline-smoking")
    assert code == 0 and "Rådgiverens adfærd" in out


def test_a_bad_transcript_is_reported_in_the_chosen_language(cli, tmp_path):
    bad = tmp_path / "samtale.csv"
    bad.write_text("speaker,text,code\nlærer,Hej,Q\n", encoding="utf-8")
    code, out, err = cli("report", "--lang", "da", bad)
    assert code == 2 and out == "" and "samtale.csv:2: ukendt taler 'lærer'" in err
