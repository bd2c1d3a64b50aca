"""wb.activity_followup (rung 2): flow, reach with small cells hidden, dose, drop-out, fidelity."""

import json

import numpy as np
import pandas as pd
import pytest

import workbench as wb
from workbench.core.errors import ColumnMissingError, ColumnTypeError, DuplicateIdError, InputError, TooFewRowsError

STAGES = {"target_group": None, "eligible": "behorig", "offered": "erbjuden", "started": "startade",
          "completed": "fullfoljde"}


def hand_made():
    """20 people; counts chosen by hand so every number below can be checked on paper."""
    behorig = [1] * 16 + [0] * 4
    erbjuden = [1] * 12 + [0] * 8
    startade = [1] * 10 + [0] * 10
    fullfoljde = [1] * 6 + [0] * 14
    return pd.DataFrame({
        "id": [f"p{i:02d}" for i in range(20)],
        "behorig": behorig, "erbjuden": erbjuden, "startade": startade, "fullfoljde": fullfoljde,
        "traffar": [12, 12, 10, 8, 12, 11, 3, 2, 4, 1] + [0] * 10,
        "skal": [None] * 6 + ["flyttade", "flyttade", "ville inte", None] + [None] * 10,
        "stadsdel": ["Norr"] * 8 + ["Söder"] * 8 + ["Öster"] * 4,
        "alder": [30, 32, 34, 36, 38, 40, 20, 22, 24, 26] + [35] * 10,
    })


def test_flow_counts_and_shares():
    df = hand_made()
    original = df.copy()
    r = wb.activity_followup(df, id="id", stages=STAGES)
    pd.testing.assert_frame_equal(df, original)
    assert list(r.flow["stage"]) == list(STAGES)
    assert list(r.flow["n"]) == [20, 16, 12, 10, 6]
    assert list(r.flow["share_of_target_group"]) == pytest.approx([1, 0.8, 0.6, 0.5, 0.3])
    assert list(r.flow["lost_from_previous"]) == [0, 4, 4, 2, 4]
    assert r.flow["label"].iloc[0] == "Målgrupp"
    d = r.dropout.iloc[0]
    assert (d["n_started"], d["n_completed"], d["n_dropout"]) == (10, 6, 4)
    assert r.credible and r.credibility_problems == ()
    assert r.kind == "activity_followup" and r.rung == 2


def test_dose_dropout_reasons_and_baseline():
    r = wb.activity_followup(hand_made(), id="id", stages=STAGES, dose="traffar", planned_dose=12,
                             dropout_reason="skal", baseline=["alder"])
    started = r.dose.iloc[0]
    assert started["n"] == 10 and started["mean"] == pytest.approx(7.5)
    assert started["delivered_of_planned"] == pytest.approx(75 / 120)
    assert started["share_full_dose"] == pytest.approx(0.3)
    dropped = r.dose.iloc[2]
    assert dropped["mean"] == pytest.approx(2.5)
    reasons = r.dropout_reasons.set_index("reason")["n"].to_dict()
    assert reasons == {"flyttade": 2, "uppgift saknas": 1, "ville inte": 1}
    base = r.dropout_baseline.iloc[0]
    assert base["mean_dropout"] == pytest.approx(23) and base["mean_completed"] == pytest.approx(35)
    assert any("skiljer sig" in w for w in r.warnings)
    assert any("avbröt" in w for w in r.warnings)  # 40 % drop-out > 30 %
    timing = r.dropout_timing.set_index("when")["n"].to_dict()
    assert timing == {1: 1, 2: 1, 3: 1, 4: 1}


def test_reach_by_subgroup_hides_small_cells():
    r = wb.activity_followup(hand_made(), id="id", stages=STAGES, subgroups=["stadsdel"], min_cell=3)
    reach = r.reach.set_index("level")
    assert reach.loc["alla", "n_reached"] == 10 and reach.loc["alla", "share_reached"] == pytest.approx(0.5)
    # Söder: 2 reached of 8 -> hidden (primary); the privacy helper hides one more row so the 2
    # cannot be recovered from the overall total of 10 reached (secondary)
    assert reach.loc["Söder", "suppressed"] and np.isnan(reach.loc["Söder", "n_reached"])
    assert np.isnan(reach.loc["Söder", "share_reached"])
    by_district = reach.loc[["Norr", "Söder", "Öster"]]
    assert by_district["n_reached"].isna().sum() >= 2
    shown = by_district["n_reached"].dropna()
    assert ((shown == 0) | (shown >= 3)).all()
    assert any("dolda" in w for w in r.warnings)
    r2 = wb.activity_followup(hand_made(), id="id", stages=STAGES, subgroups=["stadsdel"], min_cell=2)
    assert not r2.reach["suppressed"].any()


def test_fidelity_method_changes_and_contacts():
    fid = pd.DataFrame({"aktivitet": ["grupp", "hembesök"], "plan": [10, 4], "gjort": [9, 1]})
    contacts = pd.DataFrame({"id": ["p00"] * 5 + ["p01"] * 3 + ["p06"]})
    r = wb.activity_followup(hand_made(), id="id", stages=STAGES, contacts=contacts, fidelity=fid,
                             fidelity_columns=("aktivitet", "plan", "gjort"),
                             method_changes=[{"datum": "2026-03-01", "ändring": "kortare träffar"}])
    assert r.fidelity.iloc[-1]["share_delivered"] == pytest.approx(10 / 14)
    assert r.dose.iloc[0]["sum"] == 9
    assert len(r.method_changes) == 1
    assert "Metodändringar" in r.explain("sv")
    with pytest.raises(ColumnMissingError, match="programtrohet"):
        wb.activity_followup(hand_made(), id="id", stages=STAGES, fidelity=fid)


def test_target_group_given_as_count():
    participants = hand_made().iloc[:12]  # only those offered
    stages = {"target_group": 60, "offered": "erbjuden", "started": "startade", "completed": "fullfoljde"}
    r = wb.activity_followup(participants, id="id", stages=stages, subgroups=["stadsdel"])
    assert list(r.flow["n"]) == [60, 12, 10, 6]
    assert r.flow["share_of_target_group"].iloc[2] == pytest.approx(10 / 60)
    assert r.reach["share_reached"].iloc[1:].isna().all()
    with pytest.raises(InputError, match="mindre än antalet"):
        wb.activity_followup(participants, id="id", stages={**stages, "target_group": 5})


def test_not_credible_without_completed_stage_or_starters():
    r = wb.activity_followup(hand_made(), id="id", stages={"target_group": None, "started": "startade"}, lang="en")
    assert not r.credible and "three stages" in r.problems_in("en")[0]  # rendered when read, in the language asked
    df = hand_made().assign(startade=0, fullfoljde=0)
    r2 = wb.activity_followup(df, id="id", stages=STAGES)
    assert not r2.credible and "ingen" in r2.credibility_problems[0]
    from workbench.ladder.status import evaluate

    assert not evaluate({}, [r2.to_dict()]).step(2).done
    good = wb.activity_followup(hand_made(), id="id", stages=STAGES)
    assert evaluate({}, [good.to_dict()]).step(2).done


def test_warnings_for_inconsistent_flow_and_participants_only():
    df = hand_made()
    df.loc[15, "startade"] = 1  # started without being offered
    r = wb.activity_followup(df, id="id", stages=STAGES)
    assert any("inte 'erbjuden' = 1" in w for w in r.warnings)
    only = hand_made().iloc[:10]
    r2 = wb.activity_followup(only, id="id", stages={"target_group": None, "started": "startade",
                                                     "completed": "fullfoljde"})
    assert any("bara innehålla deltagare" in w for w in r2.warnings)


def test_protocol():
    r = wb.activity_followup(hand_made(), id="id", stages=STAGES, dose="traffar", planned_dose=12,
                             dropout_reason="skal", subgroups=["stadsdel"], baseline=["alder", "stadsdel"])
    payload = r.to_dict()
    text = json.dumps(payload, ensure_ascii=False)
    assert payload["credible"] is True and payload["kind"] == "activity_followup"
    assert "fullfoljde" in text
    sv, en = r.explain("sv"), r.explain("en")
    assert sv != en
    assert "inte om insatsen hjälpte" in sv and "not whether the intervention helped" in en
    spec = r.chart().to_dict()
    assert "hconcat" in spec
    flow_only = wb.activity_followup(hand_made(), id="id", stages=STAGES).chart().to_dict()
    assert "layer" in flow_only
    s = r.summary()
    assert {"reach", "dropout", "dose_mean", "dose_share_planned"} <= set(s["measure"])
    assert "<div" in r._repr_html_()


def test_bad_inputs_give_swedish_errors():
    df = hand_made()
    with pytest.raises(ColumnMissingError, match="Kolumnen 'saknas' saknas"):
        wb.activity_followup(df, id="id", stages={**STAGES, "started": "saknas"})
    with pytest.raises(ColumnMissingError):
        wb.activity_followup(df, id="pnr", stages=STAGES)
    bad = df.assign(startade=df["startade"].astype(str))
    bad.loc[2, "startade"] = "kanske"
    with pytest.raises(ColumnTypeError, match="0 och 1"):
        wb.activity_followup(bad, id="id", stages=STAGES)
    text_dose = df.assign(traffar=df["traffar"].astype(str))
    text_dose.loc[4, "traffar"] = "tolv"
    with pytest.raises(ColumnTypeError, match="rad 6"):
        wb.activity_followup(text_dose, id="id", stages=STAGES, dose="traffar")
    with pytest.raises(DuplicateIdError):
        wb.activity_followup(df.assign(id="samma"), id="id", stages=STAGES)
    with pytest.raises(InputError, match="Ange stegen"):
        wb.activity_followup(df, id="id", stages={})
    with pytest.raises(InputError, match="kolumnnamn"):
        wb.activity_followup(df, id="id", stages={"target_group": None, "started": 5})
    with pytest.raises(InputError, match="finns inte"):
        wb.activity_followup(df, id="id", stages=STAGES, reach_stage="okänt")
    with pytest.raises(InputError, match="negativa"):
        wb.activity_followup(df.assign(traffar=-1), id="id", stages=STAGES, dose="traffar")
    with pytest.raises(TooFewRowsError):
        wb.activity_followup(df.iloc[:0], id="id", stages=STAGES)


def test_stage_labels_override():
    r = wb.activity_followup(hand_made(), id="id", stages=STAGES, stage_labels={"eligible": "Behöriga enligt bedömning"},
                             lang="en")
    assert r.flow["label"].iloc[1] == "Behöriga enligt bedömning"
    assert "Behöriga enligt bedömning" in r.explain("sv") and "Behöriga enligt bedömning" in r.explain("en")
    assert "Offered" in r.explain("en") and "Erbjudna" in r.explain("sv")
    with pytest.raises(InputError):
        wb.activity_followup(hand_made(), id="id", stages=STAGES, stage_labels={"okänt": "x"})


def test_dropout_time_as_dates_is_counted_by_month():
    df = hand_made()
    df["avbrott"] = pd.to_datetime([None] * 6 + ["2025-01-03", "2025-01-20", "2025-03-01", None] + [None] * 10)
    r = wb.activity_followup(df, id="id", stages=STAGES, dropout_time="avbrott",
                             method_changes=pd.DataFrame({"datum": pd.to_datetime(["2025-02-01"]), "ändring": ["x"]}))
    assert r.dropout_timing.set_index("when")["n"].to_dict() == {"2025-01": 2, "2025-03": 1, "uppgift saknas": 1}
    json.dumps(r.to_dict())
