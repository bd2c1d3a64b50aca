"""Uncertainty: seeded Monte Carlo over the factors, and a one-way tornado.

Distributions
-------------
* Effects: **normal** around the estimate with its standard error (the normal approximation an
  ``Estimate``'s interval rests on).
* Unit costs and the cost level: **PERT** between low and high with the point value as mode,
  i.e. ``low + (high − low) · Beta(α, β)`` with ``α = 1 + 4 (m − a)/(b − a)`` and
  ``β = 1 + 4 (b − m)/(b − a)``. PERT puts less weight on the extremes than a triangular
  distribution with the same range, which suits expert ranges of municipal costs.

With every range collapsed to a point the draws equal the point values, so the Monte Carlo
reproduces the closed form exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.economics.model import Factor, Model

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


def draw_factors(factors: tuple[Factor, ...], n_sims: int, rng: "np.random.Generator") -> "np.ndarray":
    """(n_sims × factors) draws; fixed factors repeat their point value."""
    import numpy as np

    out = np.empty((n_sims, len(factors)))
    for j, f in enumerate(factors):
        if f.dist == "normal" and f.std > 0:
            out[:, j] = rng.normal(f.point, f.std, n_sims)
        elif f.dist == "pert" and f.high > f.low:
            a, b, m = f.low, f.high, f.point
            alpha = 1.0 + 4.0 * (m - a) / (b - a)
            beta = 1.0 + 4.0 * (b - m) / (b - a)
            out[:, j] = a + (b - a) * rng.beta(alpha, beta, n_sims)
        else:
            out[:, j] = f.point
    return out


@dataclass(frozen=True)
class Simulation:
    """Monte Carlo summary for one perspective."""

    n_sims: int
    seed: int | None
    npv_mean: float
    npv_median: float
    npv_low: float
    npv_high: float
    p_positive: float
    p_payback: float
    payback_within: int
    payback_by: int
    draws: tuple[float, ...]

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in ("n_sims", "seed", "npv_mean", "npv_median", "npv_low",
                                               "npv_high", "p_positive", "p_payback", "payback_within",
                                               "payback_by")}


def simulate(model: Model, holders: tuple[str, ...], discount: "np.ndarray", *, n_sims: int,
             seed: int | None, payback_within: int) -> Simulation:
    """NPV distribution and P(cumulative net ≥ 0 by the end of budget year ``payback_within``)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    values = draw_factors(model.factors, n_sims, rng)
    net = model.net(values, holders)
    npv = net @ discount
    cum = np.cumsum(net, axis=1)
    k = min(payback_within, len(model.years)) - 1
    paid = (cum[:, : k + 1] >= -1e-9).any(axis=1)
    lo, med, hi = np.quantile(npv, [0.025, 0.5, 0.975])
    return Simulation(n_sims, seed, float(npv.mean()), float(med), float(lo), float(hi),
                      float((npv >= 0).mean()), float(paid.mean()), int(payback_within),
                      int(model.years[0] + payback_within - 1), tuple(float(v) for v in npv))


def tornado(model: Model, holders: tuple[str, ...], discount: "np.ndarray") -> "pd.DataFrame":
    """One-way sensitivity: NPV with each factor at its low and high end, the others at their points.

    Effects use their confidence interval as low/high; unit costs and the cost level their ranges.
    Sorted by swing (|NPV(high) − NPV(low)|), largest first.
    """
    import pandas as pd

    point = model.point_values()
    base = float((model.net(point, holders) @ discount)[0])
    rows = []
    for j, f in enumerate(model.factors):
        if f.high == f.low:
            continue
        lo, hi = point.copy(), point.copy()
        lo[0, j], hi[0, j] = f.low, f.high
        npv_lo = float((model.net(lo, holders) @ discount)[0])
        npv_hi = float((model.net(hi, holders) @ discount)[0])
        rows.append((f.name, f.label, f.group, f.low, f.point, f.high, npv_lo, npv_hi, abs(npv_hi - npv_lo)))
    cols = ["factor", "label", "group", "low", "point", "high", "npv_low", "npv_high", "swing"]
    out = pd.DataFrame(rows, columns=cols)
    out = out[out["swing"] > 1e-9 * max(1.0, abs(base))].sort_values("swing", ascending=False, kind="stable")
    out["npv_point"] = base
    return out.reset_index(drop=True)

