"""Two-way fixed effects (unit + time) with standard errors clustered by unit.

The engine absorbs both sets of fixed effects by demeaning and regresses the demeaned outcome on
the demeaned regressors (Frisch–Waugh–Lovell).

Notes
-----
Balanced panel (every unit observed in every period): the two-way within transformation is closed
form,

.. math:: \\tilde y_{it} = y_{it} - \\bar y_{i\\cdot} - \\bar y_{\\cdot t} + \\bar y_{\\cdot\\cdot}.

Unbalanced panel: for several columns at once and G + T ≤ ``DIRECT_LIMIT``, the exact projection
:math:`v - D (D'D)^{+} D'v` on the unit and time dummies D (the (G+T)² Gram matrix is built once
and reused for every column); otherwise alternating projections (demean by unit, then by
time, repeat until the largest change is below ``tol``), the method of Gaure (2013) used by fixest
and pyfixest.

Cluster-robust variance (CR1, clusters g = units):

.. math:: V = c\\,(\\tilde X'\\tilde X)^{-1} \\Big(\\sum_g \\tilde X_g' e_g e_g' \\tilde X_g\\Big)
          (\\tilde X'\\tilde X)^{-1},\\qquad c = \\frac{G}{G-1}\\,\\frac{N-1}{N-K}.

Two conventions for ``K`` (``se_type``):

* ``"fixest"`` (default) — fixest's default ``ssc(adj=TRUE, fixef.K="nested", cluster.adj=TRUE)``
  for ``feols(y ~ d | unit + time, cluster = ~unit)``: the unit fixed effects are nested in the
  clusters and are not counted, except one (pyfixest's ``df_k = k + k_fe_adj − k_fe_nested +
  n_fe_fully_nested``), so ``K = k + T`` (k slopes, T time periods).
* ``"lm"`` (alias ``"stata_areg"``) — every dummy counts, as ``lm(y ~ d + factor(unit) +
  factor(time))`` with ``sandwich::vcovCL(type = "HC1")`` and Stata's ``areg, vce(cluster unit)``:
  ``K = k + G + T − 1`` (with the intercept).

Both use ``t(G − 1)`` for p-values and intervals, as fixest does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

AreaSeType = Literal["fixest", "lm", "stata_areg"]
DIRECT_LIMIT = 2000  # unbalanced panels with G + T up to this use the exact Gram-matrix projection


@dataclass(frozen=True)
class Demeaner:
    """Two-way within transformation for one (unit, time) layout; reusable across columns."""

    unit_code: "np.ndarray"
    time_code: "np.ndarray"
    n_units: int
    n_times: int
    balanced: bool
    unit_count: "np.ndarray"
    time_count: "np.ndarray"
    tol: float = 1e-10
    max_iter: int = 10_000

    @classmethod
    def build(cls, unit_code, time_code, n_units: int, n_times: int, **kw) -> "Demeaner":
        import numpy as np

        uc = np.bincount(unit_code, minlength=n_units).astype(float)
        tc = np.bincount(time_code, minlength=n_times).astype(float)
        balanced = len(unit_code) == n_units * n_times and bool((uc == n_times).all())
        return cls(unit_code, time_code, n_units, n_times, balanced, uc, tc, **kw)

    def __call__(self, v: "np.ndarray") -> "np.ndarray":
        """Demean a vector (N,) or matrix (N, k) by unit and time."""
        import numpy as np

        many = v.ndim == 2 and v.shape[1] > 1 or "_gram_pinv" in self.__dict__
        if not self.balanced and many and self.n_units + self.n_times <= DIRECT_LIMIT:
            return self._direct(v)
        if v.ndim == 2:
            return np.column_stack([self(v[:, j]) for j in range(v.shape[1])])
        if self.balanced:
            um = np.bincount(self.unit_code, v, self.n_units) / self.n_times
            tm = np.bincount(self.time_code, v, self.n_times) / self.n_units
            return v - um[self.unit_code] - tm[self.time_code] + v.mean()
        return self._alternate(v)

    @cached_property
    def _gram_pinv(self) -> "np.ndarray":
        import numpy as np

        g, t = self.n_units, self.n_times
        inc = np.zeros((g, t))
        inc[self.unit_code, self.time_code] = 1.0
        gram = np.block([[np.diag(self.unit_count), inc], [inc.T, np.diag(self.time_count)]])
        return np.linalg.pinv(gram, hermitian=True)

    def _direct(self, v: "np.ndarray") -> "np.ndarray":
        """Exact projection on the dummies via the (G+T)² Gram matrix (small unbalanced panels)."""
        import numpy as np

        m = v[:, None] if v.ndim == 1 else v
        g, t = self.n_units, self.n_times
        dtv = np.empty((g + t, m.shape[1]))
        for j in range(m.shape[1]):
            dtv[:g, j] = np.bincount(self.unit_code, m[:, j], g)
            dtv[g:, j] = np.bincount(self.time_code, m[:, j], t)
        coef = self._gram_pinv @ dtv
        out = m - coef[:g][self.unit_code] - coef[g:][self.time_code]
        return out[:, 0] if v.ndim == 1 else out

    def _alternate(self, v: "np.ndarray") -> "np.ndarray":
        import numpy as np

        x = v.astype(float).copy()
        uc = np.where(self.unit_count > 0, self.unit_count, 1.0)
        tc = np.where(self.time_count > 0, self.time_count, 1.0)
        for _ in range(self.max_iter):
            x -= (np.bincount(self.unit_code, x, self.n_units) / uc)[self.unit_code]
            step = (np.bincount(self.time_code, x, self.n_times) / tc)[self.time_code]
            x -= step
            if np.max(np.abs(step)) < self.tol:
                break
        return x


@dataclass(frozen=True)
class TwfeFit:
    """Coefficients, clustered covariance and what is needed to re-use the fit."""

    coef: "np.ndarray"
    vcov: "np.ndarray"
    resid: "np.ndarray"
    x_tilde: "np.ndarray"
    y_tilde: "np.ndarray"
    xtx_inv: "np.ndarray"
    n: int
    n_clusters: int
    k_ssc: int
    ssc: float
    se_type: str

    @property
    def se(self) -> "np.ndarray":
        import numpy as np

        return np.sqrt(np.diag(self.vcov))

    @property
    def df(self) -> int:
        return self.n_clusters - 1


def small_sample_factor(se_type: str, *, n: int, k: int, n_clusters: int, n_times: int) -> tuple[float, int]:
    """The CR1 factor ``G/(G−1) · (N−1)/(N−K)`` and the ``K`` used (see module Notes)."""
    if se_type == "fixest":
        k_ssc = k + n_times
    elif se_type in ("lm", "stata_areg"):
        k_ssc = k + n_clusters + n_times - 1
    else:  # pragma: no cover - checked at the front door
        raise ValueError(se_type)
    g = n_clusters
    return g / (g - 1) * (n - 1) / (n - k_ssc), k_ssc


def cluster_scores(x_tilde: "np.ndarray", resid: "np.ndarray", cluster: "np.ndarray", n_clusters: int) -> "np.ndarray":
    """Per-cluster score sums ``X_g' e_g`` as a (G, k) array."""
    import numpy as np

    return np.column_stack(
        [np.bincount(cluster, x_tilde[:, j] * resid, n_clusters) for j in range(x_tilde.shape[1])]
    )


def fit_twfe(
    y: "np.ndarray",
    x: "np.ndarray",
    demeaner: Demeaner,
    *,
    se_type: str = "fixest",
    y_tilde: "np.ndarray | None" = None,
) -> TwfeFit:
    """OLS of ``y`` on ``x`` (N, k) with unit and time fixed effects; SE clustered by unit.

    ``y_tilde`` may be passed when the demeaned outcome is already known (placebo loops).
    """
    import numpy as np

    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    yt = demeaner(y) if y_tilde is None else y_tilde
    xt = demeaner(x)
    xtx = xt.T @ xt
    xtx_inv = np.linalg.pinv(xtx)
    coef = xtx_inv @ (xt.T @ yt)
    resid = yt - xt @ coef
    g = demeaner.n_units
    scores = cluster_scores(xt, resid, demeaner.unit_code, g)
    g_eff = int((demeaner.unit_count > 0).sum())
    factor, k_ssc = small_sample_factor(se_type, n=len(y), k=x.shape[1], n_clusters=g_eff,
                                        n_times=int((demeaner.time_count > 0).sum()))
    vcov = factor * xtx_inv @ (scores.T @ scores) @ xtx_inv
    return TwfeFit(coef, vcov, resid, xt, yt, xtx_inv, len(y), g_eff, k_ssc, factor, se_type)


@functools.lru_cache(maxsize=1)
def _blas_controller():
    import numpy  # noqa: F401  (BLAS must be loaded before the controller looks for it)
    import scipy.linalg  # noqa: F401
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def single_thread_blas():
    """Context in which BLAS/LAPACK run on one thread: the area engines multiply vectors and
    small (G×T, k×k) matrices, where waking a thread pool costs more than it saves — on a busy
    machine far more. The controller is found once per process."""
    return _blas_controller().limit(limits=1, user_api="blas")
