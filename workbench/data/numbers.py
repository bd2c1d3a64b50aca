"""Numbers as Swedish offices write them: decimal comma, thousands separated by (non-breaking) spaces.

``"1 234,5"``, ``"1\u00a0234,5"``, ``"1\u202f234,5"``, ``"-0,25"``, ``"−3"`` (minus sign U+2212),
``"1,5E-3"`` and plain ``"1234.5"`` are numbers. Thousands groups must have three digits, so
``"12 34"`` stays text rather than silently becoming 1234. A value with both a comma and a point
(``"1,234.5"``, ``"1.234,5"``) is ambiguous and stays text.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

NUMBER_PATTERN = (
    r"[+\-\u2212]?(?=[.,]?\d)(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:[.,]\d+)?(?:[eE][+\-]?\d+)?"
)
_NUMBER = re.compile(
    r"^(?P<sign>[+\-\u2212]?)(?=[.,]?\d)"
    r"(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?"
    r"(?:[.,](?P<frac>\d+))?"
    r"(?P<exp>[eE][+\-]?\d+)?$"
)
_LEADING_ZERO = re.compile(r"^[+\-]?0\d")

# values that mean "no value" in a numeric column (Excel and SCB conventions)
MISSING_TOKENS = frozenset({"", "na", "n/a", "nan", "#n/a", "#saknas!", "null", "..", "none", "<na>"})


def is_missing(value: Any) -> bool:
    """True for None, NaN and blank text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def parse_number(value: Any) -> float | None:
    """The number written in ``value``, or None if it is not a number.

    Missing tokens (``NA``, ``..``, ``#SAKNAS!`` …) are not numbers here; callers decide.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _NUMBER.match(text)
    if not match or (match.group("int") is None and match.group("frac") is None):
        return None
    digits = re.sub(r"[ \u00a0\u202f]", "", match.group("int") or "0")
    negative = match.group("sign") in ("-", "\u2212")
    literal = ("-" if negative else "") + digits
    if match.group("frac") is not None:
        literal += "." + match.group("frac")
    if match.group("exp"):
        literal += match.group("exp")
    result = float(literal)
    return result if math.isfinite(result) else None


def has_leading_zero(value: Any) -> bool:
    """True for codes such as ``"0123"`` whose leading zero would be lost as a number."""
    return isinstance(value, str) and bool(_LEADING_ZERO.match(value.strip()))


def display(value: Any) -> str:
    """How a raw cell value is shown in a message or kept as text."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.isoformat(sep=" ") if (value.hour or value.minute or value.second) else value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip() if isinstance(value, str) else str(value)
