"""Rung 4b: areas over time — difference-in-differences, event study, synthetic control, ITS.

Front doors only: each validates its arguments, prepares the panel (``area_panel``) and hands over
to the engines (``area_twfe``, ``area_inference``, ``area_event``, ``area_staggered``,
``area_synth``, ``area_its``), which return the frozen results of ``area_result``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.messages import resolve_lang
from workbench.core.options import (
    AreaInference,
    AreaMethod,
    CsAggregation,
    CsBasePeriod,
    CsControl,
    check_number,
    check_option,
)
from workbench.core.results import Provenance
from workbench.core.validate import require_columns
from workbench.ladder.area.did_build import build_did
from workbench.ladder.area.panel import prepare_panel, wide_to_long
from workbench.ladder.area.twfe import AreaSeType

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.area.result import DidResult, ItsResult, SyntheticControlResult

__all__ = ["did", "synthetic_control", "interrupted_time_series", "wide_to_long"]


def _as_long(table: Any, unit: str, time: str | None, outcome: str | None, lang: str):
    """A wide table (one column per period) becomes long; a long one passes through."""
    from workbench.core.validate import require_frame

    df = require_frame(table, lang=lang)
    if time is not None and time in df.columns:
        require_columns(df, [outcome or "outcome="], lang=lang)
        return df, time, outcome
    if time is not None:  # a long table was meant: name the missing column
        require_columns(df, [unit, time], lang=lang)
    time, outcome = time or "period", outcome or "utfall"
    return wide_to_long(df, unit=unit, value_name=outcome, time_name=time, lang=lang), time, outcome


def did(
    panel: "pd.DataFrame",
    *,
    unit: str,
    time: str | None = None,
    outcome: str | None = None,
    treated: str | None = None,
    start: Any = None,
    treated_units: Sequence[Any] | None = None,
    method: AreaMethod = "twfe",
    se_type: AreaSeType = "fixest",
    control: CsControl = "never",
    aggregation: CsAggregation = "simple",
    base_period: CsBasePeriod = "varying",
    anticipation: int = 0,
    inference: AreaInference = "auto",
    bootstrap_reps: int = 999,
    permutations: int = 999,
    seed: int = 12345,
    min_pre_periods: int = 4,
    conf_level: float = 0.95,
    lang: str | None = None,
) -> "DidResult":
    """Difference-in-differences on a long panel of areas × periods.

    Parameters
    ----------
    panel
        One row per area and period, or a wide table with one row per area and one column per
        month as municipal statistics export it (then leave out ``time`` and ``outcome``, or name
        them for the long table made by :func:`wide_to_long`).
    unit, time, outcome
        Column names; periods like ``2023-01``, ``jan 2023``, ``Q1 2023`` or integers.
    treated
        0/1 column: 1 in the periods an area is under the intervention; or a unit-level 0/1 group
        column together with ``start``. Alternatively ``treated_units`` with ``start``.
    method
        A key of the area-estimator registry (``workbench.ladder.area.estimators``): ``"twfe"``
        (two-way fixed effects, SE clustered by area) or ``"callaway_santanna"`` (group-time ATTs
        for staggered starts as R's ``did``: ``control`` ``"never"``/``"notyet"``, ``aggregation``
        ``"simple"``/``"group"``/``"event"``, with did's analytic SEs including the estimated
        group shares). ``event_study()`` of the result uses the same estimator.
    base_period, anticipation
        Callaway–Sant'Anna only: ``"varying"`` (did's default: pre-period cells are short
        differences) or ``"universal"`` (every cell against the period before the start), and the
        number of periods before the start in which areas may already react. An unbalanced panel
        is estimated as did's ``allow_unbalanced_panel = TRUE`` (repeated cross sections clustered
        by area); the result says so.
    se_type
        ``"fixest"`` (default, fixest's nested small-sample correction) or ``"lm"``/``"stata_areg"``
        (every dummy counted, as ``sandwich::vcovCL(type="HC1")``); see ``area_twfe``.
    inference
        ``"auto"``: wild cluster bootstrap (Webb weights, restricted) and permutation p-values when
        at most 5 areas are treated; ``"all"``: always; ``"none"``: never.
    min_pre_periods
        Pre-periods needed before the result counts as credible (with a passed pre-trend test).

    Returns
    -------
    DidResult
        ``estimate`` (ATT; t(G−1) reference for TWFE), ``p_wild_bootstrap``, ``p_permutation``,
        ``pretrend_p``, ``credible``, and ``event_study()``.
    """
    lang = resolve_lang(lang)
    check_option("method", method, AreaMethod, lang=lang)
    check_option("se_type", se_type, AreaSeType, lang=lang)
    check_option("control", control, CsControl, lang=lang)
    check_option("aggregation", aggregation, CsAggregation, lang=lang)
    check_option("inference", inference, AreaInference, lang=lang)
    check_option("base_period", base_period, CsBasePeriod, lang=lang)
    check_number("anticipation", anticipation, low=0, integer=True, lang=lang)
    check_number("bootstrap_reps", bootstrap_reps, low=99, integer=True, lang=lang)
    check_number("permutations", permutations, low=1, integer=True, lang=lang)
    check_number("min_pre_periods", min_pre_periods, low=1, integer=True, lang=lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    panel, time, outcome = _as_long(panel, unit, time, outcome, lang)
    p = prepare_panel(panel, unit=unit, time=time, outcome=outcome, treated=treated, start=start,
                      treated_units=treated_units, lang=lang)
    options = {"method": method, "se_type": se_type, "control": control, "aggregation": aggregation,
               "base_period": base_period, "anticipation": anticipation, "inference": inference, "bootstrap_reps": bootstrap_reps, "permutations": permutations,
               "seed": seed, "min_pre_periods": min_pre_periods, "conf_level": conf_level,
               "start": None if start is None else str(start)}
    prov = Provenance("did", options=options,
                      columns={"unit": unit, "time": time, "outcome": outcome, "treated": treated},
                      n_rows=len(panel))
    from workbench.ladder.area.estimator_base import DidOptions

    o = DidOptions(method=method, se_type=se_type, control=control, aggregation=aggregation,
                   base_period=base_period, anticipation=int(anticipation), inference=inference,
                   bootstrap_reps=int(bootstrap_reps), permutations=int(permutations),
                   seed=int(seed), min_pre_periods=int(min_pre_periods), conf_level=conf_level)
    return build_did(p, o, lang=lang, provenance=prov)


def synthetic_control(
    panel: "pd.DataFrame",
    *,
    unit: str,
    time: str | None = None,
    outcome: str | None = None,
    treated_unit: Any,
    start: Any,
    covariates: Sequence[str] | None = None,
    predictor_weights: Sequence[float] | None = None,
    placebos: bool = True,
    leave_one_out: bool = True,
    max_rmspe_share: float = 0.10,
    min_pre_periods: int = 4,
    lang: str | None = None,
) -> "SyntheticControlResult":
    """Synthetic control for one treated area (non-negative weights summing to one).

    Parameters
    ----------
    panel
        Long (one row per area and period) or wide (one row per area, one column per period).
    unit, time, outcome
        Column names (``time``/``outcome`` not needed for a wide table).
    treated_unit
        The area that started the intervention.
    start
        The first period of the intervention (e.g. ``"apr 2022"`` or ``2022``).
    covariates
        Columns whose pre-period means are matched besides the pre-period outcomes.
    predictor_weights
        Fixed non-negative weights of the predictors (default: chosen by nested optimisation).
    placebos, leave_one_out
        Refit with every comparison area as the "treated" one (placebo-in-space inference), and
        leave out each donor with a weight of at least 1 % in turn.
    max_rmspe_share
        The largest pre-period RMSPE, as a share of the treated area's mean pre-period level, for
        the result to be credible.
    min_pre_periods
        The fewest pre-periods accepted for a credible result.
    lang
        Language of errors.

    Returns
    -------
    SyntheticControlResult
        ``weights``, ``estimate`` (mean post-period gap), ``placebos``, ``leave_one_out``,
        ``chart()`` and ``placebo_chart()``.

    Notes
    -----
    Donor weights :math:`w \\ge 0`, :math:`\\sum w_j = 1` minimise
    :math:`(X_1 - X_0 w)^\\top V (X_1 - X_0 w)` over the pre-period predictors (Abadie, Diamond and
    Hainmueller 2010). The gap is :math:`y_{1t} - \\sum_j w_j y_{jt}`; the estimate is its mean over
    the post-periods. The p-value is the rank of the treated area's post/pre RMSPE ratio among the
    placebos', :math:`p = (1 + \\#\\{r_j \\ge r_1\\})/(1 + J)`.
    """
    lang = resolve_lang(lang)
    check_number("max_rmspe_share", max_rmspe_share, low=0, low_open=True, lang=lang)
    check_number("min_pre_periods", min_pre_periods, low=1, integer=True, lang=lang)
    covariates = [covariates] if isinstance(covariates, str) else (list(covariates) if covariates else None)
    panel, time, outcome = _as_long(panel, unit, time, outcome, lang)
    p = prepare_panel(panel, unit=unit, time=time, outcome=outcome, treated_units=[treated_unit],
                      start=start, lang=lang)
    require_columns(panel, covariates or [], lang=lang)
    from workbench.ladder.area.synth_build import build_synth

    prov = Provenance("synthetic_control",
                      options={"treated_unit": str(treated_unit), "start": str(start),
                               "covariates": covariates, "max_rmspe_share": max_rmspe_share},
                      columns={"unit": unit, "time": time, "outcome": outcome}, n_rows=len(panel))
    return build_synth(panel, p, treated_unit=treated_unit, covariates=covariates,
                       predictor_weights=predictor_weights, placebos=placebos,
                       leave_one_out=leave_one_out, max_rmspe_share=max_rmspe_share,
                       min_pre_periods=int(min_pre_periods), lang=lang, provenance=prov)


def interrupted_time_series(
    series: "pd.DataFrame",
    *,
    time: str,
    outcome: str,
    start: Any,
    unit: str | None = None,
    treated_unit: Any = None,
    seasonal: bool | None = None,
    hac_lags: int | None = None,
    min_pre_periods: int = 12,
    min_post_periods: int = 6,
    conf_level: float = 0.95,
    lang: str | None = None,
) -> "ItsResult":
    """Segmented regression for one area with seasonal dummies and Newey–West SEs (rung 3).

    Parameters
    ----------
    series
        One row per period (or a panel with ``unit`` and ``treated_unit`` picking one area).
    time, outcome
        Column names of the period and the outcome.
    start
        The first period of the intervention.
    unit, treated_unit
        For a panel: the area column and the area analysed.
    seasonal
        Month (or quarter) dummies; ``None`` uses them when there are at least two years of data.
    hac_lags
        Newey–West lags; ``None`` uses :math:`\\lfloor 4 (n/100)^{2/9} \\rfloor`.
    min_pre_periods, min_post_periods
        The fewest periods before and after the start for a credible result.
    conf_level
        Confidence level.
    lang
        Language of errors.

    Returns
    -------
    ItsResult
        ``estimate`` (the change in level at ``start``), ``slope_change``, ``chart()``.

    Notes
    -----
    :math:`y_t = \\beta_0 + \\beta_1 t + \\beta_2 D_t + \\beta_3 (t - t_0) D_t + s_{m(t)} + \\varepsilon_t`
    with :math:`D_t = 1` from the start :math:`t_0` (Wagner et al. 2002); :math:`\\beta_2` is the level
    change, :math:`\\beta_3` the slope change. Standard errors are HAC with Bartlett weights and a
    small-sample factor, as ``sandwich::NeweyWest(prewhite = FALSE, adjust = TRUE)``. Without a
    comparison area this is weaker evidence than :func:`did` or :func:`synthetic_control`, and the
    result says so (``rung = 3``).
    """
    lang = resolve_lang(lang)
    if hac_lags is not None:
        check_number("hac_lags", hac_lags, low=0, integer=True, lang=lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    from workbench.ladder.area.its import build_its

    prov = Provenance("interrupted_time_series",
                      options={"start": str(start), "seasonal": seasonal, "hac_lags": hac_lags,
                               "treated_unit": None if treated_unit is None else str(treated_unit)},
                      columns={"time": time, "outcome": outcome, "unit": unit}, n_rows=len(series))
    return build_its(series, time=time, outcome=outcome, start=start, unit=unit,
                     treated_unit=treated_unit, seasonal=seasonal, hac_lags=hac_lags,
                     min_pre_periods=int(min_pre_periods), min_post_periods=int(min_post_periods),
                     conf_level=conf_level, lang=lang, provenance=prov)
