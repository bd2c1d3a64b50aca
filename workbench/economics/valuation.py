"""From effects on outcomes to costs avoided, per budget holder and year.

An :class:`Outcome` says how an effect (self-support, placements avoided, months of assistance,
re-reports) turns into avoided units, and which rows of the unit-cost table value one unit. Each
(outcome, unit-cost row) pair becomes one component of the model, multiplied by two uncertain
factors: the effect and the unit cost.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import EconomicsError
from workbench.core.results import Estimate
from workbench.economics import checks
from workbench.economics.model import SAVING, Component, Factor
from workbench.economics.timeline import check_end_year, effect_path
from workbench.economics.unit_costs import is_example, lookup

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


@dataclass(frozen=True)
class Evidence:
    """An effect as the economics room needs it: point, standard error, rung and credibility."""

    point: float
    std: float
    ci_low: float
    ci_high: float
    rung: int | None = None
    credible: bool | None = None
    problems: tuple[Any, ...] = ()


def evidence_of(effect: Any, *, rung: int | None = None, name: str = "evidence",
                lang: str | None = None) -> Evidence:
    """Read a finite number, an :class:`Estimate` or a result with ``.estimate`` (and ``.rung``)."""
    if checks.is_number(effect):
        return Evidence(float(effect), 0.0, float(effect), float(effect), rung)
    est = effect if isinstance(effect, Estimate) else getattr(effect, "estimate", None)
    if not isinstance(est, Estimate) or not math.isfinite(est.estimate):
        raise EconomicsError("economics.bad_evidence", lang=lang, name=name, got=checks.shown(effect))
    std = est.std_error if est.std_error is not None and math.isfinite(est.std_error) else 0.0
    found_rung = getattr(type(effect), "rung", None) if not isinstance(effect, Estimate) else None
    credible = getattr(effect, "credible", None)
    # the messages themselves where the result keeps them, so they render in the reader's language
    problems = tuple(getattr(effect, "problem_msgs", None) or getattr(effect, "credibility_problems", ()) or ())
    low = est.ci_low if math.isfinite(est.ci_low) else est.estimate
    high = est.ci_high if math.isfinite(est.ci_high) else est.estimate
    return Evidence(float(est.estimate), float(std), float(low), float(high),
                    rung if rung is not None else found_rung, credible, problems)


@dataclass(frozen=True)
class Outcome:
    """An effect on one outcome and how it is valued.

    Parameters
    ----------
    name
        The outcome, e.g. ``"självförsörjande"``.
    effect
        Effect per participant: a number, an :class:`Estimate` or a rung-4/5 result (its
        ``estimate`` and ``rung`` are used), e.g. 0.15 (15 percentage points more self-supporting).
    n
        Number of participants the effect applies to.
    unit_costs
        Keys of the unit-cost table valuing one avoided unit, e.g.
        ``("forsorjningsstod_hushall_manad", "kommunalskatt_arbetande_manad")``.
    units_per_year
        Units of those costs per affected participant and year (12 for monthly costs, 365 for
        costs per care day, 1 for yearly costs).
    better
        ``"higher"`` when a positive effect saves money (self-support), ``"lower"`` when a
        negative effect saves (placements, months of assistance, re-reports).
    start_year, ramp, persistence, end_year
        The effect's path over time (see :func:`workbench.economics.timeline.effect_path`);
        ``start_year`` defaults to the calculation's first year.
    holders
        Optional ``{unit-cost key: budget holder}`` to book a saving with a local holder name
        instead of the table's ``budgetansvarig``.
    """

    name: str
    effect: Any
    n: float
    unit_costs: Sequence[str]
    units_per_year: float = 12.0
    better: str = "higher"
    start_year: int | None = None
    ramp: Sequence[float] = (1.0,)
    persistence: float = 1.0
    end_year: int | None = None
    holders: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        _check_outcome(self, lang=None)


def _check_outcome(o: Any, *, lang: str | None) -> None:
    """Every field of an :class:`Outcome` (on creation, and again in the caller's language)."""
    if not isinstance(o, Outcome):
        raise EconomicsError("economics.bad_item", lang=lang, name="outcomes", expected="Outcome",
                             got=checks.shown(o))
    name = checks.text("name", o.name, lang=lang)
    evidence_of(o.effect, name=f"{name}: effect", lang=lang)
    checks.number(f"{name}: n", o.n, low=0, lang=lang)
    checks.number(f"{name}: units_per_year", o.units_per_year, low=0, lang=lang)
    if o.better not in ("higher", "lower"):
        raise EconomicsError("economics.bad_item", lang=lang, name=f"{name}: better",
                             expected="'higher' / 'lower'", got=checks.shown(o.better))
    for key in checks.as_list(f"{name}: unit_costs", o.unit_costs, lang=lang):
        checks.text(f"{name}: unit_costs", key, lang=lang)
    checks.shares(f"{name}: ramp", o.ramp, lang=lang)
    checks.share(f"{name}: persistence", o.persistence, lang=lang)
    if o.start_year is not None:
        start = checks.year(f"{name}: start_year", o.start_year, lang=lang)
        check_end_year(o.end_year, start, name=f"{name}: end_year", start_name=f"{name}: start_year", lang=lang)
    elif o.end_year is not None:
        checks.year(f"{name}: end_year", o.end_year, lang=lang)
    if o.holders is not None:
        holders = checks.mapping(f"{name}: holders", o.holders, example="{'hvb': 'Socialnämnden'}", lang=lang)
        for key, holder in holders.items():
            checks.text(f"{name}: holders[{key!r}]", holder, lang=lang)


@dataclass(frozen=True)
class Valued:
    """What valuing the outcomes produced for the model and the explanation."""

    components: tuple[Component, ...]
    factors: tuple[Factor, ...]
    levels: dict[str, str]
    example_keys: tuple[str, ...]
    evidence: dict[str, Evidence]


def value_outcomes(outcomes: Sequence[Outcome], table: "pd.DataFrame", years: Sequence[int], *,
                   rung: int | None = None, lang: str | None = None) -> Valued:
    r"""Components and factors of avoided costs for every (outcome, unit cost) pair.

    Notes
    -----
    For outcome :math:`o` with effect :math:`\tau`, participants :math:`n`, path :math:`s_y`,
    units per year :math:`u` and unit cost :math:`c_k` of holder :math:`h_k`:

    .. math:: saving_{k,y} = \pm\, \tau \cdot n \cdot s_y \cdot u \cdot c_k

    (``+`` when ``better="higher"``, ``−`` when ``better="lower"``).
    """
    components: list[Component] = []
    factors: dict[str, Factor] = {}
    levels: dict[str, str] = {}
    examples: list[str] = []
    evidence: dict[str, Evidence] = {}
    for o in outcomes:
        _check_outcome(o, lang=lang)
        ev = evidence_of(o.effect, rung=rung, name=f"{o.name}: effect", lang=lang)
        evidence[o.name] = ev
        fname = f"effekt: {o.name}"
        factors[fname] = Factor(fname, fname, ev.point, ev.ci_low, ev.ci_high,
                                "normal" if ev.std > 0 else "fixed", ev.std, "effect")
        start = o.start_year if o.start_year is not None else min(years)
        if o.start_year is None:  # the effect starts in the first year: end_year must not be before it
            check_end_year(o.end_year, start, name=f"{o.name}: end_year", start_name="years", lang=lang)
        path = effect_path(years, start_year=start, ramp=o.ramp, persistence=o.persistence,
                           end_year=o.end_year, lang=lang)
        sign = 1.0 if o.better == "higher" else -1.0
        base = tuple(sign * o.n * s * o.units_per_year for s in path)
        for key in o.unit_costs:
            row = lookup(table, key, lang=lang)
            holder = (o.holders or {}).get(key, str(row["budgetansvarig"]))
            levels.setdefault(holder, str(row.get("nivå", "kommun")))
            uname = f"enhetskostnad: {key}"
            factors.setdefault(uname, Factor(uname, str(row["post"]), float(row["belopp_kr"]),
                                             float(row["låg_kr"]), float(row["hög_kr"]),
                                             "pert" if row["hög_kr"] > row["låg_kr"] else "fixed", 0.0, "unit_cost"))
            if is_example(row):
                examples.append(key)
            components.append(Component(f"{o.name}: {row['post']}", holder, SAVING, tuple(years), base,
                                        (fname, uname)))
    return Valued(tuple(components), tuple(factors.values()), levels, tuple(dict.fromkeys(examples)), evidence)
