"""``wb.read_table``: read a CSV or Excel file the way Swedish offices write them.

The front door only orchestrates: bytes from disk (:func:`_load`), text decoding
(:mod:`~workbench.data.encoding`), CSV splitting (:mod:`~workbench.data.csv_text`) or an Excel
sheet (:mod:`~workbench.data.excel`), header checks, then column types
(:mod:`~workbench.data.columns`). Every problem is a :class:`~workbench.core.errors.WorkbenchError`
naming the file, line/row, column or value.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import (
    ColumnMissingError,
    DuplicateIdError,
    FileReadError,
    InputError,
    MissingValuesError,
    WorkbenchWarning,
)
from workbench.core.messages import msg, resolve_lang

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.data.csv_text import RawTable

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
EXCEL_EXTENSIONS = (".xlsx", ".xlsm")
ALLOWED_EXTENSIONS = TEXT_EXTENSIONS + EXCEL_EXTENSIONS


def _load(path: Any, lang: str | None) -> tuple[str, str, bytes]:
    """Return ``(file name, extension, bytes)`` for a path or an open binary file (an upload)."""
    if hasattr(path, "read"):
        name = os.path.basename(str(getattr(path, "name", "") or "")) or "data"
        raw = path.read()
        raw = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
        return _classify(name, os.path.splitext(name)[1].lower(), lambda: raw, lang)
    p = Path(path)
    if not p.exists():
        raise FileReadError("data.file_missing", lang=lang, name=p.name, path=str(p))
    if p.is_dir():
        raise FileReadError("data.not_a_file", lang=lang, name=p.name)
    return _classify(p.name, p.suffix.lower(), lambda: _read_bytes(p, lang), lang)


def _classify(name: str, ext: str, read: Any, lang: str | None) -> tuple[str, str, bytes]:
    """Decide how to read the file from its extension (and, when that is unclear, its bytes)."""
    if ext in ALLOWED_EXTENSIONS:
        return name, ext, read()
    if ext == ".xls":
        raw = read()
        if raw.startswith(b"PK\x03\x04"):  # a modern workbook with the old extension
            return name, ".xlsx", raw
        if raw.startswith(b"\xd0\xcf\x11\xe0") or raw.lstrip()[:1] == b"<" or not raw.strip():
            raise FileReadError("data.old_excel", lang=lang, name=name)
        return name, ".csv", raw  # web systems' "Excel export" is often tab-separated text
    if not ext:  # no extension: a workbook is a zip file, anything else is tried as text
        raw = read()
        return name, ".xlsx" if raw.startswith(b"PK\x03\x04") else ".csv", raw
    raise FileReadError(
        "data.unknown_extension", lang=lang, name=name, extension=ext, allowed=list(ALLOWED_EXTENSIONS)
    )


def _read_bytes(p: Path, lang: str | None) -> bytes:
    try:
        return p.read_bytes()
    except OSError:
        raise FileReadError("data.unreadable", lang=lang, name=p.name) from None


def _column_list(name: str, value: Any, lang: str | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence) and all(isinstance(v, str) for v in value):
        return list(value)
    raise InputError("data.bad_column_list", lang=lang, name=name, value=value)


def _position(index: int, excel: bool) -> str:
    if excel:
        from openpyxl.utils import get_column_letter

        return get_column_letter(index + 1)
    return str(index + 1)


def _check_header(raw: "RawTable", *, name: str, excel: bool, lang: str | None) -> "RawTable":
    """Drop nameless empty columns; raise on nameless columns with data and on duplicate names."""
    from workbench.data.numbers import display, is_missing

    keep = []
    for k, header in enumerate(raw.header):
        if header:
            keep.append(k)
            continue
        for rec, row in zip(raw.records, raw.rows):
            if not is_missing(rec[k]):
                raise InputError(
                    "data.empty_header", lang=lang, position=_position(k, excel), value=display(rec[k]), row=row
                )
    seen: dict[str, list[int]] = {}
    for k in keep:
        seen.setdefault(raw.header[k], []).append(k)
    for column, positions in seen.items():
        if len(positions) > 1:
            raise InputError(
                "data.duplicate_columns", lang=lang, column=column,
                positions=" & ".join(_position(k, excel) for k in positions),
            )
    if not raw.records:
        raise FileReadError("data.header_only", lang=lang, name=name, columns=[raw.header[k] for k in keep])
    if len(keep) == len(raw.header):
        return raw
    from workbench.data.csv_text import RawTable

    return RawTable(
        header=[raw.header[k] for k in keep], records=[[rec[k] for k in keep] for rec in raw.records],
        rows=raw.rows, header_row=raw.header_row, separator=raw.separator,
    )


def _check_ids(df: "pd.DataFrame", column: str, rows: list[int], lang: str | None) -> None:
    series = df[column]
    missing = series.isna()
    if missing.any():
        positions = [i for i, m in enumerate(missing.tolist()) if m]
        raise MissingValuesError("data.id_missing", lang=lang, column=column, count=len(positions), row=rows[positions[0]])
    dup = series.duplicated(keep=False)
    if dup.any():
        values = series.tolist()
        first = values[dup.tolist().index(True)]
        where = [rows[i] for i, v in enumerate(values) if v == first][:5]
        raise DuplicateIdError(
            "core.duplicate_ids", lang=lang, column=column, count=int(series[dup].nunique()),
            value=first, rows=where,
        )


def read_table(
    path: str | os.PathLike[str] | Any,
    *,
    sheet: str | int | None = None,
    lang: str | None = None,
    id_column: str | None = None,
    numeric: Sequence[str] | str | None = None,
    dates: Sequence[str] | str | None = None,
) -> "pd.DataFrame":
    """Read a table from a CSV or Excel file as Swedish offices export them.

    Parameters
    ----------
    path
        A ``.csv``/``.txt``/``.tsv`` text file (separator ``;``, ``,`` or tab, sniffed; UTF-8
        with or without BOM, Windows-1252 or UTF-16), an Excel ``.xlsx``/``.xlsm`` file, or an
        open binary file (e.g. an upload) whose ``name`` gives the extension.
    sheet
        Excel only: sheet name or 0-based position; default the first sheet.
    lang
        Language of error messages and warnings (``"sv"``/``"en"``; default the session's).
    id_column
        A column that must identify rows: no blanks, no repeats (the error names value and rows).
    numeric
        Columns that must be numbers; text in one raises naming the row and value.
    dates
        Columns to read as dates: ``2023-01-15``, ``15/1/2023`` (day first), ``2023-01``,
        ``2023M01``, ``jan 2023``, ``2023K1`` (months and quarters as their first day).

    Returns
    -------
    DataFrame
        Column names as written (surrounding spaces removed). Numbers written with decimal
        comma and space/NBSP thousands become numbers; ISO date columns become dates; codes
        with leading zeros and personnummer stay text. No row is ever dropped, except lines
        that are entirely empty. ``df.attrs["source"]`` records file, format, encoding,
        separator and sheet.

    Raises
    ------
    FileReadError
        Missing, unreadable, binary, empty or header-only file; unknown extension; empty or
        missing sheet; ragged lines; wrong encoding.
    InputError
        Duplicated or missing column names (``ColumnMissingError`` for names in the arguments),
        text in a ``numeric`` column, bad dates (``ColumnTypeError``), blank or repeated IDs.
    """
    import pandas as pd

    from workbench.data.columns import auto_column, force_dates, force_numeric
    from workbench.data.csv_text import parse_csv
    from workbench.data.encoding import decode_text
    from workbench.data.excel import read_sheet

    lang = resolve_lang(lang)
    numeric_cols = _column_list("numeric", numeric, lang)
    date_cols = _column_list("dates", dates, lang)
    name, ext, raw_bytes = _load(path, lang)
    excel = ext in EXCEL_EXTENSIONS
    source: dict[str, Any] = {"file": name, "format": "xlsx" if excel else "csv"}
    if excel:
        raw = read_sheet(raw_bytes, name=name, sheet=sheet, lang=lang)
        source["sheet"] = sheet if sheet is not None else 0
    else:
        if sheet is not None:
            raise InputError("data.sheet_for_text", lang=lang, name=name)
        text, encoding = decode_text(raw_bytes, name=name, lang=lang)
        raw = parse_csv(text, name=name, lang=lang)
        source.update(encoding=encoding, separator=raw.separator)
    raw = _check_header(raw, name=name, excel=excel, lang=lang)
    available = list(raw.header)
    for col in [*numeric_cols, *date_cols, *([id_column] if id_column is not None else [])]:
        if col not in available:
            raise ColumnMissingError("core.column_missing", lang=lang, column=col, available=available)
    found_warnings = []
    data = {}
    for k, col in enumerate(raw.header):
        values = [rec[k] for rec in raw.records]
        if col in date_cols:
            series, warning = force_dates(values, raw.rows, column=col, lang=lang)
        elif col in numeric_cols:
            series, warning = force_numeric(values, raw.rows, column=col, lang=lang), None
        else:
            series, warning = auto_column(values, raw.rows, column=col)
        data[col] = series
        if warning is not None:
            found_warnings.append(warning)
    df = pd.DataFrame(data)
    df.columns = raw.header  # keep the names exactly (pd.DataFrame keeps str; be explicit)
    if id_column is not None:
        _check_ids(df, id_column, raw.rows, lang)
    df.attrs["source"] = source
    for key, params in found_warnings:
        warnings.warn(msg(key, lang, **params), WorkbenchWarning, stacklevel=2)
    return df
