"""wb.match against MatchIt 4.7.2 (built from upstream) on lalonde: golden/make_golden.R."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden"
COVS = ["age", "educ", "race", "married", "nodegree", "re74", "re75"]
SPECS = {
    "nn11": {},
    "nn11_cal": {"caliper": 0.2},
    "nn21_rep": {"ratio": 2, "replace": True},
    "nn21": {"ratio": 2},
    "nn11_small": {"m_order": "smallest"},
    "nn11_exact": {"exact": "race", "caliper": 0.1},
    "nn11_disc": {"discard": "both"},
    "sub6": {"method": "subclass", "subclasses": 6},
    "sub30": {"method": "subclass", "subclasses": 30},  # MatchIt moves ("scoots") units here
    "sub12_ate": {"method": "subclass", "subclasses": 12, "estimand": "ATE"},
    "exact": {"method": "exact"},
}
R_NAMES = {"raceblack": "race=black", "racehispan": "race=hispan", "racewhite": "race=white"}


@pytest.fixture(scope="module")
def lalonde() -> pd.DataFrame:
    return pd.read_csv(GOLDEN / "lalonde.csv")


@pytest.fixture(scope="module")
def matches(lalonde):
    out = {}
    for name, kw in SPECS.items():
        covs = ["race", "married", "nodegree"] if name == "exact" else COVS
        out[name] = wb.match(lalonde, "treat", covs, **kw)
    return out


def _units(spec: str) -> pd.DataFrame:
    u = pd.read_csv(GOLDEN / "units.csv")
    return u[u.spec == spec].reset_index(drop=True)


def test_propensity_score_equals_glm(matches):
    u = _units("nn11")
    assert np.max(np.abs(matches["nn11"].propensity.to_numpy() - u.distance.to_numpy())) < 1e-10


@pytest.mark.parametrize("spec", list(SPECS))
def test_weights_subclass_discarded(matches, spec):
    m, u = matches[spec], _units(spec)
    np.testing.assert_allclose(m.weights.to_numpy(), u.weights.to_numpy(), rtol=0, atol=1e-12)
    np.testing.assert_array_equal(np.nan_to_num(m.subclass.to_numpy(), nan=-1),
                                  np.nan_to_num(u.subclass.to_numpy(dtype=float), nan=-1))
    np.testing.assert_array_equal(m.discarded.to_numpy(), u.discarded.to_numpy().astype(bool))


@pytest.mark.parametrize("spec", list(SPECS))
def test_balance_matches_summary_matchit(matches, spec):
    ref = pd.read_csv(GOLDEN / "balance.csv")
    ref = ref[ref.spec == spec].copy()
    ref["variable"] = ref["variable"].replace(R_NAMES)
    bal = matches[spec].balance(include_distance=spec != "exact")
    for stage, ours in (("all", "before"), ("matched", "after")):
        r = ref[ref.stage == stage].set_index("variable")
        assert list(r.index) == list(bal.index)
        for stat in ("mean_treated", "mean_control", "smd", "var_ratio", "ecdf_mean", "ecdf_max"):
            np.testing.assert_allclose(bal[(ours, stat)].to_numpy(dtype=float), r[stat].to_numpy(dtype=float),
                                       rtol=1e-8, atol=1e-10, equal_nan=True, err_msg=f"{spec} {stage} {stat}")


@pytest.mark.parametrize("spec", list(SPECS))
@pytest.mark.parametrize("adjust", ["none", "covariates"])
def test_effect_matches_vignette_recipe(matches, lalonde, spec, adjust):
    ref = pd.read_csv(GOLDEN / "effects.csv")
    r = ref[(ref.spec == spec) & (ref.adjust == adjust)].iloc[0]
    m = matches[spec]
    covs = None if adjust == "none" else COVS
    e = m.effect("re78", covariates=covs).estimate
    assert e.n == r.n
    assert e.estimate == pytest.approx(float(r.estimate), rel=1e-9, abs=1e-7)
    assert e.std_error == pytest.approx(float(r.std_error), rel=1e-8)
    assert e.se_type.startswith("CR1") == (r.se_type == "cluster")
