"""Altair charts of rung-5 results: effect with CI, randomization distribution, CONSORT flow, forest plot.

Every builder takes the reader's language (already resolved by the result); titles, axis labels and
the labels shown on the axes come from the catalogue in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.messages import catalogue, msg

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def _stage(stage: str, lang: str) -> str:
    key = f"randomized.stage.{stage}"
    return msg(key, lang) if key in catalogue() else str(stage)


def _interval(df: "pd.DataFrame", x_title: str, y_field: str = "quantity", zero: float = 0.0) -> "alt.Chart":
    import altair as alt

    base = alt.Chart(df).encode(y=alt.Y(f"{y_field}:N", title=None, sort=None))
    rule = base.mark_rule(strokeWidth=2).encode(x=alt.X("ci_low:Q", title=x_title), x2="ci_high:Q")
    point = base.mark_point(filled=True, size=80).encode(
        x="estimate:Q", tooltip=[f"{y_field}:N", alt.Tooltip("estimate:Q", format=".3f"),
                                 alt.Tooltip("ci_low:Q", format=".3f"), alt.Tooltip("ci_high:Q", format=".3f")]
    )
    ref = alt.Chart(df.head(1).assign(ref=zero)).mark_rule(strokeDash=[4, 4], color="gray").encode(x="ref:Q")
    return alt.layer(rule, point, ref).properties(width=380)


def rct_chart(result, lang: str) -> "alt.Chart":
    """Effect with its confidence interval; beside it the randomization distribution when computed."""
    import altair as alt
    import numpy as np
    import pandas as pd

    e = result.estimate
    label = msg("randomized.chart.itt", lang)
    df = pd.DataFrame([{"quantity": label, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high}])
    left = _interval(df, msg("randomized.chart.difference_in", lang, outcome=result.outcome))
    if result.ri_distribution is None:
        return left
    dist = np.asarray(result.ri_distribution)
    hist = pd.DataFrame({"statistic": dist[: min(len(dist), 5000)]})
    bars = alt.Chart(hist).mark_bar(opacity=0.6).encode(
        x=alt.X("statistic:Q", bin=alt.Bin(maxbins=40), title=msg("randomized.chart.ri_statistic", lang)),
        y=alt.Y("count():Q", title=msg("randomized.chart.ri_count", lang)),
    )
    obs = alt.Chart(pd.DataFrame({"observed": [result.randomization.observed]})).mark_rule(color="firebrick", strokeWidth=2).encode(x="observed:Q")
    return alt.hconcat(left, alt.layer(bars, obs).properties(width=320))


def consort_chart(flow: "pd.DataFrame | None", attrition: "pd.DataFrame | None", lang: str) -> "alt.Chart":
    """Horizontal bars: entered, not randomized, randomized, then per arm allocated/withdrew/analysed."""
    import altair as alt
    import pandas as pd

    rows = []
    if flow is not None:
        rows = flow.to_dict(orient="records")
    if attrition is not None:
        for r in attrition.to_dict(orient="records"):
            rows.append({"stage": "analysed", "arm": str(r.get("arm_label", r["arm"])),
                         "n": r["randomized"] - r["outcome_missing"]})
    df = pd.DataFrame(rows or [{"stage": "analysed", "arm": "", "n": 0}])
    df["label"] = [f"{_stage(s, lang)}{' – ' + a if a else ''}" for s, a in zip(df["stage"], df["arm"])]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("n:Q", title=msg("randomized.chart.people", lang)),
            color=alt.Color("stage:N", legend=None),
            tooltip=["label:N", "n:Q"],
        )
        .properties(width=380, title=msg("randomized.chart.flow_title", lang))
    )


def cace_chart(result, lang: str) -> "alt.Chart":
    import pandas as pd

    names = [
        (msg("randomized.chart.cace", lang), result.estimate),
        (msg("randomized.chart.itt", lang), result.itt),
        (msg("randomized.chart.take_up", lang), result.first_stage),
    ]
    df = pd.DataFrame([{"quantity": n, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high} for n, e in names])
    return _interval(df, msg("randomized.chart.estimate_ci", lang))


def forest_chart(result, lang: str) -> "alt.Chart":
    import pandas as pd

    df = result.studies[["study", "estimate", "ci_low", "ci_high"]].copy()
    e = result.estimate
    pooled = msg("randomized.chart.pooled", lang)
    df = pd.concat([df, pd.DataFrame([{"study": pooled, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high}])],
                   ignore_index=True)
    return _interval(df, msg("randomized.chart.effect_ci", lang), y_field="study").properties(
        title=msg("randomized.chart.forest_title", lang)
    )
