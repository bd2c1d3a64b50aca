"""Rung 2: activity follow-up — who in the target group got the intervention, how much, who left.

The front door :func:`activity_followup` validates a participant table (one row per person in the
target group, or per participant when the target group's size is given as a number), builds the
flow target group → … → completed, reach by subgroup with small cells hidden, dose delivered vs
planned, drop-out (how many, when, why, who) and fidelity, and returns a frozen
:class:`~workbench.ladder.activity.result.ActivityResult`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from workbench.core.errors import ColumnMissingError, InputError
from workbench.core.messages import msg, resolve_lang
from workbench.core.options import check_number
from workbench.core.results import Provenance, collect_warnings, format_number
from workbench.core.text import Msg, render
from workbench.core.validate import require_columns, require_frame, require_unique, sheet_row, to_binary, to_numeric

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from workbench.ladder.activity.result import ActivityResult

HIGH_DROPOUT = 0.30
"""Drop-out share (of those who started) above which a warning is given."""
SMD_FLAG = 0.25
"""Drop-outs vs completers SMD above which a baseline difference is warned about."""


def activity_followup(
    participants: "pd.DataFrame",
    *,
    id: str,
    stages: Mapping[str, str | int | None],
    stage_labels: Mapping[str, str] | None = None,
    dose: str | None = None,
    planned_dose: float | str | None = None,
    dropout_reason: str | None = None,
    dropout_time: str | None = None,
    subgroups: Sequence[str] = (),
    baseline: Sequence[str] = (),
    reach_stage: str | None = None,
    contacts: "pd.DataFrame | None" = None,
    fidelity: "pd.DataFrame | None" = None,
    fidelity_columns: tuple[str, str, str] = ("activity", "planned", "delivered"),
    method_changes: "pd.DataFrame | Sequence[Mapping[str, Any]] | None" = None,
    min_cell: int = 5,
    lang: str | None = None,
) -> "ActivityResult":
    """Follow the intervention's delivery: flow, reach, dose, drop-out and fidelity (rung 2).

    Parameters
    ----------
    participants
        One row per person (not changed). Usually the whole target group; then the first stage is
        ``None``.
    id
        Person id column; must be unique.
    stages
        Ordered mapping stage → how to count it. The **first** entry is the target group: ``None``
        (every row) or an ``int`` (its size from other statistics, when the table lists only
        people further on), or a 0/1 column. Every later entry is a 0/1 (ja/nej) column, e.g.
        ``{"target_group": None, "eligible": "bedomd_behorig", "offered": "erbjuden",
        "started": "startade", "completed": "fullfoljde"}``. The **last** stage is *completed*.
        Keys ``target_group, assessed, eligible, offered, started, completed`` get Swedish labels.
    stage_labels
        Optional display names per stage key (used in tables, text and chart in every language).
    dose
        Column with the number of sessions/contacts each person received.
    planned_dose
        The planned number (one number, or a column with a per-person plan).
    dropout_reason, dropout_time
        Columns with why and when (e.g. session number or month) a person dropped out.
    subgroups
        Columns to show reach by (district, sex, age band …).
    baseline
        Columns to compare drop-outs with completers on (numbers, 0/1 or categories).
    reach_stage
        Stage that counts as *reached*/*started*; default ``"started"`` if present, else the stage
        before the last.
    contacts
        Optional contact log (one row per contact) with the same ``id`` column: the dose is then
        the number of contacts per person (when ``dose`` is not given).
    fidelity
        Optional table of planned vs delivered activities; columns named by ``fidelity_columns``.
    method_changes
        Optional log of method changes (a table or a list of dicts, e.g. date and description).
    min_cell
        Counts below this are hidden in reach by subgroup.
    lang
        ``"sv"`` or ``"en"`` for error messages and the labels inside the tables (``flow.label``,
        "alla", "uppgift saknas", the dose groups). Warnings, credibility problems, the summary's
        labels, the explanation and the chart are rendered when read, in the reader's language
        (``wb.set_language``, or ``explain(lang)`` / ``chart(lang)``).

    Notes
    -----
    Drop-outs are those in ``reach_stage`` but not in the last stage. Reach = n(reach_stage) /
    n(target group). Shares in the flow are of the target group and of the previous stage. Small
    cells in reach by subgroup are hidden by :func:`workbench.data.privacy.suppression_mask`
    (counts between 1 and ``min_cell − 1``, plus secondary suppression so that no hidden count can
    be recomputed from the table and the overall totals).
    """
    import numpy as np
    import pandas as pd

    from workbench.ladder.activity import tables as AT
    from workbench.ladder.activity.result import ActivityResult, stage_text

    lang = resolve_lang(lang)
    df = require_frame(participants, lang=lang)
    if not isinstance(stages, Mapping) or len(stages) < 1:
        raise InputError("activity.no_stages", lang=lang)
    check_number("min_cell", min_cell, low=1, integer=True, lang=lang)
    keys = list(stages)
    stage_cols = [v for k, v in stages.items() if isinstance(v, str)]
    planned_col = planned_dose if isinstance(planned_dose, str) else None
    require_columns(df, [id, *stage_cols, dose, planned_col, dropout_reason, dropout_time, *subgroups, *baseline],
                    lang=lang)
    require_unique(df, id, lang=lang)
    warns: list[Msg] = []

    # -- stages ---------------------------------------------------------------------------
    masks: dict[str, np.ndarray] = {}
    target_value = stages[keys[0]]
    target_known = not isinstance(target_value, int) or isinstance(target_value, bool)
    for i, key in enumerate(keys):
        value = stages[key]
        if isinstance(value, str):
            flags = to_binary(df, value, lang=lang)
            if flags.isna().any():
                warns.append(Msg("activity.warn.missing_stage", column=value, n=int(flags.isna().sum())))
            masks[key] = flags.fillna(0).to_numpy() == 1
        elif i == 0 and (value is None or (isinstance(value, int) and not isinstance(value, bool))):
            if value is not None:
                check_number("stages['" + key + "']", value, low=1, integer=True, lang=lang)
            masks[key] = np.ones(len(df), dtype=bool)
        else:
            raise InputError("activity.stage_value", lang=lang, stage=key, value=value)
    custom = dict(stage_labels or {})
    for key in custom:
        if key not in stages:
            raise InputError("activity.unknown_stage", lang=lang, stage=key, available=keys)
    labels = {k: str(render(stage_text(k, custom), lang)) for k in keys}
    counts = {k: int(m.sum()) for k, m in masks.items()}
    if not target_known:
        counts[keys[0]] = int(target_value)
        for k in keys[1:]:
            if counts[k] > counts[keys[0]]:
                raise InputError("activity.target_count", lang=lang, count=target_value, stage=k, n=counts[k])
        warns.append(Msg("activity.warn.target_count", count=target_value))
    for prev, key in zip(keys, keys[1:]):
        bad = int((masks[key] & ~masks[prev]).sum())
        if bad and not (prev == keys[0] and not target_known):
            warns.append(Msg("activity.warn.inconsistent", n=bad, stage=stages[key] or key,
                             previous=stages[prev] or prev))
    flow = AT.flow_table([(k, labels[k], stages[k] if isinstance(stages[k], str) else None, counts[k]) for k in keys])

    # -- reach ----------------------------------------------------------------------------
    if reach_stage is None:
        reach_stage = "started" if "started" in stages else keys[max(len(keys) - 2, 0)]
    if reach_stage not in stages:
        raise InputError("activity.unknown_stage", lang=lang, stage=reach_stage, available=keys)
    completed_stage = keys[-1]
    started, completed = masks[reach_stage], masks[completed_stage]
    if target_known and len(keys) > 1 and counts[reach_stage] == counts[keys[0]] and stages[keys[0]] is None:
        warns.append(Msg("activity.warn.only_participants", stage=stage_text(reach_stage, custom)))
    reach, hidden = AT.reach_table(
        df, masks[keys[0]], started, subgroups, n_target_total=counts[keys[0]], target_known=target_known,
        all_label=msg("activity.word.all", lang), not_recorded=msg("activity.word.not_recorded", lang),
        min_count=int(min_cell), lang=lang)
    if hidden:
        warns.append(Msg("activity.warn.suppressed", n=hidden, min_cell=int(min_cell)))

    # -- drop-out -------------------------------------------------------------------------
    dropped = started & ~completed
    kept = started & completed
    n_started, n_drop = int(started.sum()), int(dropped.sum())
    dropout = pd.DataFrame([{"n_started": n_started, "n_completed": int(kept.sum()), "n_dropout": n_drop,
                             "share_dropout": n_drop / n_started if n_started else float("nan")}])
    if n_started and n_drop / n_started > HIGH_DROPOUT and completed_stage != reach_stage:
        warns.append(Msg("activity.warn.high_dropout", share=format_number(100 * n_drop / n_started, 0, lang),
                         n=n_drop, total=n_started))
    not_recorded = msg("activity.word.not_recorded", lang)
    reasons = (AT.counts_table(df.loc[dropped, dropout_reason], not_recorded=not_recorded, column="reason")
               if dropout_reason else None)
    timing = None
    if dropout_time:
        when = df.loc[dropped, dropout_time]
        if pd.api.types.is_datetime64_any_dtype(when):
            when = when.dt.strftime("%Y-%m")  # dates: by month
        timing = AT.counts_table(when, not_recorded=not_recorded, column="when")
        timing = timing.sort_values("when", ignore_index=True)
    numeric = {c: _numeric_or_none(df, c, lang) for c in baseline}
    numeric = {c: v for c, v in numeric.items() if v is not None}
    dropout_baseline = AT.compare_groups(df, baseline, dropped, kept, numeric) if baseline else None
    if dropout_baseline is not None:
        for row in dropout_baseline.itertuples():
            if abs(row.smd) > SMD_FLAG:
                name = row.variable + (f" = {row.level}" if row.level else "")
                warns.append(Msg("activity.warn.dropout_differs", variable=name, smd=format_number(row.smd, 2, lang)))

    # -- dose -----------------------------------------------------------------------------
    dose_values = _dose_values(df, id, dose, contacts, lang)
    dose_tab = dose_dist = None
    if dose_values is not None:
        planned = None
        if planned_col:
            planned = to_numeric(df, planned_col, lang=lang).to_numpy()
        elif planned_dose is not None:
            check_number("planned_dose", planned_dose, low=0, low_open=True, lang=lang)
            planned = np.full(len(df), float(planned_dose))
        groups = [(msg("activity.word.started", lang), started), (msg("activity.word.completed", lang), kept),
                  (msg("activity.word.dropout", lang), dropped)]
        dose_tab = AT.dose_table(dose_values, planned, groups)
        dose_dist = AT.dose_distribution(dose_values[started])
        if timing is None and n_drop:
            timing = AT.dose_distribution(dose_values[dropped]).rename(columns={"dose": "when"})

    fid = _fidelity(fidelity, fidelity_columns, lang)
    changes = _method_changes(method_changes)
    problems = _credibility(keys, counts, reach_stage, completed_stage)
    provenance = Provenance(
        function="activity_followup",
        options={"min_cell": int(min_cell), "reach_stage": reach_stage, "planned_dose": planned_dose,
                 "target_group_size": None if target_known else int(target_value)},
        columns={"id": id, "stages": {k: (v if isinstance(v, str) else None) for k, v in stages.items()},
                 "dose": dose, "dropout_reason": dropout_reason, "dropout_time": dropout_time,
                 "subgroups": list(subgroups), "baseline": list(baseline)},
        n_rows=len(df),
    )
    return ActivityResult(
        provenance=provenance, warning_msgs=collect_warnings(warns), flow=flow, reach=reach, dose=dose_tab,
        dose_distribution=dose_dist, dropout=dropout, dropout_reasons=reasons, dropout_timing=timing,
        dropout_baseline=dropout_baseline, fidelity=fid, method_changes=changes, credible=not problems,
        problem_msgs=tuple(problems), reach_stage=reach_stage, completed_stage=completed_stage,
        planned_dose=float(planned_dose) if isinstance(planned_dose, (int, float)) else None,
        min_cell=int(min_cell), lang=lang, stage_labels=custom,
    )


def _numeric_or_none(df: "pd.DataFrame", column: str, lang: str):
    """A baseline column as numbers (0/1 words accepted), or ``None`` for a category column."""
    import pandas as pd

    from workbench.core.errors import ColumnTypeError

    s = df[column]
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
        return s.astype(float).to_numpy()
    try:
        return to_binary(df, column, lang=lang).to_numpy()
    except ColumnTypeError:
        pass
    try:
        return to_numeric(df, column, lang=lang).to_numpy()
    except ColumnTypeError:
        return None


def _dose_values(df: "pd.DataFrame", id: str, dose: str | None, contacts: Any, lang: str):
    import numpy as np

    if dose is not None:
        values = to_numeric(df, dose, lang=lang)
        negative = values < 0
        if negative.any():
            raise InputError("activity.negative_dose", lang=lang, column=dose,
                             row=sheet_row(df, negative[negative].index[0]))
        return values.to_numpy()
    if contacts is None:
        return None
    log = require_frame(contacts, lang=lang)
    if id not in log.columns:
        raise ColumnMissingError("core.column_missing", lang=lang, column=id, available=[str(c) for c in log.columns])
    per_person = log.groupby(id).size()
    return np.asarray(df[id].map(per_person).fillna(0).to_numpy(), dtype=float)


def _fidelity(table: Any, columns: tuple[str, str, str], lang: str):
    if table is None:
        return None
    from workbench.ladder.activity.tables import fidelity_table

    frame = require_frame(table, lang=lang)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ColumnMissingError("activity.fidelity_columns", lang=lang, expected=list(columns),
                                 available=[str(c) for c in frame.columns])
    activity, planned, delivered = columns
    return fidelity_table(frame, activity, to_numeric(frame, planned, lang=lang).fillna(0).to_numpy(),
                          to_numeric(frame, delivered, lang=lang).fillna(0).to_numpy(),
                          msg("activity.word.total", lang))


def _method_changes(log: Any):
    import pandas as pd

    if log is None:
        return None
    frame = log.copy() if isinstance(log, pd.DataFrame) else pd.DataFrame(list(log))
    return frame.reset_index(drop=True)


def _credibility(keys: list[str], counts: dict[str, int], reach_stage: str, completed_stage: str) -> list[Msg]:
    problems = []
    if counts[keys[0]] == 0:
        problems.append(Msg("activity.cred.empty_target"))
    if len(keys) < 3 or reach_stage in (keys[0], completed_stage):
        problems.append(Msg("activity.cred.no_completed"))
    elif counts[reach_stage] == 0:
        problems.append(Msg("activity.cred.none_started"))
    return problems
