"""Plain language of a long-term follow-up: "Höll resultaten i sig?" with the attrition caveat."""

from __future__ import annotations

from typing import Any

from workbench.core.messages import msg
from workbench.core.results import format_number


def verdict(result: Any) -> str:
    """Compare the first and the latest occasion.

    ``no_effect``: no clear effect at the first occasion; ``held``: clear at both, same sign;
    ``faded``: clear first, the latest interval includes zero and the estimate shrank by more than
    half; ``unclear``: otherwise (clear first, the latest uncertain but not clearly smaller).
    """
    first, last = result.per_occasion[0].estimate, result.per_occasion[-1].estimate
    if len(result.per_occasion) < 2 or not first.significant:
        return "no_effect"
    if last.significant and (last.estimate > 0) == (first.estimate > 0):
        return "held"
    if abs(last.estimate) < 0.5 * abs(first.estimate) or (last.estimate > 0) != (first.estimate > 0):
        return "faded"
    return "unclear"


def explain_longterm(result: Any, lang: str) -> str:
    """The paragraph shown in reports: effects per occasion, whether they held, the caveats."""
    each = [msg("followup.text.occasion", lang, occasion=occ, effect=r.estimate.format(lang), n=r.estimate.n)
            for occ, r in zip(result.occasions, result.per_occasion, strict=True)]
    parts = [msg("followup.text.intro", lang, treated=result.treated_label, control=result.control_label)
             + " " + "; ".join(each) + "."]
    v = verdict(result)
    first, last = result.occasions[0], result.occasions[-1]
    parts.append(msg(f"followup.text.{v}", lang, first=first, last=last))
    for row in result.effects.itertuples():
        if row.missing > 0.20 or row.missing_difference > 0.05:
            parts.append(msg("followup.text.attrition", lang, occasion=row.occasion,
                             missing=format_number(100 * row.missing, 0, lang),
                             difference=format_number(100 * row.missing_difference, 0, lang)))
            for b in result.bounds[result.bounds["occasion"] == row.occasion].itertuples():
                parts.append(msg(f"followup.text.bounds_{b.method}", lang, occasion=row.occasion,
                                 lower=format_number(b.lower, 2, lang), upper=format_number(b.upper, 2, lang)))
    parts.append(msg("followup.text.claim", lang))
    return " ".join(parts)
