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
    # element-wise products and sums, not BLAS dot products: a threaded ddot on a busy machine
    # can take longer than the whole sum
    import numpy as np

    s = w.sum()
    return float(np.multiply(x, w).sum() / s) if s > 0 else float("nan")


def wvar(x: "np.ndarray", binary: bool, w: "np.ndarray | None" = None) -> float:
    """MatchIt's ``wvar``: p(1-p) for 0/1, else the reliability-weighted (bias-corrected) variance."""
    import numpy as np

    if w is None:  # equal weights: the sample variance (n - 1 in the denominator)
        if len(x) == 0:
            return float("nan")
        m = float(x.mean())
        if binary:
            return m * (1 - m)
        return float(np.var(x, ddof=1)) if len(x) > 1 else float("nan")
    if w.sum() <= 0:
        return float("nan")
    w = w / w.sum()
    m = float((w * x).sum())
    if binary:
        return m * (1 - m)
    denom = 1 - float((w * w).sum())
    d = x - m
    return float((w * d * d).sum() / denom) if denom > 0 else float("nan")


def value_codes(x: "np.ndarray") -> tuple["np.ndarray", "np.ndarray | None"]:
    """Codes of the distinct values of ``x`` in increasing order (and which codes occur).

    Integer-valued columns with a modest range are coded as ``x - min`` without sorting (then the
    second array marks the codes that occur); others by ``np.unique`` (every code occurs).
    """
    import numpy as np

    lo, hi = float(x.min()), float(x.max())
    if hi - lo < 4 * len(x) + 16 and np.array_equal(x, np.floor(x)):
        codes = (x - lo).astype(np.int64)
        return codes, np.bincount(codes) > 0
    _, codes = np.unique(x, return_inverse=True)
    return codes.ravel(), None


def ecdf_diff(x: "np.ndarray", t: "np.ndarray", w: "np.ndarray",
              codes: "tuple[np.ndarray, np.ndarray | None] | None" = None) -> tuple[float, float]:
    """Mean and max |eCDF_1 - eCDF_0| evaluated at every unique value of ``x`` (all units).

    ``codes`` (from :func:`value_codes`) may be passed when several weightings share one ``x``.
    """
    import numpy as np

    c, present = value_codes(x) if codes is None else codes
    s1, s0 = w[t == 1].sum(), w[t == 0].sum()
    signed = np.where(t == 1, w / s1 if s1 > 0 else 0.0, -w / s0 if s0 > 0 else 0.0)
    e = np.abs(np.cumsum(np.bincount(c, weights=signed)))
    if present is not None:
        e = e[present]
    return float(e.mean()), float(e.max())


def balance_one(x: "np.ndarray", t: "np.ndarray", w: "np.ndarray", estimand: str, *,
                groups: "tuple[np.ndarray, np.ndarray] | None" = None,
                codes: "tuple[np.ndarray, np.ndarray | None] | None" = None,
                binary: bool | None = None) -> dict[str, float]:
    """The six statistics of one covariate for weights ``w`` (see module Notes).

    ``groups`` (indices of the treated and of the controls) and ``codes`` (:func:`value_codes` of
    ``x``) and ``binary`` (whether ``x`` is 0/1) may be passed when the same column is summarised
    for several weightings.
    """
    import numpy as np

    if binary is None:
        binary = bool(np.all((x == 0) | (x == 1)))
    i1, i0 = groups if groups is not None else (np.flatnonzero(t == 1), np.flatnonzero(t == 0))
    x1, x0, w1, w0 = x[i1], x[i0], w[i1], w[i0]
    too_small = np.count_nonzero(w1) < 2 and np.count_nonzero(w0) < 2
    m1, m0 = _wmean(x1, w1), _wmean(x0, w0)
    mdiff = m1 - m0
    smd = mdiff
    if abs(mdiff) > _SQRT_EPS and not too_small:
        v1, v0 = wvar(x1, binary), wvar(x0, binary)
        sd = {"ATT": math.sqrt(v1), "ATC": math.sqrt(v0)}.get(estimand, math.sqrt((v1 + v0) / 2))
        if not math.isfinite(sd) or sd < _SQRT_EPS:
            sd = math.sqrt((v1 + v0) / 2)
        smd = mdiff / sd if sd > 0 else float("nan")
    out = {"mean_treated": m1, "mean_control": m0, "smd": smd, "var_ratio": float("nan")}
    if binary:
        out["ecdf_mean"] = out["ecdf_max"] = abs(mdiff)
    elif not too_small:
        out["var_ratio"] = wvar(x1, False, w1) / wvar(x0, False, w0)
        out["ecdf_mean"], out["ecdf_max"] = ecdf_diff(x, t, w, codes)
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
    groups = (np.flatnonzero(treat == 1), np.flatnonzero(treat == 0))
    rows = []
    for j, _ in enumerate(names):
        x = np.ascontiguousarray(X[:, j])
        binary = bool(np.all((x == 0) | (x == 1)))
        codes = None if binary else value_codes(x)  # one coding for both stages
        before = balance_one(x, treat, ones, estimand, groups=groups, codes=codes, binary=binary)
        after = balance_one(x, treat, weights, estimand, groups=groups, codes=codes, binary=binary)
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
