"""The rows a table should hold, rebuilt from the log: what ``verify()`` compares each table with.

People and measurement tables both keep one row per event, made from the event by their own
``row_for_event``; this is the one loop that rebuilds them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable
from typing import Any


def expected_rows(events: Iterable[Any], tables: Iterable[Any], kinds: Collection[str],
                  row_for_event: Callable[..., tuple[Any, dict[str, Any]]]) -> dict[str, dict[int, dict[str, Any]]]:
    """``{table name: {event seq: row}}`` for the events of ``kinds`` (an unreadable payload counts as empty)."""
    expected: dict[str, dict[int, dict[str, Any]]] = {t.name: {} for t in tables}
    for e in events:
        if e.kind not in kinds:
            continue
        try:
            payload = json.loads(e.payload)
        except (TypeError, ValueError):
            payload = {}
        table, row = row_for_event(e.kind, e.participant_id, payload, e.by, e.created_at)
        expected[table.name][e.seq] = row
    return expected
