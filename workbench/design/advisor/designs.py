"""The designs the advisor compares, one small class each, sharing one solver.

Every design turns "people in the treated group so far" into power. People arrive at a fixed
rate (new cases a month, summed over pooled municipalities), so months of recruitment and group
size are proportional; months needed is where power reaches the target. Effects are in standard
deviation units: Cohen's d for a continuous outcome and Cohen's h for a binary one (on the
arcsine scale a person's outcome has variance 1, so h behaves as d).

Notes
-----
* Randomized, individual: half the inflow to each arm; two-sample power (``pwr``).
* Cluster randomized: ``clusters`` units share the inflow, half of them treated; PowerUp! CRA2
  power with the given ICC, cluster size = people so far / clusters.
* Matched comparison: everyone in the inflow gets the intervention; the comparison group is
  matched from existing records. Matching loses precision relative to an RCT of the same size
  (residual imbalance, discarded and reused controls, pair dependence): the variance is multiplied
  by ``matching_inflation`` (default 1.25, an allowance, not an estimate; check a specific case with
  :func:`~workbench.design.power.simulation.simulate_matched`). It also rests on no unmeasured confounding.
* Area comparison (difference-in-differences): the inflow lives in ``treated_districts``; each of
  the ``districts`` has the same monthly inflow. With :math:`n_1, n_0` people per district after and
  before, :math:`G_1` treated and :math:`G_0` comparison districts and a district-by-phase shock with
  variance :math:`\\tau^2` (``area_icc``, relative to a person's variance),
  :math:`Var = (2\\tau^2 + 1/n_1 + 1/n_0)(1/G_1 + 1/G_0)`, and power
  :math:`T_{G-2}(ES/\\sqrt{Var} - t_{1-\\alpha/2,G-2})`. The period before comes from existing statistics
  (``months_before``; default as long as the period after).
* Before/after: one group against its own baseline — ``pwr.p.test`` (binary, baseline known) or
  paired t with :math:`d_z = d/\\sqrt{2(1-r)}`. It can show a change, not an effect (rung 3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workbench.design.power import engine as eng
from workbench.design.power.cluster import cra2_clusters, cra2_power

BIG_N = 1e9


@dataclass(frozen=True)
class Plan:
    """Everything the designs need, already validated (see :func:`workbench.design.advisor.api.advise`)."""

    outcome: str
    effect: float  # absolute effect in SD units (h or d)
    baseline: float | None
    direction: int  # -1: the hoped-for level is below the baseline, +1: above
    inflow: float  # new cases a month, all pooled municipalities
    months_planned: float
    alpha: float
    power: float
    clusters: int | None
    icc: float
    districts: int | None
    treated_districts: int
    months_before: float | None
    area_icc: float
    matching_inflation: float
    prepost_correlation: float


class Design:
    """One design: its rung, how fast its treated group grows, and its power for a group size."""

    key = "design"
    rung = 0
    randomized_share = 1.0  # share of the inflow that is in the treated group

    def assessable(self, plan: Plan) -> str | None:
        """``None`` if the design can be assessed, else the missing input's name."""
        return None

    def per_month(self, plan: Plan) -> float:
        return plan.inflow * self.randomized_share

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:  # pragma: no cover - abstract
        raise RuntimeError("subclass must define power_fn")

    def n_needed(self, plan: Plan) -> float | None:
        """Treated-group size at which power reaches the target; ``None`` if never."""
        if self.power_fn(plan, plan.effect, BIG_N) < plan.power:
            return None
        return eng.solve(lambda n: self.power_fn(plan, plan.effect, n), plan.power, 2.0 + 1e-10, BIG_N)

    def mdes(self, plan: Plan, n: float) -> float | None:
        """Smallest effect (SD units) detectable with ``n`` in the treated group."""
        if n < 2:
            return None
        return eng.solve(lambda es: self.power_fn(plan, es, n), plan.power, 1e-7, 10.0)

    def clusters_needed(self, plan: Plan) -> int | None:
        return None


class RandomizedIndividual(Design):
    key, rung, randomized_share = "rct", 5, 0.5

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:
        if plan.outcome == "binary":
            return eng.power_two_proportions(effect, n, n, plan.alpha, "two-sided")
        return eng.power_two_means(effect, n, n, plan.alpha, "two-sided")


class ClusterRandomized(Design):
    key, rung, randomized_share = "cluster", 5, 0.5

    def assessable(self, plan: Plan) -> str | None:
        return "clusters" if plan.clusters is None or plan.clusters < 3 else None

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:
        size = max(1.0, 2.0 * n / plan.clusters)
        return cra2_power(plan.clusters, size, plan.icc, effect, alpha=plan.alpha)

    def clusters_needed(self, plan: Plan) -> int | None:
        j = cra2_clusters(plan.effect, BIG_N, plan.icc, alpha=plan.alpha, power=plan.power)
        return None if j is None else int(math.ceil(j))


class MatchedComparison(Design):
    key, rung = "matched", 4

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:
        n_eff = n / plan.matching_inflation
        return RandomizedIndividual().power_fn(plan, effect, max(n_eff, 2.0))


class AreaComparison(Design):
    key, rung = "area", 4

    def assessable(self, plan: Plan) -> str | None:
        ok = plan.districts is not None and plan.districts >= 3 and 1 <= plan.treated_districts < plan.districts
        return None if ok else "districts"

    def variance(self, plan: Plan, n: float) -> float:
        g1 = plan.treated_districts
        g0 = plan.districts - g1
        n_after = n / g1
        n_before = n_after if plan.months_before is None else plan.inflow * plan.months_before / g1
        return (2.0 * plan.area_icc + 1.0 / n_after + 1.0 / n_before) * (1.0 / g1 + 1.0 / g0)

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:
        from scipy.stats import t

        df = plan.districts - 2
        return float(t.cdf(effect / math.sqrt(self.variance(plan, n)) - t.isf(plan.alpha / 2.0, df), df))


class BeforeAfter(Design):
    key, rung = "prepost", 3

    def power_fn(self, plan: Plan, effect: float, n: float) -> float:
        if plan.outcome == "binary":
            return eng.power_one_proportion(effect, n, plan.alpha, "two-sided")
        d_z = effect / math.sqrt(2.0 * (1.0 - plan.prepost_correlation))
        return eng.power_paired(d_z, n, plan.alpha, "two-sided")


DESIGNS: dict[str, Design] = {d.key: d for d in (RandomizedIndividual(), ClusterRandomized(), MatchedComparison(),
                                                 AreaComparison(), BeforeAfter())}
