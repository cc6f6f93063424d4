"""Quiz and practice-prompt files: what loads, and one clear message for each thing that is wrong."""

import textwrap

import pytest

from mi_widgets.engine.bank import load_prompts, load_quiz
from mi_widgets.engine.checks import check_paths, kind_of
from mi_widgets.engine.errors import InputError

QUIZ = textwrap.dedent(
    """\
    id: {id}
    title: "OARS"
    language: en
    topic: {topic}
    items:
      - id: {item_id}
        kind: multiple_choice
        question: "Which of these is an open question?"
        options:
          - text: "Do you smoke?"
            correct: false
            feedback: "Yes or no: closed."
          - text: "What do you enjoy about smoking?"
            correct: {second}
            feedback: "Invites a story: open."
        {extra}
      - id: {id}-02
        kind: best_response
        client: "I know I should walk more."
        question: "Which response is the most MI-consistent?"
        options:
          - text: "You should."
            correct: false
            feedback: "Advice without permission."
          - text: "Part of you wants to move more."
            correct: true
            feedback: "A reflection of the change side."
    """
)

PROMPTS = textwrap.dedent(
    """\
    id: practice
    title: "Practice"
    language: en
    prompts:
      - id: smoking-01
        topic: smoking
        statement: "Smoking is the only break I get."
        talk: sustain
        open_questions: ["What else does a break give you?"]
        simple_reflections: ["It's your only break."]
        complex_reflections: ["Smoking is the one bit of the day that is yours."]
      - id: {second_id}
        topic: alcohol
        statement: "I drink less than my mates."
        open_questions: ["How do you see your drinking?"]
        simple_reflections: []
        complex_reflections: ["Compared with them you're fine; on your own terms you're less sure."]
    """
)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def quiz(**kw):
    values = dict(id="oars", topic="oars", item_id="oars-01", second="true", extra="")
    values.update(kw)
    return QUIZ.format(**values)


def test_a_valid_quiz_loads_and_checks_answers(tmp_path):
    q = load_quiz(write(tmp_path, "oars.yaml", quiz()))
    assert [i.id for i in q.items] == ["oars-01", "oars-02"]
    first = q.items[0]
    assert first.answer == 1 and first.check(1).correct and not first.check(0).correct
    assert first.check(0).feedback == "Yes or no: closed."
    assert q.items[1].client == "I know I should walk more." and q.items[1].kind == "best_response"
    with pytest.raises(IndexError):
        first.check(2)


@pytest.mark.parametrize(
    "kw, message, line",
    [
        (dict(second="false"), "item 1, field 'options': has 0 options marked correct", 9),
        (dict(extra="source: x\n    extra: y"), "item 1: unknown field 'extra'", 17),
        (dict(second='"yes"'), "item 1, option 2, field 'correct': should be true or false, got 'yes'", 14),
        (dict(item_id="oars-02"), "item 2, field 'id': id 'oars-02' is used again (first by item 1)", 17),
        (dict(item_id="Oars 1"), "item 1, field 'id': 'Oars 1' should use only lowercase letters", 6),
        (dict(topic="flossing"), "field 'topic': 'flossing' is not allowed (choose from spirit", None),
        (dict(id="evidence", topic="evidence", item_id="evidence-01"), "an evidence item needs a 'source'", 6),
    ],
)
def test_quiz_problems_name_the_line_and_the_item(tmp_path, kw, message, line):
    name = kw.get("id", "oars")
    with pytest.raises(InputError) as err:
        load_quiz(write(tmp_path, f"{name}.yaml", quiz(**kw)))
    problem = err.value.problems[0]
    assert message in str(problem), str(err.value)
    if line is not None:
        assert problem.line == line, str(problem)


def test_best_response_without_the_client_line_is_refused(tmp_path):
    text = quiz().replace('    client: "I know I should walk more."\n', "")
    with pytest.raises(InputError, match="best_response item needs the client's words"):
        load_quiz(write(tmp_path, "oars.yaml", text))


def test_prompts_load_and_empty_model_answers_are_refused(tmp_path):
    with pytest.raises(InputError) as err:
        load_prompts(write(tmp_path, "practice.yaml", PROMPTS.format(second_id="alcohol-01")))
    assert "prompt 2, field 'simple_reflections': needs at least 1 entries" in str(err.value)
    fixed = PROMPTS.format(second_id="alcohol-01").replace("simple_reflections: []", 'simple_reflections: ["Less than your mates."]')
    found = load_prompts(write(tmp_path, "practice.yaml", fixed))
    assert [p.id for p in found.prompts] == ["smoking-01", "alcohol-01"]
    assert found.prompts[0].talk == "sustain" and found.prompts[1].complex_reflections[0].startswith("Compared")


def test_kind_is_read_from_the_content():
    assert kind_of({"items": []}) == "quiz"
    assert kind_of({"prompts": []}) == "prompts"
    assert kind_of({"utterances": [], "items": []}) == "dialogue"
    assert kind_of(["not", "a", "mapping"]) == "dialogue"


def test_a_folder_of_mixed_files_is_checked_across_files(tmp_path, cli):
    write(tmp_path, "oars.yaml", quiz())
    write(tmp_path, "spirit.yaml", quiz(id="spirit", topic="spirit", item_id="oars-01").replace("id: spirit-02", "id: spirit-2"))
    fixed = PROMPTS.format(second_id="alcohol-01").replace("simple_reflections: []", 'simple_reflections: ["Less."]')
    write(tmp_path, "practice.yaml", fixed)
    checked = check_paths([tmp_path])
    assert len(checked.quizzes) == 2 and len(checked.prompt_sets) == 1
    assert [(p.path, p.message) for p in checked.problems] == [
        (str(tmp_path / "spirit.yaml"), f"quiz item id 'oars-01' is used again (first in {tmp_path / 'oars.yaml'})")
    ]
    code, out, err = cli("validate", tmp_path)
    assert code == 2 and "quiz item id 'oars-01' is used again" in err and out == ""
    (tmp_path / "spirit.yaml").unlink()
    code, out, err = cli("validate", tmp_path)
    assert code == 0 and "all valid (1 quiz (2 items), 1 prompt file (2 prompts))" in out, out + err


def test_a_missing_path_is_named_as_missing(tmp_path, cli):
    code, out, err = cli("validate", tmp_path / "nowhere")
    assert code == 2 and err.splitlines()[0] == f"{tmp_path / 'nowhere'}: no such file or folder"


def test_library_finds_items_and_prompts_by_id_and_names_a_missing_one():
    from mi_widgets.engine.library import get_prompt, get_quiz_item, practice_prompts, quiz_items

    first_item, first_prompt = quiz_items()[0], practice_prompts()[0]
    assert get_quiz_item(first_item.id) is first_item and get_prompt(first_prompt.id) is first_prompt
    assert {i.topic for i in quiz_items("miti")} == {"miti"}
    with pytest.raises(InputError, match="nope: no quiz item with this id"):
        get_quiz_item("nope")
    with pytest.raises(InputError, match="nope: no practice prompt with this id"):
        get_prompt("nope")
