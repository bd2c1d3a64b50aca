"""Propensity score by unpenalized logistic regression, as R's ``glm(family = binomial)``.

Fitted by iteratively reweighted least squares (Newton–Raphson for the canonical logit link) with
R's stopping rule, ``|dev - dev_old| / (|dev| + 0.1) < 1e-8``, so the scores agree with R's to far
better than 1e-8. Collinear columns and perfect separation are refused with a
:class:`~workbench.core.errors.DesignError` in the user's language.

The fit runs on the **distinct covariate rows** (a binomial model with counts, which has the same
likelihood as the unit-level one), taken in an order fixed by the rows' values alone
(:mod:`workbench.ladder.matching.rows`). Two consequences that the balance statistics rely on:
units with identical covariates get bit-identical scores (so eCDF and nearest-neighbour ties are
real ties, as in R, and never last-bit noise of a BLAS kernel), and shuffling the rows of the
frame gives bit-identical scores.
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


def _deviance(s: "np.ndarray", f: "np.ndarray", p: "np.ndarray") -> float:
    """Binomial deviance of ``s`` successes and ``f`` failures per distinct row at probabilities ``p``."""
    import numpy as np

    with np.errstate(divide="ignore", invalid="ignore"):
        dev = float(-2.0 * ((s * np.log(p)).sum() + (f * np.log1p(-p)).sum()))
        if not np.isfinite(dev):  # a probability of exactly 0 or 1: 0 log 0 counts as 0
            dev = float(2.0 * np.sum(np.where(s > 0, -s * np.log(p), 0.0) + np.where(f > 0, -f * np.log1p(-p), 0.0)))
    return dev


def _sigmoid(eta: "np.ndarray") -> "np.ndarray":
    """1 / (1 + e^-eta): for very negative eta e^-eta overflows to inf and the result is 0."""
    import numpy as np

    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-eta))


_CHUNK = 1 << 16  # rows per block of the weighted cross-product


def _weighted_gram(Us: "np.ndarray", w: "np.ndarray", buf: "np.ndarray") -> "np.ndarray":
    """:math:`U^\\top \\mathrm{diag}(w) U` in blocks of rows, so the weighted rows need only a
    small buffer (``buf``: ``_CHUNK`` rows) instead of a second n × p array."""
    import numpy as np

    out = np.zeros((Us.shape[1], Us.shape[1]))
    for i in range(0, len(Us), _CHUNK):
        block = Us[i:i + _CHUNK]
        out += np.multiply(block, w[i:i + _CHUNK, None], out=buf[:len(block)]).T @ block
    return out


def _check_rank(U: "np.ndarray", counts: "np.ndarray", names: list[str], lang: str | None,
                buf: "np.ndarray") -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
    """Column scales, the scaled rows (``U`` scaled in place) and their cross-product.

    Raises if the columns are linearly dependent. ``X'X`` of the unit-level matrix is
    :math:`\\sum_k n_k u_k u_k^\\top` over the distinct rows; its rank is read from the R of a QR
    decomposition of its square root. ``buf`` is the block buffer of :func:`_weighted_gram`: at a
    million rows every fresh n × p array costs more in page faults than the arithmetic on it.
    """
    import numpy as np

    scale = np.sqrt(np.einsum("i,ij,ij->j", counts, U, U))
    scale[scale == 0] = 1.0
    Us = U
    Us *= 1.0 / scale  # a multiply: numpy's broadcast divide is ~10x slower on short rows
    gram = _weighted_gram(Us, counts, buf)
    e, V = np.linalg.eigh(gram)
    _, r = np.linalg.qr(np.sqrt(np.clip(e, 0, None))[:, None] * V.T)
    diag = np.abs(np.diag(r))
    bad = np.flatnonzero(diag < 1e-7 * max(diag.max(), 1.0))
    if bad.size:
        raise DesignError("matching.collinear", lang=lang, columns=[names[i] for i in bad])
    return scale, Us, gram


def fit_logit(
    X: "np.ndarray | list[np.ndarray]",
    y: "np.ndarray",
    names: list[str],
    *,
    lang: str | None = None,
    max_iter: int = 50,
) -> LogitFit:
    """Maximum-likelihood logistic regression of ``y`` (0/1) on ``X`` (with intercept column).

    Parameters
    ----------
    X
        Model matrix, intercept first (``n × p``), or its columns (then no n × p copy of all rows
        is made; only the distinct rows are).
    y
        0/1 outcome (the treatment indicator).
    names
        Column names of ``X``, used in errors.
    lang
        Language of the errors.
    max_iter
        Most IRLS iterations (R's ``glm.control(maxit)`` is 25; separation usually shows earlier).

    Returns
    -------
    LogitFit
        Coefficients, per-unit probabilities and linear predictor (bit-identical for identical
        rows of ``X``), iterations and deviance.

    Notes
    -----
    IRLS on the distinct rows :math:`u_k` with :math:`n_k` units of which :math:`s_k` have
    :math:`y=1`: with :math:`p_k = 1/(1+e^{-u_k^\\top\\beta})` and
    :math:`w_k = n_k p_k(1-p_k)`,
    :math:`\\beta \\leftarrow (U^\\top W U)^{-1} U^\\top W z`,
    :math:`z_k = u_k^\\top\\beta + (s_k/n_k - p_k)/(p_k(1-p_k))` — the unit-level normal equations
    summed within rows. The first step starts, as ``glm.fit``, from :math:`\\mu_i = (y_i + 1/2)/2`
    per unit, whose weights and working responses are summed within each row.
    Separation is declared when a fitted probability is within :math:`10\\varepsilon` of 0 or 1
    (R's warning) or the iterations do not converge.
    """
    import numpy as np

    from workbench.ladder.matching.rows import distinct_rows

    y = np.asarray(y, dtype=float)
    groups = distinct_rows(X)
    U, inv, n_k = groups.rows, groups.inverse, groups.counts.astype(float)
    s_k = np.bincount(inv, weights=y, minlength=len(n_k))
    f_k = n_k - s_k
    buf = np.empty((min(_CHUNK, len(U)), U.shape[1]))
    scale, Us, gram = _check_rank(U, n_k, names, lang, buf)
    # glm.fit's start, mu_i = (y_i + 0.5) / 2, summed within rows: w_i = 3/16 for both values of y
    # and w_i z_i = ±3/16 (log 3 + 4/3), so the first weighted least squares is the unit-level one
    w0 = 3.0 / 16.0
    wz = w0 * (np.log(3.0) + 4.0 / 3.0) * (s_k - f_k)
    w = w0 * n_k
    dev_old = _start_deviance(s_k, f_k)
    beta = np.zeros(U.shape[1])
    eta = np.zeros(len(n_k))
    mu = np.full(len(n_k), 0.5)
    converged = False
    it = 0
    for it in range(1, max_iter + 1):
        # weighted least squares on unit-norm columns (well conditioned normal equations); the
        # first step's weights are 3/16 per unit, so its cross-product is the rank check's
        xtwx = w0 * gram if it == 1 else _weighted_gram(Us, w, buf)
        gamma = np.linalg.solve(xtwx, Us.T @ wz)
        beta = gamma / scale
        eta = Us @ gamma
        mu = _sigmoid(eta)
        dev = _deviance(s_k, f_k, mu)
        if abs(dev - dev_old) / (abs(dev) + 0.1) < 1e-8:
            converged = True
            break
        dev_old = dev
        v = mu * (1 - mu)
        w = n_k * v
        wz = w * eta + (s_k - n_k * mu)
    separated = (not converged) or bool(np.any(mu < _EPS_P) or np.any(mu > 1 - _EPS_P))
    if not separated and bool(np.any(np.minimum(mu, 1 - mu) < 1e-6)):
        separated = _diverges(Us, n_k, s_k, eta, mu)
    if separated:
        raise DesignError("matching.separation", lang=lang, columns=_suspects(X, y, names, beta))
    return LogitFit(
        coef=beta,
        names=tuple(names),
        propensity=mu[inv],
        linear_predictor=eta[inv],
        iterations=it,
        deviance=_deviance(s_k, f_k, mu),
    )


def _start_deviance(s: "np.ndarray", f: "np.ndarray") -> float:
    """Deviance at glm.fit's start: a unit with y = 1 sits at 0.75, one with y = 0 at 0.25."""
    import numpy as np

    return float(2.0 * np.sum((s + f) * -np.log(0.75)))


def _diverges(Us: "np.ndarray", n_k: "np.ndarray", s_k: "np.ndarray", eta: "np.ndarray",
              mu: "np.ndarray") -> bool:
    """Whether further Newton steps keep pushing the linear predictor out (separation)."""
    import numpy as np

    start = eta.copy()
    for _ in range(8):
        w = np.maximum(n_k * mu * (1 - mu), 1e-300)
        xw = Us * w[:, None]
        try:
            step = np.linalg.solve(xw.T @ Us, Us.T @ (s_k - n_k * mu))
        except np.linalg.LinAlgError:
            return True
        eta = eta + Us @ step
        mu = _sigmoid(eta)
    return bool(np.max(np.abs(eta - start)) > 1.0)


def _suspects(X: "np.ndarray | list[np.ndarray]", y: "np.ndarray", names: list[str], beta: "np.ndarray") -> list[str]:
    """Covariates that separate the groups on their own, else those with the largest coefficients."""
    import numpy as np

    if isinstance(X, (list, tuple)):
        X = np.column_stack(X)
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
