"""Effect estimation in the matched sample, as MatchIt's "Estimating effects" vignette.

A weighted linear model of the outcome on treatment (optionally interacted with covariates) is fitted
to the matched units; the effect is the g-computation contrast averaged over the target units (the
matched treated for the ATT); with no covariates it is the weighted difference in means. Binary
outcomes give a risk difference (the same linear model: a linear probability model). The SE is
cluster-robust on pair membership for pair matching without replacement (``sandwich::vcovCL``,
HC1 type) and HC3 otherwise (matching with replacement, subclasses, exact matching), with a normal
reference distribution as ``marginaleffects::avg_comparisons``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


@dataclass(frozen=True)
class EffectFit:
    estimate: float
    std_error: float
    n: int
    n_clusters: int | None
    se_type: str
    coef_names: tuple[str, ...]


def _vcov(X: "np.ndarray", w: "np.ndarray", e: "np.ndarray", bread: "np.ndarray", se_type: str,
          cluster: "np.ndarray | None") -> tuple["np.ndarray", int | None]:
    import numpy as np

    n, k = X.shape
    scores = (w * e)[:, None] * X
    if se_type == "cluster":
        _, g = np.unique(cluster, return_inverse=True)
        g = g.ravel()
        G = int(g.max()) + 1
        # u_g = sum of the scores within each cluster: grouped sums, one bincount per coefficient
        U = np.column_stack([np.bincount(g, weights=scores[:, j], minlength=G) for j in range(k)])
        meat = U.T @ U * (G / (G - 1)) * ((n - 1) / (n - k))
        return bread @ meat @ bread, G
    h = w * np.einsum("ij,jk,ik->i", X, bread, X)
    omega = 1.0 / (1.0 - h) ** 2
    meat = (scores * omega[:, None]).T @ scores
    return bread @ meat @ bread, None


def fit_effect(
    y: "np.ndarray",
    treat: "np.ndarray",
    weights: "np.ndarray",
    *,
    estimand: str,
    se_type: str,
    cluster: "np.ndarray | None" = None,
    Z: "np.ndarray | None" = None,
    z_names: tuple[str, ...] = (),
) -> EffectFit:
    """Weighted g-computation estimate and its robust SE (see module docstring).

    Notes
    -----
    :math:`\\hat\\beta = (X^\\top W X)^{-1} X^\\top W y` with :math:`X = [1, t, Z, t Z]`.
    Effect :math:`\\hat\\tau = \\bar g^\\top \\hat\\beta` with
    :math:`\\bar g = \\frac{1}{|T|}\\sum_{i\\in T} (x_i(t{=}1) - x_i(t{=}0))` over the target units
    :math:`T`; :math:`\\mathrm{SE} = \\sqrt{\\bar g^\\top V \\bar g}`, where
    :math:`V = B M B`, :math:`B = (X^\\top W X)^{-1}`, and
    cluster: :math:`M = \\frac{G}{G-1}\\frac{n-1}{n-k}\\sum_g u_g u_g^\\top`,
    :math:`u_g = \\sum_{i\\in g} w_i e_i x_i`;
    HC3: :math:`M = \\sum_i (w_i e_i)^2 x_i x_i^\\top / (1-h_{ii})^2`,
    :math:`h_{ii} = w_i x_i^\\top B x_i`.
    """
    import numpy as np

    keep = weights > 0
    y, t, w = y[keep], treat[keep], weights[keep]
    cl = cluster[keep] if cluster is not None else None
    n = len(y)

    def design(tt: "np.ndarray") -> "np.ndarray":
        cols = [np.ones(n), tt]
        if Z is not None and Z.shape[1]:
            Zk = Z[keep]
            cols += [Zk, Zk * tt[:, None]]
        return np.column_stack(cols)

    X = design(t)
    names = ("(Intercept)", "treat", *z_names, *(f"treat:{z}" for z in z_names))
    sw = np.sqrt(w)
    beta, *_ = np.linalg.lstsq(X * sw[:, None], y * sw, rcond=None)
    bread = np.linalg.pinv((X * w[:, None]).T @ X)
    e = y - X @ beta
    V, G = _vcov(X, w, e, bread, se_type, cl)
    target = {"ATT": t == 1, "ATC": t == 0}.get(estimand, np.ones(n, dtype=bool))
    g = (design(np.ones(n)) - design(np.zeros(n)))[target].mean(axis=0)
    est = float(g @ beta)
    se = float(math.sqrt(max(float(g @ V @ g), 0.0)))
    return EffectFit(est, se, n, G, se_type, names)


def e_value(rr: float) -> float:
    """VanderWeele & Ding's E-value of a risk ratio: RR + sqrt(RR (RR - 1)), RR taken ≥ 1."""
    if not math.isfinite(rr) or rr <= 0:
        return float("nan")
    rr = rr if rr >= 1 else 1.0 / rr
    return rr + math.sqrt(rr * (rr - 1.0))


def e_values(estimate: float, ci: tuple[float, float], *, binary: bool, p_treated: float, sd_outcome: float) -> dict[str, float]:
    """E-values for the estimate and for the confidence limit closest to no effect.

    Notes
    -----
    Binary outcome: :math:`RR = p_1 / (p_1 - RD)`. Continuous outcome: the standardized difference
    :math:`d = \\hat\\tau / SD(y)` is converted as :math:`RR \\approx e^{0.91 d}` (VanderWeele &
    Ding 2017). If the interval covers no effect, the E-value for the limit is 1.
    """

    def rr_of(x: float) -> float:
        if binary:
            p0 = p_treated - x
            return p_treated / p0 if p0 > 0 and p_treated > 0 else float("nan")
        return math.exp(0.91 * x / sd_outcome) if sd_outcome > 0 else float("nan")

    lo, hi = ci
    point = e_value(rr_of(estimate))
    limit = 1.0 if lo <= 0 <= hi else e_value(rr_of(lo if estimate > 0 else hi))
    return {"estimate": point, "ci_limit": limit}
