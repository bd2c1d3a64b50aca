"""Front doors: :func:`attrition_by_occasion` and :func:`longterm` (``wb.longterm``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import InputError
from workbench.core.messages import resolve_lang
from workbench.core.text import Msg, Num, render_all
from workbench.core.options import check_option
from workbench.core.results import Provenance, collect_warnings, format_number
from workbench.core.validate import require_columns

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.followup.result import LongTermResult

#: the rung-5 rule for attrition (the same as ``wb.rct``'s credibility)
OVERALL_MAX = 0.20
DIFFERENTIAL_MAX = 0.05
BOUND_METHODS = ("auto", "lee", "worst_best", "none")


def _pct(x: float, lang: str) -> str:
    return format_number(100 * x, 1, lang) + " %"


def attrition_by_occasion(data: "pd.DataFrame", occasions: Sequence[str], *, arm: str = "arm",
                          lang: str | None = None) -> tuple["pd.DataFrame", tuple[str, ...]]:
    """The attrition table and its warnings as text in ``lang`` (see :func:`attrition_messages`)."""
    table, warnings = attrition_messages(data, occasions, arm=arm, lang=lang)
    return table, render_all(warnings, lang)


def attrition_messages(data: "pd.DataFrame", occasions: Sequence[str], *, arm: str = "arm",
                       lang: str | None = None) -> tuple["pd.DataFrame", tuple[Msg, ...]]:
    """Share measured per occasion and arm, and warnings about differential attrition.

    Parameters
    ----------
    data
        One row per randomized participant (rows without an arm are left out), one column per
        occasion (missing = not measured).
    occasions
        The occasion columns, in planned order.
    arm
        The arm column.

    Returns
    -------
    (DataFrame, tuple of str)
        ``occasion, arm, randomized, measured, share_measured`` (one row per occasion and arm) and
        the warnings: attrition above 20 % overall or differing between arms by more than 5
        percentage points at an occasion, with the numbers.

    Notes
    -----
    share_measured = measured / randomized per arm; differential attrition = the largest minus the
    smallest share measured among the arms.
    """
    import pandas as pd

    lang = resolve_lang(lang)
    require_columns(data, [arm, *occasions], lang=lang)
    frame = data[data[arm].notna()]
    rows, warnings = [], []
    for occ in occasions:
        shares = {}
        for name, grp in frame.groupby(arm, sort=True):
            n, k = len(grp), int(grp[occ].notna().sum())
            shares[name] = k / n if n else math.nan
            rows.append({"occasion": occ, "arm": name, "randomized": n, "measured": k,
                         "share_measured": shares[name]})
        measured = int(frame[occ].notna().sum())
        if measured == 0:
            continue
        overall = 1 - measured / len(frame)
        spread = max(shares.values()) - min(shares.values()) if shares else 0.0
        if spread > DIFFERENTIAL_MAX + 1e-12:
            detail = [Msg("followup.arm_share", arm=str(a), share=Num(s, 1, percent=True)) for a, s in shares.items()]
            warnings.append(Msg("followup.warn.differential", occasion=occ, shares=detail,
                                difference=Num(100 * spread, 1)))
        elif overall > OVERALL_MAX + 1e-12:
            warnings.append(Msg("followup.warn.overall", occasion=occ, missing=Num(overall, 1, percent=True)))
    table = pd.DataFrame(rows, columns=["occasion", "arm", "randomized", "measured", "share_measured"])
    return table, tuple(warnings)


def longterm(data: "pd.DataFrame", occasions: Sequence[str] | None = None, *, arm: str = "arm",
             treated_arm: Any = None, method: str = "difference_in_means",
             covariates: Sequence[str] | None = None, blocks: str | None = None,
             minimum: float | None = None, maximum: float | None = None, bounds: str = "auto",
             adherence: float | None = None, due: "pd.DataFrame | None" = None,
             label: str | None = None, lang: str | None = None) -> "LongTermResult":
    """The effect of the offer at each occasion side by side, attrition per arm, and bounds.

    Parameters
    ----------
    data
        One row per randomized participant with the arm and one column per occasion — exactly
        ``reg.measurements(indicator, wide=True)``. Missing values are attrition (reported per
        occasion and arm), never silently dropped.
    occasions
        The occasions after the intervention to compare, in order (default: every column among
        ``efter, uppfoljning_12, uppfoljning_24, uppfoljning_36`` with a value).
    arm, treated_arm
        The arm column and the arm that was offered the intervention (see ``wb.rct``).
    method, covariates, blocks
        Passed to ``wb.rct`` at each occasion (e.g. ``method="lin", covariates=["baslinje"]``).
    minimum, maximum
        The indicator's possible range, for the worst/best-case bounds (binary outcomes: 0 and 1).
    bounds
        ``"auto"`` (Lee bounds, and worst/best case when the range is known, at occasions whose
        attrition breaks the rung-5 rule: more than 20 % overall or 5 points between arms),
        ``"lee"``, ``"worst_best"`` (at every occasion) or ``"none"``.
    adherence
        Share of entrants who were randomized (as ``wb.rct``).
    due
        Optional, same rows as ``data``: one boolean column per occasion, False for participants
        whose window has not opened yet. They are left out of that occasion (not yet measurable
        is not attrition; entry time is independent of the arm, so the comparison stays fair).

    Returns
    -------
    LongTermResult
        ``effects`` (one row per occasion: estimate, CI, p, n, credible), ``attrition``,
        ``bounds``, ``per_occasion`` (the ``RctResult`` of each occasion) and ``estimate`` (the
        latest occasion's effect).

    Notes
    -----
    Each occasion is a separate intention-to-treat analysis of everyone randomized and measured
    then: :math:`\\hat\\tau_k = \\bar y_{1k} - \\bar y_{0k}` (or the adjusted estimator chosen), with
    estimatr's standard errors. Bounds are in :mod:`workbench.ladder.followup.bounds`.
    """
    import numpy as np

    from workbench.ladder.followup.bounds import extreme_bounds, lee_bounds
    from workbench.ladder.followup.result import LongTermResult
    from workbench.ladder.randomized import rct

    lang = resolve_lang(lang)
    check_option("bounds", bounds, BOUND_METHODS, lang=lang)
    if occasions is None:
        occasions = [c for c in ("efter", "uppfoljning_12", "uppfoljning_24", "uppfoljning_36")
                     if c in data.columns and data[c].notna().any()]
    occasions = list(occasions)
    if not occasions:
        raise InputError("followup.no_occasions", lang=lang, columns=[str(c) for c in data.columns])
    require_columns(data, [arm, *occasions, *(covariates or []), blocks], lang=lang)
    keep_rows = data[arm].notna()
    frame = data[keep_rows].reset_index(drop=True)
    if due is not None:
        missing = [o for o in occasions if o not in due.columns]
        if missing or len(due) != len(data):
            raise InputError("followup.bad_due", lang=lang, occasions=missing or occasions, n=len(data))
        due = due[keep_rows.to_numpy()].reset_index(drop=True).astype(bool)
    results, rows, bound_rows, tables, att_warnings = [], [], [], [], []
    for occ in occasions:
        frame_all = frame
        frame = frame_all[due[occ].to_numpy()].reset_index(drop=True) if due is not None else frame_all
        table, warn = attrition_messages(frame, [occ], arm=arm, lang=lang)
        tables.append(table)
        att_warnings.extend(warn)
        r = rct(frame, occ, arm, method=method, covariates=covariates, blocks=blocks,
                treated_arm=treated_arm, adherence=adherence, lang=lang, label=occ)
        results.append(r)
        e = r.estimate
        att = r.attrition.set_index("arm")["share_missing"]
        overall = float(frame[occ].isna().mean())
        differential = float(abs(att["treated"] - att["control"]))
        per_arm = r.attrition.set_index("arm")
        rows.append({"occasion": occ, "estimate": e.estimate, "std_error": e.std_error,
                     "ci_low": e.ci_low, "ci_high": e.ci_high, "p_value": e.p_value, "n": e.n,
                     "measured_treated": int(per_arm.loc["treated", "randomized"] - per_arm.loc["treated", "outcome_missing"]),
                     "randomized_treated": int(per_arm.loc["treated", "randomized"]),
                     "measured_control": int(per_arm.loc["control", "randomized"] - per_arm.loc["control", "outcome_missing"]),
                     "randomized_control": int(per_arm.loc["control", "randomized"]),
                     "missing": overall, "missing_difference": differential, "credible": r.credible})
        large = overall > OVERALL_MAX + 1e-12 or differential > DIFFERENTIAL_MAX + 1e-12
        treated = (frame[arm] == r.attrition["arm_label"].iloc[0]).to_numpy()
        y = frame[occ].to_numpy(dtype=float)
        observed = ~np.isnan(y)
        low, high = (0.0, 1.0) if r.binary else (minimum, maximum)
        if bounds in ("lee",) or (bounds == "auto" and large):
            b = lee_bounds(y, treated, observed)
            bound_rows.append({"occasion": occ, **b._asdict()})
        if (bounds == "worst_best" or (bounds == "auto" and large)) and low is not None and high is not None:
            b = extreme_bounds(y, treated, observed, float(low), float(high))
            bound_rows.append({"occasion": occ, **b._asdict()})
        frame = frame_all
    import pandas as pd

    att_table = pd.concat(tables, ignore_index=True)

    effects = pd.DataFrame(rows)
    bound_table = pd.DataFrame(bound_rows, columns=["occasion", "lower", "upper", "method",
                                                    "trimmed_share", "trimmed_arm"])
    last = results[-1]
    warnings = collect_warnings([*att_warnings, *(w for r in results for w in r.warning_msgs)])
    return LongTermResult(
        provenance=Provenance("longterm", options={"method": method, "bounds": bounds,
                                                   "treated_arm": treated_arm, "blocks": blocks},
                              columns={"arm": arm, "occasions": occasions, "covariates": list(covariates or [])},
                              n_rows=len(frame)),
        warning_msgs=warnings, problem_msgs=tuple(last.problem_msgs), estimate=last.estimate, occasions=tuple(occasions), effects=effects,
        attrition=att_table, bounds=bound_table, per_occasion=tuple(results),
        treated_label=str(last.attrition["arm_label"].iloc[0]),
        control_label=str(last.attrition["arm_label"].iloc[1]), credible=bool(last.credible),
        label=label, lang=lang)
