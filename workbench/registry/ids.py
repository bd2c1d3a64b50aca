"""Participant identifiers: normalise, refuse malformed ones, never store a raw personnummer.

An identifier is 1–64 characters of letters, digits and ``_ - . : / #`` (surrounding spaces are
removed). One that looks like a personnummer or samordningsnummer (``YYMMDD-NNNN``,
``YYYYMMDDNNNN`` …) is personal data: the registry stores it only as the project's keyed
pseudonym (``wb.privacy.pseudonym`` with the key passed in) and refuses it without a key.
"""

from __future__ import annotations

import re

from workbench.core.errors import PrivacyError, RegistryError

MAX_LEN = 64
_ALLOWED = re.compile(r"^[\w\-.:/#]+$")
_PNR = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$")


def looks_like_personnummer(text: str) -> bool:
    """True when ``text`` has the shape of a personnummer/samordningsnummer with a plausible date.

    The check digit is not required: a mistyped personnummer is still personal data.
    """
    m = _PNR.match(text.replace(" ", ""))
    if not m:
        return False
    month, day = int(m.group(3)), int(m.group(4))
    if day > 60:
        day -= 60
    return 1 <= month <= 12 and 1 <= day <= 31


def pseudonym(text: str, key: str | bytes, *, lang: str | None = None) -> str:
    """The project's keyed pseudonym of a personnummer: :func:`workbench.data.privacy.pseudonym`.

    The same function pseudonymizes tables (``wb.privacy.pseudonymize``), so a case list
    pseudonymized with the project key matches the ids stored here.
    """
    from workbench.data.privacy import pseudonym as data_pseudonym

    return data_pseudonym(text, key, lang=lang)


def normalize_participant(value: object, *, key: str | bytes | None = None,
                          lang: str | None = None) -> str:
    """The identifier to store for ``value``, or a :class:`RegistryError`/:class:`PrivacyError`."""
    if value is None or (isinstance(value, float) and value != value):
        raise RegistryError("registry.participant_empty", lang=lang)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RegistryError("registry.participant_malformed", lang=lang, value=repr(value))
    text = str(value).strip()
    if not text:
        raise RegistryError("registry.participant_empty", lang=lang)
    if looks_like_personnummer(text):
        if key is None or (isinstance(key, (str, bytes)) and len(key) == 0):
            raise PrivacyError("registry.personnummer_raw", lang=lang)
        from workbench.data.privacy import is_valid_personnummer

        if not is_valid_personnummer(text):
            raise RegistryError("registry.personnummer_checksum", lang=lang)
        return pseudonym(text, key, lang=lang)
    if len(text) > MAX_LEN or not _ALLOWED.match(text):
        raise RegistryError("registry.participant_malformed", lang=lang, value=text[:80])
    return text


def normalize_user(value: object, *, lang: str | None = None) -> str:
    """The name of the person acting (``by``): required, printable, at most 200 characters."""
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200 \
            or not value.strip().isprintable():
        raise RegistryError("registry.by_missing", lang=lang, value=repr(value))
    return value.strip()
