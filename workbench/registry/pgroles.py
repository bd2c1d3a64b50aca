"""PostgreSQL roles for a served registry: a schema owner, and an app role that can only add.

The hub deployment (``deploy/``) connects the staff app as a role that may ``SELECT`` and
``INSERT`` the registry's tables and nothing else: no ``UPDATE``, ``DELETE`` or ``TRUNCATE`` on the
event log, the allocations, the allocation lists, the people tables or the role grants (the only
``UPDATE`` it holds is on ``wb_trials.status``, which closing a trial sets and ``verify`` checks
against its event). The tables, and with them the append-only triggers, belong to another role, the
schema owner, which runs the migrations; only that role could drop a trigger, and someone who does
is still caught by ``verify`` and the receipts.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s

_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

#: tables the app role may only read and add to
APPEND_ONLY = ("wb_events", "wb_allocations", "wb_sequence", "wb_participants",
               "wb_participant_updates", "wb_activities", "wb_role_grants", "wb_indicators",
               "wb_occasions", "wb_measurements")


def _ident(name: str, *, lang: str | None = None) -> str:
    if not isinstance(name, str) or not _IDENT.match(name):
        raise RegistryError("registry.bad_db_role", lang=lang, role=name)
    return name


def app_role_statements(app_role: str, *, lang: str | None = None) -> list[str]:
    """The SQL (run by the schema owner) that gives ``app_role`` exactly the app's rights."""
    role = _ident(app_role, lang=lang)
    tables = [t.name for t in s.metadata.sorted_tables]
    out = [f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
           "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA public TO {role}"]
    for table in tables:
        out.append(f"GRANT SELECT ON {table} TO {role}")
        if table != "wb_meta":
            out.append(f"GRANT INSERT ON {table} TO {role}")
        out.append(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}")
    out.append(f"GRANT UPDATE (status) ON wb_trials TO {role}")
    out.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
    return out


def grant_app_role(url: str, app_role: str, *, lang: str | None = None) -> None:
    """Create or migrate the registry at ``url`` (as its owner) and give ``app_role`` the app's rights.

    Parameters
    ----------
    url
        A ``postgresql://`` URL that connects as the schema owner.
    app_role
        An existing login role for the app (lower-case letters, digits, ``_``).
    """
    from workbench.registry.api import Registry

    Registry(url, lang=lang).close()  # creates the tables or migrates them, owned by this role
    engine = sa.create_engine(_psycopg(url))
    try:
        with engine.begin() as conn:
            for statement in app_role_statements(app_role, lang=lang):
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _psycopg(url: str) -> str:
    from workbench.registry.engine import resolve_url

    return resolve_url(url, None)
