"""Propensity score by unpenalized logistic regression, as R's ``glm(family = binomial)``.

Fitted by iteratively reweighted least squares (Newton–Raphson for the canonical logit link) with
R's stopping rule, ``|dev - dev_old| / (|dev| + 0.1) < 1e-8``, followed by one more polish step, so
the scores agree with R's to far better than 1e-8. Collinear columns and perfect separation are
refused with a :class:`~workbench.core.errors.DesignError` in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.errors import DesignError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

_EPS_P = 10 * 2.220446049250313e-16  # R's glm.fit: "fitted probabilities numerically 0 or 1"


@dataclass(frozen=True)
class LogitFit:
    """Coefficients, fitted probabilities and the linear predictor of the propensity model."""

    coef: "np.ndarray"
    names: tuple[str, ...]
    propensity: "np.ndarray"
    linear_predictor: "np.ndarray"
    iterations: int
    deviance: float


def _deviance(y: "np.ndarray", p: "np.ndarray") -> float:
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.where(y == 1, -np.log(p), -np.log1p(-p))
    return float(2.0 * np.sum(d))


def _sigmoid(eta: "np.ndarray") -> "np.ndarray":
    import numpy as np

    return np.where(eta >= 0, 1.0 / (1.0 + np.exp(-eta)), np.exp(eta) / (1.0 + np.exp(eta)))


def _check_rank(X: "np.ndarray", names: list[str], lang: str | None) -> "np.ndarray":
    """Column scales; raises if the columns are linearly dependent (R of the QR from X'X)."""
    import numpy as np

    scale = np.sqrt((X**2).sum(axis=0))
    scale[scale == 0] = 1.0
    Xs = X / scale
    e, V = np.linalg.eigh(Xs.T @ Xs)
    _, r = np.linalg.qr(np.sqrt(np.clip(e, 0, None))[:, None] * V.T)
    diag = np.abs(np.diag(r))
    bad = np.flatnonzero(diag < 1e-7 * max(diag.max(), 1.0))
    if bad.size:
        raise DesignError("matching.collinear", lang=lang, columns=[names[i] for i in bad])
    return scale


def fit_logit(
    X: "np.ndarray",
    y: "np.ndarray",
    names: list[str],
    *,
    lang: str | None = None,
    max_iter: int = 50,
) -> LogitFit:
    """Maximum-likelihood logistic regression of ``y`` (0/1) on ``X`` (with intercept column).

    Notes
    -----
    IRLS: with :math:`p = 1/(1+e^{-X\\beta})` and :math:`W = \\mathrm{diag}(p(1-p))`,
    :math:`\\beta \\leftarrow (X^\\top W X)^{-1} X^\\top W z`, :math:`z = X\\beta + (y-p)/(p(1-p))`.
    Separation is declared when a fitted probability is within :math:`10\\varepsilon` of 0 or 1
    (R's warning) or the iterations do not converge.
    """
    import numpy as np

    scale = _check_rank(X, names, lang)
    Xs = X / scale
    # starting values as glm.fit's binomial()$initialize: mu = (y + 0.5) / 2
    mu = (y + 0.5) / 2.0
    eta = np.log(mu / (1 - mu))
    beta = np.zeros(X.shape[1])
    dev_old = _deviance(y, mu)
    converged = False
    it = 0
    for it in range(1, max_iter + 1):
        w = mu * (1 - mu)
        z = eta + (y - mu) / w
        # weighted least squares on unit-norm columns (well conditioned normal equations)
        xw = Xs * w[:, None]
        gamma = np.linalg.solve(xw.T @ Xs, xw.T @ z)
        beta_new = gamma / scale
        eta = Xs @ gamma
        mu = _sigmoid(eta)
        dev = _deviance(y, mu)
        beta = beta_new
        if abs(dev - dev_old) / (abs(dev) + 0.1) < 1e-8:
            converged = True
            break
        dev_old = dev
    separated = (not converged) or bool(np.any(mu < _EPS_P) or np.any(mu > 1 - _EPS_P))
    if not separated and bool(np.any(np.minimum(mu, 1 - mu) < 1e-6)):
        separated = _diverges(Xs, y, eta, mu)
    if separated:
        raise DesignError("matching.separation", lang=lang, columns=_suspects(X, y, names, beta))
    return LogitFit(
        coef=beta,
        names=tuple(names),
        propensity=mu,
        linear_predictor=eta,
        iterations=it,
        deviance=_deviance(y, mu),
    )


def _diverges(Xs: "np.ndarray", y: "np.ndarray", eta: "np.ndarray", mu: "np.ndarray") -> bool:
    """Whether further Newton steps keep pushing the linear predictor out (separation)."""
    import numpy as np

    start = eta.copy()
    for _ in range(8):
        w = np.maximum(mu * (1 - mu), 1e-300)
        xw = Xs * w[:, None]
        try:
            step = np.linalg.solve(xw.T @ Xs, Xs.T @ (y - mu))
        except np.linalg.LinAlgError:
            return True
        eta = eta + Xs @ step
        mu = _sigmoid(eta)
    return bool(np.max(np.abs(eta - start)) > 1.0)


def _suspects(X: "np.ndarray", y: "np.ndarray", names: list[str], beta: "np.ndarray") -> list[str]:
    """Covariates that separate the groups on their own, else those with the largest coefficients."""
    import numpy as np

    out = []
    for j in range(1, X.shape[1]):
        x1, x0 = X[y == 1, j], X[y == 0, j]
        if x1.min() > x0.max() or x1.max() < x0.min() or (x1.min() >= x0.max() or x1.max() <= x0.min()):
            out.append(names[j])
    if out:
        return out
    sd = X[:, 1:].std(axis=0)
    size = np.abs(beta[1:]) * np.where(sd > 0, sd, 1.0)
    return [names[1 + int(j)] for j in np.argsort(-size)[:2]]
