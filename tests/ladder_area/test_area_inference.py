"""Wild cluster bootstrap and permutation inference, checked against brute-force refits."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.ladder.area.inference import WEBB, permutation_test, wild_cluster_bootstrap
from workbench.ladder.area.panel import prepare_panel
from workbench.ladder.area.twfe import Demeaner, fit_twfe, small_sample_factor


def _panel(seed=3, g=12, t=8, treated=3, start=5, drop=0):
    rng = np.random.default_rng(seed)
    rows = [(u, s) for u in range(g) for s in range(t)]
    df = pd.DataFrame(rows, columns=["unit", "time"])
    df["d"] = ((df["unit"] < treated) & (df["time"] >= start)).astype(int)
    df["y"] = rng.normal(size=g)[df["unit"]] + 0.3 * df["time"] + 0.8 * df["d"] + rng.normal(size=len(df))
    if drop:
        keep = np.ones(len(df), bool)
        keep[rng.choice(np.flatnonzero(df["unit"] >= treated), drop, replace=False)] = False
        df = df[keep].reset_index(drop=True)
    return df


def _brute_force_t(y, d, unit, time, se_type="fixest"):
    """OLS with explicit dummies and the CR1 clustered SE, the slow way."""
    g, t = unit.max() + 1, time.max() + 1
    x = np.column_stack([d, np.eye(g)[unit], np.eye(t)[time][:, 1:]])
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    e = y - x @ beta
    bread = np.linalg.pinv(x.T @ x)
    s = np.zeros((g, x.shape[1]))
    np.add.at(s, unit, x * e[:, None])
    factor, _ = small_sample_factor(se_type, n=len(y), k=1, n_clusters=g, n_times=t)
    v = factor * bread @ s.T @ s @ bread
    return beta[0], beta[0] / math.sqrt(v[0, 0])


@pytest.mark.parametrize("drop", [0, 7])
def test_wild_bootstrap_equals_refitting_every_draw(drop):
    df = _panel(drop=drop)
    y, d = df["y"].to_numpy(), df["d"].to_numpy(float)
    unit, time = df["unit"].to_numpy(), df["time"].to_numpy()
    dm = Demeaner.build(unit, time, 12, 8)
    fit = fit_twfe(y, d, dm)
    boot = wild_cluster_bootstrap(fit, dm, reps=40, seed=9)
    # rebuild the same draws and refit the restricted-null bootstrap samples by brute force
    rng = np.random.default_rng(9)
    w = rng.choice(np.array(WEBB), size=(40, 12))
    x0 = np.column_stack([np.eye(12)[unit], np.eye(8)[time][:, 1:]])
    b0, *_ = np.linalg.lstsq(x0, y, rcond=None)
    fitted, resid = x0 @ b0, y - x0 @ b0
    for b in range(40):
        y_star = fitted + resid * w[b][unit]
        _, t_star = _brute_force_t(y_star, d, unit, time)
        assert boot.t_stats[b] == pytest.approx(t_star, rel=1e-7)
    t_obs = _brute_force_t(y, d, unit, time)[1]
    assert boot.p_value == pytest.approx(np.mean(np.abs(boot.t_stats) >= abs(t_obs) - 1e-12))


def test_bootstrap_is_seeded_and_webb_weights_are_six_points():
    df = _panel()
    p = prepare_panel(df, unit="unit", time="time", outcome="y", treated="d")
    dm = Demeaner.build(p.unit_code, p.time_code, p.n_units, p.n_times)
    fit = fit_twfe(p.y, p.d, dm)
    a = wild_cluster_bootstrap(fit, dm, reps=199, seed=1)
    b = wild_cluster_bootstrap(fit, dm, reps=199, seed=1)
    c = wild_cluster_bootstrap(fit, dm, reps=199, seed=2)
    assert a.p_value == b.p_value and np.array_equal(a.t_stats, b.t_stats)
    assert not np.array_equal(a.t_stats, c.t_stats)
    assert len(WEBB) == 6 and np.mean(np.square(WEBB)) == pytest.approx(1.0)


def test_permutation_is_exhaustive_and_equals_refits():
    df = _panel(treated=2)
    p = prepare_panel(df, unit="unit", time="time", outcome="y", treated="d")
    r = wb.did(df, unit="unit", time="time", outcome="y", treated="d", inference="all")
    perm = permutation_test(p, r.estimate.estimate)
    assert perm.exhaustive and len(perm.placebo_estimates) == math.comb(10, 2)
    # one placebo set refitted from scratch
    (u1, u2) = perm.placebo_units[0]
    ctrl = df[df["unit"] >= 2].copy()
    ctrl["d"] = (ctrl["unit"].isin([u1, u2]) & (ctrl["time"] >= 5)).astype(int)
    refit = wb.did(ctrl, unit="unit", time="time", outcome="y", treated="d", inference="none")
    assert perm.placebo_estimates[0] == pytest.approx(refit.estimate.estimate, rel=1e-9)
    expected = (1 + np.sum(np.abs(perm.placebo_estimates) >= abs(r.estimate.estimate) - 1e-12)) / 46
    assert r.p_permutation == pytest.approx(expected)


def test_few_treated_shows_extra_p_values_and_many_treated_does_not():
    few = _panel(g=30, treated=2)
    many = _panel(g=30, treated=12)
    r_few = wb.did(few, unit="unit", time="time", outcome="y", treated="d", bootstrap_reps=199,
                   permutations=199)
    r_many = wb.did(many, unit="unit", time="time", outcome="y", treated="d")
    assert r_few.p_wild_bootstrap is not None and 0 <= r_few.p_permutation <= 1
    assert r_few.bootstrap_reps == 199
    assert r_many.p_wild_bootstrap is None and r_many.p_permutation is None
    assert any("opålitliga" in w for w in r_few.warnings)
    assert not any("opålitliga" in w for w in r_many.warnings)
    en = wb.did(few, unit="unit", time="time", outcome="y", treated="d", lang="en", bootstrap_reps=199,
                permutations=199)
    assert any("unreliable" in w for w in en.warnings_in("en"))


@pytest.mark.slow
def test_permutation_p_is_roughly_uniform_under_the_null():
    ps = []
    for seed in range(40):
        df = _panel(seed=seed, g=20, treated=1)
        df["y"] = df["y"] - 0.8 * df["d"]
        r = wb.did(df, unit="unit", time="time", outcome="y", treated="d", bootstrap_reps=99)
        ps.append(r.p_permutation)
    ps = np.array(ps)
    assert 0.01 <= np.mean(ps <= 0.1) <= 0.3
    assert 0.35 <= ps.mean() <= 0.65


def test_permutation_with_as_many_controls_as_treated_has_no_degenerate_placebo():
    """With 5 treated of 10 areas the only placebo treats every comparison area: no estimate, no p = 1."""
    import math

    import numpy as np
    import pandas as pd

    import workbench as wb

    rng = np.random.default_rng(3)
    rows = []
    for u in range(10):
        for t in range(12):
            treated = u < 5 and t >= 6
            rows.append({"omr": f"A{u}", "t": t, "y": 50 + u + 0.5 * t - 5.0 * treated + rng.normal(0, 1),
                         "d": int(treated)})
    r = wb.did(pd.DataFrame(rows), unit="omr", time="t", outcome="y", treated="d")
    assert r.estimate.estimate < -3
    assert r.p_permutation is None or math.isnan(r.p_permutation)
