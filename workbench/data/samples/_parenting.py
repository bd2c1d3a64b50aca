"""The one simulation behind ``foraldrastod_rct`` (outcomes) and ``aktiviteter`` (activity data).

Both datasets describe the same families: generated from the same seed they share ids, dates,
offers and take-up, so the step-2 activity follow-up and the step-5 analysis fit together.

Notes
-----
Target group: needs-assessed parents, assessment dates uniform over 2023-01-01 – 2024-12-31. 80 %
consent to the study; they are randomized 1:1 (permuted blocks of 4 in date order) to an *offer*.
Each parent is a complier with probability 0.5 before the change of method on 2024-01-01 and 0.7
after (expected 0.6 over the period); only offered compliers take part (one-sided non-compliance).
Sessions: 1 + Binomial(11, 0.62) before, 1 + Binomial(11, 0.72) after; completed = at least 8 of 12.

Parenting stress (PSS, 18–90): before = Normal(58, 9) − 3·complier; after = 0.55·before + 24
− 6·took_part + 2·never_taker + Normal(0, 7); both rounded and kept within 18–90. The effect of
taking part (CACE) is −6 points; the ITT is −6 × 0.6 = −3.6. After-measures are missing for 12 %
completely at random.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

SEED = 20230101
N = 240
MIN_N = 20
CONSENT = 0.80
START = "2023-01-01"
PERIOD_DAYS = 731
METHOD_CHANGE = "2024-01-01"
COMPLIER = (0.5, 0.7)
SESSION_P = (0.62, 0.72)
CACE = -6.0
TAKEUP = 0.6
ITT = CACE * TAKEUP
ATTRITION = 0.12
DISTRICTS = ("Hagalund", "Ekängen", "Solvik", "Mälarstrand")
METHODS = ("Gruppträffar", "Gruppträffar och hembesök")
DECLINE_REASONS = ("Tackade nej", "Ingen kontakt")
DROPOUT_REASONS = ("Tidsbrist/arbete", "Upplevde inget behov", "Flyttat", "Sjukdom",
                   "Missnöjd med upplägget")


def simulate(seed: int, n: int | None) -> "pd.DataFrame":
    """Every needs-assessed parent (the target group), typed but not yet cast to a dataset."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._common import ids

    n_study = N if n is None else n
    n_target = int(round(n_study / CONSENT))
    rng = np.random.default_rng(seed)
    day = np.sort(rng.integers(0, PERIOD_DAYS, n_target))
    date = np.datetime64(START, "D") + day
    after_change = date >= np.datetime64(METHOD_CHANGE, "D")
    district = np.array(DISTRICTS)[rng.integers(0, len(DISTRICTS), n_target)]
    child_age = rng.integers(0, 13, n_target)
    single = rng.random(n_target) < 0.45
    interpreter = rng.random(n_target) < 0.20
    consent = rng.random(n_target) < CONSENT
    offered = np.zeros(n_target, dtype=bool)
    rows = np.flatnonzero(consent)
    blocks = -(-len(rows) // 4)
    seq = np.concatenate([rng.permutation([1, 1, 0, 0]) for _ in range(blocks)])[: len(rows)]
    offered[rows] = seq == 1
    complier = rng.random(n_target) < np.where(after_change, COMPLIER[1], COMPLIER[0])
    took = offered & complier
    sessions = 1 + rng.binomial(11, np.where(after_change, SESSION_P[1], SESSION_P[0]))
    sessions = np.where(took, sessions, 0)
    completed = took & (sessions >= 8)
    first = date + rng.integers(7, 29, n_target)
    stop_started = first + 7 * sessions
    stop_declined = date + rng.integers(7, 22, n_target)
    reason_declined = np.array(DECLINE_REASONS)[(rng.random(n_target) < 0.4).astype(int)]
    reason_started = np.array(DROPOUT_REASONS)[
        rng.choice(len(DROPOUT_REASONS), size=n_target, p=[0.3, 0.2, 0.15, 0.15, 0.2])]
    before = np.clip(np.round(rng.normal(58, 9, n_target) - 3 * complier), 18, 90)
    after = (0.55 * before + 24 + CACE * took + 2.0 * ~complier + rng.normal(0, 7, n_target))
    after = np.clip(np.round(after), 18, 90)
    after[rng.random(n_target) < ATTRITION] = np.nan
    dropped_started = took & ~completed
    declined = offered & ~took
    return pd.DataFrame({
        "förälder_id": ids("F", n_target),
        "stadsdel": district,
        "bedömningsdatum": date.astype(str),
        "barnets_ålder": child_age,
        "ensamstående": single.astype(int),
        "tolkbehov": interpreter.astype(int),
        "i_studien": consent.astype(int),
        "erbjuden": offered.astype(int),
        "metod": np.where(offered, np.array(METHODS)[after_change.astype(int)], None),
        "deltog": took.astype(int),
        "påbörjad": took.astype(int),
        "första_träff": np.where(took, first.astype(str), None),
        "antal_träffar": sessions,
        "fullföljd": completed.astype(int),
        "avbrott_datum": np.where(dropped_started, stop_started.astype(str),
                                  np.where(declined, stop_declined.astype(str), None)),
        "avbrottsorsak": np.where(dropped_started, reason_started,
                                  np.where(declined, reason_declined, None)),
        "stress_före": before,
        "stress_efter": after,
    })


def completion_probability(p: float) -> float:
    """P(1 + Binomial(11, p) ≥ 8) = P(Binomial(11, p) ≥ 7)."""
    from math import comb

    return sum(comb(11, k) * p**k * (1 - p) ** (11 - k) for k in range(7, 12))


def mean_sessions(p: float) -> float:
    """Expected sessions of a participant: 1 + 11·p."""
    return 1 + 11 * p
