"""The default transport (httpx against a loopback server) and the response cache folder."""

from __future__ import annotations

import http.server
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from replay import Failing, Replay  # noqa: E402

import workbench as wb  # noqa: E402
from workbench.core.errors import OpenDataError  # noqa: E402
from workbench.opendata import HTTPStatusError, NetworkError, default_transport  # noqa: E402


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/ok":
            body = b'{"values": [], "count": 0}'
            self.send_response(200)
        elif self.path == "/busy":
            body = b"slow down"
            self.send_response(429)
            self.send_header("Retry-After", "3")
        else:
            body = b"not found"
            self.send_response(404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_default_transport_returns_bytes_and_raises_on_status(server):
    assert default_transport("GET", f"{server}/ok", None) == b'{"values": [], "count": 0}'
    with pytest.raises(HTTPStatusError) as err:
        default_transport("GET", f"{server}/missing", None)
    assert err.value.status == 404
    with pytest.raises(HTTPStatusError) as err:
        default_transport("GET", f"{server}/busy", None)
    assert err.value.status == 429 and err.value.retry_after == 3.0


def test_default_transport_unreachable_is_a_network_error(monkeypatch):
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago and has no listener now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(NetworkError):
        default_transport("GET", f"http://127.0.0.1:{port}/x", None)
    monkeypatch.setenv("WORKBENCH_OFFLINE", "1")
    with pytest.raises(NetworkError, match="WORKBENCH_OFFLINE"):
        default_transport("GET", "https://api.kolada.se/v3/municipality", None)


def test_cache_keeps_every_response_and_works_offline(tmp_path):
    replay = Replay.kolada()
    first = wb.opendata.kolada_data("N03702", ["1984", "0319"], transport=_Recorded(replay), cache=tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len([k for k in kept if k.endswith(".body")]) == len([k for k in kept if k.endswith(".json")]) == 3
    assert all(not s["from_cache"] for s in first.attrs["sources"])
    offline = wb.opendata.kolada_data("N03702", ["1984", "0319"], transport=Failing(), cache=tmp_path)
    assert offline.equals(first)
    assert all(s["from_cache"] for s in offline.attrs["sources"])
    assert [s["url"] for s in offline.attrs["sources"]] == [s["url"] for s in first.attrs["sources"]]
    assert offline.attrs["retrieved"] == first.attrs["retrieved"] and offline.attrs["source"] == "Kolada"
    with pytest.raises(OpenDataError) as err:  # a request never kept still needs the network
        wb.opendata.kolada_data("N03702", ["1984"], transport=Failing(), cache=tmp_path)
    assert err.value.key == "opendata.no_network"


def test_cache_must_be_a_folder(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(OpenDataError) as err:
        wb.opendata.kolada_municipalities(transport=Failing(), cache=f)
    assert err.value.key == "opendata.bad_cache"


class _Recorded:
    """Serves the recorded batch answer for the two-municipality request from the 8-id recording."""

    def __init__(self, replay):
        import json

        self.replay = replay
        url = "https://api.kolada.se/v3/data/kpi/N03702/municipality/0319,1984?per_page=5000"
        items = []
        for key, raw in replay.answers.items():
            if "/municipality/0319,0562" in key[1]:
                items += [v for v in json.loads(raw)["values"] if v["municipality"] in ("1984", "0319")]
        replay.answers[("GET", url, None)] = json.dumps({"count": len(items), "values": items, "next_url": None}).encode()

    def __call__(self, method, url, body):
        return self.replay(method, url, body)
