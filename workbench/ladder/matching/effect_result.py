"""The frozen result of ``m.effect(outcome)``: the effect of the intervention in the matched sample."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Estimate, Result
from workbench.ladder.matching import charts as charts
from workbench.ladder.matching import text as text

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True, kw_only=True)
class MatchingEffect(Result):
    """The effect of the intervention in the matched sample (rung 4).

    ``lang`` is the language the effect was computed in (its errors); what the result shows is
    rendered when read, in the ``lang`` given or the session language.
    """

    kind: ClassVar[str] = "matching_effect"
    rung: ClassVar[int] = 4
    _dict_exclude: ClassVar[tuple[str, ...]] = ("dropped_treated",)

    estimate: Estimate
    outcome: str
    treatment: str
    method: str
    adjusted_for: tuple[str, ...]
    outcome_binary: bool
    credible: bool
    balance: "pd.DataFrame"
    n_treated_matched: int
    n_control_matched: int
    n_treated_dropped: int
    dropped_treated: tuple[Any, ...] = ()
    e_value: dict[str, float] = field(default_factory=dict)
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        e = self.estimate
        return pd.DataFrame([{
            "term": "risk_difference" if self.outcome_binary else "difference_in_means",
            "estimand": e.estimand, "estimate": e.estimate, "std_error": e.std_error,
            "ci_low": e.ci_low, "ci_high": e.ci_high, "p_value": e.p_value, "statistic": e.statistic,
            "n": e.n, "se_type": e.se_type, "e_value": self.e_value.get("estimate"),
            "e_value_ci": self.e_value.get("ci_limit"), "credible": self.credible,
        }])

    def chart(self, lang: str | None = None) -> "alt.LayerChart":
        """The effect with its confidence interval (titles in ``lang``)."""
        e = self.estimate
        return charts.effect_plot(e.estimate, e.ci_low, e.ci_high, self.outcome, resolve_lang(lang),
                                  conf_level=e.conf_level)

    def explain(self, lang: str | None = None) -> str:
        """The effect, whether rung 4 is reached and why not, in ``lang`` (None: the session language)."""
        return text.explain_effect(self, resolve_lang(lang))
