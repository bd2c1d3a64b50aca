"""Bad inputs to wb.match give clear errors naming the problem, in Swedish or English."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import (
    ColumnMissingError,
    ColumnTypeError,
    DesignError,
    MissingValuesError,
    OptionError,
)


@pytest.fixture()
def data() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 400
    x = rng.normal(size=n)
    grp = rng.choice(["a", "b", "c"], size=n)
    t = (rng.random(n) < 1 / (1 + np.exp(-(x - 1)))).astype(int)
    y = 2.0 * t + x + rng.normal(size=n)
    return pd.DataFrame({"t": t, "x": x, "grp": grp, "z": rng.integers(0, 2, n), "y": y})


def test_no_treated(data):
    d = data.assign(t=0)
    with pytest.raises(ColumnTypeError) as e:
        wb.match(d, "t", ["x"])
    assert "'t'" in str(e.value) and "inga behandlade" in str(e.value)


def test_treatment_not_binary(data):
    d = data.assign(t=data["t"] * 2)
    with pytest.raises(ColumnTypeError, match="0 och 1"):
        wb.match(d, "t", ["x"])


def test_constant_covariate(data):
    with pytest.raises(ColumnTypeError, match="'k'"):
        wb.match(data.assign(k=5), "t", ["x", "k"])


def test_missing_values_name_every_covariate(data):
    d = data.copy()
    d.loc[[1, 2, 3], "x"] = np.nan
    d.loc[[5], "grp"] = None
    with pytest.raises(MissingValuesError) as e:
        wb.match(d, "t", ["x", "grp"], lang="en")
    text = str(e.value)
    assert "'x' on 3 rows" in text and "'grp' on 1 rows" in text and "drop_missing=True" in text


def test_drop_missing_reports_count_and_keeps_index(data):
    d = data.copy()
    d.loc[[1, 2, 3], "x"] = np.nan
    m = wb.match(d, "t", ["x", "grp"], drop_missing=True)
    assert any("3 rader togs bort" in w for w in m.warnings)
    assert m.weights.index.equals(d.index) and m.weights.loc[[1, 2, 3]].eq(0).all()
    assert m.subclass.loc[[1, 2, 3]].isna().all() and len(d) == 400  # caller's frame untouched


def test_perfect_separation_is_explained(data):
    d = data.assign(sep=np.where(data["t"] == 1, 10.0, 0.0) + np.random.default_rng(1).random(len(data)))
    with pytest.raises(DesignError) as e:
        wb.match(d, "t", ["x", "sep"])
    assert "separation" in str(e.value).lower() and "'sep'" in str(e.value)
    assert e.value.message("en").startswith("Perfect separation")


def test_collinear_covariates(data):
    with pytest.raises(DesignError, match="linjärt beroende"):
        wb.match(data.assign(x2=2 * data["x"]), "t", ["x", "x2"])


def test_missing_column_and_bad_options(data):
    with pytest.raises(ColumnMissingError):
        wb.match(data, "t", ["x", "nope"])
    with pytest.raises(OptionError):
        wb.match(data, "t", ["x"], method="optimal")
    with pytest.raises(OptionError):
        wb.match(data, "t", ["x"], estimand="ATE")  # nearest: ATT/ATC only, as MatchIt
    with pytest.raises(OptionError):
        wb.match(data, "t", ["x"], caliper=-1)


def test_text_in_numeric_covariate_names_the_row(data):
    d = data.astype({"x": "str"})
    d.loc[4, "x"] = "okänt"
    with pytest.raises(ColumnTypeError, match="rad 6"):
        wb.match(d, "t", ["x"])


def test_outcome_missing_among_matched(data):
    m = wb.match(data, "t", ["x"])
    d = data.copy()
    d.loc[m.weights[m.weights > 0].index[:2], "y"] = np.nan
    m2 = wb.match(d, "t", ["x"])
    with pytest.raises(MissingValuesError, match="2"):
        m2.effect("y")
