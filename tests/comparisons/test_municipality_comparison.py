"""wb.municipality_comparison on recorded Kolada data: Arboga against Kolada's similar municipalities."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "opendata"))
from replay import Replay  # noqa: E402

import workbench as wb  # noqa: E402
from workbench.core.errors import InputError  # noqa: E402

SIMILAR = ["0319", "0562", "0687", "1082", "1083", "1885", "2084"]


def test_pools_all_county_similar_and_size():
    r = Replay.kolada()
    munis = wb.opendata.kolada_municipalities(transport=r)
    groups = wb.opendata.kolada_municipality_groups(transport=r)
    pop = {"1984": 14000, "1980": 160000, "1981": 22000, "1982": 16000, "0180": 990000, "2084": 23000}
    pools = wb.comparison_pools("1984", munis, groups, population=pop, n_similar=3)
    assert len(pools["alla"].members) == 289 and "1984" not in pools["alla"].members
    assert set(pools["samma_lan"].members) == {i for i in munis["id"] if i[:2] == "19" and i != "1984" and len(i) == 4
                                               and munis.loc[munis["id"] == i, "type"].item() == "K"}
    assert pools["samma_lan"].label == "Samma län (Region Västmanland)"
    assert list(pools["liknande_socioekonomi"].members) == SIMILAR
    skr = pools["skr_kommungrupp"]
    assert skr.label == "SKR:s kommungrupp: Pendlingskommun nära mindre tätort" and "1984" not in skr.members
    assert len(skr.members) >= 20
    assert pools["storlek"].members == ("1981", "1982", "2084")
    with pytest.raises(InputError) as err:
        wb.comparison_pools("0019", munis)
    assert err.value.key == "comparisons.not_municipality"


def test_synthetic_control_and_did_are_the_ladders_on_the_kolada_panel():
    c = wb.municipality_comparison("N03702", "1984", 2019, pool="liknande_socioekonomi", transport=Replay.kolada())
    assert c.pool_members == tuple(SIMILAR) and c.kpi_title.startswith("Bruttoregionprodukt")
    direct = wb.opendata.kolada_data("N03702", ["1984", *SIMILAR], transport=Replay.kolada())
    s = wb.synthetic_control(direct, unit="municipality", time="period", outcome="value", treated_unit="Arboga",
                             start=2019)
    assert c.synthetic.estimate.estimate == pytest.approx(s.estimate.estimate, rel=1e-12)
    assert c.synthetic.estimate.p_value == pytest.approx(s.estimate.p_value)
    assert c.synthetic.weights.sum() == pytest.approx(1.0)
    d = wb.did(direct, unit="municipality", time="period", outcome="value", treated_units=["Arboga"], start=2019)
    assert c.did.estimate.estimate == pytest.approx(d.estimate.estimate, rel=1e-12)
    assert list(c.summary()["method"]) == ["synthetic_control", "did"]
    text = c.explain()
    assert "Arboga jämförs med 7 kommuner" in text and "2012–2023" in text
    assert any("årsvärden" in w for w in c.warnings)
    assert not any("år före starten" in w for w in c.warnings)  # seven pre-years
    json.dumps(c.to_dict())
    assert any("/data/kpi/N03702/" in s["url"] for s in c.sources)


def test_honest_warnings_few_pre_years_dropped_and_flagged_values():
    r = Replay.kolada()
    # Recorded pages, with Tranås' 2014 value removed and one value flagged as Kolada does with a status.
    for key, raw in list(r.answers.items()):
        if "/data/kpi/N03702/municipality/0319," in key[1]:
            doc = json.loads(raw)
            doc["values"] = [v for v in doc["values"] if not (v["municipality"] == "0687" and v["period"] == 2014)]
            for v in doc["values"]:
                if v["municipality"] == "1885" and v["period"] == 2016:
                    v["values"][0]["status"] = "B"
            r.answers[key] = json.dumps(doc).encode()
    c = wb.municipality_comparison("N03702", "1984", 2015, pool="liknande_socioekonomi", transport=r)
    assert "0687" not in c.pool_members and len(c.pool_members) == 6
    w = " ".join(c.warnings)
    assert "Bara 3 år före starten 2015" in w
    assert "Tranås" in w and "utanför jämförelsen" in w
    assert "status ('B')" in w and "Lindesberg" in w


def test_bad_pool_and_own_list():
    with pytest.raises(InputError) as err:
        wb.municipality_comparison("N03702", "1984", 2019, pool="grannar", transport=Replay.kolada())
    assert err.value.key == "comparisons.unknown_pool" and "liknande_socioekonomi" in str(err.value)
    c = wb.municipality_comparison("N03702", "1984", 2019, pool=SIMILAR, transport=Replay.kolada())
    assert c.pool_members == tuple(SIMILAR)
