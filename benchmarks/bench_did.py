"""Speed of the DiD engine: TWFE with unit-clustered SE, against pyfixest in the same run.

Run:  .venv/bin/python benchmarks/bench_did.py

Panels: 290 municipalities × 120 months and 5,000 units × 120 months (balanced; plus an
unbalanced version with 10 % of rows dropped at random). Timed (min of ``REPEATS`` after one
warm-up), and printed as ratios to pyfixest (goals: default ``wb.did`` ≤ 0.7× on balanced panels,
≤ 1.2× on unbalanced ones):

* ``workbench engine``: validate and code the long table (``prepare_panel``), absorb both fixed
  effects, estimate and cluster — everything ``wb.did`` does for the headline TWFE number;
* ``wb.did`` front door, default call (what a user types): also the event-study pre-trend test
  that decides credibility (from per-bin counts, ``area/event_fast.py``, no N×k design) and, with
  staggered starts, the Goodman-Bacon weights;
* pyfixest ``feols("y ~ d | unit + time", vcov={"CRV1": "unit"})`` (numba JIT warmed up first);
  if pyfixest is missing, linearmodels ``PanelOLS(entity_effects, time_effects)`` clustered.

pyfixest is not a dependency of the workbench: ``.venv/bin/pip install -e '.[bench]'`` to compare.
On a loaded machine multi-threaded OpenBLAS spends more time waking threads than computing the
small (G×T, k×k) products of the event-study pre-trend test; ``OPENBLAS_NUM_THREADS=1`` (the same
for both peers) gives steadier ratios. The load average is printed with the results.
The estimates must agree with pyfixest's to 1e-8 (checked, printed).
Not part of the test run.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

REPEATS = 5


def make_panel(n_units: int, n_times: int = 120, *, seed: int = 1, drop: float = 0.0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    unit = np.repeat(np.arange(n_units), n_times)
    t = np.tile(np.arange(n_times), n_units)
    treated = unit < max(1, n_units // 10)
    d = (treated & (t >= n_times // 2)).astype(np.int64)
    y = rng.normal(size=n_units)[unit] + 0.01 * t + 0.5 * d + rng.normal(size=unit.size)
    df = pd.DataFrame({"unit": unit, "time": t, "y": y, "d": d})
    if drop:
        df = df[rng.random(len(df)) > drop].reset_index(drop=True)
    return df


def best(fn, repeats: int = REPEATS) -> tuple[float, object]:
    out = fn()  # warm-up (imports, JIT)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def workbench_engine(df: pd.DataFrame):
    from workbench.ladder.area.panel import prepare_panel
    from workbench.ladder.area.twfe import Demeaner, fit_twfe

    p = prepare_panel(df, unit="unit", time="time", outcome="y", treated="d")
    dm = Demeaner.build(p.unit_code, p.time_code, p.n_units, p.n_times)
    fit = fit_twfe(p.y, p.d, dm)
    return float(fit.coef[0]), float(fit.se[0])


def workbench_front_door(df: pd.DataFrame):
    import workbench as wb

    r = wb.did(df, unit="unit", time="time", outcome="y", treated="d")
    return r.estimate.estimate, r.estimate.std_error


def reference():
    try:
        import pyfixest as pf

        def run(df):
            m = pf.feols("y ~ d | unit + time", data=df, vcov={"CRV1": "unit"})
            return float(m.coef().iloc[0]), float(m.se().iloc[0])

        return "pyfixest " + pf.__version__, run
    except ImportError:
        from linearmodels import PanelOLS

        def run(df):
            data = df.set_index(["unit", "time"])
            m = PanelOLS(data["y"], data[["d"]], entity_effects=True, time_effects=True)
            r = m.fit(cov_type="clustered", cluster_entity=True)
            return float(r.params["d"]), float(r.std_errors["d"])

        return "linearmodels PanelOLS (pyfixest not installed)", run


def main() -> None:
    name, ref = reference()
    import os

    print(f"reference: {name}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset')}")
    print(f"{'panel':<24}{'ref s':>8}{'engine s':>10}{'ratio':>8}{'wb.did s':>10}{'ratio':>8}"
          f"{'goal':>7}   |estimate − ref|")
    for n_units, drop in ((290, 0.0), (5000, 0.0), (290, 0.10), (5000, 0.10)):
        df = make_panel(n_units, drop=drop)
        label = f"{n_units}×120" + (" unbalanced" if drop else " balanced")
        t_ref, (rb, rse) = best(lambda: ref(df))
        t_eng, (b, se) = best(lambda: workbench_engine(df))
        t_fd, (fb, _) = best(lambda: workbench_front_door(df))
        goal = 1.2 if drop else 0.7
        diff = max(abs(b - rb), abs(fb - rb))
        print(f"{label:<24}{t_ref:>8.3f}{t_eng:>10.3f}{t_eng / t_ref:>7.2f}×{t_fd:>10.3f}"
              f"{t_fd / t_ref:>7.2f}×{goal:>6.1f}×   {diff:.1e}{'' if diff < 1e-8 else '  (NOT EQUAL)'}")


if __name__ == "__main__":
    main()
