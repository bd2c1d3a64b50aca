"""Assemble DiD and event-study results from the engines (the front doors stay thin)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from workbench.core.messages import resolve_lang
from workbench.core.options import AreaInference, AreaMethod  # noqa: F401 (re-exported)
from workbench.core.results import Estimate, Provenance, collect_warnings, format_number, format_p
from workbench.core.text import Msg
from workbench.ladder.area.result import DidResult, EventStudyResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.area.estimators import DidOptions
    from workbench.ladder.area.panel import Panel

FEW_TREATED = 5


def period_label(p: Any) -> str:
    return str(p)


def t_estimate(coef: float, se: float, df: int | None, n: int, *, estimand: str, method: str,
               se_type: str | None, conf_level: float) -> Estimate:
    """An :class:`Estimate` with a t(df) (or normal, df None) reference."""
    from scipy import stats

    dist = stats.norm if df is None else stats.t(df)
    stat = coef / se if se > 0 else float("nan")
    crit = float(dist.ppf(0.5 + conf_level / 2))
    p = float(2 * dist.sf(abs(stat))) if se > 0 else float("nan")
    return Estimate(estimate=float(coef), std_error=float(se), ci_low=float(coef - crit * se),
                    ci_high=float(coef + crit * se), p_value=p, statistic=float(stat),
                    df=None if df is None else float(df), n=int(n), estimand=estimand, method=method,
                    se_type=se_type, conf_level=conf_level)


def period_means(panel: "Panel") -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    treated = panel.start[panel.unit_code] >= 0
    rows = []
    for flag, name in ((True, "treated"), (False, "control")):
        m = treated == flag
        s = np.bincount(panel.time_code[m], panel.y[m], panel.n_times)
        c = np.bincount(panel.time_code[m], None, panel.n_times)
        for t in range(panel.n_times):
            rows.append({"period": period_label(panel.times[t]), "group": name,
                         "mean": s[t] / c[t] if c[t] else np.nan})
    return pd.DataFrame(rows)


def base_warnings(panel: "Panel") -> list[Msg]:
    """Warnings every panel analysis carries (unbalanced, staggered starts, few clusters)."""
    import numpy as np

    out = []
    if not panel.balanced:
        out.append(Msg("area.warn.unbalanced", missing=panel.n_units * panel.n_times - len(panel.y)))
    starts = np.unique(panel.start[panel.treated_units])
    if len(starts) > 1:
        out.append(Msg("area.warn.staggered", n=len(starts)))
    if panel.n_units < 20:
        out.append(Msg("area.warn.few_clusters", n=panel.n_units))
    return out


def build_event_study(panel: "Panel", *, leads: int | None = None, lags: int | None = None,
                      se_type: str = "fixest", inference: str = "auto", seed: int = 12345,
                      min_pre_periods: int = 4, conf_level: float = 0.95, alpha: float = 0.05,
                      max_draws: int = 199, lang: str | None = None,
                      provenance: Provenance | None = None) -> EventStudyResult:
    """Event study with pre-trend test; credibility from the test and the number of pre-periods.

    ``lang`` (None: the session language) only formats the numbers inside the messages; the
    messages themselves render in the reader's language.
    """
    import numpy as np
    import pandas as pd

    from workbench.ladder.area.event import fit_event_study

    lang = resolve_lang(lang)
    n_treated = len(panel.treated_units)
    few = n_treated <= FEW_TREATED
    perm = few or inference == "all"  # with few treated areas only the permutation pre-test is fair
    ev = fit_event_study(panel, leads=leads, lags=lags, se_type=se_type, permutation=perm,
                         max_draws=max_draws, seed=seed)
    from scipy import stats

    # one vectorised t(df) for all coefficients (the same numbers as Estimate.from_coef_se each)
    b, s = np.asarray(ev.coef, dtype=float), np.asarray(ev.se, dtype=float)
    crit = float(stats.t.ppf(0.5 + conf_level / 2, ev.df))
    with np.errstate(divide="ignore", invalid="ignore"):
        pv = np.where(s > 0, 2 * stats.t.sf(np.abs(b / s), ev.df), np.nan)
    rows = [{"rel_time": e, "estimate": float(bi), "std_error": float(si), "ci_low": float(bi - crit * si),
             "ci_high": float(bi + crit * si), "p_value": float(p), "reference": False}
            for e, bi, si, p in zip(ev.rel_times, b, s, pv)]
    rows.append({"rel_time": -1, "estimate": 0.0, "std_error": np.nan, "ci_low": 0.0, "ci_high": 0.0,
                 "p_value": np.nan, "reference": True})
    coefs = pd.DataFrame(rows).sort_values("rel_time").reset_index(drop=True)
    p_used = ev.perm_p if (few and ev.perm_p is not None) else ev.wald_p
    problems = credibility(ev.n_pre, p_used, min_pre_periods, alpha, lang)
    warns = base_warnings(panel)
    prov = provenance or Provenance("event_study", options={"leads": leads, "lags": lags})
    return EventStudyResult(
        provenance=prov, warning_msgs=collect_warnings(warns), coefficients=coefs,
        pretrend_f=ev.wald_f, pretrend_q=ev.wald_q, pretrend_df=ev.df, pretrend_p=ev.wald_p,
        pretrend_p_permutation=ev.perm_p, n_placebos=ev.n_placebos, pretrend_p_used=p_used,
        n_pre_periods=ev.n_pre, leads=ev.leads, lags=ev.lags, n_treated=n_treated, se_type=se_type,
        credible=not problems, problem_msgs=tuple(problems), lang=lang)


def credibility(n_pre: int, p_pre: float | None, min_pre: int, alpha: float, lang: str) -> list[Msg]:
    """Credibility problems of a pre-period (``lang`` formats the p-value shown)."""
    import math

    problems = []
    if n_pre < min_pre:
        problems.append(Msg("area.problem.few_pre", n=n_pre, minimum=min_pre))
    if p_pre is None or not math.isfinite(p_pre):
        if n_pre >= min_pre:
            problems.append(Msg("area.problem.no_pretest"))
    elif p_pre < alpha:
        problems.append(Msg("area.problem.pretrend", p=format_p(p_pre, lang)))
    return problems


def build_did(panel: "Panel", o: "DidOptions", *, lang: str, provenance: Provenance) -> DidResult:
    """Estimate by the registered estimator ``o.method``, extra inference with few treated areas,
    pre-trend check, result (whose event study is the same estimator's)."""
    import numpy as np

    from workbench.ladder.area import inference as inf
    from workbench.ladder.area.estimators import get_estimator

    n_treated = len(panel.treated_units)
    if n_treated == panel.n_units:
        from workbench.core.errors import DesignError

        raise DesignError("area.no_controls", lang=lang)
    few = n_treated <= FEW_TREATED
    extra = o.inference == "all" or (o.inference == "auto" and few)
    warns: list[Msg] = base_warnings(panel)
    estimator = get_estimator(o.method)
    fit = estimator.fit(panel, o, few=few, extra=extra, lang=lang)
    est, p_wild, reps = fit.estimate, fit.p_wild_bootstrap, fit.bootstrap_reps
    p_perm = n_perm = placebo_sd = headline = None
    if extra:
        perm = inf.permutation_test(panel, est.estimate, max_draws=o.permutations, seed=o.seed,
                                    estimator=estimator.placebo(o))
        p_perm, n_perm = perm.p_value, len(perm.placebo_estimates)
        placebo_sd = float(np.nanstd(perm.placebo_estimates, ddof=1)) if n_perm > 1 else None
        if perm.exhaustive and n_perm and 1 / (1 + n_perm) > 0.05:
            warns.append(Msg("area.warn.perm_floor", n=n_perm, p_min=format_number(1 / (1 + n_perm), 3, lang)))
        if few:
            headline = _placebo_headline(est, perm, panel, o)
            if headline is not None:
                warns.insert(0, Msg("area.warn.headline_placebo", n=n_treated,
                                    se=format_number(est.std_error, 3, lang),
                                    n_sets=int(np.isfinite(perm.placebo_estimates).sum()),
                                    low=format_number(headline.ci_low, 3, lang),
                                    high=format_number(headline.ci_high, 3, lang)))
    if n_treated == 1 and p_wild is not None:
        warns.insert(0, Msg("area.warn.single_treated"))
    if few:
        warns.insert(0, Msg("area.warn.few_treated", n=n_treated, p_wild=format_p(p_wild, lang),
                        p_perm=format_p(p_perm, lang)))
    warns.extend(fit.notes)
    n_pre = int(np.min(panel.start[panel.treated_units]))
    problems = credibility(n_pre, fit.pretrend_p, o.min_pre_periods, 0.05, lang)
    starts = np.unique(panel.start[panel.treated_units])
    cs = o.method == "callaway_santanna"
    return DidResult(
        provenance=provenance, warning_msgs=collect_warnings(warns), estimate=est, method=o.method,
        se_type=o.se_type, n_units=panel.n_units, n_treated=n_treated, n_periods=panel.n_times,
        n_pre_periods=n_pre, balanced=panel.balanced, staggered=len(starts) > 1,
        start_periods=tuple(period_label(panel.times[s]) for s in starts),
        p_wild_bootstrap=p_wild, p_permutation=p_perm, bootstrap_reps=reps, n_permutations=n_perm,
        placebo_sd=placebo_sd, seed=o.seed, pretrend_p=fit.pretrend_p, pretrend_test=fit.pretrend_test,
        credible=not problems, problem_msgs=tuple(problems), aggregation=fit.aggregation,
        headline=headline if headline is not None else est,
        means=period_means(panel), base_period=o.base_period if cs else None,
        anticipation=o.anticipation if cs else 0,
        unbalanced_as_cross_sections=cs and not panel.balanced,
        lang=lang, _event_study=functools.partial(estimator.event_study, panel, o),
    )


def _placebo_headline(est: Estimate, perm, panel: "Panel", o: "DidOptions") -> Estimate | None:
    """The few-treated headline: the placebo-in-space interval (``inference.placebo_interval``);
    its p-value is the permutation p-value."""
    import dataclasses

    import numpy as np

    from workbench.ladder.area.inference import placebo_interval

    n1 = len(panel.treated_units)
    iv = placebo_interval(est.estimate, perm.placebo_estimates, n1, panel.n_units - n1,
                          conf_level=o.conf_level)
    if iv is None:
        return None
    out = Estimate.from_coef_se(est.estimate, iv.scale, df=iv.df, n=est.n, estimand=est.estimand,
                                method=est.method, conf_level=o.conf_level,
                                se_type=f"placebo-in-space ({iv.n_sets} sets)")
    p = float(perm.p_value)
    return dataclasses.replace(out, p_value=p) if np.isfinite(p) else out
