"""Rung 4a: a matched comparison group (propensity scores, matching, balance, effect on the matched).

The front door is :func:`match` (``api.py``); the method registry is ``methods.py``, the engines
``score.py``, ``rows.py``, ``nearest.py``, ``balance.py`` and ``effect_engine.py``.
"""

from workbench.ladder.matching.api import match

__all__ = ["match"]
