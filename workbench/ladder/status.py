"""The evaluation ladder as data: which rung a project has reached and what it needs to climb.

A rung is *done* when every requirement registered for it finds nothing missing; the rung
*reached* is the highest rung whose own requirements and all requirements below it are met
("each rung needs everything below it").

Requirements are plain functions registered with :func:`requirement`; each takes a
:class:`LadderContext` and returns the list of things still missing (already in the context's
language; empty list = met). The modules that register requirements are listed in
:data:`CHECK_MODULES` and imported by :func:`evaluate`: a new set of checks is one module plus one
line there. The context carries only plain data (the step-1 record as a mapping and the saved results
as their ``to_dict()`` payloads), so this module stays pure: no files, no database.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.core.messages import msg, resolve_lang

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt
    import pandas as pd

RUNGS: tuple[int, ...] = (1, 2, 3, 4, 5)

Check = Callable[["LadderContext"], list[str]]
_REQUIREMENTS: dict[int, list[tuple[str, Check]]] = {step: [] for step in RUNGS}
_loaded = False


@dataclass(frozen=True)
class LadderContext:
    """What the checks may look at.

    Attributes
    ----------
    description
        The step-1 record as a plain mapping (``Project.description``).
    results
        Saved analysis results, each the ``to_dict()`` payload of a result (has ``kind``, ``rung``,
        ``warnings`` and the result's own fields).
    extras
        Other facts a project can supply (e.g. ``{"adherence": 0.93}`` from the registry).
    lang
        Language of the returned texts.
    """

    description: Mapping[str, Any] = field(default_factory=dict)
    results: Sequence[Mapping[str, Any]] = ()
    extras: Mapping[str, Any] = field(default_factory=dict)
    lang: str = "sv"

    def results_of(self, *kinds: str) -> list[Mapping[str, Any]]:
        """Saved results whose ``kind`` is one of ``kinds``."""
        return [r for r in self.results if r.get("kind") in kinds]

    def t(self, key: str, **params: Any) -> str:
        """A catalogue message in the context's language."""
        return msg(key, self.lang, **params)


def requirement(step: int, name: str) -> Callable[[Check], Check]:
    """Register ``func`` as a requirement of rung ``step`` (``name`` must be unique per rung)."""

    def register(func: Check) -> Check:
        entries = _REQUIREMENTS[step]
        entries[:] = [(n, f) for n, f in entries if n != name]  # re-import replaces, never doubles
        entries.append((name, func))
        return func

    return register


#: modules whose ``@requirement`` functions make up the ladder (rung 1 lives in ``project/rung1.py``,
#: which registers itself, because the step-1 record belongs to the project room)
CHECK_MODULES: tuple[str, ...] = ("workbench.ladder.checks",)


def _load_checks() -> None:
    global _loaded
    if _loaded:
        return
    for name in CHECK_MODULES:
        importlib.import_module(name)
    _loaded = True


def requirements() -> dict[int, list[str]]:
    """Names of the registered requirements per rung (for documentation and tests)."""
    _load_checks()
    return {step: [n for n, _ in entries] for step, entries in _REQUIREMENTS.items()}


@dataclass(frozen=True)
class StepStatus:
    """One rung: whether its requirements are met and what is missing."""

    step: int
    name: str
    done: bool
    missing: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step, "name": self.name, "done": self.done, "missing": list(self.missing)}


@dataclass(frozen=True)
class LadderStatus:
    """The ladder for one project: ``reached`` (0–5), ``steps`` and ``next_actions``."""

    reached: int
    steps: tuple[StepStatus, ...]
    next_actions: list[str]
    aimed: int | None = None
    lang: str = "sv"

    def step(self, number: int) -> StepStatus:
        return self.steps[number - 1]

    def summary(self) -> "pd.DataFrame":
        import pandas as pd

        return pd.DataFrame(
            {
                "step": [s.step for s in self.steps],
                "name": [s.name for s in self.steps],
                "done": [s.done for s in self.steps],
                "n_missing": [len(s.missing) for s in self.steps],
                "missing": ["; ".join(s.missing) for s in self.steps],
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "ladder_status",
            "reached": self.reached,
            "aimed": self.aimed,
            "steps": [s.to_dict() for s in self.steps],
            "next_actions": list(self.next_actions),
        }

    def explain(self, lang: str | None = None) -> str:
        lang = resolve_lang(lang or self.lang)
        claim = msg(f"ladder.claim.{self.reached}", lang)
        text = msg("ladder.status.reached", lang, reached=self.reached, claim=claim)
        if self.aimed and self.aimed > self.reached:
            text += " " + msg("ladder.status.aimed", lang, aimed=self.aimed)
        return text

    def chart(self) -> "alt.Chart":
        import altair as alt

        df = self.summary()
        df["status"] = [
            ("klart" if self.lang == "sv" else "done") if d else ("saknas" if self.lang == "sv" else "missing")
            for d in df["done"]
        ]
        df["label"] = [f"{s}. {n}" for s, n in zip(df["step"], df["name"])]
        return (
            alt.Chart(df)
            .mark_bar()
            .encode(
                x=alt.X("step:O", title="Steg" if self.lang == "sv" else "Rung"),
                y=alt.Y("step:Q", title=None, axis=None),
                color=alt.Color("status:N", title=None),
                tooltip=["label", "missing"],
            )
            .properties(width=300, height=150)
        )

    def _repr_html_(self) -> str:
        import html

        rows = []
        for s in self.steps:
            mark = "✔" if s.done else "✘"
            miss = "".join(f"<li>{html.escape(m)}</li>" for m in s.missing)
            rows.append(f"<tr><td>{mark}</td><td>{s.step}. {html.escape(s.name)}</td><td><ul>{miss}</ul></td></tr>")
        return f"<p>{html.escape(self.explain())}</p><table>{''.join(rows)}</table>"


def evaluate(
    description: Mapping[str, Any] | None = None,
    results: Sequence[Mapping[str, Any]] = (),
    *,
    extras: Mapping[str, Any] | None = None,
    lang: str | None = None,
) -> LadderStatus:
    """Check every rung's requirements and say which rung is reached and what to do next.

    Parameters
    ----------
    description
        The step-1 record as a mapping (see :class:`workbench.project.record.Description`).
    results
        ``to_dict()`` payloads of saved results.
    extras
        Further facts (e.g. registry adherence).
    lang
        ``"sv"`` (default) or ``"en"``.
    """
    _load_checks()
    lang = resolve_lang(lang)
    ctx = LadderContext(description=dict(description or {}), results=tuple(results), extras=dict(extras or {}), lang=lang)
    steps = []
    for step in RUNGS:
        missing: list[str] = []
        for _, check in _REQUIREMENTS[step]:
            missing.extend(check(ctx))
        if not _REQUIREMENTS[step]:
            missing.append(msg("ladder.status.no_checks", lang))
        steps.append(StepStatus(step=step, name=msg(f"ladder.name.{step}", lang), done=not missing, missing=missing))
    reached = 0
    for s in steps:
        if not s.done:
            break
        reached = s.step
    aimed = _aimed_rung(ctx.description)
    actions: list[str] = []
    if reached < 5:
        nxt = steps[reached]
        target = aimed if aimed else 5
        if nxt.step <= target:
            actions.append(msg("ladder.status.next_step", lang, step=nxt.step, name=nxt.name))
            actions.extend(nxt.missing[:5])
    if reached >= (aimed or 6):
        actions.append(msg("ladder.status.aim_reached", lang, aimed=aimed))
    return LadderStatus(reached=reached, steps=tuple(steps), next_actions=actions, aimed=aimed, lang=lang)


def _aimed_rung(description: Mapping[str, Any]) -> int | None:
    plan = description.get("evaluation_plan") or {}
    value = plan.get("rung_aimed") if isinstance(plan, Mapping) else None
    try:
        rung = int(value)
    except (TypeError, ValueError):
        return None
    return rung if rung in RUNGS else None
