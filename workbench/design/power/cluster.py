"""PowerUp! formulas for two-level cluster randomized trials (CRA2; Dong & Maynard 2013, model 3.1).

Pure numerics; validation and results live in :mod:`workbench.design.power.api`.

Notes
-----
With :math:`J` clusters of :math:`n` individuals, a share :math:`P` of clusters treated, intraclass
correlation :math:`\\rho`, and covariates explaining :math:`R^2_1` (individual level) and
:math:`R^2_2` (cluster level) of the variance at each level, the standard error of the standardized
effect is

.. math:: SE = \\sqrt{\\frac{\\rho(1-R^2_2)}{P(1-P)J} + \\frac{(1-\\rho)(1-R^2_1)}{P(1-P)Jn}}

and the minimum detectable effect size is :math:`MDES = M_{J-g-2}\\,SE` with multiplier
:math:`M_{df} = t_{1-\\alpha/2,df} + t_{\\text{power},df}` (one-tailed: :math:`t_{1-\\alpha,df}`), where
:math:`g` is the number of cluster-level covariates. Power for a given effect inverts this,
:math:`\\text{power} = T_{df}(ES/SE - t_{1-\\alpha/2,df})`, as PowerUp!'s spreadsheets do. The design
effect of equal clusters is :math:`1 + (n-1)\\rho` (Kish).
"""

from __future__ import annotations

import math


def design_effect(cluster_size: float, icc: float) -> float:
    """Kish's design effect ``1 + (m - 1) * icc`` for clusters of size ``m``."""
    return 1.0 + (cluster_size - 1.0) * icc


def cra2_se(clusters: float, cluster_size: float, icc: float, share: float, r2_1: float, r2_2: float) -> float:
    """Standard error of the standardized effect in a CRA2 design (see module Notes)."""
    pq = share * (1.0 - share) * clusters
    return math.sqrt(icc * (1.0 - r2_2) / pq + (1.0 - icc) * (1.0 - r2_1) / (pq * cluster_size))


def critical_t(df: float, alpha: float, two_tailed: bool) -> float:
    from scipy.stats import t

    return float(t.isf(alpha / 2.0 if two_tailed else alpha, df))


def multiplier(df: float, alpha: float, power: float, two_tailed: bool = True) -> float:
    """PowerUp!'s multiplier :math:`M = t_{1-\\alpha/2,df} + t_{power,df}`."""
    from scipy.stats import t

    return critical_t(df, alpha, two_tailed) + float(t.ppf(power, df))


def cra2_mdes(clusters: float, cluster_size: float, icc: float, *, share: float = 0.5, r2_1: float = 0.0,
              r2_2: float = 0.0, g: int = 0, alpha: float = 0.05, power: float = 0.8,
              two_tailed: bool = True) -> float:
    """Minimum detectable effect size (standard deviation units)."""
    df = clusters - g - 2.0
    return multiplier(df, alpha, power, two_tailed) * cra2_se(clusters, cluster_size, icc, share, r2_1, r2_2)


def cra2_power(clusters: float, cluster_size: float, icc: float, effect: float, *, share: float = 0.5,
               r2_1: float = 0.0, r2_2: float = 0.0, g: int = 0, alpha: float = 0.05,
               two_tailed: bool = True) -> float:
    """Power to detect ``effect`` (standard deviation units) in a CRA2 design."""
    from scipy.stats import t

    df = clusters - g - 2.0
    se = cra2_se(clusters, cluster_size, icc, share, r2_1, r2_2)
    return float(t.cdf(abs(effect) / se - critical_t(df, alpha, two_tailed), df))


def mdes_floor(clusters: float, icc: float, *, share: float = 0.5, r2_2: float = 0.0, g: int = 0,
               alpha: float = 0.05, power: float = 0.8, two_tailed: bool = True) -> float:
    """The MDES as cluster size grows without bound: only the cluster-level term remains."""
    df = clusters - g - 2.0
    return multiplier(df, alpha, power, two_tailed) * math.sqrt(icc * (1.0 - r2_2) / (share * (1.0 - share) * clusters))


def cra2_clusters(effect: float, cluster_size: float, icc: float, **kw: float) -> float | None:
    """Number of clusters (continuous) at which the MDES equals ``effect``; ``None`` if > 1e6."""
    from workbench.design.power.engine import solve

    g = int(kw.get("g", 0))
    return solve(lambda j: -cra2_mdes(j, cluster_size, icc, **kw), -abs(effect), g + 2.0 + 1e-6, 1e6)


def cra2_cluster_size(effect: float, clusters: float, icc: float, **kw: float) -> float | None:
    """Cluster size (continuous) at which the MDES equals ``effect``; ``None`` if unreachable."""
    from workbench.design.power.engine import solve

    return solve(lambda m: -cra2_mdes(clusters, m, icc, **kw), -abs(effect), 1.0, 1e9)
