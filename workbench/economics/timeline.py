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

from collections.abc import Sequence

from workbench.core.errors import EconomicsError

SWEDISH_ASEK_RATE = 0.035
UK_GREEN_BOOK_RATE = 0.035
DEFAULT_DISCOUNT_RATE = SWEDISH_ASEK_RATE


def check_rate(rate: float, *, lang: str | None = None) -> float:
    """A discount rate in [0, 1); a rate written in percent (e.g. 3.5) is refused."""
    import math

    ok = isinstance(rate, (int, float)) and not isinstance(rate, bool) and math.isfinite(rate)
    if not ok or not 0 <= rate < 1:
        raise EconomicsError("economics.discount_rate", lang=lang, value=rate)
    return float(rate)


def discount_factors(years: Sequence[int], base_year: int, rate: float) -> list[float]:
    """``1 / (1 + rate) ** (year - base_year)`` for every year.

    Notes
    -----
    Flows are booked per budget year; the base year's flows are not discounted (t = 0), as in
    the usual municipal calculation where the first budget year is "now".
    """
    return [1.0 / (1.0 + rate) ** (y - base_year) for y in years]


def npv(amounts: Sequence[float], rate: float, *, start: int = 0) -> float:
    r"""Net present value of yearly amounts, the first one at time ``start``.

    Notes
    -----
    .. math:: NPV = \sum_{t} a_t (1 + r)^{-(t + start)}
    """
    return float(sum(a / (1.0 + rate) ** (t + start) for t, a in enumerate(amounts)))


def annuity_factor(rate: float, years: int) -> float:
    r"""Present value of 1 kr a year for ``years`` years, paid at the end of each year.

    Notes
    -----
    .. math:: A(r, n) = \frac{1 - (1 + r)^{-n}}{r}, \quad A(0, n) = n
    """
    if rate == 0:
        return float(years)
    return (1.0 - (1.0 + rate) ** (-years)) / rate


def annuity_payment(amount: float, rate: float, years: int) -> float:
    """The equal yearly payment that repays ``amount`` over ``years`` years at ``rate``."""
    return amount / annuity_factor(rate, years)


def payback_year(years: Sequence[int], net: Sequence[float]) -> int | None:
    """The first year whose cumulative net is ≥ 0, or ``None`` if it never is."""
    total = 0.0
    for y, v in zip(years, net):
        total += v
        if total >= -1e-9:
            return int(y)
    return None


def effect_path(years: Sequence[int], *, start_year: int, ramp: Sequence[float] = (1.0,),
                persistence: float = 1.0, end_year: int | None = None) -> list[float]:
    r"""Share of the full effect present in each year.

    Parameters
    ----------
    years
        The calculation's years.
    start_year
        The first year the effect can appear (usually the programme's first year).
    ramp
        Share of the full effect in the first years (e.g. ``(1/3, 2/3, 1)`` when the effect grows
        over a three-year programme); the last ramp value is the full level.
    persistence
        Share of the previous year's effect that remains each year after the ramp (1 = no decay,
        0.85 = 15 % fades a year, 0 = the effect stops).
    end_year
        Last year with any effect (``None``: to the end of the calculation).

    Notes
    -----
    .. math:: s_y = ramp_{y - y_0} \text{ for } y - y_0 < R, \quad
              s_y = ramp_{R-1} \cdot p^{\,y - y_0 - R + 1} \text{ after}
    """
    out: list[float] = []
    n = len(ramp)
    for y in years:
        k = y - start_year
        if k < 0 or (end_year is not None and y > end_year):
            out.append(0.0)
        elif k < n:
            out.append(float(ramp[k]))
        else:
            out.append(float(ramp[-1]) * persistence ** (k - n + 1))
    return out


def break_even_scale(pv_fixed: float, pv_scaled: float) -> float | None:
    """Scale ``k`` with ``pv_fixed + k * pv_scaled = 0`` (``None`` when effects are worth nothing)."""
    if abs(pv_scaled) < 1e-12:
        return None
    return -pv_fixed / pv_scaled
