"""The event-study regression from sufficient statistics: no (N, k) demeaned design is formed.

Same model, coefficients and clustered covariance as :func:`workbench.ladder.area.twfe.fit_twfe`
on the event dummies of :func:`workbench.ladder.area.event.event_design`, but in O(N + G·T·k)
instead of O(N·k²): the event dummies are exclusive (each row is in at most one relative-period
bin), so every cross-product reduces to counts per (unit, bin) and (time, bin).

Notes
-----
Let :math:`M_U` demean within units and :math:`T` be the time dummies. The two-way annihilator is
(Schur complement of the unit block, exact on any panel, balanced or not)

.. math:: M = M_U - M_U T S^{+} T' M_U,\\qquad S = T' M_U T = \\operatorname{diag}(n_t) - O' \\operatorname{diag}(1/n_i) O,

with O the G×T observed-cell incidence. With C the (unit, bin) and B the (time, bin) counts,

.. math:: X'M_U X = \\operatorname{diag}(n_b) - C'\\operatorname{diag}(1/n_i)C,\\quad
          T'M_U X = B - O'\\operatorname{diag}(1/n_i)C,\\quad
          X'MX = X'M_UX - (T'M_UX)' S^{+} (T'M_UX).

The residual :math:`e = M(y - X\\hat\\beta)` is one vector; since e sums to zero within each unit,
the cluster score of unit g is :math:`\\sum_{t} X_{gt}e_{gt} - \\sum_t c_{X}[t]\\,e_{gt}` with
:math:`c_X = S^{+}T'M_UX` (a G×T by T×k product). One time period is dropped from S (the one
collinear with the unit effects), so S is solved, not pseudo-inverted near its null space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


@dataclass(frozen=True)
class EventStats:
    coef: "np.ndarray"
    vcov: "np.ndarray"
    n_clusters: int

    @property
    def df(self) -> int:
        return self.n_clusters - 1

    @property
    def se(self) -> "np.ndarray":
        import numpy as np

        return np.sqrt(np.maximum(np.diag(self.vcov), 0.0))  # a true 0 can come out as −1e-30


def fit_event_bins(y, bin_code, unit_code, time_code, n_units: int, n_times: int, k: int, *,
                   se_type: str = "fixest") -> EventStats:
    """OLS of ``y`` on exclusive bin dummies (``bin_code`` in 0..k−1, −1 for none) with unit and
    time fixed effects; CR1 covariance clustered by unit (see module Notes).

    The products are small (G×T by T×k at most), so BLAS runs on one thread here: waking a
    thread pool costs more than it saves, and on a busy machine far more.
    """
    from workbench.ladder.area.twfe import single_thread_blas

    with single_thread_blas():
        return _fit_event_bins(y, bin_code, unit_code, time_code, n_units, n_times, k, se_type)


def _fit_event_bins(y, bin_code, unit_code, time_code, n_units, n_times, k, se_type) -> EventStats:
    import numpy as np

    from workbench.ladder.area.twfe import small_sample_factor

    y = np.asarray(y, dtype=float)
    g, tt = n_units, n_times
    n_i = np.bincount(unit_code, minlength=g).astype(float)
    n_t = np.bincount(time_code, minlength=tt).astype(float)
    inv_n = np.where(n_i > 0, 1.0 / np.where(n_i > 0, n_i, 1.0), 0.0)
    o = np.zeros((g, tt))
    o[unit_code, time_code] = 1.0
    has = bin_code >= 0
    bu, bt, bb = unit_code[has], time_code[has], bin_code[has]
    c = np.bincount(bu * k + bb, minlength=g * k).reshape(g, k).astype(float)
    b = np.bincount(bt * k + bb, minlength=tt * k).reshape(tt, k).astype(float)
    n_b = c.sum(axis=0)

    # S restricted to the observed times minus one (the direction collinear with the unit effects)
    times = np.flatnonzero(n_t > 0)[1:]
    s = np.diag(n_t) - (o * inv_n[:, None]).T @ o
    s_inv = _inverse_psd(s[np.ix_(times, times)])

    def solve_s(rhs):  # S^+ rhs on the kept times, zero elsewhere
        out = np.zeros((tt,) + rhs.shape[1:])
        out[times] = s_inv @ rhs[times]
        return out

    def project(v):  # M v for one vector v (N,)
        u = v - (np.bincount(unit_code, v, g) * inv_n)[unit_code]
        cv = solve_s(np.bincount(time_code, u, tt))
        return u - cv[time_code] + ((o @ cv) * inv_n)[unit_code]  # o @ cv: Σ over a unit's periods

    cn = c * inv_n[:, None]
    xmux = np.diag(n_b) - c.T @ cn
    tmux = b - o.T @ cn
    c_x = solve_s(tmux)
    a = xmux - tmux.T @ c_x
    a_inv = np.linalg.pinv(a)
    yu = y - (np.bincount(unit_code, y, g) * inv_n)[unit_code]
    xmuy = np.bincount(bb, yu[has], k)
    tmuy = np.bincount(time_code, yu, tt)
    coef = a_inv @ (xmuy - tmux.T @ solve_s(tmuy))
    fitted = np.zeros(len(y))
    fitted[has] = coef[bb]
    e = project(y - fitted)
    e_grid = np.zeros((g, tt))
    e_grid[unit_code, time_code] = e
    scores = np.bincount(bu * k + bb, e[has], g * k).reshape(g, k) - e_grid @ c_x
    g_eff = int((n_i > 0).sum())
    factor, _ = small_sample_factor(se_type, n=len(y), k=k, n_clusters=g_eff,
                                    n_times=int((n_t > 0).sum()))
    vcov = factor * a_inv @ (scores.T @ scores) @ a_inv
    return EventStats(coef, vcov, g_eff)


def _inverse_psd(s: "np.ndarray") -> "np.ndarray":
    """Inverse of the reduced S by Cholesky (connected panel: positive definite); the
    pseudo-inverse when a pivot is (numerically) zero, as in a panel of disconnected blocks."""
    import numpy as np
    from scipy.linalg import cho_solve

    if s.size == 0:
        return s.copy()
    try:
        low = np.linalg.cholesky(s)
    except np.linalg.LinAlgError:
        low = None
    if low is None or np.min(np.diag(low)) ** 2 < 1e-10 * np.max(np.diag(s)):
        return np.linalg.pinv(s, hermitian=True)
    return cho_solve((low, True), np.eye(len(s)))
