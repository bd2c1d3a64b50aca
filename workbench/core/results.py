"""The result protocol every analysis returns, and the :class:`Estimate` it is built on.

An analysis is a function front door that validates, computes and returns a *frozen* result.
Every result has

* ``summary()`` — a tidy ``DataFrame`` with named columns,
* ``to_dict()`` — JSON-safe; includes ``kind``, the inputs' column names, options, package version,
* ``chart()`` — an ``altair.Chart`` (never displayed by the function itself),
* ``explain(lang="sv")`` — a plain-language paragraph saying what this rung can and cannot claim,
* ``warnings`` — a tuple of strings a careful evaluator must know,
* ``_repr_html_()`` — for notebooks.

Subclasses are ``@dataclass(frozen=True, kw_only=True)`` and implement ``summary``, ``chart`` and
``explain``; ``to_dict`` and the HTML view come from :class:`Result`.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime as _dt
import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def package_version() -> str:
    from workbench.core.version import __version__

    return __version__


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def json_safe(value: Any) -> Any:
    """Convert numpy/pandas scalars, tuples, dataclasses, DataFrames and NaN to JSON-safe values.

    NaN and infinities become ``None`` (JSON has no NaN).
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if hasattr(value, "to_dict"):
            return value.to_dict()
        return {f.name: json_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    type_name = type(value).__module__
    if type_name.startswith("numpy"):
        import numpy as np

        if isinstance(value, np.ndarray):
            return [json_safe(v) for v in value.tolist()]
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.integer):
            return int(value)
        if isinstance(value, np.floating):
            return json_safe(float(value))
    if type_name.startswith("pandas"):
        import pandas as pd

        if isinstance(value, pd.DataFrame):
            plain_index = isinstance(value.index, pd.RangeIndex) and value.index.name is None
            frame = value if plain_index else value.reset_index()
            return [json_safe(r) for r in frame.to_dict(orient="records")]
        if isinstance(value, pd.Series):
            return {str(k): json_safe(v) for k, v in value.items()}
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
        if value is pd.NA or value is pd.NaT:
            return None
    return str(value)


@dataclass(frozen=True)
class Provenance:
    """Where a result came from: function, options, input columns, rows, version and time."""

    function: str
    options: Mapping[str, Any] = field(default_factory=dict)
    columns: Mapping[str, Any] = field(default_factory=dict)
    n_rows: int | None = None
    version: str = field(default_factory=package_version)
    created_at: str = field(default_factory=_now)

    def to_dict(self) -> dict[str, Any]:
        return {
            "function": self.function,
            "options": json_safe(self.options),
            "columns": json_safe(self.columns),
            "n_rows": self.n_rows,
            "package": "workbench",
            "version": self.version,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class Estimate:
    """One estimated quantity with its uncertainty.

    ``df`` is ``None`` when the reference distribution is normal; ``ci_low``/``ci_high`` are at
    ``conf_level`` (default 0.95); the p-value is two-sided unless ``alternative`` says otherwise.
    """

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    statistic: float
    df: float | None
    n: int
    estimand: str
    method: str
    se_type: str | None
    conf_level: float = 0.95
    alternative: str = "two-sided"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: json_safe(getattr(self, f.name)) for f in dataclasses.fields(self)}

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([self.to_dict()])

    @property
    def significant(self) -> bool:
        """Whether the confidence interval excludes zero (the two-sided test rejects)."""
        return bool(self.p_value < 1 - self.conf_level)

    def format(self, lang: str = "sv", digits: int = 2) -> str:
        """``'1,23 (95 % KI 0,45 till 2,01)'`` in Swedish, ``'1.23 (95% CI 0.45 to 2.01)'`` in English."""
        pct = int(round(self.conf_level * 100))
        if lang == "sv":
            return (
                f"{format_number(self.estimate, digits, 'sv')} ({pct} % KI "
                f"{format_number(self.ci_low, digits, 'sv')} till "
                f"{format_number(self.ci_high, digits, 'sv')})"
            )
        return (
            f"{format_number(self.estimate, digits, 'en')} ({pct}% CI "
            f"{format_number(self.ci_low, digits, 'en')} to {format_number(self.ci_high, digits, 'en')})"
        )


def format_number(x: float | None, digits: int = 2, lang: str = "sv") -> str:
    """A number as staff read it: Swedish decimal comma and thin-space thousands in ``sv``."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "–"
    text = f"{x:,.{digits}f}"
    if lang == "sv":
        text = text.replace(",", "\u202f").replace(".", ",").replace("-", "−")
    return text


def format_p(p: float | None, lang: str = "sv") -> str:
    """A p-value as ``'p = 0,032'`` or ``'p < 0,001'``."""
    if p is None or not math.isfinite(p):
        return "p = –"
    if p < 0.001:
        return "p < 0,001" if lang == "sv" else "p < 0.001"
    return f"p = {format_number(p, 3, lang)}"


@dataclass(frozen=True, kw_only=True)
class Result(abc.ABC):
    """Base of every analysis result (see module docstring).

    Subclasses set ``kind`` (a short stable name such as ``"prepost"``), add their own fields,
    and implement :meth:`summary`, :meth:`chart` and :meth:`explain`. Fields listed in
    ``_dict_exclude`` are left out of :meth:`to_dict` (e.g. large per-row Series).
    """

    kind: ClassVar[str] = "result"
    rung: ClassVar[int | None] = None
    _dict_exclude: ClassVar[tuple[str, ...]] = ()

    provenance: Provenance
    warnings: tuple[str, ...] = ()

    # -- protocol (a subclass that leaves one out cannot be instantiated) -----------------
    @abc.abstractmethod
    def summary(self) -> "pd.DataFrame":
        """A tidy table of the result with named columns."""

    @abc.abstractmethod
    def chart(self) -> "alt.Chart":
        """An Altair chart of the result (never displayed by the analysis itself)."""

    @abc.abstractmethod
    def explain(self, lang: str = "sv") -> str:
        """Plain language: what the result shows, and what this rung can and cannot claim."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "rung": self.rung}
        for f in dataclasses.fields(self):
            if f.name in self._dict_exclude or f.name.startswith("_"):
                continue
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if hasattr(value, "to_dict") and not _is_frame(value) else json_safe(value)
        out["summary"] = json_safe(self.summary())
        return out

    def _repr_html_(self) -> str:
        return result_html(self, lang="sv")


def _is_frame(value: Any) -> bool:
    return type(value).__module__.startswith("pandas")


def result_html(result: Result, lang: str = "sv") -> str:
    """A compact HTML view: the explanation, the summary table and the warnings."""
    parts = [f"<div class='wb-result'><p>{html.escape(result.explain(lang))}</p>"]
    parts.append(result.summary().to_html(index=False, float_format=lambda v: f"{v:.4g}", na_rep="–"))
    if result.warnings:
        title = "Varningar" if lang == "sv" else "Warnings"
        items = "".join(f"<li>{html.escape(w)}</li>" for w in result.warnings)
        parts.append(f"<p><strong>{title}</strong></p><ul>{items}</ul>")
    parts.append("</div>")
    return "".join(parts)


def collect_warnings(items: Sequence[str | None]) -> tuple[str, ...]:
    """Drop empty entries and repeats, keep order."""
    seen: dict[str, None] = {}
    for item in items:
        if item:
            seen.setdefault(item, None)
    return tuple(seen)
