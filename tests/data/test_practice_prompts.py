"""The bundled free-text practice prompts: enough statements, and models of the right kind."""

from collections import Counter

import pytest

from mi_widgets.engine.checks import check_paths
from mi_widgets.engine.library import practice_prompts, prompts_dir


@pytest.fixture(scope="module")
def prompts():
    checked = check_paths([prompts_dir()])
    assert checked.problems == [], "\n".join(map(str, checked.problems))
    return practice_prompts(language="en")


def test_at_least_30_statements_on_many_topics_and_talk_types(prompts):
    assert len(prompts) >= 30, f"only {len(prompts)} prompts"
    assert len({p.topic for p in prompts}) >= 9, Counter(p.topic for p in prompts)
    talk = Counter(p.talk for p in prompts)
    assert all(talk[t] >= 2 for t in ("change", "sustain", "ambivalent", "discord")), talk


def test_model_questions_ask_and_model_reflections_state(prompts):
    for p in prompts:
        assert p.open_questions and p.simple_reflections and p.complex_reflections, p.id
        assert all(q.rstrip().endswith("?") for q in p.open_questions), f"{p.id}: an open question without '?'"
        reflections = p.simple_reflections + p.complex_reflections
        assert not any(r.rstrip().endswith("?") for r in reflections), f"{p.id}: a reflection ends with '?'"


def test_model_open_questions_do_not_start_like_closed_ones(prompts):
    closed_starts = ("do ", "does ", "did ", "is ", "are ", "was ", "were ", "have ", "has ", "can ", "could ",
                     "would ", "will ", "should ", "shall ", "may ", "might ")
    bad = [f"{p.id}: {q}" for p in prompts for q in p.open_questions if q.lower().startswith(closed_starts)]
    assert not bad, "\n".join(bad)


def test_simple_and_complex_models_differ(prompts):
    for p in prompts:
        assert not set(p.simple_reflections) & set(p.complex_reflections), p.id
        assert p.statement not in p.simple_reflections, f"{p.id}: a parrot is not a reflection"
