"""Views and exports of a trial: the allocation log, arm totals, the event log, CONSORT counts.

Role rules (``roles.py``): the owner (or ``viewer=None``, direct database access) sees everything;
staff see only the allocations they made and no arm totals while recruitment runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.core.messages import msg
from workbench.registry import schema as s
from workbench.registry.ids import normalize_user
from workbench.registry.models import TrialView
from workbench.registry.roles import is_owner_view

if TYPE_CHECKING:
    import pandas as pd


CONSORT_STAGES = ("assessed", "excluded", "randomized", "allocated", "withdrawn",
                  "entered_without_randomization")


def _owner(conn: sa.Connection, trial: TrialView, viewer: str | None, lang: str) -> bool:
    if viewer is not None:
        viewer = normalize_user(viewer, lang=lang)
    return is_owner_view(conn, trial._id, trial._cfg, viewer)


def _events(conn: sa.Connection, trial: TrialView, *kinds: str) -> list[Any]:
    q = sa.select(s.events).where(s.events.c.trial == trial.name).order_by(s.events.c.seq)
    if kinds:
        q = q.where(s.events.c.kind.in_(kinds))
    return conn.execute(q).all()


def allocation_table(trial: TrialView, *, viewer: str | None, lang: str) -> pd.DataFrame:
    """One row per allocation, in enrolment order (staff: only their own participants)."""
    import pandas as pd

    with trial._registry._db.read() as conn:
        owner = _owner(conn, trial, viewer, lang)
        q = sa.select(s.allocations).where(s.allocations.c.trial_id == trial._id)
        if not owner:
            q = q.where(s.allocations.c.by == normalize_user(viewer, lang=lang))
        rows = conn.execute(q.order_by(s.allocations.c.order_no)).all()
        withdrawn = {e.participant_id for e in _events(conn, trial, "withdrawal")}
    factors = [f for f, _ in trial._cfg["strata"]]
    records = []
    for r in rows:
        rec = {"participant_id": r.participant_id, "arm": r.arm, "sequence_no": r.sequence_no,
               "created_at": r.created_at, "by": r.by}
        if owner:
            rec.update({"order_no": r.order_no, "list_key": r.list_key, "member_no": r.member_no})
        rec.update(json.loads(r.strata))
        rec["withdrawn"] = r.participant_id in withdrawn
        records.append(rec)
    cols = ["participant_id", "arm", "sequence_no", "created_at", "by"]
    cols += ["order_no", "list_key", "member_no"] if owner else []
    frame = pd.DataFrame.from_records(records, columns=cols + factors + ["withdrawn"])
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True, format="ISO8601")
    return frame


def arm_totals(trial: TrialView, *, viewer: str | None, lang: str) -> pd.DataFrame:
    """Allocations per stratum and arm; staff get an error while the trial is open."""
    with trial._registry._db.read() as conn:
        owner = _owner(conn, trial, viewer, lang)
        status = conn.execute(sa.select(s.trials.c.status).where(s.trials.c.id == trial._id)).scalar_one()
    if not owner and status == "open":
        raise RegistryError("registry.hidden_from_staff", lang=lang, trial=trial.name)
    table = allocation_table(trial, viewer=None, lang=lang)
    factors = [f for f, _ in trial._cfg["strata"]]
    counts = table.groupby(factors + ["arm"] if factors else ["arm"]).size().unstack("arm", fill_value=0)
    counts = counts.reindex(columns=list(trial.arms), fill_value=0)
    counts.columns.name = None
    return counts.reset_index() if factors else counts.reset_index(drop=True)


def event_log(trial: TrialView, *, viewer: str | None, lang: str) -> pd.DataFrame:
    """Every event of the trial with its hash (owner only)."""
    import pandas as pd

    with trial._registry._db.read() as conn:
        if not _owner(conn, trial, viewer, lang):
            raise RegistryError("registry.owner_only", lang=lang, user=viewer,
                                owner=trial._cfg.get("owner") or "-")
        rows = _events(conn, trial)
        status = conn.execute(sa.select(s.trials.c.status).where(s.trials.c.id == trial._id)).scalar_one()
    return pd.DataFrame.from_records(
        [{"seq": e.seq, "kind": e.kind, "participant_id": e.participant_id, "by": e.by,
          "created_at": e.created_at, "payload": _conceal(e, status, lang), "hash": e.hash}
         for e in rows],
        columns=["seq", "kind", "participant_id", "by", "created_at", "payload", "hash"])


def _conceal(event: Any, status: str, lang: str) -> str:
    """The event's payload, with the seed hidden while recruitment runs (it would reveal the list).

    ``verify()`` reads the stored payload, so the hash chain is unaffected.
    """
    if event.kind != "trial_created" or status != "open":
        return event.payload
    payload = json.loads(event.payload)
    payload.get("config", {})["seed"] = msg("registry.seed_hidden", lang)
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def consort_counts(trial: TrialView, *, viewer: str | None, lang: str) -> pd.DataFrame:
    """CONSORT flow counts: assessed, excluded (per reason), randomized, per arm, withdrawn."""
    import pandas as pd

    with trial._registry._db.read() as conn:
        if not _owner(conn, trial, viewer, lang):
            raise RegistryError("registry.owner_only", lang=lang, user=viewer,
                                owner=trial._cfg.get("owner") or "-")
        evs = _events(conn, trial, "allocation", "excluded", "withdrawal", "unrandomized_entry")
    arm_of = {e.participant_id: json.loads(e.payload)["arm"] for e in evs if e.kind == "allocation"}
    excluded: dict[str, list[str]] = {}
    for e in evs:
        if e.kind == "excluded" and e.participant_id not in arm_of:
            excluded[e.participant_id] = json.loads(e.payload).get("reasons", [])
    withdrawn = {e.participant_id for e in evs if e.kind == "withdrawal"}
    unrandomized = {e.participant_id for e in evs if e.kind == "unrandomized_entry"} - set(arm_of)
    rows: list[dict[str, Any]] = [
        {"stage": "assessed", "arm": None, "reason": None, "n": len(arm_of) + len(excluded)},
        {"stage": "excluded", "arm": None, "reason": None, "n": len(excluded)}]
    reasons: dict[str, int] = {}
    for rs in excluded.values():
        for r in rs:
            reasons[r] = reasons.get(r, 0) + 1
    for r, n in sorted(reasons.items()):
        label = msg("registry.consent_declined_reason", lang) if r == "__consent_declined__" else r
        rows.append({"stage": "excluded", "arm": None, "reason": label, "n": n})
    rows.append({"stage": "randomized", "arm": None, "reason": None, "n": len(arm_of)})
    for arm in trial.arms:
        rows.append({"stage": "allocated", "arm": arm, "reason": None,
                     "n": sum(1 for a in arm_of.values() if a == arm)})
    for arm in trial.arms:
        rows.append({"stage": "withdrawn", "arm": arm, "reason": None,
                     "n": sum(1 for p in withdrawn if arm_of.get(p) == arm)})
    rows.append({"stage": "entered_without_randomization", "arm": None, "reason": None,
                 "n": len(unrandomized)})
    frame = pd.DataFrame(rows, columns=["stage", "arm", "reason", "n"])
    frame.insert(1, "label", [msg(f"registry.consort.{st}", lang) for st in frame["stage"]])
    return frame


def write_export(trial: TrialView, folder: str | Path, *, viewer: str | None = None,
                 lang: str = "sv") -> dict[str, Path]:
    """Write the allocation log, the event log and the CONSORT counts as CSV (``;``, UTF-8 BOM)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    frames = {"allocations": allocation_table(trial, viewer=viewer, lang=lang),
              "events": event_log(trial, viewer=viewer, lang=lang),
              "consort": consort_counts(trial, viewer=viewer, lang=lang)}
    paths = {}
    for name, frame in frames.items():
        path = out / f"{trial.name}_{name}.csv".replace("/", "_")
        frame.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
        paths[name] = path
    return paths
