"""The utterance classifier: accuracy per code on each evaluation set, and utterances per second.

Run: python benchmarks/bench_classifier.py   (or make benchmark). Prints figures; asserts nothing
(the accuracy floors live in tests/engine/test_classifier_accuracy.py).

Sets: the two held-out sets (never used to write the cues or train the model) and, for
comparison, the tuning material (library dialogues, practice prompts' model answers, dev sets).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from mi_widgets.engine.classifier import classify
from mi_widgets.engine.evaluation import Evaluation, evaluate, library_examples, prompt_examples, read_examples

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "classifier"


def show(name: str, ev: Evaluation) -> None:
    print(f"\n{name}: {ev.n} utterances")
    print(f"  exact code            {ev.accuracy:6.1%}")
    print(f"  question/reflection/other  accuracy {ev.three_way_accuracy:6.1%}   macro-F1 {ev.three_way_macro_f1:.3f}")
    print(f"  open vs closed (gold Q read as Q)  {ev.open_closed_accuracy:6.1%}  (n={sum(ev.open_closed.values())})")
    print("  per code:  code    n  recall  precision")
    for code, v in sorted(ev.per_code().items(), key=lambda kv: -kv[1]["n"]):
        if v["n"]:
            print(f"            {code:5} {int(v['n']):4}  {v['recall']:6.1%}  {v['precision']:6.1%}")


def speed(texts: list[str], rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for t in texts:
            classify(t)
        times.append(time.perf_counter() - start)
    return len(texts) / statistics.median(times)


def main() -> None:
    held = {p.stem: read_examples(p) for p in sorted(FIXTURES.glob("heldout*.csv"))}
    tuning = {"library": library_examples(), "prompts": prompt_examples(), **{p.stem: read_examples(p) for p in sorted(FIXTURES.glob("dev-*.csv"))}}
    for name, examples in held.items():
        show(f"HELD-OUT {name}", evaluate(examples))
    show("tuning material (all)", evaluate([ex for exs in tuning.values() for ex in exs]))
    texts = [ex.text for exs in (*held.values(), *tuning.values()) for ex in exs]
    start = time.perf_counter()
    classify("Do you drink during the week?")  # first call compiles the cues and loads the model
    print(f"\nfirst call (compile cues, load model): {1000 * (time.perf_counter() - start):.0f} ms")
    print(f"speed: {speed(texts):,.0f} utterances per second ({len(texts)} utterances, median of 5 rounds)")


if __name__ == "__main__":
    main()
