"""YAML dialogues and coded CSV transcripts: dialects, encodings, and every bad input."""

import csv
import io
import textwrap

import pytest

from mi_widgets.engine.errors import InputError
from mi_widgets.engine.checks import check_paths
from mi_widgets.engine.loaders import decode_bytes, load, load_dialogue, load_transcript, parse_transcript
from mi_widgets.engine.miti import score_dialogue

GOOD_YAML = textwrap.dedent(
    """\
    id: {id}
    title: A short test dialogue
    topic: smoking
    language: en
    setting: GP visit
    change_goal: Stop smoking
    description: Two turns.
    {extra}
    utterances:
      - speaker: counselor
        text: What would you like to talk about?
        code: Q
        subcode: open
        rationale: Invites any answer.
      - speaker: client
        text: I want to stop smoking before the baby comes.
        code: CT
        subcode: desire
        rationale: Says what she wants.
      - speaker: counselor
        text: Hello again.
        code: null
    """
)


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


def test_a_valid_dialogue_loads_with_lines_and_a_dataframe(tmp_path):
    d = load_dialogue(write(tmp_path, "smk.yaml", GOOD_YAML.format(id="smk", extra="")))
    assert d.id == "smk" and d.topic == "smoking" and len(d.utterances) == 3
    assert d.utterances[0].label == "Q:open" and d.utterances[1].label == "CT:desire"
    assert d.utterances[2].code is None
    assert d.utterances[0].line == 10  # line 8 is the empty {extra}
    frame = d.to_dataframe()
    assert list(frame.columns) == ["speaker", "text", "code", "subcode", "label", "rationale"]
    assert frame.loc[2, "code"] == "CT"


def test_globals_and_pair(tmp_path):
    extra = "pair: smk-b\nstyle: mi_consistent\nglobals: {cct: 4, sst: 3, partnership: 5, empathy: 4, rationale: fine}"
    a = write(tmp_path, "smk-a.yaml", GOOD_YAML.format(id="smk-a", extra=extra))
    b = write(tmp_path, "smk-b.yaml", GOOD_YAML.format(id="smk-b", extra="pair: smk-a\nstyle: mi_inconsistent"))
    checked = check_paths([tmp_path])
    assert checked.problems == [] and checked.n_files == 2 and len(checked.dialogues) == 2
    assert load_dialogue(a).globals.cct == 4 and load_dialogue(b).pair == "smk-a"
    assert score_dialogue(load_dialogue(a)).summary["technical"] == 3.5


@pytest.mark.parametrize(
    "extra, old, new, message, line",
    [
        ("", "code: Q\n", "code: QQ\n", "utterance 1, field 'code': unknown code 'QQ'", 12),
        ("", "code: CT", "code: SR", "utterance 2, field 'code': 'SR' is a counsellor code on a client utterance", 17),
        ("", "subcode: desire", "subcode: wishful", "utterance 2, field 'subcode': unknown subcode 'wishful' for CT", 18),
        ("", "    code: null\n", "", "utterance 3: missing field 'code' (write 'code: null' for an uncoded utterance)", 20),
        ("", "speaker: client", "speaker: patient", "utterance 2, field 'speaker': 'patient' is not allowed (choose from counselor, client)", 15),
        ("", "language: en", "language: fr", "field 'language': 'fr' is not allowed", 4),
        ("", "topic: smoking", "topic: smoking\ntopik: typo", "unknown field 'topik'", 4),
        ("", "rationale: Invites any answer.", "rationale: Invites any answer.\n    rationle: typo", "utterance 1: unknown field 'rationle'", 15),
        ("", "id: smk", "id: Smk Test", "field 'id': 'Smk Test' should use only lowercase", 1),
        ("globals: {cct: 7}", "", "", "field 'globals.cct': a global rating must be a whole number from 1 to 5, got the number 7", 8),
        ("globals: {empathy: 3.5}", "", "", "a global rating must be a whole number from 1 to 5, got the number 3.5", 8),
        ("", "title: A short test dialogue", "title: [oops", "not valid YAML", 3),
        ("", "code: CT", "code: CT\n    code: ST", "field 'code' appears twice", 18),
    ],
)
def test_bad_yaml_names_file_line_utterance_and_field(tmp_path, extra, old, new, message, line):
    source = GOOD_YAML.format(id="smk", extra=extra)
    if old:
        assert old in source
        source = source.replace(old, new, 1)
    p = write(tmp_path, "smk.yaml", source)
    with pytest.raises(InputError) as info:
        load_dialogue(p)
    first = info.value.problems[0]
    assert message in str(first)
    assert first.line == line, str(first)
    assert str(p) in str(info.value)


def test_id_must_match_the_file_name_and_pairs_must_point_back(tmp_path):
    write(tmp_path, "other.yaml", GOOD_YAML.format(id="smk", extra=""))
    write(tmp_path, "x.yaml", GOOD_YAML.format(id="x", extra="pair: nobody"))
    write(tmp_path, "y.yaml", GOOD_YAML.format(id="y", extra="pair: x"))
    text = "\n".join(map(str, check_paths([tmp_path]).problems))
    assert "id 'smk' does not match the file name" in text
    assert "pair 'nobody' names no dialogue" in text
    assert "pair 'x' does not name 'y' back" in text


# ------------------------------------------------------------------------------------ CSV
ROWS = [
    ("counselor", "Hej Søren – what brings you here?", "Q", "open"),
    ("client", "My wife says I drink too much, and \"she's right\", I guess.", "CT", "reasons"),
    ("counselor", "You're here for her.", "SR", ""),
    ("counselor", "And for yourself, too.", "CR", ""),
    ("client", "Line one\nline two of the same turn.", "ST", "need"),
    ("counselor", "Takk.", "", ""),
]


def as_csv(rows=ROWS, delimiter=",", header=("speaker", "text", "code", "subcode")):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize(
    "delimiter, encoding",
    [(",", "utf-8"), (",", "utf-8-sig"), (";", "cp1252"), (";", "utf-8-sig"), ("\t", "utf-16"), ("\t", "utf-8")],
)
def test_csv_dialects_and_encodings_read_the_same(tmp_path, delimiter, encoding):
    d = load_transcript(write(tmp_path, "t.csv", as_csv(delimiter=delimiter), encoding))
    assert [u.text for u in d.utterances] == [r[1] for r in ROWS]
    assert [u.code for u in d.utterances] == ["Q", "CT", "SR", "CR", "ST", None]
    assert d.utterances[0].subcode == "open" and d.utterances[4].subcode == "need"
    assert [u.line for u in d.utterances] == [2, 3, 4, 5, 6, 8]


def test_speaker_aliases_case_and_extra_columns(tmp_path):
    rows = [("Therapist", "Tell me more.", "q", "x1"), ("PATIENT", "Well.", "n", "x2"), ("interviewer", "Okay.", "simple reflection", "x3")]
    d = load_transcript(write(tmp_path, "t.csv", as_csv(rows, header=("Speaker", "Text", "Code", "note"))))
    assert [u.speaker for u in d.utterances] == ["counselor", "client", "counselor"]
    assert [u.code for u in d.utterances] == ["Q", "N", "SR"]


def test_code_words_imply_subcodes_and_conflicts_are_refused(tmp_path):
    d = parse_transcript(as_csv([("counselor", "Is it hard?", "closed question", "")]))
    assert d.utterances[0].label == "Q:closed"
    with pytest.raises(InputError, match="says closed but subcode says open"):
        parse_transcript(as_csv([("counselor", "Is it hard?", "closed question", "open")]), "t.csv")


@pytest.mark.parametrize(
    "content, message, line",
    [
        (as_csv([("counselor", "Hi", "XYZ", "")]), "unknown code 'XYZ'", 2),
        (as_csv([("counselor", "Hi", "Q", ""), ("client", "Well", "SR", "")]), "'SR' is a counsellor code on a client utterance", 3),
        (as_csv(header=("speaker", "text", "subcode")), "missing column 'code' (the header has: speaker, text, subcode)", 1),
        (as_csv(header=("who", "text", "code", "subcode")), "missing column 'speaker'", 1),
        (as_csv([("counsellor", "Hi", "Q", "sideways")]), "unknown subcode 'sideways' for Q", 2),
        (as_csv([("coach", "Hi", "Q", "")]), "unknown speaker 'coach'", 2),
        (as_csv([("client", "", "N", "")]), "empty text", 2),
        ("speaker,text,code\ncounselor,Well, I think so,GI\n", "4 fields where the header has 3: is there a comma inside a text", 2),
        ('speaker,text,code\ncounselor,"Open quote never closed,GI\n', "malformed CSV", 2),
        ("speaker,text,code\n", "has a header but no utterances", 1),
        ("", "the file is empty", None),
        ("   \n\n", "the file is empty", None),
    ],
)
def test_bad_csv_gives_one_message_with_file_and_line(tmp_path, content, message, line):
    p = write(tmp_path, "bad.csv", content)
    with pytest.raises(InputError) as info:
        load_transcript(p)
    problem = info.value.problems[0]
    assert message in problem.message
    assert problem.line == line
    assert problem.path == str(p)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"speaker,text,code\nclient,ok \x81\x8d,N\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_binary_and_undecodable_files(tmp_path, data, message):
    with pytest.raises(InputError, match=message):
        load_transcript(write(tmp_path, "x.csv", data))


def test_huge_file_is_refused_without_reading(tmp_path):
    p = write(tmp_path, "big.csv", "speaker,text,code\n" + "client,hi,N\n" * 1000)
    with pytest.raises(InputError, match=r"too large .*the limit is"):
        load_transcript(p, max_bytes=1000)


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(InputError, match="unsupported file type '.xlsx'"):
        load(write(tmp_path, "a.xlsx", b"PK"))
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="is a folder"):
        load_transcript(tmp_path)


def test_decode_bytes_for_uploads():
    assert decode_bytes("Æble ø å".encode("cp1252")) == "Æble ø å"
    assert decode_bytes("\ufeffhej".encode("utf-8")) == "hej"
