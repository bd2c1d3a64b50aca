"""The append-only, hash-chained event log and its verification.

Every event is stored with the hash of the event before it and its own hash

.. math:: h_i = \\mathrm{SHA256}(h_{i-1} \\,\\|\\, \\mathrm{canonical\\_json}(e_i)),

where the canonical JSON of an event holds its number, trial, kind, participant, payload, author and
time with sorted keys and no whitespace, and :math:`h_0` is 64 zeros. Changing, removing, inserting
or reordering a stored event breaks the chain at that event. Nothing in the registry updates or
deletes an event; corrections are new events.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from workbench.registry.sql import execute, first

GENESIS = "0" * 64
#: fault-injection hook for the crash tests: "<marker file>:<seconds>" makes a write transaction
#: create the marker file and sleep just before it commits
HOOK_ENV = "WORKBENCH_REGISTRY_TEST_PAUSE"
#: key in the connection's ``info`` under which :func:`append_event` leaves the new head
HEAD_INFO = "wb_head"


def canonical(obj: Any) -> str:
    """Canonical JSON: sorted keys, no whitespace, UTF-8 text kept as is."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the canonical JSON of ``event``."""
    return hashlib.sha256((prev_hash + canonical(dict(event))).encode("utf-8")).hexdigest()


def event_body(seq: int, trial: str | None, kind: str, participant_id: str | None,
               payload: Mapping[str, Any], by: str, created_at: str) -> dict[str, Any]:
    """The fields of an event that its hash covers."""
    return {"seq": seq, "trial": trial, "kind": kind, "participant_id": participant_id,
            "payload": dict(payload), "by": by, "created_at": created_at}


def append_event(conn: sa.Connection, *, trial: str | None, kind: str, payload: Mapping[str, Any],
                 by: str, participant_id: str | None = None, created_at: str | None = None,
                 head: tuple[int, str] | None = None) -> int:
    """Append one event to the chain inside the caller's write transaction; return its number.

    ``head`` is the last event's (number, hash) when the caller has just read it in the same
    transaction; otherwise it is read here.
    """
    row = event_row(conn, trial=trial, kind=kind, payload=payload, by=by,
                    participant_id=participant_id, created_at=created_at, head=head)
    execute(conn, "insert_event", **row)
    return row["seq"]


def event_row(conn: sa.Connection, *, trial: str | None, kind: str, payload: Mapping[str, Any],
              by: str, participant_id: str | None = None, created_at: str | None = None,
              head: tuple[int, str] | None = None) -> dict[str, Any]:
    """The parameters of the ``insert_event`` statement for the next event, for a caller that
    sends it together with another statement; the caller must insert it in this transaction."""
    last = head if head is not None and head[0] is not None else first(conn, "last_event")
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    created_at = created_at or now_iso()
    body = event_body(seq, trial, kind, participant_id, payload, by, created_at)
    digest = event_hash(prev, body)
    conn.info[HEAD_INFO] = (seq, digest)  # Database.write hands it on once the transaction commits
    return {"seq": seq, "trial": trial, "kind": kind, "participant_id": participant_id,
            "payload": canonical(dict(payload)), "by": by, "created_at": created_at,
            "prev_hash": prev, "hash": digest}


def pause_hook() -> None:
    """Sleep inside the transaction when the crash-test hook is set (see ``HOOK_ENV``)."""
    spec = os.environ.get(HOOK_ENV)
    if not spec:
        return
    marker, _, seconds = spec.rpartition(":")
    Path(marker).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(float(seconds))


def chain_problems(rows: list[Any]) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """Check the chain of stored events (ordered by number); return problems and the head hash.

    Each problem is ``(message key, params)`` for the catalogue.
    """
    problems: list[tuple[str, dict[str, Any]]] = []
    expected, prev = 1, GENESIS
    for r in rows:
        if r.seq != expected:
            problems.append(("registry.verify.removed", {"first": expected, "last": r.seq - 1}))
        try:
            payload = json.loads(r.payload)
        except (TypeError, ValueError):
            payload = {"unreadable": r.payload}
        body = event_body(r.seq, r.trial, r.kind, r.participant_id, payload, r.by, r.created_at)
        if r.prev_hash != prev:
            problems.append(("registry.verify.broken_link", {"seq": r.seq, "kind": r.kind}))
        if event_hash(r.prev_hash, body) != r.hash:
            problems.append(("registry.verify.altered", {"seq": r.seq, "kind": r.kind}))
        prev, expected = r.hash, r.seq + 1
    return problems, prev
