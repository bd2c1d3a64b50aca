"""Reliability of measurements: 8 processes × 200 values at once, on SQLite and PostgreSQL."""

import sqlalchemy as sa
import subprocess
import sys
import time
from pathlib import Path

from workbench.registry import schema as s
from workbench.registry.api import Registry

WORKER = Path(__file__).with_name("worker_measure.py")
N_PROCS, N_EACH, N_SHARED = 8, 200, 20


def test_eight_processes_record_at_once(fast_url, tmp_path):
    reg = Registry(fast_url)
    reg.define_indicator("stress", minimum=0, maximum=100)
    for k in range(N_PROCS):
        for j in range((N_EACH - N_SHARED) // 2):
            reg.register_participant(f"w{k}-{j}", by="setup", registered_on="2025-01-01")
    for j in range(N_SHARED):
        reg.register_participant(f"S-{j}", by="setup", registered_on="2025-01-01")
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, str(WORKER), fast_url, f"w{k}", str(N_EACH),
                               str(N_SHARED), str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for k in range(N_PROCS)]
    time.sleep(0.5)
    go.write_text("go")
    stored = refused = 0
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        a, b = map(int, out.split())
        stored, refused = stored + a, refused + b
    own = N_PROCS * (N_EACH - N_SHARED)
    # every shared participant's baseline is stored exactly once; every other attempt refused
    assert stored == own + N_SHARED and refused == N_SHARED * (N_PROCS - 1)
    long = reg.measurements("stress")
    assert len(long) == own + N_SHARED
    assert not long.duplicated(["participant_id", "indicator", "occasion"]).any()
    with reg._db.read() as conn:
        rows = conn.execute(sa.select(sa.func.count()).select_from(s.measurements)).scalar_one()
        events = conn.execute(sa.select(sa.func.count()).select_from(s.events)
                              .where(s.events.c.kind == "measurement_recorded")).scalar_one()
    assert rows == events == own + N_SHARED  # nothing lost, nothing twice
    report = reg.verify()
    assert report.ok, report.problems
    reg.close()
