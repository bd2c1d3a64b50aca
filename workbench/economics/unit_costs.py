"""The unit-cost table (enhetskostnader): editable, every row with source, price year and range.

The shipped table ``data/enhetskostnader_exempel.csv`` holds **EXEMPEL** values only (status
column ``EXEMPEL``): they show the format and plausible orders of magnitude, and every result that
uses them warns so. Copy the file, put in your own values and sources, and read it with
:func:`unit_cost_table`.

Columns: ``nyckel`` (unique key), ``post`` (what it is), ``enhet`` (per what), ``budgetansvarig``
(who pays the cost, i.e. who saves when it is avoided), ``nivå`` (kommun/region/stat/individ),
``belopp_kr``, ``låg_kr``, ``hög_kr`` (point value and range), ``prisår``, ``källa`` (required),
``status`` (``EXEMPEL`` or empty / ``EGET``).

Price index
-----------
``data/kpi_exempel.csv`` holds the consumer price index KPI (SCB, fixed figures, 1980 = 100,
yearly averages) as **example values, rounded, from SCB's published series — check them against
SCB before use**. :func:`adjust_prices` moves amounts to a common price year:
``amount · index[to_year] / index[price_year]``. Pass your own index table (columns ``år`` and
``kpi``, e.g. SKR's prisindex för kommunal verksamhet, PKV) as ``index=``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from workbench.core.errors import EconomicsError
from workbench.core.validate import require_columns, require_frame, sheet_row, to_numeric
from workbench.economics import checks
from workbench.economics.holders import LEVELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

EXAMPLE_FILE = "enhetskostnader_exempel.csv"
INDEX_FILE = "kpi_exempel.csv"
COLUMNS = ("nyckel", "post", "enhet", "budgetansvarig", "nivå", "belopp_kr", "låg_kr", "hög_kr",
           "prisår", "källa")
NUMERIC = ("belopp_kr", "låg_kr", "hög_kr", "prisår")
EXAMPLE_STATUS = "EXEMPEL"


def _data_path(name: str) -> str:
    return str(resources.files("workbench.economics").joinpath("data", name))


def unit_cost_table(source: "str | os.PathLike[str] | pd.DataFrame | None" = None, *,
                    lang: str | None = None) -> "pd.DataFrame":
    """Read and check a unit-cost table (default: the shipped EXEMPEL table).

    Parameters
    ----------
    source
        A CSV/Excel path, a DataFrame with the columns above, or ``None`` for the shipped examples.

    Raises
    ------
    EconomicsError
        A row without a source (``economics.unit_cost_no_source``), without a key, budget holder,
        level, amount or price year (``economics.unit_cost_missing``), an unknown level, a price
        year that is not a year, an impossible range, a negative amount or a repeated key. Missing
        columns and text in the numeric columns raise the core table errors, naming column and row.
    """
    import pandas as pd

    checks.table_or_path("source", source, lang=lang)
    if source is None or isinstance(source, (str, os.PathLike)):
        from workbench.data.read import read_table

        df = read_table(source if source is not None else _data_path(EXAMPLE_FILE), lang=lang)
    else:
        df = require_frame(source, lang=lang).copy()
    require_columns(df, COLUMNS, lang=lang)
    out = df.copy()
    for col in NUMERIC:
        out[col] = to_numeric(df, col, lang=lang)
    if "status" not in out.columns:
        out["status"] = ""
    out["status"] = out["status"].fillna("").astype(str).str.strip().str.upper()
    seen: set[str] = set()
    for label, row in out.iterrows():
        line = sheet_row(df, label)
        if pd.isna(row["nyckel"]) or not str(row["nyckel"]).strip():
            raise EconomicsError("economics.unit_cost_missing", lang=lang, key="–", row=line, column="nyckel")
        key = str(row["nyckel"]).strip()
        src = row["källa"]
        if pd.isna(src) or not str(src).strip():
            raise EconomicsError("economics.unit_cost_no_source", lang=lang, key=key, row=line)
        if key in seen:
            raise EconomicsError("economics.unit_cost_duplicate", lang=lang, key=key)
        seen.add(key)
        for col in ("budgetansvarig", "nivå", "belopp_kr", "prisår"):
            if pd.isna(row[col]) or not str(row[col]).strip():
                raise EconomicsError("economics.unit_cost_missing", lang=lang, key=key, row=line, column=col)
        level = str(row["nivå"]).strip().lower()
        if level not in LEVELS:
            raise EconomicsError("economics.unknown_level", lang=lang, level=row["nivå"],
                                 holder=str(row["budgetansvarig"]), allowed=LEVELS)
        if not float(row["prisår"]).is_integer():
            raise EconomicsError("economics.unit_cost_year", lang=lang, key=key, row=line,
                                 value=checks.shown(row["prisår"]))
        value, low, high = row["belopp_kr"], row["låg_kr"], row["hög_kr"]
        if value < 0:
            raise EconomicsError("economics.negative_amount", lang=lang, item=key, value=value)
        low = value if pd.isna(low) else low
        high = value if pd.isna(high) else high
        if not 0 <= low <= value <= high:
            raise EconomicsError("economics.unit_cost_range", lang=lang, key=key, low=low, value=value, high=high)
        out.loc[label, "låg_kr"], out.loc[label, "hög_kr"] = low, high
        out.loc[label, "nivå"] = level
    out["nyckel"] = out["nyckel"].astype(str).str.strip()
    out["prisår"] = out["prisår"].astype(int)
    return out.reset_index(drop=True)


def price_index(index: "pd.DataFrame | Mapping[int, float] | str | os.PathLike[str] | None" = None, *,
                lang: str | None = None) -> dict[int, float]:
    """year → index value from a table with columns ``år`` and ``kpi`` (default: shipped KPI examples).

    A dict ``{year: value}`` is checked and returned as is. Every year must be a whole number and
    occur once; every value must be a positive number (a zero would divide by zero). Rows with
    neither year nor value (blank lines) are skipped.
    """
    checks.table_or_path("index", index, allow_mapping=True, lang=lang)
    if isinstance(index, Mapping):
        return {checks.year("index", y, lang=lang): _index_value(y, v, lang=lang) for y, v in index.items()}
    if index is None or isinstance(index, (str, os.PathLike)):
        from workbench.data.read import read_table

        index = read_table(index if index is not None else _data_path(INDEX_FILE), lang=lang)
    df = require_frame(index, lang=lang)
    require_columns(df, ["år", "kpi"], lang=lang)
    years = to_numeric(df, "år", lang=lang)
    values = to_numeric(df, "kpi", lang=lang)
    out: dict[int, float] = {}
    for label in df.index[~(years.isna() & values.isna())]:
        y = years[label]
        if not checks.is_number(y) or not float(y).is_integer():
            raise EconomicsError("economics.table_year", lang=lang, column="år", row=sheet_row(df, label),
                                 value=checks.shown(df.loc[label, "år"]))
        if int(y) in out:
            raise EconomicsError("economics.index_duplicate", lang=lang, year=int(y))
        out[int(y)] = _index_value(int(y), values[label], shown=df.loc[label, "kpi"], lang=lang)
    return out


def _isna(value: Any) -> bool:
    return value != value  # NaN


def _index_value(year: Any, value: Any, *, shown: Any = None, lang: str | None) -> float:
    if not checks.is_number(value) or value <= 0:
        raise EconomicsError("economics.index_value", lang=lang, year=year,
                             value=checks.shown(value if shown is None else shown))
    return float(value)


def adjust_prices(table: "pd.DataFrame", to_year: int, *, index: Any = None,
                  lang: str | None = None) -> "pd.DataFrame":
    r"""The unit-cost table in ``to_year`` prices (a new table; the input is not changed).

    ``table`` needs the columns ``belopp_kr``, ``låg_kr``, ``hög_kr`` and ``prisår`` (as from
    :func:`unit_cost_table`); ``to_year`` is a year; ``index`` a table, path or ``{year: value}``
    dict as for :func:`price_index`.

    Notes
    -----
    .. math:: b_{to} = b_{year} \cdot I_{to} / I_{year}

    The columns ``belopp_kr``, ``låg_kr`` and ``hög_kr`` are converted; ``prisår`` becomes
    ``to_year`` and ``ursprungligt_prisår`` keeps the original year.
    """
    if not (hasattr(table, "columns") and hasattr(table, "iloc")):
        raise EconomicsError("economics.not_a_table", lang=lang, name="table", value=checks.shown(table))
    require_columns(table, ["belopp_kr", "låg_kr", "hög_kr", "prisår"], lang=lang)
    to_year = checks.year("to_year", to_year, lang=lang)
    idx = price_index(index, lang=lang)
    available = sorted(idx)
    if to_year not in idx:
        raise EconomicsError("economics.index_year_missing", lang=lang, year=to_year, available=available)
    out = table.copy()
    price_years = to_numeric(table, "prisår", lang=lang)
    factors = []
    for label, year in price_years.items():
        key = table.loc[label, "nyckel"] if "nyckel" in table.columns else "–"
        if _isna(year):
            raise EconomicsError("economics.unit_cost_missing", lang=lang, key=key, row=sheet_row(table, label),
                                 column="prisår")
        if not float(year).is_integer():
            raise EconomicsError("economics.unit_cost_year", lang=lang, key=key, row=sheet_row(table, label),
                                 value=checks.shown(table.loc[label, "prisår"]))
        if int(year) not in idx:
            raise EconomicsError("economics.index_year_missing", lang=lang, year=int(year), available=available)
        factors.append(idx[to_year] / idx[int(year)])
    for col in ("belopp_kr", "låg_kr", "hög_kr"):
        out[col] = to_numeric(table, col, lang=lang) * factors
    out["ursprungligt_prisår"] = out["prisår"]
    out["prisår"] = int(to_year)
    return out


def lookup(table: "pd.DataFrame", key: str, *, lang: str | None = None) -> dict[str, Any]:
    """One row of the table as a dict (``economics.unit_cost_unknown`` if the key is absent)."""
    hit = table[table["nyckel"] == key]
    if hit.empty:
        raise EconomicsError("economics.unit_cost_unknown", lang=lang, key=key, available=table["nyckel"].tolist())
    return hit.iloc[0].to_dict()


def is_example(row: dict[str, Any]) -> bool:
    return str(row.get("status", "")).upper() == EXAMPLE_STATUS
