"""Benchmark: nearest-neighbour 1:1 propensity matching with caliper 0.2 at register scale.

Data: the ``hela_familjen`` teaching-data generator at n rows (default 1,000,000), 10 covariates
(3 of them text factors), about 13 % treated. Reports wall time and peak memory (max RSS of this
process) for ``wb.match``, and, where R with MatchIt >= 4.5.3 is available, MatchIt's time on the same
data at ``--r-rows`` rows (default 100,000: MatchIt's nearest neighbour grows about quadratically and
takes ~11 minutes at 1,000,000 rows) together with our time at that size, and whether the matches agree.

Run:  .venv/bin/python benchmarks/bench_matching.py [--rows N] [--r-rows M] [--r-lib /tmp/Rlib]
Not part of the test run. Floors from the issue: < 60 s and < 4 GB at 1,000,000 rows.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

COVARIATES = ["ålder", "kön", "hushållstyp", "antal_barn", "år_med_bistånd", "utbildning",
              "född_utomlands", "arbetat_senaste_3_år", "hälsohinder", "bistånd_kr_per_månad"]
ASCII = {"ålder": "alder", "kön": "kon", "hushållstyp": "hushallstyp", "år_med_bistånd": "ar_med_bistand",
         "född_utomlands": "fodd_utomlands", "arbetat_senaste_3_år": "arbetat_senaste_3_ar",
         "hälsohinder": "halsohinder", "bistånd_kr_per_månad": "bistand_kr_per_manad"}

R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
.libPaths(c(args[3], .libPaths()))
suppressPackageStartupMessages(library(MatchIt))
d <- read.csv(args[1], fileEncoding = "UTF-8")
f <- as.formula(paste("treat ~", paste(setdiff(names(d), "treat"), collapse = " + ")))
tm <- system.time(m <- matchit(f, data = d, method = "nearest", caliper = 0.2))[["elapsed"]]
write.csv(data.frame(weights = m$weights), args[2], row.names = FALSE)
cat(as.character(packageVersion("MatchIt")), tm, "\n")
"""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_ours(d, label: str):
    import workbench as wb

    t0 = time.perf_counter()
    m = wb.match(d, "hela_familjen", COVARIATES, caliper=0.2)
    dt = time.perf_counter() - t0
    print(f"workbench {label}: {len(d):>9,} rows  {dt:7.2f} s  peak RSS {peak_mb():7.0f} MB  "
          f"matched treated {m.counts['treated_matched']:,} of {m.counts['treated']:,}")
    return m, dt


def run_matchit(d, r_lib: str):
    if shutil.which("Rscript") is None:
        print("R is not available: no MatchIt comparison")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        data_csv, out_csv, script = Path(tmp, "d.csv"), Path(tmp, "w.csv"), Path(tmp, "run.R")
        x = d[COVARIATES].rename(columns=ASCII)
        x.insert(0, "treat", d["hela_familjen"].to_numpy())
        x.to_csv(data_csv, index=False, encoding="utf-8")
        script.write_text(R_SCRIPT, encoding="utf-8")
        res = subprocess.run(["Rscript", str(script), str(data_csv), str(out_csv), r_lib],
                             capture_output=True, text=True)
        if res.returncode != 0:
            print("MatchIt run failed:", res.stderr.strip()[-400:])
            return None
        version, seconds = res.stdout.split()[-2:]
        if version < "4.5.3":
            print(f"MatchIt {version} is older than 4.5.3 (buggy nearest neighbour): not compared")
            return None
        import pandas as pd

        return version, float(seconds), pd.read_csv(out_csv)["weights"].to_numpy()


def main() -> None:
    import numpy as np

    import workbench as wb

    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--r-rows", type=int, default=100_000)
    ap.add_argument("--r-lib", default="/tmp/Rlib")
    a = ap.parse_args()

    big = wb.samples.generate("hela_familjen", n=a.rows)
    _, t_big = run_ours(big, "full")
    ok = t_big < 60 and peak_mb() < 4096
    print(f"floor (< 60 s, < 4 GB): {'met' if ok else 'NOT met'}")

    small = wb.samples.generate("hela_familjen", n=a.r_rows)
    m_small, t_small = run_ours(small, "R size")
    r = run_matchit(small, a.r_lib)
    if r is not None:
        version, t_r, w_r = r
        same = np.allclose(m_small.weights.to_numpy(), w_r, atol=1e-9)
        print(f"MatchIt {version}: {a.r_rows:,} rows {t_r:.2f} s (matchit() only); workbench "
              f"{t_small:.2f} s (including reading checks and the score) -> MatchIt/workbench = "
              f"{t_r / t_small:.1f}x; identical weights: {same}")


if __name__ == "__main__":
    main()
