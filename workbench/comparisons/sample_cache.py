"""A recorded Kolada cache shipped with the package, for teaching and for the comparison notebook.

``kolada_sample_cache()`` is a cache folder (see :mod:`workbench.opendata.cache_folder`) holding
Kolada's municipalities, municipality groups, the KPI N03702 (bruttoregionprodukt per invånare)
for Arboga and its seven "Liknande kommuner socioekonomi" municipalities 2012–2023, and its KPI
metadata — the answers rKolada recorded from api.kolada.se (each kept file says so). With
``cache=kolada_sample_cache()`` and a transport that refuses the network, a comparison runs offline.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def kolada_sample_cache() -> Path:
    """The folder of the recorded Kolada answers shipped with the package."""
    return Path(str(resources.files("workbench.comparisons").joinpath("kolada_sample")))


def offline_transport(method: str, url: str, body: bytes | None) -> bytes:
    """A transport that never reaches the network: every request not in the cache fails."""
    from workbench.opendata.http import NetworkError

    raise NetworkError(url, "offline: only the recorded cache is used")
