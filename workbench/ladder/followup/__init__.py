"""Long-term follow-up of a randomized trial: the effect at each occasion, attrition, bounds.

Pure statistics on a wide table (one row per randomized participant, one column per occasion,
plus the arm), as ``reg.measurements(indicator, wide=True)`` gives it. No database here.
"""

from workbench.ladder.followup.api import attrition_by_occasion, longterm

__all__ = ["attrition_by_occasion", "longterm"]
