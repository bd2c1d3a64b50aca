"""The one balance engine: covariate balance for any weights, as MatchIt's ``summary()`` and cobalt.

The same function computes balance *before* (all units, weight 1) and *after* matching (the
matching weights), so the two columns of a love plot always mean the same thing.

Notes
-----
For a covariate :math:`x`, treatment :math:`t` and weights :math:`w`:

* means: :math:`\\bar x_g = \\sum_{t_i=g} w_i x_i / \\sum_{t_i=g} w_i`;
* standardized mean difference :math:`(\\bar x_1 - \\bar x_0)/s`, where :math:`s` is the SD of the
  **full, unweighted** treated group for the ATT (control group for the ATC, the root of the mean of
  the two group variances for the ATE); a 0/1 covariate uses :math:`s = \\sqrt{p(1-p)}`. Differences
  below :math:`\\sqrt{\\varepsilon}` are reported unstandardized (i.e. ~0), as MatchIt;
* variance ratio :math:`v_1 / v_0` of weighted, bias-corrected variances
  :math:`v = \\sum \\tilde w_i (x_i - \\bar x)^2 / (1 - \\sum \\tilde w_i^2)` with
  :math:`\\tilde w` summing to 1 (none for 0/1 covariates);
* eCDF mean / max: mean and maximum over every unique value of :math:`x` in the full sample of the
  absolute difference between the groups' weighted empirical CDFs (for 0/1 covariates both equal
  :math:`|\\bar x_1 - \\bar x_0|`).

A row balances when :math:`|SMD| < 0.1` and (where defined) :math:`0.5 \\le` variance ratio
:math:`\\le 2`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

SMD_THRESHOLD = 0.1
VAR_RATIO_RANGE = (0.5, 2.0)
STATS = ("mean_treated", "mean_control", "smd", "var_ratio", "ecdf_mean", "ecdf_max")
_SQRT_EPS = math.sqrt(2.220446049250313e-16)


def _wmean(x: "np.ndarray", w: "np.ndarray") -> float:
    s = w.sum()
    return float((x * w).sum() / s) if s > 0 else float("nan")


def wvar(x: "np.ndarray", binary: bool, w: "np.ndarray | None" = None) -> float:
    """MatchIt's ``wvar``: p(1-p) for 0/1, else the reliability-weighted (bias-corrected) variance."""
    import numpy as np

    if w is None:
        w = np.ones(len(x))
    if w.sum() <= 0:
        return float("nan")
    w = w / w.sum()
    m = float((w * x).sum())
    if binary:
        return m * (1 - m)
    denom = 1 - float((w**2).sum())
    return float((w * (x - m) ** 2).sum() / denom) if denom > 0 else float("nan")


def ecdf_diff(x: "np.ndarray", t: "np.ndarray", w: "np.ndarray") -> tuple[float, float]:
    """Mean and max |eCDF_1 - eCDF_0| evaluated at every unique value of ``x`` (all units)."""
    import numpy as np

    w = w.astype(float).copy()
    for g in (0.0, 1.0):
        idx = t == g
        s = w[idx].sum()
        w[idx] = w[idx] / s if s > 0 else 0.0
    o = np.argsort(x, kind="stable")
    xs = x[o]
    signed = np.where(t[o] == 1, w[o], -w[o])
    cs = np.abs(np.cumsum(signed))
    last = np.r_[np.diff(xs) != 0, True]
    e = cs[last]
    return float(e.mean()), float(e.max())


def balance_one(x: "np.ndarray", t: "np.ndarray", w: "np.ndarray", estimand: str) -> dict[str, float]:
    """The six statistics of one covariate for weights ``w`` (see module Notes)."""
    import numpy as np

    binary = bool(np.all((x == 0) | (x == 1)))
    i1, i0 = t == 1, t == 0
    too_small = (w[i1] != 0).sum() < 2 and (w[i0] != 0).sum() < 2
    m1, m0 = _wmean(x[i1], w[i1]), _wmean(x[i0], w[i0])
    mdiff = m1 - m0
    smd = mdiff
    if abs(mdiff) > _SQRT_EPS and not too_small:
        v1, v0 = wvar(x[i1], binary), wvar(x[i0], binary)
        sd = {"ATT": math.sqrt(v1), "ATC": math.sqrt(v0)}.get(estimand, math.sqrt((v1 + v0) / 2))
        if not math.isfinite(sd) or sd < _SQRT_EPS:
            sd = math.sqrt((v1 + v0) / 2)
        smd = mdiff / sd if sd > 0 else float("nan")
    out = {"mean_treated": m1, "mean_control": m0, "smd": smd, "var_ratio": float("nan")}
    if binary:
        out["ecdf_mean"] = out["ecdf_max"] = abs(mdiff)
    elif not too_small:
        out["var_ratio"] = wvar(x[i1], False, w[i1]) / wvar(x[i0], False, w[i0])
        out["ecdf_mean"], out["ecdf_max"] = ecdf_diff(x, t, w)
    else:
        out["ecdf_mean"] = out["ecdf_max"] = float("nan")
    return out


def row_ok(smd: float, var_ratio: float) -> tuple[bool, bool]:
    """Whether |SMD| and the variance ratio pass their thresholds (NaN ratio: not judged)."""
    smd_ok = bool(math.isfinite(smd) and abs(smd) < SMD_THRESHOLD)
    vr_ok = bool(not math.isfinite(var_ratio) or VAR_RATIO_RANGE[0] <= var_ratio <= VAR_RATIO_RANGE[1])
    return smd_ok, vr_ok


def balance_table(
    X: "np.ndarray",
    names: list[str],
    treat: "np.ndarray",
    weights: "np.ndarray",
    estimand: str,
) -> "pd.DataFrame":
    """Before/after balance: MultiIndex columns ``(stage, statistic)`` plus ``check`` columns.

    Stages are ``before`` (every unit, weight 1) and ``after`` (the matching weights); ``check``
    holds ``smd_ok``, ``var_ratio_ok`` and ``ok`` judged on the ``after`` row.
    """
    import numpy as np
    import pandas as pd

    ones = np.ones(len(treat))
    rows = []
    for j, _ in enumerate(names):
        before = balance_one(X[:, j], treat, ones, estimand)
        after = balance_one(X[:, j], treat, weights, estimand)
        smd_ok, vr_ok = row_ok(after["smd"], after["var_ratio"])
        rows.append([before[s] for s in STATS] + [after[s] for s in STATS] + [smd_ok, vr_ok, smd_ok and vr_ok])
    cols = pd.MultiIndex.from_tuples(
        [("before", s) for s in STATS] + [("after", s) for s in STATS]
        + [("check", "smd_ok"), ("check", "var_ratio_ok"), ("check", "ok")],
        names=["stage", "statistic"],
    )
    out = pd.DataFrame(rows, index=pd.Index(names, name="covariate"), columns=cols)
    for c in [("check", "smd_ok"), ("check", "var_ratio_ok"), ("check", "ok")]:
        out[c] = out[c].astype(bool)
    return out
