"""Assemble a :class:`SyntheticControlResult` from the synthetic-control engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import DesignError, InputError
from workbench.core.messages import msg
from workbench.core.results import Estimate, Provenance, collect_warnings, format_number
from workbench.core.text import Msg
from workbench.core.validate import to_numeric
from workbench.ladder.area.result import SyntheticControlResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.area.panel import Panel


def _covariates(data: "pd.DataFrame", panel: "Panel", covariates: Sequence[str], start: int, lang: str):
    """Pre-period mean of each covariate per unit (units × k)."""
    import numpy as np

    cols = []
    for c in covariates:
        v = to_numeric(data, c, lang=lang).to_numpy()[panel.rows]
        pre = (panel.time_code < start) & np.isfinite(v)
        s = np.bincount(panel.unit_code[pre], v[pre], panel.n_units)
        n = np.bincount(panel.unit_code[pre], None, panel.n_units)
        cols.append(np.where(n > 0, s / np.where(n > 0, n, 1), np.nan))
    out = np.column_stack(cols)
    if np.isnan(out).any():
        bad = int(np.argmax(np.isnan(out).any(axis=1)))
        raise DesignError("area.synth_unbalanced", lang=lang, unit=panel.units[bad], n=0)
    return out


def build_synth(data: "pd.DataFrame", panel: "Panel", *, treated_unit: Any,
                covariates: Sequence[str] | None, predictor_weights: Sequence[float] | None,
                placebos: bool, leave_one_out: bool, max_rmspe_share: float, min_pre_periods: int,
                lang: str, provenance: Provenance) -> SyntheticControlResult:
    import numpy as np
    import pandas as pd

    from workbench.ladder.area.synth import run_synth

    ymat = panel.matrix(panel.y)
    missing = np.isnan(ymat).sum(axis=1)
    treated = int(panel.treated_units[0])
    if missing[treated]:
        raise DesignError("area.synth_unbalanced", lang=lang, unit=panel.units[treated], n=int(missing[treated]))
    warns: list[Msg] = []
    keep = np.flatnonzero(missing == 0)
    if len(keep) < panel.n_units:  # donors with gaps leave the pool
        dropped = [str(panel.units[j]) for j in np.flatnonzero(missing > 0)]
        warns.append(Msg("area.warn.synth_dropped", units=dropped))
    start = int(panel.start[treated])
    if len(keep) - 1 < 2:
        raise DesignError("area.too_few_donors", lang=lang, n=len(keep) - 1)
    if start < 2:
        raise InputError("area.too_few_pre", lang=lang, n=start, minimum=2)
    cov = _covariates(data, panel, covariates, start, lang)[keep] if covariates else None
    units = [panel.units[j] for j in keep]
    ymat = ymat[keep]
    treated = int(np.flatnonzero(keep == treated)[0])
    v = None
    if predictor_weights is not None:
        v = np.asarray(predictor_weights, dtype=float)
        m = start + (len(covariates) if covariates else 0)
        if v.shape != (m,) or (v < 0).any():
            raise InputError("core.invalid_option", lang=lang, name="predictor_weights", value=len(v),
                             allowed=[msg("area.allowed.nonnegative", lang, n=m)])
    res = run_synth(ymat, treated, start, cov=cov, v=v, placebos=placebos, leave_one_out=leave_one_out)
    main = res.main
    labels = [str(p) for p in panel.times]
    donor_labels = [units[j] for j in main.donors]
    weights = pd.Series(main.weights, index=pd.Index(donor_labels, name="unit"), name="weight")
    path = pd.DataFrame({"period": labels, "treated": ymat[treated], "synthetic": main.synthetic,
                         "gap": main.gap, "post": np.arange(panel.n_times) >= start})
    pl_rows, gap_rows = [], []
    for j, f in res.placebos.items():
        pl_rows.append({"unit": units[j], "pre_rmspe": f.pre_rmspe, "post_rmspe": f.post_rmspe,
                        "ratio": f.ratio})
        gap_rows.append(pd.DataFrame({"unit": str(units[j]), "period": labels, "gap": f.gap}))
    placebo_table = pd.DataFrame(pl_rows, columns=["unit", "pre_rmspe", "post_rmspe", "ratio"])
    placebo_gaps = (pd.concat(gap_rows, ignore_index=True) if gap_rows
                    else pd.DataFrame(columns=["unit", "period", "gap"]))
    loo = pd.Series({units[j]: g for j, g in res.leave_one_out.items()}, name="mean_post_gap",
                    dtype=float)
    mean_gap = float(np.mean(main.gap[start:]))
    est = Estimate(estimate=mean_gap, std_error=float("nan"), ci_low=float("nan"), ci_high=float("nan"),
                   p_value=res.p_value, statistic=main.ratio, df=None, n=len(units),
                   estimand="mean post-period gap (treated area)", method="synthetic_control",
                   se_type=None)
    level = float(np.mean(np.abs(ymat[treated, :start])))
    share = main.pre_rmspe / level if level > 0 else float("inf")
    problems: list[Msg] = []
    if share > max_rmspe_share:
        problems.append(Msg("area.problem.pre_fit", rmspe=format_number(main.pre_rmspe, 2, lang),
                            share=format_number(100 * share, 1, lang),
                            limit=format_number(100 * max_rmspe_share, 0, lang)))
    if start < min_pre_periods:
        problems.append(Msg("area.problem.few_pre", n=start, minimum=min_pre_periods))
    if placebos and 1 / (1 + len(res.placebos)) > 0.05:
        warns.append(Msg("area.warn.perm_floor", n=len(res.placebos),
                         p_min=format_number(1 / (1 + len(res.placebos)), 3, lang)))
    return SyntheticControlResult(
        provenance=provenance, warning_msgs=collect_warnings(warns), estimate=est, weights=weights,
        treated_unit=units[treated], start=labels[start], pre_rmspe=main.pre_rmspe,
        post_rmspe=main.post_rmspe, rmspe_ratio=main.ratio, pre_level=level, p_value=res.p_value,
        path=path, placebos=placebo_table, placebo_gaps=placebo_gaps, leave_one_out=loo,
        max_rmspe_share=max_rmspe_share, credible=not problems, problem_msgs=tuple(problems),
        lang=lang)
