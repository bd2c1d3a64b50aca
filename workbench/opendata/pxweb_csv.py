"""PxWeb v1's ``csv`` answer: labels (not codes), the heading variables spread over columns.

SCB's v1 CSV has one column per *stub* variable, holding value texts, followed by one column per
combination of the *heading* variables (typically contents × time), titled with their value texts
joined by spaces, e.g. ``"Folkmängd 2019"``. It arrives as Windows-1252 (older answers) or UTF-8
with a byte-order mark; numbers may carry a non-breaking space as thousands separator. This module
maps the texts back to codes with the table's metadata.
"""

from __future__ import annotations

import csv
import io
from itertools import product
from typing import TYPE_CHECKING, Any

from workbench.data.encoding import decode_text
from workbench.data.numbers import parse_number
from workbench.opendata.jsonstat import PX_MISSING
from workbench.opendata.pxweb_query import Variable

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def csv_frame(raw: bytes, variables: list[Variable], query: dict[str, list[str]], *, url: str, bad: Any,
              lang: str) -> "pd.DataFrame":
    """Tidy frame (codes, ``<code>_label``, ``value``, ``status``) from a v1 CSV answer."""
    import numpy as np
    import pandas as pd

    text, _ = decode_text(raw, name=url, lang=lang)
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise bad("an empty CSV answer")
    header, body = rows[0], rows[1:]
    chosen = [v for v in variables if v.code in query]
    stub = [v for v in chosen if v.label in header[: len(chosen)]]
    stub = [v for v in stub if header.index(v.label) < len(stub)]
    heading = [v for v in chosen if v not in stub]
    texts = {v.code: dict(zip(v.values, v.value_labels)) for v in chosen}
    combos = list(product(*[query[v.code] for v in heading]))
    titles = [" ".join(texts[v.code][c] for v, c in zip(heading, combo)) for combo in combos]
    if header[len(stub):] != titles:
        raise bad(f"the CSV columns {header[len(stub):][:3]} do not match the query's {titles[:3]}")
    by_text = {v.code: {t: c for c, t in zip(v.values, v.value_labels)} for v in stub}
    out = []
    for r in body:
        if len(r) != len(header):
            raise bad(f"a CSV row with {len(r)} cells under {len(header)} columns")
        base = {}
        for i, v in enumerate(stub):
            code = by_text[v.code].get(r[i])
            if code is None:
                raise bad(f"'{r[i]}' is not a value text of '{v.code}'")
            base[v.code] = code
        for combo, cell in zip(combos, r[len(stub):]):
            row = dict(base)
            row.update({v.code: c for v, c in zip(heading, combo)})
            token = cell.strip()
            if token in PX_MISSING:
                row["value"], row["status"] = np.nan, token
            else:
                number = parse_number(token)
                if number is None:
                    raise bad(f"the cell '{cell}' is neither a number nor a PX symbol")
                row["value"], row["status"] = number, None
            out.append(row)
    order = [v.code for v in chosen]
    frame = pd.DataFrame(out, columns=order + ["value", "status"])
    for code in reversed(order):
        frame.insert(order.index(code) + 1, f"{code}_label", frame[code].map(texts[code]))
    return frame
