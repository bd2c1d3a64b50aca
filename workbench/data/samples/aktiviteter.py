"""Sample 6, ``aktiviteter``: step-2 activity data for the parent support (``foraldrastod_rct``).

One row per needs-assessed parent in the target group: in the study or not, offered, method,
started, first session, sessions attended, completed, drop-out date and reason. Same seed, same
families as ``foraldrastod_rct``; the model is in :mod:`workbench.data.samples._parenting`.
The method changed on 2024-01-01 (group sessions → group sessions with home visits), after which
take-up and attendance rose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.data.samples import _parenting as core
from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

NAME = "aktiviteter"
SEED = core.SEED
N = core.N
MIN_N = core.MIN_N
BIN_COLUMNS = ("i_studien", "erbjuden", "påbörjad", "fullföljd")

COLUMNS: tuple[Col, ...] = (
    Col("förälder_id", "id", "Pseudonym för föräldern; samma som i foraldrastod_rct.",
        "Pseudonym of the parent; the same as in foraldrastod_rct."),
    Col("stadsdel", "cat", "Stadsdel (påhittade namn).", "District (invented names)."),
    Col("bedömningsdatum", "date", "Dag för behovsbedömningen (alla i målgruppen).",
        "Day of the needs assessment (everyone in the target group)."),
    Col("i_studien", "bin", "1 = samtyckte till studien och lottades (80 %).",
        "1 = consented to the study and was randomized (80 %)."),
    Col("erbjuden", "bin", "1 = lottad till erbjudande om stödet.", "1 = randomized to the offer."),
    Col("metod", "cat", "Arbetssätt när erbjudandet gavs: Gruppträffar (före 2024-01-01) eller "
        "Gruppträffar och hembesök (från 2024-01-01); tom om inte erbjuden.",
        "Method when the offer was made: group sessions (before 2024-01-01) or group sessions with "
        "home visits (from 2024-01-01); empty if not offered."),
    Col("påbörjad", "bin", "1 = kom till minst en träff (50 % av erbjudna före metodbytet, 70 % "
        "efter).", "1 = came to at least one session (50 % of those offered before the change of "
        "method, 70 % after)."),
    Col("första_träff", "date", "Datum för första träffen, 7–28 dagar efter bedömningen.",
        "Date of the first session, 7–28 days after the assessment."),
    Col("antal_träffar", "int", "Träffar av 12: 1 + Binomial(11; 0,62) före, 1 + Binomial(11; "
        "0,72) efter metodbytet.", "Sessions out of 12: 1 + Binomial(11, 0.62) before, 1 + "
        "Binomial(11, 0.72) after the change of method.", "antal", "count"),
    Col("fullföljd", "bin", "1 = minst 8 av 12 träffar.", "1 = at least 8 of 12 sessions."),
    Col("avbrott_datum", "date", "Dag för avbrott: för påbörjade som inte fullföljde första träff + "
        "7·antal träffar; för erbjudna som aldrig kom 7–21 dagar efter bedömningen.",
        "Day of drop-out: for those who started but did not complete, first session + 7·sessions; "
        "for those offered who never came, 7–21 days after the assessment."),
    Col("avbrottsorsak", "cat", "Orsak: Tackade nej / Ingen kontakt (kom aldrig), eller "
        "Tidsbrist/arbete, Upplevde inget behov, Flyttat, Sjukdom, Missnöjd med upplägget.",
        "Reason: declined / no contact (never came), or lack of time/work, felt no need, moved, "
        "illness, unhappy with the format."),
)


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """The target group with every step of the activity flow."""
    from workbench.data.samples._spec import finish

    return finish(core.simulate(seed, n), COLUMNS)


_REASON_VARIANTS = {"flyttat.": "Flyttat", "FLYTTAT": "Flyttat", "sjukdom": "Sjukdom",
                    "tackade nej": "Tackade nej", "tidsbrist": "Tidsbrist/arbete"}


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: Ja/Nej, some drop-out dates as 05/03/2024, reason variants."""
    import numpy as np

    from workbench.data.samples._common import pick
    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    rng = np.random.default_rng(seed + 1)
    for c in BIN_COLUMNS:
        text[c] = text[c].replace({"1": "Ja", "0": "Nej"})
    dates = text["avbrott_datum"].to_numpy(dtype=object)
    filled = np.flatnonzero(dates != "")
    for r in filled[pick(rng, len(filled), 0.10)]:
        y, m, d = dates[r].split("-")
        dates[r] = f"{d}/{m}/{y}"
    text["avbrott_datum"] = dates.astype(str)
    reasons = text["avbrottsorsak"].to_numpy(dtype=object)
    back = {}
    for variant, canonical in _REASON_VARIANTS.items():
        back.setdefault(canonical, []).append(variant)
    candidates = np.flatnonzero(np.isin(reasons, list(back)))
    for r in candidates[pick(rng, len(candidates), 0.25)]:
        options = back[reasons[r]]
        reasons[r] = options[int(rng.integers(0, len(options)))]
    text["avbrottsorsak"] = reasons.astype(str)
    return text


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: Ja/Nej to 1/0, dd/mm/yyyy to ISO, reason spelling to the categories."""
    text = text.copy()
    for c in BIN_COLUMNS:
        text[c] = text[c].str.strip().str.lower().replace({"ja": "1", "nej": "0"})

    def iso(v: str) -> str:
        if "/" in v:
            d, m, y = v.split("/")
            return f"{y}-{int(m):02d}-{int(d):02d}"
        return v

    text["avbrott_datum"] = text["avbrott_datum"].map(iso).astype("str")
    text["avbrottsorsak"] = text["avbrottsorsak"].str.strip().replace(_REASON_VARIANTS)
    return text


def truth() -> dict[str, Any]:
    """True parameters of ``aktiviteter`` (expected shares of the flow)."""
    comp = [core.completion_probability(p) for p in core.SESSION_P]
    takeup = core.TAKEUP
    complete_given_start = (0.5 * core.COMPLIER[0] * comp[0] + 0.5 * core.COMPLIER[1] * comp[1]) / takeup
    return {
        "dataset": NAME,
        "seed": SEED,
        "n_target_group_expected": int(round(N / core.CONSENT)),
        "same_families_as": "foraldrastod_rct",
        "flow_expected_share_of_target_group": {
            "i_studien": core.CONSENT,
            "erbjuden": core.CONSENT / 2,
            "påbörjad": round(core.CONSENT / 2 * takeup, 4),
            "fullföljd": round(core.CONSENT / 2 * takeup * complete_given_start, 4),
        },
        "takeup_among_offered": {"before_" + core.METHOD_CHANGE: core.COMPLIER[0],
                                 "from_" + core.METHOD_CHANGE: core.COMPLIER[1], "overall": takeup},
        "completion_among_started": {"before_" + core.METHOD_CHANGE: round(comp[0], 4),
                                     "from_" + core.METHOD_CHANGE: round(comp[1], 4),
                                     "overall": round(complete_given_start, 4)},
        "mean_sessions_among_started": {
            "before_" + core.METHOD_CHANGE: round(core.mean_sessions(core.SESSION_P[0]), 2),
            "from_" + core.METHOD_CHANGE: round(core.mean_sessions(core.SESSION_P[1]), 2)},
        "method_change": core.METHOD_CHANGE,
        "dropout_reasons_started": dict(zip(core.DROPOUT_REASONS, (0.3, 0.2, 0.15, 0.15, 0.2))),
        "reasons_never_started": {"Tackade nej": 0.6, "Ingen kontakt": 0.4},
    }


README = {
    "sv": "Aktivitetsuppföljning (steg 2) för föräldrastödet: en rad per behovsbedömd förälder i "
          "målgruppen, med samtycke, lottning, erbjudande, påbörjad insats, antal träffar, "
          "fullföljd, avbrott och orsak. Metoden byttes 2024-01-01 och därefter ökade både "
          "deltagande och närvaro. Egenheter i filen: 0/1-kolumner står som Ja/Nej, några "
          "avbrottsdatum är skrivna 05/03/2024 och orsakerna är ibland stavade på olika sätt "
          "(flyttat., FLYTTAT, tidsbrist).",
    "en": "Activity follow-up (rung 2) for the parent support: one row per needs-assessed parent "
          "in the target group, with consent, randomization, offer, start, sessions attended, "
          "completion, drop-out and reason. The method changed on 2024-01-01, after which take-up "
          "and attendance rose. Oddities in the file: 0/1 columns are written Ja/Nej, some drop-out "
          "dates are written 05/03/2024, and reasons are sometimes spelled differently (flyttat., "
          "FLYTTAT, tidsbrist).",
}
