"""The district-by-month panel behind ``hemloshet_stadsdelar`` and its staggered version.

Modelled on the homelessness-prevention project in the seed texts: its outcome, social assistance
paid for housing (försörjningsstöd till boende), is already reported monthly for every district in
the statistics used for budgeting, so an area-level comparison needs no new data collection.

Notes
-----
Additive two-way model, so parallel trends hold by construction and the two-way fixed-effects
difference-in-differences is unbiased::

    tkr[d, t] = α_d + λ_t + τ·D[d, t] + ε[d, t],      ε ~ Normal(0, 35) independent
    λ_t = 1.5·t + 40·sin(2π·(month − 1)/12 + 1.2) + 60·[2020-04 ≤ t ≤ 2020-12]
    α_d = folkmängd_d / 1000 · rate_d,  rate_d ~ Uniform(8, 25) tkr per 1,000 inhabitants
    households[d, t] = round((α_d + λ_t)/6.5 + κ·D[d, t] + Normal(0, 4))

with τ = −90 tkr per month and κ = −12 households from the start month on (constant effect).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

FIRST_MONTH = "2019-01"
N_MONTHS = 72
EFFECT_TKR = -90.0
EFFECT_HOUSEHOLDS = -12.0
NOISE_SD = 35.0
DISTRICTS = ("Västerby", "Norrsätra", "Björkhaga", "Solberga-Ekdal", "Tallbacken", "Sjövik",
             "Hagalund", "Ekängen", "Mälarstrand", "Lindåsen", "Granhöjden", "Stenhamra-Berg",
             "Ängsdal", "Östra Årsta")
TOTAL_LABEL = "Hela staden"
MISSING_DISTRICT = "Granhöjden"
MISSING_MONTHS = ("2020-07", "2020-08")
DASH_DISTRICT = "Solberga-Ekdal"
DASH_YEAR = "2021"

COLUMNS: tuple[Col, ...] = (
    Col("stadsdel", "cat", "Stadsdel (påhittade namn); 'Område 00001 …' i registerskala.",
        "District (invented names); 'Område 00001 …' at register scale."),
    Col("månad", "month", "Redovisningsmånad 2019-01 – 2024-12.", "Reporting month 2019-01 – 2024-12."),
    Col("tid", "int", "Löpnummer för månaden, 1 = 2019-01.", "Month number, 1 = 2019-01."),
    Col("folkmängd", "int", "Invånare i stadsdelen, 20 000–90 000, växer 0,4 % per år; påverkar "
        "nivån men inte förändringen.", "Inhabitants of the district, 20,000–90,000, growing "
        "0.4 % a year; affects the level but not the change.", "personer", "persons"),
    Col("hushåll_med_boendebistånd", "int", "Hushåll som fått försörjningsstöd till boende under "
        "månaden. Sann effekt −12 hushåll.", "Households paid social assistance for housing in the "
        "month. True effect −12 households.", "antal", "count"),
    Col("försörjningsstöd_boende_tkr", "float", "Utbetalt försörjningsstöd till boende. Nivå per "
        "stadsdel + gemensam trend, säsong och pandemitopp + brus (sd 35). Sann effekt −90 tkr "
        "per månad från projektstart.", "Social assistance paid for housing. District level + "
        "common trend, season and pandemic peak + noise (sd 35). True effect −90 kSEK per month "
        "from the project start.", "tkr (tusen kronor)", "kSEK (thousand SEK)", 1),
    Col("projekt_aktivt", "bin", "1 = stadsdelens förebyggande projekt pågår denna månad.",
        "1 = the district's prevention project runs this month."),
)


def month_labels() -> list[str]:
    from workbench.data.samples._common import months

    return months(FIRST_MONTH, N_MONTHS)


def unit_names(n: int | None) -> list[str]:
    """The 14 districts, or ``Område 00001 …`` for a register-scale panel of ``n`` areas."""
    if n is None or n == len(DISTRICTS):
        return list(DISTRICTS)
    width = max(5, len(str(n)))
    return [f"Område {i:0{width}d}" for i in range(1, n + 1)]


def simulate(seed: int, names: list[str], starts: dict[int, int]) -> "pd.DataFrame":
    """Long panel, month blocks in district order; ``starts`` maps unit position → start ``tid``."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n, t = len(names), N_MONTHS
    pop0 = rng.uniform(20_000, 90_000, n)
    rate = rng.uniform(8, 25, n)
    alpha = pop0 / 1000 * rate
    tid = np.arange(1, t + 1)
    month_of_year = (tid - 1) % 12 + 1
    covid = (tid >= 16) & (tid <= 24)
    lam = 1.5 * tid + 40 * np.sin(2 * np.pi * (month_of_year - 1) / 12 + 1.2) + 60 * covid
    start = np.full(n, t + 1)
    for unit, first in starts.items():
        start[unit] = first
    active = tid[:, None] >= start[None, :]  # months × units
    tkr = alpha[None, :] + lam[:, None] + EFFECT_TKR * active + rng.normal(0, NOISE_SD, (t, n))
    hh = np.round((alpha[None, :] + lam[:, None]) / 6.5 + EFFECT_HOUSEHOLDS * active
                  + rng.normal(0, 4, (t, n)))
    pop = np.round(pop0[None, :] * (1 + 0.004 * (tid[:, None] - 1) / 12))
    return pd.DataFrame({
        "stadsdel": np.tile(np.array(names), t),
        "månad": np.repeat(np.array(month_labels()), n),
        "tid": np.repeat(tid, n),
        "folkmängd": pop.ravel(),
        "hushåll_med_boendebistånd": hh.ravel(),
        "försörjningsstöd_boende_tkr": np.round(tkr.ravel(), 1),
        "projekt_aktivt": active.ravel().astype(int),
    })


def with_missing(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Two months that one district never reported (the shipped file only)."""
    import numpy as np

    gone = (frame["stadsdel"] == MISSING_DISTRICT) & frame["månad"].isin(MISSING_MONTHS)
    frame = frame.copy()
    for c in ("hushåll_med_boendebistånd", "försörjningsstöd_boende_tkr"):
        frame[c] = frame[c].where(~gone, np.nan)
    return frame


def export(df: "pd.DataFrame") -> "pd.DataFrame":
    """Text cells with the oddities: a 'Hela staden' total row per month; an en dash in one name."""
    import pandas as pd

    from workbench.data.samples._spec import format_frame

    parts = []
    for month, block in df.groupby("månad", sort=True):
        total = pd.DataFrame({
            "stadsdel": [TOTAL_LABEL], "månad": [month], "tid": [block["tid"].iloc[0]],
            "folkmängd": [block["folkmängd"].sum()],
            "hushåll_med_boendebistånd": [block["hushåll_med_boendebistånd"].sum()],
            "försörjningsstöd_boende_tkr": [round(float(block["försörjningsstöd_boende_tkr"].sum()), 1)],
            "projekt_aktivt": [float("nan")],
        })
        parts.append(format_frame(block, COLUMNS))
        parts.append(format_frame(total, COLUMNS))
    text = pd.concat(parts, ignore_index=True)
    dash = (text["stadsdel"] == DASH_DISTRICT) & text["månad"].str.startswith(DASH_YEAR)
    text.loc[dash, "stadsdel"] = DASH_DISTRICT.replace("-", "\u2013")
    return text


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: drop the total rows; en dash back to a hyphen."""
    text = text[text["stadsdel"].str.strip() != TOTAL_LABEL].reset_index(drop=True)
    text["stadsdel"] = text["stadsdel"].str.replace("\u2013", "-", regex=False)
    return text


def truth_common() -> dict:
    """The parts of the true parameters both panel datasets share."""
    return {
        "design": "district × month panel; additive two-way model, parallel trends hold",
        "unit": "stadsdel",
        "time": "tid",
        "treated_indicator": "projekt_aktivt",
        "effects": {"försörjningsstöd_boende_tkr": EFFECT_TKR,
                    "hushåll_med_boendebistånd": EFFECT_HOUSEHOLDS},
        "effect_shape": "constant from the start month, no anticipation",
        "noise_sd": {"försörjningsstöd_boende_tkr": NOISE_SD, "hushåll_med_boendebistånd": 4.0},
        "common_time_effects": "1.5 tkr/month trend + season (amplitude 40) + 60 tkr 2020-04 – 2020-12",
        "missing": {MISSING_DISTRICT: list(MISSING_MONTHS)},
        "right_design": "difference-in-differences with district and month fixed effects "
                        "(two-way fixed effects); errors are independent, so classical OLS "
                        "standard errors are valid",
        "register_scale": "generate(name, n=5000): 5,000 areas × 72 months, same model",
    }
