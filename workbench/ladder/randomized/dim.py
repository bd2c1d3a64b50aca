"""Difference in means for randomized trials, as R's ``estimatr::difference_in_means``.

The design picks the variance estimator (estimatr's ``R/estimatr_difference_in_means.R``):

* plain: Neyman's conservative variance with Welch–Satterthwaite degrees of freedom;
* blocked: block estimates weighted by block size, variance :math:`\\sum_b w_b^2 V_b`,
  df :math:`N - 2B` (:math:`J - 2B` when clustered as well);
* matched pairs (every block has two units or clusters): variance from the spread of pair
  differences, df :math:`B-1` (also used, with a warning, when only some blocks are pairs);
* clustered: the regression of the outcome on treatment with CR2 standard errors and
  Bell–McCaffrey degrees of freedom.

Notes
-----
Plain design, arms 1 (treated) and 0:
:math:`\\hat\\tau = \\bar y_1 - \\bar y_0`, :math:`\\widehat{V} = s_1^2/n_1 + s_0^2/n_0`,
:math:`\\nu = \\widehat V^2 / \\big[(s_1^2/n_1)^2/(n_1-1) + (s_0^2/n_0)^2/(n_0-1)\\big]`.

Blocked: :math:`\\hat\\tau = \\sum_b (N_b/N)\\hat\\tau_b`. Matched pairs:
:math:`\\widehat V = \\frac{1}{B(B-1)}\\sum_b(\\hat\\tau_b-\\hat\\tau)^2` and, with clusters,
:math:`\\widehat V = \\frac{B}{(B-1)N^2}\\sum_b (N_b\\hat\\tau_b - N\\hat\\tau/B)^2`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.errors import DesignError

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


@dataclass(frozen=True)
class DimFit:
    """Point estimate, standard error and df of one difference in means."""

    estimate: float
    std_error: float
    df: float | None
    n: int
    design: str
    se_type: str
    n_blocks: int | None = None
    n_clusters: int | None = None
    pair_warning: bool = False


def _plain(y: "np.ndarray", z: "np.ndarray") -> tuple[float, float, float]:
    import numpy as np

    y1, y0 = y[z == 1], y[z == 0]
    n1, n0 = len(y1), len(y0)
    v1, v0 = np.var(y1, ddof=1) / n1, np.var(y0, ddof=1) / n0
    se = math.sqrt(v1 + v0)
    df = se**4 / (v1**2 / (n1 - 1) + v0**2 / (n0 - 1)) if se > 0 else math.nan
    return float(y1.mean() - y0.mean()), se, float(df)


def _clustered(y: "np.ndarray", z: "np.ndarray", clusters: "np.ndarray") -> tuple[float, float, float, int]:
    import numpy as np

    from workbench.ladder.randomized.ols import ols

    fit = ols(y, np.column_stack([np.ones_like(y), z]), ("(Intercept)", "t"), se_type="CR2", clusters=clusters)
    return float(fit.coef[1]), fit.std_error("t"), float(fit.df[1]), int(fit.n_clusters or 0)


def _units_per_arm(z: "np.ndarray", clusters: "np.ndarray | None") -> tuple[int, int]:
    import numpy as np

    if clusters is None:
        return int((z == 1).sum()), int((z == 0).sum())
    return len(np.unique(clusters[z == 1])), len(np.unique(clusters[z == 0]))


def difference_in_means(
    y: "np.ndarray",
    z: "np.ndarray",
    *,
    blocks: "np.ndarray | None" = None,
    clusters: "np.ndarray | None" = None,
    lang: str | None = None,
) -> DimFit:
    """Difference in means of ``y`` between ``z == 1`` and ``z == 0`` for the given design.

    Raises :class:`DesignError` when an arm (or an arm within a block) is empty, or when a
    non-paired block has fewer than two units in an arm.
    """
    import numpy as np

    y = np.asarray(y, dtype=float)
    z = np.asarray(z, dtype=float)
    n = len(y)
    if clusters is not None:
        clusters = np.asarray(clusters)
    if blocks is None:
        n1, n0 = _units_per_arm(z, clusters)
        if n1 == 0 or n0 == 0:
            raise DesignError("randomized.arm_empty", lang=lang)
        if clusters is None:
            if n1 < 2 or n0 < 2:
                raise DesignError("randomized.arm_too_small", lang=lang, block="–")
            est, se, df = _plain(y, z)
            return DimFit(est, se, df, n, "standard", "Neyman")
        est, se, df, J = _clustered(y, z, clusters)
        return DimFit(est, se, df, n, "clustered", "CR2", n_clusters=J)

    blocks = np.asarray(blocks)
    labels = list(dict.fromkeys(blocks.tolist()))
    per_block_units = []
    for b in labels:
        m = blocks == b
        per_block_units.append(sum(_units_per_arm(z[m], None if clusters is None else clusters[m])))
    if any(u == 1 for u in per_block_units):
        raise DesignError("randomized.block_single_unit", lang=lang)
    pair_matched = any(u == 2 for u in per_block_units)
    mixed = pair_matched and any(u > 2 for u in per_block_units)
    ests, ses, sizes, n_cl = [], [], [], 0
    for b in labels:
        m = blocks == b
        yb, zb = y[m], z[m]
        cb = None if clusters is None else clusters[m]
        n1, n0 = _units_per_arm(zb, cb)
        if n1 == 0 or n0 == 0:
            raise DesignError("randomized.block_one_arm", lang=lang, block=b)
        if not pair_matched and (n1 < 2 or n0 < 2):
            raise DesignError("randomized.arm_too_small", lang=lang, block=b)
        if pair_matched or cb is None:
            est = float(yb[zb == 1].mean() - yb[zb == 0].mean())
            se = math.nan if pair_matched else _plain(yb, zb)[1]
            n_cl += 0 if cb is None else (2 if pair_matched else 0)
        else:
            est, se, _, Jb = _clustered(yb, zb, cb)
            n_cl += Jb
        ests.append(est)
        ses.append(se)
        sizes.append(int(m.sum()))
    ests_a, ses_a, sizes_a = np.array(ests), np.array(ses), np.array(sizes, dtype=float)
    B = len(labels)
    estimate = float(np.sum(ests_a * sizes_a / n))
    if pair_matched:
        if clusters is None:
            se = math.sqrt(np.sum((ests_a - estimate) ** 2) / (B * (B - 1)))
            design = "matched_pairs"
        else:
            se = math.sqrt(B / ((B - 1) * n**2) * np.sum((sizes_a * ests_a - n * estimate / B) ** 2))
            design = "matched_pairs_clustered"
        return DimFit(estimate, float(se), float(B - 1), n, design, "matched_pairs", n_blocks=B,
                      n_clusters=None if clusters is None else len(np.unique(clusters)), pair_warning=mixed)
    se = math.sqrt(float(np.sum(ses_a**2 * (sizes_a / n) ** 2)))
    if clusters is None:
        return DimFit(estimate, se, float(n - 2 * B), n, "blocked", "Neyman", n_blocks=B)
    return DimFit(estimate, se, float(n_cl - 2 * B), n, "block_clustered", "CR2", n_blocks=B, n_clusters=n_cl)


def arm_mean_variance(
    y: "np.ndarray",
    *,
    blocks: "np.ndarray | None" = None,
    clusters: "np.ndarray | None" = None,
    weights: "np.ndarray | None" = None,
) -> tuple[float, float]:
    """Mean of one arm and its design-based variance, used for the risk ratio.

    Plain: :math:`\\hat p(1-\\hat p)/n` (the Katz log-method variance). Clustered: the CR2
    variance of an intercept-only regression, :math:`\\sum_j (\\sum_{i\\in j} e_i)^2 /
    (n^2 (1 - n_j/n))`. Blocked: block means weighted by ``weights`` (block shares of the whole
    trial), variances :math:`\\sum_b w_b^2 s_b^2 / n_b`.
    """
    import numpy as np

    y = np.asarray(y, dtype=float)
    if blocks is not None:
        labels = list(dict.fromkeys(np.asarray(blocks).tolist()))
        w = np.asarray(weights, dtype=float)
        mean = var = 0.0
        for b, wb in zip(labels, w):
            yb = y[np.asarray(blocks) == b]
            mean += wb * yb.mean()
            var += wb**2 * (np.var(yb, ddof=1) / len(yb) if len(yb) > 1 else 0.0)
        return float(mean), float(var)
    n = len(y)
    p = float(y.mean())
    if clusters is None:
        return p, p * (1 - p) / n
    e = y - p
    _, codes = np.unique(np.asarray(clusters), return_inverse=True)
    sums = np.bincount(codes, weights=e)
    sizes = np.bincount(codes).astype(float)
    adj = np.where(sizes < n, 1.0 / np.maximum(1.0 - sizes / n, 1e-12), 0.0)
    return p, float(np.sum(sums**2 * adj) / n**2)
