import json
import re

from mi_widgets.engine.loaders import load_transcript, parse_transcript
from mi_widgets.engine.model import GlobalRatings
from mi_widgets.engine.report import build_report, render_html, render_json, render_text

TOP_KEYS = {"utterances", "counts", "raw_counts", "client_counts", "summary", "levels", "warnings"}


def _report(fixtures, ratings=None):
    d = load_transcript(fixtures / "transcripts/practice-smoking.csv")
    return d, build_report(d, ratings)


def test_json_report_has_the_documented_shape(fixtures):
    _, r = _report(fixtures)
    data = json.loads(render_json(r))
    assert TOP_KEYS <= set(data)
    assert set(data["utterances"]) == {"counselor", "client"}
    assert list(data["counts"]) == ["GI", "PERS", "PWP", "Q", "SR", "CR", "AF", "SEEK", "EMPH", "CONF"]
    assert set(data["client_counts"]) == {"CT", "ST", "N"}
    assert set(data["summary"]) == {"reflection_to_question", "percent_complex_reflections", "total_mi_adherent",
                                    "total_mi_non_adherent", "percent_change_talk", "technical", "relational"}
    assert set(data["levels"]) == {"reflection_to_question", "percent_complex_reflections", "technical", "relational"}
    assert data["summary"]["technical"] is None and data["levels"]["technical"] is None  # no globals given
    assert data["levels"]["percent_complex_reflections"] == "good"


def test_text_report_reads_for_a_trainee(fixtures):
    _, r = _report(fixtures, GlobalRatings(2, 2, 3, 3))
    text = render_text(r)
    assert "28 counsellor and 15 client utterances; 14 counsellor volleys." in text
    assert "Complex Reflection (CR)" in text
    assert "1.00 : 1  ◐ fair" in text
    assert "57 %  ✔ good" in text
    assert "2.0  ✘ below fair" in text  # technical (2+2)/2, with icon and words, not colour
    assert "What to try next" in text and "change talk" in text
    assert "2 questions tallied as one Q" in text
    assert "Technical (summary score), (CCT + SST) / 2" in text and "Technical global" not in text
    assert "Relational (summary score), (Partnership + Empathy) / 2" in text and "Relational global" not in text


def test_percent_change_talk_is_client_language_not_a_miti_summary_score(fixtures):
    d, r = _report(fixtures, GlobalRatings(2, 2, 3, 3))
    assert r["summary"]["percent_change_talk"] is not None  # the data keeps it where it was
    text = render_text(r)
    summary = text.split("\nSummary scores\n", 1)[1].split("What to try next", 1)[0]
    assert "% change talk" not in summary and "CT / (CT + ST)" not in summary
    client = text.split("Client language:", 1)[1].split("Global ratings", 1)[0]
    assert "% change talk, CT / (CT + ST): 67 % (client language, not part of MITI 4.2.1; no published cut-off)" in client
    html = render_html(r, d)
    section = re.search(r'<section aria-labelledby="h-summary">.*?</section>', html, re.S).group(0)
    assert "% change talk" not in section
    client_html = re.search(r'<section aria-labelledby="h-client">.*?</section>', html, re.S).group(0)
    assert "% change talk, CT / (CT + ST)" in client_html and "67 %" in client_html and "not part of MITI 4.2.1" in client_html


def test_percent_change_talk_without_ct_or_st_says_why():
    d = parse_transcript("speaker,text,code\ncounselor,Hello.,GI\nclient,Hi.,N\n", "n.csv")
    text = render_text(build_report(d))
    assert "% change talk, CT / (CT + ST): — (no change or sustain talk coded; client language, not part of MITI 4.2.1" in text


def test_tips_keep_persuading_and_confronting_apart(fixtures):
    _, r = _report(fixtures, GlobalRatings(4, 4, 4, 4))  # the fixture has one PERS and one CONF
    text = render_text(r)
    assert "Persuading without permission appeared: ask first, then offer (elicit-provide-elicit)." in text
    assert "Confronting (arguing, correcting, labelling) appeared: reflect the client's view instead." in text
    # asking permission turns Persuade into Persuade with Permission; it never makes Confront acceptable
    confront = next(line for line in text.splitlines() if "Confronting" in line)
    assert "permission" not in confront.lower()
    assert "confrontation without permission" not in text.lower()
    only_pers = parse_transcript("speaker,text,code\ncounselor,You should stop.,PERS\nclient,Maybe.,N\n", "p.csv")
    tips = render_text(build_report(only_pers))
    assert "Persuading without permission" in tips and "Confronting" not in tips


def test_html_report_is_self_contained_and_escapes_transcript_text():
    nasty = 'speaker,text,code\ncounselor,"<script>alert(1)</script> & <b>bold</b>",GI\nclient,"<img src=x onerror=alert(2)>",N\n'
    d = parse_transcript(nasty, "<i>evil<b>.csv")
    html = render_html(build_report(d), d)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<i>evil" not in html and "&lt;i&gt;evil&lt;b&gt;.csv" in html
    assert "<svg" in html and "<script" not in html
    assert "http://" not in html and "https://" not in html  # nothing loaded from elsewhere
    assert '<html lang="en">' in html


def test_html_report_shows_levels_in_words_and_the_transcript(fixtures):
    d, r = _report(fixtures, GlobalRatings(4, 4, 4, 5))
    html = render_html(r, d)
    assert "✔ good" in html and "◐ fair" in html
    assert "Søren" in html and "Åse" in html
    assert html.count('<tr class="counselor">') == 28
