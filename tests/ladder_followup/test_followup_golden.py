"""The long-term analysis against base R (golden/bounds.R, R 4.2.2): effects per occasion and bounds."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from workbench.ladder.followup import attrition_by_occasion, longterm
from workbench.ladder.followup.bounds import lee_bounds, trimmed_mean

GOLDEN = Path(__file__).with_name("golden")


@pytest.fixture(scope="module")
def trial():
    return pd.read_csv(GOLDEN / "trial.csv")


@pytest.fixture(scope="module")
def ref():
    return pd.read_csv(GOLDEN / "bounds_r.csv").set_index("occasion")


def test_effects_and_bounds_match_r(trial, ref):
    r = longterm(trial, ["efter", "uppfoljning_24"], treated_arm="insats", minimum=0, maximum=100,
                 bounds="lee")
    eff = r.effects.set_index("occasion")
    for occ in ("efter", "uppfoljning_24"):
        assert eff.loc[occ, "estimate"] == pytest.approx(ref.loc[occ, "diff"], rel=1e-9)
        assert eff.loc[occ, "std_error"] == pytest.approx(ref.loc[occ, "se"], rel=1e-9)
        assert eff.loc[occ, "n"] == ref.loc[occ, "measured_t"] + ref.loc[occ, "measured_c"]
        assert eff.loc[occ, "measured_treated"] == ref.loc[occ, "measured_t"]
        assert eff.loc[occ, "measured_control"] == ref.loc[occ, "measured_c"]
        assert eff.loc[occ, "randomized_treated"] == eff.loc[occ, "randomized_control"] == 80
        lee = r.bounds[(r.bounds.occasion == occ) & (r.bounds.method == "lee")].iloc[0]
        assert lee.lower == pytest.approx(ref.loc[occ, "lee_lower"], rel=1e-9)
        assert lee.upper == pytest.approx(ref.loc[occ, "lee_upper"], rel=1e-9)
        assert lee.trimmed_share == pytest.approx(ref.loc[occ, "trimmed"], rel=1e-9)
    auto = longterm(trial, ["efter", "uppfoljning_24"], treated_arm="insats", minimum=0, maximum=100)
    wb = auto.bounds[auto.bounds.method == "worst_best"].set_index("occasion")
    # 'auto' bounds only where attrition breaks the rung-5 rule: efter differs by 8.75 points too
    assert set(wb.index) == {"efter", "uppfoljning_24"}
    for occ in wb.index:
        assert wb.loc[occ, "lower"] == pytest.approx(ref.loc[occ, "wb_lower"], rel=1e-9)
        assert wb.loc[occ, "upper"] == pytest.approx(ref.loc[occ, "wb_upper"], rel=1e-9)


def test_attrition_per_occasion_and_arm_warns_with_the_numbers(trial):
    table, warnings = attrition_by_occasion(trial, ["baslinje", "efter", "uppfoljning_24"])
    t = table.set_index(["occasion", "arm"])
    assert t.loc[("baslinje", "insats"), "share_measured"] == 1.0
    assert t.loc[("uppfoljning_24", "kontroll"), "measured"] == 51
    assert t.loc[("uppfoljning_24", "kontroll"), "randomized"] == 80
    assert len(warnings) == 2 and "uppfoljning_24" in warnings[1]
    assert "85,0 %" in warnings[1] and "63,7 %" in warnings[1] and "21,3" in warnings[1]
    en = attrition_by_occasion(trial, ["uppfoljning_24"], lang="en")[1][0]
    assert "Attrition differs" in en and "21.3" in en


def test_the_paragraph_says_whether_results_held(trial):
    r = longterm(trial, ["efter", "uppfoljning_24"], treated_arm="insats", minimum=0, maximum=100)
    text = r.explain("sv")
    assert "Höll resultaten i sig?" in text and "Lee-gränser" in text
    assert r.estimate.estimate == pytest.approx(r.effects["estimate"].iloc[-1])
    assert not r.credible  # differential attrition lowers the rung
    assert "Did the results hold?" in r.explain("en")
    assert r.to_dict()["kind"] == "longterm" and r.chart() is not None
    # a clear, lasting effect is called held; one that vanishes is called faded
    rng = np.random.default_rng(1)
    n = 200
    arm = np.repeat(["insats", "kontroll"], n // 2)
    t = arm == "insats"
    kept = pd.DataFrame({"arm": arm, "efter": 50 - 10 * t + rng.normal(0, 5, n),
                         "uppfoljning_24": 50 - 9 * t + rng.normal(0, 5, n)})
    assert longterm(kept, treated_arm="insats").held() == "held"
    gone = kept.assign(uppfoljning_24=50 + rng.normal(0, 5, n))
    res = longterm(gone, treated_arm="insats")
    assert res.held() == "faded" and "Nej" in res.explain("sv")


def test_trimmed_mean_by_mass_and_bounds_bracket_the_estimate():
    assert trimmed_mean(np.array([1.0, 2.0, 3.0, 4.0]), 0.5, top=False) == pytest.approx(1.5)
    assert trimmed_mean(np.array([1.0, 2.0, 3.0, 4.0]), 0.625, top=True) == pytest.approx((4 + 3 + 0.5 * 2) / 2.5)
    y = np.array([1.0, 2.0, 3.0, 4.0, np.nan, 2.0, 3.0, np.nan, np.nan, 5.0])
    t = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], bool)
    b = lee_bounds(y, t, ~np.isnan(y))
    assert b.trimmed_arm == "treated" and b.lower <= b.upper


def test_bad_input_is_named(trial):
    from workbench.core.errors import WorkbenchError

    with pytest.raises(WorkbenchError, match="uppfoljning_48"):
        longterm(trial, ["uppfoljning_48"], treated_arm="insats")
    with pytest.raises(WorkbenchError, match="bounds"):
        longterm(trial, ["efter"], treated_arm="insats", bounds="alla")
    with pytest.raises(WorkbenchError, match="occasions="):
        longterm(trial.drop(columns=["efter", "uppfoljning_24"]), treated_arm="insats")


def test_participants_not_yet_due_are_left_out_not_counted_as_lost(trial):
    due = pd.DataFrame({"efter": True, "uppfoljning_24": trial["uppfoljning_24"].notna()
                        | (trial.index % 2 == 0)}, index=trial.index)
    r = longterm(trial, ["efter", "uppfoljning_24"], treated_arm="insats", due=due)
    late = r.effects.set_index("occasion").loc["uppfoljning_24"]
    assert late.randomized_treated + late.randomized_control == int(due["uppfoljning_24"].sum())
    assert late.n == trial["uppfoljning_24"].notna().sum()  # every measured value is still used
    with pytest.raises(Exception, match="due"):
        longterm(trial, ["efter"], treated_arm="insats", due=due.iloc[:10])
