"""Plain-language explanations of the area comparisons, in the reader's language.

Each text says what the number is, how sure it is, and what an area comparison can and cannot claim.
The sentences are catalogue entries (``area.explain.*`` in ``core/messages/area.py``); ``lang`` is the
reader's language (None: the session language), never the language the result was made in.
"""

from __future__ import annotations

from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.core.results import format_number, format_p


def _n(x: float | None, lang: str, digits: int = 2) -> str:
    return format_number(x, digits, lang)


def _problems(r: Any, lang: str) -> str:
    return "; ".join(r.problems_in(lang))


def _credibility(r: Any, lang: str) -> str:
    if r.credible:
        return msg("area.explain.credible", lang)
    return msg("area.explain.not_credible", lang, problems=_problems(r, lang))


def _extra_p(r: Any, lang: str) -> str:
    items = []
    if r.p_wild_bootstrap is not None:
        items.append(msg("area.explain.p_wild", lang, p=format_p(r.p_wild_bootstrap, lang)))
    if r.p_permutation is not None:
        items.append(msg("area.explain.p_permutation", lang, p=format_p(r.p_permutation, lang)))
    if len(items) == 2:
        return msg("area.explain.both", lang, first=items[0], second=items[1])
    return items[0] if items else ""


def explain_did(r: Any, lang: str | None = None) -> str:
    lang = resolve_lang(lang)
    e = r.headline or r.estimate
    what = msg("area.explain.did.what_twfe" if r.method == "twfe" else "area.explain.did.what_cs", lang)
    parts = [
        msg("area.explain.did.headline", lang, what=what, n_treated=r.n_treated,
            n_controls=r.n_units - r.n_treated, n_periods=r.n_periods, est=e.format(lang),
            p=format_p(e.p_value, lang)),
        msg("area.explain.did.meaning", lang),
    ]
    extra = _extra_p(r, lang)
    if extra:
        parts.append(msg("area.explain.did.extra_p", lang, extra=extra))
    parts.append(msg("area.explain.did.limits", lang))
    parts.append(_credibility(r, lang))
    return " ".join(parts)


def explain_event(r: Any, lang: str | None = None) -> str:
    lang = resolve_lang(lang)
    text = msg("area.explain.event", lang, leads=r.leads, lags=r.lags, p=format_p(r.pretrend_p_used, lang))
    return text + " " + _credibility(r, lang)


def explain_synth(r: Any, lang: str | None = None) -> str:
    lang = resolve_lang(lang)
    top = r.weights.sort_values(ascending=False)
    top = top[top >= 0.01].head(5)
    names = ", ".join(msg("area.explain.synth.weight", lang, unit=k, share=_n(100 * v, lang, 0))
                      for k, v in top.items())
    text = msg("area.explain.synth.body", lang, names=names, unit=r.treated_unit, rmspe=_n(r.pre_rmspe, lang),
               gap=_n(r.estimate.estimate, lang), p=format_p(r.p_value, lang))
    if r.credible:
        return text + " " + msg("area.explain.synth.credible", lang)
    return text + " " + msg("area.explain.not_credible", lang, problems=_problems(r, lang))


def explain_its(r: Any, lang: str | None = None) -> str:
    lang = resolve_lang(lang)
    e, s = r.estimate, r.slope_change
    text = msg("area.explain.its.body", lang, level=e.format(lang), p=format_p(e.p_value, lang),
               slope=_n(s.estimate, lang, 3), n_pre=r.n_pre_periods, n_post=r.n_post_periods,
               lags=r.hac_lags)
    if not r.credible:
        text += " " + msg("area.explain.its.also", lang, problems=_problems(r, lang))
    return text
