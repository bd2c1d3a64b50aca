"""Participants and the activity log in the registry: append-only events, exports, verify, migration."""

import datetime as dt
import json

import pytest
import sqlalchemy as sa

import workbench as wb
from workbench.core.errors import OptionError, PrivacyError, RegistryError
from workbench.registry import schema as s
from workbench.registry.api import Registry
from workbench.registry.people import followup_arguments

KEY = b"projektnyckel-for-test-0123456789"
PNR = "19121212-1212"


@pytest.fixture
def reg(db_url):
    r = Registry(db_url, key=KEY)
    yield r
    r.close()


@pytest.fixture
def filled(reg):
    """Four participants: one completer with two activities, one drop-out, one offered, one by pnr."""
    reg.register_participant("A-1", by="anna", district="Norr",
                             stages={"eligible": "2025-01-10", "offered": "2025-01-12",
                                     "started": "2025-01-20", "completed": "2025-03-01"})
    reg.register_participant("A-2", by="anna", district="Söder", subgroup="0-5 år",
                             stages={"eligible": "2025-01-10", "offered": "2025-01-12", "started": "2025-01-21"})
    reg.register_participant("A-3", by="bo", district="Norr", stages={"eligible": "2025-01-11"})
    reg.set_stage("A-3", "offered", by="bo", date="2025-01-15")
    pid = reg.register_participant(PNR, by="bo", district="Söder",
                                   stages={"eligible": None, "offered": None, "started": None})
    reg.log_activity("A-1", by="anna", kind="Gruppträff", date="2025-01-20", minutes=90, delivered_by="Eva")
    reg.log_activity("A-1", by="anna", kind="Hembesök", date=dt.date(2025, 2, 3), minutes="45")
    reg.log_activity("A-2", by="anna", kind="Gruppträff", date="2025-01-21")
    reg.log_activity(PNR, by="bo", kind="Telefonsamtal", minutes="15")
    reg.record_dropout("A-2", by="anna", reason="Flyttade", date="2025-02-10")
    return reg, pid


def test_export_is_shaped_for_activity_followup(filled):
    reg, pid = filled
    table = reg.participants_table().set_index("participant_id")
    assert sorted(table.index) == sorted(["A-1", "A-2", "A-3", pid])
    assert table.loc["A-1", ["eligible", "offered", "started", "completed"]].tolist() == [1, 1, 1, 1]
    assert table.loc["A-3", ["eligible", "offered", "started", "completed"]].tolist() == [1, 1, 0, 0]
    assert table.loc["A-2", "dropout"] == 1 and table.loc["A-2", "dropout_reason"] == "Flyttade"
    assert str(table.loc["A-2", "dropout_date"].date()) == "2025-02-10"
    assert str(table.loc["A-1", "completed_date"].date()) == "2025-03-01"
    assert table["dose"].to_dict() == {"A-1": 2, "A-2": 1, "A-3": 0, pid: 1}
    assert table.loc["A-1", "minutes"] == 135 and table.loc["A-2", "subgroup"] == "0-5 år"
    acts = reg.activities_table()
    assert list(acts["kind"]) == ["Gruppträff", "Hembesök", "Gruppträff", "Telefonsamtal"]
    assert acts["minutes"].tolist()[:2] == [90, 45] and acts["delivered_by"].iloc[0] == "Eva"

    result = wb.activity_followup(reg.participants_table(), **followup_arguments(reg.participants_table()))
    flow = dict(zip(result.flow["stage"], result.flow["n"]))
    assert flow == {"target_group": 4, "eligible": 4, "offered": 4, "started": 3, "completed": 1}
    assert int(result.dropout["n_dropout"].iloc[0]) == 2  # A-2 and the pnr participant did not complete
    assert result.credible and result.rung == 2
    assert "Flyttade" in set(result.dropout_reasons["reason"])
    json.dumps(result.to_dict())


def test_personnummer_only_as_pseudonym(filled, db_url):
    reg, pid = filled
    from workbench.data.privacy import pseudonym

    assert pid == pseudonym(PNR, KEY) and PNR not in pid
    engine = sa.create_engine(reg.url)
    with engine.connect() as conn:
        dump = []
        for table in s.metadata.sorted_tables:
            dump += [str(tuple(r)) for r in conn.execute(sa.select(table))]
    engine.dispose()
    text = "\n".join(dump)
    assert pid in text and PNR not in text and PNR.replace("-", "") not in text
    assert reg.participant_state(PNR)["participant_id"] == pid
    for frame in (reg.participants_table(), reg.activities_table(), reg.latest_people_events()):
        assert PNR not in frame.to_csv()
    no_key = Registry(db_url)
    try:
        with pytest.raises(PrivacyError):
            no_key.register_participant("19121212-1212", by="anna")
    finally:
        no_key.close()


def test_corrections_are_new_events_and_the_chain_holds(filled):
    reg, pid = filled
    n_before = reg.head()[0]
    first_activity = int(reg.activities_table()["activity_no"].iloc[0])
    reg.set_stage("A-1", "completed", by="anna", done=False)
    reg.cancel_dropout("A-2", by="anna", reason="Felregistrerat")
    reg.correct_participant("A-3", "district", "Söder", by="bo", reason="Fel stadsdel")
    reg.retract_activity(first_activity, by="anna", reason="Fel deltagare")
    assert reg.head()[0] == n_before + 4
    table = reg.participants_table().set_index("participant_id")
    assert table.loc["A-1", "completed"] == 0 and table.loc["A-1", "dose"] == 1
    assert table.loc["A-2", "dropout"] == 0 and table.loc["A-3", "district"] == "Söder"
    assert first_activity not in set(reg.activities_table()["activity_no"])
    assert reg.activities_table(include_retracted=True)["retracted"].sum() == 1
    report = reg.verify()
    assert report.ok, report.problems
    kinds = list(reg.latest_people_events(4)["kind"])
    assert kinds == ["activity_retracted", "participant_corrected", "dropout_cancelled", "participant_stage"]


def test_bad_input_is_refused_and_nothing_written(reg):
    reg.register_participant("B-1", by="anna")
    head = reg.head()
    cases = [
        (RegistryError, "redan registrerad", lambda: reg.register_participant("B-1", by="anna")),
        (RegistryError, "finns inte i registret", lambda: reg.log_activity("B-9", by="anna", kind="Samtal")),
        (RegistryError, "ÅÅÅÅ-MM-DD", lambda: reg.log_activity("B-1", by="anna", kind="Samtal", date="14/3")),
        (RegistryError, "framtiden", lambda: reg.set_stage("B-1", "offered", by="anna", date="2999-01-01")),
        (RegistryError, "minuter", lambda: reg.log_activity("B-1", by="anna", kind="Samtal", minutes="-5")),
        (RegistryError, "minuter", lambda: reg.log_activity("B-1", by="anna", kind="Samtal", minutes="lång")),
        (RegistryError, "minuter", lambda: reg.log_activity("B-1", by="anna", kind="Samtal", minutes="nan")),
        (RegistryError, "minuter", lambda: reg.log_activity("B-1", by="anna", kind="Samtal", minutes="inf")),
        (RegistryError, "fyllas i", lambda: reg.log_activity("B-1", by="anna", kind=" ")),
        (RegistryError, "fyllas i", lambda: reg.record_dropout("B-1", by="anna", reason="")),
        (OptionError, "started", lambda: reg.set_stage("B-1", "startade", by="anna")),
        (OptionError, "district", lambda: reg.correct_participant("B-1", "arm", "x", by="a", reason="r")),
        (RegistryError, "Aktivitet nummer 999", lambda: reg.retract_activity(999, by="anna", reason="r")),
        (RegistryError, None, lambda: reg.register_participant("", by="anna")),
        (RegistryError, None, lambda: reg.register_participant("B-2", by="")),
    ]
    for error, text, call in cases:
        with pytest.raises(error) as info:
            call()
        if text:
            assert text in str(info.value), str(info.value)
    assert reg.head() == head
    with pytest.raises(RegistryError, match="future"):
        reg.log_activity("B-1", by="anna", kind="Call", date="2999-01-01", lang="en")


def test_empty_export_has_the_columns(reg):
    table = reg.participants_table()
    assert table.empty and {"participant_id", "eligible", "completed", "dose", "dropout_reason"} <= set(table.columns)
    assert reg.activities_table().empty and reg.latest_people_events().empty


def _drop_guards(reg):
    with reg._db.engine.begin() as conn:
        for table in s.GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if reg._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))


@pytest.mark.parametrize("statement", ["UPDATE wb_participants SET district='x'",
                                       "UPDATE wb_activities SET minutes=5", "DELETE FROM wb_participant_updates"])
def test_people_tables_are_append_only(filled, statement):
    reg, _ = filled
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reg._db.engine.begin() as conn:
            conn.execute(sa.text(statement))


@pytest.mark.parametrize(("statement", "finding"), [
    ("UPDATE wb_participants SET district='Väster' WHERE participant_id='A-1'", "row_altered"),
    ("UPDATE wb_activities SET minutes=600 WHERE participant_id='A-1'", "row_altered"),
    ("UPDATE wb_participant_updates SET value='1' WHERE kind='participant_stage' AND value='1' "
     "AND participant_id='A-3' AND field='offered'", None),
    ("UPDATE wb_participant_updates SET note='Sjuk' WHERE kind='participant_dropout'", "row_altered"),
    ("DELETE FROM wb_activities WHERE participant_id='A-2'", "row_removed"),
    ("DELETE FROM wb_participants WHERE participant_id='A-3'", "row_removed"),
    ("INSERT INTO wb_activities (event_seq, participant_id, on_date, kind, minutes, delivered_by, \"by\", "
     "created_at) VALUES (9999, 'A-3', '2025-01-01', 'Gruppträff', 60, NULL, 'x', '2025-01-01')", "row_inserted"),
    ("UPDATE wb_events SET payload=replace(payload, 'Flyttade', 'Sjuk') WHERE kind='participant_dropout'",
     "altered"),
    ("DELETE FROM wb_events WHERE kind='activity_logged' AND participant_id='A-2'", "removed"),
])
def test_tampering_with_people_rows_is_detected(filled, statement, finding):
    reg, _ = filled
    assert reg.verify().ok
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        conn.execute(sa.text(statement))
    report = reg.verify()
    if finding is None:  # an update that changes nothing is no tampering
        assert report.ok
        return
    keys = {f["key"].split(".")[-1] for f in report.findings}
    assert not report.ok and finding in keys, report.problems
    assert any(("wb_" in p or "händelse" in p.lower() or "Händelse" in p) for p in report.problems)


def test_migration_from_version_2_adds_people_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'v2.sqlite'}"
    engine = sa.create_engine(url)
    people = {t.name for t in s.PEOPLE_TABLES}
    with engine.begin() as conn:
        for table in s.metadata.sorted_tables:
            if table.name not in people:
                table.create(conn)
        s.install_guards(conn)
        conn.execute(sa.insert(s.meta).values(key="schema_version", value="2"))
        assert not (people & set(sa.inspect(conn).get_table_names()))
    engine.dispose()
    reg = Registry(url, key=KEY)
    try:
        assert reg.schema_version == s.SCHEMA_VERSION >= 3
        reg.create_trial("gammal", owner="olle").randomize("C-1", by="olle")
        reg.register_participant("C-1", by="anna", stages={"started": None})
        reg.log_activity("C-1", by="anna", kind="Hembesök", minutes=30)
        assert reg.verify().ok
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with reg._db.engine.begin() as conn:
                conn.execute(sa.text("DELETE FROM wb_activities"))
    finally:
        reg.close()
