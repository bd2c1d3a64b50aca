"""Intervention costs per year and budget holder: staff, overhead, premises, training.

Social fees (default)
---------------------
``DEFAULT_SOCIAL_FEE_RATE = 0.3142`` — the statutory employer contributions (arbetsgivaravgifter,
31.42 % of gross salary since 2009 for employees aged 26–65; Skatteverket). This is an
**assumption** and a floor: a municipality's full personnel on-cost (PO-pålägg) also carries
collective-agreement insurance and occupational pension and is typically around 0.40 (SKR
publishes the PO-pålägg each year). Pass ``social_fee_rate=0.40`` (or your own rate) for the full
cost. The default matches the teaching data ``kostnader``.

Every amount is a positive number in kronor; whether it is a cost, a saving or a revenue is said
by ``flow_type`` ("cost", "saving", "revenue" — Swedish "Kostnad", "Besparing", "Intäkt" also
accepted). A one-off item falls in its first year only; a running item in every one of its years,
growing by ``growth`` a year (e.g. 0.025 for salary drift in current prices).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.core.errors import EconomicsError
from workbench.economics import checks
from workbench.economics.model import COST, FLOW_TYPES, REVENUE, SAVING, Component

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DEFAULT_SOCIAL_FEE_RATE = 0.3142
TYPICAL_MUNICIPAL_PO_RATE = 0.40
CATEGORIES = ("personal", "overhead", "lokaler", "utbildning", "aktiviteter", "övrigt")

_TYPE_WORDS = {
    "kostnad": COST, "cost": COST, "besparing": SAVING, "saving": SAVING,
    "intäkt": REVENUE, "revenue": REVENUE, "undviken kostnad": SAVING,
}


def flow_type_of(value: str, *, row: int | str = "–", lang: str | None = None) -> str:
    """``"cost"``, ``"saving"`` or ``"revenue"`` from a Swedish or English word."""
    key = str(value).strip().lower()
    if key not in _TYPE_WORDS:
        raise EconomicsError("economics.bad_type", lang=lang, value=value, row=row)
    return _TYPE_WORDS[key]


def staff_cost(fte: float, monthly_salary: float, *, social_fee_rate: float = DEFAULT_SOCIAL_FEE_RATE,
               months: float = 12.0, lang: str | None = None) -> float:
    r"""Yearly cost of staff: ``fte · monthly_salary · months · (1 + social_fee_rate)``.

    ``fte`` and ``monthly_salary`` are numbers ≥ 0, ``social_fee_rate`` a share in [0, 1] (0.3142,
    not 31.42) and ``months`` a number of months from 0 to 12.

    Notes
    -----
    Three caseworkers at 38 500 kr a month with 31.42 % fees cost
    :math:`3 \cdot 38\,500 \cdot 12 \cdot 1.3142 = 1\,821\,481` kr a year.
    """
    fte = checks.number("fte", fte, low=0, lang=lang)
    salary = checks.number("monthly_salary", monthly_salary, low=0, lang=lang)
    fees = checks.share("social_fee_rate", social_fee_rate, lang=lang)
    months = checks.number("months", months, low=0, high=12, lang=lang)
    return fte * salary * months * (1.0 + fees)


def _check_amount(item: str, value: float, *, lang: str | None = None) -> float:
    if not checks.is_number(value):
        raise EconomicsError("economics.not_a_number", lang=lang, name=f"{item}: amount", value=checks.shown(value))
    if value < 0:
        raise EconomicsError("economics.negative_amount", lang=lang, item=item, value=value)
    return float(value)


@dataclass(frozen=True)
class CostItem:
    """One cost (or fixed saving) of one budget holder.

    Parameters
    ----------
    name
        What it is, e.g. ``"Socialsekreterare (3 heltid)"``.
    holder
        The budget holder who pays (or saves), e.g. ``"Stadsområde Söder"``.
    amount
        Kronor per year (running) or in total (one-off); always ≥ 0.
    years
        The years it runs (``range(2018, 2021)``); a one-off item uses the first.
    one_off
        ``True`` for a one-time cost (start-up training, equipment).
    category
        One of ``CATEGORIES`` (personal, overhead, lokaler, utbildning, aktiviteter, övrigt).
    growth
        Yearly growth of a running amount (0.025 = +2.5 % a year).
    flow_type
        ``"cost"`` (default), ``"saving"`` (a cost avoided regardless of the effect, e.g. the
        ordinary caseload the programme replaces) or ``"revenue"``.
    """

    name: str
    holder: str
    amount: float
    years: Sequence[int]
    one_off: bool = False
    category: str = "övrigt"
    growth: float = 0.0
    flow_type: str = COST
    _years: tuple[int, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        self.validate()

    def yearly(self) -> dict[int, float]:
        """year → amount."""
        if self.one_off:
            return {self._years[0]: float(self.amount)} if self._years else {}
        return {y: float(self.amount) * (1.0 + self.growth) ** k for k, y in enumerate(self._years)}

    def validate(self, *, lang: str | None = None) -> "CostItem":
        """Check every field (run on creation; again in the caller's language by ``cost_benefit``)."""
        name = checks.text("name", self.name, lang=lang)
        checks.text(f"{name}: holder", self.holder, lang=lang)
        _check_amount(name, self.amount, lang=lang)
        object.__setattr__(self, "_years", tuple(checks.years(f"{name}: years", self.years, lang=lang)))
        checks.flag(f"{name}: one_off", self.one_off, lang=lang)
        if self.category not in CATEGORIES:
            raise EconomicsError("economics.bad_item", lang=lang, name=f"{name}: category",
                                 expected=" / ".join(CATEGORIES), got=checks.shown(self.category))
        checks.yearly_rate(f"{name}: growth", self.growth, lang=lang)
        if self.flow_type not in FLOW_TYPES:
            flow_type_of(self.flow_type, row=name, lang=lang)
        return self


def staff(name: str, holder: str, *, fte: float, monthly_salary: float, years: Sequence[int],
          social_fee_rate: float = DEFAULT_SOCIAL_FEE_RATE, growth: float = 0.0,
          lang: str | None = None) -> CostItem:
    """A running staff :class:`CostItem` (category ``personal``) from FTE and monthly salary."""
    checks.text("name", name, lang=lang)
    checks.text("holder", holder, lang=lang)
    amount = staff_cost(fte, monthly_salary, social_fee_rate=social_fee_rate, lang=lang)
    found = checks.years("years", years, lang=lang)
    checks.yearly_rate("growth", growth, lang=lang)
    return CostItem(name, holder, amount, years if isinstance(years, Sequence) else found, category="personal",
                    growth=growth)


def overhead(name: str, holder: str, *, share: float, of: Iterable[CostItem],
             lang: str | None = None) -> CostItem:
    """Overhead as a share (0–1) of other running items (same years and growth as the first of them)."""
    checks.text("name", name, lang=lang)
    checks.text("holder", holder, lang=lang)
    share = checks.share("share", share, lang=lang)
    items = checks.items("of", of, CostItem, empty_ok=False, lang=lang)
    for item in items:
        if item.one_off:
            raise EconomicsError("economics.overhead_one_off", lang=lang, item=item.name)
    first = items[0]
    amount = share * sum(float(i.amount) for i in items)
    years = first.years if isinstance(first.years, Sequence) else first._years
    return CostItem(name, holder, amount, years, category="overhead", growth=first.growth)


def cost_components(items: Iterable[CostItem], years: Sequence[int], *, factor: str | None = None,
                    lang: str | None = None) -> list[Component]:
    """Components of the cost items; each cost is multiplied by ``factor`` (the cost level) if given."""
    out: list[Component] = []
    year_set = set(years)
    for item in items:
        if not isinstance(item, CostItem):
            raise EconomicsError("economics.bad_item", lang=lang, name="costs",
                                 expected="CostItem", got=type(item).__name__)
        item.validate(lang=lang)
        flow_type = item.flow_type if item.flow_type in FLOW_TYPES else flow_type_of(item.flow_type, lang=lang)
        amounts = item.yearly()
        if not set(amounts) <= year_set:
            raise EconomicsError("economics.bad_years", lang=lang, item=item.name,
                                 years=sorted(amounts), first=min(years), last=max(years))
        factors = (factor,) if factor and flow_type == COST else ()
        out.append(Component(item.name, item.holder, flow_type, tuple(amounts), tuple(amounts.values()), factors))
    return out


def costs_table(items: Iterable[CostItem], *, lang: str | None = None) -> "pd.DataFrame":
    """Tidy table of the items per year: year, holder, item, category, one_off, flow_type, amount.

    ``items`` is a list of :class:`CostItem` (a single item is taken as a list of one; an empty
    list gives an empty table).
    """
    import pandas as pd

    found = checks.items("items", items, CostItem, lang=lang)
    rows = [(y, i.holder, i.name, i.category, i.one_off, i.flow_type, a)
            for i in found for y, a in i.yearly().items()]
    return pd.DataFrame(rows, columns=["year", "holder", "item", "category", "one_off", "flow_type", "amount"])
