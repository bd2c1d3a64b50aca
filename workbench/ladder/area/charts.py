"""Altair charts of the area comparisons (built on demand; altair is imported inside)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.messages import msg

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def _t(key: str, lang: str | None) -> str:
    """Chart text ``key`` (catalogue entry ``area.chart.<key>``) in ``lang`` (None: the session language)."""
    return msg(f"area.chart.{key}", lang)


def _rule(start: str) -> "alt.Chart":
    import altair as alt
    import pandas as pd

    return alt.Chart(pd.DataFrame({"start": [start]})).mark_rule(strokeDash=[4, 4], color="gray").encode(
        x=alt.X("start:O"))


def means_chart(means: "pd.DataFrame", starts, *, lang: str | None = None) -> "alt.Chart":
    """Mean outcome per period for areas with and without the intervention."""
    import altair as alt

    df = means.copy()
    df["group"] = df["group"].map({"treated": _t("treated", lang), "control": _t("control", lang)})
    lines = alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("period:O", title=_t("period", lang), sort=None),
        y=alt.Y("mean:Q", title=_t("outcome", lang), scale=alt.Scale(zero=False)),
        color=alt.Color("group:N", title=_t("group", lang)),
    )
    rules = [_rule(s) for s in starts]
    return alt.layer(lines, *rules).properties(width=560, height=280)


def event_chart(coefs: "pd.DataFrame", *, method: str = "twfe", lang: str | None = None) -> "alt.Chart":
    """Coefficient plot: estimates with confidence intervals by relative period; the title names
    the estimator (``method``)."""
    import altair as alt
    import pandas as pd

    base = alt.Chart(coefs).encode(x=alt.X("rel_time:Q", title=_t("rel", lang)))
    points = base.mark_point(filled=True).encode(y=alt.Y("estimate:Q", title=_t("coef", lang)))
    bars = base.mark_rule().encode(y="ci_low:Q", y2="ci_high:Q")
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="gray").encode(y="y:Q")
    start = alt.Chart(pd.DataFrame({"x": [-0.5]})).mark_rule(strokeDash=[4, 4], color="gray").encode(x="x:Q")
    title = msg("area.chart.event_title", lang, method=msg(f"area.method.{method}", lang))
    return alt.layer(zero, start, bars, points).properties(width=560, height=280, title=title)


def synth_chart(path: "pd.DataFrame", start: str, *, lang: str | None = None) -> "alt.Chart":
    """Treated area against its synthetic control over all periods."""
    import altair as alt

    long = path.melt(id_vars=["period"], value_vars=["treated", "synthetic"], var_name="series",
                     value_name="value")
    long["series"] = long["series"].map({"treated": _t("actual", lang), "synthetic": _t("synthetic", lang)})
    lines = alt.Chart(long).mark_line().encode(
        x=alt.X("period:O", title=_t("period", lang), sort=None),
        y=alt.Y("value:Q", title=_t("outcome", lang), scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", title=""),
        strokeDash=alt.StrokeDash("series:N", title=""),
    )
    return alt.layer(lines, _rule(start)).properties(width=560, height=280)


def placebo_chart(path: "pd.DataFrame", gaps: "pd.DataFrame", start: str, *, lang: str | None = None) -> "alt.Chart":
    """Gap of the treated area against every placebo area's gap."""
    import altair as alt

    pl = alt.Chart(gaps).mark_line(color="lightgray", strokeWidth=1).encode(
        x=alt.X("period:O", title=_t("period", lang), sort=None),
        y=alt.Y("gap:Q", title=_t("gap", lang)),
        detail="unit:N",
    )
    main = alt.Chart(path).mark_line(color="black", strokeWidth=2.5).encode(
        x=alt.X("period:O", sort=None), y="gap:Q")
    return alt.layer(pl, main, _rule(start)).properties(width=560, height=280)


def its_chart(series: "pd.DataFrame", start: str, *, lang: str | None = None) -> "alt.Chart":
    """Observed series, fitted segmented line and the pre-trend continued without intervention."""
    import altair as alt

    long = series.melt(id_vars=["period"], value_vars=["observed", "fitted", "counterfactual"],
                       var_name="series", value_name="value").dropna()
    long["series"] = long["series"].map(lambda s: _t(s, lang))
    lines = alt.Chart(long).mark_line().encode(
        x=alt.X("period:O", title=_t("period", lang), sort=None),
        y=alt.Y("value:Q", title=_t("outcome", lang), scale=alt.Scale(zero=False)),
        color=alt.Color("series:N", title=""),
    )
    return alt.layer(lines, _rule(start)).properties(width=560, height=280)
