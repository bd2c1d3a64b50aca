"""Sample 2, ``barnavard_rct``: randomized home-based child-welfare investigations (rung 5).

Modelled on Stockholm's trial: investigations at high concern for small children moved into the
home. Started in one district, extended to five more; randomization (permuted blocks of 4 within
district, 1:1) was often bypassed before a digital tool arrived on 2023-06-01.

Notes
-----
Entry dates are uniform over the days each district was open (Björkhaga from 2022-03-01;
Solberga-Ekdal and Västerhöjden from 2023-01-01; Norrsätra, Tallbacken and Sjövik from
2023-09-01; inflow closes 2024-12-31). P(randomized) = 0.55 before 2023-06-01, 0.92 after.
Randomized children get the arm they were allocated (full compliance). Not-randomized children
are higher-risk cases (+0.03 placement risk) and get the intervention with probability 0.5.

Placement within 12 months: p₀ = base_stadsdel + 0.02·(våld − 0.2), base = (0.050, 0.045,
0.055, 0.040, 0.060, 0.050) (exposure-weighted mean 0.05); with the intervention p₀ − 0.015.
Re-report within 12 months: 0.30 + 0.05·(våld − 0.2), minus 0.05 with the intervention.
Investigation days: Normal(112, 25) ordinary, Normal(86, 20) home-based, 21–240, rounded.
The data were extracted 2024-09-30 + 12 months = 2025-09-30: children who entered after
2024-09-30 have no 12-month outcome yet (empty cells, ``uppföljning_12m_klar`` = 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "barnavard_rct"
SEED = 20220301
N = 1600
MIN_N = 40
DISTRICTS = ("Björkhaga", "Solberga-Ekdal", "Västerhöjden", "Norrsätra", "Tallbacken", "Sjövik")
STARTS = ("2022-03-01", "2023-01-01", "2023-01-01", "2023-09-01", "2023-09-01", "2023-09-01")
INFLOW_END = "2024-12-31"
TOOL_DATE = "2023-06-01"
FOLLOWUP_CUTOFF = "2024-09-30"
BASE_RISK = (0.050, 0.045, 0.055, 0.040, 0.060, 0.050)
ADHERENCE = (0.55, 0.92)
EFFECT_PLACEMENT = -0.015
EFFECT_REREPORT = -0.05
EFFECT_DAYS = -26.0
BIN_COLUMNS = ("våld_i_nära_relation", "ensamstående_förälder", "randomiserad", "fick_insats",
               "uppföljning_12m_klar", "placering_12m", "ny_orosanmälan_12m")

COLUMNS: tuple[Col, ...] = (
    Col("barn_id", "id", "Pseudonym för barnet (B + löpnummer i inskrivningsordning).",
        "Pseudonym of the child (B + serial number in order of entry)."),
    Col("stadsdel", "cat", "Stadsdel (stratum för randomiseringen; påhittade namn).",
        "District (randomization stratum; invented names)."),
    Col("inskrivningsdatum", "date", "Dag då utredningen inleddes; likformigt fördelad över stadsdelens "
        "öppna dagar.", "Day the investigation started; uniform over the district's open days."),
    Col("barnets_ålder", "int", "Barnets ålder, likformigt fördelad 0–6.", "Age of the child, uniform 0–6.",
        "år", "years"),
    Col("antal_tidigare_anmälningar", "int", "Tidigare orosanmälningar, Poisson(1,2).",
        "Earlier reports of concern, Poisson(1.2).", "antal", "count"),
    Col("våld_i_nära_relation", "bin", "1 = våld i nära relation i ärendet (20 %); höjer risken "
        "för placering med 2 procentenheter.", "1 = domestic violence in the case (20 %); raises "
        "placement risk by 2 percentage points."),
    Col("ensamstående_förälder", "bin", "1 = ensamstående förälder (40 %); ingen effekt.",
        "1 = single parent (40 %); no effect."),
    Col("randomiserad", "bin", "1 = inskriven via randomiseringen; 0 = gick förbi den (55 % "
        "randomiserade före 2023-06-01, 92 % efter).", "1 = entered through randomization; "
        "0 = bypassed it (55 % randomized before 2023-06-01, 92 % after)."),
    Col("grupp", "cat", "Lottad grupp: Insats eller Kontroll (block om 4 inom stadsdel); tom om "
        "ej randomiserad.", "Allocated arm: Insats (intervention) or Kontroll (control) (blocks "
        "of 4 within district); empty if not randomized."),
    Col("fick_insats", "bin", "1 = utredningen gjordes i hemmiljö. Randomiserade följer sin grupp; "
        "ej randomiserade fick insatsen med sannolikhet 0,5.", "1 = home-based investigation "
        "given. Randomized children follow their arm; others got it with probability 0.5."),
    Col("utredningstid_dagar", "int", "Utredningens längd. Sann effekt −26 dagar.",
        "Length of the investigation. True effect −26 days.", "dagar", "days"),
    Col("uppföljning_12m_klar", "bin", "1 = 12 månader har gått före uttaget (inskriven senast "
        "2024-09-30).", "1 = 12 months had passed before extraction (entered by 2024-09-30)."),
    Col("placering_12m", "bin", "1 = placerad utanför hemmet inom 12 månader; tom utan uppföljning. "
        "Sann effekt −0,015 (cirka 5 % mot 3,5 %).", "1 = placed outside the home within 12 "
        "months; empty without follow-up. True effect −0.015 (about 5 % vs 3.5 %)."),
    Col("placeringstyp", "cat", "Jourhem (40 %), Familjehem (40 %) eller HVB (20 %) för placerade.",
        "Emergency foster home, foster home (Familjehem) or residential care (HVB) if placed."),
    Col("ny_orosanmälan_12m", "bin", "1 = ny orosanmälan inom 12 månader; tom utan uppföljning. "
        "Sann effekt −0,05 (30 % mot 25 %).", "1 = new report of concern within 12 months; empty "
        "without follow-up. True effect −0.05 (30 % vs 25 %)."),
)


def _days(a: str, b: str) -> int:
    import numpy as np

    return int((np.datetime64(b, "D") - np.datetime64(a, "D")).astype(int))


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """Entrants, allocation and 12-month outcomes (see module Notes)."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._common import ids
    from workbench.data.samples._spec import finish

    n = N if n is None else n
    rng = np.random.default_rng(seed)
    open_days = np.array([_days(s, INFLOW_END) + 1 for s in STARTS])
    d = rng.choice(len(DISTRICTS), size=n, p=open_days / open_days.sum())
    offset = np.array([_days("2022-03-01", s) for s in STARTS])[d]
    day = offset + np.floor(rng.random(n) * open_days[d]).astype(int)
    order = np.lexsort((rng.random(n), day))
    d, day = d[order], day[order]
    date = np.datetime64("2022-03-01", "D") + day
    age = rng.integers(0, 7, n)
    prior = rng.poisson(1.2, n)
    violence = rng.random(n) < 0.20
    single = rng.random(n) < 0.40
    before_tool = date < np.datetime64(TOOL_DATE, "D")
    randomized = rng.random(n) < np.where(before_tool, ADHERENCE[0], ADHERENCE[1])
    arm = np.full(n, "", dtype=object)
    for k in range(len(DISTRICTS)):
        rows = np.flatnonzero(randomized & (d == k))
        blocks = -(-len(rows) // 4)
        seq = np.concatenate([rng.permutation([1, 1, 0, 0]) for _ in range(blocks)])[: len(rows)]
        arm[rows] = np.where(seq == 1, "Insats", "Kontroll")
    got = np.where(randomized, arm == "Insats", rng.random(n) < 0.5)
    p_place = (np.array(BASE_RISK)[d] + 0.02 * (violence - 0.2) + 0.03 * ~randomized
               + EFFECT_PLACEMENT * got)
    placed = rng.random(n) < p_place
    p_rereport = 0.30 + 0.05 * (violence - 0.2) + 0.05 * ~randomized + EFFECT_REREPORT * got
    rereport = rng.random(n) < p_rereport
    inv_days = np.where(got, rng.normal(86, 20, n), rng.normal(112, 25, n))
    inv_days = np.clip(np.round(inv_days), 21, 240)
    kind = np.array(["Jourhem", "Familjehem", "HVB"])[rng.choice(3, size=n, p=[0.4, 0.4, 0.2])]
    followed = date <= np.datetime64(FOLLOWUP_CUTOFF, "D")
    frame = pd.DataFrame({
        "barn_id": ids("B", n),
        "stadsdel": np.array(DISTRICTS)[d],
        "inskrivningsdatum": date.astype(str),
        "barnets_ålder": age,
        "antal_tidigare_anmälningar": prior,
        "våld_i_nära_relation": violence.astype(int),
        "ensamstående_förälder": single.astype(int),
        "randomiserad": randomized.astype(int),
        "grupp": pd.Series(arm).replace("", None).to_numpy(dtype=object),
        "fick_insats": got.astype(int),
        "utredningstid_dagar": inv_days,
        "uppföljning_12m_klar": followed.astype(int),
        "placering_12m": np.where(followed, placed.astype(float), np.nan),
        "placeringstyp": np.where(followed & placed, kind, None),
        "ny_orosanmälan_12m": np.where(followed, rereport.astype(float), np.nan),
    })
    return finish(frame, COLUMNS)


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: Ja/Nej for 0/1, district spelling variants, Excel datetimes."""
    import numpy as np

    from workbench.data.samples._common import pick
    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    rng = np.random.default_rng(seed + 1)
    for c in BIN_COLUMNS:
        text[c] = text[c].replace({"1": "Ja", "0": "Nej"})
    district = text["stadsdel"].to_numpy(dtype=object)
    for r in pick(rng, len(text), 0.02):
        district[r] = district[r] + " " if rng.random() < 0.5 else district[r].upper()
    text["stadsdel"] = district.astype(str)
    dates = text["inskrivningsdatum"].to_numpy(dtype=object)
    for r in pick(rng, len(text), 0.01):
        dates[r] = dates[r] + " 00:00:00"
    text["inskrivningsdatum"] = dates.astype(str)
    return text


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: Ja/Nej to 1/0, district names by case-insensitive match, dates' time part."""
    text = text.copy()
    for c in BIN_COLUMNS:
        text[c] = text[c].str.strip().str.lower().replace({"ja": "1", "nej": "0"})
    canonical = {d.casefold(): d for d in DISTRICTS}
    text["stadsdel"] = text["stadsdel"].str.strip().map(lambda v: canonical.get(v.casefold(), v))
    text["inskrivningsdatum"] = text["inskrivningsdatum"].str.slice(0, 10)
    return text


def _expected_adherence() -> float:
    total = before = 0
    for start in STARTS:
        days = _days(start, INFLOW_END) + 1
        pre = max(0, min(days, _days(start, TOOL_DATE)))
        total += days
        before += pre
    return (before * ADHERENCE[0] + (total - before) * ADHERENCE[1]) / total


def truth() -> dict[str, Any]:
    """True parameters of ``barnavard_rct``."""
    days = [_days(s, INFLOW_END) + 1 for s in STARTS]
    control = sum(b * w for b, w in zip(BASE_RISK, days)) / sum(days)
    return {
        "dataset": NAME,
        "seed": SEED,
        "n": N,
        "design": "individually randomized 1:1, permuted blocks of 4 within district (strata)",
        "estimand": "ATE among randomized children (full compliance, so ITT = ATE)",
        "effects": {"placering_12m": EFFECT_PLACEMENT, "ny_orosanmälan_12m": EFFECT_REREPORT,
                    "utredningstid_dagar": EFFECT_DAYS},
        "control_risk_expected": {"placering_12m": round(control, 4), "ny_orosanmälan_12m": 0.30},
        "treated_risk_expected": {"placering_12m": round(control + EFFECT_PLACEMENT, 4),
                                  "ny_orosanmälan_12m": 0.25},
        "strata": "stadsdel",
        "district_start": dict(zip(DISTRICTS, STARTS)),
        "adherence": {"before_" + TOOL_DATE: ADHERENCE[0], "from_" + TOOL_DATE: ADHERENCE[1],
                      "overall_expected": round(_expected_adherence(), 3)},
        "not_randomized": "higher risk (+0.03 placement, +0.05 re-report); got the intervention "
                          "with probability 0.5: comparing fick_insats over all entrants is biased "
                          "against the intervention",
        "followup": "12-month outcomes exist for entrants up to " + FOLLOWUP_CUTOFF,
        "right_design": "difference in means (or stratified by district) among randomiserad = 1 "
                        "with uppföljning_12m_klar = 1, by grupp",
        "power_note": "about 1,100 randomized children with follow-up cannot detect 5 % vs 3.5 % "
                      "with 80 % power at alpha 0.05 (about 1,400 per arm, 2,800 in all, needed)",
    }


README = {
    "sv": "Barn 0–6 år som utreds vid hög oro. Insatsen (utredning i hemmiljö) randomiserades inom "
          "stadsdel, men före 2023-06-01 gick många inskrivningar förbi randomiseringen "
          "(kolumnen randomiserad). Placering inom 12 månader är ovanlig (cirka 5 % mot 3,5 %), "
          "så styrkan räcker inte. Egenheter i filen: 0/1-kolumner står som Ja/Nej, några "
          "stadsdelsnamn har avslutande mellanslag eller versaler och några datum har klockslag "
          "(2023-04-05 00:00:00).",
    "en": "Children aged 0–6 investigated at high concern. The intervention (home-based "
          "investigation) was randomized within district, but before 2023-06-01 many entrants "
          "bypassed randomization (column randomiserad). Placement within 12 months is rare (about "
          "5 % vs 3.5 %), so power is not enough. Oddities in the file: 0/1 columns are written "
          "Ja/Nej, some district names have a trailing space or capitals, and some dates carry a "
          "time (2023-04-05 00:00:00).",
}
