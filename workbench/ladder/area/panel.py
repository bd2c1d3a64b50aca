"""Panels of areas over time, as municipal statistics export them.

Two layouts are accepted:

* **long**: one row per area and period (columns unit, time, outcome, treated);
* **wide**: one row per area and one column per month (``2023-01``, ``jan 2023`` …), turned into
  long by :func:`wide_to_long`.

Periods are parsed by :func:`parse_periods`: ``2023-01``, ``2023-1``, ``2023-01-15``, ``2023M01``,
quarters (``Q4 2010``, ``2010Q4``, ``kv1 2024``), ``jan 2023`` / ``januari 2023`` (Swedish month names and abbreviations: jan feb mar apr maj jun jul
aug sep okt nov dec), ``202301``, dates, and plain integers (years, quarters numbered by the user).
Monthly periods become ``pandas.Period`` values (freq ``M``), which sort and subtract correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnTypeError, DesignError, InputError
from workbench.core.messages import msg
from workbench.core.validate import (
    require_columns,
    require_frame,
    require_min_rows,
    require_no_missing,
    to_binary,
    to_numeric,
)

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

MONTHS_SV = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "mar": 3, "mars": 3, "apr": 4, "april": 4,
    "maj": 5, "jun": 6, "juni": 6, "jul": 7, "juli": 7, "aug": 8, "augusti": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
    # English spellings that differ from the Swedish ones
    "may": 5, "oct": 10, "march": 3, "june": 6, "july": 7, "august": 8, "october": 10,
}
_ISO = re.compile(r"^(\d{4})[-/. ]?[mM]?(\d{1,2})(?:[-/.](\d{1,2}))?$")
_NAMED = re.compile(r"^([a-zåäö]+)\.?[\s\-_]*(\d{4})$")
_NAMED_REV = re.compile(r"^(\d{4})[\s\-_]*([a-zåäö]+)\.?$")
_QUARTER = re.compile(r"^(?:q|kv)\.?\s*([1-4])[\s\-_/]*(\d{4})$|^(\d{4})[\s\-_/]*(?:q|kv)\.?\s*([1-4])$")


def parse_period(value: Any) -> Any:
    """One period label as a ``pandas.Period('M')``, an ``int``, or ``None`` if not a period."""
    import pandas as pd

    if value is None:
        return None
    if isinstance(value, pd.Period):
        return value
    if isinstance(value, (pd.Timestamp,)) or hasattr(value, "year") and hasattr(value, "month"):
        return pd.Period(year=value.year, month=value.month, freq="M")
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and float(value).is_integer()):
        return int(value)
    text = str(value).strip().lower()
    if text.isdigit() and len(text) != 6:
        return int(text)
    m = _ISO.match(text)
    if m and 1 <= int(m.group(2)) <= 12 and (m.group(3) is None or 1 <= int(m.group(3)) <= 31):
        return pd.Period(year=int(m.group(1)), month=int(m.group(2)), freq="M")
    m = _QUARTER.match(text)
    if m:
        q, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return pd.Period(year=int(year), quarter=int(q), freq="Q")
    m = _NAMED.match(text)
    if m and m.group(1) in MONTHS_SV:
        return pd.Period(year=int(m.group(2)), month=MONTHS_SV[m.group(1)], freq="M")
    m = _NAMED_REV.match(text)
    if m and m.group(2) in MONTHS_SV:
        return pd.Period(year=int(m.group(1)), month=MONTHS_SV[m.group(2)], freq="M")
    return None


def parse_periods(values: "pd.Series", column: str, *, lang: str | None = None) -> "pd.Series":
    """A column of period labels parsed with :func:`parse_period`; all must be of one kind."""
    import pandas as pd

    parsed = [parse_period(v) for v in values.tolist()]
    kinds = {type(p).__name__ for p in parsed}
    bad = [v for v, p in zip(values.tolist(), parsed) if p is None]
    if bad or len(kinds) > 1:
        example = bad[0] if bad else values.iloc[0]
        raise ColumnTypeError("area.bad_period", lang=lang, column=column, value=example)
    return pd.Series(parsed, index=values.index, name=values.name, dtype=object)


def wide_to_long(
    table: "pd.DataFrame",
    *,
    unit: str,
    value_name: str = "utfall",
    time_name: str = "period",
    lang: str | None = None,
) -> "pd.DataFrame":
    """Turn one-column-per-period statistics into a long panel (unit, period, value).

    Columns whose names parse as periods are stacked; other columns (besides ``unit``) are kept as
    unit-level attributes (e.g. a ``insats`` flag). Values may use decimal commas.
    """
    import pandas as pd

    df = require_frame(table, lang=lang)
    require_columns(df, [unit], lang=lang)
    period_cols = [c for c in df.columns if c != unit and _is_period_column(c)]
    if len(period_cols) < 2:
        raise InputError("area.no_period_columns", lang=lang, columns=[str(c) for c in df.columns])
    keep = [c for c in df.columns if c not in period_cols]
    long = df.melt(id_vars=keep, value_vars=period_cols, var_name=time_name, value_name=value_name)
    long[value_name] = to_numeric(long, value_name, lang=lang)
    long[time_name] = [parse_period(c) for c in long[time_name]]
    long = long.sort_values([unit, time_name], key=_sort_key).reset_index(drop=True)
    return pd.DataFrame(long)


def _is_period_column(col: Any) -> bool:
    text = str(col).strip()
    if text.isdigit():
        return (len(text) == 4 and 1900 <= int(text) <= 2100) or (
            len(text) == 6 and parse_period(text) is not None)
    return parse_period(col) is not None


def _sort_key(s: "pd.Series") -> "pd.Series":
    import pandas as pd

    if len(s) and isinstance(s.iloc[0], pd.Period):
        return s.map(lambda p: p.ordinal)
    return s


@dataclass(frozen=True)
class Panel:
    """A validated long panel with integer codes (the engines' input).

    ``units``/``times`` hold the labels in code order; ``unit_code``/``time_code`` the row codes;
    ``d`` the 0/1 treatment-on indicator; ``start`` the first treated period code per unit
    (``-1`` for never treated).
    """

    y: "np.ndarray"
    d: "np.ndarray"
    unit_code: "np.ndarray"
    time_code: "np.ndarray"
    units: tuple
    times: tuple
    start: "np.ndarray"
    balanced: bool
    columns: dict
    n_dropped: int = 0
    rows: "np.ndarray | None" = None  # positions of the used rows in the caller's table

    @property
    def n_units(self) -> int:
        return len(self.units)

    @property
    def n_times(self) -> int:
        return len(self.times)

    @property
    def treated_units(self) -> "np.ndarray":
        import numpy as np

        return np.flatnonzero(self.start >= 0)

    def matrix(self, values: "np.ndarray") -> "np.ndarray":
        """Values as a units × times matrix (NaN where a row is missing)."""
        import numpy as np

        out = np.full((self.n_units, self.n_times), np.nan)
        out[self.unit_code, self.time_code] = values
        return out


def prepare_panel(
    panel: Any,
    *,
    unit: str,
    time: str,
    outcome: str,
    treated: str | None = None,
    start: Any = None,
    treated_units: Any = None,
    lang: str | None = None,
) -> Panel:
    """Validate a long panel and code it.

    ``treated`` is either a 0/1 column that is 1 in the periods a unit is under treatment, or a 0/1
    unit-level group column (constant within unit) combined with ``start`` (first treated period).
    Instead of a column, ``treated_units`` (labels) with ``start`` can be given. Rows with a
    missing outcome are dropped (the panel becomes unbalanced; ``n_dropped`` counts them).
    """
    import numpy as np
    import pandas as pd

    df = require_frame(panel, lang=lang)
    require_columns(df, [unit, time, outcome, treated], lang=lang)
    require_no_missing(df, [unit, time], lang=lang)
    y = to_numeric(df, outcome, lang=lang)
    n_dropped = int(y.isna().sum())
    rows = np.flatnonzero(y.notna().to_numpy())
    if n_dropped:  # a missing month is an unbalanced panel, not an error
        df, y = df[y.notna()], y[y.notna()]
        require_min_rows(len(df), 4, lang=lang)
    raw_codes, raw_times = pd.factorize(df[time])
    parsed = parse_periods(pd.Series(raw_times, dtype=object), time, lang=lang).tolist()
    times = sorted(set(parsed), key=lambda p: p.ordinal if isinstance(p, pd.Period) else p)
    if len(times) < 2:
        raise InputError("area.too_few_periods", lang=lang, n=len(times))
    time_index = {p: i for i, p in enumerate(times)}
    time_code = np.array([time_index[p] for p in parsed], dtype=np.int64)[raw_codes]
    unit_codes_raw, unit_raw = pd.factorize(df[unit])
    units = sorted(unit_raw.tolist(), key=str)
    unit_index = {u: i for i, u in enumerate(units)}
    unit_code = np.array([unit_index[u] for u in unit_raw.tolist()], dtype=np.int64)[unit_codes_raw]
    key = unit_code * len(times) + time_code
    uniq, counts = np.unique(key, return_counts=True)
    if (counts > 1).any():
        k = int(uniq[np.argmax(counts > 1)])
        raise InputError("area.duplicate_unit_time", lang=lang, unit=units[k // len(times)],
                         time=times[k % len(times)])
    d, start_code = _treatment(df, treated, start, treated_units, unit_code, time_code, units,
                               time_index, unit, time, lang)
    n_u, n_t = len(units), len(times)
    if n_u < 2:
        raise InputError("area.too_few_units", lang=lang, n=n_u)
    balanced = len(df) == n_u * n_t
    return Panel(
        y=y.to_numpy(dtype=float), d=d, unit_code=unit_code, time_code=time_code,
        units=tuple(units), times=tuple(times), start=start_code, balanced=balanced,
        columns={"unit": unit, "time": time, "outcome": outcome, "treated": treated},
        n_dropped=n_dropped, rows=rows,
    )


def _treatment(df, treated, start, treated_units, unit_code, time_code, units, time_index,
               unit, time, lang):
    import numpy as np

    n_u = len(units)
    start_code = np.full(n_u, -1, dtype=np.int64)
    if treated is not None:
        flag = to_binary(df, treated, lang=lang)
        if flag.isna().any():
            raise ColumnTypeError("core.column_not_binary", lang=lang, column=treated, values=[msg("area.value_empty", lang)])
        flag = flag.to_numpy()
        varies = np.zeros(n_u, dtype=bool)
        mn = np.full(n_u, 2.0)
        mx = np.full(n_u, -1.0)
        np.minimum.at(mn, unit_code, flag)
        np.maximum.at(mx, unit_code, flag)
        varies = mn != mx
        if varies.any():
            if start is not None:
                raise InputError("area.start_with_timevarying", lang=lang, column=treated)
            _check_absorbing(flag, unit_code, time_code, units, treated, lang)
            on = flag == 1
            first = np.full(n_u, np.iinfo(np.int64).max)
            np.minimum.at(first, unit_code[on], time_code[on])
            start_code = np.where(first == np.iinfo(np.int64).max, -1, first)
            always = (mn == 1)
            if always.any():
                raise DesignError("area.always_treated", lang=lang, unit=units[int(np.flatnonzero(always)[0])])
            return flag.astype(float), start_code
        group = mx == 1
    elif treated_units is not None:
        wanted = set(treated_units if isinstance(treated_units, (list, tuple, set)) else [treated_units])
        missing = [u for u in wanted if u not in set(units)]
        if missing:
            raise InputError("area.unknown_unit", lang=lang, unit=missing[0], column=unit)
        group = np.array([u in wanted for u in units])
    else:
        raise InputError("area.no_treatment", lang=lang)
    if not group.any():
        raise DesignError("area.no_treated", lang=lang, column=treated or unit)
    if start is None:
        raise InputError("area.start_needed", lang=lang, column=treated or unit)
    s = parse_period(start)
    codes = _start_code(s, time_index, time, lang)
    start_code[group] = codes
    d = ((start_code[unit_code] >= 0) & (time_code >= start_code[unit_code])).astype(float)
    return d, start_code


def _start_code(s, time_index, time, lang) -> int:
    if s is None:
        raise InputError("area.bad_start", lang=lang, value=s, column=time)
    keys = list(time_index)
    later = [k for k in keys if _ge(k, s)]
    if not later or later[0] == keys[0] or type(keys[0]) is not type(s):
        raise InputError("area.bad_start", lang=lang, value=s, column=time)
    return time_index[later[0]]


def _ge(a, b) -> bool:
    try:
        return a >= b
    except TypeError:
        return False


def _check_absorbing(flag, unit_code, time_code, units, treated, lang) -> None:
    import numpy as np

    order = np.lexsort((time_code, unit_code))
    f, u = flag[order], unit_code[order]
    back = (np.diff(f) < 0) & (np.diff(u) == 0)
    if back.any():
        raise DesignError("area.treatment_switches_off", lang=lang, column=treated,
                          unit=units[int(u[np.flatnonzero(back)[0]])])
