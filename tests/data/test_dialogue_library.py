"""The bundled dialogue library: enough material, every utterance coded, and the contrast shows.

These tests read the real files in data/dialogues. A failure message names what is missing so an
author knows what to write next.
"""

from collections import Counter

import pytest

from mi_widgets.engine.checks import check_paths
from mi_widgets.engine.codes import COUNSELOR_KEYS, DARN_CAT
from mi_widgets.engine.library import dialogues_dir
from mi_widgets.engine.miti import score_dialogue

# Areas of use named by the sources -> the topic names used in the library.
AREAS = {
    "alcohol": {"alcohol"},
    "smoking": {"smoking"},
    "medication or diabetes": {"diabetes", "medication"},
    "physical activity or weight": {"physical activity", "weight"},
    "gambling": {"gambling"},
    "illegal drugs": {"drugs"},
    "youth in trouble at school": {"school"},
    "criminal behaviour and probation": {"crime", "probation"},
    "dental hygiene": {"dental hygiene"},
    "safer sex": {"safer sex"},
    "eating": {"eating"},
    "dual diagnosis": {"dual diagnosis"},
}
SETTINGS = {  # setting the issue asks for -> words that identify it in `setting`
    "emergency room": ("emergency",),
    "GP visit": ("gp",),
    "municipal social work": ("municipal",),
    "probation or prison": ("probation", "prison"),
    "school counsellor": ("school",),
}


@pytest.fixture(scope="module")
def library():
    checked = check_paths([dialogues_dir()])
    assert checked.problems == [], "\n".join(map(str, checked.problems))
    return {d.id: d for d in checked.dialogues if d.language == "en"}


@pytest.fixture(scope="module")
def scores(library):
    return {i: score_dialogue(d) for i, d in library.items()}


def test_at_least_14_english_dialogues_of_16_to_40_utterances(library):
    assert len(library) >= 14, f"only {len(library)} English dialogues"
    wrong = {i: len(d.utterances) for i, d in library.items() if not 16 <= len(d.utterances) <= 40}
    assert not wrong, f"outside 16-40 utterances: {wrong}"


def test_at_least_nine_areas_and_the_named_settings(library):
    topics = {d.topic for d in library.values()}
    covered = [area for area, names in AREAS.items() if names & topics]
    assert len(covered) >= 9, f"areas covered: {covered}; topics: {sorted(topics)}"
    settings = [d.setting.lower() for d in library.values()]
    missing = [s for s, words in SETTINGS.items() if not any(w in text.split() or w in text for text in settings for w in words)]
    assert not missing, f"no dialogue set in: {missing}"


def test_every_utterance_is_coded_with_a_rationale(library):
    problems = []
    for d in library.values():
        for n, u in enumerate(d.utterances, 1):
            where = f"{d.id} #{n}"
            if u.speaker == "client" and u.code is None:
                problems.append(f"{where}: client utterance without CT/ST/N")
            if u.code in ("CT", "ST") and u.subcode not in DARN_CAT:
                problems.append(f"{where}: {u.code} without a DARN-CAT subtype")
            if u.code == "Q" and u.subcode not in ("open", "closed"):
                problems.append(f"{where}: question not marked open or closed")
            if not u.rationale or len(u.rationale.split()) < 6:
                problems.append(f"{where}: no rationale a learner can learn from")
    assert not problems, "\n".join(problems)


def test_every_dialogue_names_its_goal_and_has_expert_globals(library):
    for d in library.values():
        g = d.globals
        assert d.change_goal.strip(), d.id
        assert None not in (g.cct, g.sst, g.partnership, g.empathy), f"{d.id}: incomplete global ratings"
        assert g.rationale and len(g.rationale.split()) >= 20, f"{d.id}: global ratings need a rationale"
        assert d.style in ("mi_consistent", "mi_inconsistent", "mixed"), f"{d.id}: style not set"


def test_each_code_and_subtype_appears_often_enough(library):
    rows = [u for d in library.values() for u in d.utterances]
    counsellor = Counter(u.code for u in rows if u.speaker == "counselor")
    short = {c: counsellor[c] for c in COUNSELOR_KEYS if counsellor[c] < 8}
    assert not short, f"counsellor codes seen fewer than 8 times: {short}"
    client = Counter(u.code for u in rows if u.speaker == "client")
    assert client["CT"] >= 5 and client["ST"] >= 5, client
    subtypes = Counter(u.subcode for u in rows if u.code in ("CT", "ST"))
    short = {s: subtypes[s] for s in DARN_CAT if subtypes[s] < 5}
    assert not short, f"DARN-CAT subtypes seen fewer than 5 times: {short}"
    ct_subtypes = Counter(u.subcode for u in rows if u.code == "CT")
    assert all(ct_subtypes[s] >= 3 for s in DARN_CAT), f"change talk by subtype: {dict(ct_subtypes)}"
    questions = Counter(u.subcode for u in rows if u.code == "Q")
    assert questions["open"] >= 8 and questions["closed"] >= 8, questions


def pairs(library):
    return sorted({tuple(sorted((d.id, d.pair))) for d in library.values() if d.pair})


def test_at_least_four_contrast_pairs_share_client_and_opening(library):
    found = pairs(library)
    assert len(found) >= 4, f"contrast pairs: {found}"
    for a, b in found:
        da, db = library[a], library[b]
        assert {da.style, db.style} == {"mi_consistent", "mi_inconsistent"}, (a, b)
        assert (da.topic, da.setting, da.change_goal) == (db.topic, db.setting, db.change_goal), (a, b)
        opening = [u.text for u in da.utterances[:2]]
        assert opening == [u.text for u in db.utterances[:2]], f"{a} and {b} should open the same way"


def test_mi_consistent_dialogues_reach_the_thresholds(library, scores):
    for i, d in library.items():
        if d.style != "mi_consistent":
            continue
        s = scores[i].summary
        assert s["reflection_to_question"] is not None and s["reflection_to_question"] >= 1, f"{i}: R:Q {s['reflection_to_question']}"
        assert s["percent_complex_reflections"] is not None and s["percent_complex_reflections"] >= 40, f"{i}: %CR {s['percent_complex_reflections']}"
        assert s["total_mi_non_adherent"] <= 1, f"{i}: {s['total_mi_non_adherent']} MI non-adherent behaviours"


def test_the_contrast_shows_in_the_numbers(library, scores):
    for a, b in pairs(library):
        good, bad = (a, b) if library[a].style == "mi_consistent" else (b, a)
        g, w = scores[good].summary, scores[bad].summary
        assert w["reflection_to_question"] is None or w["reflection_to_question"] < 1, f"{bad}: R:Q {w['reflection_to_question']} should fall short of 1"
        assert w["percent_complex_reflections"] is None or w["percent_complex_reflections"] < 40, f"{bad}: %CR {w['percent_complex_reflections']} should fall short of 40 %"
        assert w["total_mi_non_adherent"] >= 3 > g["total_mi_non_adherent"], f"MINA {good} {g['total_mi_non_adherent']} vs {bad} {w['total_mi_non_adherent']}"
        assert (w["percent_change_talk"] or 0) < (g["percent_change_talk"] or 0), f"%CT {good} {g['percent_change_talk']} vs {bad} {w['percent_change_talk']}"
        assert w["technical"] < g["technical"] and w["relational"] < g["relational"], (good, bad)
