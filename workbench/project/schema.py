"""The schema of the step-1 record (projektbeskrivning): every field, its kind and its labels.

One table serves three purposes: loading a record checks each field's kind and reports findings
(never crashes, never drops what it does not understand); the rung-1 requirements know which fields
must be filled; the staff form is laid out from the same labels. Paths are dotted
(``"target_group.size"``). Goals and indicators are lists of small records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["text", "longtext", "list", "int", "number", "date", "rung", "design", "goals", "indicators"]

COMPARISON_DESIGNS: dict[str, dict[str, str]] = {
    "none": {"sv": "Ingen jämförelse (före/efter)", "en": "No comparison (before/after)"},
    "matching": {"sv": "Matchad jämförelsegrupp", "en": "Matched comparison group"},
    "area": {"sv": "Andra stadsdelar/kommuner över tid", "en": "Other districts/municipalities over time"},
    "randomized": {"sv": "Slumpad kontrollgrupp", "en": "Randomized control group"},
}


@dataclass(frozen=True)
class FieldSpec:
    path: str
    kind: Kind
    sv: str
    en: str
    help_sv: str = ""
    help_en: str = ""

    def label(self, lang: str) -> str:
        return self.sv if lang == "sv" else self.en

    def help(self, lang: str) -> str:
        return self.help_sv if lang == "sv" else self.help_en


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "text", "Projektets namn", "Project name"),
    FieldSpec("municipality", "text", "Kommun", "Municipality"),
    FieldSpec("owner", "text", "Ansvarig nämnd/förvaltning", "Responsible committee/department"),
    FieldSpec("contact", "text", "Kontaktperson", "Contact person"),
    FieldSpec("period.start", "date", "Startdatum (ÅÅÅÅ-MM-DD)", "Start date (YYYY-MM-DD)"),
    FieldSpec("period.end", "date", "Slutdatum (ÅÅÅÅ-MM-DD)", "End date (YYYY-MM-DD)"),
    FieldSpec("problem", "longtext", "Problembeskrivning", "Problem description",
              "Vilket problem ska insatsen lösa, för vem och hur stort är det?",
              "Which problem should the intervention solve, for whom, and how large is it?"),
    FieldSpec("needs_analysis", "longtext", "Behovsanalys", "Needs analysis",
              "Vad visar statistik och erfarenhet om behovet?", "What do statistics and experience say about the need?"),
    FieldSpec("target_group.description", "longtext", "Målgrupp", "Target group"),
    FieldSpec("target_group.inclusion_criteria", "list", "Inklusionskriterier (ett per rad)", "Inclusion criteria (one per line)"),
    FieldSpec("target_group.exclusion_criteria", "list", "Exklusionskriterier (ett per rad)", "Exclusion criteria (one per line)"),
    FieldSpec("target_group.size", "int", "Målgruppens storlek (antal)", "Size of the target group (number)"),
    FieldSpec("logic.resources", "list", "Resurser (ett per rad)", "Resources (one per line)"),
    FieldSpec("logic.activities", "list", "Aktiviteter (en per rad)", "Activities (one per line)"),
    FieldSpec("logic.outputs", "list", "Prestationer (en per rad)", "Outputs (one per line)"),
    FieldSpec("logic.short_term_outcomes", "list", "Kortsiktiga resultat (ett per rad)", "Short-term outcomes (one per line)"),
    FieldSpec("logic.long_term_outcomes", "list", "Långsiktiga resultat (ett per rad)", "Long-term outcomes (one per line)"),
    FieldSpec("goals", "goals", "Mål", "Goals"),
    FieldSpec("indicators", "indicators", "Indikatorer", "Indicators"),
    FieldSpec("evaluation_plan.rung_aimed", "rung", "Vilket steg på trappan siktar ni på?", "Which rung do you aim for?"),
    FieldSpec("evaluation_plan.comparison_design", "design", "Jämförelsedesign", "Comparison design"),
    FieldSpec("evaluation_plan.data_collection", "longtext", "Datainsamling", "Data collection",
              "Vilka data samlas in, av vem, när?", "Which data are collected, by whom, when?"),
    FieldSpec("evaluation_plan.timetable", "longtext", "Tidsplan för uppföljning", "Follow-up timetable"),
    FieldSpec("partners", "list", "Samverkanspartner (en per rad)", "Partners (one per line)"),
    FieldSpec("budget.total", "number", "Budget totalt (kr)", "Total budget (SEK)"),
    FieldSpec("budget.funding", "text", "Finansiering (t.ex. social investeringsfond)", "Funding (e.g. social investment fund)"),
)

GOAL_KEYS: tuple[str, ...] = ("text", "indicator", "baseline", "target", "deadline", "target_group", "decided_by")
INDICATOR_KEYS: tuple[str, ...] = ("name", "definition", "data_source", "baseline", "frequency")

GOAL_LABELS = {
    "text": ("Målet i ord", "The goal in words"),
    "indicator": ("Indikator (vad mäts)", "Indicator (what is measured)"),
    "baseline": ("Utgångsläge (baslinje)", "Baseline"),
    "target": ("Målvärde", "Target value"),
    "deadline": ("Senast (datum eller år)", "By (date or year)"),
    "target_group": ("För vilka", "For whom"),
    "decided_by": ("Beslutat/förankrat av", "Decided/agreed by"),
}
INDICATOR_LABELS = {
    "name": ("Namn", "Name"),
    "definition": ("Definition", "Definition"),
    "data_source": ("Datakälla", "Data source"),
    "baseline": ("Baslinje", "Baseline"),
    "frequency": ("Hur ofta mäts den", "How often measured"),
}

BY_PATH: dict[str, FieldSpec] = {f.path: f for f in FIELDS}


def get_path(record: dict[str, Any], path: str) -> Any:
    """Value at a dotted path, or ``None`` when any part is absent or not a mapping."""
    node: Any = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def set_path(record: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted path, creating intermediate mappings (a non-mapping in the way is replaced)."""
    parts = path.split(".")
    node = record
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[parts[-1]] = value


def is_filled(value: Any) -> bool:
    """Whether a field counts as filled in (non-empty text, non-empty list, any number)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return any(is_filled(v) for v in (value.values() if isinstance(value, dict) else value))
    return True
