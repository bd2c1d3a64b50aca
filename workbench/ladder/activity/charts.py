"""Altair charts of an activity follow-up: a CONSORT-style flow and the dose delivered."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.core.messages import msg
from workbench.core.results import format_number

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


class ActivityFigures(Protocol):
    """What the charts read of an activity follow-up (the result satisfies it; charts never import it)."""

    flow: "pd.DataFrame"
    completed_stage: str
    reach_stage: str
    planned_dose: Any
    dose_distribution: "pd.DataFrame | None"

    def stage_label(self, stage: str, lang: str | None = None) -> str: ...


def activity_chart(result: "ActivityFigures", lang: str) -> "alt.Chart":
    """The flow chart, and beside it the dose chart when the result has a dose (texts in ``lang``)."""
    import altair as alt

    flow = flow_chart(result, lang)
    if result.dose_distribution is None or not len(result.dose_distribution):
        return flow
    return alt.hconcat(flow, dose_chart(result, lang))


def flow_chart(result: "ActivityFigures", lang: str) -> "alt.Chart":
    """Boxes top to bottom (stage, n, share of the target group), with those lost on the right."""
    import altair as alt
    import pandas as pd

    boxes, arrows = [], []
    previous = None
    for i, r in enumerate(result.flow.itertuples()):
        share = format_number(100 * r.share_of_target_group, 0, lang)
        boxes.append({"x": 0.0, "y": float(i), "kind": "stage",
                      "text": msg("activity.chart.box", lang, label=result.stage_label(r.stage, lang), n=r.n,
                                  share=share)})
        if i > 0:
            arrows.append({"x": 0.0, "y": i - 1 + 0.3, "y2": i - 0.3})
            if r.lost_from_previous > 0:
                word = "activity.word.dropout" if (r.stage == result.completed_stage and previous
                                                   == result.reach_stage) else "activity.word.lost"
                boxes.append({"x": 1.15, "y": i - 0.5, "kind": "lost", "text": f"{msg(word, lang)}: {r.lost_from_previous}"})
                arrows.append({"x": 0.0, "y": i - 0.5, "y2": i - 0.5, "x2": 0.75})
        previous = r.stage
    frame = pd.DataFrame(boxes)
    frame["x_lo"] = frame["x"] - frame["kind"].map({"stage": 0.7, "lost": 0.4})
    frame["x_hi"] = frame["x"] + frame["kind"].map({"stage": 0.7, "lost": 0.4})
    frame["y_lo"] = frame["y"] - frame["kind"].map({"stage": 0.3, "lost": 0.18})
    frame["y_hi"] = frame["y"] + frame["kind"].map({"stage": 0.3, "lost": 0.18})
    n_rows = len(result.flow)
    x_scale = alt.Scale(domain=[-0.8, 1.6])
    y_scale = alt.Scale(domain=[n_rows - 0.5, -0.5])
    base = alt.Chart(frame)
    rects = base.mark_rect(stroke="#34495e", strokeWidth=1).encode(
        x=alt.X("x_lo:Q", scale=x_scale, axis=None), x2="x_hi:Q",
        y=alt.Y("y_lo:Q", scale=y_scale, axis=None), y2="y_hi:Q",
        color=alt.Color("kind:N", legend=None, scale=alt.Scale(domain=["stage", "lost"], range=["#d6eaf8", "#fdebd0"])),
    )
    texts = base.mark_text(lineBreak="\n", fontSize=11).encode(
        x=alt.X("x:Q", scale=x_scale, axis=None), y=alt.Y("y:Q", scale=y_scale, axis=None), text="text:N")
    layers = [rects, texts]
    if arrows:
        lines = pd.DataFrame(arrows)
        if "x2" not in lines:
            lines["x2"] = lines["x"]
        lines["x2"] = lines["x2"].fillna(lines["x"])
        layers.insert(0, alt.Chart(lines).mark_rule(color="#7f8c8d").encode(
            x=alt.X("x:Q", scale=x_scale, axis=None), x2="x2:Q", y=alt.Y("y:Q", scale=y_scale, axis=None), y2="y2:Q"))
    return alt.layer(*layers).properties(title=msg("activity.chart.flow", lang), width=360, height=70 * n_rows)


def dose_chart(result: "ActivityFigures", lang: str) -> "alt.Chart":
    """Number of persons per dose among those who started, with the planned dose as a rule."""
    import altair as alt
    import pandas as pd

    bars = alt.Chart(result.dose_distribution).mark_bar(color="#5dade2", size=12).encode(
        x=alt.X("dose:Q", title=msg("activity.chart.dose_axis", lang)),
        y=alt.Y("n:Q", title=msg("activity.chart.persons", lang)),
        tooltip=["dose:Q", "n:Q"],
    )
    chart = bars
    if result.planned_dose is not None:
        rule = alt.Chart(pd.DataFrame({"planned": [result.planned_dose],
                                       "label": [msg("activity.chart.planned", lang)]}))
        chart = bars + rule.mark_rule(color="#c0392b", strokeDash=[4, 3]).encode(x="planned:Q", tooltip=["label:N"])
    return chart.properties(title=msg("activity.chart.dose", lang), width=300, height=70 * len(result.flow))
