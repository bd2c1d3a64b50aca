"""Serving the staff app with Voilà: bound to 127.0.0.1, sources and tracebacks hidden, no CDN.

The ``verkstad`` template is Voilà's lab template without its two Font Awesome CDN links (the icons
are bundled), so the page requests nothing outside the machine. It is found through
``JUPYTER_PATH``, which :func:`voila_command` sets. Kernels are preheated (a pool of one, started
and run up to ``wait_for_request()`` before the visit) when the app notebook is written for it.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
APPS_DIR = UI_DIR / "apps"
JUPYTER_DATA = UI_DIR / "jupyter_data"
TEMPLATE = "verkstad"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def preheat_safe(notebook: str | os.PathLike[str]) -> bool:
    """Whether ``notebook`` may run ahead in a preheated kernel and still show the project as it is.

    Voilà's preheated kernels execute the notebook before anyone asks for the page; a notebook that
    builds the app at once would show the project as it was then (before the visitor's last save, say).
    Only a notebook that does its imports first and then calls ``voila.utils.wait_for_request()``
    before building the page is safe: the slow part (kernel start, imports) is done ahead, the page is
    built from the project folder when the request arrives. Measured in ``benchmarks/bench_apps.py``.
    """
    import json

    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    return any(cell.get("cell_type") == "code" and "wait_for_request(" in "".join(cell.get("source", ""))
               for cell in cells)


def voila_command(
    project: str | os.PathLike[str],
    *,
    port: int = 8866,
    app: str = "start",
    lang: str = "sv",
    preheat: bool | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The argv and environment that serve ``app`` for ``project`` on 127.0.0.1:``port``.

    ``preheat=None`` (the default) preheats kernels when :func:`preheat_safe` says the notebook allows
    it; ``True``/``False`` force it on or off.
    """
    notebook = APPS_DIR / f"{app}.ipynb"
    if preheat is None:
        preheat = preheat_safe(notebook)
    argv = [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        # kernels of closed pages are shut down after half an hour idle (open pages are kept)
        "--MappingKernelManager.cull_idle_timeout=1800",
        "--MappingKernelManager.cull_interval=300",
        # uploads of spreadsheets up to 100 MB travel over the widget connection
        '--Voila.tornado_settings={"websocket_max_message_size": 104857600}',
        f"--VoilaExporter.language_code={lang}",  # <html lang="sv">: screen readers speak Swedish
    ]
    if preheat:
        argv += ["--preheat_kernel=True", "--pool_size=1"]
    env = dict(os.environ)
    env["WORKBENCH_PROJECT"] = str(Path(project).resolve())
    env["WORKBENCH_LANG"] = lang
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(JUPYTER_DATA), env.get("JUPYTER_PATH", "")) if p)
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return argv, env


def serve(project: str | os.PathLike[str], *, port: int = 8866, lang: str = "sv") -> int:
    """Run Voilà in the foreground until interrupted; returns its exit code."""
    import subprocess

    argv, env = voila_command(project, port=port, lang=lang)
    print(f"Appen körs på http://127.0.0.1:{port}/  (avsluta med Ctrl+C)", flush=True)
    try:
        return subprocess.call(argv, env=env)
    except KeyboardInterrupt:
        return 0
