"""Write and read sample files the way Swedish municipal exports look.

``;`` as separator, decimal comma, CRLF line ends, UTF-8 with a byte-order mark (what Excel writes
with "CSV UTF-8"). Every byte is a function of the dataset's seed, so the shipped files can be
regenerated and compared byte for byte.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SEP = ";"
DATA_FILE = "data.csv"
CODEBOOK_FILE = "kodbok.csv"
TRUTH_FILE = "truth.json"
README_FILE = "README.md"


def csv_bytes(text: "pd.DataFrame") -> bytes:
    """Text cells as a Swedish CSV file: ``;``, CRLF, UTF-8 with BOM, quotes only where needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=SEP, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(c) for c in text.columns])
    for row in text.itertuples(index=False, name=None):
        writer.writerow(["" if v is None or v != v else str(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def truth_bytes(truth: dict[str, Any]) -> bytes:
    """The true parameters as pretty, stable JSON (UTF-8, keys in the order given)."""
    return (json.dumps(truth, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_text_cells(data: bytes) -> "pd.DataFrame":
    """Every cell as text, nothing converted: the start of the kind cleaning in ``load_sample``."""
    import pandas as pd

    return pd.read_csv(
        io.BytesIO(data), sep=SEP, dtype="str", keep_default_na=False, encoding="utf-8-sig"
    )


def read_raw(data: bytes) -> "pd.DataFrame":
    """The file as a plain ``pandas.read_csv`` with Swedish settings sees it (oddities included)."""
    import pandas as pd

    return pd.read_csv(io.BytesIO(data), sep=SEP, decimal=",", encoding="utf-8-sig")
