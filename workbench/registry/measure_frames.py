"""The measured values as data frames: long (one row per value) and wide (one row per participant).

Both come from one read transaction over ``wb_measurements`` and the allocations, so a value and
the arm it is analysed in are from the same moment. The arm is shown only to the trial's owner
(``viewer=None`` is direct database access, which acts as the owner).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s
from workbench.registry.ids import normalize_user
from workbench.registry.anchors import anchor_dates
from workbench.registry.roles import is_owner_view

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

LONG = ["participant_id", "indicator", "occasion", "value", "measured_on"]


def _arms(conn: sa.Connection, trial: str | None, viewer: str | None, lang: str) -> dict[str, str] | None:
    """Participant → arm for the trial(s) the viewer may see, or None when no arm may be shown."""
    rows = conn.execute(sa.select(s.trials.c.id, s.trials.c.name, s.trials.c.config)
                        .order_by(s.trials.c.id)).all()
    if trial is not None:
        rows = [r for r in rows if r.name == str(trial).strip()]
        if not rows:
            names = conn.execute(sa.select(s.trials.c.name)).scalars().all()
            raise RegistryError("registry.unknown_trial", lang=lang, trial=trial, available=names or ["-"])
    if not rows:
        return None
    who = normalize_user(viewer, lang=lang) if viewer is not None else None
    if not all(is_owner_view(conn, r.id, json.loads(r.config), who) for r in rows):
        return None
    arms: dict[str, str] = {}
    for tid, pid, arm in conn.execute(sa.select(s.allocations.c.trial_id, s.allocations.c.participant_id,
                                                s.allocations.c.arm)
                                      .where(s.allocations.c.trial_id.in_([r.id for r in rows]))):
        if pid in arms and arms[pid] != arm:
            raise RegistryError("measure.several_trials", lang=lang, participant=pid,
                                trials=[r.name for r in rows])
        arms[pid] = arm
    return arms


def long_frame(reg: Any, indicator: str | None, *, trial: str | None, viewer: str | None,
               history: bool, lang: str) -> "pd.DataFrame":
    """The values in force (or every event with ``history``), with ``arm`` when shown."""
    import pandas as pd

    m = s.measurements
    q = sa.select(m).order_by(m.c.event_seq)
    if indicator is not None:
        q = q.where(m.c.indicator == indicator)
    with reg._db.read() as conn:
        if indicator is not None and conn.execute(sa.select(s.indicators.c.name)
                                                  .where(s.indicators.c.name == indicator)).first() is None \
                and indicator not in reg._step1_indicators():
            known = sorted(reg.indicators())
            raise RegistryError("measure.unknown_indicator", lang=lang, indicator=indicator,
                                available=known or ["-"])
        rows = conn.execute(q).all()
        arms = _arms(conn, trial, viewer, lang)
        order = list(reg._occasions(conn))
    records: dict[tuple[str, str, str], dict[str, Any]] | list[dict[str, Any]]
    if history:
        records = [{"participant_id": r.participant_id, "indicator": r.indicator, "occasion": r.occasion,
                    "value": r.value, "measured_on": r.measured_on, "correction": bool(r.correction),
                    "event_seq": r.event_seq, "by": r.by, "created_at": r.created_at} for r in rows]
        columns = [*LONG, "correction", "event_seq", "by", "created_at"]
    else:
        latest: dict[tuple[str, str, str], dict[str, Any]] = {}
        for r in rows:  # ordered by event number: the newest event per key wins
            latest[(r.participant_id, r.indicator, r.occasion)] = {
                "participant_id": r.participant_id, "indicator": r.indicator, "occasion": r.occasion,
                "value": r.value, "measured_on": r.measured_on}
        records = list(latest.values())
        columns = list(LONG)
    frame = pd.DataFrame(records, columns=columns)
    rank = {o: i for i, o in enumerate(order)}
    frame = (frame.assign(_o=frame["occasion"].map(rank)).sort_values(["participant_id", "indicator", "_o"],
                                                                        kind="stable")
             .drop(columns="_o").reset_index(drop=True))
    frame["value"] = frame["value"].astype(float)
    frame["measured_on"] = pd.to_datetime(frame["measured_on"])
    if arms is not None:
        frame["arm"] = frame["participant_id"].map(arms)
    frame.attrs["occasions"] = order
    frame.attrs["arms"] = arms
    return frame


def wide_frame(reg: Any, frame: "pd.DataFrame", indicator: str | None, *, lang: str) -> "pd.DataFrame":
    """One row per participant: ``participant_id, arm, district`` and one column per occasion."""
    import pandas as pd

    names = sorted(frame["indicator"].unique())
    if indicator is None and len(names) > 1:
        raise RegistryError("measure.wide_needs_indicator", lang=lang, available=names)
    with reg._db.read() as conn:
        facts = anchor_dates(conn)
    order = frame.attrs.get("occasions") or []
    values = frame.pivot(index="participant_id", columns="occasion", values="value") \
        if not frame.empty else pd.DataFrame()
    ids = sorted(set(facts) | set(frame["participant_id"]))
    out = pd.DataFrame({"participant_id": ids})
    arms = frame.attrs.get("arms")
    if arms is not None:
        out["arm"] = out["participant_id"].map(arms)
    out["district"] = out["participant_id"].map({p: f.get("district") for p, f in facts.items()})
    for occ in order:
        col = values[occ] if occ in getattr(values, "columns", ()) else None
        out[occ] = out["participant_id"].map(col).astype(float) if col is not None else float("nan")
    out.attrs["indicator"] = indicator or (names[0] if names else None)
    return out
