"""How instant the widgets are: building each one, and what each main click costs in the kernel.

Run: python benchmarks/bench_widgets.py   (or make benchmark). Prints medians; asserts nothing.
Progress goes to a temporary file. The browser adds its own rendering time on top (see the
Voila browser tests), but this is the part the workbook controls.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_scoring import timed  # noqa: E402


def main() -> None:
    os.environ["MI_WORKBOOK_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    cold = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); import mi_widgets as mi; mi.Quiz('oars'); print((time.perf_counter() - t) * 1000)"],
        capture_output=True, text=True, check=True, env=os.environ,
    )
    print(f"first widget in a fresh kernel (import ipywidgets, library, Quiz)  {float(cold.stdout):7.1f} ms")

    import mi_widgets as mi
    from mi_widgets import ProgressStore

    builds = {
        "CodingExercise (quitline-smoking, both)": lambda: mi.CodingExercise("quitline-smoking", target="both"),
        "Quiz (oars, 16 items)": lambda: mi.Quiz("oars"),
        "GlobalRatingExercise": lambda: mi.GlobalRatingExercise("er-alcohol-mi"),
        "ReflectionPractice": lambda: mi.ReflectionPractice("alcohol-01"),
        "ReadinessRuler": lambda: mi.ReadinessRuler(topic="walking"),
        "DecisionalBalance": lambda: mi.DecisionalBalance("balance-drinking"),
        "RealplayTimer": lambda: mi.RealplayTimer(),
        "ObserverTally": lambda: mi.ObserverTally(),
        "Journal": lambda: mi.Journal(),
        "ProgressPanel": lambda: mi.ProgressPanel(),
        "Presenter (dashboard)": lambda: mi.Presenter("er-alcohol-mi"),
        "ClassResults (dashboard, empty)": lambda: mi.ClassResults(),
        "SessionReport (dashboard)": lambda: mi.SessionReport(),
        "LibraryBrowser (dashboard)": lambda: mi.LibraryBrowser(),
        "RealplayBoard (dashboard)": lambda: mi.RealplayBoard(),
    }
    print("build, median of 10 (warm):")
    for name, build in builds.items():
        build()
        print(f"  {name:42s} {timed(build, 10):7.1f} ms")

    coding = mi.CodingExercise("quitline-smoking", target="both")
    for i, u in enumerate(coding.dialogue.utterances):
        coding.set_code(i, u.label or "none")
    practice = mi.ReflectionPractice("alcohol-01")
    practice.write("It sounds like the beers are how you get your evening back.")
    quiz = mi.Quiz("oars")
    quiz.choose(0)
    tally = mi.ObserverTally()
    for _ in range(200):  # a realistic file to read and rewrite on every save
        mi.Quiz(items=["oars-01"])
    store = ProgressStore()
    for n in range(150):
        store.save("quiz", f"filler-{n}", score=1, max=1)
    print(f"clicks, median of 20, progress file with {len(store.records())} records:")
    print(f"  {'Check (coding, 39 utterances, saves)':42s} {timed(coding.check, 20):7.1f} ms")
    print(f"  {'Check (reflection practice, classifier)':42s} {timed(practice.check, 20):7.1f} ms")
    print(f"  {'Check (quiz item, saves)':42s} {timed(quiz.check, 20):7.1f} ms")
    print(f"  {'Tap (observer tally)':42s} {timed(lambda: tally.tap('open'), 20):7.1f} ms")
    print(f"  {'save one record (lock, read, replace)':42s} {timed(lambda: store.save('quiz', 'x', score=1, max=1), 20):7.1f} ms")

    presenter = mi.Presenter("quitline-smoking")
    board = mi.ClassResults()
    report = mi.SessionReport()
    report.use_sample()
    library = mi.LibraryBrowser()

    def step() -> None:
        presenter.next() if presenter.position < len(presenter.dialogue.utterances) - 1 else presenter.restart()
        presenter.reveal()

    print("dashboard clicks, median of 10:")
    print(f"  {'Next + Reveal code (presenter)':42s} {timed(step, 10):7.1f} ms")
    print(f"  {'Load a demo class (12 learners)':42s} {timed(board.load_demo, 10):7.1f} ms")
    print(f"  {'Make the report (session report)':42s} {timed(report.make_report, 10):7.1f} ms")
    print(f"  {'Filter by topic (library)':42s} {timed(lambda: (library.filter(topic='alcohol'), library.reset()), 10):7.1f} ms")
    print(f"  {'Open as a coding exercise (library)':42s} {timed(lambda: library.open_exercise('quitline-smoking'), 10):7.1f} ms")


if __name__ == "__main__":
    main()
