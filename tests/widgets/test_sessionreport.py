"""SessionReport driven from Python: upload, ratings, gaps, bad files, escaping, the download."""

import base64
from datetime import datetime, timezone
import html as htmllib
import json
import re

import ipywidgets as w
import pytest

import mi_widgets as mi
from mi_widgets.engine.errors import UsageError
from mi_widgets.engine.loaders import parse_transcript


def _bytes(fixtures, name: str) -> bytes:
    return (fixtures / "transcripts" / name).read_bytes()


def _links(value: str) -> dict[str, tuple[str, str, bytes]]:
    """label -> (file name, mime, decoded data) of every download link in some HTML."""
    found = {}
    for name, mime, payload, label in re.findall(r'<a class="miw-download" download="([^"]*)" href="data:([^;]+);base64,([^"]*)">([^<]*)</a>', value):
        found[htmllib.unescape(label)] = (htmllib.unescape(name), mime, base64.b64decode(payload))
    return found


def _text(value: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", value))


@pytest.fixture
def loaded(fixtures):
    s = mi.SessionReport()
    assert s.load_bytes("practice-smoking.csv", _bytes(fixtures, "practice-smoking.csv"))
    return s


def test_the_page_says_what_the_file_must_look_like_and_offers_a_template():
    s = mi.SessionReport()
    lead = htmllib.unescape(re.sub(r"<[^>]+>", "", s.lead.value))
    for words in ("speaker, text and code", "one row per utterance", "MITI 4.2.1", "up to 2 MB", "GI, PERS, PWP, Q, SR, CR, AF", "CT (change talk)",
                  "MITI is meant for a 20-minute segment with the change goal named first; figures from a shorter extract are rough.",
                  "subcode may say open or closed for a question (for OARS practice; MITI 4 counts every question as Q)."):
        assert words in lead
    page_text = htmllib.unescape("".join(c.value for c in _walk(s) if isinstance(c, w.HTML)))
    assert "start each scale at 3 and move up or down as the evidence shows (1 = low, 5 = high)" in page_text
    assert "Rate from the recording if you can; a transcript loses tone." in page_text
    assert "draws out and strengthens the client's change talk (desire, ability, reasons, need, commitment, steps)" in page_text
    page = "".join(c.value for c in _walk(s) if isinstance(c, w.HTML))
    name, mime, data = _links(page)["Download a template CSV"]
    assert name.endswith(".csv") and mime == "text/csv"
    d = parse_transcript(data.decode("utf-8-sig"), name)  # the template is itself a valid coded transcript
    assert len(d.utterances) > 5 and any(u.code for u in d.utterances)
    assert s.upload.accept == ".csv,.tsv,.txt" and s.upload.multiple is False
    assert [c.description for c in s.scales.values()] == ["Cultivating Change Talk", "Softening Sustain Talk", "Partnership", "Empathy"]
    assert all(c.value is None and list(c.options) == [1, 2, 3, 4, 5] for c in s.scales.values())
    assert "No transcript loaded yet." in s.loaded.value and s.report is None and s.html is None


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_an_upload_gives_the_report_with_figures_levels_and_a_download(loaded, fixtures):
    s = loaded
    assert "Loaded." in s.feedback.value and "28 counsellor and 15 client utterances" in s.feedback.value
    shown = _text(s.report_box.value)
    assert "1.00 : 1" in shown and "57 %" in shown and "◐ fair" in shown and "✔ good" in shown
    assert re.search(r"Change Talk \( CT \)\s+8", shown) and 'role="img"' in s.report_box.value
    name, mime, data = _links(s.report_box.value)["Download the report (HTML)"]
    assert (name, mime) == ("practice-smoking-miti-report.html", "text/html")
    assert data.decode("utf-8") == s.html and "<title>MITI 4.2.1 report: practice-smoking.csv</title>" in s.html
    assert "No global ratings given" in shown
    summary = re.search(r'<section aria-labelledby="miti-h-summary">.*?</section>', s.report_box.value, re.S).group(0)
    assert "% change talk" not in summary  # client language, shown with the client's counts
    assert "not part of MITI 4.2.1" in s.report_box.value
    assert s.report["summary"]["technical"] is None


def test_ratings_remake_the_report_and_missing_ones_are_named(loaded, fixtures):
    s = loaded
    s.rate("cct", 3)
    s.rate("sst", 4)
    assert s.report["globals"] == {"cct": 3, "sst": 4, "partnership": None, "empathy": None}
    assert s.report["summary"]["technical"] == 3.5 and s.report["levels"]["technical"] == "fair"
    assert "Not rated: Partnership, Empathy." in _text(s.report_box.value)
    s.rate("partnership", 4)
    s.rate("empathy", 3)
    report = s.make_report()
    want = json.loads((fixtures / "transcripts/practice-smoking.expected.json").read_text(encoding="utf-8"))
    assert report["levels"] == want["levels"]
    assert "Report made." in s.feedback.value and "Not rated" not in s.report_box.value
    assert re.search(r"Relational \(summary score\).*?3\.5\s+◐ fair", _text(s.report_box.value), re.S)
    assert "Relational global" not in s.report_box.value and "Technical global" not in s.report_box.value
    s.clear_ratings()
    assert s.report["globals"] == dict.fromkeys(("cct", "sst", "partnership", "empathy"))
    with pytest.raises(UsageError):
        s.rate("cct", 7)
    with pytest.raises(UsageError):
        s.rate("warmth", 3)


def test_gaps_in_a_coded_file_are_counted_and_can_be_filled(loaded):
    s = loaded
    assert "2 utterances without a code." in s.gaps.value and "lines 2, 24" in s.gaps.value
    assert s.fill_button.layout.display is None  # offered
    assert "PROVISIONAL" not in s.report_box.value
    filled = s.fill_gaps()
    assert filled is not None and s.report["provisional"] is True
    assert "Provisional report made." in s.feedback.value and "Provisional." in s.gaps.value and "PROVISIONAL" in s.report_box.value and "PROVISIONAL" in s.html
    assert s.fill_button.layout.display == "none"
    assert s.fill_gaps() is None and "No gaps to fill." in s.feedback.value


def test_a_file_without_codes_gets_a_clear_message_and_the_offer(fixtures):
    s = mi.SessionReport()
    assert s.load_bytes("plain-walking.csv", _bytes(fixtures, "plain-walking.csv"))
    assert "nothing to score yet" in s.feedback.value and "No codes in this file." in s.gaps.value
    assert "no &#x27;code&#x27; column" in s.gaps.value and s.report is None and s.report_box.value == ""
    assert s.fill_button.layout.display is None
    assert s.make_report() is None and "There are no codes to report on yet." in s.feedback.value
    assert s.fill_gaps() > 0
    assert s.report["provisional"] and "PROVISIONAL" in s.report_box.value
    assert _links(s.report_box.value)["Download the report (HTML)"][0] == "plain-walking-miti-report.html"


@pytest.mark.parametrize("name, data, words", [
    ("empty.csv", b"", "empty.csv: the file is empty."),
    ("photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.csv: is a binary file, not text."),
    ("book.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "book.xlsx: is a ZIP or Excel workbook, not text"),
    ("quote.csv", b'speaker,text,code\ncounselor,"no end,GI\n', "quote.csv:2: malformed CSV"),
    ("codes.csv", b"speaker,text,code\ncounselor,Hello,GI\nclient,<script>alert(1)</script>,XX\n", "codes.csv:3: unknown code 'XX'"),
    ("huge.csv", b"speaker,text,code\n" + b"x" * (2 * 1024 * 1024), "huge.csv: the file is too large (2.1 MB); the limit is 2 MB."),
])
def test_a_bad_upload_gets_one_message_and_the_old_report_stays(loaded, name, data, words):
    s = loaded
    before = (s.report, s.html, s.report_box.value, s.loaded.value)
    assert s.load_bytes(name, data) is False
    assert "Not loaded." in s.feedback.value and "miw-bad" in s.feedback.value
    assert words in _text(s.feedback.value)
    assert "The report below is still the one for practice-smoking.csv." in _text(s.feedback.value)
    assert (s.report, s.html, s.report_box.value, s.loaded.value) == before
    assert "<script>" not in s.feedback.value


def test_a_danish_excel_file_just_works(fixtures):
    s = mi.SessionReport()
    assert s.load_bytes("praksis-rygning.csv", _bytes(fixtures, "practice-smoking-danish-excel.csv"))
    assert "Søren" in s.html and s.report["client_counts"] == {"CT": 8, "ST": 4, "N": 2}
    assert _links(s.report_box.value)["Download the report (HTML)"][0] == "praksis-rygning-miti-report.html"


def test_html_in_a_transcript_and_a_file_name_is_shown_as_text():
    s = mi.SessionReport()
    data = b'speaker,text,code\ncounselor,"<img src=x onerror=alert(1)> <b>hi</b>",GI\nclient,<script>alert(2)</script>,N\n'
    assert s.load_bytes("<i>odd</i>.csv", data)
    for value in (s.report_box.value, s.feedback.value, s.loaded.value):
        assert "<img" not in value and "<script>alert" not in value and "<i>odd" not in value
    assert "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;hi&lt;/b&gt;" in s.report_box.value
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in s.report_box.value
    page = _links(s.report_box.value)["Download the report (HTML)"][2].decode("utf-8")
    assert "<img src" not in page and "&lt;script&gt;alert(2)&lt;/script&gt;" in page


def test_the_sample_loads_as_if_uploaded_with_the_expert_ratings_to_compare():
    s = mi.SessionReport()
    assert s.use_sample()
    assert "Sample loaded." in s.feedback.value and "Braces, bleeding gums" in s.feedback.value
    assert "Cultivating Change Talk 3, Softening Sustain Talk 2, Partnership 3, Empathy 3" in s.feedback.value
    assert s.report["title"] == "dental-hygiene.csv" and s.report["globals"]["cct"] is None  # the instructor rates
    assert s.use_sample("er-alcohol-mi") and s.report["title"] == "er-alcohol-mi.csv"
    assert s.use_sample("no-such-id") is False and "Not loaded." in s.feedback.value
    assert s.report["title"] == "er-alcohol-mi.csv"


def test_nothing_to_report_before_an_upload():
    s = mi.SessionReport()
    assert s.make_report() is None and "Nothing to report on yet." in s.feedback.value
    assert s.fill_gaps() is None


def test_the_upload_control_and_the_buttons_drive_it(fixtures):
    s = mi.SessionReport()
    data = _bytes(fixtures, "practice-smoking.csv")
    s.upload.value = ({"name": "practice-smoking.csv", "type": "text/csv", "size": len(data), "content": memoryview(data), "last_modified": datetime.now(timezone.utc)},)
    assert s.report is not None and s.upload.value == ()
    s.scales["empathy"].value = 4  # a click on the scale
    assert s.report["globals"]["empathy"] == 4
    s.make_button.click()
    assert "Report made." in s.feedback.value
    s.sample_button.click()
    assert s.report["title"] == "dental-hygiene.csv"


def test_an_unexpected_error_in_a_click_is_shown_not_lost(loaded, monkeypatch):
    s = loaded

    def broken():
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(s.run, "make", broken)
    s.make_button.click()  # must not raise into the page
    assert "Something went wrong." in s.feedback.value and "RuntimeError: disk on fire" in s.feedback.value


def test_nothing_is_saved_to_the_progress_file(loaded, progress_file):
    loaded.rate("cct", 4)
    loaded.make_report()
    assert not progress_file.exists()


def test_every_label_goes_through_translation(pseudo_language):
    s = mi.SessionReport()
    labels = [getattr(x, t) for x in _walk(s) for t in ("description", "tooltip") if isinstance(getattr(x, t, None), str) and getattr(x, t).strip()]
    assert len(labels) >= 8 and all("⟦" in text for text in labels), [t for t in labels if "⟦" not in t]
    assert "<h3 class=\"miw-title\">⟦" in s.header.value
