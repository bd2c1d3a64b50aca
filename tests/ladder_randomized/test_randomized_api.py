"""Result protocol, registry export handling, credibility and errors of wb.rct / wb.cace / wb.meta_analysis."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import (
    ColumnMissingError,
    ColumnTypeError,
    DesignError,
    InputError,
    MissingValuesError,
    OptionError,
    TooFewRowsError,
)
from workbench.ladder.randomized.api import analysis_population, cace, meta_analysis, rct


def _trial(n: int = 80, seed: int = 1, effect: float = 1.0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    arm = np.array(["insats", "kontroll"] * (n // 2))
    rng.shuffle(arm)
    x = rng.normal(size=n)
    took = np.where(arm == "insats", rng.random(n) < 0.7, False).astype(int)
    y = 10 + effect * took + x + rng.normal(size=n)
    return pd.DataFrame({"participant_id": [f"P{i:03d}" for i in range(n)], "arm": arm, "x": x,
                         "deltog": took, "y": y, "händelse": (rng.random(n) < 0.2).astype(int),
                         "stadsdel": np.where(np.arange(n) < n // 2, "Norr", "Söder")})


def _protocol(result) -> None:
    payload = result.to_dict()
    json.dumps(payload)
    assert payload["kind"] == result.kind and payload["rung"] == 5
    assert isinstance(payload["credible"], bool)
    sv, en = result.explain("sv"), result.explain("en")
    assert sv and en and sv != en
    chart = result.chart()
    assert isinstance(chart.to_dict(), dict)
    assert isinstance(result.summary(), pd.DataFrame)
    assert "<div" in result._repr_html_()


def test_rct_protocol_and_arm_names():
    d = _trial()
    r = rct(d, "y", "arm", adherence=0.95, randomization_inference=True, seed=3, ri_draws=500)
    _protocol(r)
    assert r.kind == "rct" and r.credible
    arms = r.arms.set_index("group")
    assert arms.loc["treated", "arm"] == "insats"
    manual = d.loc[d.arm == "insats", "y"].mean() - d.loc[d.arm == "kontroll", "y"].mean()
    assert r.estimate.estimate == pytest.approx(manual)
    assert r.randomization is not None and 0 < r.randomization.p_value <= 1
    assert "ri_distribution" not in r.to_dict()


def test_public_names_are_the_front_doors():
    assert wb.rct is rct and wb.cace is cace and wb.meta_analysis is meta_analysis


def test_cace_and_meta_protocol():
    d = _trial(200, seed=2)
    c = cace(d, "y", "arm", "deltog", covariates=["x"], adherence=1.0)
    _protocol(c)
    assert c.kind == "cace"
    m = meta_analysis([rct(d[d.stadsdel == s], "y", "arm", adherence=1.0, label=s) for s in ("Norr", "Söder")])
    _protocol(m)
    assert m.credible and list(m.studies["study"]) == ["Norr", "Söder"]
    assert m.studies["weight"].sum() == pytest.approx(1.0)


def test_caller_frame_not_mutated():
    d = _trial()
    before = d.copy()
    rct(d, "y", "arm", method="lin", covariates=["x"], adherence=1.0)
    cace(d, "y", "arm", "deltog")
    pd.testing.assert_frame_equal(d, before)


def test_registry_export_itt_withdrawals_and_unrandomized_entries():
    d = _trial(60, seed=4)
    alloc = d[["participant_id", "arm"]].copy()
    alloc["withdrawn"] = [i < 3 for i in range(len(alloc))]
    alloc.loc[len(alloc)] = ["X999", None, False]  # entered without randomization
    outcomes = d[["participant_id", "y"]].copy()
    outcomes.loc[len(outcomes)] = ["Z001", 12.0]  # outcome for someone never randomized
    pop = analysis_population(alloc, outcomes, id="participant_id")
    assert pop.n_randomized == 60 and pop.n_withdrawn == 3
    assert pop.n_not_randomized == 2 and pop.unmatched_outcome_ids == ("Z001",)
    assert pop.adherence == pytest.approx(60 / 62)
    flow = pop.flow.set_index(["stage", "arm"])["n"]
    assert flow[("entered", "")] == 62 and flow[("randomized", "")] == 60
    r = rct(outcomes, "y", "arm", allocations=alloc, id="participant_id")
    assert r.estimate.n == 60  # withdrawn kept (ITT), unrandomized left out
    assert r.adherence == pytest.approx(60 / 62) and r.credible
    assert any("utan att slumpas" in w for w in r.warnings)
    assert any("avbröt" in w for w in r.warnings)
    assert isinstance(r.consort_chart().to_dict(), dict)


def test_low_adherence_is_not_credible():
    d = _trial(60, seed=5)
    alloc = d[["participant_id", "arm"]]
    entrants = list(d["participant_id"]) + [f"N{i}" for i in range(10)]
    r = rct(d[["participant_id", "y"]], "y", "arm", allocations=alloc, entrants=entrants, lang="en")
    assert r.adherence == pytest.approx(60 / 70)
    assert not r.credible and "Adherence" in r.problems_in("en")[0]  # rendered when read, in the language asked
    r2 = rct(d, "y", "arm", adherence=0.5)
    assert not r2.credible


def test_unknown_adherence_is_not_credible():
    r = rct(_trial(), "y", "arm")
    assert not r.credible and "allocations=" in r.credibility_problems[0]


def test_differential_attrition_is_not_credible_and_reported():
    d = _trial(100, seed=6)
    lost = (d.arm == "insats") & (np.arange(100) % 4 == 0)
    d.loc[lost, "y"] = np.nan
    r = rct(d, "y", "arm", adherence=1.0)
    assert r.estimate.n == 100 - int(lost.sum())
    att = r.attrition.set_index("arm")
    assert att.loc["treated", "outcome_missing"] == int(lost.sum())
    assert not r.credible and any("Bortfall" in p for p in r.credibility_problems)
    assert any("Utfall saknas" in w for w in r.warnings)


def test_binary_outcome_risk_ratio_and_zero_events():
    d = _trial(80, seed=7)
    r = rct(d, "händelse", "arm", adherence=1.0)
    p1 = d.loc[d.arm == "insats", "händelse"].mean()
    p0 = d.loc[d.arm == "kontroll", "händelse"].mean()
    assert r.binary and r.risk_ratio.estimate == pytest.approx(p1 / p0)
    assert r.risk_ratio.ci_low < r.risk_ratio.estimate < r.risk_ratio.ci_high
    d.loc[d.arm == "insats", "händelse"] = 0
    r0 = rct(d, "händelse", "arm", adherence=1.0)
    assert any("0,5" in w for w in r0.warnings) and np.isfinite(r0.risk_ratio.ci_high)


def test_blocked_clustered_risk_ratio_runs():
    d = _trial(120, seed=8)
    d["skola"] = np.repeat(np.arange(24), 5)
    d["arm"] = np.where(d["skola"] % 2 == 0, "insats", "kontroll")
    r = rct(d, "händelse", "arm", clusters="skola", adherence=1.0)
    assert r.n_clusters == 24 and np.isfinite(r.risk_ratio.std_error)
    rb = rct(d, "händelse", "arm", blocks="stadsdel", adherence=1.0)
    assert np.isfinite(rb.risk_ratio.std_error)


def test_few_clusters_warnings():
    d = _trial(40, seed=9)
    d["skola"] = np.repeat(np.arange(8), 5)
    d["arm"] = np.where(d["skola"] % 2 == 0, "insats", "kontroll")
    r = rct(d, "y", "arm", method="ols", clusters="skola", se_type="stata", adherence=1.0)
    assert any("underskattar" in w for w in r.warnings)
    r2 = rct(d, "y", "arm", clusters="skola", adherence=1.0)
    assert any("Bara 8 kluster" in w for w in r2.warnings)


def test_weak_first_stage_makes_cace_not_credible():
    d = _trial(200, seed=10)
    d["deltog"] = (np.random.default_rng(1).random(200) < 0.3).astype(int)
    c = cace(d, "y", "arm", "deltog", adherence=1.0)
    assert c.first_stage_f < 10 and not c.credible


def test_meta_from_bare_numbers_is_not_credible():
    m = meta_analysis(pd.DataFrame({"estimate": [0.1, 0.3, -0.1], "std_error": [0.1, 0.2, 0.15]}))
    assert not m.credible and len(m.warnings) == 1
    e = rct(_trial(), "y", "arm", adherence=1.0).estimate
    m2 = meta_analysis([e, e], labels=["A", "B"], lang="en")
    assert not m2.credible and "credible" in m2.problems_in("en")[0]  # rendered when read, in the language asked


@pytest.mark.parametrize(
    "call,error",
    [
        (lambda d: rct(d, "saknas", "arm"), ColumnMissingError),
        (lambda d: rct(d, "y", "arm", method="magic"), OptionError),
        (lambda d: rct(d, "y", "arm", clusters="stadsdel", method="ols", se_type="HC2"), OptionError),
        (lambda d: rct(d, "y", "arm", method="ols", se_type="CR2"), OptionError),
        (lambda d: rct(d, "y", "arm", se_type="HC2"), OptionError),
        (lambda d: rct(d.assign(b=d.arm), "y", "arm", blocks="b"), DesignError),
        (lambda d: rct(d.assign(arm=np.where(d.arm == "insats", "A", "B")), "y", "arm"), OptionError),
        (lambda d: rct(d.assign(arm=["a", "b", "c", "d"] * 20), "y", "arm"), ColumnTypeError),
        (lambda d: rct(d.assign(y=np.nan), "y", "arm"), MissingValuesError),
        (lambda d: rct(d.assign(x=np.nan), "y", "arm", method="ols", covariates=["x"]), MissingValuesError),
        (lambda d: rct(d, "y", "arm", conf_level=1.5), OptionError),
        (lambda d: meta_analysis([rct(d, "y", "arm")]), TooFewRowsError),
        (lambda d: meta_analysis("nej"), InputError),
        (lambda d: meta_analysis(pd.DataFrame({"estimate": [1, 2], "std_error": [0.1, 0]})), InputError),
    ],
)
def test_bad_input_raises_workbench_errors(call, error):
    with pytest.raises(error):
        call(_trial())


def test_mixed_treatment_within_cluster_names_the_cluster():
    d = _trial()
    d["skola"] = np.arange(80) % 10
    with pytest.raises(DesignError, match="Kluster"):
        rct(d, "y", "arm", clusters="skola")


def test_treated_arm_choice_and_text_outcome_with_decimal_comma():
    d = _trial()
    d["y_text"] = d["y"].map(lambda v: f"{v:.3f}".replace(".", ","))
    a = rct(d.assign(arm=np.where(d.arm == "insats", "A", "B")), "y_text", "arm", treated_arm="A")
    b = rct(d, "y", "arm")
    assert a.estimate.estimate == pytest.approx(b.estimate.estimate, abs=1e-3)
    flipped = rct(d, "y", "arm", treated_arm="kontroll")
    assert flipped.estimate.estimate == pytest.approx(-b.estimate.estimate)


def test_english_messages():
    with pytest.raises(OptionError, match="Cannot tell"):
        rct(_trial().assign(arm=lambda x: np.where(x.arm == "insats", "A", "B")), "y", "arm", lang="en")


def test_entrants_decide_who_entered_outcomes_outside_are_reported_not_counted():
    d = _trial(60, seed=11)
    alloc = d[["participant_id", "arm"]].iloc[:40]
    entrants = list(d["participant_id"].iloc[:40]) + ["N1"]
    outcomes = d[["participant_id", "y"]]  # 20 rows outside the period, one unrandomized entrant absent
    pop = analysis_population(alloc, outcomes, entrants=entrants)
    assert pop.n_not_randomized == 1 and len(pop.outside_outcome_ids) == 20
    assert pop.adherence == pytest.approx(40 / 41)
    r = rct(outcomes, "y", "arm", allocations=alloc, entrants=entrants)
    assert r.estimate.n == 40 and any("varken slumpades" in w for w in r.warnings)


def test_ladder_reads_rung5_credibility_from_saved_payloads():
    from workbench.ladder.status import evaluate

    d = _trial()
    good = json.loads(json.dumps(rct(d, "y", "arm", adherence=0.95, label="bra").to_dict()))
    bad = json.loads(json.dumps(rct(d, "y", "arm", adherence=0.6, label="dålig").to_dict()))
    ok = evaluate({}, [good]).step(5).missing
    assert not any("steg 5" in m for m in ok)
    missing = evaluate({}, [bad]).step(5).missing
    assert any("dålig" in m and "Följsamheten" in m for m in missing)


def test_meta_from_saved_payloads_and_evidence_cards():
    d = _trial(200, seed=12)
    results = [rct(d[d.stadsdel == s], "y", "arm", adherence=1.0, label=s) for s in ("Norr", "Söder")]
    direct = meta_analysis(results)
    payloads = [json.loads(json.dumps(r.to_dict())) for r in results]
    saved = meta_analysis(payloads)
    assert saved.estimate.estimate == pytest.approx(direct.estimate.estimate)
    assert saved.credible and list(saved.studies["study"]) == ["Norr", "Söder"]
    cards = [{"municipality": m, "rung_reached": 5, "credible": True, "estimate": p["estimate"]}
             for m, p in zip(("Ale", "Mora"), payloads)]
    pooled = meta_analysis(cards)
    assert pooled.credible and list(pooled.studies["study"]) == ["Ale", "Mora"]
    with pytest.raises(InputError):
        meta_analysis([{"estimate": None}, {"estimate": None}])
