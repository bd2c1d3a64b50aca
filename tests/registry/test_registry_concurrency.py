"""Reliability: many processes randomizing at once, and a process killed inside its transaction."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from workbench.registry import schema as s
from workbench.registry.api import Registry
from workbench.registry.audit import HOOK_ENV

WORKER = Path(__file__).with_name("worker_randomize.py")
LEVELS = ("Norr", "Söder", "Öster")


def _spawn(url, trial, prefix, n, go, levels=LEVELS, env=None):
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, trial, prefix, str(n), str(go), ",".join(levels)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or os.environ.copy())


def _run_many(url, tmp_path, trial, n_procs, n_each):
    go = tmp_path / f"go_{trial}"
    procs = [_spawn(url, trial, f"w{k}", n_each, go) for k in range(n_procs)]
    time.sleep(0.5)
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=170)
        assert p.returncode == 0, err[-2000:]
        assert out.strip() == str(n_each)


def _check_lists(reg, trial_name, n_total, ratio=(1, 1)):
    trial = reg.trial(trial_name)
    table = trial.allocations()
    assert len(table) == n_total
    assert table["participant_id"].is_unique
    with reg._db.read() as conn:
        slots = conn.execute(sa.select(s.sequence.c.list_key, s.sequence.c.position,
                                       s.sequence.c.block_no, s.sequence.c.block_size)
                             .where(s.sequence.c.trial_id == trial._id)).all()
    block_of = {(r.list_key, r.position): (r.block_no, r.block_size) for r in slots}
    for key, grp in table.groupby("list_key"):
        positions = sorted(grp["sequence_no"])
        assert positions == list(range(1, len(grp) + 1)), f"duplicate or skipped position in {key}"
        blocks: dict[int, list[str]] = {}
        sizes = {}
        for pos, arm in zip(grp["sequence_no"], grp["arm"], strict=True):
            b, size = block_of[(key, pos)]
            blocks.setdefault(b, []).append(arm)
            sizes[b] = size
        complete = [b for b in blocks if len(blocks[b]) == sizes[b]]
        assert complete
        for b in complete:
            counts = Counter(blocks[b])
            unit = sizes[b] // sum(ratio)
            assert [counts[a] for a in trial.arms] == [r * unit for r in ratio]
    orders = sorted(table["order_no"])
    assert orders == list(range(1, n_total + 1))


@pytest.mark.slow
def test_sixteen_processes_at_once(fast_url, tmp_path):
    db_url = fast_url
    reg = Registry(db_url)
    reg.create_trial("samtidigt", strata={"stadsdel": list(LEVELS)}, block_sizes=(4, 6), seed=11)
    _run_many(db_url, tmp_path, "samtidigt", 16, 500)
    _check_lists(reg, "samtidigt", 16 * 500)
    report = reg.verify()
    assert report.ok, report.problems
    reg.close()


def test_four_processes_small(fast_url, tmp_path):
    """A quick version of the above that runs in every test run (ratio 2:1, lists extended)."""
    db_url = fast_url
    reg = Registry(db_url)
    reg.create_trial("litet", strata={"stadsdel": list(LEVELS)}, ratio=(2, 1), block_sizes=(3, 6),
                     seed=5)
    _run_many(db_url, tmp_path, "litet", 4, 150)
    _check_lists(reg, "litet", 600, ratio=(2, 1))
    assert reg.verify().ok
    reg.close()


def test_killed_inside_transaction_leaves_nothing(db_url, tmp_path):
    reg = Registry(db_url)
    trial = reg.create_trial("krasch", strata={"stadsdel": list(LEVELS)}, seed=3)
    for i in range(5):
        trial.randomize(f"före-{i}", strata={"stadsdel": "Norr"}, by="anna")
    head_before = reg.head()
    marker = tmp_path / "inne_i_transaktionen"
    env = {**os.environ, HOOK_ENV: f"{marker}:60"}
    go = tmp_path / "go_krasch"
    go.write_text("go")
    proc = _spawn(db_url, "krasch", "offer", 1, go, levels=("Norr",), env=env)
    deadline = time.time() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read()
        assert time.time() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    # the next writer gets the lock (the dead transaction was rolled back) …
    after = trial.randomize("efter", strata={"stadsdel": "Norr"}, by="anna")
    assert after.sequence_no == 6
    # … and nothing of the killed allocation is left
    assert trial.lookup("offer-0") is None
    table = trial.allocations()
    assert "offer-0" not in set(table["participant_id"])
    log = trial.event_log()
    assert "offer-0" not in set(log["participant_id"].dropna())
    assert reg.head()[0] == head_before[0] + 1
    report = reg.verify(expected_head=head_before[1])
    assert report.ok, report.problems
    reg.close()


def _randomize_in_thread(reg, pid):
    import threading

    box = {}

    def run():
        try:
            box["alloc"] = reg.trial("kö").randomize(pid, by="anna")
        except Exception as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    th = threading.Thread(target=run, daemon=True)
    th.start()
    return th, box


@pytest.mark.skipif(sys.platform == "win32", reason="the flock queue is POSIX only")
def test_sqlite_writers_wait_in_the_flock_queue(tmp_path):
    import fcntl

    db = tmp_path / "reg.sqlite"
    reg = Registry(f"sqlite:///{db}")
    reg.create_trial("kö", seed=3)
    lock = Path(f"{db}.wblock")
    assert lock.exists()
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another writer is in the queue's lock
    th, box = _randomize_in_thread(reg, "K-1")
    th.join(0.5)
    assert th.is_alive(), "a registry writer did not wait for the queue"
    os.close(fd)
    th.join(10)
    assert not th.is_alive() and "error" not in box
    assert box["alloc"].sequence_no == 1
    reg.close()


def test_sqlite_writer_outside_the_queue_still_excludes(tmp_path):
    import sqlite3

    db = tmp_path / "reg.sqlite"
    reg = Registry(f"sqlite:///{db}")
    reg.create_trial("kö", seed=3)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # e.g. the sqlite3 shell, which knows nothing of the queue
    th, box = _randomize_in_thread(reg, "K-2")
    th.join(0.5)
    assert th.is_alive(), "a registry writer ran while another connection held the write lock"
    other.execute("COMMIT")
    other.close()
    th.join(10)
    assert not th.is_alive() and "error" not in box
    assert reg.verify().ok
    reg.close()
