"""The evaluation workbench: evaluate municipal social-services interventions rung by rung.

``import workbench as wb`` is cheap: the public names below are loaded on first use, so pandas,
statsmodels and altair are imported only when an analysis needs them.

Public names are promised in ``shared/API.md``; the table ``_LAZY`` says where each one lives.
"""

from __future__ import annotations

import importlib
from typing import Any

from workbench.core.errors import WorkbenchError, WorkbenchWarning
from workbench.core.messages import get_language, set_language
from workbench.core.results import Estimate
from workbench.core.version import __version__

# public name -> "module:attribute" (attribute empty: the module itself)
_LAZY: dict[str, str] = {
    # data in, privacy
    "read_table": "workbench.data.read:read_table",
    "privacy": "workbench.data.privacy:",
    "load_sample": "workbench.data.samples:load_sample",
    "list_samples": "workbench.data.samples:list_samples",
    "samples": "workbench.data.samples:",
    # step 1 and the ladder
    "Project": "workbench.project.folder:Project",
    "check_smart": "workbench.project.smart:check_smart",
    "SmartFinding": "workbench.project.smart:SmartFinding",
    "LadderStatus": "workbench.ladder.status:LadderStatus",
    "ladder_status": "workbench.project.rung1:ladder_status",
    # rungs 2-5
    "activity_followup": "workbench.ladder.activity:activity_followup",
    "prepost": "workbench.ladder.prepost:prepost",
    "match": "workbench.ladder.matching:match",
    "did": "workbench.ladder.area:did",
    "synthetic_control": "workbench.ladder.area:synthetic_control",
    "interrupted_time_series": "workbench.ladder.area:interrupted_time_series",
    "rct": "workbench.ladder.randomized:rct",
    "cace": "workbench.ladder.randomized:cace",
    "meta_analysis": "workbench.ladder.randomized:meta_analysis",
    "longterm": "workbench.ladder.followup:longterm",
    # design, registry, economics, reporting
    "power": "workbench.design.power:",
    "design": "workbench.design:",
    "Registry": "workbench.registry.api:Registry",
    "economics": "workbench.economics:",
    "report": "workbench.reporting.report:build_report",
    # open statistics, comparisons across municipalities, pooled evidence
    "opendata": "workbench.opendata:",
    "pool": "workbench.comparisons.pooling:pool",
    "municipality_comparison": "workbench.comparisons.municipalities:municipality_comparison",
    "comparison_pools": "workbench.comparisons.municipalities:comparison_pools",
    "area_comparison": "workbench.comparisons.areas:area_comparison",
    "kolada_sample_cache": "workbench.comparisons.sample_cache:kolada_sample_cache",
    "validate_evidence_card": "workbench.comparisons.evidence_schema:validate_card",
    "evidence_card": "workbench.comparisons.cards:card_from_result",
}

__all__ = [
    "Estimate",
    "WorkbenchError",
    "WorkbenchWarning",
    "__version__",
    "get_language",
    "set_language",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'workbench' has no attribute {name!r}")
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    value = getattr(module, attr) if attr else module
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
