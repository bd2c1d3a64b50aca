"""The repayment model (återföringsmodell): who pays what back to the investment fund, and when.

Örebro's and Uppsala's social investment funds asked the budget holders that saved money to repay
the fund. The model here makes the rule explicit: each municipal budget holder other than the fund
pays ``share`` of its *positive net saving* each year, until the fund has got back what it put
in (never more). Holders outside the municipality (region, state, individual) cannot be required
to repay and are listed apart. The plan is flagged when the effect's evidence is below rung 4 of
the evaluation ladder (no comparison group): then repayment should not be demanded on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.core.errors import EconomicsError
from workbench.core.results import json_safe
from workbench.economics import checks
from workbench.economics.holders import LEVELS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

MIN_RUNG_FOR_REPAYMENT = 4


@dataclass(frozen=True)
class RepaymentPlan:
    """Yearly repayments per holder, the fund's balance, and whether the evidence carries it."""

    fund: str
    investment: float
    share: float
    table: "pd.DataFrame"
    repaid_total: float
    repaid_year: int | None
    outside: tuple[str, ...]
    evidence_rung: int | None
    evidence_ok: bool
    problems: tuple[str, ...] = field(default=())

    def by_holder(self) -> dict[str, float]:
        return {str(h): float(v) for h, v in self.table.groupby("holder", sort=False)["repayment"].sum().items()}

    def to_dict(self) -> dict[str, Any]:
        return {"fund": self.fund, "investment": self.investment, "share": self.share,
                "repaid_total": self.repaid_total, "repaid_year": self.repaid_year,
                "outside_municipality": list(self.outside), "evidence_rung": self.evidence_rung,
                "evidence_ok": self.evidence_ok, "by_holder": self.by_holder(),
                "table": json_safe(self.table)}


def repayment_plan(net_by_holder: Mapping[str, Sequence[float]], years: Sequence[int], *, fund: str,
                   investment_by_year: Sequence[float], levels: Mapping[str, str], share: float = 0.5,
                   evidence_rung: int | None = None, lang: str | None = None) -> RepaymentPlan:
    r"""Repayments to ``fund`` year by year.

    Parameters
    ----------
    net_by_holder
        holder → net flow per year (savings + revenues − own costs), point values; one finite
        amount per year for every holder.
    years
        The calculation's years (increasing whole years).
    fund
        The investment fund's name (a budget holder in ``net_by_holder``; it is not asked to
        repay itself).
    investment_by_year
        What the fund pays out per year (its costs, ≥ 0, one per year); the repayment cap is their sum.
    levels
        holder → level (kommun, region, stat, individ) for every holder; only ``kommun`` holders repay.
    share
        Share of each year's positive net saving that is repaid (0–1).
    evidence_rung
        Rung of the effect behind the savings; below 4 (or unknown) the plan is flagged.

    Notes
    -----
    With :math:`S_{h,y}` the net saving of holder :math:`h` in year :math:`y`, :math:`I` the
    investment and :math:`R_{<y}` what is repaid before year :math:`y`:

    .. math:: r_{h,y} = \min\Big(s\,\max(S_{h,y}, 0),\; \big(I - R_{<y} - \sum_{h' < h} r_{h',y}\big)^+\Big)
    """
    import pandas as pd

    years, net_by_holder, investment_by_year, share, evidence_rung = _checked(
        net_by_holder, years, fund, investment_by_year, levels, share, evidence_rung, lang=lang)
    investment = float(sum(investment_by_year))
    payers = [h for h in net_by_holder if h != fund and levels.get(h) == "kommun"]
    outside = tuple(h for h in net_by_holder if levels.get(h) != "kommun" and max(net_by_holder[h]) > 0)
    rows = []
    repaid = 0.0
    repaid_year = None
    for j, y in enumerate(years):
        for h in payers:
            saving = float(net_by_holder[h][j])
            due = share * max(saving, 0.0)
            pay = min(due, max(investment - repaid, 0.0))
            repaid += pay
            rows.append((int(y), h, saving, pay, investment - repaid))
        if repaid_year is None and investment > 0 and repaid >= investment - 1e-6:
            repaid_year = int(y)
    table = pd.DataFrame(rows, columns=["year", "holder", "net_saving", "repayment", "fund_outstanding"])
    ok = evidence_rung is not None and evidence_rung >= MIN_RUNG_FOR_REPAYMENT
    return RepaymentPlan(fund, investment, float(share), table, repaid, repaid_year, outside, evidence_rung, ok)


def _checked(net_by_holder: Any, years: Any, fund: Any, investment_by_year: Any, levels: Any, share: Any,
             evidence_rung: Any, *, lang: str | None
             ) -> tuple[list[int], dict[str, list[float]], list[float], float, int | None]:
    """The arguments of :func:`repayment_plan`, checked (holders' flows as lists of floats)."""
    example = "{'Socialnämnden': [0, 30000]}"
    found = checks.years("years", years, lang=lang)
    nets = checks.mapping("net_by_holder", net_by_holder, example=example, lang=lang)
    if not nets:
        raise EconomicsError("economics.empty", lang=lang, name="net_by_holder", value="{}")
    out: dict[str, list[float]] = {}
    for holder, values in nets.items():
        checks.text("net_by_holder", holder, lang=lang)
        name = f"net_by_holder[{holder!r}]"
        out[holder] = checks.amounts(name, values, lang=lang)
        checks.same_length(name, len(out[holder]), "years", len(found), lang=lang)
    checks.text("fund", fund, lang=lang)
    if fund not in out:
        raise EconomicsError("economics.unknown_fund", lang=lang, fund=fund, known=sorted(out))
    invest = checks.amounts("investment_by_year", investment_by_year, lang=lang)
    checks.same_length("investment_by_year", len(invest), "years", len(found), lang=lang)
    for i, v in enumerate(invest, start=1):
        if v < 0:
            raise EconomicsError("economics.negative_in_list", lang=lang, name="investment_by_year", position=i,
                                 value=checks.shown(v))
    checks.mapping("levels", levels, example="{'Socialnämnden': 'kommun'}", lang=lang)
    for holder in out:
        if holder not in levels:
            raise EconomicsError("economics.level_missing", lang=lang, name="levels", holder=holder, allowed=LEVELS)
        if levels[holder] not in LEVELS:
            raise EconomicsError("economics.unknown_level", lang=lang, level=levels[holder], holder=holder,
                                 allowed=LEVELS)
    share = checks.share("share", share, lang=lang)
    rung = None if evidence_rung is None else checks.integer("evidence_rung", evidence_rung, low=1, high=5, lang=lang)
    return found, out, invest, share, rung
