"""The public face of the registry: :class:`Registry` (``wb.Registry``)."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence

import sqlalchemy as sa

from workbench.core.errors import RegistryError
from workbench.core.messages import resolve_lang
from workbench.registry import schema as s
from workbench.registry.allocate import extend_list
from workbench.registry.audit import append_event, now_iso, verify
from workbench.registry.config import build_config, declared_lists
from workbench.registry.engine import Database, check_sqlite_file, resolve_url
from workbench.registry.ids import normalize_user
from workbench.registry.models import VerifyReport
from workbench.registry.people import PeopleMixin
from workbench.registry.trial import Trial


class Registry(PeopleMixin):
    """The registry of a project: randomization, participants and their activities.

    Participant and activity services (``register_participant``, ``set_stage``,
    ``record_dropout``, ``log_activity``, ``participants_table`` …) come from
    :class:`workbench.registry.people.PeopleMixin`.

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
        keyed pseudonyms with it, and refused without it.
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
        self._db = Database(self.url)
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
            if cfg["owner"]:
                conn.execute(sa.insert(s.roles).values(trial_id=trial_id, user=cfg["owner"], role="owner"))
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

    def head(self) -> tuple[int, str]:
        """Number and hash of the last event: note it down (an anchor) to detect a rewritten log."""
        with self._db.read() as conn:
            row = conn.execute(sa.select(s.events.c.seq, s.events.c.hash)
                               .order_by(s.events.c.seq.desc()).limit(1)).first()
        return (row[0], row[1]) if row else (0, "0" * 64)

    def verify(self, *, expected_head: str | None = None, lang: str | None = None) -> VerifyReport:
        """Check the hash chain over every event and re-derive every allocation list from its seed.

        Returns a report with ``ok`` and ``problems`` (each naming the event, participant or list
        position that was altered, removed or inserted). ``expected_head``: a hash noted earlier
        with :meth:`head`; it must still be in the chain.
        """
        return verify(self._db, expected_head=expected_head,
                      lang=resolve_lang(lang if lang is not None else self.lang))


def _safe_url(url: str) -> str:
    """The URL without its password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for display
        return url
