"""Area estimator ``"twfe"``: two-way fixed effects, SE clustered by area (engine: ``twfe``).

With few treated areas the wild cluster restricted bootstrap p-value is added; the pre-trend check
is the TWFE event study's (its permutation version with few treated areas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from workbench.ladder.area.estimator_base import AreaFit, DidOptions
    from workbench.ladder.area.panel import Panel


class TwoWayFixedEffects:
    name = "twfe"

    def fit(self, panel: "Panel", o: "DidOptions", *, few: bool, extra: bool, lang: str) -> "AreaFit":
        from workbench.ladder.area.twfe import single_thread_blas

        with single_thread_blas():  # vector and small-matrix products only
            return self._fit(panel, o, few=few, extra=extra, lang=lang)

    def _fit(self, panel, o, *, few, extra, lang):
        from workbench.core.results import Estimate
        from workbench.ladder.area import inference as inf
        from workbench.ladder.area.estimator_base import AreaFit
        from workbench.ladder.area.twfe import Demeaner, fit_twfe

        dm = Demeaner.build(panel.unit_code, panel.time_code, panel.n_units, panel.n_times)
        fit = fit_twfe(panel.y, panel.d, dm, se_type=o.se_type)
        est = Estimate.from_coef_se(fit.coef[0], fit.se[0], df=fit.df, n=fit.n, estimand="ATT",
                                    method="twfe", se_type=f"CR1 ({o.se_type})", conf_level=o.conf_level)
        p_wild = reps = None
        if extra:
            boot = inf.wild_cluster_bootstrap(fit, dm, reps=o.bootstrap_reps, seed=o.seed)
            p_wild, reps = boot.p_value, boot.reps
        ev = self.event_study(panel, o, lang=lang)
        test = "permutation" if ev.pretrend_p_permutation is not None and few else "wald"
        return AreaFit(est, ev.pretrend_p_used, test, p_wild_bootstrap=p_wild, bootstrap_reps=reps)

    def placebo(self, o: "DidOptions"):
        return None  # the permutation engine's fast TWFE path

    def event_study(self, panel: "Panel", o: "DidOptions", *, leads=None, lags=None, lang=None,
                    provenance=None):
        from workbench.ladder.area.build import build_event_study

        return build_event_study(panel, leads=leads, lags=lags, se_type=o.se_type,
                                 inference=o.inference, seed=o.seed,
                                 min_pre_periods=o.min_pre_periods, conf_level=o.conf_level,
                                 lang=lang, provenance=provenance)
