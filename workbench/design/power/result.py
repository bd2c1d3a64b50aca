"""Result objects of the power front doors: one for two-group tests, one for cluster designs."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from workbench.core.results import Result, format_number

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

TEST_NAMES = {
    "two_proportions": ("två andelar (Cohens h)", "two proportions (Cohen's h)"),
    "one_proportion": ("en andel mot en känd nivå (Cohens h)", "one proportion against a known rate (Cohen's h)"),
    "two_means": ("två medelvärden (t-test)", "two means (t-test)"),
    "paired_means": ("parade mätningar (t-test)", "paired measurements (t-test)"),
}
PLANNING_NOTE = (
    "Detta är en planering före data: den säger hur stor studien behöver vara, inte vad insatsen gör.",
    "This is planning before data: it says how large the study must be, not what the intervention does.",
)


def pct(x: float | None, lang: str) -> str:
    """A proportion as a percentage, ``'3,5 %'`` in Swedish, ``'3.5%'`` in English."""
    if x is None:
        return "–"
    digits = 1 if abs(x * 100 - round(x * 100)) > 1e-9 else 0
    return format_number(100 * x, digits, lang) + (" %" if lang == "sv" else "%")


def num(x: float | None, digits: int, lang: str) -> str:
    return format_number(x, digits, lang)


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

    def chart(self, lang: str = "sv") -> "alt.Chart":
        import altair as alt

        sv = lang == "sv"
        data = self.curve()
        x_title = "Antal per grupp" if sv else "Number per group"
        line = alt.Chart(data).mark_line().encode(
            x=alt.X("n_per_group:Q", title=x_title),
            y=alt.Y("power:Q", title="Styrka" if sv else "Power", scale=alt.Scale(domain=[0, 1])),
            tooltip=["n_per_group:Q", alt.Tooltip("power:Q", format=".3f")],
        )
        marks = alt.Chart(alt.Data(values=[{"n": self.n_per_group, "p": self.power}])).mark_point(
            size=80, filled=True, color="firebrick").encode(x="n:Q", y="p:Q")
        title = ("Styrka mot studiens storlek" if sv else "Power against study size")
        return (line + marks).properties(title=title, width=420, height=260)

    def explain(self, lang: str = "sv") -> str:
        i = 0 if lang == "sv" else 1
        sv = lang == "sv"
        test = TEST_NAMES[self.test][i]
        if self.p1 is not None and self.p2 is not None:
            what = (f"en förändring från {pct(self.p1, lang)} till {pct(self.p2, lang)} "
                    f"(h = {num(self.mdes, 3, lang)})") if sv else (
                    f"a change from {pct(self.p1, lang)} to {pct(self.p2, lang)} (h = {num(self.mdes, 3, lang)})")
        else:
            what = (f"effektstorleken {self.effect_name} = {num(self.mdes, 3, lang)}" if sv
                    else f"the effect size {self.effect_name} = {num(self.mdes, 3, lang)}")
        unit = ("par" if sv else "pairs") if self.test == "paired_means" else (
            "per grupp" if sv else "per group")
        if self.test == "one_proportion":
            unit = "personer" if sv else "people"
        size = f"{num(self.n_per_group_ceiling, 0, lang)} {unit}"
        if self.n2 is not None and self.n_ratio != 1.0:
            size = (f"{num(self.n_per_group_ceiling, 0, lang)} i grupp 1 och {num(self.n2_ceiling, 0, lang)} i grupp 2"
                    if sv else f"{num(self.n_per_group_ceiling, 0, lang)} in group 1 and "
                    f"{num(self.n2_ceiling, 0, lang)} in group 2")
        level = f"{pct(self.alpha, lang)} ({'tvåsidigt' if sv else 'two-sided'})" if self.alternative == "two-sided" \
            else f"{pct(self.alpha, lang)} ({'ensidigt' if sv else 'one-sided'})"
        if self.solved_for == "n":
            text = (f"Jämförelse av {test}: för att upptäcka {what} med {pct(self.power, lang)} styrka på "
                    f"signifikansnivån {level} behövs {size}." if sv else
                    f"Comparison of {test}: to detect {what} with {pct(self.power, lang)} power at the "
                    f"{level} significance level you need {size}.")
        elif self.solved_for == "power":
            text = (f"Jämförelse av {test}: med {size} är styrkan {pct(self.power, lang)} att upptäcka "
                    f"{what} på signifikansnivån {level}." if sv else
                    f"Comparison of {test}: with {size} the power to detect {what} is "
                    f"{pct(self.power, lang)} at the {level} significance level.")
        else:
            text = (f"Jämförelse av {test}: med {size} kan man med {pct(self.power, lang)} styrka "
                    f"upptäcka {what}." if sv else
                    f"Comparison of {test}: with {size} you can detect {what} with "
                    f"{pct(self.power, lang)} power.")
            if self.p1 is not None and (self.p2_lower is not None or self.p2_upper is not None):
                text += (f" Från {pct(self.p1, lang)} motsvarar det en nivå på {pct(self.p2_lower, lang)} "
                         f"(minskning) eller {pct(self.p2_upper, lang)} (ökning)." if sv else
                         f" From {pct(self.p1, lang)} that is a level of {pct(self.p2_lower, lang)} "
                         f"(decrease) or {pct(self.p2_upper, lang)} (increase).")
        return f"{text} {PLANNING_NOTE[i]}"


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

    def chart(self, lang: str = "sv") -> "alt.Chart":
        import altair as alt

        sv = lang == "sv"
        line = alt.Chart(self.curve()).mark_line(point=True).encode(
            x=alt.X("clusters:Q", title="Antal kluster" if sv else "Number of clusters"),
            y=alt.Y("power:Q", title="Styrka" if sv else "Power", scale=alt.Scale(domain=[0, 1])),
            tooltip=["clusters:Q", alt.Tooltip("power:Q", format=".3f"), alt.Tooltip("mdes:Q", format=".3f")],
        )
        title = "Styrka mot antal kluster" if sv else "Power against number of clusters"
        return line.properties(title=title, width=420, height=260)

    def explain(self, lang: str = "sv") -> str:
        sv = lang == "sv"
        j, m = num(self.clusters_ceiling, 0, lang), num(self.cluster_size, 0, lang)
        es, icc, pw = num(self.mdes, 3, lang), num(self.icc, 3, lang), pct(self.power, lang)
        de = num(self.design_effect, 2, lang)
        if self.solved_for == "clusters":
            head = (f"Klusterrandomiserad studie: för att upptäcka {es} standardavvikelser med {pw} styrka behövs "
                    f"{j} kluster à {m} personer (ICC {icc})." if sv else
                    f"Cluster randomized study: to detect {es} standard deviations with {pw} power you need "
                    f"{j} clusters of {m} people (ICC {icc}).")
        elif self.solved_for == "cluster_size":
            m = num(self.cluster_size_ceiling, 0, lang)
            head = (f"Klusterrandomiserad studie: med {j} kluster behövs {m} personer per kluster (ICC {icc}) för "
                    f"att upptäcka {es} standardavvikelser med {pw} styrka." if sv else
                    f"Cluster randomized study: with {j} clusters you need {m} people per cluster (ICC {icc}) to "
                    f"detect {es} standard deviations with {pw} power.")
        elif self.solved_for == "power":
            head = (f"Klusterrandomiserad studie med {j} kluster à {m} personer och ICC {icc}: styrkan att upptäcka "
                    f"{es} standardavvikelser är {pw}." if sv else
                    f"Cluster randomized study with {j} clusters of {m} people and ICC {icc}: the power to detect "
                    f"{es} standard deviations is {pw}.")
        else:
            head = (f"Klusterrandomiserad studie med {j} kluster à {m} personer och ICC {icc}: med {pw} styrka "
                    f"kan en effekt på {es} standardavvikelser upptäckas." if sv else
                    f"Cluster randomized study with {j} clusters of {m} people and ICC {icc}: with {pw} power "
                    f"an effect of {es} standard deviations can be detected.")
        tail = (f" Designeffekten {de} betyder att varje person i ett kluster bara är värd 1/{de} av en "
                f"individuellt randomiserad deltagare." if sv else
                f" The design effect {de} means each person in a cluster is worth only 1/{de} of an "
                f"individually randomized participant.")
        text = head + tail
        return f"{text} {PLANNING_NOTE[0 if sv else 1]}"
