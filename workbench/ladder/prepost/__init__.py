"""Rung 3: before/after measurement of the same indicators on the same participants.

The front door is :func:`prepost` (``api.py``); the paired tests are in ``paired_tests.py`` (numbers
in, numbers out), one indicator's change in ``indicator.py``, the frozen result in ``result.py``.
"""

from workbench.ladder.prepost.api import prepost

__all__ = ["prepost"]
