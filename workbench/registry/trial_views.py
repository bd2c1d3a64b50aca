"""What a trial shows: its allocations, arm totals, event log, CONSORT counts and CSV export.

Each view asks the registry's role rules who may see what (:mod:`workbench.registry.export`); this
mixin only gives :class:`workbench.registry.trial.Trial` its methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.registry import export

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


class TrialViews:
    """The read-only views of a trial (mixed into ``Trial``, which provides ``_lang``)."""

    def allocations(self, *, viewer: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """The allocations so far; a staff ``viewer`` sees only the participants they randomized."""
        return export.allocation_table(self, viewer=viewer, lang=self._lang(lang))

    def arm_totals(self, *, viewer: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """Allocations per stratum and arm; hidden from staff while recruitment runs."""
        return export.arm_totals(self, viewer=viewer, lang=self._lang(lang))

    def event_log(self, *, viewer: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """Every event of this trial (owner only)."""
        return export.event_log(self, viewer=viewer, lang=self._lang(lang))

    def consort(self, *, viewer: str | None = None, lang: str | None = None) -> pd.DataFrame:
        """CONSORT counts: assessed, excluded with reasons, randomized, per arm, withdrawn."""
        return export.consort_counts(self, viewer=viewer, lang=self._lang(lang))

    def export(self, folder: Any, *, viewer: str | None = None, lang: str | None = None) -> dict[str, Any]:
        """Write the allocation log, event log and CONSORT counts as CSV files (owner only)."""
        return export.write_export(self, folder, viewer=viewer, lang=self._lang(lang))
