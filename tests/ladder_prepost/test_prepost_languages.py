"""wb.prepost renders its messages when read: a result built in a Swedish session reads in English.

Warnings and credibility problems are kept as messages (key + parameters), so ``warnings_in``,
``problems_in``, ``explain`` and ``chart`` give any language, the plain ``warnings`` and ``explain()``
follow ``wb.set_language``, and ``to_dict()`` keeps the messages for a later report.
"""

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles
from workbench.core.text import from_stored


def strings(node):
    """Every string in a chart spec (titles, data values, field names), for a stricter check."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(v) if k != "$schema"]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def heavy_attrition():
    """Continuous and binary indicators, 73 % lost, a few rows without a before-value."""
    rng = np.random.default_rng(1)
    n = 30
    before = rng.normal(10, 2, n).round(2)
    after = (before + rng.normal(1, 1.5, n)).round(2)
    after[:22] = np.nan
    before[-2:] = np.nan
    b_bin, a_bin = rng.binomial(1, 0.3, n).astype(float), rng.binomial(1, 0.5, n).astype(float)
    a_bin[:22] = np.nan
    return pd.DataFrame({"id": [f"p{i}" for i in range(n)], "score_fore": before, "score_efter": after,
                         "job_fore": b_bin, "job_efter": a_bin})


def constant_and_no_switch():
    """Every change the same (no t-test) and a 0/1 indicator where nobody switched."""
    return pd.DataFrame({"f": [1.0, 2.0, 3.0, 4.0, 5.0], "e": [2.0, 3.0, 4.0, 5.0, 6.0],
                         "x_fore": [0, 1, 0, 1, 1], "x_efter": [0, 1, 0, 1, 1]})


def many_participants():
    """More participants than the chart draws lines for (a sampled title), regression to the mean."""
    rng = np.random.default_rng(3)
    before = rng.normal(20, 4, 400)
    return pd.DataFrame({"a_fore": before, "a_efter": before + rng.normal(-1, 2, 400)})


RESULTS = {
    "attrition, few pairs, both kinds": lambda: wb.prepost(
        heavy_attrition(), ["score_fore", "job_fore"], ["score_efter", "job_efter"], id="id",
        selected_on_extreme=True, reference_mean={"score": 14.0}, reference_sd={"score": 2.0}),
    "constant change, no discordant pairs": lambda: wb.prepost(
        constant_and_no_switch(), ["f", "x_fore"], ["e", "x_efter"], names=["steps", "switch"]),
    "sampled lines": lambda: wb.prepost(many_participants(), "a_fore", "a_efter", selected_on_extreme=True,
                                        reference_mean=30.0),
}


@pytest.fixture(params=sorted(RESULTS))
def built(request):
    wb.set_language("sv")
    return RESULTS[request.param]()


def test_built_in_swedish_reads_in_english(built):
    r = built
    assert r.warning_msgs and r.warnings, "the data should give at least one warning"
    assert any(ch in " ".join(r.warnings) for ch in "åäö")  # the session language is Swedish
    for w in r.warnings_in("en"):
        assert_no_swedish(w, "warning")
    for p in r.problems_in("en"):
        assert_no_swedish(p, "credibility problem")
    assert_no_swedish(r.explain("en"), "explain")
    spec = r.chart("en").to_dict()
    titles = chart_titles(spec)
    assert titles
    for t in titles:
        assert_no_swedish(t, "chart title")
    for s in strings(spec):
        assert_no_swedish(s, "chart text")
    assert "före" in strings(r.chart("sv").to_dict())  # the same chart in Swedish


def test_credibility_problems_read_in_english():
    wb.set_language("sv")
    r = RESULTS["attrition, few pairs, both kinds"]()
    assert not r.credible and len(r.problems_in("en")) >= 2
    assert "fullständiga par" in " ".join(r.credibility_problems)
    joined = " ".join(r.problems_in("en"))
    assert "'score' has only 6 complete pairs" in joined and "attrition for 'score' is 79%" in joined
    assert "79 %" in " ".join(r.problems_in("sv"))


def test_words_inside_warnings_follow_the_reader():
    wb.set_language("sv")
    r = RESULTS["attrition, few pairs, both kinds"]()
    sv, en = " ".join(r.warnings_in("sv")), " ".join(r.warnings_in("en"))
    assert r.indicators[0].attrition.baseline_difference > 0
    assert "had higher values at baseline" in en and "hade högre värden vid baslinjen" in sv
    assert "Attrition for 'score' is 79%" in en and "Bortfallet för 'score' är 79 %" in sv


def test_session_language_english_gives_english_everywhere(built):
    r = built
    try:
        wb.set_language("en")
        assert r.warnings == r.warnings_in("en")
        for w in r.warnings:
            assert_no_swedish(w, "warning")
        for p in r.credibility_problems:
            assert_no_swedish(p, "credibility problem")
        assert r.explain() == r.explain("en")
        assert_no_swedish(r.explain(), "explain")
        for t in chart_titles(r.chart().to_dict()):
            assert_no_swedish(t, "chart title")
        assert set(r.summary()["claim"]) == {"change, not effect"}
        assert_no_swedish(r._repr_html_(), "html")
    finally:
        wb.set_language("sv")
    assert set(r.summary()["claim"]) == {"förändring, inte effekt"}
    assert r.explain() == r.explain("sv")


def test_messages_survive_to_dict(built):
    r = built
    payload = json.loads(json.dumps(r.to_dict()))
    assert payload["warnings"] == list(r.warnings_in("sv"))
    again = from_stored(payload["warning_msgs"])
    assert tuple(m.render("en") if hasattr(m, "render") else m for m in again) == r.warnings_in("en")
    assert again == tuple(r.warning_msgs)
    problems = from_stored(payload["problem_msgs"])
    assert tuple(m.render("en") for m in problems) == r.problems_in("en")


def test_the_run_language_sets_errors_not_how_the_result_reads():
    wb.set_language("sv")
    r = wb.prepost(heavy_attrition(), "score_fore", "score_efter", lang="en")
    assert r.lang == "en" and r.label == "change, not effect"
    assert "Bortfallet" in " ".join(r.warnings)  # read in the session language
    assert "Attrition" in " ".join(r.warnings_in("en"))
    with pytest.raises(wb.WorkbenchError, match="differ in length"):
        wb.prepost(heavy_attrition(), ["score_fore"], ["a", "b"], lang="en")
