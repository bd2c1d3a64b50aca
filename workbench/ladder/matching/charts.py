"""Charts of matching: love plot (|SMD| before/after), score overlap, and the effect with its interval."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ladder.matching.balance import SMD_THRESHOLD

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import numpy as np
    import pandas as pd


def love_plot(balance: "pd.DataFrame", lang: str = "sv") -> "alt.LayerChart":
    """|SMD| per covariate before and after matching, with the 0.1 threshold."""
    import altair as alt
    import pandas as pd

    sv = lang == "sv"
    stage_names = {"before": "Före matchning" if sv else "Before matching",
                   "after": "Efter matchning" if sv else "After matching"}
    rows = []
    for cov in balance.index:
        for stage in ("before", "after"):
            rows.append({"covariate": str(cov), "stage": stage_names[stage],
                         "abs_smd": abs(float(balance.loc[cov, (stage, "smd")]))})
    df = pd.DataFrame(rows)
    x_title = "Absolut standardiserad medelvärdesskillnad" if sv else "Absolute standardized mean difference"
    points = alt.Chart(df).mark_point(filled=True, size=70).encode(
        x=alt.X("abs_smd:Q", title=x_title),
        y=alt.Y("covariate:N", title=None, sort=list(map(str, balance.index))),
        color=alt.Color("stage:N", title=None, sort=list(stage_names.values())),
        tooltip=["covariate:N", "stage:N", alt.Tooltip("abs_smd:Q", format=".3f")],
    )
    rule = alt.Chart(pd.DataFrame({"x": [SMD_THRESHOLD]})).mark_rule(strokeDash=[4, 4], color="gray").encode(x="x:Q")
    title = "Balans före och efter matchning" if sv else "Balance before and after matching"
    return alt.layer(points, rule).properties(title=title, width=420)


def overlap_plot(propensity: "np.ndarray", treat: "np.ndarray", weights: "np.ndarray", lang: str = "sv") -> "alt.FacetChart":
    """Histograms of the propensity score by group, for all units and for the matched (weighted)."""
    import altair as alt
    import numpy as np
    import pandas as pd

    sv = lang == "sv"
    edges = np.linspace(0, 1, 26)
    rows = []
    for stage, w in (("Före" if sv else "Before", np.ones(len(treat))), ("Efter" if sv else "After", weights)):
        for g, label in ((1, "Deltagare" if sv else "Treated"), (0, "Jämförelse" if sv else "Control")):
            idx = treat == g
            h, _ = np.histogram(propensity[idx], bins=edges, weights=w[idx])
            for lo, hi, c in zip(edges[:-1], edges[1:], h):
                rows.append({"stage": stage, "group": label, "lo": lo, "hi": hi, "count": float(c)})
    df = pd.DataFrame(rows)
    return alt.Chart(df).mark_bar(opacity=0.55).encode(
        x=alt.X("lo:Q", bin="binned", title="Propensity score"),
        x2="hi:Q",
        y=alt.Y("count:Q", stack=None, title="Antal (viktat)" if sv else "Count (weighted)"),
        color=alt.Color("group:N", title=None),
    ).properties(width=300, height=160).facet(column=alt.Column("stage:N", title=None, sort="descending"))


def effect_plot(estimate: float, low: float, high: float, label: str, lang: str = "sv") -> "alt.LayerChart":
    """The effect with its confidence interval and the no-effect line."""
    import altair as alt
    import pandas as pd

    df = pd.DataFrame({"label": [label], "estimate": [estimate], "low": [low], "high": [high]})
    title = "Skattad effekt (95 % KI)" if lang == "sv" else "Estimated effect (95% CI)"
    base = alt.Chart(df).encode(y=alt.Y("label:N", title=None))
    bar = base.mark_rule(strokeWidth=2).encode(x=alt.X("low:Q", title=title), x2="high:Q")
    dot = base.mark_point(filled=True, size=90).encode(x="estimate:Q")
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(strokeDash=[4, 4], color="gray").encode(x="x:Q")
    return alt.layer(bar, dot, zero).properties(width=420)
