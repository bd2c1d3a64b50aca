"""Each true effect is recovered by the right design: 95 % intervals of a simple unbiased estimator,
built here with numpy (not with the workbench), cover the truth 93–97 % of the time over many seeds.

1,000 seeds per check (the issue asks for at least 200; with 1,000 the Monte Carlo error of a
95 % coverage is 0.7 percentage points, so a correct design passes the 93–97 % band reliably).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from workbench.data import samples

REPS = 1000
SEEDS = range(1, REPS + 1)


def _coverage(estimates: np.ndarray, ses: np.ndarray, truth: float, df: float | None = None) -> float:
    crit = stats.norm.ppf(0.975) if df is None else stats.t.ppf(0.975, df)
    return float(np.mean(np.abs(estimates - truth) <= crit * ses))


def _diff_in_means(y: np.ndarray, z: np.ndarray) -> tuple[float, float]:
    y1, y0 = y[z == 1], y[z == 0]
    est = y1.mean() - y0.mean()
    se = np.sqrt(y1.var(ddof=1) / len(y1) + y0.var(ddof=1) / len(y0))
    return est, se


def _ols_hc2(y: np.ndarray, x: np.ndarray, col: int) -> tuple[float, float]:
    xtx_inv = np.linalg.inv(x.T @ x)
    beta = xtx_inv @ x.T @ y
    resid = y - x @ beta
    h = np.einsum("ij,jk,ik->i", x, xtx_inv, x)
    meat = (x * (resid**2 / (1 - h))[:, None]).T @ x
    cov = xtx_inv @ meat @ xtx_inv
    return float(beta[col]), float(np.sqrt(cov[col, col]))


def _dummies(values) -> np.ndarray:
    cats, codes = np.unique(np.asarray(values, dtype=str), return_inverse=True)
    return np.eye(len(cats))[codes][:, 1:]


def _hela_design(df) -> np.ndarray:
    t = df["hela_familjen"].to_numpy(float)
    edu = df["utbildning"].to_numpy(str)
    return np.column_stack([
        np.ones(len(df)), t, _dummies(df["stadsdel"]),
        df["ålder"], (df["hushållstyp"] == "Sammanboende med barn").astype(float),
        df["antal_barn"], df["år_med_bistånd"], edu == "Gymnasial", edu == "Eftergymnasial",
        df["arbetat_senaste_3_år"], df["hälsohinder"], df["född_utomlands"],
    ]).astype(float)


@pytest.mark.slow
def test_hela_familjen_adjustment_covers_and_naive_is_biased_upward():
    truth = samples.truth("hela_familjen")
    outcomes = ("självförsörjande_år3", "månader_med_bistånd")
    est = {o: [] for o in outcomes}
    se = {o: [] for o in outcomes}
    naive = []
    for seed in SEEDS:
        df = samples.generate("hela_familjen", seed=seed)
        x = _hela_design(df)
        for o in outcomes:
            b, s = _ols_hc2(df[o].to_numpy(float), x, 1)
            est[o].append(b)
            se[o].append(s)
        t = df["hela_familjen"].to_numpy()
        y = df["självförsörjande_år3"].to_numpy(float)
        naive.append(y[t == 1].mean() - y[t == 0].mean())
    for o in outcomes:
        cov = _coverage(np.array(est[o]), np.array(se[o]), truth["effects"][o], df=600 - 20)
        assert 0.93 <= cov <= 0.97, (o, cov)
        mc_se = np.std(est[o]) / np.sqrt(REPS)
        assert abs(np.mean(est[o]) - truth["effects"][o]) < 4 * mc_se, o
    bias = np.mean(naive) - truth["effects"]["självförsörjande_år3"]
    assert truth["naive_bias_direction"].startswith("upward")
    assert bias > 0.04
    assert abs(bias - truth["naive_bias_expected"]["självförsörjande_år3"]) < 0.015


@pytest.mark.slow
def test_barnavard_difference_in_means_covers():
    truth = samples.truth("barnavard_rct")
    outcomes = ("placering_12m", "ny_orosanmälan_12m", "utredningstid_dagar")
    res = {o: ([], []) for o in outcomes}
    for seed in SEEDS:
        df = samples.generate("barnavard_rct", seed=seed)
        r = df[(df["randomiserad"] == 1) & (df["uppföljning_12m_klar"] == 1)]
        z = (r["grupp"] == "Insats").to_numpy(int)
        for o in outcomes:
            e, s = _diff_in_means(r[o].to_numpy(float), z)
            res[o][0].append(e)
            res[o][1].append(s)
    for o in outcomes:
        cov = _coverage(np.array(res[o][0]), np.array(res[o][1]), truth["effects"][o])
        assert 0.93 <= cov <= 0.97, (o, cov)


@pytest.mark.slow
def test_foraldrastod_itt_and_cace_cover():
    # 3,000 seeds: with about 105 parents per arm the estimator is cheap, and the extra seeds
    # keep the Monte Carlo error of the coverage at 0.4 percentage points.
    truth = samples.truth("foraldrastod_rct")
    itt, itt_se, cace, cace_se = [], [], [], []
    for seed in range(1, 3001):
        df = samples.generate("foraldrastod_rct", seed=seed)
        df = df[df["stress_efter"].notna()]
        y = df["stress_efter"].to_numpy(float)
        z = df["erbjuden"].to_numpy(int)
        d = df["deltog"].to_numpy(float)
        e, s = _diff_in_means(y, z)
        itt.append(e)
        itt_se.append(s)
        first = d[z == 1].mean() - d[z == 0].mean()
        beta = e / first
        u = y - beta * d
        cace.append(beta)
        cace_se.append(np.sqrt(u[z == 1].var(ddof=1) / (z == 1).sum()
                               + u[z == 0].var(ddof=1) / (z == 0).sum()) / first)
    assert 0.93 <= _coverage(np.array(itt), np.array(itt_se), truth["effects"]["itt"]) <= 0.97
    assert 0.93 <= _coverage(np.array(cace), np.array(cace_se), truth["effects"]["cace"]) <= 0.97


def _twfe_balanced(df) -> tuple[float, float, int]:
    """Two-way fixed effects on a balanced panel by closed-form two-way demeaning, classical SE."""
    complete = df.groupby("stadsdel")["försörjningsstöd_boende_tkr"].transform(lambda s: s.notna().all())
    df = df[complete.astype(bool)]
    units, times = df["stadsdel"].nunique(), df["tid"].nunique()
    y = df.pivot(index="stadsdel", columns="tid", values="försörjningsstöd_boende_tkr").to_numpy(float)
    d = df.pivot(index="stadsdel", columns="tid", values="projekt_aktivt").to_numpy(float)

    def demean(a: np.ndarray) -> np.ndarray:
        return a - a.mean(axis=1, keepdims=True) - a.mean(axis=0, keepdims=True) + a.mean()

    yt, dt = demean(y), demean(d)
    beta = float((yt * dt).sum() / (dt * dt).sum())
    resid = yt - beta * dt
    dof = units * times - units - times + 1 - 1
    se = float(np.sqrt((resid * resid).sum() / dof / (dt * dt).sum()))
    return beta, se, dof


@pytest.mark.slow
@pytest.mark.parametrize("name", ["hemloshet_stadsdelar", "hemloshet_stadsdelar_forskjuten"])
def test_panel_twfe_covers(name):
    truth = samples.truth(name)
    out = np.array([_twfe_balanced(samples.generate(name, seed=seed)) for seed in SEEDS])
    cov = _coverage(out[:, 0], out[:, 1], truth["effects"]["försörjningsstöd_boende_tkr"], df=out[0, 2])
    assert 0.93 <= cov <= 0.97, cov
    mc_se = out[:, 0].std() / np.sqrt(len(out))
    assert abs(out[:, 0].mean() - truth["effects"]["försörjningsstöd_boende_tkr"]) < 4 * mc_se


def test_utomhuspedagogik_change_scores_cover_and_naive_is_biased_downward():
    truth = samples.truth("utomhuspedagogik")
    est, ses, naive = [], [], []
    for seed in SEEDS:
        df = samples.generate("utomhuspedagogik", seed=seed)
        df = df[df["matte_poäng_efter"].notna()]
        change = (df["matte_poäng_efter"] - df["matte_poäng_före"]).to_numpy(float)
        z = df["insatsskola"].to_numpy(int)
        e, s = _diff_in_means(change, z)
        est.append(e)
        ses.append(s)
        naive.append(_diff_in_means(df["matte_poäng_efter"].to_numpy(float), z)[0])
    cov = _coverage(np.array(est), np.array(ses), truth["effects"]["matte_poäng"])
    assert 0.93 <= cov <= 0.97, cov
    assert abs(np.mean(naive) - truth["naive_post_difference_expected"]["matte_poäng"]) < 0.3
    assert np.mean(naive) < 0
