"""Open statistics in: Kolada's key figures and SCB's Statistikdatabasen (PxWeb).

Every function takes ``transport=`` (``transport(method, url, body) -> bytes``; default a real HTTP
client with timeouts and retries) and ``cache=`` (a folder where each response is kept with its URL
and retrieval date, so a report made from it reproduces offline). Frames carry their provenance in
``frame.attrs["sources"]``.
"""

from workbench.opendata.http import HTTPStatusError, NetworkError, default_transport
from workbench.opendata.kolada import kolada_data, kolada_kpis, kolada_municipalities, kolada_municipality_groups
from workbench.opendata.pxweb import pxweb_data, pxweb_metadata, pxweb_tables

__all__ = [
    "HTTPStatusError",
    "NetworkError",
    "default_transport",
    "kolada_data",
    "kolada_kpis",
    "kolada_municipalities",
    "kolada_municipality_groups",
    "pxweb_data",
    "pxweb_metadata",
    "pxweb_tables",
]
