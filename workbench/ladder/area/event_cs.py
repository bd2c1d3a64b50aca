"""The Callaway–Sant'Anna event study: did's ``aggte(type = "dynamic")`` as an event-study result.

Each coefficient is the cohort-share weighted mean of the ATT(g,t) cells with e = t − g and its
influence-function SE (with the estimated-share term); the pre-trend test is the joint Wald test of
the pre-start coefficients (``staggered.cs_pretrend``), by permutation over the comparison areas
when few areas are treated. With ``base_period="universal"`` the reference e = −1 − anticipation
is 0 by construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from workbench.core.results import Provenance
    from workbench.ladder.area.estimator_base import DidOptions
    from workbench.ladder.area.panel import Panel
    from workbench.ladder.area.result import EventStudyResult


def build_cs_event_study(panel: "Panel", o: "DidOptions", *, leads: int | None = None,
                         lags: int | None = None, lang: str | None = None,
                         provenance: "Provenance | None" = None) -> "EventStudyResult":
    import numpy as np
    import pandas as pd

    from workbench.core.messages import resolve_lang
    from workbench.core.results import Estimate, Provenance, collect_warnings
    from workbench.ladder.area import inference as inf
    from workbench.ladder.area.build import FEW_TREATED, base_warnings, credibility
    from workbench.ladder.area.staggered import cs_keywords, cs_pre_rms
    from workbench.ladder.area.event import default_window
    from workbench.ladder.area.result import EventStudyResult
    from workbench.ladder.area.staggered import _pre_keys, cs_event_study, cs_pretrend

    lang = resolve_lang(lang)
    lead, lag = default_window(panel, leads, lags)
    table, _ = cs_event_study(panel, **cs_keywords(o))
    table = table[(table["key"] >= -lead - o.anticipation) & (table["key"] <= lag)]
    ref_e = -1 - o.anticipation
    rows = []
    for e, b, s in zip(table["key"], table["att"], table["se"]):
        reference = o.base_period == "universal" and e == ref_e
        est = Estimate.from_coef_se(b, s, df=None, n=len(panel.y), estimand="ATT",
                                    method="event_study (callaway_santanna)",
                                    se_type="influence function (did)", conf_level=o.conf_level)
        rows.append({"rel_time": int(e), "estimate": est.estimate,
                     "std_error": np.nan if reference else est.std_error,
                     "ci_low": 0.0 if reference else est.ci_low,
                     "ci_high": 0.0 if reference else est.ci_high,
                     "p_value": np.nan if reference else est.p_value, "reference": reference})
    coefs = pd.DataFrame(rows, columns=["rel_time", "estimate", "std_error", "ci_low", "ci_high",
                                        "p_value", "reference"])
    chi2, q, p_wald = cs_pretrend(panel, **cs_keywords(o))
    few = len(panel.treated_units) <= FEW_TREATED
    p_perm, n_placebos = None, 0
    if few or o.inference == "all":
        rms = cs_pre_rms(o)
        observed = rms(panel)
        if np.isfinite(observed):
            perm = inf.permutation_test(panel, observed, max_draws=199, seed=o.seed, estimator=rms)
            p_perm, n_placebos = perm.p_value, int(np.isfinite(perm.placebo_estimates).sum())
    p_used = p_perm if (few and p_perm is not None) else p_wald
    n_pre = int(np.sum(_pre_keys(coefs["rel_time"].to_numpy(), o.base_period, o.anticipation)))
    problems = credibility(int(np.min(panel.start[panel.treated_units])), p_used,
                           o.min_pre_periods, 0.05, lang)
    prov = provenance or Provenance("event_study", options={"leads": leads, "lags": lags,
                                                            "method": "callaway_santanna"})
    return EventStudyResult(
        provenance=prov, warning_msgs=collect_warnings(base_warnings(panel)), coefficients=coefs,
        pretrend_f=chi2 / q if q else float("nan"), pretrend_q=q, pretrend_df=None,
        pretrend_p=p_wald, pretrend_p_permutation=p_perm, n_placebos=n_placebos,
        pretrend_p_used=p_used, n_pre_periods=n_pre, leads=lead, lags=lag,
        n_treated=len(panel.treated_units), se_type="influence function (did)",
        credible=not problems, problem_msgs=tuple(problems), method="callaway_santanna", lang=lang)
