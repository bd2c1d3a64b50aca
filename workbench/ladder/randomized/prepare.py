"""Input preparation shared by ``wb.rct`` and ``wb.cace``: columns to arrays, with checks.

Treatment columns may be 0/1, ja/nej, or two arm names (the registry's ``insats``/``kontroll``);
covariates may be numeric or categorical (expanded to 0/1 columns, first level dropped). Rows with
a missing outcome are *reported* as attrition and left out of the estimation, never silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnTypeError, DesignError, MissingValuesError, OptionError
from workbench.core.validate import require_columns, require_no_missing, to_binary, to_numeric

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

TREATED_WORDS = ("insats", "behandling", "interventionsgrupp", "treatment", "treated", "intervention")


def treatment_vector(
    df: "pd.DataFrame", column: str, treated_arm: Any = None, *, lang: str | None = None
) -> tuple["pd.Series", str, str]:
    """0/1 treatment with the labels of the treated and control arms."""
    import pandas as pd

    s = df[column]
    values = [v for v in pd.unique(s.dropna())]
    if len(values) != 2:
        raise ColumnTypeError("randomized.treatment_levels", lang=lang, column=column, values=[str(v) for v in values])
    if treated_arm is None:
        try:
            z = to_binary(df, column, lang=lang)
            return z, "1", "0"
        except ColumnTypeError:
            pass
        hits = [v for v in values if str(v).strip().lower() in TREATED_WORDS]
        if len(hits) != 1:
            raise OptionError("randomized.treated_arm_unknown", lang=lang, column=column, values=[str(v) for v in values])
        treated_arm = hits[0]
    if treated_arm not in values:
        raise OptionError("core.invalid_option", lang=lang, name="treated_arm", value=treated_arm, allowed=values)
    control = next(v for v in values if v != treated_arm)
    z = (s == treated_arm).astype(float).where(s.notna())
    return z, str(treated_arm), str(control)


def design_matrix(
    df: "pd.DataFrame", columns: Sequence[str], *, lang: str | None = None
) -> tuple["np.ndarray", tuple[str, ...]]:
    """Numeric columns as they are; text/categorical columns as 0/1 dummies (first level dropped)."""
    import numpy as np
    import pandas as pd

    parts, names = [], []
    for col in columns:
        s = df[col]
        numeric = pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s)
        if not numeric:
            try:
                parts.append(to_numeric(df, col, lang=lang).to_numpy()[:, None])
                names.append(col)
                continue
            except ColumnTypeError:
                pass
            levels = sorted(s.astype(str).unique().tolist())
            for lev in levels[1:]:
                parts.append((s.astype(str) == lev).to_numpy(dtype=float)[:, None])
                names.append(f"{col}[{lev}]")
            continue
        parts.append(s.to_numpy(dtype=float)[:, None])
        names.append(col)
    if not parts:
        return np.empty((len(df), 0)), ()
    return np.hstack(parts), tuple(names)


@dataclass(frozen=True)
class Prepared:
    """Arrays of the analysed rows plus what was left out."""

    frame: "pd.DataFrame"  # analysed rows only
    y: "np.ndarray"
    z: "np.ndarray"
    binary: bool
    treated_label: str
    control_label: str
    missing_outcome: "pd.Series"  # over all randomized rows
    z_all: "pd.Series"


def prepare(
    df: "pd.DataFrame",
    outcome: str,
    treatment: str,
    *,
    blocks: str | None,
    clusters: str | None,
    covariates: Sequence[str],
    binary: bool | None,
    treated_arm: Any,
    extra: Sequence[str] = (),
    lang: str | None,
) -> Prepared:
    """Validate columns; convert outcome and treatment; split off rows with missing outcome."""

    require_columns(df, [outcome, treatment, blocks, clusters, *covariates, *extra], lang=lang)
    z_all, t_label, c_label = treatment_vector(df, treatment, treated_arm, lang=lang)
    require_no_missing(df.assign(**{treatment: z_all}), [treatment], lang=lang)
    if binary is None:
        y_num = to_numeric(df, outcome, lang=lang)
        binary = bool(set(y_num.dropna().unique().tolist()) <= {0.0, 1.0}) and y_num.notna().any()
        y_all = y_num
    else:
        y_all = to_binary(df, outcome, lang=lang) if binary else to_numeric(df, outcome, lang=lang)
    missing = y_all.isna()
    if missing.all():
        raise MissingValuesError("randomized.outcome_all_missing", lang=lang, column=outcome)
    keep = ~missing
    frame = df.loc[keep]
    need = [c for c in (blocks, clusters, *covariates, *extra) if c is not None]
    require_no_missing(frame, need, lang=lang)
    z = z_all[keep].to_numpy(dtype=float)
    if z.sum() == 0 or z.sum() == len(z):
        raise DesignError("randomized.arm_empty", lang=lang)
    if clusters is not None:
        check_clusters(frame, z, treatment, clusters, lang=lang)
    return Prepared(frame, y_all[keep].to_numpy(dtype=float), z, bool(binary), t_label, c_label, missing, z_all)


def check_clusters(frame: "pd.DataFrame", z: "np.ndarray", treatment: str, clusters: str, *, lang: str | None) -> None:
    import pandas as pd

    spread = pd.Series(z, index=frame.index).groupby(frame[clusters].to_numpy()).nunique()
    mixed = spread[spread > 1]
    if len(mixed):
        raise DesignError(
            "randomized.cluster_mixed_treatment", lang=lang, cluster=mixed.index[0],
            treatment=treatment, clusters=clusters,
        )
