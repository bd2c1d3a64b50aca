"""Time in a cost-benefit calculation: effect persistence, discounting, NPV, annuities, payback.

Reference discount rates (real, per year) used as defaults
-----------------------------------------------------------
* Sweden: Trafikverket's ASEK guidelines (Analysmetod och samhällsekonomiska kalkylvärden för
  transportsektorn, ASEK 7.0, 2020 and later) use a real social discount rate of **3.5 %**.
* United Kingdom: HM Treasury, *The Green Book* (2022), the social time preference rate of
  **3.5 %** real for years 0–30 (falling thereafter; our horizons are far shorter).

Both are real rates: amounts in fixed prices. Our default is therefore 0.035. A municipality that
wants a financial (nominal) view may pass its own borrowing rate.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from workbench.core.errors import EconomicsError
from workbench.economics import checks

SWEDISH_ASEK_RATE = 0.035
UK_GREEN_BOOK_RATE = 0.035
DEFAULT_DISCOUNT_RATE = SWEDISH_ASEK_RATE


def check_rate(rate: float, *, name: str = "discount_rate", lang: str | None = None) -> float:
    """A cost-benefit discount rate in [0, 1); a rate written in percent (e.g. 3.5) is refused."""
    return checks.discount_rate(name, rate, lang=lang)


def discount_factors(years: Sequence[int], base_year: int, rate: float, *,
                     lang: str | None = None) -> list[float]:
    """``1 / (1 + rate) ** (year - base_year)`` for every year.

    Notes
    -----
    Flows are booked per budget year; the base year's flows are not discounted (t = 0), as in
    the usual municipal calculation where the first budget year is "now". ``rate`` may be
    negative (above −1); ``years`` must be whole years.
    """
    found = checks.years("years", years, ordered=False, lang=lang)
    base = checks.year("base_year", base_year, lang=lang)
    r = checks.yearly_rate("rate", rate, lang=lang)
    return checks.finite(lambda: [1.0 / (1.0 + r) ** (y - base) for y in found], "rate", rate, lang=lang)


def npv(amounts: Sequence[float], rate: float, *, start: float = 0, lang: str | None = None) -> float:
    r"""Net present value of yearly amounts, the first one at time ``start``.

    ``amounts`` must hold at least one finite number; ``rate`` is a decimal above −1 and below 1
    (negative real rates are allowed; 3.5 for 3.5 % is refused); ``start`` may be fractional
    (0.5 for mid-year discounting).

    Notes
    -----
    .. math:: NPV = \sum_{t} a_t (1 + r)^{-(t + start)}
    """
    flows = checks.amounts("amounts", amounts, lang=lang)
    r = checks.yearly_rate("rate", rate, lang=lang)
    t0 = checks.number("start", start, lang=lang)
    return checks.finite(lambda: float(sum(a / (1.0 + r) ** (t + t0) for t, a in enumerate(flows))),
                         "rate", rate, lang=lang)


def annuity_factor(rate: float, years: int, *, lang: str | None = None) -> float:
    r"""Present value of 1 kr a year for ``years`` years, paid at the end of each year.

    ``years`` is a whole number ≥ 0; ``rate`` a decimal above −1 and below 1.

    Notes
    -----
    .. math:: A(r, n) = \frac{1 - (1 + r)^{-n}}{r}, \quad A(0, n) = n

    computed as :math:`-\operatorname{expm1}(-n \log(1 + r)) / r`, which stays accurate for
    rates very close to 0.
    """
    r = checks.yearly_rate("rate", rate, lang=lang)
    n = checks.integer("years", years, low=0, lang=lang)
    if r == 0:
        return float(n)
    return checks.finite(lambda: -math.expm1(-n * math.log1p(r)) / r, "rate", rate, lang=lang)


def annuity_payment(amount: float, rate: float, years: int, *, lang: str | None = None) -> float:
    """The equal yearly payment that repays ``amount`` over ``years`` (≥ 1) years at ``rate``."""
    a = checks.number("amount", amount, lang=lang)
    checks.yearly_rate("rate", rate, lang=lang)
    n = checks.integer("years", years, low=1, lang=lang)
    return checks.finite(lambda: a / annuity_factor(rate, n, lang=lang), "amount", amount, lang=lang)


def payback_year(years: Sequence[int], net: Sequence[float], *, lang: str | None = None) -> int | None:
    """The first year whose cumulative net is ≥ 0, or ``None`` if it never is.

    ``years`` must be increasing whole years and ``net`` hold one finite amount per year.
    """
    found = checks.years("years", years, lang=lang)
    flows = checks.amounts("net", net, lang=lang)
    checks.same_length("years", len(found), "net", len(flows), lang=lang)
    total = 0.0
    for y, v in zip(found, flows):
        total += v
        if total >= -1e-9:
            return y
    return None


def effect_path(years: Sequence[int], *, start_year: int, ramp: Sequence[float] = (1.0,),
                persistence: float = 1.0, end_year: int | None = None,
                lang: str | None = None) -> list[float]:
    r"""Share of the full effect present in each year.

    Parameters
    ----------
    years
        The calculation's years.
    start_year
        The first year the effect can appear (usually the programme's first year).
    ramp
        Share of the full effect in the first years (e.g. ``(1/3, 2/3, 1)`` when the effect grows
        over a three-year programme); the last ramp value is the full level. Every share is in
        [0, 1].
    persistence
        Share of the previous year's effect that remains each year after the ramp (1 = no decay,
        0.85 = 15 % fades a year, 0 = the effect stops); in [0, 1].
    end_year
        Last year with any effect (``None``: to the end of the calculation); not before
        ``start_year``.

    Notes
    -----
    .. math:: s_y = ramp_{y - y_0} \text{ for } y - y_0 < R, \quad
              s_y = ramp_{R-1} \cdot p^{\,y - y_0 - R + 1} \text{ after}
    """
    found = checks.years("years", years, ordered=False, lang=lang)
    start = checks.year("start_year", start_year, lang=lang)
    ramp = checks.shares("ramp", ramp, lang=lang)
    persistence = checks.share("persistence", persistence, lang=lang)
    end = check_end_year(end_year, start, lang=lang)
    out: list[float] = []
    n = len(ramp)
    for y in found:
        k = y - start
        if k < 0 or (end is not None and y > end):
            out.append(0.0)
        elif k < n:
            out.append(ramp[k])
        else:
            out.append(ramp[-1] * persistence ** (k - n + 1))
    return out


def check_end_year(end_year: int | None, start_year: int, *, name: str = "end_year",
                   start_name: str = "start_year", lang: str | None = None) -> int | None:
    """``None`` or a year not before ``start_year``."""
    if end_year is None:
        return None
    end = checks.year(name, end_year, lang=lang)
    if end < start_year:
        raise EconomicsError("economics.end_before_start", lang=lang, name=name, value=end,
                             start_name=start_name, start=start_year)
    return end


def break_even_scale(pv_fixed: float, pv_scaled: float) -> float | None:
    """Scale ``k`` with ``pv_fixed + k * pv_scaled = 0`` (``None`` when effects are worth nothing)."""
    if abs(pv_scaled) < 1e-12:
        return None
    return -pv_fixed / pv_scaled
