"""Plain-language explanations (Swedish/English) of rung-5 results; texts live in the catalogue."""

from __future__ import annotations

from workbench.core.messages import msg
from workbench.core.results import format_number, format_p

_METHODS = {
    "difference_in_means": ("skillnad i medelvärden", "difference in means"),
    "ols": ("regression med kovariater", "regression with covariates"),
    "lin": ("Lins regressionsjustering", "Lin's regression adjustment"),
}
_SCHEMES = {
    "simple": ("enkel slumpning", "simple randomization"),
    "blocks": ("inom block", "within blocks"),
    "clusters": ("hela kluster", "whole clusters"),
    "blocked_clusters": ("kluster inom block", "clusters within blocks"),
    "bernoulli": ("oberoende lottning", "independent draws"),
}


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key, (key, key))
    return pair[0] if lang == "sv" else pair[1]


def _credibility(result, lang: str) -> str:
    if result.credible:
        key = "randomized.explain.credible_meta" if result.kind == "meta_analysis" else "randomized.explain.credible"
        return msg(key, lang)
    return msg("randomized.explain.not_credible", lang, problems=" ".join(result.credibility_problems))


def _pct(x: float, lang: str) -> str:
    return format_number(100 * x, 1, lang) + (" %" if lang == "sv" else "%")


def _arm_name(label: str, group: str, lang: str) -> str:
    if label not in ("0", "1"):
        return label
    words = {"treated": ("insats", "treatment"), "control": ("kontroll", "control")}[group]
    return words[0] if lang == "sv" else words[1]


def explain_rct(result, lang: str = "sv") -> str:
    e = result.estimate
    arms = result.arms.set_index("group")
    parts = [
        msg(
            "randomized.explain.rct", lang, treated=_arm_name(arms.loc["treated", "arm"], "treated", lang),
            control=_arm_name(arms.loc["control", "arm"], "control", lang),
            n=e.n, outcome=result.outcome, effect=e.format(lang, 3), p=format_p(e.p_value, lang),
            method=_pick(_METHODS, e.method, lang) + (f", {e.se_type}" if e.se_type not in (None, "Neyman") else ""),
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
            msg("randomized.explain.ri", lang, scheme=_pick(_SCHEMES, ri.scheme, lang),
                draws=format_number(ri.n_draws, 0, lang), how=how, p=format_p(ri.p_value, lang))
        )
    parts.append(msg("randomized.explain.claim_rct", lang))
    parts.append(_credibility(result, lang))
    return " ".join(parts)


def explain_cace(result, lang: str = "sv") -> str:
    text = msg(
        "randomized.explain.cace", lang, take_up=format_number(100 * result.first_stage.estimate, 1, lang),
        outcome=result.outcome, itt=result.itt.format(lang, 3), cace=result.estimate.format(lang, 3),
        p=format_p(result.estimate.p_value, lang),
    )
    return f"{text} {_credibility(result, lang)}"


def explain_meta(result, lang: str = "sv") -> str:
    e = result.estimate
    names = {"fixed": ("fast effekt", "fixed effect"), "DL": ("slumpeffekter, DerSimonian–Laird",
             "random effects, DerSimonian–Laird"), "REML": ("slumpeffekter, REML", "random effects, REML")}
    text = msg(
        "randomized.explain.meta", lang, k=e.n, method=_pick(names, result.method, lang),
        effect=e.format(lang, 3), p=format_p(e.p_value, lang), i2=format_number(result.i2, 0, lang),
        tau2=format_number(result.tau2, 4, lang), q=format_number(result.q, 2, lang), q_p=format_p(result.q_p, lang),
    )
    return f"{text} {_credibility(result, lang)}"
