"""Column specifications of the sample datasets: one source for types, units, codebooks and CSV text.

Every sample dataset declares its columns as a tuple of :class:`Col`. The same declaration

* casts a freshly generated frame to its final dtypes (:func:`finish`),
* formats the frame as the text a Swedish export would hold (:func:`format_frame`),
* parses that text back (:func:`parse_frame`), and
* becomes the codebook table (:func:`codebook_frame`).

Because generation and loading both pass through the same casts, ``load_sample(name)`` returns
exactly what ``generate(name)`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Kind = Literal["id", "cat", "int", "float", "bin", "date", "month"]

KIND_LABELS: dict[str, dict[str, str]] = {
    "id": {"sv": "id (text)", "en": "id (text)"},
    "cat": {"sv": "kategori (text)", "en": "category (text)"},
    "int": {"sv": "heltal", "en": "integer"},
    "float": {"sv": "decimaltal", "en": "decimal number"},
    "bin": {"sv": "0/1", "en": "0/1"},
    "date": {"sv": "datum ÅÅÅÅ-MM-DD", "en": "date YYYY-MM-DD"},
    "month": {"sv": "månad ÅÅÅÅ-MM", "en": "month YYYY-MM"},
}


@dataclass(frozen=True)
class Col:
    """One column of a sample dataset.

    Parameters
    ----------
    name
        Column name as written in the CSV header (Swedish).
    kind
        How the values are stored: ``id``/``cat`` text, ``int``, ``float`` (with ``decimals``),
        ``bin`` (0/1), ``date`` (ISO date), ``month`` (``YYYY-MM`` text).
    sv, en
        Description in Swedish and English, including how the values were generated.
    unit_sv, unit_en
        Unit (empty when none).
    decimals
        Decimals written for ``float`` columns.
    """

    name: str
    kind: Kind
    sv: str
    en: str
    unit_sv: str = ""
    unit_en: str = ""
    decimals: int = 0


def _cast(values: "pd.Series", col: Col) -> "pd.Series":
    """Cast one column (numbers, dates or text) to its final dtype."""
    import numpy as np
    import pandas as pd

    if col.kind in ("id", "cat", "month"):
        return values.astype("str")
    if col.kind == "date":
        return pd.to_datetime(values, format="%Y-%m-%d").astype("datetime64[s]")
    num = pd.to_numeric(values).astype("float64")
    if col.kind == "float":
        return num.round(col.decimals)
    if num.isna().any():
        return num
    return num.astype(np.int64)


def finish(df: "pd.DataFrame", cols: tuple[Col, ...]) -> "pd.DataFrame":
    """Select the declared columns in order and cast each to its final dtype."""
    import pandas as pd

    return pd.DataFrame({c.name: _cast(df[c.name], c) for c in cols})


def _fmt_float(x: float, decimals: int) -> str:
    if x != x:  # NaN
        return ""
    text = f"{x:.{decimals}f}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace(".", ",")


def format_frame(df: "pd.DataFrame", cols: tuple[Col, ...]) -> "pd.DataFrame":
    """The frame as text cells, the way a Swedish export writes them (decimal comma, ISO dates)."""
    import pandas as pd

    out: dict[str, list[str]] = {}
    for c in cols:
        s = df[c.name]
        if c.kind == "date":
            out[c.name] = ["" if pd.isna(v) else v.strftime("%Y-%m-%d") for v in s]
        elif c.kind == "float":
            out[c.name] = [_fmt_float(float(v), c.decimals) for v in s]
        elif c.kind in ("int", "bin"):
            out[c.name] = ["" if pd.isna(v) else str(int(v)) for v in s]
        else:
            out[c.name] = ["" if pd.isna(v) else str(v) for v in s]
    return pd.DataFrame(out, dtype="str")


def parse_frame(text: "pd.DataFrame", cols: tuple[Col, ...]) -> "pd.DataFrame":
    """Parse text cells written by :func:`format_frame` back to typed columns."""
    import pandas as pd

    out = {}
    for c in cols:
        s = text[c.name].astype("str").fillna("")
        s = s.mask(s.str.strip() == "", None)
        if c.kind in ("int", "float", "bin"):
            s = s.str.replace(",", ".", regex=False)
        out[c.name] = s
    return finish(pd.DataFrame(out), cols)


def codebook_frame(cols: tuple[Col, ...], lang: str) -> "pd.DataFrame":
    """The codebook as a table in Swedish (``sv``) or English (``en``)."""
    import pandas as pd

    if lang == "sv":
        return pd.DataFrame(
            {
                "kolumn": [c.name for c in cols],
                "typ": [KIND_LABELS[c.kind]["sv"] for c in cols],
                "enhet": [c.unit_sv for c in cols],
                "beskrivning": [c.sv for c in cols],
            }
        )
    return pd.DataFrame(
        {
            "column": [c.name for c in cols],
            "type": [KIND_LABELS[c.kind]["en"] for c in cols],
            "unit": [c.unit_en for c in cols],
            "description": [c.en for c in cols],
        }
    )


def codebook_bilingual(cols: tuple[Col, ...]) -> "pd.DataFrame":
    """Both languages side by side: the table written to ``kodbok.csv``."""
    import pandas as pd

    return pd.DataFrame(
        {
            "kolumn": [c.name for c in cols],
            "typ": [KIND_LABELS[c.kind]["sv"] for c in cols],
            "enhet": [c.unit_sv for c in cols],
            "beskrivning": [c.sv for c in cols],
            "type": [KIND_LABELS[c.kind]["en"] for c in cols],
            "unit": [c.unit_en for c in cols],
            "description": [c.en for c in cols],
        },
        dtype="str",
    )
