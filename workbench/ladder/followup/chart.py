"""Chart of a long-term follow-up: the effect with its interval at each occasion."""

from __future__ import annotations

from typing import Any

from workbench.core.messages import msg


def effects_chart(result: Any, lang: str) -> Any:
    """Points and 95 % intervals per occasion, a rule at zero; Lee bounds as grey bars."""
    import altair as alt
    import pandas as pd

    df = result.effects.assign(order=range(len(result.effects)))
    x = alt.X("occasion:N", sort=list(result.occasions), title=msg("followup.chart.occasion", lang))
    title = msg("followup.chart.effect", lang)
    points = alt.Chart(df).mark_point(filled=True, size=80).encode(
        x=x, y=alt.Y("estimate:Q", title=title),
        tooltip=["occasion", "estimate", "ci_low", "ci_high", "n"])
    bars = alt.Chart(df).mark_rule(strokeWidth=2).encode(x=x, y="ci_low:Q", y2="ci_high:Q")
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(strokeDash=[4, 4], color="gray").encode(y="y:Q")
    layers = [zero, bars, points]
    lee = result.bounds[result.bounds["method"] == "lee"]
    if not lee.empty:
        layers.insert(1, alt.Chart(lee).mark_bar(opacity=0.25, color="gray", size=18).encode(
            x=x, y="lower:Q", y2="upper:Q"))
    return alt.layer(*layers).properties(width=360, height=220)
