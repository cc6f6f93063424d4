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


def test_an_unknown_language_falls_back_to_english_cues():
    assert classify("Do you drink every day?", language="nb").label == "Q:closed"


def test_the_shipped_model_matches_the_cues():
    """Changing the cues without retraining would feed the model features it never saw."""
    path = classifier.MODEL_DIR / "classifier_en.json"
    assert path.exists(), "run: python tools/train_classifier.py"
    assert json.loads(path.read_text())["fingerprint"] == classifier.fingerprint("en"), "cues changed: run python tools/train_classifier.py"


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
