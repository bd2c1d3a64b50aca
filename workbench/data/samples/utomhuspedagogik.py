"""Sample 5, ``utomhuspedagogik``: outdoor maths/science teaching vs a comparison school (rung 4).

Modelled on Örebro's project: pupils in a school in a socioeconomically vulnerable area got outdoor
teaching in maths and science from year 7; their results were compared with a school that did not
take part, and followed up again in year 9.

Notes
-----
Two schools × two cohorts (start 2016/17, 2017/18) × four classes. Latent ability::

    θ = −4·insatsskola + 3·svenska_modersmål + 4·föräldrar_eftergymnasial + u_klass + e,
    u_klass ~ Normal(0, 2.5),  e ~ Normal(0, 7)

Maths test points (0–60, common municipal test): before = round(30 + θ + Normal(0, 3)), after one
year = round(30 + θ + 4 + 3·insatsskola + Normal(0, 3)). Science (NO): θ_NO = 0.7·θ + Normal(0, 5),
before = round(28 + θ_NO + Normal(0, 3)), after = round(28 + θ_NO + 3 + 2·insatsskola +
Normal(0, 3)). The class effect sits in the level, so it cancels in the change: change scores are
independent across pupils. Year-9 grades: s = 31 + θ + 1.5·insatsskola + Normal(0, 4) (maths) and
29 + θ_NO + 1.0·insatsskola + Normal(0, 4) (NO), graded F < 20 ≤ E < 26 ≤ D < 31 ≤ C < 36 ≤ B < 42 ≤ A.
Missing completely at random: 5 % of after-tests (moved), 10 % of year-9 grades.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from workbench.data.samples._spec import Col

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import pandas as pd

NAME = "utomhuspedagogik"
SEED = 20160815
N = 384
MIN_N = 32
SCHOOLS = ("Ekbackens skola", "Lindängens skola")
COHORTS = ("2016/17", "2017/18")
CLASSES = ("A", "B", "C", "D")
EFFECT_MATH = 3.0
EFFECT_NO = 2.0
EFFECT_MATH_Y9 = 1.5
EFFECT_NO_Y9 = 1.0
GROWTH = {"matte": 4.0, "no": 3.0}
CUTS = (20, 26, 31, 36, 42)
GRADES = ("F", "E", "D", "C", "B", "A")
GRADE_POINTS = {"F": 0.0, "E": 10.0, "D": 12.5, "C": 15.0, "B": 17.5, "A": 20.0}

COLUMNS: tuple[Col, ...] = (
    Col("elev_id", "id", "Pseudonym för eleven (E + löpnummer).", "Pseudonym of the pupil (E + "
        "serial number)."),
    Col("skola", "cat", "Ekbackens skola (utomhuspedagogik) eller Lindängens skola (jämförelse); "
        "påhittade namn.", "Ekbackens skola (outdoor teaching) or Lindängens skola (comparison); "
        "invented names."),
    Col("insatsskola", "bin", "1 = Ekbackens skola, där alla elever fick utomhuspedagogik.",
        "1 = Ekbackens skola, where every pupil got outdoor teaching."),
    Col("läsår_start", "cat", "Läsåret då eleven började årskurs 7.", "School year the pupil "
        "started year 7."),
    Col("klass", "cat", "Klass, unik över skolor (t.ex. '7A-2016 Ekbacken'); fyra klasser per "
        "skola och läsår; klasseffekt på nivån, sd 2,5.", "Class, unique across schools (e.g. "
        "'7A-2016 Ekbacken'); four classes per school and year; class effect on the level, sd 2.5."),
    Col("kön", "cat", "Flicka eller Pojke (50 %); ingen effekt.", "Flicka (girl) or Pojke (boy) "
        "(50 %); no effect."),
    Col("svenska_modersmål", "bin", "1 = svenska som modersmål (45 % i insatsskolan, 75 % i "
        "jämförelseskolan); +3 poäng i nivå.", "1 = Swedish as mother tongue (45 % in the "
        "intervention school, 75 % in the comparison school); +3 points in level."),
    Col("föräldrar_eftergymnasial", "bin", "1 = någon förälder har eftergymnasial utbildning (30 % "
        "mot 55 %); +4 poäng i nivå.", "1 = a parent has post-secondary education (30 % vs 55 %); "
        "+4 points in level."),
    Col("matte_poäng_före", "int", "Kommungemensamt matematikprov hösten åk 7, 0–60.",
        "Common municipal maths test, autumn of year 7, 0–60.", "poäng", "points"),
    Col("matte_poäng_efter", "int", "Samma prov ett år senare; tomt för 5 % (flyttat). Sann "
        "effekt på förändringen +3,0 poäng.", "The same test one year later; empty for 5 % "
        "(moved). True effect on the change +3.0 points.", "poäng", "points"),
    Col("no_poäng_före", "int", "Kommungemensamt NO-prov hösten åk 7, 0–60.",
        "Common municipal science test, autumn of year 7, 0–60.", "poäng", "points"),
    Col("no_poäng_efter", "int", "Samma NO-prov ett år senare; tomt för 5 %. Sann effekt +2,0.",
        "The same science test one year later; empty for 5 %. True effect +2.0.", "poäng",
        "points"),
    Col("matte_betyg_åk9", "cat", "Slutbetyg i matematik åk 9 (A–F; A=20, B=17,5, C=15, D=12,5, "
        "E=10, F=0 meritpoäng); tomt för 10 %. Sann effekt +1,5 på den latenta skalan.",
        "Final maths grade in year 9 (A–F; merit points A=20 … F=0); empty for 10 %. True effect "
        "+1.5 on the latent scale."),
    Col("no_betyg_åk9", "cat", "Slutbetyg i NO åk 9 (A–F); tomt för 10 %. Sann effekt +1,0 på den "
        "latenta skalan.", "Final science grade in year 9 (A–F); empty for 10 %. True effect +1.0 "
        "on the latent scale."),
)


def _grade(score: "np.ndarray") -> "np.ndarray":
    import numpy as np

    return np.array(GRADES)[np.searchsorted(np.array(CUTS), score, side="right")]


def _pupils(rng: "np.random.Generator", class_size: int) -> dict[str, "np.ndarray"]:
    import numpy as np

    rows = []
    for s in range(len(SCHOOLS)):
        for c, cohort in enumerate(COHORTS):
            for k, letter in enumerate(CLASSES):
                size = int(rng.integers(class_size - 2, class_size + 3))
                rows.append((s, c, k, size))
    school = np.concatenate([np.full(size, s) for s, _, _, size in rows])
    cohort = np.concatenate([np.full(size, c) for _, c, _, size in rows])
    klass = np.concatenate([np.full(size, i) for i, (*_, size) in enumerate(rows)])
    n = len(school)
    treated = school == 0
    swedish = rng.random(n) < np.where(treated, 0.45, 0.75)
    higher = rng.random(n) < np.where(treated, 0.30, 0.55)
    u = rng.normal(0, 2.5, len(rows))[klass]
    theta = -4 * treated + 3 * swedish + 4 * higher + u + rng.normal(0, 7, n)
    theta_no = 0.7 * theta + rng.normal(0, 5, n)
    return {"school": school, "cohort": cohort, "klass": klass, "rows": rows, "treated": treated,
            "swedish": swedish, "higher": higher, "theta": theta, "theta_no": theta_no,
            "girl": rng.random(n) < 0.5}


def generate(*, seed: int = SEED, n: int | None = None) -> "pd.DataFrame":
    """Pupils of two schools with tests before/after and year-9 grades (see module Notes)."""
    import numpy as np
    import pandas as pd

    from workbench.data.samples._common import ids
    from workbench.data.samples._spec import finish

    n_target = N if n is None else n
    rng = np.random.default_rng(seed)
    p = _pupils(rng, max(4, int(round(n_target / 16))))
    size = len(p["school"])
    t = p["treated"]

    def score(base: float, latent: "np.ndarray", extra: "np.ndarray | float") -> "np.ndarray":
        return np.clip(np.round(base + latent + extra + rng.normal(0, 3, size)), 0, 60)

    m0 = score(30, p["theta"], 0.0)
    m1 = score(30, p["theta"], GROWTH["matte"] + EFFECT_MATH * t)
    n0 = score(28, p["theta_no"], 0.0)
    n1 = score(28, p["theta_no"], GROWTH["no"] + EFFECT_NO * t)
    g_m = _grade(31 + p["theta"] + EFFECT_MATH_Y9 * t + rng.normal(0, 4, size)).astype(object)
    g_n = _grade(29 + p["theta_no"] + EFFECT_NO_Y9 * t + rng.normal(0, 4, size)).astype(object)
    m1[rng.random(size) < 0.05] = np.nan
    n1[rng.random(size) < 0.05] = np.nan
    gone = rng.random(size) < 0.10
    g_m[gone] = None
    g_n[gone] = None
    labels = [f"7{CLASSES[k]}-{COHORTS[c][:4]} {SCHOOLS[s].split()[0].removesuffix('s')}"
              for s, c, k, _ in p["rows"]]
    frame = pd.DataFrame({
        "elev_id": ids("E", size, 4),
        "skola": np.array(SCHOOLS)[p["school"]],
        "insatsskola": t.astype(int),
        "läsår_start": np.array(COHORTS)[p["cohort"]],
        "klass": np.array(labels)[p["klass"]],
        "kön": np.where(p["girl"], "Flicka", "Pojke"),
        "svenska_modersmål": p["swedish"].astype(int),
        "föräldrar_eftergymnasial": p["higher"].astype(int),
        "matte_poäng_före": m0, "matte_poäng_efter": m1,
        "no_poäng_före": n0, "no_poäng_efter": n1,
        "matte_betyg_åk9": g_m, "no_betyg_åk9": g_n,
    })
    return finish(frame, COLUMNS)


def export(df: "pd.DataFrame", seed: int) -> "pd.DataFrame":
    """Text cells with the oddities: '-' (streck) for some missing grades; a header 'Skola '."""
    import numpy as np

    from workbench.data.samples._spec import format_frame

    text = format_frame(df, COLUMNS)
    rng = np.random.default_rng(seed + 1)
    for c in ("matte_betyg_åk9", "no_betyg_åk9"):
        cells = text[c].to_numpy(dtype=object)
        empty = np.flatnonzero(cells == "")
        cells[empty[rng.random(len(empty)) < 0.5]] = "-"
        text[c] = cells.astype(str)
    return text.rename(columns={"skola": "Skola "})


def repair(text: "pd.DataFrame") -> "pd.DataFrame":
    """Undo the oddities: header names trimmed and in lower case; '-' grades become empty."""
    text = text.rename(columns=lambda c: c.strip().lower())
    for c in ("matte_betyg_åk9", "no_betyg_åk9"):
        text[c] = text[c].str.strip().replace({"-": ""})
    return text


@lru_cache(maxsize=1)
def _grade_point_effects() -> dict[str, float]:
    """Effect on year-9 merit points in the intervention school (Monte Carlo, fixed seed)."""
    import numpy as np

    rng = np.random.default_rng(1)
    p = _pupils(rng, 20_000)
    t = p["treated"]
    points = np.vectorize(GRADE_POINTS.get)
    out = {}
    for key, base, latent, eff in (("matte_betyg_åk9", 31, p["theta"], EFFECT_MATH_Y9),
                                   ("no_betyg_åk9", 29, p["theta_no"], EFFECT_NO_Y9)):
        noise = rng.normal(0, 4, len(t))
        with_ = points(_grade(base + latent[t] + eff + noise[t]))
        without = points(_grade(base + latent[t] + noise[t]))
        out[key] = round(float(with_.mean() - without.mean()), 2)
    return out


def truth() -> dict[str, Any]:
    """True parameters of ``utomhuspedagogik``."""
    gap = -4 + 3 * (0.45 - 0.75) + 4 * (0.30 - 0.55)
    return {
        "dataset": NAME,
        "seed": SEED,
        "n": N,
        "design": "one intervention school vs one comparison school, before/after tests, "
                  "year-9 follow-up",
        "treatment": "insatsskola",
        "effects": {"matte_poäng": EFFECT_MATH, "no_poäng": EFFECT_NO},
        "effects_year9_latent": {"matte_betyg_åk9": EFFECT_MATH_Y9, "no_betyg_åk9": EFFECT_NO_Y9},
        "effects_year9_merit_points_approx": _grade_point_effects(),
        "growth_without_intervention": GROWTH,
        "baseline_gap_expected": {"matte_poäng": round(gap, 2), "no_poäng": round(0.7 * gap, 2)},
        "naive_post_difference_expected": {"matte_poäng": round(EFFECT_MATH + gap, 2),
                                           "no_poäng": round(EFFECT_NO + 0.7 * gap, 2)},
        "naive_bias_direction": "downward: the intervention school starts lower, so comparing "
                                "only after-scores makes the teaching look harmful",
        "clustering": "class effects (sd 2.5) in levels only; they cancel in change scores",
        "right_design": "difference-in-differences: mean change (after − before) in the "
                        "intervention school minus mean change in the comparison school",
        "assumption": "the two schools would have changed alike without the intervention (true "
                      "by construction; with one school per arm it cannot be checked in data)",
    }


README = {
    "sv": "Elever i två skolor: Ekbackens skola fick utomhuspedagogik i matematik och NO från "
          "årskurs 7, Lindängens skola är jämförelseskola. Samma prov hösten åk 7 och ett år "
          "senare, slutbetyg i åk 9. Insatsskolan börjar på en lägre nivå, så en jämförelse av "
          "bara eftermätningen ger fel tecken; jämför förändringarna. Egenheter i filen: "
          "rubriken 'Skola ' har versal och avslutande mellanslag, och saknade betyg står ibland "
          "som streck (-).",
    "en": "Pupils in two schools: Ekbackens skola got outdoor maths and science teaching from "
          "year 7, Lindängens skola is the comparison school. The same tests in the autumn of "
          "year 7 and a year later, final grades in year 9. The intervention school starts lower, "
          "so comparing after-scores alone gives the wrong sign; compare the changes. Oddities in "
          "the file: the header 'Skola ' has a capital and a trailing space, and missing grades "
          "are sometimes a dash (-).",
}
