"""Database schema of the registry (SQLAlchemy 2 Core), its version and the migration path.

Tables
------
``meta``         key/value facts about the database, among them ``schema_version``.
``trials``       one row per trial: its configuration (JSON) and status.
``sequence``     the concealed allocation list of each trial and list (stratum), derived from
                 the trial's recorded seed; it grows by whole blocks and is never rewritten.
``allocations``  one row per randomized participant (a copy of the allocation event, for fast
                 look-up; :func:`workbench.registry.checks.verify_all` checks it against the log).
``events``       the append-only, hash-chained log of everything that happened.
``roles``        version 2–3: trial staff (kept for old databases; no longer written or read).
``role_grants``  who may do what, per project (``trial_id`` NULL) or trial: one append-only row per
                 change, a copy of its ``role_granted``/``role_revoked`` event (:mod:`workbench.registry.roles`).
``indicators``, ``occasions``, ``measurements``
                 the project's indicators, its measurement occasions (timing) and every value
                 measured or corrected (:mod:`workbench.registry.measure_rows`): one row per event.
``participants``, ``participant_updates``, ``activities``
                 the project's participants, their stages/drop-outs/corrections and the activity
                 log (:mod:`workbench.registry.people`): copies of people events, one row per event.

Version 5 adds ``indicators``, ``occasions`` and ``measurements`` (outcomes measured on the
participants at each occasion, :mod:`workbench.registry.measurements`): copies of their events,
append-only. Version 4 adds ``role_grants`` (owner/staff/viewer per project and trial, append-only, filled
from the ``role_granted`` events of older versions). Version 3 adds the three people tables, append-only like the log. Version 2 adds database triggers that refuse UPDATE and DELETE on the log, the allocations and the
sequence (:func:`install_guards`).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

SCHEMA_VERSION = 5

metadata = sa.MetaData()

meta = sa.Table(
    "wb_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

trials = sa.Table(
    "wb_trials",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("config", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

sequence = sa.Table(
    "wb_sequence",
    metadata,
    sa.Column("trial_id", sa.Integer, sa.ForeignKey("wb_trials.id"), primary_key=True),
    sa.Column("list_key", sa.String(400), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("block_no", sa.Integer, nullable=False),
    sa.Column("block_size", sa.Integer, nullable=False),
    sa.Column("arm", sa.String(100), nullable=False),
)

allocations = sa.Table(
    "wb_allocations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("trial_id", sa.Integer, sa.ForeignKey("wb_trials.id"), nullable=False),
    sa.Column("participant_id", sa.String(200), nullable=False),
    sa.Column("list_key", sa.String(400), nullable=False),
    sa.Column("sequence_no", sa.Integer, nullable=False),
    sa.Column("member_no", sa.Integer, nullable=False),
    sa.Column("order_no", sa.Integer, nullable=False),
    sa.Column("arm", sa.String(100), nullable=False),
    sa.Column("strata", sa.Text, nullable=False),
    sa.Column("cluster", sa.String(200), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("event_seq", sa.Integer, nullable=False),
    sa.UniqueConstraint("trial_id", "participant_id", name="uq_alloc_participant"),
    sa.UniqueConstraint("trial_id", "order_no", name="uq_alloc_order"),
    sa.UniqueConstraint("trial_id", "list_key", "sequence_no", "member_no", name="uq_alloc_position"),
)

events = sa.Table(
    "wb_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("trial", sa.String(200), nullable=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("participant_id", sa.String(200), nullable=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)
sa.Index("ix_events_trial", events.c.trial, events.c.kind)
sa.Index("ix_alloc_cluster", allocations.c.trial_id, allocations.c.cluster)

roles = sa.Table(
    "wb_roles",
    metadata,
    sa.Column("trial_id", sa.Integer, sa.ForeignKey("wb_trials.id"), primary_key=True),
    sa.Column("user", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
)

role_grants = sa.Table(
    "wb_role_grants",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("trial_id", sa.Integer, sa.ForeignKey("wb_trials.id"), nullable=True),
    sa.Column("user", sa.String(200), nullable=False),
    sa.Column("role", sa.String(16), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
sa.Index("ix_role_grants_user", role_grants.c.user, role_grants.c.trial_id)

participants = sa.Table(
    "wb_participants",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("participant_id", sa.String(200), nullable=False, unique=True),
    sa.Column("district", sa.String(200), nullable=True),
    sa.Column("subgroup", sa.String(200), nullable=True),
    sa.Column("registered_on", sa.String(10), nullable=False),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

participant_updates = sa.Table(
    "wb_participant_updates",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("participant_id", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("field", sa.String(40), nullable=True),
    sa.Column("value", sa.String(200), nullable=True),
    sa.Column("on_date", sa.String(10), nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
sa.Index("ix_updates_participant", participant_updates.c.participant_id)

activities = sa.Table(
    "wb_activities",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("participant_id", sa.String(200), nullable=False),
    sa.Column("on_date", sa.String(10), nullable=False),
    sa.Column("kind", sa.String(200), nullable=False),
    sa.Column("minutes", sa.Integer, nullable=True),
    sa.Column("delivered_by", sa.String(200), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
sa.Index("ix_activities_participant", activities.c.participant_id)

#: the people tables added in version 3
PEOPLE_TABLES = (participants, participant_updates, activities)

indicators = sa.Table(
    "wb_indicators",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("minimum", sa.Float, nullable=True),
    sa.Column("maximum", sa.Float, nullable=True),
    sa.Column("unit", sa.String(200), nullable=True),
    sa.Column("label", sa.String(200), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

occasions = sa.Table(
    "wb_occasions",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("months", sa.Integer, nullable=False),
    sa.Column("days_before", sa.Integer, nullable=False),
    sa.Column("days_after", sa.Integer, nullable=False),
    sa.Column("label", sa.String(200), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

measurements = sa.Table(
    "wb_measurements",
    metadata,
    sa.Column("event_seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("participant_id", sa.String(200), nullable=False),
    sa.Column("indicator", sa.String(200), nullable=False),
    sa.Column("occasion", sa.String(64), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("measured_on", sa.String(10), nullable=False),
    sa.Column("correction", sa.Integer, nullable=False),
    sa.Column("source", sa.String(200), nullable=True),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
sa.Index("ix_measurements_key", measurements.c.participant_id, measurements.c.indicator,
         measurements.c.occasion)

#: the measurement tables added in version 5
MEASUREMENT_TABLES = (indicators, occasions, measurements)

#: tables (and, for trials, columns) that no statement may change once written
GUARDED = {"wb_events": None, "wb_allocations": None, "wb_sequence": None,
           "wb_trials": ("name", "config", "created_at"), "wb_participants": None,
           "wb_participant_updates": None, "wb_activities": None,
           "wb_role_grants": None, "wb_indicators": None, "wb_occasions": None,
           "wb_measurements": None}


def install_guards(conn: sa.Connection) -> None:
    """Database triggers that refuse UPDATE and DELETE on the log and the allocation tables.

    Defence in depth: the registry never updates or deletes these rows, and anyone who drops the
    triggers to do so is still caught by ``verify()``. A trial's ``status`` may change (closing).
    Tables a migration step has not created yet are skipped (the later step guards them).
    """
    present = set(sa.inspect(conn).get_table_names())
    guarded = {t: c for t, c in GUARDED.items() if t in present}
    if conn.dialect.name == "sqlite":
        for table, cols in guarded.items():
            of = f" OF {', '.join(cols)}" if cols else ""
            for action, what in (("UPDATE", of), ("DELETE", "")):
                conn.exec_driver_sql(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{action.lower()} BEFORE {action}{what} "
                    f"ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        return
    conn.exec_driver_sql(
        "CREATE OR REPLACE FUNCTION wb_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION '%% is append-only', TG_TABLE_NAME; END $$")
    for table, cols in guarded.items():
        of = f" OF {', '.join(cols)}" if cols else ""
        for action, what in (("UPDATE", of), ("DELETE", "")):
            name = f"{table}_no_{action.lower()}"
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(f"CREATE TRIGGER {name} BEFORE {action}{what} ON {table} "
                                 "FOR EACH ROW EXECUTE FUNCTION wb_append_only()")


def _migrate_1_to_2(conn: sa.Connection) -> None:
    """Version 1 had no ``roles`` table and no append-only triggers; add both."""
    roles.create(conn, checkfirst=True)
    install_guards(conn)


def _migrate_2_to_3(conn: sa.Connection) -> None:
    """Version 2 had no people tables (participants, their updates, activities); add them, guarded."""
    for table in PEOPLE_TABLES:
        table.create(conn, checkfirst=True)
    install_guards(conn)


def _migrate_3_to_4(conn: sa.Connection) -> None:
    """Version 3 kept trial staff in ``wb_roles``; add ``wb_role_grants``, filled from the log.

    Every staff grant of versions 2–3 was logged as a ``role_granted`` event with the trial's name,
    so the rows are rebuilt from those events (and ``verify`` can compare them as for new grants).
    """
    import json

    role_grants.create(conn, checkfirst=True)
    ids = {name: tid for tid, name in conn.execute(sa.select(trials.c.id, trials.c.name))}
    rows = conn.execute(sa.select(events.c.seq, events.c.trial, events.c.payload, events.c.by,
                                  events.c.created_at).where(events.c.kind == "role_granted")
                        .order_by(events.c.seq)).all()
    for seq, trial, payload, by, created in rows:
        p = json.loads(payload)
        conn.execute(sa.insert(role_grants).values(event_seq=seq, trial_id=ids.get(trial) if trial else None,
                                                   user=p["user"], role=p["role"], by=by, created_at=created))
    install_guards(conn)


def _migrate_4_to_5(conn: sa.Connection) -> None:
    """Version 4 had no measurements; add the indicator, occasion and measurement tables, guarded."""
    for table in MEASUREMENT_TABLES:
        table.create(conn, checkfirst=True)
    install_guards(conn)


#: from-version -> step that brings a database to from-version + 1
MIGRATIONS: dict[int, Callable[[sa.Connection], None]] = {1: _migrate_1_to_2, 2: _migrate_2_to_3,
                                                          3: _migrate_3_to_4, 4: _migrate_4_to_5}


def current_version(conn: sa.Connection) -> int | None:
    """The schema version stored in the database, or None for an empty database."""
    if not sa.inspect(conn).has_table("wb_meta"):
        return None
    row = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else None


def ensure_schema(conn: sa.Connection) -> int:
    """Create the tables in an empty database or migrate an older one; return the version.

    A database written by a newer workbench (higher version) is refused by the caller.
    """
    version = current_version(conn)
    if version is None:
        metadata.create_all(conn)
        install_guards(conn)
        conn.execute(sa.insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
        return SCHEMA_VERSION
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(
            sa.update(meta).where(meta.c.key == "schema_version").values(value=str(version))
        )
    return version
