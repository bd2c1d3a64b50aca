"""Distinct rows of a numeric matrix, in an order fixed by the rows' values alone.

The propensity model is fitted on the distinct covariate rows (with their counts) so that units
with identical covariates get bit-identical scores and the row order of the caller's frame cannot
change a single bit of the fit. Finding the distinct rows of a million-row matrix by sorting it
lexicographically takes seconds, so the rows are hashed to 64 bits, grouped by the hash, and the
grouping is then *verified* exactly; only if two different rows share a hash (which a test forces)
does the slower lexicographic sort decide.

Notes
-----
Each value is read as its IEEE-754 bit pattern after adding ``0.0`` (so ``-0.0`` and ``0.0``,
which compare equal, hash alike), combined column by column (xor, multiply, shift) and finished with SplitMix64's finaliser.
The groups are numbered in the order of their hash values, which depends only on the values in the
rows, never on where a row stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

_GOLDEN = 0x9E3779B97F4A7C15
_M1 = 0xBF58476D1CE4E5B9
_M2 = 0x94D049BB133111EB


@dataclass(frozen=True)
class DistinctRows:
    """``rows[inverse]`` rebuilds the matrix; ``counts[k]`` units share distinct row ``k``."""

    rows: "np.ndarray"
    inverse: "np.ndarray"
    counts: "np.ndarray"


def _mix(z: "np.ndarray") -> "np.ndarray":
    import numpy as np

    z = z ^ (z >> np.uint64(30))
    z = z * np.uint64(_M1)
    z = z ^ (z >> np.uint64(27))
    z = z * np.uint64(_M2)
    return z ^ (z >> np.uint64(31))


def _columns(X: "np.ndarray | list[np.ndarray]") -> "list[np.ndarray]":
    import numpy as np

    if isinstance(X, (list, tuple)):
        return [np.asarray(c, dtype=np.float64) for c in X]
    X = np.asarray(X, dtype=np.float64)
    return [X[:, j] for j in range(X.shape[1])]


def row_hash(X: "np.ndarray | list[np.ndarray]") -> "np.ndarray":
    """A 64-bit hash of every row of a 2-D float matrix or list of columns (equal rows, equal hashes)."""
    import numpy as np

    cols = _columns(X)
    h = np.full(len(cols[0]), np.uint64(_GOLDEN), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for col in cols:
            bits = np.ascontiguousarray(col + 0.0, dtype=np.float64).view(np.uint64)
            h ^= bits
            h *= np.uint64(_M1)
            h ^= h >> np.uint64(29)
        return _mix(h)


def _lexicographic(X: "np.ndarray") -> DistinctRows:
    import numpy as np

    rows, inverse, counts = np.unique(X + 0.0, axis=0, return_inverse=True, return_counts=True)
    return DistinctRows(rows, inverse.ravel().astype(np.int64), counts.astype(np.int64))


def distinct_rows(X: "np.ndarray | list[np.ndarray]") -> DistinctRows:
    """The distinct rows of ``X`` (2-D float, or its columns), numbered in an order that ignores
    row positions. Given columns, no n × p matrix of all rows is ever built."""
    import numpy as np

    cols = _columns(X)
    n, p = len(cols[0]), len(cols)
    if n == 0:
        return DistinctRows(np.zeros((0, p)), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    hashes, inverse = np.unique(row_hash(X if not isinstance(X, (list, tuple)) else cols), return_inverse=True)
    inverse = inverse.ravel().astype(np.int64)
    first = np.empty(len(hashes), dtype=np.int64)
    first[inverse[::-1]] = np.arange(n - 1, -1, -1, dtype=np.int64)
    rows = np.empty((len(first), p))
    for j, col in enumerate(cols):
        rows[:, j] = col[first] + 0.0  # -0.0 becomes 0.0
    counts = np.bincount(inverse, minlength=len(hashes)).astype(np.int64)
    shared = np.flatnonzero(counts[inverse] > 1)  # a row alone in its group is trivially right
    group = inverse[shared]
    for j, col in enumerate(cols):  # column by column: no n × p temporaries
        if not np.array_equal(rows[group, j], col[shared] + 0.0):
            return _lexicographic(np.column_stack(cols))  # two different rows share a hash
    return DistinctRows(rows, inverse, counts)
