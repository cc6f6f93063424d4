"""Time to import a data set the size of AnnoMI: read the full-layout CSV, write the dialogue files.

The file is synthetic (invented text, random labels) but shaped like AnnoMI-full.csv: 133
transcripts, 9,699 utterances, and extra annotators on some transcripts up to 13,551 rows. It is
written to a temporary folder and removed afterwards.

Run: python benchmarks/bench_annomi.py   (or make benchmark). Prints medians; asserts nothing.
"""

from __future__ import annotations

import csv
import random
import tempfile
from pathlib import Path

from bench_scoring import timed  # benchmarks/ is on the path when run as a script
from mi_widgets.engine.importers import dialogue_yaml, read_annomi, write_dialogues

COLUMNS = [
    "mi_quality", "transcript_id", "video_title", "video_url", "topic", "utterance_id", "interlocutor",
    "timestamp", "utterance_text", "annotator_id", "therapist_input_exists", "therapist_input_subtype",
    "reflection_exists", "reflection_subtype", "question_exists", "question_subtype",
    "main_therapist_behaviour", "client_talk_type",
]
WORDS = ("well", "I", "you", "think", "drink", "walk", "maybe", "really", "week", "doctor", "um", "so",
         "smoke", "try", "family", "work", "feel", "better", "—", "[chuckles]", "café", "“never”", "again,")
TOPICS = ("reducing alcohol consumption", "smoking cessation", "more exercise / increasing activity",
          "taking medicine / following medical procedure", "reducing recidivism")
SUBTYPES = {"question": ("question", ("open", "closed")), "reflection": ("reflection", ("simple", "complex")),
            "therapist_input": ("therapist_input", ("information", "advice", "negotiation", "options"))}


def _lengths(rng: random.Random, n_transcripts: int, n_utterances: int) -> list[int]:
    """Transcript lengths that vary like AnnoMI's (a few long, many short) and add up exactly."""
    weights = [rng.lognormvariate(0, 0.9) for _ in range(n_transcripts)]
    lengths = [max(6, round(w / sum(weights) * n_utterances)) for w in weights]
    lengths[lengths.index(max(lengths))] += n_utterances - sum(lengths)
    return lengths


def _row(rng: random.Random, t: int, quality: str, topic: str, uid: int, annotator: int) -> list[str]:
    who = "therapist" if uid % 2 == 0 else "client"
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 30))).capitalize() + rng.choice(".?")
    meta = [quality, str(t), f"Demonstration {t}: a made-up session", f"https://example.org/videos/{t}", topic,
            str(uid), who, f"00:{uid // 60 % 60:02d}:{uid % 60:02d}", text, str(annotator)]
    if who == "client":
        return meta + ["n/a"] * 7 + [rng.choice(("change", "neutral", "neutral", "sustain"))]
    main = rng.choice(("question", "reflection", "therapist_input", "other"))
    flags: list[str] = []
    for key in ("therapist_input", "reflection", "question"):
        _, values = SUBTYPES[key]
        flags += ["True", rng.choice(values)] if key == main else ["False", "n/a"]
    return meta + flags + [main, "n/a"]


def make_annomi_full(path: Path, n_transcripts: int = 133, n_utterances: int = 9699, n_rows: int = 13551, seed: int = 7) -> int:
    """Write a synthetic AnnoMI-full.csv; returns the number of data rows."""
    rng = random.Random(seed)
    lengths = _lengths(rng, n_transcripts, n_utterances)
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        extra_budget = n_rows - n_utterances
        for t, length in enumerate(lengths):
            quality = "high" if t % 6 else "low"
            topic = TOPICS[t % len(TOPICS)]
            annotators = [t % 10]
            if extra_budget >= length and t % 3 == 0:  # a second (third, ...) annotator, as for AnnoMI's agreement sample
                annotators.append((t + 1) % 10)
                extra_budget -= length
            for annotator in annotators:
                for uid in range(length):
                    w.writerow(_row(rng, t, quality, topic, uid, annotator))
                    rows += 1
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "AnnoMI-full.csv"
        n_rows = make_annomi_full(src)
        dialogues = read_annomi(src)
        n_utt = sum(len(d.utterances) for d in dialogues)
        runs = iter(range(1000))
        print(f"synthetic AnnoMI-full.csv: {src.stat().st_size / 1e6:.1f} MB, {n_rows} rows, "
              f"{len(dialogues)} transcripts, {n_utt} utterances kept; median of 3 runs:")
        read = timed(lambda: read_annomi(src), repeat=3)
        print(f"  read_annomi                              {read:8.1f} ms")
        write = timed(lambda: write_dialogues(dialogues, Path(tmp) / f"out{next(runs)}"), repeat=3)
        print(f"  write_dialogues (YAML, check, write)     {write:8.1f} ms")
        print(f"    of which the YAML text (PyYAML)        {timed(lambda: [dialogue_yaml(d) for d in dialogues], repeat=3):8.1f} ms")
        print(f"  both, as `mi-workbook import annomi`     {read + write:8.1f} ms")


if __name__ == "__main__":
    main()
