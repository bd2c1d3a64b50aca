"""Plain-language explanations of the area comparisons, in Swedish and English.

Each text says what the number is, how sure it is, and what an area comparison can and cannot claim.
"""

from __future__ import annotations

from typing import Any

from workbench.core.results import format_number, format_p


def _n(x: float | None, lang: str, digits: int = 2) -> str:
    return format_number(x, digits, lang)


def _credibility(r: Any, lang: str) -> str:
    if r.credible:
        return ("Förperioden håller måttet, så resultatet kan räknas som steg 4 på utvärderingstrappan."
                if lang == "sv" else
                "The pre-period passes, so the result can count as rung 4 on the evaluation ladder.")
    problems = "; ".join(r.credibility_problems)
    return (f"Resultatet räcker ännu inte för steg 4: {problems}." if lang == "sv"
            else f"The result is not yet enough for rung 4: {problems}.")


def _extra_p(r: Any, lang: str) -> str:
    sv = lang == "sv"
    items = []
    if r.p_wild_bootstrap is not None:
        items.append(f"{'vild klusterbootstrap' if sv else 'the wild cluster bootstrap'} "
                     f"({format_p(r.p_wild_bootstrap, lang)})")
    if r.p_permutation is not None:
        items.append(f"{'permutation över jämförelseområdena' if sv else 'permutation over the comparison areas'} "
                     f"({format_p(r.p_permutation, lang)})")
    return (" och " if sv else " and ").join(items)


def explain_did(r: Any, lang: str = "sv") -> str:
    e = r.estimate
    est, ci = e.format(lang), format_p(e.p_value, lang)
    if lang == "sv":
        what = ("jämförelse av förändringen över tid (skillnad-i-skillnader)" if r.method == "twfe"
                else "jämförelse av förändringen över tid per startkohort (Callaway–Sant'Anna)")
        parts = [
            f"Med en {what} mellan {r.n_treated} område(n) med insatsen och "
            f"{r.n_units - r.n_treated} jämförelseområden över {r.n_periods} perioder skattas "
            f"effekten till {est}, {ci}.",
            "Talet säger hur mycket mer (eller mindre) utfallet ändrades i områdena med insatsen än i "
            "jämförelseområdena efter starten.",
        ]
        extra = _extra_p(r, lang)
        if extra:
            parts.append(f"Eftersom få områden fick insatsen är p-värdena från {extra} säkrare än det "
                         "vanliga p-värdet och konfidensintervallet.")
        parts.append(
            "En områdesjämförelse kan visa en effekt bara under antagandet om parallella trender: "
            "utan insatsen hade områdena utvecklats likadant. Den kan inte utesluta att något annat "
            "hände just i insatsområdet vid samma tid, och den säger inget om enskilda personer.")
    else:
        what = ("comparison of change over time (difference-in-differences)" if r.method == "twfe"
                else "comparison of change over time by start cohort (Callaway–Sant'Anna)")
        parts = [
            f"A {what} between {r.n_treated} area(s) with the intervention and "
            f"{r.n_units - r.n_treated} comparison areas over {r.n_periods} periods estimates the "
            f"effect at {est}, {ci}.",
            "The number says how much more (or less) the outcome changed in the areas with the "
            "intervention than in the comparison areas after the start.",
        ]
        extra = _extra_p(r, lang)
        if extra:
            parts.append(f"Because few areas got the intervention, the p-values from {extra} are safer "
                         "than the usual p-value and confidence interval.")
        parts.append(
            "An area comparison shows an effect only under the parallel-trends assumption: without "
            "the intervention the areas would have developed alike. It cannot rule out that something "
            "else happened in the intervention area at the same time, and it says nothing about "
            "individuals.")
    parts.append(_credibility(r, lang))
    return " ".join(parts)


def explain_event(r: Any, lang: str = "sv") -> str:
    p = format_p(r.pretrend_p_used, lang)
    if lang == "sv":
        text = (
            f"Händelsestudien visar skillnaden mellan områden med och utan insatsen period för period, "
            f"{r.leads} perioder före och {r.lags} efter starten, jämfört med perioden närmast före start. "
            f"Före starten borde skillnaderna ligga kring noll; ett gemensamt test av dem ger {p}. "
            "Ett test som inte förkastar bevisar inte parallella trender – med få områden eller korta "
            "förperioder har testet låg styrka – men ett som förkastar är en tydlig varningssignal.")
    else:
        text = (
            f"The event study shows the difference between areas with and without the intervention "
            f"period by period, {r.leads} periods before and {r.lags} after the start, relative to the "
            f"period just before the start. Before the start the differences should be near zero; a "
            f"joint test of them gives {p}. A test that does not reject does not prove parallel trends – "
            "with few areas or short pre-periods it has little power – but one that rejects is a clear "
            "warning.")
    return text + " " + _credibility(r, lang)


def explain_synth(r: Any, lang: str = "sv") -> str:
    top = r.weights.sort_values(ascending=False)
    top = top[top >= 0.01].head(5)
    sv = lang == "sv"
    names = ", ".join(f"{k} {_n(100 * v, lang, 0)} %" if sv else f"{k} {_n(100 * v, lang, 0)}%"
                      for k, v in top.items())
    gap = _n(r.estimate.estimate, lang)
    rmspe = _n(r.pre_rmspe, lang)
    p = format_p(r.p_value, lang)
    if sv:
        text = (
            f"Den syntetiska kontrollen är ett vägt medel av jämförelseområden ({names}) som följer "
            f"{r.treated_unit} före starten (förperiodens RMSPE {rmspe}). Efter starten är skillnaden "
            f"i genomsnitt {gap} per period. Jämfört med samma analys på varje jämförelseområde "
            f"(placebo) ger förhållandet mellan efter- och förperiodens avvikelse {p}. "
            "Metoden visar en effekt bara om den syntetiska kontrollen följer området väl före "
            "starten och inget annat särskilt hände i området vid samma tid.")
        if r.credible:
            return text + " Förperioden passar väl, så resultatet kan räknas som steg 4."
        return text + " Resultatet räcker ännu inte för steg 4: " + "; ".join(r.credibility_problems) + "."
    text = (
        f"The synthetic control is a weighted mean of comparison areas ({names}) that tracks "
        f"{r.treated_unit} before the start (pre-period RMSPE {rmspe}). After the start the gap "
        f"averages {gap} per period. Against the same analysis run on every comparison area "
        f"(placebo), the ratio of post- to pre-period deviation gives {p}. The method shows an effect "
        "only if the synthetic control tracks the area well before the start and nothing else "
        "particular happened in the area at the same time.")
    if r.credible:
        return text + " The pre-period fits well, so the result can count as rung 4."
    return text + " The result is not yet enough for rung 4: " + "; ".join(r.credibility_problems) + "."


def explain_its(r: Any, lang: str = "sv") -> str:
    e, s = r.estimate, r.slope_change
    if lang == "sv":
        text = (
            f"En avbruten tidsserie för ett område: vid starten ändrades nivån med {e.format(lang)} "
            f"({format_p(e.p_value, lang)}) och lutningen med {_n(s.estimate, lang, 3)} per period, "
            f"jämfört med trenden före ({r.n_pre_periods} perioder före, {r.n_post_periods} efter; "
            f"standardfel robusta mot autokorrelation, Newey–West med {r.hac_lags} laggar). "
            "Det här är svagare bevis än en områdesjämförelse: utan jämförelseområde syns allt annat "
            "som ändrades vid samma tid (regler, konjunktur, registrering) som 'effekt'. Analysen räknas "
            "därför som steg 3 (resultatuppföljning), inte steg 4.")
    else:
        text = (
            f"An interrupted time series for one area: at the start the level changed by "
            f"{e.format(lang)} ({format_p(e.p_value, lang)}) and the slope by {_n(s.estimate, lang, 3)} "
            f"per period, against the trend before ({r.n_pre_periods} periods before, {r.n_post_periods} "
            f"after; autocorrelation-robust Newey–West standard errors with {r.hac_lags} lags). "
            "This is weaker evidence than an area comparison: without a comparison area, anything else "
            "that changed at the same time (rules, economy, recording) shows up as 'effect'. The "
            "analysis therefore counts as rung 3 (outcome follow-up), not rung 4.")
    if not r.credible:
        text += (" " + ("Dessutom: " if lang == "sv" else "Also: ") + "; ".join(r.credibility_problems) + ".")
    return text
