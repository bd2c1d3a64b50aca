"""``make hub-demo``: PostgreSQL and JupyterHub on 127.0.0.1 with the demo project and three accounts.

Run inside ``.ci/with-postgres.sh`` (a throwaway cluster; ``WORKBENCH_TEST_PG_URL`` is its
superuser). :func:`prepare` makes the database roles (schema owner ``wb_owner``, app ``wb_app``),
one database per project, the demo project with its trial in PostgreSQL, and the registry roles
(``agare`` owner, ``personal1`` and ``personal2`` staff); :func:`main` then runs JupyterHub with
``deploy/jupyterhub_config.py`` until Ctrl+C. The browser tests call :func:`prepare` too.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OWNER, APP = "wb_owner", "wb_app"
ACCOUNTS = {"agare": "owner", "personal1": "staff", "personal2": "staff"}
PROJECT = "demo"


def _db_url(admin_url: str, user: str, database: str) -> str:
    from workbench.registry.engine import resolve_url

    base = sa.engine.make_url(resolve_url(admin_url, None))
    return base.set(username=user, password=None, database=database).render_as_string(hide_password=False)


def prepare(admin_url: str, state: Path, *, port: int, staff_password: str,
            owner_password: str, extra_staff: int = 0) -> dict[str, str]:
    """Set up databases, roles, project and registry roles; return the Hub's environment.

    ``extra_staff``: further staff accounts ``personal3``, ``personal4`` … (the load benchmark).
    """
    accounts = dict(ACCOUNTS)
    accounts.update({f"personal{i}": "staff" for i in range(3, 3 + extra_staff)})
    from workbench.demo import DEMO_TRIAL, build_demo
    from workbench.registry.api import Registry
    from workbench.registry.engine import resolve_url
    from workbench.registry.pgroles import grant_app_role

    database = f"wb_{PROJECT}"
    admin = sa.create_engine(resolve_url(admin_url, None), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for role in (OWNER, APP):
            if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is None:
                conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        if conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": database}).first():
            conn.exec_driver_sql(f"DROP DATABASE {database} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {database} OWNER {OWNER}")
    admin.dispose()
    grant_app_role(_db_url(admin_url, OWNER, database), APP)

    project = build_demo(state / "projekt" / PROJECT, with_results=False, with_trial=False)
    app_url = _db_url(admin_url, APP, "wb_PROJECT").replace("wb_PROJECT", "wb_{project}")
    with Registry(app_url.replace("{project}", PROJECT), path=project.path, key=project.pseudonym_key()) as reg:
        reg.create_trial(
            DEMO_TRIAL, arms=("erbjudande", "kontroll"), scheme="block", block_sizes=(4, 6),
            strata={"stadsdel": ["Ekängen", "Hagalund", "Mälarstrand", "Solvik"]},
            inclusion_criteria=("Behovsbedömd av socialtjänsten", "Barn 3–12 år"),
            require_consent=True, owner="agare", by="agare")
        for user, role in accounts.items():
            reg.set_role(user, role, by="agare")
    env = dict(os.environ)
    env.update({
        "WORKBENCH_HUB_PORT": str(port),
        "WORKBENCH_HUB_STATE": str(state / "hub"),
        "WORKBENCH_REGISTRY_URL": app_url,
        "WORKBENCH_PROJECTS": str(state / "projekt"),
        "WORKBENCH_DEFAULT_PROJECT": PROJECT,
        "WORKBENCH_HUB_USERS": ",".join(accounts),
        "WORKBENCH_HUB_ADMINS": ",".join(u for u, r in accounts.items() if r == "owner"),
        "WORKBENCH_AUTHENTICATOR": "shared-password",
        "WORKBENCH_HUB_USER_PASSWORD": staff_password,
        "WORKBENCH_HUB_ADMIN_PASSWORD": owner_password,
    })
    return env


def hub_command() -> list[str]:
    """The JupyterHub command line (this Python's ``jupyterhub`` with the shipped config)."""
    return [sys.executable, "-m", "jupyterhub", "-f", str(HERE / "jupyterhub_config.py")]


class HubProcess:
    """JupyterHub (shipped config, demo accounts) on free 127.0.0.1 ports, for tests and benchmarks.

    Started in its own process group and stopped with SIGINT (the Hub stops the proxy and the app).
    """

    def __init__(self, admin_url: str, state: Path, *, staff_password: str, owner_password: str,
                 extra_staff: int = 0, timeout: float = 120) -> None:
        from workbench.ui.serve import free_port

        self.port = free_port()
        env = prepare(admin_url, state, port=self.port, staff_password=staff_password,
                      owner_password=owner_password, extra_staff=extra_staff)
        env.update({"WORKBENCH_HUB_API_PORT": str(free_port()), "WORKBENCH_PROXY_API_PORT": str(free_port()),
                    "WORKBENCH_APP_PORT": str(free_port())})
        self.registry_url = env["WORKBENCH_REGISTRY_URL"].replace("{project}", PROJECT)
        self.project = state / "projekt" / PROJECT
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = state / "hub.log"
        self.proc = subprocess.Popen(hub_command(), env=env, cwd=state, stdout=self.log.open("w"),
                                     stderr=subprocess.STDOUT, start_new_session=True)
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        import time

        import requests

        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped:\n{self.log.read_text()[-3000:]}")
            try:
                r = requests.get(f"{self.url}/services/verkstad/", allow_redirects=False, timeout=5)
                if r.status_code == 302 and "oauth2/authorize" in r.headers.get("Location", ""):
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"JupyterHub was not ready in {timeout:.0f} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        import signal

        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def main() -> int:
    admin_url = os.environ.get("WORKBENCH_TEST_PG_URL")
    if not admin_url:
        print("Kör via 'make hub-demo' (startar PostgreSQL först).", file=sys.stderr)
        return 2
    port = int(os.environ.get("PORT_HUB", "8000"))
    state = Path(os.environ.get("WORKBENCH_HUB_DEMO_DIR", ROOT / ".hub-demo"))
    staff, owner = secrets.token_urlsafe(9), secrets.token_urlsafe(24)
    env = prepare(admin_url, state, port=port, staff_password=staff, owner_password=owner)
    print(f"\nUtvärderingsverkstaden på JupyterHub: http://127.0.0.1:{port}/", flush=True)
    for user, role in ACCOUNTS.items():
        print(f"  {user:<10} ({'ägare' if role == 'owner' else 'personal'})  "
              f"lösenord: {owner if role == 'owner' else staff}")
    print("  (demo: personalen delar ett lösenord, ägaren har ett eget; byt inloggning enligt deploy/README.md)")
    print("Avsluta med Ctrl+C (databasen är tillfällig och tas bort).\n", flush=True)
    try:
        return subprocess.call(hub_command(), env=env, cwd=state)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
