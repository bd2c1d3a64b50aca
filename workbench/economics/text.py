"""Plain-language text of a cost-benefit result (Swedish and English) and its list of assumptions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.messages import msg
from workbench.core.results import format_number
from workbench.core.text import Msg, is_msg_dict

if TYPE_CHECKING:  # pragma: no cover
    from typing import Any as CostBenefitResult  # the result satisfies it; text never imports result.py

PERSPECTIVE_NAMES = {
    "kommun": ("kommunens", "the municipality's"),
    "offentlig": ("den offentliga sektorns", "the public sector's"),
    "samhälle": ("samhällets", "society's"),
    "egen": ("de valda budgetansvarigas", "the chosen budget holders'"),
}


def kr(x: float | None, lang: str) -> str:
    return f"{format_number(x, 0, lang)} kr" if lang == "sv" else f"SEK {format_number(x, 0, lang)}"


def pct(x: float | None, lang: str, digits: int = 0) -> str:
    if x is None:
        return "–"
    return f"{format_number(100 * x, digits, lang)} %" if lang == "sv" else f"{format_number(100 * x, digits, lang)}%"


def assumption_lines(r: "CostBenefitResult", lang: str) -> list[str]:
    """Every assumption rendered in ``lang`` (numbers formatted for that language)."""
    out = []
    for key, params in r.assumptions:
        shown = {}
        for k, v in params.items():
            if isinstance(v, dict) and set(v) == {"rate"}:
                shown[k] = pct(v["rate"], lang, 1)
            elif isinstance(v, dict) and set(v) == {"kr"}:
                shown[k] = kr(v["kr"], lang)
            elif isinstance(v, dict) and set(v) == {"number"}:
                shown[k] = format_number(v["number"], 3, lang).rstrip("0").rstrip(",.")
            elif isinstance(v, dict) and set(v) == {"numbers"}:
                shown[k] = " → ".join(format_number(x, 2, lang) for x in v["numbers"])
            elif isinstance(v, dict) and set(v) == {"sv", "en"}:
                shown[k] = v[lang]
            elif is_msg_dict(v):  # a message kept as data (e.g. read back from to_dict())
                shown[k] = Msg.from_dict(v)
            else:
                shown[k] = v
        out.append(msg(key, lang, **shown))
    return out


def explain_text(r: "CostBenefitResult", lang: str = "sv") -> str:
    sv = lang == "sv"
    who = PERSPECTIVE_NAMES.get(r.perspective, PERSPECTIVE_NAMES["egen"])[0 if sv else 1]
    first, last = r.years[0], r.years[-1]
    parts = []
    if sv:
        parts.append(f"Ur {who} perspektiv ger satsningen ett nettonuvärde på {kr(r.npv, lang)} för åren "
                     f"{first}–{last} (diskonteringsränta {pct(r.discount_rate, lang, 1)}, basår {r.base_year}); "
                     f"för alla budgetansvariga tillsammans {kr(r.npv_all, lang)}.")
        parts.append(f"Den betalar sig budgetåret {r.payback_year}." if r.payback_year is not None else
                     "Den betalar sig inte inom kalkylperioden.")
    else:
        parts.append(f"From {who} perspective the intervention has a net present value of {kr(r.npv, lang)} "
                     f"over {first}–{last} (discount rate {pct(r.discount_rate, lang, 1)}, base year "
                     f"{r.base_year}); for all budget holders together {kr(r.npv_all, lang)}.")
        parts.append(f"It pays back in budget year {r.payback_year}." if r.payback_year is not None else
                     "It does not pay back within the period.")
    payers = [h for h, v in r.npv_by_holder.items() if v < 0]
    savers = [h for h, v in r.npv_by_holder.items() if v > 0]
    if payers or savers:
        if sv:
            parts.append(f"Nettokostnaden bärs av {', '.join(payers) or 'ingen'}; nettobesparingen hamnar hos "
                         f"{', '.join(savers) or 'ingen'} — ofta senare år och i andra budgetar.")
        else:
            parts.append(f"The net cost is borne by {', '.join(payers) or 'nobody'}; the net saving lands with "
                         f"{', '.join(savers) or 'nobody'} — often in later years and other budgets.")
    s = r.simulation
    if sv:
        parts.append(f"I {format_number(s.n_sims, 0, lang)} simuleringar betalar satsningen sig inom {s.payback_within} budgetår (senast "
                     f"{s.payback_by}) med sannolikheten {pct(s.p_payback, lang)}; nuvärdet är positivt med "
                     f"sannolikheten {pct(s.p_positive, lang)} och ligger i 95 % av simuleringarna mellan "
                     f"{kr(s.npv_low, lang)} och {kr(s.npv_high, lang)}.")
    else:
        parts.append(f"In {format_number(s.n_sims, 0, lang)} simulations it pays back within {s.payback_within} budget years (by "
                     f"{s.payback_by}) with probability {pct(s.p_payback, lang)}; the NPV is positive with "
                     f"probability {pct(s.p_positive, lang)} and lies between {kr(s.npv_low, lang)} and "
                     f"{kr(s.npv_high, lang)} in 95% of the simulations.")
    if r.break_even and r.break_even_scale is not None:
        name, value = next(iter(r.break_even.items()))
        v, share = format_number(value, 3, lang), pct(r.break_even_scale, lang)
        parts.append(f"Kalkylen går jämnt ut vid {share} av den antagna effekten ({name} = {v})." if sv else
                     f"The calculation breaks even at {share} of the assumed effect ({name} = {v}).")
    if len(r.tornado_table):
        top = r.tornado_table.iloc[0]["label"]
        parts.append(f"Mest betyder: {top}." if sv else f"What matters most: {top}.")
    rung = r.evidence_rung
    if sv:
        parts.append("Detta är en kalkyl, inte ett steg på utvärderingstrappan: den är aldrig säkrare än "
                     f"effektskattningen den bygger på ({'steg ' + str(rung) if rung else 'okänt steg'}) och "
                     "de enhetskostnader som antagits.")
    else:
        parts.append("This is a calculation, not a rung of the evaluation ladder: it is never surer than the "
                     f"effect estimate it rests on ({'rung ' + str(rung) if rung else 'unknown rung'}) and the "
                     "unit costs assumed.")
    if r.repayment is not None:
        p = r.repayment
        if sv:
            parts.append(f"Återföring till {p.fund}: {kr(p.repaid_total, lang)} av {kr(p.investment, lang)}"
                         + (f", färdigt {p.repaid_year}." if p.repaid_year else ", inte färdigt inom perioden.")
                         + ("" if p.evidence_ok else " Evidensen räcker inte för att kräva återbetalning (steg < 4)."))
        else:
            parts.append(f"Repayment to {p.fund}: {kr(p.repaid_total, lang)} of {kr(p.investment, lang)}"
                         + (f", complete in {p.repaid_year}." if p.repaid_year else ", not complete within the period.")
                         + ("" if p.evidence_ok else " The evidence does not support demanding repayment (rung < 4)."))
    head = "Antaganden:" if sv else "Assumptions:"
    lines = "\n".join(f"- {a}" for a in assumption_lines(r, lang))
    return " ".join(parts) + f"\n\n{head}\n{lines}"
