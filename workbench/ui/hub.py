"""The staff app as one shared Voilà server behind JupyterHub (a Hub-managed service).

JupyterHub signs users in; the service authenticates each request with Hub OAuth
(:class:`workbench.ui.hub_identity.ServiceIdentityProvider`, the identity provider JupyterHub
ships for Jupyter servers), and :func:`prelaunch_hook` passes the signed-in name, taken from that
server-side identity, into the page's kernel before the app is built. A Voilà kernel accepts no code
from the browser (only widget messages), so no request can claim another name. See
``deploy/README.md`` for why the app is one shared service rather than a server per user.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from workbench.ui.serve import APPS_DIR, JUPYTER_DATA, TEMPLATE

PROJECTS_ENV = "WORKBENCH_PROJECTS"
DEFAULT_PROJECT_ENV = "WORKBENCH_DEFAULT_PROJECT"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


def chosen_project(query_value: str | None) -> Path | None:
    """The project folder named by ``?projekt=`` (or the default), inside ``WORKBENCH_PROJECTS``."""
    root = os.environ.get(PROJECTS_ENV)
    name = (query_value or os.environ.get(DEFAULT_PROJECT_ENV, "")).strip()
    if not root or not _NAME.match(name):
        return None
    path = Path(root) / name
    return path if path.is_dir() else None


def identity_cell(user: str, project: Path | None) -> str:
    """The code put first in the app notebook: the signed-in user and the chosen project."""
    lines = ["import os as _os", "import workbench.ui.identity as _wb_identity",
             f"_wb_identity.set_signed_in_user({json.dumps(user)})"]
    if project is not None:
        lines.append(f"_os.environ['WORKBENCH_PROJECT'] = {json.dumps(str(project))}")
    else:
        lines.append("_os.environ.pop('WORKBENCH_PROJECT', None)")
    return "\n".join(lines)


def prelaunch_hook(req: Any, notebook: Any, cwd: str) -> Any:
    """Voilà's prelaunch hook: refuse a request without a Hub identity, else inject it.

    ``req.current_user`` is set by the Hub OAuth identity provider on the server (from the
    signed-in session cookie), never from anything the request body or query claims.
    """
    import nbformat
    from tornado.web import HTTPError

    user = getattr(req, "current_user", None)
    name = getattr(user, "username", None) or getattr(user, "name", None)
    if not name:
        raise HTTPError(403)
    project = chosen_project(req.get_argument("projekt", None))
    notebook.cells.insert(0, nbformat.v4.new_code_cell(identity_cell(str(name), project)))
    return notebook


def service_command(*, port: int, prefix: str, lang: str = "sv") -> list[str]:
    """The argv JupyterHub runs for the shared app service: Voilà with the Hub OAuth identity
    provider and :func:`prelaunch_hook` (see :func:`main`). No preheated kernels: the hook needs the
    request, and Voilà refuses ``preheat_kernel`` with a prelaunch hook."""
    return [
        sys.executable, "-m", "workbench.ui.hub", str(APPS_DIR / "start.ipynb"),
        "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
        f"--Voila.base_url={prefix}", f"--template={TEMPLATE}",
        "--strip_sources=True", "--show_tracebacks=False",
        "--Voila.identity_provider_class=workbench.ui.hub_identity.ServiceIdentityProvider",
        "--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=300",
        f"--VoilaExporter.language_code={lang}",
    ]


def service_environment() -> dict[str, str]:
    """Environment of the service: hub mode on, and Voilà's template on ``JUPYTER_PATH``."""
    return {"WORKBENCH_HUB": "1", "JUPYTER_PATH": str(JUPYTER_DATA), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def main(argv: list[str] | None = None) -> None:
    """Run Voilà with :func:`prelaunch_hook` installed (a callable cannot be given on its command line)."""
    from voila.app import Voila

    app = Voila.instance()
    app.initialize(argv if argv is not None else sys.argv[1:])
    app.voila_configuration.prelaunch_hook = prelaunch_hook
    app.start()


if __name__ == "__main__":
    main()
