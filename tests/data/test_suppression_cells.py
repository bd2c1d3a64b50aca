"""Small-cell suppression: no hidden cell can be recomputed from what is published.

The check is independent of the implementation: for every hidden cell, linear programming finds
the smallest and largest count consistent with the shown cells, the totals (printed, or known
because a table with two or more columns/rows implies them) and counts ≥ 0. A protected cell
has a range of at least one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import linprog

import workbench as wb

P = wb.privacy


def feasible_ranges(values: np.ndarray, hidden: np.ndarray, total_row: bool, total_col: bool):
    """(min, max) of every hidden cell given everything an outsider can see."""
    n_r, n_c = values.shape
    cells = [tuple(c) for c in np.argwhere(hidden)]
    index = {c: k for k, c in enumerate(cells)}
    equations = []
    # rows: interior cells add up to the printed total, or to a total known from elsewhere
    if total_col or n_c >= 2:
        for i in range(n_r):
            coef = {(i, j): 1.0 for j in range(n_c - total_col)}
            if total_col:
                coef[(i, n_c - 1)] = -1.0
            equations.append(coef)
    if total_row or n_r >= 2:
        for j in range(n_c):
            coef = {(i, j): 1.0 for i in range(n_r - total_row)}
            if total_row:
                coef[(n_r - 1, j)] = -1.0
            equations.append(coef)
    a_rows, b = [], []
    for coef in equations:
        row = np.zeros(len(cells))
        rhs = sum(a * values[c] for c, a in coef.items())  # the known constant of this relation
        for c, a in coef.items():
            if c in index:
                row[index[c]] = a
            else:
                rhs -= a * values[c]
        if row.any():
            a_rows.append(row)
            b.append(rhs)
    out = {}
    for k, c in enumerate(cells):
        if not a_rows:
            out[c] = (0.0, np.inf)
            continue
        obj = np.zeros(len(cells))
        obj[k] = 1
        lo = linprog(obj, A_eq=np.array(a_rows), b_eq=np.array(b), bounds=(0, None), method="highs")
        hi = linprog(-obj, A_eq=np.array(a_rows), b_eq=np.array(b), bounds=(0, None), method="highs")
        assert lo.status == 0
        out[c] = (lo.fun, np.inf if hi.status == 3 else -hi.fun)
    return out


def check_protected(table: pd.DataFrame, min_count: int, total_row: bool, total_col: bool) -> pd.DataFrame:
    shown = P.suppress_small_cells(table, min_count=min_count)
    values = table.to_numpy(dtype=np.int64)
    hidden = shown.isna().to_numpy()
    # every small count is hidden, every shown number is the original
    assert ((values > 0) & (values < min_count) <= hidden).all()
    assert (shown.to_numpy(dtype=float, na_value=np.nan)[~hidden] == values[~hidden]).all()
    assert (P.suppression_mask(table, min_count=min_count).to_numpy() == hidden).all()
    for cell, (lo, hi) in feasible_ranges(values, hidden, total_row, total_col).items():
        assert hi - lo >= 0.999, f"cell {cell} = {values[cell]} is pinned to [{lo}, {hi}]\n{table}\n{shown}"
    return shown


def random_table(rng: np.random.Generator, margins: bool) -> pd.DataFrame:
    n_r, n_c = rng.integers(2, 7, size=2)
    lam = rng.uniform(1.5, 15)
    counts = rng.poisson(lam, size=(n_r, n_c))
    counts[rng.random(size=counts.shape) < 0.1] = 0
    table = pd.DataFrame(counts, index=[f"r{i}" for i in range(n_r)], columns=[f"c{j}" for j in range(n_c)])
    if margins:
        table["Totalt"] = table.sum(axis=1)
        table.loc["Totalt"] = table.sum(axis=0)
    return table


@pytest.mark.parametrize("margins", [False, True])
def test_random_tables_cannot_be_recomputed(margins):
    rng = np.random.default_rng(20261124 + margins)
    suppressed_any = 0
    for _ in range(40):
        table = random_table(rng, margins)
        min_count = int(rng.choice([3, 5, 10]))
        shown = check_protected(table, min_count, total_row=margins, total_col=margins)
        suppressed_any += int(shown.isna().to_numpy().sum() > 0)
    assert suppressed_any > 20  # the property was exercised, not vacuous


def test_known_example_and_kinds():
    table = pd.DataFrame({"A": [3, 10, 12], "B": [8, 9, 20], "C": [15, 2, 11]}, index=["x", "y", "z"])
    kinds = P.suppression_kinds(table)
    assert kinds.loc["x", "A"] == "primary" and kinds.loc["y", "C"] == "primary"
    # cheapest cycle: hide y/A (10) and x/C (15) rather than larger cells
    assert kinds.loc["y", "A"] == "secondary" and kinds.loc["x", "C"] == "secondary"
    assert (kinds == "").sum().sum() == 5
    shown = P.suppress_small_cells(table)
    assert str(shown["A"].dtype) == "Int64"
    assert shown.loc["z"].tolist() == [12, 20, 11]


def test_crosstab_margins_are_kept_when_possible():
    rng = np.random.default_rng(3)
    df = pd.DataFrame({"stadsdel": rng.choice(["Kista", "Tensta", "Rinkeby"], 200),
                       "utfall": rng.choice(["ja", "nej", "vet ej"], 200, p=[0.5, 0.44, 0.06])})
    table = pd.crosstab(df["stadsdel"], df["utfall"], margins=True, margins_name="Totalt")
    shown = check_protected(table, 5, total_row=True, total_col=True)
    assert shown.loc["Totalt"].notna().all() and shown["Totalt"].notna().all()


def test_all_large_counts_unchanged_and_input_not_mutated():
    table = pd.DataFrame({"a": [10, 20], "b": [0, 30]})
    before = table.copy()
    shown = P.suppress_small_cells(table)
    assert shown.astype("int64").equals(table)
    pd.testing.assert_frame_equal(table, before)


def test_one_way_table_hides_a_second_cell():
    series = pd.Series([2, 40, 9, 17], index=["a", "b", "c", "d"], name="antal")
    shown = P.suppress_small_cells(series)
    assert shown["antal"].isna().tolist() == [True, False, True, False]  # 9 is the smallest other
    check_protected(series.to_frame(), 5, total_row=False, total_col=False)


def test_zero_cells_used_only_when_needed_and_verified():
    table = pd.DataFrame({"x": [3, 0], "y": [0, 7]})
    shown = check_protected(table, 5, total_row=False, total_col=False)
    assert shown.isna().all().all()


def test_small_margin_is_hidden_and_protected():
    table = pd.DataFrame({"ja": [1, 10, 11], "nej": [2, 12, 14], "Summa": [3, 22, 25]}, index=["K", "M", "Summa"])
    shown = check_protected(table, 5, total_row=True, total_col=True)
    assert pd.isna(shown.loc["K", "Summa"])
