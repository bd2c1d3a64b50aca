"""Time of ``import workbench`` against ``import pandas`` (fresh interpreters, median of 7).

Goal: ``import workbench`` under 0.5 s; the ratio shows how much lighter it is than pandas.
"""

from __future__ import annotations

import statistics
import subprocess
import sys


def import_time(module: str, runs: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


if __name__ == "__main__":
    wb = import_time("workbench")
    pd = import_time("pandas")
    print(f"import workbench: {wb:.3f} s   import pandas: {pd:.3f} s   ratio workbench/pandas: {wb / pd:.2f}")
    print("goal: import workbench < 0.5 s:", "OK" if wb < 0.5 else "FAILED")
    sys.exit(0 if wb < 0.5 else 1)
