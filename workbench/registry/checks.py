"""``verify()``: the chain, the stored rows against the log, and the sequence re-derived from the seed.

Checks, each naming the event, participant or list position at fault:

1. the hash chain (:func:`workbench.registry.audit.chain_problems`): altered, removed, inserted or
   reordered events;
2. each trial's stored configuration and status against its ``trial_created``/``trial_closed`` events;
3. each allocation row against its allocation event (rows inserted, removed or altered);
4. the stored allocation lists against the lists re-derived from the recorded seed, algorithm and
   version, and every allocation's arm against the derived list (minimisation is replayed);
5. list positions used exactly once with none skipped, and enrolment order without gaps;
6. each row of the people tables against its event (:func:`workbench.registry.people_rows.people_problems`),
   and of the measurement tables (:func:`workbench.registry.measure_rows.measurement_problems`);
7. the signed receipts of the chain head (:func:`workbench.registry.receipts.receipt_problems`): the
   newest events deleted, or the event a receipt names rewritten.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from workbench.core.messages import msg, resolve_lang
from workbench.registry import schema as s
from workbench.registry.audit import canonical, chain_problems
from workbench.registry.models import VerifyReport
from workbench.registry.measure_rows import measurement_problems
from workbench.registry.people_rows import people_problems
from workbench.registry.receipts import receipt_problems
from workbench.registry.roles import grant_problems
from workbench.registry.sequence import LIST_SCHEMES, derive_list, minimisation_arm

ROW_FIELDS = ("arm", "list_key", "sequence_no", "member_no", "order_no", "cluster")
Problem = tuple[str, dict[str, Any]]


def _config_checks(name: str, trial: Any, evs: list[Any]) -> list[Problem]:
    created = [e for e in evs if e.kind == "trial_created"]
    out: list[Problem] = []
    if len(created) != 1:
        return [("registry.verify.trial_not_logged", {"trial": name})]
    if canonical(json.loads(trial.config)) != canonical(json.loads(created[0].payload).get("config")):
        out.append(("registry.verify.config_altered", {"trial": name, "seq": created[0].seq}))
    closed = any(e.kind == "trial_closed" for e in evs)
    if (trial.status == "closed") != closed:
        out.append(("registry.verify.status_altered", {"trial": name}))
    return out


def _row_checks(name: str, events: dict[str, Any], rows: list[Any]) -> list[Problem]:
    out: list[Problem] = []
    by_pid = {r.participant_id: r for r in rows}
    for pid, r in by_pid.items():
        ev = events.get(pid)
        if ev is None:
            out.append(("registry.verify.row_inserted", {"trial": name, "participant": pid}))
            continue
        p = ev["payload"]
        bad = [f for f in ROW_FIELDS if p.get(f) != getattr(r, f)]
        if r.by != ev["by"]:
            bad.append("by")
        if r.created_at != ev["created_at"]:
            bad.append("created_at")
        if r.event_seq != ev["seq"]:
            bad.append("event_seq")
        if json.loads(r.strata) != p.get("strata"):
            bad.append("strata")
        if bad:
            out.append(("registry.verify.row_altered",
                        {"trial": name, "participant": pid, "fields": bad, "seq": ev["seq"]}))
    for pid, ev in events.items():
        if pid not in by_pid:
            out.append(("registry.verify.row_removed", {"trial": name, "participant": pid,
                                                        "seq": ev["seq"]}))
    return out


def _sequence_checks(name: str, cfg: dict[str, Any], seq_rows: list[Any]) -> tuple[list[Problem], dict]:
    out: list[Problem] = []
    lists: dict[str, list[Any]] = defaultdict(list)
    for r in seq_rows:
        lists[r.list_key].append(r)
    derived_lists: dict[str, dict[int, str]] = {}
    for key, rows in lists.items():
        rows.sort(key=lambda r: r.position)
        positions = [r.position for r in rows]
        if positions != list(range(1, len(rows) + 1)):
            out.append(("registry.verify.sequence_gap", {"trial": name, "list": key}))
        derived = {sl.position: sl for sl in derive_list(cfg, key, max(positions))}
        derived_lists[key] = {p: sl.arm for p, sl in derived.items()}
        wrong = [r.position for r in rows if r.position not in derived or
                 (derived[r.position].arm, derived[r.position].block_no, derived[r.position].block_size)
                 != (r.arm, r.block_no, r.block_size)]
        if wrong:
            out.append(("registry.verify.sequence_altered",
                        {"trial": name, "list": key, "positions": wrong[:10]}))
    return out, derived_lists


def _allocation_checks(name: str, cfg: dict[str, Any], allocs: list[dict[str, Any]],
                       derived: dict[str, dict[int, str]]) -> list[Problem]:
    out: list[Problem] = []
    allocs = sorted(allocs, key=lambda e: e["seq"])
    orders = [e["payload"].get("order_no") for e in allocs]
    if orders != list(range(1, len(allocs) + 1)):
        out.append(("registry.verify.order_broken", {"trial": name}))
    scheme = cfg["scheme"]
    if scheme == "minimisation":
        counts: dict[tuple[str, str, str], int] = {}
        for i, e in enumerate(allocs, start=1):
            p = e["payload"]
            if minimisation_arm(cfg, counts, p["strata"], i) != p["arm"]:
                out.append(("registry.verify.arm_mismatch", {"trial": name, "seq": e["seq"],
                                                             "participant": e["participant_id"]}))
            for f, level in p["strata"].items():
                counts[(f, level, p["arm"])] = counts.get((f, level, p["arm"]), 0) + 1
        return out
    if scheme not in LIST_SCHEMES:
        return out
    used: dict[str, list[int]] = defaultdict(list)
    cluster_arm: dict[tuple[str, int], tuple[str, Any]] = {}
    for e in allocs:
        p = e["payload"]
        key, pos = p["list_key"], p["sequence_no"]
        if p.get("member_no", 0) == 0:
            used[key].append(pos)
        expected = derived.get(key, {}).get(pos)
        if scheme == "cluster":
            first = cluster_arm.setdefault((key, pos), (p["arm"], p.get("cluster")))
            if first != (p["arm"], p.get("cluster")):
                expected = None
        if expected != p["arm"]:
            out.append(("registry.verify.arm_mismatch", {"trial": name, "seq": e["seq"],
                                                         "participant": e["participant_id"]}))
    for key, positions in used.items():
        if sorted(positions) != list(range(1, len(positions) + 1)):
            out.append(("registry.verify.positions_broken", {"trial": name, "list": key}))
    return out


def verify_all(db: Any, *, expected_head: str | None = None, checkpoints: list[str] | None = None,
               receipt_key: bytes | None = None, lang: str | None = None) -> VerifyReport:
    """Run every check; return a :class:`VerifyReport` (``ok`` is True when nothing was found)."""
    lang = resolve_lang(lang)
    with db.read() as conn:
        events = conn.execute(sa.select(s.events).order_by(s.events.c.seq)).all()
        trials = conn.execute(sa.select(s.trials).order_by(s.trials.c.id)).all()
        allocs = conn.execute(sa.select(s.allocations)).all()
        seq_rows = conn.execute(sa.select(s.sequence)).all()
        people = (people_problems(conn, events) + grant_problems(conn, events)
                  + measurement_problems(conn, events))
    problems, head = chain_problems(events)
    problems = receipt_problems(events, checkpoints or (), receipt_key) + problems
    problems += people
    if expected_head and expected_head not in {e.hash for e in events}:
        problems.append(("registry.verify.anchor_missing", {"head": expected_head[:16]}))
    ev_by_trial: dict[str, list[Any]] = defaultdict(list)
    for e in events:
        ev_by_trial[e.trial].append(e)
    known = {t.name for t in trials}
    for name in sorted(k for k in ev_by_trial if k is not None and k not in known):
        problems.append(("registry.verify.trial_removed", {"trial": name}))
    for t in trials:
        evs = ev_by_trial.get(t.name, [])
        problems += _config_checks(t.name, t, evs)
        cfg = json.loads(t.config)
        alloc_events: dict[str, dict[str, Any]] = {}
        for e in evs:
            if e.kind != "allocation":
                continue
            try:
                payload = json.loads(e.payload)
            except ValueError:
                payload = {}
            if e.participant_id in alloc_events:
                problems.append(("registry.verify.double_allocation",
                                 {"trial": t.name, "participant": e.participant_id, "seq": e.seq}))
            alloc_events[e.participant_id] = {"seq": e.seq, "by": e.by, "created_at": e.created_at,
                                              "participant_id": e.participant_id, "payload": payload}
        problems += _row_checks(t.name, alloc_events, [a for a in allocs if a.trial_id == t.id])
        seq_problems, derived = _sequence_checks(t.name, cfg, [r for r in seq_rows if r.trial_id == t.id])
        problems += seq_problems
        problems += _allocation_checks(t.name, cfg, list(alloc_events.values()), derived)
    texts = tuple(msg(k, lang, **p) for k, p in problems)
    findings = tuple({"key": k, **{a: (list(b) if isinstance(b, tuple) else b) for a, b in p.items()}}
                     for k, p in problems)
    return VerifyReport(ok=not problems, problems=texts, n_events=len(events), head_hash=head,
                        trials_checked=tuple(t.name for t in trials), findings=findings)
