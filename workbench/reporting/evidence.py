"""The evidence card: a small JSON summary of one evaluation that municipalities can compare and pool.

Fields: intervention, municipality, owner, target group, design, rung reached, the headline
estimate with its interval and n (from the most credible result of the highest rung), period, and
the package version. No personal data: only what the step-1 record and saved results already say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

DESIGN_BY_KIND = {
    "matching_effect": "matched_comparison",
    "did": "difference_in_differences",
    "event_study": "event_study",
    "synthetic_control": "synthetic_control",
    "its": "interrupted_time_series",
    "rct": "randomized",
    "cace": "randomized_cace",
    "prepost": "before_after",
    "activity_followup": "activity_followup",
}


def headline(results: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The result to lead with: credible before not, higher rung before lower, with an estimate."""
    candidates = [r for r in results if isinstance(r.get("estimate"), Mapping)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (bool(r.get("credible")), r.get("rung") or 0))


def evidence_card(description: Mapping[str, Any], results: Sequence[Mapping[str, Any]], status: Any) -> dict[str, Any]:
    from workbench.core.version import __version__

    best = headline(results)
    estimate = dict(best["estimate"]) if best else None
    target = description.get("target_group") or {}
    return {
        "format": "workbench-evidence-card/1",
        "intervention": description.get("name"),
        "municipality": description.get("municipality"),
        "owner": description.get("owner"),
        "target_group": target.get("description") if isinstance(target, Mapping) else None,
        "target_group_size": target.get("size") if isinstance(target, Mapping) else None,
        "period": description.get("period"),
        "rung_reached": status.reached,
        "rung_aimed": status.aimed,
        "design": DESIGN_BY_KIND.get(best.get("kind"), best.get("kind")) if best else None,
        "credible": bool(best.get("credible")) if best else None,
        "estimate": None if estimate is None else {
            k: estimate.get(k) for k in ("estimate", "std_error", "ci_low", "ci_high", "p_value", "n",
                                         "estimand", "method", "se_type", "conf_level")
        },
        "outcome": (best.get("provenance") or {}).get("columns", {}).get("outcome") if best else None,
        "version": __version__,
    }
