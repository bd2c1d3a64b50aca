"""Design room: planning before data — power, sample size and the design advisor.

``wb.design.advise(...)`` answers "with N new families a month, how long until we can detect
what?" for every rung's design; ``wb.power`` (:mod:`workbench.design.power.api`) holds the power and
sample-size front doors. Importing this package is cheap: ``advise`` loads on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {"advise": "workbench.design.advisor:advise", "DesignAdvice": "workbench.design.advisor.result:DesignAdvice"}

__all__ = ["advise", "DesignAdvice"]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'workbench.design' has no attribute {name!r}")
    module_name, _, attr = target.partition(":")
    value = getattr(importlib.import_module(module_name), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
