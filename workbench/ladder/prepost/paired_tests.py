"""Paired before/after statistics, written to give R's numbers.

Each function takes plain numpy arrays (complete pairs only) and returns a plain ``dict`` of
floats; :mod:`workbench.ladder.prepost.api` turns them into :class:`~workbench.core.results.Estimate`
objects and tables. References:

* ``paired_t`` — R ``t.test(after, before, paired = TRUE)``.
* ``wilcoxon_signed_rank`` — R ``wilcox.test(after, before, paired = TRUE)`` with its defaults
  (``exact = NULL``, ``correct = TRUE``).
* ``mcnemar`` — R ``mcnemar.test(table(before, after))`` (``correct = TRUE``).
* ``binom_exact`` — R ``binom.test(x, n, p = 0.5)`` on the discordant pairs.
* ``cohens_dz`` / ``cohens_dav`` — standardized mean change with a noncentral-t interval.
* ``paired_share_difference`` — difference of paired proportions with Newcombe's (1998)
  method 10 interval or the Wald interval.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import optimize, stats

Array = np.ndarray


def paired_t(d: Array, conf_level: float = 0.95) -> dict[str, Any]:
    """Paired t-test on differences ``d`` (after − before).

    Notes
    -----
    :math:`\\bar d = \\frac1n\\sum d_i`, :math:`SE = s_d/\\sqrt n`, :math:`t = \\bar d / SE` with
    :math:`n-1` degrees of freedom; the interval is :math:`\\bar d \\pm t_{1-\\alpha/2,n-1} SE` and the
    p-value two-sided. A constant ``d`` (``s_d = 0``) gives NaN statistic and p-value (R stops with
    "data are essentially constant").
    """
    n = int(d.size)
    mean = float(np.mean(d))
    sd = float(np.std(d, ddof=1)) if n > 1 else math.nan
    se = sd / math.sqrt(n) if n > 1 else math.nan
    df = n - 1
    if not (se > 0):
        return {"estimate": mean, "std_error": se, "statistic": math.nan, "df": float(df), "p_value": math.nan,
                "ci_low": math.nan, "ci_high": math.nan, "n": n, "sd": sd}
    t = mean / se
    p = float(2 * stats.t.sf(abs(t), df))
    q = float(stats.t.ppf(1 - (1 - conf_level) / 2, df))
    return {"estimate": mean, "std_error": se, "statistic": t, "df": float(df), "p_value": min(p, 1.0),
            "ci_low": mean - q * se, "ci_high": mean + q * se, "n": n, "sd": sd}


def signrank_cdf(q: float, n: int) -> float:
    """:math:`P(V \\le q)` for the Wilcoxon signed-rank statistic with ``n`` untied, non-zero pairs.

    Same as R ``psignrank(q, n)``: the count of subsets of ``{1..n}`` with sum ``≤ q`` over ``2^n``.
    """
    q = math.floor(q + 1e-7)
    total = n * (n + 1) // 2
    if q < 0:
        return 0.0
    if q >= total:
        return 1.0
    counts = np.zeros(total + 1, dtype=np.int64)
    counts[0] = 1
    for k in range(1, n + 1):
        counts[k:] = counts[k:] + counts[:-k].copy()
    return float(counts[: q + 1].sum() / 2.0**n)


def _rank_abs(x: Array) -> Array:
    return stats.rankdata(np.abs(x), method="average")


def wilcoxon_signed_rank(d: Array, *, exact: bool | None = None, correct: bool = True) -> dict[str, Any]:
    """Wilcoxon signed-rank test of ``d`` (after − before) against 0, as R's ``wilcox.test``.

    Notes
    -----
    Zero differences are dropped first (R's default), leaving :math:`n` pairs; ranks of :math:`|d|`
    use mid-ranks for ties; :math:`V = \\sum_{d_i>0} r_i`. With ``exact=None`` the exact null
    distribution is used when :math:`n < 50` and there are neither ties nor zeros:
    :math:`p = \\min(1, 2P(V \\le v))` if :math:`v \\le n(n+1)/4`, else
    :math:`\\min(1, 2P(V \\ge v))`. Otherwise the normal approximation
    :math:`z = (V - n(n+1)/4 - \\operatorname{sign}(\\cdot)\\,0.5)/\\sigma` with
    :math:`\\sigma^2 = n(n+1)(2n+1)/24 - \\sum_j (t_j^3 - t_j)/48` (:math:`t_j` sizes of tie groups).
    """
    zeros = bool(np.any(d == 0))
    x = d[d != 0]
    n = int(x.size)
    if exact is None:
        exact = n < 50
    if n == 0:
        return {"statistic": 0.0, "p_value": math.nan, "method": "none", "n": 0, "n_zero": int(d.size),
                "ties": False, "zeros": zeros, "z": math.nan}
    r = _rank_abs(x)
    v = float(r[x > 0].sum())
    ties = bool(np.unique(r).size != r.size)
    out = {"statistic": v, "n": n, "n_zero": int(d.size - n), "ties": ties, "zeros": zeros}
    if exact and not ties and not zeros:
        if v > n * (n + 1) / 4:
            p = 1.0 - signrank_cdf(v - 1, n)
        else:
            p = signrank_cdf(v, n)
        out.update(p_value=min(2 * p, 1.0), method="exact", z=math.nan)
        return out
    _, tie_counts = np.unique(r, return_counts=True)
    z = v - n * (n + 1) / 4
    sigma = math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - float(np.sum(tie_counts**3 - tie_counts)) / 48)
    corr = 0.5 * float(np.sign(z)) if correct else 0.0
    if sigma == 0:
        out.update(p_value=math.nan, method="normal", z=math.nan)
        return out
    z = (z - corr) / sigma
    p = 2 * min(float(stats.norm.cdf(z)), float(stats.norm.sf(z)))
    out.update(p_value=p, method="normal_cc" if correct else "normal", z=z)
    return out


def _nct_ncp_interval(t_obs: float, df: float, conf_level: float) -> tuple[float, float]:
    """Noncentrality parameters whose t distribution puts ``t_obs`` at the (1±level)/2 quantiles."""
    alpha = 1 - conf_level

    def solve(target: float) -> float:
        def f(ncp: float) -> float:
            value = float(stats.nct.cdf(t_obs, df, ncp))
            if math.isnan(value):  # far tails: the cdf falls from 1 to 0 as ncp rises past t_obs
                value = 0.0 if ncp > t_obs else 1.0
            return value - target

        lo, hi = t_obs - 10.0, t_obs + 10.0
        while f(lo) < 0:
            lo -= 10.0
        while f(hi) > 0:
            hi += 10.0
        return float(optimize.brentq(f, lo, hi, xtol=1e-13, rtol=1e-13, maxiter=500))

    return solve(1 - alpha / 2), solve(alpha / 2)


def cohens_dz(d: Array, conf_level: float = 0.95) -> dict[str, Any]:
    """Cohen's :math:`d_z = \\bar d / s_d` with a noncentral-t confidence interval.

    Notes
    -----
    :math:`t = d_z\\sqrt n` follows a noncentral t with :math:`n-1` df and noncentrality
    :math:`\\delta\\sqrt n`. The interval inverts it: the limits are the :math:`\\lambda/\\sqrt n` for
    which :math:`P(T_{n-1,\\lambda} \\le t) = 1-\\alpha/2` and :math:`\\alpha/2` (Steiger & Fouladi
    1997; Cumming 2012). The standard error shown is the large-sample
    :math:`\\sqrt{1/n + d_z^2/(2n)}`, for reference only.
    """
    n = int(d.size)
    sd = float(np.std(d, ddof=1)) if n > 1 else math.nan
    if not (sd > 0):
        return {"estimate": math.nan, "ci_low": math.nan, "ci_high": math.nan, "std_error": math.nan,
                "statistic": math.nan, "df": float(n - 1), "n": n}
    dz = float(np.mean(d)) / sd
    t_obs = dz * math.sqrt(n)
    lo, hi = _nct_ncp_interval(t_obs, n - 1, conf_level)
    return {"estimate": dz, "ci_low": lo / math.sqrt(n), "ci_high": hi / math.sqrt(n),
            "std_error": math.sqrt(1 / n + dz**2 / (2 * n)), "statistic": t_obs, "df": float(n - 1), "n": n}


def cohens_dav(before: Array, after: Array, dz: dict[str, Any]) -> dict[str, Any]:
    """Cohen's :math:`d_{av} = \\bar d / ((s_{before} + s_{after})/2)` with a rescaled interval.

    Notes
    -----
    The interval is the noncentral-t interval of :math:`d_z` multiplied by :math:`s_d / s_{av}`
    (the ratio treated as known), an approximation in the spirit of Algina & Keselman (2003);
    it is narrower than an exact interval when the SDs are uncertain.
    """
    d = after - before
    s_av = (float(np.std(before, ddof=1)) + float(np.std(after, ddof=1))) / 2
    s_d = float(np.std(d, ddof=1))
    if not (s_av > 0) or not (s_d > 0) or not math.isfinite(dz["estimate"]):
        return {"estimate": math.nan, "ci_low": math.nan, "ci_high": math.nan, "std_error": math.nan,
                "statistic": dz["statistic"], "df": dz["df"], "n": dz["n"]}
    scale = s_d / s_av
    return {"estimate": float(np.mean(d)) / s_av, "ci_low": dz["ci_low"] * scale, "ci_high": dz["ci_high"] * scale,
            "std_error": dz["std_error"] * scale, "statistic": dz["statistic"], "df": dz["df"], "n": dz["n"]}


def paired_table(before: Array, after: Array) -> dict[str, int]:
    """Counts of the paired 2×2 table: ``n11`` (1→1), ``n10`` (1→0), ``n01`` (0→1), ``n00``."""
    b = before.astype(int)
    a = after.astype(int)
    return {"n11": int(np.sum((b == 1) & (a == 1))), "n10": int(np.sum((b == 1) & (a == 0))),
            "n01": int(np.sum((b == 0) & (a == 1))), "n00": int(np.sum((b == 0) & (a == 0)))}


def mcnemar(n10: int, n01: int, *, correct: bool = True) -> dict[str, Any]:
    """McNemar's chi-squared test on the discordant counts, as R's ``mcnemar.test``.

    Notes
    -----
    :math:`X^2 = (|n_{01}-n_{10}| - 1)^2/(n_{01}+n_{10})` with the continuity correction, which R
    applies only when :math:`n_{01} \\ne n_{10}`; 1 df. No discordant pairs gives NaN, as in R.
    """
    s = n01 + n10
    if s == 0:
        return {"statistic": math.nan, "df": 1.0, "p_value": math.nan}
    diff = abs(n01 - n10)
    y = diff - 1.0 if (correct and diff != 0) else float(diff)
    x2 = y**2 / s
    return {"statistic": x2, "df": 1.0, "p_value": float(stats.chi2.sf(x2, 1))}


def binom_exact(x: int, n: int, p: float = 0.5, conf_level: float = 0.95) -> dict[str, Any]:
    """Exact binomial test of ``x`` successes in ``n`` trials, two-sided as R's ``binom.test``.

    Notes
    -----
    R's two-sided p-value sums the probabilities of all outcomes no more likely than the observed
    one (relative tolerance :math:`1+10^{-7}`). The interval is Clopper–Pearson.
    """
    if n == 0:
        return {"statistic": float(x), "n": 0, "p_value": math.nan, "estimate": math.nan,
                "ci_low": math.nan, "ci_high": math.nan}
    rel_err = 1 + 1e-7
    d = stats.binom.pmf(x, n, p)
    m = n * p
    if x == m:
        pv = 1.0
    elif x < m:
        i = np.arange(math.ceil(m), n + 1)
        y = int(np.sum(stats.binom.pmf(i, n, p) <= d * rel_err))
        pv = float(stats.binom.cdf(x, n, p) + stats.binom.sf(n - y, n, p))
    else:
        i = np.arange(0, math.floor(m) + 1)
        y = int(np.sum(stats.binom.pmf(i, n, p) <= d * rel_err))
        pv = float(stats.binom.cdf(y - 1, n, p) + stats.binom.sf(x - 1, n, p))
    alpha = 1 - conf_level
    lo = 0.0 if x == 0 else float(stats.beta.ppf(alpha / 2, x, n - x + 1))
    hi = 1.0 if x == n else float(stats.beta.ppf(1 - alpha / 2, x + 1, n - x))
    return {"statistic": float(x), "n": n, "p_value": min(pv, 1.0), "estimate": x / n, "ci_low": lo, "ci_high": hi}


def wilson(x: int, n: int, conf_level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for ``x/n`` (R ``prop.test(x, n, correct = FALSE)$conf.int``)."""
    z = float(stats.norm.ppf(1 - (1 - conf_level) / 2))
    p = x / n
    centre = (x + z**2 / 2) / (n + z**2)
    half = z * math.sqrt(n * p * (1 - p) + z**2 / 4) / (n + z**2)
    return max(centre - half, 0.0), min(centre + half, 1.0)


def paired_share_difference(t: dict[str, int], conf_level: float = 0.95, method: str = "newcombe") -> dict[str, Any]:
    """Share after − share before for paired 0/1 data, with an interval.

    Notes
    -----
    :math:`\\hat\\Delta = (n_{01} - n_{10})/n`. Wald:
    :math:`SE = \\sqrt{(n_{01}+n_{10}) - (n_{01}-n_{10})^2/n}/n`, interval :math:`\\hat\\Delta \\pm z SE`.
    Newcombe (1998, method 10): Wilson limits :math:`(l_1,u_1)` for the share after and
    :math:`(l_2,u_2)` before, :math:`\\phi` the correlation of the 2×2 table (0 if a margin is 0), then
    :math:`\\hat\\Delta - \\sqrt{(p_1-l_1)^2 - 2\\phi(p_1-l_1)(u_2-p_2) + (u_2-p_2)^2}` and
    :math:`\\hat\\Delta + \\sqrt{(u_1-p_1)^2 - 2\\phi(u_1-p_1)(p_2-l_2) + (p_2-l_2)^2}`. The SE reported
    is always the Wald SE.
    """
    n11, n10, n01, n00 = t["n11"], t["n10"], t["n01"], t["n00"]
    n = n11 + n10 + n01 + n00
    p1 = (n11 + n01) / n  # after
    p2 = (n11 + n10) / n  # before
    diff = p1 - p2
    se = math.sqrt(max((n01 + n10) - (n01 - n10) ** 2 / n, 0.0)) / n
    z = float(stats.norm.ppf(1 - (1 - conf_level) / 2))
    if method == "wald":
        return {"estimate": diff, "std_error": se, "ci_low": diff - z * se, "ci_high": diff + z * se,
                "share_before": p2, "share_after": p1, "n": n}
    l1, u1 = wilson(n11 + n01, n, conf_level)
    l2, u2 = wilson(n11 + n10, n, conf_level)
    denom = (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00)
    phi = (n11 * n00 - n10 * n01) / math.sqrt(denom) if denom > 0 else 0.0
    delta = math.sqrt(max((p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2, 0.0))
    eps = math.sqrt(max((u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2, 0.0))
    return {"estimate": diff, "std_error": se, "ci_low": max(diff - delta, -1.0), "ci_high": min(diff + eps, 1.0),
            "share_before": p2, "share_after": p1, "n": n}
