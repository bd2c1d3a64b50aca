"""The demo project: "Hela familjen", described for rung 1 and filled with the teaching data.

``workbench demo`` (and ``make demo``) builds it in a fresh folder and serves the staff app on it.
All data are synthetic (``data_samples/``); nothing here is about real people.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from workbench.project.folder import Project

DEMO_DESCRIPTION = {
    "municipality": "Exempelstad (påhittad)",
    "owner": "Arbetsmarknads- och socialnämnden",
    "contact": "Projektledare Exempel",
    "period": {"start": "2024-01-01", "end": "2026-12-31"},
    "problem": (
        "Många barnfamiljer i stadsdelarna har haft ekonomiskt bistånd i flera år. Handläggarna har "
        "70–90 ärenden var och hinner inte arbeta med vägen till egen försörjning."
    ),
    "needs_analysis": (
        "Verksamhetsstatistiken visar att omkring 400 barnfamiljer haft försörjningsstöd i mer än ett år; "
        "barn i familjer med långvarigt bistånd har sämre skolresultat och hälsa."
    ),
    "target_group": {
        "description": "Barnfamiljer med långvarigt ekonomiskt bistånd i tre stadsdelar.",
        "inclusion_criteria": ["Barnfamilj (minst ett barn under 18 år)", "Försörjningsstöd minst 12 månader"],
        "exclusion_criteria": ["Pågående placering av barn utanför hemmet"],
        "size": 400,
    },
    "logic": {
        "resources": ["Tre socialsekreterare med 25 familjer var", "Handledning och metodstöd"],
        "activities": ["Intensivt familjestöd med hembesök", "Samverkan med Arbetsförmedlingen och skolan"],
        "outputs": ["Hembesök varje vecka", "Individuell plan för varje vuxen"],
        "short_term_outcomes": ["Fler vuxna i arbete, praktik eller studier"],
        "long_term_outcomes": ["Fler självförsörjande familjer", "Bättre uppväxtvillkor för barnen"],
    },
    "goals": [
        {
            "text": "Andelen familjer i målgruppen som är självförsörjande ska öka",
            "indicator": "Andel självförsörjande efter tre år",
            "baseline": "20 %",
            "target": "35 %",
            "deadline": "2026-12-31",
            "target_group": "Barnfamiljer med långvarigt bistånd",
            "decided_by": "Arbetsmarknads- och socialnämnden",
        }
    ],
    "indicators": [
        {
            "name": "Självförsörjning",
            "definition": "Ingen utbetalning av försörjningsstöd under de senaste tre månaderna",
            "data_source": "Verksamhetssystemet för ekonomiskt bistånd",
            "baseline": "20 %",
            "frequency": "Varje månad",
        }
    ],
    "evaluation_plan": {
        "rung_aimed": 4,
        "comparison_design": "matching",
        "data_collection": "Uttag ur verksamhetssystemet varje månad; bakgrundsuppgifter vid start.",
        "timetable": "Uppföljning efter 1, 2 och 3 år; slutrapport till nämnden 2027.",
    },
    "partners": ["Arbetsförmedlingen", "Skolan i stadsdelen"],
    "budget": {"total": 6_300_000, "funding": "Social investeringsfond"},
}


def samples_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data_samples"


def build_demo(path: str | Path, *, overwrite: bool = True) -> Project:
    """Create the demo project at ``path`` (replacing an earlier demo there when ``overwrite``)."""
    root = Path(path)
    if overwrite and (root / "projekt.yaml").exists():
        shutil.rmtree(root)
    project = Project.create(root, name="Hela familjen (demo)", **DEMO_DESCRIPTION)
    source = samples_dir()
    for name in ("hela_familjen", "aktiviteter", "kostnader"):
        csv = source / name / "data.csv"
        if csv.is_file():
            shutil.copy(csv, project.folder("data") / f"{name}.csv")
    return project
