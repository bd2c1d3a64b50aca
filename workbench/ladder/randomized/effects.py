"""The effect estimators behind ``wb.rct``: difference in means, OLS, Lin, and the risk ratio.

Notes
-----
Lin (2013): with covariates :math:`W` centered at their full-sample means, regress
:math:`y` on :math:`1, Z, W_c, Z\\cdot W_c`; the coefficient of :math:`Z` is the average effect
(estimatr's ``lm_lin``). ``blocks`` with ``ols``/``lin`` enter as block indicators.

Risk ratio (binary outcomes): :math:`RR = \\hat p_1/\\hat p_0`, with
:math:`\\operatorname{Var}(\\log RR) \\approx V_1/\\hat p_1^2 + V_0/\\hat p_0^2` where
:math:`V_a` is the design-based variance of arm :math:`a`'s risk (plain: :math:`\\hat p(1-\\hat p)/n`,
the Katz log method); normal reference, CI :math:`\\exp(\\log RR \\pm z\\,SE)`. With an arm of zero
events (or all events) 0.5 is added to every cell (Haldane–Anscombe).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.core.errors import OptionError
from workbench.core.messages import msg
from workbench.core.results import Estimate
from workbench.core.text import Msg
from workbench.ladder.randomized.dim import arm_mean_variance, difference_in_means
from workbench.ladder.randomized.ols import CR_TYPES, HC_TYPES, ols, t_inference
from workbench.ladder.randomized.prepare import Prepared, design_matrix

if TYPE_CHECKING:  # pragma: no cover
    pass


@dataclass(frozen=True)
class EffectFit:
    estimate: Estimate
    design: str
    n_blocks: int | None = None
    n_clusters: int | None = None
    notes: tuple[Msg, ...] = field(default_factory=tuple)  # warnings, rendered when read


def check_se_type(method: str, se_type: str | None, clustered: bool, *, lang: str | None) -> str:
    """The standard-error type to use, estimatr's defaults when ``se_type`` is None."""
    if method == "difference_in_means":
        if se_type is not None:
            raise OptionError("randomized.se_type_design", lang=lang, se_type=se_type,
                              hint=msg("randomized.se_hint_dim", lang))
        return "design"
    if se_type is None:
        return "CR2" if clustered else "HC2"
    if se_type == "stata" and not clustered:
        return "HC1"  # estimatr: Stata's robust SE without clusters is HC1
    if clustered and se_type not in CR_TYPES:
        raise OptionError("randomized.se_type_design", lang=lang, se_type=se_type,
                          hint=msg("randomized.se_hint_clusters", lang))
    if not clustered and se_type not in HC_TYPES:
        raise OptionError("randomized.se_type_design", lang=lang, se_type=se_type,
                          hint=msg("randomized.se_hint_no_clusters", lang))
    return se_type


def regressors(prep: Prepared, covariates, blocks, lin: bool, *, lang: str | None):
    """``[1, Z, W (, Z*W_c)]`` and names; block indicators join the covariates."""
    import numpy as np

    cols = list(covariates) + ([blocks] if blocks is not None else [])
    W, wnames = design_matrix(prep.frame, cols, lang=lang)
    n = len(prep.y)
    if lin and W.shape[1]:
        Wc = W - W.mean(axis=0)
        X = np.column_stack([np.ones(n), prep.z, Wc, prep.z[:, None] * Wc])
        names = ("(Intercept)", "treatment", *wnames, *(f"treatment:{w}" for w in wnames))
    else:
        X = np.column_stack([np.ones(n), prep.z, W])
        names = ("(Intercept)", "treatment", *wnames)
    return X, names


def estimate_effect(
    prep: Prepared,
    *,
    method: str,
    se_type: str,
    blocks: str | None,
    clusters: str | None,
    covariates,
    conf_level: float,
    lang: str | None,
) -> EffectFit:
    """The treatment effect (difference in risks for a binary outcome) with estimatr's inference."""

    f = prep.frame
    cl = None if clusters is None else f[clusters].to_numpy()
    estimand = "ITT (risk difference)" if prep.binary else "ITT"
    if method == "difference_in_means":
        bl = None if blocks is None else f[blocks].to_numpy()
        fit = difference_in_means(prep.y, prep.z, blocks=bl, clusters=cl, lang=lang)
        stat, p, lo, hi = t_inference(fit.estimate, fit.std_error, fit.df, conf_level)
        est = Estimate(fit.estimate, fit.std_error, lo, hi, p, stat, fit.df, fit.n, estimand,
                       "difference_in_means", fit.se_type, conf_level)
        notes = (Msg("randomized.warn.pairs_mixed"),) if fit.pair_warning else ()
        return EffectFit(est, fit.design, fit.n_blocks, fit.n_clusters, notes)
    X, names = regressors(prep, covariates, blocks, method == "lin", lang=lang)
    fit = ols(prep.y, X, names, se_type=se_type, clusters=cl)
    i = fit.index("treatment")
    se = fit.std_error("treatment")
    df = float(fit.df[i])
    stat, p, lo, hi = t_inference(float(fit.coef[i]), se, df, conf_level)
    est = Estimate(float(fit.coef[i]), se, lo, hi, p, stat, df, fit.n, estimand, method, se_type, conf_level)
    dropped = tuple(d for d in fit.dropped if not d.startswith("treatment:"))
    n_blocks = None if blocks is None else int(f[blocks].nunique())
    return EffectFit(est, "clustered" if cl is not None else "standard", n_blocks, fit.n_clusters,
                     (Msg("randomized.warn.dropped", columns=list(dropped)),) if dropped else ())


def risk_ratio(
    prep: Prepared, *, blocks: str | None, clusters: str | None, conf_level: float
) -> tuple[Estimate, bool]:
    """Risk ratio treated/control with a log-scale CI; second value: continuity correction used."""
    import numpy as np
    from scipy import stats

    y, z, f = prep.y, prep.z, prep.frame
    t, c = z == 1, z == 0
    events = (y[t].sum(), y[c].sum())
    zero = any(e == 0 for e in events) or events[0] == t.sum() or events[1] == c.sum()
    if zero:
        p1 = (events[0] + 0.5) / (t.sum() + 1.0)
        p0 = (events[1] + 0.5) / (c.sum() + 1.0)
        v1, v0 = p1 * (1 - p1) / (t.sum() + 1.0), p0 * (1 - p0) / (c.sum() + 1.0)
    elif blocks is not None:
        bl = f[blocks].to_numpy()
        labels = list(dict.fromkeys(bl.tolist()))
        w = np.array([(bl == b).sum() for b in labels], dtype=float) / len(y)
        p1, v1 = arm_mean_variance(y[t], blocks=bl[t], weights=w)
        p0, v0 = arm_mean_variance(y[c], blocks=bl[c], weights=w)
    else:
        cl = None if clusters is None else f[clusters].to_numpy()
        p1, v1 = arm_mean_variance(y[t], clusters=None if cl is None else cl[t])
        p0, v0 = arm_mean_variance(y[c], clusters=None if cl is None else cl[c])
    log_rr = math.log(p1 / p0)
    se = math.sqrt(v1 / p1**2 + v0 / p0**2)
    stat = log_rr / se
    crit = stats.norm.ppf(0.5 + conf_level / 2)
    est = Estimate(
        math.exp(log_rr), se, math.exp(log_rr - crit * se), math.exp(log_rr + crit * se),
        float(2 * stats.norm.sf(abs(stat))), stat, None, len(y), "risk ratio", "log_risk_ratio",
        "log_scale", conf_level,
    )
    return est, zero
