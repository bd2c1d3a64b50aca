"""Fixtures of the deployment tests: PostgreSQL roles and databases made for each test."""

import os
import uuid

import pytest

PG_ENV = "WORKBENCH_TEST_PG_URL"


@pytest.fixture
def pg_admin():
    """An engine connected as the test cluster's superuser (skips without PostgreSQL)."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    import sqlalchemy as sa

    from workbench.registry.engine import resolve_url

    url = resolve_url(os.environ[PG_ENV], None)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    yield engine, sa.engine.make_url(url)
    engine.dispose()


@pytest.fixture
def owner_and_app(pg_admin):
    """A new database owned by a schema-owner role, and a separate login role for the app."""
    engine, base = pg_admin
    tag = uuid.uuid4().hex[:8]
    owner, app, db = f"wb_owner_{tag}", f"wb_app_{tag}", f"wb_reg_{tag}"
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {owner} LOGIN")
        conn.exec_driver_sql(f"CREATE ROLE {app} LOGIN")
        conn.exec_driver_sql(f"CREATE DATABASE {db} OWNER {owner}")
    owner_url = base.set(username=owner, database=db).render_as_string(hide_password=False)
    app_url = base.set(username=app, database=db).render_as_string(hide_password=False)
    yield owner_url, app_url, app
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {app}")
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {owner}")
