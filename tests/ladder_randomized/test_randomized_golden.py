"""wb.rct / wb.cace / wb.meta_analysis against R (estimatr 1.0.0, AER, sandwich, metafor).

The reference numbers come from ``golden/make_golden.R`` (stored in ``golden/golden*.csv``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench.ladder.randomized.api import cace, meta_analysis, rct
from workbench.ladder.randomized.iv import two_stage_least_squares
from workbench.ladder.randomized.ols import ols

GOLDEN = Path(__file__).parent / "golden"
FIELDS = ("estimate", "std_error", "df", "statistic", "p_value", "ci_low", "ci_high")


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(GOLDEN / name, skipinitialspace=True)


IND, CLU, PAIRS = _read("ind.csv"), _read("clu.csv"), _read("pairs.csv")
GOLD = _read("golden.csv").set_index("case")
GOLD_META = _read("golden_meta.csv").set_index("case")


def check_golden(case: str, est) -> None:
    ref = GOLD.loc[case]
    for f in FIELDS:
        want = ref[f]
        got = getattr(est, f)
        if pd.isna(want):
            assert got is None or np.isnan(got), (case, f, got)
            continue
        assert got == pytest.approx(float(want), rel=1e-8, abs=1e-12), (case, f, got, want)


DIM_CASES = {
    "dim_plain": (IND, "y", {}),
    "dim_blocked": (IND, "y", {"blocks": "block"}),
    "dim_binary": (IND, "yb", {}),
    "dim_clustered": (CLU, "y", {"clusters": "cl"}),
    "dim_block_clustered": (CLU, "y", {"blocks": "block", "clusters": "cl"}),
    "dim_pairs": (PAIRS, "y", {"blocks": "pair"}),
    "dim_binary_clustered": (CLU, "yb", {"clusters": "cl"}),
    "dim_plain_90": (IND, "y", {"conf_level": 0.90}),
}


@pytest.mark.parametrize("case", sorted(DIM_CASES))
def test_difference_in_means_matches_estimatr(case):
    data, outcome, kw = DIM_CASES[case]
    r = rct(data, outcome, "z", adherence=1.0, **kw)
    check_golden(case, r.estimate)


@pytest.mark.parametrize("se", ["classical", "HC0", "HC1", "HC2", "HC3"])
def test_ols_hc_matches_lm_robust(se):
    r = rct(IND, "y", "z", method="ols", covariates=["x1", "x2"], se_type=se)
    check_golden(f"ols_{se}", r.estimate)


@pytest.mark.parametrize("se", ["CR0", "CR2", "stata"])
def test_ols_cluster_robust_matches_lm_robust(se):
    r = rct(CLU, "y", "z", method="ols", covariates=["x1"], clusters="cl", se_type=se)
    check_golden(f"ols_{se}", r.estimate)


def test_ols_default_se_is_hc2_and_cr2():
    assert rct(IND, "y", "z", method="ols", covariates=["x1", "x2"]).estimate.std_error == pytest.approx(
        float(GOLD.loc["ols_HC2", "std_error"]), rel=1e-8)
    check_golden("ols_CR2", rct(CLU, "y", "z", method="ols", covariates=["x1"], clusters="cl").estimate)


def test_cr2_bell_mccaffrey_df_of_a_covariate():
    X = np.column_stack([np.ones(len(CLU)), CLU["z"], CLU["x1"]])
    fit = ols(CLU["y"].to_numpy(), X, ("(Intercept)", "z", "x1"), se_type="CR2", clusters=CLU["cl"].to_numpy())
    ref = GOLD.loc["ols_CR2_x1term"]
    assert fit.coef[2] == pytest.approx(float(ref["estimate"]), rel=1e-8)
    assert fit.std_error("x1") == pytest.approx(float(ref["std_error"]), rel=1e-8)
    assert fit.df[2] == pytest.approx(float(ref["df"]), rel=1e-8)


@pytest.mark.parametrize(
    "case,data,kw",
    [
        ("lin_HC2", IND, {"covariates": ["x1", "x2"]}),
        ("lin_HC0", IND, {"covariates": ["x1", "x2"], "se_type": "HC0"}),
        ("lin_factor_HC2", IND, {"covariates": ["x1", "block"]}),
        ("lin_CR2", CLU, {"covariates": ["x1"], "clusters": "cl"}),
        ("lin_stata", CLU, {"covariates": ["x1"], "clusters": "cl", "se_type": "stata"}),
    ],
)
def test_lin_matches_lm_lin(case, data, kw):
    check_golden(case, rct(data, "y", "z", method="lin", **kw).estimate)


def test_lin_blocks_enter_as_block_indicators():
    a = rct(IND, "y", "z", method="lin", covariates=["x1"], blocks="block").estimate
    check_golden("lin_factor_HC2", a)


def test_cace_matches_iv_robust_and_itt_first_stage():
    c = cace(IND, "y", "z", "d")
    check_golden("iv_HC2", c.estimate)
    check_golden("itt_HC2", c.itt)
    check_golden("first_stage_HC2", c.first_stage)
    c = cace(IND, "y", "z", "d", covariates=["x1"])
    check_golden("iv_cov_HC2", c.estimate)
    check_golden("itt_cov_HC2", c.itt)
    check_golden("first_stage_cov_HC2", c.first_stage)


def test_cace_without_covariates_is_the_wald_ratio():
    c = cace(IND, "y", "z", "d")
    assert c.estimate.estimate == pytest.approx(c.itt.estimate / c.first_stage.estimate, rel=1e-12)


def test_iv_hc2_with_aer_leverage_matches_sandwich():
    fit = two_stage_least_squares(IND["y"], IND["d"], IND["z"], leverage="mixed")
    ref = GOLD.loc["ivreg_sandwich_HC2"]
    assert fit.std_error("received") == pytest.approx(float(ref["std_error"]), rel=1e-8)


def test_risk_ratio_matches_katz_log_method():
    r = rct(IND, "yb", "z")
    assert r.binary
    check_golden("risk_ratio", r.risk_ratio)


@pytest.mark.parametrize("name", ["meta", "meta_homog"])
@pytest.mark.parametrize("method,r_method", [("fixed", "FE"), ("DL", "DL"), ("REML", "REML")])
def test_meta_analysis_matches_metafor(name, method, r_method):
    m = meta_analysis(_read(f"{name}.csv"), method=method, labels="study")
    case = f"{name}_{r_method}"
    check_golden(case, m.estimate)
    ref = GOLD_META.loc[case]
    assert m.tau2 == pytest.approx(float(ref["tau2"]), rel=1e-8, abs=1e-12)
    assert m.q == pytest.approx(float(ref["Q"]), rel=1e-8)
    assert m.q_p == pytest.approx(float(ref["Q_p"]), rel=1e-8)
    assert m.i2 == pytest.approx(float(ref["I2"]), rel=1e-8, abs=1e-10)
    assert m.h2 == pytest.approx(float(ref["H2"]), rel=1e-8)


@pytest.mark.parametrize("name", ["meta", "meta_homog"])
def test_meta_knapp_hartung_matches_metafor(name):
    m = meta_analysis(_read(f"{name}.csv"), method="DL", knapp_hartung=True, labels="study")
    check_golden(f"{name}_DL_knha", m.estimate)
