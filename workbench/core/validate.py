"""Input checks shared by every front door (scikit-learn's ``check_array`` is the model).

Each helper raises a specific :class:`~workbench.core.errors.WorkbenchError` naming the column,
row and value, in the caller's language. Row numbers in messages are *spreadsheet rows*: the
first data row is row 2 (row 1 holds the headers), as staff see it in Excel.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import (
    ColumnMissingError,
    ColumnTypeError,
    DuplicateIdError,
    InputError,
    MissingValuesError,
    TooFewRowsError,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TRUE_WORDS = frozenset({"1", "ja", "j", "yes", "y", "true", "sant", "x"})
FALSE_WORDS = frozenset({"0", "nej", "n", "no", "false", "falskt"})


def sheet_row(df: "pd.DataFrame", label: Any) -> int:
    """Spreadsheet row number (header = row 1) of the row with index ``label``."""
    pos = df.index.get_loc(label)
    if not isinstance(pos, int):  # duplicated index labels: take the first
        import numpy as np

        pos = int(np.flatnonzero(np.asarray(pos))[0]) if not isinstance(pos, slice) else pos.start
    return int(pos) + 2


def require_frame(data: Any, *, lang: str | None = None) -> "pd.DataFrame":
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise InputError("core.not_a_dataframe", lang=lang, got=type(data).__name__)
    if len(data) == 0:
        raise TooFewRowsError("core.empty_table", lang=lang)
    return data


def require_columns(df: "pd.DataFrame", columns: Iterable[str | None], *, lang: str | None = None) -> None:
    """Every named column must exist (``None`` entries are skipped)."""
    available = [str(c) for c in df.columns]
    for col in columns:
        if col is not None and col not in df.columns:
            raise ColumnMissingError("core.column_missing", lang=lang, column=col, available=available)


def to_numeric(df: "pd.DataFrame", column: str, *, lang: str | None = None) -> "pd.Series":
    """The column as float, accepting decimal commas and spaces; text raises naming the row."""
    import numpy as np
    import pandas as pd

    s = df[column]
    if pd.api.types.is_bool_dtype(s):
        return s.astype(float)
    if pd.api.types.is_numeric_dtype(s):
        return s.astype(float)
    cleaned = (
        s.astype("string")
        .str.strip()
        .str.replace("\u00a0", "", regex=False)
        .str.replace("\u202f", "", regex=False)
        .str.replace(" ", "", regex=False)
        .str.replace("\u2212", "-", regex=False)
        .str.replace(",", ".", regex=False)
    )
    cleaned = cleaned.mask(cleaned == "", pd.NA)
    out = pd.to_numeric(cleaned, errors="coerce")
    bad = out.isna() & cleaned.notna()
    if bad.any():
        label = bad[bad].index[0]
        raise ColumnTypeError(
            "core.column_not_numeric", lang=lang, column=column, row=sheet_row(df, label), value=s.loc[label]
        )
    return out.astype(float).replace([np.inf, -np.inf], np.nan)


def to_binary(df: "pd.DataFrame", column: str, *, lang: str | None = None) -> "pd.Series":
    """The column as 0.0/1.0 (NaN kept), accepting ja/nej, yes/no, true/false, 1/0."""
    import pandas as pd

    s = df[column]
    if pd.api.types.is_bool_dtype(s):
        return s.astype(float)
    if pd.api.types.is_numeric_dtype(s):
        values = set(s.dropna().unique().tolist())
        if not values <= {0, 1}:
            raise ColumnTypeError(
                "core.column_not_binary", lang=lang, column=column, values=sorted(values)[:8]
            )
        return s.astype(float)
    text = s.astype("string").str.strip().str.lower()
    mapped = text.map(lambda v: 1.0 if v in TRUE_WORDS else (0.0 if v in FALSE_WORDS else None), na_action="ignore")
    bad = text.notna() & (text != "") & mapped.isna()
    if bad.any():
        raise ColumnTypeError(
            "core.column_not_binary", lang=lang, column=column,
            values=sorted(set(s[bad].astype(str).tolist()))[:8],
        )
    return pd.to_numeric(mapped, errors="coerce").astype(float)


def require_no_missing(df: "pd.DataFrame", columns: Sequence[str], *, lang: str | None = None) -> None:
    """Raise naming the first column with missing values, its count and first row."""
    for col in columns:
        miss = df[col].isna()
        if miss.any():
            raise MissingValuesError(
                "core.column_missing_values", lang=lang, column=col, count=int(miss.sum()),
                first_row=sheet_row(df, miss[miss].index[0]),
            )


def require_unique(df: "pd.DataFrame", column: str, *, lang: str | None = None) -> None:
    dup = df[column].duplicated(keep=False) & df[column].notna()
    if dup.any():
        first_value = df.loc[dup, column].iloc[0]
        rows = [sheet_row(df, lab) for lab in df.index[(df[column] == first_value).to_numpy()]][:5]
        raise DuplicateIdError(
            "core.duplicate_ids", lang=lang, column=column,
            count=int(df.loc[dup, column].nunique()), value=first_value, rows=rows,
        )


def require_min_rows(n: int, minimum: int, *, lang: str | None = None) -> None:
    if n < minimum:
        raise TooFewRowsError("core.too_few_rows", lang=lang, n=n, minimum=minimum)


def require_not_constant(df: "pd.DataFrame", column: str, *, lang: str | None = None) -> None:
    values = df[column].dropna().unique()
    if len(values) <= 1:
        raise ColumnTypeError(
            "core.constant_column", lang=lang, column=column, value=values[0] if len(values) else ""
        )
