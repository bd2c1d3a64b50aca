"""The evidence card: a small JSON summary of one evaluation that municipalities can compare and pool.

Fields (schema ``workbench/comparisons/evidence_card.schema.json``, format
``workbench-evidence-card/2``): intervention, municipality, owner, target group, the indicator's
definition (how it is built, source, unit), design and rung reached, the headline estimate with its
interval and variance (from the most credible result of the highest rung), n, follow-up length,
cost per participant, the Nesta level and EIF rating one evaluation can support, period, and the
package version. No personal data: only what the step-1 record and saved results already say.
Every card written is validated against the schema.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from workbench.comparisons.cards import DESIGN_BY_KIND, effect_block, indicator_block  # noqa: E402


def headline(results: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The result to lead with: credible before not, higher rung before lower, with an estimate."""
    candidates = [r for r in results if isinstance(r.get("estimate"), Mapping)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (bool(r.get("credible")), r.get("rung") or 0))


def _indicator(description: Mapping[str, Any], outcome: str | None) -> dict[str, Any]:
    items = [i for i in (description.get("indicators") or []) if isinstance(i, Mapping)]
    chosen = next((i for i in items if outcome and str(i.get("name", "")).strip().lower() == outcome.lower()),
                  items[0] if items else {})
    return indicator_block({"name": chosen.get("name"), "definition": chosen.get("definition"),
                            "source": chosen.get("data_source"), "unit": chosen.get("unit"),
                            "kolada_kpi": chosen.get("kolada_kpi")}, outcome)


def _months(period: Any) -> float | None:
    if not isinstance(period, Mapping):
        return None
    try:
        start = dt.date.fromisoformat(str(period.get("start"))[:10])
        end = dt.date.fromisoformat(str(period.get("end"))[:10])
    except ValueError:
        return None
    months = (end.year - start.year) * 12 + (end.month - start.month) + (end.day - start.day) / 30.4375
    return round(months, 1) if months >= 0 else None


def _cost_per_participant(description: Mapping[str, Any]) -> dict[str, Any] | None:
    budget = description.get("budget") or {}
    target = description.get("target_group") or {}
    total = budget.get("total") if isinstance(budget, Mapping) else None
    size = target.get("size") if isinstance(target, Mapping) else None
    if isinstance(total, (int, float)) and isinstance(size, (int, float)) and total >= 0 and size > 0:
        return {"amount": round(float(total) / float(size), 2), "currency": "SEK", "price_year": None}
    return None


def evidence_card(description: Mapping[str, Any], results: Sequence[Mapping[str, Any]], status: Any) -> dict[str, Any]:
    from workbench.comparisons.evidence_schema import (
        CARD_FORMAT, SCHEMA_VERSION, eif_rating, nesta_level, validate_card,
    )
    from workbench.core.version import __version__

    best = headline(results)
    estimate = dict(best["estimate"]) if best else None
    target = description.get("target_group") or {}
    outcome = (best.get("provenance") or {}).get("columns", {}).get("outcome") if best else None
    effect = effect_block(estimate)
    credible = bool(best.get("credible")) if best else None
    size = target.get("size") if isinstance(target, Mapping) else None
    muni_id = description.get("municipality_id")
    card = {
        "format": CARD_FORMAT,
        "schema_version": SCHEMA_VERSION,
        "intervention": description.get("name"),
        "municipality": description.get("municipality"),
        "owner": description.get("owner"),
        "target_group": target.get("description") if isinstance(target, Mapping) else None,
        "target_group_size": int(size) if isinstance(size, (int, float)) and size >= 0 else None,
        "municipality_id": muni_id if isinstance(muni_id, str) and re.fullmatch(r"\d{4}", muni_id) else None,
        "period": description.get("period") if isinstance(description.get("period"), Mapping) else None,
        "indicator": _indicator(description, outcome),
        "rung_reached": int(status.reached),
        "rung_aimed": status.aimed,
        "design": DESIGN_BY_KIND.get(best.get("kind"), best.get("kind")) if best else None,
        "credible": credible,
        "estimate": effect,
        "n": int(effect["n"]) if effect and isinstance(effect.get("n"), (int, float)) else None,
        "follow_up_months": _months(description.get("period")),
        "cost_per_participant": _cost_per_participant(description),
        "nesta_level": nesta_level(status.reached, credible),
        "eif_rating": eif_rating(status.reached, credible),
        "outcome": outcome,
        "version": __version__,
    }
    return validate_card(card, name="evidensbevis.json")
