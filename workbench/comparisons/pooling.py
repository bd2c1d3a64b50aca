"""``wb.pool(cards)``: random-effects pooling of municipalities' evidence cards for one indicator.

Cards (dicts or paths to ``evidensbevis.json``) are checked against the card schema, refused when
their indicator definitions differ, and pooled with the workbench's meta-analysis engine
(``wb.meta_analysis``: REML with the Knapp–Hartung adjustment, as ``metafor::rma(method="REML",
test="knha")``).

Notes
-----
With the pooled effect :math:`\\hat\\mu`, its Knapp–Hartung standard error :math:`SE` and the REML
:math:`\\hat\\tau^2`, the prediction interval for the effect in a new, similar municipality is
:math:`\\hat\\mu \\pm t_{k-1,\\,1-\\alpha/2}\\sqrt{\\hat\\tau^2 + SE^2}` (metafor's ``predict.rma``
with ``test="knha"``).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.errors import EvidenceCardError
from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Estimate, Provenance, Result
from workbench.core.text import Msg, Num, Text, render
from workbench.comparisons.evidence_schema import validate_card

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd


def _load(card: Any, i: int, lang: str) -> tuple[Text, dict[str, Any]]:
    """The card and what to call it: its municipality, its path, or "card 2" (a message, any language)."""
    if isinstance(card, (str, os.PathLike)):
        path = Path(card)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EvidenceCardError("comparisons.card_unreadable", lang=lang, name=str(path),
                                    reason=type(exc).__name__) from exc
        name: Text = str(path)
    else:
        data = card
        name = Msg("comparisons.card_n", n=i + 1)
    validate_card(data, name=name, lang=lang)
    return (data.get("municipality") or name), data


def _definition(card: Mapping[str, Any]) -> tuple[str, str]:
    ind = card.get("indicator") or {}
    norm = lambda s: " ".join(str(s or "").lower().split())  # noqa: E731
    return norm(ind.get("definition") or ind.get("name")), norm(ind.get("unit"))


@dataclass(frozen=True, kw_only=True)
class PoolResult(Result):
    """Pooled effect of several municipalities' evidence cards on one indicator.

    Its warnings, credibility problems (the cards that rest on no credible comparison), explanation
    and chart render in the reader's language when read; ``lang`` is only the language it was made in.

    Attributes
    ----------
    estimate
        The pooled effect (random effects, REML, Knapp–Hartung t interval on k−1 df).
    tau2, i2
        Between-municipality variance :math:`\\hat\\tau^2` and :math:`I^2` (percent).
    prediction_interval
        ``(low, high)``: where the effect in a new, similar municipality can be expected.
    studies
        One row per card: ``study, estimate, std_error, ci_low, ci_high, weight``.
    indicator
        The indicator definition the cards share.
    study_labels
        What each card is called in the chart and the warnings: its municipality or path, or a
        message ("card 2") rendered in the reader's language. ``studies["study"]`` has the same labels
        in the language the pooling was run in.
    """

    kind: ClassVar[str] = "pool"
    rung: ClassVar[int | None] = None

    estimate: Estimate
    tau2: float
    i2: float
    h2: float
    q: float
    prediction_interval: tuple[float, float]
    studies: "pd.DataFrame"
    indicator: Mapping[str, Any]
    credible: bool
    study_labels: tuple[Text, ...] = ()
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        e = self.estimate
        return pd.DataFrame([{"term": "pooled", "estimate": e.estimate, "std_error": e.std_error, "df": e.df,
                              "ci_low": e.ci_low, "ci_high": e.ci_high, "p_value": e.p_value, "tau2": self.tau2,
                              "i2": self.i2, "q": self.q, "pi_low": self.prediction_interval[0],
                              "pi_high": self.prediction_interval[1], "k": len(self.studies)}])

    def chart(self, lang: str | None = None) -> "alt.LayerChart":
        """A forest plot: each card's effect and interval, the pooled effect and its prediction interval."""
        import altair as alt
        import pandas as pd

        lang = resolve_lang(lang)  # None: the session language (wb.set_language)
        pooled_label = msg("comparisons.chart.pooled", lang)
        rows = self.studies[["study", "estimate", "ci_low", "ci_high", "weight"]].copy()
        if len(self.study_labels) == len(rows):
            rows["study"] = [str(render(label, lang)) for label in self.study_labels]
        rows["kind"] = msg("comparisons.chart.municipality", lang)
        pooled = pd.DataFrame([{"study": pooled_label, "estimate": self.estimate.estimate, "ci_low": self.estimate.ci_low,
                                "ci_high": self.estimate.ci_high, "weight": 1.0, "kind": pooled_label}])
        data = pd.concat([rows, pooled], ignore_index=True)
        order = list(rows["study"]) + [pooled_label]
        y = alt.Y("study:N", sort=order, title=None)
        effect_title = str(self.indicator.get("name") or msg("comparisons.chart.effect", lang))
        base = alt.Chart(data)
        ci = base.mark_rule().encode(x=alt.X("ci_low:Q", title=effect_title), x2="ci_high:Q", y=y)
        points = base.mark_square().encode(x="estimate:Q", y=y, size=alt.Size("weight:Q", legend=None),
                                           color=alt.Color("kind:N", legend=None))
        pi = alt.Chart(pd.DataFrame([{"study": pooled_label, "lo": self.prediction_interval[0],
                                      "hi": self.prediction_interval[1]}])).mark_rule(strokeDash=[4, 3]).encode(
            x="lo:Q", x2="hi:Q", y=y)
        zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="grey").encode(x="x:Q")
        title = msg("comparisons.chart.pool_title", lang)
        return alt.layer(zero, pi, ci, points).properties(title=title, width=420)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)  # None: the session language (wb.set_language)
        e = self.estimate
        lo, hi = self.prediction_interval
        text = msg("comparisons.pool_explain", lang, k=len(self.studies),
                   name=self.indicator.get("name") or Msg("comparisons.the_indicator"), effect=e.format(lang, 3),
                   i2=Num(self.i2, 0), tau2=Num(self.tau2, 3), lo=Num(lo, 3), hi=Num(hi, 3),
                   pct=round(e.conf_level * 100))
        return text + msg("comparisons.pool_explain_credible" if self.credible else "comparisons.pool_explain_weak",
                          lang)


def pool(cards: Sequence[Mapping[str, Any] | str | os.PathLike[str]], *, conf_level: float = 0.95,
         lang: str | None = None) -> PoolResult:
    """Pool evidence cards for the same indicator from several municipalities (random effects).

    Parameters
    ----------
    cards
        Evidence-card dicts or paths to their JSON files (``workbench report`` writes
        ``evidensbevis.json``), at least two, all for the same indicator definition.
    conf_level
        Confidence level of the interval and the prediction interval.

    Returns
    -------
    PoolResult
        ``estimate`` (REML with Knapp–Hartung), ``tau2``, ``i2``, ``prediction_interval``,
        ``studies``; ``chart()`` a forest plot, ``explain()`` a paragraph in Swedish or English.

    Raises
    ------
    EvidenceCardError
        A card does not follow the schema, lacks an effect, or defines the indicator differently
        from the others (the message names both definitions).

    Notes
    -----
    Prediction interval: :math:`\\hat\\mu \\pm t_{k-1}\\sqrt{\\hat\\tau^2+SE^2}` (see the module notes).
    """
    import workbench as wb
    from scipy import stats

    lang = resolve_lang(lang)
    loaded = [_load(c, i, lang) for i, c in enumerate(cards)]
    if len(loaded) < 2:
        raise EvidenceCardError("comparisons.pool_too_few", lang=lang, n=len(loaded))
    for name, card in loaded:
        if not card.get("estimate"):
            raise EvidenceCardError("comparisons.card_no_effect", lang=lang, name=name)
    first_name, first = loaded[0]
    for name, card in loaded[1:]:
        if _definition(card) != _definition(first):
            a, b = first.get("indicator") or {}, card.get("indicator") or {}
            raise EvidenceCardError("comparisons.definitions_differ", lang=lang, name_a=first_name,
                                    definition_a=a.get("definition") or a.get("name"), unit_a=a.get("unit") or "–",
                                    name_b=name, definition_b=b.get("definition") or b.get("name"),
                                    unit_b=b.get("unit") or "–")
    labels = tuple(n for n, _ in loaded)
    names = [str(render(n, lang)) for n in labels]
    meta = wb.meta_analysis([c for _, c in loaded], method="REML", knapp_hartung=True, labels=names,
                            conf_level=conf_level, lang=lang)
    e = meta.estimate
    k = len(loaded)
    crit = float(stats.t.ppf(0.5 + conf_level / 2, k - 1))
    half = crit * math.sqrt(meta.tau2 + e.std_error**2)
    warnings: list[Msg] = [Msg("comparisons.warn_few_cards", k=k)] if k < 5 else []
    weak: list[Text] = []
    for name, card in loaded:
        if not (card.get("credible") and (card.get("rung_reached") or 0) >= 4):
            weak.append(name)
            warnings.append(Msg("comparisons.warn_not_credible", name=name, rung=card.get("rung_reached")))
    credible = not weak
    problems = (Msg("comparisons.problem_weak_cards", names=weak, n=len(weak), k=k),) if weak else ()
    return PoolResult(
        provenance=Provenance("pool", {"method": "REML", "knapp_hartung": True, "conf_level": conf_level},
                              {"cards": names}, k),
        warning_msgs=tuple(warnings), problem_msgs=problems, estimate=e, tau2=meta.tau2, i2=meta.i2, h2=meta.h2, q=meta.q,
        prediction_interval=(e.estimate - half, e.estimate + half), studies=meta.studies,
        indicator=dict(first.get("indicator") or {}), credible=credible, study_labels=labels, lang=lang,
    )
