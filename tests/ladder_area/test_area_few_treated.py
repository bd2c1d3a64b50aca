"""Honest inference with few treated areas: the headline interval comes from placebo sets.

The coverage check simulates panels like the teaching data (14 districts, 1–4 treated, 72 months,
AR(1) errors, a common start after 36 months) and runs the headline path of ``wb.did`` (TWFE fit,
permutation over the comparison areas, ``placebo_interval``) on 1,000 seeds; the analytic
cluster-robust interval undercovers there, the placebo interval must cover 93–97 %.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.ladder.area import inference as inf
from workbench.ladder.area.panel import prepare_panel
from workbench.ladder.area.twfe import Demeaner, fit_twfe

TAU = 2.0


def _panel(seed: int, g: int = 14, t: int = 72, rho: float = 0.5):
    rng = np.random.default_rng(seed)
    n1 = int(rng.integers(1, 5))
    eps = rng.normal(size=(g, t))
    e = np.zeros((g, t))
    for k in range(t):
        e[:, k] = (rho * e[:, k - 1] if k else 0.0) + eps[:, k]
    d = np.zeros((g, t))
    d[:n1, 36:] = 1
    y = rng.normal(0, 3, g)[:, None] + rng.normal(0, 1, t)[None, :] + e + TAU * d
    return pd.DataFrame({"område": np.repeat([f"D{i:02d}" for i in range(g)], t),
                         "månad": np.tile(np.arange(1, t + 1), g), "y": y.ravel(), "d": d.ravel()}), n1


def _interval(df):
    p = prepare_panel(df, unit="område", time="månad", outcome="y", treated="d")
    dm = Demeaner.build(p.unit_code, p.time_code, p.n_units, p.n_times)
    fit = fit_twfe(p.y, p.d, dm)
    perm = inf.permutation_test(p, fit.coef[0], max_draws=999, seed=1)
    n1 = len(p.treated_units)
    iv = inf.placebo_interval(fit.coef[0], perm.placebo_estimates, n1, p.n_units - n1)
    return fit, iv


@pytest.mark.slow
def test_placebo_interval_covers_95_percent_on_teaching_like_panels():
    from scipy import stats

    hits, analytic = [], []
    for seed in range(1000):
        df, _ = _panel(seed)
        fit, iv = _interval(df)
        hits.append(iv.low <= TAU <= iv.high)
        crit = stats.t.ppf(0.975, fit.df)
        analytic.append(abs(fit.coef[0] - TAU) <= crit * fit.se[0])
    assert 0.93 <= np.mean(hits) <= 0.97
    assert np.mean(analytic) < 0.90  # why the analytic interval is not the headline


def test_headline_is_the_placebo_interval_and_says_why():
    df, n1 = _panel(3)
    r = wb.did(df, unit="område", time="månad", outcome="y", treated="d", bootstrap_reps=199)
    fit, iv = _interval(df)
    assert r.headline is not r.estimate
    assert r.headline.ci_low == pytest.approx(iv.low, rel=1e-12)
    assert r.headline.ci_high == pytest.approx(iv.high, rel=1e-12)
    assert r.headline.p_value == r.p_permutation
    assert r.estimate.std_error == pytest.approx(fit.se[0], rel=1e-12)  # analytic kept, not shown
    why = [w for w in r.warnings if f"{iv.n_sets} placebouppsättningar" in w]
    assert len(why) == 1 and "inte att lita" in why[0]
    assert any(f"{iv.n_sets} placebo sets" in w for w in r.warnings_in("en"))
    assert r.explain("sv") != r.explain("en")
    assert r.summary()["headline_se_type"].iloc[0].startswith("placebo-in-space")
    # many treated areas: the analytic interval is the headline
    many = df.copy()
    many["d"] = ((many["område"] < "D07") & (many["månad"] > 36)).astype(int)
    r2 = wb.did(many, unit="område", time="månad", outcome="y", treated="d")
    assert r2.headline == r2.estimate


def test_placebo_interval_needs_enough_sets():
    assert inf.placebo_interval(1.0, np.array([0.1, np.nan]), 1, 2) is None
    iv = inf.placebo_interval(1.0, np.array([-1.0, 1.0, -1.0, 1.0]), 1, 4)
    # r = 1, kappa = (1 + 1/4)/(1 + 1/3) = 15/16, t(3) quantile
    from scipy import stats

    half = stats.t.ppf(0.975, 3) * np.sqrt(15 / 16)
    assert (iv.low, iv.high) == pytest.approx((1 - half, 1 + half), rel=1e-12)


@pytest.mark.slow
def test_teaching_panel_one_district_per_cohort_has_a_valid_interval():
    df = wb.load_sample("hemloshet_stadsdelar_forskjuten")
    truth = wb.samples.truth("hemloshet_stadsdelar_forskjuten")
    outcome = "försörjningsstöd_boende_tkr"
    r = wb.did(df, unit="stadsdel", time="månad", outcome=outcome, treated="projekt_aktivt",
               method="callaway_santanna", permutations=199)
    h = r.headline
    assert h.se_type.startswith("placebo-in-space")
    assert np.isfinite(h.ci_low) and np.isfinite(h.ci_high) and h.ci_low < h.ci_high
    assert h.ci_high - h.ci_low > 2 * 1.96 * 6.3  # wider than the old one-area-per-cohort SE gave
    assert any("placebouppsättningar" in w for w in r.warnings)
    assert h.ci_low - 0 <= truth["effects"][outcome] <= h.ci_high
