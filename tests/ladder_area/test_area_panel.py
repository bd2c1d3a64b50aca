"""Reading area panels: period formats, wide tables, and errors that name what is wrong."""

from __future__ import annotations

import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import ColumnMissingError, ColumnTypeError, DesignError, InputError
from workbench.ladder.area.api import wide_to_long
from workbench.ladder.area.panel import parse_period, prepare_panel


@pytest.mark.parametrize("text,expected", [
    ("2023-01", pd.Period("2023-01", "M")),
    ("2023-1", pd.Period("2023-01", "M")),
    ("2023-05-31", pd.Period("2023-05", "M")),
    ("2023M05", pd.Period("2023-05", "M")),
    ("jan 2023", pd.Period("2023-01", "M")),
    ("Maj 2023", pd.Period("2023-05", "M")),
    ("okt 2023", pd.Period("2023-10", "M")),
    ("december 2022", pd.Period("2022-12", "M")),
    ("Q4 2010", pd.Period("2010Q4", "Q")),
    ("Q42010", pd.Period("2010Q4", "Q")),
    ("2024 kv1", pd.Period("2024Q1", "Q")),
    (2019, 2019),
    ("2019", 2019),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["hej", "2023-13", "smörgås 2023", ""])
def test_parse_period_rejects(text):
    assert parse_period(text) is None


def _wide():
    return pd.DataFrame({
        "stadsdel": ["A", "B", "C"],
        "insats": ["ja", "nej", "nej"],
        "jan 2023": ["10,5", "9", "8"], "feb 2023": ["11", "9,5", "8"],
        "mar 2023": ["7", "10", "9"], "apr 2023": ["6,5", "10", "9"],
        "maj 2023": ["6", "11", "9,5"],
    })


def test_wide_to_long_and_did_on_it():
    wide = _wide()
    before = wide.copy()
    long = wide_to_long(wide, unit="stadsdel", value_name="kostnad", time_name="månad")
    pd.testing.assert_frame_equal(wide, before)  # caller's table untouched
    assert len(long) == 15 and long["kostnad"].dtype == float
    assert long["månad"].iloc[0] == pd.Period("2023-01", "M")
    assert long.loc[long["stadsdel"] == "A", "kostnad"].tolist() == [10.5, 11.0, 7.0, 6.5, 6.0]
    r = wb.did(long, unit="stadsdel", time="månad", outcome="kostnad", treated="insats", start="mar 2023",
               inference="none")
    assert r.n_treated == 1 and r.n_pre_periods == 2 and r.start_periods == ("2023-03",)
    assert r.estimate.estimate < 0
    iso = wide.rename(columns={c: str(parse_period(c)) for c in wide.columns[2:]})
    long2 = wide_to_long(iso, unit="stadsdel", value_name="kostnad", time_name="månad")
    assert long2["kostnad"].tolist() == long["kostnad"].tolist()


def test_front_doors_take_the_wide_export_directly():
    wide = _wide()
    r = wb.did(wide, unit="stadsdel", treated="insats", start="mar 2023", inference="none")
    long = wide_to_long(wide, unit="stadsdel", value_name="kostnad", time_name="månad")
    ref = wb.did(long, unit="stadsdel", time="månad", outcome="kostnad", treated="insats",
                 start="mar 2023", inference="none")
    assert r.estimate.estimate == pytest.approx(ref.estimate.estimate)
    s = wb.synthetic_control(wide, unit="stadsdel", treated_unit="A", start="mar 2023")
    assert s.weights.sum() == pytest.approx(1.0)
    with pytest.raises(ColumnMissingError):
        wb.did(long, unit="stadsdel", time="månad", treated="insats", start="mar 2023")
    with pytest.raises(ColumnMissingError) as e:
        wb.did(long, unit="stadsdel", time="vecka", outcome="kostnad", treated="insats")
    assert "vecka" in str(e.value)


def test_wide_to_long_without_period_columns():
    with pytest.raises(InputError) as e:
        wide_to_long(pd.DataFrame({"a": [1], "b": [2]}), unit="a")
    assert e.value.key == "area.no_period_columns"


def _long(n_units=4, n_t=6):
    rows = [{"u": f"o{u}", "t": f"2023-{t + 1:02d}", "y": float(u + t), "g": int(u == 0)}
            for u in range(n_units) for t in range(n_t)]
    return pd.DataFrame(rows)


def test_errors_name_the_problem():
    df = _long()
    with pytest.raises(ColumnMissingError) as e:
        wb.did(df, unit="u", time="t", outcome="kostnad", treated="g", start="2023-04")
    assert "kostnad" in str(e.value)
    with pytest.raises(InputError) as e:
        wb.did(df, unit="u", time="t", outcome="y", treated="g")
    assert e.value.key == "area.start_needed" and "start=" in str(e.value)
    bad = df.copy()
    bad.loc[3, "t"] = "vecka 3"
    with pytest.raises(ColumnTypeError) as e:
        wb.did(bad, unit="u", time="t", outcome="y", treated="g", start="2023-04")
    assert "vecka 3" in str(e.value)
    dup = pd.concat([df, df.iloc[[0]]])
    with pytest.raises(InputError) as e:
        wb.did(dup, unit="u", time="t", outcome="y", treated="g", start="2023-04")
    assert e.value.key == "area.duplicate_unit_time" and "o0" in str(e.value)
    with pytest.raises(InputError) as e:
        wb.did(df, unit="u", time="t", outcome="y", treated="g", start="2030-01", lang="en")
    assert e.value.key == "area.bad_start" and "2030-01" in str(e.value)
    none = df.assign(g=0)
    with pytest.raises(DesignError):
        wb.did(none, unit="u", time="t", outcome="y", treated="g", start="2023-04")
    switch = df.assign(d=((df["u"] == "o0") & df["t"].isin(["2023-03", "2023-04"])).astype(int))
    with pytest.raises(DesignError) as e:
        wb.did(switch, unit="u", time="t", outcome="y", treated="d")
    assert e.value.key == "area.treatment_switches_off"
    with pytest.raises(InputError) as e:
        wb.did([1, 2], unit="u", time="t", outcome="y", treated="g")
    with pytest.raises(wb.WorkbenchError) as e:
        wb.did(df, unit="u", time="t", outcome="y", treated="g", start="2023-04", se_type="HC9")
    assert "HC9" in str(e.value)


def test_missing_outcome_rows_make_an_unbalanced_panel_with_a_warning():
    df = _long()
    df.loc[5, "y"] = None
    p = prepare_panel(df, unit="u", time="t", outcome="y", treated="g", start="2023-04")
    assert not p.balanced and p.n_dropped == 1
    r = wb.did(df, unit="u", time="t", outcome="y", treated="g", start="2023-04", inference="none")
    assert any("obalanserad" in w for w in r.warnings)


def test_treated_units_and_time_varying_column_agree():
    df = _long()
    df["y"] = df["y"] + (df["u"] == "o0") * (df["t"] >= "2023-04") * 3.0
    df["d"] = ((df["u"] == "o0") & (df["t"] >= "2023-04")).astype(int)
    a = wb.did(df, unit="u", time="t", outcome="y", treated="d", inference="none")
    b = wb.did(df, unit="u", time="t", outcome="y", treated_units=["o0"], start="2023-04", inference="none")
    c = wb.did(df, unit="u", time="t", outcome="y", treated="g", start="apr 2023", inference="none")
    assert a.estimate.estimate == pytest.approx(3.0)
    assert b.estimate.estimate == pytest.approx(a.estimate.estimate)
    assert c.estimate.estimate == pytest.approx(a.estimate.estimate)
