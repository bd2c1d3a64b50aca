"""Synthetic control (Abadie, Diamond & Hainmueller 2010): engine without presentation.

Notes
-----
The synthetic area is a weighted mean of comparison areas (donors) with weights

.. math:: w^* = \\arg\\min_{w \\ge 0,\\ \\sum w = 1} (x_1 - X_0 w)' V (x_1 - X_0 w),

where the predictors x are the treated area's pre-period outcomes (every pre-period, by default)
and optionally the pre-period means of covariates (then every predictor row is divided by its
standard deviation across areas); V is diagonal (equal weights unless ``predictor_weights`` is given).
Abadie's data-driven choice of V (a nested optimisation) is not done: with all pre-period
outcomes as predictors it matters little (Kaul et al. 2022 show covariates then get no weight at
all). The quadratic programme is solved by NNLS with a sum-to-one row and an exact polish on the
support (see :func:`solve_weights`).

* gap_t = y_1t − Σ_j w_j y_jt; pre-RMSPE and post-RMSPE are the root mean squared gaps;
* the estimate is the mean post-period gap;
* placebo in space: every donor in turn is treated as if it had got the intervention (the real
  treated area removed from the pool); p = rank of the treated area's post/pre RMSPE ratio among
  all J + 1 ratios, i.e. (1 + #{ratio_j ≥ ratio_1}) / (J + 1) (Abadie et al. 2010, sec. 3.3);
* leave-one-out: refit without each donor that has weight, report the range of estimates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.ties import at_least_as_extreme

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def solve_weights(x1: "np.ndarray", x0: "np.ndarray", v: "np.ndarray | None" = None) -> "np.ndarray":
    """Non-negative weights summing to one that minimise ``(x1 − X0 w)' V (x1 − X0 w)``.

    ``x1`` is (m,), ``x0`` is (m, J), ``v`` the diagonal of V (m,). Solved as NNLS with a heavily
    weighted sum-to-one row (Lawson–Hanson active set), then polished on the support by the exact
    equality-constrained least squares and checked against the KKT conditions; if the check fails,
    SLSQP finishes from there.
    """
    import numpy as np

    m, j = x0.shape
    vv = np.ones(m) if v is None else np.asarray(v, dtype=float)
    sq = np.sqrt(vv)
    a = x0 * sq[:, None]
    b = x1 * sq
    w = _nnls_start(a, b)
    polished = _polish(a, b, w)
    if polished is not None:
        return polished
    return _slsqp(a, b, w)


def _polish(a, b, w, tol: float = 1e-9):
    """Exact solution on the support of ``w`` if it satisfies the KKT conditions, else None."""
    import numpy as np

    s = np.flatnonzero(w > 0)
    k = len(s)
    if k == 0 or k > a.shape[0] + 1:
        return None
    a_s = a[:, s]
    kkt = np.zeros((k + 1, k + 1))
    kkt[:k, :k] = a_s.T @ a_s
    kkt[:k, k] = kkt[k, :k] = 1.0
    rhs = np.concatenate([a_s.T @ b, [1.0]])
    sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0]
    ws = sol[:k]
    if (ws <= 0).any() or abs(ws.sum() - 1) > 1e-8:
        return None
    out = np.zeros(a.shape[1])
    out[s] = ws
    grad = a.T @ (a @ out - b)
    mu = -float(np.mean(grad[s]))
    scale = float(np.abs(grad).max() + np.abs(a.T @ b).max() + 1.0)
    if (grad + mu < -tol * scale).any():
        return None
    return out


def _slsqp(a, b, w0):
    import numpy as np
    from scipy.optimize import minimize

    scale = float(np.sum(b**2)) or 1.0
    h = a.T @ a / scale
    f = a.T @ b / scale
    res = minimize(lambda w: 0.5 * w @ h @ w - f @ w, w0, jac=lambda w: h @ w - f, method="SLSQP",
                   bounds=[(0.0, 1.0)] * a.shape[1],
                   constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0,
                                 "jac": lambda w: np.ones_like(w)}],
                   options={"ftol": 1e-15, "maxiter": 1000})
    w = np.clip(res.x, 0.0, None)
    return w / w.sum()


def _nnls_start(a, b):
    """NNLS with a heavily weighted sum-to-one row (constraint met to about 1e-10)."""
    import numpy as np
    from scipy.optimize import nnls

    lam = 1e4 * (np.abs(a).max() + 1.0)
    aa = np.vstack([a, lam * np.ones(a.shape[1])])
    bb = np.concatenate([b, [lam]])
    w, _ = nnls(aa, bb, maxiter=50 * a.shape[1])
    if w.sum() <= 0:
        return np.full(a.shape[1], 1.0 / a.shape[1])
    return w / w.sum()


@dataclass(frozen=True)
class SynthFit:
    weights: "np.ndarray"  # over donors
    donors: "np.ndarray"  # unit indices
    gap: "np.ndarray"  # over all periods
    synthetic: "np.ndarray"
    pre_rmspe: float
    post_rmspe: float

    @property
    def ratio(self) -> float:
        return self.post_rmspe / self.pre_rmspe if self.pre_rmspe > 0 else float("inf")


def predictors(ymat: "np.ndarray", start: int, cov: "np.ndarray | None") -> "np.ndarray":
    """Predictor matrix (m, units): pre-period outcomes (raw, so the fit minimises the pre-RMSPE);
    with covariates, their pre-period means are appended and every row is divided by its SD."""
    import numpy as np

    rows = ymat[:, :start].T
    if cov is None:
        return rows
    rows = np.vstack([rows, cov.T])
    sd = rows.std(axis=1, ddof=1)
    sd = np.where(sd > 0, sd, 1.0)
    return rows / sd[:, None]


def fit_one(ymat, treated: int, donors, start: int, xmat, v=None) -> SynthFit:
    import numpy as np

    donors = np.asarray(donors)
    w = solve_weights(xmat[:, treated], xmat[:, donors], v)
    synth = w @ ymat[donors, :]
    gap = ymat[treated, :] - synth
    pre = float(np.sqrt(np.mean(gap[:start] ** 2)))
    post = float(np.sqrt(np.mean(gap[start:] ** 2)))
    return SynthFit(w, donors, gap, synth, pre, post)


@dataclass(frozen=True)
class SynthAnalysis:
    main: SynthFit
    placebos: dict  # unit index -> SynthFit
    p_value: float
    leave_one_out: dict  # dropped donor index -> mean post gap


def run_synth(ymat, treated: int, start: int, *, cov=None, v=None, placebos: bool = True,
              leave_one_out: bool = True, loo_min_weight: float = 0.01) -> SynthAnalysis:
    """Fit, placebo-in-space and leave-one-out (see module Notes)."""
    import numpy as np

    n = ymat.shape[0]
    xmat = predictors(ymat, start, cov)
    donors = np.array([j for j in range(n) if j != treated])
    main = fit_one(ymat, treated, donors, start, xmat, v)
    pl: dict = {}
    if placebos:
        for j in donors:
            pool = np.array([k for k in donors if k != j])
            pl[int(j)] = fit_one(ymat, int(j), pool, start, xmat, v)
    ratios = [f.ratio for f in pl.values()]
    p = (1 + int(at_least_as_extreme(ratios, main.ratio, "greater").sum())) / (1 + len(ratios)) if pl else float("nan")
    loo: dict = {}
    if leave_one_out:
        for j, wj in zip(donors, main.weights):
            if wj >= loo_min_weight and len(donors) > 2:
                pool = np.array([k for k in donors if k != j])
                f = fit_one(ymat, treated, pool, start, xmat, v)
                loo[int(j)] = float(np.mean(f.gap[start:]))
    return SynthAnalysis(main, pl, float(p), loo)
