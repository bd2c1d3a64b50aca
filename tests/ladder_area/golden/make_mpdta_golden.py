"""Reference numbers for Callaway–Sant'Anna on the did package's ``mpdta`` data.

R with the ``did`` package is not available on this machine kind, so the reference is the faithful
Python port ``moderndid`` (0.2.0, PyPI), which reproduces ``did::att_gt`` + ``did::aggte`` with
``bstrap = FALSE`` (analytic influence-function SEs, including the estimated group-share term).
Run in a throwaway virtualenv (moderndid is not a dependency of the workbench)::

    python3 -m venv /tmp/mdvenv && /tmp/mdvenv/bin/pip install moderndid==0.2.0
    /tmp/mdvenv/bin/python make_mpdta_golden.py

Writes ``mpdta.csv`` (the data, with ``in_unbalanced``: the rows kept for the unbalanced case, about
90 %, seed 19) and ``mpdta_cs.csv`` (one row per case × level × key: att, se).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import moderndid as md
import numpy as np
import pandas as pd
import polars as pl

HERE = Path(__file__).parent
warnings.filterwarnings("ignore")


def main() -> None:
    data = md.load_mpdta().to_pandas()
    data = data[["countyreal", "year", "lemp", "first.treat"]].sort_values(["countyreal", "year"])
    rng = np.random.default_rng(19)
    # about 10 % of the rows dropped at random, but never 2003 or an area's first treated year (a 0/1
    # treatment column then still tells each area's cohort)
    keep = (data["year"] == 2003) | (data["year"] == data["first.treat"])
    data["in_unbalanced"] = ((rng.random(len(data)) > 0.13) | keep).astype(int)
    data.to_csv(HERE / "mpdta.csv", index=False)
    rows = []
    cases = [(c, b, a, False) for c in ("nevertreated", "notyettreated")
             for b in ("varying", "universal") for a in (0, 1)]
    cases += [(c, b, 0, True) for c in ("nevertreated", "notyettreated") for b in ("varying", "universal")]
    for control, base, antic, unbalanced in cases:
        df = data[data["in_unbalanced"] == 1] if unbalanced else data
        gt = md.att_gt(pl.from_pandas(df.drop(columns="in_unbalanced")), yname="lemp", tname="year",
                       idname="countyreal", gname="first.treat", xformla=None, est_method="dr",
                       control_group=control, base_period=base, anticipation=antic, boot=False,
                       cband=False, allow_unbalanced_panel=unbalanced,
                       panel=not unbalanced)  # 0.2.0: the unbalanced path is the RC one, as in R
        if unbalanced:
            # moderndid 0.2.0 keeps the unit-level cohorts G in cohort order while the unbalanced
            # (repeated cross-section) influence function has one row per area in id order, so the
            # group-share term of aggte would pair areas with other areas' cohorts; pass G in the
            # influence function's row order (ids sorted), as the balanced path has it
            ids = df.groupby("countyreal")["first.treat"].first().sort_index()
            gt = gt._replace(G=pl.Series(ids.replace(0, np.inf).to_numpy(dtype=float)))
        case = dict(control="never" if control == "nevertreated" else "notyet", base_period=base,
                    anticipation=antic, unbalanced=int(unbalanced))
        for g, t, a, s in zip(gt.groups, gt.times, gt.att_gt, gt.se_gt):
            rows.append({**case, "level": "cell", "group": int(g), "time": int(t), "key": np.nan,
                         "att": a, "se": s})
        for kind in ("simple", "group", "dynamic"):
            ag = md.aggte(gt, type=kind, boot=False, cband=False)
            level = "event" if kind == "dynamic" else kind
            rows.append({**case, "level": level, "group": np.nan, "time": np.nan, "key": np.nan,
                         "att": ag.overall_att, "se": ag.overall_se})
            if kind != "simple":
                for k, a, s in zip(ag.event_times, ag.att_by_event, ag.se_by_event):
                    rows.append({**case, "level": level, "group": np.nan, "time": np.nan,
                                 "key": int(k), "att": a, "se": s})
    out = pd.DataFrame(rows)
    out.to_csv(HERE / "mpdta_cs.csv", index=False, float_format="%.17g")
    print(out.groupby(["control", "base_period", "anticipation", "unbalanced"]).size())


if __name__ == "__main__":
    main()
