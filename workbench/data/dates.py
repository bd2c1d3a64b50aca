"""Dates and month periods as they appear in Swedish exports.

Accepted forms (case-insensitive):

* full dates: ``2023-01-15`` (optionally with ``HH:MM[:SS]``), ``20230115``, ``2023/01/15``,
  ``15.1.2023`` (day first), ``15/1/2023`` (day first, as in Sweden — see below);
* months, read as the first day of the month: ``2023-01``, ``2023M01`` (SCB), ``jan 2023``,
  ``januari 2023``, ``2023 jan`` (Swedish or English month names);
* quarters, read as the first day of the quarter: ``2023K1``, ``2023Q1``, ``2023-K1``.

Slash dates are day/month/year unless some value can only be month/day (``1/13/2023``) and none
can only be day/month; then the column is read month-first and a warning says so. A column with
evidence for both orders is an error, since any reading would be a guess.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DAY_FIRST_DOT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASH = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")
_MONTH_NUM = re.compile(r"^(\d{4})-(\d{1,2})$|^(\d{4})\s*m\s*(\d{1,2})$")
_MONTH_NAME = re.compile(r"^([a-zåäö]+)\.?\s+(\d{4})$|^(\d{4})\s+([a-zåäö]+)\.?$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*[kq]\s*([1-4])$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        ("jan", "januari", "january"), ("feb", "februari", "february"), ("mar", "mars", "march"),
        ("apr", "april"), ("maj", "may"), ("jun", "juni", "june"), ("jul", "juli", "july"),
        ("aug", "augusti", "august"), ("sep", "sept", "september"), ("okt", "oct", "oktober", "october"),
        ("nov", "november"), ("dec", "december"),
    ],
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number


def _date(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> _dt.datetime | None:
    try:
        return _dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def slash_order(value: str) -> str | None:
    """``"day"`` if a slash date can only be day-first, ``"month"`` if only month-first, else None."""
    match = _SLASH.match(value.strip())
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return "day"
    if second > 12 >= first:
        return "month"
    return None


def parse_date(value: Any, *, month_first: bool = False) -> _dt.datetime | None:
    """The date in ``value`` as a ``datetime``, or None if it is not a date in an accepted form."""
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            value = str(int(value))
        else:
            return None
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    if m := _ISO.match(text):
        parts = [int(g) for g in m.groups() if g is not None]
        return _date(*parts)
    if m := _COMPACT.match(text):
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _DAY_FIRST_DOT.match(text):
        return _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _SLASH.match(text):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _date(year, a, b) if month_first else _date(year, b, a)
    if m := _MONTH_NUM.match(text):
        year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return _date(int(year), int(month), 1)
    if m := _MONTH_NAME.match(text):
        name, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = _MONTHS.get(name)
        return _date(int(year), month, 1) if month else None
    if m := _QUARTER.match(text):
        return _date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1)
    return None


def to_dates(
    values: list[Any], rows: list[int], *, column: str, lang: str | None = None
) -> tuple[list[Any], tuple[str, str] | None]:
    """Parse a column of dates; return the datetimes (None for missing) and ``(warning key, example)``.

    Raises
    ------
    ColumnTypeError
        ``data.date_unparsed`` naming the row and value, or ``data.date_order_mixed``.
    """
    from workbench.core.errors import ColumnTypeError
    from workbench.data.numbers import display, is_missing

    day_row = month_row = None
    day_value = month_value = ""
    ambiguous_value = ""
    for value, row in zip(values, rows):
        if isinstance(value, str):
            order = slash_order(value)
            if order == "day" and day_row is None:
                day_row, day_value = row, value.strip()
            elif order == "month" and month_row is None:
                month_row, month_value = row, value.strip()
            elif order is None and _SLASH.match(value.strip()) and not ambiguous_value:
                ambiguous_value = value.strip()
    if day_row is not None and month_row is not None:
        raise ColumnTypeError(
            "data.date_order_mixed", lang=lang, column=column, day_first=day_value, row_day=day_row,
            month_first=month_value, row_month=month_row,
        )
    month_first = month_row is not None
    out: list[Any] = []
    for value, row in zip(values, rows):
        if is_missing(value):
            out.append(None)
            continue
        parsed = parse_date(value, month_first=month_first)
        if parsed is None:
            raise ColumnTypeError("data.date_unparsed", lang=lang, column=column, row=row, value=display(value))
        out.append(parsed)
    warning = None
    if month_first:
        warning = ("data.warn_month_first", month_value)
    elif ambiguous_value and day_row is None:
        warning = ("data.warn_day_first", ambiguous_value)
    return out, warning
