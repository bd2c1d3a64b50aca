"""Front door: ``cost_benefit(...)`` — who pays, who saves, and when, with the effect's uncertainty."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import EconomicsError
from workbench.core.messages import msg, resolve_lang
from workbench.core.results import Provenance, collect_warnings
from workbench.core.text import Msg
from workbench.economics import checks, ledger
from workbench.economics.costs import CostItem, cost_components
from workbench.economics.holders import resolve_holders, resolve_perspective
from workbench.economics.model import COST, Factor, Model
from workbench.economics.repayment import MIN_RUNG_FOR_REPAYMENT, repayment_plan
from workbench.economics.result import CostBenefitResult
from workbench.economics.timeline import (DEFAULT_DISCOUNT_RATE, break_even_scale, check_rate,
                                          discount_factors, payback_year)
from workbench.economics.uncertainty import simulate, tornado
from workbench.economics.valuation import Evidence, Outcome, evidence_of, value_outcomes

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _check_range(name: str, value: Any, *, lang: str) -> tuple[float, float]:
    ok = isinstance(value, (tuple, list)) and len(value) == 2 and all(checks.is_number(v) for v in value)
    if not ok or not 0 < value[0] <= 1 <= value[1]:
        raise EconomicsError("economics.bad_range", lang=lang, name=name, value=checks.shown(value))
    return float(value[0]), float(value[1])


def _check_arguments(a: dict[str, Any], *, lang: str) -> dict[str, Any]:
    """The plain arguments of :func:`cost_benefit`, checked; returns the normalised values."""
    if a["flows"] is not None and not (hasattr(a["flows"], "columns") and hasattr(a["flows"], "iloc")):
        raise EconomicsError("economics.not_a_table", lang=lang, name="flows", value=checks.shown(a["flows"]))
    checks.table_or_path("unit_costs", a["unit_costs"], lang=lang)
    checks.table_or_path("price_index", a["price_index"], allow_mapping=True, lang=lang)
    if not isinstance(a["columns"], ledger.TableColumns):
        raise EconomicsError("economics.bad_item", lang=lang, name="columns", expected="TableColumns(...)",
                             got=checks.shown(a["columns"]))
    for name in ("fund", "cost_source", "benefit_source"):
        if a[name] is not None:
            checks.text(name, a[name], lang=lang)
    opt = {
        "rate": check_rate(a["discount_rate"], lang=lang),
        "payback_within": checks.integer("payback_within", a["payback_within"], low=1, lang=lang),
        "n_sims": checks.integer("n_sims", a["n_sims"], low=1, high=checks.MAX_SIMS, lang=lang),
        "repayment_share": checks.share("repayment_share", a["repayment_share"], lang=lang),
        "costs": checks.items("costs", a["costs"], CostItem, lang=lang),
        "outcomes": checks.items("outcomes", a["outcomes"], Outcome, lang=lang),
    }
    opt["seed"] = None if a["seed"] is None else checks.integer("seed", a["seed"], low=0, lang=lang)
    opt["rung"] = None if a["rung"] is None else checks.integer("rung", a["rung"], low=1, high=5, lang=lang)
    opt["years"] = None if a["years"] is None else checks.years("years", a["years"], ordered=False, lang=lang)
    for name in ("base_year", "price_year"):
        opt[name] = None if a[name] is None else checks.year(name, a[name], lang=lang)
    return opt


def _years_of(costs: Sequence[CostItem], years: Sequence[int] | None, outcomes: Sequence[Outcome],
              table_years: tuple[int, ...], *, lang: str) -> tuple[int, ...]:
    found: list[int] = list(table_years)
    if years is not None:
        found += [int(y) for y in years]
    for item in costs:
        if isinstance(item, CostItem):
            found += list(item.yearly())
    if outcomes and years is None and not table_years:
        raise EconomicsError("economics.years_needed", lang=lang)
    if not found:
        raise EconomicsError("economics.nothing_to_value", lang=lang)
    return tuple(range(min(found), max(found) + 1))


def cost_benefit(
    flows: "pd.DataFrame | None" = None,
    *,
    costs: Sequence[CostItem] = (),
    outcomes: Sequence[Outcome] = (),
    unit_costs: Any = None,
    evidence: Any = None,
    rung: int | None = None,
    years: Sequence[int] | None = None,
    holders: Mapping[str, str] | None = None,
    perspective: Any = "kommun",
    discount_rate: float = DEFAULT_DISCOUNT_RATE,
    base_year: int | None = None,
    price_year: int | None = None,
    price_index: Any = None,
    payback_within: int = 5,
    cost_range: tuple[float, float] | None = None,
    fund: str | None = None,
    repayment_share: float = 0.5,
    n_sims: int = 4000,
    seed: int | None = 20240101,
    columns: ledger.TableColumns = ledger.TableColumns(),
    cost_source: str | None = None,
    benefit_source: str | None = None,
    lang: str | None = None,
) -> CostBenefitResult:
    r"""Municipal cost-benefit of an intervention: NPV per budget holder, payback, P(payback), repayment.

    Parameters
    ----------
    flows
        Optional long table of costs and savings (one row per amount: year, budget holder, item,
        type Kostnad/Besparing/Intäkt, positive amount, optional source), e.g.
        ``wb.load_sample("kostnader")``. Monthly rows are summed per year.
    costs
        :class:`~workbench.economics.costs.CostItem` s (staff, overhead, premises, training).
    outcomes
        :class:`~workbench.economics.valuation.Outcome` s: effects valued with ``unit_costs``.
    unit_costs
        Unit-cost table (path or DataFrame; ``None``: the shipped EXEMPEL table).
    evidence
        The effect behind the *table's* savings (an ``Estimate`` or a rung-4/5 result); its
        interval scales those savings in the uncertainty analysis.
    rung
        Evidence rung when ``evidence``/the outcomes' effects are bare numbers or Estimates.
    years
        The calculation's years (needed with ``outcomes`` and no table).
    holders
        ``{budget holder: level}`` (kommun, region, stat, individ). When given, every holder
        used must be in it; when not, levels are guessed from the names (listed in the assumptions).
    perspective
        ``"kommun"`` (default), ``"offentlig"``, ``"samhälle"`` or a list of holders.
    discount_rate
        Real rate per year, 0 ≤ r < 1; default 3.5 % (ASEK and the UK Green Book).
    base_year
        Year of present value (default the first year); earlier years are compounded forward.
    price_year, price_index
        Unit costs are moved to ``price_year`` (default ``base_year``) prices with the index table.
    payback_within
        N in P(pays back within N budget years).
    cost_range
        ``(low, high)`` multipliers of every cost (e.g. ``(0.9, 1.25)``), PERT-distributed; default
        no cost uncertainty.
    fund, repayment_share
        The investment fund (a budget holder whose costs are the investment) and the share of each
        year's positive net saving the other municipal holders repay.
    n_sims, seed
        Monte Carlo size and seed.
    columns, cost_source, benefit_source
        Column names of ``flows`` and which source (e.g. ``"Budget"``, ``"Utfall huvudbok"``,
        ``"Beräkning"``) cost and saving rows come from when the table mixes several.

    Notes
    -----
    With signed flows :math:`f_{h,y}` (costs negative), perspective :math:`P` and base year
    :math:`y_0`:

    .. math:: NPV_P = \sum_{h \in P} \sum_y f_{h,y} (1 + r)^{-(y - y_0)}

    The payback year is the first :math:`y` with :math:`\sum_{h\in P}\sum_{y' \le y} f_{h,y'} \ge 0`.
    The break-even effect scales every effect by the same :math:`k` with :math:`NPV_P(k) = 0`.
    """
    import numpy as np

    lang = resolve_lang(lang)
    opt = _check_arguments(dict(locals()), lang=lang)  # every argument, before any other local
    rate, payback_within, n_sims, repayment_share = (opt[k] for k in ("rate", "payback_within", "n_sims",
                                                                       "repayment_share"))
    costs, outcomes, seed, rung, years = (opt[k] for k in ("costs", "outcomes", "seed", "rung", "years"))
    base_year, price_year = opt["base_year"], opt["price_year"]
    factors: dict[str, Factor] = {}
    lo, hi = _check_range("cost_range", cost_range, lang=lang) if cost_range is not None else (1.0, 1.0)
    factors[ledger.COST_FACTOR] = Factor(ledger.COST_FACTOR, "kostnadsnivå (alla kostnader)", 1.0, lo, hi,
                                         "pert" if hi > lo else "fixed", 0.0, "cost_level")
    components: list = []
    evidences: dict[str, Evidence] = {}
    assumptions: list[tuple[str, dict[str, Any]]] = []
    table = None
    if flows is not None:
        ev = evidence_of(evidence, rung=rung, name="evidence", lang=lang) if evidence is not None else None
        if ev is not None and ev.point == 0:
            raise EconomicsError("economics.evidence_zero", lang=lang)
        point = ev.point if ev else 1.0
        factors[ledger.EFFECT_FACTOR] = Factor(
            ledger.EFFECT_FACTOR, "effekt (tabellens besparingar)" if ev else "skala på tabellens besparingar",
            point, ev.ci_low if ev else 1.0, ev.ci_high if ev else 1.0,
            "normal" if ev and ev.std > 0 else "fixed", ev.std if ev else 0.0, "effect")
        table = ledger.table_components(flows, columns=columns, cost_source=cost_source,
                                        benefit_source=benefit_source, cost_factor=ledger.COST_FACTOR,
                                        benefit_factor=ledger.EFFECT_FACTOR, benefit_scale=point, lang=lang)
        components += table.components
        if ev is not None:
            evidences["tabell"] = ev
            assumptions.append(("economics.assume_effect_scaling", {"effect": {"number": ev.point}}))
        assumptions.append(("economics.assume_table", {
            "cost_source": table.cost_source or "–", "benefit_source": table.benefit_source or "–"}))
    all_years = _years_of(costs, years, outcomes, table.years if table else (), lang=lang)
    first_year = all_years[0] if base_year is None else base_year
    components += cost_components(costs, all_years, factor=ledger.COST_FACTOR, lang=lang)
    if costs:
        assumptions.append(("economics.assume_social_fees", {}))
    level_hints: dict[str, str] = {}
    examples: tuple[str, ...] = ()
    if outcomes:
        from workbench.economics.unit_costs import adjust_prices, unit_cost_table

        to_year = price_year if price_year is not None else first_year
        uc = adjust_prices(unit_cost_table(unit_costs, lang=lang), to_year, index=price_index, lang=lang)
        valued = value_outcomes(outcomes, uc, all_years, rung=rung, lang=lang)
        components += valued.components
        factors.update({f.name: f for f in valued.factors})
        evidences.update(valued.evidence)
        level_hints, examples = valued.levels, valued.example_keys
        assumptions.append(("economics.assume_prices", {
            "year": to_year, "index": "KPI (exempelvärden, SCB)" if price_index is None else "angivet index"}))
        for o in outcomes:
            ev_o = valued.evidence[o.name]
            assumptions.append(("economics.assume_outcome", {
                "name": o.name, "effect": {"number": ev_o.point}, "n": {"number": float(o.n)},
                "ramp": {"numbers": [float(v) for v in o.ramp]}, "persistence": {"rate": o.persistence},
                "units": {"number": float(o.units_per_year)}, "keys": list(o.unit_costs)}))
    if not components:
        raise EconomicsError("economics.nothing_to_value", lang=lang)

    used = [c.holder for c in components]
    levels, guessed = resolve_holders(used, holders, lang=lang)
    if guessed:
        levels.update({h: lv for h, lv in level_hints.items() if h in levels})
    persp_label, persp = resolve_perspective(perspective, levels, lang=lang)
    model = Model(tuple(components), tuple(factors.values()), all_years)
    d = np.array(discount_factors(all_years, first_year, rate))

    # -- point results ----------------------------------------------------------------------------
    point = model.point_values()
    mult = model.multipliers(point)[0]
    base = model.base_matrix()
    pv_costs: dict[str, float] = {h: 0.0 for h in levels}
    pv_benefits: dict[str, float] = {h: 0.0 for h in levels}
    net_by_holder = {h: np.zeros(len(all_years)) for h in levels}
    effect_names = {f.name for f in model.factors if f.group == "effect"}
    pv_scaled = 0.0
    for i, c in enumerate(model.components):
        amounts = base[i] * mult[i]
        pv = float(amounts @ d)
        net_by_holder[c.holder] += amounts
        if c.flow_type == COST:
            pv_costs[c.holder] += -pv
        else:
            pv_benefits[c.holder] += pv
        if c.holder in persp and effect_names.intersection(c.factors):
            pv_scaled += pv
    npv_by_holder = {h: pv_benefits[h] - pv_costs[h] for h in levels}
    npv = float(sum(npv_by_holder[h] for h in persp))
    persp_net = sum((net_by_holder[h] for h in persp), np.zeros(len(all_years)))
    k = break_even_scale(npv - pv_scaled, pv_scaled)
    break_even = {} if k is None else {f.name: k * f.point for f in model.factors if f.group == "effect"}

    sim = simulate(model, persp, d, n_sims=int(n_sims), seed=seed, payback_within=int(payback_within))
    torn = tornado(model, persp, d)

    # -- evidence, repayment, warnings --------------------------------------------------------------
    rungs = [e.rung for e in evidences.values()]
    ev_rung = None if (not rungs or any(r is None for r in rungs)) else int(min(rungs))
    if rung is not None and not evidences:
        ev_rung = int(rung)
    warns: list[Msg] = []
    if examples:
        warns.append(Msg("economics.warn_example_values", keys=list(examples)))
    for e in evidences.values():
        if e.credible is False:
            warns.append(Msg("economics.warn_not_credible", problems=list(e.problems) or "–"))
    if evidences and all(e.std == 0 for e in evidences.values()):
        warns.append(Msg("economics.warn_no_uncertainty"))
    pb = payback_year(all_years, persp_net.tolist())
    if pb is None:
        warns.append(Msg("economics.warn_never_pays_back", first=all_years[0], last=all_years[-1],
                         perspective=Msg(f"economics.perspective_name.{persp_label}")))
    plan = None
    if fund is not None:
        if fund not in levels:
            raise EconomicsError("economics.unknown_fund", lang=lang, fund=fund, known=sorted(levels))
        invest = [-sum(base[i][j] * mult[i] for i, c in enumerate(model.components)
                       if c.holder == fund and c.flow_type == COST) for j in range(len(all_years))]
        plan = repayment_plan({h: v.tolist() for h, v in net_by_holder.items()}, all_years, fund=fund,
                              investment_by_year=invest, levels=levels, share=float(repayment_share),
                              evidence_rung=ev_rung, lang=lang)
        if ev_rung is None:
            warns.append(Msg("economics.warn_rung_unknown"))
        elif ev_rung < MIN_RUNG_FOR_REPAYMENT:
            warns.append(Msg("economics.warn_rung_low", rung=ev_rung))
        if plan.outside:
            warns.append(Msg("economics.warn_outside_municipality", holders=list(plan.outside)))
        assumptions.append(("economics.assume_repayment", {
            "share": {"rate": float(repayment_share)}, "fund": fund, "investment": {"kr": plan.investment}}))

    assumptions[:0] = [
        ("economics.assume_discount", {"rate": {"rate": rate}, "base_year": first_year}),
        ("economics.assume_perspective", {"perspective": Msg(f"economics.perspective_label.{persp_label}"),
                                          "holders": list(persp)}),
        ("economics.assume_levels", {"pairs": [f"{h}: {lv}" for h, lv in levels.items()]}),
        ("economics.assume_payback", {}),
    ]
    assumptions.append(("economics.assume_monte_carlo", {"n_sims": {"number": float(n_sims)}, "seed": seed}))

    yearly = _yearly(model, levels, persp, d, base, mult)
    flows_out = model.flows()
    flows_out["level"] = flows_out["holder"].map(levels)
    disc_net = persp_net * d
    prov = Provenance(
        "cost_benefit",
        options={"discount_rate": rate, "perspective": persp_label, "base_year": first_year,
                 "payback_within": int(payback_within), "n_sims": int(n_sims), "seed": seed,
                 "cost_range": cost_range, "fund": fund, "repayment_share": repayment_share,
                 "cost_source": table.cost_source if table else None,
                 "benefit_source": table.benefit_source if table else None,
                 "n_costs": len(costs), "outcomes": [o.name for o in outcomes]},
        columns=vars(columns) if flows is not None else {},
        n_rows=table.n_rows if table else None,
    )
    return CostBenefitResult(
        provenance=prov, warning_msgs=collect_warnings(warns), years=all_years, base_year=first_year,
        discount_rate=rate, perspective=persp_label, perspective_holders=persp, levels=levels, npv=npv,
        npv_all=float(sum(npv_by_holder.values())), npv_by_holder=npv_by_holder, pv_costs_by_holder=pv_costs,
        pv_benefits_by_holder=pv_benefits, payback_year=pb,
        discounted_payback_year=payback_year(all_years, disc_net.tolist()), break_even=break_even,
        break_even_scale=k, simulation=sim, tornado_table=torn, yearly=yearly, flows=flows_out,
        repayment=plan, evidence_rung=ev_rung, assumptions=tuple(assumptions), lang=lang,
    )


def _yearly(model: Model, levels: dict[str, str], persp: tuple[str, ...], d: Any, base: Any,
            mult: Any) -> "pd.DataFrame":
    import pandas as pd

    rows = []
    for h, lv in levels.items():
        cum = 0.0
        for j, y in enumerate(model.years):
            cost = -sum(base[i][j] * mult[i] for i, c in enumerate(model.components)
                        if c.holder == h and c.flow_type == COST)
            ben = sum(base[i][j] * mult[i] for i, c in enumerate(model.components)
                      if c.holder == h and c.flow_type != COST)
            cum += ben - cost
            rows.append((y, h, lv, h in persp, cost, ben, ben - cost, cum, (ben - cost) * d[j]))
    return pd.DataFrame(rows, columns=["year", "holder", "level", "in_perspective", "costs", "benefits", "net",
                                       "cumulative_net", "discounted_net"])
