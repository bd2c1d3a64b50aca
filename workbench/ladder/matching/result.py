"""Result classes of matching: :class:`MatchResult` (``wb.match``) and :class:`MatchingEffect`
(``m.effect``, rung 4 of the ladder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Result
from workbench.core.text import Msg, render_all
from workbench.ladder.matching import charts as charts
from workbench.ladder.matching import text as text
from workbench.ladder.matching.effect import effect
from workbench.ladder.matching.effect_result import MatchingEffect

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from workbench.ladder.matching.data import Prepared


@dataclass(frozen=True, kw_only=True)
class MatchResult(Result):
    """The matched sample: scores, weights (0 = not used), pair/subclass ids on the input index.

    ``lang`` is the language the matching was run in (its errors, and those of :meth:`effect`);
    what the result shows is rendered when read, in the ``lang`` given or the session language.
    """

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
    _cache: dict = field(default_factory=dict, repr=False, compare=False)  # balance tables computed

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

        key = ("balance", bool(include_distance))
        if key in self._cache:  # the result is immutable: computed once (m.effect reads it too)
            return self._cache[key].copy()
        p: Prepared = self._prep
        X, names = p.balance_matrix, list(p.balance_names)
        if include_distance and self.has_score:
            score = self.propensity.loc[p.data.index].to_numpy(dtype=float)
            X, names = np.column_stack([score, X]), ["distance", *names]
        self._cache[key] = balance_table(X, names, p.treat, self._balance_weights, self.estimand)
        return self._cache[key].copy()

    def failing_msgs(self) -> list[Msg]:
        """Covariates that fail the balance thresholds after matching, as messages."""
        return text.failing_items(self.balance())

    def failing(self, lang: str | None = None) -> list[str]:
        """Covariates that fail the balance thresholds after matching, as readable items in ``lang``."""
        return list(render_all(self.failing_msgs(), resolve_lang(lang)))

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

    def chart(self, lang: str | None = None) -> "alt.LayerChart":
        """Love plot: |SMD| per covariate before and after matching (titles in ``lang``)."""
        return charts.love_plot(self.balance(), resolve_lang(lang))

    @property
    def has_score(self) -> bool:
        """Whether units were matched on a propensity score (not so for exact matching)."""
        return bool(self.propensity is not None and self.propensity.notna().any())

    def overlap_chart(self, lang: str | None = None) -> "alt.FacetChart":
        """Propensity-score histograms of both groups before and after matching (titles in ``lang``)."""
        lang = resolve_lang(lang)
        if not self.has_score:
            from workbench.core.errors import DesignError

            raise DesignError("matching.no_score", lang=lang)
        p: Prepared = self._prep
        score = self.propensity.loc[p.data.index].to_numpy(dtype=float)
        return charts.overlap_plot(score, p.treat, self._balance_weights, lang)

    def explain(self, lang: str | None = None) -> str:
        """What the matching kept and how good the balance is, in ``lang`` (None: the session language)."""
        return text.explain_match(self.method, self.counts, self.failing_msgs(), resolve_lang(lang))
