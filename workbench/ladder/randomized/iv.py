"""Two-stage least squares for the effect of *taking part* when the *offer* is randomized.

The randomized offer ``assigned`` is the instrument for ``received``. The estimate is the
complier average causal effect (CACE, also called LATE): the effect among those who take part
because they were offered. Standard errors as R's ``estimatr::iv_robust(se_type = "HC2")``.

Notes
-----
Stage one regresses :math:`D` on :math:`Z` (and covariates :math:`W`); :math:`\\hat X` holds the
fitted :math:`\\hat D` and :math:`W`. Then :math:`\\hat\\beta = (\\hat X'\\hat X)^{-1}\\hat X'y`,
residuals :math:`e = y - X\\hat\\beta` use the *actual* regressors, and the HC2 covariance is
:math:`(\\hat X'\\hat X)^{-1}\\hat X'\\operatorname{diag}\\big(e_i^2/(1-h_{ii})\\big)\\hat X
(\\hat X'\\hat X)^{-1}`. ``leverage="projected"`` (estimatr) takes
:math:`h_{ii} = \\hat x_i'(\\hat X'\\hat X)^{-1}\\hat x_i`; ``leverage="mixed"`` (AER's
``hatvalues.ivreg`` used by ``sandwich::vcovHC``) takes :math:`x_i'(\\hat X'\\hat X)^{-1}\\hat x_i`.
Without covariates the estimate equals the Wald ratio ITT / take-up difference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ladder.randomized.ols import OlsFit, independent_columns, robust_vcov

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def two_stage_least_squares(
    y: "np.ndarray",
    received: "np.ndarray",
    assigned: "np.ndarray",
    covariates: "np.ndarray | None" = None,
    covariate_names: tuple[str, ...] = (),
    *,
    se_type: str = "HC2",
    clusters: "np.ndarray | None" = None,
    leverage: str = "projected",
) -> OlsFit:
    """2SLS of ``y`` on ``received`` instrumented by ``assigned``; the coefficient is named ``received``."""
    import numpy as np

    y = np.asarray(y, dtype=float)
    n = len(y)
    W = np.ones((n, 1)) if covariates is None else np.column_stack([np.ones(n), covariates])
    wnames = ("(Intercept)", *covariate_names)
    keep = independent_columns(W)
    W, wnames = W[:, keep], tuple(wnames[j] for j in keep)
    Z = np.column_stack([W[:, :1], np.asarray(assigned, float), W[:, 1:]])
    X = np.column_stack([W[:, :1], np.asarray(received, float), W[:, 1:]])
    names = (wnames[0], "received", *wnames[1:])
    proj, *_ = np.linalg.lstsq(Z, X, rcond=None)
    Xhat = Z @ proj
    coef, *_ = np.linalg.lstsq(Xhat, y, rcond=None)
    resid = y - X @ coef
    if leverage == "mixed" and se_type in ("HC2", "HC3"):
        bread = np.linalg.inv(Xhat.T @ Xhat)
        lev = np.einsum("ij,jk,ik->i", X, bread, Xhat)
        power = 1 if se_type == "HC2" else 2
        w = resid**2 / (1.0 - lev) ** power
        vcov = bread @ (Xhat.T * w) @ Xhat @ bread
        df, J = np.full(X.shape[1], float(n - X.shape[1])), None
    else:
        vcov, df, J = robust_vcov(Xhat, resid, se_type, clusters)
    return OlsFit(coef=coef, vcov=vcov, df=df, names=names, n=n, rank=X.shape[1], n_clusters=J, se_type=se_type)
