"""Importers: AnnoMI (simple and full layouts) and plain CSV transcripts into library dialogue files."""

import csv
import dataclasses
import io
from pathlib import Path

import pytest
import yaml

from mi_widgets.engine import importers
from mi_widgets.engine.checks import check_paths
from mi_widgets.engine.errors import InputError
from mi_widgets.engine.importers import (
    ANNOMI_SOURCE_NOTE,
    SIMPLE_LAYOUT_WARNING,
    dialogue_yaml,
    read_annomi,
    read_plain_csv,
    write_dialogues,
)
from mi_widgets.engine.library import dialogues_dir
from mi_widgets.engine.loaders import load_dialogue, load_folder, load_transcript, parse_transcript
from mi_widgets.engine.miti import score_dialogue
from mi_widgets.engine.model import Dialogue, Utterance

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SIMPLE = FIXTURES / "annomi" / "simple.csv"
FULL = FIXTURES / "annomi" / "full.csv"
PLAIN = FIXTURES / "transcripts" / "plain-walking.csv"

SIMPLE_COLUMNS = ["transcript_id", "mi_quality", "video_title", "video_url", "topic", "utterance_id", "interlocutor",
                  "timestamp", "utterance_text", "main_therapist_behaviour", "client_talk_type"]
FULL_COLUMNS = SIMPLE_COLUMNS[:9] + ["annotator_id", "therapist_input_exists", "therapist_input_subtype", "reflection_exists",
                                     "reflection_subtype", "question_exists", "question_subtype"] + SIMPLE_COLUMNS[9:]
SR_UNSURE = "coded SR: when unsure between SR and CR, MITI takes SR"


def labels(d: Dialogue) -> list[str | None]:
    return [u.label for u in d.utterances]


def row(uid, who="therapist", text="Some words.", behaviour=None, talk=None, transcript="1", quality="high", annotator="0", **subtypes):
    """One AnnoMI row as a dict; the label goes in the column that fits the speaker."""
    r = {"transcript_id": transcript, "mi_quality": quality, "video_title": "A made-up session", "video_url": "https://example.org/v",
         "topic": "smoking cessation", "utterance_id": str(uid), "interlocutor": who, "timestamp": "00:00:01", "utterance_text": text,
         "main_therapist_behaviour": behaviour if behaviour is not None else ("n/a" if who == "client" else "other"),
         "client_talk_type": talk if talk is not None else ("n/a" if who == "therapist" else "neutral"), "annotator_id": annotator}
    for kind in ("therapist_input", "reflection", "question"):
        sub = subtypes.get(f"{kind}_subtype", "n/a")
        r[f"{kind}_subtype"] = sub
        r[f"{kind}_exists"] = "n/a" if who == "client" else str(sub != "n/a")
    return r


def annomi_csv(rows, columns=FULL_COLUMNS, delimiter=",", newline="\n") -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, extrasaction="ignore", delimiter=delimiter, lineterminator=newline)
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write(tmp_path, text, name="annomi.csv", encoding="utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return p


# ------------------------------------------------------------------------ AnnoMI, the fixtures
def test_simple_file_one_dialogue_per_transcript_in_numeric_order_utterances_by_id():
    notes: list[str] = []
    five, twelve = read_annomi(SIMPLE, notes)
    assert [five.id, twelve.id] == ["annomi-5", "annomi-12"]  # 5 before 12 though 12 comes first in the file
    assert labels(five) == ["Q", "N", "SR", "Q", "CT", "SR", "ST", "GI", "N", None]
    assert labels(twelve) == ["ST", "GI", "ST", "ST", "Q", "N", None, "CT"]
    # ids 2/3 and 7/8 are swapped in the file; the line is where each row starts (row 4 spans 14-15)
    assert [u.line for u in five.utterances] == [10, 11, 13, 12, 14, 16, 17, 19, 18, 20]
    assert [u.speaker for u in five.utterances[:4]] == ["counselor", "client", "counselor", "counselor"]  # a run stays apart
    assert [u.speaker for u in twelve.utterances[:4]] == ["client", "counselor", "client", "client"]  # starts with the client
    assert notes == [SIMPLE_LAYOUT_WARNING]


def test_simple_file_rationales_name_the_annomi_label():
    five = read_annomi(SIMPLE)[0]
    assert [u.rationale for u in five.utterances[:3]] == [
        "AnnoMI: question",
        "AnnoMI: neutral",
        f"AnnoMI: reflection (no subtype in the simple file); {SR_UNSURE}",
    ]
    assert five.utterances[7].rationale == "AnnoMI: therapist_input (no subtype in the simple file); coded GI: when unsure between GI and Persuade, MITI takes GI"
    assert five.utterances[9].rationale == "AnnoMI: other (no MITI code)"


def test_metadata_of_an_imported_transcript():
    five, twelve = read_annomi(SIMPLE)
    assert five.title == 'Brief advice: "Maja", the smoker'
    assert (five.topic, five.change_goal, five.language, five.setting) == ("smoking-cessation", "smoking cessation", "en", "MI demonstration video")
    assert (five.style, twelve.style) == ("mi_consistent", "mi_inconsistent")
    assert five.description.startswith("AnnoMI transcript 5, a high-quality MI demonstration; video: https://example.org/videos/maja.")
    assert twelve.description.startswith("AnnoMI transcript 12, a low-quality MI demonstration")
    assert five.source_note == ANNOMI_SOURCE_NOTE == "Imported from AnnoMI (Wu et al. 2022); not redistributed by this project"
    assert five.source == str(SIMPLE) and five.pair is None
    assert twelve.topic == "reducing-alcohol-consumption"


def test_text_is_cleaned_but_notes_dashes_and_characters_are_kept():
    texts = [u.text for u in read_annomi(SIMPLE)[0].utterances]
    assert texts[4] == "Honestly? I hate the smell on my coat. My son says I “stink”."  # newline in the cell
    assert texts[5] == 'You don\'t want to be "the smelly mum".'
    assert texts[6] == "[chuckles] No. But the café break is the only one I get –"
    assert texts[7] == "Some people find nicotine gum helps, some use patches, others go cold turkey."  # three spaces
    assert texts[8] == "-cold turkey? Me? Ha 😅"
    assert texts[9] == "Okay."


def test_full_file_maps_every_subtype():
    notes: list[str] = []
    three, seven = read_annomi(FULL, notes)
    assert seven.id == "annomi-7" and seven.style == "mi_inconsistent"
    assert labels(seven) == ["ST", "PERS", "N", "Q:closed", "N", "GI", "GI", "CT", "SR", "CT", "Q:open", "GI", "N", "SR", None]
    assert [u.rationale for u in seven.utterances[1:2] + seven.utterances[5:7] + seven.utterances[11:12]] == [
        "AnnoMI: therapist_input (advice); coded PERS: AnnoMI does not say whether permission was asked (that would be PWP)",
        "AnnoMI: therapist_input (information)",
        "AnnoMI: therapist_input (options)",
        "AnnoMI: therapist_input (negotiation)",
    ]
    assert seven.utterances[3].rationale == "AnnoMI: question (closed)"
    assert seven.utterances[13].rationale == f"AnnoMI: reflection (no subtype given); {SR_UNSURE}"
    assert seven.utterances[14].text == "Right, I'll see you next month. 👋"
    assert [u.line for u in seven.utterances[9:13]] == [17, 19, 21, 20]  # id 9 spans lines 17-18; 11 and 12 are swapped
    assert notes == [
        "transcript 3 had 2 annotators: kept annotator 0 (the lowest id) and set aside 1 other coding (6 rows)",
        "1 reflection row had reflection_subtype n/a and was coded SR (line 22)",
    ]


def test_full_file_keeps_the_lowest_annotator_even_when_listed_last():
    three = read_annomi(FULL)[0]
    # annotator 2 (lines 2-7) said simple / neutral / negotiation; annotator 0 (lines 24-29) is kept
    assert labels(three) == ["Q:open", "N", "CR", "ST", "Q:closed", "CT"]
    assert [u.line for u in three.utterances] == [24, 25, 26, 27, 28, 29]
    assert three.utterances[2].rationale == "AnnoMI: reflection (complex)"
    assert three.title == "Walking again after the knee operation" and three.topic == "more-exercise-increasing-activity"


def test_imported_dialogues_score():
    seven = read_annomi(FULL)[1]
    counts = score_dialogue(seven).counts
    assert (counts["PERS"], counts["Q"], counts["SR"], counts["CR"]) == (1, 2, 2, 0)


# ------------------------------------------------------------------ AnnoMI, mapping table
@pytest.mark.parametrize(
    "behaviour, subtypes, label, rationale",
    [
        ("question", {"question_subtype": "open"}, "Q:open", "AnnoMI: question (open)"),
        ("question", {"question_subtype": "closed"}, "Q:closed", "AnnoMI: question (closed)"),
        ("question", {}, "Q", "AnnoMI: question (no subtype given)"),
        ("reflection", {"reflection_subtype": "simple"}, "SR", "AnnoMI: reflection (simple)"),
        ("reflection", {"reflection_subtype": "complex"}, "CR", "AnnoMI: reflection (complex)"),
        ("reflection", {}, "SR", f"AnnoMI: reflection (no subtype given); {SR_UNSURE}"),
        ("therapist_input", {"therapist_input_subtype": "information"}, "GI", "AnnoMI: therapist_input (information)"),
        ("therapist_input", {"therapist_input_subtype": "advice"}, "PERS", "AnnoMI: therapist_input (advice); coded PERS: AnnoMI does not say whether permission was asked (that would be PWP)"),
        ("therapist_input", {"therapist_input_subtype": "negotiation"}, "GI", "AnnoMI: therapist_input (negotiation)"),
        ("therapist_input", {"therapist_input_subtype": "options"}, "GI", "AnnoMI: therapist_input (options)"),
        ("therapist_input", {}, "GI", "AnnoMI: therapist_input (no subtype given); coded GI: when unsure between GI and Persuade, MITI takes GI"),
        ("other", {}, None, "AnnoMI: other (no MITI code)"),
        ("n/a", {}, None, "AnnoMI: n/a (no MITI code)"),
        # only the subtype of the main behaviour counts (AnnoMI marks every behaviour present)
        ("reflection", {"reflection_subtype": "complex", "question_subtype": "closed", "therapist_input_subtype": "advice"}, "CR", "AnnoMI: reflection (complex)"),
        ("therapist_input", {"therapist_input_subtype": "negotiation", "reflection_subtype": "complex"}, "GI", "AnnoMI: therapist_input (negotiation)"),
        # labels are compared without case or surrounding spaces; an empty cell counts as n/a
        (" Question ", {"question_subtype": "OPEN"}, "Q:open", "AnnoMI: question (open)"),
        ("", {}, None, "AnnoMI: n/a (no MITI code)"),
    ],
)
def test_therapist_labels_in_the_full_layout(tmp_path, behaviour, subtypes, label, rationale):
    d = read_annomi(write(tmp_path, annomi_csv([row(0, behaviour=behaviour, **subtypes)])))[0]
    assert d.utterances[0].label == label
    assert d.utterances[0].rationale == rationale


@pytest.mark.parametrize(
    "behaviour, label, rationale",
    [
        ("question", "Q", "AnnoMI: question"),
        ("reflection", "SR", f"AnnoMI: reflection (no subtype in the simple file); {SR_UNSURE}"),
        ("therapist_input", "GI", "AnnoMI: therapist_input (no subtype in the simple file); coded GI: when unsure between GI and Persuade, MITI takes GI"),
        ("other", None, "AnnoMI: other (no MITI code)"),
        ("n/a", None, "AnnoMI: n/a (no MITI code)"),
    ],
)
def test_therapist_labels_in_the_simple_layout(tmp_path, behaviour, label, rationale):
    d = read_annomi(write(tmp_path, annomi_csv([row(0, behaviour=behaviour)], SIMPLE_COLUMNS)))[0]
    assert (d.utterances[0].label, d.utterances[0].rationale) == (label, rationale)


@pytest.mark.parametrize(
    "talk, code, rationale",
    [("change", "CT", "AnnoMI: change"), ("sustain", "ST", "AnnoMI: sustain"), ("neutral", "N", "AnnoMI: neutral"), ("n/a", None, "AnnoMI: n/a (no code)")],
)
@pytest.mark.parametrize("columns", [SIMPLE_COLUMNS, FULL_COLUMNS], ids=["simple", "full"])
def test_client_labels(tmp_path, talk, code, rationale, columns):
    d = read_annomi(write(tmp_path, annomi_csv([row(0, "client", talk=talk)], columns)))[0]
    u = d.utterances[0]
    assert (u.speaker, u.code, u.subcode, u.rationale) == ("client", code, None, rationale)


def test_n_a_is_a_value_in_every_column(tmp_path):
    """'n/a' is read as text (pandas would make it NaN): a title or topic of "n/a" stays."""
    d = read_annomi(write(tmp_path, annomi_csv([{**row(0), "video_title": "n/a", "topic": "N/A"}])))[0]
    assert d.title == "n/a" and d.change_goal == "N/A" and d.topic == "n-a"


def test_empty_title_topic_and_url_get_defaults(tmp_path):
    d = read_annomi(write(tmp_path, annomi_csv([{**row(0, transcript="42"), "video_title": " ", "topic": "", "video_url": ""}])))[0]
    assert (d.title, d.topic, d.change_goal) == ("AnnoMI transcript 42", "unspecified", "not stated in AnnoMI")
    assert "video" not in d.description.split(".")[0]


def test_transcript_ids_that_are_not_numbers_sort_after_numbers_and_are_slugged(tmp_path):
    ds = read_annomi(write(tmp_path, annomi_csv([row(0, transcript="B 2"), row(0, transcript="10"), row(0, transcript="9")])))
    assert [d.id for d in ds] == ["annomi-9", "annomi-10", "annomi-b-2"]


def test_lowest_annotator_per_transcript_and_gaps_filled_from_the_next(tmp_path):
    rows = [row(0, annotator="3", behaviour="question", question_subtype="open"), row(1, annotator="3", behaviour="reflection", reflection_subtype="simple"),
            row(2, annotator="3", behaviour="reflection", reflection_subtype="simple"),
            row(0, annotator="1", behaviour="question", question_subtype="closed"), row(2, annotator="1", behaviour="reflection", reflection_subtype="complex"),
            row(0, annotator="5", transcript="2", behaviour="other"), row(0, annotator="10", transcript="2", behaviour="question", question_subtype="open")]
    notes: list[str] = []
    one, two = read_annomi(write(tmp_path, annomi_csv(rows)), notes)
    assert labels(one) == ["Q:closed", "SR", "CR"]  # annotator 1, but utterance 1 only annotator 3 coded
    assert [u.line for u in one.utterances] == [5, 3, 6]
    assert labels(two) == [None]  # 5 < 10 as numbers, not as text
    assert notes == [
        "2 transcripts (1, 2) had more than one annotator: kept the lowest annotator id of each and set aside 2 other codings (3 rows)",
        "1 utterance that the kept annotator did not code came from another annotator (transcript 1)",
    ]


def test_rows_without_text_are_skipped_and_reported(tmp_path):
    rows = [row(0), row(1, "client", text="  "), row(2, text="\n"), row(3, "client", text="Fine.")]
    notes: list[str] = []
    d = read_annomi(write(tmp_path, annomi_csv(rows)), notes)[0]
    assert [u.text for u in d.utterances] == ["Some words.", "Fine."]
    assert notes == ["skipped 2 rows with no utterance_text (line 3, 4)"]


def test_column_order_case_bom_crlf_and_missing_timestamp_do_not_matter(tmp_path):
    columns = ["UTTERANCE_TEXT", *[c for c in SIMPLE_COLUMNS if c not in ("utterance_text", "timestamp")], "note"]
    rows = [{k.upper() if k == "utterance_text" else k: v for k, v in row(i, "client" if i % 2 else "therapist").items()} | {"note": "x"} for i in range(3)]
    d = read_annomi(write(tmp_path, annomi_csv(rows, columns, newline="\r\n"), encoding="utf-8-sig"))[0]
    assert labels(d) == [None, "N", None] and [u.line for u in d.utterances] == [2, 3, 4]


@pytest.mark.parametrize("delimiter, encoding", [(";", "cp1252"), ("\t", "utf-16")])
def test_a_spreadsheet_resave_reads_the_same(tmp_path, delimiter, encoding):
    text = SIMPLE.read_text(encoding="utf-8").replace("😅", ":)")  # cp1252 has curly quotes, é and – but no emoji
    rows = list(csv.reader(io.StringIO(text, newline="")))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    again = read_annomi(write(tmp_path, buf.getvalue(), encoding=encoding))
    assert [labels(d) for d in again] == [labels(d) for d in read_annomi(SIMPLE)]
    assert again[0].utterances[6].text == "[chuckles] No. But the café break is the only one I get –"


# --------------------------------------------------------------------- AnnoMI, bad input
GOOD = [row(0), row(1, "client")]


def header_without(*names):
    return [c for c in FULL_COLUMNS if c not in names]


@pytest.mark.parametrize(
    "content, message, line",
    [
        (annomi_csv(GOOD, header_without("client_talk_type")), "missing column 'client_talk_type' for the full AnnoMI layout (the header has: transcript_id, ", 1),
        (annomi_csv(GOOD, header_without("question_subtype", "reflection_subtype")), "missing columns 'reflection_subtype', 'question_subtype' for the full AnnoMI layout", 1),
        (annomi_csv(GOOD, [c for c in SIMPLE_COLUMNS if c != "interlocutor"]), "missing column 'interlocutor' for the AnnoMI layout", 1),
        ("speaker,text,code\ncounselor,Hi,Q\n", "missing columns 'transcript_id', 'mi_quality', ", 1),
        (annomi_csv([row(0), row(1, "counsellor")]), "unknown interlocutor 'counsellor' (use therapist or client)", 3),
        (annomi_csv([row(0), row("3.5")]), "utterance_id '3.5' is not a whole number", 3),
        (annomi_csv([row(0), row("")]), "utterance_id '' is not a whole number", 3),
        (annomi_csv([row(0), row(1, "client"), row(0, text="Again.")]), "utterance_id 0 appears twice in transcript 1 by annotator 0 (first on line 2)", 4),
        (annomi_csv([row(0), row(0, annotator="1")]) + annomi_csv([row(0, annotator="1")]).split("\n", 1)[1], "utterance_id 0 appears twice in transcript 1 by annotator 1 (first on line 3)", 4),
        (annomi_csv([row(0), row(0)], SIMPLE_COLUMNS), "utterance_id 0 appears twice in transcript 1 (first on line 2)", 3),
        (annomi_csv([row(0, behaviour="affirm")]), "unknown main_therapist_behaviour 'affirm' (known: reflection, question, therapist_input, other, n/a)", 2),
        (annomi_csv([row(0), row(1, "client", talk="ambivalent")]), "unknown client_talk_type 'ambivalent' (known: change, sustain, neutral, n/a)", 3),
        (annomi_csv([row(0, behaviour="reflection", reflection_subtype="deep")]), "unknown reflection_subtype 'deep' (known: simple, complex, n/a)", 2),
        (annomi_csv([row(0, behaviour="question", question_subtype="rhetorical")]), "unknown question_subtype 'rhetorical' (known: open, closed, n/a)", 2),
        (annomi_csv([row(0, behaviour="therapist_input", therapist_input_subtype="warning")]), "unknown therapist_input_subtype 'warning' (known: information, advice, negotiation, options, n/a)", 2),
        (annomi_csv([row(0, quality="medium")]), "unknown mi_quality 'medium' (known: high, low)", 2),
        (annomi_csv([row(0), row(1, quality="low")]), "mi_quality is 'low' here but 'high' on line 2, in the same transcript 1", 3),
        (annomi_csv([row(0, annotator="A")]), "annotator_id 'A' is not a whole number", 2),
        (annomi_csv([row(0, transcript=" ")]), "empty transcript_id", 2),
        (annomi_csv([row(0)]) + "1,high,t,u,x,1,client,00:01,Well, yes,n/a,n/a,n/a,n/a,n/a,n/a,n/a,n/a,neutral\n", "19 fields where the header has 18: is there a comma inside a text that is not in quotes?", 3),
        (annomi_csv([row(0)]) + "1,high,t,u,x,1,client\n", "7 fields where the header has 18: is the row cut short?", 3),
        (annomi_csv([row(0, text="Line one\nline two")]) + '1,high,t,u,x,1,client,00:01,"Never closed,0\n', "malformed CSV", 4),
        (annomi_csv([row(0, text="Line one\nline two\nline three"), row(1, "nurse")]), "unknown interlocutor 'nurse'", 5),
        (",".join(FULL_COLUMNS) + "\n", "has a header but no utterances", 1),
        ("", "the file is empty", None),
        ("\n \n", "the file is empty", None),
    ],
)
def test_bad_annomi_file_gives_one_message_with_file_and_line(tmp_path, content, message, line):
    p = write(tmp_path, content)
    with pytest.raises(InputError) as info:
        read_annomi(p)
    problem = info.value.problems[0]
    assert message in problem.message, problem.message
    assert problem.line == line
    assert problem.path == str(p)
    assert len(info.value.problems) == 1 and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "data, message",
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file"), (b"PK\x03\x04\x14\x00\x06\x00", "is a ZIP or Excel workbook")],
)
def test_binary_files_are_refused(tmp_path, data, message):
    with pytest.raises(InputError, match=message):
        read_annomi(write(tmp_path, data))


def test_the_size_limit_suits_annomi_and_larger_files_are_refused(tmp_path, monkeypatch):
    assert importers.ANNOMI_MAX_BYTES == 64 * 1024 * 1024  # AnnoMI-full.csv is about 4 MB: room to spare
    p = write(tmp_path, annomi_csv([row(i) for i in range(50)]))
    monkeypatch.setattr(importers, "ANNOMI_MAX_BYTES", 1000)
    with pytest.raises(InputError, match=r"file is too large \(.* MB; the limit is 0 MB\)"):
        read_annomi(p)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_annomi(tmp_path / "AnnoMI-full.csv")
    with pytest.raises(InputError, match="is a folder"):
        read_annomi(tmp_path)


# ------------------------------------------------------------------------------- plain CSV
def test_parse_transcript_can_do_without_a_code_column():
    text = "speaker,text\ncounselor,How are you?\nclient,Fine.\n"
    with pytest.raises(InputError, match="missing column 'code'"):
        parse_transcript(text, "t.csv")
    d = parse_transcript(text, "t.csv", require_code=False)
    assert [(u.speaker, u.code) for u in d.utterances] == [("counselor", None), ("client", None)]
    with pytest.raises(InputError, match="subcode 'open' given for an uncoded utterance"):
        parse_transcript("speaker,text,subcode\ncounselor,How are you?,open\n", "t.csv", require_code=False)
    coded = parse_transcript("speaker,text,code\ncounselor,How are you?,Q\n", "t.csv", require_code=False)
    assert coded.utterances[0].code == "Q"


def test_plain_csv_defaults_and_notes():
    notes: list[str] = []
    d = read_plain_csv(PLAIN, notes=notes)
    assert (d.id, d.title, d.topic, d.change_goal, d.language) == ("plain-walking", "Plain walking", "unspecified", "not stated", "en")
    assert len(d.utterances) == 8 and all(u.code is None for u in d.utterances)
    assert [u.speaker for u in d.utterances[:3]] == ["counselor", "client", "client"]
    assert d.utterances[4].text == "A bit, yes. My knee ached after the lake – but only a little."
    assert d.source_note == "Imported from plain-walking.csv with mi-workbook import csv"
    assert notes == [
        "no utterance carries a code: the dialogue was imported uncoded",
        "no --topic and no --change-goal given: wrote topic 'unspecified' and change goal 'not stated'; name them (MITI codes against a named change goal) or edit the file",
    ]


def test_plain_csv_metadata_from_arguments():
    notes: list[str] = []
    d = read_plain_csv(PLAIN, dialogue_id="ingrid-walks", title="  Ingrid walks again ", topic="Physical Activity",
                       change_goal="Walk three times a week", language="nb", notes=notes)
    assert (d.id, d.title, d.topic, d.change_goal, d.language) == ("ingrid-walks", "Ingrid walks again", "physical-activity", "Walk three times a week", "nb")
    assert notes == ["no utterance carries a code: the dialogue was imported uncoded"]


def test_plain_csv_keeps_codes_when_the_file_has_them():
    notes: list[str] = []
    source = FIXTURES / "transcripts" / "practice-smoking.csv"
    d = read_plain_csv(source, topic="smoking", change_goal="Stop smoking", notes=notes)
    assert labels(d) == labels(load_transcript(source)) and labels(d).count("Q:open") >= 3
    assert notes == []


@pytest.mark.parametrize("kwargs, message", [({"dialogue_id": "Not An Id"}, "id 'Not An Id' should use only"), ({"language": "fr"}, "language 'fr' is not one of en, da, nb")])
def test_plain_csv_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        read_plain_csv(PLAIN, **kwargs)


def test_plain_csv_bad_rows_name_the_line(tmp_path):
    with pytest.raises(InputError) as info:
        read_plain_csv(write(tmp_path, "speaker,text\ncounselor,Hi\nnurse,Hello\n", "t.csv"))
    assert info.value.problems[0].line == 3 and "unknown speaker 'nurse'" in str(info.value)


# --------------------------------------------------------------------------------- writing
def same(a: Dialogue, b: Dialogue) -> None:
    """Equal in everything a file holds (not where it came from, nor the line numbers)."""
    strip = lambda d: dataclasses.replace(d, source="", utterances=tuple(dataclasses.replace(u, line=None) for u in d.utterances))  # noqa: E731
    assert strip(a) == strip(b)


def test_written_files_load_back_unchanged(tmp_path):
    dialogues = read_annomi(SIMPLE) + read_annomi(FULL) + [read_plain_csv(PLAIN, topic="walking", change_goal="Walk more")]
    paths = write_dialogues(dialogues, tmp_path / "out")
    assert [p.name for p in paths] == ["annomi-5.yaml", "annomi-12.yaml", "annomi-3.yaml", "annomi-7.yaml", "plain-walking.yaml"]
    for d, p in zip(dialogues, paths):
        same(load_dialogue(p), d)
    checked = check_paths([tmp_path / "out"])
    assert checked.problems == [] and len(checked.dialogues) == 5
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in paths)  # no temporary files left


def test_every_library_dialogue_survives_a_write_and_a_load(tmp_path):
    dialogues, problems = load_folder()
    assert problems == [] and len(dialogues) >= 16
    for d, p in zip(dialogues, write_dialogues(dialogues, tmp_path)):
        same(load_dialogue(p), d)
    assert load_dialogue(tmp_path / "er-alcohol-mi.yaml").globals.cct == 5


def test_the_file_is_laid_out_like_the_library(tmp_path):
    text = dialogue_yaml(read_annomi(FULL)[1])
    data = yaml.safe_load(text)
    assert list(data) == ["id", "title", "topic", "language", "setting", "change_goal", "description", "style", "source_note", "utterances"]
    assert list(data["utterances"][3]) == ["speaker", "text", "code", "subcode", "rationale"]
    assert list(data["utterances"][0]) == ["speaker", "text", "code", "rationale"]
    assert "\nutterances:\n  - speaker: client\n    text: The tablets make me feel rotten, so I skip them.\n    code: ST\n" in text
    assert "code: null" in text and "👋" in text and "\\U" not in text  # emoji as written, not escaped
    assert max(len(line) for line in text.splitlines()) > 120  # long lines are not wrapped
    library = (dialogues_dir() / "er-alcohol-mi.yaml").read_text(encoding="utf-8")
    assert "\nutterances:\n  - speaker: counselor\n" in library  # the same indentation


def test_the_out_folder_is_created_only_when_its_parent_exists(tmp_path):
    d = read_annomi(SIMPLE)
    with pytest.raises(InputError, match="cannot be created: folder .*missing does not exist"):
        write_dialogues(d, tmp_path / "missing" / "out")
    assert not (tmp_path / "missing").exists()
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(InputError, match="is a file, not a folder"):
        write_dialogues(d, tmp_path / "a-file")


def test_existing_files_are_never_replaced_without_force(tmp_path):
    dialogues = read_annomi(SIMPLE)
    out = tmp_path / "out"
    out.mkdir()
    (out / "annomi-12.yaml").write_text("my own notes", encoding="utf-8")
    with pytest.raises(InputError) as info:
        write_dialogues(dialogues, out)
    assert str(info.value) == f"{out / 'annomi-12.yaml'}: already exists; use --force to replace it"
    assert sorted(p.name for p in out.iterdir()) == ["annomi-12.yaml"]  # nothing written, not even annomi-5
    assert (out / "annomi-12.yaml").read_text(encoding="utf-8") == "my own notes"
    (out / "annomi-5.yaml").write_text("more notes", encoding="utf-8")
    with pytest.raises(InputError, match="annomi-5.yaml: already exists, as do 1 more of the 2 files to write; use --force to replace them"):
        write_dialogues(dialogues, out)
    assert write_dialogues(dialogues, out, force=True) == [out / "annomi-5.yaml", out / "annomi-12.yaml"]
    same(load_dialogue(out / "annomi-12.yaml"), dialogues[1])


def test_a_folder_in_the_way_the_input_file_and_clashing_ids_are_refused_even_with_force(tmp_path):
    d = read_annomi(SIMPLE)
    (tmp_path / "annomi-5.yaml").mkdir()
    with pytest.raises(InputError, match="annomi-5.yaml: is a folder"):
        write_dialogues(d, tmp_path, force=True)
    with pytest.raises(InputError, match="two dialogues have the id 'annomi-5'"):
        write_dialogues([d[0], d[0]], tmp_path / "out", force=True)
    source = tmp_path / "mine.yaml"
    source.write_text("the user's file", encoding="utf-8")
    mine = Dialogue("mine", "Mine", (Utterance("client", "Hi."),), topic="x", change_goal="y", source=str(source))
    with pytest.raises(InputError, match="mine.yaml: is the file being imported"):
        write_dialogues([mine], tmp_path, force=True)
    assert source.read_text(encoding="utf-8") == "the user's file"


def test_a_dialogue_that_would_not_load_back_is_refused_before_anything_is_written(tmp_path):
    good = read_annomi(SIMPLE)[0]
    bad = dataclasses.replace(good, id="annomi-x", utterances=(Utterance("client", "Hi.", code="SR"),))
    with pytest.raises(InputError, match=r"annomi-x.yaml:\d+: utterance 1, field 'code': 'SR' is a counsellor code on a client utterance"):
        write_dialogues([good, bad], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_failed_write_leaves_no_temporary_files(tmp_path, monkeypatch):
    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(importers.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_dialogues(read_annomi(SIMPLE), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_plain_csv_notes_name_only_what_is_missing():
    notes: list[str] = []
    read_plain_csv(PLAIN, topic="walking", notes=notes)
    assert notes[1:] == ["no --change-goal given: wrote change goal 'not stated'; name it (MITI codes against a named change goal) or edit the file"]


def test_subtype_notes_count_only_the_kept_annotator(tmp_path):
    rows = [row(0, annotator="0", behaviour="reflection", reflection_subtype="simple"),
            row(0, annotator="1", behaviour="reflection"), row(0, annotator="2", behaviour="question")]
    notes: list[str] = []
    read_annomi(write(tmp_path, annomi_csv(rows)), notes)
    assert notes == ["transcript 1 had 3 annotators: kept annotator 0 (the lowest id) and set aside 2 other codings (2 rows)"]


def test_the_importers_are_part_of_the_public_surface():
    import mi_widgets

    assert (mi_widgets.read_annomi, mi_widgets.read_plain_csv, mi_widgets.write_dialogues) == (read_annomi, read_plain_csv, write_dialogues)
