"""Many signed-in staff randomizing at once through the real JupyterHub (deploy/), against PostgreSQL.

Each simulated member of staff signs in on the Hub's login page (HTTP, as a browser does), loads the
app (``/services/verkstad/``: Hub OAuth, a kernel started for the visit, the page rendered), connects
to the page's kernel over the Jupyter websocket exactly as the widget front end does (it may only send
widget messages: Voilà refuses code), opens the tab "Slumpa ny deltagare", fills in the form's
widgets, ticks the checklist and clicks "Slumpa", and reads the arm the page shows. Time to
interactive is from the login POST until the widget states of the page have arrived.

Used by ``tests/browser/test_hub_load.py`` (0 duplicates, 0 lost, chain verified) and by
``benchmarks/bench_hub.py`` (time to interactive of the 1st and the 20th visitor, p50/p95).
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

RANDOMIZE_TAB = 5
STRATA = ("Ekängen", "Hagalund", "Mälarstrand", "Solvik")


@dataclass
class VisitResult:
    user: str
    started: float = 0.0
    interactive_s: float | None = None
    arms: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


class AppClient:
    """One signed-in user's page: the Hub session, the page's kernel and its widget models."""

    def __init__(self, base_url: str, user: str, password: str, *, timeout: float = 300) -> None:
        import requests

        self.base, self.user, self.timeout = base_url, user, timeout
        self.http = requests.Session()
        r = self.http.get(f"{base_url}/hub/login", timeout=timeout)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', r.text).group(1)
        self.t0 = time.perf_counter()
        page = self.http.post(f"{base_url}/hub/login?next=/services/verkstad/",
                              data={"username": user, "password": password, "_xsrf": xsrf}, timeout=timeout)
        if page.status_code != 200 or "/services/verkstad/" not in page.url:
            raise RuntimeError(f"{user}: sign-in failed ({page.status_code} {page.url})")
        kernel = re.search(r'"kernelId"\s*:\s*"([^"]+)"', page.text)
        if kernel is None:
            raise RuntimeError(f"{user}: no kernel in the page")
        self.session = uuid.uuid4().hex
        self.models: dict[str, dict[str, Any]] = {}
        self._connect(kernel.group(1))
        self._request_states()
        self.interactive_s = time.perf_counter() - self.t0

    # -- the Jupyter websocket protocol (JSON messages, channel in the message) ---------------------
    def _connect(self, kernel_id: str) -> None:
        import websocket

        path = f"/services/verkstad/api/kernels/{kernel_id}/channels"
        jar = {c.name: c.value for c in sorted(self.http.cookies, key=lambda c: len(c.path or "/"))
               if path.startswith(c.path or "/")}  # the most specific path wins, as in a browser
        url = self.base.replace("http://", "ws://") + f"{path}?session_id={self.session}"
        self.ws = websocket.create_connection(url, cookie="; ".join(f"{k}={v}" for k, v in jar.items()),
                                              timeout=self.timeout)

    def _send(self, msg_type: str, content: dict[str, Any], channel: str = "shell",
              metadata: dict[str, Any] | None = None) -> None:
        header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": self.user,
                  "session": self.session, "date": "", "version": "5.3"}
        self.ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {},
                                 "content": content, "channel": channel, "buffers": []}))

    def _receive(self) -> dict[str, Any] | None:
        raw = self.ws.recv()
        if isinstance(raw, bytes):  # a message with buffers: n, n offsets (uint32 BE), JSON first
            n = int.from_bytes(raw[:4], "big")
            offsets = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(n)]
            raw = raw[offsets[0]:offsets[1] if n > 1 else None].decode("utf-8")
        msg = json.loads(raw)
        kind = msg.get("header", {}).get("msg_type") or msg.get("msg_type")
        content = msg.get("content", {})
        if kind == "comm_open":
            data = content.get("data", {})
            self.models[content["comm_id"]] = dict(data.get("state", {}))
        elif kind == "comm_msg":
            data = content.get("data", {})
            if data.get("method") in ("update", "echo_update") and content["comm_id"] in self.models:
                self.models[content["comm_id"]].update(data.get("state", {}))
            elif data.get("method") == "update_states":
                for model_id, model in data.get("states", {}).items():
                    self.models[model_id] = dict(model.get("state", {}))
        return msg

    def _until(self, done, what: str) -> None:
        deadline = time.perf_counter() + self.timeout
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{self.user}: {what}")
            self._receive()

    def _request_states(self) -> None:
        comm = uuid.uuid4().hex
        self._send("comm_open", {"comm_id": comm, "target_name": "jupyter.widget.control", "data": {}},
                   metadata={"version": "1.0.0"})  # ipywidgets' control protocol
        self._send("comm_msg", {"comm_id": comm, "data": {"method": "request_states"}})
        self._until(lambda: any(m.get("_model_name") == "TabModel" for m in self.models.values()),
                    "the page's widgets did not arrive")

    def _update(self, model_id: str, **state: Any) -> None:
        self._send("comm_msg", {"comm_id": model_id, "data": {"method": "update", "state": state,
                                                               "buffer_paths": []}})
        self.models[model_id].update(state)

    def _find(self, css: str) -> str | None:
        return next((mid for mid, m in self.models.items() if css in m.get("_dom_classes", ())), None)

    # -- what a member of staff does -----------------------------------------------------------
    def open_randomize_tab(self) -> None:
        tab = next(mid for mid, m in self.models.items() if m.get("_model_name") == "TabModel")
        self._update(tab, selected_index=RANDOMIZE_TAB)
        self._until(lambda: self._find("f-slumpa") and self._find("f-resultat"), "no randomize form")

    def randomize(self, participant: str, district: str) -> str:
        """Fill in and click; return the arm shown (or raise with the message the page shows)."""
        dropdown = self._find("f-stratum-stadsdel")
        labels = self.models[dropdown]["_options_labels"]
        self._update(self._find("f-deltagare"), value=participant)
        self._update(dropdown, index=labels.index(district))
        for css in ("f-kriterium-1", "f-kriterium-2", "f-samtycke", "f-bekrafta"):
            self._update(self._find(css), value=True)
        result = self._find("f-resultat")
        before = self.models[result].get("value", "")
        self._send("comm_msg", {"comm_id": self._find("f-slumpa"),
                                "data": {"method": "custom", "content": {"event": "click"}}})
        self._until(lambda: self.models[result].get("value", "") != before
                    and participant in self.models[result].get("value", ""), f"no answer for {participant}")
        html = self.models[result]["value"]
        arm = re.search(r'class="f-arm"[^>]*>([^<]+)<', html)
        if arm is None:
            raise RuntimeError(f"{self.user}/{participant}: {re.sub('<[^>]+>', ' ', html).strip()}")
        return arm.group(1).strip()

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.http.close()


def run_load(base_url: str, password: str, *, users: int, per_user: int, window_s: float,
             timeout: float = 600) -> list[VisitResult]:
    """``users`` staff (``personal1`` …) open the app spread over ``window_s`` seconds and each
    randomize ``per_user`` participants; one thread per user."""
    results = [VisitResult(f"personal{i + 1}") for i in range(users)]
    start = time.perf_counter()

    def visit(i: int) -> None:
        res = results[i]
        time.sleep(window_s * i / max(users - 1, 1))
        res.started = time.perf_counter() - start
        try:
            client = AppClient(base_url, res.user, password, timeout=timeout)
            res.interactive_s = client.interactive_s
            client.open_randomize_tab()
            for j in range(per_user):
                pid = f"L{i + 1:02d}-{j + 1:02d}"
                res.arms[pid] = client.randomize(pid, STRATA[(i + j) % len(STRATA)])
            client.close()
        except Exception as exc:  # noqa: BLE001 - reported by the caller
            res.errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=visit, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
