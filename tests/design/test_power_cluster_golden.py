"""Cluster designs against the PowerUp! CRA2 formula computed by hand in R (golden/make_powerup.R)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden" / "powerup_golden.csv"


def _load() -> pd.DataFrame:
    df = pd.read_csv(GOLDEN, skipinitialspace=True)
    df["two"] = df["two"].astype(str).str.strip() == "TRUE"
    for col in df.columns:
        if col != "two":
            df[col] = pd.to_numeric(df[col].astype(str).str.strip(), errors="coerce")
    return df


ROWS = _load()


def _kw(row) -> dict:
    return dict(alpha=float(row.alpha), share_treated=float(row.P), r2_level1=float(row.r1),
                r2_level2=float(row.r2), n_covariates_level2=int(row.g), two_tailed=bool(row.two))


def test_mdes_multiplier_and_design_effect() -> None:
    for _, row in ROWS.iterrows():
        r = wb.power.cluster_mdes(int(row.J), float(row.n), float(row.rho), power=float(row.power), **_kw(row))
        assert r.mdes == pytest.approx(float(row.mdes), rel=1e-10)
        assert r.multiplier == pytest.approx(float(row.multiplier), rel=1e-10)
        assert r.df == row.df
        assert r.design_effect == pytest.approx(float(row.design_effect), rel=1e-12)


def test_power_at_effect() -> None:
    for _, row in ROWS.iterrows():
        r = wb.power.cluster_power(int(row.J), float(row.n), float(row.rho), 0.3, **_kw(row))
        assert r.power == pytest.approx(float(row["power_at_0.3"]), abs=1e-10)


def test_clusters_needed() -> None:
    rows = ROWS[ROWS["clusters_for_0.4"].notna()]
    assert len(rows) > 100
    for _, row in rows.iterrows():
        r = wb.power.cluster_sample_size(0.4, float(row.rho), cluster_size=float(row.n), power=0.8, **_kw(row))
        assert r.clusters == pytest.approx(float(row["clusters_for_0.4"]), rel=1e-6)
        assert r.clusters_ceiling >= r.clusters


def test_large_sample_multiplier_is_bloom_2_80() -> None:
    r = wb.power.cluster_mdes(100000, 10, 0.1)
    assert r.multiplier == pytest.approx(2.801585, abs=2e-4)


def test_design_effect_and_solvers_round_trip() -> None:
    assert wb.power.design_effect(21, 0.05) == pytest.approx(2.0)
    size = wb.power.cluster_sample_size(0.5, 0.05, clusters=20, power=0.8)
    back = wb.power.cluster_mdes(20, size.cluster_size, 0.05)
    assert back.mdes == pytest.approx(0.5, rel=1e-9)


def test_icc_zero_matches_individual_normal_approximation() -> None:
    """With ICC 0 the CRA2 variance is that of 2 groups of J n / 2 people: 4/(J n)."""
    r = wb.power.cluster_mdes(400, 5, 0.0)
    n_group = 400 * 5 / 2
    assert r.mdes / r.multiplier == pytest.approx((2 / n_group) ** 0.5, rel=1e-12)
