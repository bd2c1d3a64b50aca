"""Give each column of a raw table its type: numbers, dates, truth values or text.

Automatic rules (nothing is ever dropped; a value that does not fit keeps the column as text):

* a column whose every value is a number (decimal comma or point, thousands separated by space,
  NBSP or narrow NBSP) becomes ``int64`` when all values are whole and none is missing, else
  ``float64``; ``NA``, ``..``, ``#SAKNAS!`` and blanks count as missing in such a column;
* codes with a leading zero (``0123``) and personnummer written as bare digits stay text, so
  no digit is lost;
* a column of ISO dates (``2023-01-15``) becomes ``datetime64``;
* when most values are numbers but a few are not, the column stays text and a warning names the
  first offending row and value.

Columns named in ``numeric=`` or ``dates=`` must convert completely; the first value that does
not raises an error naming the column, the spreadsheet row and the value.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnTypeError
from workbench.data.dates import ISO_DATE, parse_date, to_dates
from workbench.data.numbers import MISSING_TOKENS, display, has_leading_zero, is_missing, parse_number

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Warning_ = tuple[str, dict[str, Any]]
_MOSTLY_NUMERIC = 0.8


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value if value else None
    return None if is_missing(value) else value


def _is_token(value: Any) -> bool:
    return isinstance(value, str) and value.strip().lower() in MISSING_TOKENS


def _numbers_series(parsed: list[float | None]) -> "pd.Series":
    import pandas as pd

    present = [p for p in parsed if p is not None]
    if len(present) == len(parsed) and all(float(p).is_integer() and abs(p) < 2**53 for p in present):
        return pd.Series([int(p) for p in present], dtype="int64")
    return pd.Series([float("nan") if p is None else p for p in parsed], dtype="float64")


def _text_series(values: list[Any]) -> "pd.Series":
    import pandas as pd

    return pd.Series([None if v is None else display(v) for v in values], dtype="str")


def _looks_like_personnummer(values: list[Any]) -> bool:
    from workbench.data.personnummer import is_valid_personnummer

    digits = [display(v) for v in values if isinstance(v, (str, int)) and not isinstance(v, bool)]
    candidates = [d for d in digits if d.isdigit() and len(d) in (10, 12)]
    if not candidates or len(candidates) * 2 < len(values):
        return False
    return sum(is_valid_personnummer(d) for d in candidates) * 2 >= len(values)


def _all_text(values: list[Any]) -> bool:
    return all(v is None or isinstance(v, str) for v in values)


class _Vector:
    """One pass over a text column with precompiled patterns (the fast path for CSV files)."""

    _THOUSANDS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "\u2212": "-", ",": "."})

    def __init__(self, values: list[Any]) -> None:
        import re

        import numpy as np
        import pandas as pd

        from workbench.data.numbers import NUMBER_PATTERN

        number = re.compile(NUMBER_PATTERN)
        stripped = [v.strip() if isinstance(v, str) else None for v in values]
        self.items = [v if v else None for v in stripped]
        self.text = pd.Series(self.items, dtype="str")
        present = [v is not None for v in self.items]
        token = [v is not None and v.lower() in MISSING_TOKENS for v in self.items]
        is_number = [v is not None and number.fullmatch(v) is not None for v in self.items]
        self.present = np.array(present, dtype=bool)
        self.token = np.array(token, dtype=bool)
        self.is_number = np.array(is_number, dtype=bool)
        self.bad = self.present & ~self.token & ~self.is_number
        self.numbers = np.array(
            [float(v.translate(self._THOUSANDS)) if ok else np.nan for v, ok in zip(self.items, is_number)],
            dtype="float64",
        )

    def as_numbers(self) -> "pd.Series":
        import numpy as np
        import pandas as pd

        numbers = self.numbers
        if self.is_number.all() and bool(np.all(numbers % 1 == 0)) and bool(np.all(np.abs(numbers) < 2**53)):
            return pd.Series(numbers.astype("int64"))
        return pd.Series(numbers, dtype="float64")

    def first_bad(self) -> int:
        return int(self.bad.nonzero()[0][0])


def force_numeric(values: list[Any], rows: list[int], *, column: str, lang: str | None = None) -> "pd.Series":
    """Every value must be a number or missing; the first text raises naming row and value."""
    if _all_text(values):
        vec = _Vector(values)
        if vec.bad.any():
            first = vec.first_bad()
            raise ColumnTypeError(
                "core.column_not_numeric", lang=lang, column=column, row=rows[first], value=vec.items[first]
            )
        return vec.as_numbers()
    parsed: list[float | None] = []
    for value, row in zip(values, rows):
        value = _clean(value)
        if value is None or _is_token(value):
            parsed.append(None)
        elif isinstance(value, bool):
            parsed.append(float(value))
        else:
            number = parse_number(value)
            if number is None:
                raise ColumnTypeError(
                    "core.column_not_numeric", lang=lang, column=column, row=row, value=display(value)
                )
            parsed.append(number)
    return _numbers_series(parsed)


def force_dates(values: list[Any], rows: list[int], *, column: str, lang: str | None = None) -> tuple["pd.Series", Warning_ | None]:
    import pandas as pd

    if _all_text(values):
        items = [v.strip() if isinstance(v, str) and v.strip() else None for v in values]
        if all(v is None or ISO_DATE.match(v) for v in items):
            dates = pd.to_datetime(pd.Series(items, dtype="str"), format="ISO8601", errors="coerce")
            if not any(d and v is not None for d, v in zip(dates.isna().tolist(), items)):
                return pd.Series(dates.to_numpy()), None
    parsed, warning = to_dates([_clean(v) for v in values], rows, column=column, lang=lang)
    series = pd.Series(pd.to_datetime([pd.NaT if p is None else p for p in parsed]))
    if warning is None:
        return series, None
    key, example = warning
    return series, (key, {"column": column, "value": example})


def auto_column(values: list[Any], rows: list[int], *, column: str) -> tuple["pd.Series", Warning_ | None]:
    """Infer the type of one column (see the module docstring)."""
    import pandas as pd

    if _all_text(values):
        return _auto_text(values, rows, column=column)
    cleaned = [_clean(v) for v in values]
    present = [v for v in cleaned if v is not None]
    if not present:
        return pd.Series([float("nan")] * len(cleaned), dtype="float64"), None
    if all(isinstance(v, bool) for v in present):
        if len(present) == len(cleaned):
            return pd.Series(cleaned, dtype="bool"), None
        return pd.Series(cleaned, dtype="boolean"), None
    if all(isinstance(v, (_dt.date, _dt.datetime)) for v in present):
        return pd.Series(pd.to_datetime([pd.NaT if v is None else v for v in cleaned])), None
    if _looks_like_personnummer(present) or any(has_leading_zero(v) for v in present):
        return _text_series(cleaned), None
    parsed: list[float | None] = []
    failures: list[int] = []
    numbers = 0
    for i, value in enumerate(cleaned):
        if value is None or _is_token(value):
            parsed.append(None)
            continue
        number = parse_number(value)
        parsed.append(number)
        if number is None:
            failures.append(i)
        else:
            numbers += 1
    if numbers and not failures:
        return _numbers_series(parsed), None
    if all(isinstance(v, str) and ISO_DATE.match(v) for v in present):
        dates = [parse_date(v) for v in present]
        if all(d is not None for d in dates):
            return pd.Series(pd.to_datetime([pd.NaT if v is None else parse_date(v) for v in cleaned])), None
    warning = None
    if numbers >= 3 and numbers >= _MOSTLY_NUMERIC * (numbers + len(failures)):
        first = failures[0]
        warning = ("data.warn_mostly_numeric", {"column": column, "row": rows[first], "value": display(cleaned[first])})
    return _text_series(cleaned), warning


def _auto_text(values: list[Any], rows: list[int], *, column: str) -> tuple["pd.Series", Warning_ | None]:
    """:func:`auto_column` for a column of text, vectorized."""
    import pandas as pd

    import re

    vec = _Vector(values)
    text, items = vec.text, vec.items
    n_present = int(vec.present.sum())
    if n_present == 0:
        return pd.Series([float("nan")] * len(values), dtype="float64"), None
    leading_zero = re.compile(r"[+\-]?0\d")
    if any(v is not None and leading_zero.match(v) for v in items):
        return text, None
    digits = [v for v in items if v is not None and v.isdigit() and len(v) in (10, 12)]
    if len(digits) * 2 >= n_present and _looks_like_personnummer(digits[:2000]):
        return text, None
    n_numbers, n_bad = int(vec.is_number.sum()), int(vec.bad.sum())
    if n_numbers and not n_bad:
        return vec.as_numbers(), None
    if not n_numbers and all(v is None or ISO_DATE.match(v) for v in items):
        dates = pd.to_datetime(text, format="ISO8601", errors="coerce")
        if not bool((dates.isna().to_numpy() & vec.present).any()):
            return pd.Series(dates.to_numpy()), None
    # numbers in a format not recognised (1.234,5 or 12345 678) must not pass silently as text
    loose = re.compile(r"[+\-\u2212]?\d[\d \u00a0\u202f.,']*")
    numberish = sum(1 for v, bad in zip(items, vec.bad) if bad and loose.fullmatch(v)) + n_numbers
    warning = None
    if numberish >= 3 and numberish >= _MOSTLY_NUMERIC * (n_numbers + n_bad):
        first = vec.first_bad()
        warning = ("data.warn_mostly_numeric", {"column": column, "row": rows[first], "value": items[first]})
    return text, warning
