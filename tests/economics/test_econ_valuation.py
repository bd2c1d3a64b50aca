"""Valuing effects per budget holder and year; perspectives and levels of budget holders."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.economics.analysis import cost_benefit
from workbench.economics.costs import CostItem
from workbench.economics.holders import guess_level
from workbench.economics.valuation import Outcome

TABLE = pd.DataFrame({
    "nyckel": ["bistand_manad", "inkomst_manad"], "post": ["Försörjningsstöd", "Inkomst"],
    "enhet": ["kr/mån", "kr/mån"], "budgetansvarig": ["Socialnämnden", "Hushållet"],
    "nivå": ["kommun", "individ"], "belopp_kr": [10_000, 4_000], "låg_kr": [8_000, 4_000],
    "hög_kr": [12_000, 4_000], "prisår": [2021, 2021], "källa": ["Eget system 2021", "Antagande"]})


def months_result(**kw):
    # effect −2.7 months of assistance per household, 40 households, once in 2021 (end_year 2021)
    out = Outcome("månader med bistånd", -2.7, 40, ["bistand_manad", "inkomst_manad"], units_per_year=1,
                  better="lower", start_year=2021, end_year=2021)
    cost = CostItem("Coacher", "Socialnämnden", 500_000, [2021])
    return cost_benefit(costs=[cost], outcomes=[out], unit_costs=TABLE, years=[2021, 2022],
                        price_index={2021: 100.0}, n_sims=100, **kw)


def test_months_of_assistance_saving_hand():
    r = months_result()
    # 2.7 · 40 · 10 000 = 1 080 000 kr saved by Socialnämnden in 2021; nothing in 2022
    y = r.yearly.set_index(["holder", "year"])
    assert y.loc[("Socialnämnden", 2021), "benefits"] == pytest.approx(1_080_000)
    assert y.loc[("Socialnämnden", 2022), "benefits"] == 0
    assert r.npv == pytest.approx(1_080_000 - 500_000)
    # the household's 2.7 · 40 · 4 000 = 432 000 counts only from society's perspective
    assert r.levels["Hushållet"] == "individ"
    assert months_result(perspective="samhälle").npv == pytest.approx(1_080_000 + 432_000 - 500_000)
    assert months_result(perspective="offentlig").npv == pytest.approx(580_000)
    assert months_result(perspective=["Hushållet"]).npv == pytest.approx(432_000)


def test_unit_cost_range_drives_tornado():
    r = months_result()
    row = r.tornado_table.iloc[0]
    assert row["factor"] == "enhetskostnad: bistand_manad"
    # 2.7 · 40 · (8 000 … 12 000) − 500 000
    assert row["npv_low"] == pytest.approx(2.7 * 40 * 8_000 - 500_000)
    assert row["npv_high"] == pytest.approx(2.7 * 40 * 12_000 - 500_000)


def test_harm_is_a_negative_saving():
    out = Outcome("placeringar", 0.1, 10, ["bistand_manad"], units_per_year=12, better="lower")
    r = cost_benefit(outcomes=[out], unit_costs=TABLE, years=[2021], price_index={2021: 100.0}, n_sims=50)
    assert r.npv == pytest.approx(-0.1 * 10 * 12 * 10_000)


@pytest.mark.parametrize("name, level", [
    ("Region Skåne", "region"), ("Västra Götalandsregionen", "region"), ("Landstinget Sörmland", "region"),
    ("Staten", "stat"), ("Försäkringskassan", "stat"), ("Arbetsförmedlingen", "stat"),
    ("Individen", "individ"), ("Socialnämnden", "kommun"), ("Kommunstyrelsen (skatteintäkter)", "kommun")])
def test_guess_level(name, level):
    assert guess_level(name) == level


def test_assumptions_are_listed_in_swedish():
    r = months_result()
    text = r.explain("sv")
    for needle in ("Antaganden:", "Diskonteringsränta 3,5 %", "Perspektiv: kommun", "Effekt på 'månader med bistånd'",
                   "PERT"):
        assert needle in text
    assert "Assumptions:" in r.explain("en") and "Discount rate 3.5%" in r.explain("en")
