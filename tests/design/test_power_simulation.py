"""Simulation-based power: seeded, vectorised, and in line with the closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

import workbench as wb
from workbench.design.power import engine as eng
from workbench.design.advisor.designs import AreaComparison, Plan
from workbench.design.power.simulation_did import twfe_batch


def test_seeded_and_reproducible() -> None:
    a = wb.power.simulate_binary_rct(0.2, 0.1, 150, n_sims=500, seed=7)
    b = wb.power.simulate_binary_rct(0.2, 0.1, 150, n_sims=500, seed=7)
    c = wb.power.simulate_binary_rct(0.2, 0.1, 150, n_sims=500, seed=8)
    assert a.power == b.power and np.array_equal(a.p_values, b.p_values)
    assert not np.array_equal(a.p_values, c.p_values)
    unseeded = wb.power.simulate_binary_rct(0.2, 0.1, 150, n_sims=50)
    again = wb.power.simulate_binary_rct(0.2, 0.1, 150, n_sims=50, seed=unseeded.seed)
    assert np.array_equal(unseeded.p_values, again.p_values)


def test_generic_protocol_and_shape_error() -> None:
    def generate(rng, k):
        return rng.standard_normal((k, 40)) + 0.5

    def analyse(x):
        from scipy.stats import ttest_1samp

        return ttest_1samp(x, 0.0, axis=1).pvalue

    r = wb.power.simulate_power(generate, analyse, n_sims=1000, seed=1, batch_size=300)
    exact = eng.power_paired(0.5, 40, 0.05, "two-sided")  # one-sample t = paired t
    assert abs(r.power - exact) < 4 * math.sqrt(exact * (1 - exact) / 1000)
    assert r.ci_low <= r.power <= r.ci_high
    with pytest.raises(wb.WorkbenchError) as e:
        wb.power.simulate_power(generate, lambda x: np.zeros(3), n_sims=10, seed=1)
    assert e.value.key == "design.generate_shape"


def test_binary_rct_matches_pwr_and_holds_size() -> None:
    r = wb.power.simulate_binary_rct(0.05, 0.035, 2818, n_sims=2000, seed=11)
    assert abs(r.power - 0.8) < 4 * math.sqrt(0.16 / 2000)
    null = wb.power.simulate_binary_rct(0.3, 0.3, 200, n_sims=4000, seed=3)
    assert abs(null.power - 0.05) < 4 * math.sqrt(0.05 * 0.95 / 4000)


def test_matched_regression_adjusted_matches_t_power() -> None:
    r2, effect, n = 0.5, 0.25, 150
    sim = wb.power.simulate_matched(n, effect, r2=r2, match_sd=0.0, n_sims=1000, seed=5)
    exact = eng.power_two_means(effect / math.sqrt(1 - r2), n, n, 0.05, "two-sided")
    assert abs(sim.power - exact) < 4 * math.sqrt(exact * (1 - exact) / 1000) + 0.01
    assert sim.mean_estimate == pytest.approx(effect, abs=0.02)


def test_twfe_batch_matches_statsmodels_dummies() -> None:
    import pandas as pd
    import statsmodels.formula.api as smf

    rng = np.random.default_rng(2)
    g, t = 8, 6
    treat = np.zeros((g, t))
    treat[:3, 3:] = 1
    y = rng.standard_normal((1, g, t)) + 0.4 * treat
    beta, se, df = twfe_batch(y, treat)
    frame = pd.DataFrame({"y": y[0].ravel(), "d": treat.ravel(), "unit": np.repeat(np.arange(g), t),
                          "time": np.tile(np.arange(t), g)})
    fit = smf.ols("y ~ d + C(unit) + C(time)", frame).fit(cov_type="cluster", cov_kwds={"groups": frame["unit"]})
    assert beta[0] == pytest.approx(fit.params["d"], rel=1e-10)
    k_sm = fit.df_model + 1  # statsmodels counts every dummy; ours counts K = T (unit effects nested)
    n_obs = g * t
    assert se[0] == pytest.approx(fit.bse["d"] * math.sqrt((n_obs - k_sm) / (n_obs - t)), rel=1e-10)
    assert df == g - 1


def test_did_size_with_many_treated_and_over_rejection_with_one() -> None:
    fair = wb.power.simulate_did(30, 15, 0.0, periods_before=6, periods_after=6, n_sims=1500, seed=4)
    assert abs(fair.power - 0.05) < 0.025
    few = wb.power.simulate_did(12, 1, 0.0, periods_before=6, periods_after=6, n_sims=1500, seed=4)
    assert few.power > 0.1  # the known failure of clustered SEs with one treated district
    assert any("behandlade stadsdelar" in w for w in few.warnings)


def test_advisor_area_formula_agrees_with_simulation() -> None:
    """Two phases (before/after means of n people per district) with district-by-phase shocks."""
    g, g1, n_per_district, tau2, effect = 20, 10, 40, 0.01, 0.3
    plan = Plan(outcome="continuous", effect=effect, baseline=None, direction=1, inflow=g1 * n_per_district / 12,
                months_planned=12, alpha=0.05, power=0.8, clusters=None, icc=0.0, districts=g,
                treated_districts=g1, months_before=None, area_icc=tau2, matching_inflation=1.25,
                prepost_correlation=0.5)
    analytic = AreaComparison().power_fn(plan, effect, g1 * n_per_district)
    sim = wb.power.simulate_did(g, g1, effect, periods_before=1, periods_after=1, sd_district=1.0,
                                sd_noise=math.sqrt(1 / n_per_district), sd_period_shock=math.sqrt(tau2),
                                n_sims=2000, seed=9)
    assert abs(sim.power - analytic) < 0.05
