"""The design advisor: "with N new cases a month, how long until we can detect what?" — per design.

``wb.design.advise(...)`` compares the designs of each rung (randomized individuals, cluster
randomization, matched comparison, area comparison, before/after) for the same question and
inflow, and says in plain Swedish (or English) which are feasible in the planned time. The
formulas of each design are in :mod:`workbench.design.advisor.designs`.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.core.errors import OptionError
from workbench.core.messages import resolve_lang
from workbench.core.options import OutcomeKind, check_number, check_option
from workbench.core.results import Provenance
from workbench.design.power import engine as eng
from workbench.design.advisor.designs import DESIGNS, Plan
from workbench.design.advisor.result import DesignAdvice, finite_or_none
from workbench.design.power.checks import ceil_n, check_icc, check_proportion

POOLABLE = ("rct", "matched", "prepost")  # designs whose inflow scales with the municipalities pooled


def _detectable(plan: Plan, es: float | None) -> float | None:
    if es is None:
        return None
    if plan.outcome == "continuous":
        return es
    return eng.p2_from_h(plan.baseline, -plan.direction * es)


def _row(key: str, plan: Plan, municipalities: int) -> dict[str, Any]:
    design = DESIGNS[key]
    row: dict[str, Any] = {"design": key, "rung": design.rung, "missing": design.assessable(plan)}
    if row["missing"]:
        row.update(n_per_group=None, n_per_group_ceiling=None, months_needed=None, years_needed=None,
                   feasible=False, power_planned=None, mdes_planned=None, detectable_target=None,
                   municipalities_needed=None, clusters_needed=None)
        return row
    rate = design.per_month(plan)
    n = design.n_needed(plan)
    n_ceil = ceil_n(n) if n is not None else None
    months = n_ceil / rate if n_ceil is not None else math.inf
    n_planned = rate * plan.months_planned
    es_planned = design.mdes(plan, n_planned)
    feasible = months <= plan.months_planned + 1e-9
    needed_munis = None
    if key in POOLABLE and math.isfinite(months) and not feasible:
        needed_munis = int(math.ceil(municipalities * months / plan.months_planned - 1e-9))
    row.update(
        n_per_group=n, n_per_group_ceiling=n_ceil, months_needed=months,
        years_needed=months / 12.0, feasible=feasible,
        power_planned=design.power_fn(plan, plan.effect, max(n_planned, 2.0)),
        mdes_planned=es_planned, detectable_target=_detectable(plan, es_planned),
        municipalities_needed=needed_munis,
        clusters_needed=design.clusters_needed(plan) if not math.isfinite(months) else None,
    )
    return row


def _curves(plan: Plan, rows: list[dict[str, Any]]) -> Any:
    import numpy as np
    import pandas as pd

    top = max(2.0 * plan.months_planned, 24.0)
    finite = [r["months_needed"] for r in rows if r.get("months_needed") and math.isfinite(r["months_needed"])]
    if finite:
        top = max(top, min(1.2 * min(finite), 10.0 * plan.months_planned))
    months = np.linspace(top / 60.0, top, 60)
    records = []
    for r in rows:
        if r["missing"]:
            continue
        design = DESIGNS[r["design"]]
        rate = design.per_month(plan)
        for m in months:
            records.append({"design": r["design"], "months": float(m),
                            "power": design.power_fn(plan, plan.effect, max(rate * m, 2.0))})
    return pd.DataFrame(records)


def advise(*, outcome: OutcomeKind = "binary", baseline: float | None = None, target: float | None = None,
           effect_size: float | None = None, inflow_per_month: float, months_planned: float,
           municipalities: int = 1, alpha: float = 0.05, power: float = 0.8, clusters: int | None = None,
           icc: float = 0.05, districts: int | None = None, treated_districts: int = 1,
           months_before: float | None = None, area_icc: float = 0.005, matching_inflation: float = 1.25,
           prepost_correlation: float = 0.5, unit: str | None = None, lang: str | None = None) -> DesignAdvice:
    """Compare designs for one evaluation question in the staff's terms.

    Parameters
    ----------
    outcome
        ``"binary"`` (a share, e.g. placed outside the home) or ``"continuous"`` (a scale score).
    baseline, target
        Binary outcome: the share today and the share hoped for with the intervention (0–1).
    effect_size
        Continuous outcome: the standardized effect (Cohen's d) worth detecting.
    inflow_per_month
        New cases a month entering the target group in one municipality.
    months_planned
        Months of recruitment planned.
    municipalities
        Municipalities pooling their cases (same inflow each): inflow scales, months scale down.
    clusters, icc
        Cluster randomized design: units randomized (offices, districts); default, when three or
        more municipalities pool, the municipalities themselves. ICC of the outcome within them.
    districts, treated_districts, months_before, area_icc
        Area comparison: districts in the statistics, how many get the intervention, months of
        statistics before the start (default: as long as after) and the district-by-phase shock
        variance relative to a person's.
    matching_inflation
        Variance inflation of a matched comparison relative to an RCT of the same size (≥ 1).
    prepost_correlation
        Correlation between before and after (continuous outcome, before/after design).
    unit
        What arrives, as staff say it in the text (plural, e.g. ``"familjer"``); default
        ``"ärenden"``/``"cases"``.

    Notes
    -----
    Months needed = required size / people added per month: a randomized trial puts half the
    inflow in each arm, so with :math:`n` per group it takes :math:`2n/\\text{inflow}` months. The
    designs' formulas are in :mod:`workbench.design.advisor.designs`.

    Examples
    --------
    >>> import workbench as wb
    >>> a = wb.design.advise(outcome="binary", baseline=0.05, target=0.035, inflow_per_month=8,
    ...                      months_planned=36)
    >>> a.row("rct")["n_per_group_ceiling"], round(a.row("rct")["years_needed"])
    (2818, 59)
    """
    lang = resolve_lang(lang)
    if unit is not None and not (isinstance(unit, str) and unit.strip()):
        raise OptionError("core.invalid_option", lang=lang, name="unit", value=unit, allowed=["familjer", "barn"])
    check_option("outcome", outcome, OutcomeKind, lang=lang)
    if outcome == "binary":
        if baseline is None or target is None:
            raise OptionError("design.outcome_inputs", lang=lang, outcome=outcome, needed="baseline, target",
                              example="baseline=0.05, target=0.035")
        baseline = check_proportion("baseline", baseline, lang)
        target = check_proportion("target", target, lang)
        if baseline == target:
            raise OptionError("design.same_proportions", lang=lang, value=baseline)
        effect, direction = abs(eng.es_h(baseline, target)), (-1 if target < baseline else 1)
    else:
        if effect_size is None:
            raise OptionError("design.outcome_inputs", lang=lang, outcome=outcome, needed="effect_size",
                              example="effect_size=0.3")
        check_number("effect_size", effect_size, lang=lang)
        if effect_size == 0:
            raise OptionError("design.zero_effect", lang=lang)
        effect, direction = abs(float(effect_size)), (1 if effect_size > 0 else -1)
    check_number("inflow_per_month", inflow_per_month, low=0.0, low_open=True, lang=lang)
    check_number("months_planned", months_planned, low=0.0, low_open=True, lang=lang)
    check_number("municipalities", municipalities, low=1, integer=True, lang=lang)
    check_number("alpha", alpha, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    check_number("power", power, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    icc = check_icc(icc, lang)
    check_number("area_icc", area_icc, low=0.0, lang=lang)
    check_number("matching_inflation", matching_inflation, low=1.0, lang=lang)
    check_number("prepost_correlation", prepost_correlation, low=0.0, high=1.0, high_open=True, lang=lang)
    check_number("treated_districts", treated_districts, low=1, integer=True, lang=lang)
    for name, value in (("clusters", clusters), ("districts", districts)):
        if value is not None:
            check_number(name, value, low=1, integer=True, lang=lang)
    if months_before is not None:
        check_number("months_before", months_before, low=0.0, low_open=True, lang=lang)
    municipalities = int(municipalities)
    cluster_source = "given"
    if clusters is None and municipalities >= 3:
        clusters, cluster_source = municipalities, "municipalities"
    plan = Plan(outcome=outcome, effect=effect, baseline=baseline, direction=direction,
                inflow=float(inflow_per_month) * municipalities, months_planned=float(months_planned),
                alpha=float(alpha), power=float(power), clusters=None if clusters is None else int(clusters),
                icc=icc, districts=None if districts is None else int(districts),
                treated_districts=int(treated_districts), months_before=months_before, area_icc=float(area_icc),
                matching_inflation=float(matching_inflation), prepost_correlation=float(prepost_correlation))
    rows = [_row(key, plan, municipalities) for key in DESIGNS]
    for r in rows:
        for k in ("months_needed", "years_needed"):
            r[k] = finite_or_none(r[k]) if r[k] is not None else None
    curves = _curves(plan, [dict(r, months_needed=r["months_needed"] or math.inf) for r in rows])
    assumptions = dict(icc=icc, clusters=plan.clusters, clusters_source=cluster_source, districts=plan.districts,
                       treated_districts=plan.treated_districts, months_before=months_before, area_icc=area_icc,
                       matching_inflation=matching_inflation, prepost_correlation=prepost_correlation,
                       effect_scale="h" if outcome == "binary" else "d", alternative="two-sided")
    options = dict(outcome=outcome, baseline=baseline, target=target, effect_size=effect_size,
                   inflow_per_month=inflow_per_month, months_planned=months_planned,
                   municipalities=municipalities, alpha=alpha, power=power, **assumptions)
    return DesignAdvice(
        provenance=Provenance(function="wb.design.advise", options=options), warning_msgs=(), outcome=outcome,
        baseline=baseline, target=target, effect_size=effect if outcome == "binary" else float(effect_size),
        effect_name="h" if outcome == "binary" else "d", direction=direction, inflow_per_month=float(inflow_per_month),
        municipalities=municipalities, months_planned=float(months_planned), alpha=float(alpha),
        power=float(power), assumptions=assumptions, rows=tuple(rows), curves=curves, lang=lang, unit=unit,
    )
