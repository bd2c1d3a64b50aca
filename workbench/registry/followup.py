"""Who is to be followed up, and how complete each occasion is: "Vilka ska följas upp?".

Each participant's occasions are planned from their anchor date (start of the intervention, else
registration, else randomization; :func:`workbench.registry.anchors.anchor_dates`) with the
occasion's window (:func:`workbench.registry.measure_values.window`). On a given day an occasion is

``measured``  a value is recorded (for the indicator, or for every indicator when none is named);
``not_yet``   the window has not opened;
``due``       the window is open and nothing is recorded;
``overdue``   the window has closed and nothing is recorded.

The due list is for staff: it holds case ids and pseudonyms (never personnummer) and no arm.
Completeness per occasion and arm is for the evaluator (the owner); its exports suppress small
cells (:func:`workbench.data.suppression.suppress_small_cells`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s
from workbench.registry.measure_values import window
from workbench.registry.anchors import anchor_dates

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

STATUSES = ("measured", "due", "overdue", "not_yet")
STATUS_SV = {"measured": "mätt", "due": "aktuell nu", "overdue": "försenad", "not_yet": "inte än"}
LIST_COLUMNS = ["participant_id", "district", "occasion", "planned_on", "window_start", "window_end",
                "status", "measured_on", "dropout"]


class FollowupMixin:
    """Follow-up services of :class:`workbench.registry.api.Registry`."""

    _db: Any

    def followup(self, indicator: str | None = None, *, today: dt.date | str | None = None,
                 occasions: list[str] | None = None, lang: str | None = None) -> "pd.DataFrame":
        """The follow-up list: one row per participant and occasion, with its window and status.

        Parameters
        ----------
        indicator
            Count an occasion as measured when this indicator has a value (None: every indicator
            of the project must have one).
        today
            The day the list is for (default today).
        occasions
            Which occasions (default all of the project's).

        Returns
        -------
        DataFrame
            ``participant_id, district, occasion, planned_on, window_start, window_end, status,
            measured_on, dropout`` sorted by window end; ``status`` is one of ``measured, due,
            overdue, not_yet``.
        """
        import pandas as pd

        lang = self._lang(lang)  # type: ignore[attr-defined]
        day = _day(today, lang)
        with self._db.read() as conn:
            facts = anchor_dates(conn)
            occ = self._occasions(conn)  # type: ignore[attr-defined]
            m = s.measurements
            q = sa.select(m.c.participant_id, m.c.indicator, m.c.occasion, m.c.measured_on) \
                .order_by(m.c.event_seq)
            if indicator is not None:
                q = q.where(m.c.indicator == indicator)
            values = conn.execute(q).all()
            dropped = _dropouts(conn)
        wanted = set(self.indicators()) if indicator is None else {indicator}  # type: ignore[attr-defined]
        if occasions is not None:
            unknown = [o for o in occasions if o not in occ]
            if unknown:
                raise RegistryError("measure.unknown_occasion", lang=lang, occasion=unknown[0],
                                    available=list(occ))
            occ = {k: v for k, v in occ.items() if k in occasions}
        seen: dict[tuple[str, str], dict[str, str]] = {}
        for r in values:
            seen.setdefault((r.participant_id, r.occasion), {})[r.indicator] = r.measured_on
        rows = []
        for pid, f in facts.items():
            for name, o in occ.items():
                planned, start, end = window(f["anchor"], o)
                got = seen.get((pid, name), {})
                done = bool(got) and wanted <= set(got) if wanted else bool(got)
                status = ("measured" if done else "not_yet" if day < start else
                          "due" if day <= end else "overdue")
                rows.append({"participant_id": pid, "district": f.get("district"), "occasion": name,
                             "planned_on": planned, "window_start": start, "window_end": end,
                             "status": status, "measured_on": max(got.values()) if done else None,
                             "dropout": pid in dropped})
        frame = pd.DataFrame(rows, columns=LIST_COLUMNS)
        for col in ("planned_on", "window_start", "window_end", "measured_on"):
            frame[col] = pd.to_datetime(frame[col])
        return frame.sort_values(["window_end", "participant_id"], kind="stable").reset_index(drop=True)

    def followup_summary(self, indicator: str | None = None, *, today: dt.date | str | None = None,
                         lang: str | None = None) -> "pd.DataFrame":
        """Counts per district and occasion: ``district, occasion, measured, due, overdue, not_yet``."""
        table = self.followup(indicator, today=today, lang=lang)
        table = table.assign(district=table["district"].fillna("–"))
        counts = (table.groupby(["district", "occasion"], sort=False)["status"].value_counts()
                  .unstack(fill_value=0).reindex(columns=list(STATUSES), fill_value=0).reset_index())
        order = {o: i for i, o in enumerate(self.occasions())}  # type: ignore[attr-defined]
        counts = counts.sort_values(["district", "occasion"], key=lambda c: c.map(order) if c.name ==
                                    "occasion" else c, kind="stable").reset_index(drop=True)
        counts.columns.name = None
        return counts

    def completeness(self, indicator: str, *, trial: str | None = None, viewer: str | None = None,
                     lang: str | None = None) -> tuple["pd.DataFrame", tuple[str, ...]]:
        """Share measured per occasion and arm, and the differential-attrition warnings.

        The arm is shown to the trial's owner only (``viewer``); others get one row per occasion.
        See :func:`workbench.ladder.followup.attrition_by_occasion`.
        """
        from workbench.ladder.followup import attrition_by_occasion

        lang = self._lang(lang)  # type: ignore[attr-defined]
        wide = self.measurements(indicator, wide=True, trial=trial, viewer=viewer, lang=lang)  # type: ignore[attr-defined]
        occasions = [c for c in self.occasions() if c in wide.columns]  # type: ignore[attr-defined]
        if "arm" not in wide.columns:
            wide = wide.assign(arm="alla" if lang == "sv" else "all")
        else:
            wide = wide[wide["arm"].notna()]
        return attrition_by_occasion(wide, occasions, arm="arm", lang=lang)

    def longterm(self, indicator: str, occasions: list[str] | None = None, *, trial: str | None = None,
                 treated_arm: Any = None, lang: str | None = None, **options: Any) -> Any:
        """``wb.longterm`` on :meth:`measurements` (wide), with the indicator's range for the bounds.

        Participants whose window for an occasion has not opened yet (on ``today=``, default today)
        are left out of that occasion rather than counted as lost.
        """
        from workbench.ladder.followup import longterm

        lang = self._lang(lang)  # type: ignore[attr-defined]
        ind = self.indicators().get(indicator)  # type: ignore[attr-defined]
        wide = self.measurements(indicator, wide=True, trial=trial, lang=lang)  # type: ignore[attr-defined]
        if "arm" not in wide.columns:
            raise RegistryError("measure.no_trial", lang=lang, indicator=indicator)
        options.setdefault("minimum", ind.minimum if ind else None)
        options.setdefault("maximum", ind.maximum if ind else None)
        wide = wide[wide["arm"].notna()].reset_index(drop=True)
        if "due" not in options:  # whose window has not opened is not yet measurable, not lost
            plan = self.followup(indicator, today=options.pop("today", None), lang=lang)
            opened = plan.assign(opened=plan["status"] != "not_yet").pivot(
                index="participant_id", columns="occasion", values="opened")
            options["due"] = opened.reindex(wide["participant_id"]).fillna(True).reset_index(drop=True)
        return longterm(wide, occasions, treated_arm=treated_arm, lang=lang, **options)

    def export_followup(self, folder: str | Path, *, indicator: str | None = None,
                        today: dt.date | str | None = None, excel: bool = False,
                        lang: str | None = None) -> dict[str, Path]:
        """Write the due list and the per-district counts (small cells suppressed) for the unit.

        Returns the paths: ``lista`` (participants with occasions due or overdue: case ids and
        pseudonyms only) and ``sammanstallning`` (counts per district and occasion, cells under 5
        suppressed). CSV with ``;`` and UTF-8 with BOM (opens in Swedish Excel), or ``.xlsx``.
        """
        from workbench.data.suppression import suppress_small_cells

        lang = self._lang(lang)  # type: ignore[attr-defined]
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        due = self.followup(indicator, today=today, lang=lang)
        due = due[due["status"].isin(["due", "overdue"])].assign(
            status=lambda d: d["status"].map(STATUS_SV) if lang == "sv" else d["status"])
        summary = self.followup_summary(indicator, today=today, lang=lang)
        counts = summary.set_index(["district", "occasion"])
        shown = suppress_small_cells(counts, lang=lang).reset_index()
        files = {"lista": out / ("uppfoljning_lista" + (".xlsx" if excel else ".csv")),
                 "sammanstallning": out / ("uppfoljning_sammanstallning" + (".xlsx" if excel else ".csv"))}
        for name, frame in (("lista", due), ("sammanstallning", shown)):
            if excel:
                frame.to_excel(files[name], index=False)
            else:
                frame.to_csv(files[name], index=False, sep=";", encoding="utf-8-sig")
        return files


def _day(value: dt.date | str | None, lang: str) -> dt.date:
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError("people.bad_date", lang=lang, field="today", value=str(value)[:40]) from None


def _dropouts(conn: sa.Connection) -> set[str]:
    u = s.participant_updates
    state: dict[str, bool] = {}
    for pid, kind in conn.execute(sa.select(u.c.participant_id, u.c.kind)
                                  .where(u.c.kind.in_(("participant_dropout", "dropout_cancelled")))
                                  .order_by(u.c.event_seq)):
        state[pid] = kind == "participant_dropout"
    return {p for p, d in state.items() if d}
