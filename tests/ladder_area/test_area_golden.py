"""Area comparisons against reference numbers from R (golden/make_golden.R -> golden/golden.json).

R had base lm + sandwich::vcovCL (both small-sample conventions), NeweyWest and quadprog; the data
are a simulated panel (stored as CSV), Kessler & Roth's organ-donation panel (causaldata) and
California's Proposition 99 cigarette sales (synthdid's california_prop99).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden"
REF = json.loads((GOLDEN / "golden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sim() -> pd.DataFrame:
    return pd.read_csv(GOLDEN / "sim_panel.csv")


@pytest.mark.parametrize("panel_kind", ["balanced", "unbalanced"])
@pytest.mark.parametrize("se_type,key", [("fixest", "fixest"), ("lm", "lm"), ("stata_areg", "lm")])
def test_twfe_matches_r(sim, panel_kind, se_type, key):
    data = sim if panel_kind == "balanced" else sim[sim["in_unbalanced"] == 1]
    ref = REF[panel_kind]
    r = wb.did(data, unit="unit", time="time", outcome="y", treated="d", se_type=se_type, inference="none")
    assert r.estimate.estimate == pytest.approx(ref["coef"], rel=1e-9)
    assert r.estimate.std_error == pytest.approx(ref[f"se_{key}"], rel=1e-7)
    assert r.estimate.p_value == pytest.approx(ref[f"p_{key}"], rel=1e-6)
    assert r.estimate.df == ref["G"] - 1
    assert r.estimate.n == ref["n"]


def test_se_conventions_differ_by_the_documented_factor(sim):
    """fixest K = 1 + T, lm K = G + T: the variance ratio is (N−1−T)/(N−G−T)."""
    a = wb.did(sim, unit="unit", time="time", outcome="y", treated="d", inference="none")
    b = wb.did(sim, unit="unit", time="time", outcome="y", treated="d", se_type="lm", inference="none")
    n, g, t = 640, 40, 16
    assert (b.estimate.std_error / a.estimate.std_error) ** 2 == pytest.approx((n - 1 - t) / (n - g - t), rel=1e-10)


def test_event_study_matches_r(sim):
    ref = REF["event_study"]
    es = wb.did(sim, unit="unit", time="time", outcome="y", treated="d", inference="none").event_study()
    coefs = es.coefficients[~es.coefficients["reference"]].set_index("rel_time")
    assert list(coefs.index) == ref["rel_times"]
    np.testing.assert_allclose(coefs["estimate"], ref["coef"], rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose(coefs["std_error"], ref["se_fixest"], rtol=1e-7)
    assert es.pretrend_f == pytest.approx(ref["wald_f"], rel=1e-7)
    assert es.pretrend_p == pytest.approx(ref["wald_p"], rel=1e-6)


def test_organ_donation_kessler_roth():
    """California's active-choice question from Q3 2011; The Effect reports −0.0225 (SE 0.0061)."""
    od = pd.read_csv(GOLDEN / "organ_donation.csv")
    od["d"] = ((od["State"] == "California") & od["Quarter"].isin(["Q32011", "Q42011", "Q12012"])).astype(int)
    r = wb.did(od, unit="State", time="Quarter", outcome="Rate", treated="d")
    ref = REF["organ"]
    assert r.estimate.estimate == pytest.approx(ref["coef"], rel=1e-8)
    assert r.estimate.estimate == pytest.approx(-0.0225, abs=5e-5)
    assert r.estimate.std_error == pytest.approx(ref["se_fixest"], rel=1e-7)
    assert r.estimate.std_error == pytest.approx(0.0061, abs=5e-5)
    # one treated state: extra inference is computed and shown
    assert r.n_treated == 1 and r.p_wild_bootstrap is not None and r.p_permutation is not None
    assert r.p_permutation == pytest.approx(5 / 27)  # exhaustive over the 26 other states
    assert any("vild klusterbootstrap" in w for w in r.warnings)
    # only 3 quarters before the start: not credible at the default of 4
    assert not r.credible


def test_staggered_callaway_santanna_cells_match_r():
    st = pd.read_csv(GOLDEN / "sim_staggered.csv")
    ref = REF["staggered"]
    r = wb.did(st, unit="unit", time="time", outcome="y", treated="d", method="callaway_santanna",
               inference="none")
    assert r.estimate.estimate == pytest.approx(ref["simple"], rel=1e-9)
    twfe = wb.did(st, unit="unit", time="time", outcome="y", treated="d", inference="none")
    assert twfe.estimate.estimate == pytest.approx(ref["twfe"], rel=1e-9)
    assert twfe.staggered and any("olika tidpunkter" in w for w in twfe.warnings)
    from workbench.ladder.area.panel import prepare_panel
    from workbench.ladder.area.staggered import group_time_att

    cells, _ = group_time_att(prepare_panel(st, unit="unit", time="time", outcome="y", treated="d"))
    mine = {(int(g) + 1, int(t) + 1): a for g, t, a in zip(cells["group"], cells["time"], cells["att"])}
    for c in ref["cells"]:
        assert mine[(c["group"], c["time"])] == pytest.approx(c["att"], rel=1e-9, abs=1e-12)


def test_its_matches_r_newey_west():
    its = pd.read_csv(GOLDEN / "sim_its.csv")
    its["månad"] = [str(pd.Period("2019-01", "M") + i) for i in range(len(its))]
    r = wb.interrupted_time_series(its, time="månad", outcome="y", start="2022-01", hac_lags=4)
    ref = REF["its"]
    assert r.seasonal
    assert r.estimate.estimate == pytest.approx(ref["coef_post"], rel=1e-8)
    assert r.estimate.std_error == pytest.approx(ref["se_post"], rel=1e-7)
    assert r.slope_change.estimate == pytest.approx(ref["coef_since"], rel=1e-8)
    assert r.slope_change.std_error == pytest.approx(ref["se_since"], rel=1e-7)


def test_prop99_synthetic_control_matches_quadprog():
    """Outcomes-only synthetic control for California (1970–1988 fit), as R's quadprog gives it.

    Abadie et al. (2010) with their covariates report Colorado 0.164, Connecticut 0.069, Montana
    0.199, Nevada 0.234, Utah 0.334; fitted on outcomes only the same states carry the weight
    (plus New Hampshire), with different shares.
    """
    p99 = pd.read_csv(GOLDEN / "prop99_synthdid.csv", sep=";")
    r = wb.synthetic_control(p99, unit="State", time="Year", outcome="PacksPerCapita",
                             treated_unit="California", start=1989)
    ref = REF["prop99"]
    w = r.weights.reindex(ref["states"])
    np.testing.assert_allclose(w.to_numpy(), ref["weights"], atol=1e-4)
    assert r.pre_rmspe == pytest.approx(ref["pre_rmspe"], rel=1e-6)
    assert r.post_rmspe == pytest.approx(ref["post_rmspe"], rel=1e-5)
    assert r.estimate.estimate == pytest.approx(ref["mean_post_gap"], rel=1e-5)
    assert r.p_value == pytest.approx(ref["p_value"])
    published = {"Colorado", "Connecticut", "Montana", "Nevada", "Utah"}
    assert published <= set(r.weights[r.weights > 0.01].index)
    assert r.credible
