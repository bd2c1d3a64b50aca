"""The design advisor's result: one row per design, a power-against-months chart, a verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Result
from workbench.design.advisor import text as txt

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

COLUMNS = ("design", "rung", "name", "n_per_group", "n_per_group_ceiling", "months_needed", "years_needed",
           "feasible", "power_planned", "mdes_planned", "detectable_target", "municipalities_needed",
           "clusters_needed", "verdict")


@dataclass(frozen=True, kw_only=True)
class DesignAdvice(Result):
    """Which design can answer the question in the planned time, in the staff's terms.

    ``rows`` holds one mapping per design (numbers only); :meth:`summary` adds names and verdicts
    in the language asked for (default: the session language; ``lang`` records the language the
    advice was asked in). ``curves`` is power against months of recruitment per design.
    """

    kind: ClassVar[str] = "design_advice"
    rung: ClassVar[int | None] = None
    _dict_exclude: ClassVar[tuple[str, ...]] = ("curves",)

    outcome: str
    baseline: float | None
    target: float | None
    effect_size: float
    effect_name: str
    direction: int = -1
    inflow_per_month: float
    municipalities: int
    months_planned: float
    alpha: float
    power: float
    assumptions: dict[str, Any] = field(default_factory=dict)
    rows: tuple[dict[str, Any], ...] = ()
    curves: Any = None
    lang: str = "sv"
    unit: str | None = None

    def row(self, design: str) -> dict[str, Any]:
        """The numbers of one design (``"rct"``, ``"cluster"``, ``"matched"``, ``"area"``, ``"prepost"``)."""
        return next(r for r in self.rows if r["design"] == design)

    def summary(self, lang: str | None = None) -> "pd.DataFrame":
        import pandas as pd

        lang = resolve_lang(lang)
        records = []
        for r in self.rows:
            rec = {c: r.get(c) for c in COLUMNS}
            rec["name"] = txt.name(r["design"], lang)
            rec["verdict"] = txt.verdict(r, outcome=self.outcome, months_planned=self.months_planned, lang=lang,
                                         direction=self.direction)
            records.append(rec)
        return pd.DataFrame(records, columns=list(COLUMNS))

    def chart(self, lang: str | None = None) -> "alt.Chart":
        import altair as alt
        import pandas as pd

        lang = resolve_lang(lang)
        data = self.curves.copy()
        data["name"] = [txt.name(k, lang) for k in data["design"]]
        base = alt.Chart(data).mark_line().encode(
            x=alt.X("months:Q", title=msg("design.advisor.chart.x", lang)),
            y=alt.Y("power:Q", title=msg("design.chart.power", lang), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("name:N", title=msg("design.advisor.chart.design", lang)),
            tooltip=["name:N", alt.Tooltip("months:Q", format=".0f"), alt.Tooltip("power:Q", format=".2f")],
        )
        target = alt.Chart(pd.DataFrame({"p": [self.power]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y="p:Q")
        planned = alt.Chart(pd.DataFrame({"m": [self.months_planned]})).mark_rule(color="firebrick").encode(x="m:Q")
        title = msg("design.advisor.chart.title", lang)
        return (base + target + planned).properties(title=title, width=480, height=280)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)
        parts = [txt.headline(self, lang)]
        feasible = [r for r in self.rows if r.get("feasible") and r["rung"] >= 4]
        if feasible:
            best = max(feasible, key=lambda r: (r["rung"], -(r["months_needed"] or 0.0)))
            parts.append(msg("design.advisor.explain.strongest", lang, name=txt.name(best["design"], lang).lower(),
                             rung=best["rung"]))
        else:
            parts.append(msg("design.advisor.explain.none_feasible", lang))
        rct = self.row("rct")
        if self.outcome == "binary" and rct.get("detectable_target") is not None and not rct["feasible"]:
            parts.append(msg("design.advisor.explain.rct_only_detect", lang,
                             detectable=txt.detectable(rct, self.outcome, lang, self.direction)))
        parts.append(msg("design.advisor.explain.planning_note", lang))
        return " ".join(parts)


def finite_or_none(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)
