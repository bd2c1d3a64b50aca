"""Measurement events and their table rows: one row per event, rebuilt from the event by one function.

As for the people tables (:mod:`workbench.registry.people_rows`), every definition and every
measured value is written twice in one transaction — as an event in the hash-chained log and as
a row built from that event by :func:`row_for_event` — and ``verify()`` rebuilds every row from
the log (:func:`measurement_problems`), naming rows altered, removed or inserted behind the log.

Event kinds and their tables
----------------------------
``indicator_defined``     → ``wb_indicators``
``occasion_defined``      → ``wb_occasions``
``measurement_recorded``  → ``wb_measurements`` (a correction is such an event with ``correction``)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from workbench.registry import schema as s
from workbench.registry.row_rebuild import expected_rows

INDICATOR = "indicator_defined"
OCCASION = "occasion_defined"
MEASUREMENT = "measurement_recorded"
MEASURE_KINDS = (INDICATOR, OCCASION, MEASUREMENT)

Problem = tuple[str, dict[str, Any]]


def row_for_event(kind: str, participant_id: str | None, payload: Mapping[str, Any], by: str,
                  created_at: str) -> tuple[sa.Table, dict[str, Any]]:
    """The table and the row (without ``event_seq``) that a measurement event is stored as."""
    p = dict(payload)
    common = {"by": by, "created_at": created_at}
    if kind == INDICATOR:
        return s.indicators, {**common, "name": p.get("name"), "kind": p.get("kind"),
                              "minimum": p.get("minimum"), "maximum": p.get("maximum"),
                              "unit": p.get("unit"), "label": p.get("label")}
    if kind == OCCASION:
        return s.occasions, {**common, "name": p.get("name"), "months": p.get("months"),
                             "days_before": p.get("days_before"), "days_after": p.get("days_after"),
                             "label": p.get("label")}
    return s.measurements, {**common, "participant_id": participant_id,
                            "indicator": p.get("indicator"), "occasion": p.get("occasion"),
                            "value": p.get("value"), "measured_on": p.get("measured_on"),
                            "correction": 1 if p.get("correction") else 0, "source": p.get("source")}


def insert_row(conn: sa.Connection, seq: int, kind: str, participant_id: str | None,
               payload: Mapping[str, Any], by: str, created_at: str) -> None:
    """Store the row of event ``seq`` (inside the caller's write transaction)."""
    table, row = row_for_event(kind, participant_id, payload, by, created_at)
    conn.execute(sa.insert(table).values(event_seq=seq, **row))


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)  # both are the same stored double: a JSON round trip is exact
    return a == b


def measurement_problems(conn: sa.Connection, events: list[Any]) -> list[Problem]:
    """Rows of the measurement tables checked against the log's measurement events."""
    names = set(sa.inspect(conn).get_table_names())
    if not all(t.name in names for t in s.MEASUREMENT_TABLES):
        return []
    expected = expected_rows(events, s.MEASUREMENT_TABLES, MEASURE_KINDS, row_for_event)
    problems: list[Problem] = []
    for table in s.MEASUREMENT_TABLES:
        have = {int(r["event_seq"]): dict(r) for r in conn.execute(sa.select(table)).mappings()}
        want = expected[table.name]
        for seq, row in sorted(have.items()):
            who = row.get("participant_id") or row.get("name")
            if seq not in want:
                problems.append(("measure.verify.row_inserted", {"table": table.name, "seq": seq,
                                                                 "item": who}))
                continue
            bad = [k for k, v in want[seq].items() if not _same(row.get(k), v)]
            if bad:
                problems.append(("measure.verify.row_altered", {"table": table.name, "seq": seq,
                                                                "item": who, "fields": bad}))
        for seq, row in sorted(want.items()):
            if seq not in have:
                problems.append(("measure.verify.row_removed", {
                    "table": table.name, "seq": seq,
                    "item": row.get("participant_id") or row.get("name")}))
    return problems
