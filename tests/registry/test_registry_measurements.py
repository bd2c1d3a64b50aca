"""Measurements in the registry: definitions, checks, corrections, frames for the analyses, import."""

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

import workbench as wb
from workbench.core.errors import PrivacyError, RegistryError
from workbench.data.privacy import pseudonym
from workbench.registry import schema as s
from workbench.registry.api import Registry

KEY = b"projektnyckel-for-test-0123456789"
PNR = "19121212-1212"


@pytest.fixture
def reg(db_url):
    r = Registry(db_url, key=KEY)
    r.define_indicator("stress", minimum=0, maximum=100, unit="poäng", label="Föräldrastress")
    r.define_indicator("egen_forsorjning", kind="binary")
    yield r
    r.close()


def _n(r):
    return r.head()[0]


@pytest.fixture
def trial_reg(reg):
    """40 randomized participants with a baseline and, for most, an after-measure (effect −5)."""
    trial = reg.create_trial("T", seed=7, block_sizes=(4,))
    rng = np.random.default_rng(3)
    for i in range(40):
        a = trial.randomize(f"P-{i}", by="anna")
        base = float(rng.integers(30, 70))
        reg.record_measurement(f"P-{i}", "stress", base, occasion="baslinje", by="anna")
        if i % 8 != 0:  # five participants lost at 'efter'
            after = base - (5 if a.arm == "insats" else 0) + float(rng.integers(-3, 4))
            reg.record_measurement(f"P-{i}", "stress", after, occasion="efter", by="anna")
        reg.record_measurement(f"P-{i}", "egen_forsorjning", "ja" if i % 3 else "nej",
                               occasion="efter", by="anna")
    return reg, trial


def test_bad_input_names_the_value_and_writes_nothing(reg):
    reg.register_participant("A-1", by="anna", registered_on="2025-03-01")
    before = _n(reg)
    cases = [
        (dict(participant_id="A-2", indicator="stress", value=50, occasion="baslinje"), "A-2"),
        (dict(participant_id="A-1", indicator="sömn", value=50, occasion="baslinje"), "sömn"),
        (dict(participant_id="A-1", indicator="stress", value=50, occasion="efter_3"), "efter_3"),
        (dict(participant_id="A-1", indicator="stress", value=101, occasion="baslinje"), "'101'"),
        (dict(participant_id="A-1", indicator="stress", value="hög", occasion="baslinje"), "'hög'"),
        (dict(participant_id="A-1", indicator="egen_forsorjning", value=2, occasion="baslinje"), "'2'"),
        (dict(participant_id="A-1", indicator="stress", value=40, occasion="efter",
              measured_on="2025-02-01"), "2025-02-01"),
        (dict(participant_id="A-1", indicator="stress", value=40, occasion="efter",
              measured_on="2099-01-01"), "2099-01-01"),
    ]
    for kwargs, named in cases:
        with pytest.raises(RegistryError) as info:
            reg.record_measurement(by="anna", **kwargs)
        assert named in str(info.value)
    with pytest.raises(RegistryError, match="före deltagarens start"):
        reg.record_measurement("A-1", "stress", 40, occasion="efter", measured_on="2025-02-01", by="anna")
    with pytest.raises(RegistryError, match="before the participant's start"):
        reg.record_measurement("A-1", "stress", 40, occasion="efter", measured_on="2025-02-01", by="anna",
                               lang="en")
    assert _n(reg) == before
    assert reg.measurements().empty


def test_values_are_read_as_offices_write_them(reg):
    reg.register_participant("A-1", by="anna", registered_on="2025-03-01")
    m = reg.record_measurement("A-1", "stress", "12,5", occasion="baslinje", measured_on="2025-03-02",
                               by="anna")
    assert m.value == 12.5 and m.measured_on == "2025-03-02" and not m.correction
    assert reg.record_measurement("A-1", "egen_forsorjning", "Nej", occasion="baslinje", by="anna").value == 0.0
    assert reg.record_measurement("A-1", "egen_forsorjning", True, occasion="efter", by="anna").value == 1.0


def test_a_second_value_is_a_correction_and_the_old_one_stays_in_the_log(reg):
    reg.register_participant("A-1", by="anna", registered_on="2025-03-01")
    reg.record_measurement("A-1", "stress", 60, occasion="baslinje", by="anna")
    with pytest.raises(RegistryError, match="rättelse"):
        reg.record_measurement("A-1", "stress", 61, occasion="baslinje", by="bo")
    with pytest.raises(RegistryError, match="inget värde att rätta"):
        reg.record_measurement("A-1", "stress", 61, occasion="efter", by="bo", correction=True)
    fixed = reg.record_measurement("A-1", "stress", 16, occasion="baslinje", by="bo", correction=True)
    assert fixed.replaces == 60 and fixed.correction
    long = reg.measurements("stress")
    assert long["value"].tolist() == [16.0]
    hist = reg.measurements("stress", history=True)
    assert hist["value"].tolist() == [60.0, 16.0] and hist["correction"].tolist() == [False, True]
    assert hist["by"].tolist() == ["anna", "bo"]
    assert reg.verify().ok


def test_personnummer_are_pseudonymized_and_match_the_registered_participant(reg):
    pid = reg.register_participant(PNR, by="anna", registered_on="2025-01-10")
    m = reg.record_measurement(PNR.replace("-", ""), "stress", 44, occasion="baslinje", by="anna")
    assert m.participant_id == pid == pseudonym(PNR, KEY)
    with reg._db.read() as conn:
        dump = " ".join(str(tuple(r)) for r in conn.execute(sa.select(s.events)))
    assert PNR not in dump and PNR.replace("-", "") not in dump
    assert reg.measurements()["participant_id"].tolist() == [pid]
    keyless = Registry(reg.url)
    with pytest.raises(PrivacyError):
        keyless.record_measurement(PNR, "stress", 44, occasion="efter", by="anna")
    keyless.close()


def test_viewers_cannot_record_and_staff_without_ownership_see_no_arms(trial_reg):
    reg, trial = trial_reg
    reg.set_role("agare", "owner", by="agare")
    reg.set_role("lasare", "viewer", by="agare")
    reg.set_role("personal", "staff", by="agare")
    before = _n(reg)
    with pytest.raises(RegistryError, match="lasare"):
        reg.record_measurement("P-0", "stress", 40, occasion="efter", by="lasare")
    with pytest.raises(RegistryError):
        reg.record_measurement("P-0", "stress", 40, occasion="efter", by="okand")
    assert _n(reg) == before
    reg.record_measurement("P-0", "stress", 40, occasion="efter", by="personal")
    assert "arm" not in reg.measurements("stress", viewer="personal").columns
    assert "arm" not in reg.measurements("stress", wide=True, viewer="personal").columns
    assert "arm" in reg.measurements("stress", viewer="agare").columns


def test_long_and_wide_frames_go_straight_into_the_analyses(trial_reg):
    reg, trial = trial_reg
    long = reg.measurements("stress")
    assert list(long.columns) == ["participant_id", "indicator", "occasion", "value", "measured_on", "arm"]
    assert len(long) == 40 + 35
    wide = reg.measurements("stress", wide=True)
    assert len(wide) == 40 and wide["participant_id"].is_unique
    assert {"participant_id", "arm", "baslinje", "efter", "uppfoljning_24"} <= set(wide.columns)
    assert wide["efter"].isna().sum() == 5
    alloc = trial.allocations().set_index("participant_id")["arm"]
    assert (wide.set_index("participant_id")["arm"] == alloc.reindex(wide["participant_id"]).values).all()

    itt = wb.rct(wide.dropna(subset=["efter"]), "efter", "arm", treated_arm="insats")
    got = wide.dropna(subset=["efter"])
    by_hand = got.loc[got.arm == "insats", "efter"].mean() - got.loc[got.arm == "kontroll", "efter"].mean()
    assert itt.estimate.estimate == pytest.approx(by_hand) and itt.estimate.n == 35
    assert itt.estimate.estimate < -2  # the built-in effect (−5, noise ±3) is found

    change = wb.prepost(wide.dropna(subset=["baslinje", "efter"]), "baslinje", "efter")
    assert change.estimate.n == 35

    both = wide.dropna(subset=["efter"]).assign(
        taken=lambda d: (d["arm"] == "insats").astype(int), offered=lambda d: (d["arm"] == "insats").astype(int))
    cace = wb.cace(both, "efter", "offered", "taken")
    assert cace.estimate.estimate == pytest.approx(itt.estimate.estimate)

    binary = reg.measurements("egen_forsorjning", wide=True)
    assert set(binary["efter"].dropna()) == {0.0, 1.0}
    with pytest.raises(RegistryError, match="flera indikatorer"):
        reg.measurements(wide=True)


def test_altered_or_removed_measurement_rows_are_found_by_verify(trial_reg):
    reg, _ = trial_reg
    assert reg.verify().ok
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reg._db.engine.begin() as conn:
            conn.execute(sa.text("UPDATE wb_measurements SET value = 1"))
    with reg._db.engine.begin() as conn:  # an insider drops the triggers
        for table in s.GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if reg._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))
    with reg._db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE wb_measurements SET value = 99 WHERE participant_id = 'P-3' "
                             "AND occasion = 'efter' AND indicator = 'stress'"))
        conn.execute(sa.text("DELETE FROM wb_measurements WHERE participant_id = 'P-5' "
                             "AND occasion = 'baslinje'"))
    report = reg.verify()
    keys = sorted(f["key"] for f in report.findings)
    assert keys == ["measure.verify.row_altered", "measure.verify.row_removed"]
    assert any("P-3" in p and "value" in p for p in report.problems)


def test_migration_from_version_4_adds_the_measurement_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'v4.sqlite'}"
    reg = Registry(url, key=KEY)
    reg.create_trial("gammal", seed=2).randomize("C-1", by="anna")
    with reg._db.engine.begin() as conn:
        for t in ("wb_measurements", "wb_occasions", "wb_indicators"):
            conn.exec_driver_sql(f"DROP TABLE {t}")
        conn.execute(sa.update(s.meta).where(s.meta.c.key == "schema_version").values(value="4"))
    reg.close()
    reg = Registry(url, key=KEY)
    try:
        assert reg.schema_version == s.SCHEMA_VERSION == 5
        reg.define_indicator("stress", minimum=0, maximum=100)
        reg.record_measurement("C-1", "stress", 50, occasion="baslinje", by="anna")
        assert reg.verify().ok
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with reg._db.engine.begin() as conn:
                conn.execute(sa.text("DELETE FROM wb_measurements"))
    finally:
        reg.close()


def test_definitions_are_events_and_refuse_silent_changes(reg):
    before = _n(reg)
    assert reg.define_indicator("stress", minimum=0, maximum=100, unit="poäng", label="Föräldrastress")
    assert _n(reg) == before  # the same definition again writes nothing
    with pytest.raises(RegistryError, match="andra inställningar"):
        reg.define_indicator("stress", minimum=0, maximum=10)
    with pytest.raises(RegistryError, match="minimum"):
        reg.define_indicator("x", minimum=5, maximum=1)
    with pytest.raises(RegistryError, match="0 och 1"):
        reg.define_indicator("y", kind="binary", maximum=3)
    reg.define_occasion("efter", months=3, days_before=14, days_after=30)
    reg.define_occasion("uppfoljning_6", months=9)
    occ = reg.occasions()
    assert occ["efter"].months == 3 and list(occ)[:3] == ["baslinje", "efter", "uppfoljning_6"]
    with pytest.raises(RegistryError, match="små bokstäver"):
        reg.define_occasion("Efter 3 mån", months=3)
    assert reg.verify().ok


def test_a_project_registry_takes_its_indicators_from_the_step1_record(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Test", indicators=[
        {"name": "Föräldrastress", "definition": "Summapoäng på skalan, 0–100"},
        {"name": "Egen försörjning", "definition": "Har egen försörjning ja/nej"}])
    reg = Registry(path=project.path, key=project.pseudonym_key())
    try:
        found = reg.indicators()
        assert found["Föräldrastress"].kind == "continuous" and found["Föräldrastress"].maximum == 100
        assert found["Egen försörjning"].kind == "binary"
        reg.register_participant("A-1", by="anna")
        with pytest.raises(RegistryError, match="'101'"):
            reg.record_measurement("A-1", "Föräldrastress", 101, occasion="baslinje", by="anna")
        reg.record_measurement("A-1", "Föräldrastress", 55, occasion="baslinje", by="anna")
        reg.record_measurement("A-1", "Egen försörjning", "ja", occasion="baslinje", by="anna")
        with reg._db.read() as conn:
            kinds = conn.execute(sa.select(s.events.c.kind)).scalars().all()
        assert kinds.count("indicator_defined") == 2
        assert reg.verify().ok
    finally:
        reg.close()


def test_import_is_idempotent_and_failed_rows_are_kept_out_unless_confirmed(reg):
    for i in range(4):
        reg.register_participant(f"A-{i}", by="anna", registered_on="2025-01-01")
    sheet = pd.DataFrame({"id": ["A-0", "A-1", "A-2", "A-9"], "före": [50, "55,5", 101, 40],
                          "efter": [45, None, 60, 38], "datum_efter": ["2025-07-01", None, "2025-07-02",
                                                                       "2025-07-03"]})
    args = dict(participant="id", indicator="stress", occasions={"baslinje": "före", "efter": "efter"},
                dates={"efter": "datum_efter"}, by="anna")
    before = _n(reg)
    first = reg.import_measurements(sheet, **args)
    assert not first.ok and not first.written and _n(reg) == before
    failed = first.failed_table()
    assert failed["row"].tolist() == [4, 5]  # 101 out of range on row 4; unknown A-9 on row 5
    assert "'101'" in failed["message"].iloc[0] and "A-9" in failed["message"].iloc[1]
    kept = reg.import_measurements(sheet, confirm=True, **args)
    assert kept.written and kept.added == 4 and len(kept.failed) == 2
    after_first = _n(reg)
    again = reg.import_measurements(sheet, confirm=True, **args)
    assert again.added == 0 and again.unchanged == 4 and _n(reg) == after_first
    changed = sheet.assign(före=[51, "55,5", 101, 40])
    conflict = reg.import_measurements(changed, confirm=True, **args)
    assert conflict.added == 0 and any("redan 50" in m for _, _, m in conflict.failed)
    fixed = reg.import_measurements(changed, confirm=True, corrections=True, **args)
    assert fixed.corrected == 1
    assert reg.current_measurement("A-0", "stress", "baslinje").value == 51
    assert reg.verify().ok
