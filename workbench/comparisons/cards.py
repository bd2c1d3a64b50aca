"""Building evidence cards (schema ``evidence_card.schema.json``) from results.

``workbench report`` writes a project's card from its step-1 record and saved results
(:mod:`workbench.reporting.evidence`); :func:`card_from_result` makes one directly from a result in a
notebook, for pooling with ``wb.pool`` when the municipalities exchange cards rather than projects.
Both go through :func:`effect_block` and :func:`validate_card`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from workbench.comparisons.evidence_schema import CARD_FORMAT, SCHEMA_VERSION, eif_rating, nesta_level, validate_card

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
    "municipality_comparison": "synthetic_control",
}
INDICATOR_FIELDS = ("name", "definition", "source", "unit", "kolada_kpi")


def effect_block(estimate: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The card's ``estimate``: the headline numbers plus ``variance`` (SE²); None without a usable SE."""
    if not estimate:
        return None
    se = estimate.get("std_error")
    if not (isinstance(se, (int, float)) and math.isfinite(se) and se > 0):
        return None
    out = {k: estimate.get(k) for k in ("estimate", "std_error", "ci_low", "ci_high", "p_value", "n",
                                        "estimand", "method", "se_type", "conf_level")}
    for k in ("ci_low", "ci_high", "p_value"):
        if isinstance(out[k], float) and not math.isfinite(out[k]):
            out[k] = None
    out["variance"] = float(se) ** 2
    if out.get("conf_level") is None:
        out["conf_level"] = 0.95
    return out


def indicator_block(indicator: Mapping[str, Any] | None, fallback_name: str | None = None) -> dict[str, Any]:
    ind = dict(indicator or {})
    out = {k: ind.get(k) for k in INDICATOR_FIELDS}
    out["name"] = out["name"] or fallback_name
    if not (isinstance(out["kolada_kpi"], str) and re.fullmatch(r"[A-Z]\d{5}", out["kolada_kpi"])):
        out["kolada_kpi"] = None
    return out


def card_from_result(result: Any, *, intervention: str, municipality: str, indicator: Mapping[str, Any],
                     municipality_id: str | None = None, target_group: str | None = None,
                     target_group_size: int | None = None, follow_up_months: float | None = None,
                     cost_per_participant: float | None = None, price_year: int | None = None,
                     period: Mapping[str, Any] | None = None, rung_reached: int | None = None) -> dict[str, Any]:
    """An evidence card for one result, validated against the schema.

    Parameters
    ----------
    result
        A workbench result (``wb.rct``, ``wb.did`` …) or its ``to_dict()`` payload.
    intervention, municipality
        What was evaluated, and where.
    indicator
        ``name, definition, source, unit`` (and ``kolada_kpi``): how the indicator is built. Cards
        pool only when these agree.
    rung_reached
        Default: the result's rung.
    cost_per_participant
        In SEK (``price_year`` the price level).

    Returns
    -------
    dict
        A card following ``workbench-evidence-card/2``.
    """
    from workbench.core.version import __version__

    payload = result.to_dict() if hasattr(result, "to_dict") else dict(result)
    est = payload.get("estimate")
    effect = effect_block(est if isinstance(est, Mapping) else None)
    rung = int(rung_reached if rung_reached is not None else (payload.get("rung") or 0))
    credible = payload.get("credible")
    credible = bool(credible) if credible is not None else None
    outcome = ((payload.get("provenance") or {}).get("columns") or {}).get("outcome")
    card = {
        "format": CARD_FORMAT, "schema_version": SCHEMA_VERSION,
        "intervention": intervention, "municipality": municipality,
        "municipality_id": municipality_id if isinstance(municipality_id, str) and re.fullmatch(r"\d{4}", municipality_id) else None,
        "owner": None, "target_group": target_group, "target_group_size": target_group_size, "period": period,
        "indicator": indicator_block(indicator, outcome),
        "rung_reached": rung, "rung_aimed": None,
        "design": DESIGN_BY_KIND.get(payload.get("kind"), payload.get("kind")),
        "credible": credible, "estimate": effect,
        "n": int(effect["n"]) if effect and isinstance(effect.get("n"), (int, float)) else None,
        "follow_up_months": follow_up_months,
        "cost_per_participant": None if cost_per_participant is None else
        {"amount": float(cost_per_participant), "currency": "SEK", "price_year": price_year},
        "nesta_level": nesta_level(rung, credible), "eif_rating": eif_rating(rung, credible),
        "outcome": outcome, "version": __version__,
    }
    return validate_card(card, name=f"{municipality}: {intervention}")
