"""Adherence to randomization: did everyone who entered go through the registry first?

Notes
-----
With :math:`E` the entrants (from the activity register or a case list) and :math:`R \\subseteq E`
those randomized (before their start date, when one is given), adherence is :math:`|R| / |E|`.
Stockholm's trial showed that this share can fall quietly; show it while the study runs.
"""

from __future__ import annotations

from typing import Any

from workbench.core.errors import RegistryError
from workbench.registry.ids import normalize_participant
from workbench.registry.models import AdherenceReport, TrialView

ID_GUESSES = ("participant_id", "id", "deltagare", "deltagar_id", "ärende", "arende", "personnummer")


def _entrants(entrants: Any, id: str | None, start: str | None, key: Any,
              lang: str) -> list[tuple[str, Any]]:
    """``[(stored id, start time or None)]`` from a DataFrame, Series or iterable of ids."""
    import pandas as pd

    if isinstance(entrants, pd.DataFrame):
        from workbench.core.validate import require_columns

        if id is None:
            found = [c for c in entrants.columns if str(c).lower() in ID_GUESSES]
            if len(entrants.columns) == 1:
                found = [entrants.columns[0]]
            if not found:
                raise RegistryError("registry.adherence_id_column", lang=lang,
                                    columns=[str(c) for c in entrants.columns])
            id = found[0]
        require_columns(entrants, [id] + ([start] if start else []), lang=lang)
        ids = entrants[id].tolist()
        starts = (pd.to_datetime(entrants[start], errors="coerce").tolist() if start
                  else [None] * len(ids))
    else:
        ids = list(entrants.tolist() if hasattr(entrants, "tolist") else entrants)
        starts = [None] * len(ids)
    out: dict[str, Any] = {}
    for raw, when in zip(ids, starts, strict=True):
        pid = normalize_participant(raw, key=key, lang=lang)
        if pid not in out or (when is not None and out[pid] is not None and when < out[pid]):
            out[pid] = when
    return list(out.items())


def adherence_report(trial: TrialView, entrants: Any, *, id: str | None = None,
                     start: str | None = None, key: Any = None, lang: str = "sv") -> AdherenceReport:
    """Compare ``entrants`` with the trial's allocations.

    A participant counts as randomized in time when randomized at all (no ``start``), or
    randomized on or before the date in column ``start``.
    """
    import pandas as pd

    people = _entrants(entrants, id, start, key, lang)
    if not people:
        raise RegistryError("registry.adherence_empty", lang=lang)
    table = trial.allocations(lang=lang)
    when = dict(zip(table["participant_id"], table["created_at"], strict=True))
    log = trial.event_log(lang=lang)
    reported = tuple(sorted(set(log.loc[log["kind"] == "unrandomized_entry", "participant_id"])))
    missing, late, in_time = [], [], 0
    for pid, start_at in people:
        if pid not in when:
            missing.append(pid)
            continue
        if start_at is None or pd.isna(start_at):
            in_time += 1
            continue
        start_day = pd.Timestamp(start_at).date()
        if when[pid].date() <= start_day:
            in_time += 1
        else:
            late.append(pid)
    return AdherenceReport(share=in_time / len(people), n_entrants=len(people),
                           n_randomized=len(people) - len(missing), n_randomized_in_time=in_time,
                           not_randomized=tuple(missing), randomized_late=tuple(late),
                           reported_unrandomized=reported)
