"""People events and their table rows: one row per event, rebuilt from the event by one function.

The registry's people services (:mod:`workbench.registry.people`) write each change twice in one
transaction: as an event in the hash-chained log and as a row in a people table, built from that
event by :func:`row_for_event`. ``verify()`` rebuilds every row from the log with the same function
(:func:`people_problems`), so a row that was altered, removed or inserted without its event is
named, and an altered event is caught by the chain itself.

Event kinds and their tables
----------------------------
``participant_registered``  → ``wb_participants``
``activity_logged``         → ``wb_activities``
``participant_stage``, ``participant_dropout``, ``dropout_cancelled``, ``participant_corrected``,
``activity_retracted``      → ``wb_participant_updates`` (its ``kind`` is the event kind)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from workbench.registry import schema as s
from workbench.registry.row_rebuild import expected_rows

REGISTERED = "participant_registered"
ACTIVITY = "activity_logged"
UPDATE_KINDS = ("participant_stage", "participant_dropout", "dropout_cancelled",
                "participant_corrected", "activity_retracted")
PEOPLE_KINDS = (REGISTERED, ACTIVITY, *UPDATE_KINDS)

Problem = tuple[str, dict[str, Any]]


def row_for_event(kind: str, participant_id: str, payload: Mapping[str, Any], by: str,
                  created_at: str) -> tuple[sa.Table, dict[str, Any]]:
    """The table and the row (without ``event_seq``) that a people event is stored as."""
    p = dict(payload)
    common = {"participant_id": participant_id, "by": by, "created_at": created_at}
    if kind == REGISTERED:
        return s.participants, {**common, "district": p.get("district"), "subgroup": p.get("subgroup"),
                                "registered_on": p.get("registered_on")}
    if kind == ACTIVITY:
        return s.activities, {**common, "on_date": p.get("date"), "kind": p.get("kind"),
                              "minutes": p.get("minutes"), "delivered_by": p.get("delivered_by")}
    field = p.get("stage") if kind == "participant_stage" else p.get("field")
    if kind == "participant_stage":
        value: Any = "1" if p.get("done") else "0"
    elif kind == "activity_retracted":
        value = str(p.get("activity"))
    else:
        value = p.get("value")
    return s.participant_updates, {**common, "kind": kind, "field": field,
                                   "value": None if value is None else str(value),
                                   "on_date": p.get("date"), "note": p.get("reason")}


def insert_row(conn: sa.Connection, seq: int, kind: str, participant_id: str,
               payload: Mapping[str, Any], by: str, created_at: str) -> None:
    """Store the row of event ``seq`` (inside the caller's write transaction)."""
    table, row = row_for_event(kind, participant_id, payload, by, created_at)
    conn.execute(sa.insert(table).values(event_seq=seq, **row))


def _table_rows(conn: sa.Connection) -> dict[str, dict[int, dict[str, Any]]]:
    out: dict[str, dict[int, dict[str, Any]]] = {}
    for table in s.PEOPLE_TABLES:
        rows = conn.execute(sa.select(table)).mappings().all()
        out[table.name] = {int(r["event_seq"]): dict(r) for r in rows}
    return out


def people_problems(conn: sa.Connection, events: list[Any]) -> list[Problem]:
    """Rows of the people tables checked against the log's people events (same snapshot).

    Each problem names the table, the event number and the participant (a pseudonym or case id).
    """
    names = set(sa.inspect(conn).get_table_names())
    if not all(t.name in names for t in s.PEOPLE_TABLES):
        return []
    stored = _table_rows(conn)
    expected = expected_rows(events, s.PEOPLE_TABLES, PEOPLE_KINDS, row_for_event)
    problems: list[Problem] = []
    for table in s.PEOPLE_TABLES:
        want, have = expected[table.name], stored[table.name]
        for seq, row in sorted(have.items()):
            if seq not in want:
                problems.append(("people.verify.row_inserted",
                                 {"table": table.name, "seq": seq, "participant": row["participant_id"]}))
                continue
            bad = [k for k, v in want[seq].items() if row.get(k) != v]
            if bad:
                problems.append(("people.verify.row_altered", {"table": table.name, "seq": seq,
                                                               "participant": want[seq]["participant_id"],
                                                               "fields": bad}))
        for seq, row in sorted(want.items()):
            if seq not in have:
                problems.append(("people.verify.row_removed",
                                 {"table": table.name, "seq": seq, "participant": row["participant_id"]}))
    return problems
