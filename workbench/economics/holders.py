"""Budget holders (budgetansvariga) and their level: kommun, region, stat or individ.

A budget holder is whoever bears a cost or receives a saving: a nämnd or förvaltning of the
municipality, the region, the state (Försäkringskassan, Arbetsförmedlingen …) or the individual.
The *perspective* of a calculation is the set of holders whose flows are counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from workbench.core.errors import EconomicsError
from workbench.economics.checks import shown

Level = Literal["kommun", "region", "stat", "individ"]
LEVELS: tuple[str, ...] = ("kommun", "region", "stat", "individ")
Perspective = Literal["kommun", "offentlig", "samhälle"]
PERSPECTIVE_LEVELS: dict[str, tuple[str, ...]] = {
    "kommun": ("kommun",),
    "offentlig": ("kommun", "region", "stat"),
    "samhälle": ("kommun", "region", "stat", "individ"),
}

_STATE_WORDS = ("staten", "statlig", "försäkringskassan", "arbetsförmedlingen", "migrationsverket",
                "kriminalvården", "csn", "skatteverket", "state")
_REGION_WORDS = ("region", "landsting")
_INDIVIDUAL_WORDS = ("individ", "enskild", "hushåll", "den enskilde", "individual", "household")


def guess_level(name: str) -> str:
    """A level from a holder's name: region/landsting anywhere, known state agencies, the individual, else kommun."""
    low = name.strip().lower()
    if any(w in low for w in _REGION_WORDS):
        return "region"
    if any(low.startswith(w) for w in _STATE_WORDS):
        return "stat"
    if any(low.startswith(w) for w in _INDIVIDUAL_WORDS):
        return "individ"
    return "kommun"


def resolve_holders(
    used: Iterable[str], declared: Mapping[str, str] | None, *, lang: str | None = None
) -> tuple[dict[str, str], bool]:
    """Map every holder in ``used`` to its level.

    With ``declared`` (name → level) every used holder must be declared (else
    ``economics.unknown_holder``); without it levels are guessed from the names.
    Returns the mapping and whether levels were guessed.
    """
    used = list(dict.fromkeys(used))
    if declared is not None:
        if not isinstance(declared, Mapping):
            raise EconomicsError("economics.bad_item", lang=lang, name="holders",
                                 expected="dict {budgetansvarig: nivå}", got=shown(declared))
        for name, level in declared.items():
            if level not in LEVELS:
                raise EconomicsError("economics.unknown_level", lang=lang, level=level, holder=name,
                                     allowed=LEVELS)
        for name in used:
            if name not in declared:
                raise EconomicsError("economics.unknown_holder", lang=lang, holder=name,
                                     known=sorted(declared))
        return {name: declared[name] for name in used}, False
    return {name: guess_level(name) for name in used}, True


def resolve_perspective(
    perspective: Any, levels: Mapping[str, str], *, lang: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """(label, holders counted) for a perspective name or an explicit list of holder names."""
    if isinstance(perspective, str):
        if perspective not in PERSPECTIVE_LEVELS:
            raise EconomicsError("economics.bad_perspective", lang=lang, value=perspective)
        wanted = PERSPECTIVE_LEVELS[perspective]
        return perspective, tuple(h for h, lv in levels.items() if lv in wanted)
    if isinstance(perspective, Iterable) and not isinstance(perspective, Mapping):
        names = tuple(perspective)
        if not names:
            raise EconomicsError("economics.empty", lang=lang, name="perspective", value=repr(perspective))
        for name in names:
            if name not in levels:
                raise EconomicsError("economics.unknown_holder", lang=lang, holder=name, known=sorted(levels))
        return "egen", names
    raise EconomicsError("economics.bad_perspective", lang=lang, value=perspective)
