"""Design facts each dataset promises (shares, dates, links between datasets, register scale)."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from workbench.data import samples


def test_barnavard_design_facts():
    truth = samples.truth("barnavard_rct")
    big = samples.generate("barnavard_rct", seed=3, n=40_000)
    r = big[(big["randomiserad"] == 1) & (big["uppföljning_12m_klar"] == 1)]
    risk = r.groupby("grupp")["placering_12m"].mean()
    assert abs(risk["Kontroll"] - 0.05) < 0.005 and abs(risk["Insats"] - 0.035) < 0.005
    assert abs(big["randomiserad"].mean() - truth["adherence"]["overall_expected"]) < 0.01
    early = big["inskrivningsdatum"] < pd.Timestamp("2023-06-01")
    assert big.loc[early, "randomiserad"].mean() < 0.6 < 0.9 < big.loc[~early, "randomiserad"].mean()
    assert big.loc[big["randomiserad"] == 0, "grupp"].isna().all()
    first = big.groupby("stadsdel")["inskrivningsdatum"].min().dt.strftime("%Y-%m")
    assert {d: s[:7] for d, s in truth["district_start"].items()} == first.to_dict()
    # blocks of four within district: the arms never differ by more than two in a district
    counts = big[big["randomiserad"] == 1].groupby(["stadsdel", "grupp"]).size().unstack()
    assert ((counts["Insats"] - counts["Kontroll"]).abs() <= 2).all()
    assert big.loc[big["uppföljning_12m_klar"] == 0, "placering_12m"].isna().all()


def test_foraldrastod_one_sided_noncompliance_and_takeup():
    df = samples.generate("foraldrastod_rct", seed=11, n=20_000)
    assert df.loc[df["erbjuden"] == 0, "deltog"].sum() == 0
    assert abs(df.loc[df["erbjuden"] == 1, "deltog"].mean() - 0.6) < 0.015
    assert (df.loc[df["deltog"] == 1, "antal_träffar"] >= 1).all()
    assert abs(df["stress_efter"].isna().mean() - 0.12) < 0.01


def test_aktiviteter_shares_the_families_and_flow_matches_truth():
    act = samples.load_sample("aktiviteter")
    rct = samples.load_sample("foraldrastod_rct")
    in_study = act[act["i_studien"] == 1].reset_index(drop=True)
    assert in_study["förälder_id"].tolist() == rct["förälder_id"].tolist()
    assert (in_study["påbörjad"].to_numpy() == rct["deltog"].to_numpy()).all()
    truth = samples.truth("aktiviteter")
    big = samples.generate("aktiviteter", seed=5, n=40_000)
    flow = truth["flow_expected_share_of_target_group"]
    for col, share in flow.items():
        assert abs(big[col].mean() - share) < 0.01, col
    started = big[big["påbörjad"] == 1]
    before = started["metod"] == "Gruppträffar"
    comp = truth["completion_among_started"]
    assert abs(started.loc[before, "fullföljd"].mean() - comp["before_2024-01-01"]) < 0.02
    assert abs(started.loc[~before, "fullföljd"].mean() - comp["from_2024-01-01"]) < 0.02
    dropped = big[(big["påbörjad"] == 1) & (big["fullföljd"] == 0)]
    assert dropped["avbrott_datum"].notna().all() and dropped["avbrottsorsak"].notna().all()
    assert big.loc[big["erbjuden"] == 0, "metod"].isna().all()


def test_kostnader_calculated_rows_equal_the_truth_and_ledger_scatters_around_plan():
    df = samples.load_sample("kostnader")
    truth = samples.truth("kostnader")
    calc = df[df["källa"] == "Beräkning"]
    for holder, years in truth["calculated_flows_kr"].items():
        got = calc[calc["budgetansvarig"] == holder].set_index("år")["belopp_kr"]
        assert {str(k): int(v) for k, v in got.items()} == years, holder
    ledger = df[df["källa"] == "Utfall huvudbok"].groupby("år")["belopp_kr"].sum()
    for year, planned in truth["planned_cost_per_year_kr"].items():
        assert abs(ledger[int(year)] / planned - 1) < 0.03
    assert truth["municipal_payback_year"] is not None


def test_utomhuspedagogik_levels_differ_but_grades_are_letters():
    df = samples.load_sample("utomhuspedagogik")
    assert set(df["matte_betyg_åk9"].dropna()) <= set("ABCDEF")
    assert df.groupby("insatsskola")["matte_poäng_före"].mean().diff().iloc[-1] < 0
    assert df["klass"].nunique() == 16


def test_hela_familjen_register_scale_is_fast_and_has_ten_covariates():
    start = time.perf_counter()
    big = samples.generate("hela_familjen", seed=2, n=1_000_000)
    elapsed = time.perf_counter() - start
    assert len(big) == 1_000_000
    assert abs(big["hela_familjen"].mean() - 0.13) < 0.005
    truth = samples.truth("hela_familjen")
    covariates = truth["confounders"] + truth["outcome_only"] + truth["selection_only"] + truth["no_role"]
    assert len(covariates) >= 10 and set(covariates) <= set(big.columns)
    assert elapsed < 15, elapsed


def test_panels_scale_to_many_areas():
    big = samples.generate("hemloshet_stadsdelar", seed=2, n=3000)
    assert big.shape == (3000 * 72, 7)
    assert big.groupby("stadsdel")["projekt_aktivt"].max().sum() == 1
    stag = samples.generate("hemloshet_stadsdelar_forskjuten", seed=2, n=3000)
    starts = stag[stag["projekt_aktivt"] == 1].groupby("stadsdel")["tid"].min()
    assert len(starts) == 1200 and starts.nunique() == 4


def test_staggered_starts_match_the_truth():
    df = samples.load_sample("hemloshet_stadsdelar_forskjuten")
    truth = samples.truth("hemloshet_stadsdelar_forskjuten")
    starts = df[df["projekt_aktivt"] == 1].groupby("stadsdel")["tid"].min().to_dict()
    assert starts == {d: v["start_tid"] for d, v in truth["treated"].items()}
    assert df["försörjningsstöd_boende_tkr"].isna().sum() == 2


def test_register_scale_frame_for_matching_benchmarks():
    start = time.perf_counter()
    big = samples.register_scale(1_000_000, seed=4)
    elapsed = time.perf_counter() - start
    from workbench.data.samples.hela_familjen import REGISTER_COVARIATES

    assert len(REGISTER_COVARIATES) == 10
    assert set(REGISTER_COVARIATES) <= set(big.columns)
    assert all(pd.api.types.is_numeric_dtype(big[c]) for c in big.columns)
    assert abs(big["hela_familjen"].mean() - 0.13) < 0.005
    assert elapsed < 10, elapsed
    with pytest.raises(Exception):
        samples.register_scale(0)
