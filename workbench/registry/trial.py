"""A trial in the registry: randomize participants and record what happens to them.

Everything a trial does is an event in the hash-chained log; nothing is updated or deleted (the
trial's ``status`` column mirrors its ``trial_closed`` event for fast checks, and ``verify``
compares the two).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.core.messages import msg, resolve_lang
from workbench.registry import schema as s
from workbench.registry.allocate import draw
from workbench.registry.audit import HEAD_INFO, append_event, event_row, now_iso, pause_hook
from workbench.registry.config import check_strata, list_key
from workbench.registry.ids import normalize_participant, normalize_user
from workbench.registry.models import Allocation, RegistryView
from workbench.registry.trial_views import TrialViews
from workbench.registry.sql import execute, first
from workbench.registry.roles import effective_role, require_owner, role_of

if TYPE_CHECKING:  # pragma: no cover
    from workbench.registry.models import AdherenceReport

DECLINED = "__consent_declined__"


class StoredAllocation(NamedTuple):
    participant_id: str
    arm: str
    sequence_no: int
    created_at: str
    by: str
    strata: str


class Trial(TrialViews):
    """A randomized trial. Get one with ``Registry.create_trial`` or ``Registry.trial``."""

    def __init__(self, registry: RegistryView, trial_id: int, config: dict[str, Any]) -> None:
        self._registry = registry
        self._id = trial_id
        self._cfg = config

    # -- facts -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._cfg["name"]

    @property
    def arms(self) -> tuple[str, ...]:
        return tuple(self._cfg["arms"])

    @property
    def settings(self) -> dict[str, Any]:
        """The configuration without the seed (the seed would reveal future allocations)."""
        return {k: v for k, v in self._cfg.items() if k != "seed"}

    @property
    def strata(self) -> dict[str, list[str] | None]:
        return {f: levels for f, levels in self._cfg["strata"]}

    @property
    def inclusion_criteria(self) -> tuple[str, ...]:
        return tuple(self._cfg["inclusion_criteria"])

    @property
    def status(self) -> str:
        with self._registry._db.read() as conn:
            return conn.execute(sa.select(s.trials.c.status).where(s.trials.c.id == self._id)).scalar_one()

    def __repr__(self) -> str:
        return f"Trial({self.name!r}, arms={self.arms}, scheme={self._cfg['scheme']!r})"

    def _lang(self, lang: str | None) -> str:
        return resolve_lang(lang if lang is not None else self._registry.lang)

    def _pid(self, participant_id: Any, key: Any, lang: str) -> str:
        return normalize_participant(participant_id, key=key if key is not None else self._registry.key,
                                     lang=lang)

    # -- randomization -------------------------------------------------------------------------
    def _eligibility(self, eligibility: Any, consent: Any, lang: str) -> tuple[dict[str, bool], list[str]]:
        criteria = self._cfg["inclusion_criteria"]
        record: dict[str, bool] = {}
        if criteria:
            if eligibility is None:
                raise RegistryError("registry.eligibility_missing", lang=lang, criteria=criteria)
            if eligibility is True:
                record = {c: True for c in criteria}
            elif isinstance(eligibility, Mapping):
                unknown = [k for k in eligibility if k not in criteria]
                missing = [c for c in criteria if c not in eligibility]
                if unknown or missing:
                    raise RegistryError("registry.eligibility_unknown" if unknown else
                                        "registry.eligibility_missing", lang=lang,
                                        criteria=unknown or missing)
                record = {c: bool(eligibility[c]) for c in criteria}
            elif isinstance(eligibility, Iterable) and not isinstance(eligibility, str):
                ticked = list(eligibility)
                unknown = [k for k in ticked if k not in criteria]
                if unknown:
                    raise RegistryError("registry.eligibility_unknown", lang=lang, criteria=unknown)
                record = {c: c in ticked for c in criteria}
            else:
                raise RegistryError("registry.eligibility_missing", lang=lang, criteria=criteria)
        failed = [c for c, ok in record.items() if not ok]
        if self._cfg["require_consent"]:
            if consent is None:
                raise RegistryError("registry.consent_missing", lang=lang)
            if not consent:
                failed.append(DECLINED)
        return record, failed

    def randomize(self, participant_id: Any, *, strata: Mapping[str, Any] | None = None, by: str,
                  eligibility: Any = None, consent: bool | None = None,
                  key: str | bytes | None = None, lang: str | None = None) -> Allocation:
        """Randomize one participant, or return the allocation they already have.

        Parameters
        ----------
        participant_id
            Case id or pseudonym. A personnummer is stored only as a keyed pseudonym (``key`` or
            the registry's key); without a key it is refused with a :class:`PrivacyError`.
        strata
            The participant's level of each stratum factor of the trial, e.g. ``{"stadsdel": "Norr"}``.
        by
            Who randomizes (recorded in the log).
        eligibility
            The inclusion checklist: ``True`` (all met), a mapping criterion → bool, or the ticked
            criteria. A participant who does not meet a criterion (or declines consent) is recorded
            as excluded with the reasons, and a :class:`RegistryError` says so.
        consent
            Required when the trial was created with ``require_consent=True``.

        Returns
        -------
        Allocation
            ``existing=True`` (with a ``note``) when the participant had been randomized before:
            a participant is never drawn twice.
        """
        lang = self._lang(lang)
        pid = self._pid(participant_id, key, lang)
        who = normalize_user(by, lang=lang)
        levels = check_strata(self._cfg, strata, lang=lang)
        excluded: list[str] | None = None
        with self._registry._db.write(direct=True) as conn:
            if self._cfg["scheme"] in ("simple", "block", "stratified_block"):
                row = first(conn, "precheck_slot", trial_id=self._id, pid=pid, user=who,
                            list_key=list_key(self._cfg, levels))
                pre, slot_row = row[:13], row[13:]
            else:
                pre, slot_row = first(conn, "precheck", trial_id=self._id, pid=pid, user=who), None
            role = effective_role(self._cfg.get("owner"), who, pre[1], pre[2])
            if role is None and pre[12] == 0:
                role = "staff"  # one-person mode: nobody has been granted a role yet
            if role == "viewer":
                raise RegistryError("registry.viewer_cannot_randomize", lang=lang, user=who,
                                    trial=self.name)
            if role is None:
                raise RegistryError("registry.not_staff", lang=lang, user=who, trial=self.name)
            if pre[6] is not None:
                stored = StoredAllocation(*pre[6:12])
                if role != "owner" and stored.by != who and pre[12] > 0:  # signed-in staff: own only
                    raise RegistryError("registry.not_your_participant", lang=lang, participant=pid)
                return self._allocation(stored, existing=True, lang=lang)
            if pre[0] != "open":
                raise RegistryError("registry.trial_closed", lang=lang, trial=self.name)
            record, failed = self._eligibility(eligibility, consent, lang)
            if failed:
                append_event(conn, trial=self.name, kind="excluded", participant_id=pid, by=who,
                             payload={"eligibility": record, "consent": consent, "reasons": failed,
                                      "strata": levels})
                excluded = failed
            else:
                d = draw(conn, self._id, self.name, self._cfg, levels, slot_row)
                order_no = (pre[3] or 0) + 1
                created = now_iso()
                cluster = levels.get(self._cfg["cluster"]) if self._cfg["cluster"] else None
                payload = {"arm": d.arm, "list_key": d.list_key, "sequence_no": d.sequence_no,
                           "member_no": d.member_no, "order_no": order_no, "block_no": d.block_no,
                           "strata": levels, "cluster": cluster, "eligibility": record,
                           "consent": consent}
                event = event_row(conn, trial=self.name, kind="allocation", participant_id=pid,
                                  by=who, payload=payload, created_at=created,
                                  head=None if d.extended else (pre[4], pre[5]))
                seq = event["seq"]
                alloc = dict(trial_id=self._id, participant_id=pid, list_key=d.list_key,
                             sequence_no=d.sequence_no, member_no=d.member_no, order_no=order_no,
                             arm=d.arm, cluster=cluster, by=who, created_at=created,
                             strata=json.dumps(levels, sort_keys=True, ensure_ascii=False),
                             event_seq=seq)
                pause_hook()
                if conn.dialect.name == "postgresql":  # one round trip for both rows
                    execute(conn, "insert_event_allocation", **event, **{
                        k: v for k, v in alloc.items() if k not in event})
                else:
                    execute(conn, "insert_event", **event)
                    execute(conn, "insert_allocation", **alloc)
                head_hash = conn.info[HEAD_INFO][1]
        if excluded is None:  # drawn: the receipt code is computed after the writer lock is released
            code = self._registry.receipt_code(seq, head_hash)
            return Allocation(pid, d.arm, d.sequence_no, datetime.fromisoformat(created), who,
                              False, self.name, levels, None, code)
        reasons = [msg("registry.consent_declined_reason", lang) if r == DECLINED else r for r in excluded]
        raise RegistryError("registry.not_eligible", lang=lang, participant=pid, criteria=reasons)

    def _stored(self, conn: sa.Connection, pid: str) -> Any:
        row = first(conn, "allocation_of", trial_id=self._id, pid=pid)
        return None if row is None else StoredAllocation(*row)

    def _allocation(self, row: Any, *, existing: bool, lang: str) -> Allocation:
        note = msg("registry.already_randomized", lang, participant=row.participant_id, arm=row.arm,
                   when=row.created_at[:16].replace("T", " "), by=row.by) if existing else None
        return Allocation(row.participant_id, row.arm, row.sequence_no,
                          datetime.fromisoformat(row.created_at), row.by, existing, self.name,
                          json.loads(row.strata), note)

    def lookup(self, participant_id: Any, *, viewer: str | None = None, key: str | bytes | None = None,
               lang: str | None = None) -> Allocation | None:
        """The stored allocation of a participant (None if not randomized); staff see their own."""
        lang = self._lang(lang)
        pid = self._pid(participant_id, key, lang)
        with self._registry._db.read() as conn:
            row = self._stored(conn, pid)
            if row is not None and viewer is not None \
                    and role_of(conn, self._id, self._cfg, normalize_user(viewer, lang=lang)) != "owner" \
                    and row.by != normalize_user(viewer, lang=lang):
                raise RegistryError("registry.not_your_participant", lang=lang, participant=pid)
        return None if row is None else self._allocation(row, existing=True, lang=lang)

    # -- other events ----------------------------------------------------------------------------
    def _event(self, kind: str, participant_id: Any, by: str, payload: dict[str, Any], *,
               must_exist: bool, key: Any, lang: str | None) -> int:
        lang = self._lang(lang)
        pid = self._pid(participant_id, key, lang) if participant_id is not None else None
        who = normalize_user(by, lang=lang)
        with self._registry._db.write() as conn:
            if must_exist and self._stored(conn, pid) is None:
                raise RegistryError("registry.not_randomized", lang=lang, participant=pid, trial=self.name)
            return append_event(conn, trial=self.name, kind=kind, participant_id=pid, by=who,
                                 payload=payload)

    def withdraw(self, participant_id: Any, *, reason: str, by: str, key: Any = None,
                 lang: str | None = None) -> int:
        """Record that a randomized participant withdrew (they stay in their arm for analysis)."""
        return self._event("withdrawal", participant_id, by, {"reason": str(reason)},
                           must_exist=True, key=key, lang=lang)

    def report_deviation(self, participant_id: Any, *, description: str, by: str, key: Any = None,
                         lang: str | None = None) -> int:
        """Record a protocol deviation (e.g. a control participant who received the intervention)."""
        return self._event("deviation", participant_id, by, {"description": str(description)},
                           must_exist=True, key=key, lang=lang)

    def report_unrandomized_entry(self, participant_id: Any, *, by: str, description: str = "",
                                  key: Any = None, lang: str | None = None) -> int:
        """Record that someone entered the intervention without being randomized."""
        return self._event("unrandomized_entry", participant_id, by, {"description": str(description)},
                           must_exist=False, key=key, lang=lang)

    def correct(self, event_seq: int, *, reason: str, by: str, lang: str | None = None,
                **changes: Any) -> int:
        """Record a correction of an earlier event of this trial as a new event.

        The arm of an allocation cannot be corrected: an allocation is final.
        """
        lang = self._lang(lang)
        who = normalize_user(by, lang=lang)
        if "arm" in changes or not changes:
            raise RegistryError("registry.bad_correction", lang=lang)
        reason = _reason(reason, lang)
        with self._registry._db.write() as conn:
            require_owner(conn, self._id, self._cfg, who, lang=lang)
            target = conn.execute(sa.select(s.events.c.trial, s.events.c.participant_id)
                                  .where(s.events.c.seq == event_seq)).first()
            if target is None or target.trial != self.name:
                raise RegistryError("registry.no_such_event", lang=lang, seq=event_seq, trial=self.name)
            return append_event(conn, trial=self.name, kind="correction", by=who,
                                participant_id=target.participant_id,
                                payload={"corrects": int(event_seq), "changes": changes,
                                         "reason": str(reason)})

    def add_staff(self, user: str, *, by: str, lang: str | None = None) -> None:
        """Let ``user`` randomize in this trial (only the owner may do this; see :meth:`set_role`)."""
        if self.role(user) not in ("owner", "staff") or not self._granted(user):
            self.set_role(user, "staff", by=by, lang=lang)

    def _granted(self, user: str) -> bool:
        with self._registry._db.read() as conn:
            return role_of(conn, self._id, self._cfg, user, registered_only=True) is not None

    def role(self, user: str, *, lang: str | None = None) -> str | None:
        """``owner``, ``staff``, ``viewer`` or None: the role ``user`` holds in this trial."""
        who = normalize_user(user, lang=self._lang(lang))
        with self._registry._db.read() as conn:
            return role_of(conn, self._id, self._cfg, who)

    def set_role(self, user: str, role: str | None, *, by: str, lang: str | None = None) -> int:
        """Grant ``user`` a role in this trial (``None`` revokes it); only an owner may; an event.

        See :meth:`workbench.registry.api.Registry.set_role` (project-wide roles).
        """
        return self._registry.set_role(user, role, trial=self.name, by=by, lang=lang)

    def unblind(self, participant_id: Any, *, reason: str, by: str, key: Any = None,
                lang: str | None = None) -> Allocation:
        """Emergency unblinding by the owner: the participant's arm, with a typed reason in the log.

        Parameters
        ----------
        participant_id
            The randomized participant.
        reason
            Why the arm must be known now (required; recorded in the ``unblinding`` event).
        by
            The signed-in owner.

        Returns
        -------
        Allocation
            The stored allocation (whoever randomized it).
        """
        lang = self._lang(lang)
        pid = self._pid(participant_id, key, lang)
        who = normalize_user(by, lang=lang)
        reason = _reason(reason, lang)
        with self._registry._db.write() as conn:
            require_owner(conn, self._id, self._cfg, who, lang=lang)
            row = self._stored(conn, pid)
            if row is None:
                raise RegistryError("registry.not_randomized", lang=lang, participant=pid, trial=self.name)
            append_event(conn, trial=self.name, kind="unblinding", participant_id=pid, by=who,
                         payload={"reason": reason})
        return self._allocation(row, existing=True, lang=lang)

    def close(self, *, by: str, reason: str = "", lang: str | None = None) -> None:
        """End recruitment: no further randomizations; arm totals become visible to staff."""
        lang = self._lang(lang)
        who = normalize_user(by, lang=lang)
        with self._registry._db.write() as conn:
            require_owner(conn, self._id, self._cfg, who, lang=lang)
            conn.execute(sa.update(s.trials).where(s.trials.c.id == self._id).values(status="closed"))
            append_event(conn, trial=self.name, kind="trial_closed", by=who, payload={"reason": reason})

    # -- views -----------------------------------------------------------------------------------
    def reassigner(self, participant_ids: Any, *, treated_arm: str, lang: str | None = None) -> Any:
        """``reassign(rng)`` for ``wb.rct(..., randomization_inference=True, ri_scheme=...)``.

        Re-runs this trial's own scheme (blocks, strata, clusters) with fresh seeds, each
        participant keeping their place in their list; ids in the analysis data's row order.
        """
        from workbench.registry.rerandomize import reassigner

        return reassigner(self, list(participant_ids), treated_arm=treated_arm, lang=self._lang(lang))

    def adherence(self, entrants: Any, *, id: str | None = None, start: str | None = None,
                  key: Any = None, lang: str | None = None) -> float:
        """Share of ``entrants`` randomized (before their start date when ``start`` names one)."""
        return self.adherence_report(entrants, id=id, start=start, key=key, lang=lang).share

    def adherence_report(self, entrants: Any, *, id: str | None = None, start: str | None = None,
                         key: Any = None, lang: str | None = None) -> AdherenceReport:
        """Adherence with the lists of entrants not randomized and randomized too late."""
        from workbench.registry.adherence import adherence_report

        return adherence_report(self, entrants, id=id, start=start,
                                key=key if key is not None else self._registry.key, lang=self._lang(lang))


def _reason(reason: Any, lang: str) -> str:
    """A typed reason (required for corrections and unblinding)."""
    if not isinstance(reason, str) or len(reason.strip()) < 3:
        raise RegistryError("registry.reason_required", lang=lang)
    return reason.strip()
