"""The demo project: "Föräldrastöd", described for rung 1 and climbed to rung 5 with the teaching data.

``workbench demo`` (and ``make demo``) builds it in a fresh folder and serves the staff app on it.
The parent-support trial of the seeds is the one case the teaching data carry through every rung:
activity follow-up (``aktiviteter``), before/after and the randomized offer (``foraldrastod_rct``).
All data are synthetic (``data_samples/``); nothing here is about real people.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from workbench.project.folder import Project

DEMO_NAME = "Föräldrastöd i stadsdelarna (demo)"

DEMO_DESCRIPTION = {
    "municipality": "Exempelstad (påhittad)",
    "owner": "Socialnämnden",
    "contact": "Projektledare Exempel",
    "period": {"start": "2023-01-01", "end": "2025-12-31"},
    "problem": (
        "Många föräldrar som utreds av socialtjänsten upplever hög stress i föräldraskapet, vilket ökar "
        "risken för att barnen far illa och för placering utanför hemmet."
    ),
    "needs_analysis": (
        "Omkring 150 familjer per år bedöms ha behov av föräldrastöd efter en utredning; väntetiden till "
        "stöd är lång och effekten av nuvarande stöd är okänd."
    ),
    "target_group": {
        "description": "Behovsbedömda föräldrar till barn 3–12 år i fyra stadsdelar.",
        "inclusion_criteria": ["Behovsbedömd av socialtjänsten", "Barn 3–12 år", "Samtycke till studien"],
        "exclusion_criteria": ["Pågående placering av barnet"],
        "size": 400,
    },
    "logic": {
        "resources": ["Två gruppledare per stadsdel", "Utbildning i programmet"],
        "activities": ["Föräldragrupp med tolv träffar", "Hembesök vid behov"],
        "outputs": ["Genomförda gruppträffar", "Antal föräldrar som fullföljer"],
        "short_term_outcomes": ["Lägre föräldrastress"],
        "long_term_outcomes": ["Färre orosanmälningar och placeringar"],
    },
    "goals": [
        {
            "text": "Föräldrastressen bland föräldrar i målgruppen ska minska",
            "indicator": "Medelvärde på skalan för föräldrastress (0–100)",
            "baseline": "55",
            "target": "50",
            "deadline": "2025-12-31",
            "target_group": "Behovsbedömda föräldrar till barn 3–12 år",
            "decided_by": "Socialnämnden",
        }
    ],
    "indicators": [
        {
            "name": "Föräldrastress",
            "definition": "Summapoäng på skalan för föräldrastress, 0–100",
            "data_source": "Enkät vid bedömning och efter sex månader",
            "baseline": "55",
            "frequency": "Före och efter",
        }
    ],
    "evaluation_plan": {
        "rung_aimed": 5,
        "comparison_design": "randomized",
        "data_collection": "Enkät vid bedömning och efter sex månader; deltagande ur gruppledarnas närvarolistor.",
        "timetable": "Rekrytering 2023–2024; uppföljning efter sex månader; slutrapport till nämnden 2025.",
    },
    "partners": ["Barn- och ungdomspsykiatrin", "Förskolan och skolan i stadsdelarna"],
    "budget": {"total": 2_400_000, "funding": "Social investeringsfond"},
}


def samples_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data_samples"


def build_demo(path: str | Path, *, overwrite: bool = True, with_results: bool = True,
               with_trial: bool = True) -> Project:
    """Create the demo project at ``path`` (replacing an earlier demo there when ``overwrite``)."""
    root = Path(path)
    if overwrite and (root / "projekt.yaml").exists():
        shutil.rmtree(root)
    project = Project.create(root, name=DEMO_NAME, **DEMO_DESCRIPTION)
    source = samples_dir()
    for name in ("foraldrastod_rct", "aktiviteter"):
        csv = source / name / "data.csv"
        if csv.is_file():
            shutil.copy(csv, project.folder("data") / f"{name}.csv")
    if with_results:
        for label, result in demo_results():
            project.save_result(result, label=label)
    if with_trial:
        create_demo_trial(project)
    return project


DEMO_TRIAL = "Föräldrastöd 2025"


def create_demo_trial(project: Project) -> None:
    """An open trial in the project's registry, so staff can try "Slumpa ny deltagare"."""
    from workbench.registry.api import Registry

    registry = Registry(path=project.path, key=project.pseudonym_key())
    try:
        registry.create_trial(
            DEMO_TRIAL, arms=("erbjudande", "kontroll"), scheme="block", block_sizes=(4, 6),
            strata={"stadsdel": ["Ekängen", "Hagalund", "Mälarstrand", "Solvik"]},
            inclusion_criteria=("Behovsbedömd av socialtjänsten", "Barn 3–12 år"),
            require_consent=True, owner="utvarderare", seed=20250101, by="utvarderare",
        )
    finally:
        registry.close()


def demo_results() -> list[tuple[str, object]]:
    """The analyses an evaluator would run on the demo, rung by rung, as (label, result)."""
    import workbench as wb

    trial = wb.load_sample("foraldrastod_rct")
    activities = wb.load_sample("aktiviteter").merge(
        trial[["förälder_id", "barnets_ålder", "ensamstående", "tolkbehov"]], on="förälder_id", how="left")
    flow = wb.activity_followup(
        activities, id="förälder_id",
        stages={"target_group": None, "i studien": "i_studien", "offered": "erbjuden",
                "started": "påbörjad", "completed": "fullföljd"},
        stage_labels={"i studien": "Samtyckte till studien"},
        dose="antal_träffar", planned_dose=12, dropout_reason="avbrottsorsak", dropout_time="avbrott_datum",
        subgroups=["stadsdel"], baseline=["barnets_ålder", "ensamstående", "tolkbehov"],
    )
    participants = trial[trial["deltog"] == 1]
    change = wb.prepost(participants, "stress_före", "stress_efter", id="förälder_id")
    alloc = trial[["förälder_id", "erbjuden", "stadsdel"]].rename(columns={"förälder_id": "participant_id"})
    alloc["arm"] = alloc.pop("erbjuden").map({1: "erbjudande", 0: "kontroll"})
    outcomes = trial.drop(columns=["erbjuden", "stadsdel"]).rename(columns={"förälder_id": "participant_id"})
    itt = wb.rct(outcomes, "stress_efter", "arm", allocations=alloc, id="participant_id",
                 entrants=alloc["participant_id"].tolist(), treated_arm="erbjudande",
                 method="lin", covariates=["stress_före"])
    return [
        ("Steg 2: aktivitetsuppföljning", flow),
        ("Steg 3: föräldrastress före och efter", change),
        ("Steg 5: effekt av erbjudandet (ITT)", itt),
    ]
