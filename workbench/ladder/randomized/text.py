"""Plain-language explanations (Swedish/English) of rung-5 results; texts live in the catalogue.

Every function takes the reader's language (already resolved by the result) and renders the
result's stored messages — its credibility problems included — in that language.
"""

from __future__ import annotations

from workbench.core.messages import catalogue, msg
from workbench.core.results import format_number, format_p


def _word(prefix: str, key: str, lang: str) -> str:
    """The catalogue's word for ``key`` (a method, scheme …); the key itself when it has none."""
    full = f"{prefix}.{key}"
    return msg(full, lang) if full in catalogue() else str(key)


def _credibility(result, lang: str) -> str:
    if result.credible:
        key = "randomized.explain.credible_meta" if result.kind == "meta_analysis" else "randomized.explain.credible"
        return msg(key, lang)
    return msg("randomized.explain.not_credible", lang, problems=" ".join(result.problems_in(lang)))


def _pct(x: float, lang: str) -> str:
    return format_number(100 * x, 1, lang) + (" %" if lang == "sv" else "%")


def _arm_name(label: str, group: str, lang: str) -> str:
    if label not in ("0", "1"):
        return label
    return msg(f"randomized.arm.{group}", lang)


def explain_rct(result, lang: str) -> str:
    e = result.estimate
    arms = result.arms.set_index("group")
    parts = [
        msg(
            "randomized.explain.rct", lang, treated=_arm_name(arms.loc["treated", "arm"], "treated", lang),
            control=_arm_name(arms.loc["control", "arm"], "control", lang),
            n=e.n, outcome=result.outcome, effect=e.format(lang, 3), p=format_p(e.p_value, lang),
            method=_word("randomized.method", e.method, lang)
            + (f", {e.se_type}" if e.se_type not in (None, "Neyman") else ""),
        )
    ]
    if result.risk_ratio is not None:
        parts.append(
            msg("randomized.explain.binary", lang, p1=_pct(arms.loc["treated", "mean"], lang),
                p0=_pct(arms.loc["control", "mean"], lang), rr=result.risk_ratio.format(lang, 2))
        )
    if result.randomization is not None:
        ri = result.randomization
        how = msg("randomized.explain.exact" if ri.exact else "randomized.explain.sampled", lang)
        parts.append(
            msg("randomized.explain.ri", lang, scheme=_word("randomized.scheme", ri.scheme, lang),
                draws=format_number(ri.n_draws, 0, lang), how=how, p=format_p(ri.p_value, lang))
        )
    parts.append(msg("randomized.explain.claim_rct", lang))
    parts.append(_credibility(result, lang))
    return " ".join(parts)


def explain_cace(result, lang: str) -> str:
    text = msg(
        "randomized.explain.cace", lang, take_up=format_number(100 * result.first_stage.estimate, 1, lang),
        outcome=result.outcome, itt=result.itt.format(lang, 3), cace=result.estimate.format(lang, 3),
        p=format_p(result.estimate.p_value, lang),
    )
    return f"{text} {_credibility(result, lang)}"


def explain_meta(result, lang: str) -> str:
    e = result.estimate
    text = msg(
        "randomized.explain.meta", lang, k=e.n, method=_word("randomized.meta_method", result.method, lang),
        effect=e.format(lang, 3), p=format_p(e.p_value, lang), i2=format_number(result.i2, 0, lang),
        tau2=format_number(result.tau2, 4, lang), q=format_number(result.q, 2, lang), q_p=format_p(result.q_p, lang),
    )
    return f"{text} {_credibility(result, lang)}"
