"""Sample 4b, ``hemloshet_stadsdelar_forskjuten``: the panel with a staggered start.

Four districts start the same prevention project in different months; ten never do. The effect is
the same constant −90 tkr per month in every district from its start (no dynamics, no
anticipation), so two-way fixed effects, an event study and cohort-wise comparisons with the
never-treated districts all recover it. The model is in :mod:`workbench.data.samples._panel`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.data.samples import _panel as panel

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "hemloshet_stadsdelar_forskjuten"
SEED = 20210301
N = len(panel.DISTRICTS)
MIN_N = 8
COLUMNS = panel.COLUMNS
STARTS = {"Västerby": "2021-03", "Tallbacken": "2021-10", "Hagalund": "2022-04",
          "Lindåsen": "2023-01"}


def _starts(names: list[str]) -> dict[int, int]:
    labels = panel.month_labels()
    if names == list(panel.DISTRICTS):
        return {names.index(d): labels.index(m) + 1 for d, m in STARTS.items()}
    # register scale: the same four start months, each for a tenth of the areas
    tids = [labels.index(m) + 1 for m in STARTS.values()]
    n = len(names)
    return {i: tids[i % 4] for i in range(0, max(4, (4 * n) // 10))}


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """14 districts × 72 months (or ``n`` areas; 40 % of them start at one of four months)."""
    from workbench.data.samples._spec import finish

    names = panel.unit_names(n)
    frame = panel.simulate(seed, names, _starts(names))
    if n is None:
        frame = panel.with_missing(frame)
    return finish(frame, COLUMNS)


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with a total row per month and an en dash in one district's name in 2021."""
    return panel.export(df)


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Drop the total rows and restore the hyphen."""
    return panel.repair(text)


def truth() -> dict[str, Any]:
    """True parameters of ``hemloshet_stadsdelar_forskjuten``."""
    labels = panel.month_labels()
    out = {"dataset": NAME, "seed": SEED, "n_districts": N, "n_months": panel.N_MONTHS}
    out.update(panel.truth_common())
    out["treated"] = {d: {"start_month": m, "start_tid": labels.index(m) + 1}
                      for d, m in STARTS.items()}
    out["never_treated"] = [d for d in panel.DISTRICTS if d not in STARTS]
    out["note"] = "homogeneous constant effect: two-way fixed effects is unbiased here; with "\
                  "effects that vary over time since start it would not be"
    return out


README = {
    "sv": "Samma panel som hemloshet_stadsdelar, men fyra stadsdelar startar projektet vid olika "
          "månader (Västerby 2021-03, Tallbacken 2021-10, Hagalund 2022-04, Lindåsen 2023-01) och "
          "tio startar aldrig. Effekten är densamma, −90 tkr per månad, från respektive start. "
          "Samma egenheter i filen som i hemloshet_stadsdelar.",
    "en": "The same panel as hemloshet_stadsdelar, but four districts start the project in "
          "different months (Västerby 2021-03, Tallbacken 2021-10, Hagalund 2022-04, Lindåsen "
          "2023-01) and ten never start. The effect is the same, −90 kSEK a month, from each "
          "start. The same oddities in the file as in hemloshet_stadsdelar.",
}
