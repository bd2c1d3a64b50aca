"""Staggered starts: detection and Callaway–Sant'Anna group-time average effects.

Notes
-----
With starts at different times, plain TWFE compares late starters with early starters that are
already treated; when effects change over time that comparison has the wrong sign weights
(Goodman-Bacon 2021). Callaway & Sant'Anna (2021) avoid it. For cohort g (areas starting in g) and
period t, without covariates,

.. math:: ATT(g,t) = \\big[\\bar Y_{g,t} - \\bar Y_{g,b}\\big] - \\big[\\bar Y_{C,t} - \\bar Y_{C,b}\\big],

where b = g − 1 (the "universal" base period, also used for t < g so that pre-period cells are
comparable with the event-study plot) and C the comparison areas: never treated
(``control="never"``) or not yet treated by max(t, b) (``control="notyet"``). Aggregations follow
CS: ``simple`` (post cells weighted by cohort size), ``group`` (each cohort's mean over its post
periods, then weighted by cohort size), ``event`` (by e = t − g, cohorts weighted by size; the
overall number is the mean over e ≥ 0).

Standard errors come from the unit-level influence function of the aggregated linear combination,
with the weights treated as fixed:

.. math:: \\hat\\theta = \\sum_{(g,t)} w_{gt} ATT(g,t),\\quad
          \\psi_i = \\sum_{(g,t)} w_{gt}\\Big(\\frac{1[i\\in g](\\Delta Y_{i} - \\bar{\\Delta}_g)}{n_g}
          - \\frac{1[i\\in C_{gt}](\\Delta Y_{i} - \\bar{\\Delta}_C)}{n_{C}}\\Big),\\quad
          \\widehat{se} = \\sqrt{\\textstyle\\sum_i \\psi_i^2}.

This omits the (small) term for estimated cohort-size weights in CS's ``simple``/``group``
aggregations, so SEs can be slightly smaller than the R package ``did`` reports; intervals use
the normal distribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from workbench.ladder.area.panel import Panel

CsControl = Literal["never", "notyet"]
CsAggregation = Literal["simple", "group", "event"]


def start_dates(panel: "Panel") -> list[int]:
    """Distinct start codes of the treated areas."""
    import numpy as np

    return sorted(int(s) for s in np.unique(panel.start[panel.treated_units]))


def is_staggered(panel: "Panel") -> bool:
    return len(start_dates(panel)) > 1


@dataclass(frozen=True)
class CsFit:
    cells: "pd.DataFrame"  # one row per (g, t): group, time, rel_time, att, n_group, n_control
    # (an area missing period t or the base period leaves cell (g, t))
    overall: float
    overall_se: float
    by: "pd.DataFrame"  # aggregation table: key, att, se
    aggregation: str
    control: str


@dataclass(frozen=True)
class _Cells:
    group: "np.ndarray"
    time: "np.ndarray"
    rel: "np.ndarray"
    att: "np.ndarray"
    n_group: "np.ndarray"
    n_control: "np.ndarray"
    psi: "np.ndarray"  # units × cells influence contributions

    def combine(self, w: "np.ndarray") -> tuple[float, float]:
        import numpy as np

        w = w / w.sum()
        return float(w @ self.att), float(np.sqrt(np.sum((self.psi @ w) ** 2)))

    def frame(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame({"group": self.group, "time": self.time, "rel_time": self.rel,
                             "att": self.att, "n_group": self.n_group, "n_control": self.n_control})


def _cells(panel: "Panel", control: str) -> _Cells:
    import numpy as np

    ymat = panel.matrix(panel.y)  # NaN where an area lacks a period: it leaves those cells
    start = panel.start
    n_t = panel.n_times
    times = np.arange(n_t)
    parts = []
    for g in start_dates(panel):
        base = g - 1
        in_g = start == g
        delta = ymat - ymat[:, [base]]
        ok = np.isfinite(delta)
        d0 = np.where(ok, delta, 0.0)
        if control == "never":
            ctrl = np.repeat((start < 0)[:, None], n_t, axis=1)
        else:
            later = np.maximum(times, base)[None, :]
            ctrl = ((start < 0)[:, None] | (start[:, None] > later)) & ~in_g[:, None]
        tg = in_g[:, None] & ok
        cm = ctrl & ok
        ng, nc = tg.sum(axis=0), cm.sum(axis=0)
        use = (times != base) & (ng > 0) & (nc > 0)
        mg = (d0 * tg).sum(axis=0) / np.maximum(ng, 1)
        mc = (d0 * cm).sum(axis=0) / np.maximum(nc, 1)
        psi = tg * (d0 - mg) / np.maximum(ng, 1) - cm * (d0 - mc) / np.maximum(nc, 1)
        cols = np.flatnonzero(use)
        parts.append((np.full(len(cols), g), cols, cols - g, (mg - mc)[cols], ng[cols], nc[cols],
                      psi[:, cols]))
    if not parts:
        z = np.zeros(0)
        return _Cells(z, z, z, z, z, z, np.zeros((panel.n_units, 0)))
    return _Cells(*(np.concatenate([p[k] for p in parts]) for k in range(6)),
                  np.concatenate([p[6] for p in parts], axis=1))


def group_time_att(panel: "Panel", *, control: str = "never") -> tuple["pd.DataFrame", "np.ndarray"]:
    """ATT(g,t) for every cohort g and period t ≠ g − 1, and the units × cells influence matrix."""
    c = _cells(panel, control)
    return c.frame(), c.psi


def event_time_means(panel: "Panel", *, control: str = "never") -> tuple["np.ndarray", "np.ndarray"]:
    """Event-time aggregation (cohort-size weights) of the ATT(g,t) cells: (e values, ATT_e)."""
    import numpy as np

    c = _cells(panel, control)
    rel, idx = np.unique(c.rel, return_inverse=True)
    num = np.bincount(idx, c.n_group * c.att, len(rel))
    den = np.bincount(idx, c.n_group.astype(float), len(rel))
    return rel, num / den


def callaway_santanna(panel: "Panel", *, control: str = "never", aggregation: str = "simple") -> CsFit:
    """Group-time ATTs and their aggregation (see module Notes)."""
    import numpy as np
    import pandas as pd

    c = _cells(panel, control)
    post = c.rel >= 0
    if not post.any():
        from workbench.core.errors import DesignError

        raise DesignError("area.no_controls")
    by_rows = []
    if aggregation == "simple":
        overall, se = c.combine(np.where(post, c.n_group, 0.0).astype(float))
    elif aggregation == "group":
        total = np.zeros(len(c.att))
        sizes = {}
        for g in np.unique(c.group[post]):
            m = post & (c.group == g)
            est, gse = c.combine(m.astype(float))
            by_rows.append({"key": int(g), "att": est, "se": gse})
            sizes[g] = float(c.n_group[m].max())
        n_all = sum(sizes.values())
        for g, n in sizes.items():
            m = post & (c.group == g)
            total += m * (n / n_all / m.sum())
        overall, se = c.combine(total)
    else:
        total = np.zeros(len(c.att))
        for e in np.unique(c.rel):
            m = c.rel == e
            w = np.where(m, c.n_group, 0.0).astype(float)
            est, ese = c.combine(w)
            by_rows.append({"key": int(e), "att": est, "se": ese})
            if e >= 0:
                total += w / w.sum()
        overall, se = c.combine(total)
    return CsFit(c.frame(), overall, se, pd.DataFrame(by_rows, columns=["key", "att", "se"]),
                 aggregation, control)


def cs_pretrend(panel: "Panel", *, control: str = "never") -> tuple[float, int, float]:
    """Joint test that the event-time ATTs before the start (e ≤ −2) are zero.

    Wald :math:`\\chi^2 = b'\\hat\\Sigma^{-1} b` with :math:`\\hat\\Sigma = \\Psi'\\Psi` from the
    unit-level influence functions (Ψ: units × pre-periods); returns (chi2, q, p).
    """
    import numpy as np
    from scipy import stats

    c = _cells(panel, control)
    pre_e = np.unique(c.rel[c.rel <= -2])
    if len(pre_e) == 0:
        return float("nan"), 0, float("nan")
    b, cols = [], []
    for e in pre_e:
        w = np.where(c.rel == e, c.n_group, 0.0).astype(float)
        w /= w.sum()
        b.append(float(w @ c.att))
        cols.append(c.psi @ w)
    b = np.array(b)
    psi = np.column_stack(cols)
    chi2 = float(b @ np.linalg.pinv(psi.T @ psi) @ b)
    return chi2, len(b), float(stats.chi2.sf(chi2, len(b)))
