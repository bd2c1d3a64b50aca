"""Result objects of the power front doors: one for two-group tests, one for cluster designs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Result, format_number
from workbench.core.text import Msg, Num

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def pct(x: float | None, lang: str) -> str:
    """A proportion as a percentage, ``'3,5 %'`` in Swedish, ``'3.5%'`` in English."""
    if x is None:
        return "–"
    digits = 1 if abs(x * 100 - round(x * 100)) > 1e-9 else 0
    return format_number(100 * x, digits, lang) + (" %" if lang == "sv" else "%")


def num(x: float | None, digits: int, lang: str) -> str:
    return format_number(x, digits, lang)


def pct_msg(x: float | None) -> Num:
    """:func:`pct` kept as data: ``'3,5 %'`` when read in Swedish, ``'3.5%'`` in English."""
    digits = 1 if x is not None and abs(x * 100 - round(x * 100)) > 1e-9 else 0
    return Num(x, digits, percent=True)


@dataclass(frozen=True, kw_only=True)
class PowerResult(Result):
    """Power, required size or detectable effect of a two-group (or paired) comparison.

    Exactly one of size, power and effect was solved (``solved_for``); the others were given.
    ``n_per_group`` is the first group's size (pairs when paired); the second group is
    ``n2 = n_ratio * n_per_group``.
    """

    kind: ClassVar[str] = "power"
    rung: ClassVar[int | None] = None

    test: str
    solved_for: str
    effect_name: str
    mdes: float
    n_per_group: float
    n_per_group_ceiling: int
    n2: float | None
    n2_ceiling: int | None
    n_total_ceiling: int
    power: float
    alpha: float
    alternative: str
    n_ratio: float = 1.0
    p1: float | None = None
    p2: float | None = None
    p2_lower: float | None = None
    p2_upper: float | None = None

    def power_at(self, n: float) -> float:
        """Power of this design with ``n`` in the first group (effect and ratio as here)."""
        from workbench.design.power import engine as e

        if self.test == "two_proportions":
            return e.power_two_proportions(self.mdes, n, n * self.n_ratio, self.alpha, self.alternative)
        if self.test == "one_proportion":
            return e.power_one_proportion(self.mdes, n, self.alpha, self.alternative)
        if self.test == "paired_means":
            return e.power_paired(self.mdes, n, self.alpha, self.alternative)
        return e.power_two_means(self.mdes, n, n * self.n_ratio, self.alpha, self.alternative)

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([{
            "test": self.test, "solved_for": self.solved_for, "effect_name": self.effect_name,
            "effect": self.mdes, "p1": self.p1, "p2": self.p2, "n_per_group": self.n_per_group,
            "n_per_group_ceiling": self.n_per_group_ceiling, "n2": self.n2,
            "n_total_ceiling": self.n_total_ceiling, "power": self.power, "alpha": self.alpha,
            "alternative": self.alternative,
        }])

    def curve(self, points: int = 60) -> "pd.DataFrame":
        """Power against the first group's size, from 2 to about 2.5 times this design's size."""
        import numpy as np
        import pandas as pd

        top = max(10.0, 2.5 * self.n_per_group)
        ns = np.unique(np.round(np.linspace(max(2.5, top / points), top, points), 1))
        return pd.DataFrame({"n_per_group": ns, "power": [self.power_at(float(n)) for n in ns]})

    def chart(self, lang: str | None = None) -> "alt.Chart":
        import altair as alt

        lang = resolve_lang(lang)
        data = self.curve()
        line = alt.Chart(data).mark_line().encode(
            x=alt.X("n_per_group:Q", title=msg("design.power.chart.x", lang)),
            y=alt.Y("power:Q", title=msg("design.chart.power", lang), scale=alt.Scale(domain=[0, 1])),
            tooltip=["n_per_group:Q", alt.Tooltip("power:Q", format=".3f")],
        )
        marks = alt.Chart(alt.Data(values=[{"n": self.n_per_group, "p": self.power}])).mark_point(
            size=80, filled=True, color="firebrick").encode(x="n:Q", y="p:Q")
        return (line + marks).properties(title=msg("design.power.chart.title", lang), width=420, height=260)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)
        test = msg(f"design.power.test.{self.test}", lang)
        if self.p1 is not None and self.p2 is not None:
            what = msg("design.power.what.change", lang, p1=pct(self.p1, lang), p2=pct(self.p2, lang),
                       h=num(self.mdes, 3, lang))
        else:
            what = msg("design.power.what.effect", lang, name=self.effect_name, value=num(self.mdes, 3, lang))
        n1 = num(self.n_per_group_ceiling, 0, lang)
        if self.n2 is not None and self.n_ratio != 1.0:
            size = msg("design.power.size.two_groups", lang, n1=n1, n2=num(self.n2_ceiling, 0, lang))
        else:
            unit = {"paired_means": "pairs", "one_proportion": "people"}.get(self.test, "per_group")
            size = msg(f"design.power.size.{unit}", lang, n=n1)
        sided = "two_sided" if self.alternative == "two-sided" else "one_sided"
        level = msg(f"design.power.level.{sided}", lang, alpha=pct(self.alpha, lang))
        key = {"n": "n", "power": "power"}.get(self.solved_for, "effect")
        parts = [msg(f"design.power.explain.{key}", lang, test=test, what=what, power=pct(self.power, lang),
                     level=level, size=size)]
        if key == "effect" and self.p1 is not None and (self.p2_lower is not None or self.p2_upper is not None):
            parts.append(msg("design.power.explain.levels", lang, p1=pct(self.p1, lang),
                             lower=pct(self.p2_lower, lang), upper=pct(self.p2_upper, lang)))
        parts.append(msg("design.power.planning_note", lang))
        return " ".join(parts)


@dataclass(frozen=True, kw_only=True)
class ClusterPowerResult(Result):
    """MDES, power or required size of a two-level cluster randomized trial (PowerUp! CRA2)."""

    kind: ClassVar[str] = "cluster_power"
    rung: ClassVar[int | None] = None

    solved_for: str
    clusters: float
    clusters_ceiling: int
    cluster_size: float
    cluster_size_ceiling: int
    icc: float
    mdes: float
    power: float
    alpha: float
    two_tailed: bool
    share_treated: float
    r2_level1: float
    r2_level2: float
    n_covariates_level2: int
    df: float
    multiplier: float
    design_effect: float
    n_per_group: float
    n_per_group_ceiling: int

    def _kw(self) -> dict:
        return dict(share=self.share_treated, r2_1=self.r2_level1, r2_2=self.r2_level2,
                    g=self.n_covariates_level2, alpha=self.alpha, two_tailed=self.two_tailed)

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([{
            "solved_for": self.solved_for, "clusters": self.clusters, "clusters_ceiling": self.clusters_ceiling,
            "cluster_size": self.cluster_size, "icc": self.icc, "design_effect": self.design_effect,
            "df": self.df, "multiplier": self.multiplier, "mdes": self.mdes, "power": self.power,
            "alpha": self.alpha, "n_per_group": self.n_per_group,
            "n_per_group_ceiling": self.n_per_group_ceiling,
        }])

    def curve(self) -> "pd.DataFrame":
        """MDES and power against the number of clusters (cluster size as here)."""
        import pandas as pd

        from workbench.design.power.cluster import cra2_mdes, cra2_power

        low = self.n_covariates_level2 + 3
        top = max(low + 10, int(math.ceil(2.5 * self.clusters)))
        rows = []
        kw = self._kw()
        for j in range(low, top + 1):
            rows.append({"clusters": j, "mdes": cra2_mdes(j, self.cluster_size, self.icc, power=self.power_target(), **kw),
                         "power": cra2_power(j, self.cluster_size, self.icc, self.mdes, **kw)})
        return pd.DataFrame(rows)

    def power_target(self) -> float:
        return min(max(self.power, 0.01), 0.99)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        import altair as alt

        lang = resolve_lang(lang)
        line = alt.Chart(self.curve()).mark_line(point=True).encode(
            x=alt.X("clusters:Q", title=msg("design.cluster.chart.x", lang)),
            y=alt.Y("power:Q", title=msg("design.chart.power", lang), scale=alt.Scale(domain=[0, 1])),
            tooltip=["clusters:Q", alt.Tooltip("power:Q", format=".3f"), alt.Tooltip("mdes:Q", format=".3f")],
        )
        return line.properties(title=msg("design.cluster.chart.title", lang), width=420, height=260)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)
        size = self.cluster_size_ceiling if self.solved_for == "cluster_size" else self.cluster_size
        key = self.solved_for if self.solved_for in ("clusters", "cluster_size", "power") else "mdes"
        head = msg(f"design.cluster.explain.{key}", lang, clusters=num(self.clusters_ceiling, 0, lang),
                   size=num(size, 0, lang), es=num(self.mdes, 3, lang), icc=num(self.icc, 3, lang),
                   power=pct(self.power, lang))
        tail = msg("design.cluster.explain.design_effect", lang, de=num(self.design_effect, 2, lang))
        return f"{head} {tail} {msg('design.power.planning_note', lang)}"
