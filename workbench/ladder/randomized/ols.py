"""One least-squares fitter with every standard-error variant of R's ``estimatr``.

The design follows estimatr's ``helper_lm_robust_fit.R`` / ``lm_variance``: the coefficients come
from ordinary least squares, and the covariance matrix is a sandwich whose *meat* depends on the
standard-error type. Instrumental variables reuse :func:`robust_vcov` with the first-stage fitted
regressors (see :mod:`workbench.ladder.randomized.iv`).

Notes
-----
With :math:`B = (X'X)^{-1}`, residuals :math:`e` and leverages :math:`h_{ii} = x_i' B x_i`:

* HC0: :math:`B\\,X'\\mathrm{diag}(e_i^2)X\\,B`; HC1 multiplies HC0 by :math:`N/(N-k)`;
  HC2 uses :math:`e_i^2/(1-h_{ii})`; HC3 uses :math:`e_i^2/(1-h_{ii})^2`. Degrees of freedom
  :math:`N-k`.
* CR0: :math:`B\\,\\sum_j X_j'e_je_j'X_j\\,B`; ``stata`` (CR1) multiplies CR0 by
  :math:`\\frac{J}{J-1}\\frac{N-1}{N-k}`. Degrees of freedom :math:`J-1`.
* CR2 (Bell and McCaffrey 2002): :math:`e_j` is replaced by :math:`A_je_j` with
  :math:`A_j = (I - X_jBX_j')^{-1/2}` (symmetric inverse square root; eigenvalues near zero are
  dropped). Degrees of freedom for coefficient :math:`\\ell` are Bell and McCaffrey's
  Satterthwaite approximation under a working model of independent, equal-variance errors:
  with :math:`g_j = (I-H)_{\\cdot j} A_j X_j B \\ell` and :math:`G=(g_1,\\dots,g_J)`,
  :math:`\\nu = (\\operatorname{tr} G'G)^2 / \\operatorname{tr}\\big((G'G)^2\\big)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

HC_TYPES = ("HC0", "HC1", "HC2", "HC3", "classical")
CR_TYPES = ("CR0", "CR2", "stata")
_EIG_TOL = 1e-12


@dataclass(frozen=True)
class OlsFit:
    """Coefficients, covariance and degrees of freedom of one least-squares fit."""

    coef: "np.ndarray"
    vcov: "np.ndarray"
    df: "np.ndarray"
    names: tuple[str, ...]
    n: int
    rank: int
    n_clusters: int | None
    se_type: str
    dropped: tuple[str, ...] = ()

    def index(self, name: str) -> int:
        return self.names.index(name)

    def std_error(self, name: str) -> float:
        import math

        i = self.index(name)
        return math.sqrt(float(self.vcov[i, i]))


def independent_columns(X: "np.ndarray", tol: float = 1e-7) -> list[int]:
    """Indices of columns kept in order, dropping each column that is a combination of earlier ones."""
    import numpy as np

    keep: list[int] = []
    for j in range(X.shape[1]):
        trial = X[:, keep + [j]]
        if np.linalg.matrix_rank(trial, tol=tol * max(1.0, float(np.abs(trial).max()))) == len(keep) + 1:
            keep.append(j)
    return keep


def _cluster_codes(clusters: "np.ndarray") -> tuple["np.ndarray", int]:
    import numpy as np

    _, codes = np.unique(np.asarray(clusters), return_inverse=True)
    return codes.ravel(), int(codes.max()) + 1


def _inv_sqrt_psd(M: "np.ndarray") -> "np.ndarray":
    import numpy as np

    vals, vecs = np.linalg.eigh((M + M.T) / 2.0)
    inv = np.where(vals > _EIG_TOL, 1.0 / np.sqrt(np.clip(vals, _EIG_TOL, None)), 0.0)
    return (vecs * inv) @ vecs.T


def robust_vcov(
    X: "np.ndarray",
    resid: "np.ndarray",
    se_type: str,
    clusters: "np.ndarray | None" = None,
) -> tuple["np.ndarray", "np.ndarray", int | None]:
    """Sandwich covariance, degrees of freedom per coefficient, and the number of clusters.

    ``X`` is the regressor matrix that defines the bread and the leverages (for 2SLS the
    first-stage fitted regressors); ``resid`` are the structural residuals.
    """
    import numpy as np

    n, k = X.shape
    bread = np.linalg.inv(X.T @ X)
    if se_type in HC_TYPES:
        if se_type == "classical":
            sigma2 = float(resid @ resid) / (n - k)
            return sigma2 * bread, np.full(k, float(n - k)), None
        lev = np.einsum("ij,jk,ik->i", X, bread, X)
        w = resid**2
        if se_type == "HC2":
            w = w / (1.0 - lev)
        elif se_type == "HC3":
            w = w / (1.0 - lev) ** 2
        vcov = bread @ (X.T * w) @ X @ bread
        if se_type == "HC1":
            vcov = vcov * n / (n - k)
        return vcov, np.full(k, float(n - k)), None

    codes, J = _cluster_codes(clusters)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(J + 1))
    groups = [order[bounds[j] : bounds[j + 1]] for j in range(J)]
    scores = np.empty((J, k))
    adjusters = []
    for j, idx in enumerate(groups):
        Xj, ej = X[idx], resid[idx]
        if se_type == "CR2":
            Aj = _inv_sqrt_psd(np.eye(len(idx)) - Xj @ bread @ Xj.T)
            adjusters.append(Aj)
            ej = Aj @ ej
        scores[j] = Xj.T @ ej
    vcov = bread @ (scores.T @ scores) @ bread
    if se_type == "stata":
        vcov = vcov * (J / (J - 1)) * ((n - 1) / (n - k))
    if se_type != "CR2":
        return vcov, np.full(k, float(J - 1)), J
    return vcov, _bell_mccaffrey_df(X, bread, groups, adjusters), J


def _bell_mccaffrey_df(
    X: "np.ndarray", bread: "np.ndarray", groups: list["np.ndarray"], adjusters: list["np.ndarray"]
) -> "np.ndarray":
    """Bell–McCaffrey degrees of freedom for every coefficient (working model: iid errors).

    With :math:`b_j = A_jX_jB\\ell` and :math:`u_j = X_j'b_j`, the columns
    :math:`g_j = E_jb_j - XBu_j` of :math:`G` (:math:`E_j` selects cluster :math:`j`'s rows) give
    :math:`G'G = \\operatorname{diag}(b_j'b_j) - UBU'` without forming any :math:`N`-vector.
    """
    import numpy as np

    k = X.shape[1]
    J = len(groups)
    bb = np.empty((J, k))  # b_j'b_j per coefficient
    U = np.empty((J, k, k))  # U[j, :, c] = u_j for coefficient c
    for j, (idx, Aj) in enumerate(zip(groups, adjusters)):
        Bj = Aj @ X[idx] @ bread  # n_j x k, column c = b_j for coefficient c
        bb[j] = np.sum(Bj * Bj, axis=0)
        U[j] = X[idx].T @ Bj
    df = np.empty(k)
    for c in range(k):
        Uc = U[:, :, c]
        GtG = np.diag(bb[:, c]) - Uc @ bread @ Uc.T
        df[c] = np.trace(GtG) ** 2 / np.sum(GtG * GtG)
    return df


def ols(
    y: "np.ndarray",
    X: "np.ndarray",
    names: tuple[str, ...] | list[str],
    *,
    se_type: str = "HC2",
    clusters: "np.ndarray | None" = None,
) -> OlsFit:
    """Least squares of ``y`` on ``X`` (columns ``names``) with an estimatr standard error.

    Columns that are exact linear combinations of earlier columns are dropped (as estimatr does)
    and listed in ``dropped``.
    """
    import numpy as np

    y = np.asarray(y, dtype=float)
    X = np.asarray(X, dtype=float)
    keep = independent_columns(X)
    dropped = tuple(names[j] for j in range(X.shape[1]) if j not in keep)
    Xk = X[:, keep]
    coef, *_ = np.linalg.lstsq(Xk, y, rcond=None)
    resid = y - Xk @ coef
    vcov, df, J = robust_vcov(Xk, resid, se_type, clusters)
    return OlsFit(
        coef=coef, vcov=vcov, df=df, names=tuple(names[j] for j in keep), n=len(y),
        rank=len(keep), n_clusters=J, se_type=se_type, dropped=dropped,
    )


def t_inference(
    estimate: float, std_error: float, df: float | None, conf_level: float = 0.95
) -> tuple[float, float, float, float]:
    """``(statistic, p_value, ci_low, ci_high)`` with a t reference (normal when ``df`` is None)."""
    import math

    from scipy import stats

    if std_error > 0:
        statistic = estimate / std_error
    else:  # as R: a nonzero estimate with zero standard error gives an infinite statistic
        statistic = math.copysign(math.inf, estimate) if estimate != 0 else math.nan
    if df is None or not math.isfinite(df) or df <= 0:
        p = 2 * stats.norm.sf(abs(statistic))
        crit = stats.norm.ppf(0.5 + conf_level / 2)
    else:
        p = 2 * stats.t.sf(abs(statistic), df)
        crit = stats.t.ppf(0.5 + conf_level / 2, df)
    return float(statistic), float(p), float(estimate - crit * std_error), float(estimate + crit * std_error)
