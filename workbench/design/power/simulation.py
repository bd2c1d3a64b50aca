"""Simulation-based power for any analysis: seeded, vectorised over simulations.

:func:`simulate_power` runs a *batch* protocol: ``generate(rng, k)`` returns data for ``k``
simulated studies at once (arrays with a leading axis of length ``k``) and ``analyse(data)``
returns their ``k`` p-values (or a dict with ``"p_value"`` and optionally ``"estimate"``). Power
is the share of p-values below ``alpha``, with a Monte-Carlo standard error and a Wilson interval.

Ready-made simulators: :func:`simulate_binary_rct` (rare binary outcome, difference in
proportions), :func:`simulate_matched` (matched comparison analysed with a regression-adjusted
difference) and :func:`~workbench.design.power.simulation_did.simulate_did` (few districts, two-way fixed
effects with clustered standard errors).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from workbench.core.errors import DesignError
from workbench.core.messages import msg, resolve_lang
from workbench.core.options import check_number, check_option
from workbench.core.results import Provenance, Result, collect_warnings, format_number
from workbench.core.text import Msg, Num, Text, render, stored

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import numpy as np
    import pandas as pd

__all__ = ["SimPowerResult", "simulate_power", "simulate_binary_rct", "simulate_matched"]


@dataclass(frozen=True, kw_only=True)
class SimPowerResult(Result):
    """Power estimated by simulation: the share of simulated studies that reject at ``alpha``."""

    kind: ClassVar[str] = "power_simulation"
    rung: ClassVar[int | None] = None
    _dict_exclude: ClassVar[tuple[str, ...]] = ("p_values",)

    label: Text
    power: float
    mc_std_error: float
    ci_low: float
    ci_high: float
    n_sims: int
    seed: int
    alpha: float
    mean_estimate: float | None = None
    sd_estimate: float | None = None
    p_values: Any = None

    def summary(self, lang: str | None = None) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame([{"label": self.label_in(lang), "power": self.power, "mc_std_error": self.mc_std_error,
                              "ci_low": self.ci_low, "ci_high": self.ci_high, "n_sims": self.n_sims,
                              "seed": self.seed, "alpha": self.alpha, "mean_estimate": self.mean_estimate,
                              "sd_estimate": self.sd_estimate}])

    def label_in(self, lang: str | None = None) -> str:
        """The label in ``lang`` (None: the session language); a plain string is shown as written."""
        return str(render(self.label, resolve_lang(lang)))

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["label"] = self.label_in()
        out["label_msg"] = self.label.to_dict() if isinstance(self.label, Msg) else str(self.label)
        return out

    def chart(self, lang: str | None = None) -> "alt.Chart":
        import altair as alt
        import pandas as pd

        lang = resolve_lang(lang)
        data = pd.DataFrame({"p": self.p_values})
        bars = alt.Chart(data).mark_bar().encode(
            x=alt.X("p:Q", bin=alt.Bin(step=0.05), title=msg("design.sim.chart.x", lang)),
            y=alt.Y("count():Q", title=msg("design.sim.chart.y", lang)))
        rule = alt.Chart(pd.DataFrame({"a": [self.alpha]})).mark_rule(color="firebrick").encode(x="a:Q")
        title = msg("design.sim.chart.title", lang, power=format_number(100 * self.power, 1, lang))
        return (bars + rule).properties(title=title, width=420, height=220)

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang)
        return msg("design.sim.explain", lang, n_sims=self.n_sims, label=self.label_in(lang),
                   power=format_number(100 * self.power, 1, lang), low=format_number(100 * self.ci_low, 1, lang),
                   high=format_number(100 * self.ci_high, 1, lang))


def _wilson(k: int, n: int) -> tuple[float, float]:
    import math

    z = 1.959963984540054
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def simulate_power(generate: Callable[["np.random.Generator", int], Any], analyse: Callable[[Any], Any], *,
                   n_sims: int = 1000, seed: int | None = None, alpha: float = 0.05, batch_size: int = 500,
                   label: Text | None = None, warnings: tuple[Text, ...] = (),
                   lang: str | None = None) -> SimPowerResult:
    """Power of any analysis by simulation, seeded and vectorised.

    Parameters
    ----------
    generate
        ``generate(rng, k)`` → data for ``k`` studies (leading axis ``k``).
    analyse
        ``analyse(data)`` → ``k`` p-values, or a mapping with ``"p_value"`` (and ``"estimate"``).
    n_sims, batch_size
        Number of simulated studies, generated ``batch_size`` at a time to bound memory.
    seed
        Seed of the ``numpy`` generator; ``None`` draws one and records it, so every run can be repeated.
    label, warnings
        What was simulated and warnings to pass on: plain text (shown as written) or messages
        (:class:`~workbench.core.text.Msg`, rendered in the reader's language); ``label=None`` is
        "simulering"/"simulation".

    Notes
    -----
    :math:`\\widehat{power} = \\frac{1}{S}\\sum_s 1[p_s < \\alpha]`, Monte-Carlo SE
    :math:`\\sqrt{\\widehat{power}(1-\\widehat{power})/S}`, and a Wilson 95 % interval.
    """
    import numpy as np

    lang = resolve_lang(lang)
    if label is None:
        label = Msg("design.sim.label.default")
    check_number("n_sims", n_sims, low=1, integer=True, lang=lang)
    check_number("batch_size", batch_size, low=1, integer=True, lang=lang)
    check_number("alpha", alpha, low=0.0, high=1.0, low_open=True, high_open=True, lang=lang)
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % (2**63))
    rng = np.random.default_rng(seed)
    p_parts, e_parts = [], []
    done = 0
    while done < n_sims:
        k = min(batch_size, n_sims - done)
        out = analyse(generate(rng, k))
        est = None
        if isinstance(out, Mapping):
            est = out.get("estimate")
            out = out["p_value"]
        p = np.asarray(out, dtype=float).reshape(-1) if np.ndim(out) else np.asarray([out], dtype=float)
        if p.shape != (k,):
            raise DesignError("design.generate_shape", lang=lang, n_sims=k, shape=tuple(np.shape(out)))
        p_parts.append(np.where(np.isnan(p), 1.0, p))
        if est is not None:
            e_parts.append(np.asarray(est, dtype=float).reshape(-1))
        done += k
    p_all = np.concatenate(p_parts)
    hits = int((p_all < alpha).sum())
    power = hits / n_sims
    low, high = _wilson(hits, n_sims)
    mean_e = sd_e = None
    if e_parts:
        e_all = np.concatenate(e_parts)
        mean_e, sd_e = float(np.nanmean(e_all)), float(np.nanstd(e_all, ddof=1)) if n_sims > 1 else None
    half = (high - low) / 2
    notes = list(warnings)
    if half > 0.03:
        width = Num(half, 3)
        notes.append(Msg("design.warn.mc_error", half_width=width, n_sims=n_sims))
    return SimPowerResult(
        provenance=Provenance(function="wb.power.simulate_power", options={"n_sims": n_sims, "seed": seed,
                                                                          "alpha": alpha,
                                                                          "label": stored([label])[0]}),
        warning_msgs=collect_warnings(notes), label=label, power=power,
        mc_std_error=float(np.sqrt(power * (1 - power) / n_sims)), ci_low=low, ci_high=high, n_sims=n_sims,
        seed=seed, alpha=alpha, mean_estimate=mean_e, sd_estimate=sd_e, p_values=p_all,
    )


def simulate_binary_rct(p_control: float, p_treated: float, n_per_group: int, *, n_ratio: float = 1.0,
                        test: str = "pooled_z", n_sims: int = 2000, seed: int | None = None,
                        alpha: float = 0.05, lang: str | None = None) -> SimPowerResult:
    """Power of a randomized trial with a (rare) binary outcome, by simulation.

    Each simulated trial draws the number of events per arm from binomial distributions and tests
    the difference in proportions two-sided: ``"pooled_z"`` (the chi-square test without continuity
    correction) or ``"wald"`` (unpooled SE, as a difference in means with Neyman variance). A trial
    with no events at all never rejects.
    """
    import numpy as np
    from scipy.stats import norm

    from workbench.design.power.checks import check_proportion

    lang = resolve_lang(lang)
    check_proportion("p_control", p_control, lang)
    check_proportion("p_treated", p_treated, lang)
    check_number("n_per_group", n_per_group, low=2, integer=True, lang=lang)
    check_option("test", test, ("pooled_z", "wald"), lang=lang)
    n1, n0 = int(n_per_group), int(round(n_per_group * n_ratio))

    def generate(rng: "np.random.Generator", k: int) -> tuple:
        return rng.binomial(n1, p_treated, size=k), rng.binomial(n0, p_control, size=k)

    def analyse(data: tuple) -> dict:
        x1, x0 = data
        r1, r0 = x1 / n1, x0 / n0
        if test == "pooled_z":
            pool = (x1 + x0) / (n1 + n0)
            var = pool * (1 - pool) * (1 / n1 + 1 / n0)
        else:
            var = r1 * (1 - r1) / n1 + r0 * (1 - r0) / n0
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (r1 - r0) / np.sqrt(var)
        p = np.where(var > 0, 2 * norm.sf(np.abs(z)), 1.0)
        return {"p_value": p, "estimate": r1 - r0}

    return simulate_power(generate, analyse, n_sims=n_sims, seed=seed, alpha=alpha,
                          label=Msg("design.sim.label.binary_rct", p_control=f"{p_control:g}",
                                    p_treated=f"{p_treated:g}", n1=n1, n0=n0), lang=lang)


def simulate_matched(n_treated: int, effect: float, *, controls_per_treated: int = 1, r2: float = 0.3,
                     match_sd: float = 0.1, n_sims: int = 1000, seed: int | None = None, alpha: float = 0.05,
                     lang: str | None = None) -> SimPowerResult:
    """Power of a matched comparison analysed with a regression-adjusted difference, by simulation.

    Each treated person has ``controls_per_treated`` matched controls whose covariate differs by
    N(0, ``match_sd``) (residual imbalance after matching). The outcome is
    :math:`y = \\sqrt{R^2}\\,x + \\text{effect}\\cdot T + \\varepsilon`, :math:`\\varepsilon \\sim N(0, 1-R^2)`,
    so ``effect`` is in outcome standard deviations. The analysis is OLS of y on T and x with the
    classical standard error and a t test with :math:`N-3` degrees of freedom.
    """
    import numpy as np
    from scipy.stats import t as tdist

    lang = resolve_lang(lang)
    check_number("n_treated", n_treated, low=2, integer=True, lang=lang)
    check_number("controls_per_treated", controls_per_treated, low=1, integer=True, lang=lang)
    check_number("r2", r2, low=0.0, high=1.0, high_open=True, lang=lang)
    check_number("effect", effect, lang=lang)
    nt, k_c = int(n_treated), int(controls_per_treated)
    n = nt * (1 + k_c)
    treat = np.concatenate([np.ones(nt), np.zeros(nt * k_c)])
    b, s = np.sqrt(r2), np.sqrt(1.0 - r2)

    def generate(rng: "np.random.Generator", k: int) -> tuple:
        xt = rng.standard_normal((k, nt))
        xc = np.repeat(xt, k_c, axis=1) + match_sd * rng.standard_normal((k, nt * k_c))
        x = np.concatenate([xt, xc], axis=1)
        y = b * x + effect * treat + s * rng.standard_normal((k, n))
        return x, y

    def analyse(data: tuple) -> dict:
        x, y = data
        k = x.shape[0]
        design = np.stack([np.ones_like(x), np.broadcast_to(treat, x.shape), x], axis=2)  # (k, n, 3)
        xtx = np.einsum("kni,knj->kij", design, design)
        xty = np.einsum("kni,kn->ki", design, y)
        coef = np.linalg.solve(xtx, xty[..., None])[..., 0]
        resid = y - np.einsum("kni,ki->kn", design, coef)
        sigma2 = (resid**2).sum(axis=1) / (n - 3)
        inv = np.linalg.inv(xtx)
        se = np.sqrt(sigma2 * inv[np.arange(k), 1, 1])
        tstat = coef[:, 1] / se
        return {"p_value": 2 * tdist.sf(np.abs(tstat), n - 3), "estimate": coef[:, 1]}

    return simulate_power(generate, analyse, n_sims=n_sims, seed=seed, alpha=alpha, batch_size=200,
                          label=Msg("design.sim.label.matched", treated=nt, controls=k_c), lang=lang)
