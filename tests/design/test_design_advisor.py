"""wb.design.advise: the issue's worked examples, pooling, every design row, and the verdicts."""

from __future__ import annotations

import json
import math

import pytest

import workbench as wb

NBSP = "\u202f"  # thousands separator of format_number in Swedish


@pytest.fixture(scope="module")
def placements():
    return wb.design.advise(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8,
                            months_planned=36, municipalities=1, alpha=0.05, power=0.8, lang="sv")


def test_worked_example_binary(placements) -> None:
    rct = placements.row("rct")
    assert rct["n_per_group_ceiling"] == 2818
    assert rct["months_needed"] == pytest.approx(2 * 2818 / 8)  # both groups come from the inflow
    assert round(rct["years_needed"]) == 59
    assert rct["feasible"] is False
    verdict = placements.summary().set_index("design").loc["rct", "verdict"]
    assert verdict.startswith("Inte genomförbart inom planerad tid")
    assert f"2{NBSP}818 per grupp" in verdict and "59 år" in verdict
    assert "59 år" in placements.explain("sv")


def test_worked_example_continuous() -> None:
    a = wb.design.advise(outcome="continuous", effect_size=0.3, inflow_per_month=8, months_planned=36)
    rct = a.row("rct")
    assert rct["n_per_group_ceiling"] == 176
    assert rct["months_needed"] == pytest.approx(44.0)
    assert "3,7 år" in a.summary().set_index("design").loc["rct", "verdict"]
    assert "3.7 years" in a.explain("en")


def test_pooling_scales_months_down(placements) -> None:
    pooled = wb.design.advise(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8,
                              months_planned=36, municipalities=6)
    assert pooled.row("rct")["n_per_group_ceiling"] == 2818
    assert pooled.row("rct")["months_needed"] == pytest.approx(placements.row("rct")["months_needed"] / 6)
    assert placements.row("rct")["municipalities_needed"] == math.ceil(704.5 / 36)
    # with 3+ municipalities the municipalities become the clusters of a cluster randomized design
    assert pooled.assumptions["clusters"] == 6 and pooled.assumptions["clusters_source"] == "municipalities"


def test_rct_planned_time_mdes_consistent_with_power_module(placements) -> None:
    rct = placements.row("rct")
    n_planned = 8 * 36 / 2
    direct = wb.power.two_proportions(0.05, None, n=n_planned, power=0.8)
    assert rct["mdes_planned"] == pytest.approx(direct.mdes, rel=1e-9)
    assert rct["detectable_target"] == pytest.approx(direct.p2_lower, rel=1e-9)
    assert rct["power_planned"] == pytest.approx(wb.power.two_proportions(0.05, 0.035, n=n_planned).power)


def test_cluster_row_matches_cluster_power() -> None:
    a = wb.design.advise(outcome="continuous", effect_size=0.3, inflow_per_month=20, months_planned=24,
                         clusters=30, icc=0.02)
    row = a.row("cluster")
    assert row["missing"] is None
    per_cluster = 20 * 24 / 30
    direct = wb.power.cluster_power(30, per_cluster, 0.02, 0.3)
    assert row["power_planned"] == pytest.approx(direct.power, rel=1e-9)
    size = wb.power.cluster_sample_size(0.3, 0.02, clusters=30)
    assert row["n_per_group"] == pytest.approx(size.cluster_size * 30 / 2, rel=1e-6)


def test_cluster_floor_and_missing_inputs(placements) -> None:
    assert placements.row("cluster")["missing"] == "clusters"
    assert placements.row("area")["missing"] == "districts"
    verdicts = placements.summary().set_index("design")["verdict"]
    assert verdicts["cluster"].startswith("Inte bedömd")
    few = wb.design.advise(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8,
                           months_planned=36, clusters=6, icc=0.05)
    row = few.row("cluster")
    assert row["months_needed"] is None and row["clusters_needed"] > 6
    assert "hur länge man än rekryterar" in few.summary().set_index("design").loc["cluster", "verdict"]


def test_matched_and_prepost_rows(placements) -> None:
    rct, matched, pre = placements.row("rct"), placements.row("matched"), placements.row("prepost")
    assert matched["n_per_group"] == pytest.approx(1.25 * rct["n_per_group"], rel=1e-6)
    assert matched["months_needed"] == pytest.approx(matched["n_per_group_ceiling"] / 8)  # controls from records
    direct = wb.power.one_proportion(0.05, 0.035, power=0.8)
    assert pre["n_per_group_ceiling"] == direct.n_per_group_ceiling
    text = placements.summary().set_index("design").loc["prepost", "verdict"]
    assert "inte att insatsen orsakade" in text


def test_area_row_more_treated_districts_help() -> None:
    kw = dict(outcome="continuous", effect_size=0.3, inflow_per_month=30, months_planned=24, districts=14)
    one = wb.design.advise(treated_districts=1, **kw).row("area")
    four = wb.design.advise(treated_districts=4, **kw).row("area")
    assert four["power_planned"] > one["power_planned"]


def test_protocol_and_chart(placements) -> None:
    payload = placements.to_dict()
    json.dumps(payload)
    assert payload["kind"] == "design_advice" and len(payload["summary"]) == 5
    assert placements.explain("sv") != placements.explain("en")
    spec = placements.chart().to_dict()
    assert "layer" in spec
    assert set(placements.curves["design"]) == {"rct", "matched", "prepost"}
    assert "<table" in placements._repr_html_()
    assert placements.summary(lang="en").loc[0, "name"] == "Randomized trial (individuals)"


def test_bad_inputs() -> None:
    with pytest.raises(wb.WorkbenchError) as e:
        wb.design.advise(outcome="binary", baseline=0.05, inflow_per_month=8, months_planned=36)
    assert e.value.key == "design.outcome_inputs"
    with pytest.raises(wb.WorkbenchError) as e:
        wb.design.advise(outcome="binary", baseline=5, target=3.5, inflow_per_month=8, months_planned=36)
    assert e.value.key == "design.proportion_range"
    with pytest.raises(wb.WorkbenchError):
        wb.design.advise(outcome="count", effect_size=0.3, inflow_per_month=8, months_planned=36)
    with pytest.raises(wb.WorkbenchError):
        wb.design.advise(outcome="continuous", effect_size=0.3, inflow_per_month=0, months_planned=36)
