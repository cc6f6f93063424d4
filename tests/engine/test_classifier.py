"""The utterance classifier: what it decides for clear cases, the reasons it gives, its inputs.

The sentences here were written for these tests; they are not from the held-out or tuning sets.
Accuracy on whole sets is tested in test_classifier_accuracy.py.
"""

from __future__ import annotations

import json

import pytest

from mi_widgets.engine import classifier
from mi_widgets.engine.classifier import Classification, classify, precode, read_utterances
from mi_widgets.engine.errors import InputError
from mi_widgets.engine.model import Dialogue, Utterance

CLEAR = [
    # (utterance, expected label, words one of the reasons must contain)
    ("Are you still smoking in the car?", "Q:closed", "yes or no"),
    ("How many cans would that be on a Friday?", "Q:closed", "asks for a fact"),
    ("What do you enjoy about a night out?", "Q:open", "free answer"),
    ("walk me through a normal Monday", "Q:open", "own account"),
    ("Why might you want to cut back now, rather than next year?", "Q:open", "free answer"),
    ("You should throw the lighters away tonight.", "PERS", "without asking permission"),
    ("Why don't you just put the phone in another room?", "PERS", "question"),
    ("If you carry on like this, you'll end up back in hospital.", "PERS", "warns"),
    ("Come on, be honest, that's just an excuse.", "CONF", "confront"),
    ("You're an alcoholic, whether you like the word or not.", "CONF", "labels"),
    ("Would it be all right if I told you what the tests look for?", "SEEK", "permission"),
    ("What would you like to talk about today?", "SEEK", "control"),
    ("Whether you change anything is completely up to you.", "EMPH", "decision"),
    ("Walking in here after the week you've had took real courage.", "AF", "strength or effort"),
    ("Some people find a water bottle on the desk helps; that may or may not suit you.", "PWP", "choice"),
    ("Your liver results came back at twice the normal range.", "GI", "facts"),
    ("So on one hand the pub is where your mates are, and on the other it's where the money goes.", "CR", "both sides"),
    ("Mm-hmm.", None, ""),
    ("Hi Jo, come on in.", None, "greeting"),
]


@pytest.mark.parametrize("text, label, reason", CLEAR, ids=[c[0][:30] for c in CLEAR])
def test_clear_cases_and_their_reasons(text, label, reason):
    got = classify(text, language="en")
    assert got.label == label, got
    assert got.reasons, "every result says why"
    assert any(reason in r for r in got.reasons), got.reasons


def test_a_reflection_made_of_the_clients_words_is_simple_and_one_that_adds_meaning_is_complex():
    client = "I only smoke when I'm driving for work."
    simple = classify("You only smoke when you're driving for work.", client, "en")
    assert simple.code == "SR", simple
    deeper = classify("The cigarette has become a sort of co-driver on those long days, more company than habit.", client, "en")
    assert deeper.code == "CR", deeper


def test_rising_echo_is_a_reflection_but_a_new_fact_with_a_question_mark_is_a_question():
    client = "The whole wage went on Saturday."
    assert classify("The whole wage, on Saturday?", client, "en").code in ("SR", "CR")
    assert classify("The whole wage, on Saturday?", None, "en").label == "Q:closed"


def test_advice_words_inside_a_reflection_of_the_clients_view_are_not_persuasion():
    got = classify("You think you should be going to the gym more often.", "I should go more, honestly.", "en")
    assert got.code in ("SR", "CR"), got


def test_result_fields_and_json():
    got = classify("Tell me more about that.")
    assert isinstance(got, Classification) and 0.0 <= got.confidence <= 1.0
    data = got.as_dict()
    assert list(data)[:4] == ["text", "code", "question_type", "reasons"]
    assert data["code"] == "Q" and data["question_type"] == "open"
    json.dumps(data)


@pytest.mark.parametrize("text", ["", "   ", "[laughs]", "...", "<script>alert(1)</script>"])
def test_empty_or_odd_input_never_raises(text):
    got = classify(text)
    assert got.text == text
    assert got.code is None or got.code in classifier.CODES


def test_danish_and_norwegian_have_their_own_cues_and_an_unknown_language_falls_back_to_english_cues():
    for lang in ("da", "nb"):  # the verb first asks, even without a question mark
        got = classify("drikker du hver dag", language=lang)
        assert got.label == "Q:closed" and "'drikker du'" in got.reasons[0], got
    assert classify("drikker du hver dag", language="en").code != "Q"  # English cues see no question here
    assert classify("Do you drink every day?", language="sv").label == "Q:closed"  # no cues_sv: English cues, no model


def test_no_english_word_is_left_in_the_mechanism():
    """The words live in the language modules; classifier.py holds none (names moved: YOU, PRONOUN_AFTER_WH ...)."""
    import re

    from mi_widgets.engine import cues_da, cues_en, cues_nb

    for mod in (cues_en, cues_da, cues_nb):
        missing = [name for name in classifier._CUE_NAMES if not hasattr(mod, name)]
        assert not missing, (mod.__name__, missing)
    source = (classifier.__file__ and open(classifier.__file__, encoding="utf-8").read())
    patterns = "\n".join(re.findall(r're\.compile\((r?"[^"]*")', source))
    for word in ("you", "what", "when", "where", "laughs", "much"):
        assert not re.search(rf"\b{word}\b", patterns), word


@pytest.mark.parametrize("lang", ["en", "da", "nb"])
def test_the_shipped_model_matches_the_cues(lang):
    """Changing a language's cues without retraining would feed its model features it never saw."""
    path = classifier.MODEL_DIR / f"classifier_{lang}.json"
    assert path.exists(), f"run: python tools/train_classifier.py --lang {lang}"
    data = json.loads(path.read_text())
    assert data["language"] == lang
    assert data["fingerprint"] == classifier.fingerprint(lang), f"cues_{lang} changed: run python tools/train_classifier.py --lang {lang}"


def test_precode_fills_only_missing_counsellor_codes():
    d = Dialogue(
        "t", "t",
        (
            Utterance("counselor", "What brings you in today?"),
            Utterance("client", "My wife says I drink too much.", "N"),
            Utterance("counselor", "Your wife is worried about the drinking.", "CR", rationale="gold"),
            Utterance("client", "She is."),
            Utterance("counselor", "You should stop before it gets worse."),
        ),
    )
    new, filled = precode(d)
    assert filled == 2
    assert [u.label for u in new.utterances] == ["Q:open", "N", "CR", None, "PERS"]
    assert new.utterances[2].rationale == "gold"
    assert new.utterances[0].rationale.startswith("automatic code:")
    assert d.utterances[0].code is None, "the original is left as it was"


def test_read_utterances_lines_and_csv(tmp_path):
    lines = tmp_path / "mine.txt"
    lines.write_text("Do you smoke?\n\n  You want to stop.  \n", encoding="utf-8")
    assert read_utterances(lines) == [("Do you smoke?", None, 1), ("You want to stop.", None, 3)]
    table = tmp_path / "mine.csv"
    table.write_text('id,text,context\n1,"So, you want to stop?","I want to stop, really"\n2,,\n3,"Line with\nnewline",\n', encoding="utf-8")
    assert read_utterances(table) == [("So, you want to stop?", "I want to stop, really", 2), ("Line with\nnewline", None, 4)]


@pytest.mark.parametrize(
    "name, content, message, line",
    [
        ("a.csv", "utterance,who\nhi,me\n", "needs a 'text' column (the header has: utterance, who)", 1),
        ("b.csv", 'text\n"open quote\n', "malformed CSV", 2),
        ("c.txt", b"\x00\x01binary", "is a binary file", None),
        ("d.txt", b"", "the file is empty", None),
    ],
)
def test_read_utterances_bad_input(tmp_path, name, content, message, line):
    p = tmp_path / name
    p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(InputError) as err:
        read_utterances(p)
    problem = err.value.problems[0]
    assert message in problem.message and problem.line == line and problem.path == str(p)
