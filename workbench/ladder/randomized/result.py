"""Result classes of rung 5: :class:`RctResult`, :class:`CaceResult` and :class:`MetaResult`.

They only present: charts are built in :mod:`workbench.ladder.randomized.charts` and texts in
:mod:`workbench.ladder.randomized.text`.

Credibility (the ladder's rung 5 counts a result only when ``credible`` is true):

* adherence to randomization (share of entrants who were randomized) is known and at least 90 %
  — from the registry export (``allocations=``) or ``adherence=`` (``trial.adherence(entrants)``);
* attrition (missing outcomes among the randomized) is at most 20 % overall and differs by at
  most 5 percentage points between arms;
* for the effect of taking part (CACE), the offer moves take-up clearly (first-stage F ≥ 10);
* a meta-analysis is credible when every pooled estimate comes from a credible rung-5 result.

Warnings and credibility problems are stored as messages and rendered when read; ``explain``,
``chart`` and ``consort_chart`` are in ``lang`` when given, else in the session language
(:func:`wb.set_language`). ``lang`` on the result is the language the analysis was run in (its
error messages), not the language it is read in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Estimate, Result

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from workbench.ladder.randomized.ri import RiFit


def _row(name: str, e: Estimate | None) -> dict[str, Any]:
    if e is None:
        return {}
    return {
        "quantity": name, "estimate": e.estimate, "std_error": e.std_error, "ci_low": e.ci_low,
        "ci_high": e.ci_high, "p_value": e.p_value, "statistic": e.statistic, "df": e.df, "n": e.n,
        "method": e.method, "se_type": e.se_type,
    }


@dataclass(frozen=True, kw_only=True)
class _Rung5(Result):
    credible: bool
    label: str | None = None
    lang: str = "sv"


@dataclass(frozen=True, kw_only=True)
class RctResult(_Rung5):
    """Effect of being *offered* the intervention in a randomized trial (intention to treat).

    Attributes
    ----------
    estimate
        Difference in means (risks for a binary outcome), with estimatr's SE, df, CI and p-value.
    risk_ratio
        Binary outcomes: treated/control risk ratio (``std_error`` on the log scale).
    arms
        Per arm: n analysed, mean, SD.
    flow, attrition
        CONSORT-style counts (``stage``, ``arm``, ``n``) and missing outcomes per arm.
    randomization
        Randomization-inference p-value (``randomization.p_value``) when requested.
    """

    kind: ClassVar[str] = "rct"
    rung: ClassVar[int] = 5
    _dict_exclude: ClassVar[tuple[str, ...]] = ("ri_distribution",)

    estimate: Estimate
    design: str
    outcome: str
    binary: bool
    arms: "pd.DataFrame"
    risk_ratio: Estimate | None = None
    flow: "pd.DataFrame | None" = None
    attrition: "pd.DataFrame | None" = None
    adherence: float | None = None
    n_blocks: int | None = None
    n_clusters: int | None = None
    randomization: "RiFit | None" = None
    ri_distribution: Any = None

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        rows = [_row("effect", self.estimate)]
        if self.risk_ratio is not None:
            rows.append(_row("risk_ratio", self.risk_ratio))
        if self.randomization is not None:
            ri = self.randomization
            rows.append({"quantity": "randomization_inference", "estimate": ri.observed, "p_value": ri.p_value,
                         "n": self.estimate.n, "method": f"ri_{ri.scheme}", "se_type": None})
        return pd.DataFrame(rows)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        from workbench.ladder.randomized.charts import rct_chart

        return rct_chart(self, resolve_lang(lang))

    def consort_chart(self, lang: str | None = None) -> "alt.Chart":
        """The flow from entrants to analysed, per arm (CONSORT-style)."""
        from workbench.ladder.randomized.charts import consort_chart

        return consort_chart(self.flow, self.attrition, resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        from workbench.ladder.randomized.text import explain_rct

        return explain_rct(self, resolve_lang(lang))


@dataclass(frozen=True, kw_only=True)
class CaceResult(_Rung5):
    """Effect of *taking part* among those who take part when offered (CACE / LATE, 2SLS).

    ``estimate`` is the 2SLS coefficient of ``received`` instrumented by ``assigned``; ``itt`` the
    effect of the offer on the outcome; ``first_stage`` the effect of the offer on take-up.
    """

    kind: ClassVar[str] = "cace"
    rung: ClassVar[int] = 5

    estimate: Estimate
    itt: Estimate
    first_stage: Estimate
    first_stage_f: float
    compliance: "pd.DataFrame"
    outcome: str
    flow: "pd.DataFrame | None" = None
    attrition: "pd.DataFrame | None" = None
    adherence: float | None = None

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([_row("cace", self.estimate), _row("itt", self.itt), _row("take_up", self.first_stage)])

    def chart(self, lang: str | None = None) -> "alt.Chart":
        from workbench.ladder.randomized.charts import cace_chart

        return cace_chart(self, resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        from workbench.ladder.randomized.text import explain_cace

        return explain_cace(self, resolve_lang(lang))


@dataclass(frozen=True, kw_only=True)
class MetaResult(_Rung5):
    """Pooled effect over several trials (municipalities, districts) with heterogeneity."""

    kind: ClassVar[str] = "meta_analysis"
    rung: ClassVar[int] = 5

    estimate: Estimate
    fixed: Estimate
    method: str
    tau2: float
    q: float
    q_df: int
    q_p: float
    i2: float
    h2: float
    studies: "pd.DataFrame"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        rows = [dict(_row("pooled", self.estimate), tau2=self.tau2, q=self.q, q_df=self.q_df,
                     q_p=self.q_p, i2=self.i2, h2=self.h2)]
        if self.method != "fixed":
            rows.append(_row("pooled_fixed", self.fixed))
        return pd.DataFrame(rows)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        from workbench.ladder.randomized.charts import forest_chart

        return forest_chart(self, resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        from workbench.ladder.randomized.text import explain_meta

        return explain_meta(self, resolve_lang(lang))
