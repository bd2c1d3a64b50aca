"""Chart of a long-term follow-up: the effect with its interval at each occasion."""

from __future__ import annotations

from typing import Any


def effects_chart(result: Any) -> Any:
    """Points and 95 % intervals per occasion, a rule at zero; Lee bounds as grey bars."""
    import altair as alt
    import pandas as pd

    sv = result.lang == "sv"
    df = result.effects.assign(order=range(len(result.effects)))
    x = alt.X("occasion:N", sort=list(result.occasions), title="Mättillfälle" if sv else "Occasion")
    title = "Effekt av erbjudandet" if sv else "Effect of the offer"
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
