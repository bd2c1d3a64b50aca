"""Re-running a trial's own allocation scheme, for randomization inference.

Under the sharp null hypothesis the outcomes stay as observed while the allocation is drawn again
*the way the trial drew it*: the same algorithm (permuted blocks of the same random sizes, per
stratum list; simple draws; a list over clusters), with a fresh seed, and each participant keeping
their place in their list. :func:`reassigner` returns the ``reassign(rng)`` function that
``wb.rct(..., randomization_inference=True, ri_scheme=...)`` accepts.

Minimisation depends on the order of arrival and on earlier arms; it is not re-run here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from workbench.core.errors import RegistryError
from workbench.registry.sequence import derive_list

SUPPORTED = ("simple", "block", "stratified_block", "cluster")


def _places(trial: Any, participant_ids: Sequence[str], lang: str | None) -> list[tuple[str, int]]:
    table = trial.allocations(lang=lang)
    if "list_key" not in table.columns:
        raise RegistryError("registry.ri_owner_only", lang=lang, trial=trial.name)
    where = {str(p): (str(k), int(n)) for p, k, n in zip(table["participant_id"], table["list_key"], table["sequence_no"])}
    missing = [str(p) for p in participant_ids if str(p) not in where]
    if missing:
        raise RegistryError("registry.ri_not_randomized", lang=lang, trial=trial.name, ids=missing[:5], n=len(missing))
    return [where[str(p)] for p in participant_ids]


def arms_for_seed(cfg: dict, places: Sequence[tuple[str, int]], seed: int) -> list[str]:
    """The arm each place would have got had the trial been created with ``seed``."""
    cfg = {**cfg, "seed": int(seed)}
    lengths: dict[str, int] = {}
    for key, position in places:
        lengths[key] = max(lengths.get(key, 0), position)
    arms = {key: {slot.position: slot.arm for slot in derive_list(cfg, key, length)}
            for key, length in lengths.items()}
    return [arms[key][position] for key, position in places]


def reassigner(trial: Any, participant_ids: Sequence[str], *, treated_arm: str,
               lang: str | None = None) -> Callable[[Any], list[float]]:
    """``reassign(rng)``: a fresh allocation of ``participant_ids`` (data-row order) by the trial's scheme.

    Returns 1.0 for ``treated_arm`` and 0.0 otherwise, one entry per id. Raises for minimisation
    trials, for ids that were never randomized, and for viewers who may not see the full list.
    """
    cfg = dict(trial._cfg)
    if cfg["scheme"] not in SUPPORTED:
        raise RegistryError("registry.ri_scheme_unsupported", lang=lang, scheme=cfg["scheme"])
    if treated_arm not in cfg["arms"]:
        raise RegistryError("registry.ri_unknown_arm", lang=lang, arm=treated_arm, arms=list(cfg["arms"]))
    places = _places(trial, participant_ids, lang)

    def reassign(rng: Any) -> list[float]:
        seed = int(rng.integers(0, 2**62))
        return [1.0 if arm == treated_arm else 0.0 for arm in arms_for_seed(cfg, places, seed)]

    return reassign
