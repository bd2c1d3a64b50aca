"""Inference that still works with few treated areas: wild cluster bootstrap and permutation.

Notes
-----
**Wild cluster restricted bootstrap (WCR, Cameron–Gelbach–Miller 2008; Webb 2023 weights).**
Impose the null ``β = 0``: the restricted model has only the unit and time fixed effects, so its
residuals are the demeaned outcome :math:`\\tilde u = \\tilde y`. Each draw multiplies the residuals
of cluster g by a weight :math:`w_g` from Webb's six-point distribution
(:math:`\\pm\\sqrt{1/2}, \\pm 1, \\pm\\sqrt{3/2}`, each with probability 1/6) and refits. Because
the fixed-effect projection is linear, a draw needs no refit:

.. math:: \\beta^*_b = \\frac{\\sum_g w_{bg} a_g}{\\tilde x'\\tilde x},\\quad a_g = \\tilde x_g'\\tilde u_g,
          \\qquad s^*_{bg} = (C w_b)_g - A_g \\beta^*_b,

with :math:`A_g = \\tilde x_g'\\tilde x_g` and :math:`C_{gh} = \\tilde x_g' (M\\,\\tilde u 1_h)_g`
(M the two-way within transformation). On a balanced panel
:math:`C = \\operatorname{diag}(a) - \\tfrac1G \\tilde X \\tilde U'` (units × periods matrices), else C
is built column by column. The bootstrap t is :math:`\\beta^*_b / se^*_b` with the same CR1
factor as the original; the p-value is the share of :math:`|t^*_b| \\ge |t|`.

**Permutation (placebo-in-space) inference** (Conley–Taber 2011 in spirit; MacKinnon–Webb 2020):
drop the treated areas, give the treatment (with the real start dates) to as many comparison areas,
re-estimate, and repeat over every such set (all of them when there are few, else ``max_draws``
random sets). The p-value is :math:`(1 + \\#\\{|\\hat\\beta_p| \\ge |\\hat\\beta|\\})/(1 + P)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from workbench.core.ties import at_least_as_extreme
from workbench.ladder.area.twfe import Demeaner, TwfeFit

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from workbench.ladder.area.panel import Panel

WEBB = (-math.sqrt(1.5), -1.0, -math.sqrt(0.5), math.sqrt(0.5), 1.0, math.sqrt(1.5))


@dataclass(frozen=True)
class BootstrapResult:
    p_value: float
    reps: int
    seed: int
    t_stats: "np.ndarray"


def _c_matrix(fit: TwfeFit, dm: Demeaner) -> "np.ndarray":
    import numpy as np

    x = fit.x_tilde[:, 0]
    u = fit.y_tilde
    g = dm.n_units
    if dm.balanced:
        xm = np.zeros((g, dm.n_times))
        um = np.zeros((g, dm.n_times))
        xm[dm.unit_code, dm.time_code] = x
        um[dm.unit_code, dm.time_code] = u
        a = (xm * um).sum(axis=1)
        return np.diag(a) - (xm @ um.T) / g
    c = np.zeros((g, g))
    if g * len(u) <= 20_000_000:  # all clusters' masked residuals in one exact projection
        v = np.zeros((len(u), g))
        v[np.arange(len(u)), dm.unit_code] = u
        mv = dm(v)
        for h in range(g):
            c[:, h] = np.bincount(dm.unit_code, x * mv[:, h], g)
        return c
    for h in range(g):
        v = np.where(dm.unit_code == h, u, 0.0)
        c[:, h] = np.bincount(dm.unit_code, x * dm(v), g)
    return c


def wild_cluster_bootstrap(
    fit: TwfeFit, dm: Demeaner, *, reps: int = 999, seed: int = 12345
) -> BootstrapResult:
    """Restricted wild cluster bootstrap p-value (Webb weights) for the single coefficient of ``fit``."""
    import numpy as np

    x = fit.x_tilde[:, 0]
    g = dm.n_units
    a = np.bincount(dm.unit_code, x * fit.y_tilde, g)
    big_a = np.bincount(dm.unit_code, x * x, g)
    xtx = float(x @ x)
    c = _c_matrix(fit, dm)
    rng = np.random.default_rng(seed)
    w = rng.choice(np.array(WEBB), size=(reps, g))
    beta = (w @ a) / xtx
    scores = w @ c.T - beta[:, None] * big_a[None, :]
    se = np.sqrt(fit.ssc * (scores**2).sum(axis=1)) / xtx
    t_star = beta / se
    t_obs = fit.coef[0] / fit.se[0]
    p = float(np.mean(at_least_as_extreme(t_star, t_obs)))
    return BootstrapResult(p, reps, seed, t_star)


@dataclass(frozen=True)
class PermutationResult:
    p_value: float
    placebo_estimates: "np.ndarray"
    placebo_units: tuple
    exhaustive: bool


def permutation_test(
    panel: "Panel", estimate: float, *, max_draws: int = 999, seed: int = 12345, estimator=None
) -> PermutationResult:
    """Placebo-in-space p-value: treatment moved to comparison areas, real areas dropped.

    ``estimator`` (a function of a placebo :class:`Panel` returning the estimate) replaces the fast
    TWFE path, e.g. for Callaway–Sant'Anna.
    """
    import dataclasses

    import numpy as np

    treated = panel.treated_units
    starts = np.sort(panel.start[treated])
    controls = np.flatnonzero(panel.start < 0)
    keep = panel.start[panel.unit_code] < 0
    recode = -np.ones(panel.n_units, dtype=np.int64)
    recode[controls] = np.arange(len(controls))
    uc, tc = recode[panel.unit_code[keep]], panel.time_code[keep]
    dm = Demeaner.build(uc, tc, len(controls), panel.n_times)
    yt = dm(panel.y[keep])
    n1 = len(treated)
    n_sets = math.comb(len(controls), n1) if len(controls) >= n1 else 0
    if n_sets == 0:
        return PermutationResult(float("nan"), np.array([]), (), True)
    if n_sets <= max_draws:
        sets = list(combinations(range(len(controls)), n1))
        exhaustive = True
    else:
        rng = np.random.default_rng(seed)
        sets = [tuple(rng.choice(len(controls), n1, replace=False)) for _ in range(max_draws)]
        exhaustive = False
    est = np.empty(len(sets))
    for i, chosen in enumerate(sets):
        start = np.full(len(controls), -1)
        start[list(chosen)] = starts
        d = ((start[uc] >= 0) & (tc >= start[uc])).astype(float)
        if estimator is not None:
            placebo = dataclasses.replace(
                panel, y=panel.y[keep], d=d, unit_code=uc, time_code=tc,
                units=tuple(panel.units[j] for j in controls), start=start,
                balanced=panel.balanced)
            est[i] = float(estimator(placebo))
            continue
        xt = dm(d)
        xx = float(xt @ xt)
        # a placebo that treats every comparison area at once is absorbed by the time effects:
        # its demeaned indicator is zero up to rounding, so it has no estimate (relative tolerance)
        est[i] = float(xt @ yt) / xx if xx > 1e-9 * max(float(d @ d), 1.0) else np.nan
    valid = est[np.isfinite(est)]
    if len(valid) == 0:
        return PermutationResult(float("nan"), est, (), exhaustive)
    p = (1 + np.sum(at_least_as_extreme(valid, estimate))) / (1 + len(valid))
    labels = tuple(tuple(panel.units[controls[j]] for j in s) for s in sets)
    return PermutationResult(float(p), est, labels, exhaustive)



@dataclass(frozen=True)
class PlaceboInterval:
    """The headline interval with few treated areas (see :func:`placebo_interval`)."""

    low: float
    high: float
    scale: float
    df: int
    n_sets: int


def placebo_interval(estimate: float, placebo_estimates: "np.ndarray", n_treated: int,
                     n_controls: int, *, conf_level: float = 0.95) -> PlaceboInterval | None:
    r"""Placebo-in-space interval for the effect with few treated areas (Conley–Taber in spirit).

    Parameters
    ----------
    estimate
        The effect estimate on the real panel.
    placebo_estimates
        The same estimator with the treatment (real start dates) given to sets of comparison areas,
        the real areas left out (:func:`permutation_test`).
    n_treated, n_controls
        Treated areas n₁ and comparison areas m.
    conf_level
        Coverage of the interval.

    Returns
    -------
    PlaceboInterval or None
        None with fewer than 3 finite placebo estimates or 3 comparison areas.

    Notes
    -----
    Under parallel trends a placebo estimate is pure error, centred on 0, so its scale is the
    root mean square :math:`r = (\frac1P\sum_p \hat\beta_p^2)^{1/2}`. A placebo compares n₁
    areas with m − n₁ others, the real estimate n₁ with all m, so the error variance is rescaled
    by :math:`\kappa = (1/n_1 + 1/m)/(1/n_1 + 1/(m - n_1))`. The interval is

    .. math:: \hat\beta \pm t_{m-1,\,1-\alpha/2}\; r\sqrt{\kappa},

    with m − 1 degrees of freedom since the overlapping placebo sets carry the information of m
    areas. With one treated area and independent normal area errors the studentised error is exactly
    t(m − 1); the coverage simulation (tests, benchmarks/coverage_few_treated.py) checks the rest.
    """
    import numpy as np
    from scipy import stats

    pl = np.asarray(placebo_estimates, dtype=float)
    pl = pl[np.isfinite(pl)]
    m, n1 = int(n_controls), int(n_treated)
    if len(pl) < 3 or m < 3 or m - n1 < 1:
        return None
    kappa = (1 / n1 + 1 / m) / (1 / n1 + 1 / (m - n1))
    scale = float(np.sqrt(np.mean(pl**2) * kappa))
    crit = float(stats.t.ppf(0.5 + conf_level / 2, m - 1))
    return PlaceboInterval(estimate - crit * scale, estimate + crit * scale, scale, m - 1, len(pl))
