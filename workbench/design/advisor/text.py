"""Plain-language text of the design advisor: design names, durations and verdicts.

Every sentence is a catalogue entry (``design.advisor.*`` in ``core/messages/design.py``), rendered
in the language asked for.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from workbench.core.messages import msg
from workbench.core.results import format_number
from workbench.design.power.result import pct


def name(design: str, lang: str) -> str:
    """The design's name as staff say it (``"rct"`` → ``'Randomiserad studie (individer)'``)."""
    return msg(f"design.advisor.name.{design}", lang)


def duration(months: float, lang: str) -> str:
    """``'44 månader'`` below two years, else years: ``'3,7 år'`` (one decimal below ten), ``'59 år'``."""
    if not math.isfinite(months):
        return msg("design.advisor.duration.never", lang)
    if months < 24:
        return msg("design.advisor.duration.months", lang, n=format_number(months, 0 if months >= 10 else 1, lang))
    years = months / 12.0
    return msg("design.advisor.duration.years", lang, n=format_number(years, 1 if years < 10 else 0, lang))


def whole(x: float | None, lang: str) -> str:
    return format_number(x, 0, lang)


def detectable(row: Mapping[str, Any], outcome: str, lang: str, direction: int = -1) -> str:
    """What can be detected in the planned time: a change to a level (binary) or a d (continuous)."""
    value = row.get("detectable_target")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if outcome == "binary":
        key = "design.advisor.detect.decrease" if direction < 0 else "design.advisor.detect.increase"
        return msg(key, lang, level=pct(value, lang))
    return msg("design.advisor.detect.effect", lang, d=format_number(value, 2, lang))


def verdict(row: Mapping[str, Any], *, outcome: str, months_planned: float, lang: str, direction: int = -1) -> str:
    """One plain sentence (or two) saying whether the design works in the planned time."""
    key = row["design"]
    if row.get("missing"):
        return msg("design.advisor.verdict.not_assessed", lang,
                   missing=msg(f"design.advisor.missing.{row['missing']}", lang))
    months = math.inf if row["months_needed"] is None else row["months_needed"]
    planned = whole(months_planned, lang)
    if not math.isfinite(months):
        text = msg("design.advisor.verdict.never", lang)
        if row.get("clusters_needed"):
            text += msg("design.advisor.verdict.never_clusters", lang, clusters=whole(row["clusters_needed"], lang))
        if key == "area":
            text += msg("design.advisor.verdict.never_area", lang)
        parts = [text + "."]
    else:
        size = msg(f"design.advisor.size.{key}", lang, n=whole(row["n_per_group_ceiling"], lang))
        if row["feasible"]:
            parts = [msg("design.advisor.verdict.feasible", lang, size=size, duration=duration(months, lang),
                         planned=planned)]
        else:
            parts = [msg("design.advisor.verdict.too_slow", lang, size=size, duration=duration(months, lang))]
            if row.get("municipalities_needed"):
                parts.append(msg("design.advisor.verdict.pooling", lang,
                                 municipalities=whole(row["municipalities_needed"], lang), planned=planned))
    if not row["feasible"] and row.get("detectable_target") is not None:
        det = detectable(row, outcome, lang, direction)
        if det != "–":
            parts.append(msg("design.advisor.verdict.only_detect", lang, detectable=det,
                             power=pct(row["power_planned"], lang)))
    if key == "prepost":
        parts.append(msg("design.advisor.verdict.prepost_caveat", lang))
    if key == "matched":
        parts.append(msg("design.advisor.verdict.matched_caveat", lang))
    return " ".join(parts)


def headline(advice: Any, lang: str) -> str:
    """The opening sentence in the staff's terms, built on the randomized row."""
    inflow = format_number(advice.inflow_per_month, 0 if float(advice.inflow_per_month).is_integer() else 1, lang)
    unit = advice.unit or msg("design.advisor.unit_default", lang)
    if advice.municipalities > 1:
        who = msg("design.advisor.who_pooled", lang, inflow=inflow, unit=unit, municipalities=advice.municipalities)
    else:
        who = msg("design.advisor.who", lang, inflow=inflow, unit=unit)
    if advice.outcome == "binary":
        goal = msg("design.advisor.goal.binary", lang, baseline=pct(advice.baseline, lang),
                   target=pct(advice.target, lang))
    else:
        goal = msg("design.advisor.goal.continuous", lang, d=format_number(advice.effect_size, 2, lang))
    rct = next(r for r in advice.rows if r["design"] == "rct")
    return msg("design.advisor.headline", lang, who=who, goal=goal, n=whole(rct["n_per_group_ceiling"], lang),
               power=pct(advice.power, lang), alpha=pct(advice.alpha, lang), duration=duration(_months(rct), lang),
               planned=whole(advice.months_planned, lang))


def _months(row: Mapping[str, Any]) -> float:
    return math.inf if row.get("months_needed") is None else row["months_needed"]
