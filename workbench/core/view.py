"""One view of a result, in one language: what every place that shows a result shows.

A notebook (``_repr_html_``), the staff app's results page, the HTML report and the evidence card
all start from a :class:`ResultView` — like statsmodels' ``Summary``, one object with several
renderers — so they never disagree about which warnings, problems, explanation, table or chart a
result has. A view is made from a live result (:meth:`ResultView.of_result`) or from a saved
payload (:meth:`ResultView.of_payload`, what ``Project.save_result`` wrote), always in the reader's
language: the argument, else the session language, else Swedish.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.core.text import payload_texts


def headline_estimate(payload: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The estimate to show a reader: the result's ``headline`` where it has one (e.g. a DiD with few
    treated areas, whose valid interval is the placebo one), else its ``estimate``."""
    for key in ("headline", "estimate"):
        value = payload.get(key)
        if isinstance(value, Mapping):
            return value
    return None


@dataclass(frozen=True)
class ResultView:
    """The parts of one result as a reader in ``lang`` sees them (no statistics are computed here)."""

    lang: str
    kind: str
    label: str
    rung: int | None
    credible: bool | None
    explain: str
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    table: tuple[dict[str, Any], ...] = ()
    chart: Mapping[str, Any] | None = None
    estimate: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of_payload(cls, payload: Mapping[str, Any], lang: str | None = None) -> ResultView:
        """The view of a saved result (``Project.save_result``'s JSON) in ``lang``."""
        lang = resolve_lang(lang)
        explain = payload.get("explain") or {}
        if isinstance(explain, Mapping):
            text = str(explain.get(lang) or explain.get("sv") or "")
        else:
            text = str(explain)
        by_lang = payload.get("chart_vegalite_by_lang") or {}
        summary = payload.get("summary")
        rows = tuple(dict(r) for r in summary) if isinstance(summary, list) else ()
        credible = payload.get("credible")
        return cls(
            lang=lang,
            kind=str(payload.get("kind") or "result"),
            label=str(payload.get("label") or payload.get("kind") or ""),
            rung=payload.get("rung"),
            credible=None if credible is None else bool(credible),
            explain=text,
            problems=payload_texts(payload, "credibility_problems", lang),
            warnings=payload_texts(payload, "warnings", lang),
            assumptions=tuple((payload.get("assumptions_text") or {}).get(lang) or ()),
            table=rows,
            chart=by_lang.get(lang) or payload.get("chart_vegalite"),
            estimate=headline_estimate(payload),
        )

    @classmethod
    def of_result(cls, result: Any, lang: str | None = None, *, chart: bool = False,
                  label: str | None = None) -> ResultView:
        """The view of a live result; ``chart=True`` also builds its chart spec in ``lang``."""
        from workbench.core.serialize import json_safe

        lang = resolve_lang(lang)
        payload = dict(result.to_dict())
        payload["label"] = label or payload.get("label") or payload.get("kind")
        payload["explain"] = {lang: result.explain(lang)}
        if chart:
            payload["chart_vegalite_by_lang"] = {lang: json_safe(result.chart(lang=lang).to_dict())}
        view = cls.of_payload(payload, lang)
        # the live result renders its messages itself (the payload holds the session language's text)
        return ResultView(**{**view.__dict__, "warnings": tuple(result.warnings_in(lang)),
                             "problems": tuple(result.problems_in(lang)) if view.credible is not None else ()})

    def html(self) -> str:
        """A compact HTML rendering for notebooks: explanation, table, problems and warnings."""
        import pandas as pd

        parts = [f"<div class='wb-result'><p>{html.escape(self.explain)}</p>"]
        if self.table:
            frame = pd.DataFrame(list(self.table))
            parts.append(frame.to_html(index=False, float_format=lambda v: f"{v:.4g}", na_rep="–"))
        for title_key, items in (("core.problems_title", self.problems), ("core.warnings_title", self.warnings)):
            if items:
                lis = "".join(f"<li>{html.escape(w)}</li>" for w in items)
                parts.append(f"<p><strong>{html.escape(msg(title_key, self.lang))}</strong></p><ul>{lis}</ul>")
        parts.append("</div>")
        return "".join(parts)
