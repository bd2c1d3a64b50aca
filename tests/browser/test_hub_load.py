"""Load through the real hub: 20 signed-in staff open the app within a minute and randomize 10
participants each against PostgreSQL: 0 duplicates, 0 lost, every arm as shown, chain verified.

The clients speak to the page as the widget front end does (benchmarks/hub_load.py); timings are
recorded in benchmarks/bench_hub.py, not asserted here.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.hub, pytest.mark.postgres, pytest.mark.slow, pytest.mark.load]

ROOT = Path(__file__).resolve().parents[2]
STAFF_PW, OWNER_PW = "personal-losen-2026", "agarens-mycket-langa-losenord-2026-xyz"
USERS, PER_USER = 20, 10


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_twenty_staff_randomize_ten_each_through_the_hub(tmp_path):
    if not os.environ.get("WORKBENCH_TEST_PG_URL"):
        pytest.skip("WORKBENCH_TEST_PG_URL is not set (run through .ci/with-postgres.sh)")
    if not (ROOT / "deploy" / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail("configurable-http-proxy is not installed: run 'make hub-deps'")
    from workbench.registry.api import Registry
    from workbench.registry.receipts import stored_receipts

    demo = _load("hub_demo", ROOT / "deploy" / "hub_demo.py")
    load = _load("hub_load", ROOT / "benchmarks" / "hub_load.py")
    hub = demo.HubProcess(os.environ["WORKBENCH_TEST_PG_URL"], tmp_path, staff_password=STAFF_PW,
                          owner_password=OWNER_PW, extra_staff=USERS - 2)
    try:
        results = load.run_load(hub.url, STAFF_PW, users=USERS, per_user=PER_USER, window_s=60)
    finally:
        hub.stop()
    errors = [f"{r.user}: {e}" for r in results for e in r.errors]
    assert errors == []
    shown = {pid: (r.user, arm) for r in results for pid, arm in r.arms.items()}
    assert len(shown) == USERS * PER_USER
    with Registry(hub.registry_url, path=hub.project) as reg:
        trial = reg.trial(reg.trials()[0])
        table = trial.allocations()
        assert len(table) == USERS * PER_USER                      # 0 lost
        assert table["participant_id"].is_unique                   # 0 duplicates
        assert sorted(table["order_no"]) == list(range(1, USERS * PER_USER + 1))
        stored = {r.participant_id: (r.by, r.arm.upper()) for r in table.itertuples()}
        assert stored == shown                                     # the arm each person was shown
        report = reg.verify()
        assert report.ok, report.problems
        assert len(stored_receipts(reg.receipts_file)) >= USERS * PER_USER
