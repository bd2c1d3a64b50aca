"""Altair charts of rung-5 results: effect with CI, randomization distribution, CONSORT flow, forest plot."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

_STAGES = {
    "entered": ("Kom in i studien", "Entered"),
    "not_randomized": ("Ej slumpade", "Not randomized"),
    "randomized": ("Slumpade", "Randomized"),
    "allocated": ("Lottade till gruppen", "Allocated"),
    "withdrawn": ("Avbröt", "Withdrew"),
    "analysed": ("Analyserade (utfall finns)", "Analysed (outcome present)"),
}


def _t(sv: str, en: str, lang: str) -> str:
    return sv if lang == "sv" else en


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


def rct_chart(result) -> "alt.Chart":
    """Effect with its confidence interval; beside it the randomization distribution when computed."""
    import altair as alt
    import numpy as np
    import pandas as pd

    lang = result.lang
    e = result.estimate
    label = _t("Effekt av erbjudandet (ITT)", "Effect of the offer (ITT)", lang)
    df = pd.DataFrame([{"quantity": label, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high}])
    left = _interval(df, _t(f"Skillnad i {result.outcome}", f"Difference in {result.outcome}", lang))
    if result.ri_distribution is None:
        return left
    dist = np.asarray(result.ri_distribution)
    hist = pd.DataFrame({"statistic": dist[: min(len(dist), 5000)]})
    bars = alt.Chart(hist).mark_bar(opacity=0.6).encode(
        x=alt.X("statistic:Q", bin=alt.Bin(maxbins=40),
                title=_t("Skillnad vid omlottning (nollhypotes)", "Difference when re-randomized (null)", lang)),
        y=alt.Y("count():Q", title=_t("Antal lottningar", "Allocations", lang)),
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
    i = 0 if lang == "sv" else 1
    df["label"] = [f"{_STAGES.get(s, (s, s))[i]}{' – ' + a if a else ''}" for s, a in zip(df["stage"], df["arm"])]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=None, title=None),
            x=alt.X("n:Q", title=_t("Antal personer", "People", lang)),
            color=alt.Color("stage:N", legend=None),
            tooltip=["label:N", "n:Q"],
        )
        .properties(width=380, title=_t("Flödet genom studien", "Flow through the study", lang))
    )


def cace_chart(result) -> "alt.Chart":
    import pandas as pd

    lang = result.lang
    names = [
        (_t("Effekt av att delta (CACE)", "Effect of taking part (CACE)", lang), result.estimate),
        (_t("Effekt av erbjudandet (ITT)", "Effect of the offer (ITT)", lang), result.itt),
        (_t("Ökning i deltagande", "Increase in take-up", lang), result.first_stage),
    ]
    df = pd.DataFrame([{"quantity": n, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high} for n, e in names])
    return _interval(df, _t("Skattning med 95 % KI", "Estimate with 95% CI", lang))


def forest_chart(result) -> "alt.Chart":
    import pandas as pd

    lang = result.lang
    df = result.studies[["study", "estimate", "ci_low", "ci_high"]].copy()
    e = result.estimate
    pooled = _t("Sammanvägt", "Pooled", lang)
    df = pd.concat([df, pd.DataFrame([{"study": pooled, "estimate": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high}])],
                   ignore_index=True)
    return _interval(df, _t("Effekt med 95 % KI", "Effect with 95% CI", lang), y_field="study").properties(
        title=_t("Sammanvägning av försök", "Pooling of trials", lang)
    )
