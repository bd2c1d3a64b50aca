"""Bad inputs give clear Swedish (and English) errors that name the problem."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.core.errors import EconomicsError, WorkbenchError
from workbench.economics.analysis import cost_benefit
from workbench.economics.costs import CostItem, staff_cost
from workbench.economics.unit_costs import adjust_prices, unit_cost_table
from workbench.economics.valuation import Outcome

COST = CostItem("Insats", "Socialnämnden", 100_000, [2020, 2021])


def flows(**change):
    df = pd.DataFrame({"år": [2020, 2021], "budgetansvarig": ["Socialnämnden", "Socialnämnden"],
                       "post": ["Insats", "Färre placeringar"], "typ": ["Kostnad", "Besparing"],
                       "belopp_kr": ["100 000", "150 000"]})
    for k, v in change.items():
        df[k] = v
    return df


def test_negative_cost_item():
    with pytest.raises(EconomicsError) as err:
        cost_benefit(costs=[CostItem("Handledning", "Socialnämnden", -5_000, [2020])])
    assert err.value.key == "economics.negative_amount"
    assert "Handledning" in str(err.value) and "negativt" in str(err.value)
    assert "negative" in err.value.message("en")


def test_negative_amount_in_table_names_row():
    with pytest.raises(EconomicsError) as err:
        cost_benefit(flows(belopp_kr=["100 000", "-150 000"]))
    assert "Färre placeringar" in str(err.value) and "negativt" in str(err.value)


def test_negative_staff_salary():
    with pytest.raises(EconomicsError, match="negativt"):
        staff_cost(2, -30_000)


@pytest.mark.parametrize("rate", [1.0, 3.5, -0.01, float("nan")])
def test_discount_rate_out_of_range(rate):
    with pytest.raises(EconomicsError) as err:
        cost_benefit(costs=[COST], discount_rate=rate)
    assert err.value.key == "economics.discount_rate"
    assert "Diskonteringsräntan" in str(err.value) and "procent" in str(err.value)


def test_unknown_budget_holder():
    with pytest.raises(EconomicsError) as err:
        cost_benefit(costs=[COST], holders={"Utbildningsnämnden": "kommun"})
    assert err.value.key == "economics.unknown_holder"
    assert "Socialnämnden" in str(err.value) and "Utbildningsnämnden" in str(err.value)


def test_unknown_holder_in_perspective_and_fund():
    with pytest.raises(EconomicsError, match="Budgetansvarig 'Regionen'"):
        cost_benefit(costs=[COST], perspective=["Regionen"])
    with pytest.raises(EconomicsError, match="Investeringsfonden 'Fonden'"):
        cost_benefit(costs=[COST], fund="Fonden")


def test_unknown_level():
    with pytest.raises(EconomicsError, match="Nivån 'landsting'"):
        cost_benefit(costs=[COST], holders={"Socialnämnden": "landsting"})


def unit_rows(**change):
    df = pd.DataFrame({"nyckel": ["hvb"], "post": ["HVB"], "enhet": ["kr/dygn"], "budgetansvarig": ["Socialnämnden"],
                       "nivå": ["kommun"], "belopp_kr": ["4 500"], "låg_kr": ["3 000"], "hög_kr": ["7 000"],
                       "prisår": [2022], "källa": ["Kolada"]})
    for k, v in change.items():
        df[k] = v
    return df


@pytest.mark.parametrize("source", [None, "", "   "])
def test_unit_cost_row_without_source(source):
    with pytest.raises(EconomicsError) as err:
        unit_cost_table(unit_rows(källa=[source]))
    assert err.value.key == "economics.unit_cost_no_source"
    assert "'hvb'" in str(err.value) and "rad 2" in str(err.value) and "källa" in str(err.value)


def test_unit_cost_row_without_source_through_front_door():
    out = Outcome("placeringar", -0.1, 20, ["hvb"], better="lower", units_per_year=365)
    with pytest.raises(EconomicsError, match="saknar källa"):
        cost_benefit(costs=[COST], outcomes=[out], unit_costs=unit_rows(källa=[None]), years=range(2020, 2023))


def test_unit_cost_bad_range_and_unknown_key():
    with pytest.raises(EconomicsError, match="orimligt intervall"):
        unit_cost_table(unit_rows(låg_kr=["5 000"]))
    out = Outcome("placeringar", -0.1, 20, ["finns_inte"], better="lower")
    with pytest.raises(EconomicsError, match="finns inte i tabellen"):
        cost_benefit(costs=[COST], outcomes=[out], unit_costs=unit_rows(), years=range(2020, 2023),
                     price_year=2022)


def test_price_index_year_missing():
    with pytest.raises(EconomicsError, match="Prisindex saknas för år 1990"):
        adjust_prices(unit_cost_table(unit_rows()), 1990)


def test_bad_type_word():
    with pytest.raises(EconomicsError, match="Typen 'Utgift'"):
        cost_benefit(flows(typ=["Utgift", "Besparing"]))


def test_outcomes_need_years_and_something_to_value():
    out = Outcome("placeringar", -0.1, 20, ["hvb"], better="lower")
    with pytest.raises(EconomicsError, match="years="):
        cost_benefit(outcomes=[out], unit_costs=unit_rows())
    with pytest.raises(EconomicsError, match="inga kostnader"):
        cost_benefit()


def test_bad_evidence_and_options():
    with pytest.raises(EconomicsError, match="Estimate"):
        cost_benefit(flows(), evidence="stor effekt")
    with pytest.raises(EconomicsError, match="exakt 0"):
        cost_benefit(flows(), evidence=0.0)
    with pytest.raises(EconomicsError, match="kostnadsnivå|cost_range"):
        cost_benefit(costs=[COST], cost_range=(1.2, 0.9))
    with pytest.raises(WorkbenchError):
        cost_benefit(costs=[COST], payback_within=0)
    with pytest.raises(EconomicsError, match="Perspektivet 'stad'"):
        cost_benefit(costs=[COST], perspective="stad")


def test_english_messages():
    with pytest.raises(EconomicsError) as err:
        cost_benefit(costs=[COST], discount_rate=1.5, lang="en")
    assert "discount rate" in str(err.value)


def test_caller_frame_not_mutated():
    df = flows()
    before = df.copy()
    cost_benefit(df)
    pd.testing.assert_frame_equal(df, before)
