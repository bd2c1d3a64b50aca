"""The message catalogue, the error family, typed options and validation helpers."""

from __future__ import annotations

import json
import pickle

import pandas as pd
import pytest

import workbench as wb
from workbench.core import messages
from workbench.core.errors import ColumnMissingError, ColumnTypeError, DuplicateIdError, MissingValuesError, OptionError
from workbench.core.options import MatchMethod, check_number, check_option
from workbench.core.validate import require_columns, require_no_missing, require_unique, to_binary, to_numeric


def test_catalogue_has_both_languages_and_no_duplicates():
    cat = messages.catalogue()
    assert len(cat) > 50
    for key, texts in cat.items():
        assert set(texts) >= {"sv", "en"}, key
        assert texts["sv"].strip() and texts["en"].strip(), key
        assert key.split(".")[0] in {p.name for p in __import__("pkgutil").iter_modules(messages.__path__)} or "." in key


def test_placeholders_match_between_languages():
    import string

    fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}  # noqa: E731
    for key, texts in messages.catalogue().items():
        assert fields(texts["sv"]) == fields(texts["en"]), key


def test_error_is_valueerror_and_renders_both_languages():
    df = pd.DataFrame({"ålder": [1], "kön": ["k"]})
    with pytest.raises(wb.WorkbenchError) as info:
        require_columns(df, ["alder"])
    err = info.value
    assert isinstance(err, ValueError) and isinstance(err, ColumnMissingError)
    assert "'alder' saknas" in str(err) and "'ålder'" in str(err) and "'kön'" in str(err)
    assert "is missing" in err.message("en")
    # errors survive pickling (multiprocessing, Voilà kernels)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is ColumnMissingError and str(again) == str(err)


def test_session_language_switch():
    df = pd.DataFrame({"a": [1]})
    wb.set_language("en")
    try:
        with pytest.raises(ColumnMissingError, match="is missing"):
            require_columns(df, ["b"])
    finally:
        wb.set_language("sv")
    with pytest.raises(ValueError):
        wb.set_language("de")


def test_to_numeric_swedish_formats_and_row_numbers():
    df = pd.DataFrame({"belopp": ["1 250,50", "\u00a02\u00a0000", "−3,5", "", None]})
    out = to_numeric(df, "belopp")
    assert out.iloc[0] == 1250.5 and out.iloc[1] == 2000 and out.iloc[2] == -3.5
    assert out.iloc[3:].isna().all()
    bad = pd.DataFrame({"belopp": ["1", "2", "tre"]})
    with pytest.raises(ColumnTypeError) as info:
        to_numeric(bad, "belopp")
    assert "rad 4" in str(info.value) and "'tre'" in str(info.value)


def test_to_binary_words_and_rejects_other_values():
    df = pd.DataFrame({"x": ["ja", "Nej", "1", "0", None, "JA"]})
    assert to_binary(df, "x").tolist()[:4] == [1.0, 0.0, 1.0, 0.0]
    with pytest.raises(ColumnTypeError, match="kanske"):
        to_binary(pd.DataFrame({"x": ["ja", "kanske"]}), "x")
    with pytest.raises(ColumnTypeError):
        to_binary(pd.DataFrame({"x": [0, 1, 2]}), "x")


def test_missing_and_unique():
    df = pd.DataFrame({"id": ["a", "b", "a"], "v": [1.0, None, 3.0]})
    with pytest.raises(MissingValuesError) as info:
        require_no_missing(df, ["v"])
    assert "rad 3" in str(info.value) and "1 rader" in str(info.value)
    with pytest.raises(DuplicateIdError) as info:
        require_unique(df, "id")
    assert "'a'" in str(info.value) and "2" in str(info.value) and "4" in str(info.value)


def test_options():
    assert check_option("method", "nearest", MatchMethod) == "nearest"
    with pytest.raises(OptionError) as info:
        check_option("method", "närmast", MatchMethod)
    assert "'nearest'" in str(info.value) and "närmast" in str(info.value)
    assert check_number("alpha", 0.05, low=0, high=1, low_open=True, high_open=True) == 0.05
    for bad in (0, 1, "0.05", float("nan"), True):
        with pytest.raises(OptionError):
            check_number("alpha", bad, low=0, high=1, low_open=True, high_open=True)


def test_integer_option_message_in_both_languages():
    with pytest.raises(OptionError) as info:
        check_number("ratio", 1.5, low=1, integer=True)
    assert "heltal" in str(info.value) and "integer" in info.value.message("en")
    assert "heltal" not in info.value.message("en")
