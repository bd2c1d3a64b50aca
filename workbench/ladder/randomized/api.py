"""Rung 5: analysing randomized trials the way R's ``estimatr`` does (front doors only).

* :func:`rct` — effect of the offer (intention to treat): difference in means (plain, blocked,
  matched pairs, clustered), OLS with HC0–HC3 / CR0 / CR2 / stata, Lin's adjustment; risk ratio for
  binary outcomes; optional randomization inference that re-runs the trial's allocation scheme.
* :func:`cace` — effect of taking part (2SLS with HC2, as ``estimatr::iv_robust``), with the ITT and
  the take-up (first stage) alongside.
* :func:`meta_analysis` — fixed/random-effects pooling of several trials' estimates.
* :func:`analysis_population` — everyone randomized, from the registry's allocation export.

The engines live in the sibling modules ``randomized_*.py``; credibility rules are documented in
:mod:`workbench.ladder.randomized.result`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.messages import resolve_lang
from workbench.core.options import MetaMethod, RctMethod, SeType, check_number, check_option
from workbench.core.results import Provenance, collect_warnings
from workbench.core.text import Msg, Num
from workbench.core.validate import require_frame
from workbench.ladder.randomized.population import (
    Population,
    analysis_population,
    attrition,
    credibility,
    population_warnings,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.randomized.result import CaceResult, MetaResult, RctResult

__all__ = ["analysis_population", "cace", "meta_analysis", "rct"]

FEW_CLUSTERS = 20


def _population(data, allocations, id, arm, entrants, lang) -> tuple["pd.DataFrame", Population | None]:
    if allocations is None:
        return require_frame(data, lang=lang), None
    pop = analysis_population(allocations, require_frame(data, lang=lang), id=id, arm=arm, entrants=entrants,
                              lang=lang)
    return pop.data, pop


def _arms(prep) -> "pd.DataFrame":
    import pandas as pd

    rows = []
    for group, label, value in (("treated", prep.treated_label, 1.0), ("control", prep.control_label, 0.0)):
        y = prep.y[prep.z == value]
        rows.append({"group": group, "arm": label, "n": int(len(y)), "mean": float(y.mean()),
                     "sd": float(y.std(ddof=1)) if len(y) > 1 else float("nan")})
    return pd.DataFrame(rows)


def _cluster_warnings(n_clusters: int | None, se_type: str | None) -> list[Msg]:
    if not n_clusters or n_clusters >= FEW_CLUSTERS:
        return []
    if se_type in ("CR0", "stata"):
        return [Msg("randomized.warn.cr1_few_clusters", se_type=se_type, n=n_clusters)]
    return [Msg("randomized.warn.few_clusters", n=n_clusters)]


def rct(
    data: "pd.DataFrame",
    outcome: str,
    treatment: str,
    *,
    method: RctMethod = "difference_in_means",
    blocks: str | None = None,
    clusters: str | None = None,
    covariates: Sequence[str] | None = None,
    se_type: SeType | None = None,
    lang: str | None = None,
    conf_level: float = 0.95,
    binary: bool | None = None,
    treated_arm: Any = None,
    adherence: float | None = None,
    allocations: "pd.DataFrame | None" = None,
    id: str = "participant_id",
    entrants: Sequence[Any] | None = None,
    randomization_inference: bool = False,
    ri_scheme: str | Callable[[Any], Any] | None = None,
    ri_draws: int = 10_000,
    seed: int | None = None,
    label: str | None = None,
) -> "RctResult":
    """Effect of being offered the intervention in a randomized trial (intention to treat).

    Parameters
    ----------
    data
        One row per participant with ``outcome`` and ``treatment``; with ``allocations`` it is the
        outcome table joined to the registry export on ``id`` (``treatment`` then names the arm
        column of ``allocations``).
    method
        ``"difference_in_means"`` (default; the design picks the variance: Neyman/Welch, blocked,
        matched pairs, CR2 with clusters), ``"ols"`` or ``"lin"`` (Lin's interacted adjustment).
    se_type
        For ``ols``/``lin``: ``HC0``–``HC3``, ``classical`` (default ``HC2``) or with clusters
        ``CR0``, ``CR2``, ``stata`` (default ``CR2``).
    binary
        Outcome is 0/1 (auto-detected when None): adds the risk ratio.
    treated_arm
        Value of ``treatment`` that marks the intervention arm (needed unless 0/1 or ``insats``).
    adherence
        Share of entrants who were randomized (``trial.adherence(entrants)``); computed from
        ``allocations`` when given. Rung 5 requires at least 90 %.
    allocations, id, entrants
        The registry's allocation export (``trial.allocations()``), its id column, and optionally
        the ids of everyone who entered the intervention (see :func:`analysis_population`).
    randomization_inference, ri_scheme, ri_draws, seed
        Add a randomization-inference p-value. ``ri_scheme`` defaults to the design
        (``simple``/``blocks``/``clusters``/``blocked_clusters``) or is a callable
        ``reassign(rng) -> 0/1 vector`` that re-runs the registry's scheme (``trial.reassigner(ids, treated_arm=...)``).
    lang
        Language of the errors raised here. The result keeps its warnings and credibility problems as
        messages and is read in the reader's language (``explain(lang)``, ``warnings_in(lang)``,
        else the session language of ``wb.set_language``).

    Returns
    -------
    RctResult
        ``estimate`` as estimatr's ``difference_in_means``/``lm_robust``/``lm_lin``.
    """
    import numpy as np

    from workbench.ladder.randomized.effects import check_se_type, estimate_effect, risk_ratio
    from workbench.ladder.randomized.prepare import prepare
    from workbench.ladder.randomized.result import RctResult

    lang = resolve_lang(lang)
    check_option("method", method, RctMethod, lang=lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    covariates = list(covariates or [])
    se = check_se_type(method, se_type, clusters is not None, lang=lang)
    df, pop = _population(data, allocations, id, treatment, entrants, lang)
    if adherence is not None:
        check_number("adherence", adherence, low=0, high=1, lang=lang)
    elif pop is not None:
        adherence = pop.adherence
    prep = prepare(df, outcome, treatment, blocks=blocks, clusters=clusters, covariates=covariates,
                   binary=binary, treated_arm=treated_arm, lang=lang)
    fit = estimate_effect(prep, method=method, se_type=se, blocks=blocks, clusters=clusters,
                          covariates=covariates, conf_level=conf_level, lang=lang)
    warnings: list[Msg] = list(fit.notes)
    rr = None
    if prep.binary:
        rr, zero = risk_ratio(prep, blocks=blocks, clusters=clusters, conf_level=conf_level)
        if zero:
            warnings.append(Msg("randomized.warn.rr_zero"))
    ri = None
    if randomization_inference:
        from workbench.ladder.randomized.ri import randomization_test

        scheme = ri_scheme or {(False, False): "simple", (True, False): "blocks", (False, True): "clusters",
                               (True, True): "blocked_clusters"}[(blocks is not None, clusters is not None)]
        seed = int(np.random.SeedSequence().entropy % 2**32) if seed is None else seed
        cov = None
        if method != "difference_in_means" and covariates:
            from workbench.ladder.randomized.effects import regressors

            cov = regressors(prep, covariates, blocks, False, lang=lang)[0][:, 2:]
        f = prep.frame
        ri = randomization_test(
            prep.y, prep.z, scheme=scheme, blocks=None if blocks is None else f[blocks].to_numpy(),
            clusters=None if clusters is None else f[clusters].to_numpy(), covariates=cov,
            draws=ri_draws, seed=seed, lang=lang,
        )
    att = attrition(prep.missing_outcome, prep.z_all)
    warnings += population_warnings(pop, att)
    warnings += _cluster_warnings(fit.n_clusters, fit.estimate.se_type)
    problems = credibility(adherence, att)
    options = {"method": method, "se_type": se_type, "conf_level": conf_level, "binary": prep.binary,
               "treated_arm": prep.treated_label, "adherence": adherence,
               "randomization_inference": randomization_inference, "ri_draws": ri_draws, "seed": seed,
               "ri_scheme": ri_scheme if isinstance(ri_scheme, str) or ri_scheme is None else "callable"}
    columns = {"outcome": outcome, "treatment": treatment, "blocks": blocks, "clusters": clusters,
               "covariates": covariates, "id": id if allocations is not None else None}
    return RctResult(
        provenance=Provenance("rct", options, columns, len(df)), warning_msgs=collect_warnings(warnings),
        credible=not problems, problem_msgs=tuple(problems), label=label, lang=lang,
        estimate=fit.estimate, design=fit.design, outcome=outcome, binary=prep.binary, arms=_arms(prep),
        risk_ratio=rr, flow=None if pop is None else pop.flow, attrition=att.table.assign(arm_label=[prep.treated_label, prep.control_label]), adherence=adherence,
        n_blocks=fit.n_blocks, n_clusters=fit.n_clusters, randomization=ri,
        ri_distribution=None if ri is None else ri.distribution,
    )


def cace(
    data: "pd.DataFrame",
    outcome: str,
    assigned: str,
    received: str,
    *,
    covariates: Sequence[str] | None = None,
    clusters: str | None = None,
    se_type: SeType | None = None,
    lang: str | None = None,
    conf_level: float = 0.95,
    treated_arm: Any = None,
    adherence: float | None = None,
    allocations: "pd.DataFrame | None" = None,
    id: str = "participant_id",
    entrants: Sequence[Any] | None = None,
    label: str | None = None,
) -> "CaceResult":
    """Effect of taking part when the *offer* is randomized: 2SLS (CACE) beside ITT and take-up.

    Parameters
    ----------
    data
        One row per randomized person; not modified.
    outcome
        The outcome column (numbers, or 0/1 for a binary outcome).
    assigned
        The randomized offer: 0/1 or arm names (with ``allocations``, the arm column of the
        registry export).
    received
        Whether the person took part (0/1, ja/nej).
    covariates
        Baseline columns adjusted for in both stages (pre-treatment only).
    clusters
        Column of the randomized clusters, for cluster-robust (CR2) standard errors.
    se_type
        ``None`` (HC2, or CR2 with clusters, as ``estimatr::iv_robust``) or one of ``HC0``–``HC3``,
        ``CR0``, ``CR2``, ``stata``, ``classical``.
    lang
        Language of errors (results render in the reader's language).
    conf_level
        Confidence level of the intervals.
    treated_arm
        Which arm is the offer when ``assigned`` holds arm names.
    adherence, allocations, id, entrants
        The share of entrants who were randomized, or the registry's allocations (joined on
        ``id``) and the list of entrants to compute it from; low adherence makes the result not
        credible for rung 5.
    label
        Name shown in reports.

    Returns
    -------
    CaceResult
        ``estimate`` (CACE), ``itt`` and ``take_up`` estimates, first-stage F, credibility.

    Notes
    -----
    With offer :math:`Z`, participation :math:`D` and outcome :math:`Y`, the complier average
    causal effect is the Wald/2SLS ratio

    .. math:: \\widehat{CACE} = \\frac{\\widehat{ITT}_Y}{\\widehat{ITT}_D}
              = \\frac{\\bar Y_{Z=1} - \\bar Y_{Z=0}}{\\bar D_{Z=1} - \\bar D_{Z=0}}

    (with covariates: 2SLS of :math:`Y` on :math:`D` instrumented by :math:`Z`). It needs the
    exclusion restriction (the offer affects the outcome only through taking part) and
    monotonicity (nobody takes part *because* they were not offered). Standard errors as
    ``estimatr::iv_robust`` (HC2 by default); ITT and take-up as ``lm_robust``. A first-stage F
    below 10 (a weak instrument) is warned about and keeps the result from counting for rung 5.
    """
    import numpy as np
    import pandas as pd

    from workbench.core.results import Estimate
    from workbench.core.validate import to_binary
    from workbench.ladder.randomized.effects import check_se_type
    from workbench.ladder.randomized.iv import two_stage_least_squares
    from workbench.ladder.randomized.ols import ols, t_inference
    from workbench.ladder.randomized.prepare import design_matrix, prepare
    from workbench.ladder.randomized.result import CaceResult

    lang = resolve_lang(lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    covariates = list(covariates or [])
    se = check_se_type("ols", se_type, clusters is not None, lang=lang)
    df, pop = _population(data, allocations, id, assigned, entrants, lang)
    if adherence is not None:
        check_number("adherence", adherence, low=0, high=1, lang=lang)
    elif pop is not None:
        adherence = pop.adherence
    prep = prepare(df, outcome, assigned, blocks=None, clusters=clusters, covariates=covariates, binary=False,
                   treated_arm=treated_arm, extra=[received], lang=lang)
    f = prep.frame
    d = to_binary(f, received, lang=lang).to_numpy(dtype=float)
    W, wnames = design_matrix(f, covariates, lang=lang)
    cl = None if clusters is None else f[clusters].to_numpy()
    n = len(prep.y)

    def coef_estimate(fit, name, estimand, method):
        i = fit.index(name)
        se_ = fit.std_error(name)
        stat, p, lo, hi = t_inference(float(fit.coef[i]), se_, float(fit.df[i]), conf_level)
        return Estimate(float(fit.coef[i]), se_, lo, hi, p, stat, float(fit.df[i]), n, estimand, method, se, conf_level)

    X = np.column_stack([np.ones(n), prep.z, W])
    names = ("(Intercept)", "assigned", *wnames)
    itt = coef_estimate(ols(prep.y, X, names, se_type=se, clusters=cl), "assigned", "ITT", "ols")
    first_fit = ols(d, X, names, se_type=se, clusters=cl)
    first = coef_estimate(first_fit, "assigned", "take-up (first stage)", "ols")
    iv = two_stage_least_squares(prep.y, d, prep.z, W if W.shape[1] else None, wnames, se_type=se, clusters=cl)
    est = coef_estimate(iv, "received", "CACE", "2sls")
    f_stat = first.statistic**2
    att = attrition(prep.missing_outcome, prep.z_all)
    warnings = population_warnings(pop, att)
    problems = credibility(adherence, att)
    if f_stat < 10:
        warnings.append(Msg("randomized.warn.weak_first_stage", f=Num(f_stat, 1)))
        problems.append(Msg("randomized.cred.weak_first_stage", f=Num(f_stat, 1)))
    compliance = pd.DataFrame(
        [{"assigned": int(a), "received": int(((prep.z == a) & (d == 1)).sum()),
          "not_received": int(((prep.z == a) & (d == 0)).sum())} for a in (1, 0)]
    )
    options = {"se_type": se, "conf_level": conf_level, "treated_arm": prep.treated_label, "adherence": adherence}
    columns = {"outcome": outcome, "assigned": assigned, "received": received, "covariates": covariates,
               "clusters": clusters}
    return CaceResult(
        provenance=Provenance("cace", options, columns, len(df)), warning_msgs=collect_warnings(warnings),
        credible=not problems, problem_msgs=tuple(problems), label=label, lang=lang,
        estimate=est, itt=itt, first_stage=first, first_stage_f=float(f_stat), compliance=compliance,
        outcome=outcome, flow=None if pop is None else pop.flow, attrition=att.table.assign(arm_label=[prep.treated_label, prep.control_label]), adherence=adherence,
    )


def meta_analysis(
    estimates: Any,
    *,
    method: MetaMethod = "DL",
    labels: str | Sequence[str] | None = None,
    estimate: str = "estimate",
    std_error: str = "std_error",
    knapp_hartung: bool = False,
    conf_level: float = 0.95,
    lang: str | None = None,
    label: str | None = None,
) -> "MetaResult":
    """Pool several trials' effects (one per municipality or district), as ``metafor::rma``.

    Parameters
    ----------
    estimates
        A list of results (``wb.rct``/``wb.cace``), their saved ``to_dict()`` payloads,
        municipalities' evidence cards, :class:`~workbench.Estimate` objects, or a DataFrame with
        columns ``estimate`` and ``std_error``.
    method
        ``"fixed"`` (inverse variance), ``"DL"`` (DerSimonian–Laird, default) or ``"REML"``.
    labels
        Names of the studies (a column name for a DataFrame).
    estimate, std_error
        Column names for a DataFrame input.
    knapp_hartung
        Use the Knapp–Hartung t-based interval (``test="knha"`` in metafor).
    conf_level
        Confidence level.
    lang
        Language of errors.
    label
        Name shown in reports.

    Returns
    -------
    MetaResult
        ``estimate`` (pooled), ``tau2``, ``i2``, the studies table and a forest plot. Credible
        (rung 5) only when every input is a credible rung-5 result.

    Notes
    -----
    With study effects :math:`y_i`, variances :math:`v_i` and between-study variance
    :math:`\\tau^2` (0 for ``fixed``; DerSimonian–Laird moment estimate or the REML solution
    otherwise), weights :math:`w_i = 1/(v_i + \\tau^2)` give
    :math:`\\hat\\mu = \\sum w_i y_i / \\sum w_i` with :math:`SE = (\\sum w_i)^{-1/2}` and a
    normal interval; Knapp–Hartung multiplies the variance :math:`1/\\sum w_i` by
    :math:`q = \\sum w_i (y_i - \\hat\\mu)^2/(k-1)` and uses :math:`t_{k-1}`.
    :math:`I^2 = \\max(0, (Q - (k-1))/Q)` from Cochran's :math:`Q`.
    """
    from workbench.ladder.randomized.meta import META_METHODS, pool
    from workbench.ladder.randomized.meta_input import meta_inputs
    from workbench.ladder.randomized.result import MetaResult

    lang = resolve_lang(lang)
    check_option("method", method, META_METHODS, lang=lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    studies, problems = meta_inputs(estimates, labels, estimate, std_error, lang=lang)
    fit = pool(studies["estimate"].to_numpy(), studies["std_error"].to_numpy(), method=method,
               knapp_hartung=knapp_hartung, conf_level=conf_level)
    fixed = pool(studies["estimate"].to_numpy(), studies["std_error"].to_numpy(), method="fixed",
                 conf_level=conf_level)
    studies = studies.assign(weight=fit.weights)
    warnings = [Msg("randomized.warn.meta_few", k=len(studies))] if len(studies) < 5 and not knapp_hartung else []
    options = {"method": method, "knapp_hartung": knapp_hartung, "conf_level": conf_level}
    return MetaResult(
        provenance=Provenance("meta_analysis", options, {"estimate": estimate, "std_error": std_error}, len(studies)),
        warning_msgs=tuple(warnings), credible=not problems, problem_msgs=tuple(problems), label=label,
        lang=lang, estimate=fit.pooled, fixed=fixed.pooled, method=method, tau2=fit.tau2, q=fit.q,
        q_df=fit.q_df, q_p=fit.q_p, i2=fit.i2, h2=fit.h2, studies=studies,
    )
