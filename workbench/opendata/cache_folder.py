"""A folder of kept responses: every answer stored with its URL, request body and retrieval time.

A report made from open statistics must reproduce offline and say which data it used. With
``cache=<folder>`` every response is written as two files named by a hash of the request —
``<key>.body`` (the bytes as received) and ``<key>.json`` (method, URL, request body, retrieval time
in UTC) — and a later identical request is answered from the folder without touching the network.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workbench.core.errors import OpenDataError


@dataclass(frozen=True)
class Kept:
    """One kept response."""

    body: bytes
    url: str
    method: str
    retrieved: str  # ISO 8601, UTC


def request_key(method: str, url: str, body: bytes | None) -> str:
    h = hashlib.sha256()
    h.update(method.upper().encode())
    h.update(b"\n")
    h.update(url.encode())
    h.update(b"\n")
    h.update(body or b"")
    return h.hexdigest()[:32]


def now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class ResponseCache:
    """Responses kept in ``folder`` (created on first write)."""

    def __init__(self, folder: str | os.PathLike[str], *, lang: str | None = None) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise OpenDataError("opendata.bad_cache", lang=lang, path=str(self.folder), reason="not a folder")

    def get(self, method: str, url: str, body: bytes | None) -> Kept | None:
        key = request_key(method, url, body)
        meta_path, body_path = self.folder / f"{key}.json", self.folder / f"{key}.body"
        if not (meta_path.is_file() and body_path.is_file()):
            return None
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return Kept(body_path.read_bytes(), meta["url"], meta["method"], meta["retrieved"])

    def put(self, method: str, url: str, body: bytes | None, response: bytes, retrieved: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        key = request_key(method, url, body)
        meta = {"method": method.upper(), "url": url, "request_body": None if body is None else body.decode("utf-8"),
                "retrieved": retrieved, "bytes": len(response)}
        tmp = self.folder / f"{key}.body.tmp"
        tmp.write_bytes(response)
        tmp.replace(self.folder / f"{key}.body")
        (self.folder / f"{key}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
