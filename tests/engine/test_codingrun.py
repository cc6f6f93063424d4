"""The coding exercise's engine: labels, scoring against gold codes, subtypes apart, mix-ups in
words, the MITI summary beside the expert's, hints, retry and the saved form."""

import pytest

from mi_widgets.engine.agreement import UNCODED
from mi_widgets.engine.codes import CodeError
from mi_widgets.engine.codingrun import (
    HINTS, CodingRun, fmt_kappa, fmt_percent, mix_up_sentence, option_label, options_for, parse_label,
)
from mi_widgets.engine.library import get_dialogue
from mi_widgets.engine.miti import score_dialogue
from mi_widgets.engine.model import Dialogue, Utterance

SPEC_CR_HINT = "It gives back what the client said. Does it add substantial meaning, feeling or emphasis that the client did not say? If you cannot decide, MITI codes the simpler one."


def all_right(run: CodingRun) -> CodingRun:
    for i in run.targets:
        run.set_code(i, run.gold(i))
    return run


def small() -> Dialogue:
    """Six counsellor utterances between client lines, with known gold codes."""
    u = [
        Utterance("counselor", "a", "SR", None, "r0"), Utterance("client", "x", "N"),
        Utterance("counselor", "b", "CR", None, "r2"), Utterance("client", "x", "N"),
        Utterance("counselor", "c", "CR", None, "r4"), Utterance("client", "x", "N"),
        Utterance("counselor", "d", "Q", "open", "r6"), Utterance("client", "x", "N"),
        Utterance("counselor", "e", "SR", None, "r8"), Utterance("client", "x", "N"),
        Utterance("counselor", "f", "CR", None, "r10"),
    ]
    return Dialogue(id="small", title="small", utterances=tuple(u))


# --- labels and options --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "speaker", "subcodes", "stored"),
    [
        ("CR", "counselor", True, "CR"),
        ("complex reflection", "counselor", True, "CR"),
        ("Q:open", "counselor", True, "Q:open"),
        ("open question", "counselor", True, "Q:open"),
        ("Q:open", "counselor", False, "Q"),
        ("none", "counselor", True, UNCODED),
        ("no code", "client", True, UNCODED),
        ("CT:taking steps", "client", True, "CT:taking_steps"),
        ("ct:Reasons", "client", True, "CT:reasons"),
        ("N", "client", True, "N"),
    ],
)
def test_parse_label_accepts_keys_names_and_subtypes(typed, speaker, subcodes, stored):
    assert parse_label(typed, speaker, subcodes) == stored


@pytest.mark.parametrize(
    ("typed", "speaker", "message"),
    [
        ("Q", "counselor", "needs a subtype"),
        ("CT", "client", "needs a subtype"),
        ("CT:reasons", "counselor", "client code on a counsellor"),
        ("SR:open", "counselor", "takes no subcode"),
        ("<b>", "counselor", "unknown code"),
    ],
)
def test_parse_label_refuses_what_does_not_fit(typed, speaker, message):
    with pytest.raises(CodeError, match=message):
        parse_label(typed, speaker, True)


def test_options_name_every_code_and_offer_no_code_first():
    counselor = options_for("counselor", True)
    labels = [label for label, _ in counselor]
    assert labels[0] == UNCODED and counselor[0][1] == "none — No code"
    assert "Q:open" in labels and "Q:closed" in labels and "Q" not in labels
    assert ("CR", "CR — Complex Reflection") in counselor
    assert ("Q:open", "Q:open — Question (open)") in counselor
    assert [label for label, _ in options_for("client", False)] == [UNCODED, "CT", "ST", "N"]
    client = dict(options_for("client", True))
    assert client["CT:taking_steps"] == "CT:taking_steps — Change Talk (taking steps)"
    assert len(client) == 1 + 7 + 7 + 1


def test_formatting_says_when_a_figure_is_undefined():
    assert fmt_percent(None) == "n/a" and fmt_percent(84.6) == "85 %"
    assert fmt_kappa(None) == "not defined (one category only)" and fmt_kappa(0.5) == "0.50"
    assert option_label(UNCODED) == "none — No code"


# --- scoring on real library dialogues -------------------------------------------------------


def test_fully_right_answers_agree_perfectly_on_a_library_dialogue():
    run = all_right(CodingRun(get_dialogue("er-alcohol-mi"), "both"))
    res = run.result()
    assert res.n_targets == res.n_right == res.n_answered == 26
    assert res.percent_agreement == pytest.approx(100.0) and res.kappa == pytest.approx(1.0)
    assert res.subtype_agreement == pytest.approx(100.0) and len(res.subtype_pairs) == 11
    assert res.mix_up_lines() == [] and res.status() == "ok" and res.title() == "26 of 26 right."
    assert all(mine == expert for _name, mine, expert in res.summary_rows())
    assert ("% complex reflections (%CR)", "57 %", "57 %") in res.summary_rows()
    assert all(item.verdict()[0] == "ok" for item in res.items)


def test_complex_reflections_coded_as_simple_show_in_agreement_mix_ups_and_miti():
    d = get_dialogue("er-alcohol-mi")
    run = all_right(CodingRun(d, "counselor"))
    for i in (8, 10, 19):  # three of the four gold complex reflections
        assert d.utterances[i].code == "CR"
        run.set_code(i, "SR")
    res = run.result()
    n = len(run.targets)
    assert n == 15 and res.n_right == 12
    assert res.percent_agreement == pytest.approx(100.0 * 12 / 15)
    # kappa by hand: gold uncoded1 Q3 SR3 CR4 GI1 AF1 SEEK1 EMPH1 (p_o = 12/15);
    # learner SR6 CR1, rest as gold: p_e = (1 + 9 + 18 + 4 + 1 + 1 + 1 + 1) / 225 = 36/225
    expected = (12 / 15 - 36 / 225) / (1 - 36 / 225)
    assert res.kappa == pytest.approx(expected)
    assert res.mix_up_lines() == ["You coded 3 complex reflections as simple reflections (CR → SR)."]
    rows = dict((name, (mine, expert)) for name, mine, expert in res.summary_rows())
    assert rows["% complex reflections (%CR)"] == ("14 %", "57 %")  # 1 of 7 tallied reflections
    assert rows["Reflection-to-question ratio (R:Q)"] == ("2.33 : 1", "2.33 : 1")
    assert "% change talk (%CT; client language, not a MITI 4.2.1 score)" not in rows  # client codes were not part of this exercise
    wrong = [item for item in res.items if item.correct is False]
    assert [w.index for w in wrong] == [8, 10, 19]
    assert wrong[0].verdict() == ("bad", "Not quite: you chose SR — Simple Reflection.")
    assert wrong[0].rationale == d.utterances[8].rationale and "complex" in wrong[0].rationale
    assert res.status() == "part"


def test_kappa_against_a_hand_computed_case():
    run = CodingRun(small(), "counselor")
    for i, label in zip(run.targets, ["SR", "SR", "CR", "Q:open", "SR", "SR"]):
        run.set_code(i, label)
    res = run.result()
    # gold SR2 CR3 Q1, learner SR4 CR1 Q1: p_o = 4/6, p_e = (8 + 3 + 1) / 36 = 1/3, kappa = .5
    assert res.kappa == pytest.approx(0.5)
    assert res.percent_agreement == pytest.approx(400 / 6)
    assert res.codes.mix_ups() == [("CR", "SR", 2)]


def test_code_and_subtype_are_scored_apart():
    d = get_dialogue("quitline-smoking")
    run = all_right(CodingRun(d, "client"))
    assert d.utterances[2].label == "CT:reasons" and d.utterances[4].label == "CT:desire"
    run.set_code(2, "CT:need")
    run.set_code(4, "CT:reasons")
    res = run.result()
    assert res.percent_agreement == pytest.approx(100.0) and res.kappa == pytest.approx(1.0)  # codes all right
    n_sub = len(res.subtype_pairs)
    assert res.subtype_right == n_sub - 2 and res.subtype_agreement == pytest.approx(100.0 * (n_sub - 2) / n_sub)
    assert res.subtype_kappa is not None and res.subtype_kappa < 1
    assert res.n_right == res.n_targets - 2
    assert res.items[0].verdict() == ("part", "Right code, other subtype: you chose CT:need — Change Talk (need).")
    lines = res.agreement_lines()
    assert lines[0].startswith("Codes: 100 % agreement") and lines[1].startswith("Kappa corrects agreement for chance")
    assert f"{n_sub - 2} of {n_sub}" in lines[2]
    assert res.mix_up_lines() == [
        "You had the code right for 1 change talk utterance but the subtype wrong: reasons instead of desire (CT:desire → CT:reasons).",
        "You had the code right for 1 change talk utterance but the subtype wrong: need instead of reasons (CT:reasons → CT:need).",
    ]
    assert [k for k, _m, _e in res.summary_rows()] == ["% change talk (%CT; client language, not a MITI 4.2.1 score)"]


def test_a_wrong_code_is_not_also_counted_as_a_wrong_subtype():
    run = all_right(CodingRun(get_dialogue("quitline-smoking"), "client"))
    run.set_code(2, "ST:reasons")
    res = run.result()
    item = res.items[0]
    assert item.code_correct is False and item.subcode_correct is None
    assert res.subtype_right == len(res.subtype_pairs)
    assert res.mix_up_lines() == ["You coded 1 change talk utterance as sustain talk (CT → ST)."]


def test_uncoded_gold_utterances_are_codable_as_no_code():
    d = get_dialogue("er-alcohol-mi")
    assert d.utterances[0].code is None
    run = CodingRun(d, "counselor")
    run.set_code(0, "none")
    assert run.result().items[0].correct is True
    run.set_code(0, "GI")
    run.set_code(3, "none")  # a gold simple reflection left without a code
    lines = run.result().mix_up_lines()
    assert "You coded 1 utterance that takes no code as giving information (no code → GI)." in lines
    assert "You left 1 simple reflection without a code (SR → no code)." in lines


def test_plural_mix_up_wording():
    assert mix_up_sentence("AF", UNCODED, 2) == "You left 2 affirmations without a code (AF → no code)."
    assert mix_up_sentence(UNCODED, "Q", 2) == "You coded 2 utterances that take no code as questions (no code → Q)."
    assert mix_up_sentence("SR", "CR", 1) == "You coded 1 simple reflection as a complex reflection (SR → CR)."


def test_utterances_not_coded_yet_are_not_counted_wrong():
    run = CodingRun(get_dialogue("er-alcohol-mi"), "counselor")
    run.set_code(1, "Q:open")
    run.set_code(3, "CR")
    res = run.result()
    assert res.n_answered == 2 and res.n_right == 1 and res.percent_agreement == pytest.approx(50.0)
    assert res.agreement_lines()[-1] == "13 of 15 utterances are not coded yet."
    assert res.items[0].verdict() == ("info", "Not coded yet.")  # utterance 0
    learner = run.learner_dialogue()
    assert learner.utterances[5].code is None  # not coded yet: no code in the learner's copy
    assert learner.utterances[3].code == "CR" and learner.utterances[2].code == "N"  # client keeps gold
    assert run.dialogue.utterances[5].code == "SR"  # the library dialogue is untouched


def test_without_subcodes_only_the_code_counts():
    run = CodingRun(get_dialogue("quitline-smoking"), "counselor", subcodes=False)
    assert run.set_code(7, "Q:open") == "Q"  # gold Q:closed
    assert run.gold(7) == "Q"
    res = run.result()
    assert res.items[run.targets.index(7)].correct is True
    assert res.subtype_pairs == [] and not any(l.startswith("Subtypes") or l.startswith("Open/closed") for l in res.agreement_lines())


def test_gold_without_a_subtype_does_not_score_the_learners_subtype():
    d = Dialogue(id="t", title="t", utterances=(Utterance("client", "I want to stop.", "CT"), Utterance("client", "Hm.", "N")))
    run = CodingRun(d, "client")
    run.set_code(0, "CT:desire")
    res = run.result()
    assert res.items[0].correct is True and res.items[0].subcode_correct is None and res.subtype_pairs == []


def test_retry_clears_only_the_wrong_ones():
    run = all_right(CodingRun(get_dialogue("er-alcohol-mi"), "both"))
    run.set_code(8, "SR")
    run.set_code(9, "CT:need")  # code right, subtype wrong: cleared too
    assert run.retry() == [8, 9]
    assert 8 not in run.answers and 9 not in run.answers
    assert len(run.answers) == 24 and run.answers[10] == "CR"
    assert run.retry() == []


def test_hints_nudge_by_family_without_naming_the_answer():
    d = get_dialogue("er-alcohol-mi")
    run = CodingRun(d, "both")
    assert run.hint(8) == SPEC_CR_HINT  # gold CR
    assert run.hint(3) == SPEC_CR_HINT  # gold SR: the same hint, so it cannot give the answer away
    assert run.hint(1).startswith(HINTS["question"]) and "in a word or two" in run.hint(1)  # Q with subtype
    assert run.hint(12) == run.hint(13) == run.hint(20)  # AF, SEEK, EMPH
    assert run.hint(9) == run.hint(4) == run.hint(2)  # CT, ST, N
    assert "a wish, an ability, a reason" in run.hint(9)
    assert "Not every line earns a code" in run.hint(0)
    for i in run.targets:
        text = run.hint(i).lower()
        assert "complex reflection" not in text and "change talk" not in text
    assert "in a word or two" not in CodingRun(d, "counselor", subcodes=False).hint(1)


def test_indices_outside_the_exercise_are_refused():
    run = CodingRun(get_dialogue("er-alcohol-mi"), "counselor")
    with pytest.raises(IndexError, match="client utterance"):
        run.set_code(2, "N")
    with pytest.raises(IndexError, match="no utterance 99"):
        run.hint(99)
    with pytest.raises(ValueError, match="target must be"):
        CodingRun(run.dialogue, "therapist")


def test_reveal_gives_every_gold_code_with_its_rationale():
    d = get_dialogue("er-alcohol-mi")
    shown = CodingRun(d, "counselor").reveal()
    assert len(shown) == 15
    assert shown[0] == (0, "none — No code", d.utterances[0].rationale)
    assert (8, "CR — Complex Reflection", d.utterances[8].rationale) in shown


def test_saved_labels_round_trip_and_keep_another_targets_work():
    d = get_dialogue("er-alcohol-mi")
    run = CodingRun(d, "counselor")
    run.set_code(8, "CR")
    run.set_code(1, "Q:open")
    data = run.to_data({"labels": {"2": "N", "8": "SR"}})
    assert data["labels"] == {"1": "Q:open", "2": "N", "8": "CR"}  # index order; 2 kept, 8 replaced
    again = CodingRun(d, "counselor")
    assert again.load(data) == 2 and again.answers == {1: "Q:open", 8: "CR"}
    client = CodingRun(d, "client")
    assert client.load(data) == 1 and client.answers == {2: "N"}
    plain = CodingRun(d, "counselor", subcodes=False)
    assert plain.load(data) == 2 and plain.answers[1] == "Q"
    assert CodingRun(d, "counselor").load({"labels": {"x": "CR", "1": "Q", "3": "<b>"}}) == 0  # damaged entries skipped


# --- the marker beside each dropdown ---------------------------------------------------------


def test_marks_say_right_or_not_without_the_expert_code_until_reveal():
    d = get_dialogue("er-alcohol-mi")
    run = CodingRun(d, "both")
    run.set_code(1, "Q:open")  # right
    run.set_code(8, "SR")  # gold CR: wrong
    run.set_code(9, "CT:need")  # gold CT with another subtype: right code, other subtype
    marks = run.marks()
    assert set(marks) == set(run.targets)
    assert (marks[1].status, marks[1].words) == ("ok", "Right.")
    assert (marks[8].status, marks[8].words) == ("bad", "Not quite.")
    assert (marks[9].status, marks[9].words) == ("part", "Right code, other subtype.")
    assert (marks[3].status, marks[3].words) == ("info", "Not coded yet.")
    for m in marks.values():  # nothing gives the expert's code away before Reveal
        assert m.expert is None and m.why is None
        assert "CR" not in m.words and "Complex" not in m.words


def test_revealed_marks_add_the_expert_code_and_rationale():
    d = get_dialogue("er-alcohol-mi")
    run = CodingRun(d, "counselor")
    run.set_code(8, "SR")
    marks = run.marks(reveal=True)
    assert marks[8].status == "bad" and marks[8].words == "Not quite."
    assert marks[8].expert == "Expert's code: CR — Complex Reflection."
    assert marks[8].why == f"Why: {d.utterances[8].rationale}"
    assert marks[0].status == "info" and marks[0].expert == "Expert's code: none — No code."
    bare = Dialogue(id="b", title="b", utterances=(Utterance("counselor", "Hello.", None),))
    assert CodingRun(bare).marks(reveal=True)[0].why is None  # no rationale: no "Why:" line
    assert CodingRun(bare).items()[0].gold == UNCODED


def test_open_closed_is_called_a_learning_distinction_when_questions_were_coded():
    d = get_dialogue("quitline-smoking")
    run = CodingRun(d, "counselor", subcodes=True)
    q = next(i for i in run.targets if d.utterances[i].code == "Q")
    run.set_code(q, d.utterances[q].label)
    assert "Open/closed is a learning distinction; MITI 4.2.1 counts all questions as Q." in run.result().agreement_lines()
    plain = CodingRun(d, "counselor", subcodes=False)
    plain.set_code(q, "Q")
    assert not any("Open/closed" in line for line in plain.result().agreement_lines())


# --- the MITI summary over the same utterances while the coding is partial ------------------


CT_ROW = "% change talk (%CT; client language, not a MITI 4.2.1 score)"


def test_partial_coding_compares_the_expert_over_the_same_utterances_only():
    d = get_dialogue("quitline-smoking")
    run = CodingRun(d, "client")
    for i in (2, 4, 5, 8):  # the first four client utterances, all right: CT, CT, ST, CT
        run.set_code(i, run.gold(i))
    res = run.result()
    rows = {name: (mine, expert) for name, mine, expert in res.summary_rows()}
    # The whole gold dialogue has 11 CT and 2 ST (85 %); over the four coded lines it is 3 CT, 1 ST.
    assert score_dialogue(d).summary["percent_change_talk"] == pytest.approx(100 * 11 / 13)
    assert rows[CT_ROW] == ("75 %", "75 %")
    assert res.expert_miti.client_counts["CT"] == 3 and res.expert_miti.client_counts["ST"] == 1
    assert res.partial and res.summary_note() == "Both columns count only the 4 utterances you have coded so far."
    expert = run.expert_dialogue()
    assert [expert.utterances[i].code for i in run.targets] == ["CT", "CT", "ST", "CT"] + [None] * 14
    assert expert.utterances[3].code == "CR"  # not targeted here: the gold code, as in the learner's copy
    assert d.utterances[9].code == "CT"  # the library dialogue is untouched


def test_partial_coding_keeps_the_learners_mistakes_visible_against_the_coded_lines():
    run = CodingRun(small(), "counselor")
    run.set_code(0, "none")  # gold SR: coded as no code still counts as coded
    run.set_code(2, "CR")
    run.set_code(4, "SR")  # gold CR
    res = run.result()
    rows = {name: (mine, expert) for name, mine, expert in res.summary_rows()}
    # learner: SR 1, CR 1 -> 50 %; expert over utterances 0, 2, 4: SR 1, CR 2 -> 67 % (not 60 % over all six)
    assert rows["% complex reflections (%CR)"] == ("50 %", "67 %")
    assert rows["Reflection-to-question ratio (R:Q)"] == ("n/a", "n/a")  # the question (utterance 6) is not coded yet
    assert res.expert_miti.counts["Q"] == 0 and res.expert_miti.counts["SR"] == 1
    assert res.summary_note() == "Both columns count only the 3 utterances you have coded so far."


def test_one_coded_utterance_gets_the_singular_note_and_full_coding_gets_none():
    run = CodingRun(small(), "counselor")
    assert run.result().summary_note() is None  # nothing coded: no table is shown at all
    run.set_code(6, "Q:open")
    assert run.result().summary_note() == "Both columns count only the 1 utterance you have coded so far."
    all_right(run)
    run.set_code(4, "SR")
    res = run.result()
    assert not res.partial and res.summary_note() is None
    assert run.expert_dialogue() is run.dialogue  # everything coded: the whole gold dialogue, as before
    rows = {name: (mine, expert) for name, mine, expert in res.summary_rows()}
    assert rows["% complex reflections (%CR)"] == ("40 %", "60 %")


# --- "Check this one" in step mode: one utterance, a short verdict -----------------------------


def test_check_one_right_gives_the_rationale_and_no_hint():
    run = CodingRun(small(), "counselor")
    run.set_code(2, "CR")  # right
    run.set_code(4, "SR")  # gold CR: wrong, elsewhere
    sc = run.check_one(2)
    assert (sc.status, sc.mark.words) == ("ok", "Right.")
    assert sc.mark.why == "Why: r2" and sc.mark.hint is None and sc.mark.expert is None
    assert sc.mark.lines == ["Why: r2"]
    assert (sc.n_right, sc.n_answered, sc.n_targets) == (1, 2, 6)  # the tally over all codes, for saving
    assert sc.title() == "Utterance 3: Right."
    assert sc.next_step() == "The expert's reasoning is beside your code. 1 of 6 right so far. Press Next for the next utterance."
    assert sc.next_step(last=True).endswith("That was the last one: press Check all so far for the full summary.")


def test_check_one_wrong_gives_the_hint_and_not_the_rationale_or_the_answer():
    run = CodingRun(small(), "counselor")
    run.set_code(4, "SR")  # gold CR
    sc = run.check_one(4)
    assert (sc.status, sc.mark.words) == ("bad", "Not quite.")
    assert sc.mark.hint == f"Hint: {SPEC_CR_HINT}" and sc.mark.why is None and sc.mark.expert is None
    assert "r4" not in " ".join(sc.mark.lines)  # the rationale would give the answer away
    assert sc.title() == "Utterance 5: Not quite." and sc.n_right == 0
    assert sc.next_step().startswith("A hint is beside your code: change it and press Check this one again")


def test_check_one_right_code_other_subtype_is_partly_right_and_gets_the_hint():
    d = get_dialogue("er-alcohol-mi")
    run = CodingRun(d, "both")
    run.set_code(9, "CT:need")  # gold CT with another subtype
    sc = run.check_one(9)
    assert (sc.status, sc.mark.words) == ("part", "Right code, other subtype.")
    assert sc.mark.hint is not None and "preparatory" in sc.mark.hint  # the subtype part of the client hint
    assert sc.mark.why is None


def test_check_one_not_coded_or_revealed_or_without_rationale():
    run = CodingRun(small(), "counselor")
    sc = run.check_one(6)
    assert (sc.status, sc.mark.words, sc.mark.lines) == ("info", "Not coded yet.", [])
    assert sc.next_step() == "Choose a code for this utterance first, then press Check this one."
    run.set_code(6, "Q:closed")
    revealed = run.check_one(6, reveal=True)  # after Reveal: the expert's code and rationale, no hint
    assert revealed.mark.expert == "Expert's code: Q:open — Question (open)." and revealed.mark.why == "Why: r6"
    assert revealed.mark.hint is None
    bare = CodingRun(Dialogue(id="b", title="b", utterances=(Utterance("counselor", "Hello.", None),)))
    bare.set_code(0, "none")
    assert bare.check_one(0).mark.lines == []  # right, but the dialogue gives no rationale
    with pytest.raises(IndexError):
        run.check_one(1)  # a client utterance in a counsellor exercise
