"""Argument checks shared by the power front doors (messages in ``core/messages/design.py``)."""

from __future__ import annotations

import math
from typing import Any

from workbench.core.errors import DesignError, OptionError
from workbench.core.options import Alternative, check_number, check_option


def check_proportion(name: str, value: Any, lang: str | None) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not 0.0 < value < 1.0:
        raise OptionError("design.proportion_range", lang=lang, name=name, value=value)
    return float(value)


def check_icc(value: Any, lang: str | None) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not 0.0 <= value < 1.0:
        raise OptionError("design.icc_range", lang=lang, value=value)
    return float(value)


def check_common(alpha: Any, alternative: Any, lang: str | None) -> None:
    check_number("alpha", alpha, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    check_option("alternative", alternative, Alternative, lang=lang)


def check_power(power: Any, lang: str | None) -> None:
    if power is not None:
        check_number("power", power, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)


def check_n(name: str, n: Any, lang: str | None, low: float = 2.0) -> None:
    if n is not None:
        check_number(name, n, low=low, lang=lang)


def one_unknown(values: dict[str, Any], lang: str | None) -> str:
    """The name of the single ``None`` among ``values``; clear errors for none or several."""
    missing = [k for k, v in values.items() if v is None]
    if len(missing) == 1:
        return missing[0]
    names = list(values)
    if not missing:
        raise OptionError("design.solve_all", lang=lang, names=names)
    raise OptionError("design.solve_none", lang=lang, names=names, missing=missing)


def check_direction(effect: float, alternative: str, lang: str | None) -> None:
    """One-sided tests need the effect on their side; an effect of zero is never detectable."""
    if effect == 0.0:
        raise DesignError("design.zero_effect", lang=lang)
    if (alternative == "greater" and effect < 0) or (alternative == "less" and effect > 0):
        raise DesignError("design.wrong_direction", lang=lang, alternative=alternative, value=round(effect, 4))


def ceil_n(n: float) -> int:
    """Whole people needed: round up, forgiving floating-point noise below an integer."""
    return int(math.ceil(n - 1e-9))
