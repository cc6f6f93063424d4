"""The bundled question bank: enough items on every topic, and feedback on every option."""

import re
from collections import Counter

import pytest

from mi_widgets.engine.bank import QUIZ_TOPICS
from mi_widgets.engine.checks import check_paths
from mi_widgets.engine.library import quiz_items, quizzes_dir

# Studies the reference (shared/reference/mi-coding.md) gives figures for; evidence items cite these.
STUDIES = ("Burke", "Hettema", "Rubak", "Vasilaki", "Lundahl", "Smedslund", "Morgenstern", "Moyers", "Magill", "Pace",
           "Wu", "Miller", "Cao", "Tanana")


@pytest.fixture(scope="module")
def items():
    checked = check_paths([quizzes_dir()])
    assert checked.problems == [], "\n".join(map(str, checked.problems))
    return quiz_items(language="en")


def test_at_least_80_items_across_all_six_topics(items):
    assert len(items) >= 80, f"only {len(items)} items"
    per_topic = Counter(i.topic for i in items)
    assert set(per_topic) == set(QUIZ_TOPICS) and min(per_topic.values()) >= 10, per_topic


def test_both_kinds_and_enough_best_response_items(items):
    for topic in ("spirit", "oars", "ambivalence", "change_talk"):
        kinds = Counter(i.kind for i in items if i.topic == topic)
        assert kinds["best_response"] * 3 >= sum(kinds.values()) - 1 and kinds["multiple_choice"], (topic, kinds)


def test_every_option_has_its_own_feedback(items):
    for item in items:
        feedback = [o.feedback for o in item.options]
        assert len(set(feedback)) == len(feedback), f"{item.id}: options share feedback"
        assert all(len(f.split()) >= 4 for f in feedback), f"{item.id}: feedback too short to teach"
        assert len({o.text for o in item.options}) == len(item.options), f"{item.id}: repeated option"


def test_the_right_answer_is_not_always_in_the_same_place(items):
    positions = Counter(i.answer for i in items)
    assert max(positions.values()) <= 0.5 * len(items), f"correct option positions: {positions}"


def test_evidence_items_cite_a_study_the_reference_names(items):
    for item in (i for i in items if i.topic == "evidence"):
        assert item.source and any(s in item.source for s in STUDIES), f"{item.id}: source {item.source!r}"
        assert re.search(r"\b(19|20)\d\d\b", item.source), f"{item.id}: source without a year"


def test_best_response_items_quote_the_client(items):
    for item in (i for i in items if i.kind == "best_response"):
        assert item.client and len(item.client.split()) >= 4, item.id
