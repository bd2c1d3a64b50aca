"""The Hub OAuth identity provider for the shared Voilà service (imports JupyterHub: the ``hub`` extra).

JupyterHub's own :class:`jupyterhub.singleuser.extension.JupyterHubIdentityProvider` authenticates
every request with Hub OAuth and checks the ``access:services!service=…`` scope. Jupyter Server mounts
its handlers (``/oauth_callback``, ``/logout``) under the server's base URL; Voilà's standalone app
mounts them at the root, where the proxy never sends them, so this subclass puts them under the
service prefix the Hub gives (``JUPYTERHUB_SERVICE_PREFIX``). Nothing else is changed.
"""

from __future__ import annotations

import os

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubIdentityProvider


class ServiceIdentityProvider(JupyterHubIdentityProvider):
    """``JupyterHubIdentityProvider`` with its handlers under the service prefix."""

    def get_handlers(self):  # noqa: ANN201 - tornado handler specs
        prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
        return [(url_path_join(prefix, path), *rest) for path, *rest in super().get_handlers()]
