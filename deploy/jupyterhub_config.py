# JupyterHub configuration of the workbench service (see deploy/README.md).
#
# One shared Voilà app ("verkstad") runs as a Hub-managed service behind Hub OAuth; users sign in
# with the Hub's authenticator and never get a server of their own. Everything a municipality
# changes is an environment variable (or one line below):
#
#   WORKBENCH_AUTHENTICATOR   the sign-in: "pam" (default: the server's local accounts),
#                             "ldapauthenticator.LDAPAuthenticator" (Active Directory),
#                             "oauthenticator.azuread.AzureAdOAuthenticator" (Entra ID / Azure AD,
#                             OIDC), "shared-password" (demo and tests only), or any JupyterHub
#                             authenticator class
#   WORKBENCH_REGISTRY_URL    postgresql://<app role>@<host>/<db> ({project} = the project's folder name)
#   WORKBENCH_PROJECTS        the folder that holds the project folders
#   WORKBENCH_DEFAULT_PROJECT the project opened without ?projekt=<name>
#   WORKBENCH_HUB_IP/_PORT    where the proxy listens (default 127.0.0.1:8000)
#   WORKBENCH_HUB_STATE       the Hub's own state (its SQLite database, cookie secret)
#   WORKBENCH_HUB_USERS       comma-separated user names allowed in (default: anyone the
#                             authenticator accepts)
import os
from pathlib import Path

from workbench.ui.hub import service_command, service_environment

c = get_config()  # noqa: F821 - provided by JupyterHub

HERE = Path(__file__).resolve().parent
ip = os.environ.get("WORKBENCH_HUB_IP", "127.0.0.1")
port = int(os.environ.get("WORKBENCH_HUB_PORT", "8000"))
state = Path(os.environ.get("WORKBENCH_HUB_STATE", HERE / ".state"))
state.mkdir(parents=True, exist_ok=True)
service_port = int(os.environ.get("WORKBENCH_APP_PORT", str(port + 3)))
SERVICE = "verkstad"

# -- the Hub, its proxy (configurable-http-proxy from npm, make hub-deps) and its own state ---------
c.JupyterHub.bind_url = f"http://{ip}:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("WORKBENCH_HUB_API_PORT", str(port + 1)))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('WORKBENCH_PROXY_API_PORT', port + 2)}"
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = os.environ.get("WORKBENCH_HUB_DB", f"sqlite:///{state / 'jupyterhub.sqlite'}")
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True

# -- sign-in: the one setting to change for LDAP/AD or Azure AD (see deploy/README.md) -------------
# Default: JupyterHub's PAMAuthenticator (the server's own local accounts).
c.JupyterHub.authenticator_class = os.environ.get("WORKBENCH_AUTHENTICATOR", "pam")
users = {u.strip() for u in os.environ.get("WORKBENCH_HUB_USERS", "").split(",") if u.strip()}
if users:
    c.Authenticator.allowed_users = users
else:
    c.Authenticator.allow_all = True
admins = {u.strip() for u in os.environ.get("WORKBENCH_HUB_ADMINS", "").split(",") if u.strip()}
if admins:
    c.Authenticator.admin_users = admins
# make hub-demo and the tests: JupyterHub's SharedPasswordAuthenticator (WORKBENCH_AUTHENTICATOR=
# shared-password): staff sign in with one password, admins (the owner) only with another
if os.environ.get("WORKBENCH_HUB_USER_PASSWORD"):
    c.SharedPasswordAuthenticator.user_password = os.environ["WORKBENCH_HUB_USER_PASSWORD"]
if os.environ.get("WORKBENCH_HUB_ADMIN_PASSWORD"):
    c.SharedPasswordAuthenticator.admin_password = os.environ["WORKBENCH_HUB_ADMIN_PASSWORD"]

# -- no server per user: the shared app is the only thing a user reaches --------------------------
c.JupyterHub.load_roles = [
    {"name": "user", "scopes": ["read:users:name!user", "read:users:groups!user", "users:activity!user",
                                f"access:services!service={SERVICE}"]},
]
c.JupyterHub.default_url = f"/services/{SERVICE}/"
c.JupyterHub.implicit_spawn_seconds = 0

# -- the shared Voilà app as a Hub-managed service behind Hub OAuth -------------------------------
env = service_environment()
for name in ("WORKBENCH_REGISTRY_URL", "WORKBENCH_PROJECTS", "WORKBENCH_DEFAULT_PROJECT",
             "WORKBENCH_LANG", "PATH", "HOME"):
    if os.environ.get(name):
        env[name] = os.environ[name]
c.JupyterHub.services = [{
    "name": SERVICE,
    "display": True,
    "url": f"http://127.0.0.1:{service_port}",
    "command": service_command(port=service_port, prefix=f"/services/{SERVICE}/"),
    "environment": env,
    "oauth_no_confirm": True,
    "cwd": str(state),
}]
c.JupyterHub.log_level = os.environ.get("WORKBENCH_HUB_LOG_LEVEL", "INFO")
