"""Ambivalence engine: ruler follow-up questions, the ruler's saved state, balance sets and sorting."""

import pytest

from mi_widgets.engine.ambivalence import (
    QUADRANT_TALK, QUADRANTS, BalanceSort, RulerState, balance_sets, confidence_questions, get_balance_set,
    higher_anchor, importance_questions, load_balance_set, lower_anchor, quadrant_label, ruler_focus, ruler_ref,
    talk_label,
)
from mi_widgets.engine.checks import check_paths, kind_of
from mi_widgets.engine.errors import InputError


# ------------------------------------------------------------------------------------- rulers
@pytest.mark.parametrize("n, lower", [(0, None), (1, 0), (2, 1), (3, 1), (4, 1), (5, 2), (6, 3), (9, 6), (10, 7)])
def test_the_lower_number_is_three_lower_but_not_below_1_and_0_only_for_a_1(n, lower):
    assert lower_anchor(n) == lower


@pytest.mark.parametrize("n, higher", [(0, 2), (5, 7), (8, 10), (9, 10), (10, None)])
def test_the_higher_number_is_two_up_capped_at_10(n, higher):
    assert higher_anchor(n) == higher


def texts(questions):
    return [q.text for q in questions]


def test_importance_questions_for_a_middle_score():
    assert texts(importance_questions(6)) == ["What makes it a 6 and not a 3?", "What would it take to move from 6 to 8?"]
    assert texts(importance_questions(9)) == ["What makes it a 9 and not a 6?", "What would it take to move from 9 to 10?"]
    assert texts(importance_questions(8))[0] == "What makes it an 8 and not a 5?"


def test_importance_at_the_ends_of_the_scale():
    assert texts(importance_questions(0)) == ["What would have to happen for it to become a 1?"]
    assert texts(importance_questions(1)) == ["What makes it a 1 and not a 0?", "What would it take to move from 1 to 3?"]
    assert texts(importance_questions(10)) == ["What makes it a 10 and not a 7?"]  # nothing above 10


def test_confidence_questions_compare_with_a_lower_number_and_keep_the_upward_question():
    assert texts(confidence_questions(4)) == ["What makes it a 4 and not a 1?", "What would help you get a little higher?"]
    assert texts(confidence_questions(0)) == ["What would have to happen for it to become a 1?"]
    assert texts(confidence_questions(1)) == ["What makes it a 1 and not a 0?", "What would help you get a little higher?"]
    assert texts(confidence_questions(8))[0] == "What makes it an 8 and not a 5?"
    assert texts(confidence_questions(10)) == ["What makes it a 10 and not a 7?"]
    assert {q.scale for q in confidence_questions(5)} == {"confidence"}


@pytest.mark.parametrize("n", range(1, 11))
def test_both_rulers_ask_the_same_comparison_with_the_same_lower_number(n):
    first_importance, first_confidence = importance_questions(n)[0].text, confidence_questions(n)[0].text
    assert first_importance == first_confidence
    assert first_confidence.endswith(f" {n} and not a {lower_anchor(n)}?")


def test_the_modes_ask_the_same_questions_with_a_different_purpose():
    own, coach = importance_questions(7, "self"), importance_questions(7, "counselor")
    assert texts(own) == texts(coach)
    assert all(q.purpose.startswith("Listen") for q in coach + confidence_questions(3, "counselor"))
    assert not any("client" in q.purpose for q in own + confidence_questions(3, "self"))


@pytest.mark.parametrize("bad", [-1, 11, 5.5, True, "6"])
def test_a_score_outside_0_to_10_is_refused(bad):
    with pytest.raises(ValueError):
        importance_questions(bad)
    with pytest.raises(ValueError):
        RulerState().set_confidence(bad)
    with pytest.raises(ValueError):
        RulerState().set_importance(bad)
    with pytest.raises(ValueError):
        RulerState(importance=bad)


def test_the_questions_need_a_number_none_is_not_a_score():
    with pytest.raises(ValueError):
        importance_questions(None)
    with pytest.raises(ValueError):
        confidence_questions(None)


def test_a_new_state_has_no_numbers_and_asks_no_questions():
    state = RulerState()
    assert (state.importance, state.confidence) == (None, None)
    assert state.unchosen() == ["importance", "confidence"]
    assert state.questions() == []  # in particular nothing for a 0
    assert state.focus() is None


def test_only_a_chosen_ruler_gets_questions():
    state = RulerState()
    state.set_importance(6)
    assert state.unchosen() == ["confidence"]
    assert texts(state.questions()) == ["What makes it a 6 and not a 3?", "What would it take to move from 6 to 8?"]
    assert {q.scale for q in state.questions()} == {"importance"}
    assert state.focus() is None
    state.set_confidence(0)  # a chosen 0 is a real answer and gets its question
    assert state.unchosen() == []
    assert texts(state.questions())[-1] == "What would have to happen for it to become a 1?"
    assert "Build confidence" in state.focus()  # both chosen now: 6 against 0


def test_none_clears_a_chosen_number():
    state = RulerState(importance=4, confidence=9)
    state.set_importance(None)
    assert state.importance is None and state.unchosen() == ["importance"]
    assert {q.scale for q in state.questions()} == {"confidence"}
    state.set_confidence(None)
    assert state.questions() == []


@pytest.mark.parametrize("importance, confidence", [(None, None), (None, 8), (2, None), (9, None)])
def test_focus_says_nothing_until_both_rulers_have_a_number(importance, confidence):
    assert ruler_focus(importance, confidence) is None


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode should be one of self, counselor"):
        importance_questions(5, "coach")
    with pytest.raises(ValueError):
        RulerState(mode="teacher")


def test_focus_follows_the_gap_between_the_rulers():
    assert ruler_focus(2, 9).startswith("Importance is low")
    assert "Build confidence" in ruler_focus(8, 3)
    assert "Explore importance" in ruler_focus(5, 9)
    assert "close" in ruler_focus(6, 5)
    assert ruler_focus(0, 0).startswith("Importance is low")  # a chosen 0 still speaks


BOTH_HIGH = "Both are high: the person may be ready to plan. Ask whether they would like to talk about next steps (planning)."


@pytest.mark.parametrize("importance, confidence", [(7, 7), (8, 9), (10, 7), (7, 10), (10, 10)])
def test_both_scores_7_or_more_suggest_planning(importance, confidence):
    assert ruler_focus(importance, confidence) == BOTH_HIGH


@pytest.mark.parametrize("importance, confidence", [(6, 9), (9, 6), (7, 3), (3, 10), (6, 6)])
def test_planning_is_not_suggested_unless_both_reach_7(importance, confidence):
    assert ruler_focus(importance, confidence) != BOTH_HIGH


def test_ruler_ref_is_the_mode_and_a_slug_of_the_topic():
    assert ruler_ref("self") == "self"
    assert ruler_ref("counselor", "Walking to work!") == "counselor-walking-to-work"
    assert ruler_ref("self", "<b>Ålesund  trip</b>") == "self-b-lesund-trip-b"
    assert len(ruler_ref("self", "x" * 300)) <= 65


def test_ruler_state_round_trips_and_tolerates_a_damaged_record():
    state = RulerState(importance=7, confidence=4, change="Walk to work", notes="<b>mine</b>", mode="counselor")
    again = RulerState.from_data(state.to_data(), "counselor")
    assert again == state
    assert texts(again.questions()) == ["What makes it a 7 and not a 4?", "What would it take to move from 7 to 9?",
                                        "What makes it a 4 and not a 1?", "What would help you get a little higher?"]
    damaged = RulerState.from_data({"importance": 42, "confidence": "high", "notes": 5, "change": None})
    # a damaged number is not turned into a 0 nobody chose: it comes back as not chosen
    assert (damaged.importance, damaged.confidence, damaged.notes, damaged.change) == (None, None, "", "")


def test_unchosen_numbers_round_trip_as_none_and_chosen_ones_including_0_as_numbers():
    empty = RulerState(change="Sleep earlier")
    data = empty.to_data()
    assert data["importance"] is None and data["confidence"] is None
    again = RulerState.from_data(data)
    assert again == empty and again.questions() == []
    half = RulerState(importance=0, confidence=None)
    assert RulerState.from_data(half.to_data()) == half
    assert RulerState.from_data(half.to_data()).importance == 0
    assert RulerState.from_data({}).unchosen() == ["importance", "confidence"]  # an old or empty record


# ---------------------------------------------------------------------------- decisional balance
def test_boxes_map_to_change_and_sustain_talk():
    assert QUADRANT_TALK == {"status_quo_good": "sustain", "status_quo_bad": "change", "change_bad": "sustain", "change_good": "change"}
    assert quadrant_label("change_bad") == "Not-so-good things about changing"
    assert talk_label("status_quo_bad") == "change talk" and talk_label("change_bad") == "sustain talk"


def test_the_bundled_sets_are_complete():
    sets = balance_sets()
    assert len(sets) >= 2 and {"balance-drinking", "balance-activity"} <= {s.id for s in sets}
    for s in sets:
        assert 8 <= len(s.statements) <= 10, s.id
        assert len({st.id for st in s.statements}) == len(s.statements)
        assert {st.quadrant for st in s.statements} == set(QUADRANTS), s.id
        talk = [st.talk for st in s.statements]
        assert talk.count("change") >= 3 and talk.count("sustain") >= 3, s.id
        assert all(st.rationale and st.text for st in s.statements)
        assert s.client and s.change


def test_get_balance_set_by_id_or_a_clear_error():
    assert get_balance_set("balance-drinking").topic == "alcohol"
    with pytest.raises(InputError, match="no decisional balance set with this id"):
        get_balance_set("balance-nothing")


def test_sorting_scores_placed_statements_and_reveal_fills_every_box():
    bset = get_balance_set("balance-smoking")
    sort = BalanceSort(bset)
    gold = [s.quadrant for s in bset.statements]
    sort.place(0, gold[0])
    wrong = next(q for q in QUADRANTS if q != gold[1])
    sort.place(1, wrong)
    result = sort.check()
    assert (result.score, result.total, result.placed, result.complete) == (1, len(gold), 2, False)
    assert [r.correct for r in result.items[:3]] == [True, False, None]
    sort.place(1, None)
    assert sort.result().placed == 1
    sort.reveal()
    assert sort.revealed and sort.result().score == len(gold) and sort.result().complete
    groups = sort.by_talk()
    assert len(groups["change"]) + len(groups["sustain"]) == len(gold)
    assert all(s.quadrant in ("status_quo_bad", "change_good") for s in groups["change"])


def test_an_also_box_is_defensible_but_only_the_gold_box_scores():
    bset = get_balance_set("balance-drinking")
    i, s04 = next((i, s) for i, s in enumerate(bset.statements) if s.id == "s04")
    assert (s04.quadrant, s04.also) == ("change_good", "status_quo_bad")
    assert "either box holds change talk" in s04.rationale
    sort = BalanceSort(bset)
    sort.place(i, "status_quo_bad")
    item = sort.check().items[i]
    assert item.correct is False and item.defensible
    assert (sort.result().score, sort.result().defensible) == (0, 1)
    sort.place(i, "change_good")
    item = sort.result().items[i]
    assert item.correct and not item.defensible and sort.result().score == 1
    sort.place(i, "change_bad")
    assert not sort.result().items[i].defensible and sort.result().defensible == 0
    assert all(s.also is None for s in bset.statements if s.id != "s04")


def test_the_reviewed_rationales_and_texts_are_in_the_sets():
    drinking = {s.id: s for s in get_balance_set("balance-drinking").statements}
    assert drinking["s03"].text.startswith("If I cut down, I honestly don't know")
    assert drinking["s06"].rationale.startswith("A health cost of drinking as she does now, in her own words: a reason for change.")
    activity = {s.id: s for s in get_balance_set("balance-activity").statements}
    assert "he does not yet say he needs to change" in activity["s04"].rationale
    assert "(even a need)" not in activity["s04"].rationale


def test_placing_checks_index_and_box():
    sort = BalanceSort(get_balance_set("balance-smoking"))
    with pytest.raises(IndexError):
        sort.place(99, "change_good")
    with pytest.raises(IndexError):
        sort.place(-1, "change_good")
    with pytest.raises(ValueError, match="quadrant should be one of"):
        sort.place(0, "pros")


def test_saved_placements_are_kept_by_statement_id():
    bset = get_balance_set("balance-activity")
    sort = BalanceSort(bset)
    sort.place(2, "change_bad")
    sort.check()
    data = sort.to_data()
    assert data == {"placements": {bset.statements[2].id: "change_bad"}, "revealed": False, "checked": True}
    again = BalanceSort(bset)
    again.load_data({**data, "placements": {**data["placements"], "gone": "change_good", bset.statements[0].id: "nonsense"}})
    assert again.placements == {2: "change_bad"} and again.checked and not again.revealed


# ------------------------------------------------------------------------------------ the files
def statement(i, quadrant, text="Something the client says."):
    return f"  - id: s{i:02d}\n    text: \"{text}\"\n    quadrant: {quadrant}\n    rationale: \"Why.\"\n"


def balance_file(tmp_path, statements, name="balance-x"):
    head = f"id: {name}\ntitle: A set\nlanguage: en\ntopic: alcohol\nclient: Someone\nchange: Drinking less\nstatements:\n"
    path = tmp_path / f"{name}.yaml"
    path.write_text(head + "".join(statements), encoding="utf-8")
    return path


def eight():
    return [statement(i, QUADRANTS[i % 4]) for i in range(8)]


def test_a_good_file_loads_and_validates_as_a_balance_set(tmp_path):
    path = balance_file(tmp_path, eight())
    assert kind_of({"statements": []}) == "balance"
    assert len(load_balance_set(path).statements) == 8
    checked = check_paths([tmp_path])
    assert checked.problems == [] and len(checked.balance_sets) == 1
    assert checked.summary() == "1 balance set (8 statements)"


def test_too_few_statements_and_an_empty_box_are_named(tmp_path):
    path = balance_file(tmp_path, [statement(i, "change_good") for i in range(5)])
    messages = [p.message for p in check_paths([path]).problems]
    assert "has 5 statements: write 8 to 12" in messages
    assert "no statement belongs in status_quo_good, status_quo_bad, change_bad: give every box at least one" in messages


def test_an_also_box_loads_and_one_naming_the_gold_box_or_no_box_is_refused(tmp_path):
    rows = eight()
    rows[0] += "    also: change_good\n"
    assert load_balance_set(balance_file(tmp_path, rows)).statements[0].also == "change_good"
    rows = eight()
    rows[0] += f"    also: {QUADRANTS[0]}\n"  # statement 1's gold box
    problems = check_paths([balance_file(tmp_path, rows)]).problems
    assert len(problems) == 1 and problems[0].where == "statement 1, field 'also'"
    assert "names the gold box 'status_quo_good' again" in problems[0].message and problems[0].line == 12
    rows = eight()
    rows[0] += "    also: pros\n"
    problems = check_paths([balance_file(tmp_path, rows)]).problems
    assert len(problems) == 1 and problems[0].where == "statement 1, field 'also'" and "'pros' is not allowed" in problems[0].message


def test_a_wrong_box_and_a_repeated_id_point_at_the_statement_and_line(tmp_path):
    rows = eight()
    rows[1] = statement(1, "pros")
    path = balance_file(tmp_path, rows)
    problems = check_paths([path]).problems
    assert len(problems) == 1
    assert problems[0].where == "statement 2, field 'quadrant'" and "'pros' is not allowed" in problems[0].message
    assert problems[0].line == 14
    rows = eight()
    rows[3] = rows[3].replace("s03", "s00")
    with pytest.raises(InputError, match="id 's00' is used again"):
        load_balance_set(balance_file(tmp_path, rows))


def test_two_folders_with_the_same_set_id_are_flagged(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        balance_file(tmp_path / folder, eight())
    problems = check_paths([tmp_path]).problems
    assert [p.message.split(" (")[0] for p in problems] == ["balance set id 'balance-x' is used again"]
