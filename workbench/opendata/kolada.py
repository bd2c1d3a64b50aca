"""Kolada (RKA's open database of municipal key figures): KPIs, municipalities, groups and data.

Kolada publishes the same key figures (nyckeltal, "KPI") for all 290 municipalities and 21 regions,
yearly, often split by gender. The API answers JSON pages of at most 5 000 items,
``{"values": [...], "count": n, "next_url": ...}`` in v3 (``next_page`` in v2); each data item is
``{"kpi", "municipality", "period", "values": [{"gender": "T|K|M", "status", "value", "count"}]}``
and a ``value`` of ``null`` means Kolada has no figure (kept as missing, never as 0). At most 25 ids
may be given per URL parameter, so larger requests are sent in batches.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import product
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from workbench.core.errors import OpenDataError
from workbench.core.messages import resolve_lang
from workbench.opendata.fetcher import Fetcher
from workbench.opendata.http import Transport

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

BASES = {"v3": "https://api.kolada.se/v3", "v2": "https://api.kolada.se/v2"}
MAX_IDS = 25
PER_PAGE = 5000
GENDERS = ("T", "K", "M")
KPI_ID = re.compile(r"^[A-Z]\d{5}$")
DATA_COLUMNS = ["kpi", "municipality_id", "municipality", "period", "gender", "value", "status"]


def _base(api: str, lang: str) -> str:
    if api not in BASES:
        raise OpenDataError("opendata.bad_api", lang=lang, value=api, allowed=list(BASES))
    return BASES[api]


def _with_per_page(url: str, api: str) -> str:
    if api != "v3":
        return url
    return url + ("&" if "?" in url else "?") + f"per_page={PER_PAGE}"


def pages(fetcher: Fetcher, url: str) -> list[dict[str, Any]]:
    """All items of a Kolada listing, following ``next_url`` (v3) or ``next_page`` (v2)."""
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    while url:
        if url in seen:
            raise OpenDataError("opendata.paging_loop", lang=fetcher.lang, url=url)
        seen.add(url)
        doc = fetcher.get_json(url)
        if not isinstance(doc, dict) or not isinstance(doc.get("values"), list):
            raise fetcher.bad(url, "no 'values' list")
        items.extend(doc["values"])
        url = doc.get("next_url") or doc.get("next_page") or ""
    return items


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> "pd.DataFrame":
    import pandas as pd

    frame = pd.DataFrame(rows)
    for c in columns:
        if c not in frame.columns:
            frame[c] = pd.Series(dtype="object")
    return frame[list(columns) + [c for c in frame.columns if c not in columns]]


def kolada_kpis(query: str | None = None, *, api: str = "v3", transport: Transport | None = None,
                cache: str | os.PathLike[str] | None = None, lang: str | None = None,
                sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Search Kolada's key figures (KPIs) by words in their titles.

    Parameters
    ----------
    query
        Words to look for in the title (``None``: every KPI, several thousand rows).
    api
        ``"v3"`` (default) or ``"v2"``.
    transport, cache, sleep
        See :mod:`workbench.opendata`.

    Returns
    -------
    DataFrame
        ``id, title, description, …`` as Kolada publishes them (``operating_area``,
        ``is_divided_by_gender``, ``municipality_type``, ``publication_date`` …).
    """
    lang = resolve_lang(lang)
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    url = f"{_base(api, lang)}/kpi" + (f"?title={quote(query)}" if query else "")
    rows = pages(fetcher, _with_per_page(url, api))
    return fetcher.stamp(_frame(rows, ["id", "title", "description"]), "Kolada")


def kolada_municipalities(title: str | None = None, *, api: str = "v3", transport: Transport | None = None,
                          cache: str | os.PathLike[str] | None = None, lang: str | None = None,
                          sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Kolada's municipalities and regions.

    Parameters
    ----------
    title
        Part of a name to search for (``None``: all of them).

    Returns
    -------
    DataFrame
        ``id`` (four digits; ``"0000"`` is the whole country), ``title``, ``type`` (``"K"``
        municipality, ``"L"`` region).
    """
    lang = resolve_lang(lang)
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    return fetcher.stamp(_municipality_frame(fetcher, api, lang, title), "Kolada")


def _municipality_frame(fetcher: Fetcher, api: str, lang: str, title: str | None = None) -> "pd.DataFrame":
    url = _with_per_page(f"{_base(api, lang)}/municipality" + (f"?title={quote(title)}" if title else ""), api)
    rows = pages(fetcher, url)
    for r in rows:
        if not isinstance(r, dict) or "id" not in r or "title" not in r:
            raise fetcher.bad(url, "a municipality without 'id' and 'title'")
    frame = _frame(rows, ["id", "title", "type"])
    frame["id"] = frame["id"].astype(str)
    return frame


def kolada_municipality_groups(*, api: str = "v3", transport: Transport | None = None,
                               cache: str | os.PathLike[str] | None = None, lang: str | None = None,
                               sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Kolada's municipality groups (e.g. SKR's *Kommungruppsindelning*, "Liknande kommuner …").

    Returns
    -------
    DataFrame
        ``id, title, members`` where ``members`` is a list of municipality ids.
    """
    lang = resolve_lang(lang)
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    url = _with_per_page(f"{_base(api, lang)}/municipality_groups", api)
    rows = []
    for item in pages(fetcher, url):
        members = item.get("members") if isinstance(item, dict) else None
        if not isinstance(members, list):
            raise fetcher.bad(url, "a group without a 'members' list")
        rows.append({"id": str(item.get("id")), "title": item.get("title"),
                     "members": [str(m.get("id")) for m in members if isinstance(m, dict)]})
    return fetcher.stamp(_frame(rows, ["id", "title", "members"]), "Kolada")


def _batches(values: Sequence[str] | None) -> list[list[str] | None]:
    if values is None:
        return [None]
    return [list(values[i:i + MAX_IDS]) for i in range(0, len(values), MAX_IDS)]


def _ids(values: str | Iterable[Any] | None) -> list[str] | None:
    if values is None:
        return None
    if isinstance(values, (str, int)):
        values = [values]
    out: list[str] = []
    for v in values:
        s = str(v).strip()
        if s and s not in out:
            out.append(s)
    return out


def data_urls(base: str, kpis: Sequence[str], municipalities: Sequence[str] | None,
              years: Sequence[str] | None, api: str) -> list[str]:
    """One URL per batch of ≤25 KPIs × ≤25 municipalities × ≤25 years."""
    urls = []
    for k, m, y in product(_batches(kpis), _batches(municipalities), _batches(years)):
        url = f"{base}/data/kpi/{','.join(k or [])}"
        if m is not None:
            url += f"/municipality/{','.join(m)}"
        if y is not None:
            url += f"/year/{','.join(y)}"
        urls.append(_with_per_page(url, api))
    return urls


def parse_data(items: list[dict[str, Any]], url: str, fetcher: Fetcher) -> list[dict[str, Any]]:
    """Flatten data items into one row per KPI × municipality × period × gender."""
    rows = []
    for item in items:
        if not isinstance(item, dict) or not {"kpi", "municipality", "period"} <= set(item):
            raise fetcher.bad(url, "a data item without 'kpi', 'municipality' and 'period'")
        cells = item.get("values")
        if not isinstance(cells, list):
            raise fetcher.bad(url, "a data item without a 'values' list")
        for cell in cells:
            value = cell.get("value")
            if value is not None and not isinstance(value, (int, float)):
                raise fetcher.bad(url, f"the value {value!r} is not a number or null")
            rows.append({
                "kpi": str(item["kpi"]), "municipality_id": str(item["municipality"]),
                "period": int(item["period"]), "gender": cell.get("gender"),
                "value": None if value is None else float(value), "status": cell.get("status") or None,
            })
    return rows


def kolada_data(kpi: str | Sequence[str], municipalities: str | Sequence[str] | None = None,
                years: int | Sequence[int] | None = None, *, gender: str | None = "T", api: str = "v3",
                transport: Transport | None = None, cache: str | os.PathLike[str] | None = None,
                lang: str | None = None, sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Key-figure values from Kolada, one row per KPI × municipality × year × gender.

    Parameters
    ----------
    kpi
        One KPI id (``"N00945"``) or several.
    municipalities
        Municipality (or region / group) ids; ``None`` for all (then ``years`` is needed).
    years
        Years; ``None`` for every year published (then ``municipalities`` is needed).
    gender
        ``"T"`` (total, default), ``"K"`` (women), ``"M"`` (men) or ``None`` for every row.
    api
        ``"v3"`` (default) or ``"v2"``.
    transport
        ``transport(method, url, body) -> bytes``; default: a real HTTP client.
    cache
        A folder where every response is kept with its URL and retrieval date; a call whose
        responses are all kept works offline.
    sleep
        The wait on HTTP 429 (seconds → None); default :func:`time.sleep`.

    Returns
    -------
    DataFrame
        ``kpi, municipality_id, municipality, period, gender, value, status``; ``value`` is
        missing (NaN) where Kolada publishes ``null``. ``attrs["sources"]`` lists every URL used
        with its retrieval time; ``attrs["retrieved"]`` the retrieval dates.

    Notes
    -----
    Kolada accepts at most 25 ids per URL parameter: with :math:`k` KPIs, :math:`m`
    municipalities and :math:`y` years the call sends
    :math:`\\lceil k/25\\rceil\\lceil m/25\\rceil\\lceil y/25\\rceil` requests (plus their
    further pages) and concatenates them.
    """
    import pandas as pd

    lang = resolve_lang(lang)
    if gender is not None and gender not in GENDERS:
        raise OpenDataError("opendata.kolada_bad_gender", lang=lang, value=gender)
    base = _base(api, lang)
    kpis = _ids(kpi) or []
    for k in kpis:
        if not KPI_ID.match(k):
            raise OpenDataError("opendata.kolada_bad_kpi", lang=lang, kpi=k)
    munis = None if municipalities is None else sorted(_ids(municipalities) or [])
    yrs = None if years is None else sorted(_ids(years) or [], key=lambda y: (len(y), y))
    if munis is None and yrs is None:
        raise OpenDataError("opendata.kolada_need_filter", lang=lang, kpi=",".join(kpis))
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    names = _municipality_frame(fetcher, api, lang)
    known = dict(zip(names["id"], names["title"]))
    if munis is not None:
        unknown = [m for m in munis if m not in known and not m.startswith("G")]
        if unknown:
            raise OpenDataError("opendata.kolada_unknown_municipality", lang=lang, ids=unknown)
    rows: list[dict[str, Any]] = []
    for url in data_urls(base, kpis, munis, yrs, api):
        rows.extend(parse_data(pages(fetcher, url), url, fetcher))
    found = {r["kpi"] for r in rows}
    for k in kpis:
        if k not in found:
            meta_url = f"{base}/kpi/{k}"
            if not pages(fetcher, meta_url):
                raise OpenDataError("opendata.kolada_unknown_kpi", lang=lang, kpi=k, url=meta_url)
    frame = pd.DataFrame(rows, columns=["kpi", "municipality_id", "period", "gender", "value", "status"])
    if gender is not None:
        frame = frame[frame["gender"] == gender]
    frame.insert(2, "municipality", frame["municipality_id"].map(known))
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype(float)
    frame["period"] = frame["period"].astype(int)
    frame = frame.sort_values(["kpi", "municipality_id", "period", "gender"], kind="stable").reset_index(drop=True)
    return fetcher.stamp(frame[DATA_COLUMNS], "Kolada")
