"""Callaway–Sant'Anna against R's did as ported by moderndid 0.2.0 (golden/make_mpdta_golden.py).

R with the did package is not available here; moderndid is a faithful Python port of
``did::att_gt`` + ``did::aggte(bstrap = FALSE)``. The reference numbers (``golden/mpdta_cs.csv``)
and the data (``golden/mpdta.csv``, the did package's ``mpdta``) are stored; moderndid is not
needed to run the tests.
"""

from __future__ import annotations

import typing
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench as wb

GOLDEN = Path(__file__).parent / "golden"
REF = pd.read_csv(GOLDEN / "mpdta_cs.csv")
CASES = sorted(REF.groupby(["control", "base_period", "anticipation", "unbalanced"]).groups)


@pytest.fixture(scope="module")
def mpdta() -> pd.DataFrame:
    d = pd.read_csv(GOLDEN / "mpdta.csv")
    d["d"] = ((d["first.treat"] > 0) & (d["year"] >= d["first.treat"])).astype(int)
    return d


def _did(data, case, aggregation, **kw):
    control, base, antic, unbalanced = case
    df = data[data["in_unbalanced"] == 1] if unbalanced else data
    return wb.did(df, unit="countyreal", time="year", outcome="lemp", treated="d",
                  method="callaway_santanna", control=control, base_period=base,
                  anticipation=int(antic), aggregation=aggregation, inference="none", **kw)


def check_close(mine, ref):
    """Equal to 1e-10, or both NaN (the reference cell's SE, as did reports it)."""
    mine, ref = np.asarray(mine, float), np.asarray(ref, float)
    assert np.array_equal(np.isnan(mine), np.isnan(ref))
    np.testing.assert_allclose(mine[~np.isnan(ref)], ref[~np.isnan(ref)], rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
@pytest.mark.parametrize("aggregation", ["simple", "group", "event"])
def test_aggregations_match_did(mpdta, case, aggregation):
    ref = REF.set_index(["control", "base_period", "anticipation", "unbalanced"]).loc[case]
    ref = ref[ref["level"] == aggregation]
    r = _did(mpdta, case, aggregation)
    overall = ref[ref["key"].isna()].iloc[0]
    check_close([r.estimate.estimate, r.estimate.std_error], [overall["att"], overall["se"]])
    assert r.estimate.df is None and r.estimate.se_type.startswith("influence function")
    if aggregation != "simple":
        by = ref[ref["key"].notna()]
        table = r.aggregation.set_index("key")
        keys = by["key"].astype(int) - (2003 if aggregation == "group" else 0)  # group keys are codes
        assert list(table.index) == list(keys)
        check_close(table["att"], by["att"])
        check_close(table["se"], by["se"])
    assert r.base_period == case[1] and r.anticipation == case[2]
    assert r.unbalanced_as_cross_sections == bool(case[3])
    if case[3]:
        assert any("allow_unbalanced_panel=TRUE" in w for w in r.warnings)
        assert any("allow_unbalanced_panel=TRUE" in w for w in r.warnings_in("en"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: "-".join(map(str, c)))
def test_group_time_cells_match_did(mpdta, case):
    from workbench.ladder.area.panel import prepare_panel
    from workbench.ladder.area.staggered import group_time_att

    control, base, antic, unbalanced = case
    ref = REF.set_index(["control", "base_period", "anticipation", "unbalanced"]).loc[case]
    ref = ref[ref["level"] == "cell"]
    df = mpdta[mpdta["in_unbalanced"] == 1] if unbalanced else mpdta
    p = prepare_panel(df, unit="countyreal", time="year", outcome="lemp", treated="d")
    cells, _ = group_time_att(p, control=control, base_period=base, anticipation=int(antic))
    mine = cells.assign(g=cells["group"] + 2003, t=cells["time"] + 2003).set_index(["g", "t"])
    mine = mine.loc[list(zip(ref["group"], ref["time"]))]
    check_close(mine["att"], ref["att"])
    check_close(mine["se"], ref["se"])


def test_share_term_is_what_made_the_old_se_small(mpdta):
    """The simple SE with fixed weights (left out share term) is the 0.01175 of the issue."""
    from workbench.ladder.area.panel import prepare_panel
    from workbench.ladder.area.staggered import _cells, se_of

    p = prepare_panel(mpdta, unit="countyreal", time="year", outcome="lemp", treated="d")
    c = _cells(p, "never", "varying")
    _, psi_fixed = c.combine(c.rel >= 0, shares=False)
    _, psi = c.combine(c.rel >= 0)
    assert se_of(psi_fixed) == pytest.approx(0.01175, abs=5e-6)
    assert se_of(psi) == pytest.approx(0.012034012770185353, rel=1e-10)


def test_event_study_follows_the_estimator(mpdta):
    cs = _did(mpdta, ("never", "varying", 0, 0), "simple")
    ev = cs.event_study()
    assert ev.method == "callaway_santanna"
    ref = REF[(REF.control == "never") & (REF.base_period == "varying") & (REF.anticipation == 0)
              & (REF.unbalanced == 0) & (REF.level == "event") & REF.key.notna()]
    coefs = ev.coefficients.set_index("rel_time")
    check_close(coefs.loc[ref["key"].astype(int), "estimate"], ref["att"])
    check_close(coefs.loc[ref["key"].astype(int), "std_error"], ref["se"])
    assert "Callaway" in ev.chart().to_dict()["title"]
    assert np.isfinite(ev.pretrend_p) and ev.pretrend_q == 3
    twfe = wb.did(mpdta, unit="countyreal", time="year", outcome="lemp", treated="d",
                  inference="none").event_study()
    assert twfe.method == "twfe" and "TWFE" in twfe.chart(lang="sv").to_dict()["title"]
    # universal base: the reference period is zero and marked
    uni = _did(mpdta, ("never", "universal", 0, 0), "simple").event_study()
    row = uni.coefficients.set_index("rel_time").loc[-1]
    assert row["reference"] and row["estimate"] == 0.0


def test_registry_and_literal_agree():
    from workbench.core.options import AreaMethod
    from workbench.ladder.area.estimators import ESTIMATORS

    assert set(typing.get_args(AreaMethod)) == set(ESTIMATORS)
    for name, est in ESTIMATORS.items():
        assert est.name == name
        assert callable(est.fit) and callable(est.event_study) and callable(est.placebo)
    import inspect

    from workbench.ladder.area import api

    assert eval(inspect.signature(api.did).parameters["method"].annotation, vars(api)) == AreaMethod


def test_bad_base_period_and_anticipation(mpdta):
    with pytest.raises(wb.WorkbenchError) as e:
        _did(mpdta, ("never", "fixed", 0, 0), "simple")
    assert "base_period" in str(e.value)
    with pytest.raises(wb.WorkbenchError) as e:
        _did(mpdta, ("never", "varying", -1, 0), "simple")
    assert "anticipation" in str(e.value)
