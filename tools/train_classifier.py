"""Train the classifier's small model on the project's own material and write it into the package.

    python tools/train_classifier.py            # train on all tuning material, write the model
    python tools/train_classifier.py --check    # cross-check: train without one source, test on it

Tuning material (never the held-out sets): the library's coded counsellor utterances, the practice
prompts' model answers, and the development sets in tests/fixtures/classifier/dev-*.csv. The
model is a multinomial logistic regression (numpy, full-batch gradient descent, L2) over the
rules' evidence and the words; the result is JSON that the engine reads with plain Python.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mi_widgets.engine import classifier  # noqa: E402
from mi_widgets.engine.evaluation import Example, library_examples, prompt_examples, read_examples  # noqa: E402

DEV_DIR = ROOT / "tests" / "fixtures" / "classifier"
CLASSES = ("Q", "SR", "CR", "AF", "GI", "PERS", "PWP", "SEEK", "EMPH", "CONF", "-")
L2 = 0.02
STEPS = 400
RATE = 0.5
MIN_COUNT = 2  # a word feature must occur in at least this many training utterances
KEEP = 1e-3  # drop weights smaller than this from the shipped file


def sources() -> dict[str, list[Example]]:
    out = {"library": library_examples(), "prompts": prompt_examples()}
    for path in sorted(DEV_DIR.glob("dev-*.csv")):
        out[path.stem] = read_examples(path)
    return out


def featurise(examples: list[Example]) -> list[dict[str, float]]:
    lang = classifier._language("en")
    return [classifier._evidence(ex.text, ex.context, lang)[0].features for ex in examples]


def train(examples: list[Example]) -> dict:
    rows = featurise(examples)
    counts: dict[str, int] = {}
    for f in rows:
        for name in f:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or not n.startswith(("w:", "b:", "f:", "f2:", "l:")))
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, f in enumerate(rows):
        for name, v in f.items():
            if name in index:
                x[i, index[name]] = v
    y = np.array([CLASSES.index(ex.code or "-") for ex in examples])
    onehot = np.eye(len(CLASSES))[y]
    # balance the classes a little, so rare codes (PWP, EMPH) are not drowned by Q and CR
    freq = onehot.sum(axis=0) + 1
    sample_w = (1.0 / np.sqrt(freq))[y]
    sample_w = sample_w / sample_w.mean()
    w = np.zeros((len(names), len(CLASSES)))
    for _step in range(STEPS):
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        grad = x.T @ ((p - onehot) * sample_w[:, None]) / len(rows) + L2 * w
        grad[index["bias"]] -= L2 * w[index["bias"]]  # the bias is not shrunk
        w -= RATE * grad
    weights = {n: [round(float(v), 4) for v in w[i]] for n, i in index.items() if n != "bias" and np.abs(w[i]).max() > KEEP}
    return {
        "about": "MI Workbook utterance classifier: logistic regression over rule evidence and words, trained by tools/train_classifier.py on the project's own material only",
        "language": "en",
        "fingerprint": classifier.fingerprint("en"),
        "trained_on": len(examples),
        "classes": list(CLASSES),
        "bias": [round(float(v), 4) for v in w[index["bias"]]],
        "weights": weights,
    }


def accuracy(model: dict, examples: list[Example]) -> tuple[float, float]:
    from mi_widgets.engine.evaluation import three_way

    m = classifier._Model(tuple(model["classes"]), tuple(model["bias"]), {f: tuple(v) for f, v in model["weights"].items()})
    hit = hit3 = 0
    for ex, f in zip(examples, featurise(examples)):
        code = m.predict(f)[0]
        gold = ex.code or "-"
        hit += code == gold
        hit3 += three_way(None if code == "-" else code) == three_way(ex.code)
    return hit / len(examples), hit3 / len(examples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="leave each source out in turn and report accuracy on it")
    args = ap.parse_args()
    data = sources()
    if args.check:
        for name, held in data.items():
            rest = [ex for other, exs in data.items() if other != name for ex in exs]
            acc, acc3 = accuracy(train(rest), held)
            print(f"without {name:10} -> on it: {acc:.3f} (question/reflection/other {acc3:.3f}, n={len(held)})")
        return
    everything = [ex for exs in data.values() for ex in exs]
    model = train(everything)
    classifier.MODEL_DIR.mkdir(exist_ok=True)
    out = classifier.MODEL_DIR / "classifier_en.json"
    out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    acc, acc3 = accuracy(model, everything)
    print(f"wrote {out.relative_to(ROOT)}: {len(model['weights'])} features, trained on {len(everything)} utterances (training accuracy {acc:.3f}, three-way {acc3:.3f})")


if __name__ == "__main__":
    main()
