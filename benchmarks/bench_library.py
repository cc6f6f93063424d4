"""How long the bundled library takes to load and check: what a notebook or dashboard pays at start.

Run: python benchmarks/bench_library.py   (or make benchmark). Prints medians; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def cold(code: str, repeat: int = 7) -> float:
    """Median wall time of ``code`` in a fresh interpreter, minus a bare start-up."""
    def once(c: str) -> float:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", c], check=True)
        return time.perf_counter() - t

    bare = statistics.median(once("pass") for _ in range(repeat))
    return (statistics.median(once(code) for _ in range(repeat)) - bare) * 1000


def warm(fn, repeat: int = 20) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


ONE_DIALOGUE = "import mi_widgets; mi_widgets.get_dialogue('gp-diabetes-mi')"


def main() -> None:
    from mi_widgets.engine import library
    from mi_widgets.engine.checks import check_paths
    from mi_widgets.engine.loaders import load_folder

    checked = check_paths([library.data_dir()])
    print(f"library: {checked.summary()}")
    print("fresh interpreter (start-up subtracted), median of 7:")
    print(f"  all dialogues (load_folder)              {cold('from mi_widgets.engine.loaders import load_folder; load_folder()'):7.1f} ms")
    print(f"  one dialogue by id                       {cold(ONE_DIALOGUE):7.1f} ms")
    print(f"  all quiz items                           {cold('import mi_widgets; mi_widgets.quiz_items()'):7.1f} ms")
    print(f"  all practice prompts                     {cold('import mi_widgets; mi_widgets.practice_prompts()'):7.1f} ms")
    print("warm, in this process, median of 20:")
    print(f"  validate the whole library (check_paths) {warm(lambda: check_paths([library.data_dir()])):7.1f} ms")
    print(f"  all dialogues again (load_folder)        {warm(load_folder):7.1f} ms")
    print(f"  quiz items again (cached until a file changes) {warm(library.quiz_items):5.2f} ms")


if __name__ == "__main__":
    main()
