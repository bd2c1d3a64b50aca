"""Rung 1's requirements: a project description complete enough to be followed up.

Registered with the ladder's one mechanism (:func:`workbench.ladder.status.requirement`). They live
here, beside the record's schema and the SMART checks they read, because imports flow from
``project`` down to ``ladder``; :func:`ladder_status` is the front door that makes sure they are
loaded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workbench.ladder.status import LadderContext, LadderStatus, evaluate, requirement
from workbench.project.record import clean_record
from workbench.project.schema import BY_PATH, get_path, is_filled
from workbench.project.smart import check_smart

REQUIRED_FIELDS: tuple[str, ...] = (
    "name",
    "owner",
    "problem",
    "needs_analysis",
    "target_group.description",
    "target_group.inclusion_criteria",
    "target_group.size",
    "logic.resources",
    "logic.activities",
    "logic.outputs",
    "logic.short_term_outcomes",
    "logic.long_term_outcomes",
    "evaluation_plan.rung_aimed",
    "evaluation_plan.data_collection",
    "evaluation_plan.timetable",
)


@requirement(1, "record_readable")
def record_readable(ctx: LadderContext) -> list[str]:
    _, findings = clean_record(dict(ctx.description), lang=ctx.lang)
    # unknown keys are kept and harmless; wrong kinds must be fixed
    serious = [f for f in findings if f.path in BY_PATH or "[" in f.path]
    return [ctx.t("project.rung1.record_problem", finding=f.message) for f in serious]


@requirement(1, "fields_filled")
def fields_filled(ctx: LadderContext) -> list[str]:
    record, findings = clean_record(dict(ctx.description), lang=ctx.lang)
    bad = {f.path for f in findings}
    return [
        ctx.t("project.rung1.missing_field", field=BY_PATH[path].label(ctx.lang).split(" (")[0])
        for path in REQUIRED_FIELDS
        if path not in bad and not is_filled(get_path(record, path))
    ]


@requirement(1, "goals_smart")
def goals_smart(ctx: LadderContext) -> list[str]:
    goals = [g for g in (ctx.description.get("goals") or []) if is_filled(g)]
    if not goals:
        return [ctx.t("project.rung1.no_goal")]
    out = []
    for i, goal in enumerate(goals, start=1):
        if not isinstance(goal, (Mapping, str)):
            continue  # reported by record_readable
        failed = [f.message for f in check_smart(goal, lang=ctx.lang) if not f.ok]
        if failed:
            out.append(ctx.t("project.rung1.goal_not_smart", number=i, problems=" ".join(failed)))
    return out


@requirement(1, "indicators")
def indicators(ctx: LadderContext) -> list[str]:
    items = [i for i in (ctx.description.get("indicators") or []) if isinstance(i, Mapping) and is_filled(i)]
    if not items:
        return [ctx.t("project.rung1.no_indicator")]
    labels = {"definition": ("definition", "definition"), "data_source": ("datakälla", "data source"),
              "baseline": ("baslinje", "baseline")}
    out = []
    for item in items:
        lacking = [labels[k][0 if ctx.lang == "sv" else 1] for k in labels if not is_filled(item.get(k))]
        if lacking:
            out.append(ctx.t("project.rung1.indicator_incomplete", name=item.get("name") or "?", fields=lacking))
    return out


@requirement(1, "comparison_planned")
def comparison_planned(ctx: LadderContext) -> list[str]:
    plan = ctx.description.get("evaluation_plan") or {}
    if not isinstance(plan, Mapping):
        return []
    try:
        rung = int(plan.get("rung_aimed"))
    except (TypeError, ValueError):
        return []
    design = plan.get("comparison_design")
    if rung >= 4 and design in (None, "", "none"):
        return [ctx.t("project.rung1.need_comparison", rung=rung)]
    return []


def ladder_status(
    description: Mapping[str, Any] | None = None,
    results: Sequence[Mapping[str, Any]] = (),
    *,
    extras: Mapping[str, Any] | None = None,
    lang: str | None = None,
) -> LadderStatus:
    """The ladder status of a description and saved results, with rung 1's checks loaded."""
    return evaluate(description, results, extras=extras, lang=lang)
