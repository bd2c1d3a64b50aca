"""Hand-written SQL for the allocation hot path, sent straight to the driver.

Building SQLAlchemy expressions costs more than the database work itself for these tiny
statements (measured: ~1.4 ms of 1.5 ms per randomization), so the statements run inside the
writer lock are plain strings, written once with ``:name`` parameters, converted to the driver's
style (``%(name)s`` for psycopg) and executed on the driver connection that the SQLAlchemy
transaction holds (so they take part in that transaction). The tables are those of :mod:`workbench.registry.schema`.
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa

STATEMENTS: dict[str, str] = {
    # everything randomize() needs to know before drawing, in one round trip
    "precheck": "SELECT t.status, "
                '(SELECT g.role FROM wb_role_grants g WHERE g.trial_id = t.id AND g."user" = :user '
                "ORDER BY g.event_seq DESC LIMIT 1), "
                '(SELECT g.role FROM wb_role_grants g WHERE g.trial_id IS NULL AND g."user" = :user '
                "ORDER BY g.event_seq DESC LIMIT 1), "
                "(SELECT max(order_no) FROM wb_allocations m WHERE m.trial_id = t.id), "
                "(SELECT seq FROM wb_events ORDER BY seq DESC LIMIT 1), "
                "(SELECT hash FROM wb_events ORDER BY seq DESC LIMIT 1), "
                'a.participant_id, a.arm, a.sequence_no, a.created_at, a."by", a.strata, '
                "(SELECT count(*) FROM wb_role_grants g WHERE g.trial_id = t.id OR g.trial_id IS NULL) "
                "FROM wb_trials t LEFT JOIN wb_allocations a "
                "ON a.trial_id = t.id AND a.participant_id = :pid WHERE t.id = :trial_id",
    # the next free position of a list and its arm (NULL arm: the list must grow first)
    "next_slot": "SELECT p.pos, q.arm, q.block_no FROM (SELECT coalesce(max(sequence_no), 0) + 1 "
                 "AS pos FROM wb_allocations WHERE trial_id = :trial_id AND list_key = :list_key) p "
                 "LEFT JOIN wb_sequence q ON q.trial_id = :trial_id AND q.list_key = :list_key "
                 "AND q.position = p.pos",
    "allocation_of": 'SELECT participant_id, arm, sequence_no, created_at, "by", strata '
                     "FROM wb_allocations WHERE trial_id = :trial_id AND participant_id = :pid",
    "max_position": "SELECT max(sequence_no) FROM wb_allocations "
                    "WHERE trial_id = :trial_id AND list_key = :list_key",
    "sequence_top": "SELECT max(position), max(block_no) FROM wb_sequence "
                    "WHERE trial_id = :trial_id AND list_key = :list_key",
    "insert_slot": "INSERT INTO wb_sequence (trial_id, list_key, position, block_no, block_size, arm) "
                   "VALUES (:trial_id, :list_key, :position, :block_no, :block_size, :arm)",
    "cluster_of": "SELECT sequence_no, arm, max(member_no) FROM wb_allocations "
                  'WHERE trial_id = :trial_id AND "cluster" = :cluster GROUP BY sequence_no, arm',
    "arms_and_strata": "SELECT arm, strata FROM wb_allocations WHERE trial_id = :trial_id",
    "slot": "SELECT arm, block_no FROM wb_sequence "
            "WHERE trial_id = :trial_id AND list_key = :list_key AND position = :position",
    "last_event": "SELECT seq, hash FROM wb_events ORDER BY seq DESC LIMIT 1",
    "insert_grant": 'INSERT INTO wb_role_grants (event_seq, trial_id, "user", role, "by", created_at) '
                    "VALUES (:event_seq, :trial_id, :user, :role, :by, :created_at)",
    "insert_event": 'INSERT INTO wb_events (seq, trial, kind, participant_id, payload, "by", '
                    "created_at, prev_hash, hash) VALUES (:seq, :trial, :kind, :participant_id, "
                    ":payload, :by, :created_at, :prev_hash, :hash)",
    "insert_allocation": "INSERT INTO wb_allocations (trial_id, participant_id, list_key, "
                         'sequence_no, member_no, order_no, arm, strata, "cluster", "by", '
                         "created_at, event_seq) VALUES (:trial_id, :participant_id, :list_key, "
                         ":sequence_no, :member_no, :order_no, :arm, :strata, :cluster, :by, "
                         ":created_at, :event_seq)",
}

# precheck and next_slot in one statement (list schemes): one round trip fewer per draw
STATEMENTS["precheck_slot"] = STATEMENTS["precheck"].replace(
    " FROM wb_trials t LEFT JOIN wb_allocations a ON a.trial_id = t.id AND a.participant_id = :pid ",
    ", ns.pos, ns.arm, ns.block_no FROM wb_trials t LEFT JOIN wb_allocations a "
    "ON a.trial_id = t.id AND a.participant_id = :pid CROSS JOIN (" + STATEMENTS["next_slot"] + ") ns ")
# PostgreSQL: the event and the allocation in one statement (a data-modifying CTE)
STATEMENTS["insert_event_allocation"] = ("WITH e AS (" + STATEMENTS["insert_event"] + ") "
                                         + STATEMENTS["insert_allocation"])

_PARAM = re.compile(r":(\w+)")
_cache: dict[tuple[str, str], str] = {}


def statement(name: str, dialect: str) -> str:
    """The SQL of ``name`` in the parameter style of ``dialect`` (``sqlite`` or ``postgresql``)."""
    key = (name, dialect)
    if key not in _cache:
        text = STATEMENTS[name]
        _cache[key] = text if dialect == "sqlite" else _PARAM.sub(r"%(\1)s", text)
    return _cache[key]


def _execute(conn: sa.Connection, name: str, params: dict[str, Any]) -> Any:
    cur = conn.connection.dbapi_connection.cursor()
    cur.execute(statement(name, conn.dialect.name), params)
    return cur


def first(conn: sa.Connection, name: str, **params: Any) -> tuple | None:
    """The first row of statement ``name`` (a tuple) or None."""
    cur = _execute(conn, name, params)
    row = cur.fetchone()
    cur.close()
    return row


def scalar(conn: sa.Connection, name: str, **params: Any) -> Any:
    """The first column of the first row of statement ``name`` (None when there is no row)."""
    row = first(conn, name, **params)
    return None if row is None else row[0]


def rows(conn: sa.Connection, name: str, **params: Any) -> list[tuple]:
    """All rows of statement ``name``."""
    cur = _execute(conn, name, params)
    out = cur.fetchall()
    cur.close()
    return out


def execute_many(conn: sa.Connection, name: str, params: list[dict[str, Any]]) -> None:
    """Run statement ``name`` once per parameter set."""
    cur = conn.connection.dbapi_connection.cursor()
    cur.executemany(statement(name, conn.dialect.name), params)
    cur.close()


def execute(conn: sa.Connection, name: str, **params: Any) -> None:
    """Run statement ``name`` (an insert) on the connection's current transaction."""
    _execute(conn, name, params).close()
