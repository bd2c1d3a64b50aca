"""Reading a JSON-stat 2.0 dataset (what PxWeb answers with ``json-stat2``) into a tidy frame.

A dataset lists its dimensions in ``id`` with their lengths in ``size``; cell :math:`i` of
``value`` belongs to the category combination whose positions :math:`(p_1,…,p_D)` satisfy
:math:`i = \\sum_d p_d \\prod_{e>d} s_e` (row-major, the last dimension varying fastest). ``value``
and ``status`` may be arrays or sparse objects keyed by the cell index; a ``status`` string applies
to every cell. PX missing symbols (``.``, ``..``, ``...``, ``....``) arrive as ``null`` values with
the symbol in ``status``; they stay missing and the symbol is kept in the ``status`` column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

PX_MISSING = (".", "..", "...", "....", ":", "-")


def _categories(dim: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    cat = dim.get("category") or {}
    index = cat.get("index")
    labels = cat.get("label") or {}
    if isinstance(index, list):
        codes = [str(c) for c in index]
    elif isinstance(index, dict):
        codes = [str(c) for c, _ in sorted(index.items(), key=lambda kv: kv[1])]
    else:  # a single category may be given by its label only
        codes = [str(c) for c in labels]
    return codes, {str(k): str(v) for k, v in labels.items()}


def _cell_map(field: Any, n: int) -> dict[int, Any]:
    if field is None:
        return {}
    if isinstance(field, list):
        return {i: v for i, v in enumerate(field)}
    if isinstance(field, dict):
        return {int(k): v for k, v in field.items()}
    return {i: field for i in range(n)}  # one status for all cells


def jsonstat_frame(doc: dict[str, Any], *, bad: Any) -> "pd.DataFrame":
    """Tidy frame: one column per dimension (codes), ``<dimension>_label``, ``value``, ``status``.

    ``bad(detail)`` builds the error raised when the document is not a JSON-stat 2.0 dataset.
    """
    import numpy as np
    import pandas as pd

    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        raise bad("not a JSON-stat 2.0 dataset (class 'dataset' missing)")
    ids, sizes, dims = doc.get("id"), doc.get("size"), doc.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dims, dict) and len(ids) == len(sizes)):
        raise bad("'id', 'size' and 'dimension' do not agree")
    codes, labels = [], []
    for d, s in zip(ids, sizes):
        if d not in dims:
            raise bad(f"the dimension '{d}' is listed in 'id' but not described")
        c, lab = _categories(dims[d])
        if len(c) != s:
            raise bad(f"the dimension '{d}' has {len(c)} categories but size {s}")
        codes.append(c)
        labels.append(lab)
    n = int(np.prod(sizes)) if sizes else 0
    values = _cell_map(doc.get("value"), n)
    if isinstance(doc.get("value"), list) and len(doc["value"]) != n:
        raise bad(f"{len(doc['value'])} values for {n} cells")
    status = _cell_map(doc.get("status"), n)
    grids = np.unravel_index(np.arange(n), sizes) if n else [np.array([], dtype=int)] * len(ids)
    frame = pd.DataFrame()
    for d, c, lab, pos in zip(ids, codes, labels, grids):
        col = np.asarray(c, dtype=object)[pos]
        frame[d] = col
        frame[f"{d}_label"] = [lab.get(x, x) for x in col]
    raw = [values.get(i) for i in range(n)]
    stat = [status.get(i) for i in range(n)]
    out_values, out_status = [], []
    for v, st in zip(raw, stat):
        if isinstance(v, str):  # some servers put the symbol in place of the value
            if v.strip() in PX_MISSING:
                out_values.append(np.nan)
                out_status.append(st or v.strip())
                continue
            try:
                v = float(v)
            except ValueError:
                raise bad(f"the value {v!r} is neither a number nor a PX symbol") from None
        out_values.append(np.nan if v is None else float(v))
        out_status.append(None if st in (None, "") else str(st))
    frame["value"] = np.asarray(out_values, dtype=float)
    frame["status"] = pd.Series(out_status, dtype="object")
    return frame
