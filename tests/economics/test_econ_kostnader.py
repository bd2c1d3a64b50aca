"""The teaching data ``kostnader`` recovers its known NPV and payback year, by two routes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import EconomicsError
from workbench.economics.analysis import cost_benefit
from workbench.economics.costs import CostItem, overhead, staff
from workbench.economics.valuation import Outcome

ROOT = Path(__file__).resolve().parents[2]
TRUTH = json.loads((ROOT / "data_samples" / "kostnader" / "truth.json").read_text(encoding="utf-8"))
MUNICIPAL = {"Sociala investeringsfonden": "kommun", "Stadsområde Söder": "kommun",
             "Arbetsmarknads- och socialförvaltningen": "kommun", "Kommunstyrelsen (skatteintäkter)": "kommun",
             "Region Skåne": "region", "Staten": "stat"}


@pytest.fixture(scope="module")
def data():
    return wb.load_sample("kostnader")


def hand_npv() -> float:
    """The municipal NPV from the sample's stated true parameters, written out by hand.

    Costs (2018, +2.5 % a year on staff and overhead): caseworkers ceil(75/25)=3 · 38 500 · 1.3142,
    project lead 0.5 · 45 000 · 1.3142, overhead 12 % of both, activities 8 000 a month,
    supervision 18 000 a quarter. Savings: households 75 · τ_y with τ = .05, .10, .15 then · 0.85^k;
    per household and month 14 400 (social assistance) + 26 000 · 0.2124 (municipal tax); the
    ordinary caseload avoided, 75/80 caseworkers at 38 500 · 1.3142 (+2.5 %), in 2018-2020.
    """
    staff_month = 3 * 38_500 * 1.3142 + 0.5 * 45_000 * 1.3142
    households = [75 * 0.05, 75 * 0.10, 75 * 0.15] + [75 * 0.15 * 0.85**k for k in range(1, 5)]
    total = 0.0
    for t in range(7):
        cost = (staff_month * 1.12 * 12 * 1.025**t + 8_000 * 12 + 18_000 * 4) if t < 3 else 0.0
        caseload = 75 / 80 * 38_500 * 1.3142 * 12 * 1.025**t if t < 3 else 0.0
        saving = households[t] * 12 * (14_400 + round(26_000 * 0.2124))
        total += (saving + caseload - cost) / 1.035**t
    return total


def test_truth_and_hand_formula_agree():
    assert hand_npv() == pytest.approx(TRUTH["municipal_npv_2018_kr"], abs=50)


def test_table_route_recovers_known_npv(data):
    r = cost_benefit(data, cost_source="Budget", benefit_source="Beräkning", holders=MUNICIPAL,
                     discount_rate=TRUTH["discount_rate"])
    assert r.npv == pytest.approx(TRUTH["municipal_npv_2018_kr"], abs=1.0)
    assert r.npv == pytest.approx(hand_npv(), abs=50)
    assert r.payback_year == TRUTH["municipal_payback_year"]
    yearly = r.yearly[r.yearly["in_perspective"]].groupby("year")["net"].sum()
    for year, value in TRUTH["municipal_net_per_year_kr"].items():
        assert yearly[int(year)] == pytest.approx(value, abs=1.0)
    for holder, flows in TRUTH["calculated_flows_kr"].items():
        got = r.yearly[r.yearly["holder"] == holder].set_index("year")["benefits"]
        for year, value in flows.items():
            assert got[int(year)] == pytest.approx(value, abs=0.5)


def test_table_route_guesses_levels_from_names(data):
    r = cost_benefit(data, cost_source="Budget", benefit_source="Beräkning")
    assert r.levels["Region Skåne"] == "region" and r.levels["Staten"] == "stat"
    assert r.levels["Sociala investeringsfonden"] == "kommun"
    assert r.npv == pytest.approx(TRUTH["municipal_npv_2018_kr"], abs=1.0)


def test_ledger_costs_scatter_around_planned(data):
    r = cost_benefit(data, cost_source="Utfall huvudbok", benefit_source="Beräkning")
    planned = sum(TRUTH["planned_cost_per_year_kr"].values())
    ledger_costs = r.yearly["costs"].sum()
    assert ledger_costs != pytest.approx(planned, abs=1.0)
    assert ledger_costs == pytest.approx(planned, rel=0.03)
    assert r.npv == pytest.approx(TRUTH["municipal_npv_2018_kr"], rel=0.05)


def test_mixed_sources_must_be_chosen(data):
    with pytest.raises(EconomicsError) as err:
        cost_benefit(data)
    assert err.value.key == "economics.ambiguous_sources"
    assert "cost_source" in str(err.value) and "Budget" in str(err.value)


def test_raw_file_with_total_row_and_nbsp(data):
    raw = wb.load_sample("kostnader", raw=True)
    r = cost_benefit(raw, cost_source="Budget", benefit_source="Beräkning")
    assert r.npv == pytest.approx(TRUTH["municipal_npv_2018_kr"], abs=1.0)


def test_structured_route_from_true_parameters():
    years = range(2018, 2021)
    workers = staff("Socialsekreterare", "Stadsområde Söder", fte=math.ceil(75 / 25), monthly_salary=38_500,
                    years=years, growth=0.025)
    lead = staff("Projektledning", "Stadsområde Söder", fte=0.5, monthly_salary=45_000, years=years, growth=0.025)
    items = [workers, lead, overhead("Overhead", "Stadsområde Söder", share=0.12, of=[workers, lead]),
             CostItem("Aktiviteter", "Stadsområde Söder", 96_000, years, category="aktiviteter"),
             CostItem("Handledning", "Stadsområde Söder", 72_000, years, category="utbildning"),
             CostItem("Undviken handläggning", "Stadsområde Söder", 75 / 80 * 38_500 * 12 * 1.3142, years,
                      growth=0.025, flow_type="Besparing", category="personal")]
    table = pd.DataFrame({
        "nyckel": ["fs", "kskatt"], "post": ["Försörjningsstöd", "Kommunalskatt"], "enhet": ["kr/mån"] * 2,
        "budgetansvarig": ["Arbetsmarknads- och socialförvaltningen", "Kommunstyrelsen"], "nivå": ["kommun"] * 2,
        "belopp_kr": [14_400, 5_522], "låg_kr": [14_400, 5_522], "hög_kr": [14_400, 5_522],
        "prisår": [2018, 2018], "källa": ["truth.json", "truth.json"]})
    outcome = Outcome("självförsörjande", 0.15, 75, ["fs", "kskatt"], ramp=(1 / 3, 2 / 3, 1), persistence=0.85)
    r = cost_benefit(costs=items, outcomes=[outcome], unit_costs=table, years=range(2018, 2025), rung=4)
    assert r.npv == pytest.approx(TRUTH["municipal_npv_2018_kr"], abs=50)
    assert r.payback_year == TRUTH["municipal_payback_year"]
    assert r.simulation.npv_mean == pytest.approx(r.npv, abs=1e-4)
    plan = r.yearly[r.yearly["holder"] == "Stadsområde Söder"].set_index("year")["costs"]
    for year, value in TRUTH["planned_cost_per_year_kr"].items():
        assert plan[int(year)] == pytest.approx(value, abs=1.0)
