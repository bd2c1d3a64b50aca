"""Read one sheet of an Excel workbook (.xlsx/.xlsm) into a :class:`RawTable` with openpyxl.

The first non-empty row is the header; row numbers are the sheet's own, as Excel shows them.
Formulas give their last computed value (``data_only=True``).
"""

from __future__ import annotations

import io
from typing import Any

from workbench.core.errors import FileReadError
from workbench.data.csv_text import RawTable


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    from workbench.data.numbers import display

    return display(value)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_sheet(raw: bytes, *, name: str, sheet: str | int | None, lang: str | None = None) -> RawTable:
    """Read ``sheet`` (name, 0-based index or None for the first) of the workbook in ``raw``.

    Raises
    ------
    FileReadError
        ``data.excel_unreadable``, ``data.sheet_missing`` (lists the sheets) or
        ``data.empty_sheet``.
    """
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and data validation
            book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:  # zipfile.BadZipFile, KeyError, InvalidFileException, XML errors ...
        raise FileReadError("data.excel_unreadable", lang=lang, name=name) from None
    try:
        names = list(book.sheetnames)
        if sheet is None:
            chosen = names[0]
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(names):
                raise FileReadError("data.sheet_missing", lang=lang, name=name, sheet=sheet, sheets=names)
            chosen = names[sheet]
        else:
            wanted = str(sheet).strip()
            matches = [n for n in names if n == wanted] or [n for n in names if n.lower() == wanted.lower()]
            if not matches:
                raise FileReadError(
                    "data.sheet_missing", lang=lang, name=name, sheet=f"'{sheet}'", sheets=names
                )
            chosen = matches[0]
        try:
            rows_iter = list(book[chosen].iter_rows(values_only=True))
        except Exception:
            raise FileReadError("data.excel_unreadable", lang=lang, name=name) from None
    finally:
        book.close()
    header: list[str] | None = None
    header_row = 0
    records: list[list[object]] = []
    rows: list[int] = []
    for number, values in enumerate(rows_iter, start=1):
        if all(_is_blank(v) for v in values):
            continue
        if header is None:
            header, header_row = [_header_text(v) for v in values], number
            continue
        records.append(list(values))
        rows.append(number)
    if header is None:
        raise FileReadError("data.empty_sheet", lang=lang, name=name, sheet=chosen, sheets=names)
    width = len(header)
    while width > 1 and header[width - 1] == "" and all(
        len(rec) < width or _is_blank(rec[width - 1]) for rec in records
    ):
        width -= 1
    records = [(rec + [None] * width)[:width] for rec in records]
    return RawTable(header=header[:width], records=records, rows=rows, header_row=header_row)
