"""Power and sample size in the staff's terms: ``wb.power``.

Front doors only (validation + result); the formulas live in :mod:`~workbench.design.power.engine`
(R's ``pwr``), :mod:`~workbench.design.power.cluster` (PowerUp! CRA2) and
:mod:`~workbench.design.power.simulation` (simulation for any analysis). Each front door solves for
whichever of size, power and effect is left as ``None``.

Examples
--------
>>> import workbench as wb
>>> wb.power.two_proportions(0.05, 0.035, power=0.8).n_per_group_ceiling
2818
>>> wb.power.two_means(0.3, power=0.8).n_per_group_ceiling
176
"""

from __future__ import annotations

from workbench.core.errors import DesignError
from workbench.core.messages import resolve_lang
from workbench.core.options import Alternative, check_number
from workbench.core.results import Provenance, collect_warnings
from workbench.core.text import Msg
from workbench.design.power import engine as eng
from workbench.design.power.checks import (
    ceil_n, check_common, check_direction, check_icc, check_n, check_power, check_proportion, one_unknown,
)
from workbench.design.power.cluster import (
    cra2_cluster_size, cra2_clusters, cra2_mdes, cra2_power, mdes_floor, multiplier,
)
from workbench.design.power.cluster import design_effect as _design_effect
from workbench.design.power.result import ClusterPowerResult, PowerResult, pct_msg
from workbench.design.power.simulation import (
    simulate_binary_rct, simulate_matched, simulate_power,
)
from workbench.design.power.simulation_did import simulate_did

__all__ = [
    "two_proportions", "one_proportion", "two_means", "cluster_mdes", "cluster_power",
    "cluster_sample_size", "design_effect", "simulate_power", "simulate_binary_rct", "simulate_did",
    "simulate_matched", "PowerResult", "ClusterPowerResult",
]


def _solve_group(test: str, effect: float | None, n: float | None, power: float | None, alpha: float,
                 alternative: str, n_ratio: float, lang: str) -> tuple[float, float, float]:
    """Fill in the one missing of (effect, n, power) for a two-group/paired/one-sample test."""

    def pw(es: float, size: float) -> float:
        if test == "two_proportions":
            return eng.power_two_proportions(es, size, size * n_ratio, alpha, alternative)
        if test == "one_proportion":
            return eng.power_one_proportion(es, size, alpha, alternative)
        if test == "paired_means":
            return eng.power_paired(es, size, alpha, alternative)
        return eng.power_two_means(es, size, size * n_ratio, alpha, alternative)

    if effect is not None and alternative == "two-sided":
        effect = abs(effect)  # as pwr: a two-sided test has no direction
    if power is None:
        return effect, n, pw(effect, n)
    if n is None:
        check_direction(effect, alternative, lang)
        low = eng.n_lower_bound(n_ratio) if test in ("two_proportions", "two_means") else 2.0 + 1e-10
        size = eng.solve(lambda x: pw(effect, x), power, low, eng.N_MAX)
        if size is None:
            raise DesignError("design.not_reachable", lang=lang, power=power, what="n", limit="10^9")
        return effect, size, power
    lo, hi = eng.EFFECT_BRACKETS[alternative]
    if alternative == "two-sided" and test in ("two_means", "paired_means"):
        lo = 1e-7
    es = eng.solve(lambda x: pw(x, n), power, lo, hi)
    if es is None:
        raise DesignError("design.not_reachable", lang=lang, power=power, what="effekt/effect", limit=hi)
    return es, n, power


def _group_result(test: str, function: str, effect_name: str, es: float, n: float, power: float,
                  solved: str, alpha: float, alternative: str, n_ratio: float, lang: str,
                  p1: float | None = None, p2: float | None = None, options: dict | None = None) -> PowerResult:
    two_groups = test in ("two_proportions", "two_means")
    n2 = n * n_ratio if two_groups else None
    n1c = ceil_n(n)
    n2c = ceil_n(n2) if n2 is not None else None
    p2_lower = p2_upper = None
    if p1 is not None and solved == "effect":
        p2_lower, p2_upper = eng.p2_from_h(p1, abs(es)), eng.p2_from_h(p1, -abs(es))
    notes: list[Msg] = []
    if p1 is not None:
        rates = [p for p in (p1, p2, p2_lower) if p is not None]
        if min(rates) * n < 10:
            notes.append(Msg("design.warn.rare_outcome", rate=pct_msg(min(rates))))
    if power < 0.5:
        notes.append(Msg("design.warn.low_power", power=pct_msg(power)))
    return PowerResult(
        provenance=Provenance(function=function, options=options or {}),
        warning_msgs=collect_warnings(notes), test=test, solved_for=solved, effect_name=effect_name,
        mdes=float(es), n_per_group=float(n), n_per_group_ceiling=n1c, n2=n2, n2_ceiling=n2c,
        n_total_ceiling=n1c + (n2c or 0), power=float(power), alpha=alpha, alternative=alternative,
        n_ratio=n_ratio, p1=p1, p2=p2, p2_lower=p2_lower, p2_upper=p2_upper,
    )


def two_proportions(p1: float, p2: float | None = None, *, n: float | None = None, power: float | None = None,
                    alpha: float = 0.05, n_ratio: float = 1.0, alternative: Alternative = "two-sided",
                    h: float | None = None, lang: str | None = None) -> PowerResult:
    """Power, size per group or detectable change for two proportions (R: ``pwr.2p.test``/``pwr.2p2n.test``).

    Parameters
    ----------
    p1
        The share without the intervention (e.g. 0.05 = 5 % placed outside the home).
    p2
        The share hoped for with the intervention; ``None`` (with ``h=None``) solves for the
        smallest detectable change.
    n
        Size of group 1; group 2 is ``n_ratio * n``. ``None`` solves for it.
    power
        Probability of detecting the effect; ``None`` solves for it.
    alpha, alternative
        Significance level and ``"two-sided"``, ``"less"`` or ``"greater"``.
    n_ratio
        ``n2 / n1`` for unequal groups (``pwr.2p2n.test``).
    h
        Cohen's h directly instead of ``p2``.

    Notes
    -----
    :math:`h = 2\\arcsin\\sqrt{p_1} - 2\\arcsin\\sqrt{p_2}`; power uses the normal reference with
    :math:`\\lambda = h\\sqrt{n_1 n_2/(n_1+n_2)}` (see :mod:`workbench.design.power.engine`).
    """
    lang = resolve_lang(lang)
    p1 = check_proportion("p1", p1, lang)
    if p2 is not None:
        p2 = check_proportion("p2", p2, lang)
        if p2 == p1:
            raise DesignError("design.same_proportions", lang=lang, value=p1)
        h = eng.es_h(p1, p2)
    elif h is not None:
        check_number("h", h, lang=lang)
    check_common(alpha, alternative, lang)
    check_power(power, lang)
    check_n("n", n, lang)
    check_number("n_ratio", n_ratio, low=0.0, low_open=True, lang=lang)
    solved = one_unknown({"p2": h, "n": n, "power": power}, lang)
    if solved == "power" and h == 0:
        raise DesignError("design.zero_effect", lang=lang)
    es, size, pw = _solve_group("two_proportions", h, n, power, alpha, alternative, n_ratio, lang)
    return _group_result("two_proportions", "wb.power.two_proportions", "h", es, size, pw,
                         "effect" if solved == "p2" else solved, alpha, alternative, n_ratio, lang,
                         p1=p1, p2=p2, options=dict(p1=p1, p2=p2, n=n, power=power, alpha=alpha,
                                                    n_ratio=n_ratio, alternative=alternative))


def one_proportion(p0: float, p1: float | None = None, *, n: float | None = None, power: float | None = None,
                   alpha: float = 0.05, alternative: Alternative = "two-sided", h: float | None = None,
                   lang: str | None = None) -> PowerResult:
    """One group's share against a known level ``p0`` (R: ``pwr.p.test``), e.g. after vs before.

    Notes
    -----
    :math:`\\lambda = h\\sqrt{n}` with :math:`h = 2\\arcsin\\sqrt{p_1} - 2\\arcsin\\sqrt{p_0}`. The
    level before is treated as known, so this is the before/after design of rung 3: it can show a
    change, not an effect.
    """
    lang = resolve_lang(lang)
    p0 = check_proportion("p0", p0, lang)
    if p1 is not None:
        p1 = check_proportion("p1", p1, lang)
        if p1 == p0:
            raise DesignError("design.same_proportions", lang=lang, value=p0)
        h = eng.es_h(p1, p0)
    check_common(alpha, alternative, lang)
    check_power(power, lang)
    check_n("n", n, lang, low=1.0)
    solved = one_unknown({"p1": h, "n": n, "power": power}, lang)
    es, size, pw = _solve_group("one_proportion", h, n, power, alpha, alternative, 1.0, lang)
    return _group_result("one_proportion", "wb.power.one_proportion", "h", es, size, pw,
                         "effect" if solved == "p1" else solved, alpha, alternative, 1.0, lang,
                         p1=p0, p2=p1, options=dict(p0=p0, p1=p1, n=n, power=power, alpha=alpha,
                                                    alternative=alternative))


def two_means(d: float | None = None, *, n: float | None = None, power: float | None = None, alpha: float = 0.05,
              paired: bool = False, n_ratio: float = 1.0, alternative: Alternative = "two-sided",
              lang: str | None = None) -> PowerResult:
    """Power, size or detectable effect for two means (R: ``pwr.t.test``/``pwr.t2n.test``).

    Parameters
    ----------
    d
        Standardized difference (Cohen's d; paired: the mean change over the SD of changes, d_z).
    n
        Size of group 1 (pairs when ``paired``); group 2 is ``n_ratio * n``.
    paired
        Paired measurements (before/after on the same people): ``pwr.t.test(type="paired")``.

    Notes
    -----
    Noncentral t: two groups :math:`\\nu = n_1+n_2-2`, :math:`\\delta = d/\\sqrt{1/n_1+1/n_2}`;
    paired :math:`\\nu = n-1`, :math:`\\delta = d\\sqrt{n}`.
    """
    lang = resolve_lang(lang)
    if d is not None:
        check_number("d", d, lang=lang)
    check_common(alpha, alternative, lang)
    check_power(power, lang)
    check_n("n", n, lang)
    check_number("n_ratio", n_ratio, low=0.0, low_open=True, lang=lang)
    solved = one_unknown({"d": d, "n": n, "power": power}, lang)
    if solved == "power" and d == 0:
        raise DesignError("design.zero_effect", lang=lang)
    test = "paired_means" if paired else "two_means"
    ratio = 1.0 if paired else float(n_ratio)
    es, size, pw = _solve_group(test, d, n, power, alpha, alternative, ratio, lang)
    return _group_result(test, "wb.power.two_means", "d", es, size, pw, "effect" if solved == "d" else solved,
                         alpha, alternative, ratio, lang,
                         options=dict(d=d, n=n, power=power, alpha=alpha, paired=paired, n_ratio=n_ratio,
                                      alternative=alternative))


def design_effect(cluster_size: float, icc: float, *, lang: str | None = None) -> float:
    """Kish's design effect :math:`1 + (m-1)\\,ICC`: how much clustering inflates the variance."""
    check_number("cluster_size", cluster_size, low=1.0, lang=lang)
    return _design_effect(float(cluster_size), check_icc(icc, lang))


def _cluster_checks(clusters, cluster_size, icc, power, alpha, share_treated, r2_level1, r2_level2,
                    n_covariates_level2, lang) -> float:
    icc = check_icc(icc, lang)
    check_power(power, lang)
    check_number("alpha", alpha, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    check_number("share_treated", share_treated, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    for name, r2 in (("r2_level1", r2_level1), ("r2_level2", r2_level2)):
        check_number(name, r2, low=0.0, high=1.0, high_open=True, lang=lang)
    check_number("n_covariates_level2", n_covariates_level2, low=0, integer=True, lang=lang)
    if cluster_size is not None:
        check_number("cluster_size", cluster_size, low=1.0, lang=lang)
    if clusters is not None:
        check_number("clusters", clusters, low=0.0, low_open=True, lang=lang)
        df = clusters - n_covariates_level2 - 2
        if df < 1:
            raise DesignError("design.too_few_clusters", lang=lang, clusters=clusters,
                              covariates=n_covariates_level2, df=df, minimum=n_covariates_level2 + 3)
    return icc


def _cluster_result(solved, clusters, cluster_size, icc, mdes, power, alpha, two_tailed, share_treated,
                    r2_level1, r2_level2, g, lang, options) -> ClusterPowerResult:
    df = clusters - g - 2.0
    notes: list[Msg] = []
    if clusters < 30:
        notes.append(Msg("design.warn.few_clusters", clusters=ceil_n(clusters), df=round(df, 1)))
    if power < 0.5:
        notes.append(Msg("design.warn.low_power", power=pct_msg(power)))
    n_group = share_treated * clusters * cluster_size
    return ClusterPowerResult(
        provenance=Provenance(function=f"wb.power.{options.pop('_function')}", options=options),
        warning_msgs=collect_warnings(notes), solved_for=solved, clusters=float(clusters),
        clusters_ceiling=ceil_n(clusters), cluster_size=float(cluster_size),
        cluster_size_ceiling=ceil_n(cluster_size), icc=icc, mdes=float(mdes), power=float(power), alpha=alpha,
        two_tailed=two_tailed, share_treated=share_treated, r2_level1=r2_level1, r2_level2=r2_level2,
        n_covariates_level2=g, df=df, multiplier=multiplier(df, alpha, min(max(power, 1e-6), 1 - 1e-6), two_tailed),
        design_effect=_design_effect(cluster_size, icc), n_per_group=n_group, n_per_group_ceiling=ceil_n(n_group),
    )


def cluster_mdes(clusters: float, cluster_size: float, icc: float, *, power: float = 0.8, alpha: float = 0.05,
                 share_treated: float = 0.5, r2_level1: float = 0.0, r2_level2: float = 0.0,
                 n_covariates_level2: int = 0, two_tailed: bool = True,
                 lang: str | None = None) -> ClusterPowerResult:
    """Minimum detectable effect size of a cluster randomized trial (PowerUp! CRA2).

    Notes
    -----
    :math:`MDES = M_{J-g-2}\\sqrt{\\rho(1-R^2_2)/(P(1-P)J) + (1-\\rho)(1-R^2_1)/(P(1-P)Jn)}`, with
    :math:`M = t_{1-\\alpha/2} + t_{power}` (see :mod:`workbench.design.power.cluster`).
    """
    lang = resolve_lang(lang)
    icc = _cluster_checks(clusters, cluster_size, icc, power, alpha, share_treated, r2_level1, r2_level2,
                          n_covariates_level2, lang)
    kw = dict(share=share_treated, r2_1=r2_level1, r2_2=r2_level2, g=n_covariates_level2, alpha=alpha,
              two_tailed=two_tailed)
    mdes = cra2_mdes(clusters, cluster_size, icc, power=power, **kw)
    return _cluster_result("mdes", clusters, cluster_size, icc, mdes, power, alpha, two_tailed, share_treated,
                           r2_level1, r2_level2, n_covariates_level2, lang,
                           dict(_function="cluster_mdes", clusters=clusters, cluster_size=cluster_size, icc=icc,
                                power=power, alpha=alpha, share_treated=share_treated))


def cluster_power(clusters: float, cluster_size: float, icc: float, mdes: float, *, alpha: float = 0.05,
                  share_treated: float = 0.5, r2_level1: float = 0.0, r2_level2: float = 0.0,
                  n_covariates_level2: int = 0, two_tailed: bool = True,
                  lang: str | None = None) -> ClusterPowerResult:
    """Power of a cluster randomized trial to detect ``mdes`` standard deviations (PowerUp! CRA2)."""
    lang = resolve_lang(lang)
    icc = _cluster_checks(clusters, cluster_size, icc, None, alpha, share_treated, r2_level1, r2_level2,
                          n_covariates_level2, lang)
    check_number("mdes", mdes, low=0.0, low_open=True, lang=lang)
    kw = dict(share=share_treated, r2_1=r2_level1, r2_2=r2_level2, g=n_covariates_level2, alpha=alpha,
              two_tailed=two_tailed)
    power = cra2_power(clusters, cluster_size, icc, mdes, **kw)
    return _cluster_result("power", clusters, cluster_size, icc, mdes, power, alpha, two_tailed, share_treated,
                           r2_level1, r2_level2, n_covariates_level2, lang,
                           dict(_function="cluster_power", clusters=clusters, cluster_size=cluster_size, icc=icc,
                                mdes=mdes, alpha=alpha, share_treated=share_treated))


def cluster_sample_size(mdes: float, icc: float, *, clusters: float | None = None, cluster_size: float | None = None,
                        power: float = 0.8, alpha: float = 0.05, share_treated: float = 0.5,
                        r2_level1: float = 0.0, r2_level2: float = 0.0, n_covariates_level2: int = 0,
                        two_tailed: bool = True, lang: str | None = None) -> ClusterPowerResult:
    """Clusters needed (give ``cluster_size``) or cluster size needed (give ``clusters``) for ``mdes``.

    The number of clusters is solved as a continuous number (``clusters``) and rounded up
    (``clusters_ceiling``). With too few clusters no cluster size suffices: the MDES has a floor
    :math:`M\\sqrt{\\rho(1-R^2_2)/(P(1-P)J)}`, and the error says how many clusters are needed.
    """
    lang = resolve_lang(lang)
    solved = one_unknown({"clusters": clusters, "cluster_size": cluster_size}, lang)
    icc = _cluster_checks(clusters, cluster_size, icc, power, alpha, share_treated, r2_level1, r2_level2,
                          n_covariates_level2, lang)
    check_number("mdes", mdes, low=0.0, low_open=True, lang=lang)
    kw = dict(share=share_treated, r2_1=r2_level1, r2_2=r2_level2, g=n_covariates_level2, alpha=alpha,
              two_tailed=two_tailed, power=power)
    if solved == "clusters":
        clusters = cra2_clusters(mdes, cluster_size, icc, **kw)
        if clusters is None:
            raise DesignError("design.not_reachable", lang=lang, power=power, what="clusters", limit="10^6")
    else:
        cluster_size = cra2_cluster_size(mdes, clusters, icc, **kw)
        if cluster_size is None:
            floor = mdes_floor(clusters, icc, share=share_treated, r2_2=r2_level2, g=n_covariates_level2,
                               alpha=alpha, power=power, two_tailed=two_tailed)
            needed = cra2_clusters(mdes, 1e9, icc, **kw)
            raise DesignError("design.cluster_floor", lang=lang, clusters=clusters, icc=icc, mdes=mdes,
                              floor=round(floor, 3), needed=ceil_n(needed) if needed else "> 10^6")
    return _cluster_result(solved, clusters, cluster_size, icc, mdes, power, alpha, two_tailed, share_treated,
                           r2_level1, r2_level2, n_covariates_level2, lang,
                           dict(_function="cluster_sample_size", mdes=mdes, icc=icc, power=power, alpha=alpha,
                                share_treated=share_treated))

