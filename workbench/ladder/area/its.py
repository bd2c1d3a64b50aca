"""Interrupted time series for one area without comparison (rung 3: weaker evidence).

Notes
-----
Segmented regression (Wagner et al. 2002) with seasonal dummies:

.. math:: y_t = \\beta_0 + \\beta_1 t + \\beta_2\\,\\text{post}_t + \\beta_3 (t - t_0)\\,\\text{post}_t
          + \\sum_{m=2}^{12} \\gamma_m 1[\\text{month}_t = m] + \\varepsilon_t,

t counted in periods (gaps kept), :math:`t_0` the start. :math:`\\beta_2` (the headline) is the
change in level at the start, :math:`\\beta_3` the change in slope. Standard errors are Newey–West
HAC with Bartlett weights and ``hac_lags`` lags (default :math:`\\lfloor 4 (n/100)^{2/9} \\rfloor`),
small-sample factor n/(n−k), as ``sandwich::NeweyWest(lag = L, prewhite = FALSE, adjust = TRUE)``;
p-values and intervals use t(n − k). Month dummies are used for monthly data with at least 24
periods (quarter dummies for quarterly data with at least 8), unless ``seasonal`` says otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.errors import InputError
from workbench.core.results import Provenance, collect_warnings
from workbench.core.text import Msg
from workbench.core.validate import require_columns, require_frame, to_numeric
from workbench.ladder.area.build import t_estimate
from workbench.ladder.area.panel import parse_period, parse_periods
from workbench.ladder.area.result import ItsResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _position(p: Any) -> int:
    return p.ordinal if hasattr(p, "ordinal") else int(p)


def build_its(series: "pd.DataFrame", *, time: str, outcome: str, start: Any, unit: str | None,
              treated_unit: Any, seasonal: bool | None, hac_lags: int | None, min_pre_periods: int,
              min_post_periods: int, conf_level: float, lang: str, provenance: Provenance) -> ItsResult:
    import numpy as np
    import pandas as pd
    import statsmodels.api as sm

    df = require_frame(series, lang=lang)
    require_columns(df, [time, outcome, unit], lang=lang)
    if unit is not None:
        if treated_unit is None:
            raise InputError("area.its_one_unit", lang=lang)
        if treated_unit not in set(df[unit].tolist()):
            raise InputError("area.unknown_unit", lang=lang, unit=treated_unit, column=unit)
        df = df[df[unit] == treated_unit]
    elif treated_unit is not None:
        raise InputError("area.its_one_unit", lang=lang)
    y = to_numeric(df, outcome, lang=lang)
    periods = parse_periods(df[time], time, lang=lang)
    if periods.duplicated().any():
        raise InputError("area.its_one_unit", lang=lang)
    frame = pd.DataFrame({"p": periods.to_numpy(), "y": y.to_numpy()}).dropna()
    frame["pos"] = [_position(p) for p in frame["p"]]
    frame = frame.sort_values("pos").reset_index(drop=True)
    s = parse_period(start)
    if s is None or type(s) is not type(frame["p"].iloc[0]):
        raise InputError("area.bad_start", lang=lang, value=start, column=time)
    t0 = _position(s)
    t = (frame["pos"] - frame["pos"].iloc[0] + 1).to_numpy(dtype=float)
    post = (frame["pos"] >= t0).to_numpy(dtype=float)
    since = (frame["pos"] - t0).clip(lower=0).to_numpy(dtype=float) * post
    n_pre, n_post = int((post == 0).sum()), int(post.sum())
    if n_pre < 2 or n_post < 1:
        raise InputError("area.bad_start", lang=lang, value=start, column=time)
    x = pd.DataFrame({"const": 1.0, "t": t, "post": post, "since": since})
    first = frame["p"].iloc[0]
    freq = str(getattr(first, "freqstr", ""))
    season_n = {"M": (12, 24), "Q": (4, 8)}.get(freq[:1]) if freq else None
    use_season = bool(season_n) and (seasonal if seasonal is not None else len(frame) >= season_n[1])
    if use_season:
        season = [p.month if season_n[0] == 12 else p.quarter for p in frame["p"]]
        dummies = pd.get_dummies(pd.Series(season, dtype="category"), prefix="season", drop_first=True)
        x = pd.concat([x, dummies.astype(float)], axis=1)
    n = len(frame)
    lags = int(np.floor(4 * (n / 100) ** (2 / 9))) if hac_lags is None else int(hac_lags)
    fit = sm.OLS(frame["y"].to_numpy(), x).fit(
        cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True}, use_t=True)
    df_resid = int(fit.df_resid)
    level = t_estimate(fit.params["post"], fit.bse["post"], df_resid, n, estimand="level change",
                       method="its", se_type=f"HAC (Newey-West, {lags})", conf_level=conf_level)
    slope = t_estimate(fit.params["since"], fit.bse["since"], df_resid, n, estimand="slope change",
                       method="its", se_type=f"HAC (Newey-West, {lags})", conf_level=conf_level)
    ci = fit.conf_int(alpha=1 - conf_level)
    coefs = pd.DataFrame({"term": list(x.columns), "estimate": fit.params.to_numpy(),
                          "std_error": fit.bse.to_numpy(), "p_value": fit.pvalues.to_numpy(),
                          "ci_low": ci.iloc[:, 0].to_numpy(), "ci_high": ci.iloc[:, 1].to_numpy()})
    x_cf = x.copy()
    x_cf["post"] = 0.0
    x_cf["since"] = 0.0
    labels = [str(p) for p in frame["p"]]
    out = pd.DataFrame({"period": labels, "observed": frame["y"].to_numpy(),
                        "fitted": fit.predict(x), "counterfactual": np.where(post == 1, fit.predict(x_cf), np.nan)})
    problems: list[Msg] = []
    if n_pre < min_pre_periods or n_post < min_post_periods:
        problems.append(Msg("area.problem.its_short", n_pre=n_pre, n_post=n_post,
                            min_pre=min_pre_periods, min_post=min_post_periods))
    return ItsResult(
        provenance=provenance, warning_msgs=collect_warnings([Msg("area.warn.its_weaker")]),
        estimate=level, slope_change=slope, coefficients=coefs, series=out, start=str(s),
        n_pre_periods=n_pre, n_post_periods=n_post, hac_lags=lags, seasonal=use_season,
        credible=not problems, problem_msgs=tuple(problems), lang=lang)
