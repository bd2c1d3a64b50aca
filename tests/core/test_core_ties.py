"""Last-bit noise in a computed statistic counts as a tie in p-value counts (workbench.core.ties)."""

from __future__ import annotations

import numpy as np

from workbench.core.ties import at_least_as_extreme


def test_a_mirror_draw_that_differs_in_the_last_bit_counts():
    observed = 0.1 + 0.2  # 0.30000000000000004
    mirror = -(0.3)       # the same value in exact arithmetic
    assert at_least_as_extreme(np.array([mirror]), observed).tolist() == [True]


def test_the_tolerance_scales_with_the_statistic():
    observed = 123456.789 * 3
    noisy = np.nextafter(np.nextafter(observed, 0), 0) - 1e-10  # a few ulps below, in kronor
    assert at_least_as_extreme(np.array([noisy, observed * 0.999]), observed, "greater").tolist() == [True, False]


def test_one_sided_directions():
    d = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    assert at_least_as_extreme(d, 1.0, "greater").tolist() == [False, False, False, True, True]
    assert at_least_as_extreme(d, -1.0, "less").tolist() == [True, True, False, False, False]
    assert at_least_as_extreme(d, 1.0).tolist() == [True, True, False, True, True]
