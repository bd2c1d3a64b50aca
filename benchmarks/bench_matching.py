"""Benchmark: matching at register scale, against upstream MatchIt 4.7.2 in the same run.

Data: the ``hela_familjen`` teaching-data generator at ``--rows`` rows (default 1,000,000), 10
covariates (3 of them text factors), about 13 % treated. Every measurement runs in a fresh child
process that reads the same pickled frame, so each reports its own wall time and peak RSS (the
child's max RSS, which includes the data frame itself):

* ``wb.match(..., method="nearest", caliper=0.2)`` (1:1, MatchIt's order: largest score first);
* ``method="subclass"`` and ``method="exact"``;
* ``m.balance()`` and ``m.effect(outcome)`` (cluster-robust SE on the pairs) after the nearest match;
* where R with MatchIt >= 4.7 is found (``--r-lib``), ``matchit(..., method = "nearest",
  caliper = 0.2)`` on the same rows (``matchit()`` only, not reading the CSV), and whether the two
  give identical weights. ``benchmarks/install_matchit.sh`` installs MatchIt 4.7.2 into a library.

Each figure is the best of ``--repeat`` runs (default 3). Ratios are workbench / MatchIt.

Run:  .venv/bin/python benchmarks/bench_matching.py [--rows N] [--repeat K] [--r-lib /tmp/Rlib]
Goals (issue 20): nearest <= 0.3x MatchIt and <= 1 GB; subclass, exact <= 2 s; balance, effect <= 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COVARIATES = ["ålder", "kön", "hushållstyp", "antal_barn", "år_med_bistånd", "utbildning",
              "född_utomlands", "arbetat_senaste_3_år", "hälsohinder", "bistånd_kr_per_månad"]
ASCII = {"ålder": "alder", "kön": "kon", "hushållstyp": "hushallstyp", "år_med_bistånd": "ar_med_bistand",
         "född_utomlands": "fodd_utomlands", "arbetat_senaste_3_år": "arbetat_senaste_3_ar",
         "hälsohinder": "halsohinder", "bistånd_kr_per_månad": "bistand_kr_per_manad"}
TREAT, OUTCOME = "hela_familjen", "månader_med_bistånd"

R_SCRIPT = r"""
args <- commandArgs(trailingOnly = TRUE)
.libPaths(c(args[3], .libPaths()))
suppressPackageStartupMessages(library(MatchIt))
d <- read.csv(args[1], fileEncoding = "UTF-8")
f <- as.formula(paste("treat ~", paste(setdiff(names(d), "treat"), collapse = " + ")))
tm <- system.time(m <- matchit(f, data = d, method = "nearest", caliper = 0.2))[["elapsed"]]
write.csv(data.frame(weights = m$weights), args[2], row.names = FALSE)
cat(as.character(packageVersion("MatchIt")), tm, sum(m$weights[d$treat == 1] > 0), "\n")
"""

# what a child process runs: read the frame, time one step, print JSON
CHILD = r"""
import json, pickle, resource, sys, time
import workbench as wb
path, what, covs, treat, outcome = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4], sys.argv[5]
with open(path, "rb") as fh:
    d = pickle.load(fh)
out = {}
t0 = time.perf_counter()
if what in ("nearest", "subclass", "exact"):
    kw = {"caliper": 0.2} if what == "nearest" else {}
    m = wb.match(d, treat, covs, method=what, **kw)
    out["seconds"] = time.perf_counter() - t0
    out["treated_matched"] = m.counts["treated_matched"]
    if len(sys.argv) > 6:
        m.weights.to_frame().to_csv(sys.argv[6], index=False)
else:
    m = wb.match(d, treat, covs, caliper=0.2)
    t0 = time.perf_counter()
    if what == "balance":
        m.balance()
    else:
        e = m.effect(outcome)
        out["estimate"], out["std_error"] = e.estimate.estimate, e.estimate.std_error
    out["seconds"] = time.perf_counter() - t0
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def run_child(argv: list[str]) -> str:
    """Run a child process (it reports its own peak RSS) and return its stdout."""
    res = subprocess.run(argv, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed: {res.stderr.strip()[-600:]}")
    return res.stdout


def ours(data: Path, what: str, repeat: int, weights_csv: Path | None = None) -> dict:
    best: dict | None = None
    for i in range(repeat):
        argv = [sys.executable, "-c", CHILD, str(data), what, json.dumps(COVARIATES), TREAT, OUTCOME]
        if weights_csv is not None and i == 0:
            argv.append(str(weights_csv))
        out = run_child(argv)
        got = json.loads(out.strip().splitlines()[-1])
        if best is None or got["seconds"] < best["seconds"]:
            best = {**got, "peak_mb": max(got["peak_mb"], best["peak_mb"] if best else 0.0)}
        else:
            best["peak_mb"] = max(best["peak_mb"], got["peak_mb"])
    assert best is not None
    return best


def best_of(a: dict, b: dict) -> dict:
    """The faster run, with the larger peak RSS of the two."""
    best = a if a["seconds"] <= b["seconds"] else b
    return {**best, "peak_mb": max(a["peak_mb"], b["peak_mb"])}


def matchit(csv: Path, weights_csv: Path, r_lib: str, repeat: int) -> dict | None:
    if shutil.which("Rscript") is None:
        print("R is not available: no MatchIt comparison")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp, "run.R")
        script.write_text(R_SCRIPT, encoding="utf-8")
        best = None
        for _ in range(repeat):
            # output goes to files so that wait4 (which gives this child's own peak RSS) cannot block
            with open(Path(tmp, "out"), "w+") as fo, open(Path(tmp, "err"), "w+") as fe:
                proc = subprocess.Popen(["Rscript", str(script), str(csv), str(weights_csv), r_lib],
                                        stdout=fo, stderr=fe, text=True)
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                fo.seek(0)
                fe.seek(0)
                out, err = fo.read(), fe.read()
            if proc.returncode != 0:
                print("MatchIt run failed:", err.strip()[-400:])
                return None
            version, seconds, n_matched = out.split()[-3:]
            if tuple(int(x) for x in version.split(".")[:2]) < (4, 7):
                print(f"MatchIt {version} found; the comparison needs upstream MatchIt >= 4.7 "
                      "(Debian's 4.5.1 is ~120x slower and ignores the caliper): "
                      "run benchmarks/install_matchit.sh")
                return None
            got = {"version": version, "seconds": float(seconds), "treated_matched": int(n_matched),
                   "peak_mb": usage.ru_maxrss / 1024}
            if best is None or got["seconds"] < best["seconds"]:
                best = {**got, "peak_mb": max(got["peak_mb"], best["peak_mb"] if best else 0.0)}
        return best


def main() -> None:
    import numpy as np
    import pandas as pd

    import workbench as wb

    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--r-lib", default="/tmp/Rlib")
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        data, csv = Path(tmp, "d.pkl"), Path(tmp, "d.csv")
        w_ours, w_r = Path(tmp, "w_ours.csv"), Path(tmp, "w_r.csv")
        d = wb.samples.generate(TREAT, n=a.rows)
        d.to_pickle(data)
        x = d[COVARIATES].rename(columns=ASCII)
        x.insert(0, "treat", d[TREAT].to_numpy())
        x.to_csv(csv, index=False, encoding="utf-8")
        del d, x

        print(f"{a.rows:,} rows x {len(COVARIATES)} covariates, best of {a.repeat} "
              f"({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)")
        # the peer and we take turns, so that a change in the machine's load hits both alike
        res: dict[str, dict] = {}
        r: dict | None = None
        for i in range(a.repeat):
            got = ours(data, "nearest", 1, w_ours if i == 0 else None)
            res["nearest"] = got if "nearest" not in res else best_of(res["nearest"], got)
            if i == 0 or r is not None:
                got_r = matchit(csv, w_r, a.r_lib, 1)
                r = got_r if r is None or got_r is None else best_of(r, got_r)
        for what in ("subclass", "exact", "balance", "effect"):
            res[what] = ours(data, what, a.repeat)

        goals = {"nearest": None, "subclass": 2.0, "exact": 2.0, "balance": 1.0, "effect": 1.0}
        for what, got in res.items():
            goal = goals[what]
            verdict = "" if goal is None else f"  (goal <= {goal:.0f} s: {'met' if got['seconds'] <= goal else 'NOT met'})"
            print(f"workbench {what:<9} {got['seconds']:7.2f} s  peak RSS {got['peak_mb']:6.0f} MB{verdict}")
        if r is not None:
            n = res["nearest"]
            ratio = n["seconds"] / r["seconds"]
            same = np.allclose(pd.read_csv(w_ours)["weights"].to_numpy(),
                               pd.read_csv(w_r)["weights"].to_numpy(), rtol=0, atol=1e-9)
            print(f"MatchIt {r['version']} nearest {r['seconds']:7.2f} s  peak RSS {r['peak_mb']:6.0f} MB  "
                  f"(matchit() only)")
            print(f"ratio workbench / MatchIt: time {ratio:.2f}x (goal <= 0.3x: {'met' if ratio <= 0.3 else 'NOT met'}), "
                  f"memory {n['peak_mb'] / r['peak_mb']:.2f}x; matched treated {n['treated_matched']:,} vs "
                  f"{r['treated_matched']:,}; identical weights: {same}")


if __name__ == "__main__":
    main()
