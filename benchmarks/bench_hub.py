"""Time to interactive through JupyterHub with many staff at once, against the app without the hub.

Run:  bash .ci/with-postgres.sh .venv/bin/python benchmarks/bench_hub.py [--users 20] [--each 10]
      [--window 60] [--runs 3]        (needs make hub-deps; WORKBENCH_TEST_PG_URL is the superuser)

Each run starts the shipped JupyterHub (deploy/jupyterhub_config.py) with PostgreSQL, lets
``--users`` staff open the app spread over ``--window`` seconds and randomize ``--each``
participants each (benchmarks/hub_load.py: sign in on the Hub's page, load the app, then widget
messages over the kernel websocket, as a browser sends them). Time to interactive is from the login
POST until the page's widget states have arrived. The peer, measured the same way in the same
script, is one visitor alone on the app served without the hub (``workbench serve``'s Voilà, a
kernel per visit, no preheating): the ratio is what signing in and sharing the machine with the
others cost. Reported: p50 and p95 over the runs for the 1st and the last visitor, and over all
visitors; every run also checks 0 duplicates, 0 lost and the chain verified.

Kernels are started per visit (the prelaunch hook that passes the signed-in user needs the request,
and Voilà refuses preheated kernels with a prelaunch hook), so the 1st visitor meets an idle machine
and later ones share two cores with the kernels still starting. Not part of the test run.

Measured 2026-12-03 (2 cores, 20 staff x 10, arrivals over 60 s, 2 runs; 0 duplicates, 0 lost,
chain verified in both): time to interactive p50/p95 1st visitor 7.4/8.9 s (1.09x the peer's 6.8 s),
20th visitor 22.3/23.6 s (3.29x), all visitors 24.4/29.2 s (3.60x): kernels started per visit
compete for the two cores; about 87 s for all 200 randomizations.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAFF_PW, OWNER_PW = "bench-personal-2026", "bench-agare-mycket-langt-losenord-2026"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _peer_once(load, project: Path) -> float:
    """One visitor alone on the app without the hub: page load until the widget states arrived."""
    import subprocess

    import requests

    from workbench.ui.serve import free_port, voila_command

    port = free_port()
    argv, env = voila_command(project, port=port, preheat=False)
    env["WORKBENCH_USER"] = "personal1"
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                requests.get(f"http://127.0.0.1:{port}/voila/static/", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.2)
        client = load.AppClient.__new__(load.AppClient)
        client.base, client.user, client.timeout = f"http://127.0.0.1:{port}", "personal1", 300
        client.http = requests.Session()
        client.t0 = time.perf_counter()
        page = client.http.get(f"{client.base}/", timeout=300)
        kernel = re.search(r'"kernelId"\s*:\s*"([^"]+)"', page.text).group(1)
        client.session, client.models = "peer", {}
        import websocket

        client.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?session_id=peer", timeout=300)
        client._request_states()
        elapsed = time.perf_counter() - client.t0
        client.close()
        return elapsed
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--users", type=int, default=20)
    ap.add_argument("--each", type=int, default=10)
    ap.add_argument("--window", type=float, default=60)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    admin = os.environ.get("WORKBENCH_TEST_PG_URL")
    if not admin:
        print("WORKBENCH_TEST_PG_URL is not set: run through .ci/with-postgres.sh", file=sys.stderr)
        return 2
    demo = _load("hub_demo", ROOT / "deploy" / "hub_demo.py")
    load = _load("hub_load", ROOT / "benchmarks" / "hub_load.py")
    from workbench.registry.api import Registry

    first, last, every, peers, ok = [], [], [], [], True
    for run in range(args.runs):
        state = Path(tempfile.mkdtemp(prefix="bench-hub-"))
        hub = demo.HubProcess(admin, state, staff_password=STAFF_PW, owner_password=OWNER_PW,
                              extra_staff=max(args.users - 2, 0))
        t = time.perf_counter()
        try:
            results = load.run_load(hub.url, STAFF_PW, users=args.users, per_user=args.each,
                                    window_s=args.window)
        finally:
            hub.stop()
        wall = time.perf_counter() - t
        with Registry(hub.registry_url, path=hub.project) as reg:
            table = reg.trial(reg.trials()[0]).allocations()
            verified = reg.verify().ok
        errors = [e for r in results for e in r.errors]
        n = len(table)
        dup = n - table["participant_id"].nunique()
        good = not errors and n == args.users * args.each and dup == 0 and verified
        ok &= good
        times = [r.interactive_s for r in results if r.interactive_s is not None]
        first.append(results[0].interactive_s)
        last.append(results[-1].interactive_s)
        every += times
        peers.append(_peer_once(load, hub.project))
        print(f"run {run + 1}: {n} allocations, {dup} duplicates, lost {args.users * args.each - n}, "
              f"chain {'verified' if verified else 'BROKEN'}, {len(errors)} errors, {wall:.0f} s"
              + (f" ({errors[0]})" if errors else ""), flush=True)
    peer = statistics.median(peers)
    print(f"\n{args.users} staff x {args.each} randomizations, arrivals over {args.window:.0f} s, "
          f"{args.runs} runs, {os.cpu_count()} cpus")
    print(f"{'time to interactive (s)':32s} {'p50':>7s} {'p95':>7s} {'p50 / peer':>11s}")
    for name, values in (("1st visitor", first), (f"{args.users}th visitor", last), ("all visitors", every)):
        values = [v for v in values if v is not None]
        if values:
            print(f"{name:32s} {_pct(values, 0.5):7.1f} {_pct(values, 0.95):7.1f} "
                  f"{_pct(values, 0.5) / peer:11.2f}")
    print(f"{'peer: alone, no hub':32s} {peer:7.1f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
