"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Forms accepted: ``YYYYMMDD-NNNN``, ``YYYYMMDDNNNN``, ``YYMMDD-NNNN``, ``YYMMDDNNNN`` and
``YYMMDD+NNNN`` (``+`` marks a person aged 100 or more, so the century is one earlier).

Notes
-----
The last digit is a Luhn check digit over the ten-digit form ``YYMMDDNNN``: digits in odd
positions (1st, 3rd, …) are doubled, the digit sums of all products are added to :math:`s`, and
the check digit is :math:`(10 - s \\bmod 10) \\bmod 10`. The date must exist and not be in the
future; a samordningsnummer adds 60 to the day (``19121272-…`` is born on the 12th).
For the ten-digit form the century is the latest one that puts the birth date no later than
today (one century earlier with ``+``).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

_PATTERN = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit of the nine digits ``YYMMDDNNN``."""
    total = 0
    for i, ch in enumerate(nine_digits):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def _as_text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value == value and value.is_integer() else None
    if isinstance(value, str):
        return value.strip().replace(" ", "")
    if hasattr(value, "item"):  # numpy scalars
        try:
            return _as_text(value.item())
        except (TypeError, ValueError):
            return None
    return None


def _parse(value: Any, today: _dt.date | None = None) -> str | None:
    """Return the normalized twelve digits ``YYYYMMDDNNNN`` or None if ``value`` is not valid."""
    text = _as_text(value)
    if not text:
        return None
    match = _PATTERN.match(text)
    if not match:
        return None
    century, yy, mm, dd, sep, serial, check = match.groups()
    today = today or _dt.date.today()
    year_2 = int(yy)
    if century is not None:
        year = int(century) * 100 + year_2
    else:
        year = (today.year // 100) * 100 + year_2
        if (year, int(mm), int(dd) % 60 or int(dd)) > (today.year, today.month, today.day):
            year -= 100
        if sep == "+":
            year -= 100
    month, day = int(mm), int(dd)
    if day > 60:  # samordningsnummer
        day -= 60
    try:
        born = _dt.date(year, month, day)
    except ValueError:
        return None
    if born > today:
        return None
    if luhn_check_digit(yy + mm + dd + serial) != int(check):
        return None
    return f"{year:04d}{mm}{dd}{serial}{check}"


def is_valid_personnummer(s: Any) -> bool:
    """True if ``s`` is a valid personnummer or samordningsnummer; never raises.

    Parameters
    ----------
    s
        Text such as ``"19121212-1212"``, ``"121212-1212"``, ``"1212121212"``, or an integer.

    Examples
    --------
    >>> is_valid_personnummer("19121212-1212")
    True
    >>> is_valid_personnummer("19121212-1213")
    False
    """
    try:
        return _parse(s) is not None
    except Exception:  # garbage in must never raise here
        return False


def is_samordningsnummer(value: Any) -> bool:
    """True if ``value`` is a valid samordningsnummer (day of birth + 60)."""
    normalized = _parse(value) if is_valid_personnummer(value) else None
    return normalized is not None and int(normalized[6:8]) > 60


def mask(value: Any) -> str:
    """A value safe to show in a message: the last four characters of anything with six or more
    digits replaced by ``****`` (other text is shown as it is)."""
    text = _as_text(value) or str(value)
    if sum(ch.isdigit() for ch in text) < 6:
        return text
    return (text[:-4] + "****") if len(text) > 4 else "****"


def normalize_personnummer(value: Any, *, lang: str | None = None) -> str:
    """The twelve-digit form ``YYYYMMDDNNNN`` of a valid personnummer or samordningsnummer.

    ``"8112189876"``, ``"811218-9876"`` and ``"19811218-9876"`` all give ``"198112189876"``;
    ``"121212+1212"`` gives ``"191212121212"``.

    Raises
    ------
    PrivacyError
        ``data.pnr_invalid`` when the value is not valid; the message masks the last four digits.
    """
    from workbench.core.errors import PrivacyError

    normalized = _parse(value) if is_valid_personnummer(value) else None
    if normalized is None:
        raise PrivacyError("data.pnr_invalid", lang=lang, value=mask(value))
    return normalized
