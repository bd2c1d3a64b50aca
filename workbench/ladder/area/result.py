"""Frozen results of the area comparisons: DiD, event study, synthetic control, ITS.

Each result presents only; the numbers come from the engines (``twfe``, ``event``, ``staggered``,
``synth``, ``its``), the charts from ``charts`` and the plain language from ``text``. Every text a
result shows (explanation, chart titles, warnings, credibility problems) renders in the reader's
language when read: the ``lang`` argument, else the session language (:func:`wb.set_language`), else
Swedish. ``lang`` on a result is only the language it was made in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Estimate, Result
from workbench.ladder.area import charts as area_charts
from workbench.ladder.area import text as area_text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from workbench.ladder.area.honest import RelativeMagnitudeBreakdown


@dataclass(frozen=True, kw_only=True)
class EventStudyResult(Result):
    """Leads and lags around the start with the joint pre-trend test (rung 4 evidence check)."""

    kind: ClassVar[str] = "event_study"
    rung: ClassVar[int] = 4

    coefficients: "pd.DataFrame"
    pretrend_f: float
    pretrend_q: int
    pretrend_df: int | None  # None: a chi-square test (Callaway–Sant'Anna)
    pretrend_p: float
    pretrend_p_permutation: float | None
    n_placebos: int
    pretrend_p_used: float
    n_pre_periods: int
    leads: int
    lags: int
    n_treated: int
    se_type: str
    credible: bool
    method: str = "twfe"  #: the area estimator that made it (a key of ``estimators.ESTIMATORS``)
    lang: str = "sv"

    def breakdown_m(self, lang: str | None = None) -> "RelativeMagnitudeBreakdown":
        """How large a parallel-trends violation the first post-period effect survives: the
        relative-magnitude breakdown value M̄* (Rambachan–Roth's idea, a plug-in simplification of
        HonestDiD, stated in :mod:`workbench.ladder.area.honest`), with the sentence "resultatet
        håller om avvikelsen efter start är högst X gånger den största före start" (``.text()``).

        Parameters
        ----------
        lang : str, optional
            Language of the error when pre-periods or the first post-period are missing.

        Returns
        -------
        RelativeMagnitudeBreakdown
            ``m_bar``, ``max_pre_violation``, ``identified_interval(m)``, ``message``, ``text(lang)``.
        """
        from workbench.ladder.area.honest import relative_magnitude_breakdown

        return relative_magnitude_breakdown(self.coefficients, lang=resolve_lang(lang))

    def summary(self) -> "pd.DataFrame":
        return self.coefficients.copy()

    def chart(self, lang: str | None = None) -> "alt.Chart":
        """Coefficient plot; its title names the estimator."""
        return area_charts.event_chart(self.coefficients, method=self.method, lang=resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        return area_text.explain_event(self, resolve_lang(lang))


@dataclass(frozen=True, kw_only=True)
class DidResult(Result):
    """Difference-in-differences over areas and periods (rung 4)."""

    kind: ClassVar[str] = "did"
    rung: ClassVar[int] = 4
    _dict_exclude: ClassVar[tuple[str, ...]] = ("means",)

    estimate: Estimate
    method: str
    se_type: str
    n_units: int
    n_treated: int
    n_periods: int
    n_pre_periods: int
    balanced: bool
    staggered: bool
    start_periods: tuple[str, ...]
    p_wild_bootstrap: float | None
    p_permutation: float | None
    bootstrap_reps: int | None
    n_permutations: int | None
    placebo_sd: float | None
    seed: int
    pretrend_p: float | None
    pretrend_test: str | None
    credible: bool
    aggregation: "pd.DataFrame | None" = None
    means: "pd.DataFrame | None" = None
    #: what the result shows as its number and interval: ``estimate`` (analytic), or with few
    #: treated areas the placebo-in-space interval (a warning says why and from how many sets)
    headline: Estimate | None = None
    base_period: str | None = None  # Callaway–Sant'Anna only
    anticipation: int = 0
    unbalanced_as_cross_sections: bool = False  # did's allow_unbalanced_panel = TRUE
    lang: str = "sv"
    #: the event study on the same panel and settings, bound by the builder (the result only presents)
    _event_study: "Callable[..., EventStudyResult] | None" = field(default=None, repr=False, compare=False)
    #: the Goodman-Bacon decomposition on the same panel, bound by the builder
    _bacon: "Callable[..., pd.DataFrame] | None" = field(default=None, repr=False, compare=False)

    def event_study(self, *, leads: int | None = None, lags: int | None = None,
                    lang: str | None = None) -> EventStudyResult:
        """The event study (leads/lags, pre-trend test, coefficient plot) on the same panel, by the
        estimator this result was made with (``method``).

        Its texts render in the reader's language like every result's; ``lang`` (None: the session
        language) is the language it is made in (numbers inside its messages).
        """
        if self._event_study is None:
            raise AttributeError("this result was not built with a panel, so it has no event study")
        provenance = replace(self.provenance, function="event_study",
                             options={**self.provenance.options, "leads": leads, "lags": lags})
        return self._event_study(leads=leads, lags=lags, lang=resolve_lang(lang), provenance=provenance)

    def bacon(self, lang: str | None = None) -> "pd.DataFrame":
        """The Goodman-Bacon decomposition of the TWFE estimate on the same panel (whatever
        ``method`` made this result): the 2×2 comparisons (treated vs never, earlier vs later,
        later vs earlier — the "forbidden" ones), each one's estimate and weight, as R's
        ``bacondecomp`` (see :mod:`workbench.ladder.area.bacon`). Computed when called.

        Parameters
        ----------
        lang : str, optional
            Language of the error for an unbalanced panel (None: the session language).

        Returns
        -------
        pandas.DataFrame
            ``treated``, ``untreated``, ``type``, ``estimate``, ``weight`` (sums to 1),
            ``n_treated_units``, ``n_control_units``.
        """
        if self._bacon is None:
            raise AttributeError("this result was not built with a panel, so it has no decomposition")
        return self._bacon(lang=resolve_lang(lang))

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        row = self.estimate.to_dict()
        head = self.headline or self.estimate
        row.update({"headline_ci_low": head.ci_low, "headline_ci_high": head.ci_high,
                    "headline_se_type": head.se_type,"p_wild_bootstrap": self.p_wild_bootstrap, "p_permutation": self.p_permutation,
                    "pretrend_p": self.pretrend_p, "n_units": self.n_units,
                    "n_treated": self.n_treated, "n_periods": self.n_periods})
        return pd.DataFrame([row])

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return area_charts.means_chart(self.means, self.start_periods, lang=resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        return area_text.explain_did(self, resolve_lang(lang))


@dataclass(frozen=True, kw_only=True)
class SyntheticControlResult(Result):
    """Synthetic control for one treated area (rung 4)."""

    kind: ClassVar[str] = "synthetic_control"
    rung: ClassVar[int] = 4
    _dict_exclude: ClassVar[tuple[str, ...]] = ("placebo_gaps",)

    estimate: Estimate
    weights: "pd.Series"
    treated_unit: Any
    start: str
    pre_rmspe: float
    post_rmspe: float
    rmspe_ratio: float
    pre_level: float
    p_value: float
    path: "pd.DataFrame"
    placebos: "pd.DataFrame"
    placebo_gaps: "pd.DataFrame"
    leave_one_out: "pd.Series"
    max_rmspe_share: float
    credible: bool
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([{
            "treated_unit": str(self.treated_unit), "start": self.start,
            "mean_post_gap": self.estimate.estimate, "pre_rmspe": self.pre_rmspe,
            "post_rmspe": self.post_rmspe, "rmspe_ratio": self.rmspe_ratio, "p_value": self.p_value,
            "n_donors": int(len(self.weights)), "n_placebos": int(len(self.placebos)),
            "loo_min": float(self.leave_one_out.min()) if len(self.leave_one_out) else None,
            "loo_max": float(self.leave_one_out.max()) if len(self.leave_one_out) else None,
        }])

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return area_charts.synth_chart(self.path, self.start, lang=resolve_lang(lang))

    def placebo_chart(self, lang: str | None = None) -> "alt.Chart":
        """Gaps of the treated area (bold) and of every placebo area."""
        return area_charts.placebo_chart(self.path, self.placebo_gaps, self.start, lang=resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        return area_text.explain_synth(self, resolve_lang(lang))


@dataclass(frozen=True, kw_only=True)
class ItsResult(Result):
    """Interrupted time series for one area, no comparison (rung 3: weaker evidence)."""

    kind: ClassVar[str] = "its"
    rung: ClassVar[int] = 3

    estimate: Estimate
    slope_change: Estimate
    coefficients: "pd.DataFrame"
    series: "pd.DataFrame"
    start: str
    n_pre_periods: int
    n_post_periods: int
    hac_lags: int
    seasonal: bool
    credible: bool
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        return self.coefficients.copy()

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return area_charts.its_chart(self.series, self.start, lang=resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        return area_text.explain_its(self, resolve_lang(lang))
