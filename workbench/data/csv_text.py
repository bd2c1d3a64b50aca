"""Split decoded CSV text into a header and records, with the file line of every record.

The separator is sniffed among ``;``, tab and ``,`` (Excel's ``sep=;`` first line is honoured):
the candidate that splits the header into the most consistent number of fields wins, so a
semicolon file with decimal commas is never split on its commas. Every record must have as many
fields as the header (trailing empty fields are tolerated); a ragged line is an error that names
the line, never a silently shifted or dropped row.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from workbench.core.errors import FileReadError

SEPARATORS: tuple[str, ...] = ("\t", ";", ",")
_SAMPLE_LINES = 200


@dataclass(frozen=True)
class RawTable:
    """Header cells and records as text (or raw Excel values), with spreadsheet row numbers."""

    header: list[str]
    records: list[list[object]]
    rows: list[int]  # file line / sheet row of each record
    header_row: int
    separator: str | None = None


def _count_fields(lines: list[str], sep: str) -> list[int] | None:
    try:
        return [len(rec) for rec in csv.reader(lines, delimiter=sep, strict=True)]
    except csv.Error:
        return None


def sniff_separator(text: str) -> str:
    """The separator of ``text``: the candidate giving ≥ 2 header fields most consistently."""
    lines = [ln for ln in text.splitlines()[:_SAMPLE_LINES] if ln.strip()]
    if not lines:
        return ";"
    best: tuple[float, int, int] | None = None
    chosen = ";"
    for priority, sep in enumerate(SEPARATORS):
        if sep not in lines[0]:
            continue
        counts = _count_fields(lines, sep)
        if not counts or counts[0] < 2:
            continue
        consistent = sum(c == counts[0] for c in counts) / len(counts)
        score = (consistent, counts[0], -priority)
        if best is None or score > best:
            best, chosen = score, sep
    return chosen


def parse_csv(text: str, *, name: str, lang: str | None = None) -> RawTable:
    """Parse decoded CSV text into a :class:`RawTable`.

    Fully empty records (blank lines, or only separators) carry no data and are skipped; their
    lines still count, so row numbers match what Excel shows.

    Raises
    ------
    FileReadError
        ``data.ragged_row`` or ``data.unclosed_quote``.
    """
    offset = 0
    first_line, _, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        sep = first_line.strip()[4]
        text, offset = rest, 1
    else:
        sep = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    header: list[str] | None = None
    header_row = 0
    records: list[list[object]] = []
    rows: list[int] = []
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise FileReadError("data.unclosed_quote", lang=lang, name=name, line=start + offset) from None
        previous_end = reader.line_num
        if not any(field.strip() for field in record):
            continue
        if header is None:
            header, header_row = [h.strip() for h in record], start + offset
            continue
        records.append(list(record))
        rows.append(start + offset)
    if header is None:
        raise FileReadError("data.empty_file", lang=lang, name=name)
    width = len(header)
    while width > 1 and header[width - 1] == "" and all(
        len(rec) < width or not str(rec[width - 1]).strip() for rec in records
    ):
        width -= 1  # trailing separators after the last column
    for rec, row in zip(records, rows):
        if len(rec) > width and not any(str(f).strip() for f in rec[width:]):
            del rec[width:]
        if len(rec) != width:
            raise FileReadError(
                "data.ragged_row", lang=lang, name=name, line=row, found=len(rec), expected=width,
                separator="TAB" if sep == "\t" else sep,
            )
    return RawTable(header=header[:width], records=records, rows=rows, header_row=header_row, separator=sep)
