"""Signed receipts of the chain head find the newest events deleted, which the chain alone cannot.

Each test plays someone with full database rights: the append-only triggers are dropped first,
then rows are deleted or rewritten, on SQLite and on PostgreSQL.
"""

import json

import pytest
import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry.api import Registry
from workbench.registry.audit import GENESIS, event_body, event_hash
from workbench.registry.receipts import short_code
from workbench.registry.schema import GUARDED

KEY = bytes(range(32))


@pytest.fixture
def project_reg(db_url, tmp_path):
    reg = Registry(db_url, path=tmp_path / "projekt", key=KEY)
    trial = reg.create_trial("kvitto", strata={"stadsdel": ["Norr", "Söder"]}, seed=11, owner="olle")
    allocs = [trial.randomize(f"K{i}", strata={"stadsdel": ("Norr", "Söder")[i % 2]}, by="anna")
              for i in range(6)]
    yield reg, trial, allocs
    reg.close()


def _drop_guards(reg):
    with reg._db.engine.begin() as conn:
        for table in GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if reg._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))


def _delete_newest_allocation(reg, trial):
    """Delete the newest allocation row and its event, as an insider covering a draw would."""
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        seq, pid = conn.execute(sa.text("SELECT seq, participant_id FROM wb_events WHERE kind='allocation' "
                                        "ORDER BY seq DESC LIMIT 1")).one()
        newest = conn.execute(sa.text("SELECT max(seq) FROM wb_events")).scalar_one()
        assert newest == seq  # the allocation is the newest event
        conn.execute(sa.text("DELETE FROM wb_allocations WHERE participant_id=:p"), {"p": pid})
        conn.execute(sa.text("DELETE FROM wb_events WHERE seq=:s"), {"s": seq})
    return seq, pid


def _keys(report):
    return [f["key"].split(".")[-1] for f in report.findings]


def test_receipt_written_after_every_allocation_and_shown_as_short_code(project_reg):
    reg, _, allocs = project_reg
    lines = reg.receipts_file.read_text(encoding="ascii").splitlines()
    assert reg.receipts_file == reg.receipts_file.parent.parent / "register" / "kvitton.txt"
    codes = [short_code(line) for line in lines]
    for a in allocs:
        assert a.receipt in codes
    assert len({a.receipt for a in allocs}) == len(allocs)
    seq, digest = reg.head()
    assert lines[-1].startswith(f"wbk1.{seq}.{digest}.")
    assert reg.verify().ok


def test_deleted_newest_allocation_and_its_event_is_reported(project_reg):
    reg, trial, _ = project_reg
    seq, pid = _delete_newest_allocation(reg, trial)
    # the chain alone cannot see it: what is left is a valid chain
    assert reg.verify(checkpoints=[]).ok
    report = reg.verify()  # the receipts stored in the project folder
    assert not report.ok
    assert _keys(report)[0] == "truncated"
    assert report.findings[0]["first"] == seq and report.findings[0]["last"] == seq
    assert any(f"Första saknade händelse: {seq}." in p for p in report.problems)
    assert f"First missing event: {seq}." in reg.verify(lang="en").problems[0]
    assert trial.lookup(pid) is None


def test_explicit_receipt_and_short_code_without_project_folder(db_url, tmp_path):
    reg = Registry(db_url, key=KEY)  # a bare URL: receipts are kept by whoever takes them
    if db_url.startswith("sqlite"):
        reg.receipts_file.unlink(missing_ok=True)
    trial = reg.create_trial("bar", seed=3)
    for i in range(3):
        trial.randomize(f"B{i}", by="anna")
    receipt = reg.checkpoint()
    last = trial.randomize("B9", by="anna")
    assert reg.verify(checkpoints=[receipt, last.receipt]).ok
    seq, _ = _delete_newest_allocation(reg, trial)
    report = reg.verify(checkpoints=[receipt, last.receipt])
    assert _keys(report) == ["truncated"] and report.findings[0]["first"] == seq
    # the older receipt alone still matches what is left
    assert reg.verify(checkpoints=[receipt]).ok
    reg.close()


def test_rewritten_chain_with_recomputed_hashes_is_caught_by_receipts(project_reg):
    reg, _, _ = project_reg
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        rows = conn.execute(sa.text('SELECT seq, trial, kind, participant_id, payload, "by", created_at '
                                    "FROM wb_events ORDER BY seq")).all()
        prev = GENESIS
        for r in rows:  # change who randomized K2, then rebuild every hash after it
            by = "mallory" if r.participant_id == "K2" else r.by
            digest = event_hash(prev, event_body(r.seq, r.trial, r.kind, r.participant_id,
                                                 json.loads(r.payload), by, r.created_at))
            conn.execute(sa.text('UPDATE wb_events SET "by"=:b, prev_hash=:p, hash=:h WHERE seq=:s'),
                         {"b": by, "p": prev, "h": digest, "s": r.seq})
            prev = digest
        conn.execute(sa.text("UPDATE wb_allocations SET \"by\"='mallory' WHERE participant_id='K2'"))
        k2 = conn.execute(sa.text("SELECT seq FROM wb_events WHERE participant_id='K2'")).scalar_one()
    assert reg.verify(checkpoints=[]).ok  # chain and rows agree again
    report = reg.verify()
    assert _keys(report) == ["receipt_mismatch"]
    assert report.findings[0]["seq"] == k2


def test_altered_events_still_reported_with_receipts(project_reg):
    reg, _, _ = project_reg
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE wb_events SET \"by\"='x' WHERE participant_id='K1'"))
    keys = _keys(reg.verify())
    assert "altered" in keys and "truncated" not in keys  # the stored hash still matches its receipt
    # with the newest event deleted as well, both are named
    _delete_newest_allocation(reg, None)
    keys = _keys(reg.verify())
    assert keys[0] == "truncated" and "altered" in keys


def test_forged_and_foreign_receipts(project_reg, tmp_path):
    reg, _, _ = project_reg
    other = Registry(f"sqlite:///{tmp_path / 'annan.sqlite'}", key=b"another key of 16+ bytes")
    other.create_trial("annan", seed=1)
    foreign = other.checkpoint()
    other.close()
    report = reg.verify(checkpoints=[foreign, "inte ett kvitto"])
    assert set(_keys(report)) == {"receipt_forged", "receipt_unreadable"}
    seq, digest = reg.head()
    tampered = f"wbk1.{seq + 5}.{digest}.{'0' * 64}"  # a made-up receipt cannot claim deletions
    assert _keys(reg.verify(checkpoints=[tampered])) == ["receipt_forged"]


def test_checkpoint_needs_the_key(db_url, tmp_path):
    reg = Registry(db_url)
    with pytest.raises(RegistryError, match="projektets nyckel"):
        reg.checkpoint()
    with pytest.raises(RegistryError, match="project's key"):
        reg.checkpoint(lang="en")
    reg.close()


def test_project_registry_reads_its_key_file(tmp_path):
    from workbench.project.folder import Project

    project = Project.create(tmp_path / "p", name="Kvittoprojekt")
    key = project.pseudonym_key()
    with Registry(path=project.path, key=key) as reg:
        reg.create_trial("t", seed=2).randomize("A", by="anna")
    with Registry(path=project.path) as reg:  # no key given: the project's key file signs and checks
        assert reg.verify().ok
        assert reg.checkpoint().startswith("wbk1.")
        trial = reg.trial("t")
        _delete_newest_allocation(reg, trial)
        assert _keys(reg.verify())[0] == "truncated"


def test_a_receipt_that_cannot_be_written_only_warns(tmp_path):
    from workbench.core.errors import WorkbenchWarning

    reg = Registry(path=tmp_path / "p", key=KEY)
    trial = reg.create_trial("t", seed=4)
    reg.receipts_file.unlink()
    reg.receipts_file.mkdir()  # not a file: appending fails
    with pytest.warns(WorkbenchWarning, match="Händelsen är sparad"):
        a = trial.randomize("A", by="anna")
    assert trial.lookup("A").arm == a.arm and a.receipt is not None
    reg.close()
