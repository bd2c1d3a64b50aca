"""The decision makers' report: one self-contained HTML file that opens offline in any browser.

Summary first ("Vad vet vi om effekten?"), then the ladder with what the reached rung can and cannot
claim, the project, results per rung (explanation, table with small counts suppressed, chart as
inline SVG, warnings), the assumptions, and a method appendix. No scripts, no external links, print
CSS for A4. The report reads saved result payloads (``resultat/*.json``); it never queries the
registry database.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.core.messages import msg, resolve_lang
from workbench.core.results import format_number
from workbench.core.view import ResultView, headline_estimate
from workbench.reporting.cells import column_label, format_cell, readable_columns
from workbench.reporting.evidence import evidence_card, headline
from workbench.reporting.svg import chart_svg

MIN_COUNT = 5
_COUNT_COLUMN = re.compile(r"^(n|n_.*|.*_n|count|counts|antal.*|freq)$", re.IGNORECASE)
TEMPLATE = Path(__file__).resolve().parent / "templates" / "report.html.j2"


def _suppressed_table(rows: Any, lang: str = "sv") -> str:
    """A result's summary as an HTML table; count cells between 1 and 4 become '<5'."""
    import pandas as pd

    if not rows:
        return ""
    table = readable_columns(pd.DataFrame(rows))
    from workbench.data.privacy import assert_no_personnummer

    assert_no_personnummer(table)
    shown = table.astype(object)
    for col in table.columns:
        if _COUNT_COLUMN.match(str(col)) and pd.api.types.is_numeric_dtype(table[col]):
            small = table[col].between(1, MIN_COUNT - 1, inclusive="both")
            shown.loc[small, col] = f"<{MIN_COUNT}"
    head = "".join(f"<th>{html.escape(column_label(c, lang))}</th>" for c in shown.columns)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(format_cell(v, lang, 3) or '–')}</td>" for v in row) + "</tr>"
                   for row in shown.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _result_section(payload: Mapping[str, Any], lang: str) -> dict[str, Any]:
    view = ResultView.of_payload(payload, lang)
    return {
        "label": view.label,
        "credible": view.credible,
        "explain": view.explain,
        "table": _suppressed_table(list(view.table), lang),
        "svg": chart_svg(view.chart, lang),
        "warnings": list(view.warnings),
        "problems": list(view.problems),
        "assumptions": list(view.assumptions),
    }


def _summary_text(results: list[Mapping[str, Any]], status: Any, lang: str) -> str:
    claim = msg(f"ladder.claim.{status.reached}", lang)
    best = headline([r for r in results if (r.get("rung") or 0) >= 4])
    if best is None or not best.get("credible"):
        return msg("reporting.no_effect_yet", lang, claim=claim)
    e = headline_estimate(best)
    pct = int(round((e.get("conf_level") or 0.95) * 100))
    kind = "KI" if lang == "sv" else "CI"
    text = (f"{format_number(e['estimate'], 2, lang)} ({pct} % {kind} {format_number(e['ci_low'], 2, lang)} – "
            f"{format_number(e['ci_high'], 2, lang)}, n = {e.get('n')})")
    return msg("reporting.effect_found", lang, estimate=text, design=best.get("label") or best.get("kind"), claim=claim)


def build_report(project: Any, *, out: str | Path | None = None, lang: str | None = None) -> str:
    """Render the project's report; write it to ``out`` (default ``rapporter/rapport.html``) and return the HTML.

    Also writes the evidence card beside it (``evidensbevis.json``).

    Parameters
    ----------
    project
        A :class:`workbench.Project` (its step-1 record, saved results and ladder status are read;
        the registry is never queried).
    out
        Where to write the HTML file; ``None`` writes ``<project>/rapporter/rapport.html``.
    lang
        Language of the report (``"sv"`` or ``"en"``); ``None`` uses the project's language, else
        the session language. Saved results render their warnings, problems, explanations and
        chart titles in this language, whatever language they were made in.

    Returns
    -------
    str
        The report as one self-contained HTML document (inline CSS and SVG charts, no external
        requests).

    Notes
    -----
    Sections follow the ladder: a summary for decision makers first (the most credible result of
    the highest rung, :func:`workbench.reporting.evidence.headline`), then each rung with its
    results, then rung-less results such as cost-benefit. Count cells :math:`1 \\le n < 5` in
    result tables are shown as ``<5``; a table holding a valid personnummer is refused.
    """
    import jinja2

    lang = resolve_lang(lang or getattr(project, "lang", None))
    description = project.description
    results = project.results()
    status = project.status(lang=lang)
    by_step: dict[int, list[dict[str, Any]]] = {}
    for payload in results:
        by_step.setdefault(int(payload.get("rung") or 0), []).append(_result_section(payload, lang))
    other = [section for rung, sections in by_step.items() if rung not in (1, 2, 3, 4, 5) for section in sections]
    steps = [
        {"step": s.step, "name": s.name, "done": s.done and s.step <= status.reached, "missing": s.missing,
         "results": by_step.get(s.step, [])}
        for s in status.steps
    ]
    target = description.get("target_group") or {}
    period = description.get("period") or {}
    facts = [
        (msg("reporting.field.municipality", lang), description.get("municipality")),
        (msg("reporting.field.owner", lang), description.get("owner")),
        (msg("reporting.field.target_group", lang), target.get("description") if isinstance(target, Mapping) else None),
        (msg("reporting.field.period", lang),
         f"{period.get('start', '')} – {period.get('end', '')}" if isinstance(period, Mapping) and period else None),
        (msg("reporting.field.problem", lang), description.get("problem")),
    ]
    from workbench.core.version import __version__

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        lang=lang,
        t=lambda key, **kw: msg(key, lang, **kw),
        name=description.get("name") or project.path.name,
        summary=_summary_text(results, status, lang),
        status_text=status.explain(lang),
        steps=steps,
        next_actions=status.next_actions,
        facts=[(k, v) for k, v in facts if v],
        any_results=bool(results),
        other=other,
        method=msg("reporting.method_text", lang, version=__version__, date=dt.date.today().isoformat(), min_count=MIN_COUNT),
    )
    target_file = Path(out) if out else project.folder("reports") / "rapport.html"
    target_file.parent.mkdir(parents=True, exist_ok=True)
    target_file.write_text(page, encoding="utf-8")
    card = evidence_card(description, results, status)
    (target_file.parent / "evidensbevis.json").write_text(json.dumps(card, ensure_ascii=False, indent=1), encoding="utf-8")
    return page
