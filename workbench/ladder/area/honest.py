"""Sensitivity to parallel-trends violations: the relative-magnitude breakdown value M̄.

The idea of Rambachan & Roth (2023, "A more credible approach to parallel trends") and R's
``HonestDiD`` with ``Delta^RM(M̄)``: after the start, the violation of parallel trends may change
from one period to the next by at most M̄ times the largest such change seen before the start.
The breakdown value is the largest M̄ for which the effect in the first period after the start is
still different from zero.

Notes
-----
**Simplification (not the full HonestDiD).** Write :math:`\\beta_e` for the event-study
coefficients (reference period e = −1, :math:`\\beta_{-1} = 0`) and :math:`\\delta_e` for the
violation of parallel trends, so :math:`\\beta_0 = \\tau_0 + \\delta_0`. The largest pre-period
violation is taken at its **point estimate**

.. math:: \\bar\\Delta = \\max_{s < -1} |\\hat\\beta_{s+1} - \\hat\\beta_s|
          \\quad(\\text{the consecutive changes of the pre-path, ending at } \\beta_{-1} = 0),

and :math:`\\Delta^{RM}(\\bar M)` bounds :math:`|\\delta_0 - \\delta_{-1}| = |\\delta_0| \\le \\bar M\\bar\\Delta`.
The robust interval for :math:`\\tau_0` is the event study's interval widened by that bound,

.. math:: \\hat\\beta_0 \\pm (\\bar M\\bar\\Delta + c\\,\\widehat{se}_0),

with c the event study's own critical value (t(G−1) for TWFE, normal for Callaway–Sant'Anna), so

.. math:: \\bar M^{*} = \\max\\big(0,\\ |\\hat\\beta_0| - c\\,\\widehat{se}_0\\big) / \\bar\\Delta.

HonestDiD instead inverts the conditional/hybrid tests of Andrews, Roth & Pakes, which also
account for the sampling uncertainty of the pre-period coefficients (its M̄* is then usually
smaller); this plug-in treats :math:`\\bar\\Delta` as known. When the event study has no reference
row (Callaway–Sant'Anna with ``base_period="varying"``), each pre-period coefficient already is a
one-period change, so :math:`\\bar\\Delta = \\max_{e<0} |\\hat\\beta_e|`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.core.text import Msg


@dataclass(frozen=True)
class RelativeMagnitudeBreakdown:
    """The breakdown value M̄* and what it is computed from (see module Notes)."""

    m_bar: float  #: M̄*: 0 when the first post-period interval already includes 0; inf if Δ̄ = 0
    max_pre_violation: float  #: Δ̄, the largest pre-period change of the violation
    first_post_estimate: float  #: β̂₀
    first_post_se: float
    crit: float  #: the event study's critical value for its confidence level

    def identified_interval(self, m: float) -> tuple[float, float]:
        """The robust interval for the first post-period effect under ``Δ^RM(m)``."""
        half = m * self.max_pre_violation + self.crit * self.first_post_se
        return self.first_post_estimate - half, self.first_post_estimate + half

    @property
    def message(self) -> "Msg":
        """The plain-language sentence (render with ``.render(lang)``)."""
        import math

        from workbench.core.text import Msg, Num

        if self.m_bar <= 0:
            return Msg("area.breakdown_none")
        if math.isinf(self.m_bar):
            return Msg("area.breakdown_flat_pre")
        return Msg("area.breakdown_m", m=Num(self.m_bar, 2), max_pre=Num(self.max_pre_violation, 3))

    def text(self, lang: str | None = None) -> str:
        from workbench.core.messages import resolve_lang

        return self.message.render(resolve_lang(lang))


def relative_magnitude_breakdown(coefficients: "pd.DataFrame", *, lang: str = "sv") -> RelativeMagnitudeBreakdown:
    """The relative-magnitude breakdown value from an event study's coefficient table.

    Parameters
    ----------
    coefficients : pandas.DataFrame
        ``EventStudyResult.coefficients``: ``rel_time``, ``estimate``, ``std_error``, ``ci_high``,
        ``reference``.
    lang : str
        Language of the error raised when the table lacks pre-periods or the first post-period.

    Returns
    -------
    RelativeMagnitudeBreakdown

    Raises
    ------
    DesignError
        No coefficient at relative time 0 or none before the start.
    """
    import math

    import numpy as np

    from workbench.core.errors import DesignError

    c = coefficients.sort_values("rel_time")
    post = c[(c["rel_time"] == 0) & ~c["reference"].astype(bool)]
    pre = c[c["rel_time"] < 0]
    has_ref = bool(c["reference"].astype(bool).any())
    n_pre = len(pre[~pre["reference"].astype(bool)])
    if post.empty or n_pre == 0:
        raise DesignError("area.breakdown_no_pre", lang=lang)
    b0, se0 = float(post["estimate"].iloc[0]), float(post["std_error"].iloc[0])
    crit = (float(post["ci_high"].iloc[0]) - b0) / se0 if se0 > 0 else 0.0
    if has_ref:
        path = pre["estimate"].to_numpy(dtype=float)  # ends at the reference row (0)
        delta = float(np.max(np.abs(np.diff(path)))) if len(path) > 1 else 0.0
    else:
        delta = float(np.max(np.abs(pre["estimate"].to_numpy(dtype=float))))
    margin = max(0.0, abs(b0) - crit * se0)
    if margin == 0.0:
        m = 0.0
    else:
        m = math.inf if delta == 0.0 else margin / delta
    return RelativeMagnitudeBreakdown(m, delta, b0, se0, crit)
