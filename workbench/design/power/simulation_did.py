"""Simulated power of an area comparison (difference-in-differences) with few districts.

A small inline two-way fixed-effects engine, vectorised over simulations: on a balanced panel the
fixed effects are removed in closed form, so thousands of simulated panels cost one array pass.
(The ladder's own DiD is not imported: design plans before data and stays independent of it.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.errors import DesignError
from workbench.core.messages import resolve_lang
from workbench.core.options import check_number
from workbench.core.text import Msg
from workbench.design.power.simulation import simulate_power

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def twfe_batch(y: "np.ndarray", treat: "np.ndarray") -> tuple["np.ndarray", "np.ndarray", int]:
    """TWFE estimate and unit-clustered SE for a batch of balanced panels.

    Parameters
    ----------
    y
        Outcomes, shape ``(k, G, T)`` (k simulated panels of G units over T periods).
    treat
        Treatment indicator, shape ``(G, T)``, the same in every panel.

    Returns
    -------
    beta, se, df
        Arrays of length ``k`` and the t reference's degrees of freedom ``G - 1``.

    Notes
    -----
    With :math:`\\tilde D = D - \\bar D_{g\\cdot} - \\bar D_{\\cdot t} + \\bar D` the two-way demeaned
    treatment, :math:`\\hat\\beta = \\sum \\tilde D y / \\sum \\tilde D^2` and residuals
    :math:`e = \\tilde y - \\hat\\beta\\tilde D`. The clustered variance is
    :math:`c\\sum_g(\\sum_t \\tilde D_{gt}e_{gt})^2/(\\sum\\tilde D^2)^2` with
    :math:`c = \\frac{G}{G-1}\\frac{N-1}{N-K}`, :math:`K = T` (treatment plus time effects; the unit
    effects are nested in the clusters and not counted), as Stata's/fixest's CR1.
    """
    import numpy as np

    _, g, t = y.shape
    d = treat.astype(float)
    dt = d - d.mean(axis=1, keepdims=True) - d.mean(axis=0, keepdims=True) + d.mean()
    sdd = float((dt * dt).sum())
    yt = y - y.mean(axis=2, keepdims=True) - y.mean(axis=1, keepdims=True) + y.mean(axis=(1, 2), keepdims=True)
    beta = np.einsum("kgt,gt->k", yt, dt) / sdd
    resid = yt - beta[:, None, None] * dt
    score = np.einsum("kgt,gt->kg", resid, dt)
    n_obs = g * t
    c = g / (g - 1) * (n_obs - 1) / (n_obs - t)
    se = np.sqrt(c * (score**2).sum(axis=1)) / sdd
    return beta, se, g - 1


def simulate_did(n_districts: int, n_treated: int, effect: float, *, periods_before: int = 12,
                 periods_after: int = 12, sd_noise: float = 1.0, sd_district: float = 1.0,
                 autocorrelation: float = 0.0, sd_period_shock: float = 0.0, n_sims: int = 1000,
                 seed: int | None = None, alpha: float = 0.05, lang: str | None = None) -> Any:
    """Power of a difference-in-differences comparison of districts, by simulation.

    The panel: ``n_districts`` districts observed ``periods_before`` + ``periods_after`` periods
    (e.g. months of a register statistic); the first ``n_treated`` get the intervention from the
    first after-period. :math:`y_{gt} = a_g + b_t + \\text{effect}\\cdot D_{gt} + u_{g,post} + e_{gt}`
    with district levels :math:`a_g \\sim N(0, sd_{district})`, common period effects, a district
    shock per before/after phase :math:`u \\sim N(0, sd_{period\\_shock})` and AR(1) noise with
    stationary SD ``sd_noise`` and ``autocorrelation``. Each panel is analysed with two-way fixed
    effects and unit-clustered CR1 standard errors, t test with G − 1 degrees of freedom
    (:func:`twfe_batch`). Run with ``effect=0`` to see the false-positive rate, which with very few
    treated districts is often well above ``alpha``.
    """
    import numpy as np
    from scipy.stats import t as tdist


    lang = resolve_lang(lang)
    for name, value in (("n_districts", n_districts), ("n_treated", n_treated),
                        ("periods_before", periods_before), ("periods_after", periods_after)):
        check_number(name, value, low=0, integer=True, lang=lang)
    if n_treated < 1 or n_treated >= n_districts:
        raise DesignError("design.too_few_districts", lang=lang, treated=n_treated, districts=n_districts)
    if periods_before < 1 or periods_after < 1:
        raise DesignError("design.too_few_periods", lang=lang, before=periods_before, after=periods_after)
    check_number("autocorrelation", autocorrelation, low=-1.0, high=1.0, low_open=True, high_open=True, lang=lang)
    for name, value in (("sd_noise", sd_noise), ("sd_district", sd_district), ("sd_period_shock", sd_period_shock)):
        check_number(name, value, low=0.0, lang=lang)
    check_number("effect", effect, lang=lang)
    g, t_pre, t_post = int(n_districts), int(periods_before), int(periods_after)
    t_all = t_pre + t_post
    post = np.arange(t_all) >= t_pre
    treat = np.zeros((g, t_all))
    treat[: int(n_treated), post] = 1.0
    rho = float(autocorrelation)
    scale = np.sqrt(1.0 - rho * rho)

    def generate(rng: "np.random.Generator", k: int) -> "np.ndarray":
        shocks = rng.standard_normal((k, g, t_all))
        noise = np.empty_like(shocks)
        noise[:, :, 0] = shocks[:, :, 0]
        for s in range(1, t_all):
            noise[:, :, s] = rho * noise[:, :, s - 1] + scale * shocks[:, :, s]
        level = sd_district * rng.standard_normal((k, g, 1))
        common = rng.standard_normal((k, 1, t_all))
        phase = sd_period_shock * rng.standard_normal((k, g, 2))
        phase_shock = np.where(post, phase[:, :, 1:2], phase[:, :, 0:1])
        return level + common + effect * treat + phase_shock + sd_noise * noise

    def analyse(y: "np.ndarray") -> dict:
        beta, se, df = twfe_batch(y, treat)
        return {"p_value": 2 * tdist.sf(np.abs(beta / se), df), "estimate": beta}

    notes: list[Msg] = []
    if n_treated < 5:
        notes.append(Msg("design.warn.few_treated_districts", treated=n_treated))
    return simulate_power(generate, analyse, n_sims=n_sims, seed=seed, alpha=alpha, batch_size=250,
                          label=Msg("design.sim.label.did", treated=n_treated, districts=n_districts,
                                    before=t_pre, after=t_post),
                          warnings=tuple(notes), lang=lang)
