"""Result classes of matching: :class:`MatchResult` (``wb.match``) and :class:`MatchingEffect`
(``m.effect``, rung 4 of the ladder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.results import Result, format_number
from workbench.ladder.matching import charts as charts
from workbench.ladder.matching.effect import effect
from workbench.ladder.matching.effect_result import MatchingEffect

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from workbench.ladder.matching.data import Prepared


@dataclass(frozen=True, kw_only=True)
class MatchResult(Result):
    """The matched sample: scores, weights (0 = not used), pair/subclass ids on the input index."""

    kind: ClassVar[str] = "matching"
    _dict_exclude: ClassVar[tuple[str, ...]] = ("propensity", "weights", "subclass", "discarded")

    propensity: "pd.Series"
    weights: "pd.Series"
    subclass: "pd.Series"
    discarded: "pd.Series"
    treatment: str
    covariates: tuple[str, ...]
    method: str
    estimand: str
    se_type: str
    caliper: float | None
    counts: dict[str, int]
    lang: str = "sv"
    _prep: Any = field(default=None, repr=False, compare=False)
    _balance_weights: Any = field(default=None, repr=False, compare=False)

    # -- balance -----------------------------------------------------------------------------
    def balance(self, *, include_distance: bool = False) -> "pd.DataFrame":
        """One row per covariate (factors expanded to one row per level), MultiIndex columns.

        Columns are ``(stage, statistic)`` with stage ``before`` / ``after`` and statistic
        ``mean_treated, mean_control, smd, var_ratio, ecdf_mean, ecdf_max``, plus ``("check",
        "smd_ok" | "var_ratio_ok" | "ok")`` judged after matching (|SMD| < 0.1, 0.5 ≤ ratio ≤ 2).
        ``include_distance=True`` adds the propensity score as a first row ``distance``.
        """
        import numpy as np

        from workbench.ladder.matching.balance import balance_table

        p: Prepared = self._prep
        X, names = p.balance_matrix, list(p.balance_names)
        if include_distance and self.has_score:
            score = self.propensity.loc[p.data.index].to_numpy(dtype=float)
            X, names = np.column_stack([score, X]), ["distance", *names]
        return balance_table(X, names, p.treat, self._balance_weights, self.estimand)

    def failing(self, lang: str | None = None) -> list[str]:
        """Covariates that fail the balance thresholds after matching, as readable items."""
        lang = lang or self.lang
        bal = self.balance()
        out = []
        for cov, row in bal.iterrows():
            if bool(row[("check", "ok")]):
                continue
            if not bool(row[("check", "smd_ok")]):
                out.append(f"{cov} (SMD {format_number(row[('after', 'smd')], 2, lang)})")
            else:
                word = "varianskvot" if lang == "sv" else "variance ratio"
                out.append(f"{cov} ({word} {format_number(row[('after', 'var_ratio')], 2, lang)})")
        return out

    # -- effect --------------------------------------------------------------------------------
    def effect(self, outcome: str, *, covariates: Any = None, conf_level: float = 0.95,
               lang: str | None = None) -> "MatchingEffect":
        """The effect on ``outcome`` in the matched sample (see :mod:`workbench.ladder.matching.effect`)."""
        return effect(self, outcome, covariates=covariates, conf_level=conf_level, lang=lang or self.lang)

    # -- protocol --------------------------------------------------------------------------
    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        c = self.counts
        return pd.DataFrame({
            "group": ["treated", "control"],
            "all": [c["treated"], c["control"]],
            "matched": [c["treated_matched"], c["control_matched"]],
            "unmatched": [c["treated"] - c["treated_matched"] - c["treated_discarded"],
                          c["control"] - c["control_matched"] - c["control_discarded"]],
            "discarded": [c["treated_discarded"], c["control_discarded"]],
        })

    def chart(self) -> "alt.LayerChart":
        """Love plot: |SMD| per covariate before and after matching."""
        return charts.love_plot(self.balance(), self.lang)

    @property
    def has_score(self) -> bool:
        """Whether units were matched on a propensity score (not so for exact matching)."""
        return bool(self.propensity is not None and self.propensity.notna().any())

    def overlap_chart(self) -> "alt.FacetChart":
        """Propensity-score histograms of both groups before and after matching."""
        if not self.has_score:
            from workbench.core.errors import DesignError

            raise DesignError("matching.no_score", lang=self.lang)
        p: Prepared = self._prep
        score = self.propensity.loc[p.data.index].to_numpy(dtype=float)
        return charts.overlap_plot(score, p.treat, self._balance_weights, self.lang)

    def explain(self, lang: str = "sv") -> str:
        c = self.counts
        fails = self.failing(lang)
        if lang == "sv":
            text = (f"Matchningen ({self.method}) behöll {c['treated_matched']} av {c['treated']} deltagare och "
                    f"{c['control_matched']} av {c['control']} jämförelsepersoner. ")
            text += ("Balansen är god för alla bakgrundsvariabler (|SMD| < 0,1 och varianskvot 0,5–2)."
                     if not fails else f"Balansen brister för: {', '.join(fails)}.")
            return text + (" Matchning kan bara jämna ut skillnader i de variabler som finns med; okända "
                           "skillnader mellan grupperna kan finnas kvar.")
        text = (f"Matching ({self.method}) kept {c['treated_matched']} of {c['treated']} treated and "
                f"{c['control_matched']} of {c['control']} control units. ")
        text += ("Balance is good for every covariate (|SMD| < 0.1 and variance ratio 0.5–2)."
                 if not fails else f"Balance fails for: {', '.join(fails)}.")
        return text + (" Matching only evens out the variables included; unknown differences between the "
                       "groups may remain.")
