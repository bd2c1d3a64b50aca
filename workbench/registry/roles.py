"""Who may do what: ``owner``, ``staff`` and ``viewer``, per project and per trial.

``owner``   sees the full log, arm totals and exports, closes trials, corrects and unblinds (with a
            typed reason), and is the only one who changes roles. A trial's owner is the person named
            at its creation or granted the role for it; a project owner owns every trial.
``staff``   randomizes and registers participants and sees the arms of the participants they
            randomized themselves; arm totals by stratum stay hidden while recruitment runs.
``viewer``  reads results and reports only: never randomizes or registers anyone.

A role is granted for one trial or for the whole project (``trial=None``); the trial's role comes
first. Roles live in the append-only table ``wb_role_grants``, one row per change, each the copy of
a ``role_granted``/``role_revoked`` event (``verify`` compares them); the newest row per user and
scope is in force (``role=None``: revoked). ``user=None`` is direct database access (an evaluator's
notebook), which acts as the owner.

Until anyone is granted a role in a project or trial, the registry is in one-person mode: anyone
may randomize (the embedded SQLite default). The first grant ends that mode, so a project served
to many users gets its owner first (``workbench roll``) and then its staff.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s

ROLES = ("owner", "staff", "viewer")
GRANT_KINDS = ("role_granted", "role_revoked")
Problem = tuple[str, dict[str, Any]]


def _latest(conn: sa.Connection, user: str, trial_id: int | None) -> str | None:
    g = s.role_grants
    scope = g.c.trial_id.is_(None) if trial_id is None else g.c.trial_id == trial_id
    row = conn.execute(sa.select(g.c.role).where(scope, g.c.user == user)
                       .order_by(g.c.event_seq.desc()).limit(1)).first()
    return None if row is None else row[0]


def any_grants(conn: sa.Connection, trial_id: int | None = None) -> bool:
    """Whether any role was ever granted in the project (or in it and ``trial_id``)."""
    g = s.role_grants
    scope = g.c.trial_id.is_(None) if trial_id is None else sa.or_(g.c.trial_id.is_(None),
                                                                    g.c.trial_id == trial_id)
    return conn.execute(sa.select(g.c.event_seq).where(scope).limit(1)).first() is not None


def project_role(conn: sa.Connection, user: str | None) -> str | None:
    """The user's project-wide role (``owner`` for direct access, None when not granted)."""
    return "owner" if user is None else _latest(conn, user, None)


def effective_role(cfg_owner: str | None, user: str, trial_role: str | None,
                   project_role_: str | None) -> str | None:
    """The role that holds in a trial: the creation owner, else the trial's role, else the project's."""
    if project_role_ == "owner" or (cfg_owner and user == cfg_owner):
        return "owner"
    return trial_role or project_role_


def role_of(conn: sa.Connection, trial_id: int, cfg: Mapping[str, Any], user: str | None, *,
            registered_only: bool = False) -> str | None:
    """``"owner"``, ``"staff"``, ``"viewer"`` or None for ``user`` in the trial.

    In one-person mode (no grants at all) an unnamed user is staff unless ``registered_only``.
    """
    if user is None:
        return None if registered_only else "owner"
    role = effective_role(cfg.get("owner"), user, _latest(conn, user, trial_id), _latest(conn, user, None))
    if role is None and not registered_only and not any_grants(conn, trial_id):
        return "staff"
    return role


def require_owner(conn: sa.Connection, trial_id: int | None, cfg: Mapping[str, Any] | None,
                  user: str | None, *, lang: str | None) -> None:
    """Raise unless ``user`` owns the trial (``trial_id``) or the project (``trial_id=None``).

    A trial without an owner and a project without grants are owned by whoever acts.
    """
    if user is None:
        return
    if trial_id is None:
        if project_role(conn, user) == "owner" or not any_grants(conn):
            return
        raise RegistryError("registry.project_owner_only", lang=lang, user=user)
    if role_of(conn, trial_id, cfg or {}, user, registered_only=True) == "owner":
        return
    if not (cfg or {}).get("owner") and not any_grants(conn, trial_id):
        return
    raise RegistryError("registry.owner_only", lang=lang, user=user,
                        owner=(cfg or {}).get("owner") or "-")


def require_writer(conn: sa.Connection, user: str, *, lang: str | None) -> None:
    """Raise unless ``user`` may register participants and log activities in the project."""
    if not any_grants(conn):
        return
    role = project_role(conn, user)
    if role is None:
        g = s.role_grants
        rows = conn.execute(sa.select(g.c.trial_id, g.c.role).where(g.c.user == user, g.c.trial_id.is_not(None))
                            .order_by(g.c.event_seq)).all()
        latest = {t: r for t, r in rows}
        role = "staff" if any(r in ("owner", "staff") for r in latest.values()) else \
            ("viewer" if latest else None)
    if role == "viewer":
        raise RegistryError("registry.viewer_read_only", lang=lang, user=user)
    if role is None:
        raise RegistryError("registry.no_project_access", lang=lang, user=user)


def is_owner_view(conn: sa.Connection, trial_id: int, cfg: Mapping[str, Any], viewer: str | None) -> bool:
    """Whether ``viewer`` sees the owner's view (``None`` = direct database access)."""
    return role_of(conn, trial_id, cfg, viewer, registered_only=True) == "owner" or (
        viewer is None)


def may_open_project(conn: sa.Connection, user: str, *, strict: bool = False) -> bool:
    """Whether ``user`` holds any role in the project or one of its trials.

    Before any grant (one-person mode) anyone may, unless ``strict`` (a served project).
    """
    if not any_grants(conn):
        return not strict
    g = s.role_grants
    rows = conn.execute(sa.select(g.c.trial_id, g.c.role).where(g.c.user == user)
                        .order_by(g.c.event_seq)).all()
    latest = {t: r for t, r in rows}
    if any(r is not None for r in latest.values()):
        return True
    configs = conn.execute(sa.select(s.trials.c.config)).scalars()
    return any(json.loads(c).get("owner") == user for c in configs)


def grant_problems(conn: sa.Connection, events: list[Any]) -> list[Problem]:
    """Each grant row against its event, and each role event against its row."""
    trial_ids = {name: tid for tid, name in conn.execute(sa.select(s.trials.c.id, s.trials.c.name))}
    rows = {r.event_seq: r for r in conn.execute(sa.select(s.role_grants))}
    out: list[Problem] = []
    for e in events:
        if e.kind not in GRANT_KINDS:
            continue
        row = rows.pop(e.seq, None)
        try:
            p = json.loads(e.payload)
        except ValueError:
            p = {}
        want = (trial_ids.get(e.trial) if e.trial else None, p.get("user"),
                p.get("role") if e.kind == "role_granted" else None, e.by)
        if row is None:
            out.append(("registry.verify.role_removed", {"seq": e.seq, "user": p.get("user")}))
        elif (row.trial_id, row.user, row.role, row.by) != want:
            out.append(("registry.verify.role_altered", {"seq": e.seq, "user": row.user}))
    for seq, row in sorted(rows.items()):
        out.append(("registry.verify.role_inserted", {"seq": seq, "user": row.user}))
    return out
