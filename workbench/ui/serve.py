"""Serving the staff app with Voilà: bound to 127.0.0.1, sources and tracebacks hidden, no CDN.

The ``verkstad`` template is Voilà's lab template without its two Font Awesome CDN links (the icons
are bundled), so the page requests nothing outside the machine. It is found through
``JUPYTER_PATH``, which :func:`voila_command` sets.
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


def voila_command(
    project: str | os.PathLike[str],
    *,
    port: int = 8866,
    app: str = "start",
    lang: str = "sv",
    preheat: bool = False,
) -> tuple[list[str], dict[str, str]]:
    """The argv and environment that serve ``app`` for ``project`` on 127.0.0.1:``port``."""
    notebook = APPS_DIR / f"{app}.ipynb"
    argv = [
        sys.executable, "-m", "voila", str(notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=[]",
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
