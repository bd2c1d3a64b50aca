"""Area estimator ``"callaway_santanna"``: group-time ATTs aggregated as R's ``did`` (engine:
``staggered``), with did's analytic influence-function SEs, ``base_period``, ``anticipation`` and
unbalanced panels as ``allow_unbalanced_panel = TRUE`` (stated in the result).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ladder.area.event_cs import build_cs_event_study
from workbench.ladder.area.staggered import cs_keywords, cs_pre_rms

if TYPE_CHECKING:  # pragma: no cover
    from workbench.ladder.area.estimator_base import AreaFit, DidOptions
    from workbench.ladder.area.panel import Panel


class CallawaySantAnna:
    name = "callaway_santanna"

    def fit(self, panel: "Panel", o: "DidOptions", *, few: bool, extra: bool, lang: str) -> "AreaFit":
        import numpy as np

        from workbench.core.results import Estimate
        from workbench.core.text import Msg
        from workbench.ladder.area import inference as inf
        from workbench.ladder.area.estimator_base import AreaFit
        from workbench.ladder.area.staggered import callaway_santanna, cs_pretrend

        cs = callaway_santanna(panel, aggregation=o.aggregation, **cs_keywords(o))
        est = Estimate.from_coef_se(
            cs.overall, cs.overall_se, df=None, n=len(panel.y), estimand="ATT",
            method=f"callaway_santanna ({o.aggregation}, {o.control})",
            se_type="influence function (did)", conf_level=o.conf_level)
        table = cs.by if not cs.by.empty else cs.cells
        _, _, p_pre = cs_pretrend(panel, **cs_keywords(o))
        test = "wald (influence function)"
        if few:  # the influence-function test has no variance from a one-area cohort
            rms = cs_pre_rms(o)
            observed = rms(panel)
            p_pre = None if not np.isfinite(observed) else inf.permutation_test(
                panel, observed, max_draws=199, seed=o.seed, estimator=rms).p_value
            test = "permutation"
        notes = [Msg("area.note.cs_base", base=o.base_period, anticipation=o.anticipation)]
        if cs.unbalanced:
            notes.append(Msg("area.note.cs_unbalanced"))
        return AreaFit(est, p_pre, test, aggregation=table, notes=tuple(notes))

    def placebo(self, o: "DidOptions"):
        from workbench.ladder.area.staggered import callaway_santanna

        def estimator(placebo_panel) -> float:
            return callaway_santanna(placebo_panel, aggregation=o.aggregation, **cs_keywords(o)).overall

        return estimator

    def event_study(self, panel: "Panel", o: "DidOptions", *, leads=None, lags=None, lang=None,
                    provenance=None):
        return build_cs_event_study(panel, o, leads=leads, lags=lags, lang=lang, provenance=provenance)
