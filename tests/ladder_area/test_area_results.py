"""Result protocol and credibility (the ladder verdict) of the area comparisons."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.ladder.status import evaluate


def _panel(seed=1, g=25, t=24, treated=(0,), start=12, effect=-5.0, pre_trend=0.0, noise=1.0):
    rng = np.random.default_rng(seed)
    rows = []
    level = rng.uniform(80, 120, g)
    season = 3 * np.sin(np.arange(t) / 12 * 2 * np.pi)
    for u in range(g):
        for s in range(t):
            on = u in treated and s >= start
            trend = pre_trend * s if u in treated else 0.0
            y = level[u] + 0.5 * s + season[s] + trend + effect * on + rng.normal(0, noise)
            rows.append({"område": f"O{u:02d}", "månad": str(pd.Period("2020-01", "M") + s),
                         "y": y, "insats": int(on)})
    return pd.DataFrame(rows)


def _protocol(result):
    payload = result.to_dict()
    json.dumps(payload)
    assert payload["kind"] == result.kind and payload["rung"] == result.rung
    assert result.explain("sv") != result.explain("en")
    chart = result.chart()
    assert isinstance(chart.to_dict(), dict)
    assert "<div" in result._repr_html_()
    assert isinstance(result.summary(), pd.DataFrame)
    return payload


def test_did_event_study_protocol_and_credible_with_parallel_trends():
    df = _panel()
    before = df.copy()
    r = wb.did(df, unit="område", time="månad", outcome="y", treated="insats", bootstrap_reps=199,
               permutations=99)
    pd.testing.assert_frame_equal(df, before)
    payload = _protocol(r)
    assert r.kind == "did" and r.rung == 4
    assert r.estimate.estimate == pytest.approx(-5.0, abs=1.0)
    assert r.credible and payload["credible"] is True and payload["credibility_problems"] == []
    assert "parallella trender" in r.explain("sv") and "parallel-trends" in r.explain("en")
    es = r.event_study()
    _protocol(es)
    assert es.kind == "event_study" and es.rung == 4
    assert es.leads == 12 and es.lags == 11
    assert es.pretrend_p_permutation is not None  # one treated area: permutation pre-test
    assert es.credible


def test_pretrend_makes_did_not_credible_and_the_ladder_says_so():
    df = _panel(pre_trend=0.8, effect=0.0)
    r = wb.did(df, unit="område", time="månad", outcome="y", treated="insats", bootstrap_reps=199,
               permutations=99)
    assert not r.credible
    assert any("Trenderna före starten" in p for p in r.credibility_problems)
    es = r.event_study(lang="en")
    assert not es.credible and any("trends before" in p for p in es.problems_in("en"))
    good = wb.did(_panel(), unit="område", time="månad", outcome="y", treated="insats",
                  bootstrap_reps=199, permutations=99)
    step4 = lambda results: next(s for s in evaluate({}, results).steps if s.step == 4)  # noqa: E731
    missing_bad = step4([r.to_dict()]).missing
    assert any("Trenderna före starten" in m for m in missing_bad)
    missing_good = step4([good.to_dict()]).missing
    assert not any("räcker inte för steg 4" in m or "Inget sparat resultat" in m for m in missing_good)


def test_too_few_pre_periods_is_not_credible():
    df = _panel(start=3, t=10)
    r = wb.did(df, unit="område", time="månad", outcome="y", treated="insats", min_pre_periods=6,
               bootstrap_reps=199, permutations=99)
    assert not r.credible and any("För få perioder" in p for p in r.credibility_problems)


def test_callaway_santanna_result_and_staggered_truth():
    df = _panel(g=30, treated=tuple(range(8)), effect=0.0)
    # staggered starts with growing effects: TWFE is biased, CS is not
    start = {f"O{u:02d}": (8 if u < 4 else 16) for u in range(8)}
    t_idx = df.groupby("område").cumcount()
    s = df["område"].map(start)
    on = s.notna() & (t_idx >= s.fillna(99))
    df["insats"] = on.astype(int)
    df["y"] = df["y"] + np.where(on, 2.0 + 1.0 * (t_idx - s.fillna(0)), 0.0)
    truth = float(np.mean(np.where(on, 2.0 + 1.0 * (t_idx - s.fillna(0)), np.nan)[on]))
    cs = wb.did(df, unit="område", time="månad", outcome="y", treated="insats",
                method="callaway_santanna", inference="none")
    twfe = wb.did(df, unit="område", time="månad", outcome="y", treated="insats", inference="none")
    _protocol(cs)
    assert cs.staggered and cs.estimate.df is None
    assert abs(cs.estimate.estimate - truth) < abs(twfe.estimate.estimate - truth)
    assert cs.estimate.estimate == pytest.approx(truth, abs=0.5)
    ev = wb.did(df, unit="område", time="månad", outcome="y", treated="insats",
                method="callaway_santanna", aggregation="event", control="notyet", inference="none")
    table = ev.aggregation.set_index("key")
    assert table.loc[0, "att"] == pytest.approx(2.0, abs=0.6)
    assert table.loc[5, "att"] == pytest.approx(7.0, abs=0.6)


def test_synthetic_control_protocol_and_poor_fit():
    df = _panel(g=12, effect=-8.0)
    r = wb.synthetic_control(df, unit="område", time="månad", outcome="y", treated_unit="O00",
                             start="2021-01")
    payload = _protocol(r)
    assert r.placebo_chart().to_dict()
    assert r.weights.sum() == pytest.approx(1.0) and (r.weights >= 0).all()
    assert r.kind == "synthetic_control" and r.rung == 4
    assert r.credible and payload["credible"] is True
    assert r.p_value == pytest.approx(1 / 12)  # largest post/pre ratio of 12 areas
    assert any("0,083" in w for w in r.warnings)  # p cannot go below 1/12
    assert len(r.leave_one_out) >= 1
    # an area far above all others cannot be reproduced by a convex combination
    odd = df.copy()
    odd.loc[odd["område"] == "O00", "y"] *= 3
    bad = wb.synthetic_control(odd, unit="område", time="månad", outcome="y", treated_unit="O00",
                               start="2021-01", lang="en")
    assert not bad.credible and "RMSPE" in bad.credibility_problems[0]


def test_synthetic_control_with_covariates_and_errors():
    df = _panel(g=10)
    df["folkmängd"] = df["område"].str[1:].astype(int) * 1000 + 20000
    r = wb.synthetic_control(df, unit="område", time="månad", outcome="y", treated_unit="O00",
                             start="2021-01", covariates=["folkmängd"], placebos=False)
    assert r.weights.sum() == pytest.approx(1.0) and np.isnan(r.p_value)
    with pytest.raises(wb.WorkbenchError) as e:
        wb.synthetic_control(df, unit="område", time="månad", outcome="y", treated_unit="X99",
                             start="2021-01")
    assert "X99" in str(e.value)


def test_interrupted_time_series_is_rung_three():
    df = _panel(g=1, t=48, start=30, effect=-6.0, noise=0.5)
    r = wb.interrupted_time_series(df, time="månad", outcome="y", start="2022-07")
    payload = _protocol(r)
    assert r.kind == "its" and r.rung == 3 and payload["rung"] == 3
    assert r.estimate.estimate == pytest.approx(-6.0, abs=1.0)
    assert r.credible and r.seasonal
    assert any("svagare bevis" in w for w in r.warnings)
    assert "steg 3" in r.explain("sv") and "rung 3" in r.explain("en")
    short = wb.interrupted_time_series(df.iloc[20:36], time="månad", outcome="y", start="2022-07")
    assert not short.credible
    many = _panel(g=3, t=30)
    with pytest.raises(wb.WorkbenchError):
        wb.interrupted_time_series(many, time="månad", outcome="y", start="2021-01")
    one = wb.interrupted_time_series(many, time="månad", outcome="y", start="2021-01", unit="område",
                                     treated_unit="O00")
    assert one.n_pre_periods == 12
