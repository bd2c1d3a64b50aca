"""The design advisor: which rung's design is feasible, and how long until it can detect what."""

from workbench.design.advisor.api import advise

__all__ = ["advise"]
