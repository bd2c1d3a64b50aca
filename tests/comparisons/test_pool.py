"""wb.pool against metafor::rma(method="REML", test="knha"), and the evidence-card schema."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import altair as alt
import pytest

import workbench as wb
from workbench.comparisons.evidence_schema import card_schema, validate_card
from workbench.core.errors import EvidenceCardError

GOLDEN = Path(__file__).parent / "golden"
INDICATOR = {"name": "Självförsörjande efter 12 månader",
             "definition": "Andel av deltagarna utan ekonomiskt bistånd 12 månader efter start",
             "source": "Eget verksamhetssystem (Procapita)", "unit": "andel (0-1)", "kolada_kpi": None}


def _card(row: dict[str, str], **over) -> dict:
    se = float(row["std_error"])
    card = {
        "format": "workbench-evidence-card/2", "schema_version": "2.0", "intervention": "Jobbsteget",
        "municipality": row["municipality"], "indicator": dict(INDICATOR), "design": "randomized",
        "rung_reached": 5, "credible": True,
        "estimate": {"estimate": float(row["estimate"]), "std_error": se, "variance": se * se, "ci_low": None,
                     "ci_high": None, "conf_level": 0.95},
        "n": 120, "follow_up_months": 12, "cost_per_participant": {"amount": 48_000, "currency": "SEK"},
        "nesta_level": 3, "eif_rating": "3", "version": wb.__version__,
    }
    card.update(over)
    return card


def _cards() -> list[dict]:
    with open(GOLDEN / "pool_cards.csv", encoding="utf-8") as fh:
        return [_card(r) for r in csv.DictReader(fh)]


def _golden() -> dict[str, float]:
    with open(GOLDEN / "pool_golden.csv", encoding="utf-8") as fh:
        return {k: float(v) for k, v in next(csv.DictReader(fh)).items()}


def test_three_municipalities_pool_as_metafor_reml_knha():
    r = wb.pool(_cards())
    g = _golden()
    e = r.estimate
    for ours, theirs in [(e.estimate, "estimate"), (e.std_error, "std_error"), (e.ci_low, "ci_low"),
                         (e.ci_high, "ci_high"), (e.p_value, "p_value"), (e.statistic, "statistic"),
                         (r.tau2, "tau2"), (r.i2, "i2"), (r.q, "q"),
                         (r.prediction_interval[0], "pi_low"), (r.prediction_interval[1], "pi_high")]:
        # metafor stops its REML iterations at a change below 1e-5 in tau2; ours at 1e-12
        assert ours == pytest.approx(g[theirs], rel=1e-6, abs=1e-10), theirs
    assert e.df == g["df"]
    assert list(r.studies["study"]) == ["Borlänge", "Falun", "Ludvika"]


def test_cards_as_files_and_the_result_protocol(tmp_path):
    paths = []
    for card in _cards():
        p = tmp_path / f"{card['municipality']}.json"
        p.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
        paths.append(p)
    r = wb.pool(paths)
    assert r.estimate.estimate == pytest.approx(wb.pool(_cards()).estimate.estimate, rel=1e-12)
    assert isinstance(r.chart(), alt.LayerChart)
    sv = r.explain()
    assert "3 kommuner" in sv and "prediktionsintervall" in sv and "I² =" in sv
    assert "prediction interval" in r.explain("en")
    assert any("Bara 3 kommuner" in w for w in r.warnings)
    d = r.to_dict()
    json.dumps(d)
    assert d["kind"] == "pool" and d["summary"][0]["k"] == 3


def test_different_indicator_definitions_are_refused_naming_both():
    cards = _cards()
    cards[2]["indicator"]["definition"] = "Andel utan ekonomiskt bistånd 6 månader efter avslut"
    with pytest.raises(EvidenceCardError) as err:
        wb.pool(cards)
    text = str(err.value)
    assert err.value.key == "comparisons.definitions_differ"
    assert "12 månader efter start" in text and "6 månader efter avslut" in text
    assert "Borlänge" in text and "Ludvika" in text
    cards = _cards()
    cards[1]["indicator"]["unit"] = "procent"
    with pytest.raises(EvidenceCardError, match="procent"):
        wb.pool(cards)


def test_cards_that_break_the_schema_name_the_field():
    cards = _cards()
    del cards[0]["estimate"]["variance"]
    with pytest.raises(EvidenceCardError) as err:
        wb.pool(cards)
    assert err.value.key == "comparisons.card_invalid" and "estimate" in str(err.value)
    bad = _card({"municipality": "Falun", "estimate": "0.1", "std_error": "0.05"}, eif_rating="5")
    with pytest.raises(EvidenceCardError, match="eif_rating"):
        validate_card(bad)
    with pytest.raises(EvidenceCardError) as err:
        wb.pool(_cards()[:1])
    assert err.value.key == "comparisons.pool_too_few"
    no_effect = _cards()
    no_effect[1]["estimate"] = None
    with pytest.raises(EvidenceCardError) as err:
        wb.pool(no_effect)
    assert err.value.key == "comparisons.card_no_effect" and "Falun" in str(err.value)


def test_weak_cards_pool_but_are_flagged():
    cards = _cards()
    cards[0] = copy.deepcopy(cards[0]) | {"rung_reached": 3, "credible": False, "design": "before_after"}
    r = wb.pool(cards)
    assert not r.credible and any("Borlänge" in w and "steg 3" in w for w in r.warnings)
    assert "inte svaga jämförelser starkare" in r.explain()


def test_schema_is_versioned_and_shipped():
    schema = card_schema()
    assert schema["properties"]["format"]["const"] == "workbench-evidence-card/2"
    assert {"indicator", "estimate", "n", "follow_up_months", "cost_per_participant", "nesta_level",
            "eif_rating"} <= set(schema["required"])
