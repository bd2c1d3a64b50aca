"""PxWeb selections: checking them against a table's metadata, expanding ``"*"`` and splitting.

A PxWeb server refuses a query above its cell limit (SCB: 150 000 cells). The selection is first
checked against the table's variables and value codes, ``"*"`` is expanded to every code, then the
selection is split along its longest variable until each query stays under the limit.

Notes
-----
With value lists :math:`V_1,…,V_D` a query has :math:`\\prod_d |V_d|` cells. Splitting the longest
:math:`V_j` into chunks of :math:`\\lfloor L / \\prod_{d\\ne j}|V_d| \\rfloor` codes (at least one;
:math:`L` the limit) and recursing gives queries that each respect the limit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.core.errors import OpenDataError


@dataclass(frozen=True)
class Variable:
    code: str
    label: str
    values: tuple[str, ...]
    value_labels: tuple[str, ...]
    elimination: bool
    time: bool = False


def normalise_selection(selection: Any, *, lang: str) -> dict[str, list[str]]:
    if not isinstance(selection, Mapping):
        raise OpenDataError("opendata.px_bad_selection", lang=lang, got=type(selection).__name__)
    out: dict[str, list[str]] = {}
    for var, values in selection.items():
        if isinstance(values, (str, int)):
            values = [values]
        if not isinstance(values, (list, tuple)) or not values:
            raise OpenDataError("opendata.px_bad_selection", lang=lang, got=repr(values)[:40])
        out[str(var)] = [str(v) for v in values]
    return out


def resolve(table: str, variables: list[Variable], selection: dict[str, list[str]], *,
            lang: str) -> dict[str, list[str]]:
    """Explicit value codes per variable, in the table's variable order; eliminated ones left out."""
    by_code = {v.code: v for v in variables}
    for var in selection:
        if var not in by_code:
            raise OpenDataError("opendata.px_unknown_variable", lang=lang, table=table, variable=var,
                                allowed=list(by_code))
    out: dict[str, list[str]] = {}
    for v in variables:
        wanted = selection.get(v.code)
        if wanted is None:
            if not v.elimination:
                raise OpenDataError("opendata.px_missing_variable", lang=lang, table=table, variable=v.code)
            continue
        if wanted == ["*"]:
            out[v.code] = list(v.values)
            continue
        unknown = [w for w in wanted if w not in v.values]
        if unknown:
            raise OpenDataError("opendata.px_unknown_value", lang=lang, table=table, variable=v.code,
                                values=unknown, allowed=list(v.values[:8]))
        out[v.code] = list(dict.fromkeys(wanted))
    return out


def cells(selection: Mapping[str, list[str]]) -> int:
    return math.prod(len(v) for v in selection.values()) if selection else 1


def split(selection: dict[str, list[str]], max_cells: int, *, time: str | None = None) -> list[dict[str, list[str]]]:
    """Queries that each hold at most ``max_cells`` cells and together cover ``selection``.

    The time variable ``time`` is split first (one period range per query), then the longest.
    """
    total = cells(selection)
    if total <= max_cells:
        return [selection]
    if time in selection and len(selection[time]) > 1:
        longest = time
    else:
        longest = max(selection, key=lambda k: len(selection[k]))
    values = selection[longest]
    rest = total // len(values)
    chunk = max(1, max_cells // rest)
    out = []
    for i in range(0, len(values), chunk):
        part = dict(selection)
        part[longest] = values[i:i + chunk]
        out.extend(split(part, max_cells, time=time))
    return out
