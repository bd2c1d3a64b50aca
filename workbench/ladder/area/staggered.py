"""Staggered starts: detection and Callaway–Sant'Anna group-time average effects, as R's ``did``.

Notes
-----
With starts at different times, plain TWFE compares late starters with early starters that are
already treated; when effects change over time that comparison has the wrong sign weights
(Goodman-Bacon 2021). Callaway & Sant'Anna (2021) avoid it. For cohort g (areas starting in g),
period t and base period b, without covariates,

.. math:: ATT(g,t) = \\big[\\bar Y_{g,t} - \\bar Y_{g,b}\\big] - \\big[\\bar Y_{C,t} - \\bar Y_{C,b}\\big].

With ``anticipation`` δ the last untreated period of cohort g is :math:`b_g = g - 1 - δ`.
``base_period="varying"`` (did's default): :math:`b = b_g` for t ≥ g and b = t − 1 before (short
differences); ``"universal"``: b = b_g for every t, and the cell t = b_g is reported as 0.
Comparison areas C: never treated (``control="never"``) or not yet treated, i.e. never treated or
starting after :math:`\\max(t, b) + δ` and not in g (``control="notyet"``).

On a balanced panel the ATT is the difference of mean changes; on an unbalanced one it is the
difference of the four cell means (did's ``allow_unbalanced_panel = TRUE``, which treats the data
as repeated cross sections and clusters by area), each area's rows summed in the influence function.

Standard errors follow ``did::aggte(bstrap = FALSE)``: for :math:`\\hat\\theta = \\sum_k w_k ATT_k`
with :math:`w_k = p_{g_k}/S`, :math:`p_g = n_g/n`, :math:`S = \\sum_{k} p_{g_k}` over the kept
cells, the area-level influence function is

.. math:: \\psi_i = \\sum_k w_k \\psi_{ik} + \\frac1n\\sum_k \\Big(\\frac{1[G_i=g_k]-p_{g_k}}{S}
          - \\frac{p_{g_k}}{S^2}\\sum_{k'}(1[G_i=g_{k'}]-p_{g_{k'}})\\Big) ATT_k,
          \\qquad \\widehat{se} = \\sqrt{\\textstyle\\sum_i \\psi_i^2},

the second term being the estimated group shares (``simple``: post cells; ``group``: the cohorts'
means over their post cells, weighted by share; ``event``: cells with e = t − g, and the overall
number is the mean over e ≥ 0 without a share term). ψ_ik of a cell on a balanced panel is
:math:`1[i\\in g](\\Delta Y_i - \\bar\\Delta_g)/n_g - 1[i\\in C](\\Delta Y_i - \\bar\\Delta_C)/n_C`.
An SE below :math:`10\\sqrt{\\epsilon}` is NaN (did's rule; the reference cell). Intervals are normal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.options import CsAggregation, CsBasePeriod, CsControl  # noqa: F401 (re-exported)

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

    from workbench.ladder.area.panel import Panel

SE_FLOOR = 10 * 2.220446049250313e-16 ** 0.5


def start_dates(panel: "Panel") -> list[int]:
    """Distinct start codes of the treated areas."""
    import numpy as np

    return sorted(int(s) for s in np.unique(panel.start[panel.treated_units]))


def is_staggered(panel: "Panel") -> bool:
    return len(start_dates(panel)) > 1


@dataclass(frozen=True)
class CsFit:
    cells: "pd.DataFrame"  # one row per (g, t): group, time, rel_time, att, se, n_group, n_control
    overall: float
    overall_se: float
    by: "pd.DataFrame"  # aggregation table: key, att, se
    aggregation: str
    control: str
    base_period: str = "varying"
    anticipation: int = 0
    unbalanced: bool = False  # estimated as repeated cross sections (allow_unbalanced_panel)


@dataclass(frozen=True)
class _Cells:
    group: "np.ndarray"
    time: "np.ndarray"
    rel: "np.ndarray"
    att: "np.ndarray"
    n_group: "np.ndarray"
    n_control: "np.ndarray"
    psi: "np.ndarray"  # units × cells influence contributions (scale: se = sqrt(sum psi²))
    unit_group: "np.ndarray"  # start code per unit (−1 never treated)
    share: "np.ndarray"  # p_g = n_g / n for each cell's cohort

    def _wif(self, keep: "np.ndarray", groups: "np.ndarray | None" = None,
             share: "np.ndarray | None" = None) -> "np.ndarray":
        """Influence of the estimated shares on the weights of the kept items (units × kept) / n."""
        import numpy as np

        g = self.group[keep] if groups is None else groups
        pg = self.share[keep] if share is None else share
        s = pg.sum()
        ind = (self.unit_group[:, None] == g[None, :]).astype(float) - pg[None, :]
        out = ind / s - np.outer(ind.sum(axis=1) / s**2, pg)
        return out / len(self.unit_group)

    def combine(self, keep: "np.ndarray", *, shares: bool = True,
                weights: "np.ndarray | None" = None) -> tuple[float, "np.ndarray"]:
        """Share-weighted (or ``weights``) combination of the kept cells: estimate and ψ."""
        w = self.share[keep] / self.share[keep].sum() if weights is None else weights
        att = self.att[keep]
        psi = self.psi[:, keep] @ w
        if shares:
            psi = psi + self._wif(keep) @ att
        return float(w @ att), psi

    def cell_se(self) -> "np.ndarray":
        import numpy as np

        return _se(np.sqrt((self.psi**2).sum(axis=0)))

    def frame(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame({"group": self.group, "time": self.time, "rel_time": self.rel,
                             "att": self.att, "se": self.cell_se(), "n_group": self.n_group,
                             "n_control": self.n_control})


def _se(x):
    import numpy as np

    x = np.asarray(x, dtype=float)
    return np.where(x > SE_FLOOR, x, np.nan)


def se_of(psi: "np.ndarray") -> float:
    """Standard error from an area-level influence function (NaN below did's floor)."""
    import numpy as np

    return float(_se(np.sqrt(np.sum(psi**2))))


def _cohort_cells(ymat, obs, start, g, base_period, anticipation, control, rc):
    """All cells of cohort g at once (columns = periods t); see module Notes."""
    import numpy as np

    n_t = ymat.shape[1]
    base_g = g - 1 - anticipation
    universal = base_period == "universal"
    ts = np.arange(n_t) if universal else np.arange(1, n_t)
    bases = np.where(universal | (ts >= g), base_g, ts - 1)
    ref = universal & (ts == base_g)
    in_g = start == g
    if control == "never":
        ctrl = np.repeat((start < 0)[:, None], len(ts), axis=1)
    else:
        later = (np.maximum(ts, bases) + anticipation)[None, :]
        ctrl = ((start < 0)[:, None] | (start[:, None] > later)) & ~in_g[:, None]
    y_t, y_b = np.where(obs, ymat, 0.0)[:, ts], np.where(obs, ymat, 0.0)[:, bases]
    o_t, o_b = obs[:, ts], obs[:, bases]
    if not rc:
        ok = o_t & o_b
        delta = y_t - y_b
        tg, cm = in_g[:, None] & ok, ctrl & ok
        ng, nc = tg.sum(axis=0), cm.sum(axis=0)
        mg = (delta * tg).sum(axis=0) / np.maximum(ng, 1)
        mc = (delta * cm).sum(axis=0) / np.maximum(nc, 1)
        att = mg - mc
        psi = tg * (delta - mg) / np.maximum(ng, 1) - cm * (delta - mc) / np.maximum(nc, 1)
        use = (ng > 0) & (nc > 0)
    else:  # repeated cross sections: four cell means, rows of an area summed
        parts, counts = [], []
        for member in (in_g[:, None], ctrl):
            for y, o in ((y_t, o_t), (y_b, o_b)):
                m = member & o
                n = m.sum(axis=0)
                mean = (y * m).sum(axis=0) / np.maximum(n, 1)
                parts.append((m, y, mean, np.maximum(n, 1)))
                counts.append(n)
        (m1, y1, a1, n1), (m2, y2, a2, n2), (m3, y3, a3, n3), (m4, y4, a4, n4) = parts
        att = (a1 - a2) - (a3 - a4)
        psi = (m1 * (y1 - a1) / n1 - m2 * (y2 - a2) / n2 - m3 * (y3 - a3) / n3
               + m4 * (y4 - a4) / n4)
        use = np.all(np.array(counts) > 0, axis=0)
        ng = (in_g[:, None] & (o_t | o_b)).sum(axis=0)
        nc = (ctrl & (o_t | o_b)).sum(axis=0)
    att = np.where(ref, 0.0, att)
    psi = np.where(ref[None, :], 0.0, psi)
    use = use | ref
    cols = np.flatnonzero(use)
    return (np.full(len(cols), g), ts[cols], ts[cols] - g, att[cols], ng[cols], nc[cols],
            psi[:, cols])


def _cells(panel: "Panel", control: str, base_period: str = "universal", anticipation: int = 0) -> _Cells:
    import numpy as np

    ymat = panel.matrix(panel.y)
    obs = np.isfinite(ymat)
    start = panel.start
    rc = not panel.balanced
    parts = [_cohort_cells(ymat, obs, start, g, base_period, anticipation, control, rc)
             for g in start_dates(panel) if g - 1 - anticipation >= 0]
    sizes = {g: int(np.sum(start == g)) for g in start_dates(panel)}
    if not parts:
        z = np.zeros(0)
        return _Cells(z, z, z, z, z, z, np.zeros((panel.n_units, 0)), start, z)
    group = np.concatenate([p[0] for p in parts])
    share = np.array([sizes[int(g)] for g in group], dtype=float) / panel.n_units
    return _Cells(group, *(np.concatenate([p[k] for p in parts]) for k in range(1, 6)),
                  np.concatenate([p[6] for p in parts], axis=1), start, share)


def group_time_att(panel: "Panel", *, control: str = "never", base_period: str = "universal",
                   anticipation: int = 0) -> tuple["pd.DataFrame", "np.ndarray"]:
    """ATT(g,t) for every cohort g and period t, and the units × cells influence matrix.

    The default base period here is ``"universal"`` (every cell against g − 1), so that the
    pre-period cells line up with an event-study plot; :func:`callaway_santanna` defaults to did's
    ``"varying"``. Post-period cells are the same either way.
    """
    c = _cells(panel, control, base_period, anticipation)
    return c.frame(), c.psi


def event_time_means(panel: "Panel", *, control: str = "never", base_period: str = "universal",
                     anticipation: int = 0) -> tuple["np.ndarray", "np.ndarray"]:
    """Event-time aggregation (cohort-share weights) of the ATT(g,t) cells: (e values, ATT_e)."""
    import numpy as np

    c = _cells(panel, control, base_period, anticipation)
    rel, idx = np.unique(c.rel, return_inverse=True)
    num = np.bincount(idx, c.share * c.att, len(rel))
    den = np.bincount(idx, c.share, len(rel))
    return rel, num / den


def _event_table(c: _Cells):
    import numpy as np

    rows, psis = [], []
    for e in np.unique(c.rel):
        est, psi = c.combine(c.rel == e)
        rows.append({"key": int(e), "att": est, "se": se_of(psi)})
        psis.append(psi)
    return rows, psis


def callaway_santanna(panel: "Panel", *, control: str = "never", aggregation: str = "simple",
                      base_period: str = "varying", anticipation: int = 0) -> CsFit:
    """Group-time ATTs and their aggregation with did's analytic SEs (see module Notes)."""
    import numpy as np
    import pandas as pd

    c = _cells(panel, control, base_period, anticipation)
    post = c.rel >= 0
    if not post.any():
        from workbench.core.errors import DesignError

        raise DesignError("area.no_controls")
    by_rows = []
    if aggregation == "simple":
        overall, psi = c.combine(post)
    elif aggregation == "group":
        groups, att_g, psi_g = [], [], []
        for g in np.unique(c.group[post]):
            m = post & (c.group == g)
            est, p = c.combine(m, shares=False, weights=np.full(m.sum(), 1.0 / m.sum()))
            by_rows.append({"key": int(g), "att": est, "se": se_of(p)})
            groups.append(g), att_g.append(est), psi_g.append(p)
        groups, att_g = np.array(groups), np.array(att_g)
        pg = np.array([c.share[c.group == g][0] for g in groups])
        overall = float(pg @ att_g / pg.sum())
        psi = np.column_stack(psi_g) @ (pg / pg.sum()) + c._wif(None, groups, pg) @ att_g
    else:
        by_rows, psis = _event_table(c)
        pos = [k for k, r in enumerate(by_rows) if r["key"] >= 0]
        overall = float(np.mean([by_rows[k]["att"] for k in pos]))
        psi = np.mean([psis[k] for k in pos], axis=0)
    return CsFit(c.frame(), overall, se_of(psi), pd.DataFrame(by_rows, columns=["key", "att", "se"]),
                 aggregation, control, base_period, anticipation, not panel.balanced)


def cs_event_study(panel: "Panel", *, control: str = "never", base_period: str = "varying",
                   anticipation: int = 0) -> tuple["pd.DataFrame", "np.ndarray"]:
    """did's ``aggte(type = "dynamic")`` table (key = e, att, se) and its units × e influence matrix."""
    import numpy as np
    import pandas as pd

    c = _cells(panel, control, base_period, anticipation)
    rows, psis = _event_table(c)
    return pd.DataFrame(rows, columns=["key", "att", "se"]), (
        np.column_stack(psis) if psis else np.zeros((panel.n_units, 0)))


def _pre_keys(keys: "np.ndarray", base_period: str, anticipation: int) -> "np.ndarray":
    """Event times that test parallel trends: before any anticipation, the reference left out."""
    last = -1 - anticipation
    return keys < last if base_period == "universal" else keys <= last


def cs_pretrend(panel: "Panel", *, control: str = "never", base_period: str = "universal",
                anticipation: int = 0) -> tuple[float, int, float]:
    """Joint test that the event-time ATTs before the start are zero.

    Wald :math:`\\chi^2 = b'\\hat\\Sigma^{-1} b` with :math:`\\hat\\Sigma = \\Psi'\\Psi` from the
    area-level influence functions (Ψ: areas × pre-periods); returns (chi2, q, p).
    """
    import numpy as np
    from scipy import stats

    table, psi = cs_event_study(panel, control=control, base_period=base_period,
                                anticipation=anticipation)
    pre = _pre_keys(table["key"].to_numpy(), base_period, anticipation)
    if not pre.any():
        return float("nan"), 0, float("nan")
    b = table["att"].to_numpy()[pre]
    p = psi[:, pre]
    chi2 = float(b @ np.linalg.pinv(p.T @ p) @ b)
    return chi2, int(pre.sum()), float(stats.chi2.sf(chi2, int(pre.sum())))


def cs_keywords(o: Any) -> dict:
    """The Callaway–Sant'Anna keywords of a ``DidOptions`` (control group, base period, anticipation)."""
    return {"control": o.control, "base_period": o.base_period, "anticipation": o.anticipation}


def cs_pre_rms(o: Any):
    """Root mean square of the CS event-time estimates before the start (the reference left out)."""
    import numpy as np

    def statistic(p) -> float:
        rel, att = event_time_means(p, **cs_keywords(o))
        pre = att[_pre_keys(rel, o.base_period, o.anticipation)]
        return float(np.sqrt(np.mean(pre**2))) if len(pre) else float("nan")

    return statistic
