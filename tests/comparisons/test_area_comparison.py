"""wb.area_comparison on published tables (SCB PxWeb frames, Kolada frames) and wb.evidence_card."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "opendata"))
from replay import Replay  # noqa: E402

import workbench as wb  # noqa: E402
from workbench.comparisons.areas import px_period  # noqa: E402
from workbench.core.errors import InputError  # noqa: E402

SIMILAR = ["0319", "0562", "0687", "1082", "1083", "1885", "2084"]


def test_px_periods_are_months_and_quarters():
    assert px_period("2024M03") == "2024-03" and px_period("2024K2") == "Q2 2024" and px_period(2019) == 2019


def test_same_numbers_as_the_municipality_comparison_on_a_kolada_frame():
    frame = wb.opendata.kolada_data("N03702", ["1984", *SIMILAR], transport=Replay.kolada())
    a = wb.area_comparison(frame, unit="municipality", time="period", treated_unit="Arboga", start=2019)
    m = wb.municipality_comparison("N03702", "1984", 2019, pool=SIMILAR, transport=Replay.kolada())
    assert a.synthetic.estimate.estimate == pytest.approx(m.synthetic.estimate.estimate, rel=1e-12)
    assert a.did.estimate.estimate == pytest.approx(m.did.estimate.estimate, rel=1e-12)
    assert len(a.others) == 7 and a.explain().startswith("Arboga jämförs med 7 andra områden, 2012–2023")


def test_scb_counties_monthly_with_a_suppressed_cell():
    # Recorded SCB answer (monthly population by county); one cell of Gotland marked the way SCB marks a
    # suppressed value (null + '..'), so Gotland cannot take part and the warning says why.
    replay = Replay.scb()
    key = next(k for k in replay.answers if k[0] == "POST" and "TAB6471" in k[1])
    doc = json.loads(replay.answers[key])
    counties = list(doc["dimension"]["Region"]["category"]["index"])
    i = ((counties.index("09") * 11 + 0) * 3 + 0) * 4 + 1  # Gotland, 0-9 år, total, 2026M02
    doc["value"][i] = None
    doc["status"] = {str(i): ".."}
    replay.answers[key] = json.dumps(doc).encode()
    manifest = json.loads((Path(__file__).parents[1] / "opendata/recorded/scb/manifest.json").read_text(encoding="utf-8"))
    sel = next(e["selection"] for e in manifest if e.get("file") == "v2/TAB6471_data.json")
    px = wb.opendata.pxweb_data("TAB6471", sel, transport=replay)
    px = px[(px["Alder"] == "0-9") & (px["Kon"] == "TotSa")]
    a = wb.area_comparison(px, unit="Region_label", time="Tid", treated_unit="Västmanlands län", start="2026M03",
                           min_pre_periods=2)
    assert "Gotlands län" not in a.others and len(a.others) == 19
    assert any("('..')" in w and "Gotlands län" in w for w in a.warnings)
    assert sorted(set(a.panel["Tid"])) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert math.isfinite(a.synthetic.estimate.estimate)
    with pytest.raises(InputError) as err:
        wb.area_comparison(px, unit="Region_label", time="Tid", treated_unit="Arboga", start="2026M03")
    assert err.value.key == "comparisons.unknown_treated" and "Blekinge län" in str(err.value)


def test_evidence_card_from_a_result_validates_and_pools():
    data = wb.load_sample("barnavard_rct")
    data = data[data["randomiserad"] == 1]
    ind = {"name": "Placerad inom 12 månader", "definition": "Andel placerade inom 12 månader", "source": "register",
           "unit": "andel (0-1)"}
    cards = []
    for name, part in data.groupby("stadsdel"):
        r = wb.rct(part.dropna(subset=["placering_12m"]), "placering_12m", "grupp", adherence=1.0)
        card = wb.evidence_card(r, intervention="Utredning i hemmiljö", municipality=name, indicator=ind,
                                follow_up_months=12, cost_per_participant=31000, price_year=2025)
        assert wb.validate_evidence_card(card) is card
        assert card["estimate"]["variance"] == pytest.approx(r.estimate.std_error ** 2)
        assert card["design"] == "randomized" and card["rung_reached"] == 5 and card["nesta_level"] == 3
        cards.append(card)
    pooled = wb.pool(cards)
    assert pooled.estimate.df == len(cards) - 1 and pooled.credible
    direct = wb.meta_analysis([c for c in cards], method="REML", knapp_hartung=True)
    assert pooled.estimate.estimate == pytest.approx(direct.estimate.estimate, rel=1e-12)
