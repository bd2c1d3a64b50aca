"""The frozen result of ``wb.activity_followup`` (rung 2): tables, explanation and chart."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import catalogue, msg, resolve_lang
from workbench.core.results import Result, format_number
from workbench.core.text import Msg, render
from workbench.ladder.activity.charts import activity_chart

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True, kw_only=True, eq=False)
class ActivityResult(Result):
    """What was delivered and to whom (rung 2).

    Attributes
    ----------
    flow
        ``stage, label, column, n, share_of_target_group, share_of_previous, lost_from_previous``.
    reach
        Reach overall and by subgroup: ``variable, level, n_target, n_reached, share_reached,
        suppressed`` (hidden cells are NaN).
    dose, dose_distribution
        Dose per group (started / completed / dropped out) vs planned; counts per dose value.
    dropout, dropout_reasons, dropout_timing, dropout_baseline
        How many dropped out; why; when; and how they differed from completers at baseline.
    fidelity, method_changes
        Planned vs delivered activities; the log of method changes.
    credible, credibility_problems
        Whether the flow counts for rung 2 (target group, started and completed counts).
    lang
        The language the analysis was run in: the labels inside the tables (``flow.label``, "alla",
        "uppgift saknas", the dose groups) are in it. The summary's labels, the explanation, the
        chart, the warnings and the credibility problems are rendered when read, in the reader's
        language (the ``lang`` given, else the session language).
    """

    kind: ClassVar[str] = "activity_followup"
    rung: ClassVar[int] = 2

    flow: "pd.DataFrame"
    reach: "pd.DataFrame"
    dropout: "pd.DataFrame"
    credible: bool
    reach_stage: str
    completed_stage: str
    dose: "pd.DataFrame | None" = None
    dose_distribution: "pd.DataFrame | None" = None
    dropout_reasons: "pd.DataFrame | None" = None
    dropout_timing: "pd.DataFrame | None" = None
    dropout_baseline: "pd.DataFrame | None" = None
    fidelity: "pd.DataFrame | None" = None
    method_changes: "pd.DataFrame | None" = None
    planned_dose: float | None = None
    min_cell: int = 5
    lang: str = "sv"
    stage_labels: dict[str, str] | None = None

    # -- key figures ----------------------------------------------------------------------
    @property
    def n_target(self) -> int:
        return int(self.flow["n"].iloc[0])

    def _n(self, stage: str) -> int:
        return int(self.flow.loc[self.flow["stage"] == stage, "n"].iloc[0])

    def stage_label(self, stage: str, lang: str | None = None) -> str:
        """A stage's display name in ``lang``: the caller's ``stage_labels``, else the catalogue's
        name of a usual key (``target_group``, ``started`` …), else the key itself."""
        return str(render(stage_text(stage, self.stage_labels), resolve_lang(lang)))

    def summary(self) -> "pd.DataFrame":
        """Key figures: the flow stages, reach, completion, drop-out, dose and fidelity.

        ``measure`` holds the stable codes (``flow.started``, ``reach`` …); ``label`` is their name
        in the session language (:func:`wb.set_language`).
        """
        import pandas as pd

        lang = resolve_lang(None)
        rows: list[dict[str, Any]] = []
        for r in self.flow.itertuples():
            rows.append({"measure": f"flow.{r.stage}", "label": self.stage_label(r.stage, lang), "n": r.n,
                         "share": r.share_of_target_group,
                         "value": float(r.n)})
        n_t = self.n_target
        n_s = self._n(self.reach_stage)
        rows.append({"measure": "reach", "label": msg("activity.measure.reach", lang), "n": n_s,
                     "share": n_s / n_t if n_t else math.nan, "value": n_s / n_t if n_t else math.nan})
        d = self.dropout.iloc[0]
        rows.append({"measure": "completion", "label": msg("activity.measure.completion", lang),
                     "n": int(d["n_completed"]), "share": 1 - d["share_dropout"], "value": 1 - d["share_dropout"]})
        rows.append({"measure": "dropout", "label": msg("activity.measure.dropout", lang), "n": int(d["n_dropout"]),
                     "share": d["share_dropout"], "value": d["share_dropout"]})
        if self.dose is not None:
            first = self.dose.iloc[0]
            rows.append({"measure": "dose_mean", "label": msg("activity.measure.dose_mean", lang),
                         "n": int(first["n"]), "share": math.nan, "value": first["mean"]})
            if "delivered_of_planned" in self.dose.columns:
                rows.append({"measure": "dose_share_planned", "label": msg("activity.measure.dose_share_planned", lang),
                             "n": int(first["n"]), "share": first["delivered_of_planned"],
                             "value": first["delivered_of_planned"]})
        if self.fidelity is not None:
            total = self.fidelity.iloc[-1]
            rows.append({"measure": "fidelity", "label": msg("activity.measure.fidelity", lang),
                         "n": int(total["delivered"]), "share": total["share_delivered"],
                         "value": total["share_delivered"]})
        return pd.DataFrame(rows, columns=["measure", "label", "n", "share", "value"])

    # -- text -----------------------------------------------------------------------------
    def explain(self, lang: str | None = None) -> str:
        """What was delivered, to whom, and what rung 2 cannot say (whether it helped).

        In ``lang`` (None: the session language).
        """
        lang = resolve_lang(lang)
        pct = lambda x: format_number(100 * x, 0, lang)  # noqa: E731
        stage_parts = []
        for r in self.flow.iloc[1:].itertuples():
            label = self.stage_label(r.stage, lang)
            stage_parts.append(msg("activity.explain.stage", lang, label=label, n=r.n, share=pct(r.share_of_target_group)))
        parts = [msg("activity.explain.flow", lang, n_target=self.n_target,
                     stages=("; ".join(stage_parts) + ".") if stage_parts else "")]
        d = self.dropout.iloc[0]
        if d["n_started"] and self.reach_stage != self.completed_stage:
            parts.append(msg("activity.explain.dropout", lang, started=int(d["n_started"]),
                             completed=int(d["n_completed"]), dropout=int(d["n_dropout"]), share=pct(d["share_dropout"])))
        if self.dropout_reasons is not None and len(self.dropout_reasons):
            top = self.dropout_reasons.iloc[0]
            reason = top["reason"]
            if reason == msg("activity.word.not_recorded", self.lang):  # the table's word for a missing reason
                reason = msg("activity.word.not_recorded", lang)
            parts.append(msg("activity.explain.reason", lang, reason=reason, n=int(top["n"])))
        if self.dose is not None and self.dose.iloc[0]["n"]:
            first = self.dose.iloc[0]
            parts.append(msg("activity.explain.dose", lang, mean=format_number(first["mean"], 1, lang),
                             median=format_number(first["median"], 1, lang)))
            if "share_full_dose" in self.dose.columns and math.isfinite(first["share_full_dose"]):
                parts.append(msg("activity.explain.dose_planned", lang,
                                 planned=format_number(first["planned_mean"], 1, lang), share=pct(first["share_full_dose"])))
        if self.fidelity is not None:
            total = self.fidelity.iloc[-1]
            if math.isfinite(total["share_delivered"]):
                parts.append(msg("activity.explain.fidelity", lang, share=pct(total["share_delivered"]),
                                 delivered=format_number(total["delivered"], 0, lang),
                                 planned=format_number(total["planned"], 0, lang)))
        if self.method_changes is not None and len(self.method_changes):
            parts.append(msg("activity.explain.changes", lang, n=len(self.method_changes)))
        parts.append(msg("activity.explain.cannot", lang))
        return " ".join(parts)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        """A CONSORT-style flow, beside a dose chart when a dose was given.

        Titles and labels in ``lang`` (None: the session language).
        """
        return activity_chart(self, resolve_lang(lang))


def stage_text(stage: str, custom: Mapping[str, str] | None = None) -> Msg | str:
    """A stage's name as a message: the caller's own label (shown as written in every language),
    else the catalogue's name of a usual key (``activity.stage.<key>``), else the key itself."""
    own = (custom or {}).get(stage)
    if own:
        return own
    key = f"activity.stage.{stage}"
    return Msg(key) if key in catalogue() else stage
