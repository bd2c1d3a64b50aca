"""Replay recorded API responses through the ``transport`` hook (no network, no invented answers).

A :class:`Replay` answers a request only if a recorded response exists for exactly that method,
URL and (for POST) query; anything else fails the test, so the tests also check which requests
the clients send. ``calls`` lists what was asked, in order.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.opendata.http import HTTPStatusError, NetworkError

RECORDED = Path(__file__).parent / "recorded"


def _selection_of(body: bytes) -> tuple[dict[str, list[str]], str | None]:
    doc = json.loads(body.decode("utf-8"))
    if "selection" in doc:  # PxWeb API v2
        return {s["variableCode"]: list(s["valueCodes"]) for s in doc["selection"]}, None
    return ({q["code"]: list(q["selection"]["values"]) for q in doc["query"]}, doc["response"]["format"])


class Replay:
    def __init__(self, answers: dict[tuple, bytes]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str, bytes | None]] = []

    @classmethod
    def kolada(cls) -> "Replay":
        folder = RECORDED / "kolada"
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return cls({("GET", url, None): (folder / f).read_bytes() for url, f in manifest.items()})

    @classmethod
    def scb(cls) -> "Replay":
        folder = RECORDED / "scb"
        answers = {}
        for e in json.loads((folder / "manifest.json").read_text(encoding="utf-8")):
            sel = None
            if "selection" in e:
                sel = json.dumps({k: v for k, v in sorted(e["selection"].items())}, ensure_ascii=False) + str(e.get("format"))
            answers[(e["method"], e["url"], sel)] = (folder / e["file"]).read_bytes()
        return cls(answers)

    def __call__(self, method: str, url: str, body: bytes | None) -> bytes:
        self.calls.append((method, url, body))
        key_body = None
        if body is not None:
            sel, fmt = _selection_of(body)
            key_body = json.dumps({k: v for k, v in sorted(sel.items())}, ensure_ascii=False) + str(fmt)
        key = (method, url, key_body)
        if key not in self.answers:
            raise AssertionError(f"no recorded response for {method} {url} {key_body}")
        return self.answers[key]


class Failing:
    """A transport whose every call fails the given way (status code or network error)."""

    def __init__(self, status: int | None = None, *, retry_after: float | None = None) -> None:
        self.status = status
        self.retry_after = retry_after
        self.calls = 0

    def __call__(self, method: str, url: str, body: bytes | None) -> bytes:
        self.calls += 1
        if self.status is None:
            raise NetworkError(url, "Name or service not known")
        raise HTTPStatusError(self.status, url, retry_after=self.retry_after)
