"""Gold codes against the blind second coding in tests/fixtures/second-coding.

Every disagreement must be one that was read against the decision rules and kept on purpose
(listed with its reason in kept.yaml). A gold code changed later without a second look shows up
here as a new disagreement.
"""

from pathlib import Path

import pytest
import yaml

from mi_widgets.engine.agreement import cohen_kappa, label_of
from mi_widgets.engine.library import dialogues_dir
from mi_widgets.engine.loaders import load_dialogue, load_transcript

SECOND = Path(__file__).resolve().parent.parent / "fixtures" / "second-coding"


@pytest.fixture(scope="module")
def pairs():
    found = []
    for gold_file in sorted(dialogues_dir().glob("*.yaml")):
        gold = load_dialogue(gold_file)
        if gold.language != "en":
            continue
        blind_file = SECOND / f"{gold.id}.csv"
        assert blind_file.exists(), f"{gold.id} has no second coding in {SECOND}"
        blind = load_transcript(blind_file)
        assert [u.text for u in blind.utterances] == [u.text for u in gold.utterances], f"{gold.id}: text changed since the second coding"
        found.append((gold, blind))
    return found


def test_every_disagreement_was_read_and_kept_on_purpose(pairs):
    kept = {(k["dialogue"], k["n"]): (k["gold"], k["blind"]) for k in yaml.safe_load((SECOND / "kept.yaml").read_text())}
    found = {}
    for gold, blind in pairs:
        for n, (g, b) in enumerate(zip(gold.utterances, blind.utterances), 1):
            if label_of(g, True) != label_of(b, True):
                found[(gold.id, n)] = (label_of(g, True), label_of(b, True))
    assert found == kept


@pytest.mark.parametrize("speaker", ["counselor", "client"])
def test_agreement_with_the_blind_coder_is_high(pairs, speaker):
    gold = [label_of(g) for d, _ in pairs for g in d.utterances if g.speaker == speaker]
    blind = [label_of(b) for d, s in pairs for g, b in zip(d.utterances, s.utterances) if g.speaker == speaker]
    assert cohen_kappa(gold, blind) >= 0.9
