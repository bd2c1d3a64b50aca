"""Randomizations per second with 16 concurrent clients, registry vs a plain sqlite3 loop.

Run:  .venv/bin/python benchmarks/bench_registry.py [--clients 16] [--each 300]
      [--pg postgresql://user:pw@127.0.0.1/db]   (or env WORKBENCH_TEST_PG_URL)

Each client is a separate process. All clients wait for a start file, then draw; the rate is the
total number of draws divided by the time from the start signal until the last client finished.
The baseline is plain ``sqlite3`` with one ``BEGIN IMMEDIATE`` transaction per draw (read the
highest position, insert the draw), with the same pragmas as the registry (WAL, synchronous=FULL,
busy timeout). Goal (issue 8): registry ≥ 0.8 × baseline on SQLite.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _plain_sqlite_worker(path: str, prefix: str, n: int) -> None:
    conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=60000")
    for i in range(n):
        conn.execute("BEGIN IMMEDIATE")
        top = conn.execute("SELECT max(position) FROM draws").fetchone()[0] or 0
        conn.execute("INSERT INTO draws(participant, position, arm) VALUES (?, ?, ?)",
                     (f"{prefix}-{i}", top + 1, "insats" if (top % 4) < 2 else "kontroll"))
        conn.execute("COMMIT")
    conn.close()


def _plain_pg_worker(url: str, prefix: str, n: int) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        for i in range(n):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(42)")
                top = conn.execute("SELECT max(position) FROM bench_draws").fetchone()[0] or 0
                conn.execute("INSERT INTO bench_draws(participant, position, arm) VALUES (%s, %s, %s)",
                             (f"{prefix}-{i}", top + 1, "insats"))


def _registry_worker(url: str, prefix: str, n: int) -> None:
    from workbench.registry.api import Registry

    reg = Registry(url)
    trial = reg.trial("bench")
    for i in range(n):
        trial.randomize(f"{prefix}-{i}", strata={"stadsdel": ("Norr", "Söder")[i % 2]}, by=prefix)
    reg.close()


WORKERS = {"plain_sqlite": _plain_sqlite_worker, "plain_pg": _plain_pg_worker,
           "registry": _registry_worker}


def _run(kind: str, target: str, clients: int, each: int) -> float:
    go = Path(tempfile.mkdtemp()) / "go"
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", kind, target, f"c{k}",
                               str(each), str(go)]) for k in range(clients)]
    time.sleep(2.0 + 0.15 * clients)  # let every client import and connect
    t0 = time.perf_counter()
    go.write_text("go")
    for p in procs:
        if p.wait() != 0:
            raise SystemExit(f"{kind} worker failed")
    return clients * each / (time.perf_counter() - t0)


def _setup_plain_sqlite(folder: Path) -> str:
    path = str(folder / "plain.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE draws (participant TEXT UNIQUE, position INTEGER UNIQUE, arm TEXT)")
    conn.commit()
    conn.close()
    return path


def _setup_registry(url: str) -> str:
    import sqlalchemy as sa

    from workbench.registry import schema
    from workbench.registry.api import Registry

    if url.startswith("postgres"):
        from workbench.registry.engine import resolve_url

        engine = sa.create_engine(resolve_url(url, None))
        with engine.begin() as conn:
            schema.metadata.drop_all(conn)
        engine.dispose()
    reg = Registry(url)
    reg.create_trial("bench", strata={"stadsdel": ["Norr", "Söder"]}, seed=1)
    reg.close()
    return url


def _setup_plain_pg(url: str) -> str:
    import psycopg

    url = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_draws")
        conn.execute("CREATE TABLE bench_draws (participant TEXT UNIQUE, position INTEGER UNIQUE, arm TEXT)")
    return url


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--each", type=int, default=300)
    ap.add_argument("--pg", default=os.environ.get("WORKBENCH_TEST_PG_URL"))
    ap.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        kind, target, prefix, n, go = args.worker
        while not os.path.exists(go):
            time.sleep(0.005)
        WORKERS[kind](target, prefix, int(n))
        return
    folder = Path(tempfile.mkdtemp(prefix="bench_registry_"))
    base = _run("plain_sqlite", _setup_plain_sqlite(folder), args.clients, args.each)
    rows = [("plain sqlite3 BEGIN IMMEDIATE", base)]
    sqlite_url = f"sqlite:///{folder / 'registry.sqlite'}"
    rows.append(("registry, SQLite", _run("registry", _setup_registry(sqlite_url), args.clients, args.each)))
    if args.pg:
        rows.append(("plain psycopg advisory lock", _run("plain_pg", _setup_plain_pg(args.pg),
                                                           args.clients, args.each)))
        rows.append(("registry, PostgreSQL", _run("registry", _setup_registry(args.pg),
                                                  args.clients, args.each)))
    print(f"{args.clients} clients x {args.each} draws each (2 cores: {os.cpu_count()} cpus)")
    print(f"{'backend':34s} {'draws/s':>9s} {'x sqlite3 loop':>15s}")
    for name, rate in rows:
        print(f"{name:34s} {rate:9.0f} {rate / base:15.2f}")


if __name__ == "__main__":
    main()
