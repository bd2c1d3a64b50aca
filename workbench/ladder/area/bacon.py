"""Goodman-Bacon decomposition of the two-way fixed-effects DiD estimate (as R's ``bacondecomp``).

Notes
-----
With staggered, absorbing starts on a balanced panel the TWFE coefficient is a weighted mean of
every 2×2 DiD between two timing groups (Goodman-Bacon 2021, Theorem 1):

.. math:: \\hat\\beta^{TWFE} = \\sum_j s_j \\hat\\beta_j^{2\\times2},\\qquad \\sum_j s_j = 1.

The 2×2 comparisons (``type``, as ``bacondecomp``):

* ``treated_vs_never`` — cohort k against the never-treated areas, all periods;
* ``earlier_vs_later`` — early cohort k against the later cohort l, periods before l starts;
* ``later_vs_earlier`` — late cohort l against the already-treated early cohort k, periods from k's
  start on. These are the "forbidden" comparisons: an already-treated control biases TWFE when effects change over time.

Each 2×2 is the TWFE coefficient on its subsample, and its weight is proportional to
:math:`N_j^2\\,\\widehat{\\mathrm{Var}}_j(\\tilde D)`, the squared number of rows of the subsample times
the variance of the two-way demeaned treatment within it (``bacondecomp``'s
``(n_k+n_l)^2 · n_kl(1−n_kl)·…`` in closed form), normalised to sum to one. Because the treatment
is constant within cohort × period, both are computed from cohort-by-period means (exact on a
balanced panel, where the decomposition holds; an unbalanced panel is refused, as bacondecomp does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.area.panel import Panel

FORBIDDEN = ("later_vs_earlier",)


def _two_by_two(ybar, n, dmat, times):
    """TWFE coefficient and Σ D̃² (rows-weighted) of a two-group block on the periods ``times``.

    ``ybar`` (2, T) group means, ``n`` (2,) units per group, ``dmat`` (2, T) treatment 0/1."""
    import numpy as np

    y, d = ybar[:, times], dmat[:, times]
    w = n[:, None] * np.ones_like(d)
    d_unit = d.mean(axis=1, keepdims=True)
    d_time = (w * d).sum(axis=0, keepdims=True) / w.sum(axis=0, keepdims=True)
    dt = d - d_unit - d_time + (w * d).sum() / w.sum()
    sdd = float((w * dt * dt).sum())
    if sdd <= 1e-12 * float(w.sum()):
        return float("nan"), 0.0
    return float((w * dt * y).sum() / sdd), sdd


def bacon_decomposition(panel: "Panel", *, lang: str = "sv") -> "pd.DataFrame":
    """The 2×2 comparisons behind the TWFE estimate on ``panel`` and their weights.

    Parameters
    ----------
    panel : Panel
        A balanced panel with absorbing starts (``panel.start``; −1 never treated; areas treated
        in every period are refused when the panel is prepared, so there is no always-treated group).
    lang : str
        Language of the error raised for an unbalanced panel.

    Returns
    -------
    pandas.DataFrame
        One row per comparison with a positive weight: ``treated`` and ``untreated`` (start period
        labels, ``"never"``), ``type``, ``estimate`` (the 2×2 TWFE coefficient),
        ``weight`` (summing to 1), ``n_treated_units``, ``n_control_units``. ``(weight ·
        estimate).sum()`` is the TWFE estimate (see module Notes).

    Raises
    ------
    DesignError
        The panel is unbalanced (the decomposition only holds on balanced panels).
    """
    import numpy as np
    import pandas as pd

    if not panel.balanced:
        from workbench.core.errors import DesignError

        raise DesignError("area.bacon_unbalanced", lang=lang,
                          missing=panel.n_units * panel.n_times - len(panel.y))
    t_all = panel.n_times
    start_row = panel.start[panel.unit_code]
    cohorts = [int(s) for s in np.unique(panel.start) if s >= 0]
    groups = cohorts + ([-1] if (panel.start < 0).any() else [])
    gidx = {g: i for i, g in enumerate(groups)}
    lookup = np.zeros(t_all + 1, dtype=np.int64)  # start code (−1 → last slot) → group index
    for g, i in gidx.items():
        lookup[g] = i
    code = lookup[start_row]
    sums = np.bincount(code * t_all + panel.time_code, panel.y, len(groups) * t_all)
    cnt = np.bincount(code * t_all + panel.time_code, None, len(groups) * t_all)
    ybar = (sums / np.where(cnt > 0, cnt, 1)).reshape(len(groups), t_all)
    n_units = np.array([int((panel.start == g).sum()) if g >= 0 else int((panel.start < 0).sum())
                        for g in groups], dtype=float)
    periods = np.arange(t_all)

    def dline(g):
        return (periods >= g).astype(float) if g >= 0 else np.zeros(t_all)

    def label(g):
        return "never" if g < 0 else str(panel.times[g])

    rows = []
    for k in cohorts:
        for c in groups:
            if c == k:
                continue
            if c < 0:
                typ, times = "treated_vs_never", periods
            elif k < c:
                typ, times = "earlier_vs_later", periods[periods < c]
            else:
                typ, times = "later_vs_earlier", periods[periods >= c]
            i, j = gidx[k], gidx[c]
            est, sdd = _two_by_two(ybar[[i, j]], n_units[[i, j]], np.vstack([dline(k), dline(c)]), times)
            rows_j = (n_units[i] + n_units[j]) * len(times)
            # weight ∝ N_j² · Var_j(D̃) = N_j · Σ_j D̃²
            rows.append({"treated": label(k), "untreated": label(c), "type": typ,
                         "estimate": est, "weight": rows_j * sdd,
                         "n_treated_units": int(n_units[i]), "n_control_units": int(n_units[j])})
    out = pd.DataFrame(rows, columns=["treated", "untreated", "type", "estimate", "weight",
                                      "n_treated_units", "n_control_units"])
    out = out[out["weight"] > 0].reset_index(drop=True)
    if len(out):
        out["weight"] = out["weight"] / out["weight"].sum()
    return out


def forbidden_share(table: "pd.DataFrame") -> float:
    """The weight the forbidden comparisons (already-treated controls) carry in ``table``."""
    return float(table.loc[table["type"].isin(FORBIDDEN), "weight"].sum())
