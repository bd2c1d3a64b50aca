"""Bounds on an effect when outcomes are missing: Lee's trimming bounds and worst/best case.

Notes
-----
**Lee (2009) bounds.** With observation rates :math:`p_1` (treated) and :math:`p_0` (control),
the arm observed more often is trimmed by the share :math:`q = (p_{hi} - p_{lo}) / p_{hi}` of its
observed outcomes, from the top for one bound and from the bottom for the other:

.. math::

    \\Delta_{lower} = \\bar y_{1}^{\\,[0,\\,1-q]} - \\bar y_0, \\qquad
    \\Delta_{upper} = \\bar y_{1}^{\\,[q,\\,1]} - \\bar y_0 \\qquad (p_1 \\ge p_0),

where :math:`\\bar y^{[a,b]}` is the mean of the observed outcomes between their :math:`a` and
:math:`b` quantiles; when the control arm is observed more often it is trimmed instead (its
top-trimmed mean gives the upper bound). Trimming is by mass: :math:`(1-q)\\,n` observations are
kept and the boundary observation counts with its fraction, so the bounds do not jump with ties.
The bounds assume monotonicity (being offered the intervention moves response in one direction
only) and say nothing about sampling uncertainty.

**Worst/best case** (Horowitz–Manski): missing outcomes are set to the indicator's minimum in one
arm and its maximum in the other; the difference in means then spans every possible effect for
the randomized sample.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Bounds(NamedTuple):
    lower: float
    upper: float
    method: str
    trimmed_share: float | None = None
    trimmed_arm: str | None = None


def trimmed_mean(y: np.ndarray, keep: float, *, top: bool) -> float:
    """Mean of the ``keep`` share of ``y`` at the bottom (``top=False``) or the top, by mass."""
    v = np.sort(np.asarray(y, dtype=float))
    if top:
        v = v[::-1]
    mass = keep * len(v)
    k = int(np.floor(mass + 1e-12))
    frac = mass - k
    total = v[:k].sum() + (frac * v[k] if k < len(v) and frac > 1e-12 else 0.0)
    return float(total / mass)


def lee_bounds(y: np.ndarray, treated: np.ndarray, observed: np.ndarray) -> Bounds:
    """Lee's bounds on the treated-minus-control difference (see module Notes)."""
    y, t, o = np.asarray(y, float), np.asarray(treated, bool), np.asarray(observed, bool)
    p1, p0 = o[t].mean(), o[~t].mean()
    y1, y0 = y[t & o], y[~t & o]
    if p1 >= p0:
        q = (p1 - p0) / p1
        return Bounds(trimmed_mean(y1, 1 - q, top=False) - y0.mean(),
                      trimmed_mean(y1, 1 - q, top=True) - y0.mean(), "lee", float(q), "treated")
    q = (p0 - p1) / p0
    return Bounds(y1.mean() - trimmed_mean(y0, 1 - q, top=True),
                  y1.mean() - trimmed_mean(y0, 1 - q, top=False), "lee", float(q), "control")


def extreme_bounds(y: np.ndarray, treated: np.ndarray, observed: np.ndarray, minimum: float,
                   maximum: float) -> Bounds:
    """Worst/best-case bounds: missing set to ``minimum`` in one arm and ``maximum`` in the other."""
    y, t, o = np.asarray(y, float), np.asarray(treated, bool), np.asarray(observed, bool)

    def diff(fill_t: float, fill_c: float) -> float:
        v = np.where(o, y, np.where(t, fill_t, fill_c))
        return float(v[t].mean() - v[~t].mean())

    return Bounds(diff(minimum, maximum), diff(maximum, minimum), "worst_best")
