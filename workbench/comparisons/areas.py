"""Areas against each other from published statistics: one analysis for municipalities and districts.

``wb.area_comparison(data, unit=…, time=…, outcome=…, treated_unit=…, start=…)`` takes a long
table — a frame from ``wb.opendata.pxweb_data`` (SCB's districts, e.g. RegSO/DeSO or a city's
stadsdelar), ``wb.opendata.kolada_data`` or an own export — keeps the areas with a value in every
period, and runs ``wb.synthetic_control`` (placebo in space) and ``wb.did`` with the warnings
published yearly or monthly statistics need. PxWeb's period codes (``2024M03``, ``2024K2``) are
read as months and quarters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.errors import InputError
from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Estimate, Provenance, Result, collect_warnings
from workbench.core.text import Msg, Text
from workbench.core.validate import require_columns, require_frame

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

_PX_MONTH = re.compile(r"^(\d{4})M(\d{2})$")
_PX_QUARTER = re.compile(r"^(\d{4})K([1-4])$")


def px_period(value: Any) -> Any:
    """``'2024M03'`` → ``'2024-03'``, ``'2024K2'`` → ``'Q2 2024'``; anything else unchanged."""
    text = str(value)
    if m := _PX_MONTH.match(text):
        return f"{m.group(1)}-{m.group(2)}"
    if m := _PX_QUARTER.match(text):
        return f"Q{m.group(2)} {m.group(1)}"
    return value


@dataclass(frozen=True, kw_only=True)
class AreaComparison(Result):
    """One area against the others: ``synthetic`` (synthetic control) and ``did`` (two-way FE).

    Its warnings (its own and both analyses'), credibility problems (the synthetic control's),
    explanation and chart render in the reader's language when read; ``lang`` is only the language
    it was made in.
    """

    kind: ClassVar[str] = "area_comparison"
    rung: ClassVar[int] = 4
    _dict_exclude: ClassVar[tuple[str, ...]] = ("panel", "synthetic", "did")

    treated_unit: str
    start: Any
    others: tuple[str, ...]
    panel: "pd.DataFrame"
    synthetic: Any
    did: Any
    estimate: Estimate
    credible: bool
    unit: str
    time: str
    lang: str = "sv"

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        rows = []
        for method, res in (("synthetic_control", self.synthetic), ("did", self.did)):
            e = res.estimate
            rows.append({"method": method, "estimate": e.estimate, "std_error": e.std_error, "ci_low": e.ci_low,
                         "ci_high": e.ci_high, "p_value": e.p_value, "credible": getattr(res, "credible", None)})
        return pd.DataFrame(rows)

    def chart(self, lang: str | None = None) -> "alt.Chart":
        return self.synthetic.chart(resolve_lang(lang))

    def _intro(self, lang: str) -> str:
        periods = list(dict.fromkeys(self.panel[self.time]))
        return msg("comparisons.explain_areas", lang, treated=self.treated_unit, n=len(self.others),
                   first=periods[0], last=periods[-1], start=self.start)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)  # None: the session language (wb.set_language)
        return " ".join([self._intro(lang), self.synthetic.explain(lang), self.did.explain(lang)])


def balanced(data: "pd.DataFrame", *, unit: str, time: str, outcome: str, treated_unit: Any,
             lang: str) -> tuple["pd.DataFrame", list[str], list[str]]:
    """Rows of the areas with a value in every period of the treated area; the dropped areas and statuses."""
    present = data.dropna(subset=[outcome])
    statuses = sorted({str(s) for s in data.loc[data[outcome].isna(), "status"].dropna()}) if "status" in data else []
    periods = set(present.loc[present[unit] == treated_unit, time])
    present = present[present[time].isin(periods)]
    counts = present.groupby(unit)[time].nunique()
    complete = set(counts[counts == len(periods)].index)
    dropped = sorted(str(u) for u in set(data[unit]) - complete - {treated_unit})
    return present[present[unit].isin(complete)], dropped, statuses


def analyse(panel: "pd.DataFrame", *, unit: str, time: str, outcome: str, treated_unit: Any, start: Any,
            min_pre_periods: int, lang: str) -> tuple[Any, Any, list[Text]]:
    """``wb.synthetic_control`` and ``wb.did`` on a balanced panel, with their warnings (as messages)."""
    import workbench as wb

    synth = wb.synthetic_control(panel, unit=unit, time=time, outcome=outcome, treated_unit=treated_unit,
                                 start=start, min_pre_periods=min_pre_periods, lang=lang)
    did = wb.did(panel, unit=unit, time=time, outcome=outcome, treated_units=[treated_unit], start=start,
                 min_pre_periods=min_pre_periods, lang=lang)
    return synth, did, list(synth.warning_msgs) + list(did.warning_msgs)


def area_comparison(data: "pd.DataFrame", *, unit: str, time: str, outcome: str = "value", treated_unit: Any,
                    start: Any, min_pre_periods: int = 4, lang: str | None = None) -> AreaComparison:
    """Compare one area (a district, a municipality) with the others in a published table.

    Parameters
    ----------
    data
        A long table, one row per area and period (e.g. ``wb.opendata.pxweb_data(...)`` with
        ``unit="Region_label", time="Tid"``); a ``status`` column (PX symbols) is read if present.
    unit, time, outcome
        Column names (``outcome`` defaults to ``value``).
    treated_unit
        The area that started the intervention (a value of ``unit``).
    start
        The first period under the intervention (``2024``, ``"2024-03"`` or PxWeb's ``"2024M03"``).

    Returns
    -------
    AreaComparison
        ``synthetic``, ``did``, ``panel``, ``summary()``, ``chart()``, ``explain()``, ``warnings``.

    Notes
    -----
    Only areas with a value in every period of the treated area take part (synthetic control
    needs a balanced panel); areas left out and PX symbols that caused it are named in the warnings.
    """
    lang = resolve_lang(lang)
    data = require_frame(data, lang=lang)
    require_columns(data, [unit, time, outcome], lang=lang)
    if not (data[unit] == treated_unit).any():
        raise InputError("comparisons.unknown_treated", lang=lang, treated=treated_unit, column=unit,
                         allowed=sorted(map(str, data[unit].unique())))
    frame = data.copy()
    frame[time] = frame[time].map(px_period)
    start = px_period(start)
    panel, dropped, statuses = balanced(frame, unit=unit, time=time, outcome=outcome, treated_unit=treated_unit,
                                        lang=lang)
    warnings: list[Text] = []
    if dropped:
        periods = sorted(set(panel[time]), key=str)
        if statuses:
            warnings.append(Msg("comparisons.warn_status_areas", statuses=statuses, names=dropped))
        else:
            warnings.append(Msg("comparisons.warn_dropped", first=periods[0], last=periods[-1], names=dropped))
    synth, did, more = analyse(panel, unit=unit, time=time, outcome=outcome, treated_unit=treated_unit, start=start,
                               min_pre_periods=min_pre_periods, lang=lang)
    others = tuple(sorted(str(u) for u in set(panel[unit]) - {treated_unit}))
    prov = Provenance("area_comparison", {"treated_unit": str(treated_unit), "start": str(start)},
                      {"unit": unit, "time": time, "outcome": outcome}, len(panel))
    return AreaComparison(provenance=prov, warning_msgs=collect_warnings(warnings + more),
                          problem_msgs=tuple(synth.problem_msgs), treated_unit=str(treated_unit),
                          start=start, others=others, panel=panel.reset_index(drop=True), synthetic=synth, did=did,
                          estimate=synth.estimate, credible=bool(getattr(synth, "credible", False)),
                          unit=unit, time=time, lang=lang)
