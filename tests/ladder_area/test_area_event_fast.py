"""The sufficient-statistics event study equals the dense TWFE fit on the event dummies."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.ladder.area.event import event_bins, event_design
from workbench.ladder.area.event_fast import fit_event_bins
from workbench.ladder.area.twfe import Demeaner, fit_twfe


def _panel(n_units, n_times, *, drop, seed, staggered=True):
    rng = np.random.default_rng(seed)
    unit = np.repeat(np.arange(n_units), n_times)
    time = np.tile(np.arange(n_times), n_units)
    start = -np.ones(n_units, dtype=np.int64)
    n1 = max(2, n_units // 4)
    start[:n1] = rng.integers(3, n_times - 2, n1) if staggered else n_times // 2
    y = rng.normal(size=n_units)[unit] + 0.1 * time + rng.normal(size=unit.size)
    keep = rng.random(unit.size) > drop
    return unit[keep], time[keep], y[keep], start


@pytest.mark.parametrize("drop", [0.0, 0.15])
@pytest.mark.parametrize("se_type", ["fixest", "lm"])
@pytest.mark.parametrize("window", [(4, 6), (12, 24)])
def test_bins_fit_equals_dense_twfe(drop, se_type, window):
    unit, time, y, start = _panel(40, 30, drop=drop, seed=3)
    lead, lag = window
    x, rel = event_design(start, unit, time, lead, lag)
    keep = x.any(axis=0)
    x = x[:, keep]
    code, rel2 = event_bins(start, unit, time, lead, lag)
    assert rel == rel2
    for j in range(len(rel)):  # the bins are the dummy columns
        assert np.array_equal(code == j, event_design(start, unit, time, lead, lag)[0][:, j] == 1)
    recode = np.full(len(rel) + 1, -1)
    recode[:-1][keep] = np.arange(keep.sum())
    dense = fit_twfe(y, x, Demeaner.build(unit, time, 40, 30, tol=1e-14), se_type=se_type)
    fast = fit_event_bins(y, recode[code], unit, time, 40, 30, int(keep.sum()), se_type=se_type)
    np.testing.assert_allclose(fast.coef, dense.coef, rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(fast.vcov, dense.vcov, rtol=1e-8, atol=1e-13)
    assert fast.df == dense.df


def test_disconnected_time_periods_are_handled():
    unit, time, y, start = _panel(30, 20, drop=0.0, seed=5)
    hole = time != 7  # a period nobody is observed in
    unit, time, y = unit[hole], time[hole], y[hole]
    x, _ = event_design(start, unit, time, 3, 4)
    keep = x.any(axis=0)
    code, rel = event_bins(start, unit, time, 3, 4)
    recode = np.full(len(rel) + 1, -1)
    recode[:-1][keep] = np.arange(keep.sum())
    dense = fit_twfe(y, x[:, keep], Demeaner.build(unit, time, 30, 20, tol=1e-14))
    fast = fit_event_bins(y, recode[code], unit, time, 30, 20, int(keep.sum()))
    np.testing.assert_allclose(fast.coef, dense.coef, rtol=1e-9, atol=1e-11)
    np.testing.assert_allclose(fast.vcov, dense.vcov, rtol=1e-8, atol=1e-13)


@pytest.mark.parametrize("sample", ["hemloshet_stadsdelar", "hemloshet_stadsdelar_forskjuten"])
def test_pretrend_p_equals_the_dense_wald_test(sample):
    """The default wb.did's pre-trend p is the dense event study's Wald p to 1e-10."""
    from scipy import stats

    import workbench as wb
    from workbench.ladder.area.event import default_window
    from workbench.ladder.area.panel import prepare_panel

    df = wb.load_sample(sample)
    kw = dict(unit="stadsdel", time="månad", outcome="hushåll_med_boendebistånd", treated="projekt_aktivt")
    es = wb.did(df, **kw, inference="none").event_study()
    p = prepare_panel(df, **kw)
    lead, lag = default_window(p, None, None)
    x, rel = event_design(p.start, p.unit_code, p.time_code, lead, lag)
    keep = x.any(axis=0)
    rel = [e for e, k in zip(rel, keep) if k]
    fit = fit_twfe(p.y, x[:, keep], Demeaner.build(p.unit_code, p.time_code, p.n_units, p.n_times,
                                                   tol=1e-14))
    idx = [j for j, e in enumerate(rel) if e <= -2]
    b, v = fit.coef[idx], fit.vcov[np.ix_(idx, idx)]
    f = float(b @ np.linalg.pinv(v) @ b) / len(idx)
    assert es.pretrend_p == pytest.approx(float(stats.f.sf(f, len(idx), fit.df)), abs=1e-10)
    assert es.pretrend_f == pytest.approx(f, rel=1e-9)


def test_disconnected_blocks_fall_back_to_the_pseudo_inverse():
    """Two blocks of units that share no period: S is singular, the fit still equals the dense one."""
    unit, time, y, start = _panel(20, 16, drop=0.0, seed=8)
    keep = ((unit < 10) & (time < 8)) | ((unit >= 10) & (time >= 8))
    unit, time, y = unit[keep], time[keep], y[keep]
    start = np.where(np.arange(20) < 10, np.minimum(np.maximum(start, -1), 6), start)
    start[[0, 1, 2]] = [3, 4, -1]
    start[[10, 11]] = [11, 12]
    start[12:] = -1
    start[3:10] = -1
    x, _ = event_design(start, unit, time, 2, 2)
    cols = x.any(axis=0)
    code, rel = event_bins(start, unit, time, 2, 2)
    recode = np.full(len(rel) + 1, -1)
    recode[:-1][cols] = np.arange(cols.sum())
    dense = fit_twfe(y, x[:, cols], Demeaner.build(unit, time, 20, 16, tol=1e-14))
    fast = fit_event_bins(y, recode[code], unit, time, 20, 16, int(cols.sum()))
    np.testing.assert_allclose(fast.coef, dense.coef, rtol=1e-8, atol=1e-10)
