"""Who is using the app, as the server knows it, and the registry the app opens for them.

No form asks for a name: every event's ``by`` is the identity the server gives.

- **Hub mode** (``WORKBENCH_HUB=1``, set by ``deploy/jupyterhub_config.py`` on the shared Voilà
  service): the user JupyterHub signed in. Voilà's prelaunch hook
  (:func:`workbench.ui.hub.prelaunch_hook`) reads it from the request's Hub OAuth identity on the
  server and puts it in the page's kernel before the app is built; the browser cannot run code in a
  Voilà kernel, so it cannot change it. Without it the app refuses to open.
- **One-person mode** (``make demo``, ``workbench serve``): the name in ``WORKBENCH_USER`` if set,
  else the operating-system user running the app.

The registry is the project's SQLite file, or the PostgreSQL database in ``WORKBENCH_REGISTRY_URL``
(``{project}`` in it is replaced by the project folder's name), with receipts kept in the project
folder either way.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from workbench.core.errors import RegistryError

HUB_ENV = "WORKBENCH_HUB"
USER_ENV = "WORKBENCH_USER"
URL_ENV = "WORKBENCH_REGISTRY_URL"

_signed_in: dict[str, str] = {}


def set_signed_in_user(name: str) -> None:
    """Record the user the hub signed in (called by the cell the prelaunch hook puts first)."""
    _signed_in["user"] = str(name)


def hub_mode() -> bool:
    """Whether the app runs behind JupyterHub (identity only from the hub)."""
    return os.environ.get(HUB_ENV, "") not in ("", "0")


def current_user(*, lang: str | None = None) -> str:
    """The signed-in user (hub mode) or the configured/OS user (one-person mode).

    Raises
    ------
    RegistryError
        ``registry.no_identity`` in hub mode when the hub gave no identity (an expired session).
    """
    if "user" in _signed_in:
        return _signed_in["user"]
    if hub_mode():
        raise RegistryError("registry.no_identity", lang=lang)
    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise RegistryError("registry.no_identity", lang=lang) from None


def registry_url(project: Any) -> str | None:
    """The registry URL for ``project`` (None: the project's own SQLite file)."""
    url = os.environ.get(URL_ENV, "").strip()
    if not url:
        return None
    return url.replace("{project}", project.path.name).replace("%7Bproject%7D", project.path.name)


def open_registry(project: Any, *, lang: str | None = None) -> Any:
    """The project's registry, with the project's key (receipts in the project folder)."""
    from workbench.registry.api import Registry

    return Registry(registry_url(project), path=project.path, key=project.pseudonym_key(), lang=lang)
