"""Rung 5: design-based analysis of randomized comparisons (estimatr's numbers).

The front doors are :func:`rct`, :func:`cace` and :func:`meta_analysis` (``api.py``).
"""

from workbench.ladder.randomized.api import cace, meta_analysis, rct

__all__ = ["cace", "meta_analysis", "rct"]
