"""Input preparation for :func:`workbench.ladder.matching.api.match`.

Validates the table, the 0/1 treatment and the covariates, handles missing values (an error naming
every covariate with missing values, or an explicit drop), and builds the two numeric views of the
covariates: the *model matrix* for the propensity score (intercept, numbers, factor dummies with the
first level as reference, as R's ``model.matrix``) and the *balance matrix* (every level of a factor
as its own 0/1 column, as MatchIt's ``summary`` and cobalt).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnTypeError, InputError, MissingValuesError
from workbench.core.messages import resolve_lang
from workbench.core.text import Msg, render
from workbench.core.validate import (
    require_columns,
    require_frame,
    require_no_missing,
    require_not_constant,
    to_binary,
    to_numeric,
)

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


@dataclass(frozen=True)
class Covariate:
    """One covariate as given: ``kind`` is ``"numeric"`` or ``"factor"`` (with its levels)."""

    name: str
    kind: str
    levels: tuple[Any, ...] = ()


def columns_matrix(cols: "list[np.ndarray]") -> "np.ndarray":
    """Stack 1-D columns into an ``n × p`` matrix (Fortran order: each column written in one pass).

    ``np.column_stack`` writes every row across all columns, which at a million rows costs several
    times more than filling the transposed array row by row.
    """
    import numpy as np

    out = np.empty((len(cols), len(cols[0])))
    for j, c in enumerate(cols):
        out[j] = c
    return out.T


@dataclass
class Prepared:
    """The validated inputs: rows kept, 0/1 treatment, covariate matrices and their column names.

    The matrices are built on first use from the columns kept here (matching itself needs only
    the model matrix; the balance matrix is for ``balance()``).
    """

    data: "pd.DataFrame"  # the caller's rows that are used (not copied column-wise)
    treat: "np.ndarray"  # 1.0 / 0.0
    covariates: list[Covariate]
    model_columns: "list[np.ndarray]"
    model_names: list[str]
    balance_columns: "list[np.ndarray]"
    balance_names: list[str]
    balance_source: list[str]  # the covariate each balance column comes from
    n_input: int
    dropped_missing: int = 0
    warnings: list[Msg] = field(default_factory=list)
    _matrices: dict[str, "np.ndarray"] = field(default_factory=dict, repr=False)

    @property
    def model_matrix(self) -> "np.ndarray":
        """Intercept, numbers and factor dummies (first level the reference), as ``model.matrix``.

        Built afresh on each use and not kept: only the propensity fit reads it.
        """
        return columns_matrix(self.model_columns)

    @property
    def balance_matrix(self) -> "np.ndarray":
        """Every covariate column, every level of a factor as its own 0/1 column."""
        if "balance" not in self._matrices:
            self._matrices["balance"] = columns_matrix(self.balance_columns)
        return self._matrices["balance"]


def _is_factor(s: "pd.Series", column: str, lang: str | None) -> bool:
    import pandas as pd

    if isinstance(s.dtype, pd.CategoricalDtype):
        return True
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
        return False
    uniq = pd.Series(pd.unique(s.dropna().astype(str)))  # parse each distinct value once
    text = uniq.str.strip().str.replace(",", ".", regex=False)
    parsed = pd.to_numeric(text, errors="coerce")
    if parsed.notna().all():
        return False
    if parsed.isna().all():
        return True
    # a column of numbers with a stray text value: let to_numeric name the row
    to_numeric(s.to_frame(column), column, lang=lang)
    return True  # pragma: no cover - to_numeric raised


def _factor_levels(s: "pd.Series") -> tuple[Any, ...]:
    import pandas as pd

    if isinstance(s.dtype, pd.CategoricalDtype):
        present = set(s.dropna().unique().tolist())
        return tuple(v for v in s.cat.categories if v in present)
    return tuple(sorted(s.dropna().astype(str).unique().tolist()))


def prepare(
    data: Any,
    treatment: str,
    covariates: Any,
    *,
    extra_columns: tuple[str, ...] = (),
    drop_missing: bool = False,
    lang: str | None = None,
) -> Prepared:
    """Validate and build the covariate matrices (see module docstring)."""
    import numpy as np
    import pandas as pd

    df = require_frame(data, lang=lang)
    if isinstance(covariates, str):
        covariates = [covariates]
    covs = list(dict.fromkeys(covariates or []))
    if not covs:
        raise InputError("matching.no_covariates", lang=lang)
    require_columns(df, [treatment, *covs, *extra_columns], lang=lang)
    if treatment in covs:
        raise InputError("matching.treatment_in_covariates", lang=lang, column=treatment)
    require_no_missing(df, [treatment], lang=lang)

    lang_r = resolve_lang(lang)
    warnings: list[Msg] = []
    miss = {c: int(df[c].isna().sum()) for c in [*covs, *extra_columns]}
    miss = {c: k for c, k in miss.items() if k}
    dropped = 0
    if miss:
        items = [Msg("matching.missing_detail", column=c, count=k) for c, k in miss.items()]
        details = items[-1]
        for item in reversed(items[:-1]):  # one comma-separated message, rendered when read
            details = Msg("matching.join", first=item, rest=details)
        if not drop_missing:
            raise MissingValuesError("matching.missing_covariates", lang=lang, details=render(details, lang_r))
        keep = df[list(miss)].notna().all(axis=1)
        dropped = int((~keep).sum())
        df = df.loc[keep]
        warnings.append(Msg("matching.warn.dropped_missing", count=dropped, details=details))

    treat = to_binary(df, treatment, lang=lang).to_numpy(dtype=float)
    if not (treat == 1).any():
        raise ColumnTypeError("matching.no_treated", lang=lang, column=treatment)
    if not (treat == 0).any():
        raise ColumnTypeError("matching.no_controls", lang=lang, column=treatment)

    spec: list[Covariate] = []
    model_cols: list[np.ndarray] = [np.ones(len(df))]
    model_names = ["(Intercept)"]
    bal_cols: list[np.ndarray] = []
    bal_names: list[str] = []
    bal_source: list[str] = []
    for c in covs:
        s = df[c]
        codes = None
        if isinstance(s.dtype, pd.CategoricalDtype) or pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            factor = _is_factor(s, c, lang)
        else:  # text: hash the column once; the distinct values decide between numbers and a factor
            codes, uniq = pd.factorize(s, use_na_sentinel=True)
            text = pd.Series(uniq, dtype=object).astype(str).str.strip().str.replace(",", ".", regex=False)
            parsed = pd.to_numeric(text, errors="coerce")
            if parsed.notna().all() or parsed.isna().all():
                factor = bool(parsed.isna().all())
            else:  # numbers with a stray text value: the full column names the row
                factor = _is_factor(s, c, lang)
        if factor:
            if codes is None:
                levels = _factor_levels(s)
                values = s.to_numpy() if hasattr(s, "cat") else s.astype(str).to_numpy()
                level_codes = None
            else:
                texts = [str(u) for u in uniq]
                levels = tuple(sorted(set(texts)))
                level_codes = {lev: [k for k, t in enumerate(texts) if t == lev] for lev in levels}
            if len(levels) <= 1:
                require_not_constant(df, c, lang=lang)
            spec.append(Covariate(c, "factor", levels))
            for j, lev in enumerate(levels):
                if level_codes is not None:
                    ks = level_codes[lev]
                    col = (codes == ks[0]) if len(ks) == 1 else np.isin(codes, ks)
                    col = col.astype(float)
                else:
                    col = (values == (str(lev) if not hasattr(s, "cat") else lev)).astype(float)
                bal_cols.append(col)
                bal_names.append(f"{c}={lev}")
                bal_source.append(c)
                if j > 0:
                    model_cols.append(col)
                    model_names.append(f"{c}={lev}")
        else:
            x = to_numeric(df, c, lang=lang).to_numpy(dtype=float)
            if not (np.nanmin(x) < np.nanmax(x)):
                require_not_constant(df, c, lang=lang)
            spec.append(Covariate(c, "numeric"))
            model_cols.append(x)
            model_names.append(c)
            bal_cols.append(x)
            bal_names.append(c)
            bal_source.append(c)
    return Prepared(
        data=df,
        treat=treat,
        covariates=spec,
        model_columns=model_cols,
        model_names=model_names,
        balance_columns=bal_cols,
        balance_names=bal_names,
        balance_source=bal_source,
        n_input=len(data),
        dropped_missing=dropped,
        warnings=warnings,
    )


def design_for(df: "pd.DataFrame", covariates: list[Covariate], *, lang: str | None = None) -> tuple["np.ndarray", list[str]]:
    """Columns of ``df`` coded like the propensity model (no intercept), for outcome models."""
    import numpy as np

    cols: list[np.ndarray] = []
    names: list[str] = []
    for cov in covariates:
        s = df[cov.name]
        if cov.kind == "factor":
            values = s.to_numpy() if hasattr(s, "cat") else s.astype(str).to_numpy()
            for lev in cov.levels[1:]:
                cols.append((values == (lev if hasattr(s, "cat") else str(lev))).astype(float))
                names.append(f"{cov.name}={lev}")
        else:
            cols.append(to_numeric(df, cov.name, lang=lang).to_numpy(dtype=float))
            names.append(cov.name)
    if not cols:
        return np.empty((len(df), 0)), []
    return np.column_stack(cols), names
