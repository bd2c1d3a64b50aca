"""Closed-form power functions of R's ``pwr`` (1.3.0) and a tight root finder to invert them.

Pure numerics (no validation, no text): the front doors in :mod:`workbench.design.power.api` check
inputs and wrap the numbers in results. Every function is the exact formula ``pwr`` evaluates, so
solved quantities agree with R up to the root finder's tolerance (ours is tighter than ``uniroot``'s
default of 1.2e-4).

Notes
-----
Proportions use Cohen's arcsine effect size :math:`h = 2\\arcsin\\sqrt{p_1} - 2\\arcsin\\sqrt{p_2}`
and a normal reference: with :math:`z_a = \\Phi^{-1}(1-\\alpha/2)` and
:math:`\\lambda = h\\sqrt{n_1 n_2/(n_1+n_2)}` the two-sided power is
:math:`1-\\Phi(z_a-\\lambda)+\\Phi(-z_a-\\lambda)` (``pwr.2p.test``/``pwr.2p2n.test``; one proportion
against a known rate uses :math:`\\lambda = h\\sqrt{n}`, ``pwr.p.test``).

Means use the noncentral t: two samples :math:`\\nu=n_1+n_2-2`, :math:`\\delta = d/\\sqrt{1/n_1+1/n_2}`;
paired (and one-sample) :math:`\\nu=n-1`, :math:`\\delta=d\\sqrt{n}`; two-sided power
:math:`P(T_{\\nu,\\delta} > t_{1-\\alpha/2,\\nu}) + P(T_{\\nu,\\delta} < -t_{1-\\alpha/2,\\nu})`
(``pwr.t.test``/``pwr.t2n.test``). One-sided tests use :math:`\\alpha` in one tail; for
``"less"`` the effect is negative.
"""

from __future__ import annotations

import math
from collections.abc import Callable

EFFECT_BRACKETS: dict[str, tuple[float, float]] = {
    "two-sided": (1e-10, 10.0),
    "less": (-10.0, 5.0),
    "greater": (-5.0, 10.0),
}
N_MAX = 1e9


def es_h(p1: float, p2: float) -> float:
    """Cohen's h for two proportions (R: ``pwr::ES.h(p1, p2)``)."""
    return 2.0 * math.asin(math.sqrt(p1)) - 2.0 * math.asin(math.sqrt(p2))


def p2_from_h(p1: float, h: float) -> float | None:
    """The proportion ``p2`` with ``es_h(p1, p2) == h``; ``None`` when no such proportion exists."""
    phi = math.asin(math.sqrt(p1)) - h / 2.0
    if phi < 0.0 or phi > math.pi / 2.0:
        return None
    return math.sin(phi) ** 2


def normal_power(shift: float, alpha: float, alternative: str) -> float:
    """Power of a z-test whose statistic is N(shift, 1) (pwr's ``p.body`` for proportions)."""
    from scipy.stats import norm

    if alternative == "two-sided":
        shift = abs(shift)
        z = norm.isf(alpha / 2.0)
        return float(norm.sf(z - shift) + norm.cdf(-z - shift))
    if alternative == "greater":
        return float(norm.sf(norm.isf(alpha) - shift))
    return float(norm.cdf(norm.ppf(alpha) - shift))


def power_two_proportions(h: float, n1: float, n2: float, alpha: float, alternative: str) -> float:
    """``pwr.2p2n.test`` power (equal groups: ``pwr.2p.test`` with ``n1 == n2 == n``)."""
    return normal_power(h * math.sqrt(n1 * n2 / (n1 + n2)), alpha, alternative)


def power_one_proportion(h: float, n: float, alpha: float, alternative: str) -> float:
    """``pwr.p.test`` power: one sample against a known rate."""
    return normal_power(h * math.sqrt(n), alpha, alternative)


def pnt(x: float, df: float, ncp: float, lower: bool) -> float:
    """Noncentral t distribution function, following R's ``pnt`` branch for branch.

    R switches to the Abramowitz & Stegun 26.7.10 normal approximation when ``df > 4e5`` or
    ``ncp**2 > 2 log(2) 1021`` and returns an exact 0 far in the lower tail (``x < 0``,
    ``ncp > 40``); elsewhere both use an exact series (scipy via Boost). A tail that underflows in
    scipy (NaN) is 0, as in R.
    """
    from scipy.stats import nct, norm

    negdel = x < 0
    if negdel and ncp > 40:
        return 0.0 if lower else 1.0
    tt, dl = (-x, -ncp) if negdel else (x, ncp)
    if df > 4e5 or dl * dl > 2.0 * math.log(2.0) * 1021.0:
        s = 1.0 / (4.0 * df)
        loc, scale = tt * (1.0 - s), math.sqrt(1.0 + tt * tt * 2.0 * s)
        return float(norm.cdf(loc, dl, scale) if lower != negdel else norm.sf(loc, dl, scale))
    value = float(nct.cdf(x, df, ncp) if lower else nct.sf(x, df, ncp))
    return 0.0 if math.isnan(value) else value


def t_power(ncp: float, df: float, alpha: float, alternative: str) -> float:
    """Power of a t-test with ``df`` degrees of freedom and noncentrality ``ncp``."""
    from scipy.stats import t

    if alternative == "two-sided":
        q = float(t.isf(alpha / 2.0, df))
        return pnt(q, df, ncp, lower=False) + pnt(-q, df, ncp, lower=True)
    if alternative == "greater":
        return pnt(float(t.isf(alpha, df)), df, ncp, lower=False)
    return pnt(float(t.ppf(alpha, df)), df, ncp, lower=True)


def power_two_means(d: float, n1: float, n2: float, alpha: float, alternative: str) -> float:
    """``pwr.t2n.test`` power (equal groups: ``pwr.t.test(type="two.sample")``)."""
    if alternative == "two-sided":
        d = abs(d)
    return t_power(d / math.sqrt(1.0 / n1 + 1.0 / n2), n1 + n2 - 2.0, alpha, alternative)


def power_paired(d: float, n: float, alpha: float, alternative: str) -> float:
    """``pwr.t.test(type="paired")`` power; ``n`` pairs, ``d`` is the standardized mean change."""
    if alternative == "two-sided":
        d = abs(d)
    return t_power(d * math.sqrt(n), n - 1.0, alpha, alternative)


def solve(f: Callable[[float], float], target: float, low: float, high: float) -> float | None:
    """Root of ``f(x) = target`` on ``[low, high]`` (Brent, xtol 1e-12); ``None`` if not bracketed."""
    from scipy.optimize import brentq

    f_low, f_high = f(low) - target, f(high) - target
    if f_low == 0.0:
        return low
    if f_high == 0.0:
        return high
    if f_low * f_high > 0.0:
        return None
    return float(brentq(lambda x: f(x) - target, low, high, xtol=1e-12, rtol=1e-15, maxiter=500))


def n_lower_bound(n_ratio: float) -> float:
    """Smallest group-1 size pwr searches from: both groups need at least 2 (plus 1e-10)."""
    return max(2.0, 2.0 / n_ratio) + 1e-10
