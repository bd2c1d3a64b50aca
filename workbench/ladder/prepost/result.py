"""The frozen result of ``wb.prepost`` (rung 3): tables, explanation and chart."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Estimate, Result, format_number, format_p
from workbench.ladder.prepost.charts import prepost_chart

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

    from workbench.ladder.prepost.indicator import IndicatorChange

MAX_EXPLAINED = 4


@dataclass(frozen=True, kw_only=True, eq=False)
class PrepostResult(Result):
    """Change from before to after for one or several indicators (*förändring, inte effekt*).

    Attributes
    ----------
    estimate
        First indicator: mean of after − before (paired t, df n−1) or share after − share before.
    effect_size, effect_size_dav
        First indicator's Cohen's d_z and d_av with intervals (``None`` for a binary indicator).
    indicators
        Every indicator's :class:`~workbench.ladder.prepost.indicator.IndicatorChange`.
    credible, credibility_problems
        Whether the result counts for rung 3 (enough complete pairs, attrition not overwhelming).
    label
        ``"förändring, inte effekt"`` in the analysis language (kept as saved; the summary's ``claim``
        column and the explanation are in the reader's language).
    lang
        The language the analysis was run in (its errors and ``label``); what the result shows is
        rendered when read, in the ``lang`` given or the session language.
    """

    kind: ClassVar[str] = "prepost"
    rung: ClassVar[int] = 3

    estimate: Estimate
    effect_size: Estimate | None
    effect_size_dav: Estimate | None
    indicators: tuple["IndicatorChange", ...]
    credible: bool
    conf_level: float = 0.95
    lang: str = "sv"
    label: str = ""
    _pairs: tuple[Any, ...] = ()

    # -- tables ---------------------------------------------------------------------------
    @property
    def tests(self) -> "pd.DataFrame":
        """One row per test and indicator, indexed by test name (``paired_t``, ``wilcoxon``,
        ``mcnemar``, ``mcnemar_exact``)."""
        import pandas as pd

        rows = [{"indicator": ind.name, **t} for ind in self.indicators for t in ind.tests]
        cols = ["test", "indicator", "statistic_name", "statistic", "df", "p_value", "method", "n"]
        return pd.DataFrame(rows)[cols].set_index("test")

    @property
    def attrition(self) -> "pd.DataFrame":
        """Per indicator: rows with a before-value, complete pairs, lost, and the baseline of lost vs kept."""
        import pandas as pd

        return pd.DataFrame([{"indicator": i.name, **i.attrition.to_dict()} for i in self.indicators])

    def indicator(self, name: str) -> "IndicatorChange":
        """The analysis of one indicator by name."""
        for ind in self.indicators:
            if ind.name == name:
                return ind
        raise KeyError(name)

    def summary(self) -> "pd.DataFrame":
        """One row per indicator: means (or shares), change with interval, tests, effect sizes.

        The ``claim`` column (*förändring, inte effekt*) is in the session language.
        """
        import pandas as pd

        claim = msg("prepost.claim", resolve_lang(None))
        rows = []
        for ind in self.indicators:
            e = ind.estimate
            tests = {t["test"]: t for t in ind.tests}
            second = tests.get("wilcoxon") or tests.get("mcnemar_exact")
            rows.append({
                "indicator": ind.name, "kind": ind.kind, "before": ind.before, "after": ind.after,
                "n_pairs": ind.n, "n_lost": ind.attrition.n_lost, "attrition": ind.attrition.share_lost,
                "mean_before": ind.mean_before, "mean_after": ind.mean_after,
                "change": e.estimate, "ci_low": e.ci_low, "ci_high": e.ci_high, "p_value": e.p_value,
                "test": "paired_t" if ind.kind == "continuous" else "mcnemar",
                "p_value_second": second["p_value"] if second else float("nan"),
                "second_test": second["test"] if second else "",
                "d_z": ind.effect_size.estimate if ind.effect_size else float("nan"),
                "d_z_ci_low": ind.effect_size.ci_low if ind.effect_size else float("nan"),
                "d_z_ci_high": ind.effect_size.ci_high if ind.effect_size else float("nan"),
                "d_av": ind.effect_size_dav.estimate if ind.effect_size_dav else float("nan"),
                "claim": claim,
            })
        return pd.DataFrame(rows)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["tests"] = [{"test": k, **{c: v for c, v in r.items()}} for k, r in
                        zip(self.tests.index, _records(self.tests))]
        out["attrition"] = _records(self.attrition)
        return out

    # -- text -----------------------------------------------------------------------------
    def explain(self, lang: str | None = None) -> str:
        """What changed, with how much uncertainty, and why it is change and not effect.

        In ``lang`` (None: the session language).
        """
        lang = resolve_lang(lang)
        parts = [msg("prepost.explain.intro", lang)]
        for ind in self.indicators[:MAX_EXPLAINED]:
            parts.append(_sentence(ind, lang))
        if len(self.indicators) > MAX_EXPLAINED:
            parts.append(msg("prepost.explain.more", lang, n=len(self.indicators) - MAX_EXPLAINED))
        att = self.indicators[0].attrition
        if att.n_lost:
            parts.append(msg("prepost.explain.attrition", lang, total=att.n_before, lost=att.n_lost,
                             share=format_number(100 * att.share_lost, 0, lang)))
        parts.append(msg("prepost.explain.cannot", lang))
        return " ".join(parts)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        """Individual change (paired lines) beside means (or shares) with intervals, per indicator.

        Titles and labels in ``lang`` (None: the session language).
        """
        return prepost_chart(self, resolve_lang(lang))


def _records(frame: "pd.DataFrame") -> list[dict[str, Any]]:
    from workbench.core.results import json_safe

    return [json_safe(r) for r in frame.to_dict(orient="records")]


def _sentence(ind: "IndicatorChange", lang: str) -> str:
    e = ind.estimate
    ci = e.format(lang, 2)
    tests = {t["test"]: t for t in ind.tests}
    if ind.kind == "continuous":
        dz = ind.effect_size.format(lang, 2) if ind.effect_size else "–"
        return msg("prepost.explain.continuous", lang, indicator=ind.name, n=ind.n,
                   mean_before=format_number(ind.mean_before, 2, lang),
                   mean_after=format_number(ind.mean_after, 2, lang), change=ci,
                   p=format_p(e.p_value, lang), p_w=format_p(tests["wilcoxon"]["p_value"], lang), dz=dz)
    pct = Estimate(**{**e.to_dict(), "estimate": 100 * e.estimate, "ci_low": 100 * e.ci_low,
                      "ci_high": 100 * e.ci_high}).format(lang, 1)
    return msg("prepost.explain.binary", lang, indicator=ind.name, n=ind.n,
               share_before=msg("prepost.explain.percent", lang, value=format_number(100 * ind.mean_before, 0, lang)),
               share_after=msg("prepost.explain.percent", lang, value=format_number(100 * ind.mean_after, 0, lang)),
               change=pct,
               p=format_p(e.p_value, lang), p_exact=format_p(tests["mcnemar_exact"]["p_value"], lang))
