"""Rung 2: activity follow-up — who in the target group got what, how much, and who dropped out.

The front door is :func:`activity_followup` (``api.py``); ``result.py`` holds the frozen result,
``charts.py`` and ``tables.py`` the pieces it presents.
"""

from workbench.ladder.activity.api import activity_followup

__all__ = ["activity_followup"]
