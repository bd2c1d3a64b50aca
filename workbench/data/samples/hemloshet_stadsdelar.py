"""Sample 4, ``hemloshet_stadsdelar``: monthly district panel, one district starts a project.

Västerby starts a homelessness-prevention project in 2022-04 (``tid`` 40) covering its whole
target group. The model is in :mod:`workbench.data.samples._panel`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.data.samples import _panel as panel

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "hemloshet_stadsdelar"
SEED = 20220401
N = len(panel.DISTRICTS)
MIN_N = 3
COLUMNS = panel.COLUMNS
START_MONTH = "2022-04"


def _start_tid() -> int:
    return panel.month_labels().index(START_MONTH) + 1


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """14 districts × 72 months (or ``n`` areas × 72 months); the first area is treated."""
    from workbench.data.samples._spec import finish

    names = panel.unit_names(n)
    frame = panel.simulate(seed, names, {0: _start_tid()})
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
    """True parameters of ``hemloshet_stadsdelar``."""
    out = {"dataset": NAME, "seed": SEED, "n_districts": N, "n_months": panel.N_MONTHS}
    out.update(panel.truth_common())
    out["treated"] = {panel.DISTRICTS[0]: {"start_month": START_MONTH, "start_tid": _start_tid()}}
    out["note"] = "one treated district: unit-clustered standard errors are unreliable; use "\
                  "classical or placebo-based inference"
    return out


README = {
    "sv": "Försörjningsstöd till boende per stadsdel och månad (14 stadsdelar × 72 månader, "
          "2019–2024) med trend, säsong och en pandemitopp som är gemensamma för alla. Västerby "
          "startar ett förebyggande projekt i april 2022 som sänker utbetalningarna med 90 tkr "
          "per månad. Egenheter i filen: varje månad avslutas med en summarad 'Hela staden', "
          "Solberga–Ekdal är skrivet med tankstreck under 2021 och Granhöjden saknar två månader.",
    "en": "Social assistance for housing per district and month (14 districts × 72 months, "
          "2019–2024) with a trend, season and pandemic peak common to all. Västerby starts a "
          "prevention project in April 2022 that lowers payments by 90 kSEK a month. Oddities in "
          "the file: every month ends with a total row 'Hela staden' (whole city), Solberga–Ekdal "
          "is written with an en dash during 2021 and Granhöjden lacks two months.",
}
