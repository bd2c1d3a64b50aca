"""Closed-form checks: NPV, annuities, payback and break-even against hand calculations."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from workbench.core.results import Estimate
from workbench.economics import timeline
from workbench.economics.analysis import cost_benefit
from workbench.economics.costs import CostItem, staff_cost
from workbench.economics.valuation import Outcome

HOLDERS = {"Sociala investeringsfonden": "kommun", "Socialnämnden": "kommun", "Staten": "stat"}


def unit_table(value=3000.0, low=None, high=None):
    return pd.DataFrame({
        "nyckel": ["vardag"], "post": ["Vårddygn"], "enhet": ["kr per dygn"],
        "budgetansvarig": ["Socialnämnden"], "nivå": ["kommun"], "belopp_kr": [value],
        "låg_kr": [value if low is None else low], "hög_kr": [value if high is None else high],
        "prisår": [2020], "källa": ["Testfall, handräknat"], "status": [""],
    })


def hand_example(effect=0.2, **kw):
    # 100 000 kr invested in 2020; the effect 0.2 × 50 participants × 3 000 kr = 30 000 kr a year 2021-2024
    cost = CostItem("Insats", "Sociala investeringsfonden", 100_000, [2020], one_off=True)
    out = Outcome("placeringsdygn", effect, 50, ["vardag"], units_per_year=1, start_year=2021)
    kw.setdefault("price_index", {2020: 100.0})
    kw.setdefault("n_sims", 200)
    return cost_benefit(costs=[cost], outcomes=[out], unit_costs=unit_table(), years=range(2020, 2025),
                        holders=HOLDERS, discount_rate=0.05, **kw)


# Hand calculation at r = 5 %:
#   discount factors 1/1.05 = 0.952380952, 1/1.05^2 = 0.907029478, 1/1.05^3 = 0.863837599,
#   1/1.05^4 = 0.822702475; their sum = 3.545950504 (= annuity factor (1 - 1.05^-4)/0.05)
#   NPV = -100 000 + 30 000 * 3.545950504 = 6 378.5151
HAND_ANNUITY = 0.952380952 + 0.907029478 + 0.863837599 + 0.822702475
HAND_NPV = -100_000 + 30_000 * HAND_ANNUITY


def test_hand_numbers_are_consistent():
    assert HAND_ANNUITY == pytest.approx(3.545950504, abs=1e-8)
    assert HAND_NPV == pytest.approx(6378.5151, abs=1e-3)


def test_npv_function_matches_hand():
    assert timeline.npv([-100_000, 30_000, 30_000, 30_000, 30_000], 0.05) == pytest.approx(HAND_NPV, abs=1e-3)
    # starting one period later divides everything by 1.05
    assert timeline.npv([30_000] * 4, 0.05, start=1) == pytest.approx(30_000 * HAND_ANNUITY, abs=1e-3)
    assert timeline.npv([1.0, 2.0], 0.0) == 3.0


def test_annuity_factor_and_payment():
    assert timeline.annuity_factor(0.05, 4) == pytest.approx(HAND_ANNUITY, abs=1e-8)
    assert timeline.annuity_factor(0.0, 7) == 7.0
    # 100 000 repaid in 4 equal yearly payments at 5 %: 100 000 / 3.545950504 = 28 201.18
    assert timeline.annuity_payment(100_000, 0.05, 4) == pytest.approx(28_201.18, abs=0.01)
    # 3.5 % over 10 years: (1 - 1.035^-10)/0.035 = 8.316605
    assert timeline.annuity_factor(0.035, 10) == pytest.approx(8.316605, abs=1e-6)


def test_payback_year_and_discount_factors():
    # cumulative: -100 000, -70 000, -40 000, -10 000, +20 000 -> 2024
    assert timeline.payback_year(range(2020, 2025), [-100_000] + [30_000] * 4) == 2024
    assert timeline.payback_year([2020, 2021], [-1, -1]) is None
    assert timeline.payback_year([2020], [0.0]) == 2020
    assert timeline.discount_factors([2018, 2019, 2020], 2018, 0.035) == pytest.approx([1, 1 / 1.035, 1 / 1.035**2])


def test_effect_path_ramp_and_decay():
    path = timeline.effect_path(range(2018, 2025), start_year=2018, ramp=(1 / 3, 2 / 3, 1), persistence=0.85)
    assert path == pytest.approx([1 / 3, 2 / 3, 1, 0.85, 0.85**2, 0.85**3, 0.85**4])
    assert timeline.effect_path([2019, 2020, 2021], start_year=2020, end_year=2020) == [0.0, 1.0, 0.0]


def test_staff_cost_hand():
    # 3 FTE × 38 500 × 12 × 1.3142 = 1 821 481.2
    assert staff_cost(3, 38_500) == pytest.approx(1_821_481.2, abs=0.01)
    assert staff_cost(1, 30_000, social_fee_rate=0.40) == pytest.approx(504_000.0)


def test_front_door_matches_hand_npv_and_payback():
    r = hand_example()
    assert r.npv == pytest.approx(HAND_NPV, abs=1e-3)
    assert r.payback_year == 2024
    # discounted cumulative: -100 000 + 28 571.43 + 27 210.88 + 25 915.13 = -18 302.56 in 2023; +24 681.07 > 0 in 2024
    assert r.discounted_payback_year == 2024
    assert r.npv_by_holder["Sociala investeringsfonden"] == pytest.approx(-100_000)
    assert r.npv_by_holder["Socialnämnden"] == pytest.approx(30_000 * HAND_ANNUITY, abs=1e-3)
    assert r.base_year == 2020 and r.years == (2020, 2021, 2022, 2023, 2024)


def test_break_even_effect_hand():
    # NPV = -100 000 + τ/0.2 · 106 378.515 = 0  ->  τ* = 0.2 · 100 000 / 106 378.515 = 0.188008
    r = hand_example()
    assert r.break_even["effekt: placeringsdygn"] == pytest.approx(0.2 * 100_000 / (30_000 * HAND_ANNUITY), rel=1e-9)
    assert r.break_even["effekt: placeringsdygn"] == pytest.approx(0.188008, abs=1e-6)
    at_break_even = hand_example(effect=r.break_even["effekt: placeringsdygn"])
    assert abs(at_break_even.npv) < 1e-6


def test_monte_carlo_equals_closed_form_without_uncertainty():
    r = hand_example()
    assert r.simulation.npv_mean == pytest.approx(r.npv, abs=1e-6)
    assert r.simulation.npv_low == pytest.approx(r.npv, abs=1e-6)
    assert r.simulation.npv_high == pytest.approx(r.npv, abs=1e-6)
    assert r.simulation.p_positive == 1.0
    assert max(r.simulation.draws) - min(r.simulation.draws) < 1e-6


def test_p_payback_is_zero_or_one_without_uncertainty():
    assert hand_example(payback_within=5).simulation.p_payback == 1.0  # pays back in 2024 = year 5
    assert hand_example(payback_within=4).simulation.p_payback == 0.0  # not by 2023


def test_base_year_later_compounds_earlier_years():
    r = hand_example(base_year=2021, price_year=2020)
    assert r.npv == pytest.approx(HAND_NPV * 1.05, abs=1e-3)


def test_monte_carlo_mean_close_to_closed_form_with_effect_uncertainty():
    est = Estimate(0.2, 0.05, 0.102, 0.298, 0.0001, 4.0, None, 200, "ATT", "test", "HC2")
    r = hand_example(effect=est, n_sims=20_000, seed=7)
    assert r.npv == pytest.approx(HAND_NPV, abs=1e-3)
    # NPV is linear in the effect: mean of the draws ≈ closed form; SD = 0.05/0.2 × 106 378.5
    sd = 0.05 / 0.2 * 30_000 * HAND_ANNUITY
    assert abs(r.simulation.npv_mean - HAND_NPV) < 4 * sd / math.sqrt(20_000)
    assert r.simulation.npv_high - r.simulation.npv_low == pytest.approx(2 * 1.959964 * sd, rel=0.05)
    # P(NPV ≥ 0) = Φ(6 378.5 / 26 594.6) = Φ(0.2398) ≈ 0.595
    assert r.simulation.p_positive == pytest.approx(0.595, abs=0.02)
