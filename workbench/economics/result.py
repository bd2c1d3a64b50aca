"""The frozen result of :func:`workbench.economics.analysis.cost_benefit` (``kind="cost_benefit"``)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Result, json_safe
from workbench.economics.text import assumption_lines, explain_text
from workbench.economics.repayment import RepaymentPlan
from workbench.economics.uncertainty import Simulation

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True, kw_only=True)
class CostBenefitResult(Result):
    """Municipal cost-benefit: NPV per budget holder and in total, payback, P(payback), repayment.

    Attributes
    ----------
    npv
        Net present value in the chosen perspective (kr, base-year value).
    npv_all
        Net present value over every budget holder.
    npv_by_holder
        holder → NPV (negative: the holder pays more than it saves).
    payback_year, discounted_payback_year
        First budget year whose cumulative net (undiscounted / discounted) in the perspective is ≥ 0.
    break_even
        factor → the value at which the perspective's NPV is zero (all effects scaled together).
    simulation
        Monte Carlo summary (NPV interval, P(NPV ≥ 0), P(payback within N budget years)).
    tornado_table
        One-way sensitivity per uncertain factor, largest swing first.
    yearly
        year × holder: costs, benefits, net, cumulative net, discounted net.
    flows
        Every point flow: year, holder, item, flow_type, amount (costs negative).
    repayment
        The repayment plan to the investment fund, if a fund was named.
    assumptions
        (message key, parameters) pairs, rendered by :meth:`assumption_list` in either language.
    """

    kind: ClassVar[str] = "cost_benefit"
    rung: ClassVar[int | None] = None
    _dict_exclude: ClassVar[tuple[str, ...]] = ("flows", "yearly")

    years: tuple[int, ...]
    base_year: int
    discount_rate: float
    perspective: str
    perspective_holders: tuple[str, ...]
    levels: dict[str, str]
    npv: float
    npv_all: float
    npv_by_holder: dict[str, float]
    pv_costs_by_holder: dict[str, float]
    pv_benefits_by_holder: dict[str, float]
    payback_year: int | None
    discounted_payback_year: int | None
    break_even: dict[str, float]
    break_even_scale: float | None
    simulation: Simulation
    tornado_table: "pd.DataFrame"
    yearly: "pd.DataFrame"
    flows: "pd.DataFrame"
    repayment: RepaymentPlan | None
    evidence_rung: int | None
    assumptions: tuple[tuple[str, dict[str, Any]], ...]
    lang: str = "sv"

    # -- protocol ---------------------------------------------------------------------------------
    def summary(self) -> "pd.DataFrame":
        """One row per budget holder, then the perspective and everyone: PV of costs, benefits, NPV."""
        import pandas as pd

        rows = []
        for h, lv in self.levels.items():
            rows.append({"holder": h, "level": lv, "in_perspective": h in self.perspective_holders,
                         "pv_costs": self.pv_costs_by_holder.get(h, 0.0),
                         "pv_benefits": self.pv_benefits_by_holder.get(h, 0.0),
                         "npv": self.npv_by_holder.get(h, 0.0)})
        persp = [r for r in rows if r["in_perspective"]]
        for label, chosen in ((f"Summa {self.perspective}", persp), ("Summa alla", list(rows))):
            rows_sum = {k: sum(r[k] for r in chosen) for k in ("pv_costs", "pv_benefits", "npv")}
            rows.append({"holder": label, "level": "", "in_perspective": chosen is persp, **rows_sum})
        return pd.DataFrame(rows)

    def chart(self, kind: str = "cumulative", lang: str | None = None) -> "alt.LayerChart":
        """``kind="cumulative"`` (net per holder over years), ``"tornado"`` or ``"histogram"``."""
        from workbench.core.options import check_option
        from workbench.economics import charts

        lang = resolve_lang(lang)
        check_option("kind", kind, ("cumulative", "tornado", "histogram"), lang=lang)
        if kind == "tornado":
            return charts.tornado_chart(self.tornado_table, lang)
        if kind == "histogram":
            return charts.npv_histogram(list(self.simulation.draws), lang)
        return charts.cumulative_chart(self.yearly, self.perspective, lang)

    def tornado(self, lang: str | None = None) -> "alt.LayerChart":
        """The tornado chart (what matters most for the NPV)."""
        return self.chart("tornado", lang=lang)

    def explain(self, lang: str | None = None) -> str:
        return explain_text(self, resolve_lang(lang))

    def assumption_list(self, lang: str | None = None) -> list[str]:
        """The assumptions, one sentence each, in ``lang`` (None: the session language)."""
        return assumption_lines(self, resolve_lang(lang))

    def who_saves_when(self) -> "pd.DataFrame":
        """Net per budget holder (rows) and year (columns), undiscounted kronor."""
        return self.yearly.pivot_table(index="holder", columns="year", values="net", aggfunc="sum", sort=False)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["assumptions_text"] = {"sv": self.assumption_list("sv"), "en": self.assumption_list("en")}
        out["yearly"] = json_safe(self.yearly)
        return out

    def __repr__(self) -> str:
        return (f"CostBenefitResult(perspective={self.perspective!r}, npv={self.npv:.0f}, "
                f"npv_all={self.npv_all:.0f}, payback_year={self.payback_year}, "
                f"p_payback={self.simulation.p_payback:.3f}, years={self.years[0]}–{self.years[-1]})")

    def _repr_html_(self) -> str:
        lang = self.lang
        text = self.explain(lang).split("\n\n")[0]
        parts = [f"<div class='wb-result'><p>{html.escape(text)}</p>"]
        parts.append(self.summary().to_html(index=False, float_format=lambda v: f"{v:,.0f}", na_rep="–"))
        head = "Antaganden" if lang == "sv" else "Assumptions"
        items = "".join(f"<li>{html.escape(a)}</li>" for a in self.assumption_list(lang))
        parts.append(f"<p><strong>{head}</strong></p><ul>{items}</ul>")
        if self.warnings:
            title = "Varningar" if lang == "sv" else "Warnings"
            parts.append(f"<p><strong>{title}</strong></p><ul>"
                         + "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings) + "</ul>")
        return "".join(parts) + "</div>"
