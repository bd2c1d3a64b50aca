"""wb.prepost against R's t.test, wilcox.test, mcnemar.test and binom.test (stored output).

The numbers come from golden/make_prepost.R run on the CSV files beside it (R 4.2.2).
"""

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden"
REF = json.loads((GOLDEN / "prepost_golden.json").read_text())
REL = 1e-8
CONTINUOUS = ["cont_exact", "cont_ties_zeros", "cont_large", "cont_strong", "cont_exact45", "cont_one_zero"]


def close(a, b, rel=REL):
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-14)


def load(name):
    return pd.read_csv(GOLDEN / f"{name}.csv")


@pytest.mark.parametrize("name", CONTINUOUS)
def test_continuous_matches_r(name):
    g = REF[name]
    r = wb.prepost(load(name), "before", "after")
    e = r.estimate
    assert e.n == g["n_complete"]
    assert close(e.estimate, g["t_estimate"])
    assert close(e.statistic, g["t_statistic"])
    assert e.df == g["t_df"]
    assert close(e.p_value, g["t_p"])
    assert close(e.ci_low, g["t_ci_low"]) and close(e.ci_high, g["t_ci_high"])
    assert close(e.std_error, g["t_se"])
    t = r.tests
    assert close(t.loc["paired_t", "p_value"], g["t_p"])
    assert t.loc["wilcoxon", "statistic"] == g["w_statistic"]
    assert close(t.loc["wilcoxon", "p_value"], g["w_p"])
    exact = "exact" in g["w_method"]
    assert ("exact" in t.loc["wilcoxon", "method"]) == exact


@pytest.mark.parametrize("name", CONTINUOUS)
def test_wilcoxon_normal_branch_matches_r(name):
    from workbench.ladder.prepost.paired_tests import wilcoxon_signed_rank

    x = load(name).dropna()
    res = wilcoxon_signed_rank((x["after"] - x["before"]).to_numpy(), exact=False)
    assert res["statistic"] == REF[name]["w_normal_statistic"]
    assert close(res["p_value"], REF[name]["w_normal_p"])


@pytest.mark.parametrize("name", CONTINUOUS)
def test_effect_sizes_match_r_noncentral_t(name):
    g = REF[name]
    r = wb.prepost(load(name), "before", "after")
    assert close(r.effect_size.estimate, g["dz"])
    assert close(r.effect_size_dav.estimate, g["dav"])
    # interval limits come from root finding on two different noncentral-t codes: 1e-7
    for ours, key in ((r.effect_size.ci_low, "dz_ci_low"), (r.effect_size.ci_high, "dz_ci_high"),
                      (r.effect_size_dav.ci_low, "dav_ci_low"), (r.effect_size_dav.ci_high, "dav_ci_high")):
        assert close(ours, g[key], rel=1e-7)


def test_ties_and_zeros_case_is_really_tied():
    x = load("cont_ties_zeros").dropna()
    d = x["after"] - x["before"]
    assert (d == 0).any() and d.abs().duplicated().any()
    assert REF["cont_ties_zeros"]["w_method"].endswith("continuity correction")
    assert REF["cont_large"]["n_complete"] >= 50


@pytest.mark.parametrize("name", ["bin_main", "bin_small"])
@pytest.mark.parametrize("ci", ["newcombe", "wald"])
def test_binary_matches_r(name, ci):
    g = REF[name]
    r = wb.prepost(load(name), "before", "after", binary_ci=ci)
    ind = r.indicators[0]
    assert ind.kind == "binary"
    assert ind.table == {"n11": g["n11"], "n10": g["n10"], "n01": g["n01"], "n00": g["n00"]}
    assert close(r.estimate.estimate, g["diff"])
    assert close(ind.mean_before, g["share_before"]) and close(ind.mean_after, g["share_after"])
    t = r.tests
    assert close(t.loc["mcnemar", "statistic"], g["mcnemar_statistic"])
    assert close(t.loc["mcnemar", "p_value"], g["mcnemar_p"])
    assert t.loc["mcnemar_exact", "statistic"] == g["binom_statistic"]
    assert close(t.loc["mcnemar_exact", "p_value"], g["binom_p"])
    low, high = ("newcombe_low", "newcombe_high") if ci == "newcombe" else ("wald_low", "wald_high")
    assert close(r.estimate.ci_low, g[low]) and close(r.estimate.ci_high, g[high])
    assert close(r.estimate.std_error, g["wald_se"])


def test_binom_exact_interval_matches_r():
    from workbench.ladder.prepost.paired_tests import binom_exact

    g = REF["bin_main"]
    res = binom_exact(g["n01"], g["n01"] + g["n10"])
    assert close(res["ci_low"], g["binom_ci_low"]) and close(res["ci_high"], g["binom_ci_high"])


def test_binom_exact_asymmetric_p_matches_r_formula():
    # R 4.2.2: print(binom.test(7, 20, p = 0.2)$p.value, digits = 17) -> 0.098221728613468728
    # (x above n*p); binom.test(1, 20, p = 0.2) exercises the branch below.
    from workbench.ladder.prepost.paired_tests import binom_exact

    assert close(binom_exact(7, 20, p=0.2)["p_value"], 0.098221728613468728)
    assert close(binom_exact(1, 20, p=0.2)["p_value"], 0.15586780384381105)  # R: binom.test(1, 20, p = 0.2)
