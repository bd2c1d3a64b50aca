"""Tables of rung 2: flow, reach by subgroup (small cells hidden), dose, drop-out, fidelity.

Every function takes already-validated data (stage indicators as boolean arrays) and returns a
tidy ``DataFrame``; :mod:`workbench.ladder.activity.api` calls them in turn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd


def flow_table(stages: Sequence[tuple[str, str, str | None, int]]) -> pd.DataFrame:
    """One row per stage: ``stage, label, column, n, share_of_target_group, share_of_previous,
    lost_from_previous`` (``stages`` as (key, label, column, n))."""
    rows = []
    n_target = stages[0][3]
    previous = None
    for key, label, column, n in stages:
        rows.append({
            "stage": key, "label": label, "column": column, "n": int(n),
            "share_of_target_group": n / n_target if n_target else math.nan,
            "share_of_previous": n / previous if previous else (1.0 if previous is None else math.nan),
            "lost_from_previous": (previous - n) if previous is not None else 0,
        })
        previous = n
    return pd.DataFrame(rows)


def suppress_small(table: pd.DataFrame, *, min_count: int, target_known: bool = True,
                   lang: str | None = None) -> tuple[pd.DataFrame, int]:
    """Hide small counts per subgroup variable with :func:`workbench.data.privacy.suppression_mask`.

    Each variable's levels form a count table (reached, not reached, and the printed total =
    ``n_target``; only reached when the target group's size is a bare number). The privacy helper
    hides counts ``0 < n < min_count`` (primary) and enough further cells, totals included, that no
    hidden count can be recomputed from the published ones (secondary); the overall row's totals
    count as published. A hidden reached count hides the share too; a hidden total hides
    ``n_target``. If a variable cannot be protected at all, all its counts are hidden.
    Returns the table (``suppressed`` column added) and the number of rows with something hidden.
    """
    from workbench.core.errors import PrivacyError
    from workbench.data.privacy import suppression_mask

    out = table.copy()
    hide_reached = np.zeros(len(out), dtype=bool)
    hide_target = np.zeros(len(out), dtype=bool)
    for _, idx in out.groupby("variable", sort=False).groups.items():
        pos = np.array([out.index.get_loc(i) for i in idx])
        reached = out["n_reached"].to_numpy(dtype=float)[pos].astype(int)
        if target_known:
            target = out["n_target"].to_numpy(dtype=float)[pos].astype(int)
            counts = pd.DataFrame({"reached": reached, "not_reached": target - reached, "Totalt": target})
        else:
            counts = pd.DataFrame({"reached": reached})
        try:
            mask = suppression_mask(counts, min_count=min_count, margins=None, lang=lang)
            hide_reached[pos] = mask["reached"].to_numpy() | (mask["not_reached"].to_numpy() if target_known else False)
            hide_target[pos] = mask["Totalt"].to_numpy() if target_known else False
        except PrivacyError:
            hide_reached[pos] = True
            hide_target[pos] = True
    out["suppressed"] = hide_reached | hide_target
    out["n_reached"] = out["n_reached"].astype(float).mask(hide_reached)
    out["share_reached"] = out["share_reached"].astype(float).mask(hide_reached | hide_target)
    out["n_target"] = out["n_target"].astype(float).mask(hide_target)
    return out, int(out["suppressed"].sum())


def reach_table(
    df: pd.DataFrame, in_target: np.ndarray, reached: np.ndarray, subgroups: Sequence[str], *,
    n_target_total: int, target_known: bool, all_label: str, not_recorded: str, min_count: int,
    lang: str | None = None,
) -> tuple[pd.DataFrame, int]:
    """Reach overall and by each subgroup column; small cells hidden (see :func:`suppress_small`)."""
    rows = [{"variable": all_label, "level": all_label, "n_target": n_target_total,
             "n_reached": int(reached.sum()),
             "share_reached": reached.sum() / n_target_total if n_target_total else math.nan}]
    for col in subgroups:
        values = df[col].astype("string").fillna(not_recorded).to_numpy()
        for level in sorted(set(values[in_target | reached].tolist()), key=_swedish_key):
            here = values == level
            n_t = int((here & in_target).sum()) if target_known else math.nan
            n_r = int((here & reached).sum())
            rows.append({"variable": col, "level": level, "n_target": n_t, "n_reached": n_r,
                         "share_reached": n_r / n_t if target_known and n_t else math.nan})
    table = pd.DataFrame(rows)
    if not subgroups:
        table["suppressed"] = False
        return table, 0
    overall, rest = table.iloc[:1].assign(suppressed=False), table.iloc[1:]
    rest, hidden = suppress_small(rest, min_count=min_count, target_known=target_known, lang=lang)
    return pd.concat([overall, rest], ignore_index=True), hidden


def _swedish_key(text: str) -> str:
    return text.lower().translate(str.maketrans({"å": "{", "ä": "|", "ö": "}"}))


def describe(values: np.ndarray) -> dict[str, float]:
    """n, mean, sd, median, min, max and sum of a numeric array (NaN dropped)."""
    v = values[~np.isnan(values)]
    if v.size == 0:
        return {"n": 0, "mean": math.nan, "sd": math.nan, "median": math.nan, "min": math.nan,
                "max": math.nan, "sum": 0.0}
    return {"n": int(v.size), "mean": float(v.mean()), "sd": float(v.std(ddof=1)) if v.size > 1 else math.nan,
            "median": float(np.median(v)), "min": float(v.min()), "max": float(v.max()), "sum": float(v.sum())}


def dose_table(dose: np.ndarray, planned: np.ndarray | None, groups: Sequence[tuple[str, np.ndarray]]) -> pd.DataFrame:
    """Dose delivered per group (started / completed / dropped out), against the planned dose."""
    rows = []
    for name, mask in groups:
        row: dict[str, Any] = {"group": name, **describe(dose[mask])}
        if planned is not None:
            p = planned[mask]
            ok = ~np.isnan(p) & ~np.isnan(dose[mask])
            planned_sum = float(p[ok].sum())
            row["planned_mean"] = float(p[ok].mean()) if ok.any() else math.nan
            row["delivered_of_planned"] = float(dose[mask][ok].sum()) / planned_sum if planned_sum > 0 else math.nan
            row["share_full_dose"] = float((dose[mask][ok] >= p[ok]).mean()) if ok.any() else math.nan
        rows.append(row)
    return pd.DataFrame(rows)


def dose_distribution(dose: np.ndarray) -> pd.DataFrame:
    """Counts per dose value (whole numbers) among those given."""
    v = dose[~np.isnan(dose)]
    values, counts = np.unique(np.round(v).astype(int), return_counts=True)
    return pd.DataFrame({"dose": values, "n": counts})


def counts_table(values: pd.Series, *, not_recorded: str, column: str) -> pd.DataFrame:
    """Counts and shares per value (missing as ``not_recorded``), largest first."""
    v = values.astype("string").fillna(not_recorded)
    counts = v.value_counts(sort=False)
    frame = pd.DataFrame({column: counts.index.astype(str), "n": counts.to_numpy().astype(int)})
    frame["share"] = frame["n"] / frame["n"].sum() if len(frame) else []
    return frame.sort_values(["n", column], ascending=[False, True], ignore_index=True)


def compare_groups(df: pd.DataFrame, columns: Sequence[str], a: np.ndarray, b: np.ndarray,
                   numeric: dict[str, np.ndarray]) -> pd.DataFrame:
    """Baseline of group ``a`` (drop-outs) vs ``b`` (completers): means/shares, difference, SMD.

    Numeric columns (in ``numeric``) give one row; text columns one row per level (share).
    SMD = (mean_a − mean_b) / √((s²_a + s²_b)/2).
    """
    rows = []
    for col in columns:
        if col in numeric:
            items = [(col, "", numeric[col])]
        else:
            text = df[col].astype("string")
            items = [(col, str(level), (text == level).fillna(False).to_numpy(dtype=float))
                     for level in sorted(text.dropna().unique().tolist(), key=_swedish_key)]
        for name, level, x in items:
            xa, xb = x[a & ~np.isnan(x)], x[b & ~np.isnan(x)]
            ma = float(xa.mean()) if xa.size else math.nan
            mb = float(xb.mean()) if xb.size else math.nan
            va = float(xa.var(ddof=1)) if xa.size > 1 else math.nan
            vb = float(xb.var(ddof=1)) if xb.size > 1 else math.nan
            pooled = math.sqrt((va + vb) / 2) if math.isfinite(va + vb) else math.nan
            smd = (ma - mb) / pooled if pooled and pooled > 0 else math.nan
            rows.append({"variable": name, "level": level, "n_dropout": int(xa.size), "n_completed": int(xb.size),
                         "mean_dropout": ma, "mean_completed": mb, "difference": ma - mb, "smd": smd})
    return pd.DataFrame(rows)


def fidelity_table(table: pd.DataFrame, activity: str, planned: np.ndarray, delivered: np.ndarray,
                   total_label: str) -> pd.DataFrame:
    """Planned vs delivered per activity, with a total row."""
    frame = pd.DataFrame({"activity": table[activity].astype(str).to_numpy(), "planned": planned,
                          "delivered": delivered})
    total = pd.DataFrame({"activity": [total_label], "planned": [planned.sum()], "delivered": [delivered.sum()]})
    frame = pd.concat([frame, total], ignore_index=True)
    frame["share_delivered"] = frame["delivered"] / frame["planned"].where(frame["planned"] > 0)
    return frame
