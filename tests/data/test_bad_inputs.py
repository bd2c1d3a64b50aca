"""The bad-input corpus: every case gives a specific WorkbenchError naming the problem, no traceback.

Files live in ``tests/bad_inputs/`` (made by ``make_corpus.py``); value cases are built here.
Each case lists the error class and substrings (column, row, value, file) that must appear in
both the Swedish and the English message.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import (
    ColumnMissingError,
    ColumnTypeError,
    DuplicateIdError,
    FileReadError,
    InputError,
    MissingValuesError,
    OptionError,
    PrivacyError,
    WorkbenchError,
)

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
KEY = b"0123456789abcdef0123456789abcdef"

# (file, read_table keyword arguments, error class, catalogue key, substrings in sv and en)
FILE_CASES = [
    ("empty.csv", {}, FileReadError, "data.empty_file", ["empty.csv"]),
    ("blank_lines.csv", {}, FileReadError, "data.empty_file", ["blank_lines.csv"]),
    ("header_only.csv", {}, FileReadError, "data.header_only", ["header_only.csv", "'Personnr'", "'Ålder'"]),
    ("header_only_cp1252.csv", {}, FileReadError, "data.header_only", ["'Förnamn'", "'Ålder'", "'Område'"]),
    ("binary_garbage.csv", {}, FileReadError, "data.binary_file", ["binary_garbage.csv"]),
    ("binary_no_nul.csv", {}, FileReadError, "data.binary_file", ["binary_no_nul.csv"]),
    ("binary_data.txt", {}, FileReadError, "data.binary_file", ["binary_data.txt"]),
    ("pdf_renamed.csv", {}, FileReadError, "data.binary_pdf", ["pdf_renamed.csv", "PDF"]),
    ("excel_renamed.csv", {}, FileReadError, "data.binary_zip", ["excel_renamed.csv", ".xlsx"]),
    ("gzip_renamed.csv", {}, FileReadError, "data.binary_compressed", ["gzip_renamed.csv", "gzip"]),
    ("report.pdf", {}, FileReadError, "data.unknown_extension", ["report.pdf", "'.pdf'", ".xlsx"]),
    ("notes.docx", {}, FileReadError, "data.unknown_extension", ["notes.docx", "'.docx'"]),
    ("old_format.xls", {}, FileReadError, "data.old_excel", ["old_format.xls", ".xlsx"]),
    ("folder.csv", {}, FileReadError, "data.not_a_file", ["folder.csv"]),
    ("does_not_exist.csv", {}, FileReadError, "data.file_missing", ["does_not_exist.csv"]),
    ("unknown_encoding.csv", {}, FileReadError, "data.encoding_unknown", ["unknown_encoding.csv", " 2"]),
    ("mojibake.csv", {}, FileReadError, "data.mojibake", ["'MÃ¥nad'", "'Månad'", " 1 "]),
    ("cp1252_text_in_numeric.csv", {"numeric": ["Kostnad (kr)"]}, ColumnTypeError,
     "core.column_not_numeric", ["'Kostnad (kr)'", " 3 ", "'saknas'"]),
    ("semicolon_text_in_numeric.csv", {"numeric": "Belopp"}, ColumnTypeError,
     "core.column_not_numeric", ["'Belopp'", " 4 ", "'#VÄRDEFEL!'"]),
    ("ragged_extra.csv", {}, FileReadError, "data.ragged_row", ["ragged_extra.csv", " 4 ", " 5 ", " 4 (", "';'"]),
    ("ragged_short.csv", {}, FileReadError, "data.ragged_row", ["ragged_short.csv", " 3 ", " 2 ", "','"]),
    ("unclosed_quote.csv", {}, FileReadError, "data.unclosed_quote", ["unclosed_quote.csv", " 2"]),
    ("duplicate_ids.csv", {"id_column": "Deltagar-ID"}, DuplicateIdError, "core.duplicate_ids",
     ["'Deltagar-ID'", "'D-017'", "'3', '6'"]),
    ("blank_id.csv", {"id_column": "Deltagar-ID"}, MissingValuesError, "data.id_missing",
     ["'Deltagar-ID'", " 4)"]),
    ("duplicate_headers.csv", {}, InputError, "data.duplicate_columns", ["'Ålder'", "2 & 3"]),
    ("nameless_column.csv", {}, InputError, "data.empty_header", ["2", "'x'", " 2"]),
    ("bad_dates.csv", {"dates": ["Datum"]}, ColumnTypeError, "data.date_unparsed",
     ["'Datum'", " 3 ", "'2023-02-30'"]),
    ("mixed_date_order.csv", {"dates": ["Datum"]}, ColumnTypeError, "data.date_order_mixed",
     ["'Datum'", "'13/1/2023'", "'1/13/2023'", " 2)", " 3)"]),
    ("good.csv", {"numeric": ["Kostnad"]}, ColumnMissingError, "core.column_missing",
     ["'Kostnad'", "'Kostnader'", "'Stadsdel'"]),
    ("good.csv", {"sheet": "Blad1"}, InputError, "data.sheet_for_text", ["good.csv"]),
    ("good.csv", {"numeric": 5}, InputError, "data.bad_column_list", ["numeric", "5"]),
    ("good.csv", {"id_column": "Personnr"}, ColumnMissingError, "core.column_missing", ["'Personnr'"]),
    ("empty_sheet.xlsx", {}, FileReadError, "data.empty_sheet", ["'Data'", "empty_sheet.xlsx"]),
    ("missing_sheet.xlsx", {"sheet": "Resultat"}, FileReadError, "data.sheet_missing",
     ["'Resultat'", "'Blad1'", "'Data'"]),
    ("missing_sheet.xlsx", {"sheet": 5}, FileReadError, "data.sheet_missing", [" 5 ", "'Blad1'", "'Data'"]),
    ("header_only.xlsx", {}, FileReadError, "data.header_only", ["'Personnr'", "'Startdatum'"]),
    ("text_in_numeric.xlsx", {"numeric": ["Antal"]}, ColumnTypeError, "core.column_not_numeric",
     ["'Antal'", " 4 ", "'fem'"]),
    ("duplicate_ids.xlsx", {"id_column": "ID"}, DuplicateIdError, "core.duplicate_ids", ["'ID'", "'A7'", "'3', '5'"]),
    ("duplicate_headers.xlsx", {}, InputError, "data.duplicate_columns", ["'Utfall'", "B & D"]),
    ("corrupt.xlsx", {}, FileReadError, "data.excel_unreadable", ["corrupt.xlsx"]),
]


def _pnr_frame() -> pd.DataFrame:
    return pd.DataFrame({"personnr": ["19121212-1212", "19811218-9876", "19121212-1213"], "v": [1, 2, 3]})


# (id, callable raising, error class, key, substrings)
VALUE_CASES = [
    ("pnr_bad_check_digit", lambda: wb.privacy.normalize_personnummer("19121212-1213"), PrivacyError,
     "data.pnr_invalid", ["'19121212-****'"]),
    ("pnr_bad_month", lambda: wb.privacy.normalize_personnummer("191213121212"), PrivacyError,
     "data.pnr_invalid", ["'19121312****'"]),
    ("pnr_garbage", lambda: wb.privacy.normalize_personnummer("abc"), PrivacyError, "data.pnr_invalid", ["'abc'"]),
    ("pnr_in_column", lambda: wb.privacy.require_valid_personnummer(_pnr_frame(), "personnr"), PrivacyError,
     "data.pnr_invalid_in_column", ["'personnr'", " 4 ", "19121212-****"]),
    ("key_too_short", lambda: wb.privacy.pseudonymize(_pnr_frame(), "personnr", key=b"kort"), PrivacyError,
     "data.key_too_short", ["4", "16"]),
    ("key_empty", lambda: wb.privacy.pseudonymize(_pnr_frame(), "personnr", key=""), PrivacyError,
     "data.key_missing", ["load_or_create_key"]),
    ("key_wrong_type", lambda: wb.privacy.pseudonymize(_pnr_frame(), "personnr", key=12345), PrivacyError,
     "data.key_type", ["int"]),
    ("pseudonymize_missing_column", lambda: wb.privacy.pseudonymize(_pnr_frame(), ["pnr"], key=KEY),
     ColumnMissingError, "core.column_missing", ["'pnr'", "'personnr'"]),
    ("pseudonym_too_short", lambda: wb.privacy.pseudonymize(_pnr_frame(), "personnr", key=KEY, length=8),
     PrivacyError, "data.pseudonym_length", ["8", "12", "64"]),
    ("key_file_damaged", lambda: wb.privacy.load_or_create_key(CORPUS / "damaged.key"), PrivacyError,
     "data.key_file_damaged", ["damaged.key", "16"]),
    ("key_file_short", lambda: wb.privacy.load_or_create_key(CORPUS / "short.key"), PrivacyError,
     "data.key_file_damaged", ["short.key"]),
    ("export_with_personnummer", lambda: wb.privacy.assert_no_personnummer(_pnr_frame()), PrivacyError,
     "data.pnr_found", ["'personnr'", "67 %"]),
    ("counts_negative", lambda: wb.privacy.suppress_small_cells(
        pd.DataFrame({"Kista": [3, -1], "Tensta": [7, 8]}, index=["insats", "kontroll"])),
     ColumnTypeError, "data.counts_bad_value", ["'kontroll'", "'Kista'", "'-1'"]),
    ("counts_fraction", lambda: wb.privacy.suppress_small_cells(pd.DataFrame({"A": [2.5, 7.0]})),
     ColumnTypeError, "data.counts_bad_value", ["'A'", "'2.5'"]),
    ("counts_text", lambda: wb.privacy.suppress_small_cells(pd.DataFrame({"A": [3, 9], "B": ["få", "10"]})),
     ColumnTypeError, "data.counts_bad_value", ["'B'", "'få'"]),
    ("margins_wrong", lambda: wb.privacy.suppress_small_cells(
        pd.DataFrame({"Ja": [3, 9, 13], "Nej": [7, 8, 15]}, index=["K", "M", "Totalt"])),
     InputError, "data.margins_inconsistent", ["'Totalt'", "12", "13"]),
    ("counts_not_table", lambda: wb.privacy.suppress_small_cells([[1, 2], [3, 4]]), InputError,
     "data.counts_not_table", ["list"]),
    ("min_count_zero", lambda: wb.privacy.suppress_small_cells(pd.DataFrame({"A": [1, 2]}), min_count=0),
     OptionError, "data.min_count", ["min_count", "0"]),
    ("min_count_text", lambda: wb.privacy.suppress_small_cells(pd.DataFrame({"A": [1, 2]}), min_count="5"),
     OptionError, "data.min_count", ["min_count", "'5'"]),
]

TRACEBACK_MARKERS = ("Traceback", 'File "', "Error(", "Errno", "<class", "line 1, in", "NoneType")


def _check_message(err: WorkbenchError, expected_key: str, substrings: list[str]) -> None:
    assert err.key == expected_key
    sv, en = err.message("sv"), err.message("en")
    assert str(err) == sv  # raised in the session default language (Swedish)
    assert sv != en
    for text in (sv, en):
        for part in substrings:
            assert part in text, f"{part!r} not in {text!r}"
        for marker in TRACEBACK_MARKERS:
            assert marker not in text, f"{marker!r} in {text!r}"
        assert "{" not in text and "}" not in text  # every template field was filled


def test_corpus_is_large_enough():
    files = {p.name for p in CORPUS.iterdir()} - {"make_corpus.py", "__pycache__", ".gitattributes"}
    assert len(files) >= 25
    assert len(FILE_CASES) + len(VALUE_CASES) >= 50
    listed = {name for name, *_ in FILE_CASES} | {"damaged.key", "short.key", "does_not_exist.csv"}
    assert files - listed == {"good.csv"} - listed  # every corpus file is exercised


def test_committed_corpus_matches_its_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, content in module.corpus().items():
        committed = (CORPUS / name).read_bytes()
        if content.startswith(b"PK"):  # zip entries carry the time of writing
            assert committed[:2] == content[:2], name
        else:
            assert committed == content, name


@pytest.mark.parametrize(("name", "kwargs", "cls", "key", "substrings"), FILE_CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in FILE_CASES])
def test_bad_file(name, kwargs, cls, key, substrings):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a bad file must fail, not warn and go on
        with pytest.raises(cls) as info:
            wb.read_table(CORPUS / name, lang="sv", **kwargs)
    _check_message(info.value, key, substrings)


@pytest.mark.parametrize(("case_id", "call", "cls", "key", "substrings"), VALUE_CASES,
                         ids=[c[0] for c in VALUE_CASES])
def test_bad_value(case_id, call, cls, key, substrings):
    with pytest.raises(cls) as info:
        call()
    _check_message(info.value, key, substrings)


def test_errors_follow_lang_argument():
    with pytest.raises(FileReadError) as info:
        wb.read_table(CORPUS / "empty.csv", lang="en")
    assert str(info.value) == info.value.message("en")
    assert "empty" in str(info.value)


def test_errors_are_value_errors_and_picklable():
    import pickle

    with pytest.raises(ValueError) as info:
        wb.read_table(CORPUS / "ragged_short.csv")
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is type(info.value) and str(again) == str(info.value)
