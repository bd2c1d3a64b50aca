"""Plain-language text of the design advisor: design names, durations and verdicts (sv/en)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from workbench.core.results import format_number
from workbench.design.power.result import pct

NAMES = {
    "rct": ("Randomiserad studie (individer)", "Randomized trial (individuals)"),
    "cluster": ("Klusterrandomiserad studie", "Cluster randomized trial"),
    "matched": ("Matchad jämförelsegrupp", "Matched comparison group"),
    "area": ("Jämförelse av områden (skillnad-i-skillnader)", "Area comparison (difference-in-differences)"),
    "prepost": ("Före/efter-mätning", "Before/after measurement"),
}
GROUP_WORD = {
    "rct": ("per grupp", "per group"),
    "cluster": ("per grupp", "per group"),
    "matched": ("i insatsgruppen (med lika många matchade)", "in the intervention group (with as many matched)"),
    "area": ("i behandlade områden efter start", "in treated areas after the start"),
    "prepost": ("deltagare mätta före och efter", "participants measured before and after"),
}
MISSING = {
    "clusters": ("ange clusters (antal enheter som lottas, t.ex. stadsdelar eller kontor, minst 3) och icc",
                 "give clusters (number of units randomized, e.g. districts or offices, at least 3) and icc"),
    "districts": ("ange districts (antal stadsdelar i statistiken, minst 3) och treated_districts",
                  "give districts (number of districts in the statistics, at least 3) and treated_districts"),
}


def duration(months: float, lang: str) -> str:
    """``'44 månader'`` below two years, else years: ``'3,7 år'`` (one decimal below ten), ``'59 år'``."""
    sv = lang == "sv"
    if not math.isfinite(months):
        return "aldrig" if sv else "never"
    if months < 24:
        return f"{format_number(months, 0 if months >= 10 else 1, lang)} {'månader' if sv else 'months'}"
    years = months / 12.0
    text = format_number(years, 1 if years < 10 else 0, lang)
    return f"{text} {'år' if sv else 'years'}"


def whole(x: float | None, lang: str) -> str:
    return format_number(x, 0, lang)


def detectable(row: Mapping[str, Any], outcome: str, lang: str, direction: int = -1) -> str:
    """What can be detected in the planned time: a change to a level (binary) or a d (continuous)."""
    value = row.get("detectable_target")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sv = lang == "sv"
    if outcome == "binary":
        word = ("en minskning till " if direction < 0 else "en ökning till ") if sv else (
            "a decrease to " if direction < 0 else "an increase to ")
        return word + pct(value, lang)
    return (f"en effekt på d = {format_number(value, 2, lang)}" if sv
            else f"an effect of d = {format_number(value, 2, lang)}")


def verdict(row: Mapping[str, Any], *, outcome: str, months_planned: float, lang: str, direction: int = -1) -> str:
    """One plain sentence (or two) saying whether the design works in the planned time."""
    sv = lang == "sv"
    key = row["design"]
    i = 0 if sv else 1
    if row.get("missing"):
        return ("Inte bedömd: " if sv else "Not assessed: ") + MISSING[row["missing"]][i] + "."
    months = math.inf if row["months_needed"] is None else row["months_needed"]
    planned = whole(months_planned, lang)
    if not math.isfinite(months):
        text = ("Inte genomförbart hur länge man än rekryterar" if sv
                else "Not feasible however long recruitment runs")
        if row.get("clusters_needed"):
            text += (f": det behövs minst {whole(row['clusters_needed'], lang)} kluster" if sv
                     else f": at least {whole(row['clusters_needed'], lang)} clusters are needed")
        if key == "area":
            text += (": slumpmässiga svängningar mellan stadsdelar (area_icc) är större än effekten; fler "
                     "behandlade stadsdelar eller längre statistik före start hjälper" if sv else
                     ": random swings between districts (area_icc) exceed the effect; more treated districts "
                     "or longer statistics before the start help")
        text += "."
    else:
        size = f"{whole(row['n_per_group_ceiling'], lang)} {GROUP_WORD[key][i]}"
        if row["feasible"]:
            text = (f"Genomförbart: {size} nås på {duration(months, lang)}, inom planerade {planned} månader."
                    if sv else f"Feasible: {size} is reached in {duration(months, lang)}, within the planned "
                    f"{planned} months.")
        else:
            text = (f"Inte genomförbart inom planerad tid: {size} behövs, vilket skulle ta {duration(months, lang)}."
                    if sv else f"Not feasible in the planned time: {size} needed, which would take "
                    f"{duration(months, lang)}.")
            if row.get("municipalities_needed"):
                text += (f" Med {whole(row['municipalities_needed'], lang)} kommuner med samma inflöde går det "
                         f"på {planned} månader." if sv else
                         f" With {whole(row['municipalities_needed'], lang)} municipalities with the same inflow "
                         f"it fits in {planned} months.")
    if not row["feasible"] and row.get("detectable_target") is not None:
        det = detectable(row, outcome, lang, direction)
        if det != "–":
            text += (f" På planerad tid kan man bara upptäcka {det}; styrkan för målet är "
                     f"{pct(row['power_planned'], lang)}." if sv else f" In the planned time you can only detect "
                     f"{det}; the power for the target is {pct(row['power_planned'], lang)}.")
    if key == "prepost":
        text += (" Före/efter kan visa en förändring men inte att insatsen orsakade den." if sv
                 else " Before/after can show a change but not that the intervention caused it.")
    if key == "matched":
        text += (" Bygger på att matchningen fångar alla viktiga skillnader." if sv
                 else " Rests on the matching capturing every important difference.")
    return text


def headline(advice: Any, lang: str) -> str:
    """The opening sentence in the staff's terms, built on the randomized row."""
    sv = lang == "sv"
    inflow = format_number(advice.inflow_per_month, 0 if float(advice.inflow_per_month).is_integer() else 1, lang)
    pooled = advice.municipalities > 1
    if sv:
        who = f"{inflow} nya {advice.unit or 'ärenden'} i månaden" + (f" i var och en av {advice.municipalities} kommuner" if pooled else "")
    else:
        who = f"{inflow} new {advice.unit or 'cases'} a month" + (f" in each of {advice.municipalities} municipalities" if pooled else "")
    if advice.outcome == "binary":
        goal = (f"en andel på {pct(advice.baseline, lang)} och målet {pct(advice.target, lang)}" if sv
                else f"a rate of {pct(advice.baseline, lang)} and the goal {pct(advice.target, lang)}")
    else:
        goal = (f"en effekt på d = {format_number(advice.effect_size, 2, lang)}" if sv
                else f"an effect of d = {format_number(advice.effect_size, 2, lang)}")
    rct = next(r for r in advice.rows if r["design"] == "rct")
    if sv:
        return (f"Med {who} och {goal} behöver en randomiserad studie {whole(rct['n_per_group_ceiling'], lang)} per "
                f"grupp (styrka {pct(advice.power, lang)}, signifikansnivå {pct(advice.alpha, lang)}) = "
                f"{duration(_months(rct), lang)} av inflöde; planerat är {whole(advice.months_planned, lang)} "
                f"månader.")
    return (f"With {who} and {goal} a randomized trial needs {whole(rct['n_per_group_ceiling'], lang)} per group "
            f"(power {pct(advice.power, lang)}, significance level {pct(advice.alpha, lang)}) = "
            f"{duration(_months(rct), lang)} of inflow; {whole(advice.months_planned, lang)} months are planned.")


def _months(row: Mapping[str, Any]) -> float:
    return math.inf if row.get("months_needed") is None else row["months_needed"]
