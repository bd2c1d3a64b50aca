"""Simulation check: the shipped district panels' known effects are recovered."""

from __future__ import annotations

import pytest

import workbench as wb

OUTCOME = "försörjningsstöd_boende_tkr"


@pytest.fixture(scope="module")
def sample():
    return wb.load_sample("hemloshet_stadsdelar"), wb.samples.truth("hemloshet_stadsdelar")


def test_did_recovers_the_known_effect(sample):
    df, truth = sample
    effect = truth["effects"][OUTCOME]
    r = wb.did(df, unit=truth["unit"], time="månad", outcome=OUTCOME, treated=truth["treated_indicator"],
               bootstrap_reps=199, permutations=99)
    assert r.estimate.estimate == pytest.approx(effect, abs=10)
    assert r.n_treated == 1 and r.start_periods == ("2022-04",)
    # one treated district: the extra p-values are there, and the permutation floor is 1/14
    assert r.p_permutation == pytest.approx(1 / 14)
    assert r.p_wild_bootstrap is not None
    assert r.credible  # parallel trends hold by construction
    es = r.event_study()
    c = es.coefficients[~es.coefficients["reference"]]
    # every coefficient is relative to the one month before the start (noise sd 35), so compare
    # the post-period level with the pre-period level
    shift = c[c["rel_time"] >= 0]["estimate"].mean() - c[c["rel_time"] < 0]["estimate"].mean()
    assert shift == pytest.approx(effect, abs=15)
    assert es.credible and es.pretrend_p_permutation is not None


def test_synthetic_control_recovers_the_known_effect(sample):
    df, truth = sample
    r = wb.synthetic_control(df, unit="stadsdel", time="månad", outcome=OUTCOME, treated_unit="Västerby",
                             start="2022-04")
    assert r.estimate.estimate == pytest.approx(truth["effects"][OUTCOME], abs=15)
    assert "Granhöjden" not in r.weights.index  # gaps in its series: left out of the pool
    assert any("Granhöjden" in w for w in r.warnings)
    assert r.credible


@pytest.mark.slow
def test_staggered_sample_recovers_the_effect():
    df = wb.load_sample("hemloshet_stadsdelar_forskjuten")
    truth = wb.samples.truth("hemloshet_stadsdelar_forskjuten")
    r = wb.did(df, unit="stadsdel", time="månad", outcome=OUTCOME, treated="projekt_aktivt",
               method="callaway_santanna", permutations=99)
    assert r.staggered and len(r.start_periods) == len(truth["treated"])
    # one district per start cohort, each compared with its single base month: the honest spread
    # is the placebo spread, not the influence-function SE
    assert r.placebo_sd is not None and r.placebo_sd > r.estimate.std_error
    assert abs(r.estimate.estimate - truth["effects"][OUTCOME]) < 2.5 * r.placebo_sd
    assert r.pretrend_test == "permutation" and r.credible
    twfe = wb.did(df, unit="stadsdel", time="månad", outcome=OUTCOME, treated="projekt_aktivt",
                  inference="none")
    assert twfe.estimate.estimate == pytest.approx(truth["effects"][OUTCOME], abs=10)
