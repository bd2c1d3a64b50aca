"""Rung-5 results read in the reader's language, not the language they were built in.

Every result of wb.rct (plain, with randomization inference, binary, clustered, from the registry
export with its CONSORT flow), wb.cace and wb.meta_analysis is built in a Swedish session with
warnings and credibility problems, then read in English: warnings, problems, explanation and chart
titles hold no Swedish, the session language switches them, and the stored messages survive JSON.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.messages import catalogue
from workbench.core.text import from_stored, render_all
from workbench.ladder.randomized.api import cace, meta_analysis, rct
from tests.language_check import assert_no_swedish, chart_titles


def _trial(n: int = 80, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    arm = np.array(["insats", "kontroll"] * (n // 2))
    rng.shuffle(arm)
    x = rng.normal(size=n)
    took = np.where(arm == "insats", rng.random(n) < 0.7, False).astype(int)
    return pd.DataFrame({"participant_id": [f"P{i:03d}" for i in range(n)], "arm": arm, "x": x,
                         "x2": 2 * x, "took_part": took, "y": 10 + took + x + rng.normal(size=n),
                         "event": (rng.random(n) < 0.2).astype(int),
                         "district": np.where(np.arange(n) < n // 2, "North", "South")})


def _registry_rct():
    """From the registry export: unrandomized entrants, withdrawals, lost and stray outcomes."""
    d = _trial(60, seed=5)
    alloc = d[["participant_id", "arm"]].assign(withdrawn=(np.arange(60) % 15 == 0).astype(int))
    outcomes = d[["participant_id", "y"]].copy()
    lost = (d.arm == "insats").to_numpy() & (np.arange(60) % 3 == 0)
    outcomes.loc[lost, "y"] = np.nan
    stray = pd.DataFrame({"participant_id": ["N1", "Z1"], "y": [9.0, 11.0]})
    entrants = list(d["participant_id"]) + ["N1"] + [f"N{i}" for i in range(2, 10)]
    return rct(pd.concat([outcomes, stray], ignore_index=True), "y", "arm", allocations=alloc,
               entrants=entrants, randomization_inference=True, ri_draws=200, seed=4)


def _clustered_rct():
    d = _trial(40, seed=9)
    d["school"] = np.repeat(np.arange(8), 5)
    d["arm"] = np.where(d["school"] % 2 == 0, "insats", "kontroll")
    return rct(d, "y", "arm", method="ols", clusters="school", covariates=["x", "x2"], se_type="stata",
               randomization_inference=True, ri_draws=200, seed=2)


def _clustered_dim_rct():
    d = _trial(40, seed=9)
    d["school"] = np.repeat(np.arange(8), 5)
    d["arm"] = np.where(d["school"] % 2 == 0, "insats", "kontroll")
    return rct(d, "y", "arm", clusters="school")


def _binary_rct():
    d = _trial(80, seed=7)
    d.loc[d.arm == "insats", "event"] = 0
    d["arm01"] = (d["arm"] == "insats").astype(int)
    return rct(d, "event", "arm01", adherence=0.5)


def _paired_rct():
    d = _trial(40, seed=3)
    d["block"] = [f"b{i // 2}" if i < 8 else f"c{(i - 8) // 8}" for i in range(40)]
    d["arm"] = ["insats", "kontroll"] * 20
    return rct(d, "y", "arm", blocks="block", randomization_inference=True, ri_draws=200, seed=1)


def _cace():
    d = _trial(200, seed=10)
    d["took_part"] = (np.random.default_rng(1).random(200) < 0.3).astype(int)
    return cace(d, "y", "arm", "took_part")


def _meta():
    d = _trial(200, seed=12)
    good = rct(d[d.district == "North"], "y", "arm", adherence=1.0, label="North")
    bad = rct(d[d.district == "South"], "y", "arm", adherence=0.6, label="South")
    return meta_analysis([good, bad, good.estimate], labels=["North", "South", "East"])


def _meta_from_payloads():
    """Saved payloads: the reason a study does not count is read from its stored messages."""
    d = _trial(200, seed=12)
    bad = rct(d[d.district == "South"], "y", "arm", adherence=0.6, label="South")
    good = rct(d[d.district == "North"], "y", "arm", adherence=1.0, label="North")
    payloads = [json.loads(json.dumps(r.to_dict())) for r in (good, bad)]
    card = {"municipality": "Ale", "rung_reached": 4, "credible": True, "estimate": payloads[0]["estimate"]}
    return meta_analysis([*payloads, card])


BUILDERS = {
    "rct_registry_ri": _registry_rct,
    "rct_clustered_ri": _clustered_rct,
    "rct_clustered_dim": _clustered_dim_rct,
    "rct_binary": _binary_rct,
    "rct_pairs_ri": _paired_rct,
    "cace": _cace,
    "meta": _meta,
    "meta_payloads": _meta_from_payloads,
}


@pytest.fixture(scope="module", params=list(BUILDERS))
def built(request):
    wb.set_language("sv")
    return request.param, BUILDERS[request.param]()


def _chart_texts(chart) -> list[str]:
    """Titles, plus the labels a chart shows on its axes (the rows' quantity/study/stage labels)."""
    spec = chart.to_dict()
    texts = chart_titles(spec)
    for rows in (spec.get("datasets") or {}).values():
        for row in rows:
            texts += [str(row[k]) for k in ("quantity", "label") if k in row]
            if row.get("study") in ("Pooled", "Sammanvägt"):
                texts.append(row["study"])
    return texts


def _charts(r, lang):
    charts = [r.chart(lang)]
    if r.kind == "rct":
        charts.append(r.consort_chart(lang))
    return charts


def test_built_in_swedish_with_warnings_and_problems(built):
    name, r = built
    assert r.warnings, name
    assert not r.credible and r.credibility_problems, name
    joined = " ".join(r.warnings + r.credibility_problems) + r.explain()
    assert any(c in joined for c in "åäö"), "a Swedish session reads Swedish"


def test_read_in_english_holds_no_swedish(built):
    name, r = built
    for w in r.warnings_in("en"):
        assert_no_swedish(w, f"{name} warning")
    for p in r.problems_in("en"):
        assert_no_swedish(p, f"{name} problem")
    assert_no_swedish(r.explain("en"), f"{name} explain")
    for chart in _charts(r, "en"):
        texts = _chart_texts(chart)
        assert texts, name
        for t in texts:
            assert_no_swedish(t, f"{name} chart")


def test_session_language_switches_plain_reading(built):
    name, r = built
    sv_warnings, sv_explain, sv_titles = r.warnings, r.explain(), _chart_texts(r.chart())
    wb.set_language("en")
    try:
        assert r.warnings == r.warnings_in("en") and r.warnings != sv_warnings
        for w in r.warnings:
            assert_no_swedish(w, f"{name} warning")
        for p in r.credibility_problems:
            assert_no_swedish(p, f"{name} problem")
        assert r.explain() == r.explain("en") != sv_explain
        assert_no_swedish(r.explain(), f"{name} explain")
        titles = _chart_texts(r.chart())
        assert titles != sv_titles
        for t in titles:
            assert_no_swedish(t, f"{name} chart")
        html = r._repr_html_()
        assert "Warnings" in html and "Varningar" not in html
    finally:
        wb.set_language("sv")
    assert r.warnings == sv_warnings and r.explain() == sv_explain


def test_stored_messages_round_trip(built):
    _, r = built
    payload = json.loads(json.dumps(r.to_dict()))
    assert render_all(from_stored(payload["warning_msgs"]), "en") == r.warnings_in("en")
    assert render_all(from_stored(payload["problem_msgs"]), "en") == r.problems_in("en")
    assert payload["warnings"] == list(r.warnings_in("sv"))
    assert payload["credibility_problems"] == list(r.problems_in("sv"))


def test_every_warning_and_problem_is_exercised():
    keys = set()
    for build in BUILDERS.values():
        r = build()
        keys |= {m.key for m in r.warning_msgs + r.problem_msgs if hasattr(m, "key")}
    wanted = {k for k in catalogue() if k.startswith(("randomized.warn.", "randomized.cred."))}
    assert wanted - keys == set()


def test_numbers_are_written_the_way_each_language_writes_them():
    r = _registry_rct()
    problem = next(p for p in r.problems_in("en") if p.startswith("Adherence"))
    assert "87.0%" in problem and "90.0%" in problem
    problem_sv = next(p for p in r.problems_in("sv") if p.startswith("Följsamheten"))
    assert "87,0 %" in problem_sv and "90,0 %" in problem_sv


def test_meta_from_old_payloads_keeps_their_text():
    """Payloads saved before messages became data have only text; it is shown as written."""
    d = _trial(200, seed=12)
    results = [rct(d[d.district == s], "y", "arm", adherence=a, label=s) for s, a in (("North", 1.0), ("South", 0.6))]
    old = []
    for r in results:
        p = json.loads(json.dumps(r.to_dict()))
        p.pop("warning_msgs"), p.pop("problem_msgs")
        old.append(p)
    m = meta_analysis(old)
    assert not m.credible
    assert "Följsamheten" in m.problems_in("en")[0] and m.problems_in("en")[0].startswith("The estimate 'South'")
    fresh = meta_analysis([json.loads(json.dumps(r.to_dict())) for r in results])
    assert fresh.problems_in("en")[0] == "The estimate 'South' does not count as rung 5: " + results[1].problems_in("en")[0]


def test_english_catalogue_entries_hold_no_swedish():
    for key, texts in catalogue().items():
        if key.startswith("randomized."):
            assert_no_swedish(texts["en"], key)
