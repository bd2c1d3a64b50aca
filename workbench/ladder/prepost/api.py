"""Rung 3: before/after measurement of the same indicators for participants (``wb.prepost``).

The front door validates the table, pairs each before-column with its after-column, analyses the
complete pairs of every indicator (:mod:`workbench.ladder.prepost.indicator`) and returns a frozen
:class:`~workbench.ladder.prepost.result.PrepostResult`. The result is labelled *förändring, inte
effekt*: a before/after comparison shows change, never that the intervention caused it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from workbench.core.errors import ColumnTypeError, InputError, MissingValuesError, TooFewRowsError
from workbench.core.messages import msg, resolve_lang
from workbench.core.options import PrepostKind, check_number, check_option
from workbench.core.results import Provenance, collect_warnings, format_number
from workbench.core.text import Msg
from workbench.core.validate import require_columns, require_frame, require_min_rows, require_unique, to_binary, to_numeric

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.prepost.result import PrepostResult

PairedShareCI = Literal["newcombe", "wald"]
"""Interval for the difference of paired shares (binary indicators)."""

MIN_PAIRS = 2
"""Fewest complete pairs the tests can be computed on."""
MIN_PAIRS_CREDIBLE = 10
"""Fewest complete pairs for a result that counts on the ladder (rung 3)."""
ATTRITION_WARN = 0.20
"""Attrition above this share gives a warning."""
ATTRITION_CREDIBLE = 0.50
"""Attrition above this share makes the result not count on the ladder."""
RTM_DISTANCE = 0.5
"""Baseline mean this many reference SDs from the reference mean triggers the regression warning."""


def prepost(
    data: "pd.DataFrame",
    before: str | Sequence[str],
    after: str | Sequence[str],
    *,
    kind: PrepostKind = "auto",
    lang: str | None = None,
    conf_level: float = 0.95,
    id: str | None = None,
    names: Sequence[str] | None = None,
    selected_on_extreme: bool | None = None,
    reference_mean: float | Mapping[str, float] | None = None,
    reference_sd: float | Mapping[str, float] | None = None,
    binary_ci: PairedShareCI = "newcombe",
) -> "PrepostResult":
    """Change from before to after in the same participants, for one or several indicators.

    Parameters
    ----------
    data
        One row per participant, before- and after-values in separate columns (not changed).
    before, after
        Column names, or equally long lists of column names (one indicator per position).
    kind
        ``"continuous"``, ``"binary"`` (0/1, ja/nej) or ``"auto"`` (binary when both columns are
        0/1 or yes/no, else continuous), applied to every indicator.
    lang
        ``"sv"`` or ``"en"`` for error messages and the result's ``label``. Warnings, credibility
        problems, the explanation, the chart and the summary's ``claim`` are rendered when read, in
        the reader's language (``wb.set_language``, or ``explain(lang)`` / ``chart(lang)``).
    conf_level
        Confidence level of every interval.
    id
        Optional participant id column; must be unique. Used to draw individual lines.
    names
        Names of the indicators; default: the common beginning of the two column names
        (``"sdq_fore"``/``"sdq_efter"`` → ``"sdq"``), else ``"före → efter"``.
    selected_on_extreme
        ``True`` when participants were chosen for extreme baseline values: adds the
        regression-to-the-mean warning.
    reference_mean, reference_sd
        Mean and SD of the indicator in a reference population (a number, or a mapping indicator
        name → number). A baseline mean more than 0.5 reference SDs away gives the
        regression-to-the-mean warning. Without ``reference_sd`` the participants' baseline SD is used.
    binary_ci
        Interval for the difference of paired shares: ``"newcombe"`` (Newcombe 1998, method 10;
        default) or ``"wald"``.

    Returns
    -------
    PrepostResult
        ``estimate`` (mean change or share difference of the first indicator), ``effect_size``
        (Cohen's d_z), ``effect_size_dav``, ``tests`` (rows ``paired_t``/``wilcoxon`` or
        ``mcnemar``/``mcnemar_exact``, one block per indicator), ``attrition``, ``indicators``.

    Notes
    -----
    Only complete pairs are analysed. Attrition is the share of rows with a before-value that lack
    the after-value; the lost are compared with the kept at baseline (difference and SMD). The
    tests reproduce R: ``t.test(after, before, paired = TRUE)``, ``wilcox.test(after, before,
    paired = TRUE)`` (exact when fewer than 50 non-zero differences and no ties, else normal with
    continuity correction and tie-corrected variance; zero differences dropped),
    ``mcnemar.test`` (continuity corrected) and ``binom.test`` on the discordant pairs. Cohen's
    d_z has a noncentral-t interval; d_av's interval rescales it by sd(d)/sd_av (approximate).
    """
    import numpy as np

    from workbench.ladder.prepost import indicator as PI
    from workbench.ladder.prepost.result import PrepostResult

    lang = resolve_lang(lang)
    df = require_frame(data, lang=lang)
    check_option("kind", kind, PrepostKind, lang=lang)
    check_option("binary_ci", binary_ci, PairedShareCI, lang=lang)
    check_number("conf_level", conf_level, low=0, high=1, low_open=True, high_open=True, lang=lang)
    befores, afters = _as_list(before), _as_list(after)
    if not befores or not afters:
        raise InputError("prepost.no_indicators", lang=lang)
    if len(befores) != len(afters):
        raise InputError("prepost.unequal_lengths", lang=lang, n_before=len(befores), n_after=len(afters))
    require_columns(df, [*befores, *afters, id], lang=lang)
    for b, a in zip(befores, afters):
        if b == a:
            raise InputError("prepost.same_column", lang=lang, column=b)
    if id is not None:
        require_unique(df, id, lang=lang)
    require_min_rows(len(df), MIN_PAIRS, lang=lang)
    labels = list(names) if names is not None else [_indicator_name(b, a) for b, a in zip(befores, afters)]
    if len(labels) != len(befores):
        raise InputError("prepost.unequal_lengths", lang=lang, n_before=len(befores), n_after=len(labels))
    repeated = sorted({x for x in labels if labels.count(x) > 1})
    if repeated:
        raise InputError("prepost.duplicate_names", lang=lang, names=repeated)

    indicators, warns, pairs = [], [], []
    for label, b_col, a_col in zip(labels, befores, afters):
        ind_kind, b_all, a_all = _columns(df, b_col, a_col, kind, lang)
        attrition = PI.attrition_of(b_all, a_all)
        if attrition.n_before == 0:
            raise MissingValuesError("prepost.all_before_missing", lang=lang, column=b_col, after=a_col)
        if attrition.n_complete == 0:
            raise MissingValuesError("prepost.all_after_missing", lang=lang, column=a_col)
        if attrition.n_complete < MIN_PAIRS:
            raise TooFewRowsError("prepost.too_few_pairs", lang=lang, before=b_col, after=a_col,
                                  n=attrition.n_complete, minimum=MIN_PAIRS)
        mask = ~np.isnan(b_all) & ~np.isnan(a_all)
        if ind_kind == "binary":
            ind = PI.analyse_binary(label, b_col, a_col, b_all[mask], a_all[mask], attrition, conf_level, binary_ci)
        else:
            ind = PI.analyse_continuous(label, b_col, a_col, b_all[mask], a_all[mask], attrition, conf_level)
        indicators.append(ind)
        warns.extend(_indicator_warnings(ind, lang))
        ids = df[id].to_numpy()[mask] if id is not None else np.flatnonzero(mask) + 2
        pairs.append((label, ids, b_all[mask], a_all[mask]))

    warns.extend(_rtm_warnings(indicators, selected_on_extreme, reference_mean, reference_sd, lang))
    problems = _credibility(indicators, lang)
    provenance = Provenance(
        function="prepost",
        options={"kind": kind, "conf_level": conf_level, "selected_on_extreme": selected_on_extreme,
                 "reference_mean": reference_mean, "reference_sd": reference_sd, "binary_ci": binary_ci},
        columns={"before": befores, "after": afters, "id": id, "names": labels},
        n_rows=len(df),
    )
    return PrepostResult(
        provenance=provenance, warning_msgs=collect_warnings(warns), indicators=tuple(indicators),
        estimate=indicators[0].estimate, effect_size=indicators[0].effect_size,
        effect_size_dav=indicators[0].effect_size_dav, credible=not problems,
        problem_msgs=tuple(problems), conf_level=conf_level, lang=lang,
        label=msg("prepost.claim", lang), _pairs=tuple(pairs),
    )


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _indicator_name(before: str, after: str) -> str:
    prefix = os.path.commonprefix([before, after]).rstrip(" _-.:")
    if len(prefix) >= 1:
        return prefix
    return f"{before} → {after}"


def _columns(df: "pd.DataFrame", b_col: str, a_col: str, kind: str, lang: str):
    """The two columns as float arrays and the indicator's kind."""
    if kind == "binary":
        return "binary", to_binary(df, b_col, lang=lang).to_numpy(), to_binary(df, a_col, lang=lang).to_numpy()
    if kind == "auto":
        kinds = []
        for col in (b_col, a_col):
            try:
                to_binary(df, col, lang=lang)
                kinds.append("binary")
            except ColumnTypeError:
                kinds.append("continuous")
        if kinds == ["binary", "binary"]:
            return "binary", to_binary(df, b_col, lang=lang).to_numpy(), to_binary(df, a_col, lang=lang).to_numpy()
    b = to_numeric(df, b_col, lang=lang).to_numpy()
    a = to_numeric(df, a_col, lang=lang).to_numpy()
    return "continuous", b, a


def _pct(x: float, lang: str) -> str:
    return format_number(100 * x, 0, lang)


def _indicator_warnings(ind: Any, lang: str) -> list[Msg]:
    """The warnings about one indicator, as messages (numbers written as in ``lang``, the run's language)."""
    out = []
    att = ind.attrition
    if att.share_lost > ATTRITION_WARN:
        higher = att.baseline_difference > 0
        out.append(Msg(
            "prepost.warn.attrition", indicator=ind.name, share=_pct(att.share_lost, lang), lost=att.n_lost,
            total=att.n_before, comparison=Msg("prepost.warn.higher" if higher else "prepost.warn.lower"),
            diff=format_number(att.baseline_difference, 2, lang), smd=format_number(att.smd, 2, lang),
        ))
    if att.n_missing_before:
        out.append(Msg("prepost.warn.missing_before", n=att.n_missing_before, indicator=ind.name))
    if ind.kind == "continuous" and not math.isfinite(ind.estimate.statistic):
        out.append(Msg("prepost.warn.constant_change", indicator=ind.name))
    if ind.kind == "binary" and ind.table["n01"] + ind.table["n10"] == 0:
        out.append(Msg("prepost.warn.no_discordant", indicator=ind.name))
    if ind.n < MIN_PAIRS_CREDIBLE:
        out.append(Msg("prepost.warn.few_pairs", n=ind.n, indicator=ind.name, minimum=MIN_PAIRS_CREDIBLE))
    return out


def _per_indicator(value: Any, name: str, arg: str, indicators: Sequence[Any], lang: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        known = [i.name for i in indicators]
        for key in value:
            if key not in known:
                raise InputError("prepost.reference_unknown", lang=lang, name=arg, indicator=key, available=known)
        value = value.get(name)
        if value is None:
            return None
    return float(check_number(arg, value, lang=lang))


def _rtm_warnings(indicators: Sequence[Any], selected: bool | None, ref_mean: Any, ref_sd: Any,
                  lang: str) -> list[Msg]:
    out = [Msg("prepost.warn.rtm_selected")] if selected else []
    for ind in indicators:
        mean = _per_indicator(ref_mean, ind.name, "reference_mean", indicators, lang)
        sd = _per_indicator(ref_sd, ind.name, "reference_sd", indicators, lang)
        if mean is None:
            continue
        if sd is not None:
            check_number("reference_sd", sd, low=0, low_open=True, lang=lang)
        scale = sd if sd is not None else (
            ind.sd_before if ind.kind == "continuous" else math.sqrt(ind.mean_before * (1 - ind.mean_before)))
        if not (scale and scale > 0):
            continue
        distance = abs(ind.mean_before - mean) / scale
        if distance > RTM_DISTANCE:
            out.append(Msg("prepost.warn.rtm_reference", indicator=ind.name,
                           mean=format_number(ind.mean_before, 2, lang), distance=format_number(distance, 1, lang),
                           reference=format_number(mean, 2, lang)))
    return out


def _credibility(indicators: Sequence[Any], lang: str) -> list[Msg]:
    problems = []
    for ind in indicators:
        if ind.n < MIN_PAIRS_CREDIBLE:
            problems.append(Msg("prepost.cred.few_pairs", indicator=ind.name, n=ind.n, minimum=MIN_PAIRS_CREDIBLE))
        if ind.attrition.share_lost > ATTRITION_CREDIBLE:
            problems.append(Msg("prepost.cred.attrition", indicator=ind.name,
                                share=_pct(ind.attrition.share_lost, lang), limit=_pct(ATTRITION_CREDIBLE, lang)))
    return problems
