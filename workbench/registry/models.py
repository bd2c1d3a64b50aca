"""Small frozen records the registry hands out: allocations, verification and adherence reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True)
class Allocation:
    """One participant's allocation.

    ``existing`` is True when the participant had already been randomized and this is the stored
    allocation (never a new draw); ``note`` then says so in the user's language. ``receipt`` is
    the short code of the signed receipt written after a new allocation (see ``Registry.checkpoint``).
    """

    participant_id: str
    arm: str
    sequence_no: int
    created_at: datetime
    by: str
    existing: bool = False
    trial: str = ""
    strata: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    #: short code of the signed receipt of the log after this allocation (None without a key)
    receipt: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"participant_id": self.participant_id, "arm": self.arm,
                "sequence_no": self.sequence_no, "created_at": self.created_at.isoformat(),
                "by": self.by, "existing": self.existing, "trial": self.trial,
                "strata": dict(self.strata), "note": self.note, "receipt": self.receipt}


@dataclass(frozen=True)
class VerifyReport:
    """Result of :meth:`Registry.verify`: ``ok`` and the problems found, each naming the event."""

    ok: bool
    problems: tuple[str, ...]
    n_events: int
    head_hash: str
    trials_checked: tuple[str, ...]
    findings: tuple[dict[str, Any], ...] = ()

    def text(self, lang: str | None = None) -> str:
        """A short plain-language summary."""
        from workbench.core.messages import msg

        if self.ok:
            return msg("registry.verify.ok_text", lang, n=self.n_events, head=self.head_hash[:16],
                       trials=len(self.trials_checked))
        lines = [msg("registry.verify.bad_text", lang, n=len(self.problems))]
        lines += [f"- {p}" for p in self.problems]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": list(self.problems), "n_events": self.n_events,
                "head_hash": self.head_hash, "trials_checked": list(self.trials_checked),
                "findings": [dict(f) for f in self.findings]}


@dataclass(frozen=True)
class AdherenceReport:
    """How many entrants went through randomization (before they started, when a date is given)."""

    share: float
    n_entrants: int
    n_randomized: int
    n_randomized_in_time: int
    not_randomized: tuple[str, ...]
    randomized_late: tuple[str, ...]
    reported_unrandomized: tuple[str, ...]

    def text(self, lang: str | None = None) -> str:
        from workbench.core.messages import msg, resolve_lang
        from workbench.core.results import format_number

        lang = resolve_lang(lang)
        return msg("registry.adherence_text", lang, share=format_number(100 * self.share, 1, lang),
                   n_in_time=self.n_randomized_in_time, n=self.n_entrants,
                   missing=len(self.not_randomized), late=len(self.randomized_late))

    def to_dict(self) -> dict[str, Any]:
        return {"share": self.share, "n_entrants": self.n_entrants,
                "n_randomized": self.n_randomized, "n_randomized_in_time": self.n_randomized_in_time,
                "not_randomized": list(self.not_randomized),
                "randomized_late": list(self.randomized_late),
                "reported_unrandomized": list(self.reported_unrandomized)}



class TrialView(Protocol):
    """What the exports and the adherence report read of a trial (``Trial`` satisfies it; those
    modules never import ``trial.py``, which imports them)."""

    name: str
    arms: tuple[str, ...]
    _id: int
    _cfg: dict[str, Any]
    _registry: Any

    def allocations(self, *args: Any, **kwargs: Any) -> Any: ...

    def event_log(self, *args: Any, **kwargs: Any) -> Any: ...


class RegistryView(Protocol):
    """What a trial reads of its registry (``Registry`` satisfies it; ``trial.py`` never imports ``api.py``)."""

    _db: Any
    key: Any
    lang: str | None

    def receipt_code(self, *args: Any, **kwargs: Any) -> str: ...

    def set_role(self, *args: Any, **kwargs: Any) -> Any: ...
