"""Matching results keep their texts as messages and render them when read, in either language.

Every result is built with the session language Swedish; reading it in English (``warnings_in``,
``problems_in``, ``explain``, chart titles) or after ``wb.set_language("en")`` shows no Swedish, and
the stored messages of ``to_dict()`` render to the same English text.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles, swedish_in
from workbench.core.errors import DesignError
from workbench.core.text import Msg, from_stored


def data(n: int = 150, seed: int = 7, strength: float = 2.5) -> pd.DataFrame:
    """Strong selection on ``x``; covariate names and levels hold no Swedish; five rows lack values."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=n)
    z = rng.integers(0, 2, n)
    region = rng.choice(["north", "south"], size=n)
    t = (rng.random(n) < 1 / (1 + np.exp(-(strength * x + 0.5 * z - 1.0)))).astype(int)
    y = 1.5 * t + 2 * x + z + rng.normal(size=n)
    yb = (rng.random(n) < 0.2 + 0.2 * t).astype(int)
    df = pd.DataFrame({"t": t, "x": x, "z": z, "region": region, "y": y, "yb": yb})
    df.loc[df.index[:3], "x"] = np.nan
    df.loc[df.index[5:7], "z"] = np.nan
    return df


# name: (match options, outcome, warning keys of the matching, of the effect, problem keys of the effect)
SCENARIOS = {
    "tight_caliper": (
        dict(covariates=["x", "z", "region"], drop_missing=True, caliper=0.003), "y",
        {"matching.warn.dropped_missing", "matching.warn.dropped_treated"},
        {"matching.warn.poor_balance", "matching.warn.few_matched"},
        {"matching.problem.balance", "matching.problem.few"},
    ),
    "atc_ratio": (
        dict(covariates=["x", "z", "region"], drop_missing=True, estimand="ATC", ratio=2), "yb",
        {"matching.warn.dropped_missing", "matching.warn.fewer_controls", "matching.warn.dropped_treated"},
        {"matching.warn.poor_balance"},
        {"matching.problem.balance"},
    ),
    "coarse_subclasses": (
        dict(covariates=["z"], drop_missing=True, method="subclass", subclasses=6, estimand="ATE"), "y",
        {"matching.warn.dropped_missing", "matching.warn.fewer_subclasses"},
        set(),
        set(),
    ),
}


@pytest.fixture(scope="module", params=list(SCENARIOS))
def built(request):
    options, outcome, match_keys, effect_keys, problem_keys = SCENARIOS[request.param]
    wb.set_language("sv")
    kw = dict(options)
    m = wb.match(data(), "t", kw.pop("covariates"), **kw)
    e = m.effect(outcome)
    return m, e, match_keys, effect_keys, problem_keys


def _charts(r):
    """Every chart a result draws, as functions of the language."""
    if hasattr(r, "overlap_chart"):
        return [r.chart, r.overlap_chart]
    return [r.chart]


def _spec_texts(spec) -> list[str]:
    """Chart titles, plus the values of the data columns that become legend and facet labels."""
    texts = chart_titles(spec)
    for rows in (spec.get("datasets") or {}).values():
        for row in rows:
            texts += [str(row[k]) for k in ("stage", "group") if k in row]
    return texts


def _keys(msgs) -> set[str]:
    return {m.key for m in msgs if isinstance(m, Msg)}


def _param_strings(value) -> list[str]:
    """Every plain string a stored message carries in its parameters (nested messages walked)."""
    if isinstance(value, Msg):
        return [s for v in value.params.values() for s in _param_strings(v)]
    return [value] if isinstance(value, str) else []


def test_the_scenario_triggers_the_messages(built):
    m, e, match_keys, effect_keys, problem_keys = built
    assert match_keys <= _keys(m.warning_msgs)
    assert match_keys | effect_keys <= _keys(e.warning_msgs)
    assert _keys(e.problem_msgs) == problem_keys
    assert e.credible == (not problem_keys)
    assert all(isinstance(w, Msg) for w in (*m.warning_msgs, *e.warning_msgs, *e.problem_msgs))


def test_no_language_words_are_baked_into_parameters(built):
    m, e, *_ = built
    for item in (*m.warning_msgs, *e.warning_msgs, *e.problem_msgs):
        for text in _param_strings(item):
            assert_no_swedish(text, f"a parameter of {item.key}")


def test_english_reading_of_a_swedish_session_has_no_swedish(built):
    m, e, *_ = built
    assert wb.get_language() == "sv"
    for r in (m, e):
        warnings = r.warnings_in("en")
        assert warnings
        for w in warnings:
            assert_no_swedish(w, f"{r.kind} warning")
        for p in r.problems_in("en"):
            assert_no_swedish(p, f"{r.kind} problem")
        assert_no_swedish(r.explain("en"), f"{r.kind} explain")
        for draw in _charts(r):
            texts = _spec_texts(draw("en").to_dict())
            assert texts
            for t in texts:
                assert_no_swedish(t, f"{r.kind} {draw.__name__}")
    if e.problem_msgs:
        assert e.problems_in("en") and all(p.strip() for p in e.problems_in("en"))


def test_the_swedish_reading_is_swedish(built):
    m, e, *_ = built
    for r in (m, e):
        assert r.warnings == r.warnings_in("sv") != r.warnings_in("en")
        assert swedish_in(" ".join(r.warnings)) and swedish_in(r.explain())
        assert r.explain() == r.explain("sv") != r.explain("en")
        sv_titles = chart_titles(r.chart().to_dict())
        assert sv_titles != chart_titles(r.chart("en").to_dict())
    assert e.credibility_problems == e.problems_in("sv")


def test_session_language_english_renders_english(built):
    m, e, *_ = built
    try:
        wb.set_language("en")
        for r in (m, e):
            assert r.warnings == r.warnings_in("en")
            for w in r.warnings:
                assert_no_swedish(w, f"{r.kind} warning")
            for p in r.credibility_problems:
                assert_no_swedish(p, f"{r.kind} problem")
            assert r.explain() == r.explain("en")
            assert_no_swedish(r.explain(), f"{r.kind} explain")
            for draw in _charts(r):
                for t in _spec_texts(draw().to_dict()):
                    assert_no_swedish(t, f"{r.kind} {draw.__name__}")
            assert_no_swedish(r._repr_html_(), f"{r.kind} html")
            assert r.to_dict()["warnings"] == list(r.warnings_in("en"))
    finally:
        wb.set_language("sv")


def test_stored_messages_render_the_same_english(built):
    m, e, *_ = built
    for r in (m, e):
        payload = json.loads(json.dumps(r.to_dict()))
        again = from_stored(payload["warning_msgs"])
        assert again == tuple(r.warning_msgs)
        assert tuple(x.render("en") if isinstance(x, Msg) else x for x in again) == r.warnings_in("en")
        assert payload["warnings"] == list(r.warnings_in("sv"))  # the session language when saved
    payload = json.loads(json.dumps(e.to_dict()))
    problems = from_stored(payload["problem_msgs"])
    assert tuple(p.render("en") for p in problems) == e.problems_in("en")
    assert payload["credibility_problems"] == list(e.problems_in("sv"))


def test_numbers_in_messages_follow_the_reader():
    m = wb.match(data(), "t", ["x", "z", "region"], drop_missing=True, method="none")
    e = m.effect("y")
    sv, en = e.problems_in("sv")[0], e.problems_in("en")[0]
    assert sv.startswith("Balansen brister för: x (SMD 1,") and en.startswith("Balance fails for: x (SMD 1.")
    assert m.failing("en") == [en.removeprefix("Balance fails for: ")]
    assert "x (SMD 1," in m.explain("sv") and "x (SMD 1." in m.explain("en")


def test_a_failing_variance_ratio_is_named_in_both_languages():
    from workbench.ladder.matching.text import failing_items, joined

    cols = pd.MultiIndex.from_tuples([("after", "smd"), ("after", "var_ratio"), ("check", "smd_ok"),
                                      ("check", "var_ratio_ok"), ("check", "ok")])
    bal = pd.DataFrame([[0.02, 3.5, True, False, False], [0.3, 1.0, False, True, False],
                        [0.01, 1.1, True, True, True]], index=["a", "b", "c"], columns=cols)
    items = joined(failing_items(bal))
    assert items.render("sv") == "a (varianskvot 3,50), b (SMD 0,30)"
    assert items.render("en") == "a (variance ratio 3.50), b (SMD 0.30)"
    assert joined([]) == ""


def test_lang_of_the_run_sets_errors_not_the_reading():
    """``lang=`` of ``wb.match`` is the language of its errors; results are read in the session's."""
    m = wb.match(data(), "t", ["z", "region"], drop_missing=True, method="exact", lang="en")
    assert m.explain() == m.explain("sv") and m.warnings == m.warnings_in("sv")
    with pytest.raises(DesignError, match="Exact matching uses no propensity score"):
        m.overlap_chart("en")
    with pytest.raises(DesignError, match="Exakt matchning"):
        m.overlap_chart()
