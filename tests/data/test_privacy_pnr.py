"""Personnummer checks, keyed pseudonymization and the key file."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
import stat

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import PrivacyError, WorkbenchWarning

P = wb.privacy


def luhn(nine: str) -> str:
    """Reference Luhn digit, written independently of the package."""
    digits = [int(c) for c in nine]
    total = 0
    for pos, d in enumerate(digits):
        x = d * 2 if pos % 2 == 0 else d
        total += x - 9 if x > 9 else x
    return str((10 - total % 10) % 10)


def make(yymmdd: str, serial: str = "123") -> str:
    return yymmdd + serial + luhn(yymmdd + serial)


VALID = [
    "19121212-1212", "191212121212", "121212-1212", "1212121212", "121212+1212",
    "19811218-9876", "811218-9876", "8112189876", "198112189876", " 19811218-9876 ",
    191212121212, np.int64(198112189876), float(198112189876),
    "20" + make("000229"),  # 29 February 2000 (leap year)
    make("811278"),  # samordningsnummer: day 18 + 60
    "19" + make("811278"),
]
INVALID = [
    "19121212-1213", "1212121213", "19121312-1212", "19121232-1212",
    "19" + make("010229"),  # 29 February 1901 does not exist
    make("811292"),  # day 32 after removing 60
    "20" + make("991231"),  # 2099 is in the future
    "1912121212", "19121212121", "1212121212121", "19121212_1212", "19121212--1212",
    "", " ", "abc", None, 1.5, [], {}, object(), b"191212121212", True, float("nan"),
]


@pytest.mark.parametrize("value", VALID, ids=[repr(v) for v in VALID])
def test_valid_personnummer(value):
    assert P.is_valid_personnummer(value) is True


@pytest.mark.parametrize("value", INVALID, ids=[repr(v) for v in INVALID])
def test_invalid_personnummer_never_raises(value):
    assert P.is_valid_personnummer(value) is False


def test_luhn_matches_reference():
    rng = np.random.default_rng(1)
    for _ in range(300):
        nine = "".join(str(d) for d in rng.integers(0, 10, 9))
        assert str(P.luhn_check_digit(nine)) == luhn(nine)


def test_normalize_forms_and_century():
    assert P.normalize_personnummer("19811218-9876") == "198112189876"
    assert P.normalize_personnummer("8112189876") == "198112189876"
    assert P.normalize_personnummer(198112189876) == "198112189876"
    this_century = str(dt.date.today().year)[:2]
    assert P.normalize_personnummer("121212-1212") == f"{this_century}1212121212"
    assert P.normalize_personnummer("121212+1212") == f"{int(this_century) - 1}1212121212"
    assert P.is_samordningsnummer(make("811278")) and not P.is_samordningsnummer("19811218-9876")
    with pytest.raises(PrivacyError):
        P.normalize_personnummer("19811218-9875")


def _frame():
    return pd.DataFrame({
        "personnr": ["19811218-9876", "8112189876", None, "811218-9876", "19121212-1212", "kund-17"],
        "utfall": [1, 0, 1, 1, 0, 1],
    })


def test_pseudonymize_is_keyed_hmac_and_normalizes():
    key = P.new_key()
    df = _frame()
    before = df.copy()
    out = P.pseudonymize(df, "personnr", key=key)
    pd.testing.assert_frame_equal(df, before)  # caller's frame untouched
    expected = hmac.new(key, b"198112189876", hashlib.sha256).hexdigest()[:16]
    assert out["personnr"].tolist()[:2] == [expected, expected]
    assert out["personnr"].iloc[3] == expected
    assert pd.isna(out["personnr"].iloc[2])
    assert out["personnr"].iloc[5] == hmac.new(key, b"kund-17", hashlib.sha256).hexdigest()[:16]
    assert out["personnr"].iloc[4] != expected
    assert out["utfall"].tolist() == df["utfall"].tolist()
    assert P.find_personnummer_columns(out) == []
    P.assert_no_personnummer(out)


def test_pseudonyms_stable_per_key_and_differ_between_keys():
    key, other = P.new_key(), P.new_key()
    assert key != other and len(key) == 32
    a = P.pseudonymize(_frame(), ["personnr"], key=key)
    b = P.pseudonymize(_frame(), ["personnr"], key=key)
    c = P.pseudonymize(_frame(), ["personnr"], key=other)
    pd.testing.assert_frame_equal(a, b)
    assert a["personnr"].iloc[0] != c["personnr"].iloc[0]
    text_key = "ett långt lösenord för projektet"
    d = P.pseudonymize(_frame(), "personnr", key=text_key)
    e = P.pseudonymize(_frame(), "personnr", key=text_key.encode("utf-8"))
    pd.testing.assert_frame_equal(d, e)
    assert len(P.pseudonymize(_frame(), "personnr", key=key, length=32)["personnr"].iloc[0]) == 32


def test_integer_personnummer_columns_are_found():
    df = pd.DataFrame({"pnr": [191212121212, 198112189876], "x": [1.0, 2.0], "n": [3, 4]})
    assert P.find_personnummer_columns(df) == ["pnr"]
    with pytest.raises(PrivacyError, match="'pnr'"):
        P.assert_no_personnummer(df, lang="en")


def test_key_file_created_private_and_never_overwritten(tmp_path):
    path = tmp_path / "hemligt" / "pseudonym.key"
    key = P.load_or_create_key(path)
    assert len(key) == 32
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    content = path.read_bytes()
    assert P.load_or_create_key(path) == key
    assert path.read_bytes() == content
    os.chmod(path, 0o644)
    with pytest.warns(WorkbenchWarning, match="chmod 600"):
        assert P.load_or_create_key(path) == key


def test_privacy_module_is_wb_privacy():
    import workbench.data.privacy as module

    assert wb.privacy is module
    for name in ("is_valid_personnummer", "pseudonymize", "suppress_small_cells"):
        assert callable(getattr(wb.privacy, name))


@pytest.mark.parametrize("key", [None, "kort", b"x" * 32, 12345])
def test_a_missing_column_is_named_whatever_the_key(key):
    df = pd.DataFrame({"personnummer": ["19121212-1212"], "namn": ["Tolvan"]})
    with pytest.raises(wb.WorkbenchError) as err:
        P.pseudonymize(df, ["personnr"], key=key)
    assert err.value.key == "core.column_missing"
    assert "personnr" in str(err.value) and "personnummer" in str(err.value)  # asked for, and what exists
