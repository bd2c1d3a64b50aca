"""Outcomes measured on the participants: indicators, occasions, values and their corrections.

Every definition and every value is an event in the registry's hash-chained log plus a row built
from it (:mod:`workbench.registry.measure_rows`); nothing is updated or deleted. A second value for
the same participant, indicator and occasion is refused unless it is marked as a correction, which
is a new event; the newest event holds. Participant ids go through
:func:`workbench.registry.ids.normalize_participant`, so a personnummer is stored only as the
project's keyed pseudonym and matches the participant registered or randomized with it.

:meth:`MeasurementsMixin.measurements` gives the values long (one row per value) or wide (one row
per participant, one column per occasion, plus the arm), ready for ``wb.prepost``, ``wb.rct`` and
``wb.cace``. Timing and the follow-up lists are in :mod:`workbench.registry.followup`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.registry import schema as s
from workbench.registry.anchors import anchor_dates
from workbench.registry.audit import HEAD_INFO, append_event, now_iso
from workbench.registry.ids import normalize_participant, normalize_user
from workbench.registry.measure_rows import INDICATOR, MEASUREMENT, OCCASION, insert_row
from workbench.registry.measure_values import (BUILTIN_OCCASIONS, Indicator, Occasion, clean_date,
                                               clean_indicator, clean_name, clean_occasion,
                                               clean_value, indicator_from_step1)
from workbench.registry.roles import require_writer

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SYSTEM = "system"


class Measurement(NamedTuple):
    """What was stored: the value as the registry keeps it, and the event that holds it."""

    participant_id: str
    indicator: str
    occasion: str
    value: float
    measured_on: str
    correction: bool
    event_seq: int
    replaces: float | None = None


def _indicator(row: Any) -> Indicator:
    return Indicator(row.name, row.kind, row.minimum, row.maximum, row.unit, row.label)


class MeasurementsMixin:
    """Measurement services of :class:`workbench.registry.api.Registry`."""

    _db: Any
    key: Any
    lang: str | None
    project_dir: Path | None

    # -- definitions ------------------------------------------------------------------------
    def define_indicator(self, name: str, *, kind: str = "continuous", minimum: float | None = None,
                         maximum: float | None = None, unit: str | None = None,
                         label: str | None = None, by: str | None = None,
                         lang: str | None = None) -> Indicator:
        """Define an indicator the project measures (an event in the log).

        Parameters
        ----------
        name
            What it is called in tables (``"stress"``, ``"Egen försörjning"``).
        kind
            ``"continuous"`` (a number, optionally within ``[minimum, maximum]``) or ``"binary"``
            (0/1; "ja"/"nej" are read as 1/0).
        unit, label
            Shown in forms and reports (``"poäng"``, ``"Föräldrastress 0–100"``).
        by
            Who defines it (default: direct access to the registry, recorded as ``system``).

        Returns
        -------
        Indicator
            The stored definition. Defining the same indicator again with the same settings is a
            no-op; with other settings it is refused (values already stored were checked against
            the old ones).
        """
        lang = self._lang(lang)  # type: ignore[attr-defined]
        spec = clean_indicator(name, kind=kind, minimum=minimum, maximum=maximum, unit=unit,
                               label=label, lang=lang)
        who = normalize_user(by, lang=lang) if by is not None else None
        with self._db.write() as conn:
            if who is not None:
                require_writer(conn, who, lang=lang)
            return self._define(conn, spec, who or SYSTEM, lang=lang)

    def _define(self, conn: sa.Connection, spec: Indicator, who: str, *, lang: str,
                source: str | None = None) -> Indicator:
        row = conn.execute(sa.select(s.indicators).where(s.indicators.c.name == spec.name)).first()
        if row is not None:
            if _indicator(row) != spec:
                raise RegistryError("measure.indicator_differs", lang=lang, indicator=spec.name,
                                    allowed=_indicator(row).allowed(lang))
            return spec
        payload = {**spec._asdict(), **({"source": source} if source else {})}
        created = now_iso()
        seq = append_event(conn, trial=None, kind=INDICATOR, payload=payload, by=who, created_at=created)
        insert_row(conn, seq, INDICATOR, None, payload, who, created)
        return spec

    def define_occasion(self, name: str, *, months: int, days_before: int = 30, days_after: int = 30,
                        label: str | None = None, by: str | None = None,
                        lang: str | None = None) -> Occasion:
        """Define a measurement occasion, or re-time a built-in one (the newest definition holds).

        Parameters
        ----------
        name
            A code (``"uppfoljning_6"``): lower-case letters, digits and ``_``.
        months
            When it is planned: whole months after the participant's anchor date (start, else
            registration, else randomization); 0 for a baseline.
        days_before, days_after
            The planned window around that date.
        """
        lang = self._lang(lang)  # type: ignore[attr-defined]
        occ = clean_occasion(name, months=months, days_before=days_before, days_after=days_after,
                             label=label, lang=lang)
        who = normalize_user(by, lang=lang) if by is not None else None
        with self._db.write() as conn:
            if who is not None:
                require_writer(conn, who, lang=lang)
            if self._occasions(conn).get(occ.name) == occ:
                return occ
            created = now_iso()
            payload = occ._asdict()
            seq = append_event(conn, trial=None, kind=OCCASION, payload=payload, by=who or SYSTEM,
                               created_at=created)
            insert_row(conn, seq, OCCASION, None, payload, who or SYSTEM, created)
        return occ

    def _occasions(self, conn: sa.Connection) -> dict[str, Occasion]:
        out = dict(BUILTIN_OCCASIONS)
        for row in conn.execute(sa.select(s.occasions).order_by(s.occasions.c.event_seq)):
            out[row.name] = Occasion(row.name, row.months, row.days_before, row.days_after, row.label)
        return dict(sorted(out.items(), key=lambda kv: (kv[1].months, kv[0] != "baslinje", kv[0])))

    def occasions(self) -> dict[str, Occasion]:
        """The project's occasions (built-in and defined), ordered by their planned time."""
        with self._db.read() as conn:
            return self._occasions(conn)

    def _step1_indicators(self) -> dict[str, Indicator]:
        """Indicators named in the project's step-1 record (none outside a project folder)."""
        folder = getattr(self, "project_dir", None)
        if folder is None or not (folder / "projekt.yaml").is_file():
            return {}
        from workbench.project.folder import Project

        try:
            items = Project.open(folder).description.get("indicators") or []
        except Exception:  # noqa: BLE001 - a broken record is reported by the project, not here
            return {}
        out = {}
        for item in items:
            spec = indicator_from_step1(item) if isinstance(item, dict) else None
            if spec is None:
                continue
            try:
                ind = clean_indicator(spec.pop("name"), lang="sv", **spec)
            except RegistryError:
                continue
            out[ind.name] = ind
        return out

    def indicators(self) -> dict[str, Indicator]:
        """The defined indicators, plus those of the step-1 record not yet defined (by name)."""
        with self._db.read() as conn:
            stored = {r.name: _indicator(r) for r in conn.execute(
                sa.select(s.indicators).order_by(s.indicators.c.event_seq))}
        return {**{k: v for k, v in self._step1_indicators().items() if k not in stored}, **stored}

    def _indicator_for(self, conn: sa.Connection, name: object, who: str, lang: str) -> Indicator:
        clean = clean_name(name, lang=lang)
        row = conn.execute(sa.select(s.indicators).where(s.indicators.c.name == clean)).first()
        if row is not None:
            return _indicator(row)
        step1 = self._step1_indicators()
        if clean in step1:  # the step-1 record's indicator is defined with its first value
            return self._define(conn, step1[clean], who, lang=lang, source="step1")
        known = sorted({*step1, *conn.execute(sa.select(s.indicators.c.name)).scalars()})
        raise RegistryError("measure.unknown_indicator", lang=lang, indicator=clean,
                            available=known or ["-"])

    # -- values ----------------------------------------------------------------------------
    def record_measurement(self, participant_id: object, indicator: str, value: object, *,
                           occasion: str, measured_on: object = None, by: str,
                           correction: bool = False, lang: str | None = None,
                           source: str | None = None) -> Measurement:
        """Record one measured value of a participant at an occasion (an event in the log).

        Parameters
        ----------
        participant_id
            Case id or personnummer (stored only as the project's keyed pseudonym) of a registered
            or randomized participant.
        indicator
            A defined indicator, or one named in the step-1 record.
        value
            A number within the indicator's range (``"12,5"`` is read as 12.5); 0/1 or ja/nej for a
            binary indicator.
        occasion
            ``baslinje``, ``efter``, ``uppfoljning_12``, ``uppfoljning_24``, ``uppfoljning_36`` or
            one defined with :meth:`define_occasion`.
        measured_on
            The date of the measurement (default today); never in the future, and for a follow-up
            occasion never before the participant's start (or randomization).
        by
            Who records it (the signed-in user in the app). Viewers may not record.
        correction
            ``True`` replaces the value already recorded for this occasion (a new event; the old
            one stays in the log). A second value without it is refused.

        Returns
        -------
        Measurement
            What was stored, with ``replaces`` the corrected value.
        """
        lang = self._lang(lang)  # type: ignore[attr-defined]
        pid = normalize_participant(participant_id, key=self.key, lang=lang)
        who = normalize_user(by, lang=lang)
        if not isinstance(correction, bool):
            raise RegistryError("people.bad_done", lang=lang, value=repr(correction)[:40])
        day = clean_date(measured_on, lang=lang)
        with self._db.write() as conn:
            require_writer(conn, who, lang=lang)
            m = self._store(conn, pid, indicator, value, occasion, day, who, correction, source, lang)
        return m

    def _check(self, conn: sa.Connection, pid: str, indicator: object, value: object, occasion: object,
               day: str, who: str, correction: bool, lang: str) -> tuple[Indicator, float, Occasion, Any]:
        """Every check of one value, inside the caller's transaction; returns what to write.

        Returns the indicator, the clean value, the occasion and the value in force (or None).
        """
        ind = self._indicator_for(conn, indicator, who, lang)
        number = clean_value(ind, value, lang=lang)
        occasions = self._occasions(conn)
        occ = occasions.get(occasion) if isinstance(occasion, str) else None
        if occ is None:
            raise RegistryError("measure.unknown_occasion", lang=lang, occasion=str(occasion)[:60],
                                available=list(occasions))
        facts = anchor_dates(conn, pid).get(pid)
        if facts is None:
            raise RegistryError("measure.unknown_participant", lang=lang, participant=pid)
        if occ.months > 0 and dt.date.fromisoformat(day) < facts["anchor"]:
            raise RegistryError("measure.before_start", lang=lang, value=day, participant=pid,
                                occasion=occ.name, start=facts["anchor"].isoformat())
        m = s.measurements
        old = conn.execute(sa.select(m.c.value, m.c.measured_on)
                           .where(m.c.participant_id == pid, m.c.indicator == ind.name,
                                  m.c.occasion == occ.name)
                           .order_by(m.c.event_seq.desc()).limit(1)).first()
        if old is not None and not correction:
            raise RegistryError("measure.already_recorded", lang=lang, participant=pid,
                                indicator=ind.name, occasion=occ.name, value=_show(old[0]))
        if old is None and correction:
            raise RegistryError("measure.nothing_to_correct", lang=lang, participant=pid,
                                indicator=ind.name, occasion=occ.name)
        return ind, number, occ, old

    def _store(self, conn: sa.Connection, pid: str, indicator: object, value: object, occasion: object,
               day: str, who: str, correction: bool, source: str | None, lang: str) -> Measurement:
        """Check and write one value inside the caller's write transaction."""
        ind, number, occ, old = self._check(conn, pid, indicator, value, occasion, day, who,
                                            correction, lang)
        payload = {"indicator": ind.name, "occasion": occ.name, "value": number, "measured_on": day,
                   "correction": correction, "source": source}
        created = now_iso()
        seq = append_event(conn, trial=None, kind=MEASUREMENT, payload=payload, by=who,
                           participant_id=pid, created_at=created, head=conn.info.get(HEAD_INFO))
        insert_row(conn, seq, MEASUREMENT, pid, payload, who, created)
        return Measurement(pid, ind.name, occ.name, number, day, correction, seq,
                           None if old is None else float(old[0]))

    def current_measurement(self, participant_id: object, indicator: str, occasion: str, *,
                            lang: str | None = None) -> Measurement | None:
        """The value in force for a participant, indicator and occasion (None: none recorded)."""
        lang = self._lang(lang)  # type: ignore[attr-defined]
        pid = normalize_participant(participant_id, key=self.key, lang=lang)
        m = s.measurements
        with self._db.read() as conn:
            row = conn.execute(sa.select(m).where(m.c.participant_id == pid, m.c.indicator == indicator,
                                                  m.c.occasion == occasion)
                               .order_by(m.c.event_seq.desc()).limit(1)).first()
        if row is None:
            return None
        return Measurement(pid, row.indicator, row.occasion, row.value, row.measured_on,
                           bool(row.correction), row.event_seq)

    def measurements(self, indicator: str | None = None, *, wide: bool = False, trial: str | None = None,
                     viewer: str | None = None, history: bool = False,
                     lang: str | None = None) -> "pd.DataFrame":
        """The measured values, long or wide, with the arm of randomized participants.

        Parameters
        ----------
        indicator
            One indicator (required for ``wide`` when several have values), or None for all.
        wide
            One row per participant (every registered or randomized one, measured or not), one
            column per occasion named as the occasion, plus ``arm`` and ``district``.
        trial
            Whose arms (default: the only trial; with several, each participant's own).
        viewer
            A signed-in user who is not the trial's owner gets no ``arm`` column.
        history
            Long only: every event (corrected values too) with ``correction``, ``event_seq``, ``by``.

        Returns
        -------
        DataFrame
            Long: ``participant_id, indicator, occasion, value, measured_on`` (+ ``arm``), the value
            in force per participant, indicator and occasion. Wide: ``participant_id, arm,
            district`` and the occasions in planned order (missing values are NaN).
        """
        from workbench.registry.measure_frames import long_frame, wide_frame

        lang = self._lang(lang)  # type: ignore[attr-defined]
        frame = long_frame(self, indicator, trial=trial, viewer=viewer, history=history or False,
                           lang=lang)
        return wide_frame(self, frame, indicator, lang=lang) if wide else frame

    def import_measurements(self, data: "pd.DataFrame", *, participant: str, indicator: str,
                            occasions: dict[str, str], by: str, dates: dict[str, str] | None = None,
                            source: str | None = None, confirm: bool = False, corrections: bool = False,
                            first_row: int = 2, lang: str | None = None) -> Any:
        """Import values from a spreadsheet; see :func:`workbench.registry.measure_import.import_frame`."""
        from workbench.registry.measure_import import import_frame

        return import_frame(self, data, participant=participant, indicator=indicator,
                            occasions=occasions, by=by, dates=dates, source=source, confirm=confirm,
                            corrections=corrections, first_row=first_row,
                            lang=self._lang(lang))  # type: ignore[attr-defined]


def _show(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
