"""Bad input to every public function of ``wb.economics`` gives a clear, bilingual WorkbenchError.

Each case names the call, the error class, the catalogue key and the texts that must appear in
both the Swedish and the English message: the argument's name and the value as the user typed
it. No case may end in a ZeroDivisionError, a TypeError, a silent NaN or a numpy/pandas traceback.
"""

from __future__ import annotations

import inspect
import math
import pickle
import re

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import ColumnMissingError, ColumnTypeError, EconomicsError, WorkbenchError

ek = wb.economics
NAN, INF = float("nan"), float("inf")
COST = ek.CostItem("Insats", "Socialnämnden", 100_000, [2020, 2021])
ONE_OFF = ek.CostItem("Startutbildning", "Socialnämnden", 50_000, [2020], one_off=True)
UNFILLED = re.compile(r"\{[a-z_]+(![rs])?\}")  # a placeholder left in a rendered message


def flows(**change):
    df = pd.DataFrame({"år": [2020, 2021], "budgetansvarig": ["Socialnämnden", "Socialnämnden"],
                       "post": ["Insats", "Färre placeringar"], "typ": ["Kostnad", "Besparing"],
                       "belopp_kr": ["100 000", "150 000"]})
    for k, v in change.items():
        df[k] = v
    return df


def unit_rows(**change):
    df = pd.DataFrame({"nyckel": ["hvb"], "post": ["HVB"], "enhet": ["kr/dygn"], "budgetansvarig": ["Socialnämnden"],
                       "nivå": ["kommun"], "belopp_kr": ["4 500"], "låg_kr": ["3 000"], "hög_kr": ["7 000"],
                       "prisår": [2022], "källa": ["Kolada"]})
    for k, v in change.items():
        df[k] = v
    return df


def repay(**change):
    kw = dict(net_by_holder={"Fonden": [-100, 0], "Socialnämnden": [0, 80]}, years=[2020, 2021], fund="Fonden",
              investment_by_year=[100, 0], levels={"Fonden": "kommun", "Socialnämnden": "kommun"})
    kw.update(change)
    return kw


def outcome(**change):
    kw = dict(name="placeringar", effect=-0.1, n=20, unit_costs=["hvb"], better="lower")
    kw.update(change)
    return kw


def case(func, args, kwargs, key, *typed, cls=EconomicsError, id):
    return pytest.param(func, args, kwargs, cls, key, typed, id=id)


CASES = [
    # -- npv ---------------------------------------------------------------------------------------
    case(ek.npv, ([100, 100],), {"rate": -1}, "economics.rate", "'rate'", "-1", id="npv-rate-minus-one"),
    case(ek.npv, ([100],), {"rate": -1.5}, "economics.rate", "'rate'", "-1.5", id="npv-rate-below-minus-one"),
    case(ek.npv, ([100],), {"rate": NAN}, "economics.rate", "'rate'", "nan", id="npv-rate-nan"),
    case(ek.npv, ([100],), {"rate": INF}, "economics.rate", "inf", id="npv-rate-inf"),
    case(ek.npv, ([100],), {"rate": -INF}, "economics.rate", "-inf", id="npv-rate-minus-inf"),
    case(ek.npv, ([100],), {"rate": True}, "economics.rate", "True", id="npv-rate-bool"),
    case(ek.npv, ([100],), {"rate": "0.035"}, "economics.rate", "'0.035'", id="npv-rate-text"),
    case(ek.npv, ([100],), {"rate": None}, "economics.rate", "None", id="npv-rate-none"),
    case(ek.npv, ([100],), {"rate": 3.5}, "economics.rate", "3.5", "0.035", id="npv-rate-percent"),
    case(ek.npv, ([], 0.03), {}, "economics.empty", "'amounts'", "[]", id="npv-empty"),
    case(ek.npv, ([100, 200, "abc"], 0.03), {}, "economics.amount_in_list", "'amounts'", "3", "'abc'",
         id="npv-text-amount"),
    case(ek.npv, ([100, NAN], 0.03), {}, "economics.amount_in_list", "2", "nan", id="npv-nan-amount"),
    case(ek.npv, ([100, None], 0.03), {}, "economics.amount_in_list", "None", id="npv-none-amount"),
    case(ek.npv, (100, 0.03), {}, "economics.not_a_list", "'amounts'", "100", id="npv-scalar"),
    case(ek.npv, ("100", 0.03), {}, "economics.not_a_list", "'100'", id="npv-string"),
    case(ek.npv, ([100], 0.03), {"start": "a"}, "economics.not_a_number", "'start'", "'a'", id="npv-start-text"),
    case(ek.npv, ([1.0] * 500, -0.9999999), {}, "economics.not_finite", "-0.9999999", id="npv-overflow"),
    # -- discount_factors ----------------------------------------------------------------------------
    case(ek.discount_factors, ([2020, 2021], 2020, -1), {}, "economics.rate", "'rate'", "-1", id="df-rate"),
    case(ek.discount_factors, ([2020], "2020", 0.03), {}, "economics.year", "'base_year'", "'2020'", id="df-base"),
    case(ek.discount_factors, ([2020, "x"], 2020, 0.03), {}, "economics.year_in_list", "'x'", id="df-year-text"),
    case(ek.discount_factors, ([], 2020, 0.03), {}, "economics.empty", "'years'", id="df-no-years"),
    # -- annuity_factor / annuity_payment ------------------------------------------------------------
    case(ek.annuity_factor, (0.03, -3), {}, "economics.integer", "'years'", "-3", id="af-negative-years"),
    case(ek.annuity_factor, (0.03, 2.5), {}, "economics.integer", "'years'", "2.5", id="af-fractional-years"),
    case(ek.annuity_factor, (0.03, True), {}, "economics.integer", "True", id="af-bool-years"),
    case(ek.annuity_factor, (0.03, "10"), {}, "economics.integer", "'10'", id="af-text-years"),
    case(ek.annuity_factor, (-1, 5), {}, "economics.rate", "'rate'", "-1", id="af-rate-minus-one"),
    case(ek.annuity_factor, (5, 5), {}, "economics.rate", "5", "0.05", id="af-rate-percent"),
    case(ek.annuity_payment, (100_000, 0.05, 0), {}, "economics.integer", "'years'", id="ap-zero-years"),
    case(ek.annuity_payment, (100_000, 0.05, -4), {}, "economics.integer", "-4", id="ap-negative-years"),
    case(ek.annuity_payment, ("100 000", 0.05, 4), {}, "economics.not_a_number", "'amount'", "'100 000'",
         id="ap-text-amount"),
    case(ek.annuity_payment, (100_000, NAN, 4), {}, "economics.rate", "nan", id="ap-rate-nan"),
    # -- payback_year --------------------------------------------------------------------------------
    case(ek.payback_year, ([], []), {}, "economics.empty", "'years'", "[]", id="pb-no-years"),
    case(ek.payback_year, ([2020, 2021, 2022], [-1, 2]), {}, "economics.length_mismatch", "'net'", "3", "2",
         id="pb-length-mismatch"),
    case(ek.payback_year, ([2021, 2020], [1, 1]), {}, "economics.years_order", "2021", "2020", id="pb-order"),
    case(ek.payback_year, ([2020, 2021], [-5, "x"]), {}, "economics.amount_in_list", "'net'", "'x'",
         id="pb-text-net"),
    case(ek.payback_year, (["2020"], [1]), {}, "economics.year_in_list", "'2020'", id="pb-text-year"),
    # -- effect_path ---------------------------------------------------------------------------------
    case(ek.effect_path, ([2020],), {"start_year": 2020, "persistence": 1.5}, "economics.share",
         "'persistence'", "1.5", id="ep-persistence-above-one"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "persistence": 85}, "economics.share",
         "85", "0.85", id="ep-persistence-percent"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "persistence": -0.2}, "economics.share", "-0.2",
         id="ep-persistence-negative"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "ramp": (-0.5, 1)}, "economics.share_in_list",
         "'ramp'", "-0.5", id="ep-negative-ramp"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "ramp": (33, 67, 100)}, "economics.share_in_list",
         "33", id="ep-ramp-percent"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "ramp": ()}, "economics.empty", "'ramp'",
         id="ep-empty-ramp"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "ramp": 1}, "economics.not_a_list", "'ramp'",
         id="ep-scalar-ramp"),
    case(ek.effect_path, ([2020, 2021],), {"start_year": 2020, "end_year": 2019}, "economics.end_before_start",
         "'end_year'", "2019", "2020", id="ep-end-before-start"),
    case(ek.effect_path, ([2020],), {"start_year": "2020"}, "economics.year", "'start_year'", id="ep-start-text"),
    case(ek.effect_path, ([2020],), {"start_year": 2020, "end_year": 2020.5}, "economics.year", "2020.5",
         id="ep-end-fractional"),
    # -- staff_cost / staff / overhead / costs_table --------------------------------------------------
    case(ek.staff_cost, (-1, 38_500), {}, "economics.negative_value", "'fte'", "-1", id="sc-negative-fte"),
    case(ek.staff_cost, (2, -30_000), {}, "economics.negative_value", "'monthly_salary'", "-30000",
         id="sc-negative-salary"),
    case(ek.staff_cost, (2, "38 500"), {}, "economics.not_a_number", "'38 500'", id="sc-text-salary"),
    case(ek.staff_cost, (NAN, 38_500), {}, "economics.not_a_number", "'fte'", "nan", id="sc-nan-fte"),
    case(ek.staff_cost, (1, 38_500), {"social_fee_rate": 31.42}, "economics.share", "31.42", "0.3142",
         id="sc-fee-percent"),
    case(ek.staff_cost, (1, 38_500), {"months": 13}, "economics.number_range", "'months'", "13",
         id="sc-months"),
    case(ek.staff, ("Socialsekreterare", "Socialnämnden"), {"fte": 1, "monthly_salary": 38_500, "years": None},
         "economics.not_a_list", "'years'", "None", id="staff-no-years"),
    case(ek.staff, ("Socialsekreterare", "Socialnämnden"),
         {"fte": 1, "monthly_salary": 38_500, "years": [2020], "growth": 2.5},
         "economics.rate", "'growth'", "2.5", "0.025", id="staff-growth-percent"),
    case(ek.staff, ("", "Socialnämnden"), {"fte": 1, "monthly_salary": 38_500, "years": [2020]},
         "economics.not_text", "'name'", "''", id="staff-blank-name"),
    case(ek.staff, ("Socialsekreterare", "Socialnämnden"), {"fte": -2, "monthly_salary": 38_500,
                                                            "years": [2020]},
         "economics.negative_value", "'fte'", "-2", id="staff-negative-fte"),
    case(ek.overhead, ("Overhead", "Socialnämnden"), {"share": 12, "of": [COST]}, "economics.share",
         "'share'", "12", "0.12", id="oh-share-percent"),
    case(ek.overhead, ("Overhead", "Socialnämnden"), {"share": -0.1, "of": [COST]}, "economics.share",
         "-0.1", id="oh-share-negative"),
    case(ek.overhead, ("Overhead", "Socialnämnden"), {"share": 0.1, "of": []}, "economics.empty", "'of'",
         id="oh-empty"),
    case(ek.overhead, ("Overhead", "Socialnämnden"), {"share": 0.1, "of": ["lön"]}, "economics.item_in_list",
         "'of'", "'lön'", id="oh-not-items"),
    case(ek.overhead, ("Overhead", "Socialnämnden"), {"share": 0.1, "of": [COST, ONE_OFF]},
         "economics.overhead_one_off", "'Startutbildning'", id="oh-one-off"),
    case(ek.costs_table, ("abc",), {}, "economics.not_a_list", "'items'", "'abc'", id="ct-string"),
    case(ek.costs_table, ([COST, 5],), {}, "economics.item_in_list", "'items'", "2", "5", id="ct-bad-item"),
    # -- CostItem ------------------------------------------------------------------------------------
    case(ek.CostItem, ("Handledning", "Socialnämnden", -5_000, [2020]), {}, "economics.negative_amount",
         "'Handledning'", "-5000", id="ci-negative"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", "5000", [2020]), {}, "economics.not_a_number",
         "'Handledning: amount'", "'5000'", id="ci-text-amount"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", NAN, [2020]), {}, "economics.not_a_number", "nan",
         id="ci-nan-amount"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, 2020), {}, "economics.not_a_list",
         "'Handledning: years'", "2020", id="ci-years-scalar"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, []), {}, "economics.empty", "[]",
         id="ci-no-years"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, [2020, 2020]), {}, "economics.years_order",
         "2020", id="ci-repeated-year"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, ["abc"]), {}, "economics.year_in_list", "'abc'",
         id="ci-text-year"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, [2020]), {"growth": 3}, "economics.rate",
         "'Handledning: growth'", "3", "0.03", id="ci-growth-percent"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, [2020]), {"one_off": "ja"}, "economics.bad_flag",
         "'ja'", id="ci-one-off-text"),
    case(ek.CostItem, ("Handledning", None, 5_000, [2020]), {}, "economics.not_text", "'Handledning: holder'",
         "None", id="ci-no-holder"),
    case(ek.CostItem, ("Handledning", "Socialnämnden", 5_000, [2020]), {"category": "lön"}, "economics.bad_item",
         "'lön'", id="ci-category"),
    # -- Outcome -------------------------------------------------------------------------------------
    case(ek.Outcome, (), outcome(n=NAN), "economics.not_a_number", "'placeringar: n'", "nan", id="oc-nan-n"),
    case(ek.Outcome, (), outcome(n=-20), "economics.negative_value", "'placeringar: n'", "-20", id="oc-negative-n"),
    case(ek.Outcome, (), outcome(units_per_year="365"), "economics.not_a_number", "'365'", id="oc-text-units"),
    case(ek.Outcome, (), outcome(effect="stor"), "economics.bad_evidence", "'stor'", id="oc-text-effect"),
    case(ek.Outcome, (), outcome(effect=NAN), "economics.bad_evidence", "nan", id="oc-nan-effect"),
    case(ek.Outcome, (), outcome(persistence=2), "economics.share", "'placeringar: persistence'", "2",
         id="oc-persistence"),
    case(ek.Outcome, (), outcome(ramp=(-1, 1)), "economics.share_in_list", "-1", id="oc-negative-ramp"),
    case(ek.Outcome, (), outcome(start_year=2021, end_year=2020), "economics.end_before_start", "2020", "2021",
         id="oc-end-before-start"),
    case(ek.Outcome, (), outcome(unit_costs="hvb"), "economics.not_a_list", "'hvb'", id="oc-unit-costs-string"),
    case(ek.Outcome, (), outcome(unit_costs=[]), "economics.empty", "'placeringar: unit_costs'", id="oc-no-keys"),
    case(ek.Outcome, (), outcome(holders=["Socialnämnden"]), "economics.not_a_mapping", "['Socialnämnden']",
         id="oc-holders-list"),
    case(ek.Outcome, (), outcome(better="mer"), "economics.bad_item", "'mer'", id="oc-better"),
    # -- unit_cost_table / price_index / adjust_prices ------------------------------------------------
    case(ek.unit_cost_table, ([1, 2],), {}, "economics.not_a_table", "'source'", "[1, 2]", id="uc-list"),
    case(ek.unit_cost_table, (unit_rows(prisår=[None]),), {}, "economics.unit_cost_missing", "'hvb'", "'prisår'",
         id="uc-no-price-year"),
    case(ek.unit_cost_table, (unit_rows(prisår=[2022.5]),), {}, "economics.unit_cost_year", "2022.5",
         id="uc-fractional-price-year"),
    case(ek.unit_cost_table, (unit_rows(nivå=["stad"]),), {}, "economics.unknown_level", "'stad'",
         id="uc-unknown-level"),
    case(ek.unit_cost_table, (unit_rows(belopp_kr=[None]),), {}, "economics.unit_cost_missing", "'belopp_kr'",
         id="uc-no-amount"),
    case(ek.price_index, ({2020: -5},), {}, "economics.index_value", "2020", "-5", id="pi-negative"),
    case(ek.price_index, ({2020: 0},), {}, "economics.index_value", "2020", id="pi-zero"),
    case(ek.price_index, (pd.DataFrame({"år": [2020.5], "kpi": [100]}),), {}, "economics.table_year", "2020.5",
         id="pi-fractional-year"),
    case(ek.price_index, (pd.DataFrame({"år": [2020, None], "kpi": [100, 101]}),), {}, "economics.table_year",
         "'år'", "nan", id="pi-missing-year"),
    case(ek.price_index, (pd.DataFrame({"år": [2020, 2020], "kpi": [100, 101]}),), {},
         "economics.index_duplicate", "2020", id="pi-duplicate"),
    case(ek.price_index, (5,), {}, "economics.not_a_table", "'index'", "5", id="pi-number"),
    case(ek.adjust_prices, ([1], 2022), {}, "economics.not_a_table", "'table'", "[1]", id="ap-not-table"),
    case(ek.adjust_prices, (unit_rows(), "2022"), {}, "economics.year", "'to_year'", "'2022'", id="ap-text-year"),
    case(ek.adjust_prices, (unit_rows(), 2022), {"index": {2022: 0}}, "economics.index_value", "2022",
         id="ap-zero-index"),
    # -- repayment_plan ------------------------------------------------------------------------------
    case(ek.repayment_plan, (), repay(years=[2020, 2021, 2022]), "economics.length_mismatch", "'years'", "3",
         id="rp-length"),
    case(ek.repayment_plan, (), repay(fund="Fonden X"), "economics.unknown_fund", "'Fonden X'", id="rp-fund"),
    case(ek.repayment_plan, (), repay(levels={"Fonden": "kommun"}), "economics.level_missing", "'Socialnämnden'",
         id="rp-level-missing"),
    case(ek.repayment_plan, (), repay(levels={"Fonden": "kommun", "Socialnämnden": "stad"}),
         "economics.unknown_level", "'stad'", id="rp-unknown-level"),
    case(ek.repayment_plan, (), repay(share=50), "economics.share", "'share'", "50", "0.5", id="rp-share-percent"),
    case(ek.repayment_plan, (), repay(investment_by_year=[-100, 0]), "economics.negative_in_list", "-100",
         id="rp-negative-investment"),
    case(ek.repayment_plan, (), repay(net_by_holder=[1, 2]), "economics.not_a_mapping", "'net_by_holder'",
         "[1, 2]", id="rp-net-list"),
    case(ek.repayment_plan, (), repay(net_by_holder={"Fonden": [-100, "x"]}), "economics.amount_in_list", "'x'",
         id="rp-text-net"),
    case(ek.repayment_plan, (), repay(evidence_rung=7), "economics.integer_range", "'evidence_rung'", "7",
         id="rp-rung"),
    # -- cost_benefit --------------------------------------------------------------------------------
    case(ek.cost_benefit, (), {"costs": [COST], "discount_rate": 3.5}, "economics.discount_rate",
         "'discount_rate'", "3.5", "0.035", id="cb-rate-percent"),
    case(ek.cost_benefit, (), {"costs": [COST], "discount_rate": -0.01}, "economics.discount_rate", "-0.01",
         id="cb-rate-negative"),
    case(ek.cost_benefit, (), {"costs": [COST], "discount_rate": "3,5"}, "economics.discount_rate", "'3,5'",
         id="cb-rate-text"),
    case(ek.cost_benefit, (), {"costs": [COST], "discount_rate": True}, "economics.discount_rate", "True",
         id="cb-rate-bool"),
    case(ek.cost_benefit, (), {"costs": [COST], "base_year": "2020"}, "economics.year", "'base_year'", "'2020'",
         id="cb-base-year-text"),
    case(ek.cost_benefit, (), {"costs": [COST], "price_year": 2020.5}, "economics.year", "'price_year'",
         "2020.5", id="cb-price-year"),
    case(ek.cost_benefit, (), {"costs": [COST], "years": ["abc"]}, "economics.year_in_list", "'abc'",
         id="cb-years-text"),
    case(ek.cost_benefit, (), {"costs": [COST], "years": []}, "economics.empty", "'years'", id="cb-years-empty"),
    case(ek.cost_benefit, (), {"costs": [COST], "n_sims": 0}, "economics.integer_range", "'n_sims'",
         id="cb-n-sims-zero"),
    case(ek.cost_benefit, (), {"costs": [COST], "n_sims": 10**9}, "economics.integer_range", "1000000000",
         id="cb-n-sims-huge"),
    case(ek.cost_benefit, (), {"costs": [COST], "seed": "abc"}, "economics.integer", "'seed'", "'abc'",
         id="cb-seed-text"),
    case(ek.cost_benefit, (), {"costs": [COST], "rung": 7}, "economics.integer_range", "'rung'", "7",
         id="cb-rung"),
    case(ek.cost_benefit, (), {"costs": [COST], "repayment_share": 50}, "economics.share", "'repayment_share'",
         "0.5", id="cb-repayment-share-percent"),
    case(ek.cost_benefit, (), {"costs": [COST], "payback_within": 2.5}, "economics.integer",
         "'payback_within'", "2.5", id="cb-payback-fractional"),
    case(ek.cost_benefit, (), {"costs": [COST], "cost_range": (0.9, INF)}, "economics.bad_range", "inf",
         id="cb-cost-range-inf"),
    case(ek.cost_benefit, (), {"costs": "abc"}, "economics.not_a_list", "'costs'", "'abc'", id="cb-costs-string"),
    case(ek.cost_benefit, (), {"costs": [COST, "x"]}, "economics.item_in_list", "'costs'", "'x'",
         id="cb-costs-bad-item"),
    case(ek.cost_benefit, (), {"costs": [COST], "outcomes": [5]}, "economics.item_in_list", "'outcomes'",
         id="cb-outcomes-bad-item"),
    case(ek.cost_benefit, ([1, 2],), {}, "economics.not_a_table", "'flows'", "[1, 2]", id="cb-flows-list"),
    case(ek.cost_benefit, (), {"costs": [COST], "columns": {"year": "år"}}, "economics.bad_item", "'columns'",
         "{'year': 'år'}", id="cb-columns-dict"),
    case(ek.cost_benefit, (), {"costs": [COST], "perspective": []}, "economics.empty", "'perspective'",
         id="cb-perspective-empty"),
    case(ek.cost_benefit, (), {"costs": [COST], "fund": 5}, "economics.not_text", "'fund'", "5", id="cb-fund"),
    case(ek.cost_benefit, (), {"costs": [COST], "unit_costs": 5}, "economics.not_a_table", "'unit_costs'",
         id="cb-unit-costs"),
    case(ek.cost_benefit, (), {"costs": [COST], "holders": ["Socialnämnden"]}, "economics.bad_item",
         "['Socialnämnden']", id="cb-holders-list"),
    case(ek.cost_benefit, (flows(år=[2020, 2020.5]),), {}, "economics.table_year", "'år'", "2020.5",
         id="cb-table-fractional-year"),
    case(ek.cost_benefit, (flows(belopp_kr=["100 000", None]),), {}, "economics.amount_missing",
         "'Färre placeringar'", id="cb-table-missing-amount"),
    case(ek.cost_benefit, (flows(),), {"evidence": "stor effekt"}, "economics.bad_evidence", "'stor effekt'",
         id="cb-evidence-text"),
    case(ek.cost_benefit, (), {"costs": [COST], "outcomes": [ek.Outcome(**outcome(end_year=2010))],
                               "unit_costs": unit_rows(), "years": range(2020, 2023), "price_index": {2020: 1.0,
                                                                                                     2022: 1.0}},
         "economics.end_before_start", "2010", "2020", id="cb-outcome-ends-before-years"),
    # -- table contents: the core's table errors (WorkbenchError) name column, row and value ---------
    case(ek.unit_cost_table, (unit_rows(belopp_kr=["mycket"]),), {}, "core.column_not_numeric", "'belopp_kr'",
         "'mycket'", cls=ColumnTypeError, id="uc-text-amount"),
    case(ek.price_index, (pd.DataFrame({"år": [2020], "kpi": ["hög"]}),), {}, "core.column_not_numeric", "'hög'",
         cls=ColumnTypeError, id="pi-text-value"),
    case(ek.adjust_prices, (unit_rows().drop(columns="prisår"), 2022), {}, "core.column_missing", "'prisår'",
         cls=ColumnMissingError, id="ap-missing-column"),
    case(ek.cost_benefit, (flows(år=[2020, "tjugo"]),), {}, "core.column_not_numeric", "'tjugo'",
         cls=ColumnTypeError, id="cb-table-text-year"),
]


@pytest.fixture(autouse=True)
def swedish_session():
    wb.set_language("sv")
    yield
    wb.set_language("sv")


@pytest.mark.parametrize("func, args, kwargs, cls, key, typed", CASES)
def test_bad_input_gives_named_bilingual_error(func, args, kwargs, cls, key, typed):
    with pytest.raises(cls) as info:
        func(*args, **kwargs)
    err = info.value
    assert isinstance(err, WorkbenchError)
    assert err.key == key
    sv, en = str(err), err.message("en")
    assert sv == err.message("sv") and en != sv
    for text in typed:
        assert text in sv, (text, sv)
        assert text in en, (text, en)
    assert not UNFILLED.search(sv) and not UNFILLED.search(en)
    if "lang" in inspect.signature(func).parameters:
        with pytest.raises(cls) as again:
            func(*args, **kwargs, lang="en")
        assert again.value.key == key and str(again.value) == en


def test_rate_minus_one_is_no_zero_division():
    with pytest.raises(WorkbenchError) as info:
        ek.npv([100, 100], rate=-1)
    assert not isinstance(info.value, ZeroDivisionError) and "'rate'" in str(info.value)


@pytest.mark.parametrize("call", [lambda lang: ek.npv([100], 3.5, lang=lang),
                                  lambda lang: ek.annuity_factor(3.5, 10, lang=lang),
                                  lambda lang: ek.cost_benefit(costs=[COST], discount_rate=3.5, lang=lang)])
def test_percent_rate_suggests_the_decimal(call):
    for lang, word in (("sv", "procent"), ("en", "percent")):
        with pytest.raises(EconomicsError) as info:
            call(lang)
        assert "3.5" in str(info.value) and "0.035" in str(info.value) and word in str(info.value)


def test_amount_named_by_position_in_both_languages():
    with pytest.raises(EconomicsError) as info:
        ek.npv([100, 200, "abc"], 0.03)
    assert "belopp nr 3 ('abc')" in str(info.value)
    assert "amount no. 3 ('abc')" in info.value.message("en")


def test_new_errors_survive_pickling():
    with pytest.raises(EconomicsError) as info:
        ek.payback_year([2020, 2021], [1])
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is EconomicsError and again.key == info.value.key and str(again) == str(info.value)


def test_good_inputs_keep_working():
    # negative real rates above −1 are legitimate
    assert ek.npv([100, 100], -0.02) == pytest.approx(100 + 100 / 0.98)
    assert ek.annuity_factor(-0.02, 3) == pytest.approx(sum(0.98 ** -t for t in (1, 2, 3)))
    assert ek.annuity_factor(0.03, 0) == 0.0
    assert ek.discount_factors([2019, 2020], 2020, -0.5) == pytest.approx([0.5, 1.0])
    # a rate so close to 0 that 1 + r == 1 used to divide by zero
    assert ek.annuity_payment(100, 1e-17, 4) == pytest.approx(25.0)
    # numpy and pandas inputs, whole-number floats as years, fractional start (mid-year discounting)
    assert ek.npv(pd.Series([1.0, 2.0]), np.float64(0.0)) == 3.0
    assert ek.npv(np.array([100.0]), 0.05, start=0.5) == pytest.approx(100 / math.sqrt(1.05))
    assert ek.payback_year(np.arange(2020, 2023), np.array([-1.0, 0.5, 0.5])) == 2022
    assert ek.effect_path([2020.0, 2021.0], start_year=np.int64(2020), ramp=[0.5, 1]) == [0.5, 1.0]
    assert ek.staff_cost(np.int64(1), 30_000, months=0) == 0.0
    item = ek.CostItem("Insats", "Socialnämnden", np.float64(1_000), np.arange(2020, 2022), growth=-0.05)
    assert item.yearly() == pytest.approx({2020: 1_000, 2021: 950})
    assert ek.costs_table(item).shape == (2, 7) and ek.costs_table([]).empty
    assert ek.overhead("Overhead", "Socialnämnden", share=0.1, of=item).amount == pytest.approx(100)
    assert ek.price_index({2020: 100, 2021: 102.5}) == {2020: 100.0, 2021: 102.5}
    plan = ek.repayment_plan(**repay())
    assert plan.repaid_total == pytest.approx(40) and plan.evidence_rung is None
