"""The network boundary: an injectable ``transport(method, url, body) -> bytes`` and the default one.

Every open-statistics call goes through a *transport*, a plain callable that sends one HTTP request
and returns the response body. Tests and offline work pass their own (a replay of recorded
responses); everything else uses :func:`default_transport`, built on ``httpx`` with timeouts and
retries on connection failures. A transport reports an HTTP error status by raising
:class:`HTTPStatusError` and an unreachable server by raising :class:`NetworkError`; the clients turn
both into a Swedish :class:`~workbench.core.errors.OpenDataError` that names the URL.
"""

from __future__ import annotations

from collections.abc import Callable

Transport = Callable[[str, str, "bytes | None"], bytes]

USER_AGENT = "workbench-utvarderingsverkstaden (+https://www.kolada.se, https://www.scb.se)"
TIMEOUT_SECONDS = 30.0
CONNECT_RETRIES = 3


class HTTPStatusError(Exception):
    """The server answered with an error status (4xx/5xx)."""

    def __init__(self, status: int, url: str, *, retry_after: float | None = None, body: bytes = b"") -> None:
        super().__init__(f"HTTP {status} for {url}")
        self.status = status
        self.url = url
        self.retry_after = retry_after
        self.body = body


class NetworkError(Exception):
    """The server could not be reached (no network, DNS failure, timeout)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:  # an HTTP date; the caller falls back to its own back-off
        return None


def default_transport(method: str, url: str, body: bytes | None) -> bytes:
    """Send one request with ``httpx`` (timeouts, retries on connection errors) and return the body.

    Parameters
    ----------
    method
        ``"GET"`` or ``"POST"``.
    url
        The full URL.
    body
        The request body (JSON bytes) for POST, ``None`` for GET.

    Returns
    -------
    bytes
        The response body, exactly as the server sent it.

    Raises
    ------
    HTTPStatusError
        For a 4xx/5xx answer (``retry_after`` set from the header on 429/503).
    NetworkError
        When the server cannot be reached, or ``WORKBENCH_OFFLINE=1`` is set in the environment
        (then only answers kept in a cache folder are used).
    """
    import os

    import httpx

    if os.environ.get("WORKBENCH_OFFLINE") == "1":  # an offline machine or test: only cached answers
        raise NetworkError(url, "WORKBENCH_OFFLINE=1")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/json, text/csv;q=0.9, */*;q=0.5"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    transport = httpx.HTTPTransport(retries=CONNECT_RETRIES)
    try:
        with httpx.Client(transport=transport, timeout=TIMEOUT_SECONDS, follow_redirects=True) as client:
            response = client.request(method, url, content=body, headers=headers)
    except httpx.HTTPError as exc:  # connect/read timeouts, DNS, refused connections
        raise NetworkError(url, type(exc).__name__ + (f": {exc}" if str(exc) else "")) from exc
    if response.status_code >= 400:
        raise HTTPStatusError(response.status_code, url, retry_after=_retry_after(response.headers.get("Retry-After")),
                              body=response.content)
    return response.content
