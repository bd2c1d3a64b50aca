"""One session of open-statistics requests: transport, cache, rate-limit waits and provenance.

A :class:`Fetcher` sends requests through the transport (or answers them from the cache folder),
waits and retries on HTTP 429, turns transport failures into :class:`OpenDataError`, and records
every URL it used with its retrieval time, so the resulting frame can say where its numbers came
from (``frame.attrs["sources"]``).

Notes
-----
On HTTP 429 the wait is the server's ``Retry-After`` when given, otherwise
:math:`\\min(60, 2^{i})` seconds before retry :math:`i = 0, 1, …`, at most ``max_retries`` times.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

from workbench.core.errors import OpenDataError
from workbench.opendata.cache_folder import ResponseCache, now_utc
from workbench.opendata.http import HTTPStatusError, NetworkError, Transport, default_transport

MAX_RETRIES_429 = 5
UTF8_BOM = b"\xef\xbb\xbf"


class Fetcher:
    """Send requests; keep the sources.

    Parameters
    ----------
    transport
        ``transport(method, url, body) -> bytes``; ``None`` uses :func:`default_transport`.
    cache
        A folder for kept responses, or ``None``.
    sleep
        Called with the number of seconds to wait on HTTP 429 (default :func:`time.sleep`).
    """

    def __init__(self, transport: Transport | None = None, cache: str | os.PathLike[str] | None = None, *,
                 sleep: Callable[[float], None] | None = None, max_retries: int = MAX_RETRIES_429,
                 lang: str | None = None) -> None:
        self.transport = transport or default_transport
        self.cache = ResponseCache(cache, lang=lang) if cache is not None else None
        self.sleep = sleep or time.sleep
        self.max_retries = max_retries
        self.lang = lang
        self.sources: list[dict[str, Any]] = []

    def request(self, method: str, url: str, body: bytes | None = None, *,
                on_status: Callable[[HTTPStatusError], None] | None = None) -> bytes:
        """The response body (UTF-8 BOM removed); ``on_status`` may raise a specific error first."""
        if self.cache is not None:
            kept = self.cache.get(method, url, body)
            if kept is not None:
                self._record(url, method, kept.retrieved, cached=True)
                return _strip_bom(kept.body)
        tries = 0
        while True:
            try:
                response = self.transport(method, url, body)
                break
            except HTTPStatusError as exc:
                if exc.status == 429 and tries < self.max_retries:
                    self.sleep(exc.retry_after if exc.retry_after is not None else min(60.0, 2.0**tries))
                    tries += 1
                    continue
                if exc.status == 429:
                    raise OpenDataError("opendata.rate_limited", lang=self.lang, url=url, tries=tries + 1) from exc
                if on_status is not None:
                    on_status(exc)
                raise OpenDataError("opendata.http_error", lang=self.lang, status=exc.status, url=url) from exc
            except NetworkError as exc:
                raise OpenDataError("opendata.no_network", lang=self.lang, url=url, reason=exc.reason) from exc
        if not isinstance(response, (bytes, bytearray)):
            raise OpenDataError("opendata.bad_response", lang=self.lang, url=url,
                                detail=f"the transport returned {type(response).__name__}, not bytes")
        retrieved = now_utc()
        if self.cache is not None:
            self.cache.put(method, url, body, bytes(response), retrieved)
        self._record(url, method, retrieved, cached=False)
        return _strip_bom(bytes(response))

    def get_json(self, url: str, **kw: Any) -> Any:
        return self.parse_json(self.request("GET", url, **kw), url)

    def post_json(self, url: str, payload: Any, **kw: Any) -> bytes:
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return self.request("POST", url, body, **kw)

    def parse_json(self, raw: bytes, url: str) -> Any:
        try:
            return json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OpenDataError("opendata.bad_response", lang=self.lang, url=url,
                                detail=f"not JSON: {str(exc)[:80]}") from exc

    def bad(self, url: str, detail: str) -> OpenDataError:
        return OpenDataError("opendata.bad_response", lang=self.lang, url=url, detail=detail)

    def _record(self, url: str, method: str, retrieved: str, *, cached: bool) -> None:
        self.sources.append({"url": url, "method": method, "retrieved": retrieved, "from_cache": cached})

    def stamp(self, frame: Any, source: str) -> Any:
        """Attach the provenance (source name, URLs, retrieval times) to ``frame.attrs``."""
        frame.attrs["source"] = source
        frame.attrs["sources"] = [dict(s) for s in self.sources]
        frame.attrs["retrieved"] = sorted({s["retrieved"][:10] for s in self.sources})
        return frame


def _strip_bom(raw: bytes) -> bytes:
    return raw[len(UTF8_BOM):] if raw.startswith(UTF8_BOM) else raw
