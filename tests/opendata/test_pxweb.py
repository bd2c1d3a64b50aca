"""wb.opendata.pxweb_data: recorded SCB answers (API v2 json-stat2, v1 json and csv) replayed."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from replay import RECORDED, Failing, Replay  # noqa: E402

import workbench as wb  # noqa: E402
from workbench.core.errors import OpenDataError  # noqa: E402

COUNTIES = ["01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21",
            "22", "23", "24", "25"]
AGES = ["0-9", "10-19", "20-29", "30-39", "40-49", "50-59", "60-69", "70-79", "80-89", "90-99", "100+"]
TAB6471 = {"Region": COUNTIES, "Alder": AGES, "Kon": "*", "ContentsCode": ["000007SF"],
           "Tid": ["2026M01", "2026M02", "2026M03", "2026M04"]}


def test_v2_jsonstat2_tidy_frame_matches_the_recorded_cells():
    df = wb.opendata.pxweb_data("TAB6471", TAB6471, transport=Replay.scb())
    assert list(df.columns) == ["Region", "Region_label", "Alder", "Alder_label", "Kon", "Kon_label", "ContentsCode",
                                "ContentsCode_label", "Tid", "Tid_label", "value", "status"]
    raw = json.loads((RECORDED / "scb/v2/TAB6471_data.json").read_text(encoding="utf-8"))
    assert len(df) == len(raw["value"]) == 21 * 11 * 3 * 4
    # cell index = row-major over id (Region, Alder, Kon, ContentsCode, Tid): Västmanland (19), 30-39, women, 2026M03
    i = ((COUNTIES.index("19") * 11 + AGES.index("30-39")) * 3 + 2) * 4 + 2
    row = df[(df["Region"] == "19") & (df["Alder"] == "30-39") & (df["Kon"] == "2") & (df["Tid"] == "2026M03")]
    assert row["value"].item() == raw["value"][i]
    assert row["Region_label"].item() == raw["dimension"]["Region"]["category"]["label"]["19"]
    assert df["status"].isna().all()


def test_px_missing_symbols_stay_missing_with_the_symbol_kept():
    # The recorded table has no suppressed cells; SCB marks them with null and a status symbol
    # (JSON-stat 2.0 'status'), so two cells are set that way here and everything else kept.
    replay = Replay.scb()
    key = next(k for k in replay.answers if k[0] == "POST" and "TAB6471" in k[1])
    doc = json.loads(replay.answers[key])
    doc["value"][5], doc["value"][7] = None, None
    doc["status"] = {"5": "..", "7": "."}
    replay.answers[key] = json.dumps(doc).encode()
    df = wb.opendata.pxweb_data("TAB6471", TAB6471, transport=replay)
    assert math.isnan(df["value"][5]) and df["status"][5] == ".."
    assert math.isnan(df["value"][7]) and df["status"][7] == "."
    assert df["value"].notna().sum() == len(df) - 2


def test_v1_query_above_the_cell_limit_is_split_per_year_and_joined():
    replay = Replay.scb()
    df = wb.opendata.pxweb_data("BE/BE0101/BE0101A/BefolkningNy",
                                {"Civilstand": "*", "ContentsCode": ["BE0101N1"], "Tid": ["2015", "2016", "2017"]},
                                api="scb-v1", response_format="json", max_cells=4, transport=replay)
    posts = [json.loads(b) for m, _, b in replay.calls if m == "POST"]
    assert [p["query"][2]["selection"]["values"] for p in posts] == [["2015"], ["2016"], ["2017"]]
    assert len(df) == 12 and df["Civilstand_label"].tolist()[:4] == ["ogifta", "gifta", "skilda", "änkor/änklingar"]
    assert df.loc[(df["Civilstand"] == "G") & (df["Tid"] == "2016"), "value"].item() == 3329589
    assert len(df.attrs["sources"]) == 4  # metadata + three queries


def test_v1_csv_windows1252_with_nbsp_thousands():
    df = wb.opendata.pxweb_data("KLStabell14LpMan", {"Myndighet": ["Tot"], "Kon": ["1"], "Heltiddeltid": ["HT+DT"],
                                                     "ContentsCode": ["AM0102AA"], "Tid": ["2013M09"]},
                                api="scb-v1", response_format="csv", transport=Replay.scb())
    assert df["value"].item() == 34550 and df["Kon_label"].item() == "män"


def test_utf8_bom_is_removed():
    replay = Replay.scb()
    for key, raw in list(replay.answers.items()):
        if raw.lstrip().startswith(b"{"):
            replay.answers[key] = b"\xef\xbb\xbf" + raw
    df = wb.opendata.pxweb_data("TAB6471", TAB6471, transport=replay)
    assert len(df) == 2772


def test_selection_errors_name_the_variable_value_or_table():
    replay = Replay.scb()
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", {**TAB6471, "Kommun": ["0180"]}, transport=replay)
    assert err.value.key == "opendata.px_unknown_variable" and "Kommun" in str(err.value)
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", {**TAB6471, "Tid": ["1899M01"]}, transport=replay)
    assert err.value.key == "opendata.px_unknown_value" and "1899M01" in str(err.value)
    without_age = {k: v for k, v in TAB6471.items() if k != "Alder"}
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", without_age, transport=replay)
    assert err.value.key == "opendata.px_missing_variable" and "Alder" in str(err.value)
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", {"Region": "*", "Alder": "*", "Kon": "*", "ContentsCode": "*", "Tid": "*"},
                               transport=replay, max_queries=5)
    assert err.value.key == "opendata.px_too_large" and "TAB6471" in str(err.value)
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB9999999", TAB6471, transport=Failing(404))
    assert err.value.key == "opendata.px_unknown_table" and "TAB9999999" in str(err.value)


def test_rate_limit_waits_and_retries_without_sleeping():
    replay = Replay.scb()
    waits: list[float] = []
    state = {"n": 0}

    def flaky(method, url, body):
        if method == "POST" and state["n"] < 2:
            state["n"] += 1
            from workbench.opendata import HTTPStatusError

            raise HTTPStatusError(429, url, retry_after=7.0 if state["n"] == 1 else None)
        return replay(method, url, body)

    df = wb.opendata.pxweb_data("TAB6471", TAB6471, transport=flaky, sleep=waits.append)
    assert waits == [7.0, 2.0] and len(df) == 2772
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", TAB6471, transport=Failing(429), sleep=waits.append)
    assert err.value.key == "opendata.rate_limited"


def test_bad_json_stat_is_reported_with_the_url():
    replay = Replay.scb()
    key = next(k for k in replay.answers if k[0] == "POST" and "TAB6471" in k[1])
    doc = json.loads(replay.answers[key])
    doc["value"] = doc["value"][:-1]
    replay.answers[key] = json.dumps(doc).encode()
    with pytest.raises(OpenDataError) as err:
        wb.opendata.pxweb_data("TAB6471", TAB6471, transport=replay)
    assert err.value.key == "opendata.bad_response" and "TAB6471/data" in str(err.value)


def test_table_search_and_metadata():
    tables = wb.opendata.pxweb_tables("befolkning", past_days=30, transport=Replay.scb())
    raw = json.loads((RECORDED / "scb/v2/search_befolkning.json").read_text(encoding="utf-8"))
    assert list(tables["id"]) == [t["id"] for t in raw["tables"]] and "TAB4552" in set(tables["id"])
    variables = wb.opendata.pxweb_metadata("TAB6471", transport=Replay.scb())
    assert [v.code for v in variables] == ["Region", "Alder", "Kon", "ContentsCode", "Tid"]
    tid = variables[-1]
    assert tid.time and not tid.elimination and len(tid.values) == 16
    assert variables[0].elimination and variables[0].value_labels[variables[0].values.index("01")] == "Stockholms län"
