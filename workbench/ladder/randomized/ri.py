"""Randomization inference: p-values from re-running the trial's own allocation scheme.

Under the *sharp null* that the intervention changed nobody's outcome, the outcomes are fixed and
only the allocation is random. Re-drawing allocations exactly as the trial did (complete
randomization, within blocks/strata, whole clusters, or any scheme given as a function) and
recomputing the statistic gives its exact null distribution. When the number of possible
allocations is at most ``max_exact`` they are all enumerated; otherwise ``draws`` allocations are
sampled with a seeded generator.

Notes
-----
Statistic: the difference in means (block-size weighted within blocks, as
:func:`~workbench.ladder.randomized.dim.difference_in_means`), or with covariates :math:`W` the
OLS coefficient of treatment, computed for all allocations at once by Frisch–Waugh–Lovell:
:math:`\\hat\\beta(t) = t'M y / (t't - \\lVert Q't\\rVert^2)` with :math:`Q` an orthonormal basis of
:math:`[1, W]` and :math:`M = I-QQ'`.

Two-sided p-value :math:`\\Pr(|T^*| \\ge |T_{obs}|)`. Enumerated: the share of all allocations
(the observed one included). Sampled: :math:`(1 + \\#\\{|T^*_r|\\ge|T_{obs}|\\})/(1+R)`, which is a
valid p-value for any ``R``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import OptionError
from workbench.core.ties import at_least_as_extreme

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

RI_SCHEMES = ("simple", "blocks", "clusters", "blocked_clusters", "bernoulli")
_CHUNK = 2000


@dataclass(frozen=True)
class RiFit:
    """Observed statistic, p-value and the null distribution of a randomization test."""

    observed: float
    p_value: float
    n_draws: int
    exact: bool
    scheme: str
    seed: int | None
    alternative: str
    distribution: "np.ndarray"

    def to_dict(self) -> dict[str, Any]:
        return {
            "observed": self.observed, "p_value": self.p_value, "n_draws": self.n_draws,
            "exact": self.exact, "scheme": self.scheme, "seed": self.seed, "alternative": self.alternative,
        }


def _codes(values: "np.ndarray") -> tuple["np.ndarray", int]:
    import numpy as np

    _, codes = np.unique(np.asarray(values), return_inverse=True)
    return codes.ravel(), int(codes.max()) + 1


class _Scheme:
    """Allocation scheme on *units* (individuals or clusters) within groups (blocks or one group)."""

    def __init__(self, z_units: "np.ndarray", groups: "np.ndarray", unit_of_row: "np.ndarray | None") -> None:
        import numpy as np

        self.z_units = np.asarray(z_units, dtype=float)
        self.groups = groups
        self.unit_of_row = unit_of_row
        self.members = [np.flatnonzero(groups == g) for g in np.unique(groups)]
        self.treated = [int(self.z_units[m].sum()) for m in self.members]

    def count(self) -> float:
        return math.prod(math.comb(len(m), t) for m, t in zip(self.members, self.treated))

    def _rows(self, Z: "np.ndarray") -> "np.ndarray":
        return Z if self.unit_of_row is None else Z[:, self.unit_of_row]

    def enumerate(self) -> "np.ndarray":
        import numpy as np

        per_group = [list(itertools.combinations(m.tolist(), t)) for m, t in zip(self.members, self.treated)]
        combos = list(itertools.product(*per_group))
        Z = np.zeros((len(combos), len(self.z_units)))
        for r, combo in enumerate(combos):
            for chosen in combo:
                Z[r, list(chosen)] = 1.0
        return self._rows(Z)

    def sample(self, rng: "np.random.Generator", size: int) -> "np.ndarray":
        import numpy as np

        Z = np.zeros((size, len(self.z_units)))
        for m, t in zip(self.members, self.treated):
            keys = rng.random((size, len(m)))
            ranks = keys.argsort(axis=1).argsort(axis=1)
            Z[:, m] = (ranks < t).astype(float)
        return self._rows(Z)


class _Bernoulli:
    def __init__(self, n: int, p: float) -> None:
        self.n, self.p = n, p

    def count(self) -> float:
        return math.inf

    def sample(self, rng: "np.random.Generator", size: int) -> "np.ndarray":
        return (rng.random((size, self.n)) < self.p).astype(float)


class _Callable:
    def __init__(self, reassign: Callable[[Any], Any], n: int) -> None:
        self.reassign, self.n = reassign, n

    def count(self) -> float:
        return math.inf

    def sample(self, rng: "np.random.Generator", size: int) -> "np.ndarray":
        import numpy as np

        return np.vstack([np.asarray(self.reassign(rng), dtype=float).reshape(1, self.n) for _ in range(size)])


def _make_scheme(scheme: Any, z, blocks, clusters, lang):
    import numpy as np

    n = len(z)
    if callable(scheme):
        return _Callable(scheme, n), getattr(scheme, "__name__", "callable")
    if scheme not in RI_SCHEMES:
        raise OptionError("core.invalid_option", lang=lang, name="scheme", value=scheme, allowed=RI_SCHEMES)
    if scheme == "bernoulli":
        return _Bernoulli(n, float(z.mean())), scheme
    if scheme in ("blocks", "blocked_clusters") and blocks is None:
        raise OptionError("randomized.ri_needs", lang=lang, scheme=scheme, what="blocks")
    if scheme in ("clusters", "blocked_clusters") and clusters is None:
        raise OptionError("randomized.ri_needs", lang=lang, scheme=scheme, what="clusters")
    if scheme in ("simple", "blocks"):
        groups = np.zeros(n, dtype=int) if scheme == "simple" else _codes(blocks)[0]
        return _Scheme(z, groups, None), scheme
    codes, J = _codes(clusters)
    first = np.array([np.flatnonzero(codes == j)[0] for j in range(J)])
    groups = np.zeros(J, dtype=int) if scheme == "clusters" else _codes(np.asarray(blocks)[first])[0]
    return _Scheme(z[first], groups, codes), scheme


def _statistic_fn(y, blocks, covariates):
    """A function of an allocation matrix (draws x n) returning the statistic per draw."""
    import numpy as np

    y = np.asarray(y, dtype=float)
    if covariates is not None:
        W = np.column_stack([np.ones(len(y)), covariates])
        Q, _ = np.linalg.qr(W)
        y_res = y - Q @ (Q.T @ y)

        def fwl(Z):
            den = Z.sum(axis=1) - ((Z @ Q) ** 2).sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                return (Z @ y_res) / den

        return fwl
    if blocks is None:
        def dim(Z):
            n1 = Z.sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                return Z @ y / n1 - (1 - Z) @ y / (len(y) - n1)

        return dim
    members = [np.flatnonzero(np.asarray(blocks) == b) for b in dict.fromkeys(np.asarray(blocks).tolist())]

    def blocked(Z):
        out = np.zeros(Z.shape[0])
        for m in members:
            Zb, yb = Z[:, m], y[m]
            n1 = Zb.sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                out += len(m) / len(y) * (Zb @ yb / n1 - (1 - Zb) @ yb / (len(m) - n1))
        return out

    return blocked


def randomization_test(
    y: "np.ndarray",
    z: "np.ndarray",
    *,
    scheme: str | Callable[[Any], Any] = "simple",
    blocks: "np.ndarray | None" = None,
    clusters: "np.ndarray | None" = None,
    covariates: "np.ndarray | None" = None,
    draws: int = 10_000,
    max_exact: int = 20_000,
    seed: int | None = None,
    alternative: str = "two-sided",
    lang: str | None = None,
) -> RiFit:
    """Randomization p-value of the treatment statistic under the sharp null of no effect.

    Parameters
    ----------
    scheme
        ``"simple"`` (complete randomization, fixed number treated), ``"blocks"`` (complete within
        each block/stratum), ``"clusters"`` (whole clusters), ``"blocked_clusters"`` (clusters
        within blocks), ``"bernoulli"`` (independent draws with the observed share), or a callable
        ``reassign(rng) -> 0/1 vector`` that re-runs any scheme (e.g. the registry's own).
    blocks, clusters
        Per-row labels used by the scheme; ``blocks`` also selects the block-weighted statistic.
    covariates
        Numeric matrix; when given the statistic is the covariate-adjusted OLS coefficient.
    draws, max_exact, seed
        Monte Carlo draws, the largest number of allocations enumerated exactly, and the seed.
    """
    import numpy as np

    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=float)
    stat = _statistic_fn(y, blocks if covariates is None else None, covariates)
    sampler, name = _make_scheme(scheme, z, blocks, clusters, lang)
    observed = float(stat(z[None, :])[0])
    exact = sampler.count() <= max_exact
    if exact:
        dist = stat(sampler.enumerate())
    else:
        rng = np.random.default_rng(seed)
        parts = []
        for start in range(0, draws, _CHUNK):
            parts.append(stat(sampler.sample(rng, min(_CHUNK, draws - start))))
        dist = np.concatenate(parts)
    dist = dist[np.isfinite(dist)]
    hits = at_least_as_extreme(dist, observed, alternative)
    p = float(hits.mean()) if exact else float((1 + hits.sum()) / (1 + len(dist)))
    return RiFit(observed, p, int(len(dist)), bool(exact), name, seed, alternative, dist)
