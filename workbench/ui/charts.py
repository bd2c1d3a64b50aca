"""Charts and tables as plain HTML for the Voilà pages: offline, escaped, Swedish number format.

Charts are drawn from a result's saved Vega-Lite spec by :func:`workbench.reporting.svg.chart_svg`
(vl-convert, no script, no CDN); this module only wraps the SVG for the page and turns a chart that
cannot be drawn into a kind note. Tables escape every cell.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import logging
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.messages import msg
from workbench.reporting.cells import column_label, format_cell, readable_columns

log = logging.getLogger("workbench.ui")
_P_COLUMN = re.compile(r"^(p|p_.*|.*_p|p-?värde.*)$", re.IGNORECASE)

TABLE_STYLE = (
    "<style>.wb-table{border-collapse:collapse;margin:0.4em 0;font-size:0.95em}"
    ".wb-table th,.wb-table td{border:1px solid #b0b7c3;padding:0.25em 0.6em;text-align:left;vertical-align:top}"
    ".wb-table th{background:#eef1f6}.wb-table td.wb-num{text-align:right;font-variant-numeric:tabular-nums}"
    ".wb-table .wb-type{display:block;font-weight:normal;font-size:0.85em;color:#444}"
    ".wb-scroll{max-width:100%;overflow-x:auto}</style>"
)


def column_kind(series: Any) -> str:
    """``number``, ``date`` or ``text`` for a pandas column."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return "text"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    present = series.dropna()
    if len(present) and all(isinstance(v, dt.date) for v in present.head(50)):
        return "date"
    return "text"


def table_html(
    rows: Any,
    *,
    lang: str = "sv",
    max_rows: int | None = None,
    digits: int | None = None,
    show_types: bool = False,
    css: str = "wb-table",
    result_columns: bool = False,
) -> str:
    """An escaped HTML table from a DataFrame or a list of record dicts ('' when there is nothing).

    ``result_columns=True`` shows a result summary's column names in ``lang`` (a file's own
    columns, as in the upload preview, are shown as written).
    """
    import pandas as pd

    if rows is None:
        return ""
    if isinstance(rows, pd.DataFrame):
        frame = rows
    else:
        try:
            frame = pd.DataFrame(dict(rows) if isinstance(rows, Mapping) else list(rows))
        except (TypeError, ValueError):  # not a table (e.g. a mapping of single values)
            frame = pd.DataFrame([dict(rows)]) if isinstance(rows, Mapping) else pd.DataFrame()
    if frame.shape[1] == 0:
        return ""
    if result_columns:
        frame = readable_columns(frame)
    shown = frame.head(max_rows) if max_rows is not None else frame
    heads = []
    for col in frame.columns:
        kind = ""
        if show_types:
            kind = f"<span class='wb-type'>({html.escape(msg('ui.pages.type.' + column_kind(frame[col]), lang))})</span>"
        name = column_label(col, lang) if result_columns else str(col)
        heads.append(f"<th scope='col'>{html.escape(name)}{kind}</th>")
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c]) for c in frame.columns]
    p_cols = [digits is not None and _P_COLUMN.match(str(c)) is not None for c in frame.columns]
    body = []
    for record in shown.itertuples(index=False, name=None):
        cells = "".join(
            f"<td class='wb-num'>{html.escape(format_cell(v, lang, digits, p_value=p))}</td>" if num
            else f"<td>{html.escape(format_cell(v, lang, digits))}</td>"
            for v, num, p in zip(record, numeric, p_cols)
        )
        body.append(f"<tr>{cells}</tr>")
    return (f"{TABLE_STYLE}<div class='wb-scroll'><table class='{html.escape(css)}'><thead><tr>{''.join(heads)}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>")


@functools.lru_cache(maxsize=64)
def _svg(spec_json: str, lang: str = "sv") -> str | None:
    """SVG of a spec, remembered: refreshing the page does not draw unchanged charts again."""
    from workbench.reporting.svg import chart_svg

    return chart_svg(json.loads(spec_json), lang)


def chart_html(spec: Mapping[str, Any] | None, *, label: str = "", lang: str = "sv") -> str:
    """A saved Vega-Lite spec as an inline-SVG figure; a kind note if it cannot be drawn; '' for none."""
    if not spec:
        return ""
    try:
        svg = _svg(json.dumps(spec, sort_keys=True, ensure_ascii=False), lang)
    except Exception:  # a damaged spec must not break the page; the log keeps the details
        log.exception("could not draw a saved chart (%s)", label)
        svg = None
    if not svg:
        return f"<p class='wb-chart-missing'><em>{html.escape(msg('ui.pages.results.no_chart', lang))}</em></p>"
    aria = html.escape(msg("ui.pages.results.chart_label", lang, label=label), quote=True)
    return (f"<figure class='wb-chart' role='img' aria-label='{aria}' "
            f"style='margin:0.5em 0;max-width:100%;overflow-x:auto'>{svg}</figure>")


def items_html(items: Sequence[str], css: str) -> str:
    """An escaped bullet list ('' for no items)."""
    if not items:
        return ""
    return f"<ul class='{html.escape(css)}'>" + "".join(f"<li>{html.escape(str(i))}</li>" for i in items) + "</ul>"
