"""The date each participant's follow-up windows count from, and their district.

One reading of the registry that the measurements (a date before the start is refused), their
frames and the follow-up lists all share.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from workbench.registry import schema as s


def anchor_dates(conn: sa.Connection, pid: str | None = None) -> dict[str, dict[str, Any]]:
    """Per participant: anchor date (start, else registration, else randomization) and district.

    Returns ``{participant_id: {"anchor": date, "district": str | None, "randomized": bool}}`` for
    every participant registered or randomized (or only ``pid``).
    """
    p, u, a = s.participants, s.participant_updates, s.allocations
    only = (lambda col: col == pid) if pid is not None else (lambda col: sa.true())
    out: dict[str, dict[str, Any]] = {}
    for row in conn.execute(sa.select(a.c.participant_id, a.c.created_at, a.c.strata)
                            .where(only(a.c.participant_id)).order_by(a.c.event_seq)):
        levels = json.loads(row.strata) or {}
        entry = out.setdefault(row.participant_id, {
            "anchor": dt.date.fromisoformat(row.created_at[:10]), "district": None, "randomized": True,
            "stratum": next(iter(levels.values()), None)})
        entry["randomized"] = True
    for row in conn.execute(sa.select(p.c.participant_id, p.c.registered_on, p.c.district)
                            .where(only(p.c.participant_id))):
        entry = out.setdefault(row.participant_id, {"randomized": False, "stratum": None})
        entry.update(anchor=dt.date.fromisoformat(row.registered_on), district=row.district)
    for row in conn.execute(sa.select(u.c.participant_id, u.c.kind, u.c.field, u.c.value, u.c.on_date)
                            .where(only(u.c.participant_id),
                                   u.c.kind.in_(("participant_stage", "participant_corrected")))
                            .order_by(u.c.event_seq)):
        entry = out.get(row.participant_id)
        if entry is None:
            continue
        if row.kind == "participant_stage" and row.field == "started":
            entry["started"] = dt.date.fromisoformat(row.on_date) if row.value == "1" else None
        elif row.kind == "participant_corrected" and row.field == "district":
            entry["district"] = row.value
        elif row.kind == "participant_corrected" and row.field == "registered_on" and row.value:
            entry["anchor"] = dt.date.fromisoformat(row.value)
    for entry in out.values():
        if entry.get("started"):
            entry["anchor"] = entry["started"]
        if entry.get("district") is None:
            entry["district"] = entry.get("stratum")
    return out
