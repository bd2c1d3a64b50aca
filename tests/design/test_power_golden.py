"""wb.power against R's pwr 1.3.0 (golden/pwr_golden.csv, made by golden/make_golden.R)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden" / "pwr_golden.csv"
ALT = {"two.sided": "two-sided", "greater": "greater", "less": "less"}


def _load() -> pd.DataFrame:
    df = pd.read_csv(GOLDEN, skipinitialspace=True, keep_default_na=True, dtype={"type": "str"})
    df["type"] = df["type"].fillna("")
    for col in df.columns:
        if df[col].dtype == "str" and col not in ("func", "type", "alternative", "solve", "pwr_version"):
            df[col] = pd.to_numeric(df[col].str.strip(), errors="coerce")
    return df


ROWS = _load()


def _call(row: pd.Series):
    alt = ALT[row.alternative]
    solve = row.solve
    es = None if solve == "effect" else float(row.es)
    n = None if solve == "n" else float(row.n)
    power = None if solve == "power" else float(row.power)
    common = dict(alpha=float(row.alpha), alternative=alt)
    if row.func == "pwr.2p.test":
        return wb.power.two_proportions(float(row.p1), h=es, n=n, power=power, **common)
    if row.func == "pwr.p.test":
        return wb.power.one_proportion(float(row.p1), h=es, n=n, power=power, **common)
    if row.func == "pwr.2p2n.test":
        ratio = float(row.n2) if solve == "n" else float(row.n2) / float(row.n)
        return wb.power.two_proportions(float(row.p1), h=es, n=n, power=power, n_ratio=ratio, **common)
    if row.func == "pwr.t.test":
        return wb.power.two_means(es, n=n, power=power, paired=row.type == "paired", **common)
    ratio = float(row.n2) if solve == "n" else float(row.n2) / float(row.n)
    return wb.power.two_means(es, n=n, power=power, n_ratio=ratio, **common)


@pytest.mark.parametrize("solve", ["power", "n", "effect"])
@pytest.mark.parametrize("func", ["pwr.2p.test", "pwr.p.test", "pwr.2p2n.test", "pwr.t.test", "pwr.t2n.test"])
def test_against_pwr(func: str, solve: str) -> None:
    rows = ROWS[(ROWS.func == func) & (ROWS.solve == solve)]
    assert len(rows) > 0
    for _, row in rows.iterrows():
        r = _call(row)
        truth = float(row.value)
        if solve == "power":
            assert r.power == pytest.approx(truth, abs=1e-10, rel=1e-10), row.to_dict()
        elif solve == "n":
            assert r.n_per_group == pytest.approx(truth, rel=1e-6), row.to_dict()
            assert r.n_per_group_ceiling == math.ceil(truth)
            assert r.power == pytest.approx(float(row.power), abs=1e-9)
        else:
            assert r.mdes == pytest.approx(truth, rel=1e-6), row.to_dict()
        # pwr's own uniroot answer (tol 1.2e-4 absolute) agrees loosely as well
        assert float(row.value_pwr) == pytest.approx(
            {"power": r.power, "n": r.n_per_group, "effect": r.mdes}[solve], rel=1e-3, abs=1e-3)


def test_two_sided_p1_p2_path_matches_h() -> None:
    rows = ROWS[(ROWS.func == "pwr.2p.test") & (ROWS.solve == "power") & (ROWS.alternative == "two.sided")]
    for _, row in rows.iterrows():
        r = wb.power.two_proportions(float(row.p1), float(row.p2), n=float(row.n), alpha=float(row.alpha))
        assert r.mdes == pytest.approx(abs(float(row.es)), rel=1e-12)
        assert r.power == pytest.approx(float(row.value), abs=1e-10)


def test_issue_worked_examples() -> None:
    """2,818 per group for 5 % → 3.5 %; 176 per group for d = 0.3 (pwr.2p.test / pwr.t.test)."""
    issue = ROWS[ROWS.type == "issue"].set_index("func")
    r = wb.power.two_proportions(0.05, 0.035, power=0.8)
    assert r.n_per_group == pytest.approx(float(issue.loc["pwr.2p.test", "value"]), rel=1e-9)
    assert r.n_per_group_ceiling == 2818
    m = wb.power.two_means(0.3, power=0.8)
    assert m.n_per_group == pytest.approx(float(issue.loc["pwr.t.test", "value"]), rel=1e-9)
    assert m.n_per_group_ceiling == 176


def test_solved_p2_round_trips() -> None:
    r = wb.power.two_proportions(0.05, None, n=2818, power=0.8)
    assert r.solved_for == "effect"
    assert r.p2_lower == pytest.approx(0.035, abs=2e-5)
    back = wb.power.two_proportions(0.05, r.p2_lower, n=2818)
    assert back.power == pytest.approx(0.8, abs=1e-9)
