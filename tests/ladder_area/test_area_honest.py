"""Relative-magnitude breakdown value M̄ (Rambachan–Roth idea, plug-in simplification)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import DesignError
from workbench.ladder.area.honest import relative_magnitude_breakdown


def _table(rows):
    out = []
    for e, b, s in rows:
        ref = s is None
        out.append({"rel_time": e, "estimate": b, "std_error": np.nan if ref else s,
                    "ci_low": b - 2.0 * (s or 0), "ci_high": b + 2.0 * (s or 0), "reference": ref})
    return pd.DataFrame(out)


def test_hand_computed_breakdown():
    # pre-path -3: 0.5, -2: -0.25, -1: 0 (ref): changes 0.75, 0.25 -> Δ̄ = 0.75
    t = _table([(-3, 0.5, 0.1), (-2, -0.25, 0.1), (-1, 0.0, None), (0, -4.0, 0.5), (1, -5.0, 0.5)])
    b = relative_magnitude_breakdown(t)
    assert b.max_pre_violation == pytest.approx(0.75)
    assert b.crit == pytest.approx(2.0)
    assert b.m_bar == pytest.approx((4.0 - 2.0 * 0.5) / 0.75)
    lo, hi = b.identified_interval(b.m_bar)
    assert hi == pytest.approx(0.0, abs=1e-12)  # at M̄* the interval just reaches zero
    assert b.identified_interval(b.m_bar * 1.01)[1] > 0 > b.identified_interval(b.m_bar * 0.99)[1]
    sv, en = b.text("sv"), b.text("en")
    assert "resultatet håller om avvikelsen efter start är högst 4,00 gånger den största före start" in sv
    assert "at most 4.00 times the largest before the start" in en


def test_interval_with_zero_gives_zero_and_says_so():
    t = _table([(-2, 0.3, 0.1), (-1, 0.0, None), (0, 0.5, 0.5)])
    b = relative_magnitude_breakdown(t)
    assert b.m_bar == 0.0 and b.message.key == "area.breakdown_none"


def test_short_differences_without_reference_row():
    # Callaway–Sant'Anna varying base: each pre coefficient is a one-period change already
    t = _table([(-3, 0.2, 0.1), (-2, -0.6, 0.1), (-1, 0.1, 0.1), (0, 3.0, 0.25)])
    b = relative_magnitude_breakdown(t)
    assert b.max_pre_violation == pytest.approx(0.6)
    assert b.m_bar == pytest.approx((3.0 - 0.5) / 0.6)


def test_flat_pre_period_and_missing_pre_periods():
    flat = relative_magnitude_breakdown(_table([(-2, 0.0, 0.1), (-1, 0.0, None), (0, 3.0, 0.25)]))
    assert math.isinf(flat.m_bar) and flat.message.key == "area.breakdown_flat_pre"
    with pytest.raises(DesignError, match="leads="):
        relative_magnitude_breakdown(_table([(-1, 0.0, None), (0, 3.0, 0.25)]))
    with pytest.raises(DesignError, match="leads="):
        relative_magnitude_breakdown(_table([(-1, 0.0, None), (0, 3.0, 0.25)]), lang="en")


def _panel(trend, seed=3, g=30, t=24, start=12):
    rng = np.random.default_rng(seed)
    rows = []
    for u in range(g):
        a = rng.normal()
        for s in range(t):
            tr = u < 8
            on = tr and s >= start
            y = a + 0.1 * s + (trend * s if tr else 0.0) + (2.0 if on else 0.0) + rng.normal(0, 0.3)
            rows.append({"unit": u, "time": s, "y": y, "d": int(on)})
    return pd.DataFrame(rows)


def test_event_study_breakdown_falls_with_a_pre_trend():
    clean = wb.did(_panel(0.0), unit="unit", time="time", outcome="y", treated="d",
                   inference="none").event_study()
    b = clean.breakdown_m()
    coefs = clean.coefficients.set_index("rel_time")
    se0 = coefs.loc[0, "std_error"]
    crit = (coefs.loc[0, "ci_high"] - coefs.loc[0, "estimate"]) / se0
    pre = coefs.loc[coefs.index < 0, "estimate"].to_numpy()
    assert b.max_pre_violation == pytest.approx(np.max(np.abs(np.diff(pre))))
    assert b.m_bar == pytest.approx((abs(coefs.loc[0, "estimate"]) - crit * se0) / b.max_pre_violation)
    assert b.m_bar > 1
    trended = wb.did(_panel(0.15), unit="unit", time="time", outcome="y", treated="d",
                     inference="none").event_study().breakdown_m()
    assert trended.m_bar < b.m_bar
