"""Economics room: municipal cost-benefit — who pays, who saves, and when.

``wb.economics.cost_benefit(...)`` takes costs (a ledger table such as the teaching data
``kostnader``, or :class:`CostItem` s), effects valued with an editable unit-cost table
(:class:`Outcome`), discounts them, and returns NPV per budget holder, the payback year,
P(pays back within N budget years) from a seeded Monte Carlo, a tornado of what matters most and,
with ``fund=``, a repayment plan (återföringsmodell). Importing this package is cheap: pandas and
numpy load only when a function below is first used.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "cost_benefit": "workbench.economics.analysis:cost_benefit",
    "CostBenefitResult": "workbench.economics.result:CostBenefitResult",
    "CostItem": "workbench.economics.costs:CostItem",
    "staff": "workbench.economics.costs:staff",
    "staff_cost": "workbench.economics.costs:staff_cost",
    "overhead": "workbench.economics.costs:overhead",
    "costs_table": "workbench.economics.costs:costs_table",
    "DEFAULT_SOCIAL_FEE_RATE": "workbench.economics.costs:DEFAULT_SOCIAL_FEE_RATE",
    "Outcome": "workbench.economics.valuation:Outcome",
    "unit_cost_table": "workbench.economics.unit_costs:unit_cost_table",
    "adjust_prices": "workbench.economics.unit_costs:adjust_prices",
    "price_index": "workbench.economics.unit_costs:price_index",
    "TableColumns": "workbench.economics.ledger:TableColumns",
    "npv": "workbench.economics.timeline:npv",
    "annuity_factor": "workbench.economics.timeline:annuity_factor",
    "annuity_payment": "workbench.economics.timeline:annuity_payment",
    "payback_year": "workbench.economics.timeline:payback_year",
    "effect_path": "workbench.economics.timeline:effect_path",
    "discount_factors": "workbench.economics.timeline:discount_factors",
    "SWEDISH_ASEK_RATE": "workbench.economics.timeline:SWEDISH_ASEK_RATE",
    "UK_GREEN_BOOK_RATE": "workbench.economics.timeline:UK_GREEN_BOOK_RATE",
    "repayment_plan": "workbench.economics.repayment:repayment_plan",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'workbench.economics' has no attribute {name!r}")
    module_name, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module_name), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
