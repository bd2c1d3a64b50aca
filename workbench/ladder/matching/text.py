"""What matching says in words: message parts (numbers, lists, failing covariates) and the explanations.

Warnings and credibility problems are kept as :class:`~workbench.core.text.Msg` and rendered when
read, so their parts must render in the reader's language too: :func:`number` keeps a number in
both notations (``0,35`` / ``0.35``) and :func:`joined` a list of messages. The explanations are
rendered from catalogue entries in the language asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.core.messages import msg
from workbench.core.results import format_number, format_p
from workbench.core.text import Msg, Num, Text, render

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def number(x: float | None, digits: int = 2) -> Num:
    """A number shown as the reader's language writes it (Swedish decimal comma, English point)."""
    return Num(x, digits)


def joined(items: list[Text]) -> Text:
    """The items as one comma-separated message (each item rendered in the reader's language)."""
    if not items:
        return ""
    out: Text = items[-1]
    for item in reversed(items[:-1]):
        out = Msg("matching.join", first=item, rest=out)
    return out


def failing_items(balance: "pd.DataFrame") -> list[Msg]:
    """Covariates of a balance table that fail the thresholds after matching, one message each."""
    out: list[Msg] = []
    for cov, row in balance.iterrows():
        if bool(row[("check", "ok")]):
            continue
        if not bool(row[("check", "smd_ok")]):
            out.append(Msg("matching.failing.smd", covariate=str(cov), value=number(row[("after", "smd")])))
        else:
            out.append(Msg("matching.failing.var_ratio", covariate=str(cov),
                           value=number(row[("after", "var_ratio")])))
    return out


def explain_match(method: str, counts: dict[str, int], fails: list[Msg], lang: str) -> str:
    """The explanation of a matching: units kept, balance, and what matching cannot do."""
    c = counts
    parts = [msg("matching.explain.kept", lang, method=method, treated_matched=c["treated_matched"],
                 treated=c["treated"], control_matched=c["control_matched"], control=c["control"])]
    if fails:
        parts.append(msg("matching.explain.balance_fails", lang, items=render(joined(fails), lang)))
    else:
        parts.append(msg("matching.explain.balance_good", lang))
    parts.append(msg("matching.explain.caveat", lang))
    return " ".join(parts)


def explain_effect(r: Any, lang: str) -> str:
    """The explanation of a :class:`~workbench.ladder.matching.effect_result.MatchingEffect`."""
    e = r.estimate
    kind = msg("matching.explain.kind_proportion" if r.outcome_binary else "matching.explain.kind_means", lang)
    parts = [msg("matching.explain.effect", lang, n_treated=r.n_treated_matched, outcome=r.outcome, kind=kind,
                 estimand=e.estimand, estimate=e.format(lang), p=format_p(e.p_value, lang),
                 n_control=r.n_control_matched)]
    if e.estimand == "ATM":
        parts.append(msg("matching.explain.atm", lang, dropped=r.n_treated_dropped))
    if r.credible:
        parts.append(msg("matching.explain.credible", lang))
    else:
        parts.append(msg("matching.explain.not_credible", lang, problems="; ".join(r.problems_in(lang))))
    ev = r.e_value.get("estimate")
    if ev is not None and ev == ev:
        parts.append(msg("matching.explain.e_value", lang, value=format_number(ev, 2, lang)))
    parts.append(msg("matching.explain.assumption", lang))
    return " ".join(parts)

