"""The analysis population of a randomized trial, read from the registry's allocation export.

Intention to treat: everyone who was randomized is analysed in the arm they were allocated to,
including those who later withdrew. People who entered the intervention *without* being
randomized are counted and reported, never silently dropped and never mixed into the comparison.
Missing outcomes (attrition) are reported per arm, with a check of differential attrition.

This module takes plain DataFrames (the registry's ``trial.allocations()`` export and an outcome
table); it never imports the registry.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.text import Msg, Num
from workbench.core.validate import require_columns, require_frame, require_unique, to_binary

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ADHERENCE_MIN = 0.90
ATTRITION_OVERALL_MAX = 0.20
ATTRITION_DIFFERENTIAL_MAX = 0.05


@dataclass(frozen=True)
class Population:
    """Randomized participants joined with outcomes, plus who was left out and why."""

    data: "pd.DataFrame"
    flow: "pd.DataFrame"
    n_randomized: int
    n_not_randomized: int
    n_withdrawn: int
    adherence: float
    unmatched_outcome_ids: tuple[Any, ...]
    outside_outcome_ids: tuple[Any, ...] = ()


def _flag(df: "pd.DataFrame", column: str | None, lang: str | None) -> "pd.Series":
    import pandas as pd

    if column is None or column not in df.columns:
        return pd.Series(False, index=df.index)
    return to_binary(df, column, lang=lang).fillna(0.0).astype(bool)


def analysis_population(
    allocations: "pd.DataFrame",
    outcomes: "pd.DataFrame | None" = None,
    *,
    id: str = "participant_id",
    arm: str = "arm",
    withdrawn: str | None = "withdrawn",
    not_randomized: str | None = "not_randomized",
    entrants: Any = None,
    lang: str | None = None,
) -> Population:
    """Everyone randomized (ITT), joined with their outcomes; the CONSORT-style flow alongside.

    Parameters
    ----------
    allocations
        One row per entrant: ``id``, ``arm`` and optional 0/1 flags ``withdrawn`` (left the study
        after randomization) and ``not_randomized`` (entered without randomization). Rows without
        an arm count as not randomized.
    outcomes
        Outcome table with an ``id`` column; ids not found among the randomized are reported in
        ``unmatched_outcome_ids`` (they entered the data without randomization).
    entrants
        Optional ids of everyone who entered the intervention (e.g. from the activity register);
        those never randomized are counted as entered without randomization. When given, it is
        the authority on who entered: outcome rows of people neither randomized nor among the
        entrants (e.g. outside the period analysed) are listed in ``outside_outcome_ids``.

    Returns
    -------
    Population
        ``data`` has one row per randomized participant (outcome columns missing where nothing was
        measured); ``flow`` has columns ``stage``, ``arm``, ``n``.
    """
    import pandas as pd

    require_frame(allocations, lang=lang)
    require_columns(allocations, [id, arm], lang=lang)
    alloc = allocations.copy()
    skipped = _flag(alloc, not_randomized, lang) | alloc[arm].isna()
    randomized = alloc.loc[~skipped].copy()
    require_unique(randomized, id, lang=lang)
    left = _flag(randomized, withdrawn, lang)
    unmatched: tuple[Any, ...] = ()
    outside: tuple[Any, ...] = ()
    if outcomes is not None:
        require_frame(outcomes, lang=lang)
        require_columns(outcomes, [id], lang=lang)
        require_unique(outcomes, id, lang=lang)
        extra = [c for c in outcomes.columns if c != id]
        clash = {c: f"{c}_utfall" for c in extra if c in randomized.columns}
        out = outcomes.rename(columns=clash)
        data = randomized.merge(out, on=id, how="left", validate="one_to_one")
        known = set(alloc[id].tolist())
        unmatched = tuple(v for v in outcomes[id].tolist() if v not in known)
        if entrants is not None:
            entered = set(entrants)
            outside = tuple(v for v in unmatched if v not in entered)
            unmatched = tuple(v for v in unmatched if v in entered)
    else:
        data = randomized.reset_index(drop=True)
    rand_ids = set(randomized[id].tolist())
    seen = set(alloc.loc[skipped, id].tolist()) | set(unmatched)
    never = [v for v in dict.fromkeys(list(entrants or [])) if v not in rand_ids and v not in seen]
    n_skipped = int(skipped.sum()) + len(unmatched) + len(never)
    n_rand = len(randomized)
    arms = sorted(randomized[arm].astype(str).unique().tolist())
    rows = [
        {"stage": "entered", "arm": "", "n": n_rand + n_skipped},
        {"stage": "not_randomized", "arm": "", "n": n_skipped},
        {"stage": "randomized", "arm": "", "n": n_rand},
    ]
    arm_text = randomized[arm].astype(str)
    for a in arms:
        mask = (arm_text == a).to_numpy()
        rows.append({"stage": "allocated", "arm": a, "n": int(mask.sum())})
        rows.append({"stage": "withdrawn", "arm": a, "n": int(left.to_numpy()[mask].sum())})
    flow = pd.DataFrame(rows)
    adherence = n_rand / (n_rand + n_skipped) if n_rand + n_skipped else math.nan
    return Population(
        data=data, flow=flow, n_randomized=n_rand, n_not_randomized=n_skipped,
        n_withdrawn=int(left.sum()), adherence=float(adherence), unmatched_outcome_ids=unmatched,
        outside_outcome_ids=outside,
    )


@dataclass(frozen=True)
class Attrition:
    """Outcome missingness per arm and the differential-attrition check."""

    table: "pd.DataFrame"
    overall: float
    differential: float
    p_value: float

    @property
    def acceptable(self) -> bool:
        return self.overall <= ATTRITION_OVERALL_MAX and self.differential <= ATTRITION_DIFFERENTIAL_MAX


def attrition(missing: "pd.Series", treated: "pd.Series") -> Attrition:
    """Share of missing outcomes per arm; Fisher's exact test of equal attrition.

    The rule used for credibility: overall attrition at most 20 % and a difference between arms
    of at most 5 percentage points (close to the What Works Clearinghouse's cautious boundary).
    """
    import numpy as np
    import pandas as pd
    from scipy import stats

    m = np.asarray(missing, dtype=bool)
    t = np.asarray(treated, dtype=float) == 1
    rows, shares = [], {}
    for label, mask in (("treated", t), ("control", ~t)):
        n = int(mask.sum())
        k = int(m[mask].sum())
        shares[label] = k / n if n else math.nan
        rows.append({"arm": label, "randomized": n, "outcome_missing": k, "share_missing": shares[label]})
    table = [[int(m[t].sum()), int((~m[t]).sum())], [int(m[~t].sum()), int((~m[~t]).sum())]]
    p = float(stats.fisher_exact(table)[1]) if m.any() else 1.0
    return Attrition(
        table=pd.DataFrame(rows).assign(fisher_p_equal_attrition=p), overall=float(m.mean()),
        differential=float(abs(shares["treated"] - shares["control"])), p_value=p,
    )


def _pct(share: float) -> Num:
    return Num(share, 1, percent=True)


def credibility(adherence: float | None, att: Attrition) -> list[Msg]:
    """Credibility problems of a rung-5 analysis (empty list: credible). See the module constants."""
    problems = []
    if adherence is None or not math.isfinite(adherence):
        problems.append(Msg("randomized.cred.adherence_unknown"))
    elif adherence < ADHERENCE_MIN:
        problems.append(Msg("randomized.cred.adherence_low", adherence=_pct(adherence), minimum=_pct(ADHERENCE_MIN)))
    if not att.acceptable:
        problems.append(
            Msg("randomized.cred.attrition", overall=_pct(att.overall), differential=_pct(att.differential),
                max_overall=_pct(ATTRITION_OVERALL_MAX), max_diff=_pct(ATTRITION_DIFFERENTIAL_MAX))
        )
    return problems


def population_warnings(pop: Population | None, att: Attrition) -> list[Msg]:
    """Warnings about who is not in the comparison: non-randomized entrants, withdrawals, attrition."""
    out = []
    if pop is not None:
        if pop.n_not_randomized:
            out.append(Msg("randomized.warn.not_randomized", n=pop.n_not_randomized, adherence=_pct(pop.adherence)))
        if pop.unmatched_outcome_ids:
            out.append(Msg("randomized.warn.unmatched_outcomes", n=len(pop.unmatched_outcome_ids),
                           example=pop.unmatched_outcome_ids[0]))
        if pop.outside_outcome_ids:
            out.append(Msg("randomized.warn.outside_outcomes", n=len(pop.outside_outcome_ids),
                           example=pop.outside_outcome_ids[0]))
        if pop.n_withdrawn:
            out.append(Msg("randomized.warn.withdrawn", n=pop.n_withdrawn))
    missing = int(att.table["outcome_missing"].sum())
    if missing:
        t = att.table.set_index("arm")
        out.append(Msg("randomized.warn.attrition", missing=missing, n=int(att.table["randomized"].sum()),
                       share=_pct(t.loc["treated", "share_missing"]), share_c=_pct(t.loc["control", "share_missing"])))
    return out
