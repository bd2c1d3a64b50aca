"""Goodman-Bacon decomposition: the weights sum to one and rebuild the TWFE estimate exactly."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import DesignError
from workbench.ladder.area.twfe import Demeaner, fit_twfe
from workbench.ladder.area.panel import prepare_panel

OUTCOME = "hushåll_med_boendebistånd"


def _twfe(df, unit, time, outcome, treated):
    p = prepare_panel(df, unit=unit, time=time, outcome=outcome, treated=treated)
    dm = Demeaner.build(p.unit_code, p.time_code, p.n_units, p.n_times)
    return float(fit_twfe(p.y, p.d, dm).coef[0])


def _check(table, twfe):
    assert table["weight"].sum() == pytest.approx(1.0, abs=1e-12)
    assert (table["weight"] > 0).all()
    assert float((table["weight"] * table["estimate"]).sum()) == pytest.approx(twfe, abs=1e-10)


def _teaching():
    # Granhöjden (never treated) lacks two months; the decomposition needs a balanced panel
    df = wb.load_sample("hemloshet_stadsdelar_forskjuten")
    return df[df["stadsdel"] != "Granhöjden"]


def test_teaching_panel_decomposes_its_twfe_estimate():
    df = _teaching()
    r = wb.did(df, unit="stadsdel", time="månad", outcome=OUTCOME, treated="projekt_aktivt",
               inference="none")
    table = r.bacon()
    _check(table, r.estimate.estimate)
    assert r.estimate.estimate == pytest.approx(_twfe(df, "stadsdel", "månad", OUTCOME, "projekt_aktivt"),
                                                abs=1e-10)
    # 4 cohorts and never-treated: 4 vs never, 6 earlier-vs-later, 6 later-vs-earlier
    assert table["type"].value_counts().to_dict() == {"earlier_vs_later": 6, "later_vs_earlier": 6,
                                                      "treated_vs_never": 4}
    forbidden = table.loc[table["type"] == "later_vs_earlier", "weight"].sum()
    keys = [m.key for m in r.warning_msgs]
    assert ("area.warn.bacon_forbidden" in keys) == (forbidden > 0.10)


def _staggered(seed=4, g=60, t=30, dynamic=True):
    rng = np.random.default_rng(seed)
    cohorts = np.array([3, 8, 14, 21, -1])
    start = cohorts[rng.integers(0, len(cohorts), g)]
    start[:2] = -1
    start[2] = 8
    rows = []
    for u in range(g):
        a = rng.normal()
        for s in range(t):
            on = start[u] >= 0 and s >= start[u]
            eff = (1.0 + (0.3 * (s - start[u]) if dynamic else 0.0)) if on else 0.0
            rows.append({"unit": u, "time": s, "y": a + 0.05 * s + eff + rng.normal(), "d": int(on)})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", [4, 9])
def test_simulated_staggered_panel(seed):
    df = _staggered(seed=seed)
    r = wb.did(df, unit="unit", time="time", outcome="y", treated="d", inference="none")
    table = r.bacon()
    _check(table, r.estimate.estimate)
    assert set(table["type"]) == {"treated_vs_never", "earlier_vs_later", "later_vs_earlier"}
    # dynamic effects: forbidden comparisons with this much weight are warned about, in Swedish
    share = table.loc[table["type"] == "later_vs_earlier", "weight"].sum()
    assert share > 0.10
    msg = next(m for m in r.warning_msgs if m.key == "area.warn.bacon_forbidden")
    assert "redan behandlade" in msg.render("sv") and "already-treated" in msg.render("en")
    # each treated-vs-never 2×2 is the plain DiD of cohort means (post − pre, treated − never)
    first = df[df.d == 1].groupby("unit").time.min()
    start = df["unit"].map(first)
    for _, row in table[table["type"] == "treated_vs_never"].iterrows():
        k = int(row["treated"])
        post = df.time >= k
        g1, g0 = start == k, start.isna()
        did = ((df.y[g1 & post].mean() - df.y[g1 & ~post].mean())
               - (df.y[g0 & post].mean() - df.y[g0 & ~post].mean()))
        assert row["estimate"] == pytest.approx(did, abs=1e-10)


def test_single_start_is_one_comparison_and_no_warning():
    rng = np.random.default_rng(2)
    rows = [{"unit": u, "time": s, "y": rng.normal() + (2.0 if u < 5 and s >= 6 else 0.0),
             "d": int(u < 5 and s >= 6)} for u in range(20) for s in range(12)]
    r = wb.did(pd.DataFrame(rows), unit="unit", time="time", outcome="y", treated="d", inference="none")
    table = r.bacon()
    assert len(table) == 1 and table.loc[0, "weight"] == pytest.approx(1.0)
    assert table.loc[0, "estimate"] == pytest.approx(r.estimate.estimate, abs=1e-10)
    assert "area.warn.bacon_forbidden" not in [m.key for m in r.warning_msgs]


def test_unbalanced_panel_is_refused_in_both_languages():
    df = wb.load_sample("hemloshet_stadsdelar_forskjuten")
    r = wb.did(df, unit="stadsdel", time="månad", outcome=OUTCOME, treated="projekt_aktivt",
               inference="none")
    assert "area.warn.bacon_forbidden" not in [m.key for m in r.warning_msgs]
    with pytest.raises(DesignError, match="balanserad panel.*2 område"):
        r.bacon()
    with pytest.raises(DesignError, match="balanced panel.*2 area"):
        r.bacon(lang="en")


def test_weights_of_the_papers_figure_2():
    """Goodman-Bacon (2021), Figure 2 (also bacondecomp's tests/testthat/test_bacon_weights.R):
    100 periods, one never-treated unit, one starting in period 34 and one in period 85; the
    published weights are .365 (early vs never), .222 (late vs never), .278 (early vs late) and
    .135 (late vs early)."""
    rng = np.random.default_rng(0)
    starts = {1: None, 2: 34, 3: 85}
    rows = [{"id": i, "time": t, "treated": int(s is not None and t >= s), "y": rng.normal()}
            for i, s in starts.items() for t in range(1, 101)]
    r = wb.did(pd.DataFrame(rows), unit="id", time="time", outcome="y", treated="treated",
               inference="none")
    t = r.bacon().set_index(["treated", "untreated"])["weight"]
    assert t[("34", "never")] == pytest.approx(0.365, abs=5e-4)
    assert t[("85", "never")] == pytest.approx(0.222, abs=5e-4)
    assert t[("34", "85")] == pytest.approx(0.278, abs=5e-4)
    assert t[("85", "34")] == pytest.approx(0.135, abs=5e-4)
    _check(r.bacon(), r.estimate.estimate)


GOLDEN = __import__("pathlib").Path(__file__).parent / "golden"
R_TYPES = {"Treated vs Untreated": "treated_vs_never", "Earlier vs Later Treated": "earlier_vs_later",
           "Later vs Earlier Treated": "later_vs_earlier"}


@pytest.mark.parametrize("data, file, kw", [
    ("castle", "castle_bacon_input.csv", dict(unit="state", time="year", outcome="l_homicide", treated="post")),
    ("sim_staggered", "sim_staggered.csv", dict(unit="unit", time="time", outcome="y", treated="d")),
])
def test_matches_r_bacondecomp(data, file, kw):
    """bacondecomp 0.1.3's weights and 2×2 estimates (golden/make_bacon_golden.R)."""
    ref = pd.read_csv(GOLDEN / "bacon_golden.csv")
    ref = ref[ref["data"] == data]
    df = pd.read_csv(GOLDEN / file)
    r = wb.did(df, **kw, inference="none")
    assert r.estimate.estimate == pytest.approx(ref["twfe_lm"].iloc[0], abs=1e-10)
    mine = r.bacon()
    assert len(mine) == len(ref)
    untreated = ref["untreated"].map(lambda v: "never" if not np.isfinite(v) or v == 99999 else str(int(v)))
    want = pd.DataFrame({"treated": ref["treated"].astype(int).astype(str), "untreated": untreated,
                         "type": ref["type"].map(R_TYPES), "estimate": ref["estimate"],
                         "weight": ref["weight"]})
    got = mine.merge(want, on=["treated", "untreated"], suffixes=("", "_r"), validate="one_to_one")
    assert len(got) == len(ref)
    assert (got["type"] == got["type_r"]).all()
    np.testing.assert_allclose(got["weight"], got["weight_r"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(got["estimate"], got["estimate_r"], rtol=1e-8, atol=1e-10)
