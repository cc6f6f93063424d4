"""CodingExercise, driven from Python as a learner would click it, on real library dialogues."""

import html
import json
from dataclasses import replace

import pytest

from mi_widgets import CodingExercise, get_dialogue
from mi_widgets.engine.codes import CodeError
from mi_widgets.engine.model import Dialogue, Utterance
from mi_widgets.widgets.coding import UNSET


def code_all(ex: CodingExercise) -> CodingExercise:
    for i in ex.run.targets:
        ex.set_code(i, ex.run.gold(i))
    return ex


def saved(progress_file, ref):
    return json.loads(progress_file.read_text())["records"][f"coding:{ref}"]


def test_fully_right_codes_score_full_marks_with_kappa_rationales_and_the_miti_table(progress_file):
    d = get_dialogue("quitline-smoking")
    ex = code_all(CodingExercise("quitline-smoking", target="both"))
    res = ex.check()
    assert res.n_right == res.n_targets == 39 and res.kappa == pytest.approx(1.0)
    fb = ex.feedback.value
    assert "✓" in fb and "39 of 39 right." in fb
    assert "Codes: 100 % agreement with the expert, Cohen&#x27;s kappa 1.00" in fb
    assert "Nothing mixed up." in fb
    assert '<th scope="row">Reflection-to-question ratio (R:Q)</th><td>2.25 : 1</td><td>2.25 : 1</td>' in fb
    assert '<th scope="row">% change talk (%CT; client language, not a MITI 4.2.1 score)</th><td>85 %</td><td>85 %</td>' in fb
    assert html.escape(d.utterances[3].rationale) in fb  # the gold rationale, escaped
    assert "Right: CR — Complex Reflection." in fb
    rec = saved(progress_file, "quitline-smoking")
    assert rec["kind"] == "coding" and rec["score"] == 39 and rec["max"] == 39
    assert rec["data"]["labels"]["0"] == "uncoded" and rec["data"]["labels"]["3"] == "CR"


def test_partly_wrong_codes_show_what_was_mixed_up_and_the_gold_rationale(progress_file):
    d = get_dialogue("er-alcohol-mi")
    ex = code_all(CodingExercise("er-alcohol-mi"))  # counsellor utterances, subtypes on
    for i in (8, 10, 19):
        ex.set_code(i, "SR")
    ex.set_code(1, "Q:closed")
    res = ex.check()
    assert res.n_right == 11 and res.n_targets == 15
    assert res.kappa is not None and 0 < res.kappa < 1
    fb = ex.feedback.value
    assert "◐" in fb and "11 of 15 right." in fb
    assert "You coded 3 complex reflections as simple reflections (CR → SR)." in fb
    assert "You had the code right for 1 question but the subtype wrong: closed instead of open (Q:open → Q:closed)." in fb
    assert "Subtypes (open/closed, DARN-CAT), where your code was right: 2 of 3" in fb
    assert '<td>14 %</td><td>57 %</td>' in fb  # %CR: the learner's beside the expert's
    assert "✗" in fb and "Not quite: you chose SR — Simple Reflection." in fb
    assert html.escape(d.utterances[8].rationale) in fb
    rec = saved(progress_file, "er-alcohol-mi")
    assert rec["score"] == 11 and rec["max"] == 15 and rec["data"]["labels"]["8"] == "SR"


def test_dropdowns_are_labelled_and_a_pick_counts_like_set_code():
    ex = CodingExercise("er-alcohol-mi", target="both")
    dd = ex.dropdowns[3]
    assert dd.description == "Utterance 4 code" and dd.value == UNSET
    words = [label for label, _value in dd.options]
    assert "CR — Complex Reflection" in words and "none — No code" in words and "Q:open — Question (open)" in words
    assert "CT:reasons — Change Talk (reasons)" in [label for label, _ in ex.dropdowns[4].options]
    dd.value = "CR"  # as a click would
    assert ex.labels[3] == "CR"
    assert ex.set_code(8, "complex reflection") == "CR" and ex.dropdowns[8].value == "CR"
    dd.value = UNSET
    assert 3 not in ex.labels


def test_a_greeting_is_coded_right_as_no_code():
    ex = CodingExercise("er-alcohol-mi")
    assert ex.set_code(0, "none") == "uncoded" and ex.dropdowns[0].value == "uncoded"
    res = ex.check()
    assert res.items[0].correct is True
    assert "Right: none — No code." in ex.feedback.value


def test_subtype_wrong_but_code_right_is_shown_as_partly_right():
    ex = code_all(CodingExercise("quitline-smoking", target="client"))
    ex.set_code(2, "CT:need")  # gold CT:reasons
    res = ex.check()
    assert res.percent_agreement == pytest.approx(100.0) and res.n_right == res.n_targets - 1
    fb = ex.feedback.value
    assert "Right code, other subtype: you chose CT:need — Change Talk (need)." in fb
    assert "need instead of reasons (CT:reasons → CT:need)" in fb
    assert "Reflection-to-question" not in fb  # only the client summary when coding the client


def test_step_mode_shows_one_utterance_with_the_dialogue_before_it():
    d = get_dialogue("er-alcohol-mi")
    ex = CodingExercise("er-alcohol-mi", mode="step")
    assert "Utterance 1 of 26" in ex.position.value and ex.context.value == ""
    assert ex.current.children[1].children == (ex.dropdowns[0], ex.markers[0])  # the dropdown, its marker beside it
    assert ex.next() == 1
    assert ex.next() == 3  # client utterances are skipped when coding the counsellor
    assert "Utterance 4 of 26" in ex.position.value and "(to code: 3 of 15)" in ex.position.value
    assert html.escape(d.utterances[2].text) in ex.context.value  # the client's words as context
    assert html.escape(d.utterances[3].text) in ex.here.value and ex.current.children[1].children[0] is ex.dropdowns[3]
    assert ex.previous() == 1 and ex.previous() == 0 and ex.previous() == 0
    for _ in range(30):
        ex.next()
    assert ex.step == 14 and "Utterance 25 of 26" in ex.position.value


def test_hint_nudges_without_the_answer():
    ex = CodingExercise("er-alcohol-mi", mode="step")
    text = ex.hint(8)  # gold CR
    assert text == "It gives back what the client said. Does it add substantial meaning, feeling or emphasis that the client did not say? If you cannot decide, MITI codes the simpler one."
    assert "ℹ" in ex.feedback.value and "Hint for utterance 9" in ex.feedback.value and text in ex.feedback.value
    ex.go(1)
    assert "in a word or two" in ex.hint()  # the utterance on screen: an open question
    whole = CodingExercise("er-alcohol-mi")
    whole.set_code(0, "none")
    whole.hint()
    assert "Hint for utterance 2" in whole.feedback.value  # the first one not yet right


def test_retry_clears_the_wrong_codes_only():
    ex = code_all(CodingExercise("er-alcohol-mi", target="both"))
    ex.set_code(8, "SR")
    ex.set_code(9, "CT:need")
    ex.check()
    assert ex.retry() == [8, 9]
    assert ex.dropdowns[8].value == UNSET and ex.dropdowns[9].value == UNSET
    assert ex.dropdowns[10].value == "CR" and len(ex.labels) == 24
    assert "2 wrong codes cleared" in ex.feedback.value
    assert ex.retry() == [] and "Nothing to clear" in ex.feedback.value


def test_reveal_shows_every_gold_code_and_rationale():
    d = get_dialogue("er-alcohol-mi")
    ex = CodingExercise("er-alcohol-mi")
    shown = ex.reveal()
    assert len(shown) == 15
    fb = ex.feedback.value
    assert "The expert&#x27;s codes" in fb and "Utterance 9:</strong> CR — Complex Reflection" in fb
    assert html.escape(d.utterances[0].rationale) in fb
    assert ex.labels == {}  # revealing does not fill in the learner's answers


def test_codes_come_back_in_a_new_widget():
    ex = CodingExercise("er-alcohol-mi")
    ex.set_code(8, "SR")
    ex.set_code(1, "Q:open")
    ex.check()
    again = CodingExercise("er-alcohol-mi", mode="step")
    assert again.labels == {1: "Q:open", 8: "SR"}
    assert again.dropdowns[8].value == "SR" and again.dropdowns[1].value == "Q:open"
    assert "Your saved codes for 2 utterances are back." in again.feedback.value
    client = CodingExercise("er-alcohol-mi", target="client")
    client.set_code(2, "N")
    client.check()
    assert CodingExercise("er-alcohol-mi").labels == {1: "Q:open", 8: "SR"}  # the client work did not wipe it


def test_checking_nothing_asks_for_a_code_and_saves_nothing(progress_file):
    ex = CodingExercise("er-alcohol-mi")
    res = ex.check()
    assert res.n_answered == 0 and "Code at least one utterance first." in ex.feedback.value
    assert not progress_file.exists()


def test_text_from_files_and_learners_is_escaped():
    d = Dialogue(
        id="esc", title="<i>T</i>",
        utterances=(
            Utterance("counselor", "Say <b>this</b>", "SR", None, "Because <script>x</script>"),
            Utterance("client", "ok", "N"),
        ),
    )
    ex = CodingExercise(d)
    page = "".join(getattr(c, "value", "") for c in ex.children) + ex.children[3].children[0].value
    assert "<b>this</b>" not in page and "Say &lt;b&gt;this&lt;/b&gt;" in page
    assert "<i>T</i>" not in ex.header.value and "&lt;i&gt;T&lt;/i&gt;" in ex.header.value
    with pytest.raises(CodeError):
        ex.set_code(0, "<b>")
    assert ex.labels == {}
    ex.set_code(0, "CR")
    ex.check()
    assert "<script>" not in ex.feedback.value and "Because &lt;script&gt;x&lt;/script&gt;" in ex.feedback.value


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="mode"):
        CodingExercise("er-alcohol-mi", mode="scroll")
    ex = CodingExercise("er-alcohol-mi")
    with pytest.raises(IndexError):
        ex.set_code(2, "N")  # a client utterance in a counsellor exercise


def test_a_long_dialogue_builds_and_checks():
    """Its speed is measured in benchmarks/bench_widgets.py, not asserted here (a loaded CI machine
    would make a time limit flaky)."""
    a, b = get_dialogue("quitline-smoking"), get_dialogue("er-alcohol-mi")
    long = replace(a, id="long", utterances=a.utterances + b.utterances)
    assert len(long.utterances) >= 40
    ex = code_all(CodingExercise(long, target="both"))
    res = ex.check()
    assert res.n_right == 65


# --- the marker beside each dropdown, and the collapsible list ---------------------------------


def row_of(ex: CodingExercise, i: int):
    """The widget on the page (whole mode) that holds utterance i's dropdown."""
    body = next(c for c in ex.children if isinstance(getattr(c, "children", None), tuple) and any(ex.dropdowns[i] in getattr(r, "children", ()) for r in c.children))
    return next(r for r in body.children if ex.dropdowns[i] in getattr(r, "children", ()))


def test_after_check_each_dropdown_has_a_marker_beside_it_with_icon_and_words():
    ex = CodingExercise("er-alcohol-mi", target="both")
    assert all(m.value == "" for m in ex.markers.values())  # nothing before Check
    assert row_of(ex, 8).children == (ex.dropdowns[8], ex.markers[8])  # right next to the dropdown
    ex.set_code(1, "Q:open")  # right
    ex.set_code(8, "SR")  # gold CR
    ex.set_code(9, "CT:need")  # right code, other subtype
    ex.check()
    assert "✓" in ex.markers[1].value and "Right." in ex.markers[1].value
    assert "✗" in ex.markers[8].value and "Not quite." in ex.markers[8].value
    assert "◐" in ex.markers[9].value and "Right code, other subtype." in ex.markers[9].value
    assert "ℹ" in ex.markers[3].value and "Not coded yet." in ex.markers[3].value
    assert "Complex Reflection" not in ex.markers[8].value and "CR" not in ex.markers[8].value  # no answer given away
    assert 'aria-hidden="true">✗</span>' in ex.markers[8].value  # the icon is decoration; the words carry it


def test_a_marker_clears_when_its_dropdown_changes_and_all_clear_on_retry():
    ex = code_all(CodingExercise("er-alcohol-mi"))
    ex.set_code(8, "SR")
    ex.set_code(10, "SR")
    ex.check()
    assert "Not quite." in ex.markers[8].value and "Not quite." in ex.markers[10].value
    ex.dropdowns[8].value = "CR"  # the learner picks again
    assert ex.markers[8].value == ""
    assert "Not quite." in ex.markers[10].value and "Right." in ex.markers[1].value  # the others stay
    ex.check()
    assert "Right." in ex.markers[8].value
    ex.retry()
    assert all(m.value == "" for m in ex.markers.values())
    assert ex.dropdowns[10].value == UNSET and ex.dropdowns[8].value == "CR"


def test_reveal_puts_the_expert_code_and_rationale_in_the_markers():
    d = get_dialogue("er-alcohol-mi")
    ex = CodingExercise("er-alcohol-mi")
    ex.set_code(8, "SR")
    ex.reveal()
    m8 = ex.markers[8].value
    assert "✗" in m8 and "Not quite." in m8 and "Expert&#x27;s code: CR — Complex Reflection." in m8
    assert html.escape(d.utterances[8].rationale) in m8
    assert "Expert&#x27;s code: none — No code." in ex.markers[0].value and "Not coded yet." in ex.markers[0].value
    assert ex.labels == {8: "SR"}  # revealing does not code for the learner
    ex.check()  # once revealed, Check keeps the expert's code beside the verdict
    assert "Not quite." in ex.markers[8].value and "Expert&#x27;s code: CR" in ex.markers[8].value
    ex.set_code(8, "CR")
    assert ex.markers[8].value == ""


def test_step_mode_shows_the_current_utterances_marker():
    ex = CodingExercise("er-alcohol-mi", mode="step")
    i = ex.go(ex.run.targets.index(8))  # utterance 9, gold CR
    assert i == 8
    ex.set_code(i, "SR")
    ex.check()
    line = ex.current.children[1]
    assert line.children == (ex.dropdowns[i], ex.markers[i]) and "Not quite." in line.children[1].value
    ex.set_code(i, "CR")
    ex.check()
    assert "✓" in ex.current.children[1].children[1].value and "Right." in ex.current.children[1].children[1].value


def test_marker_text_is_escaped():
    d = Dialogue(
        id="esc-mark", title="t",
        utterances=(Utterance("counselor", "Say <b>this</b>", "SR", None, "Because <script>x</script> & <i>so</i>"),),
    )
    ex = CodingExercise(d)
    ex.set_code(0, "CR")
    ex.check()
    assert "Not quite." in ex.markers[0].value and "<script>" not in ex.markers[0].value
    ex.reveal()
    m = ex.markers[0].value
    assert "<script>" not in m and "<i>so" not in m
    assert "Because &lt;script&gt;x&lt;/script&gt; &amp; &lt;i&gt;so&lt;/i&gt;" in m


def test_markers_are_made_once_and_share_one_layout_and_style():
    ex = code_all(CodingExercise("quitline-smoking", target="both"))
    before = dict(ex.markers)
    assert len(before) == 39
    assert len({id(m.layout) for m in before.values()}) == 1 and len({id(m.style) for m in before.values()}) == 1
    ex.check()
    ex.reveal()
    ex.retry()
    assert all(ex.markers[i] is before[i] for i in before)  # updated in place, never rebuilt


def test_the_utterance_by_utterance_list_is_collapsed_below_the_summary():
    ex = code_all(CodingExercise("quitline-smoking", target="both"))
    ex.set_code(3, "SR")
    ex.check()
    fb = ex.feedback.value
    head = "<details><summary><strong>Utterance by utterance (39)</strong></summary>"
    assert fb.count(head) == 1 and fb.endswith("</ul></details></div></div>")
    summary, _sep, listing = fb.partition(head)
    assert "Cohen&#x27;s kappa" in summary and "You coded 1 complex reflection as a simple reflection" in summary
    assert "Summary of your codes beside the expert" in summary and "Utterance 4:" not in summary  # the long list is only inside <details>
    assert "Utterance 4:" in listing and "Not quite: you chose SR — Simple Reflection." in listing


def test_partial_coding_compares_both_columns_over_the_coded_utterances_and_says_so():
    ex = CodingExercise("quitline-smoking", target="client")
    for i in (2, 4, 5, 8):  # all right: CT, CT, ST, CT; the whole gold dialogue has %CT 85 %
        ex.set_code(i, ex.run.gold(i))
    ex.check()
    fb = ex.feedback.value
    ct = '<th scope="row">% change talk (%CT; client language, not a MITI 4.2.1 score)</th>'
    assert f"{ct}<td>75 %</td><td>75 %</td>" in fb  # not 75 % beside the whole dialogue's 85 %
    caption = fb.partition("<caption>")[2].partition("</caption>")[0]
    assert "Both columns count only the 4 utterances you have coded so far." in caption
    code_all(ex)  # everything coded: the expert's column is the whole dialogue again, and no note
    ex.check()
    fb = ex.feedback.value
    assert f"{ct}<td>85 %</td><td>85 %</td>" in fb and "Both columns count only" not in fb


def test_partial_coding_note_is_translated(pseudo_language):
    ex = CodingExercise("er-alcohol-mi")
    ex.set_code(1, "Q:open")
    ex.check()
    assert "⟦Both columns count only the 1 utterance you have coded so far.⟧" in ex.feedback.value


# --- step mode: "Check this one" for the utterance on screen, "Check all so far" for the rest ---


def buttons(ex: CodingExercise) -> dict[str, object]:
    """Every button of the widget, by its label."""
    found, todo = {}, [ex]
    while todo:
        x = todo.pop()
        if type(x).__name__ == "Button":
            found[x.description] = x
        todo.extend(getattr(x, "children", ()))
    return found


FULL_PANEL = ("Cohen&#x27;s kappa", "What was mixed up", "<table", "Utterance by utterance", "<details>")


def test_step_mode_has_check_this_one_and_check_all_so_far_and_whole_mode_does_not():
    step = buttons(CodingExercise("er-alcohol-mi", mode="step"))
    assert "Check this one" in step and "Check all so far" in step and "Check" not in step
    whole = buttons(CodingExercise("er-alcohol-mi"))
    assert "Check" in whole and "Check this one" not in whole and "Check all so far" not in whole
    with pytest.raises(ValueError, match="step mode"):
        CodingExercise("er-alcohol-mi").check_current()


def test_check_this_one_right_shows_the_verdict_and_the_rationale_only(progress_file):
    d = get_dialogue("er-alcohol-mi")
    ex = CodingExercise("er-alcohol-mi", mode="step")
    i = ex.go(ex.run.targets.index(8))  # utterance 9, gold CR
    ex.set_code(1, "Q:open")  # coded earlier, right
    ex.set_code(i, "CR")
    sc = ex.check_current()
    assert sc.status == "ok" and sc.n_right == 2
    m = ex.markers[i].value
    assert "✓" in m and "Right." in m and f"Why: {html.escape(d.utterances[8].rationale)}" in m
    assert "Hint:" not in m
    fb = ex.feedback.value
    assert "Utterance 9: Right." in fb and "2 of 15 right so far." in fb and "Press Next for the next utterance." in fb
    assert not any(part in fb for part in FULL_PANEL)  # not the full summary
    assert ex.result is None  # the full result is for Check all so far
    assert ex.markers[1].value == ""  # only the utterance on screen is checked
    rec = saved(progress_file, "er-alcohol-mi")
    assert rec["score"] == 2 and rec["max"] == 15 and rec["data"]["labels"] == {"1": "Q:open", "8": "CR"}


def test_check_this_one_wrong_shows_the_hint_in_one_line_and_not_the_rationale(progress_file):
    d = get_dialogue("er-alcohol-mi")
    ex = CodingExercise("er-alcohol-mi", mode="step")
    i = ex.go(ex.run.targets.index(8))
    ex.set_code(i, "SR")  # gold CR
    ex.check_current()
    m = ex.markers[i].value
    assert "✗" in m and "Not quite." in m
    hint = ex.run.hint(i)
    assert f"<br>Hint: {html.escape(hint)}</div>" in m  # one line under the verdict
    assert html.escape(d.utterances[8].rationale) not in m and "Complex Reflection" not in m  # no spoiler
    fb = ex.feedback.value
    assert "Utterance 9: Not quite." in fb and "A hint is beside your code" in fb and "0 of 15 right so far." in fb
    assert not any(part in fb for part in FULL_PANEL)
    rec = saved(progress_file, "er-alcohol-mi")
    assert rec["score"] == 0 and rec["data"]["labels"] == {"8": "SR"}
    ex.set_code(i, "CR")  # try again: the marker clears, then says right with the rationale
    assert ex.markers[i].value == ""
    ex.check_current()
    assert "Right." in ex.markers[i].value and "Hint:" not in ex.markers[i].value
    assert saved(progress_file, "er-alcohol-mi")["score"] == 1


def test_check_this_one_right_code_other_subtype_is_partly_right():
    ex = CodingExercise("er-alcohol-mi", target="both", mode="step")
    i = ex.go(ex.run.targets.index(9))
    ex.set_code(i, "CT:need")  # gold CT, another subtype
    ex.check_current()
    assert "◐" in ex.markers[i].value and "Right code, other subtype." in ex.markers[i].value and "Hint:" in ex.markers[i].value
    assert "Utterance 10: Right code, other subtype." in ex.feedback.value


def test_check_this_one_with_nothing_chosen_asks_for_a_code_and_saves_nothing(progress_file):
    ex = CodingExercise("er-alcohol-mi", mode="step")
    ex.check_current()
    assert "Utterance 1: Not coded yet." in ex.feedback.value and "Choose a code for this utterance first" in ex.feedback.value
    assert ex.markers[0].value == "" and not progress_file.exists()


def test_clicking_the_buttons_short_then_full_and_next_clears_the_short_verdict():
    ex = CodingExercise("er-alcohol-mi", mode="step")
    b = buttons(ex)
    ex.set_code(0, "none")
    b["Check this one"].click()
    assert "Utterance 1: Right." in ex.feedback.value and "✓" in ex.markers[0].value
    b["Next"].click()
    assert ex.feedback.value == "" and "Right." in ex.markers[0].value  # the marker stays with its line
    b["Check all so far"].click()  # the full feedback, as Check gave before
    assert all(part in ex.feedback.value for part in FULL_PANEL) and ex.result is not None
    b["Next"].click()
    assert "Cohen&#x27;s kappa" in ex.feedback.value  # moving on leaves the full summary alone
    for _ in range(20):
        ex.next()
    ex.set_code(ex.run.targets[-1], "none")
    ex.check_current()
    assert "That was the last one: press Check all so far for the full summary." in ex.feedback.value


def test_work_checked_one_by_one_comes_back_in_a_new_widget():
    ex = CodingExercise("er-alcohol-mi", mode="step")
    ex.go(1)
    ex.set_code(1, "Q:open")
    ex.check_current()
    again = CodingExercise("er-alcohol-mi", mode="step")
    assert again.labels == {1: "Q:open"} and again.dropdowns[1].value == "Q:open"
    assert "Your saved code for 1 utterance is back." in again.feedback.value
    assert "Press Check all so far to see the feedback again." in again.feedback.value
    assert "Press Check to see" in CodingExercise("er-alcohol-mi").feedback.value  # whole mode: its own button's name


def test_check_this_one_escapes_the_rationale_and_shows_the_revealed_code():
    d = Dialogue(
        id="esc-step", title="t",
        utterances=(Utterance("counselor", "Say <b>this</b>", "SR", None, "Because <script>x</script> & <i>so</i>"),),
    )
    ex = CodingExercise(d, mode="step")
    ex.set_code(0, "SR")
    ex.check_current()
    m = ex.markers[0].value
    assert "<script>" not in m and "Why: Because &lt;script&gt;x&lt;/script&gt; &amp; &lt;i&gt;so&lt;/i&gt;" in m
    ex.set_code(0, "CR")
    ex.reveal()
    ex.check_current()  # after Reveal: the expert's code beside the verdict, no hint needed
    m = ex.markers[0].value
    assert "Not quite." in m and "Expert&#x27;s code: SR — Simple Reflection." in m and "Hint:" not in m
