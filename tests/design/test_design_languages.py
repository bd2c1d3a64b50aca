"""The design room's results render in the reader's language, not the one they were built in.

Every result type (PowerResult, ClusterPowerResult, SimPowerResult, DesignAdvice) is built in a
Swedish session with inputs that trigger warnings; its warnings, explanation and chart titles must
then read as English when asked for English — by argument, or by the session language — and the
stored messages of ``to_dict()`` must render to the same English text after a JSON round trip.
"""

from __future__ import annotations

import json

import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles, swedish_in
from workbench.core.text import Msg, from_stored


@pytest.fixture(autouse=True)
def _swedish_session():
    wb.set_language("sv")
    yield
    wb.set_language("sv")


def _generate(rng, k):
    return rng.standard_normal((k, 20)) + 0.2


def _analyse(x):
    from scipy.stats import ttest_1samp

    return ttest_1samp(x, 0.0, axis=1).pvalue


# name -> (builder, warning keys it must raise); each is built in the Swedish session
CASES = {
    "power_rare_low": (lambda: wb.power.two_proportions(0.02, 0.01, n=200),
                       {"design.warn.rare_outcome", "design.warn.low_power"}),
    "power_effect_levels": (lambda: wb.power.two_proportions(0.05, None, n=500, power=0.8),
                            {"design.warn.rare_outcome"}),
    "power_one_proportion": (lambda: wb.power.one_proportion(0.05, None, n=300, power=0.8),
                             {"design.warn.rare_outcome"}),
    "power_unequal_means": (lambda: wb.power.two_means(0.3, n=50, n_ratio=2), {"design.warn.low_power"}),
    "power_paired": (lambda: wb.power.two_means(0.2, n=30, paired=True), {"design.warn.low_power"}),
    "cluster_mdes": (lambda: wb.power.cluster_mdes(20, 15, 0.05), {"design.warn.few_clusters"}),
    "cluster_power": (lambda: wb.power.cluster_power(10, 15, 0.05, 0.2),
                      {"design.warn.few_clusters", "design.warn.low_power"}),
    "cluster_size": (lambda: wb.power.cluster_sample_size(0.3, 0.05, clusters=24), {"design.warn.few_clusters"}),
    "cluster_count": (lambda: wb.power.cluster_sample_size(0.6, 0.05, cluster_size=15),
                      {"design.warn.few_clusters"}),
    "sim_binary_rct": (lambda: wb.power.simulate_binary_rct(0.2, 0.1, 100, n_sims=200, seed=1),
                       {"design.warn.mc_error"}),
    "sim_matched": (lambda: wb.power.simulate_matched(30, 0.3, n_sims=100, seed=1), {"design.warn.mc_error"}),
    "sim_did": (lambda: wb.power.simulate_did(12, 1, 0.0, periods_before=6, periods_after=6, n_sims=100, seed=4),
                {"design.warn.few_treated_districts", "design.warn.mc_error"}),
    "sim_generic": (lambda: wb.power.simulate_power(_generate, _analyse, n_sims=100, seed=2),
                    {"design.warn.mc_error"}),
}
KINDS = {"power", "cluster_power", "power_simulation"}


def _english_texts(r) -> list[tuple[str, str]]:
    texts = [(f"warning {i}", w) for i, w in enumerate(r.warnings_in("en"))]
    texts += [(f"problem {i}", p) for i, p in enumerate(r.problems_in("en"))]
    texts.append(("explain", r.explain("en")))
    texts += [("chart title", t) for t in chart_titles(r.chart("en").to_dict())]
    return texts


@pytest.mark.parametrize("name", list(CASES))
def test_power_result_in_english_after_a_swedish_run(name: str) -> None:
    build, keys = CASES[name]
    r = build()
    assert r.kind in KINDS
    assert {m.key for m in r.warning_msgs} == keys
    assert all(isinstance(m, Msg) for m in r.warning_msgs)
    assert all(swedish_in(w) for w in r.warnings), "the session is Swedish: warnings read Swedish"
    for where, text in _english_texts(r):
        assert_no_swedish(text, f"{name} {where}")
    assert r.chart("en").to_dict() != r.chart("sv").to_dict()


@pytest.mark.parametrize("name", list(CASES))
def test_session_language_decides_when_lang_is_not_given(name: str) -> None:
    r = CASES[name][0]()
    sv_warnings, sv_explain = r.warnings, r.explain()
    try:
        wb.set_language("en")
        assert r.warnings == r.warnings_in("en") and r.warnings != sv_warnings
        assert r.explain() == r.explain("en") != sv_explain
        for i, w in enumerate(r.warnings):
            assert_no_swedish(w, f"{name} warning {i}")
        assert_no_swedish(r.explain(), f"{name} explain")
        for t in chart_titles(r.chart().to_dict()):
            assert_no_swedish(t, f"{name} chart title")
        assert_no_swedish(r._repr_html_(), f"{name} html")
    finally:
        wb.set_language("sv")
    assert r.explain() == sv_explain


@pytest.mark.parametrize("name", list(CASES))
def test_stored_messages_round_trip(name: str) -> None:
    r = CASES[name][0]()
    payload = json.loads(json.dumps(r.to_dict()))
    assert payload["warnings"] == list(r.warnings_in("sv"))
    restored = from_stored(payload["warning_msgs"])
    assert tuple(m.render("en") for m in restored) == r.warnings_in("en")
    assert tuple(m.render("sv") for m in restored) == r.warnings_in("sv")


@pytest.mark.parametrize("name", ["sim_binary_rct", "sim_matched", "sim_did", "sim_generic"])
def test_simulation_label_follows_the_reader(name: str) -> None:
    r = CASES[name][0]()
    assert_no_swedish(r.label_in("en"), f"{name} label")
    assert r.summary(lang="en").loc[0, "label"] == r.label_in("en")
    assert r.label_in("en") in r.explain("en") and r.label_in("sv") in r.explain("sv")
    payload = json.loads(json.dumps(r.to_dict()))
    assert payload["label"] == r.label_in("sv")
    (label,) = from_stored([payload["label_msg"]])
    assert label.render("en") == r.label_in("en")


def test_simulation_labels_in_english_are_unchanged() -> None:
    assert CASES["sim_binary_rct"][0]().label_in("en") == "binary RCT 0.2 → 0.1, n = 100/100"
    assert CASES["sim_matched"][0]().label_in("en") == "matched comparison, 30 treated × 1 controls"
    assert CASES["sim_did"][0]().label_in("en") == "DiD 1/12 districts, 6+6 periods"
    free = wb.power.simulate_power(_generate, _analyse, n_sims=50, seed=2, label="min egen modell")
    assert free.label_in("en") == free.label_in("sv") == "min egen modell"  # plain text is shown as written


def test_warning_numbers_use_the_readers_format() -> None:
    r = wb.power.two_proportions(0.02, 0.01, n=200)
    assert any("13,3 %" in w for w in r.warnings_in("sv"))
    assert any("13.3%" in w for w in r.warnings_in("en"))


# -- the design advisor -------------------------------------------------------------------------
ADVICE = {
    "binary_alone": dict(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8, months_planned=36),
    "binary_pooled_clusters": dict(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8,
                                   months_planned=36, municipalities=6, clusters=6, icc=0.05),
    "continuous_area": dict(outcome="continuous", effect_size=0.3, inflow_per_month=30, months_planned=24,
                            districts=14, treated_districts=1),
    "binary_increase_all": dict(outcome="binary", baseline=0.2, target=0.3, inflow_per_month=100,
                                months_planned=24, districts=20, treated_districts=10, clusters=40),
}


@pytest.mark.parametrize("name", list(ADVICE))
def test_design_advice_in_english_after_a_swedish_run(name: str) -> None:
    a = wb.design.advise(**ADVICE[name])
    assert a.kind == "design_advice" and a.lang == "sv"
    assert a.warning_msgs == ()  # the advisor raises no warnings: its caveats are in the verdicts
    for where, text in _english_texts(a):
        assert_no_swedish(text, f"{name} {where}")
    table = a.summary(lang="en")
    for col in ("name", "verdict"):
        for i, text in enumerate(table[col]):
            assert_no_swedish(text, f"{name} summary {col} {i}")
    assert set(a.summary(lang="sv")["verdict"]) != set(table["verdict"])
    payload = json.loads(json.dumps(a.to_dict()))
    assert from_stored(payload["warning_msgs"]) == () and payload["warnings"] == []


@pytest.mark.parametrize("name", list(ADVICE))
def test_design_advice_follows_the_session_language(name: str) -> None:
    a = wb.design.advise(**ADVICE[name])
    sv_explain, sv_names = a.explain(), list(a.summary()["name"])
    try:
        wb.set_language("en")
        assert a.explain() == a.explain("en") != sv_explain
        assert_no_swedish(a.explain(), f"{name} explain")
        assert list(a.summary()["name"]) == list(a.summary(lang="en")["name"]) != sv_names
        for t in chart_titles(a.chart().to_dict()):
            assert_no_swedish(t, f"{name} chart title")
        assert_no_swedish(a._repr_html_(), f"{name} html")
        assert a.to_dict()["summary"][0]["name"] == "Randomized trial (individuals)"
    finally:
        wb.set_language("sv")
    assert a.explain() == sv_explain
