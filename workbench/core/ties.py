"""Comparisons of computed statistics in which last-bit noise counts as a tie.

A permutation, placebo or bootstrap p-value counts the draws "at least as extreme" as the observed
statistic. The draw that reproduces the observed assignment, and draws that are its mirror image,
equal the observed value in exact arithmetic but may differ from it in the last bits, depending on
summation order and the BLAS kernel. Counting them by exact comparison would make a p-value depend
on the machine, so every such count in the package goes through :func:`at_least_as_extreme`.

Notes
-----
The tolerance is relative to the observed value's size: :math:`\\tau = 10^{-9}\\max(1, |s_{obs}|)`;
a draw :math:`s` counts when :math:`|s| \\ge |s_{obs}| - \\tau` (two-sided),
:math:`s \\ge s_{obs} - \\tau` (greater) or :math:`s \\le s_{obs} + \\tau` (less).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

Alternative = Literal["two-sided", "greater", "less"]
RELATIVE_TOLERANCE = 1e-9


def tie_tolerance(observed: float) -> float:
    """The absolute tolerance used for a statistic of this size."""
    return RELATIVE_TOLERANCE * max(1.0, abs(float(observed)))


def at_least_as_extreme(draws: "np.ndarray", observed: float, alternative: Alternative = "two-sided") -> "np.ndarray":
    """Boolean array: which draws are at least as extreme as ``observed`` (see module Notes)."""
    import numpy as np

    d = np.asarray(draws, dtype=float)
    tol = tie_tolerance(observed)
    if alternative == "two-sided":
        return np.abs(d) >= abs(observed) - tol
    if alternative == "greater":
        return d >= observed - tol
    return d <= observed + tol
