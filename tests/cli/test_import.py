"""`mi-workbook import annomi` and `mi-workbook import csv`: summary, warnings, no overwrite, bad input."""

import hashlib
import json

import pytest

from mi_widgets.engine.importers import SIMPLE_LAYOUT_WARNING

FULL = "annomi/full.csv"
SIMPLE = "annomi/simple.csv"
PLAIN = "transcripts/plain-walking.csv"


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_import_annomi_full_prints_a_summary_and_each_warning(cli, fixtures, tmp_path):
    out = tmp_path / "annomi"
    code, stdout, stderr = cli("import", "annomi", fixtures / FULL, "--out", out)
    assert code == 0
    assert stdout == f"imported 2 transcripts (21 utterances) into {out}\n"
    assert stderr.splitlines() == [
        "warning: transcript 3 had 2 annotators: kept annotator 0 (the lowest id) and set aside 1 other coding (6 rows)",
        "warning: 1 reflection row had reflection_subtype n/a and was coded SR (line 22)",
    ]
    assert sorted(p.name for p in out.iterdir()) == ["annomi-3.yaml", "annomi-7.yaml"]


def test_import_annomi_simple_warns_about_the_missing_subtypes(cli, fixtures, tmp_path):
    code, stdout, stderr = cli("import", "annomi", fixtures / SIMPLE, "--out", tmp_path)
    assert code == 0 and stdout == f"imported 2 transcripts (18 utterances) into {tmp_path}\n"
    assert stderr == f"warning: {SIMPLE_LAYOUT_WARNING}\n"
    assert "reflections were coded SR, so % complex reflections will read 0" in SIMPLE_LAYOUT_WARNING


def test_list_validate_and_report_read_the_imported_files(cli, fixtures, tmp_path):
    assert cli("import", "annomi", fixtures / FULL, "--out", tmp_path)[0] == 0
    assert cli("import", "annomi", fixtures / SIMPLE, "--out", tmp_path)[0] == 0
    code, out, err = cli("list", tmp_path, "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and err == ""
    assert sorted(rows) == ["annomi-12", "annomi-3", "annomi-5", "annomi-7"]
    assert (rows["annomi-7"]["n_utterances"], rows["annomi-7"]["style"], rows["annomi-7"]["topic"]) == (15, "mi_inconsistent", "taking-medicine-following-medical-procedure")
    code, out, _ = cli("list", tmp_path)
    assert code == 0 and out.splitlines()[0].split()[:3] == ["id", "lang", "topic"] and len(out.splitlines()) == 5
    code, out, _ = cli("validate", tmp_path)
    assert code == 0 and out.strip() == "4 files checked: all valid (4 dialogues (39 utterances))"
    code, out, _ = cli("report", tmp_path / "annomi-7.yaml", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {k: data["raw_counts"][k] for k in ("GI", "PERS", "Q", "SR", "CR")} == {"GI": 3, "PERS": 1, "Q": 2, "SR": 2, "CR": 0}
    assert data["client_counts"] == {"CT": 2, "ST": 1, "N": 3}


def test_a_second_import_needs_force_and_changes_nothing_without_it(cli, fixtures, tmp_path):
    assert cli("import", "annomi", fixtures / FULL, "--out", tmp_path)[0] == 0
    (tmp_path / "annomi-7.yaml").write_text("edited by hand", encoding="utf-8")
    before = digest(tmp_path)
    code, out, err = cli("import", "annomi", fixtures / FULL, "--out", tmp_path)
    assert code == 2 and out == ""
    assert err == f"mi-workbook: {tmp_path / 'annomi-3.yaml'}: already exists, as do 1 more of the 2 files to write; use --force to replace them\n"
    assert digest(tmp_path) == before
    code, out, _ = cli("import", "annomi", fixtures / FULL, "--out", tmp_path, "--force")
    assert code == 0 and out.startswith("imported 2 transcripts")
    assert "edited by hand" not in (tmp_path / "annomi-7.yaml").read_text(encoding="utf-8")


def test_import_csv_with_metadata(cli, fixtures, tmp_path):
    code, out, err = cli("import", "csv", fixtures / PLAIN, "--out", tmp_path, "--id", "ingrid-walks", "--title", "Ingrid walks again",
                         "--topic", "walking", "--change-goal", "Walk three times a week")
    assert code == 0 and out == f"imported 1 transcript (8 utterances) into {tmp_path}\n"
    assert err == "warning: no utterance carries a code: the dialogue was imported uncoded\n"
    text = (tmp_path / "ingrid-walks.yaml").read_text(encoding="utf-8")
    assert text.startswith("id: ingrid-walks\ntitle: Ingrid walks again\ntopic: walking\nlanguage: en\nchange_goal: Walk three times a week\n")
    code, out, _ = cli("list", tmp_path, "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["ingrid-walks"]


def test_import_csv_defaults_say_what_is_missing(cli, fixtures, tmp_path):
    code, out, err = cli("import", "csv", fixtures / "transcripts/practice-smoking.csv", "--out", tmp_path, "--language", "da")
    assert code == 0 and out == f"imported 1 transcript (43 utterances) into {tmp_path}\n"
    assert err.splitlines() == ["warning: no --topic and no --change-goal given: wrote topic 'unspecified' and change goal 'not stated'; name them (MITI codes against a named change goal) or edit the file"]
    code, out, _ = cli("report", tmp_path / "practice-smoking.yaml", "--format", "json")
    expected = json.loads((fixtures / "transcripts/practice-smoking.expected.json").read_text())
    assert code == 0 and json.loads(out)["counts"] == expected["counts"]  # the codes came through


BAD = {
    "unknown interlocutor": ("annomi", "transcript_id,mi_quality,video_title,video_url,topic,utterance_id,interlocutor,utterance_text,main_therapist_behaviour,client_talk_type\n"
                             "1,high,t,u,x,0,therapist,Hi,question,n/a\n1,high,t,u,x,1,nurse,Hello,n/a,neutral\n", "bad.csv:3: unknown interlocutor 'nurse' (use therapist or client)"),
    "not an annomi file": ("annomi", "speaker,text,code\nclient,hi,N\n", "bad.csv:1: missing columns 'transcript_id', 'mi_quality'"),
    "empty annomi file": ("annomi", "", "bad.csv: the file is empty"),
    "binary file": ("annomi", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "bad.csv: is a binary file"),
    "plain csv without text": ("csv", "speaker,words\nclient,hi\n", "bad.csv:1: missing column 'text'"),
    "plain csv with a bad code": ("csv", "speaker,text,code\nclient,hi,SR\n", "bad.csv:2: 'SR' is a counsellor code on a client utterance"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gives_exit_2_one_line_and_writes_nothing(cli, tmp_path, case):
    kind, content, expected = BAD[case]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content.encode() if isinstance(content, str) else content)
    before = bad.read_bytes()
    code, out, err = cli("import", kind, bad, "--out", tmp_path / "out")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and expected in err and "Traceback" not in err
    assert bad.read_bytes() == before and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "args, expected",
    [
        (["import"], "mi-workbook import: the following arguments are required: FORMAT"),
        (["import", "xml", "f.xml", "--out", "o"], "argument FORMAT: invalid choice: 'xml'"),
        (["import", "annomi", "f.csv"], "mi-workbook import annomi: the following arguments are required: --out"),
        (["import", "csv", "f.csv", "--out", "o", "--id", "Not An Id"], "argument --id: an id uses only lowercase letters, digits and single hyphens, got 'Not An Id'"),
        (["import", "csv", "f.csv", "--out", "o", "--language", "fr"], "argument --language: invalid choice: 'fr'"),
    ],
)
def test_bad_arguments_give_exit_2_and_one_line(cli, args, expected):
    code, out, err = cli(*args)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert expected in err


def test_out_folder_problems(cli, fixtures, tmp_path):
    code, _, err = cli("import", "annomi", fixtures / FULL, "--out", tmp_path / "no" / "such")
    assert code == 2 and err == f"mi-workbook: {tmp_path / 'no' / 'such'}: cannot be created: folder {tmp_path / 'no'} does not exist\n"
    (tmp_path / "file").write_text("x")
    code, _, err = cli("import", "annomi", fixtures / FULL, "--out", tmp_path / "file")
    assert code == 2 and "is a file, not a folder" in err


def test_a_missing_source_file(cli, tmp_path):
    code, out, err = cli("import", "annomi", tmp_path / "AnnoMI-full.csv", "--out", tmp_path)
    assert code == 2 and out == "" and err == f"mi-workbook: {tmp_path / 'AnnoMI-full.csv'}: no such file\n"
