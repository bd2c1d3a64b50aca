"""Sample 3, ``foraldrastod_rct``: randomized offer of parent support, one-sided non-compliance.

Modelled on Stockholm's parent-support trial: the study population is defined by a needs
assessment, then the *offer* is randomized; about 60 % of those offered take part, nobody in the
control group can. Inflow was lower than planned (about 240 randomized of 400 planned).
The model is in :mod:`workbench.data.samples._parenting`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.data.samples import _parenting as core
from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "foraldrastod_rct"
SEED = core.SEED
N = core.N
MIN_N = core.MIN_N

COLUMNS: tuple[Col, ...] = (
    Col("förälder_id", "id", "Pseudonym för föräldern (F + löpnummer i målgruppen; luckor = "
        "tackade nej till studien, se aktiviteter).", "Pseudonym of the parent (F + serial number "
        "in the target group; gaps = declined the study, see aktiviteter)."),
    Col("stadsdel", "cat", "Stadsdel (påhittade namn), likformigt fördelad.", "District (invented names), "
        "uniform."),
    Col("bedömningsdatum", "date", "Dag för behovsbedömningen, likformigt fördelad 2023-01-01 – 2024-12-31.",
        "Day of the needs assessment, uniform 2023-01-01 – 2024-12-31."),
    Col("barnets_ålder", "int", "Barnets ålder, likformigt fördelad 0–12.", "Age of the child, uniform 0–12.",
        "år", "years"),
    Col("ensamstående", "bin", "1 = ensamstående förälder (45 %); ingen effekt.",
        "1 = single parent (45 %); no effect."),
    Col("tolkbehov", "bin", "1 = behöver tolk (20 %); ingen effekt.", "1 = needs an interpreter "
        "(20 %); no effect."),
    Col("erbjuden", "bin", "1 = lottad till erbjudande om föräldrastöd (block om 4, 1:1).",
        "1 = randomized to the offer of parent support (blocks of 4, 1:1)."),
    Col("deltog", "bin", "1 = tog emot stödet (minst en träff). Bara erbjudna kan delta; andel "
        "0,5 före metodbytet 2024-01-01 och 0,7 efter (väntevärde 0,6).", "1 = took up the support "
        "(at least one session). Only those offered can; share 0.5 before the change of method on "
        "2024-01-01 and 0.7 after (expected 0.6)."),
    Col("antal_träffar", "int", "Antal träffar av 12 (0 för dem som inte deltog).",
        "Sessions attended out of 12 (0 for those who did not take part).", "antal", "count"),
    Col("stress_före", "int", "Föräldrastress (Parental Stress Scale, 18–90) vid bedömningen; "
        "Normal(58, 9), 3 poäng lägre för dem som skulle ta emot stödet.",
        "Parenting stress (Parental Stress Scale, 18–90) at assessment; Normal(58, 9), 3 points "
        "lower for those who would take up the support.", "poäng", "points"),
    Col("stress_efter", "int", "Föräldrastress efter sex månader; tom för 12 % (slumpmässigt "
        "bortfall). Sann effekt av att delta −6 (CACE), av erbjudandet −3,6 (ITT).",
        "Parenting stress after six months; empty for 12 % (missing completely at random). True "
        "effect of taking part −6 (CACE), of the offer −3.6 (ITT).", "poäng", "points"),
)


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """The randomized parents with offer, take-up and stress before/after."""
    from workbench.data.samples._spec import finish

    frame = core.simulate(seed, n)
    frame = frame[frame["i_studien"] == 1].reset_index(drop=True)
    return finish(frame, COLUMNS)


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: one row registered twice; 'ej besvarad' for missing scores."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    rng = np.random.default_rng(seed + 1)
    missing = (text["stress_efter"] == "") & (text["stadsdel"] == core.DISTRICTS[0])
    text.loc[missing, "stress_efter"] = "ej besvarad"
    dup = int(rng.integers(0, len(text)))
    text = pd.concat([text.iloc[: dup + 1], text.iloc[dup: dup + 1], text.iloc[dup + 1:]])
    return text.reset_index(drop=True)


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: drop exact duplicate rows; 'ej besvarad' becomes an empty cell."""
    text = text.drop_duplicates().reset_index(drop=True)
    text["stress_efter"] = text["stress_efter"].replace({"ej besvarad": ""})
    return text


def truth() -> dict[str, Any]:
    """True parameters of ``foraldrastod_rct``."""
    return {
        "dataset": NAME,
        "seed": SEED,
        "n": N,
        "design": "randomized offer 1:1 (permuted blocks of 4), one-sided non-compliance",
        "outcome": "stress_efter",
        "effects": {"itt": core.ITT, "cace": core.CACE},
        "takeup_expected": {"overall": core.TAKEUP, "before_" + core.METHOD_CHANGE: core.COMPLIER[0],
                            "from_" + core.METHOD_CHANGE: core.COMPLIER[1], "control": 0.0},
        "relation": "CACE = ITT / (take-up among offered − take-up among controls) = −3.6 / 0.6",
        "attrition": {"share": core.ATTRITION, "mechanism": "missing completely at random"},
        "natural_change_without_support": "about −0.75 points for compliers (0.55·55 + 24 − 55; "
                                          "compliers start about 3 points below the mean of 58): a "
                                          "before/after comparison of participants shows about "
                                          "−6.75, overstating the effect of taking part (−6) and "
                                          "far from the effect of the offer (ITT −3.6)",
        "per_protocol_bias": "never-takers have +2 points on the after-measure and compliers 3 "
                             "points lower stress before: comparing participants with everyone "
                             "else is biased",
        "right_design": "difference in means by erbjuden (ITT); Wald/IV ratio or 2SLS with "
                        "erbjuden as instrument for deltog (CACE)",
    }


README = {
    "sv": "Behovsbedömda föräldrar lottades till ett erbjudande om föräldrastöd. Ungefär 60 % av "
          "de erbjudna tog emot stödet (50 % före metodbytet, 70 % efter); ingen i kontrollgruppen "
          "kunde få det. Jämför grupperna efter lottningen (ITT) och skala med deltagandet "
          "(CACE). Egenheter i filen: en förälder är registrerad två gånger (dubblettrad) och i "
          "Hagalund står saknade eftermätningar som 'ej besvarad'.",
    "en": "Needs-assessed parents were randomized to an offer of parent support. About 60 % of "
          "those offered took it up (50 % before the change of method, 70 % after); nobody in the "
          "control group could get it. Compare the arms as randomized (ITT) and scale by take-up "
          "(CACE). Oddities in the file: one parent is registered twice (duplicate row) and in "
          "Hagalund missing after-measures are written 'ej besvarad' (not answered).",
}
