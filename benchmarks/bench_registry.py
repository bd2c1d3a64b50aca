"""Randomizations per second with 16 concurrent clients, registry vs a plain sqlite3 loop.

Run:  .venv/bin/python benchmarks/bench_registry.py [--clients 16] [--each 200]
      [--pg postgresql://user:pw@127.0.0.1/db]   (or env WORKBENCH_TEST_PG_URL)

Each client is a separate process. All clients wait for a start file, then draw; the rate is the
total number of draws divided by the time from the start signal until the last client finished.
The baseline is plain ``sqlite3`` with one ``BEGIN IMMEDIATE`` transaction per draw (read the
highest position, insert the draw), with the same pragmas as the registry (WAL, synchronous=FULL,
busy timeout). On PostgreSQL the baseline is plain psycopg with one transaction per draw that
takes an advisory lock, reads the highest position and inserts the draw. Goal (issue 20):
registry ≥ 0.8 × its backend's baseline, with the hash chain and a signed receipt appended to
``register/kvitton.txt`` after every draw (the registry runs in a project folder with a key).

Every row also reports the peak resident memory (RSS) of the largest client process.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable


# Each worker connects (and imports) before the start signal and returns the drawing loop.

def _plain_sqlite_worker(path: str, prefix: str, n: int) -> Callable[[], None]:
    conn = sqlite3.connect(path, timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=60000")

    def loop() -> None:
        for i in range(n):
            conn.execute("BEGIN IMMEDIATE")
            top = conn.execute("SELECT max(position) FROM draws").fetchone()[0] or 0
            conn.execute("INSERT INTO draws(participant, position, arm) VALUES (?, ?, ?)",
                         (f"{prefix}-{i}", top + 1, "insats" if (top % 4) < 2 else "kontroll"))
            conn.execute("COMMIT")
        conn.close()
    return loop


def _plain_pg_worker(url: str, prefix: str, n: int) -> Callable[[], None]:
    import psycopg

    conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))

    def loop() -> None:
        for i in range(n):
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(42)")
                top = conn.execute("SELECT max(position) FROM bench_draws").fetchone()[0] or 0
                conn.execute("INSERT INTO bench_draws(participant, position, arm) VALUES (%s, %s, %s)",
                             (f"{prefix}-{i}", top + 1, "insats"))
        conn.close()
    return loop


#: the project's pseudonymization key in the benchmark (receipts are signed with a key derived from it)
BENCH_KEY = "bench-key-not-secret"


def _registry_worker(url: str, prefix: str, n: int) -> Callable[[], None]:
    from workbench.registry.api import Registry

    project, _, url = url.partition("|")
    reg = Registry(url or None, path=project, key=BENCH_KEY)
    trial = reg.trial("bench")

    def loop() -> None:
        for i in range(n):
            trial.randomize(f"{prefix}-{i}", strata={"stadsdel": ("Norr", "Söder")[i % 2]}, by=prefix)
        reg.close()
    return loop


def _peak_rss_mb() -> float:
    """This process's peak RSS in MB (``VmHWM``: ``ru_maxrss`` would include the parent's before exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


WORKERS = {"plain_sqlite": _plain_sqlite_worker, "plain_pg": _plain_pg_worker,
           "registry": _registry_worker}


def _run(kind: str, target: str, clients: int, each: int) -> tuple[float, float, float]:
    """Draws per second over all clients, the peak RSS (MB) of the largest client and the CPU
    time (user + system, ms) the clients spent per draw."""
    go = Path(tempfile.mkdtemp()) / "go"
    procs = [subprocess.Popen([sys.executable, __file__, "--worker", kind, target, f"c{k}",
                               str(each), str(go)], stdout=subprocess.PIPE, text=True)
             for k in range(clients)]
    time.sleep(2.0 + 0.15 * clients)  # let every client import and connect
    t0 = time.perf_counter()
    go.write_text("go")
    peaks, cpu = [], 0.0
    for p in procs:
        out, _ = p.communicate()
        if p.returncode != 0:
            raise SystemExit(f"{kind} worker failed")
        rss, seconds = out.split()[-2:]
        peaks.append(float(rss))
        cpu += float(seconds)
    rate = clients * each / (time.perf_counter() - t0)
    return rate, max(peaks), 1000 * cpu / (clients * each)


def _setup_plain_sqlite(folder: Path) -> str:
    path = str(folder / "plain.sqlite")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE draws (participant TEXT UNIQUE, position INTEGER UNIQUE, arm TEXT)")
    conn.commit()
    conn.close()
    return path


def _setup_registry(url: str | None, project: Path) -> str:
    import sqlalchemy as sa

    from workbench.registry import schema
    from workbench.registry.api import Registry

    if url is not None:
        from workbench.registry.engine import resolve_url

        engine = sa.create_engine(resolve_url(url, None))
        with engine.begin() as conn:
            schema.metadata.drop_all(conn)
        engine.dispose()
    reg = Registry(url, path=project, key=BENCH_KEY)
    reg.create_trial("bench", strata={"stadsdel": ["Norr", "Söder"]}, seed=1)
    reg.close()
    return f"{project}|{url or ''}"


def _check_registry(target: str, clients: int, each: int) -> None:
    """The run left a sound registry: every draw stored once, the chain and receipts verified."""
    from workbench.registry.api import Registry
    from workbench.registry.receipts import stored_receipts

    project, _, url = target.partition("|")
    with Registry(url or None, path=project, key=BENCH_KEY) as reg:
        report = reg.verify()
        n = len(reg.trial("bench").allocations())
        receipts = len(stored_receipts(reg.receipts_file))
    if not report.ok or n != clients * each or receipts < clients * each:
        raise SystemExit(f"registry run unsound: ok={report.ok} allocations={n} receipts={receipts}")


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
    ap.add_argument("--each", type=int, default=200)
    ap.add_argument("--pg", default=os.environ.get("WORKBENCH_TEST_PG_URL"))
    ap.add_argument("--rounds", type=int, default=3,
                    help="baseline and registry run alternately this many times; medians reported")
    ap.add_argument("--worker", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        kind, target, prefix, n, go = args.worker
        loop = WORKERS[kind](target, prefix, int(n))
        while not os.path.exists(go):
            time.sleep(0.005)
        before = resource.getrusage(resource.RUSAGE_SELF)
        loop()
        after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(_peak_rss_mb(), cpu)  # CPU seconds spent drawing
        return
    folder = Path(tempfile.mkdtemp(prefix="bench_registry_"))
    n, each = args.clients, args.each
    pairs = [("plain sqlite3 BEGIN IMMEDIATE", "plain_sqlite", "registry, SQLite", None)]
    if args.pg:
        pairs.append(("plain psycopg advisory lock", "plain_pg", "registry, PostgreSQL", args.pg))
    lines = []
    for base_name, base_kind, reg_name, url in pairs:
        base_runs, reg_runs, ratios = [], [], []
        for r in range(args.rounds):  # alternate, so that a burst of load elsewhere hits both
            sub = folder / f"{base_kind}_{r}"
            sub.mkdir()
            base_target = _setup_plain_sqlite(sub) if url is None else _setup_plain_pg(url)
            base_runs.append(_run(base_kind, base_target, n, each))
            target = _setup_registry(url, sub / "project")  # SQLite: the project's register.sqlite
            reg_runs.append(_run("registry", target, n, each))
            _check_registry(target, n, each)
            ratios.append(reg_runs[-1][0] / base_runs[-1][0])
        lines.append((base_name, _median(base_runs), 1.0))
        lines.append((reg_name, _median(reg_runs), statistics.median(ratios)))
    print(f"{n} clients x {each} draws each, {args.rounds} alternating rounds, medians "
          f"({os.cpu_count()} cpus); registry with hash chain and a signed receipt per draw")
    print(f"{'backend':30s} {'draws/s':>8s} {'x plain':>8s} {'CPU ms/draw':>12s} {'peak RSS MB':>12s}")
    for name, (rate, rss, cpu), ratio in lines:
        print(f"{name:30s} {rate:8.0f} {ratio:8.2f} {cpu:12.2f} {rss:12.0f}")


def _median(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Median rate and CPU per draw; the largest peak RSS."""
    return (statistics.median(r[0] for r in runs), max(r[1] for r in runs),
            statistics.median(r[2] for r in runs))

if __name__ == "__main__":
    main()
