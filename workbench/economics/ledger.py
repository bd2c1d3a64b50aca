"""A long cost/saving table (like the teaching data ``kostnader``) as model components.

The table has one row per amount: year, budget holder, item, type (Kostnad, Besparing, Intäkt),
amount (positive) and, optionally, a source column (``Utfall huvudbok``, ``Budget``,
``Beräkning`` …). Monthly rows are summed to budget years; a total row (no year) is dropped.
When cost or saving rows come from more than one source the caller must say which one to use —
otherwise a fund's financing and the ledger's outcome of the same money would both count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.errors import EconomicsError
from workbench.core.validate import require_columns, require_frame, sheet_row, to_numeric
from workbench.economics.checks import shown
from workbench.economics.costs import flow_type_of
from workbench.economics.model import COST, Component

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

EFFECT_FACTOR = "effekt: tabellens besparingar"
COST_FACTOR = "kostnadsnivå"


@dataclass(frozen=True)
class TableColumns:
    """Column names of the long table (Swedish defaults as in ``kostnader``)."""

    year: str = "år"
    holder: str = "budgetansvarig"
    item: str = "post"
    flow_type: str = "typ"
    amount: str = "belopp_kr"
    source: str | None = "källa"


@dataclass(frozen=True)
class TableFlows:
    components: tuple[Component, ...]
    years: tuple[int, ...]
    cost_source: str | None
    benefit_source: str | None
    n_rows: int


def _pick_source(df: "pd.DataFrame", mask: "pd.Series", src_col: str | None, wanted: str | None,
                 what: str, argument: str, *, lang: str | None) -> tuple["pd.Series", str | None]:
    if src_col is None or not mask.any():
        return mask, wanted
    sources = sorted(df.loc[mask, src_col].dropna().astype(str).unique().tolist())
    if wanted is None:
        if len(sources) > 1:
            raise EconomicsError("economics.ambiguous_sources", lang=lang, what=what, sources=sources,
                                 argument=argument)
        return mask, sources[0] if sources else None
    if wanted not in sources:
        raise EconomicsError("economics.source_missing", lang=lang, source=wanted, what=what, available=sources)
    return mask & (df[src_col].astype(str) == wanted), wanted


def table_components(data: "pd.DataFrame", *, columns: TableColumns = TableColumns(),
                     cost_source: str | None = None, benefit_source: str | None = None,
                     cost_factor: str | None = None, benefit_factor: str | None = None,
                     benefit_scale: float = 1.0, lang: str | None = None) -> TableFlows:
    """Components per (holder, item, type), summed to budget years.

    ``benefit_scale`` divides saving/revenue amounts so that, multiplied by ``benefit_factor``
    at its point value (the effect estimate), they reproduce the table.
    """
    import pandas as pd

    df = require_frame(data, lang=lang)
    c = columns
    require_columns(df, [c.year, c.holder, c.item, c.flow_type, c.amount, c.source if c.source in df.columns
                         else None], lang=lang)
    src_col = c.source if c.source in df.columns else None
    has_year = df[c.year].notna() & (df[c.year].astype(str).str.strip() != "")
    body = df[has_year]
    if body.empty:
        raise EconomicsError("economics.nothing_to_value", lang=lang)
    numeric_years = to_numeric(body, c.year, lang=lang)
    for label, value in numeric_years.items():
        if not float(value).is_integer():
            raise EconomicsError("economics.table_year", lang=lang, column=c.year, row=sheet_row(df, label),
                                 value=shown(body.loc[label, c.year]))
    years = numeric_years.astype(int)
    amounts = to_numeric(body, c.amount, lang=lang)
    types = []
    for label, value in body[c.flow_type].items():
        types.append(flow_type_of(value, row=sheet_row(df, label), lang=lang))
    types = pd.Series(types, index=body.index)
    for label, value in amounts.items():
        if pd.isna(value):
            raise EconomicsError("economics.amount_missing", lang=lang, item=str(body.loc[label, c.item]),
                                 row=sheet_row(df, label))
        if value < 0:
            raise EconomicsError("economics.negative_amount", lang=lang,
                                 item=f"{body.loc[label, c.item]} ({sheet_row(df, label)})", value=value)
    is_cost = types == COST
    cost_mask, cost_src = _pick_source(body, is_cost, src_col, cost_source, "Kostnad", "cost_source", lang=lang)
    ben_mask, ben_src = _pick_source(body, ~is_cost, src_col, benefit_source, "Besparing/Intäkt",
                                     "benefit_source", lang=lang)
    keep = cost_mask | ben_mask
    frame = pd.DataFrame({"year": years[keep], "holder": body.loc[keep, c.holder].astype(str),
                          "item": body.loc[keep, c.item].astype(str), "flow_type": types[keep],
                          "amount": amounts[keep]})
    grouped = frame.groupby(["holder", "item", "flow_type"], sort=False)
    all_years = tuple(range(int(years.min()), int(years.max()) + 1))
    components = []
    for (holder, item, flow_type), g in grouped:
        per_year = g.groupby("year")["amount"].sum()
        if flow_type == COST:
            factors, scale = ((cost_factor,) if cost_factor else ()), 1.0
        else:
            factors, scale = ((benefit_factor,) if benefit_factor else ()), benefit_scale
        components.append(Component(item, holder, flow_type, tuple(int(y) for y in per_year.index),
                                    tuple(float(v) / scale for v in per_year.values), factors))
    return TableFlows(tuple(components), all_years, cost_src, ben_src, int(len(df)))
