"""Assemble DiD and event-study results from the engines (the front doors stay thin)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.messages import resolve_lang
from workbench.core.options import AreaInference, AreaMethod  # noqa: F401 (re-exported)
from workbench.core.results import Estimate, Provenance, collect_warnings, format_p
from workbench.core.text import Msg
from workbench.ladder.area.result import EventStudyResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.area.panel import Panel

FEW_TREATED = 5


def period_label(p: Any) -> str:
    return str(p)


def t_estimate(coef: float, se: float, df: int | None, n: int, *, estimand: str, method: str,
               se_type: str | None, conf_level: float) -> Estimate:
    """An :class:`Estimate` with a t(df) (or normal, df None) reference (``Estimate.from_coef_se``)."""
    return Estimate.from_coef_se(coef, se, df=df, n=n, estimand=estimand, method=method,
                                 se_type=se_type, conf_level=conf_level)


def period_means(panel: "Panel") -> "pd.DataFrame":
    import numpy as np
    import pandas as pd

    treated = panel.start[panel.unit_code] >= 0
    rows = []
    for flag, name in ((True, "treated"), (False, "control")):
        m = treated == flag
        s = np.bincount(panel.time_code[m], panel.y[m], panel.n_times)
        c = np.bincount(panel.time_code[m], None, panel.n_times)
        for t in range(panel.n_times):
            rows.append({"period": period_label(panel.times[t]), "group": name,
                         "mean": s[t] / c[t] if c[t] else np.nan})
    return pd.DataFrame(rows)


def base_warnings(panel: "Panel") -> list[Msg]:
    """Warnings every panel analysis carries (unbalanced, staggered starts, few clusters)."""
    import numpy as np

    out = []
    if not panel.balanced:
        out.append(Msg("area.warn.unbalanced", missing=panel.n_units * panel.n_times - len(panel.y)))
    starts = np.unique(panel.start[panel.treated_units])
    if len(starts) > 1:
        out.append(Msg("area.warn.staggered", n=len(starts)))
    if panel.n_units < 20:
        out.append(Msg("area.warn.few_clusters", n=panel.n_units))
    return out


def build_event_study(panel: "Panel", *, leads: int | None = None, lags: int | None = None,
                      se_type: str = "fixest", inference: str = "auto", seed: int = 12345,
                      min_pre_periods: int = 4, conf_level: float = 0.95, alpha: float = 0.05,
                      max_draws: int = 199, lang: str | None = None,
                      provenance: Provenance | None = None) -> EventStudyResult:
    """Event study with pre-trend test; credibility from the test and the number of pre-periods.

    ``lang`` (None: the session language) only formats the numbers inside the messages; the
    messages themselves render in the reader's language.
    """
    import numpy as np
    import pandas as pd

    from workbench.ladder.area.event import fit_event_study

    lang = resolve_lang(lang)
    n_treated = len(panel.treated_units)
    few = n_treated <= FEW_TREATED
    perm = few or inference == "all"  # with few treated areas only the permutation pre-test is fair
    ev = fit_event_study(panel, leads=leads, lags=lags, se_type=se_type, permutation=perm,
                         max_draws=max_draws, seed=seed)
    from scipy import stats

    # one vectorised t(df) for all coefficients (the same numbers as Estimate.from_coef_se each)
    b, s = np.asarray(ev.coef, dtype=float), np.asarray(ev.se, dtype=float)
    crit = float(stats.t.ppf(0.5 + conf_level / 2, ev.df))
    with np.errstate(divide="ignore", invalid="ignore"):
        pv = np.where(s > 0, 2 * stats.t.sf(np.abs(b / s), ev.df), np.nan)
    rows = [{"rel_time": e, "estimate": float(bi), "std_error": float(si), "ci_low": float(bi - crit * si),
             "ci_high": float(bi + crit * si), "p_value": float(p), "reference": False}
            for e, bi, si, p in zip(ev.rel_times, b, s, pv)]
    rows.append({"rel_time": -1, "estimate": 0.0, "std_error": np.nan, "ci_low": 0.0, "ci_high": 0.0,
                 "p_value": np.nan, "reference": True})
    coefs = pd.DataFrame(rows).sort_values("rel_time").reset_index(drop=True)
    p_used = ev.perm_p if (few and ev.perm_p is not None) else ev.wald_p
    problems = credibility(ev.n_pre, p_used, min_pre_periods, alpha, lang)
    warns = base_warnings(panel)
    prov = provenance or Provenance("event_study", options={"leads": leads, "lags": lags})
    return EventStudyResult(
        provenance=prov, warning_msgs=collect_warnings(warns), coefficients=coefs,
        pretrend_f=ev.wald_f, pretrend_q=ev.wald_q, pretrend_df=ev.df, pretrend_p=ev.wald_p,
        pretrend_p_permutation=ev.perm_p, n_placebos=ev.n_placebos, pretrend_p_used=p_used,
        n_pre_periods=ev.n_pre, leads=ev.leads, lags=ev.lags, n_treated=n_treated, se_type=se_type,
        credible=not problems, problem_msgs=tuple(problems), lang=lang)


def credibility(n_pre: int, p_pre: float | None, min_pre: int, alpha: float, lang: str) -> list[Msg]:
    """Credibility problems of a pre-period (``lang`` formats the p-value shown)."""
    import math

    problems = []
    if n_pre < min_pre:
        problems.append(Msg("area.problem.few_pre", n=n_pre, minimum=min_pre))
    if p_pre is None or not math.isfinite(p_pre):
        if n_pre >= min_pre:
            problems.append(Msg("area.problem.no_pretest"))
    elif p_pre < alpha:
        problems.append(Msg("area.problem.pretrend", p=format_p(p_pre, lang)))
    return problems
