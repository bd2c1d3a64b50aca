"""The demo project: "Föräldrastöd", described for rung 1 and climbed to rung 5 with the teaching data.

``workbench demo`` (and ``make demo``) builds it in a fresh folder and serves the staff app on it.
The parent-support trial of the seeds is the one case the teaching data carry through every rung:
activity follow-up (``aktiviteter``), before/after and the randomized offer (``foraldrastod_rct``).
All data are synthetic (``data_samples/``); nothing here is about real people.

The registry holds two trials: ``DEMO_TRIAL``, open and empty, for staff to try "Slumpa ny
deltagare"; and ``FOLLOWED_TRIAL``, the teaching cohort randomized and measured through the
registry — parental stress at baseline, after the programme and 24 months later
(:func:`create_followed_trial`) — so the rung-5 results come from ``reg.measurements()`` with no
spreadsheet in between.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.project.folder import Project

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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
    if with_trial:
        create_demo_trial(project)
        create_followed_trial(project)
    if with_results:
        for label, result in demo_results(project if with_trial else None):
            project.save_result(result, label=label)
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


FOLLOWED_TRIAL = "Föräldrastöd 2021–2022 (uppföljd)"
INDICATOR = "Föräldrastress"
#: the synthetic effect of the offer on stress: as in the teaching data at the end, halved at 24 months
EFFECT_END, EFFECT_24 = -3.6, -1.8
#: the teaching cohort is placed this many years earlier, so its 24-month follow-up has happened
SHIFT_YEARS = 2


def followed_cohort(arms: dict[str, str], *, seed: int = 20210101) -> "pd.DataFrame":
    """Synthetic measurements of the teaching cohort for the arms the registry drew.

    From ``foraldrastod_rct``: baseline = ``stress_före``; after = ``stress_efter`` with the teaching
    effect of the offer (−3.6) moved from the teaching data's arm to the registry's arm (missing
    where the teaching data miss it); 24 months = after, with the effect halved (−1.8) and noise
    N(0, 4²), missing for about 18 % of the offered and 34 % of the controls (differential attrition,
    on purpose). Dates: baseline on the assessment date, after 6 and 24 months later, everything
    ``SHIFT_YEARS`` earlier than in the teaching data. Values are rounded and kept within 0–100.
    """
    import numpy as np
    import pandas as pd

    import workbench as wb

    data = wb.load_sample("foraldrastod_rct")
    rng = np.random.default_rng(seed)
    offered = data["förälder_id"].map(arms).eq("erbjudande").to_numpy()
    moved = EFFECT_END * (offered.astype(float) - data["erbjuden"].to_numpy(float))
    after = (data["stress_efter"] + moved).round().clip(0, 100)
    late = (after - (EFFECT_END - EFFECT_24) * offered + rng.normal(0, 4, len(data))).round().clip(0, 100)
    lost = rng.random(len(data)) < np.where(offered, 0.18, 0.34)
    start = pd.to_datetime(data["bedömningsdatum"]) - pd.DateOffset(years=SHIFT_YEARS)
    return pd.DataFrame({
        "participant_id": data["förälder_id"], "stadsdel": data["stadsdel"], "start": start.dt.date,
        "baslinje": data["stress_före"], "efter": after, "uppfoljning_24": late.where(~lost),
        "datum_baslinje": start.dt.date, "datum_efter": (start + pd.DateOffset(months=6)).dt.date,
        "datum_24": (start + pd.DateOffset(months=24)).dt.date})


def create_followed_trial(project: Project) -> None:
    """The teaching cohort registered, randomized and measured through the project's registry."""
    import pandas as pd

    import workbench as wb
    from workbench.registry.api import Registry

    by = "utvarderare"
    registry = Registry(path=project.path, key=project.pseudonym_key())
    try:
        levels = ["Ekängen", "Hagalund", "Mälarstrand", "Solvik"]
        trial = registry.create_trial(FOLLOWED_TRIAL, arms=("erbjudande", "kontroll"), scheme="block",
                                      block_sizes=(4,), strata={"stadsdel": levels}, owner=by, seed=20210101,
                                      by=by)
        data = wb.load_sample("foraldrastod_rct")
        arms = {}
        for pid, district, day in zip(data["förälder_id"], data["stadsdel"], data["bedömningsdatum"],
                                      strict=True):
            registry.register_participant(pid, by=by, district=district,
                                          registered_on=(day - pd.DateOffset(years=SHIFT_YEARS)).date())
            arms[pid] = trial.randomize(pid, strata={"stadsdel": district}, by=by).arm
        cohort = followed_cohort(arms)
        registry.import_measurements(cohort, participant="participant_id", indicator=INDICATOR, by=by,
                                     occasions={"baslinje": "baslinje", "efter": "efter",
                                                "uppfoljning_24": "uppfoljning_24"},
                                     dates={"baslinje": "datum_baslinje", "efter": "datum_efter",
                                            "uppfoljning_24": "datum_24"}, source="demo:foraldrastod_rct")
        trial.close(by=by, reason="Rekryteringen avslutad")
    finally:
        registry.close()


def registry_results(project: Project) -> list[tuple[str, object]]:
    """Rung 5 from the registry: ITT after the programme, and the effect at end and 24 months."""
    from workbench.registry.api import Registry

    import workbench as wb

    registry = Registry(path=project.path, key=project.pseudonym_key())
    try:
        trial = registry.trial(FOLLOWED_TRIAL)
        wide = registry.measurements(INDICATOR, wide=True, trial=FOLLOWED_TRIAL)
        adherence = trial.adherence(registry.participants_table()["participant_id"].tolist())
        itt = wb.rct(wide, "efter", "arm", treated_arm="erbjudande", method="lin", covariates=["baslinje"],
                     adherence=adherence, label="Föräldrastress efter insatsen")
        held = registry.longterm(INDICATOR, ["efter", "uppfoljning_24"], trial=FOLLOWED_TRIAL,
                                 treated_arm="erbjudande", method="lin", covariates=["baslinje"],
                                 adherence=adherence, label="Höll effekten i sig?")
    finally:
        registry.close()
    return [("Steg 5: effekt av erbjudandet (ITT)", itt),
            ("Steg 5: höll effekten i sig? (efter insatsen och 24 månader)", held)]


def demo_results(project: Project | None = None) -> list[tuple[str, object]]:
    """The analyses an evaluator would run on the demo, rung by rung, as (label, result).

    With a ``project`` whose registry holds the followed trial, rung 5 is computed from the
    registry's measurements (:func:`registry_results`); otherwise from the teaching data.
    """
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
    early = [("Steg 2: aktivitetsuppföljning", flow), ("Steg 3: föräldrastress före och efter", change)]
    if project is not None:
        return early + registry_results(project)
    itt = wb.rct(outcomes, "stress_efter", "arm", allocations=alloc, id="participant_id",
                 entrants=alloc["participant_id"].tolist(), treated_arm="erbjudande",
                 method="lin", covariates=["stress_före"])
    return [*early, ("Steg 5: effekt av erbjudandet (ITT)", itt)]
