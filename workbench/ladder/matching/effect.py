"""``m.effect(outcome)``: validates the outcome, fits the effect, judges credibility for rung 4."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Protocol

from workbench.core.errors import InputError, MissingValuesError
from workbench.core.messages import resolve_lang
from workbench.core.options import check_number
from workbench.core.results import Estimate, Provenance, collect_warnings
from workbench.core.text import Msg, Text
from workbench.core.validate import require_columns, to_numeric
from workbench.ladder.matching.data import design_for
from workbench.ladder.matching.effect_engine import e_values, fit_effect
from workbench.ladder.matching.effect_result import MatchingEffect
from workbench.ladder.matching.text import failing_items, joined

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd


class MatchedSample(Protocol):
    """What the effect reads of a matching (``MatchResult`` satisfies it; this module never imports it)."""

    treatment: str
    covariates: tuple[str, ...]
    method: str
    estimand: str
    se_type: str
    counts: dict[str, int]
    subclass: "pd.Series"
    warning_msgs: tuple[Text, ...]
    lang: str
    _prep: Any
    _balance_weights: "np.ndarray"

    def balance(self, *args: Any, **kwargs: Any) -> "pd.DataFrame": ...

MIN_MATCHED = 10  # fewer matched treated or controls than this: not credible


def effect(m: "MatchedSample", outcome: str, *, covariates: Any = None, conf_level: float = 0.95,
           lang: str | None = None) -> MatchingEffect:
    """Effect of the treatment on ``outcome`` in the matched sample.

    ``covariates`` (a list of columns, ``True`` for the matching covariates, or ``None``) adds
    regression adjustment by g-computation with treatment–covariate interactions. ``lang`` is the
    language of the errors; the result's texts are rendered when read.
    """
    import numpy as np
    from scipy.special import ndtr, ndtri  # the normal quantile and tail without importing scipy.stats

    lang = resolve_lang(lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    p = m._prep
    df = p.data
    if outcome == m.treatment:
        raise InputError("matching.outcome_is_covariate", lang=lang, column=outcome)
    if covariates is True:
        covariates = list(m.covariates)
    adj = [covariates] if isinstance(covariates, str) else list(covariates or [])
    require_columns(df, [outcome, *adj], lang=lang)
    w = m._balance_weights
    used = w > 0
    y_all = to_numeric(df, outcome, lang=lang).to_numpy(dtype=float)
    n_miss = int(np.isnan(y_all[used]).sum())
    if n_miss:
        raise MissingValuesError("matching.outcome_missing", lang=lang, column=outcome, count=n_miss)
    y = np.nan_to_num(y_all)
    binary = bool(np.all((y[used] == 0) | (y[used] == 1)))
    Z, z_names = None, ()
    if adj:
        cov_spec = [c for c in p.covariates if c.name in adj]
        extra = [c for c in adj if c not in {s.name for s in cov_spec}]
        if extra:
            from workbench.ladder.matching.data import Covariate

            cov_spec += [Covariate(c, "numeric") for c in extra]
        Z, names = design_for(df, cov_spec, lang=lang)
        Z = np.where(used[:, None], Z, 0.0)
        z_names = tuple(names)
    cluster = None
    if m.se_type == "cluster":
        sub = m.subclass
        same = len(sub) == len(df) and sub.index.equals(df.index)
        cluster = (sub if same else sub.loc[df.index]).to_numpy(dtype=float)
    fit = fit_effect(y, p.treat, w, estimand=m.estimand, se_type=m.se_type, cluster=cluster, Z=Z, z_names=z_names)
    z = float(ndtri(0.5 + conf_level / 2))
    stat = fit.estimate / fit.std_error if fit.std_error > 0 else float("nan")
    pval = float(2 * ndtr(-abs(stat))) if math.isfinite(stat) else float("nan")
    lo, hi = fit.estimate - z * fit.std_error, fit.estimate + z * fit.std_error

    c = m.counts
    focal_total = c["treated"] if m.estimand != "ATC" else c["control"]
    focal_matched = c["treated_matched"] if m.estimand != "ATC" else c["control_matched"]
    dropped = focal_total - focal_matched
    estimand = m.estimand if (dropped == 0 or m.estimand == "ATE") else "ATM"
    est = Estimate(
        estimate=fit.estimate, std_error=fit.std_error, ci_low=lo, ci_high=hi, p_value=pval, statistic=stat,
        df=None, n=fit.n, estimand=estimand, method=f"matching_{m.method}" + ("_gcomp" if adj else ""),
        se_type="CR1 (pairs)" if m.se_type == "cluster" else "HC3", conf_level=conf_level,
    )
    treated = (p.treat == 1) & used
    p_treated = float(np.average(y[treated], weights=w[treated])) if treated.any() else float("nan")
    sd_y = float(np.std(y[used], ddof=1)) if used.sum() > 1 else float("nan")
    ev = e_values(fit.estimate, (lo, hi), binary=binary, p_treated=p_treated, sd_outcome=sd_y)

    bal = m.balance()
    nt, nc = c["treated_matched"], c["control_matched"]
    fails = failing_items(bal)
    problems: list[Msg] = []
    warns: list[Text] = list(m.warning_msgs)
    if fails:
        problems.append(Msg("matching.problem.balance", items=joined(fails)))
        warns.append(Msg("matching.warn.poor_balance", items=joined(fails)))
    if min(nt, nc) < MIN_MATCHED:
        problems.append(Msg("matching.problem.few", n_treated=nt, n_control=nc, minimum=MIN_MATCHED))
        warns.append(Msg("matching.warn.few_matched", n_treated=nt, n_control=nc))
    focal = (p.treat == 1) if m.estimand != "ATC" else (p.treat == 0)
    dropped_ids = tuple(df.index[focal & ~used].tolist())
    return MatchingEffect(
        provenance=Provenance(
            function="match.effect",
            options={"method": m.method, "estimand": m.estimand, "se_type": m.se_type,
                     "conf_level": conf_level, "adjusted_for": adj},
            columns={"outcome": outcome, "treatment": m.treatment, "covariates": list(m.covariates)},
            n_rows=len(df),
        ),
        warning_msgs=collect_warnings(warns),
        estimate=est,
        outcome=outcome,
        treatment=m.treatment,
        method=m.method,
        adjusted_for=tuple(adj),
        outcome_binary=binary,
        credible=not problems,
        problem_msgs=tuple(problems),
        balance=bal,
        n_treated_matched=nt,
        n_control_matched=nc,
        n_treated_dropped=dropped,
        dropped_treated=dropped_ids,
        e_value=ev,
        lang=lang,
    )
