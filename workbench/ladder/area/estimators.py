"""The registry of area estimators behind ``wb.did(method=...)`` and ``DidResult.event_study()``.

Each estimator is one small module with one class that has the interface of
:class:`~workbench.ladder.area.estimator_base.AreaEstimator`: ``fit`` (the headline estimate, its aggregation table and the pre-trend
check), ``placebo`` (the estimator re-run on a placebo panel, for permutation inference) and
``event_study`` (leads and lags by the same method). The result remembers which estimator made it,
so its event study and its chart are that estimator's.

Adding an estimator touches exactly two places: **one new module** (a class with the interface
below) **and one line** in :data:`ESTIMATORS`; the ``AreaMethod`` ``Literal`` in
``workbench/core/options.py`` lists the same keys (a test checks that they agree).
"""

from __future__ import annotations

from typing import Any

from workbench.ladder.area.est_cs import CallawaySantAnna
from workbench.ladder.area.est_twfe import TwoWayFixedEffects
from workbench.ladder.area.estimator_base import AreaEstimator, AreaFit, DidOptions

__all__ = ["ESTIMATORS", "AreaEstimator", "AreaFit", "DidOptions", "get_estimator"]


ESTIMATORS: dict[str, Any] = {
    "twfe": TwoWayFixedEffects(),
    "callaway_santanna": CallawaySantAnna(),
}


def get_estimator(method: str) -> AreaEstimator:
    """The registered estimator for ``method`` (checked against ``AreaMethod`` at the front door)."""
    return ESTIMATORS[method]
