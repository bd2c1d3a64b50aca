"""The registry of area estimators behind ``wb.did(method=...)`` and ``DidResult.event_study()``.

Each estimator is one small module with one class that has the interface of
:class:`AreaEstimator`: ``fit`` (the headline estimate, its aggregation table and the pre-trend
check), ``placebo`` (the estimator re-run on a placebo panel, for permutation inference) and
``event_study`` (leads and lags by the same method). The result remembers which estimator made it,
so its event study and its chart are that estimator's.

Adding an estimator touches exactly two places: **one new module** (a class with the interface
below) **and one line** in :data:`ESTIMATORS`; the ``AreaMethod`` ``Literal`` in
``workbench/core/options.py`` lists the same keys (a test checks that they agree).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from workbench.ladder.area.est_cs import CallawaySantAnna
from workbench.ladder.area.est_twfe import TwoWayFixedEffects

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    import pandas as pd

    from workbench.core.results import Estimate, Provenance
    from workbench.core.text import Msg
    from workbench.ladder.area.panel import Panel
    from workbench.ladder.area.result import EventStudyResult


@dataclass(frozen=True)
class DidOptions:
    """The validated options of one ``wb.did`` call, as every estimator receives them."""

    method: str = "twfe"
    se_type: str = "fixest"
    control: str = "never"
    aggregation: str = "simple"
    base_period: str = "varying"
    anticipation: int = 0
    inference: str = "auto"
    bootstrap_reps: int = 999
    permutations: int = 999
    seed: int = 12345
    min_pre_periods: int = 4
    conf_level: float = 0.95


@dataclass(frozen=True)
class AreaFit:
    """What an estimator's ``fit`` hands back to the builder."""

    estimate: "Estimate"
    pretrend_p: float | None
    pretrend_test: str | None
    aggregation: "pd.DataFrame | None" = None
    p_wild_bootstrap: float | None = None
    bootstrap_reps: int | None = None
    notes: tuple["Msg", ...] = field(default_factory=tuple)  # statements about how it was estimated


class AreaEstimator(Protocol):
    """The interface of an area estimator (see the module docstring)."""

    name: str

    def fit(self, panel: "Panel", o: DidOptions, *, few: bool, extra: bool, lang: str) -> AreaFit: ...

    def placebo(self, o: DidOptions) -> "Callable[[Panel], float] | None": ...

    def event_study(self, panel: "Panel", o: DidOptions, *, leads: int | None = None,
                    lags: int | None = None, lang: str | None = None,
                    provenance: "Provenance | None" = None) -> "EventStudyResult": ...


ESTIMATORS: dict[str, Any] = {
    "twfe": TwoWayFixedEffects(),
    "callaway_santanna": CallawaySantAnna(),
}


def get_estimator(method: str) -> AreaEstimator:
    """The registered estimator for ``method`` (checked against ``AreaMethod`` at the front door)."""
    return ESTIMATORS[method]
