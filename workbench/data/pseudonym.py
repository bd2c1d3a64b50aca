"""Keyed pseudonymization (HMAC-SHA256) and the project key file.

A pseudonym is the first ``length`` hex characters of ``HMAC-SHA256(key, value)``. The same value
under the same key always gives the same pseudonym, so tables pseudonymized with the project's key
can still be joined; without the key the pseudonyms cannot be reversed or recomputed from a list
of all personnummer (a plain hash could). Personnummer are normalized to twelve digits first, so
``19811218-9876``, ``811218-9876`` and ``8112189876`` give one pseudonym.

The key lives in the project folder (``load_or_create_key``), never beside exported output.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import PrivacyError, WorkbenchWarning
from workbench.core.messages import msg
from workbench.data.personnummer import _parse, is_valid_personnummer, mask

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

MIN_KEY_BYTES = 16
KEY_BYTES = 32
DEFAULT_LENGTH = 16


def new_key() -> bytes:
    """A fresh random key of 32 bytes (256 bits) from the operating system's CSPRNG."""
    return secrets.token_bytes(KEY_BYTES)


def _key_bytes(key: Any, lang: str | None) -> bytes:
    if key is None:
        raise PrivacyError("data.key_missing", lang=lang)
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        raise PrivacyError("data.key_type", lang=lang, got=type(key).__name__)
    if len(key) == 0:
        raise PrivacyError("data.key_missing", lang=lang)
    if len(key) < MIN_KEY_BYTES:
        raise PrivacyError("data.key_too_short", lang=lang, length=len(key), minimum=MIN_KEY_BYTES)
    return bytes(key)


def load_or_create_key(path: str | os.PathLike[str], *, lang: str | None = None) -> bytes:
    """Read the key in ``path``, or create it (mode 0o600) if the file does not exist.

    An existing key file is never overwritten; a damaged one raises. The file holds the key as
    hexadecimal text on one line.

    Raises
    ------
    PrivacyError
        ``data.key_file_damaged`` when the file is not at least 16 bytes of hex.
    """
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = new_key()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # created by someone else meanwhile: use theirs
            return load_or_create_key(path, lang=lang)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.hex() + "\n")
        return key
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (UnicodeDecodeError, ValueError):
        raise PrivacyError("data.key_file_damaged", lang=lang, name=path.name, minimum=MIN_KEY_BYTES) from None
    if len(key) < MIN_KEY_BYTES:
        raise PrivacyError("data.key_file_damaged", lang=lang, name=path.name, minimum=MIN_KEY_BYTES)
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        warnings.warn(msg("data.key_file_open", lang, name=path.name, mode=oct(mode)), WorkbenchWarning, stacklevel=2)
    return key


def _canonical(value: Any) -> str:
    normalized = _parse(value) if is_valid_personnummer(value) else None
    if normalized is not None:
        return normalized
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def pseudonym(value: Any, key: bytes | str, *, length: int = DEFAULT_LENGTH, lang: str | None = None) -> str:
    """The pseudonym of one value (see :func:`pseudonymize`)."""
    raw = _key_bytes(key, lang)
    return hmac.new(raw, _canonical(value).encode("utf-8"), hashlib.sha256).hexdigest()[:length]


def pseudonymize(
    df: "pd.DataFrame",
    columns: str | list[str] | tuple[str, ...],
    *,
    key: bytes | str,
    length: int = DEFAULT_LENGTH,
    lang: str | None = None,
) -> "pd.DataFrame":
    """Replace identifying columns by keyed pseudonyms; return a new table.

    Parameters
    ----------
    df
        The table; it is not changed.
    columns
        Column name(s) to replace, e.g. ``"personnr"``.
    key
        The project's secret key (bytes, or text encoded as UTF-8), at least 16 bytes.
    length
        Hex characters kept of the 64-character HMAC (12–64; 16 means 64 bits).
    lang
        Language of error messages.

    Returns
    -------
    DataFrame
        A copy where each named column holds pseudonyms (text); missing values stay missing.

    Notes
    -----
    :math:`\\text{pseudonym}(v) = \\text{hex}(\\text{HMAC-SHA256}(k, c(v)))_{1..\\text{length}}`, where
    :math:`c(v)` is the twelve-digit personnummer when :math:`v` is a valid one, otherwise the
    value as trimmed text.

    Raises
    ------
    PrivacyError
        Missing, wrongly typed or too short key; two values sharing a pseudonym.
    ColumnMissingError
        A named column is not in the table.
    """
    import pandas as pd

    from workbench.core.validate import require_columns, require_frame

    # the table and its columns first: what the user typed is named whatever the key is
    require_frame(df, lang=lang)
    cols = [columns] if isinstance(columns, str) else list(columns)
    require_columns(df, cols, lang=lang)
    raw = _key_bytes(key, lang)
    if isinstance(length, bool) or not isinstance(length, int) or not 12 <= length <= 64:
        raise PrivacyError("data.pseudonym_length", lang=lang, low=12, high=64, value=length)
    out = df.copy()
    for col in cols:
        series = df[col]
        present = series[series.notna()]
        canon = {v: _canonical(v) for v in present.unique()}
        hashed = {
            c: hmac.new(raw, c.encode("utf-8"), hashlib.sha256).hexdigest()[:length]
            for c in set(canon.values())
        }
        if len(set(hashed.values())) != len(hashed):
            raise PrivacyError("data.pseudonym_collision", lang=lang, column=col)
        mapped = series.map(lambda v: hashed[canon[v]] if v in canon else None, na_action="ignore")
        out[col] = pd.Series(mapped, index=df.index, dtype="str")
    return out


def personnummer_share(series: "pd.Series", *, sample: int = 2000) -> float:
    """Share of the non-missing values (up to ``sample`` of them) that are valid personnummer."""
    present = series.dropna()
    if len(present) == 0:
        return 0.0
    if len(present) > sample:
        present = present.sample(sample, random_state=0)
    return float(sum(is_valid_personnummer(v) for v in present)) / len(present)


def find_personnummer_columns(df: "pd.DataFrame", *, threshold: float = 0.5) -> list[str]:
    """Columns where at least ``threshold`` of the values are valid personnummer.

    Used by exports to refuse tables that still identify people.
    """
    import pandas as pd

    found = []
    for col in df.columns:
        series = df[col]
        if pd.api.types.is_float_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            continue
        if personnummer_share(series) >= threshold and series.notna().any():
            found.append(col)
    return found


def assert_no_personnummer(df: "pd.DataFrame", *, threshold: float = 0.5, lang: str | None = None) -> None:
    """Raise :class:`PrivacyError` naming the first column that holds personnummer."""
    found = find_personnummer_columns(df, threshold=threshold)
    if found:
        share = personnummer_share(df[found[0]])
        raise PrivacyError("data.pnr_found", lang=lang, column=found[0], share=f"{round(share * 100)} %")


def require_valid_personnummer(df: "pd.DataFrame", column: str, *, lang: str | None = None) -> None:
    """Every non-missing value of ``column`` must be a valid personnummer or samordningsnummer.

    Raises
    ------
    PrivacyError
        ``data.pnr_invalid_in_column`` naming the spreadsheet row; the value is shown masked.
    """
    from workbench.core.validate import require_columns, sheet_row

    require_columns(df, [column], lang=lang)
    for label, value in df[column].items():
        if value is None or (isinstance(value, float) and value != value):
            continue
        if not is_valid_personnummer(value):
            raise PrivacyError(
                "data.pnr_invalid_in_column", lang=lang, column=column, row=sheet_row(df, label), value=mask(value)
            )
