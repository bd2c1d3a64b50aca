"""A result made in Swedish, saved, and reported in English shows no Swedish word in what it says.

For every analysis: warnings, credibility problems, chart titles and the explanation of the saved
payload, as the report (and the staff app) render them through ResultView, and the report itself.
Data values that are Swedish proper names (districts, column names the user chose) are not text of
the workbench and are left out of the check by building results on neutral column names.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles
from workbench.core.view import ResultView


def _families() -> pd.DataFrame:
    f = wb.load_sample("hela_familjen").head(600)
    return pd.DataFrame({"treat": f["hela_familjen"], "age": f["ålder"], "children": f["antal_barn"],
                         "years": f["år_med_bistånd"], "outcome": f["självförsörjande_år3"]})


def _panel() -> pd.DataFrame:
    h = wb.load_sample("hemloshet_stadsdelar")
    codes = {name: f"D{i:02d}" for i, name in enumerate(sorted(h["stadsdel"].unique()))}
    return pd.DataFrame({"unit": h["stadsdel"].map(codes), "time": h["tid"], "y": h["försörjningsstöd_boende_tkr"],
                         "d": h["projekt_aktivt"]}), codes


def _results() -> dict[str, object]:
    rng = np.random.default_rng(4)
    out: dict[str, object] = {}
    pre = pd.DataFrame({"before": rng.normal(60, 10, 8)})
    pre["after"] = pre["before"] - 3 + rng.normal(0, 5, 8)  # few pairs: warnings and problems
    out["prepost"] = wb.prepost(pre, "before", "after")
    act = pd.DataFrame({"id": range(30), "offered": 1, "started": [1] * 12 + [0] * 18, "done": [1] * 4 + [0] * 26})
    out["activity"] = wb.activity_followup(act, id="id", stages={"offered": "offered", "started": "started",
                                                                  "completed": "done"})
    fam = _families()
    m = wb.match(fam, "treat", ["age", "children", "years"], caliper=0.01)
    out["match"] = m
    out["matching_effect"] = m.effect("outcome")
    panel, codes = _panel()
    did = wb.did(panel, unit="unit", time="time", outcome="y", treated="d")
    out["did"] = did
    out["event_study"] = did.event_study()
    treated = panel.loc[panel.d == 1, "unit"].iloc[0]
    start = panel.loc[panel.d == 1, "time"].min()
    out["synthetic_control"] = wb.synthetic_control(panel, unit="unit", time="time", outcome="y",
                                                    treated_unit=treated, start=start)
    one = panel[panel.unit == treated]
    out["its"] = wb.interrupted_time_series(one, time="time", outcome="y", start=start)
    trial = pd.DataFrame({"arm": [1, 0] * 10, "y": rng.normal(0, 1, 20), "took": [1, 0] * 9 + [0, 0]})
    out["rct"] = wb.rct(trial, "y", "arm")
    out["cace"] = wb.cace(trial, "y", "arm", "took")
    return out


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    wb.set_language("sv")
    project = wb.Project.create(tmp_path_factory.mktemp("p") / "projekt", name="Språkprov")
    results = _results()
    for name, r in results.items():
        project.save_result(r, label=name)
    return project, results


@pytest.mark.parametrize("name", ["prepost", "activity", "match", "matching_effect", "did", "event_study",
                                  "synthetic_control", "its", "rct", "cace"])
def test_saved_swedish_result_reads_english(saved, name):
    project, results = saved
    payload = next(p for p in project.results() if p.get("label") == name)
    view = ResultView.of_payload(payload, "en")
    assert view.explain, name
    assert_no_swedish(view.explain, f"{name} explanation")
    for w in view.warnings:
        assert_no_swedish(w, f"{name} warning")
    for p in view.problems:
        assert_no_swedish(p, f"{name} problem")
    for t in chart_titles(view.chart or {}):
        assert_no_swedish(t, f"{name} chart title")
    swedish = ResultView.of_payload(payload, "sv")
    assert swedish.explain != view.explain  # the Swedish text was stored too, and differs
    live = results[name]
    assert view.warnings == live.warnings_in("en")


def test_the_english_report_carries_the_english_messages(saved):
    project, results = saved
    html = wb.report(project, lang="en")
    for r in results.values():
        for w in r.warnings_in("en"):
            assert w.replace("'", "&#39;").replace("<", "&lt;")[:40] in html or w[:40] in html
    assert results["match"].warnings_in("sv")[0][:30] not in html  # not the Swedish reading


def test_the_check_has_something_to_read(saved):
    _, results = saved
    assert sum(len(r.warnings_in("en")) for r in results.values()) >= 5
    assert sum(len(r.problems_in("en")) for r in results.values() if hasattr(r, "credible")) >= 3
