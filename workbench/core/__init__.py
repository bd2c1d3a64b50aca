"""Core: errors, the message catalogue, typed options, validation helpers and the result protocol.

Nothing here imports pandas, numpy or altair at module level, so ``import workbench`` stays fast.
"""

from workbench.core.errors import WorkbenchError, WorkbenchWarning
from workbench.core.messages import get_language, msg, set_language
from workbench.core.results import Estimate, Provenance, Result

__all__ = [
    "Estimate",
    "Provenance",
    "Result",
    "WorkbenchError",
    "WorkbenchWarning",
    "get_language",
    "msg",
    "set_language",
]
