"""Good inputs for wb.read_table: Swedish CSV exports and Excel, with exact values."""

from __future__ import annotations

import datetime as dt
import io
import math
import subprocess
import sys
import warnings

import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import ColumnTypeError, WorkbenchWarning

SWEDISH = (
    "Stadsdel;Månad;Försörjningsstöd (kr);Hushåll;Andel\r\n"
    "Rinkeby-Kista;2023-01;1\u00a0234\u00a0567,50;1 204;0,125\r\n"
    "Skärholmen;2023-02;987\u202f654,25;88;-0,5\r\n"
    "Älvsjö;2023-03;12 345;7;1\r\n"
)


def _write(tmp_path, name, content: bytes):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _check_swedish(df: pd.DataFrame) -> None:
    assert list(df.columns) == ["Stadsdel", "Månad", "Försörjningsstöd (kr)", "Hushåll", "Andel"]
    assert df["Stadsdel"].tolist() == ["Rinkeby-Kista", "Skärholmen", "Älvsjö"]
    assert df["Försörjningsstöd (kr)"].tolist() == [1234567.5, 987654.25, 12345.0]
    assert df["Försörjningsstöd (kr)"].dtype == "float64"
    assert df["Hushåll"].tolist() == [1204, 88, 7]
    assert df["Hushåll"].dtype == "int64"
    assert df["Andel"].tolist() == [0.125, -0.5, 1.0]
    assert df["Månad"].tolist() == ["2023-01", "2023-02", "2023-03"]  # months stay text unless asked


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "cp1252", "utf-16"])
def test_semicolon_decimal_comma_in_every_encoding(tmp_path, encoding):
    content = SWEDISH if encoding != "cp1252" else SWEDISH.replace("\u00a0", " ").replace("\u202f", " ")
    df = wb.read_table(_write(tmp_path, "stöd.csv", content.encode(encoding)))
    _check_swedish(df)
    assert df.attrs["source"]["separator"] == ";"
    expected = {"utf-8-sig": "utf-8", "utf-8": "utf-8", "cp1252": "cp1252", "utf-16": "utf-16"}[encoding]
    assert df.attrs["source"]["encoding"] == expected


def test_cp1252_letters_are_right(tmp_path):
    text = "Förvaltning;Åtgärd;Kön\nSocialförvaltningen;Föräldrastöd;Kvinna\nÖstermalm;Hembesök;Man\n"
    df = wb.read_table(_write(tmp_path, "a.csv", text.encode("cp1252")))
    assert list(df.columns) == ["Förvaltning", "Åtgärd", "Kön"]
    assert df.iloc[:, 0].tolist() == ["Socialförvaltningen", "Östermalm"]
    assert df["Åtgärd"].tolist() == ["Föräldrastöd", "Hembesök"]


def test_comma_and_tab_separated(tmp_path):
    df = wb.read_table(_write(tmp_path, "en.csv", b"id,score,group\n1,2.5,a\n2,3.25,b\n"))
    assert df["score"].tolist() == [2.5, 3.25] and df.attrs["source"]["separator"] == ","
    df = wb.read_table(_write(tmp_path, "t.txt", "id\tvärde\n1\t2,5\n2\t1 000\n".encode()))
    assert df["värde"].tolist() == [2.5, 1000.0] and df.attrs["source"]["separator"] == "\t"


def test_quotes_trailing_separators_blank_lines_and_sep_line(tmp_path):
    text = 'sep=;\nnamn;kommentar;belopp;\n"Anna";"bra; mycket\nbra";"1 000,5";\n\n;;;\nBo;ok;2;\n'
    df = wb.read_table(_write(tmp_path, "q.csv", text.encode()))
    assert list(df.columns) == ["namn", "kommentar", "belopp"]
    assert df["kommentar"].tolist() == ["bra; mycket\nbra", "ok"]
    assert df["belopp"].tolist() == [1000.5, 2.0]


def test_column_names_kept_as_written(tmp_path):
    df = wb.read_table(_write(tmp_path, "n.csv", "  Ålder (år) ;Kön\n34;K\n".encode()))
    assert list(df.columns) == ["Ålder (år)", "Kön"]


def test_codes_and_personnummer_stay_text(tmp_path):
    text = "kod;personnr;postnr\n0123;191212121212;12345\n0456;198112189876;11122\n"
    df = wb.read_table(_write(tmp_path, "k.csv", text.encode()))
    assert df["kod"].tolist() == ["0123", "0456"]
    assert df["personnr"].tolist() == ["191212121212", "198112189876"]
    assert df["postnr"].tolist() == [12345, 11122]
    forced = wb.read_table(_write(tmp_path, "k.csv", text.encode()), numeric=["kod"])
    assert forced["kod"].tolist() == [123, 456]


def test_missing_tokens_in_numeric_columns_but_text_kept(tmp_path):
    text = "a;b;c\n1;NA;x\n..;2,5;NA\n3;;y\n"
    df = wb.read_table(_write(tmp_path, "m.csv", text.encode()))
    assert df["a"].tolist()[0] == 1.0 and math.isnan(df["a"].tolist()[1]) and df["a"].tolist()[2] == 3.0
    assert math.isnan(df["b"].tolist()[0]) and df["b"].tolist()[1] == 2.5
    assert df["c"].tolist()[:2] == ["x", "NA"]  # text is never turned into missing
    assert len(df) == 3


def test_mostly_numeric_column_warns_naming_row(tmp_path):
    text = "id;belopp\n1;10\n2;20,5\n3;30\n4;40\n5;ca 50\n"
    with pytest.warns(WorkbenchWarning, match=r"'belopp'.*rad 6.*'ca 50'"):
        df = wb.read_table(_write(tmp_path, "w.csv", text.encode()))
    assert df["belopp"].tolist() == ["10", "20,5", "30", "40", "ca 50"]  # nothing lost
    with pytest.warns(WorkbenchWarning, match="row 6"):
        wb.read_table(_write(tmp_path, "w.csv", text.encode()), lang="en")


def test_numeric_error_names_file_line_after_blank_lines(tmp_path):
    text = "id;belopp\n1;10\n\n2;tio\n"
    with pytest.raises(ColumnTypeError) as info:
        wb.read_table(_write(tmp_path, "b.csv", text.encode()), numeric=["belopp"])
    assert info.value.params["row"] == 4 and info.value.params["value"] == "tio"


def test_dates_in_swedish_forms(tmp_path):
    text = (
        "iso;svensk;månad;namn;scb;kvartal;kompakt\n"
        "2023-01-15;15/1/2023;2023-01;jan 2023;2023M01;2023K1;20230115\n"
        "2023-12-31;31.12.2023;2023-12;december 2023;2023M12;2023K4;20231231\n"
    )
    path = _write(tmp_path, "d.csv", text.encode())
    df = wb.read_table(path, dates=["svensk", "månad", "namn", "scb", "kvartal", "kompakt"])
    ts = pd.Timestamp
    assert df["iso"].tolist() == [ts("2023-01-15"), ts("2023-12-31")]  # ISO dates are read by default
    assert df["svensk"].tolist() == [ts("2023-01-15"), ts("2023-12-31")]
    assert df["kompakt"].tolist() == [ts("2023-01-15"), ts("2023-12-31")]
    for col in ("månad", "namn", "scb"):
        assert df[col].tolist() == [ts("2023-01-01"), ts("2023-12-01")], col
    assert df["kvartal"].tolist() == [ts("2023-01-01"), ts("2023-10-01")]
    assert pd.api.types.is_datetime64_any_dtype(df["månad"])


def test_slash_dates_day_first_unless_evidence(tmp_path):
    with pytest.warns(WorkbenchWarning, match="dag/månad"):
        df = wb.read_table(_write(tmp_path, "a.csv", b"d\n1/2/2023\n3/4/2023\n"), dates="d")
    assert df["d"].tolist() == [pd.Timestamp("2023-02-01"), pd.Timestamp("2023-04-03")]
    with pytest.warns(WorkbenchWarning, match="månad/dag"):
        df = wb.read_table(_write(tmp_path, "b.csv", b"d\n1/2/2023\n1/13/2023\n"), dates="d")
    assert df["d"].tolist() == [pd.Timestamp("2023-01-02"), pd.Timestamp("2023-01-13")]


def test_id_column_accepts_unique_ids(tmp_path):
    df = wb.read_table(_write(tmp_path, "i.csv", b"id;x\nA1;1\nA2;2\n"), id_column="id")
    assert df["id"].tolist() == ["A1", "A2"]


def _xlsx(path, sheets):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_excel_values_sheets_and_dates(tmp_path):
    path = _xlsx(tmp_path / "uppf.xlsx", {
        "Info": [["Detta är en beskrivning"]],
        "Data": [
            [None], ["Stadsdel", "Startdatum", "Antal", "Kostnad", "Deltog", "Kod"],
            ["Rinkeby", dt.datetime(2023, 1, 15), 12, "1 234,5", True, "007"],
            ["Kista", dt.datetime(2023, 2, 1), 7, 99.5, False, "010"],
        ],
    })
    by_name = wb.read_table(path, sheet="Data")
    by_index = wb.read_table(path, sheet=1)
    pd.testing.assert_frame_equal(by_name, by_index)
    assert list(by_name.columns) == ["Stadsdel", "Startdatum", "Antal", "Kostnad", "Deltog", "Kod"]
    assert by_name["Startdatum"].tolist() == [pd.Timestamp("2023-01-15"), pd.Timestamp("2023-02-01")]
    assert by_name["Antal"].tolist() == [12, 7] and by_name["Antal"].dtype == "int64"
    assert by_name["Kostnad"].tolist() == [1234.5, 99.5]
    assert by_name["Deltog"].tolist() == [True, False]
    assert by_name["Kod"].tolist() == ["007", "010"]
    with pytest.raises(wb.WorkbenchError):
        wb.read_table(path)  # the first sheet has a header and no rows
    with pytest.raises(ColumnTypeError) as info:
        wb.read_table(path, sheet="Data", numeric=["Stadsdel"])
    assert info.value.params["row"] == 3  # sheet row: the header is on row 2


def test_open_file_objects_as_uploads(tmp_path):
    upload = io.BytesIO(SWEDISH.encode("utf-8-sig"))
    upload.name = "stöd.csv"
    _check_swedish(wb.read_table(upload))
    xlsx = _xlsx(tmp_path / "x.xlsx", {"Blad1": [["a", "b"], [1, "x"]]})
    unnamed = io.BytesIO(xlsx.read_bytes())
    assert wb.read_table(unnamed)["a"].tolist() == [1]


def test_never_drops_rows(tmp_path):
    rows = "".join(f"{i};{'' if i % 3 else 'x'};{i},5\n" for i in range(1, 501))
    df = wb.read_table(_write(tmp_path, "big.csv", ("id;t;v\n" + rows).encode()))
    assert len(df) == 500
    assert df["v"].sum() == sum(i + 0.5 for i in range(1, 501))


def test_importing_does_not_load_pandas():
    code = (
        "import sys, workbench as wb; wb.privacy; import workbench.data.read; "
        "assert 'pandas' not in sys.modules, 'pandas imported'; "
        "assert 'openpyxl' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "ok", out.stderr


def test_no_warnings_for_clean_files(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        _check_swedish(wb.read_table(_write(tmp_path, "c.csv", SWEDISH.encode())))


def test_xls_named_text_export_is_read_but_real_xls_refused(tmp_path):
    df = wb.read_table(_write(tmp_path, "export.xls", "Stadsdel\tAntal\nKista\t1 204\n".encode("utf-8")))
    assert df["Antal"].tolist() == [1204]
    with pytest.raises(wb.WorkbenchError, match="xlsx"):
        wb.read_table(_write(tmp_path, "html.xls", b"<html><table><tr><td>1</td></tr></table></html>"))


def test_excel_date_headers_and_leading_blank_rows(tmp_path):
    path = _xlsx(tmp_path / "wide.xlsx", {"Blad1": [
        [], [], ["Stadsdel", dt.datetime(2023, 1, 1), dt.datetime(2023, 2, 1)], ["Kista", 3, 4],
    ]})
    df = wb.read_table(path)
    assert list(df.columns) == ["Stadsdel", "2023-01-01", "2023-02-01"]
    assert df.iloc[0].tolist() == ["Kista", 3, 4]


def test_unrecognised_number_format_is_not_silent(tmp_path):
    text = "id;belopp\n1;1.234,50\n2;2.000,00\n3;12.345,75\n"
    with pytest.warns(WorkbenchWarning, match=r"'belopp'.*rad 2.*'1\.234,50'"):
        df = wb.read_table(_write(tmp_path, "de.csv", text.encode()))
    assert df["belopp"].tolist() == ["1.234,50", "2.000,00", "12.345,75"]


def test_uploads_follow_the_same_extension_rules():
    upload = io.BytesIO(b"%PDF-1.4")
    upload.name = "rapport.pdf"
    with pytest.raises(wb.WorkbenchError, match="'.pdf'"):
        wb.read_table(upload)
    plain = io.BytesIO(b"a;b\n1;2,5\n")
    assert wb.read_table(plain)["b"].tolist() == [2.5]
