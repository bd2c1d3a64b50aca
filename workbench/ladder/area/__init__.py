"""Rung 4b: areas over time — difference-in-differences, event study, synthetic control, ITS.

The front doors are :func:`did`, :func:`synthetic_control` and :func:`interrupted_time_series`
(``api.py``).
"""

from workbench.ladder.area.api import did, interrupted_time_series, synthetic_control

__all__ = ["did", "interrupted_time_series", "synthetic_control"]
