"""What every area estimator shares: the validated options, what a fit hands back, the interface.

Kept apart from the registry (:mod:`workbench.ladder.area.estimators`) so the estimator modules
import it without importing the registry that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

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
