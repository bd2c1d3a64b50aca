"""Speed of what staff and decision makers meet: the Voilà start page, the report export, the demo build.

1. Time to interactive (``driver.get()`` until the first app button is clickable, median of 5) of the
   staff app's start page on the demo project against a bare ipywidgets notebook (a text field and a
   button), both served by Voilà with the same settings (``voila_command``: 127.0.0.1, the ``verkstad``
   template, no sources), in headless Debian Chromium with the network blocked, interleaved so drift
   hits both alike. Modes (``--modes``):

   - ``plain``: a kernel started per request (no preheat);
   - ``preheat``: Voilà's preheated pool runs the notebook *before* the request. Fast, but the page
     shows the project as it was when the kernel was heated (stale after a save): not for real use;
   - ``preheat_wait``: the pool runs the imports, then waits in ``voila.utils.wait_for_request()``;
     the page is built when the request arrives;
   - ``preheat_wait_warm``: as ``preheat_wait``, plus one throw-away ``start_app()`` before the wait
     so every code path the page needs is loaded (the layout ``workbench.ui.serve.preheat_safe``
     accepts; ``workbench serve`` preheats only such a notebook).

   When ``workbench/ui/apps/start.ipynb`` itself waits for the request it is used as is in the
   ``preheat_wait*`` modes. Goal: start page / bare form <= 1.3x in the mode ``workbench serve`` uses.
2. Export of the full demo project's report (``build_report``): seconds (median of 3) and size.
   Goal: < 3 s and < 3 MB.
3. ``workbench demo --build-only`` in a fresh interpreter (what ``make demo`` does before serving).

Run: ``.venv/bin/python benchmarks/bench_apps.py [--runs 5] [--modes plain,preheat,preheat_wait_warm]``.
Needs ``chromium`` and ``chromedriver`` (Debian packages) and Linux ``/proc``. Not part of the test
run. Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BARE_SOURCE = [
    "import ipywidgets as w",
    "name = w.Text(description='Namn')\nbutton = w.Button(description='Spara')\nw.VBox([name, button])",
]
WAIT_CELL = "from voila.utils import wait_for_request\nwait_for_request()"
WARM_BUILD = "_ = start_app()  # build once, not shown: every code path the page needs is loaded"
WARM_IMPORTS = "import pandas  # the results page's tables need it: import before the request arrives"
START_NOTEBOOK = Path(__file__).resolve().parents[1] / "workbench" / "ui" / "apps" / "start.ipynb"
BROWSER_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", "--window-size=1280,1000",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
)


def start_wait_cells(warm_build: bool = False) -> list[str]:
    """The start notebook's cells with the imports first, then ``wait_for_request()``, then the rest."""
    import nbformat

    cells = [c.source for c in nbformat.read(START_NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    imports = "\n".join(line for c in cells for line in c.splitlines() if line.startswith(("import ", "from ")))
    rest = "\n".join(line for c in cells for line in c.splitlines() if not line.startswith(("import ", "from ")))
    return [imports + "\n" + WARM_IMPORTS + ("\n" + WARM_BUILD if warm_build else ""), WAIT_CELL, rest]


def mode_notebooks(mode: str, work: Path) -> dict[str, Path]:
    """The bare form and the start page as served in ``mode`` (see the module docstring)."""
    if not mode.startswith("preheat_wait"):
        return {"bare": write_notebook(work / f"bare_{mode}.ipynb", BARE_SOURCE), "start": START_NOTEBOOK}
    from workbench.ui.serve import preheat_safe

    bare = write_notebook(work / f"bare_{mode}.ipynb", [BARE_SOURCE[0], WAIT_CELL, BARE_SOURCE[1]])
    if preheat_safe(START_NOTEBOOK):
        return {"bare": bare, "start": START_NOTEBOOK}
    return {"bare": bare, "start": write_notebook(work / f"start_{mode}.ipynb",
                                                  start_wait_cells(mode == "preheat_wait_warm"))}


def write_notebook(path: Path, cells: list[str]) -> Path:
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def make_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chrome or not driver_path:
        sys.exit("chromium and chromedriver are needed: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(120)
    return driver


class Server:
    """Voilà serving ``notebook`` with the app's own settings (``voila_command``), optionally preheated."""

    def __init__(self, notebook: Path, project: Path, log: Path, *, preheat: bool, extra: tuple[str, ...] = ()) -> None:
        from workbench.ui.serve import APPS_DIR, free_port, voila_command

        self.port = free_port()
        argv, env = voila_command(project, port=self.port, preheat=preheat)
        argv[argv.index(str(APPS_DIR / "start.ipynb"))] = str(notebook)
        argv += list(extra)
        self.preheat = preheat
        self.log = log
        self.proc = subprocess.Popen(argv, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                                     cwd=notebook.parent)
        self.url = f"http://127.0.0.1:{self.port}/"
        self._wait_http()

    def _wait_http(self) -> None:
        # probe a path that renders nothing, so no kernel is taken from the pool
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Voilà stopped: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url + "voila/static/no-such-file", timeout=30)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("Voilà did not answer within 90 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def time_to_interactive(driver, url: str) -> float:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    start = time.perf_counter()
    driver.get(url)
    WebDriverWait(driver, 120, poll_frequency=0.02).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".jupyter-button")))
    elapsed = time.perf_counter() - start
    if "Traceback" in driver.page_source:
        raise RuntimeError(f"the page at {url} shows a traceback")
    driver.get("about:blank")
    return elapsed


def _cpu_ticks(root: int) -> int:
    """CPU ticks used so far by ``root`` and its descendants (the server and its kernels; Linux /proc)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])
    family, grew = {root}, True
    while grew:
        new = {pid for pid, ppid in parents.items() if ppid in family} - family
        family |= new
        grew = bool(new)
    return sum(ticks.get(pid, 0) for pid in family)


def wait_settled(servers: list[Server], settle: float, fill_delay: float = 1.0) -> None:
    """Wait until each server and its kernels are idle (a preheated pool has refilled and rendered)."""
    time.sleep(fill_delay + 0.5)  # Voilà refills its pool ``fill_delay`` seconds after a kernel is taken
    for server in servers:
        deadline = time.time() + 120
        before = _cpu_ticks(server.proc.pid)
        quiet = 0
        while quiet < 3 and time.time() < deadline:  # 3 x 0.3 s with under 2 ticks (20 ms) of CPU
            time.sleep(0.3)
            now = _cpu_ticks(server.proc.pid)
            quiet = quiet + 1 if now - before < 2 else 0
            before = now
    time.sleep(settle)


def bench_mode(mode: str, notebooks: dict[str, Path], project: Path, work: Path, runs: int,
               settle: float, fill_delay: float | None = None) -> dict[str, list[float]]:
    preheat = mode != "plain"
    extra = (f"--VoilaKernelManager.fill_delay={fill_delay}",) if preheat and fill_delay is not None else ()
    delay = 1.0 if fill_delay is None else fill_delay
    servers = {name: Server(nb, project, work / f"voila-{mode}-{name}.log", preheat=preheat, extra=extra)
               for name, nb in notebooks.items()}
    times: dict[str, list[float]] = {name: [] for name in notebooks}
    driver = make_driver()
    try:
        wait_settled(list(servers.values()), settle, delay)
        for name, server in servers.items():  # warm the browser cache once per server (not timed)
            time_to_interactive(driver, server.url)
            wait_settled([server], 0, delay)
        time.sleep(settle)
        for _ in range(runs):
            for name, server in servers.items():  # interleaved, so drift hits both alike
                times[name].append(time_to_interactive(driver, server.url))
                wait_settled([server], settle, delay)
    finally:
        driver.quit()
        for server in servers.values():
            server.stop()
    return times


def bench_report(project_path: Path, work: Path, runs: int = 3) -> tuple[float, int]:
    from workbench.project.folder import Project
    from workbench.reporting.report import build_report

    project = Project.open(project_path)
    out = work / "rapport.html"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_report(project, out=out)
        times.append(time.perf_counter() - start)
    return statistics.median(times), out.stat().st_size


def bench_demo_build(work: Path) -> float:
    workbench_cli = Path(sys.executable).with_name("workbench")
    argv = ([str(workbench_cli)] if workbench_cli.exists() else [sys.executable, "-m", "workbench.cli"])
    start = time.perf_counter()
    subprocess.run([*argv, "demo", "--mapp", str(work / "demo-cli"), "--build-only"], check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--modes", default="plain,preheat,preheat_wait_warm")
    parser.add_argument("--settle", type=float, default=1.0, help="seconds of quiet between page loads")
    parser.add_argument("--fill-delay", type=float, default=None,
                        help="Voilà's wait before refilling the pool after a visit (its default: 1 s)")
    args = parser.parse_args()

    from workbench.demo import build_demo

    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench_apps_") as tmp:
        work = Path(tmp)
        demo_build = bench_demo_build(work)
        project = build_demo(work / "demo").path
        export_s, export_bytes = bench_report(project, work)
        print(f"workbench demo --build-only: {demo_build:.2f} s (fresh interpreter, imports included)")
        print(f"report export, full demo project: {export_s:.2f} s, {export_bytes / 1e6:.2f} MB "
              f"({export_bytes / 1e3:.0f} KB)   goal < 3 s and < 3 MB:",
              "OK" if export_s < 3 and export_bytes < 3e6 else "FAILED")
        results.update(demo_build_s=demo_build, export_s=export_s, export_bytes=export_bytes)
        ok = export_s < 3 and export_bytes < 3e6

        from workbench.ui.serve import preheat_safe

        served = "preheat_wait_warm" if preheat_safe(START_NOTEBOOK) else "plain"
        for mode in args.modes.split(","):
            times = bench_mode(mode, mode_notebooks(mode, work), project, work, args.runs, args.settle,
                               args.fill_delay)
            bare, start = statistics.median(times["bare"]), statistics.median(times["start"])
            ratio = start / bare
            results[mode] = {"bare": times["bare"], "start": times["start"], "ratio": ratio}
            print(f"[{mode:17}] time to interactive, median of {args.runs}: start page {start:.2f} s, "
                  f"bare form {bare:.2f} s, ratio {ratio:.2f}x   goal <= 1.3x:", "OK" if ratio <= 1.3 else "FAILED")
            print(f"{'':20}start page runs: {', '.join(f'{t:.2f}' for t in times['start'])}; "
                  f"bare form runs: {', '.join(f'{t:.2f}' for t in times['bare'])}")
            if mode == served:
                ok = ok and ratio <= 1.3
        print(f"workbench serve uses the '{served}' mode with the current start notebook")
        print(json.dumps(results, default=float))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
