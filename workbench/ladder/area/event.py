"""Event study: leads and lags relative to each treated area's start, and the pre-trend test.

Notes
-----
The model is two-way fixed effects with one dummy per relative period
:math:`e = t - s_i` (s_i the start of treated area i), the period before the start (e = −1) as
reference and the endpoints binned (:math:`e \\le -L` and :math:`e \\ge K` pooled), as
Schmidheiny & Siegloch (2023) recommend:

.. math:: y_{it} = \\alpha_i + \\lambda_t + \\sum_{e \\ne -1} \\beta_e 1[t - s_i = e] + \\varepsilon_{it}.

The joint pre-trend test is the cluster-robust Wald test of :math:`\\beta_e = 0` for all e ≤ −2,
reported as :math:`F = W/q` against :math:`F(q, G-1)` (as fixest's ``wald``). With few treated
areas that test is unreliable, so a permutation version is added: the same event study is run
with each comparison area (or set of areas) as a placebo, and the root mean square of the lead
coefficients of the real areas is ranked among the placebos'.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.ladder.area.event_fast import fit_event_bins
from workbench.ladder.area.twfe import Demeaner

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from workbench.ladder.area.panel import Panel


@dataclass(frozen=True)
class EventFit:
    rel_times: tuple[int, ...]
    coef: "np.ndarray"
    se: "np.ndarray"
    vcov: "np.ndarray"
    df: int
    wald_f: float
    wald_q: int
    wald_p: float
    perm_p: float | None
    n_placebos: int
    n_pre: int
    leads: int
    lags: int


def event_design(start: "np.ndarray", unit_code, time_code, leads: int, lags: int):
    """Dummy matrix (N, m) for relative periods −leads..lags without −1; returns (X, rel_times)."""
    import numpy as np

    s = start[unit_code]
    treated = s >= 0
    rel = np.where(treated, time_code - s, 0)
    rel = np.clip(rel, -leads, lags)
    rel_times = [e for e in range(-leads, lags + 1) if e != -1]
    x = np.zeros((len(unit_code), len(rel_times)))
    for j, e in enumerate(rel_times):
        x[:, j] = (treated & (rel == e)).astype(float)
    return x, tuple(rel_times)


def event_bins(start: "np.ndarray", unit_code, time_code, leads: int, lags: int):
    """The bin of each row among the relative periods −leads..lags without −1 (−1: no dummy, the
    comparison areas and the reference period); returns (bin_code, rel_times). Column j of
    :func:`event_design` is ``bin_code == j``."""
    import numpy as np

    s = start[unit_code]
    treated = s >= 0
    rel = np.clip(np.where(treated, time_code - s, 0), -leads, lags)
    col = np.where(rel < -1, rel + leads, rel + leads - 1)  # -leads..-2 -> 0.., 0.. -> leads-1..
    code = np.where(treated & (rel != -1), col, -1).astype(np.int64)
    rel_times = tuple(e for e in range(-leads, lags + 1) if e != -1)
    return code, rel_times


def default_window(panel: "Panel", leads: int | None, lags: int | None) -> tuple[int, int]:
    """Leads and lags: by default every observed relative period, at most 12 before and 24 after."""
    import numpy as np

    s = panel.start[panel.treated_units]
    max_pre = int(np.max(s))
    max_post = int(panel.n_times - 1 - np.min(s))
    lead = min(max_pre, 12) if leads is None else int(min(leads, max_pre))
    lag = min(max_post, 24) if lags is None else int(min(lags, max_post))
    return max(lead, 1), max(lag, 0)


def _lead_index(rel_times) -> list[int]:
    return [j for j, e in enumerate(rel_times) if e <= -2]


def fit_event_study(
    panel: "Panel",
    *,
    leads: int | None = None,
    lags: int | None = None,
    se_type: str = "fixest",
    permutation: bool = True,
    max_draws: int = 199,
    seed: int = 12345,
) -> EventFit:
    """Estimate the event study on ``panel`` (see module Notes)."""
    import numpy as np
    from scipy import stats

    lead, lag = default_window(panel, leads, lags)
    code, rel_times = event_bins(panel.start, panel.unit_code, panel.time_code, lead, lag)
    present = np.bincount(code[code >= 0], minlength=len(rel_times)) > 0
    recode = np.full(len(rel_times) + 1, -1, dtype=np.int64)  # index −1 (no dummy) stays −1
    recode[:-1][present] = np.arange(int(present.sum()))
    code, rel_times = recode[code], tuple(e for e, k in zip(rel_times, present) if k)
    fit = fit_event_bins(panel.y, code, panel.unit_code, panel.time_code, panel.n_units,
                         panel.n_times, len(rel_times), se_type=se_type)
    idx = _lead_index(rel_times)
    n_pre = int(np.min(panel.start[panel.treated_units]))
    f_stat, p_wald = float("nan"), float("nan")
    if idx:
        b = fit.coef[idx]
        v = fit.vcov[np.ix_(idx, idx)]
        w = float(b @ np.linalg.pinv(v) @ b)
        f_stat = w / len(idx)
        p_wald = float(stats.f.sf(f_stat, len(idx), fit.df))
    perm_p, n_placebos = None, 0
    if permutation and idx:
        perm_p, n_placebos = _perm_pretrend(panel, fit.coef[idx], lead, lag, rel_times, max_draws, seed)
    return EventFit(rel_times, fit.coef, fit.se, fit.vcov, fit.df, f_stat, len(idx), p_wald,
                    perm_p, n_placebos, n_pre, lead, lag)


def _perm_pretrend(panel, leads_coef, lead, lag, rel_times, max_draws, seed):
    """Rank the real areas' lead RMS among placebo event studies on the comparison areas."""
    import math
    from itertools import combinations

    import numpy as np

    controls = np.flatnonzero(panel.start < 0)
    n1 = len(panel.treated_units)
    if len(controls) < n1 + 1:
        return None, 0
    keep = panel.start[panel.unit_code] < 0
    recode = -np.ones(panel.n_units, dtype=np.int64)
    recode[controls] = np.arange(len(controls))
    uc, tc = recode[panel.unit_code[keep]], panel.time_code[keep]
    dm = Demeaner.build(uc, tc, len(controls), panel.n_times)
    yt = dm(panel.y[keep])
    starts = np.sort(panel.start[panel.treated_units])
    n_sets = math.comb(len(controls), n1)
    if n_sets <= max_draws:
        sets = list(combinations(range(len(controls)), n1))
    else:
        rng = np.random.default_rng(seed)
        sets = [tuple(rng.choice(len(controls), n1, replace=False)) for _ in range(max_draws)]
    observed = float(np.sqrt(np.mean(leads_coef**2)))
    stats_ = []
    for chosen in sets:
        start = np.full(len(controls), -1)
        start[list(chosen)] = starts
        x, rt = event_design(start, uc, tc, lead, lag)
        cols = [rt.index(e) for e in rel_times]
        xt = dm(x[:, cols])
        coef = np.linalg.pinv(xt.T @ xt, hermitian=True) @ (xt.T @ yt)
        lead_c = coef[_lead_index(rel_times)]
        stats_.append(float(np.sqrt(np.mean(lead_c**2))))
    arr = np.array(stats_)
    p = (1 + np.sum(arr >= observed - 1e-12)) / (1 + len(arr))
    return float(p), len(arr)
