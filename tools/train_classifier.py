"""Train the classifier's small model on the project's own material and write it into the package.

    python tools/train_classifier.py                # train on all English tuning material, write the model
    python tools/train_classifier.py --check        # cross-check: train without one source, test on it
    python tools/train_classifier.py --lang da --check   # the same for Danish (or nb): is a model worth it?
    python tools/train_classifier.py --lang da --folds 5 # pooled 5-fold cross-check, model against rules alone

Tuning material (never the held-out sets), in the language asked for only: the library's coded
counsellor utterances (dialogues with that ``language``), the practice prompts' model answers in
that language, and the development sets tests/fixtures/classifier/dev-*-<lang>.csv (dev-a-en.csv,
dev-da.csv ...). The model is a multinomial logistic regression (numpy, full-batch gradient
descent, L2) over the rules' evidence and the words; the result is JSON that the engine reads with
plain Python. A language without a model file is classified by the rules alone (see --check).
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
from mi_widgets.engine.evaluation import Example, library_examples, read_examples  # noqa: E402

DEV_DIR = ROOT / "tests" / "fixtures" / "classifier"
CLASSES = ("Q", "SR", "CR", "AF", "GI", "PERS", "PWP", "SEEK", "EMPH", "CONF", "-")
L2 = 0.02
STEPS = 400
RATE = 0.5
MIN_COUNT = 2  # a word feature must occur in at least this many training utterances
KEEP = 1e-3  # drop weights smaller than this from the shipped file
#: What the model may weigh, per language. "all": the rules' evidence and the words (English, with
#: about 1,800 tuning utterances). "evidence": only the rules' evidence (form, cues, scores, the
#: rules' verdict, overlap with the client's line), no words and no length: with a few hundred
#: utterances, most written for the development set, word weights learn the writers' habits, and
#: length learns that long lines in the prompts are complex reflections (cross-checks in the
#: fixtures README).
FEATURES = {"en": "all", "da": "evidence", "nb": "evidence"}
WORDS = ("w:", "b:", "f:", "f2:", "l:")


def sources(lang: str = "en") -> dict[str, list[Example]]:
    """The tuning material in ``lang``, by source: library, prompts, and each dev set."""
    from mi_widgets.engine.loaders import load_folder

    languages = {d.id: d.language for d in load_folder()[0]}
    out = {
        "library": [ex for ex in library_examples() if languages.get(ex.source.rsplit("#", 1)[0]) == lang],
        "prompts": _prompt_examples(lang),
    }
    for path in sorted(DEV_DIR.glob("dev-*.csv")):
        if path.stem.split("-")[-1] == lang:
            out[path.stem] = read_examples(path)
    return out


def _prompt_examples(lang: str) -> list[Example]:
    """The model answers of the practice prompts written in ``lang`` (no English stand-ins), whatever
    language is in force (``prompt_examples`` follows the language in force)."""
    from mi_widgets.engine.library import practice_prompts

    out = []
    for p in practice_prompts(language=lang):
        if p.language != lang:
            continue
        for kind, code, qtype in (("open_questions", "Q", "open"), ("simple_reflections", "SR", None), ("complex_reflections", "CR", None)):
            for j, text in enumerate(getattr(p, kind), start=1):
                out.append(Example(text, code, qtype, p.statement, f"{p.id}:{kind}:{j}"))
    return out


def featurise(examples: list[Example], lang: str = "en") -> list[dict[str, float]]:
    cues = classifier._language(lang)
    rows = [classifier._evidence(ex.text, ex.context, cues)[0].features for ex in examples]
    if FEATURES.get(lang, "evidence") == "evidence":
        rows = [{f: v for f, v in row.items() if not f.startswith(WORDS + ("len:",))} for row in rows]
    return rows


def train(examples: list[Example], lang: str = "en") -> dict:
    rows = featurise(examples, lang)
    counts: dict[str, int] = {}
    for f in rows:
        for name in f:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or not n.startswith(WORDS))
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
        "language": lang,
        "features": FEATURES.get(lang, "evidence"),
        "fingerprint": classifier.fingerprint(lang),
        "trained_on": len(examples),
        "classes": list(CLASSES),
        "bias": [round(float(v), 4) for v in w[index["bias"]]],
        "weights": weights,
    }


def accuracy(model: dict | None, examples: list[Example], lang: str = "en") -> tuple[float, float]:
    """(exact, question/reflection/other) accuracy of a model, or of the rules alone when None."""
    from mi_widgets.engine.evaluation import three_way

    cues = classifier._language(lang)
    m = None if model is None else classifier._Model(tuple(model["classes"]), tuple(model["bias"]), {f: tuple(v) for f, v in model["weights"].items()})
    hit = hit3 = 0
    for ex, features in zip(examples, featurise(examples, lang)):
        r, rule, _depth = classifier._evidence(ex.text, ex.context, cues)
        code = "-" if rule is None else m.predict(features)[0] if m is not None else rule
        gold = ex.code or "-"
        hit += code == gold
        hit3 += three_way(None if code == "-" else code) == three_way(ex.code)
    return hit / len(examples), hit3 / len(examples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="leave each source out in turn and report accuracy on it, with the model and with the rules alone")
    ap.add_argument("--folds", type=int, metavar="K", help="pool all sources, cross-check in K folds, model against rules alone")
    ap.add_argument("--lang", default="en", choices=["en", "da", "nb"], help="the language to train (default: en)")
    args = ap.parse_args()
    lang = args.lang
    data = {name: exs for name, exs in sources(lang).items() if exs}
    if args.folds:
        import random

        pooled = [ex for exs in data.values() for ex in exs]
        random.Random(7).shuffle(pooled)
        folds = [pooled[i :: args.folds] for i in range(args.folds)]
        n = hit = rhit = hit3 = rhit3 = 0.0
        for i, held in enumerate(folds):
            rest = [ex for j, fold in enumerate(folds) if j != i for ex in fold]
            acc, acc3 = accuracy(train(rest, lang), held, lang)
            racc, racc3 = accuracy(None, held, lang)
            n += len(held)
            hit, hit3, rhit, rhit3 = hit + acc * len(held), hit3 + acc3 * len(held), rhit + racc * len(held), rhit3 + racc3 * len(held)
        print(f"{args.folds}-fold, {int(n)} utterances: model {hit / n:.3f} (question/reflection/other {hit3 / n:.3f}); rules alone {rhit / n:.3f} ({rhit3 / n:.3f})")
        return
    if args.check:
        for name, held in data.items():
            rest = [ex for other, exs in data.items() if other != name for ex in exs]
            acc, acc3 = accuracy(train(rest, lang), held, lang)
            racc, racc3 = accuracy(None, held, lang)
            print(f"without {name:10} -> on it: {acc:.3f} (question/reflection/other {acc3:.3f}, n={len(held)}); rules alone {racc:.3f} ({racc3:.3f})")
        return
    everything = [ex for exs in data.values() for ex in exs]
    model = train(everything, lang)
    classifier.MODEL_DIR.mkdir(exist_ok=True)
    out = classifier.MODEL_DIR / f"classifier_{lang}.json"
    out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    acc, acc3 = accuracy(model, everything, lang)
    print(f"wrote {out.relative_to(ROOT)}: {len(model['weights'])} features, trained on {len(everything)} utterances (training accuracy {acc:.3f}, three-way {acc3:.3f})")


if __name__ == "__main__":
    main()
