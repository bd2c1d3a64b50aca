"""Sample 1, ``hela_familjen``: intensive family support vs ordinary social assistance (rung 4).

Modelled on Malmö's "Hela familjen": caseworkers with 25 families each instead of 70–90 cases.
The programme ran in three of eight districts; there, caseworkers chose families on observable
characteristics (work experience, fewer years on assistance, education …), so a naive comparison
of participants with everyone else overstates the effect, while adjustment for (or matching on)
the confounders recovers it.

Notes
-----
Linear-probability outcome model (so regression adjustment on the true confounders is unbiased)::

    q(X) = 0.04 + 0.20·arbetat + 0.010·(10 − år_med_bistånd) + 0.06·eftergymnasial
           + 0.03·gymnasial + 0.07·(1 − hälsohinder) + 0.012·(6 − antal_barn)
           + 0.0015·(64 − ålder) + 0.03·sammanboende + 0.02·(1 − född_utomlands) + δ_stadsdel
    P(självförsörjande år k) = a_k·q(X) + τ_k·T,  a = (0.40, 0.75, 1),  τ = (0.05, 0.10, 0.15)

One uniform draw per household makes the three yearly outcomes monotone (once self-supporting,
stays so). Months on assistance over 36 months: 12 per year before the exit year plus a uniform
1–11 months in the exit year, so E[månader] = 36 − 12·p₁ − 12·p₂ − 6·p₃ and the true effect is
−12·0.05 − 12·0.10 − 6·0.15 = −2.7 months. Selection (programme districts only)::

    logit P(T=1) = −1.782 + 1.8·arbetat − 0.40·(år − 3) + 1.2·eftergymn + 0.6·gymn − 1.4·hälsohinder
                   + 0.10·(antal_barn − 2) + 0.1·ensamstående − 0.03·(ålder − 38) + 0.2·kvinna
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

NAME = "hela_familjen"
SEED = 20180101
N = 600
MIN_N = 50

DISTRICTS = ("Rosendal", "Kastanjegården", "Lindhöjden", "Ängslunda", "Norrbacka", "Sjöstaden",
             "Västervång", "Östra Hamnen")
DISTRICT_P = (0.16, 0.12, 0.12, 0.14, 0.12, 0.12, 0.12, 0.10)
PROGRAMME_DISTRICTS = DISTRICTS[:3]
DISTRICT_EFFECT = (0.02, 0.03, 0.02, 0.02, 0.04, 0.01, 0.03, 0.00)
EDUCATION = ("Förgymnasial", "Gymnasial", "Eftergymnasial")
A_YEAR = (0.40, 0.75, 1.00)
TAU_YEAR = (0.05, 0.10, 0.15)
TAU_MONTHS = -12 * TAU_YEAR[0] - 12 * TAU_YEAR[1] - 6 * TAU_YEAR[2]
SELECTION_INTERCEPT = -1.782

_GEN = "Genererad."
COLUMNS: tuple[Col, ...] = (
    Col("hushåll_id", "id", "Pseudonym för hushållet (H + löpnummer), inget personnummer.",
        "Pseudonym of the household (H + serial number), no personal identity number."),
    Col("stadsdel", "cat", "Stadsdel där hushållet bor (påhittade namn). Insatsen fanns i Rosendal, "
        "Kastanjegården och Lindhöjden. Påverkar utfallet (+0–4 procentenheter).",
        "District of residence (invented names). The programme ran in Rosendal, Kastanjegården and "
        "Lindhöjden. Affects the outcome (+0–4 percentage points)."),
    Col("ålder", "int", "Sökandens ålder vid start, normalfördelad (38, 8), 20–64. Störfaktor.",
        "Applicant's age at start, normal (38, 8), 20–64. Confounder.", "år", "years"),
    Col("kön", "cat", "Sökandens kön (Kvinna/Man), 62 % kvinnor. Påverkar bara urvalet.",
        "Applicant's sex (Kvinna = woman / Man = man), 62 % women. Affects selection only."),
    Col("hushållstyp", "cat", "Ensamstående med barn (45 %) eller Sammanboende med barn. Störfaktor.",
        "Single parent (Ensamstående med barn, 45 %) or couple with children. Confounder."),
    Col("antal_barn", "int", "Antal barn i hushållet, 1 + Poisson(1,2), högst 6. Störfaktor.",
        "Number of children, 1 + Poisson(1.2), at most 6. Confounder.", "antal", "count"),
    Col("yngsta_barnets_ålder", "int", "Yngsta barnets ålder, likformigt fördelad 0–17; saknas för cirka 2 %. "
        "Påverkar varken urval eller utfall.",
        "Age of the youngest child, uniform 0–17; missing for about 2 %. Affects neither selection "
        "nor outcome.", "år", "years"),
    Col("år_med_bistånd", "float", "År med försörjningsstöd före start, 0,5 + Gamma(2; 1,4), högst 10. "
        "Störfaktor.", "Years on social assistance before start, 0.5 + Gamma(2, 1.4), at most 10. "
        "Confounder.", "år", "years", 1),
    Col("utbildning", "cat", "Högsta utbildning: Förgymnasial (45 %), Gymnasial (40 %), "
        "Eftergymnasial (15 %). Störfaktor.",
        "Highest education: compulsory (45 %), upper secondary (40 %), post-secondary (15 %). "
        "Confounder."),
    Col("född_utomlands", "bin", "1 = född utomlands (70 %). Påverkar bara utfallet.",
        "1 = born abroad (70 %). Affects the outcome only."),
    Col("arbetat_senaste_3_år", "bin", "1 = har haft arbete de senaste tre åren (35 %). Störfaktor.",
        "1 = has worked in the last three years (35 %). Confounder."),
    Col("hälsohinder", "bin", "1 = sjukskrivning eller hälsohinder för arbete (25 %). Störfaktor.",
        "1 = sick leave or health barrier to work (25 %). Confounder."),
    Col("bistånd_kr_per_månad", "int", "Försörjningsstöd per månad vid start: 7 000 + 2 600·barn + "
        "3 000·sammanboende + brus, avrundat till 10 kr. Påverkar varken urval eller utfall.",
        "Social assistance per month at start: 7,000 + 2,600·children + 3,000·couple + noise, rounded "
        "to 10 SEK. Affects neither selection nor outcome.", "kr/månad", "SEK/month"),
    Col("hela_familjen", "bin", "1 = deltog i Hela familjen (cirka 13 %; bara i insatsstadsdelarna, "
        "urval enligt modellen i README).", "1 = took part in Hela familjen (about 13 %; programme "
        "districts only, selection as in the README)."),
    Col("självförsörjande_år1", "bin", "1 = självförsörjande (arbete/studier) efter 1 år. Sann effekt "
        "+0,05.", "1 = self-supporting (work/studies) after 1 year. True effect +0.05."),
    Col("självförsörjande_år2", "bin", "1 = självförsörjande efter 2 år. Sann effekt +0,10.",
        "1 = self-supporting after 2 years. True effect +0.10."),
    Col("självförsörjande_år3", "bin", "1 = självförsörjande efter 3 år. Sann effekt +0,15.",
        "1 = self-supporting after 3 years. True effect +0.15."),
    Col("månader_med_bistånd", "int", "Månader med försörjningsstöd under 36 månader. Sann effekt "
        "−2,7 månader.", "Months on social assistance during 36 months. True effect −2.7 months.",
        "månader", "months"),
)


def _simulate(rng: "np.random.Generator", n: int) -> dict[str, "np.ndarray"]:
    import numpy as np

    d = rng.choice(len(DISTRICTS), size=n, p=np.array(DISTRICT_P))
    age = np.clip(np.round(rng.normal(38, 8, n)), 20, 64)
    woman = rng.random(n) < 0.62
    single = rng.random(n) < 0.45
    kids = np.minimum(1 + rng.poisson(1.2, n), 6)
    youngest = rng.integers(0, 18, n).astype(float)
    youngest[rng.random(n) < 0.02] = np.nan
    years = np.round(np.minimum(0.5 + rng.gamma(2.0, 1.4, n), 10.0), 1)
    u = rng.random(n)
    edu = np.where(u < 0.45, 0, np.where(u < 0.85, 1, 2))
    abroad = rng.random(n) < 0.70
    worked = rng.random(n) < 0.35
    health = rng.random(n) < 0.25
    benefit = np.round((7000 + 2600 * kids + 3000 * ~single + rng.normal(0, 1500, n)) / 10) * 10
    benefit = np.maximum(benefit, 3000)
    lin = (SELECTION_INTERCEPT + 1.8 * worked - 0.40 * (years - 3) + 1.2 * (edu == 2)
           + 0.6 * (edu == 1) - 1.4 * health + 0.10 * (kids - 2) + 0.1 * single
           - 0.03 * (age - 38) + 0.2 * woman)
    programme = d < len(PROGRAMME_DISTRICTS)
    treated = programme & (rng.random(n) < 1 / (1 + np.exp(-lin)))
    q = (0.04 + 0.20 * worked + 0.010 * (10 - years) + 0.06 * (edu == 2) + 0.03 * (edu == 1)
         + 0.07 * ~health + 0.012 * (6 - kids) + 0.0015 * (64 - age) + 0.03 * ~single
         + 0.02 * ~abroad + np.array(DISTRICT_EFFECT)[d])
    v = rng.random(n)
    ys = [v < A_YEAR[k] * q + TAU_YEAR[k] * treated for k in range(3)]
    exit_month = rng.integers(1, 12, n)
    months = np.where(ys[0], exit_month, np.where(ys[1], 12 + exit_month,
                                                   np.where(ys[2], 24 + exit_month, 36)))
    return {"d": d, "age": age, "woman": woman, "single": single, "kids": kids,
            "youngest": youngest, "years": years, "edu": edu, "abroad": abroad, "worked": worked,
            "health": health, "benefit": benefit, "treated": treated, "q": q, "y1": ys[0],
            "y2": ys[1], "y3": ys[2], "months": months}


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """Households with covariates, programme participation and outcomes (see module Notes)."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._common import ids
    from workbench.data.samples._spec import finish

    n = N if n is None else n
    s = _simulate(np.random.default_rng(seed), n)
    frame = pd.DataFrame({
        "hushåll_id": ids("H", n),
        "stadsdel": np.array(DISTRICTS)[s["d"]],
        "ålder": s["age"],
        "kön": np.where(s["woman"], "Kvinna", "Man"),
        "hushållstyp": np.where(s["single"], "Ensamstående med barn", "Sammanboende med barn"),
        "antal_barn": s["kids"],
        "yngsta_barnets_ålder": s["youngest"],
        "år_med_bistånd": s["years"],
        "utbildning": np.array(EDUCATION)[s["edu"]],
        "född_utomlands": s["abroad"].astype(int),
        "arbetat_senaste_3_år": s["worked"].astype(int),
        "hälsohinder": s["health"].astype(int),
        "bistånd_kr_per_månad": s["benefit"],
        "hela_familjen": s["treated"].astype(int),
        "självförsörjande_år1": s["y1"].astype(int),
        "självförsörjande_år2": s["y2"].astype(int),
        "självförsörjande_år3": s["y3"].astype(int),
        "månader_med_bistånd": s["months"],
    })
    return finish(frame, COLUMNS)


REGISTER_COVARIATES = ("ålder", "kvinna", "ensamstående", "antal_barn", "år_med_bistånd",
                       "utbildningsnivå", "född_utomlands", "arbetat_senaste_3_år", "hälsohinder",
                       "insatsstadsdel")


def register_scale(n: int = 1_000_000, *, seed: int = SEED) -> "pd.DataFrame":
    """All-numeric register-scale version for benchmarks: 10 covariates, about 13 % treated.

    Columns: ``hushåll_nr``, the 10 covariates of :data:`REGISTER_COVARIATES` (``utbildningsnivå``
    0/1/2 = compulsory/upper secondary/post-secondary; ``insatsstadsdel`` = lives in a programme
    district), ``hela_familjen`` and the outcomes ``självförsörjande_år3`` and
    ``månader_med_bistånd``. Same model as :func:`generate`; vectorised, about a second per
    million rows.
    """
    import numpy as np
    import pandas as pd

    s = _simulate(np.random.default_rng(seed), n)
    return pd.DataFrame({
        "hushåll_nr": np.arange(1, n + 1),
        "ålder": s["age"].astype(np.int64),
        "kvinna": s["woman"].astype(np.int64),
        "ensamstående": s["single"].astype(np.int64),
        "antal_barn": s["kids"].astype(np.int64),
        "år_med_bistånd": s["years"],
        "utbildningsnivå": s["edu"].astype(np.int64),
        "född_utomlands": s["abroad"].astype(np.int64),
        "arbetat_senaste_3_år": s["worked"].astype(np.int64),
        "hälsohinder": s["health"].astype(np.int64),
        "insatsstadsdel": (s["d"] < len(PROGRAMME_DISTRICTS)).astype(np.int64),
        "hela_familjen": s["treated"].astype(np.int64),
        "självförsörjande_år3": s["y3"].astype(np.int64),
        "månader_med_bistånd": s["months"].astype(np.int64),
    })


_SEX_VARIANTS = {"K": "Kvinna", "kvinna": "Kvinna", "KVINNA": "Kvinna", "M": "Man", "man": "Man"}


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: NBSP thousands separators and spelling variants of ``kön``."""
    import numpy as np

    from workbench.data.samples._common import pick, thousands
    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    rng = np.random.default_rng(seed + 1)
    text["bistånd_kr_per_månad"] = thousands(text["bistånd_kr_per_månad"])
    rows = pick(rng, len(text), 0.03)
    short = {"Kvinna": ["K", "kvinna", "KVINNA"], "Man": ["M", "man"]}
    sex = text["kön"].to_numpy(dtype=object)
    for r in rows:
        options = short[sex[r]]
        sex[r] = options[int(rng.integers(0, len(options)))]
    text["kön"] = sex.astype(str)
    return text


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: strip thousands separators, map ``K``/``kvinna``/``M`` … to full words."""
    from workbench.data.samples._common import unthousands

    text = text.copy()
    text["bistånd_kr_per_månad"] = unthousands(text["bistånd_kr_per_månad"])
    text["kön"] = text["kön"].str.strip().replace(_SEX_VARIANTS)
    return text


@lru_cache(maxsize=1)
def _naive_gap() -> float:
    """E[q | T=1] − E[q | T=0] in the population (Monte Carlo, 2,000,000 households, fixed seed)."""
    import numpy as np

    s = _simulate(np.random.default_rng(1), 2_000_000)
    t = s["treated"]
    return float(s["q"][t].mean() - s["q"][~t].mean())


def truth() -> dict[str, Any]:
    """True parameters of ``hela_familjen``."""
    gap = _naive_gap()
    bias = {
        "självförsörjande_år1": round(A_YEAR[0] * gap, 3),
        "självförsörjande_år2": round(A_YEAR[1] * gap, 3),
        "självförsörjande_år3": round(A_YEAR[2] * gap, 3),
        "månader_med_bistånd": round(-(12 * A_YEAR[0] + 12 * A_YEAR[1] + 6 * A_YEAR[2]) * gap, 2),
    }
    effects = {
        "självförsörjande_år1": TAU_YEAR[0],
        "självförsörjande_år2": TAU_YEAR[1],
        "självförsörjande_år3": TAU_YEAR[2],
        "månader_med_bistånd": round(TAU_MONTHS, 2),
    }
    return {
        "dataset": NAME,
        "seed": SEED,
        "n": N,
        "design": "selection on observables; programme in 3 of 8 districts",
        "treatment": "hela_familjen",
        "estimand": "ATT (equal to the ATE: the effect is the same for every household)",
        "effects": effects,
        "effect_scale": "risk difference for 0/1 outcomes, months for månader_med_bistånd",
        "treated_share_expected": 0.13,
        "confounders": ["stadsdel", "ålder", "hushållstyp", "antal_barn", "år_med_bistånd",
                        "utbildning", "arbetat_senaste_3_år", "hälsohinder"],
        "outcome_only": ["född_utomlands"],
        "selection_only": ["kön"],
        "no_role": ["yngsta_barnets_ålder", "bistånd_kr_per_månad"],
        "naive_bias_direction": "upward: the naive difference overstates the effect (families with "
                                "better prospects were chosen)",
        "naive_bias_expected": bias,
        "naive_difference_expected": {k: round(effects[k] + bias[k], 3) for k in effects},
        "right_design": "regression adjustment on, or matching on, the confounders (with district); "
                        "the outcome model is linear in them, so OLS with these columns is unbiased",
        "register_scale": "generate('hela_familjen', n=1_000_000): same model, 12 covariates, "
                          "about 13 % treated; wb.samples.register_scale(n) gives an all-numeric "
                          "frame with 10 covariates",
    }


README = {
    "sv": "Hushåll med försörjningsstöd i åtta stadsdelar. I tre stadsdelar valde handläggare ut "
          "familjer till Hela familjen (25 familjer per handläggare) efter observerbara egenskaper: "
          "de med arbetslivserfarenhet, kortare tid med bistånd och högre utbildning valdes oftare. "
          "En naiv jämförelse överskattar därför effekten; justering för eller matchning på "
          "störfaktorerna ger rätt svar. Egenheter i filen: beloppen har hårt mellanslag som "
          "tusentalsavgränsare (12\u00a0340) och kön är ibland skrivet K, M eller med liten bokstav.",
    "en": "Households on social assistance in eight districts. In three districts caseworkers chose "
          "families for Hela familjen (25 families per caseworker) on observable traits: those with "
          "work experience, fewer years on assistance and more education were chosen more often. A "
          "naive comparison therefore overstates the effect; adjusting for or matching on the "
          "confounders recovers it. Oddities in the file: amounts use a non-breaking space as "
          "thousands separator (12\u00a0340) and sex is sometimes written K, M or in lower case.",
}
