"""Shared argument checks of the economics room.

Every helper returns the checked value in a plain Python type or raises an
:class:`~workbench.core.errors.EconomicsError` that names the argument (``name``) and shows the
value the user typed, so a bad input never surfaces as a ``ZeroDivisionError``, a ``TypeError``
or a silent NaN. Rates and shares that look as if they were written in percent (``3.5`` for
3.5 %) get a hint with the decimal to write instead (``0.035``).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from workbench.core.errors import EconomicsError

MAX_SIMS = 1_000_000
_RATE_EXAMPLE = ("3.5", "0.035")
_SHARE_EXAMPLE = ("50", "0.5")


def shown(value: Any) -> str:
    """How a value is shown in a message: the ``repr`` the user would type, kept short."""
    if getattr(value, "ndim", None) == 0 and hasattr(value, "item"):  # numpy scalar -> Python
        value = value.item()
    text = repr(value)
    if "\n" in text:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 60 else text[:57] + "…"


def is_number(value: Any) -> bool:
    """A finite real number (``bool`` is not a number here)."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _num(x: float) -> str:
    return f"{x:.10g}"


def _percent_hint(value: Any, fits: Callable[[float], bool], example: tuple[str, str]) -> dict[str, str]:
    if is_number(value) and abs(value) >= 1 and fits(value / 100):
        return {"percent": _num(value), "suggestion": _num(value / 100)}
    return {"percent": example[0], "suggestion": example[1]}


def _bounded(key: str, name: str, value: Any, fits: Callable[[float], bool], example: tuple[str, str],
             lang: str | None) -> float:
    if not is_number(value) or not fits(value):
        raise EconomicsError(key, lang=lang, name=name, value=shown(value), **_percent_hint(value, fits, example))
    return float(value)


def discount_rate(name: str, value: Any, *, lang: str | None = None) -> float:
    """A discount rate of a cost-benefit calculation: a decimal in [0, 1)."""
    return _bounded("economics.discount_rate", name, value, lambda r: 0 <= r < 1, _RATE_EXAMPLE, lang)


def yearly_rate(name: str, value: Any, *, lang: str | None = None) -> float:
    """A yearly rate or growth in (−1, 1); negative real rates are allowed."""
    return _bounded("economics.rate", name, value, lambda r: -1 < r < 1, _RATE_EXAMPLE, lang)


def share(name: str, value: Any, *, lang: str | None = None) -> float:
    """A share in [0, 1]."""
    return _bounded("economics.share", name, value, lambda s: 0 <= s <= 1, _SHARE_EXAMPLE, lang)


def number(name: str, value: Any, *, low: float | None = None, high: float | None = None,
           lang: str | None = None) -> float:
    """A finite number; ``low=0`` alone means "not negative", ``low`` and ``high`` a closed range."""
    if not is_number(value):
        raise EconomicsError("economics.not_a_number", lang=lang, name=name, value=shown(value))
    if high is None and low == 0 and value < 0:
        raise EconomicsError("economics.negative_value", lang=lang, name=name, value=shown(value))
    if (low is not None and value < low) or (high is not None and value > high):
        raise EconomicsError("economics.number_range", lang=lang, name=name, value=shown(value),
                             low=_num(low if low is not None else -math.inf),
                             high=_num(high if high is not None else math.inf))
    return float(value)


def integer(name: str, value: Any, *, low: int | None = None, high: int | None = None,
            lang: str | None = None) -> int:
    """A whole number (``4`` or ``4.0``), at least ``low`` and, with ``high``, at most ``high``."""
    ok = is_number(value) and float(value).is_integer()
    ok = ok and (low is None or value >= low) and (high is None or value <= high)
    if not ok:
        if high is None:
            raise EconomicsError("economics.integer", lang=lang, name=name, value=shown(value),
                                 low=low if low is not None else "−∞")
        raise EconomicsError("economics.integer_range", lang=lang, name=name, value=shown(value),
                             low=low, high=high)
    return int(value)


def year(name: str, value: Any, *, lang: str | None = None) -> int:
    """A calendar year (a whole number such as 2020)."""
    if not (is_number(value) and float(value).is_integer()):
        raise EconomicsError("economics.year", lang=lang, name=name, value=shown(value))
    return int(value)


def text(name: str, value: Any, *, lang: str | None = None) -> str:
    """A non-blank string (a name, a key, a budget holder)."""
    if not isinstance(value, str) or not value.strip():
        raise EconomicsError("economics.not_text", lang=lang, name=name, value=shown(value))
    return value


def flag(name: str, value: Any, *, lang: str | None = None) -> bool:
    """``True`` or ``False`` (numpy booleans and the integers 0/1 too)."""
    ok = isinstance(value, bool) or type(value).__name__ == "bool_" or (
        isinstance(value, numbers.Integral) and value in (0, 1))
    if not ok:
        raise EconomicsError("economics.bad_flag", lang=lang, name=name, value=shown(value))
    return bool(value)


def mapping(name: str, value: Any, *, example: str, lang: str | None = None) -> Mapping:
    """A dict-like argument."""
    if not isinstance(value, Mapping):
        raise EconomicsError("economics.not_a_mapping", lang=lang, name=name, value=shown(value), example=example)
    return value


def as_list(name: str, value: Any, *, empty_ok: bool = False, lang: str | None = None) -> list:
    """The elements of a list-like argument (not a string, a dict or a table)."""
    bad = isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable) or hasattr(value, "columns")
    if not bad:
        try:
            out = list(value)
        except TypeError:  # e.g. a 0-d numpy array
            bad = True
    if bad:
        raise EconomicsError("economics.not_a_list", lang=lang, name=name, value=shown(value))
    if not out and not empty_ok:
        raise EconomicsError("economics.empty", lang=lang, name=name, value=shown(value))
    return out


def amounts(name: str, values: Any, *, lang: str | None = None) -> list[float]:
    """A non-empty list of finite amounts; a bad one is named by position: ``belopp nr 3 ('abc')``."""
    out = as_list(name, values, lang=lang)
    for i, v in enumerate(out, start=1):
        if not is_number(v):
            raise EconomicsError("economics.amount_in_list", lang=lang, name=name, position=i, value=shown(v))
    return [float(v) for v in out]


def years(name: str, values: Any, *, ordered: bool = True, lang: str | None = None) -> list[int]:
    """A non-empty list of calendar years; with ``ordered`` strictly increasing (no repeats)."""
    out = as_list(name, values, lang=lang)
    for i, v in enumerate(out, start=1):
        if not (is_number(v) and float(v).is_integer()):
            raise EconomicsError("economics.year_in_list", lang=lang, name=name, position=i, value=shown(v))
    found = [int(v) for v in out]
    if ordered:
        for i in range(1, len(found)):
            if found[i] <= found[i - 1]:
                raise EconomicsError("economics.years_order", lang=lang, name=name, position=i + 1,
                                     value=found[i], previous=found[i - 1])
    return found


def shares(name: str, values: Any, *, lang: str | None = None) -> list[float]:
    """A non-empty list of shares in [0, 1]."""
    out = as_list(name, values, lang=lang)
    for i, v in enumerate(out, start=1):
        if not is_number(v) or not 0 <= v <= 1:
            raise EconomicsError("economics.share_in_list", lang=lang, name=name, position=i, value=shown(v))
    return [float(v) for v in out]


def items(name: str, values: Any, cls: type, *, empty_ok: bool = True, lang: str | None = None) -> list:
    """A list of ``cls`` objects (a single one is taken as a list of one)."""
    out = [values] if isinstance(values, cls) else as_list(name, values, empty_ok=empty_ok, lang=lang)
    for i, v in enumerate(out, start=1):
        if not isinstance(v, cls):
            raise EconomicsError("economics.item_in_list", lang=lang, name=name, position=i, value=shown(v),
                                 expected=cls.__name__)
    return out


def same_length(name: str, n: int, other: str, other_n: int, *, lang: str | None = None) -> None:
    """Two per-year lists must be equally long."""
    if n != other_n:
        raise EconomicsError("economics.length_mismatch", lang=lang, name=name, n=n, other=other, other_n=other_n)


def table_or_path(name: str, value: Any, *, allow_mapping: bool = False, lang: str | None = None) -> None:
    """``None``, a path, a DataFrame (or, with ``allow_mapping``, a dict) — else an error naming ``name``."""
    import os

    ok = value is None or isinstance(value, (str, os.PathLike)) or (
        hasattr(value, "columns") and hasattr(value, "iloc")) or (allow_mapping and isinstance(value, Mapping))
    if not ok:
        raise EconomicsError("economics.not_a_table", lang=lang, name=name, value=shown(value))


def finite(compute: Callable[[], Any], name: str, value: Any, *, lang: str | None = None) -> Any:
    """Run ``compute``; an overflow or a non-finite result becomes ``economics.not_finite``."""
    try:
        out = compute()
    except (OverflowError, ZeroDivisionError):
        out = math.inf
    values = out if isinstance(out, list) else [out]
    if not all(math.isfinite(v) for v in values):
        raise EconomicsError("economics.not_finite", lang=lang, name=name, value=shown(value))
    return out
