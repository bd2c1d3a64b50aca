"""One before/after indicator: complete pairs, attrition, tests and effect sizes.

:func:`analyse_indicator` takes the two columns already converted to floats (NaN = missing) and
returns an :class:`IndicatorChange`; :mod:`workbench.ladder.prepost.api` loops over indicators.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workbench.core.results import Estimate, json_safe
from workbench.ladder.prepost import paired_tests as T


@dataclass(frozen=True)
class Attrition:
    """Who has a before-value but no after-value, and how their baseline compares with the kept.

    ``smd`` is (mean lost − mean kept) / √((s²_lost + s²_kept)/2), NaN when it cannot be formed.
    """

    n_rows: int
    n_before: int
    n_complete: int
    n_lost: int
    n_missing_before: int
    share_lost: float
    baseline_kept: float
    baseline_lost: float
    baseline_difference: float
    smd: float

    def to_dict(self) -> dict[str, Any]:
        return {k: json_safe(v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class IndicatorChange:
    """The before/after analysis of one indicator (complete pairs only)."""

    name: str
    before: str
    after: str
    kind: str
    n: int
    mean_before: float
    mean_after: float
    estimate: Estimate
    tests: tuple[dict[str, Any], ...]
    attrition: Attrition
    effect_size: Estimate | None = None
    effect_size_dav: Estimate | None = None
    table: dict[str, int] = field(default_factory=dict)
    sd_before: float = math.nan
    sd_after: float = math.nan

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            out[key] = value.to_dict() if hasattr(value, "to_dict") else json_safe(value)
        return out


def attrition_of(before: np.ndarray, after: np.ndarray) -> Attrition:
    """Attrition counts and the baseline comparison of lost vs kept (see :class:`Attrition`)."""
    has_before = ~np.isnan(before)
    complete = has_before & ~np.isnan(after)
    lost = has_before & np.isnan(after)
    kept_vals, lost_vals = before[complete], before[lost]
    n_before = int(has_before.sum())
    m_kept = float(kept_vals.mean()) if kept_vals.size else math.nan
    m_lost = float(lost_vals.mean()) if lost_vals.size else math.nan
    smd = math.nan
    if kept_vals.size > 1 and lost_vals.size > 1:
        pooled = math.sqrt((np.var(kept_vals, ddof=1) + np.var(lost_vals, ddof=1)) / 2)
        smd = (m_lost - m_kept) / pooled if pooled > 0 else math.nan
    return Attrition(
        n_rows=int(before.size), n_before=n_before, n_complete=int(complete.sum()), n_lost=int(lost.sum()),
        n_missing_before=int((~has_before).sum()),
        share_lost=float(lost.sum()) / n_before if n_before else math.nan,
        baseline_kept=m_kept, baseline_lost=m_lost, baseline_difference=m_lost - m_kept, smd=smd,
    )


def _estimate(d: dict[str, Any], *, n: int, estimand: str, method: str, conf_level: float,
              p_value: float, statistic: float, df: float | None, se_type: str | None) -> Estimate:
    return Estimate(
        estimate=float(d["estimate"]), std_error=float(d["std_error"]), ci_low=float(d["ci_low"]),
        ci_high=float(d["ci_high"]), p_value=float(p_value), statistic=float(statistic), df=df, n=n,
        estimand=estimand, method=method, se_type=se_type, conf_level=conf_level,
    )


def analyse_continuous(name: str, before_col: str, after_col: str, b: np.ndarray, a: np.ndarray,
                       attrition: Attrition, conf_level: float) -> IndicatorChange:
    """Paired t, Wilcoxon signed-rank, d_z and d_av for complete pairs ``b``, ``a``."""
    d = a - b
    n = int(d.size)
    t = T.paired_t(d, conf_level)
    w = T.wilcoxon_signed_rank(d)
    dz = T.cohens_dz(d, conf_level)
    dav = T.cohens_dav(b, a, dz)
    estimate = _estimate(t, n=n, estimand="mean(after - before)", method="paired t-test", conf_level=conf_level,
                         p_value=t["p_value"], statistic=t["statistic"], df=t["df"], se_type="classical")
    effect = _estimate(dz, n=n, estimand="Cohen's d_z = mean(d) / sd(d)",
                       method="noncentral t interval (Steiger & Fouladi)", conf_level=conf_level,
                       p_value=t["p_value"], statistic=t["statistic"], df=t["df"], se_type=None)
    effect_av = _estimate(dav, n=n, estimand="Cohen's d_av = mean(d) / ((sd_before + sd_after) / 2)",
                          method="noncentral t interval of d_z rescaled by sd(d) / sd_av (approximate)",
                          conf_level=conf_level, p_value=t["p_value"], statistic=t["statistic"], df=t["df"],
                          se_type=None)
    w_method = {"exact": "exact", "normal_cc": "normal approximation with continuity correction",
                "normal": "normal approximation", "none": "no non-zero differences"}[w["method"]]
    tests = (
        {"test": "paired_t", "statistic_name": "t", "statistic": t["statistic"], "df": t["df"],
         "p_value": t["p_value"], "method": "paired t-test", "n": n},
        {"test": "wilcoxon", "statistic_name": "V", "statistic": w["statistic"], "df": math.nan,
         "p_value": w["p_value"], "method": f"Wilcoxon signed-rank, {w_method}", "n": w["n"],
         "n_zero": w.get("n_zero", 0), "ties": w["ties"]},
    )
    return IndicatorChange(
        name=name, before=before_col, after=after_col, kind="continuous", n=n,
        mean_before=float(b.mean()), mean_after=float(a.mean()), estimate=estimate, tests=tests,
        attrition=attrition, effect_size=effect, effect_size_dav=effect_av,
        sd_before=float(np.std(b, ddof=1)), sd_after=float(np.std(a, ddof=1)),
    )


def analyse_binary(name: str, before_col: str, after_col: str, b: np.ndarray, a: np.ndarray,
                   attrition: Attrition, conf_level: float, ci_method: str) -> IndicatorChange:
    """McNemar (corrected), exact binomial on discordant pairs and the share difference."""
    table = T.paired_table(b, a)
    n = int(b.size)
    mc = T.mcnemar(table["n10"], table["n01"])
    ex = T.binom_exact(table["n01"], table["n01"] + table["n10"], 0.5, conf_level)
    diff = T.paired_share_difference(table, conf_level, ci_method)
    ci_name = "Newcombe (1998) hybrid score, method 10" if ci_method == "newcombe" else "Wald for paired shares"
    estimate = _estimate(diff, n=n, estimand="share after - share before",
                         method=f"difference of paired shares; CI {ci_name}; p from McNemar",
                         conf_level=conf_level, p_value=mc["p_value"], statistic=mc["statistic"], df=None,
                         se_type="wald")
    tests = (
        {"test": "mcnemar", "statistic_name": "X2", "statistic": mc["statistic"], "df": mc["df"],
         "p_value": mc["p_value"], "method": "McNemar chi-squared with continuity correction", "n": n},
        {"test": "mcnemar_exact", "statistic_name": "n01", "statistic": ex["statistic"], "df": math.nan,
         "p_value": ex["p_value"], "method": "exact binomial test on discordant pairs (p = 0.5)",
         "n": table["n01"] + table["n10"]},
    )
    return IndicatorChange(
        name=name, before=before_col, after=after_col, kind="binary", n=n,
        mean_before=diff["share_before"], mean_after=diff["share_after"], estimate=estimate, tests=tests,
        attrition=attrition, table=table,
    )
