"""Typed option sets (``Literal``) and the one validator that checks them.

Every string option of the public API is declared here, so the allowed values are documented in
one place and checked the same way everywhere (pyfixest's ``literals.py`` is the model).
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from workbench.core.errors import OptionError

Lang = Literal["sv", "en"]
PrepostKind = Literal["auto", "continuous", "binary"]
MatchMethod = Literal["nearest", "subclass", "exact", "none"]
MatchDistance = Literal["logit", "user"]
MatchOrder = Literal["largest", "smallest", "random", "data"]
Discard = Literal["none", "both", "control", "treated"]
Estimand = Literal["ATT", "ATE", "ATC"]
RctMethod = Literal["difference_in_means", "ols", "lin"]
SeType = Literal["HC0", "HC1", "HC2", "HC3", "CR0", "CR2", "stata", "classical"]
AllocationScheme = Literal["simple", "block", "stratified_block", "cluster", "minimisation"]
Alternative = Literal["two-sided", "less", "greater"]
Rung = Literal[1, 2, 3, 4, 5]
OutcomeKind = Literal["binary", "continuous"]
MetaMethod = Literal["fixed", "DL", "REML"]
# rung 4b, areas over time: the method's values are the keys of workbench.ladder.area.estimators.ESTIMATORS
AreaMethod = Literal["twfe", "callaway_santanna"]
AreaInference = Literal["auto", "all", "none"]
CsControl = Literal["never", "notyet"]
CsAggregation = Literal["simple", "group", "event"]
CsBasePeriod = Literal["varying", "universal"]


def check_option(name: str, value: Any, options: Any, *, lang: str | None = None) -> Any:
    """Return ``value`` if it is one of the ``Literal`` ``options``; raise :class:`OptionError`.

    ``options`` is a ``Literal[...]`` type or any iterable of allowed values.
    """
    allowed = get_args(options) or tuple(options)
    if value not in allowed:
        raise OptionError("core.invalid_option", lang=lang, name=name, value=value, allowed=allowed)
    return value


def check_number(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
    lang: str | None = None,
) -> float:
    """Check that ``value`` is a finite number within [low, high] (ends open when asked)."""
    import math

    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if ok and integer:
        ok = float(value).is_integer()
    if ok and low is not None:
        ok = value > low if low_open else value >= low
    if ok and high is not None:
        ok = value < high if high_open else value <= high
    if not ok:
        parts = []
        if low is not None:
            parts.append(f"{'>' if low_open else '≥'} {low}")
        if high is not None:
            parts.append(f"{'<' if high_open else '≤'} {high}")
        raise OptionError(
            "core.invalid_integer" if integer else "core.invalid_number",
            lang=lang, name=name, value=value, condition=" ".join(parts),
        )
    return value
