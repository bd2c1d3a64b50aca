"""Randomization inference: exact enumeration against brute force, Monte Carlo, schemes."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from workbench.core.errors import OptionError
from workbench.ladder.randomized.api import rct
from workbench.ladder.randomized.ri import randomization_test


def _brute(y, z, groups):
    """p-value by listing every allocation that keeps the treated count within each group."""
    y, z, groups = np.asarray(y, float), np.asarray(z, float), np.asarray(groups)
    labels = sorted(set(groups.tolist()))
    options = []
    for g in labels:
        idx = np.flatnonzero(groups == g)
        options.append([(idx, c) for c in itertools.combinations(idx.tolist(), int(z[idx].sum()))])
    obs = y[z == 1].mean() - y[z == 0].mean()
    hits = total = 0
    for combo in itertools.product(*options):
        t = np.zeros(len(y))
        for _, chosen in combo:
            t[list(chosen)] = 1
        stat = y[t == 1].mean() - y[t == 0].mean()
        hits += abs(stat) >= abs(obs) - 1e-12
        total += 1
    return hits / total, total


def test_exact_simple_matches_brute_force():
    y = np.array([3.1, 4.2, 5.0, 2.2, 6.1, 5.5, 1.0, 4.4])
    z = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    fit = randomization_test(y, z)
    p, total = _brute(y, z, np.zeros(8))
    assert fit.exact and fit.n_draws == total == 70
    assert fit.p_value == pytest.approx(p)


def test_exact_clusters_matches_brute_force_on_cluster_means():
    rng = np.random.default_rng(2)
    clusters = np.repeat(np.arange(6), 3)
    z = np.repeat([1, 0, 1, 0, 0, 1], 3)
    y = rng.normal(size=18) + z
    fit = randomization_test(y, z, scheme="clusters", clusters=clusters)
    # with equal cluster sizes the unit-level difference equals the cluster-mean difference
    ybar = y.reshape(6, 3).mean(axis=1)
    p, total = _brute(ybar, z[::3], np.zeros(6))
    assert fit.exact and fit.n_draws == total == 20
    assert fit.p_value == pytest.approx(p)


def test_exact_blocks_counts_allocations_within_blocks():
    rng = np.random.default_rng(3)
    blocks = np.array([0] * 4 + [1] * 6)
    z = np.array([1, 0, 1, 0, 1, 1, 0, 0, 1, 0])
    y = rng.normal(size=10) + z
    fit = randomization_test(y, z, scheme="blocks", blocks=blocks)
    assert fit.exact and fit.n_draws == 6 * 20


def test_monte_carlo_agrees_with_exact_and_is_seeded():
    rng = np.random.default_rng(4)
    z = np.array([1] * 7 + [0] * 7)
    y = rng.normal(size=14) + 0.8 * z
    exact = randomization_test(y, z)
    assert exact.exact and exact.n_draws == 3432
    mc = randomization_test(y, z, max_exact=0, draws=20_000, seed=11)
    assert not mc.exact and mc.n_draws == 20_000
    assert mc.p_value == pytest.approx(exact.p_value, abs=0.015)
    again = randomization_test(y, z, max_exact=0, draws=20_000, seed=11)
    assert again.p_value == mc.p_value


def test_callable_reassign_reruns_any_scheme():
    rng = np.random.default_rng(5)
    z = np.array([1] * 7 + [0] * 7)
    y = rng.normal(size=14) + 0.8 * z
    exact = randomization_test(y, z)
    fit = randomization_test(y, z, scheme=lambda g: g.permutation(z), draws=5000, seed=1)
    assert not fit.exact and fit.p_value == pytest.approx(exact.p_value, abs=0.03)


def test_bernoulli_and_one_sided():
    rng = np.random.default_rng(6)
    z = (rng.random(40) < 0.5).astype(float)
    y = rng.normal(size=40) + 2 * z
    fit = randomization_test(y, z, scheme="bernoulli", draws=2000, seed=2, alternative="greater")
    assert fit.p_value < 0.01


def test_covariate_statistic_is_the_ols_coefficient():
    rng = np.random.default_rng(7)
    n = 40
    d = pd.DataFrame({"z": np.repeat([1, 0], n // 2), "x": rng.normal(size=n)})
    d["y"] = d.z + d.x + rng.normal(size=n)
    r = rct(d, "y", "z", method="ols", covariates=["x"], randomization_inference=True, seed=3, ri_draws=300)
    assert r.randomization.observed == pytest.approx(r.estimate.estimate)


def test_rct_picks_the_design_scheme_and_records_the_seed():
    rng = np.random.default_rng(8)
    d = pd.DataFrame({"b": np.repeat(["a", "b", "c"], 20), "z": np.tile([1, 0], 30)})
    d["y"] = d.z + rng.normal(size=60)
    r = rct(d, "y", "z", blocks="b", randomization_inference=True, ri_draws=400)
    assert r.randomization.scheme == "blocks" and not r.randomization.exact
    assert isinstance(r.provenance.options["seed"], int)
    r2 = rct(d, "y", "z", blocks="b", randomization_inference=True, ri_draws=400,
             seed=r.provenance.options["seed"])
    assert r2.randomization.p_value == r.randomization.p_value


def test_scheme_needs_its_column():
    with pytest.raises(OptionError):
        randomization_test(np.arange(6.0), np.array([1, 1, 1, 0, 0, 0]), scheme="blocks")
    with pytest.raises(OptionError):
        randomization_test(np.arange(6.0), np.array([1, 1, 1, 0, 0, 0]), scheme="nonsense")
