"""The evidence card's JSON Schema (versioned, shipped in the package) and what a card may claim.

A card is the unit municipalities exchange and pool: ``evidence_card.schema.json`` (draft 2020-12)
fixes its fields. :func:`validate_card` checks a card against it and names the field that is
wrong. :func:`nesta_level` and :func:`eif_rating` say where one evaluation sits on Nesta's
Standards of Evidence and the Early Intervention Foundation's rating — the highest level a *single*
evaluation can support; the higher levels need independent replication, which no card can show
about itself.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from workbench.core.errors import EvidenceCardError
from workbench.core.text import Msg, Text

CARD_FORMAT = "workbench-evidence-card/2"
SCHEMA_VERSION = "2.0"


@lru_cache(maxsize=1)
def card_schema() -> dict[str, Any]:
    """The evidence-card JSON Schema as a dict."""
    text = resources.files("workbench.comparisons").joinpath("evidence_card.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_card(card: Any, *, name: Text | None = None, lang: str | None = None) -> dict[str, Any]:
    """Check ``card`` against the schema; return it, or raise :class:`EvidenceCardError` naming the field.

    ``name`` (a string or a message; default "evidence card" in the error's language) says which card.
    """
    import jsonschema

    if name is None:
        name = Msg("comparisons.card_default_name")

    if not isinstance(card, dict):
        raise EvidenceCardError("comparisons.card_not_object", lang=lang, name=name, got=type(card).__name__)
    validator = jsonschema.Draft202012Validator(card_schema())
    errors = sorted(validator.iter_errors(card), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        field = ".".join(str(p) for p in first.absolute_path) or Msg("comparisons.card_root")
        raise EvidenceCardError("comparisons.card_invalid", lang=lang, name=name, field=field,
                                problem=first.message[:200], format=CARD_FORMAT)
    return card


def nesta_level(rung: int | None, credible: bool | None) -> int | None:
    """Nesta level one evaluation supports: 1 a described logic, 2 measured change, 3 a credible comparison."""
    if rung is None or rung < 1:
        return None
    if rung >= 4 and credible:
        return 3
    return 2 if rung >= 2 else 1


def eif_rating(rung: int | None, credible: bool | None) -> str | None:
    """EIF rating one evaluation supports: '1' logic model, '2' preliminary (before/after), '3' one rigorous study."""
    if rung is None or rung < 1:
        return None
    if rung >= 4 and credible:
        return "3"
    return "2" if rung >= 2 else "1"
