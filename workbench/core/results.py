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
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.serialize import json_safe
from workbench.core.text import Msg, Num, Text, format_number, format_p, render_all, stored, unique

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

__all__ = ["Estimate", "Msg", "Num", "Provenance", "Result", "Text", "collect_warnings", "format_number", "format_p",
           "json_safe", "result_html"]


def package_version() -> str:
    from workbench.core.version import __version__

    return __version__


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


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

    @classmethod
    def from_coef_se(cls, coef: float, se: float, *, df: float | None, n: int, estimand: str, method: str,
                     se_type: str | None, conf_level: float = 0.95, null: float = 0.0) -> Estimate:
        """An estimate with a t(``df``) reference (normal when ``df`` is None), two-sided.

        Parameters
        ----------
        coef, se
            The point estimate and its standard error (finite, ``se >= 0``).
        df
            Degrees of freedom of the t reference; ``None`` for the normal distribution.
        n, estimand, method, se_type, conf_level
            Stored as given.
        null
            The value tested against (0 by default).

        Notes
        -----
        :math:`t = (b - b_0)/s`, :math:`p = 2\\,P(T_{df} > |t|)`, interval
        :math:`b \\pm q_{1 - (1-c)/2}\\, s`. A zero standard error follows R (``lm``, estimatr):
        :math:`t = \\pm\\infty` (the sign of :math:`b - b_0`) with :math:`p = 0` and the interval
        collapsed on :math:`b`; when also :math:`b = b_0`, :math:`t` and :math:`p` are NaN
        (R's ``0/0``). A missing (NaN) standard error gives NaN statistic, p-value and interval.
        """
        from scipy import stats

        coef, se = float(coef), float(se)
        dist = stats.norm if df is None else stats.t(float(df))
        crit = float(dist.ppf(0.5 + conf_level / 2))
        diff = coef - null
        if se > 0 and math.isfinite(se):
            stat = diff / se
            p = float(2 * dist.sf(abs(stat)))
        elif se == 0:
            stat = math.copysign(math.inf, diff) if diff != 0 else math.nan
            p = 0.0 if diff != 0 else math.nan
        else:
            stat = p = math.nan
        return cls(estimate=coef, std_error=se, ci_low=coef - crit * se, ci_high=coef + crit * se,
                   p_value=p, statistic=float(stat), df=None if df is None else float(df), n=int(n),
                   estimand=estimand, method=method, se_type=se_type, conf_level=conf_level)

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


@dataclass(frozen=True, kw_only=True)
class Result(abc.ABC):
    """Base of every analysis result (see module docstring).

    Subclasses set ``kind`` (a short stable name such as ``"prepost"``), add their own fields,
    and implement :meth:`summary`, :meth:`chart` and :meth:`explain`. Fields listed in
    ``_dict_exclude`` are left out of :meth:`to_dict` (e.g. large per-row Series).

    Warnings and credibility problems are kept as messages (:class:`~workbench.core.text.Msg`) in
    ``warning_msgs`` and ``problem_msgs`` and rendered when read: :attr:`warnings` and
    :attr:`credibility_problems` are in the session language, :meth:`warnings_in` and
    :meth:`problems_in` in any language.
    """

    kind: ClassVar[str] = "result"
    rung: ClassVar[int | None] = None
    _dict_exclude: ClassVar[tuple[str, ...]] = ()

    provenance: Provenance
    warning_msgs: tuple[Text, ...] = ()
    problem_msgs: tuple[Text, ...] = ()

    # -- protocol (a subclass that leaves one out cannot be instantiated) -----------------
    @abc.abstractmethod
    def summary(self) -> "pd.DataFrame":
        """A tidy table of the result with named columns."""

    @abc.abstractmethod
    def chart(self, lang: str | None = None) -> "alt.Chart":
        """An Altair chart of the result, titles in ``lang`` (None: the session language)."""

    @abc.abstractmethod
    def explain(self, lang: str | None = None) -> str:
        """Plain language: what the result shows, and what this rung can and cannot claim."""

    # -- messages, rendered when read -------------------------------------------------------
    @property
    def warnings(self) -> tuple[str, ...]:
        """What a careful evaluator must know, in the session language."""
        return render_all(self.warning_msgs)

    @property
    def credibility_problems(self) -> tuple[str, ...]:
        """Why the result does not count for its rung (empty when it does), in the session language."""
        return render_all(self.problem_msgs)

    def warnings_in(self, lang: str | None = None) -> tuple[str, ...]:
        """The warnings in ``lang``."""
        return render_all(self.warning_msgs, lang)

    def problems_in(self, lang: str | None = None) -> tuple[str, ...]:
        """The credibility problems in ``lang``."""
        return render_all(self.problem_msgs, lang)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "rung": self.rung}
        for f in dataclasses.fields(self):
            if f.name in self._dict_exclude or f.name.startswith("_") or f.name in _MESSAGE_FIELDS:
                continue
            value = getattr(self, f.name)
            out[f.name] = value.to_dict() if hasattr(value, "to_dict") and not _is_frame(value) else json_safe(value)
        out["warnings"] = list(self.warnings)
        out["warning_msgs"] = stored(self.warning_msgs)
        if "credible" in out:
            out["credibility_problems"] = list(self.credibility_problems)
            out["problem_msgs"] = stored(self.problem_msgs)
        out["summary"] = json_safe(self.summary())
        return out

    def _repr_html_(self) -> str:
        return result_html(self)


_MESSAGE_FIELDS = frozenset({"warning_msgs", "problem_msgs"})


def _is_frame(value: Any) -> bool:
    return type(value).__module__.startswith("pandas")


def result_html(result: Result, lang: str | None = None) -> str:
    """A compact HTML view (explanation, table, problems, warnings) in ``lang`` (None: the session's)."""
    from workbench.core.view import ResultView

    return ResultView.of_result(result, lang).html()


def collect_warnings(items: Sequence[Text | None]) -> tuple[Text, ...]:
    """Drop empty entries and repeats (messages with the same key and parameters), keep order."""
    return unique(items)
