"""Identical covariate rows get bit-identical scores, whatever the row order or BLAS kernel.

The balance table's eCDF statistics and the nearest-neighbour order treat equal scores as ties, as
MatchIt does. Before the fit ran on distinct rows, lalonde's 22 groups of identical units got
scores that differed in the last bit on some BLAS kernels (OpenBLAS' Nehalem kernel among them),
and the ``distance`` row's eCDF mean left MatchIt's value by 3e-4.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.ladder.matching.rows import distinct_rows, row_hash
from workbench.ladder.matching.score import fit_logit

GOLDEN = Path(__file__).parent / "golden"
COVS = ["age", "educ", "race", "married", "nodegree", "re74", "re75"]


def _duplicated_frame(seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    base = pd.DataFrame({
        "age": rng.integers(18, 60, 40).astype(float),
        "income": rng.normal(2e5, 5e4, 40),
        "share": rng.uniform(0, 1, 40) / 3,  # values with no short binary expansion
        "district": rng.choice(["Norr", "Söder", "Väster"], 40),
    })
    df = base.loc[rng.integers(0, 40, 3000)].reset_index(drop=True)
    df["treat"] = rng.binomial(1, 0.3, len(df))
    return df


def _scores(df: pd.DataFrame) -> np.ndarray:
    return wb.match(df, "treat", ["age", "income", "share", "district"], method="nearest").propensity.to_numpy()


def test_identical_rows_get_identical_scores():
    df = _duplicated_frame()
    score = pd.Series(_scores(df))
    key = df[["age", "income", "share", "district"]].astype(str).agg("|".join, axis=1)
    spread = score.groupby(key).agg(lambda s: s.max() - s.min())
    assert len(spread) <= 40 and (spread == 0).all()


def test_shuffled_rows_give_bit_identical_scores():
    df = _duplicated_frame()
    ref = _scores(df)
    for seed in range(5):
        perm = np.random.default_rng(seed).permutation(len(df))
        shuffled = df.iloc[perm]
        got = pd.Series(_scores(shuffled), index=shuffled.index).sort_index().to_numpy()
        assert np.array_equal(got, ref)  # bit for bit: the fit does not see the row order


def test_fit_on_distinct_rows_is_the_unit_level_likelihood():
    """The grouped fit solves the unit-level score equations X'(y - p) = 0 (and equals glm on lalonde)."""
    df = _duplicated_frame()
    X = np.column_stack([np.ones(len(df)), df[["age", "income", "share"]].to_numpy(),
                         (df.district == "Söder").to_numpy(float), (df.district == "Väster").to_numpy(float)])
    y = df.treat.to_numpy(float)
    fit = fit_logit(X, y, ["(Intercept)", "age", "income", "share", "Söder", "Väster"])
    score_eq = X.T @ (y - fit.propensity) / np.sqrt((X**2).sum(axis=0))
    assert np.max(np.abs(score_eq)) < 1e-8


def test_distinct_rows_survive_a_hash_collision(monkeypatch):
    """If two different rows shared a hash the exact check would notice and sort the rows instead."""
    X = np.array([[1.0, 2.0], [3.0, 4.0], [1.0, 2.0], [-0.0, 5.0], [0.0, 5.0]])
    import workbench.ladder.matching.rows as mr

    monkeypatch.setattr(mr, "row_hash", lambda A: np.zeros(len(A), dtype=np.uint64))
    g = mr.distinct_rows(X)
    assert len(g.rows) == 3 and np.array_equal(g.rows[g.inverse], X)
    assert sorted(g.counts.tolist()) == [1, 2, 2]


def test_distinct_rows_treat_minus_zero_as_zero():
    X = np.array([[-0.0, 1.0], [0.0, 1.0]])
    assert row_hash(X)[0] == row_hash(X)[1]
    assert len(distinct_rows(X).rows) == 1


@pytest.fixture(scope="module")
def lalonde() -> pd.DataFrame:
    return pd.read_csv(GOLDEN / "lalonde.csv")


def _check_balance(bal: pd.DataFrame, spec: str) -> None:
    ref = pd.read_csv(GOLDEN / "balance.csv")
    ref = ref[ref.spec == spec]
    ref = ref.assign(variable=ref.variable.replace({"raceblack": "race=black", "racehispan": "race=hispan",
                                                    "racewhite": "race=white"}))
    for stage, ours in (("all", "before"), ("matched", "after")):
        r = ref[ref.stage == stage].set_index("variable")
        for stat in ("mean_treated", "mean_control", "smd", "var_ratio", "ecdf_mean", "ecdf_max"):
            np.testing.assert_allclose(bal[(ours, stat)].to_numpy(dtype=float), r[stat].to_numpy(dtype=float),
                                       rtol=1e-8, atol=1e-10, equal_nan=True, err_msg=f"{spec} {stage} {stat}")


@pytest.mark.parametrize("spec,kw", [("nn11", {}), ("nn11_cal", {"caliper": 0.2}), ("nn21", {"ratio": 2}),
                                     ("sub6", {"method": "subclass", "subclasses": 6})])
def test_shuffled_lalonde_gives_matchit_balance(lalonde, spec, kw):
    """Units with identical covariates are interchangeable, so any row order gives MatchIt's table."""
    for seed in (1, 2, 3):
        shuffled = lalonde.sample(frac=1.0, random_state=seed)
        _check_balance(wb.match(shuffled, "treat", COVS, **kw).balance(include_distance=True), spec)


_CHILD = """
import json, sys
import pandas as pd
import workbench as wb
df = pd.read_csv(sys.argv[1])
m = wb.match(df, "treat", %r)
from threadpoolctl import threadpool_info
core = [i.get("architecture") for i in threadpool_info() if i.get("internal_api") == "openblas"]
print(json.dumps({"ecdf_mean": float(m.balance(include_distance=True)[("after", "ecdf_mean")].loc["distance"]), "core": core}))
""" % COVS


@pytest.mark.skipif(platform.machine() not in ("x86_64", "AMD64"), reason="OpenBLAS core names are x86 ones")
@pytest.mark.parametrize("core", ["Nehalem", "Haswell"])
def test_balance_does_not_depend_on_the_blas_kernel(core):
    pytest.importorskip("threadpoolctl")
    env = dict(os.environ, OPENBLAS_CORETYPE=core)
    out = subprocess.run([sys.executable, "-c", _CHILD, str(GOLDEN / "lalonde.csv")], env=env,
                         capture_output=True, text=True, check=True, timeout=300)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    ref = pd.read_csv(GOLDEN / "balance.csv")
    want = ref[(ref.spec == "nn11") & (ref.stage == "matched") & (ref.variable == "distance")].ecdf_mean.item()
    assert got["ecdf_mean"] == pytest.approx(want, rel=1e-8, abs=1e-10)
