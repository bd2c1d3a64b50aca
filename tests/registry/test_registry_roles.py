"""Roles the registry enforces: owner, staff and viewer per project and trial, every change an event."""

import pytest
import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s
from workbench.registry.api import Registry
from workbench.registry.audit import append_event

KEY = bytes(range(32))


@pytest.fixture
def staffed(registry):
    reg = registry
    trial = reg.create_trial("roller", strata={"stadsdel": ["Norr", "Söder"]}, seed=5)
    reg.set_role("agare", "owner", by="utvarderare")          # the first grant: the project's owner
    reg.set_role("personal1", "staff", by="agare")
    reg.set_role("personal2", "staff", by="agare")
    reg.set_role("lasare", "viewer", by="agare")
    return reg, trial


def _n_events(reg):
    return reg.head()[0]


def test_one_person_mode_until_the_first_grant(registry):
    trial = registry.create_trial("ensam", seed=1)
    assert trial.randomize("A", by="vem-som-helst").arm in trial.arms
    assert registry.may_open("vem-som-helst") and not registry.may_open("vem-som-helst", strict=True)
    with pytest.raises(RegistryError, match="ingen ägare ännu"):
        registry.set_role("anna", "staff", by="anna")
    registry.set_role("agare", "owner", by="anna")
    with pytest.raises(RegistryError, match="får inte slumpa"):
        trial.randomize("B", by="vem-som-helst")
    assert not registry.may_open("vem-som-helst") and registry.may_open("agare")


def test_only_an_owner_changes_roles_and_each_change_is_an_event(staffed):
    reg, trial = staffed
    before = _n_events(reg)
    with pytest.raises(RegistryError, match="Bara projektets ägare"):
        reg.set_role("personal2", "owner", by="personal1")
    with pytest.raises(RegistryError, match="Bara studieägaren"):
        trial.set_role("personal2", "owner", by="personal1")
    with pytest.raises(RegistryError, match="finns inte"):
        reg.set_role("x", "admin", by="agare")
    assert _n_events(reg) == before  # nothing written on refusal
    log = trial.event_log()
    assert reg.role("personal1") == "staff" and reg.role("lasare") == "viewer"
    trial.set_role("lasare", "staff", by="agare")             # a trial role comes first
    assert trial.role("lasare") == "staff" and reg.role("lasare") == "viewer"
    reg.set_role("personal2", None, by="agare")
    assert reg.role("personal2") is None and trial.role("personal2") is None
    with reg._db.read() as conn:
        kinds = [(e.kind, e.by) for e in conn.execute(sa.select(s.events.c.kind, s.events.c.by)
                                                        .where(s.events.c.kind.like("role_%")))]
    assert kinds[0] == ("role_granted", "utvarderare") and ("role_revoked", "agare") in kinds
    assert len(kinds) == 6 and len(log) >= 1
    assert reg.verify().ok


def test_staff_see_only_their_own_and_no_totals(staffed):
    reg, trial = staffed
    a = trial.randomize("P1", strata={"stadsdel": "Norr"}, by="personal1")
    trial.randomize("P2", strata={"stadsdel": "Söder"}, by="personal2")
    before = _n_events(reg)
    with pytest.raises(RegistryError, match="slumpades av någon annan"):
        trial.randomize("P1", strata={"stadsdel": "Norr"}, by="personal2")
    with pytest.raises(RegistryError, match="slumpades av någon annan"):
        trial.lookup("P1", viewer="personal2")
    assert _n_events(reg) == before
    assert trial.randomize("P1", strata={"stadsdel": "Norr"}, by="personal1").arm == a.arm
    assert list(trial.allocations(viewer="personal2")["participant_id"]) == ["P2"]
    assert list(trial.allocations(viewer="lasare")["participant_id"]) == []
    for user in ("personal1", "lasare"):
        with pytest.raises(RegistryError):
            trial.arm_totals(viewer=user)
    totals = trial.arm_totals(viewer="agare")
    assert int(totals[list(trial.arms)].to_numpy().sum()) == 2
    assert trial.lookup("P1", viewer="agare").arm == a.arm


def test_viewers_and_strangers_write_nothing(staffed):
    reg, trial = staffed
    before = _n_events(reg)
    with pytest.raises(RegistryError, match="läsbehörighet.*Inget har sparats"):
        trial.randomize("V1", strata={"stadsdel": "Norr"}, by="lasare")
    with pytest.raises(RegistryError, match="read-only"):
        trial.randomize("V1", strata={"stadsdel": "Norr"}, by="lasare", lang="en")
    with pytest.raises(RegistryError, match="läsbehörighet"):
        reg.register_participant("V1", by="lasare")
    with pytest.raises(RegistryError, match="ingen roll"):
        reg.register_participant("V1", by="okand")
    with pytest.raises(RegistryError, match="får inte slumpa"):
        trial.randomize("V1", strata={"stadsdel": "Norr"}, by="okand")
    assert _n_events(reg) == before
    reg.register_participant("V1", by="personal1")


def test_unblinding_and_correction_need_the_owner_and_a_reason(staffed):
    reg, trial = staffed
    a = trial.randomize("P1", strata={"stadsdel": "Norr"}, by="personal1")
    before = _n_events(reg)
    with pytest.raises(RegistryError, match="Bara studieägaren"):
        trial.unblind("P1", reason="akut placering", by="personal2")
    with pytest.raises(RegistryError, match="anledning"):
        trial.unblind("P1", reason=" ", by="agare")
    with pytest.raises(RegistryError, match="Bara studieägaren"):
        trial.correct(before, reason="fel stadsdel", by="personal1", strata={"stadsdel": "Söder"})
    assert _n_events(reg) == before
    assert trial.unblind("P1", reason="akut placering", by="agare").arm == a.arm
    log = trial.event_log(viewer="agare")
    row = log[log["kind"] == "unblinding"].iloc[0]
    assert row["by"] == "agare" and "akut placering" in str(row.to_dict())
    trial.correct(before, reason="fel stadsdel", by="agare", strata={"stadsdel": "Söder"})
    assert reg.verify().ok


def _drop_guards(reg):
    with reg._db.engine.begin() as conn:
        for table in s.GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if reg._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))


def test_a_role_row_added_or_removed_behind_the_log_is_found(staffed):
    reg, _ = staffed
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reg._db.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM wb_role_grants"))
    with reg._db.engine.begin() as conn:  # an insider makes themselves owner
        conn.execute(sa.insert(s.role_grants).values(event_seq=9999, trial_id=None, user="personal1",
                                                     role="owner", by="agare", created_at="2026-01-01"))
    assert reg.role("personal1") == "owner"
    keys = {f["key"].split(".")[-1] for f in reg.verify().findings}
    assert keys == {"role_inserted"}
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM wb_role_grants WHERE \"user\"='lasare'"))
    keys = {f["key"].split(".")[-1] for f in reg.verify().findings}
    assert keys == {"role_inserted", "role_removed"}


def test_migration_from_version_3_rebuilds_staff_grants_from_the_log(tmp_path):
    url = f"sqlite:///{tmp_path / 'v3.sqlite'}"
    reg = Registry(url, key=KEY)
    trial = reg.create_trial("gammal", owner="olle", seed=2)
    with reg._db.engine.begin() as conn:  # what version 3's add_staff wrote: an event and a wb_roles row
        append_event(conn, trial="gammal", kind="role_granted", by="olle",
                     payload={"user": "anna", "role": "staff"})
        conn.execute(sa.insert(s.roles).values(trial_id=1, user="anna", role="staff"))
        conn.exec_driver_sql("DROP TABLE wb_role_grants")
        conn.execute(sa.update(s.meta).where(s.meta.c.key == "schema_version").values(value="3"))
    reg.close()
    reg = Registry(url, key=KEY)
    try:
        assert reg.schema_version == s.SCHEMA_VERSION >= 4
        trial = reg.trial("gammal")
        assert trial.role("anna") == "staff" and trial.role("bo") is None
        assert trial.randomize("C-1", by="anna").arm in trial.arms
        with pytest.raises(RegistryError, match="får inte slumpa"):
            trial.randomize("C-2", by="bo")
        assert reg.verify().ok
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with reg._db.engine.begin() as conn:
                conn.execute(sa.text("DELETE FROM wb_role_grants"))
    finally:
        reg.close()
