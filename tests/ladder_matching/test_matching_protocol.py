"""Result protocol, credibility for rung 4, and options beyond the golden specs."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.ladder.checks import _evidence
from workbench.ladder.status import LadderContext


def make(n=2000, seed=3, strength=1.0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    z = rng.integers(0, 2, n)
    area = rng.choice(["norr", "söder"], size=n)
    t = (rng.random(n) < 1 / (1 + np.exp(-(strength * x + 0.5 * z - 1.5)))).astype(int)
    y = 1.5 * t + 2 * x + z + rng.normal(size=n)
    yb = (rng.random(n) < 0.2 + 0.1 * t + 0.1 * z).astype(int)
    idx = pd.Index([f"p{i}" for i in range(n)], name="id")
    return pd.DataFrame({"t": t, "x": x, "z": z, "area": area, "y": y, "yb": yb}, index=idx)


@pytest.fixture(scope="module")
def good():
    d = make()
    return d, wb.match(d, "t", ["x", "z", "area"], caliper=0.1)


def test_series_on_input_index(good):
    d, m = good
    for s in (m.propensity, m.weights, m.subclass):
        assert s.index.equals(d.index)
    assert set(np.unique(m.weights)) <= {0.0, 1.0}
    assert m.weights.groupby(m.subclass).sum().eq(2).all()


def test_balance_layout(good):
    _, m = good
    bal = m.balance()
    assert list(bal.index) == ["x", "z", "area=norr", "area=söder"]
    assert set(bal.columns.get_level_values(0)) == {"before", "after", "check"}
    assert abs(bal.loc["x", ("before", "smd")]) > 0.3 > abs(bal.loc["x", ("after", "smd")])
    assert np.isnan(bal.loc["z", ("after", "var_ratio")])
    assert m.balance(include_distance=True).index[0] == "distance"


def test_credible_effect_and_protocol(good):
    d, m = good
    e = m.effect("y")
    assert e.kind == "matching_effect" and e.rung == 4
    assert e.credible and e.credibility_problems == ()
    assert abs(e.estimate.estimate - 1.5) < 4 * e.estimate.std_error
    assert e.estimate.se_type.startswith("CR1") and e.estimate.df is None
    payload = json.loads(json.dumps(e.to_dict()))
    assert payload["credible"] is True and payload["rung"] == 4
    json.dumps(m.to_dict())
    assert e.explain("sv") != e.explain("en") and "steg 4" in e.explain("sv")
    for chart in (e.chart(), m.chart(), m.overlap_chart()):
        assert isinstance(chart.to_dict(), dict)
    assert isinstance(e.summary(), pd.DataFrame) and "<div" in e._repr_html_()
    ctx = LadderContext(results=[payload], lang="sv")
    assert _evidence(4)(ctx) == []


def test_poor_balance_not_credible_names_covariates():
    d = make(n=600, strength=2.5)
    m = wb.match(d, "t", ["x", "z"], method="none")  # no matching at all: x stays imbalanced
    e = m.effect("y", lang="en")
    assert not e.credible
    # rendered when read: lang= of the run no longer fixes the language, so read them in English
    assert any(p.startswith("Balance fails for: x (SMD") for p in e.problems_in("en"))
    assert any("Balance fails" in w for w in e.warnings_in("en"))
    ctx = LadderContext(results=[json.loads(json.dumps(e.to_dict()))], lang="sv")
    assert _evidence(4)(ctx)  # the ladder lists the reason


def test_caliper_drop_changes_estimand():
    d = make(n=800, strength=2.5)
    m = wb.match(d, "t", ["x", "z"], caliper=0.05)
    e = m.effect("y")
    assert e.n_treated_dropped > 0 and e.estimate.estimand == "ATM"
    assert len(e.dropped_treated) == e.n_treated_dropped
    assert any("målstorheten har ändrats" in w for w in m.warnings)


def test_regression_adjustment_and_binary_outcome(good):
    _, m = good
    adj = m.effect("y", covariates=True)
    assert adj.adjusted_for == ("x", "z", "area") and adj.estimate.method.endswith("gcomp")
    b = m.effect("yb")
    assert b.outcome_binary and b.summary()["term"].iloc[0] == "risk_difference"
    assert b.e_value["estimate"] >= 1


def test_subclass_ate_and_user_scores():
    d = make()
    m = wb.match(d, "t", ["x", "z"], method="subclass", estimand="ATE", subclasses=5)
    assert m.subclass.nunique() == 5 and m.effect("y").estimate.estimand == "ATE"
    p = m.propensity.to_numpy()
    m2 = wb.match(d.assign(ps=p), "t", ["x", "z"], propensity="ps")
    m3 = wb.match(d, "t", ["x", "z"], propensity=p)
    assert m2.weights.equals(m3.weights)
    assert m2.provenance.options["distance"] == "user"


def test_random_order_is_seeded_and_atc():
    d = make(n=500)
    a = wb.match(d, "t", ["x", "z"], m_order="random", seed=5)
    b = wb.match(d, "t", ["x", "z"], m_order="random", seed=5)
    assert a.weights.equals(b.weights)
    c = wb.match(d, "t", ["x", "z"], estimand="ATC", ratio=1, replace=True)
    assert (c.weights[d.t == 0] == 1).all()


def test_exact_within_nearest_keeps_pairs_within_area(good):
    d = make()
    m = wb.match(d, "t", ["x", "z"], exact=["area"])
    pairs = d.assign(s=m.subclass).dropna(subset=["s"]).groupby("s")["area"].nunique()
    assert (pairs == 1).all()
