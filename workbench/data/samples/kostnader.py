"""Sample 7, ``kostnader``: costs and calculated savings of Hela familjen (``hela_familjen``).

Monthly ledger rows (utfall huvudbok) for the project's costs in 2018–2020, annual funding rows,
and annual *calculated* savings and revenues per budget holder for 2018–2024 built from the true
effects in ``hela_familjen``: costs land in one budget (the district), savings in others (the
social assistance unit, central tax income, the region, the state) and in later years.

Notes
-----
Planned monthly costs (year 2018; salaries +2.5 % a year)::

    caseworkers  = ceil(families/25) · 38 500 · 1.3142   (employer contributions 31.42 %)
    project lead = 0.5 · 45 000 · 1.3142
    overhead     = 12 % of the two staff costs
    activities   = 8 000 per month;  supervision 18 000 per quarter (months 3, 6, 9, 12)

Ledger outcomes are planned · (1 + Normal(0, 0.02)) for staff and overhead, Normal(8 000, 2 500)
for activities, rounded to whole kronor. Extra self-supporting households in year k:
families · τ_k with τ = (0.05, 0.10, 0.15) in 2018–2020, then the 2020 level · 0.85^(year − 2020).
Per household and year: social assistance 14 400 · 12, municipal tax 26 000 · 0.2124 · 12,
regional tax 26 000 · 0.1118 · 12, state transfers 2 000 · 12. The ordinary caseload the
programme replaces (families/80 caseworkers) is an avoided cost of the district.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "kostnader"
SEED = 20180102
N = 75
MIN_N = 10
YEARS = (2018, 2019, 2020)
SAVING_YEARS = tuple(range(2018, 2025))
TAU = (0.05, 0.10, 0.15)
PERSISTENCE = 0.85
PO = 1.3142
SALARY_CW, SALARY_PL = 38_500, 45_000
OVERHEAD = 0.12
ACTIVITY, SUPERVISION = 8_000, 18_000
RAISE = 0.025
DISCOUNT_RATE = 0.035
PER_HOUSEHOLD_MONTH = {
    ("Arbetsmarknads- och socialförvaltningen", "Minskat försörjningsstöd", "Besparing"): 14_400,
    ("Kommunstyrelsen (skatteintäkter)", "Ökade kommunala skatteintäkter", "Intäkt"): round(26_000 * 0.2124),
    ("Region Skåne", "Ökade regionala skatteintäkter", "Intäkt"): round(26_000 * 0.1118),
    ("Staten", "Minskade bidrag (bostadsbidrag m.m.)", "Besparing"): 2_000,
}
DISTRICT = "Stadsområde Söder"
FUND = "Sociala investeringsfonden"
PROJECT = "SI-2018-03"

COLUMNS: tuple[Col, ...] = (
    Col("år", "int", "Budgetår (kalenderår) som beloppet avser.",
        "Budget year (calendar year) the amount belongs to."),
    Col("månad", "int", "Månad 1–12 för rader ur huvudboken; tom för årsrader.",
        "Month 1–12 for ledger rows; empty for annual rows."),
    Col("budgetansvarig", "cat", "Den som bär kostnaden eller får besparingen.",
        "The budget holder who bears the cost or gets the saving."),
    Col("post", "cat", "Kostnads- eller besparingspost.", "Cost or saving item."),
    Col("typ", "cat", "Kostnad, Intäkt eller Besparing (alla belopp är positiva).",
        "Kostnad (cost), Intäkt (revenue) or Besparing (saving); all amounts are positive."),
    Col("belopp_kr", "int", "Belopp i kronor, löpande priser.", "Amount in SEK, current prices.",
        "kr", "SEK"),
    Col("källa", "cat", "Utfall huvudbok (bokfört), Budget (beslutad finansiering) eller "
        "Beräkning (beräknad med de sanna effekterna i hela_familjen).", "Ledger outcome, Budget "
        "(decided funding) or Beräkning (calculated with the true effects in hela_familjen)."),
    Col("projektkod", "cat", "Projektkod i ekonomisystemet.", "Project code in the ledger."),
)


def _planned(families: int) -> dict[str, float]:
    workers = math.ceil(families / 25)
    cw = workers * SALARY_CW * PO
    pl = 0.5 * SALARY_PL * PO
    return {"cw": cw, "pl": pl, "oh": OVERHEAD * (cw + pl), "workers": workers}


def _extra_households(families: int) -> dict[int, float]:
    out = {y: families * t for y, t in zip(YEARS, TAU)}
    for y in SAVING_YEARS:
        if y > YEARS[-1]:
            out[y] = families * TAU[-1] * PERSISTENCE ** (y - YEARS[-1])
    return out


def _calculated_rows(families: int) -> list[dict[str, Any]]:
    rows = []
    extra = _extra_households(families)
    for y in SAVING_YEARS:
        for (holder, post, kind), monthly in PER_HOUSEHOLD_MONTH.items():
            rows.append({"år": y, "månad": None, "budgetansvarig": holder, "post": post,
                         "typ": kind, "belopp_kr": round(extra[y] * monthly * 12),
                         "källa": "Beräkning"})
    for i, y in enumerate(YEARS):
        ordinary = families / 80 * SALARY_CW * PO * 12 * (1 + RAISE) ** i
        rows.append({"år": y, "månad": None, "budgetansvarig": DISTRICT,
                     "post": "Undviken ordinarie handläggning", "typ": "Besparing",
                     "belopp_kr": round(ordinary), "källa": "Beräkning"})
    return rows


def _annual_planned_cost(families: int, i: int) -> float:
    p = _planned(families)
    return (p["cw"] + p["pl"] + p["oh"]) * 12 * (1 + RAISE) ** i + ACTIVITY * 12 + SUPERVISION * 4


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """Ledger, funding and calculated-saving rows for ``n`` families (default 75)."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._spec import finish

    families = N if n is None else n
    rng = np.random.default_rng(seed)
    p = _planned(families)
    rows: list[dict[str, Any]] = []
    staff = f"Socialsekreterare ({p['workers']} heltid)"
    for i, y in enumerate(YEARS):
        raise_ = (1 + RAISE) ** i
        for m in range(1, 13):
            items = [(staff, p["cw"] * raise_ * (1 + rng.normal(0, 0.02))),
                     ("Projektledning (50 %)", p["pl"] * raise_ * (1 + rng.normal(0, 0.02))),
                     ("Lokaler och overhead", p["oh"] * raise_ * (1 + rng.normal(0, 0.02))),
                     ("Aktivitetsmedel till familjer", max(0.0, rng.normal(ACTIVITY, 2_500)))]
            if m % 3 == 0:
                items.append(("Handledning och utbildning", SUPERVISION))
            for post, amount in items:
                rows.append({"år": y, "månad": m, "budgetansvarig": DISTRICT, "post": post,
                             "typ": "Kostnad", "belopp_kr": round(amount), "källa": "Utfall huvudbok"})
        funding = round(_annual_planned_cost(families, i))
        rows.append({"år": y, "månad": None, "budgetansvarig": FUND, "post": "Finansiering av "
                     "projektet", "typ": "Kostnad", "belopp_kr": funding, "källa": "Budget"})
        rows.append({"år": y, "månad": None, "budgetansvarig": DISTRICT, "post": "Medel från "
                     "sociala investeringsfonden", "typ": "Intäkt", "belopp_kr": funding,
                     "källa": "Budget"})
    rows.extend(_calculated_rows(families))
    frame = pd.DataFrame(rows)
    frame["projektkod"] = PROJECT
    return finish(frame, COLUMNS)


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: thousands separators in amounts and a 'Summa' row at the end."""
    import pandas as pd

    from workbench.data.samples._common import thousands
    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    total = {c.name: "" for c in COLUMNS}
    total.update({"post": "Summa", "belopp_kr": str(int(df["belopp_kr"].sum()))})
    text = pd.concat([text, pd.DataFrame([total], dtype="str")], ignore_index=True)
    text["belopp_kr"] = thousands(text["belopp_kr"])
    return text


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: drop the 'Summa' row, strip thousands separators."""
    from workbench.data.samples._common import unthousands

    text = text[text["post"].str.strip() != "Summa"].reset_index(drop=True)
    text["belopp_kr"] = unthousands(text["belopp_kr"])
    return text


def truth() -> dict[str, Any]:
    """True parameters of ``kostnader`` (planned costs, calculated flows, payback)."""
    families = N
    planned_cost = {y: round(_annual_planned_cost(families, i)) for i, y in enumerate(YEARS)}
    flows: dict[str, dict[int, int]] = {}
    for r in _calculated_rows(families):
        flows.setdefault(r["budgetansvarig"], {})[r["år"]] = r["belopp_kr"]
    municipal = {"Arbetsmarknads- och socialförvaltningen", "Kommunstyrelsen (skatteintäkter)", DISTRICT}
    net = {}
    for y in SAVING_YEARS:
        gain = sum(v.get(y, 0) for k, v in flows.items() if k in municipal)
        net[y] = gain - planned_cost.get(y, 0)
    cumulative, payback = 0, None
    npv = 0.0
    for i, y in enumerate(SAVING_YEARS):
        cumulative += net[y]
        npv += net[y] / (1 + DISCOUNT_RATE) ** i
        if payback is None and cumulative >= 0:
            payback = y
    return {
        "dataset": NAME,
        "seed": SEED,
        "families": families,
        "linked_to": "hela_familjen (effects τ = 0.05, 0.10, 0.15 on self-support in years 1–3)",
        "planned_cost_per_year_kr": {str(k): v for k, v in planned_cost.items()},
        "extra_self_supporting_households": {str(k): round(v, 3) for k, v in
                                             _extra_households(families).items()},
        "persistence_after_programme": PERSISTENCE,
        "per_household_and_month_kr": {f"{h} / {p}": v for (h, p, _), v in PER_HOUSEHOLD_MONTH.items()},
        "calculated_flows_kr": {h: {str(y): v for y, v in d.items()} for h, d in flows.items()},
        "municipal_net_per_year_kr": {str(k): v for k, v in net.items()},
        "municipal_perspective": sorted(municipal),
        "municipal_net_definition": "calculated savings and revenues of the municipal budget "
                                    "holders minus the planned project cost (paid by the fund)",
        "discount_rate": DISCOUNT_RATE,
        "municipal_npv_2018_kr": round(npv),
        "municipal_payback_year": payback,
        "note": "ledger costs (Utfall huvudbok) scatter around the planned costs; calculated rows "
                "equal these flows exactly",
    }


README = {
    "sv": "Kostnadssidan för Hela familjen: månatliga utfall ur huvudboken 2018–2020 för "
          "stadsområdet som bär kostnaden, finansieringen från den sociala investeringsfonden, "
          "och beräknade besparingar och intäkter per budgetansvarig och år 2018–2024 (minskat "
          "försörjningsstöd, skatteintäkter, regionen, staten). Besparingarna hamnar i andra "
          "budgetar och senare år än kostnaderna. Egenheter i filen: belopp med hårt mellanslag "
          "som tusentalsavgränsare och en summarad sist.",
    "en": "The cost side of Hela familjen: monthly ledger outcomes 2018–2020 for the district that "
          "bears the cost, the funding from the social investment fund, and calculated savings and "
          "revenues per budget holder and year 2018–2024 (less social assistance, tax income, the "
          "region, the state). Savings land in other budgets and later years than the costs. "
          "Oddities in the file: amounts with a non-breaking space as thousands separator and a "
          "total row at the end.",
}
