"""Who may do what in a trial.

``owner``  the person named at creation (or anyone with direct database access, ``viewer=None``):
           sees the full log, arm totals and exports, closes the trial, adds staff.
``staff``  may randomize and see the arms of the participants they randomized themselves; arm
           totals by stratum stay hidden from them while recruitment runs. Until the owner adds
           named staff, anyone may randomize.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s


def _registered(conn: sa.Connection, trial_id: int) -> dict[str, str]:
    rows = conn.execute(sa.select(s.roles.c.user, s.roles.c.role).where(s.roles.c.trial_id == trial_id))
    return {u: r for u, r in rows}


def role_of(conn: sa.Connection, trial_id: int, cfg: Mapping[str, Any], user: str | None, *,
            registered_only: bool = False) -> str | None:
    """``"owner"``, ``"staff"`` or None (``registered_only``: only roles stored for the trial)."""
    if user is None:
        return None if registered_only else "owner"
    if cfg.get("owner") and user == cfg["owner"]:
        return "owner"
    role = _registered(conn, trial_id).get(user)
    if role is not None or registered_only:
        return role
    return "staff"


def require_owner(conn: sa.Connection, trial_id: int, cfg: Mapping[str, Any], user: str | None, *,
                  lang: str | None) -> None:
    """Raise unless ``user`` is the trial's owner (any user when the trial has no owner)."""
    if cfg.get("owner") and user is not None and user != cfg["owner"]:
        raise RegistryError("registry.owner_only", lang=lang, user=user, owner=cfg["owner"])


def is_owner_view(conn: sa.Connection, trial_id: int, cfg: Mapping[str, Any], viewer: str | None) -> bool:
    """Whether ``viewer`` sees the owner's view (``None`` = direct database access)."""
    return role_of(conn, trial_id, cfg, viewer) == "owner"
