"""Fixtures of the registry tests: a fresh SQLite registry, and PostgreSQL when configured."""

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

PG_ENV = "WORKBENCH_TEST_PG_URL"


def _fresh_pg_url() -> str:
    """A new empty schema-less database is not needed: drop the registry tables instead."""
    import sqlalchemy as sa

    from workbench.registry import schema
    from workbench.registry.engine import resolve_url

    url = resolve_url(os.environ[PG_ENV], None)
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        schema.metadata.drop_all(conn)
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL to an empty registry database on each backend (PostgreSQL only when configured)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / f'reg_{uuid.uuid4().hex[:6]}.sqlite'}"
    if not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    return _fresh_pg_url()


@pytest.fixture
def registry(db_url):
    from workbench.registry.api import Registry

    reg = Registry(db_url)
    yield reg
    reg.close()


@pytest.fixture
def fast_url(db_url, tmp_path):
    """The same backend with commits that do not wait for the disk, to keep the test run short.

    Locking and transactions are unchanged (that is what these tests are about); only the flush
    to disk at commit is skipped: SQLite on a RAM disk, PostgreSQL with synchronous_commit=off.
    """
    if not db_url.startswith("sqlite"):
        sep = "&" if "?" in db_url else "?"
        yield f"{db_url}{sep}options=-c%20synchronous_commit%3Doff"
        return
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield db_url
        return
    folder = Path(tempfile.mkdtemp(prefix="wb_registry_test_", dir=shm))
    yield f"sqlite:///{folder / 'reg.sqlite'}"
    shutil.rmtree(folder, ignore_errors=True)
