"""Charts of matching: love plot (|SMD| before/after), score overlap, and the effect with its interval."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.messages import msg, resolve_lang
from workbench.ladder.matching.balance import SMD_THRESHOLD

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import numpy as np
    import pandas as pd


def love_plot(balance: "pd.DataFrame", lang: str | None = None) -> "alt.LayerChart":
    """|SMD| per covariate before and after matching, with the 0.1 threshold."""
    import altair as alt
    import pandas as pd

    lang = resolve_lang(lang)
    stage_names = {"before": msg("matching.chart.before_matching", lang),
                   "after": msg("matching.chart.after_matching", lang)}
    rows = []
    for cov in balance.index:
        for stage in ("before", "after"):
            rows.append({"covariate": str(cov), "stage": stage_names[stage],
                         "abs_smd": abs(float(balance.loc[cov, (stage, "smd")]))})
    df = pd.DataFrame(rows)
    x_title = msg("matching.chart.smd_axis", lang)
    points = alt.Chart(df).mark_point(filled=True, size=70).encode(
        x=alt.X("abs_smd:Q", title=x_title),
        y=alt.Y("covariate:N", title=None, sort=list(map(str, balance.index))),
        color=alt.Color("stage:N", title=None, sort=list(stage_names.values())),
        tooltip=["covariate:N", "stage:N", alt.Tooltip("abs_smd:Q", format=".3f")],
    )
    rule = alt.Chart(pd.DataFrame({"x": [SMD_THRESHOLD]})).mark_rule(strokeDash=[4, 4], color="gray").encode(x="x:Q")
    title = msg("matching.chart.love_title", lang)
    return alt.layer(points, rule).properties(title=title, width=420)


def overlap_plot(propensity: "np.ndarray", treat: "np.ndarray", weights: "np.ndarray",
                 lang: str | None = None) -> "alt.FacetChart":
    """Histograms of the propensity score by group, for all units and for the matched (weighted)."""
    import altair as alt
    import numpy as np
    import pandas as pd

    lang = resolve_lang(lang)
    edges = np.linspace(0, 1, 26)
    rows = []
    stages = ((msg("matching.chart.before", lang), np.ones(len(treat))), (msg("matching.chart.after", lang), weights))
    groups = ((1, msg("matching.chart.treated", lang)), (0, msg("matching.chart.control", lang)))
    for stage, w in stages:
        for g, label in groups:
            idx = treat == g
            h, _ = np.histogram(propensity[idx], bins=edges, weights=w[idx])
            for lo, hi, c in zip(edges[:-1], edges[1:], h):
                rows.append({"stage": stage, "group": label, "lo": lo, "hi": hi, "count": float(c)})
    df = pd.DataFrame(rows)
    return alt.Chart(df).mark_bar(opacity=0.55).encode(
        x=alt.X("lo:Q", bin="binned", title=msg("matching.chart.score_axis", lang)),
        x2="hi:Q",
        y=alt.Y("count:Q", stack=None, title=msg("matching.chart.count_axis", lang)),
        color=alt.Color("group:N", title=None),
    ).properties(width=300, height=160).facet(column=alt.Column("stage:N", title=None, sort="descending"))


def effect_plot(estimate: float, low: float, high: float, label: str, lang: str | None = None,
                conf_level: float = 0.95) -> "alt.LayerChart":
    """The effect with its confidence interval and the no-effect line."""
    import altair as alt
    import pandas as pd

    df = pd.DataFrame({"label": [label], "estimate": [estimate], "low": [low], "high": [high]})
    title = msg("matching.chart.effect_axis", resolve_lang(lang), pct=f"{100 * conf_level:g}")
    base = alt.Chart(df).encode(y=alt.Y("label:N", title=None))
    bar = base.mark_rule(strokeWidth=2).encode(x=alt.X("low:Q", title=title), x2="high:Q")
    dot = base.mark_point(filled=True, size=90).encode(x="estimate:Q")
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(strokeDash=[4, 4], color="gray").encode(x="x:Q")
    return alt.layer(bar, dot, zero).properties(width=420)
