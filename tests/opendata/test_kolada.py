"""wb.opendata.kolada_*: recorded Kolada answers replayed through transport= (see recorded/README.md)."""

from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from replay import RECORDED, Failing, Replay  # noqa: E402

import workbench as wb  # noqa: E402
from workbench.core.errors import OpenDataError  # noqa: E402
from workbench.opendata import kolada as kolada_module  # noqa: E402

POOL = ["0319", "0562", "0687", "1082", "1083", "1885", "1984", "2084"]


def _recorded_values(name: str) -> dict[tuple[str, int], float]:
    with open(RECORDED / "kolada" / name, encoding="utf-8") as fh:
        return {(r["municipality_id"], int(r["year"])): float(r["value"]) for r in csv.DictReader(fh)
                if r["kpi"] in ("N03702", "N00945")}


def test_data_follows_next_url_over_three_pages_and_names_municipalities():
    replay = Replay.kolada()
    df = wb.opendata.kolada_data("N03702", POOL, transport=replay)
    assert list(df.columns) == ["kpi", "municipality_id", "municipality", "period", "gender", "value", "status"]
    data_calls = [u for _, u, _ in replay.calls if "/data/" in u]
    assert len(data_calls) == 3 and data_calls[1].endswith("&page=2") and data_calls[2].endswith("&page=3")
    assert len(df) == 8 * 12 and set(df["period"]) == set(range(2012, 2024))
    expected = _recorded_values("rkolada_grp_data.csv")
    arboga = df[(df["municipality_id"] == "1984") & (df["period"] == 2015)]
    assert arboga["municipality"].item() == "Arboga"
    assert arboga["value"].item() == pytest.approx(expected[("1984", 2015)], rel=1e-12)
    assert df["status"].isna().all()  # Kolada's empty status string is no status


def test_more_ids_than_allowed_are_sent_in_batches(monkeypatch):
    monkeypatch.setattr(kolada_module, "MAX_IDS", 3)
    replay = Replay.kolada()
    batched = wb.opendata.kolada_data("N03702", POOL, transport=replay)
    data_calls = [u for _, u, _ in replay.calls if "/data/" in u]
    assert [u.split("/municipality/")[1].split("?")[0] for u in data_calls] == [
        "0319,0562,0687", "1082,1083,1885", "1984,2084"]
    monkeypatch.setattr(kolada_module, "MAX_IDS", 25)
    whole = wb.opendata.kolada_data("N03702", POOL, transport=Replay.kolada())
    assert batched.equals(whole)


def test_municipalities_page_through_and_keep_ids_as_text():
    replay = Replay.kolada()
    m = wb.opendata.kolada_municipalities(transport=replay)
    assert len(replay.calls) == 2 and len(m) == 312
    assert m.loc[m["id"] == "0000", "title"].item() == "Riket"
    assert m.loc[m["id"] == "1984", "type"].item() == "K"


def test_v2_shape_next_page_and_recorded_title_search():
    replay = Replay.kolada()
    v = wb.opendata.kolada_municipalities("vaxholm", api="v2", transport=replay)
    assert v.to_dict("records") == [{"id": "0187", "title": "Vaxholm", "type": "K"}]
    df = wb.opendata.kolada_data("N00945", ["0180", "1280", "1480"], range(2000, 2021), api="v2", transport=replay)
    assert len(df) == 63 and any("page=2" in u for _, u, _ in replay.calls)
    expected = _recorded_values("rkolada_n00945.csv")
    got = df.set_index(["municipality_id", "period"])["value"]
    assert all(math.isclose(got[k], v, rel_tol=1e-12) for k, v in expected.items())


def test_groups_and_kpi_search():
    replay = Replay.kolada()
    groups = wb.opendata.kolada_municipality_groups(transport=replay)
    arboga = groups[groups["title"].str.startswith("Liknande kommuner socioekonomi, Arboga")]
    assert arboga["members"].item() == [m for m in POOL if m != "1984"]
    kpis = wb.opendata.kolada_kpis("bruttoregionprodukt", transport=replay)
    assert set(kpis["id"]) == {"N03702", "N03703"}


def test_nulls_stay_missing_and_gender_filters(tmp_path):
    # Kolada publishes null where it has no figure; a page with one such cell (one value set to
    # null, everything else as recorded) must give NaN, never 0, and keep the other rows.
    import json

    replay = Replay.kolada()
    key = next(k for k in replay.answers if "/data/kpi/N03702/municipality/0319," in k[1] and "&page" not in k[1])
    doc = json.loads(replay.answers[key])
    doc["values"][6]["values"][0]["value"] = None
    replay.answers[key] = json.dumps(doc).encode()
    df = wb.opendata.kolada_data("N03702", POOL, transport=replay)
    cell = df[(df["municipality_id"] == doc["values"][6]["municipality"]) & (df["period"] == doc["values"][6]["period"])]
    assert math.isnan(cell["value"].item()) and len(df) == 96
    assert wb.opendata.kolada_data("N03702", POOL, gender="K", transport=Replay.kolada()).empty  # not divided by gender
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_data("N03702", POOL, gender="F", transport=Replay.kolada())
    assert err.value.key == "opendata.kolada_bad_gender"


def test_unknown_ids_are_named():
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_data("N03702", ["1984", "9999"], transport=Replay.kolada())
    assert err.value.key == "opendata.kolada_unknown_municipality" and "9999" in str(err.value)
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_data("N00945x", ["1984"], transport=Replay.kolada())
    assert err.value.key == "opendata.kolada_bad_kpi"
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_data("N03702", transport=Replay.kolada())
    assert err.value.key == "opendata.kolada_need_filter"


def test_unknown_kpi_asks_kolada_and_names_it():
    replay = Replay.kolada()
    url = "https://api.kolada.se/v3/data/kpi/N99999/municipality/1984?per_page=5000"
    replay.answers[("GET", url, None)] = b'{"count": 0, "values": [], "next_url": null}'
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_data("N99999", ["1984"], transport=replay)
    assert err.value.key == "opendata.kolada_unknown_kpi" and "N99999" in str(err.value)
    assert "Kolada känner inte till nyckeltalet 'N99999'" in str(err.value)


def test_not_what_the_api_documents():
    replay = Replay.kolada()
    key = ("GET", "https://api.kolada.se/v3/municipality?per_page=5000", None)
    replay.answers[key] = b"<html>Service unavailable</html>"
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_municipalities(transport=replay)
    assert err.value.key == "opendata.bad_response" and "api.kolada.se/v3/municipality" in str(err.value)
    replay.answers[key] = b'{"items": []}'
    with pytest.raises(OpenDataError, match="values"):
        wb.opendata.kolada_municipalities(transport=replay)


def test_network_and_http_errors_name_the_url_in_swedish_and_english():
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_municipalities(transport=Failing())
    assert err.value.key == "opendata.no_network" and "Kunde inte nå https://api.kolada.se/v3/municipality" in str(err.value)
    assert "Could not reach" in err.value.message("en")
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_municipalities(transport=Failing(500), lang="en")
    assert "HTTP 500" in str(err.value) and "api.kolada.se" in str(err.value)
