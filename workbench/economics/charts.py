"""Altair charts of a cost-benefit result: cumulative net per budget holder, and the tornado."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def cumulative_chart(yearly: "pd.DataFrame", perspective_label: str, lang: str = "sv") -> "alt.LayerChart":
    """Lines of cumulative net (undiscounted) per budget holder, a thick line for the perspective."""
    import altair as alt
    import pandas as pd

    sv = lang == "sv"
    per_holder = yearly[["year", "holder", "cumulative_net"]].copy()
    total = (yearly[yearly["in_perspective"]].groupby("year", as_index=False)["net"].sum())
    total["cumulative_net"] = total["net"].cumsum()
    total["holder"] = (f"Summa ({perspective_label})" if sv else f"Total ({perspective_label})")
    both = pd.concat([per_holder, total[["year", "holder", "cumulative_net"]]], ignore_index=True)
    both["year"] = both["year"].astype(int)
    both["is_total"] = both["holder"].isin(total["holder"].unique())
    y_title = "Ackumulerat netto, kr" if sv else "Cumulative net, SEK"
    color_title = "Budgetansvarig" if sv else "Budget holder"
    lines = alt.Chart(both).mark_line(point=True).encode(
        x=alt.X("year:O", title="Budgetår" if sv else "Budget year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("cumulative_net:Q", title=y_title),
        color=alt.Color("holder:N", title=color_title, legend=alt.Legend(labelLimit=320)),
        strokeWidth=alt.condition("datum.is_total", alt.value(4), alt.value(1.5)),
        tooltip=["year:O", "holder:N", alt.Tooltip("cumulative_net:Q", format=",.0f")],
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="grey").encode(y="y:Q")
    title = ("Vem sparar vad och när: ackumulerat netto per budgetansvarig" if sv
             else "Who saves what and when: cumulative net per budget holder")
    return alt.layer(zero, lines).properties(title=title, width=520, height=300)


def tornado_chart(table: "pd.DataFrame", lang: str = "sv") -> "alt.LayerChart":
    """Horizontal bars from NPV at each factor's low end to its high end; a rule at the point NPV."""
    import altair as alt
    import pandas as pd

    sv = lang == "sv"
    data = table.copy()
    if data.empty:
        data = pd.DataFrame({"label": ["–"], "npv_low": [0.0], "npv_high": [0.0], "npv_point": [0.0],
                             "swing": [0.0]})
    order = data["label"].tolist()
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title="Faktor" if sv else "Factor"),
        x=alt.X("npv_low:Q", title="Nuvärde, kr" if sv else "Net present value, SEK"),
        x2="npv_high:Q",
        tooltip=["label:N", alt.Tooltip("npv_low:Q", format=",.0f"), alt.Tooltip("npv_high:Q", format=",.0f")],
    )
    rule = alt.Chart(data.head(1)).mark_rule(color="black").encode(x="npv_point:Q")
    title = "Vad betyder mest för nuvärdet?" if sv else "What matters most for the NPV?"
    return alt.layer(bars, rule).properties(title=title, width=520, height=max(60, 28 * len(order)))


def npv_histogram(draws: "list[float]", lang: str = "sv") -> "alt.Chart":
    """Histogram of the simulated NPVs."""
    import altair as alt
    import pandas as pd

    sv = lang == "sv"
    data = pd.DataFrame({"npv": draws})
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("npv:Q", bin=alt.Bin(maxbins=40), title="Nuvärde, kr" if sv else "NPV, SEK"),
        y=alt.Y("count():Q", title="Antal simuleringar" if sv else "Simulations"),
    ).properties(title="Simulerade nuvärden" if sv else "Simulated NPVs", width=520, height=220)
