"""Write the bad-input corpus next to this script (the generated files are committed too).

Run: ``.venv/bin/python tests/bad_inputs/make_corpus.py``. Each file is one way a real export
goes wrong; ``tests/data/test_bad_inputs.py`` lists the error each one must give.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    fixed = dt.datetime(2026, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def corpus() -> dict[str, bytes]:
    rng = random.Random(20260101)
    garbage = bytes(rng.randrange(256) for _ in range(4096))
    no_nul = bytes(rng.randrange(1, 256) for _ in range(4096))
    good_xlsx = _xlsx({"Blad1": [["Namn", "Antal"], ["Anna", 3]]})
    files: dict[str, bytes] = {
        "empty.csv": b"",
        "blank_lines.csv": b"\r\n   \r\n\t\r\n",
        "header_only.csv": "Personnr;Ålder;Stadsdel\r\n".encode("utf-8-sig"),
        "header_only_cp1252.csv": "Förnamn;Ålder;Område\r\n".encode("cp1252"),
        "binary_garbage.csv": garbage,
        "binary_no_nul.csv": no_nul,
        "pdf_renamed.csv": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "excel_renamed.csv": good_xlsx,
        "gzip_renamed.csv": b"\x1f\x8b\x08\x00" + garbage[:200],
        "report.pdf": b"%PDF-1.4\n",
        "notes.docx": b"PK\x03\x04" + garbage[:100],
        "old_format.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + garbage[:500],
        "binary_data.txt": garbage,
        "unknown_encoding.csv": b"Namn;Stad\r\nAnna;Ume\x81\x8d\r\n",
        "mojibake.csv": "Månad;Belopp\r\n2023-01;5\r\n".encode("utf-8").decode("cp1252").encode("utf-8"),
        "cp1252_text_in_numeric.csv": (
            "Stadsdel;Kostnad (kr)\r\nRinkeby;1 234,50\r\nSkärholmen;saknas\r\nÄlvsjö;980\r\n"
        ).encode("cp1252"),
        "semicolon_text_in_numeric.csv": (
            "Månad;Belopp\r\n2023-01;12\u00a0345,5\r\n2023-02;8 001,25\r\n2023-03;#VÄRDEFEL!\r\n"
        ).encode("utf-8-sig"),
        "ragged_extra.csv": "id;kön;ålder;stadsdel\n1;K;34;Rinkeby\n2;M;51;Tensta\n3;K;28,5;Kista;extra\n"
        .encode("utf-8"),
        "ragged_short.csv": b"id,grupp,utfall\n1,insats,3\n2,kontroll\n3,insats,5\n",
        "unclosed_quote.csv": b'id;kommentar\n1;"bra\n2;ok\n3;slut\n',
        "duplicate_ids.csv": (
            "Deltagar-ID;Grupp\nD-001;insats\nD-017;kontroll\nD-018;insats\nD-019;insats\nD-017;insats\n"
        ).encode("utf-8"),
        "blank_id.csv": "Deltagar-ID;Grupp\nD-001;insats\nD-002;kontroll\n;insats\n".encode("utf-8"),
        "duplicate_headers.csv": "Namn;Ålder;Ålder\nAnna;34;35\nBo;51;52\n".encode("utf-8"),
        "nameless_column.csv": "Namn;;Ålder\nAnna;x;34\nBo;;51\n".encode("utf-8"),
        "bad_dates.csv": "Datum;Antal\n2023-02-27;3\n2023-02-30;4\n2023-03-01;2\n".encode("utf-8"),
        "mixed_date_order.csv": "Datum;Antal\n13/1/2023;3\n1/13/2023;4\n".encode("utf-8"),
        "good.csv": "Stadsdel;Kostnader\nRinkeby;1 234,5\nKista;99\n".encode("utf-8"),
        "empty_sheet.xlsx": _xlsx({"Data": []}),
        "missing_sheet.xlsx": _xlsx({"Blad1": [["a"], [1]], "Data": [["b"], [2]]}),
        "header_only.xlsx": _xlsx({"Blad1": [["Personnr", "Insats", "Startdatum"]]}),
        "text_in_numeric.xlsx": _xlsx(
            {"Blad1": [["Stadsdel", "Antal"], ["Rinkeby", 12], ["Kista", 7], ["Tensta", "fem"]]}
        ),
        "duplicate_ids.xlsx": _xlsx(
            {"Blad1": [["ID", "Utfall"], ["A1", 1], ["A7", 0], ["A3", 1], ["A7", 1]]}
        ),
        "duplicate_headers.xlsx": _xlsx(
            {"Blad1": [["ID", "Utfall", "Grupp", "Utfall"], ["A1", 1, "x", 2]]}
        ),
        "corrupt.xlsx": good_xlsx[: len(good_xlsx) // 2],
        "damaged.key": b"det h\xc3\xa4r \xc3\xa4r ingen nyckel\n",
        "short.key": b"abcd\n",
    }
    return files


def main() -> None:
    for name, content in corpus().items():
        (HERE / name).write_bytes(content)
    folder = HERE / "folder.csv"
    folder.mkdir(exist_ok=True)
    (folder / "README.txt").write_text("A folder named like a CSV file (read_table must refuse it).\n")
    print(f"wrote {len(corpus())} files to {HERE}")


if __name__ == "__main__":
    main()
