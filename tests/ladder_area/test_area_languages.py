"""Every area result renders its texts in the reader's language, not the language it was made in.

Each result type (DiD by TWFE and by Callaway–Sant'Anna, its event study, synthetic control, ITS) is
built in a Swedish session from data that gives at least one warning and one credibility problem;
read in English, its warnings, problems, explanation and chart titles hold no Swedish, and the saved
messages render the same English text after a JSON round trip.
"""

from __future__ import annotations

import html
import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles
from workbench.core.text import from_stored


def _panel(seed=1, g=12, t=24, treated=(0,), start=12, effect=-5.0, pre_trend=0.0, noise=1.0):
    """Areas A00… (ASCII names, so a name never looks Swedish) over monthly periods."""
    rng = np.random.default_rng(seed)
    level = rng.uniform(80, 120, g)
    rows = []
    for u in range(g):
        for s in range(t):
            on = u in treated and s >= start
            trend = pre_trend * s if u in treated else 0.0
            y = level[u] + 0.5 * s + trend + effect * on + rng.normal(0, noise)
            rows.append({"area": f"A{u:02d}", "month": str(pd.Period("2020-01", "M") + s), "y": y,
                         "d": int(on)})
    return pd.DataFrame(rows)


def _build() -> dict:
    wb.set_language("sv")
    # one treated area of 25 with a pre-trend and one missing area-period: few-treated,
    # single-treated and unbalanced-panel warnings; the pre-trend test fails
    trend = _panel(g=25, pre_trend=0.8, effect=0.0)
    trend = trend.drop(index=trend.index[(trend["area"] == "A24") & (trend["month"] == "2020-03")])
    did = wb.did(trend, unit="area", time="month", outcome="y", treated="d", bootstrap_reps=99,
                 permutations=99)
    # staggered starts with too few pre-periods (min_pre_periods above the earliest start)
    stag = _panel(g=14, treated=(0, 1, 2))
    t_idx = stag.groupby("area").cumcount()
    first = stag["area"].isin(["A00"]) & (t_idx >= 3)
    later = stag["area"].isin(["A01", "A02"]) & (t_idx >= 12)
    stag["d"] = (first | later).astype(int)
    cs = wb.did(stag, unit="area", time="month", outcome="y", treated="d", method="callaway_santanna",
                inference="none", min_pre_periods=6)
    # a treated area far above every donor: the synthetic control cannot fit it
    odd = _panel(effect=-8.0)
    odd.loc[odd["area"] == "A00", "y"] *= 3
    synth = wb.synthetic_control(odd, unit="area", time="month", outcome="y", treated_unit="A00",
                                 start="2021-01")
    # a short series: below the ITS minimum of pre- and post-periods
    series = _panel(g=1, t=16, start=10, effect=-6.0, noise=0.5)
    its = wb.interrupted_time_series(series, time="month", outcome="y", start="2020-11")
    return {"did": did, "event_study": did.event_study(), "did_cs": cs, "synthetic_control": synth,
            "its": its}


@pytest.fixture(scope="module")
def results():
    try:
        return _build()
    finally:
        wb.set_language("sv")


NAMES = ["did", "event_study", "did_cs", "synthetic_control", "its"]


def _charts(r, lang=None):
    yield r.chart(lang)
    if hasattr(r, "placebo_chart"):
        yield r.placebo_chart(lang)


def _texts_of_chart(chart) -> list[str]:
    """Axis/legend/chart titles plus the series names shown in the legend."""
    spec = chart.to_dict()
    out = chart_titles(spec)
    for data in spec.get("datasets", {}).values():
        for row in data:
            for key in ("group", "series"):
                if isinstance(row.get(key), str):
                    out.append(row[key])
    return list(dict.fromkeys(out))


def test_every_result_has_a_warning_and_a_problem_in_a_swedish_session(results):
    assert {type(r).__name__ for r in results.values()} == {
        "DidResult", "EventStudyResult", "SyntheticControlResult", "ItsResult"}
    for name in NAMES:
        r = results[name]
        assert r.warning_msgs and r.problem_msgs, name
        assert not r.credible, name
        # a Swedish session reads Swedish
        assert any(ch in " ".join(r.warnings + r.credibility_problems) for ch in "åäö"), name


@pytest.mark.parametrize("name", NAMES)
def test_english_reading_has_no_swedish(results, name):
    r = results[name]
    assert wb.get_language() == "sv"
    for text in r.warnings_in("en"):
        assert_no_swedish(text, f"{name} warning")
    for text in r.problems_in("en"):
        assert_no_swedish(text, f"{name} problem")
    assert_no_swedish(r.explain("en"), f"{name} explain")
    for chart in _charts(r, "en"):
        titles = _texts_of_chart(chart)
        assert titles, name
        for title in titles:
            assert_no_swedish(title, f"{name} chart title")
    # and the Swedish reading is still Swedish
    assert r.warnings_in("sv") != r.warnings_in("en")
    assert r.problems_in("sv") != r.problems_in("en")
    assert r.explain("sv") != r.explain("en")


@pytest.mark.parametrize("name", NAMES)
def test_session_language_english_makes_plain_reads_english(results, name):
    r = results[name]
    try:
        wb.set_language("en")
        assert r.warnings == r.warnings_in("en") and r.credibility_problems == r.problems_in("en")
        for text in r.warnings + r.credibility_problems:
            assert_no_swedish(text, f"{name} session warning/problem")
        assert r.explain() == r.explain("en")
        assert_no_swedish(r.explain(), f"{name} session explain")
        for chart in _charts(r):
            for title in _texts_of_chart(chart):
                assert_no_swedish(title, f"{name} session chart title")
        page = r._repr_html_()
        assert html.escape(r.explain("en")) in page and "Warnings" in page
        payload = r.to_dict()
        assert payload["warnings"] == list(r.warnings_in("en"))
        assert payload["credibility_problems"] == list(r.problems_in("en"))
    finally:
        wb.set_language("sv")
    assert r.explain() == r.explain("sv")


@pytest.mark.parametrize("name", NAMES)
def test_stored_messages_round_trip(results, name):
    r = results[name]
    payload = json.loads(json.dumps(r.to_dict()))
    warnings = from_stored(payload["warning_msgs"])
    problems = from_stored(payload["problem_msgs"])
    assert tuple(w.render("en") for w in warnings) == r.warnings_in("en")
    assert tuple(p.render("en") for p in problems) == r.problems_in("en")
    assert tuple(w.render("sv") for w in warnings) == r.warnings_in("sv")
    assert payload["warnings"] == list(r.warnings_in("sv"))  # saved in a Swedish session


def test_event_study_follows_the_session_not_the_did_result(results):
    did = results["did"]
    try:
        wb.set_language("en")
        es = did.event_study()
        assert es.lang == "en"
        assert_no_swedish(es.explain(), "event study made in an English session")
        for title in _texts_of_chart(es.chart()):
            assert_no_swedish(title, "event study chart")
    finally:
        wb.set_language("sv")
    # made in English, read in Swedish: Swedish text (only its numbers keep the English format)
    assert es.problem_msgs and any(ch in " ".join(es.credibility_problems) for ch in "åäö")
    assert [m.key for m in es.problem_msgs] == [m.key for m in results["event_study"].problem_msgs]


def test_a_result_made_in_english_reads_in_the_reader_language():
    df = _panel(g=10)
    r = wb.did(df, unit="area", time="month", outcome="y", treated="d", inference="none", lang="en")
    assert r.lang == "en"
    assert "parallella trender" in r.explain() and "parallel-trends" in r.explain("en")
    assert any("områden" in w for w in r.warnings)  # few clusters, in the session language
    chart_sv = _texts_of_chart(r.chart())
    assert "Jämförelseområden" in chart_sv and "Comparison areas" in _texts_of_chart(r.chart("en"))


def test_errors_name_their_values_in_the_language_asked():
    df = _panel()
    with pytest.raises(wb.WorkbenchError) as info:
        wb.synthetic_control(df, unit="area", time="month", outcome="y", treated_unit="A00",
                             start="2021-01", predictor_weights=[1, 2], lang="en")
    assert "12 non-negative numbers" in str(info.value)
    assert_no_swedish(str(info.value), "predictor_weights error")
    gap = df.assign(d=df["d"].astype(float))
    gap.loc[3, "d"] = np.nan
    with pytest.raises(wb.WorkbenchError) as info:
        wb.did(gap, unit="area", time="month", outcome="y", treated="d", lang="en")
    assert "(empty)" in str(info.value)
    with pytest.raises(wb.WorkbenchError) as info:
        wb.did(gap, unit="area", time="month", outcome="y", treated="d", lang="sv")
    assert "(tom)" in str(info.value)
