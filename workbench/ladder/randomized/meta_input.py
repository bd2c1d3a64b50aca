"""Reading the inputs of a meta-analysis: results, Estimates or a table of estimates."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from workbench.core.errors import InputError, TooFewRowsError
from workbench.core.results import Estimate
from workbench.core.text import Msg, Text, from_stored
from workbench.core.validate import require_columns, require_no_missing, to_numeric

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def meta_inputs(
    estimates: Any, labels: str | Sequence[str] | None, estimate: str, std_error: str, *, lang: str
) -> tuple["pd.DataFrame", list[Msg]]:
    """A table ``study, estimate, std_error, ci_low, ci_high`` and the credibility problems (messages)."""
    import pandas as pd
    from scipy import stats

    problems: list[Msg] = []
    if isinstance(estimates, pd.DataFrame):
        require_columns(estimates, [estimate, std_error, labels if isinstance(labels, str) else None], lang=lang)
        est = to_numeric(estimates, estimate, lang=lang)
        se = to_numeric(estimates, std_error, lang=lang)
        frame = pd.DataFrame({"estimate": est, "std_error": se})
        require_no_missing(frame, ["estimate", "std_error"], lang=lang)
        if isinstance(labels, str):
            names = estimates[labels].astype(str).tolist()
        else:
            names = [str(v) for v in (labels or range(1, len(frame) + 1))]
        problems.append(Msg("randomized.cred.meta_unknown"))
        rows = list(zip(names, frame["estimate"], frame["std_error"]))
    elif isinstance(estimates, Sequence) and not isinstance(estimates, str):
        names = list(labels) if labels is not None and not isinstance(labels, str) else []
        rows = []
        unknown = False
        for i, item in enumerate(estimates):
            if isinstance(item, Mapping):  # a saved payload (to_dict()) or an evidence card
                item = _from_mapping(item, lang=lang, estimate=estimate, std_error=std_error)
            e = item if isinstance(item, Estimate) else getattr(item, "estimate", None)
            if not isinstance(e, Estimate):
                raise InputError("randomized.meta_input", lang=lang, estimate=estimate, std_error=std_error,
                                 got=type(item).__name__)
            name = names[i] if i < len(names) else (getattr(item, "label", None) or str(i + 1))
            rows.append((str(name), e.estimate, e.std_error))
            if isinstance(item, Estimate) or getattr(item, "credible", None) is None:
                unknown = True
            elif not (getattr(item, "credible", False) and getattr(item, "rung", None) == 5):
                reasons = _problems_of(item)
                if reasons:
                    problems.append(Msg("randomized.cred.meta_not_credible", study=str(name), reason=reasons[0]))
                else:
                    problems.append(Msg("randomized.cred.meta_not_rung5", study=str(name)))
        if unknown:
            problems.append(Msg("randomized.cred.meta_unknown"))
    else:
        raise InputError("randomized.meta_input", lang=lang, estimate=estimate, std_error=std_error,
                         got=type(estimates).__name__)
    if len(rows) < 2:
        raise TooFewRowsError("randomized.meta_too_few", lang=lang, n=len(rows))
    for name, _, s in rows:
        if not (isinstance(s, (int, float)) and math.isfinite(s) and s > 0):
            raise InputError("randomized.meta_bad_se", lang=lang, study=name, value=s)
    z = stats.norm.ppf(0.975)
    table = pd.DataFrame(rows, columns=["study", "estimate", "std_error"])
    table["ci_low"] = table["estimate"] - z * table["std_error"]
    table["ci_high"] = table["estimate"] + z * table["std_error"]
    return table, problems


def _problems_of(item: Any) -> tuple[Text, ...]:
    """Why an input does not count: its messages when it keeps them (so they render in the reader's
    language), else the text it was saved with."""
    msgs = tuple(getattr(item, "problem_msgs", None) or ())
    if msgs:
        return msgs
    return tuple(str(t) for t in (getattr(item, "credibility_problems", None) or ()))


def _from_mapping(item: Mapping[str, Any], *, lang: str, estimate: str, std_error: str) -> SimpleNamespace:
    """A saved result payload or a municipality's evidence card as (estimate, label, credible, rung).

    Payloads saved since messages became data keep the credibility problems as messages
    (``problem_msgs``); older payloads and hand-made cards have only the text (``credibility_problems``).
    """
    e = item.get("estimate")
    if not isinstance(e, Mapping) or e.get("estimate") is None or e.get("std_error") is None:
        raise InputError("randomized.meta_input", lang=lang, estimate=estimate, std_error=std_error,
                         got="dict")
    est = Estimate(float(e["estimate"]), float(e["std_error"]), math.nan, math.nan, math.nan, math.nan, None,
                   int(e.get("n") or 0), str(e.get("estimand") or ""), str(e.get("method") or ""), None)
    rung = item.get("rung", item.get("rung_reached"))
    return SimpleNamespace(
        estimate=est, label=item.get("label") or item.get("municipality"), credible=item.get("credible"),
        rung=rung, problem_msgs=from_stored(item.get("problem_msgs")),
        credibility_problems=tuple(str(t) for t in (item.get("credibility_problems") or ())),
    )
