"""Matching at register scale (1,000,000 households): correct answers at size, not timing.

``hela_familjen`` at ``n=1_000_000`` has a known effect (``wb.samples.truth``): the programme ran in
three of eight districts and chose families on observed characteristics, so matching on the
confounders within district (exact on ``stadsdel``) recovers the true ATT, while the naive
difference is biased upward.
"""

from __future__ import annotations

import numpy as np
import pytest

import workbench as wb

pytestmark = pytest.mark.slow

CONFOUNDERS = ["ålder", "hushållstyp", "antal_barn", "år_med_bistånd", "utbildning",
               "arbetat_senaste_3_år", "hälsohinder"]


@pytest.fixture(scope="module")
def big():
    return wb.samples.generate("hela_familjen", seed=7, n=1_000_000)


@pytest.fixture(scope="module")
def matched(big):
    return wb.match(big, "hela_familjen", CONFOUNDERS, exact="stadsdel", caliper=0.2)


def test_pairs_stay_within_district_and_almost_every_treated_is_matched(big, matched):
    c = matched.counts
    # a third of the households in the programme districts took part, so 1:1 without replacement
    # runs out of controls among the highest scores: most, not all, treated are matched
    assert c["treated"] > 100_000 and c["treated_matched"] > 0.75 * c["treated"]
    assert c["control_discarded"] > 500_000  # the five districts without the programme
    assert c["control_matched"] == c["treated_matched"]  # 1:1 without replacement
    pairs = big.assign(pair=matched.subclass.to_numpy()).dropna(subset=["pair"])
    per_pair = pairs.groupby("pair").agg(n=("stadsdel", "size"), districts=("stadsdel", "nunique"),
                                         treated=("hela_familjen", "sum"))
    assert (per_pair["n"] == 2).all() and (per_pair["districts"] == 1).all() and (per_pair["treated"] == 1).all()
    # within the caliper: |score difference| <= 0.2 SD of the score
    score = matched.propensity.to_numpy()
    gap = pairs.assign(s=score[pairs.index]).groupby("pair")["s"].agg(lambda s: s.max() - s.min())
    assert gap.max() <= matched.caliper


def test_matching_removes_most_of_the_imbalance(matched):
    bal = matched.balance()
    before, after = bal[("before", "smd")].abs(), bal[("after", "smd")].abs()
    assert before.max() > 0.4  # strong selection on work history, time on benefit, health
    assert after.max() < 0.15 and after.max() < before.max() / 3
    assert (bal[("after", "var_ratio")].dropna().between(0.8, 1.25)).all()


@pytest.mark.parametrize("outcome", ["månader_med_bistånd", "självförsörjande_år3"])
def test_effect_recovers_the_truth_and_the_naive_difference_does_not(big, matched, outcome):
    truth = wb.samples.truth("hela_familjen")
    tau = truth["effects"][outcome]
    e = matched.effect(outcome).estimate
    assert e.std_error > 0
    assert abs(e.estimate - tau) < 4 * e.std_error, (e.estimate, e.std_error, tau)
    t = big["hela_familjen"] == 1
    naive = big.loc[t, outcome].mean() - big.loc[~t, outcome].mean()
    assert abs(naive - tau) > 10 * e.std_error  # the selection the matching removes is real


def test_subclassification_and_exact_matching_run_at_size(big):
    sub = wb.match(big, "hela_familjen", CONFOUNDERS, method="subclass", subclasses=6)
    w, t = sub.weights.to_numpy(), big["hela_familjen"].to_numpy()
    assert np.isclose(w[t == 1].sum(), (t == 1).sum()) and np.isclose(w[(t == 0) & (w > 0)].sum(), ((t == 0) & (w > 0)).sum())
    assert set(np.unique(sub.subclass.dropna())) == set(range(1, 7))
    ex = wb.match(big, "hela_familjen", ["stadsdel", "hushållstyp", "utbildning", "arbetat_senaste_3_år",
                                         "hälsohinder", "antal_barn"], method="exact")
    pairs = big.assign(s=ex.subclass.to_numpy()).dropna(subset=["s"])
    assert pairs.groupby("s")[["stadsdel", "utbildning", "antal_barn"]].nunique().max().max() == 1
    assert pairs.groupby("s")["hela_familjen"].nunique().min() == 2  # both groups in every subclass
