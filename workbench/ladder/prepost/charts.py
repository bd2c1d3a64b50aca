"""Altair charts of a before/after result: individual change and means (shares) with intervals."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from workbench.core.messages import msg

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt

    from workbench.ladder.prepost.indicator import IndicatorChange


class PrepostFigures(Protocol):
    """What the chart reads of a before/after result (the result satisfies it; charts never import it)."""

    indicators: "Sequence[IndicatorChange]"
    _pairs: Sequence[Any]
    conf_level: float


MAX_LINES = 300
"""Most participants drawn as individual lines (a fixed, evenly spaced selection beyond that)."""
MAX_INDICATORS = 6


def prepost_chart(result: "PrepostFigures", lang: str) -> "alt.Chart":
    """One row per indicator: individual change on the left, means or shares with CI on the right.

    Every title, axis title and label is in ``lang``.
    """
    import altair as alt

    rows = []
    for ind, pair in list(zip(result.indicators, result._pairs))[:MAX_INDICATORS]:
        _, ids, b, a = pair
        if ind.kind == "continuous":
            left = _individual(ind.name, ids, b, a, lang)
            right = _means(ind, b, a, result.conf_level, lang)
        else:
            left = _transitions(ind, lang)
            right = _shares(ind, result.conf_level, lang)
        rows.append(alt.hconcat(left, right).resolve_scale(color="independent"))
    if len(rows) == 1:
        return rows[0]
    return alt.vconcat(*rows).resolve_scale(color="independent")


def _labels(lang: str) -> tuple[str, str]:
    return msg("prepost.word.before", lang), msg("prepost.word.after", lang)


def _individual(name: str, ids: Any, b: Any, a: Any, lang: str) -> "alt.Chart":
    import altair as alt
    import numpy as np
    import pandas as pd

    n = len(b)
    keep = np.unique(np.linspace(0, n - 1, min(n, MAX_LINES)).round().astype(int))
    w_before, w_after = _labels(lang)
    frame = pd.DataFrame({
        "id": np.concatenate([np.asarray(ids)[keep].astype(str)] * 2),
        "time": [w_before] * keep.size + [w_after] * keep.size,
        "value": np.concatenate([b[keep], a[keep]]),
        "direction": np.concatenate([np.sign(a[keep] - b[keep])] * 2),
    })
    title = msg("prepost.chart.individual", lang, indicator=name)
    if keep.size < n:
        title = f"{title} {msg('prepost.chart.sampled', lang, shown=keep.size, n=n)}"
    return (
        alt.Chart(frame, title=title)
        .mark_line(point=True, opacity=0.4)
        .encode(
            x=alt.X("time:N", sort=[w_before, w_after], title=msg("prepost.chart.time", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=msg("prepost.chart.value", lang), scale=alt.Scale(zero=False)),
            detail="id:N",
            color=alt.Color("direction:O", legend=None, scale=alt.Scale(domain=[-1, 0, 1],
                                                                        range=["#c0392b", "#7f8c8d", "#2471a3"])),
            tooltip=["id:N", "time:N", "value:Q"],
        )
        .properties(width=260, height=220)
    )


def _means(ind: Any, b: Any, a: Any, conf_level: float, lang: str) -> "alt.Chart":
    import altair as alt
    import numpy as np
    import pandas as pd
    from scipy import stats

    w_before, w_after = _labels(lang)
    rows = []
    for label, values in ((w_before, b), (w_after, a)):
        n = len(values)
        mean = float(np.mean(values))
        se = float(np.std(values, ddof=1)) / math.sqrt(n)
        q = float(stats.t.ppf(1 - (1 - conf_level) / 2, n - 1))
        rows.append({"time": label, "mean": mean, "low": mean - q * se, "high": mean + q * se})
    frame = pd.DataFrame(rows)
    pct = int(round(conf_level * 100))
    base = alt.Chart(frame, title=msg("prepost.chart.means", lang, pct=pct, indicator=ind.name)).encode(
        x=alt.X("time:N", sort=[w_before, w_after], title=msg("prepost.chart.time", lang), axis=alt.Axis(labelAngle=0)))
    bars = base.mark_errorbar(ticks=True).encode(
        y=alt.Y("low:Q", title=msg("prepost.chart.value", lang), scale=alt.Scale(zero=False)), y2="high:Q")
    points = base.mark_point(filled=True, size=80).encode(y="mean:Q", tooltip=["time", "mean", "low", "high"])
    return (bars + points).properties(width=200, height=220)


def _shares(ind: Any, conf_level: float, lang: str) -> "alt.Chart":
    import altair as alt
    import pandas as pd

    from workbench.ladder.prepost.paired_tests import wilson

    w_before, w_after = _labels(lang)
    t = ind.table
    n = ind.n
    rows = []
    for label, x in ((w_before, t["n11"] + t["n10"]), (w_after, t["n11"] + t["n01"])):
        lo, hi = wilson(x, n, conf_level)
        rows.append({"time": label, "share": x / n, "low": lo, "high": hi})
    frame = pd.DataFrame(rows)
    pct = int(round(conf_level * 100))
    base = alt.Chart(frame, title=msg("prepost.chart.shares", lang, pct=pct, indicator=ind.name)).encode(
        x=alt.X("time:N", sort=[w_before, w_after], title=msg("prepost.chart.time", lang), axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar(opacity=0.6).encode(
        y=alt.Y("share:Q", title=msg("prepost.chart.share", lang), scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")))
    err = base.mark_errorbar(ticks=True).encode(y=alt.Y("low:Q", title=msg("prepost.chart.share", lang)), y2="high:Q",
                                                tooltip=["time", "share", "low", "high"])
    return (bars + err).properties(width=200, height=220)


def _transitions(ind: Any, lang: str) -> "alt.Chart":
    import altair as alt
    import pandas as pd

    t = ind.table
    frame = pd.DataFrame({
        "transition": ["0 → 0", "0 → 1", "1 → 0", "1 → 1"],
        "n": [t["n00"], t["n01"], t["n10"], t["n11"]],
        "changed": [msg("prepost.word.no" if k in ("n00", "n11") else "prepost.word.yes", lang)
                    for k in ("n00", "n01", "n10", "n11")],
    })
    return (
        alt.Chart(frame, title=msg("prepost.chart.transitions", lang, indicator=ind.name))
        .mark_bar()
        .encode(
            x=alt.X("transition:N", title=None),
            y=alt.Y("n:Q", title=msg("prepost.chart.count", lang)),
            color=alt.Color("changed:N", legend=None),
            tooltip=["transition", "n"],
        )
        .properties(width=260, height=220)
    )
