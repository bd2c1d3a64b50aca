"""Participants and the activity log of a project: register, mark stages, drop-outs, activities.

Every change is an event in the registry's hash-chained log plus a row built from that event
(:mod:`workbench.registry.people_rows`); nothing is updated or deleted, corrections are new events
(a stage marked as not reached, a drop-out cancelled, a field corrected, an activity retracted).
Participant ids go through :func:`workbench.registry.ids.normalize_participant`: a personnummer is
stored only as the project's keyed pseudonym, exactly as in randomization, so the two match.

The exports (:meth:`PeopleMixin.participants_table`, :meth:`PeopleMixin.activities_table`) are
shaped for ``wb.activity_followup``; :func:`followup_arguments` names the columns for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.core.messages import resolve_lang
from workbench.core.options import check_option
from workbench.registry import schema as s
from workbench.registry.roles import require_writer
from workbench.registry.audit import append_event, now_iso
from workbench.registry.ids import normalize_participant, normalize_user
from workbench.registry.people_rows import ACTIVITY, REGISTERED, insert_row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Stage = Literal["eligible", "offered", "started", "completed"]
STAGES: tuple[str, ...] = ("eligible", "offered", "started", "completed")
CorrectableField = Literal["district", "subgroup", "registered_on"]
MAX_TEXT = 200
MAX_MINUTES = 24 * 60


def _text(value: object, name: str, *, required: bool, lang: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RegistryError("people.text_missing", lang=lang, field=name)
        return None
    if not isinstance(value, str) or len(value.strip()) > MAX_TEXT or not value.strip().isprintable():
        raise RegistryError("people.text_bad", lang=lang, field=name, max=MAX_TEXT)
    return value.strip()


def _date(value: object, name: str, *, lang: str) -> str:
    """An ISO date (``YYYY-MM-DD``) from a date, a datetime or text; today when ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return dt.date.today().isoformat()
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise RegistryError("people.bad_date", lang=lang, field=name, value=value[:40]) from None
    else:
        raise RegistryError("people.bad_date", lang=lang, field=name, value=repr(value)[:40])
    if day > dt.date.today():
        raise RegistryError("people.future_date", lang=lang, field=name, value=day.isoformat())
    return day.isoformat()


def _minutes(value: object, *, lang: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", ".").strip()) if not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None or not 0 <= number <= MAX_MINUTES or number != int(number):
        raise RegistryError("people.bad_minutes", lang=lang, value=str(value)[:40], max=MAX_MINUTES)
    return int(number)


class PeopleMixin:
    """Participant and activity services of :class:`workbench.registry.api.Registry`."""

    _db: Any
    key: Any
    lang: str | None

    # -- helpers --------------------------------------------------------------------------
    def _lang(self, lang: str | None) -> str:
        return resolve_lang(lang if lang is not None else self.lang)

    def _record(self, kind: str, participant: object, payload: Mapping[str, Any], by: object,
                lang: str, *, new: bool = False,
                then: list[tuple[str, Mapping[str, Any]]] = ()) -> tuple[str, int]:
        """Write one event and its row (plus the ``then`` events) in one transaction."""
        pid = normalize_participant(participant, key=self.key, lang=lang)
        who = normalize_user(by, lang=lang)
        with self._db.write() as conn:
            require_writer(conn, who, lang=lang)
            known = conn.execute(sa.select(s.participants.c.event_seq)
                                 .where(s.participants.c.participant_id == pid)).first()
            if new and known:
                raise RegistryError("people.already_registered", lang=lang, participant=pid)
            if not new and not known:
                raise RegistryError("people.unknown_participant", lang=lang, participant=pid)
            for kind_i, payload_i in [(kind, payload), *then]:
                created = now_iso()
                seq = append_event(conn, trial=None, kind=kind_i, payload=payload_i, by=who,
                                   participant_id=pid, created_at=created)
                insert_row(conn, seq, kind_i, pid, payload_i, who, created)
        return pid, seq

    # -- participants ---------------------------------------------------------------------
    def register_participant(self, participant_id: object, *, by: str, district: str | None = None,
                             subgroup: str | None = None, registered_on: object = None,
                             stages: Mapping[str, object] | None = None,
                             lang: str | None = None) -> str:
        """Register a participant (optionally with stages reached); return the stored id.

        Parameters
        ----------
        participant_id
            A case id or a personnummer (stored only as the project's keyed pseudonym).
        by
            Who registers.
        district, subgroup
            Where the participant belongs (stadsdel) and an optional subgroup (age band …).
        registered_on
            Date of registration (default today).
        stages
            ``{"eligible": date_or_None, "offered": …}``: stages already reached, each with its
            date (``None``: today). Stages are ``eligible, offered, started, completed``.
        """
        lang = self._lang(lang)
        for stage in stages or {}:
            check_option("stage", stage, Stage, lang=lang)
        payload = {"district": _text(district, "district", required=False, lang=lang),
                   "subgroup": _text(subgroup, "subgroup", required=False, lang=lang),
                   "registered_on": _date(registered_on, "registered_on", lang=lang)}
        dates = {st: _date(when, st, lang=lang) for st, when in (stages or {}).items()}
        then = [("participant_stage", {"stage": st, "done": True, "date": dates[st]})
                for st in STAGES if st in dates]
        return self._record(REGISTERED, participant_id, payload, by, lang, new=True, then=then)[0]

    def set_stage(self, participant_id: object, stage: str, *, by: str, done: bool = True,
                  date: object = None, lang: str | None = None) -> int:
        """Mark a stage reached (``done=True``) on ``date``, or correct it as not reached; event number."""
        lang = self._lang(lang)
        check_option("stage", stage, Stage, lang=lang)
        if not isinstance(done, bool):
            raise RegistryError("people.bad_done", lang=lang, value=repr(done)[:40])
        payload = {"stage": stage, "done": done, "date": _date(date, stage, lang=lang) if done else None}
        return self._record("participant_stage", participant_id, payload, by, lang)[1]

    def record_dropout(self, participant_id: object, *, by: str, reason: str, date: object = None,
                       lang: str | None = None) -> int:
        """Record that a participant left the intervention, when and why; return the event number."""
        lang = self._lang(lang)
        payload = {"date": _date(date, "date", lang=lang),
                   "reason": _text(reason, "reason", required=True, lang=lang)}
        return self._record("participant_dropout", participant_id, payload, by, lang)[1]

    def cancel_dropout(self, participant_id: object, *, by: str, reason: str,
                       lang: str | None = None) -> int:
        """Correct a drop-out recorded by mistake (a new event; the old one stays in the log)."""
        lang = self._lang(lang)
        payload = {"reason": _text(reason, "reason", required=True, lang=lang)}
        return self._record("dropout_cancelled", participant_id, payload, by, lang)[1]

    def correct_participant(self, participant_id: object, field: str, value: object, *, by: str,
                            reason: str, lang: str | None = None) -> int:
        """Correct ``district``, ``subgroup`` or ``registered_on`` (a new event with the reason)."""
        lang = self._lang(lang)
        check_option("field", field, CorrectableField, lang=lang)
        clean = (_date(value, field, lang=lang) if field == "registered_on"
                 else _text(value, field, required=False, lang=lang))
        payload = {"field": field, "value": clean, "reason": _text(reason, "reason", required=True, lang=lang)}
        return self._record("participant_corrected", participant_id, payload, by, lang)[1]

    # -- activities -----------------------------------------------------------------------
    def log_activity(self, participant_id: object, *, by: str, kind: str, date: object = None,
                     minutes: object = None, delivered_by: str | None = None,
                     lang: str | None = None) -> int:
        """Log one activity or contact (group session, home visit, call …); return its number."""
        lang = self._lang(lang)
        payload = {"date": _date(date, "date", lang=lang), "kind": _text(kind, "kind", required=True, lang=lang),
                   "minutes": _minutes(minutes, lang=lang),
                   "delivered_by": _text(delivered_by, "delivered_by", required=False, lang=lang)}
        return self._record(ACTIVITY, participant_id, payload, by, lang)[1]

    def retract_activity(self, activity_no: int, *, by: str, reason: str, lang: str | None = None) -> int:
        """Retract an activity logged by mistake (a new event naming it; nothing is deleted)."""
        lang = self._lang(lang)
        with self._db.read() as conn:
            row = conn.execute(sa.select(s.activities.c.participant_id)
                               .where(s.activities.c.event_seq == activity_no)).first() \
                if isinstance(activity_no, int) and not isinstance(activity_no, bool) else None
        if row is None:
            raise RegistryError("people.unknown_activity", lang=lang, number=activity_no)
        payload = {"activity": activity_no, "reason": _text(reason, "reason", required=True, lang=lang)}
        return self._record("activity_retracted", row[0], payload, by, lang)[1]

    # -- exports --------------------------------------------------------------------------
    def _people_rows(self) -> tuple[list[Any], list[Any], list[Any]]:
        with self._db.read() as conn:
            people = conn.execute(sa.select(s.participants).order_by(s.participants.c.event_seq)).all()
            updates = conn.execute(sa.select(s.participant_updates)
                                   .order_by(s.participant_updates.c.event_seq)).all()
            acts = conn.execute(sa.select(s.activities).order_by(s.activities.c.event_seq)).all()
        return people, updates, acts

    def activities_table(self, *, include_retracted: bool = False) -> "pd.DataFrame":
        """One row per logged activity: ``activity_no, participant_id, date, kind, minutes,
        delivered_by, by, created_at`` (and ``retracted`` when ``include_retracted``)."""
        import pandas as pd

        _, updates, acts = self._people_rows()
        retracted = {int(u.value) for u in updates if u.kind == "activity_retracted"}
        rows = [{"activity_no": a.event_seq, "participant_id": a.participant_id, "date": a.on_date,
                 "kind": a.kind, "minutes": a.minutes, "delivered_by": a.delivered_by, "by": a.by,
                 "created_at": a.created_at, "retracted": a.event_seq in retracted} for a in acts]
        cols = ["activity_no", "participant_id", "date", "kind", "minutes", "delivered_by", "by",
                "created_at", "retracted"]
        frame = pd.DataFrame(rows, columns=cols)
        frame["date"] = pd.to_datetime(frame["date"])
        frame["minutes"] = frame["minutes"].astype("Int64")
        if not include_retracted:
            frame = frame[~frame["retracted"].astype(bool)].drop(columns="retracted").reset_index(drop=True)
        return frame

    def participants_table(self) -> "pd.DataFrame":
        """One row per participant, shaped for ``wb.activity_followup`` (see :func:`followup_arguments`).

        Columns: ``participant_id, district, subgroup, registered_on``, a 0/1 column and a
        ``<stage>_date`` per stage (``eligible, offered, started, completed``), ``dropout`` (0/1),
        ``dropout_date``, ``dropout_reason``, ``dose`` (number of activities, retracted ones not
        counted) and ``minutes`` (their total). The latest event wins for each stage and field.
        """
        import pandas as pd

        people, updates, _ = self._people_rows()
        acts = self.activities_table()
        state: dict[str, dict[str, Any]] = {}
        for p in people:
            state[p.participant_id] = {"participant_id": p.participant_id, "district": p.district,
                                       "subgroup": p.subgroup, "registered_on": p.registered_on,
                                       **{st: 0 for st in STAGES}, **{f"{st}_date": None for st in STAGES},
                                       "dropout": 0, "dropout_date": None, "dropout_reason": None}
        for u in updates:
            row = state.get(u.participant_id)
            if row is None:
                continue
            if u.kind == "participant_stage":
                row[u.field], row[f"{u.field}_date"] = (1, u.on_date) if u.value == "1" else (0, None)
            elif u.kind == "participant_dropout":
                row.update(dropout=1, dropout_date=u.on_date, dropout_reason=u.note)
            elif u.kind == "dropout_cancelled":
                row.update(dropout=0, dropout_date=None, dropout_reason=None)
            elif u.kind == "participant_corrected":
                row[u.field] = u.value
        columns = ["participant_id", "district", "subgroup", "registered_on", *STAGES,
                   *[f"{st}_date" for st in STAGES], "dropout", "dropout_date", "dropout_reason"]
        frame = pd.DataFrame(list(state.values()), columns=columns)
        dose = acts.groupby("participant_id").size()
        minutes = acts.groupby("participant_id")["minutes"].sum()
        frame["dose"] = frame["participant_id"].map(dose).fillna(0).astype(int)
        frame["minutes"] = frame["participant_id"].map(minutes).fillna(0).astype(int)
        for col in ["registered_on", *[f"{st}_date" for st in STAGES], "dropout_date"]:
            frame[col] = pd.to_datetime(frame[col])
        for col in [*STAGES, "dropout"]:
            frame[col] = frame[col].astype(int)
        return frame

    def participant_state(self, participant_id: object, *, lang: str | None = None) -> dict[str, Any] | None:
        """The current row of one participant in :meth:`participants_table` (``None``: not registered)."""
        pid = normalize_participant(participant_id, key=self.key, lang=self._lang(lang))
        table = self.participants_table()
        found = table[table["participant_id"] == pid]
        return None if found.empty else found.iloc[0].to_dict()

    def latest_people_events(self, n: int = 10) -> "pd.DataFrame":
        """The ``n`` latest participant and activity events (number, time, kind, participant, by)."""
        import pandas as pd

        from workbench.registry.people_rows import PEOPLE_KINDS

        with self._db.read() as conn:
            rows = conn.execute(sa.select(s.events.c.seq, s.events.c.created_at, s.events.c.kind,
                                          s.events.c.participant_id, s.events.c.by)
                                .where(s.events.c.kind.in_(PEOPLE_KINDS))
                                .order_by(s.events.c.seq.desc()).limit(int(n))).all()
        return pd.DataFrame([tuple(r) for r in rows],
                            columns=["seq", "created_at", "kind", "participant_id", "by"])


def followup_arguments(table: "pd.DataFrame") -> dict[str, Any]:
    """Keyword arguments of ``wb.activity_followup`` for :meth:`PeopleMixin.participants_table`.

    The target group is every registered participant; district and subgroup are shown when any
    participant has them.
    """
    subgroups = [c for c in ("district", "subgroup") if c in table and table[c].notna().any()]
    return {"id": "participant_id", "stages": {"target_group": None, **{st: st for st in STAGES}},
            "dose": "dose", "dropout_reason": "dropout_reason", "dropout_time": "dropout_date",
            "subgroups": subgroups}
