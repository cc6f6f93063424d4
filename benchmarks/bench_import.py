"""Time of `import mi_widgets` in a fresh interpreter, against a bare interpreter start.

Run: python benchmarks/bench_import.py   (or make benchmark). Prints medians; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def run(code: str, repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    bare = run("pass")
    light = run("import mi_widgets")
    engine = run("import mi_widgets.engine.loaders, mi_widgets.engine.miti")
    with_report = run("import mi_widgets; mi_widgets.report_text('er-alcohol-mi')")
    pandas = run("import pandas")
    print("fresh interpreter, median of 15 runs (includes Python's own start-up):")
    print(f"  python -c pass                          {bare:7.1f} ms")
    print(f"  import mi_widgets                       {light:7.1f} ms  (+{light - bare:.1f} ms)")
    print(f"  import loaders + miti (no pandas)       {engine:7.1f} ms  (+{engine - bare:.1f} ms)")
    print(f"  first report of a library dialogue      {with_report:7.1f} ms  (+{with_report - bare:.1f} ms)")
    print(f"  for scale: import pandas                {pandas:7.1f} ms  (+{pandas - bare:.1f} ms)")


if __name__ == "__main__":
    main()
