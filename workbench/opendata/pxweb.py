"""SCB's Statistikdatabasen through PxWeb: API v2 (``/tables/{id}/data``) and v1 (POST queries).

``pxweb_data(table, selection)`` reads the table's metadata, checks and expands the selection,
splits it under the cell limit, posts each query, and returns one tidy frame: a column per variable
(the codes), ``<variable>_label`` (Swedish labels), ``value`` and ``status`` (PX symbols such as
``..`` — missing values stay missing, with the symbol kept). HTTP 429 answers are waited out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from workbench.core.errors import OpenDataError
from workbench.core.messages import resolve_lang
from workbench.opendata.fetcher import Fetcher
from workbench.opendata.http import HTTPStatusError, Transport
from workbench.opendata.jsonstat import PX_MISSING, jsonstat_frame
from workbench.opendata.pxweb_csv import csv_frame
from workbench.opendata.pxweb_query import Variable, cells, normalise_selection, resolve, split

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

APIS = {
    "scb-v2": "https://statistikdatabasen.scb.se/api/v2",
    "scb-v1": "https://api.scb.se/OV0104/v1/doris/sv/ssd",
}
FORMATS = {"scb-v2": ("json-stat2",), "scb-v1": ("json-stat2", "csv", "json")}
MAX_CELLS = 150_000
MAX_QUERIES = 60


def _unknown_table(table: str, lang: str) -> Callable[[HTTPStatusError], None]:
    def check(exc: HTTPStatusError) -> None:
        if exc.status == 404:
            raise OpenDataError("opendata.px_unknown_table", lang=lang, table=table, url=exc.url) from exc
    return check


def _table_url(api: str, table: str) -> str:
    if api == "scb-v2":
        return f"{APIS[api]}/tables/{quote(table)}"
    return f"{APIS[api]}/{'/'.join(quote(p) for p in table.strip('/').split('/'))}"


def pxweb_tables(query: str, *, past_days: int | None = None, api: str = "scb-v2",
                 transport: Transport | None = None, cache: str | os.PathLike[str] | None = None,
                 lang: str | None = None, sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Search SCB's tables (API v2 ``/tables?query=``), following the answer's ``next`` links.

    Parameters
    ----------
    query
        Words to search for (``"befolkning"``).
    past_days
        Only tables updated in the last ``past_days`` days.

    Returns
    -------
    DataFrame
        ``id, label, description, updated, firstPeriod, lastPeriod, …`` (one row per table).
    """
    import pandas as pd

    lang = resolve_lang(lang)
    if api != "scb-v2":
        raise OpenDataError("opendata.bad_api", lang=lang, value=api, allowed=["scb-v2"])
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    url = f"{APIS[api]}/tables?lang=sv&query={quote(query)}" + (f"&pastDays={int(past_days)}" if past_days else "")
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    while url and url not in seen:
        seen.add(url)
        doc = fetcher.get_json(url)
        if not isinstance(doc, dict) or not isinstance(doc.get("tables"), list):
            raise fetcher.bad(url, "no 'tables' list")
        rows += [{k: v for k, v in t.items() if k != "paths"} for t in doc["tables"] if isinstance(t, dict)]
        links = (doc.get("page") or {}).get("links") or doc.get("links") or []
        url = next((link.get("href") for link in links if isinstance(link, dict) and link.get("rel") == "next"), "")
    frame = pd.DataFrame(rows)
    for c in ("id", "label", "updated"):
        if c not in frame.columns:
            frame[c] = pd.Series(dtype="object")
    return fetcher.stamp(frame, "SCB")


def pxweb_metadata(table: str, *, api: str = "scb-v2", transport: Transport | None = None,
                   cache: str | os.PathLike[str] | None = None, lang: str | None = None,
                   sleep: Callable[[float], None] | None = None) -> list[Variable]:
    """The variables of ``table`` with their value codes, labels and whether they may be left out."""
    lang = resolve_lang(lang)
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    return _metadata(fetcher, api, table, lang)


def _metadata(fetcher: Fetcher, api: str, table: str, lang: str) -> list[Variable]:
    if api not in APIS:
        raise OpenDataError("opendata.bad_api", lang=lang, value=api, allowed=list(APIS))
    url = _table_url(api, table) + ("/metadata?lang=sv" if api == "scb-v2" else "")
    doc = fetcher.get_json(url, on_status=_unknown_table(table, lang))
    out = []
    if api == "scb-v2":
        if not isinstance(doc, dict) or not isinstance(doc.get("dimension"), dict) or not isinstance(doc.get("id"), list):
            raise fetcher.bad(url, "no JSON-stat 'id' and 'dimension'")
        times = set((doc.get("role") or {}).get("time") or [])
        for code in doc["id"]:
            dim = doc["dimension"].get(code) or {}
            cat = dim.get("category") or {}
            index = cat.get("index") or {}
            codes = list(index) if isinstance(index, list) else [c for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
            labels = cat.get("label") or {}
            out.append(Variable(code, str(dim.get("label", code)), tuple(map(str, codes)),
                                tuple(str(labels.get(c, c)) for c in codes),
                                bool((dim.get("extension") or {}).get("elimination", False)), code in times))
    else:
        if not isinstance(doc, dict) or not isinstance(doc.get("variables"), list):
            raise fetcher.bad(url, "no 'variables' list")
        for v in doc["variables"]:
            out.append(Variable(str(v["code"]), str(v.get("text", v["code"])), tuple(map(str, v.get("values", []))),
                                tuple(map(str, v.get("valueTexts", v.get("values", [])))),
                                bool(v.get("elimination", False)), bool(v.get("time", False))))
    return out


def _v1_json_frame(doc: Any, variables: list[Variable], query: dict[str, list[str]], fetcher: Fetcher,
                   url: str) -> "pd.DataFrame":
    """PxWeb v1's own ``json`` format: ``columns`` (d/t/c) and ``data`` rows ``{key, values}``."""
    import numpy as np
    import pandas as pd

    if not isinstance(doc, dict) or not isinstance(doc.get("columns"), list) or not isinstance(doc.get("data"), list):
        raise fetcher.bad(url, "no 'columns' and 'data'")
    keys = [c["code"] for c in doc["columns"] if c.get("type") in ("d", "t")]
    contents = [c for c in doc["columns"] if c.get("type") == "c"]
    labels = {v.code: dict(zip(v.values, v.value_labels)) for v in variables}
    content_var = next((v for v in variables if v.code == "ContentsCode"), None)
    rows = []
    for item in doc["data"]:
        key, vals = item.get("key"), item.get("values")
        if not (isinstance(key, list) and isinstance(vals, list) and len(key) == len(keys) and len(vals) == len(contents)):
            raise fetcher.bad(url, "a data row whose 'key'/'values' do not match 'columns'")
        for col, raw in zip(contents, vals):
            row = dict(zip(keys, map(str, key)))
            if content_var is not None:
                row["ContentsCode"] = str(col["code"])
            text = str(raw).strip()
            if text in PX_MISSING:
                row["value"], row["status"] = np.nan, text
            else:
                try:
                    row["value"], row["status"] = float(text), None
                except ValueError:
                    raise fetcher.bad(url, f"the value {raw!r} is neither a number nor a PX symbol") from None
            rows.append(row)
    order = [v.code for v in variables if v.code in (keys + (["ContentsCode"] if content_var else []))]
    frame = pd.DataFrame(rows, columns=order + ["value", "status"])
    for code in reversed(order):
        frame.insert(order.index(code) + 1, f"{code}_label", frame[code].map(labels.get(code, {})).fillna(frame[code]))
    return frame


def pxweb_data(table: str, selection: Mapping[str, str | Sequence[str]], *, api: str = "scb-v2",
               transport: Transport | None = None, cache: str | os.PathLike[str] | None = None,
               response_format: str = "json-stat2", max_cells: int = MAX_CELLS, max_queries: int = MAX_QUERIES,
               lang: str | None = None, sleep: Callable[[float], None] | None = None) -> "pd.DataFrame":
    """Data from an SCB table (PxWeb) for a selection, as a tidy frame.

    Parameters
    ----------
    table
        API v2: the table id (``"TAB638"``); API v1: the table path
        (``"BE/BE0101/BE0101A/BefolkningNy"``).
    selection
        ``{variable code: [value codes]}``; ``"*"`` (or ``["*"]``) for every value. A variable that
        the table allows to be eliminated may be left out.
    api
        ``"scb-v2"`` (default, ``statistikdatabasen.scb.se/api/v2``) or ``"scb-v1"``
        (``api.scb.se/OV0104/v1``).
    response_format
        ``"json-stat2"`` (default); v1 also ``"csv"`` and ``"json"`` (PxWeb's own format).
    max_cells, max_queries
        The server's cell limit per query (SCB: 150 000), and the most queries one call may send
        before the selection counts as too large.
    transport, cache, sleep
        See :func:`workbench.opendata.kolada_data`.

    Returns
    -------
    DataFrame
        One column per selected variable (value codes), ``<variable>_label`` (Swedish labels),
        ``value`` (float; missing where SCB shows a PX symbol) and ``status`` (the symbol, e.g.
        ``".."``). ``attrs["sources"]`` lists the URLs and retrieval times.

    Notes
    -----
    See :mod:`workbench.opendata.pxweb_query` for how the selection is split under the limit.
    """
    import pandas as pd

    lang = resolve_lang(lang)
    if api not in APIS:
        raise OpenDataError("opendata.bad_api", lang=lang, value=api, allowed=list(APIS))
    if response_format not in FORMATS[api]:
        raise OpenDataError("opendata.px_bad_format", lang=lang, value=response_format, allowed=list(FORMATS[api]))
    wanted = normalise_selection(selection, lang=lang)
    fetcher = Fetcher(transport, cache, sleep=sleep, lang=lang)
    variables = _metadata(fetcher, api, table, lang)
    full = resolve(table, variables, wanted, lang=lang)
    time_var = next((v.code for v in variables if v.time), None)
    queries = split(full, max_cells, time=time_var)
    if len(queries) > max_queries:
        raise OpenDataError("opendata.px_too_large", lang=lang, cells=cells(full), queries=len(queries),
                            max_queries=max_queries, table=table)
    frames = []
    for query in queries:
        if api == "scb-v2":
            url = _table_url(api, table) + "/data?lang=sv&outputFormat=json-stat2"
            payload: dict[str, Any] = {"selection": [{"variableCode": k, "valueCodes": v} for k, v in query.items()]}
        else:
            url = _table_url(api, table)
            payload = {"query": [{"code": k, "selection": {"filter": "item", "values": v}} for k, v in query.items()],
                       "response": {"format": response_format}}
        raw = fetcher.post_json(url, payload, on_status=_unknown_table(table, lang))
        if response_format == "csv":
            frames.append(csv_frame(raw, variables, query, url=url, lang=lang,
                                    bad=lambda detail, u=url: fetcher.bad(u, detail)))
            continue
        doc = fetcher.parse_json(raw, url)
        if response_format == "json-stat2":
            frames.append(jsonstat_frame(doc, bad=lambda detail, u=url: fetcher.bad(u, detail)))
        else:
            frames.append(_v1_json_frame(doc, variables, query, fetcher, url))
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return fetcher.stamp(frame, "SCB")
