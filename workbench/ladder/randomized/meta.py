"""Pooling several trials' estimates: fixed-effect and random-effects meta-analysis.

Small municipalities rarely reach power alone; pooling each municipality's result card is one
answer. The numbers follow R's ``metafor::rma`` (``method = "FE"``, ``"DL"``, ``"REML"``;
``test = "knha"`` for the Knapp–Hartung adjustment).

Notes
-----
Study estimates :math:`y_i` with variances :math:`v_i`, weights :math:`w_i = 1/v_i`:

* Fixed effect: :math:`\\hat\\mu = \\sum w_iy_i/\\sum w_i`, :math:`SE = (\\sum w_i)^{-1/2}`.
* Heterogeneity: :math:`Q = \\sum w_i(y_i-\\hat\\mu_{FE})^2` on :math:`k-1` df.
* DerSimonian–Laird: :math:`\\hat\\tau^2 = \\max\\{0, (Q-(k-1))/(\\sum w_i - \\sum w_i^2/\\sum w_i)\\}`.
* REML: Fisher scoring on :math:`\\tau^2` until the change is below ``1e-12``, truncated at 0.
* Random effects: :math:`w_i^* = 1/(v_i+\\hat\\tau^2)`, :math:`\\hat\\mu = \\sum w_i^*y_i/\\sum w_i^*`,
  :math:`SE = (\\sum w_i^*)^{-1/2}`, normal reference; Knapp–Hartung multiplies the variance by
  :math:`\\sum w_i^*(y_i-\\hat\\mu)^2/(k-1)` and uses :math:`t_{k-1}`.
* :math:`I^2 = 100\\,\\hat\\tau^2/(\\hat\\tau^2+s^2)` and :math:`H^2 = (\\hat\\tau^2+s^2)/s^2` with the
  typical within-study variance :math:`s^2 = (k-1)\\sum w_i/((\\sum w_i)^2-\\sum w_i^2)`; for the
  fixed-effect model :math:`I^2 = 100\\max\\{0,(Q-(k-1))/Q\\}` and :math:`H^2 = Q/(k-1)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

from workbench.core.options import MetaMethod
from workbench.core.results import Estimate

META_METHODS: tuple[str, ...] = get_args(MetaMethod)  # the Literal is the one list of methods


@dataclass(frozen=True)
class MetaFit:
    """The pooled estimate and the heterogeneity statistics."""

    pooled: Estimate
    tau2: float
    q: float
    q_df: int
    q_p: float
    i2: float
    h2: float
    weights: "np.ndarray"


def _reml_tau2(y: "np.ndarray", v: "np.ndarray", start: float) -> float:
    import numpy as np

    tau2 = max(start, 0.0)
    for _ in range(1000):
        w = 1.0 / (v + tau2)
        P = np.diag(w) - np.outer(w, w) / w.sum()
        Py = P @ y
        PP = P @ P
        step = (float(Py @ Py) - float(np.trace(P))) / float(np.trace(PP))
        new = max(0.0, tau2 + step)
        if abs(new - tau2) < 1e-12:
            return new
        tau2 = new
    return tau2


def pool(
    y: "np.ndarray",
    se: "np.ndarray",
    *,
    method: str = "DL",
    knapp_hartung: bool = False,
    conf_level: float = 0.95,
) -> MetaFit:
    """Pool estimates ``y`` with standard errors ``se`` (see the module notes)."""
    import numpy as np
    from scipy import stats

    y = np.asarray(y, dtype=float)
    v = np.asarray(se, dtype=float) ** 2
    k = len(y)
    w = 1.0 / v
    mu_fe = float(np.sum(w * y) / w.sum())
    q = float(np.sum(w * (y - mu_fe) ** 2))
    q_p = float(stats.chi2.sf(q, k - 1)) if k > 1 else math.nan
    c = float(w.sum() - np.sum(w**2) / w.sum())
    if method == "fixed":
        tau2 = 0.0
    else:
        tau2_dl = max(0.0, (q - (k - 1)) / c) if c > 0 else 0.0
        tau2 = tau2_dl if method == "DL" else _reml_tau2(y, v, tau2_dl)
    ws = 1.0 / (v + tau2)
    mu = float(np.sum(ws * y) / ws.sum())
    var = 1.0 / float(ws.sum())
    df = None
    if knapp_hartung and k > 1:
        var *= float(np.sum(ws * (y - mu) ** 2)) / (k - 1)
        df = float(k - 1)
    se_mu = math.sqrt(var)
    stat = mu / se_mu
    if df is None:
        p = 2 * stats.norm.sf(abs(stat))
        crit = stats.norm.ppf(0.5 + conf_level / 2)
    else:
        p = 2 * stats.t.sf(abs(stat), df)
        crit = stats.t.ppf(0.5 + conf_level / 2, df)
    if method == "fixed":
        i2 = 100 * max(0.0, (q - (k - 1)) / q) if q > 0 else 0.0
        h2 = q / (k - 1) if k > 1 else math.nan
    else:
        s2 = (k - 1) * w.sum() / (w.sum() ** 2 - np.sum(w**2)) if k > 1 else math.nan
        i2 = 100 * tau2 / (tau2 + s2)
        h2 = (tau2 + s2) / s2
    pooled = Estimate(
        estimate=mu, std_error=se_mu, ci_low=mu - crit * se_mu, ci_high=mu + crit * se_mu,
        p_value=float(p), statistic=float(stat), df=df, n=k, estimand="pooled effect",
        method=f"meta_{method}" + ("_knapp_hartung" if knapp_hartung else ""),
        se_type="knapp_hartung" if knapp_hartung else "inverse_variance", conf_level=conf_level,
    )
    return MetaFit(pooled, float(tau2), q, k - 1, q_p, float(i2), float(h2), ws / ws.sum())
