"""wb.activity_followup renders its messages when read: a result built in a Swedish session reads in English.

Warnings and credibility problems are kept as messages (key + parameters); ``explain``, ``chart`` and
the summary's ``label`` column are rendered in the language asked for, else the session language
(``wb.set_language``); the codes stay in the summary's ``measure`` column.
"""

import json

import pandas as pd
import pytest

import workbench as wb
from tests.language_check import assert_no_swedish, chart_titles
from workbench.core.text import from_stored

STAGES = {"target_group": None, "eligible": "behorig", "offered": "erbjuden", "started": "startade",
          "completed": "fullfoljde"}


def strings(node):
    """Every string in a chart spec (titles, data values, field names), for a stricter check."""
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(v) if k != "$schema"]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node] if isinstance(node, str) else []


def people(n=40):
    """A target group with a missing stage value, an inconsistent row, high drop-out (most reasons not
    recorded), drop-outs unlike completers, small subgroup cells, a dose and a plan."""
    offered = [1] * 30 + [0] * (n - 30)
    started = [1] * 20 + [0] * (n - 20)
    started[35] = 1  # started without being offered
    completed = [1] * 8 + [0] * (n - 8)
    eligible = [1] * 34 + [None] + [0] * (n - 35)
    return pd.DataFrame({
        "id": [f"p{i:02d}" for i in range(n)],
        "behorig": eligible, "erbjuden": offered, "startade": started, "fullfoljde": completed,
        "traffar": [12] * 8 + [3] * 12 + [0] * (n - 20),
        "skal": [None] * 8 + ["moved"] * 3 + [None] * (n - 11),
        "district": ["North"] * 18 + ["South"] * 20 + ["East"] * 2,
        "age": [40] * 8 + [22] * 12 + [30] * (n - 20),
    })


FIDELITY = pd.DataFrame({"activity": ["group", "home visit"], "planned": [10, 4], "delivered": [9, 1]})

RESULTS = {
    "full follow-up": lambda: wb.activity_followup(
        people(), id="id", stages=STAGES, dose="traffar", planned_dose=12, dropout_reason="skal",
        subgroups=["district"], baseline=["age"], fidelity=FIDELITY,
        method_changes=[{"date": "2026-03-01", "change": "shorter sessions"}]),
    "target group as a count, nobody started": lambda: wb.activity_followup(
        people().iloc[:30].assign(startade=0, fullfoljde=0), id="id",
        stages={"target_group": 90, "offered": "erbjuden", "started": "startade", "completed": "fullfoljde"},
        subgroups=["district"]),
    "participants only, two stages": lambda: wb.activity_followup(
        people().iloc[:20], id="id", stages={"target_group": None, "started": "startade"}, dose="traffar"),
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
    assert any("Målgrupp" in t for t in chart_titles(r.chart("sv").to_dict()))


def test_credibility_problems_read_in_english():
    wb.set_language("sv")
    r = RESULTS["target group as a count, nobody started"]()
    assert not r.credible and "ingen" in r.credibility_problems[0]
    assert r.problems_in("en") == ("nobody in the target group has started the intervention",)
    two = RESULTS["participants only, two stages"]()
    assert "three stages" in two.problems_in("en")[0] and "tre steg" in two.credibility_problems[0]


def test_stage_names_and_missing_reasons_follow_the_reader():
    wb.set_language("sv")
    r = RESULTS["full follow-up"]()
    assert r.flow["label"].iloc[0] == "Målgrupp"  # the table keeps the run's language
    assert "Vanligaste skälet till avbrott: uppgift saknas" in r.explain("sv")
    en = r.explain("en")
    assert "Most common reason for dropping out: not recorded" in en
    assert "Assessed eligible: 34" in en and "Started: 21" in en
    warning = next(w for w in r.warnings_in("en") if "dropped out" in w)
    assert warning.startswith("62% of those who started dropped out")
    assert any(w.startswith("62 % av dem som startade") for w in r.warnings_in("sv"))
    only = RESULTS["participants only, two stages"]()
    assert any("stage 'Started'" in w for w in only.warnings_in("en"))
    assert any("steget 'Startade'" in w for w in only.warnings_in("sv"))


def test_summary_labels_in_the_session_language():
    wb.set_language("sv")
    r = RESULTS["full follow-up"]()
    sv = r.summary()
    try:
        wb.set_language("en")
        en = r.summary()
    finally:
        wb.set_language("sv")
    assert list(sv["measure"]) == list(en["measure"])  # codes do not move
    pd.testing.assert_frame_equal(sv.drop(columns="label"), en.drop(columns="label"))
    labels = dict(zip(en["measure"], en["label"]))
    assert labels["flow.target_group"] == "Target group" and labels["reach"] == "Reach in the target group"
    assert dict(zip(sv["measure"], sv["label"]))["flow.target_group"] == "Målgrupp"
    for label in en["label"]:
        assert_no_swedish(label, "summary label")


def test_own_stage_labels_are_shown_as_written():
    wb.set_language("sv")
    r = wb.activity_followup(people(), id="id", stages=STAGES, stage_labels={"eligible": "Judged eligible"})
    assert "Judged eligible: 34" in r.explain("en") and "Judged eligible: 34" in r.explain("sv")
    assert dict(zip(r.summary()["measure"], r.summary()["label"]))["flow.eligible"] == "Judged eligible"


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
        for label in r.summary()["label"]:
            assert_no_swedish(label, "summary label")
    finally:
        wb.set_language("sv")
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


def test_the_run_language_sets_errors_and_tables_not_how_the_result_reads():
    wb.set_language("sv")
    r = wb.activity_followup(people(), id="id", stages=STAGES, lang="en")
    assert r.flow["label"].iloc[0] == "Target group"
    assert any("personer" in w for w in r.warnings)  # read in the session language
    assert "Målgrupp" in r.summary()["label"].tolist()
    assert "Aktivitetsuppföljning" in r.explain()
    with pytest.raises(wb.WorkbenchError, match="Give the stages"):
        wb.activity_followup(people(), id="id", stages={}, lang="en")
