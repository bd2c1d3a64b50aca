"""Checks of what a measurement is made of: indicator definitions, occasions, values and dates.

Pure functions (no database): each returns the clean value to store or raises a
:class:`~workbench.core.errors.RegistryError` that names the value and says what to write instead.
The registry calls them before it opens a write transaction, so nothing is written on bad input.

Occasions
---------
The built-in occasions and their planned timing relative to the participant's *anchor date* (the
start of the intervention, else the registration date, else the randomization date):

==================  ======  ============  ===========
occasion            months  days before   days after
==================  ======  ============  ===========
``baslinje``        0       30            30
``efter``           6       30            45
``uppfoljning_12``  12      45            60
``uppfoljning_24``  24      45            90
``uppfoljning_36``  36      45            90
==================  ======  ============  ===========

A project may define its own occasions or re-time the built-in ones
(``reg.define_occasion``); the newest definition of a name holds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from workbench.core.errors import RegistryError

KINDS = ("continuous", "binary")
MAX_TEXT = 200
_NAME = re.compile(r"^[^\x00-\x1f]{1,200}$")
_OCCASION = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_TRUE = {"1", "ja", "j", "yes", "y", "sant", "true"}
_FALSE = {"0", "nej", "n", "no", "falskt", "false"}


class Occasion(NamedTuple):
    """A measurement occasion: ``months`` after the anchor date, planned window around it."""

    name: str
    months: int
    days_before: int
    days_after: int
    label: str | None = None


BUILTIN_OCCASIONS: dict[str, Occasion] = {o.name: o for o in (
    Occasion("baslinje", 0, 30, 30, "Baslinje (före insatsen)"),
    Occasion("efter", 6, 30, 45, "Efter insatsen"),
    Occasion("uppfoljning_12", 12, 45, 60, "Uppföljning 12 månader"),
    Occasion("uppfoljning_24", 24, 45, 90, "Uppföljning 24 månader"),
    Occasion("uppfoljning_36", 36, 45, 90, "Uppföljning 36 månader"),
)}


class Indicator(NamedTuple):
    """An indicator as stored: kind, allowed range (continuous), unit and a readable label."""

    name: str
    kind: str
    minimum: float | None
    maximum: float | None
    unit: str | None
    label: str | None

    def allowed(self, lang: str = "sv") -> str:
        """The allowed values in words (shown in forms and errors)."""
        if self.kind == "binary":
            return "0/1 (nej/ja)" if lang == "sv" else "0/1 (no/yes)"
        low = "−∞" if self.minimum is None else _num(self.minimum)
        high = "∞" if self.maximum is None else _num(self.maximum)
        unit = f" {self.unit}" if self.unit else ""
        return f"{low} – {high}{unit}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def clean_name(value: object, *, lang: str) -> str:
    """An indicator name: 1–200 printable characters (surrounding spaces removed)."""
    if not isinstance(value, str) or not _NAME.match(value.strip() or "\x00"):
        raise RegistryError("measure.bad_indicator_name", lang=lang, value=repr(value)[:60])
    return value.strip()


def clean_text(value: object, field: str, *, lang: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value.strip()) > MAX_TEXT or not value.strip().isprintable():
        raise RegistryError("people.text_bad", lang=lang, field=field, max=MAX_TEXT)
    return value.strip()


def _bound(value: object, field: str, *, lang: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RegistryError("measure.bad_bound", lang=lang, field=field, value=repr(value)[:40])
    return float(value)


def clean_indicator(name: object, *, kind: object, minimum: object, maximum: object, unit: object,
                    label: object, lang: str) -> Indicator:
    """Validate an indicator definition; a binary indicator is 0/1 and takes no range."""
    clean = clean_name(name, lang=lang)
    if kind not in KINDS:
        raise RegistryError("measure.bad_kind", lang=lang, value=repr(kind)[:40], kinds=list(KINDS))
    low, high = _bound(minimum, "minimum", lang=lang), _bound(maximum, "maximum", lang=lang)
    if kind == "binary":
        if (low, high) not in ((None, None), (0.0, 1.0)):
            raise RegistryError("measure.binary_range", lang=lang, indicator=clean)
        low, high = 0.0, 1.0
    if low is not None and high is not None and low >= high:
        raise RegistryError("measure.bad_range", lang=lang, indicator=clean, minimum=_num(low),
                            maximum=_num(high))
    return Indicator(clean, str(kind), low, high, clean_text(unit, "unit", lang=lang),
                     clean_text(label, "label", lang=lang))


def clean_occasion(name: object, *, months: object, days_before: object, days_after: object,
                   label: object, lang: str) -> Occasion:
    """Validate an occasion: a code of lower-case letters, digits and ``_``; whole months/days."""
    if not isinstance(name, str) or not _OCCASION.match(name.strip()):
        raise RegistryError("measure.bad_occasion_name", lang=lang, value=repr(name)[:60])
    numbers = []
    for field, value, top in (("months", months, 240), ("days_before", days_before, 366),
                              ("days_after", days_after, 366)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise RegistryError("measure.bad_timing", lang=lang, field=field, value=repr(value)[:40],
                                max=top)
        numbers.append(value)
    return Occasion(name.strip(), *numbers, clean_text(label, "label", lang=lang))


def clean_value(indicator: Indicator, value: object, *, lang: str) -> float:
    """The value to store for ``indicator``: a finite number in range; 0/1 (or ja/nej) for binary.

    Text with a decimal comma (``"12,5"``) is read as a number, as Swedish offices write it.
    """
    shown = repr(value)[:40] if not isinstance(value, str) else value.strip()[:40]
    if indicator.kind == "binary":
        if isinstance(value, bool):
            return float(value)
        text = str(value).strip().lower() if isinstance(value, (str, int, float)) else None
        if isinstance(value, float) and value in (0.0, 1.0):
            return value
        if text in _TRUE:
            return 1.0
        if text in _FALSE:
            return 0.0
        raise RegistryError("measure.bad_binary", lang=lang, value=shown, indicator=indicator.name)
    if isinstance(value, bool):
        raise RegistryError("measure.not_a_number", lang=lang, value=shown, indicator=indicator.name)
    if isinstance(value, str):
        try:
            number = float(value.strip().replace("\u2212", "-").replace(",", ".").replace(" ", ""))
        except ValueError:
            raise RegistryError("measure.not_a_number", lang=lang, value=shown,
                                indicator=indicator.name) from None
    elif isinstance(value, (int, float)) or type(value).__module__.startswith("numpy"):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise RegistryError("measure.not_a_number", lang=lang, value=shown,
                                indicator=indicator.name) from None
    else:
        raise RegistryError("measure.not_a_number", lang=lang, value=shown, indicator=indicator.name)
    if not math.isfinite(number):
        raise RegistryError("measure.not_a_number", lang=lang, value=shown, indicator=indicator.name)
    if (indicator.minimum is not None and number < indicator.minimum) or \
            (indicator.maximum is not None and number > indicator.maximum):
        raise RegistryError("measure.out_of_range", lang=lang, value=shown, indicator=indicator.name,
                            allowed=indicator.allowed(lang))
    return number


def clean_date(value: object, *, lang: str, today: dt.date | None = None) -> str:
    """An ISO date from a date, datetime, pandas Timestamp or text; today when ``None``; never future."""
    today = today or dt.date.today()
    if value is None or (isinstance(value, str) and not value.strip()):
        return today.isoformat()
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise RegistryError("people.bad_date", lang=lang, field="measured_on",
                                value=value[:40]) from None
    else:
        raise RegistryError("people.bad_date", lang=lang, field="measured_on", value=repr(value)[:40])
    if day > today:
        raise RegistryError("people.future_date", lang=lang, field="measured_on", value=day.isoformat())
    return day.isoformat()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole calendar months (the last day of a shorter month when needed)."""
    import calendar

    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window(anchor: dt.date, occasion: Occasion) -> tuple[dt.date, dt.date, dt.date]:
    """Planned date, first and last day of the window of ``occasion`` for an anchor date.

    Notes
    -----
    planned = anchor + ``months`` calendar months; window = [planned − ``days_before``,
    planned + ``days_after``].
    """
    planned = add_months(anchor, occasion.months)
    return (planned, planned - dt.timedelta(days=occasion.days_before),
            planned + dt.timedelta(days=occasion.days_after))


def indicator_from_step1(item: Mapping[str, Any]) -> dict[str, Any] | None:
    """An indicator definition from a step-1 ``indicators`` record, or None when it has no name.

    Explicit keys (``kind``, ``minimum``, ``maximum``, ``unit``) win; otherwise the definition is
    read: "ja/nej" makes it binary, a range "0–100" gives the bounds.
    """
    name = str(item.get("name") or "").strip()
    if not name:
        return None
    text = " ".join(str(item.get(k) or "") for k in ("definition", "unit", "instrument")).lower()
    kind = item.get("kind")
    if kind not in KINDS:
        kind = "binary" if re.search(r"\bja\s*/\s*nej\b|\bnej\s*/\s*ja\b", text) else "continuous"
    low, high = item.get("minimum"), item.get("maximum")
    if kind == "continuous" and low is None and high is None:
        m = re.search(r"(-?\d+(?:[.,]\d+)?)\s*[–—-]\s*(-?\d+(?:[.,]\d+)?)", text)
        if m:
            low, high = (float(g.replace(",", ".")) for g in m.groups())
    return {"name": name, "kind": kind,
            "minimum": low if kind == "continuous" else None,
            "maximum": high if kind == "continuous" else None,
            "unit": item.get("unit") or None,
            "label": (str(item.get("definition") or "").strip()[:MAX_TEXT] or None)}
