"""The result of :func:`workbench.ladder.followup.longterm`: effects per occasion, attrition, bounds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import resolve_lang
from workbench.core.results import Estimate, Result
from workbench.ladder.followup.chart import effects_chart
from workbench.ladder.followup.text import explain_longterm, verdict

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


@dataclass(frozen=True, kw_only=True)
class LongTermResult(Result):
    """Did the effect hold? The intention-to-treat effect at each occasion, side by side.

    Attributes
    ----------
    estimate
        The effect at the latest occasion (the headline number of a long-term follow-up).
    effects
        One row per occasion: ``occasion, estimate, std_error, ci_low, ci_high, p_value, n,
        measured_treated, randomized_treated, measured_control, randomized_control`` (attrition
        per arm), ``missing, missing_difference, credible``.
    attrition
        ``occasion, arm, randomized, measured, share_measured``.
    bounds
        ``occasion, lower, upper, method`` (``lee`` or ``worst_best``), ``trimmed_share``,
        ``trimmed_arm`` — at the occasions where attrition was large (or as asked).
    per_occasion
        The ``RctResult`` of each occasion.
    """

    kind: ClassVar[str] = "longterm"
    rung: ClassVar[int] = 5
    _dict_exclude: ClassVar[tuple[str, ...]] = ("per_occasion",)

    estimate: Estimate
    occasions: tuple[str, ...]
    effects: "pd.DataFrame"
    attrition: "pd.DataFrame"
    bounds: "pd.DataFrame"
    per_occasion: tuple[Any, ...]
    treated_label: str
    control_label: str
    credible: bool
    label: str | None = None
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        return self.effects.copy()

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return effects_chart(self, resolve_lang(lang))

    def explain(self, lang: str | None = None) -> str:
        return explain_longterm(self, resolve_lang(lang))

    def held(self) -> str:
        """``"held"``, ``"faded"``, ``"unclear"`` or ``"no_effect"`` (see the text module)."""
        return verdict(self)
