"""The frozen result of ``m.effect(outcome)``: the effect of the intervention in the matched sample."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.results import Estimate, Result, format_number, format_p
from workbench.ladder.matching import charts as charts

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True, kw_only=True)
class MatchingEffect(Result):
    """The effect of the intervention in the matched sample (rung 4)."""

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
    _problems_by_lang: Any = field(default=None, repr=False, compare=False)

    def _problems(self, lang: str) -> tuple[str, ...]:
        return (self._problems_by_lang or {}).get(lang, self.credibility_problems)

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

    def chart(self) -> "alt.LayerChart":
        e = self.estimate
        return charts.effect_plot(e.estimate, e.ci_low, e.ci_high, self.outcome, self.lang)

    def explain(self, lang: str = "sv") -> str:
        e = self.estimate
        sv = lang == "sv"
        kind = ("skillnad i andel" if sv else "difference in proportion") if self.outcome_binary else (
            "skillnad i medelvärde" if sv else "difference in means")
        if sv:
            text = (f"Bland de {self.n_treated_matched} matchade deltagarna var effekten på '{self.outcome}' "
                    f"({kind}, {e.estimand}) {e.format('sv')}, {format_p(e.p_value, 'sv')}, jämfört med "
                    f"{self.n_control_matched} matchade jämförelsepersoner. ")
            if e.estimand == "ATM":
                text += (f"ATM betyder att effekten bara gäller deltagare som fick en matchning; "
                         f"{self.n_treated_dropped} deltagare föll bort. ")
            text += ("Grupperna är lika i de matchade bakgrundsvariablerna, så steg 4 på utvärderingstrappan "
                     "är nått. " if self.credible else
                     "Resultatet räcker inte för steg 4: " + "; ".join(self._problems("sv")) + ". ")
            ev = self.e_value.get("estimate")
            if ev is not None and ev == ev:
                text += (f"E-värdet är {format_number(ev, 2, 'sv')}: en okänd faktor måste höja risken så "
                         "mycket både för att få insatsen och för utfallet för att förklara bort effekten. ")
            return text + ("Effekten gäller under antagandet att inga viktiga skillnader mellan grupperna "
                           "saknas bland bakgrundsvariablerna; det kan matchning inte visa, bara slumpning.")
        text = (f"Among the {self.n_treated_matched} matched treated units the effect on '{self.outcome}' "
                f"({kind}, {e.estimand}) was {e.format('en')}, {format_p(e.p_value, 'en')}, compared with "
                f"{self.n_control_matched} matched control units. ")
        if e.estimand == "ATM":
            text += (f"ATM means the effect applies only to treated units that found a match; "
                     f"{self.n_treated_dropped} treated units were dropped. ")
        text += ("The groups are alike on the matched covariates, so rung 4 of the evaluation ladder is "
                 "reached. " if self.credible else
                 "The result is not enough for rung 4: " + "; ".join(self._problems("en")) + ". ")
        ev = self.e_value.get("estimate")
        if ev is not None and ev == ev:
            text += (f"The E-value is {format_number(ev, 2, 'en')}: an unknown factor would need to raise both "
                     "the chance of getting the intervention and the outcome that much to explain the effect away. ")
        return text + ("The effect holds under the assumption that no important difference between the groups "
                       "is missing from the covariates; matching cannot show that, only randomization can.")
