"""Database connection: a SQLite file in the project (default) or PostgreSQL by URL.

SQLite runs in WAL mode with ``synchronous=FULL`` (a committed allocation survives a power cut)
and a busy timeout. Every write transaction starts with ``BEGIN IMMEDIATE``, so allocations are
serialised by the database's write lock; the pysqlite driver's own transaction handling is
switched off with SQLAlchemy event hooks, as the SQLAlchemy documentation recommends.

Registry writers queue for that lock on an exclusive ``flock`` of a lock file beside the database
(``register.sqlite.wblock``) taken before ``BEGIN IMMEDIATE`` and released after the commit: the
kernel wakes the next waiter the moment the lock is free, and a waiter uses no CPU. SQLite's own
busy handler backs off to sleeps of up to 100 ms and leaves the lock idle under contention;
polling ``BEGIN IMMEDIATE`` hands it on quickly but 15 polling clients starve the one holding the
lock on a 2-core machine (measured, 16 clients: 4.2 ms of CPU per draw instead of about 1; see
``benchmarks/bench_registry.py``). Where ``fcntl`` is missing (Windows) SQLite's busy handler
waits. Any other writer (the ``sqlite3`` shell) is still excluded by ``BEGIN IMMEDIATE`` itself.
A killed writer's locks are released by the operating system and its uncommitted transaction
rolled back.

PostgreSQL (psycopg 3) serialises writers with a transaction-scoped advisory lock taken as the
first statement of every write transaction; it is released at commit, rollback or disconnect.
(Every event extends one global hash chain, so writers must be serialised globally; a
``SELECT … FOR UPDATE`` of a trial's row would not order events of different trials, and in
READ COMMITTED its subqueries would still read the snapshot from before the wait.)
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy handler does the waiting
    fcntl = None  # type: ignore[assignment]

#: file name of the registry inside ``<project>/register/``
DB_DIR = "register"
DB_FILE = "register.sqlite"
#: key of the PostgreSQL advisory lock that serialises writers
PG_LOCK_KEY = 7_411_902_335
BUSY_TIMEOUT_MS = 60_000
#: the lock files whose ``flock`` the current thread holds (a nested write must not wait for itself)
_HELD = threading.local()


def resolve_url(url: str | None, path: str | os.PathLike[str] | None, *, lang: str | None = None) -> str:
    """The SQLAlchemy URL for ``url`` or ``path``.

    ``path`` may be a project folder (the file goes to ``<path>/register/register.sqlite``), the
    ``register`` folder itself, or a file path. ``postgresql://`` is rewritten to use psycopg 3.
    """
    if url is not None:
        if not isinstance(url, str) or not url.strip():
            raise RegistryError("registry.bad_url", lang=lang, url=url)
        url = url.strip()
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://"):]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        if not (url.startswith("sqlite") or url.startswith("postgresql+psycopg://")):
            raise RegistryError("registry.bad_url", lang=lang, url=url)
        return url
    base = Path(path) if path is not None else Path.cwd()
    if base.suffix in {".sqlite", ".db", ".sqlite3"}:
        file = base
    elif base.name == DB_DIR:
        file = base / DB_FILE
    else:
        file = base / DB_DIR / DB_FILE
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RegistryError("registry.bad_path", lang=lang, path=str(file), reason=str(exc)) from exc
    return f"sqlite:///{file.resolve()}"


_SQLITE_MAGIC = b"SQLite format 3\x00"


def sqlite_file(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL (None for in-memory databases and other dialects)."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1] if "://" in url else ""
    path = rest[1:] if rest.startswith("/") else rest
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def check_sqlite_file(url: str, *, lang: str | None = None) -> None:
    """Refuse, without writing a byte, a file that is not a registry database.

    An existing non-empty file must start with SQLite's header; a SQLite database that already
    holds tables must hold the registry's (``wb_meta``). Opening anything else would switch it to
    WAL mode and add tables to it, so it is refused with a message naming the file.
    """
    file = sqlite_file(url)
    if file is None or not file.exists():
        return
    if file.is_dir():
        raise RegistryError("registry.not_a_database", lang=lang, path=str(file))
    size = file.stat().st_size
    if size == 0:
        return
    with open(file, "rb") as fh:
        head = fh.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise RegistryError("registry.not_a_database", lang=lang, path=str(file))
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise RegistryError("registry.not_a_database", lang=lang, path=str(file)) from None
    if tables and "wb_meta" not in tables:
        raise RegistryError("registry.not_a_registry", lang=lang, path=str(file),
                            tables=", ".join(sorted(tables)[:5]))


class _Dialect:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class DirectConnection:
    """What :mod:`workbench.registry.sql` and :func:`workbench.registry.audit.append_event` use of a
    connection (``connection.dbapi_connection``, ``dialect.name``, ``info``), on a driver connection."""

    __slots__ = ("dbapi_connection", "dialect", "info")

    def __init__(self, dbapi_connection: Any, dialect: str) -> None:
        self.dbapi_connection = dbapi_connection
        self.dialect = _Dialect(dialect)
        self.info: dict[str, Any] = {}

    @property
    def connection(self) -> DirectConnection:
        return self


class Database:
    """An engine plus the two kinds of transaction the registry uses (read, serialised write)."""

    def __init__(self, url: str) -> None:
        self.url = url
        #: called with ``(seq, hash)`` of the newest event after a write transaction that appended
        #: events has committed (the registry writes a receipt; see :mod:`workbench.registry.receipts`)
        self.on_commit: Any = None
        self.dialect = "sqlite" if url.startswith("sqlite") else "postgresql"
        #: the file whose ``flock`` queues SQLite writers (None: in-memory database or no fcntl)
        self._lock_file: str | None = None
        if self.dialect == "sqlite":
            self.engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            _install_sqlite_hooks(self.engine)
            file = sqlite_file(url)
            if file is not None and fcntl is not None:
                self._lock_file = f"{file}.wblock"
        else:
            self.engine = sa.create_engine(url, pool_recycle=1800, pool_size=2, max_overflow=4)

    @contextmanager
    def write(self, *, direct: bool = False) -> Iterator[Any]:
        """A transaction that holds the registry's single writer lock until it commits.

        ``direct=True`` yields a :class:`DirectConnection` on the driver connection instead of a
        SQLAlchemy ``Connection``: no SQLAlchemy transaction, events or execution options per call,
        and on PostgreSQL ``BEGIN`` and the lock in one round trip. (psycopg's pipeline mode, used
        before, cost 1.6 ms of client CPU per draw in its pure-Python result loop: measured.)
        Only for code that runs its statements through :mod:`workbench.registry.sql` (the
        allocation hot path).
        """
        head = None
        with (self._direct(self.engine.raw_connection()) if direct
              else self._transaction()) as conn:
            conn.info.pop("wb_head", None)
            try:
                yield conn
            finally:
                head = conn.info.pop("wb_head", None)
        if head is not None and self.on_commit is not None:
            self.on_commit(head)

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        if self.dialect == "sqlite":
            # the pool's check-out and check-in happen outside the queue: only BEGIN … COMMIT is serial
            with self.engine.connect() as conn:
                conn = conn.execution_options(wb_write=True)
                with self._writer_queue(), conn.begin():
                    yield conn
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(wb_write=True)
            with conn.begin():
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
                yield conn

    @contextmanager
    def _direct(self, fairy: Any) -> Iterator[DirectConnection]:
        """The write transaction of ``write(direct=True)`` on the pooled driver connection ``fairy``."""
        dbapi = fairy.dbapi_connection
        conn = DirectConnection(dbapi, self.dialect)
        try:
            if self.dialect == "sqlite":
                with self._writer_queue():
                    _begin_immediate(dbapi)
                    try:
                        yield conn
                    except BaseException:
                        if dbapi.in_transaction:
                            dbapi.execute("ROLLBACK")
                        raise
                    dbapi.execute("COMMIT")
                return
            # autocommit on the driver, so that BEGIN and the lock travel in one simple query (no
            # parameters) instead of psycopg's separate BEGIN; the caller's statements follow one
            # round trip each, then COMMIT: 4 round trips per draw (plain psycopg needs 5)
            dbapi.autocommit = True
            try:
                dbapi.execute(f"BEGIN; SELECT pg_advisory_xact_lock({PG_LOCK_KEY:d})")
                try:
                    yield conn
                except BaseException:
                    if not dbapi.closed:
                        dbapi.execute("ROLLBACK")
                    raise
                dbapi.execute("COMMIT")
            finally:
                if _idle(dbapi, self.dialect):
                    dbapi.autocommit = False  # as the pool hands it to SQLAlchemy
        except BaseException:
            if not _idle(dbapi, self.dialect):
                fairy.invalidate()  # a connection left mid-transaction is not handed out again
            raise
        finally:
            fairy.close()

    @contextmanager
    def _writer_queue(self) -> Iterator[None]:
        """Hold the exclusive ``flock`` of the lock file until the write transaction has ended.

        A nested write of the same thread passes through (its ``BEGIN IMMEDIATE`` then waits in
        SQLite's busy handler, as any writer outside the queue does); so does a writer that cannot
        create the lock file (a read-only folder).
        """
        held: set[str] = _HELD.__dict__.setdefault("files", set())
        if self._lock_file is None or self._lock_file in held:
            yield
            return
        try:
            fd = os.open(self._lock_file, os.O_RDWR | os.O_CREAT, 0o640)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            held.add(self._lock_file)
            try:
                yield
            finally:
                held.discard(self._lock_file)
        finally:
            os.close(fd)  # releases the lock

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A read-only transaction (a consistent snapshot on both backends)."""
        with self.engine.connect() as conn:
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(sa.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _idle(dbapi: Any, dialect: str) -> bool:
    """Whether a driver connection is open and outside any transaction (fit for the pool)."""
    try:
        if dialect == "sqlite":
            return not dbapi.in_transaction
        import psycopg

        return not dbapi.closed and dbapi.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    except Exception:  # noqa: BLE001 - a connection that cannot say is not fit
        return False


def _install_sqlite_hooks(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        if conn.get_execution_options().get("wb_write"):
            _begin_immediate(conn.connection.dbapi_connection)
        else:
            conn.exec_driver_sql("BEGIN")


def _begin_immediate(dbapi_conn: Any) -> None:
    """``BEGIN IMMEDIATE`` (a writer outside the registry's queue is waited for by the busy handler)."""
    dbapi_conn.execute("BEGIN IMMEDIATE")
