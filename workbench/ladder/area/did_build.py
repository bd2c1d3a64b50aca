"""Assemble a DiD result: the registered estimator's fit, few-treated inference, the pre-trend check.

Kept apart from :mod:`workbench.ladder.area.build` (the helpers every estimator shares) because it
dispatches through the estimator registry, whose estimators use those helpers.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from workbench.core.results import Estimate, Provenance, collect_warnings, format_p
from workbench.core.text import Msg, Num
from workbench.ladder.area import inference as inf
from workbench.ladder.area.bacon import bacon_decomposition, forbidden_share
from workbench.ladder.area.build import FEW_TREATED, base_warnings, credibility, period_label, period_means
from workbench.ladder.area.estimators import get_estimator
from workbench.ladder.area.inference import placebo_interval
from workbench.ladder.area.result import DidResult

#: forbidden comparisons (already-treated controls) above this share of the TWFE weight are warned about
BACON_WARN_SHARE = 0.10

if TYPE_CHECKING:  # pragma: no cover
    from workbench.ladder.area.estimator_base import DidOptions
    from workbench.ladder.area.panel import Panel


def build_did(panel: "Panel", o: "DidOptions", *, lang: str, provenance: Provenance) -> DidResult:
    """Estimate by the registered estimator ``o.method``, extra inference with few treated areas,
    pre-trend check, result (whose event study is the same estimator's)."""
    import numpy as np

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
            warns.append(Msg("area.warn.perm_floor", n=n_perm, p_min=Num(1 / (1 + n_perm), 3)))
        if few:
            headline = _placebo_headline(est, perm, panel, o)
            if headline is not None:
                warns.insert(0, Msg("area.warn.headline_placebo", n=n_treated,
                                    se=Num(est.std_error, 3),
                                    n_sets=int(np.isfinite(perm.placebo_estimates).sum()),
                                    low=Num(headline.ci_low, 3), high=Num(headline.ci_high, 3)))
    if n_treated == 1 and p_wild is not None:
        warns.insert(0, Msg("area.warn.single_treated"))
    if few:
        warns.insert(0, Msg("area.warn.few_treated", n=n_treated, p_wild=format_p(p_wild, lang),
                        p_perm=format_p(p_perm, lang)))
    warns.extend(fit.notes)
    starts = np.unique(panel.start[panel.treated_units])
    if o.method == "twfe" and len(starts) > 1 and panel.balanced:
        share = forbidden_share(bacon_decomposition(panel, lang=lang))
        if share > BACON_WARN_SHARE:
            warns.append(Msg("area.warn.bacon_forbidden", share=Num(share, 0, percent=True)))
    n_pre = int(np.min(panel.start[panel.treated_units]))
    problems = credibility(n_pre, fit.pretrend_p, o.min_pre_periods, 0.05, lang)
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
        _bacon=functools.partial(bacon_decomposition, panel),
    )


def _placebo_headline(est: Estimate, perm, panel: "Panel", o: "DidOptions") -> Estimate | None:
    """The few-treated headline: the placebo-in-space interval (``inference.placebo_interval``);
    its p-value is the permutation p-value."""
    import dataclasses

    import numpy as np

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
