"""The public face of the registry: :class:`Registry` (``wb.Registry``)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.core.messages import resolve_lang
from workbench.registry import schema as s
from workbench.registry.allocate import extend_list
from workbench.registry.audit import append_event, now_iso
from workbench.registry.checks import verify_all
from workbench.registry.config import build_config, declared_lists
from workbench.registry.engine import DB_DIR, Database, check_sqlite_file, resolve_url, sqlite_file
from workbench.registry.ids import normalize_user
from workbench.registry.models import VerifyReport
from workbench.registry.followup import FollowupMixin
from workbench.registry.measurements import MeasurementsMixin
from workbench.registry.people import PeopleMixin
from workbench.registry import receipts as rc
from workbench.registry.trial import Trial


class Registry(PeopleMixin, MeasurementsMixin, FollowupMixin):
    """The registry of a project: randomization, participants and their activities.

    Participant and activity services (``register_participant``, ``set_stage``,
    ``record_dropout``, ``log_activity``, ``participants_table`` …) come from
    :class:`workbench.registry.people.PeopleMixin`; indicators, occasions and measured values
    (``define_indicator``, ``record_measurement``, ``measurements`` …) from
    :class:`workbench.registry.measurements.MeasurementsMixin`, the follow-up lists
    (``followup``, ``completeness``) from :class:`workbench.registry.followup.FollowupMixin`.

    Parameters
    ----------
    url
        ``None`` for a SQLite file in the project (see ``path``), ``sqlite:///…``, or
        ``postgresql://user:pw@host/db`` (psycopg 3 is used).
    path
        The project folder (the file goes to ``<path>/register/register.sqlite``), its ``register``
        folder, or the database file itself. Default: the current folder.
    key
        The project's pseudonymization key; personnummer given as participant ids are stored as
        keyed pseudonyms with it, and refused without it. It also signs the receipts of the chain
        head (:meth:`checkpoint`); when omitted, the key file of the project folder is read if
        there is one (never created here).
    lang
        Language of messages (default: the session language).

    Examples
    --------
    >>> reg = wb.Registry(path="mitt_projekt")                          # doctest: +SKIP
    >>> trial = reg.create_trial("Hemmaplan", strata={"stadsdel": ["Norr", "Söder"]})  # doctest: +SKIP
    >>> trial.randomize("A-17", strata={"stadsdel": "Norr"}, by="anna")   # doctest: +SKIP
    """

    def __init__(self, url: str | None = None, *, path: str | os.PathLike[str] | None = None,
                 key: str | bytes | None = None, lang: str | None = None) -> None:
        self.lang = lang
        self.key = key
        self.url = resolve_url(url, path, lang=lang)
        check_sqlite_file(self.url, lang=lang)
        #: where receipts are written after every write (None: nowhere, e.g. a bare PostgreSQL URL)
        self.receipts_file = receipts_location(self.url, url, path)
        self._receipt_key = _find_receipt_key(key, self.receipts_file)
        #: the project folder whose step-1 record names the indicators (None outside a project)
        self.project_dir = (self.receipts_file.parent.parent if self.receipts_file is not None
                            and self.receipts_file.parent.name == DB_DIR else None)
        self._db = Database(self.url)
        if self._receipt_key is not None and self.receipts_file is not None:
            self._db.on_commit = self._store_receipt
        try:
            with self._db.write() as conn:
                version = s.current_version(conn)
                if version is not None and version > s.SCHEMA_VERSION:
                    raise RegistryError("registry.schema_newer", lang=lang, found=version,
                                        supported=s.SCHEMA_VERSION)
                s.ensure_schema(conn)
        except sa.exc.DatabaseError as exc:  # OperationalError included
            self._db.dispose()
            raise RegistryError("registry.cannot_open", lang=lang, url=_safe_url(self.url),
                                reason=str(exc.orig).splitlines()[0] if exc.orig else str(exc)) from None

    def __repr__(self) -> str:
        return f"Registry({_safe_url(self.url)!r})"

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self._db.dispose()

    @property
    def schema_version(self) -> int:
        with self._db.read() as conn:
            return s.current_version(conn) or 0

    def create_trial(self, name: str, *, arms: Sequence[str] = ("insats", "kontroll"),
                     scheme: str = "block", block_sizes: Sequence[int] = (4, 6),
                     strata: Mapping[str, Sequence[str]] | Sequence[str] = (),
                     ratio: Sequence[int] | str | None = None, seed: int | None = None,
                     inclusion_criteria: Sequence[str] = (), require_consent: bool = False,
                     owner: str | None = None, cluster: str | None = None, p_best: float = 0.8,
                     by: str | None = None, lang: str | None = None) -> Trial:
        """Create a trial and generate its concealed allocation list from a recorded seed.

        Parameters
        ----------
        arms, ratio
            The arms and their allocation ratio (``(2, 1)`` or ``"2:1"``; default equal).
        scheme
            ``simple``, ``block`` (permuted blocks of random sizes; per stratum when ``strata``
            are given), ``stratified_block``, ``cluster`` or ``minimisation``.
        block_sizes
            Sizes drawn at random for each block; each must be a multiple of the ratio's sum.
        strata
            ``{"stadsdel": ["Norr", "Söder"]}`` (levels checked) or ``["skola"]`` (any level).
        seed
            Recorded with the algorithm name and version, so the list can be re-derived; drawn
            from the operating system when omitted.
        inclusion_criteria, require_consent
            The checklist each randomization confirms, and whether consent is required.
        owner
            Who sees the full log and exports and may close the trial.
        cluster
            For ``scheme="cluster"``: the stratum factor that names the cluster (school, district).
        p_best
            Minimisation: probability of giving the arm that minimises imbalance.
        """
        lang = resolve_lang(lang if lang is not None else self.lang)
        cfg = build_config(name, arms=arms, scheme=scheme, block_sizes=block_sizes, strata=strata,
                           ratio=ratio, seed=seed, inclusion_criteria=inclusion_criteria,
                           require_consent=require_consent, owner=owner, cluster=cluster,
                           p_best=p_best, lang=lang)
        who = normalize_user(by or cfg["owner"] or "system", lang=lang)
        with self._db.write() as conn:
            if conn.execute(sa.select(s.trials.c.id).where(s.trials.c.name == cfg["name"])).first():
                raise RegistryError("registry.trial_exists", lang=lang, trial=cfg["name"])
            created = now_iso()
            trial_id = conn.execute(sa.insert(s.trials).values(
                name=cfg["name"], config=json.dumps(cfg, sort_keys=True, ensure_ascii=False),
                status="open", created_at=created)).inserted_primary_key[0]
            append_event(conn, trial=cfg["name"], kind="trial_created", by=who,
                         payload={"config": cfg}, created_at=created)
            for key in declared_lists(cfg):
                extend_list(conn, trial_id, cfg["name"], cfg, key)
        return Trial(self, trial_id, cfg)

    def trial(self, name: str, *, lang: str | None = None) -> Trial:
        """An existing trial by name (a clear error lists the trials there are)."""
        lang = resolve_lang(lang if lang is not None else self.lang)
        clean = name.strip() if isinstance(name, str) else name
        with self._db.read() as conn:
            row = conn.execute(sa.select(s.trials.c.id, s.trials.c.config)
                               .where(s.trials.c.name == clean)).first()
            if row is None:
                names = conn.execute(sa.select(s.trials.c.name).order_by(s.trials.c.name)).scalars().all()
                raise RegistryError("registry.unknown_trial", lang=lang, trial=name,
                                    available=names or ["-"])
        return Trial(self, row[0], json.loads(row[1]))

    def trials(self) -> list[str]:
        """Names of the trials in the registry."""
        with self._db.read() as conn:
            return list(conn.execute(sa.select(s.trials.c.name).order_by(s.trials.c.id)).scalars())

    def set_role(self, user: str, role: str | None, *, by: str, trial: str | None = None,
                 lang: str | None = None) -> int:
        """Grant ``user`` the role ``owner``, ``staff`` or ``viewer`` (``None`` revokes it).

        Parameters
        ----------
        user
            The signed-in name the role is for (as the hub knows it).
        role
            ``"owner"``, ``"staff"``, ``"viewer"`` or None.
        by
            Who grants it: an owner of the project (or, with ``trial``, of that trial). The first
            grant of a project must make someone its owner, and may be made by anyone with access
            to the registry (the evaluator setting the project up).
        trial
            A trial's name, or None for the whole project.

        Returns
        -------
        int
            The number of the ``role_granted``/``role_revoked`` event.
        """
        from workbench.registry.roles import ROLES, any_grants, require_owner
        from workbench.registry.sql import execute

        lang = resolve_lang(lang if lang is not None else self.lang)
        who, target = normalize_user(by, lang=lang), normalize_user(user, lang=lang)
        if role is not None and role not in ROLES:
            raise RegistryError("registry.bad_role", lang=lang, role=role, roles=list(ROLES))
        with self._db.write() as conn:
            tid, cfg = None, None
            if trial is not None:
                row = conn.execute(sa.select(s.trials.c.id, s.trials.c.config)
                                   .where(s.trials.c.name == str(trial).strip())).first()
                if row is None:
                    raise RegistryError("registry.unknown_trial", lang=lang, trial=trial,
                                        available=self.trials() or ["-"])
                tid, cfg = row[0], json.loads(row[1])
            elif role != "owner" and not any_grants(conn):
                raise RegistryError("registry.first_grant_owner", lang=lang, user=target)
            require_owner(conn, tid, cfg, who, lang=lang)
            created = now_iso()
            seq = append_event(conn, trial=cfg["name"] if cfg else None,
                               kind="role_granted" if role else "role_revoked", by=who,
                               payload={"user": target, "role": role}, created_at=created)
            execute(conn, "insert_grant", event_seq=seq, trial_id=tid, user=target, role=role,
                    by=who, created_at=created)
        return seq

    def role(self, user: str, *, lang: str | None = None) -> str | None:
        """The project-wide role of ``user`` (None when none was granted)."""
        from workbench.registry.roles import project_role

        who = normalize_user(user, lang=resolve_lang(lang if lang is not None else self.lang))
        with self._db.read() as conn:
            return project_role(conn, who)

    def may_open(self, user: str, *, strict: bool = False, lang: str | None = None) -> bool:
        """Whether ``user`` holds a role in the project or one of its trials.

        Before any role is granted anyone may (one-person mode), unless ``strict`` (the app behind
        JupyterHub: a project nobody has been granted yet is open to no one).
        """
        from workbench.registry.roles import may_open_project

        who = normalize_user(user, lang=resolve_lang(lang if lang is not None else self.lang))
        with self._db.read() as conn:
            return may_open_project(conn, who, strict=strict)

    def head(self) -> tuple[int, str]:
        """Number and hash of the last event: note it down (an anchor) to detect a rewritten log."""
        with self._db.read() as conn:
            row = conn.execute(sa.select(s.events.c.seq, s.events.c.hash)
                               .order_by(s.events.c.seq.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (0, "0" * 64)

    def receipt_code(self, seq: int, head_hash: str) -> str | None:
        """The short code of the receipt for event ``seq`` (None without a key)."""
        if self._receipt_key is None:
            return None
        return rc.short_code(rc.make_receipt(self._receipt_key, seq, head_hash))

    def _store_receipt(self, head: tuple[int, str]) -> None:
        """Append the receipt of the write that just committed (a failure only warns: the write
        stands, and staff must not retry it as if it had failed)."""
        try:
            rc.append_receipt(self.receipts_file, rc.make_receipt(self._receipt_key, *head))
        except OSError as exc:
            import warnings

            from workbench.core.errors import WorkbenchWarning
            from workbench.core.messages import msg

            warnings.warn(msg("registry.receipt_not_written", self.lang, path=str(self.receipts_file),
                              seq=head[0], reason=exc.strerror or str(exc)), WorkbenchWarning, stacklevel=2)

    def checkpoint(self, *, lang: str | None = None) -> str:
        """A signed receipt of the chain head: ``wbk1.<event number>.<hash>.<signature>``.

        The signature is an HMAC with a key derived from the project's key, which the database does
        not hold, so nobody with only database access can make a receipt for a shortened or
        rewritten log. Keep receipts anywhere outside the database; :meth:`verify` with
        ``checkpoints=[...]`` then reports events deleted after them. A project's registry also
        appends the receipt to ``register/kvitton.txt`` (as it does after every write).

        Returns
        -------
        str
            The receipt; :func:`workbench.registry.receipts.short_code` gives the short code.
        """
        lang = resolve_lang(lang if lang is not None else self.lang)
        if self._receipt_key is None:
            raise RegistryError("registry.receipt_no_key", lang=lang)
        seq, digest = self.head()
        receipt = rc.make_receipt(self._receipt_key, seq, digest)
        if self.receipts_file is not None:
            rc.append_receipt(self.receipts_file, receipt)
        return receipt

    def verify(self, *, checkpoints: Sequence[str] | None = None, expected_head: str | None = None,
               lang: str | None = None) -> VerifyReport:
        """Check the hash chain over every event and re-derive every allocation list from its seed.

        Returns a report with ``ok`` and ``problems`` (each naming the event, participant or list
        position that was altered, removed or inserted). ``checkpoints``: receipts from
        :meth:`checkpoint` (or their short codes); each must match the event it names, and events
        deleted after the newest one are reported with the first missing event number. ``None``:
        the receipts stored in the project folder, where there are any. ``expected_head``: a hash
        noted earlier with :meth:`head`; it must still be in the chain.
        """
        if checkpoints is None:
            checkpoints = rc.stored_receipts(self.receipts_file)
        elif isinstance(checkpoints, str):
            checkpoints = [checkpoints]
        return verify_all(self._db, expected_head=expected_head, checkpoints=list(checkpoints),
                      receipt_key=self._receipt_key,
                      lang=resolve_lang(lang if lang is not None else self.lang))


def receipts_location(resolved: str, url: str | None, path: Any) -> Path | None:
    """Where the receipts of a registry are written.

    A project folder (``path``, or the current folder when neither ``url`` nor ``path`` is given):
    ``<project>/register/kvitton.txt``; a SQLite file by URL only: ``<file>.kvitton`` beside it; a
    PostgreSQL URL without ``path``: nowhere (``checkpoint()`` still returns receipts).
    """
    if path is not None or url is None:
        file = sqlite_file(resolve_url(None, path)) if url is None else None
        if file is not None:
            return file.parent / rc.RECEIPT_FILE
        base = Path(path)
        if base.suffix in {".sqlite", ".db", ".sqlite3"}:
            return base.parent / rc.RECEIPT_FILE
        return (base if base.name == DB_DIR else base / DB_DIR) / rc.RECEIPT_FILE
    file = sqlite_file(resolved)
    if file is None:
        return None
    return file.parent / rc.RECEIPT_FILE if file.parent.name == DB_DIR else file.with_suffix(".kvitton")


def _find_receipt_key(key: str | bytes | None, receipts_file: Path | None) -> bytes | None:
    """The receipt key from ``key``, or from the key file of the project the receipts belong to."""
    if key is not None:
        return rc.receipt_key(key)
    if receipts_file is None or receipts_file.parent.name != DB_DIR:
        return None
    key_file = receipts_file.parent.parent / ".hemligt" / "pseudonymnyckel"
    try:
        return rc.receipt_key(bytes.fromhex(key_file.read_text(encoding="ascii").strip()))
    except (OSError, ValueError):
        return None


def _safe_url(url: str) -> str:
    """The URL without its password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for display
        return url
