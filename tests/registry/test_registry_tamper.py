"""Tampering with any stored row is found by verify(), which names the event or participant."""

import json

import pytest
import sqlalchemy as sa

from workbench.registry.api import Registry


@pytest.fixture
def filled(registry):
    trial = registry.create_trial("kedja", strata={"stadsdel": ["Norr", "Söder"]}, seed=7,
                                  owner="olle")
    for i in range(12):
        trial.randomize(f"D{i}", strata={"stadsdel": ("Norr", "Söder")[i % 2]}, by="anna")
    trial.withdraw("D3", reason="flyttade", by="anna")
    assert registry.verify().ok
    return registry, trial


def _drop_guards(reg: Registry) -> None:
    """What someone with full database rights would do first: remove the append-only triggers."""
    from workbench.registry.schema import GUARDED

    with reg._db.engine.begin() as conn:
        for table in GUARDED:
            for action in ("update", "delete"):
                on = f" ON {table}" if reg._db.dialect == "postgresql" else ""
                conn.execute(sa.text(f"DROP TRIGGER IF EXISTS {table}_no_{action}{on}"))


def _sql(reg: Registry, statement: str, **params):
    _drop_guards(reg)
    with reg._db.engine.begin() as conn:
        conn.execute(sa.text(statement), params)


def _alloc_event(reg, pid):
    with reg._db.engine.connect() as conn:
        return conn.execute(sa.text("SELECT seq, payload FROM wb_events WHERE kind='allocation' "
                                    "AND participant_id=:p"), {"p": pid}).one()


def _keys(report):
    return {f["key"].split(".")[-1] for f in report.findings}


def test_untouched_registry_verifies(filled):
    reg, _ = filled
    report = reg.verify()
    assert report.ok and report.problems == ()
    assert "intakt" in report.text("sv") and "intact" in report.text("en")


@pytest.mark.parametrize("statement", [
    "UPDATE wb_events SET \"by\"='x'", "DELETE FROM wb_events WHERE seq=3",
    "UPDATE wb_allocations SET arm='x'", "DELETE FROM wb_allocations",
    "UPDATE wb_sequence SET arm='x'", "DELETE FROM wb_sequence",
    "UPDATE wb_trials SET config='{}'", "DELETE FROM wb_trials",
])
def test_database_refuses_updates_and_deletes(filled, statement):
    reg, _ = filled
    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with reg._db.engine.begin() as conn:
            conn.execute(sa.text(statement))
    assert reg.verify().ok


def test_changed_arm_in_allocation_row(filled):
    reg, trial = filled
    arm = trial.lookup("D5").arm
    other = [a for a in trial.arms if a != arm][0]
    _sql(reg, "UPDATE wb_allocations SET arm=:a WHERE participant_id='D5'", a=other)
    report = reg.verify()
    assert not report.ok
    assert any("D5" in p and "arm" in p for p in report.problems)


def test_changed_arm_in_event(filled):
    reg, _ = filled
    seq, payload = _alloc_event(reg, "D6")
    data = json.loads(payload)
    data["arm"] = "kontroll" if data["arm"] == "insats" else "insats"
    _sql(reg, "UPDATE wb_events SET payload=:p WHERE seq=:s", p=json.dumps(data), s=seq)
    report = reg.verify()
    assert not report.ok
    assert "altered" in _keys(report)
    assert any(f"Händelse {seq} " in p for p in report.problems)


def test_changed_time(filled):
    reg, _ = filled
    seq, _ = _alloc_event(reg, "D2")
    _sql(reg, "UPDATE wb_events SET created_at='2020-01-01T00:00:00.000000+00:00' WHERE seq=:s", s=seq)
    assert {"altered"} <= _keys(reg.verify())


def test_changed_time_in_row_only(filled):
    reg, _ = filled
    _sql(reg, "UPDATE wb_allocations SET created_at='2020-01-01T00:00:00.000000+00:00' "
              "WHERE participant_id='D2'")
    report = reg.verify()
    assert "row_altered" in _keys(report)
    assert any("D2" in p and "created_at" in p for p in report.problems)


def test_swapped_order(filled):
    reg, _ = filled
    a, _ = _alloc_event(reg, "D4")
    b, _ = _alloc_event(reg, "D5")
    _sql(reg, "UPDATE wb_events SET seq=-1 WHERE seq=:a", a=a)
    _sql(reg, "UPDATE wb_events SET seq=:a WHERE seq=:b", a=a, b=b)
    _sql(reg, "UPDATE wb_events SET seq=:b WHERE seq=-1", b=b)
    report = reg.verify()
    assert not report.ok
    assert {"altered", "broken_link"} & _keys(report)


def test_swapped_order_numbers_in_rows(filled):
    reg, _ = filled
    _sql(reg, "UPDATE wb_allocations SET order_no = order_no + 1000 WHERE participant_id IN ('D1','D2')")
    _sql(reg, "UPDATE wb_allocations SET order_no = 3 WHERE participant_id='D1'")
    _sql(reg, "UPDATE wb_allocations SET order_no = 2 WHERE participant_id='D2'")
    assert "row_altered" in _keys(reg.verify())


def test_deleted_event(filled):
    reg, _ = filled
    seq, _ = _alloc_event(reg, "D7")
    _sql(reg, "DELETE FROM wb_events WHERE seq=:s", s=seq)
    report = reg.verify()
    assert "removed" in _keys(report)
    assert any(str(seq) in p for p in report.problems)


def test_deleted_allocation_row(filled):
    reg, _ = filled
    _sql(reg, "DELETE FROM wb_allocations WHERE participant_id='D8'")
    report = reg.verify()
    assert "row_removed" in _keys(report)
    assert any("D8" in p for p in report.problems)


def test_inserted_allocation_row(filled):
    reg, trial = filled
    _sql(reg, "INSERT INTO wb_allocations (trial_id, participant_id, list_key, sequence_no, member_no, "
              "order_no, arm, strata, \"by\", created_at, event_seq) VALUES (:t, 'FALSK', "
              "'stadsdel=Norr', 99, 0, 99, 'insats', '{\"stadsdel\": \"Norr\"}', 'x', "
              "'2026-01-01T00:00:00+00:00', 1)", t=trial._id)
    report = reg.verify()
    assert "row_inserted" in _keys(report)
    assert any("FALSK" in p for p in report.problems)


def test_inserted_event(filled):
    reg, _ = filled
    last, head = reg.head()
    _sql(reg, "INSERT INTO wb_events (seq, trial, kind, participant_id, payload, \"by\", created_at, "
              "prev_hash, hash) VALUES (:s, 'kedja', 'withdrawal', 'D1', '{}', 'x', "
              "'2026-01-01T00:00:00+00:00', :h, :h)", s=last + 1, h=head)
    report = reg.verify()
    assert "altered" in _keys(report)
    assert any(f"Händelse {last + 1} " in p for p in report.problems)


def test_changed_sequence_list(filled):
    reg, trial = filled
    _sql(reg, "UPDATE wb_sequence SET arm = CASE WHEN arm='insats' THEN 'kontroll' ELSE 'insats' END "
              "WHERE trial_id=:t AND list_key='stadsdel=Norr' AND position=40", t=trial._id)
    report = reg.verify()
    assert "sequence_altered" in _keys(report)
    assert any("40" in p for p in report.problems)


def test_changed_seed_in_trial_config(filled):
    reg, trial = filled
    with reg._db.engine.connect() as conn:
        cfg = json.loads(conn.execute(sa.text("SELECT config FROM wb_trials")).scalar_one())
    cfg["seed"] = 8
    _sql(reg, "UPDATE wb_trials SET config=:c", c=json.dumps(cfg))
    assert "config_altered" in _keys(reg.verify())


def test_removed_last_allocation_found_with_anchor(filled):
    reg, trial = filled
    trial.randomize("SIST", strata={"stadsdel": "Norr"}, by="anna")
    _, anchor = reg.head()
    seq, _ = _alloc_event(reg, "SIST")
    _sql(reg, "DELETE FROM wb_allocations WHERE participant_id='SIST'")
    _sql(reg, "DELETE FROM wb_events WHERE seq=:s", s=seq)
    report = reg.verify(expected_head=anchor)
    assert "anchor_missing" in _keys(report)
