"""The design advisor's result: one row per design, a power-against-months chart, a verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

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
    in the result's language. ``curves`` is power against months of recruitment per design.
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

        lang = lang or self.lang
        records = []
        for r in self.rows:
            rec = {c: r.get(c) for c in COLUMNS}
            rec["name"] = txt.NAMES[r["design"]][0 if lang == "sv" else 1]
            rec["verdict"] = txt.verdict(r, outcome=self.outcome, months_planned=self.months_planned, lang=lang,
                                         direction=self.direction)
            records.append(rec)
        return pd.DataFrame(records, columns=list(COLUMNS))

    def chart(self, lang: str | None = None) -> "alt.Chart":
        import altair as alt
        import pandas as pd

        lang = lang or self.lang
        sv = lang == "sv"
        data = self.curves.copy()
        data["name"] = [txt.NAMES[k][0 if sv else 1] for k in data["design"]]
        base = alt.Chart(data).mark_line().encode(
            x=alt.X("months:Q", title="Månader av rekrytering" if sv else "Months of recruitment"),
            y=alt.Y("power:Q", title="Styrka" if sv else "Power", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("name:N", title="Design"),
            tooltip=["name:N", alt.Tooltip("months:Q", format=".0f"), alt.Tooltip("power:Q", format=".2f")],
        )
        target = alt.Chart(pd.DataFrame({"p": [self.power]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y="p:Q")
        planned = alt.Chart(pd.DataFrame({"m": [self.months_planned]})).mark_rule(color="firebrick").encode(x="m:Q")
        title = "Styrka mot rekryteringstid" if sv else "Power against recruitment time"
        return (base + target + planned).properties(title=title, width=480, height=280)

    def explain(self, lang: str = "sv") -> str:
        sv = lang == "sv"
        parts = [txt.headline(self, lang)]
        feasible = [r for r in self.rows if r.get("feasible") and r["rung"] >= 4]
        if feasible:
            best = max(feasible, key=lambda r: (r["rung"], -(r["months_needed"] or 0.0)))
            name = txt.NAMES[best["design"]][0 if sv else 1].lower()
            parts.append(f"Den starkaste designen som hinns med är {name} (steg {best['rung']})." if sv
                         else f"The strongest design that fits in time is the {name} (rung {best['rung']}).")
        else:
            parts.append("Ingen effektutvärdering (steg 4–5) hinns med på planerad tid med dessa antaganden; "
                         "överväg att slå samman flera kommuner, förlänga tiden eller välja ett vanligare utfall."
                         if sv else "No effect evaluation (rungs 4–5) fits in the planned time under these "
                         "assumptions; consider pooling municipalities, a longer period or a more common outcome.")
        rct = self.row("rct")
        if self.outcome == "binary" and rct.get("detectable_target") is not None and not rct["feasible"]:
            det = txt.detectable(rct, self.outcome, lang, self.direction)
            parts.append(f"På planerad tid kan en randomiserad studie bara upptäcka {det}." if sv
                         else f"In the planned time a randomized trial can only detect {det}.")
        parts.append("Beräkningen är planering före data och säger inget om insatsen fungerar." if sv
                     else "This is planning before data and says nothing about whether the intervention works.")
        return " ".join(parts)


def finite_or_none(x: float | None) -> float | None:
    return None if x is None or not math.isfinite(x) else float(x)
