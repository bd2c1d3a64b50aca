"""A trial's configuration: checked once at creation, stored as JSON, never changed afterwards."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.core.errors import RegistryError
from workbench.core.options import AllocationScheme, check_option
from workbench.registry.sequence import ALGORITHMS, ALL, P_BEST


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _ratio(ratio: Any, n_arms: int, lang: str | None) -> list[int]:
    if ratio is None:
        return [1] * n_arms
    if isinstance(ratio, str):
        ratio = ratio.replace(",", ":").split(":")
    try:
        out = [int(r) for r in ratio]
    except (TypeError, ValueError):
        raise RegistryError("registry.bad_ratio", lang=lang, ratio=ratio, n_arms=n_arms) from None
    if len(out) != n_arms or any(r < 1 for r in out):
        raise RegistryError("registry.bad_ratio", lang=lang, ratio=ratio, n_arms=n_arms)
    return out


def _strata(strata: Any, lang: str | None) -> list[list[Any]]:
    """``[[factor, levels or None], …]`` from a mapping (fixed levels) or a list of names (open)."""
    if strata is None:
        return []
    items = strata.items() if isinstance(strata, Mapping) else [(f, None) for f in strata]
    out: list[list[Any]] = []
    for factor, levels in items:
        name = _text(factor)
        if name is None or "=" in name or "|" in name or name in [f for f, _ in out]:
            raise RegistryError("registry.bad_strata_spec", lang=lang, factor=factor)
        if levels is not None:
            if isinstance(levels, str):
                levels = [levels]
            clean = [_text(str(v)) for v in levels]
            if not clean or any(v is None for v in clean) or len(set(clean)) != len(clean):
                raise RegistryError("registry.bad_strata_spec", lang=lang, factor=factor)
            levels = clean
        out.append([name, levels])
    return out


def build_config(name: Any, *, arms: Sequence[str], scheme: str, block_sizes: Sequence[int],
                 strata: Any, ratio: Any, seed: int | None, inclusion_criteria: Sequence[str],
                 require_consent: bool, owner: str | None, cluster: str | None,
                 p_best: float, lang: str | None) -> dict[str, Any]:
    """Check every argument of ``create_trial`` and return the configuration to store."""
    trial_name = _text(name)
    if trial_name is None or len(trial_name) > 200:
        raise RegistryError("registry.bad_trial_name", lang=lang, name=name)
    check_option("scheme", scheme, AllocationScheme, lang=lang)
    arm_list = [_text(a) for a in arms] if not isinstance(arms, str) else [None]
    if len(arm_list) < 2 or any(a is None for a in arm_list) or len(set(arm_list)) != len(arm_list):
        raise RegistryError("registry.bad_arms", lang=lang, arms=list(arms) if not isinstance(arms, str) else arms)
    ratio_list = _ratio(ratio, len(arm_list), lang)
    unit = sum(ratio_list)
    sizes = [int(b) for b in block_sizes] if block_sizes else []
    if scheme in ("block", "stratified_block", "cluster") and (
            not sizes or any(b < unit or b % unit for b in sizes)):
        raise RegistryError("registry.bad_block_sizes", lang=lang, sizes=list(block_sizes or ()),
                            unit=unit, ratio=":".join(map(str, ratio_list)))
    factors = _strata(strata, lang)
    if scheme == "cluster":
        names = [f for f, _ in factors]
        if cluster is None and len(names) == 1:
            cluster = names[0]
        cluster = _text(cluster)
        if cluster is None:
            raise RegistryError("registry.cluster_missing", lang=lang)
        if cluster not in names:
            factors.append([cluster, None])
    else:
        cluster = None
    if scheme in ("stratified_block", "minimisation") and not factors:
        raise RegistryError("registry.strata_required", lang=lang, scheme=scheme)
    if seed is None:
        seed = secrets.randbits(62)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise RegistryError("registry.bad_seed", lang=lang, seed=seed)
    criteria = [_text(c) for c in inclusion_criteria or ()]
    if any(c is None for c in criteria) or len(set(criteria)) != len(criteria):
        raise RegistryError("registry.bad_criteria", lang=lang)
    if not 0.5 <= float(p_best) <= 1.0:
        raise RegistryError("registry.bad_p_best", lang=lang, value=p_best)
    algorithm, version = ALGORITHMS[scheme]
    from workbench.core.version import __version__
    return {
        "name": trial_name, "arms": arm_list, "ratio": ratio_list, "scheme": scheme,
        "block_sizes": sizes if scheme in ("block", "stratified_block", "cluster") else [],
        "strata": factors, "cluster": cluster, "seed": int(seed), "algorithm": algorithm,
        "algorithm_version": version, "package_version": __version__,
        "inclusion_criteria": criteria, "require_consent": bool(require_consent),
        "owner": _text(owner), "p_best": float(p_best) if scheme == "minimisation" else P_BEST,
    }


def check_strata(cfg: Mapping[str, Any], strata: Any, *, lang: str | None) -> dict[str, str]:
    """The participant's stratum levels, in the trial's factor order, or a clear error."""
    factors = cfg["strata"]
    given = dict(strata or {}) if isinstance(strata, Mapping) or strata is None else None
    if given is None:
        raise RegistryError("registry.bad_strata_value", lang=lang, factor="?", value=strata, allowed=[])
    unknown = [k for k in given if k not in [f for f, _ in factors]]
    if unknown:
        raise RegistryError("registry.unknown_factor", lang=lang, factor=unknown[0],
                            factors=[f for f, _ in factors] or ["-"])
    out: dict[str, str] = {}
    for factor, levels in factors:
        value = given.get(factor)
        text = _text(str(value)) if value is not None else None
        if text is None:
            raise RegistryError("registry.stratum_missing", lang=lang, factor=factor,
                                allowed=levels or ["…"])
        if levels is not None and text not in levels:
            raise RegistryError("registry.bad_strata_value", lang=lang, factor=factor, value=text,
                                allowed=levels)
        if levels is None and (len(text) > 100 or "|" in text or "=" in text):
            raise RegistryError("registry.bad_strata_value", lang=lang, factor=factor, value=text,
                                allowed=["…"])
        out[factor] = text
    return out


def list_key(cfg: Mapping[str, Any], strata: Mapping[str, str]) -> str:
    """Which allocation list a participant draws from: one per stratum for stratified blocks."""
    if cfg["scheme"] in ("block", "stratified_block") and cfg["strata"]:
        return "|".join(f"{f}={strata[f]}" for f, _ in cfg["strata"])
    return ALL


def declared_lists(cfg: Mapping[str, Any], limit: int = 200) -> list[str]:
    """The lists to generate at creation (every combination of declared levels, up to ``limit``)."""
    if cfg["scheme"] == "minimisation":
        return []
    if cfg["scheme"] not in ("block", "stratified_block") or not cfg["strata"]:
        return [ALL]
    combos: list[dict[str, str]] = [{}]
    for factor, levels in cfg["strata"]:
        if levels is None:
            return []
        combos = [{**c, factor: v} for c in combos for v in levels]
        if len(combos) > limit:
            return []
    return [list_key(cfg, c) for c in combos]
