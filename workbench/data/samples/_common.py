"""Small helpers shared by the sample generators (ids, dates, oddities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


def ids(prefix: str, n: int, width: int = 5) -> "np.ndarray":
    """Pseudonymous ids ``P00001 …`` (never personnummer)."""
    import numpy as np

    width = max(width, len(str(n)))
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def pick(rng: "np.random.Generator", n: int, share: float) -> "np.ndarray":
    """Row positions of about ``share`` of ``n`` rows (at least one), sorted."""
    import numpy as np

    k = max(1, int(round(n * share)))
    return np.sort(rng.choice(n, size=min(k, n), replace=False))


def thousands(text: "pd.Series", sep: str = "\u00a0") -> "pd.Series":
    """Write integers with a thousands separator, as Swedish Excel does ("12 340")."""

    def one(v: str) -> str:
        if v == "" or v is None:
            return ""
        neg = v.startswith("-")
        whole, _, dec = v.lstrip("-").partition(",")
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        out = sep.join(groups) + ("," + dec if dec else "")
        return "-" + out if neg else out

    return text.map(one).astype("str")


def unthousands(text: "pd.Series") -> "pd.Series":
    """Undo :func:`thousands` (and ordinary spaces, Unicode minus)."""
    return (
        text.astype("str")
        .str.replace("\u00a0", "", regex=False)
        .str.replace("\u202f", "", regex=False)
        .str.replace(" ", "", regex=False)
        .str.replace("\u2212", "-", regex=False)
    )


def iso_dates(days: "np.ndarray", start: str) -> "np.ndarray":
    """ISO date strings ``start + days``."""
    import numpy as np

    return (np.datetime64(start, "D") + days.astype("int64")).astype(str)


def months(start: str, count: int) -> list[str]:
    """``YYYY-MM`` labels of ``count`` months from ``start`` (``YYYY-MM``)."""
    year, month = (int(x) for x in start.split("-"))
    out = []
    for i in range(count):
        m = month - 1 + i
        out.append(f"{year + m // 12:04d}-{m % 12 + 1:02d}")
    return out
