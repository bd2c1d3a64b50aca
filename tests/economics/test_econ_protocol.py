"""The result protocol, the light package import, the shipped unit-cost table, repayment and rung flags."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import workbench as wb
from workbench.core.results import Estimate
from workbench.economics.analysis import cost_benefit
from workbench.economics.model import Factor
from workbench.economics.repayment import repayment_plan
from workbench.economics.uncertainty import draw_factors
from workbench.economics.unit_costs import adjust_prices, price_index, unit_cost_table

EST = Estimate(0.15, 0.05, 0.052, 0.248, 0.003, 3.0, None, 600, "ATT", "test", "HC2")


@pytest.fixture(scope="module")
def result():
    return cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                        evidence=EST, rung=4, fund="Sociala investeringsfonden", cost_range=(0.95, 1.2),
                        n_sims=2000, seed=3)


def test_protocol(result):
    assert result.kind == "cost_benefit" and result.rung is None
    d = result.to_dict()
    text = json.dumps(d, ensure_ascii=False)
    assert d["kind"] == "cost_benefit" and "assumptions_text" in d and "Diskonteringsränta" in text
    assert d["repayment"]["fund"] == "Sociala investeringsfonden"
    sv, en = result.explain("sv"), result.explain("en")
    assert sv != en and "Antaganden" in sv and "Assumptions" in en
    assert "betalar sig" in sv and "pays back" in en
    for kind in ("cumulative", "tornado", "histogram"):
        spec = result.chart(kind).to_dict()
        assert "layer" in spec or "mark" in spec
    html = result._repr_html_()
    assert "Antaganden" in html and "<table" in html
    s = result.summary()
    assert {"holder", "level", "pv_costs", "pv_benefits", "npv"} <= set(s.columns)
    assert s.loc[s["holder"] == "Summa kommun", "npv"].iloc[0] == pytest.approx(result.npv)
    assert s.loc[s["holder"] == "Summa alla", "npv"].iloc[0] == pytest.approx(result.npv_all)
    assert result.who_saves_when().shape == (6, 7)


def test_monte_carlo_is_seeded(result):
    again = cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                         evidence=EST, rung=4, fund="Sociala investeringsfonden", cost_range=(0.95, 1.2),
                         n_sims=2000, seed=3)
    assert again.simulation.draws == result.simulation.draws
    other = cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                         evidence=EST, rung=4, cost_range=(0.95, 1.2), n_sims=2000, seed=4)
    assert other.simulation.draws != result.simulation.draws
    assert 0 < result.simulation.p_payback < 1 and 0 < result.simulation.p_positive < 1
    assert result.simulation.npv_low < result.npv < result.simulation.npv_high


def test_tornado_order(result):
    t = result.tornado_table
    assert list(t["swing"]) == sorted(t["swing"], reverse=True)
    # effect 0.15 with CI 0.052–0.248: the table's benefits scale by 0.248/0.15 at the high end
    row = t[t["factor"] == "effekt: tabellens besparingar"].iloc[0]
    ben = sum(result.pv_benefits_by_holder[h] for h in result.perspective_holders)
    assert row["npv_high"] - row["npv_low"] == pytest.approx(ben * (0.248 - 0.052) / 0.15, rel=1e-9)


def test_pert_draws():
    f = Factor("c", "c", 10.0, 8.0, 16.0, "pert", group="unit_cost")
    x = draw_factors((f,), 200_000, np.random.default_rng(1))[:, 0]
    assert x.min() >= 8.0 and x.max() <= 16.0
    assert x.mean() == pytest.approx((8 + 4 * 10 + 16) / 6, abs=0.02)  # PERT mean (a + 4m + b)/6


def test_repayment_hand():
    # 100 000 invested in 2020; Socialnämnden saves 30 000 a year 2021-2024; Region saves too
    net = {"Fonden": [-100_000, 0, 0, 0, 0], "Socialnämnden": [0, 30_000, 30_000, 30_000, 30_000],
           "Regionen": [0, 5_000, 5_000, 5_000, 5_000]}
    levels = {"Fonden": "kommun", "Socialnämnden": "kommun", "Regionen": "region"}
    half = repayment_plan(net, range(2020, 2025), fund="Fonden", investment_by_year=[100_000, 0, 0, 0, 0],
                          levels=levels, share=0.5, evidence_rung=5)
    assert half.repaid_total == pytest.approx(60_000) and half.repaid_year is None and half.evidence_ok
    full = repayment_plan(net, range(2020, 2025), fund="Fonden", investment_by_year=[100_000, 0, 0, 0, 0],
                          levels=levels, share=1.0, evidence_rung=3)
    # 30 000 + 30 000 + 30 000 + min(30 000, 10 000)
    assert list(full.table["repayment"]) == pytest.approx([0, 30_000, 30_000, 30_000, 10_000])
    assert full.repaid_year == 2024 and full.outside == ("Regionen",) and not full.evidence_ok


def test_rung_flags(result):
    assert result.repayment is not None and result.repayment.evidence_ok
    low = cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                       evidence=EST, rung=3, fund="Sociala investeringsfonden", n_sims=100)
    assert not low.repayment.evidence_ok
    assert any("steg 3" in w for w in low.warnings)
    unknown = cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                           fund="Sociala investeringsfonden", n_sims=100, lang="en")
    assert any("unknown which rung" in w for w in unknown.warnings_in("en"))  # rendered in the reader's language
    assert "rung < 4" in unknown.explain("en")


def test_shipped_unit_costs_are_labelled_examples():
    t = unit_cost_table()
    assert (t["status"] == "EXEMPEL").all()
    assert t["källa"].str.contains("EXEMPEL").all()
    assert (t["låg_kr"] <= t["belopp_kr"]).all() and (t["belopp_kr"] <= t["hög_kr"]).all()
    idx = price_index()
    assert {2018, 2022, 2024} <= set(idx)
    moved = adjust_prices(t, 2018)
    hvb = moved.set_index("nyckel").loc["hvb_varddygn_barn"]
    # 4 500 kr in 2022 prices → 2018: 4 500 · KPI2018 / KPI2022
    assert hvb["belopp_kr"] == pytest.approx(4_500 * idx[2018] / idx[2022])
    assert hvb["ursprungligt_prisår"] == 2022 and t.set_index("nyckel").loc["hvb_varddygn_barn", "prisår"] == 2022


def test_example_values_warn():
    out = wb.economics.Outcome("placeringar", -0.05, 40, ["hvb_varddygn_barn"], better="lower", units_per_year=365)
    r = cost_benefit(costs=[wb.economics.CostItem("Insats", "Socialnämnden (barn och unga)", 300_000, [2022])],
                     outcomes=[out], years=range(2022, 2025), n_sims=100)
    assert any("EXEMPEL" in w for w in r.warnings)
    # fewer placements (effect −0.05 with better='lower') is a saving: 0.05·40·365·4 500 in year 1
    first = r.flows[(r.flows["year"] == 2022) & (r.flows["flow_type"] == "saving")]["amount"].sum()
    assert first == pytest.approx(0.05 * 40 * 365 * 4_500 * price_index()[2022] / price_index()[2022])


def test_result_from_ladder_gives_rung():
    class FakeEffect:
        rung = 5
        credible = False
        credibility_problems = ("Följsamheten är låg",)
        estimate = EST

    r = cost_benefit(wb.load_sample("kostnader"), cost_source="Budget", benefit_source="Beräkning",
                     evidence=FakeEffect(), fund="Sociala investeringsfonden", n_sims=100)
    assert r.evidence_rung == 5
    assert any("Följsamheten är låg" in w for w in r.warnings)


def test_import_is_light():
    code = ("import sys, workbench.economics as e; import workbench as wb; "
            "assert wb.economics is e; print('pandas' in sys.modules, 'numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
    assert callable(wb.economics.cost_benefit) and "cost_benefit" in dir(wb.economics)
    with pytest.raises(AttributeError):
        wb.economics.finns_inte  # noqa: B018
