"""Time to score a 1,000-utterance coded transcript: parse the CSV, tally by MITI, build the report.

Run: python benchmarks/bench_scoring.py   (or make benchmark). Prints medians; asserts nothing.
"""

from __future__ import annotations

import csv
import io
import random
import statistics
import time

from mi_widgets.engine.agreement import compare
from mi_widgets.engine.codes import COUNSELOR_KEYS
from mi_widgets.engine.loaders import parse_transcript
from mi_widgets.engine.miti import score_dialogue
from mi_widgets.engine.report import build_report, render_html, render_text


def make_transcript(n: int = 1000, seed: int = 1) -> str:
    rng = random.Random(seed)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["speaker", "text", "code", "subcode"])
    for i in range(n):
        if rng.random() < 0.55:
            code = rng.choice(COUNSELOR_KEYS + ("",))
            w.writerow(["counselor", f"Counsellor utterance {i}, with a comma and ‘quotes’.", code, rng.choice(["open", "closed"]) if code == "Q" else ""])
        else:
            code = rng.choice(["CT", "ST", "N"])
            w.writerow(["client", f"Client utterance {i}: æøå.", code, "reasons" if code != "N" else ""])
    return buf.getvalue()


def timed(fn, repeat: int = 30) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000


def main() -> None:
    text = make_transcript()
    dialogue = parse_transcript(text, "bench.csv")
    report = build_report(dialogue)
    gold = [u.code or "uncoded" for u in dialogue.utterances]
    learner = [g if i % 7 else "SR" for i, g in enumerate(gold)]
    render_html(report, dialogue)  # warm the template cache, as a second report would
    print(f"1,000-utterance transcript ({len(text) / 1024:.0f} KiB), median of 30 runs:")
    print(f"  parse CSV                 {timed(lambda: parse_transcript(text, 'bench.csv')):7.2f} ms")
    print(f"  MITI tallies + summary    {timed(lambda: score_dialogue(dialogue)):7.2f} ms")
    print(f"  learner vs gold (kappa)   {timed(lambda: compare(gold, learner)):7.2f} ms")
    print(f"  text report               {timed(lambda: render_text(build_report(dialogue))):7.2f} ms")
    print(f"  HTML report               {timed(lambda: render_html(build_report(dialogue), dialogue)):7.2f} ms")
    total = timed(lambda: render_text(build_report(parse_transcript(text, "bench.csv"))))
    print(f"  parse + score + text      {total:7.2f} ms")


if __name__ == "__main__":
    main()
