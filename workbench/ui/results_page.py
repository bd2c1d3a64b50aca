"""The results page: the project's saved analyses per rung, and the button that exports the report.

Each saved payload (:meth:`Project.results`) is shown with its plain-language explanation, whether it
meets its rung (and why not), the summary table, the chart drawn offline as inline SVG from its
saved Vega-Lite spec (:mod:`workbench.ui.charts`), and its warnings. "Skapa rapport" calls
:func:`workbench.reporting.report.build_report` — the same function as ``workbench report`` — and
offers the self-contained file as a download.

Drawing the first chart starts vl-convert (about a second), so the app builds this page with
``background=True``: text and tables at once, the charts a moment later from a thread (vl-convert
releases the GIL), and the start page is not slowed down.
"""

from __future__ import annotations

import base64
import html
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.core.view import ResultView
from workbench.project.folder import Project
from workbench.ui.charts import chart_html, items_html, table_html
from workbench.ui.common import busy_indicator, heading, log, message_html, safe_handler

REPORT_NAME = "rapport.html"


def result_html(payload: Mapping[str, Any], lang: str = "sv", *, charts: bool = True) -> str:
    """One saved result as HTML: label, credibility, explanation, table, chart, warnings (all escaped)."""
    view = ResultView.of_payload(payload, lang)
    kind = "".join(ch if ch.isalnum() else "-" for ch in view.kind)
    parts = [f"<h4 style='margin:0.4em 0'>{html.escape(view.label)}</h4>"]
    if view.credible is not None:
        word = msg("ui.pages.results.credible_yes" if view.credible else "ui.pages.results.credible_no", lang)
        mark = "✔" if view.credible else "✘"
        parts.append(f"<p class='wb-credible' data-credible='{str(view.credible).lower()}'><strong>{mark} "
                     f"{html.escape(word)}</strong></p>")
        parts.append(items_html(list(view.problems), "wb-problems"))
    if view.explain:
        parts.append(f"<p class='wb-explain' style='max-width:60em;line-height:1.45'>{html.escape(view.explain)}</p>")
    table = table_html(list(view.table) or None, lang=lang, digits=3, result_columns=True)
    if table:
        parts.append(f"<details open><summary>{html.escape(msg('ui.pages.results.table', lang))}</summary>{table}</details>")
    if charts:
        parts.append(chart_html(view.chart, label=view.label, lang=lang))
    elif view.chart:
        parts.append(f"<p class='wb-chart-pending'><em>{html.escape(msg('ui.working', lang))}</em></p>")
    if view.warnings:
        parts.append(message_html(f"<strong>{html.escape(msg('ui.pages.results.warnings', lang))}</strong>"
                                  + items_html(list(view.warnings), "wb-warnings"), "warning"))
    return (f"<section class='wb-result wb-result-{kind}' style='border-top:1px solid #ccd;padding:0.4em 0 0.8em'>"
            f"{''.join(parts)}</section>")


def results_html(payloads: Sequence[Mapping[str, Any]], steps: Sequence[Any], lang: str = "sv", *,
                 charts: bool = True) -> str:
    """All results grouped by rung, in ladder order; rungs without results are left out."""
    if not payloads:
        return message_html(html.escape(msg("ui.pages.results.none", lang)), "info")
    names = {int(s.step): s.name for s in steps}
    groups: dict[int, list[Mapping[str, Any]]] = {}
    for payload in payloads:
        try:
            rung = int(payload.get("rung") or 0)
        except (TypeError, ValueError):
            rung = 0
        groups.setdefault(rung if rung in names else 0, []).append(payload)
    out = [f"<p class='wb-results-count'>{html.escape(msg('ui.pages.results.count', lang, n=len(payloads)))}</p>"]
    for rung in sorted(groups, key=lambda r: (r == 0, r)):
        title = (msg("ui.pages.results.step", lang, step=rung, name=names[rung]) if rung
                 else msg("ui.pages.results.other", lang))
        body = "".join(result_html(p, lang, charts=charts) for p in groups[rung])
        out.append(f"<div class='wb-step wb-step-{rung}'><h3 style='margin:0.8em 0 0.2em'>{html.escape(title)}</h3>{body}</div>")
    return "".join(out)


def _size(n_bytes: int, lang: str) -> str:
    kb = n_bytes / 1024
    text = f"{kb:.0f} kB" if kb < 1024 else f"{kb / 1024:.1f} MB"
    return text.replace(".", ",") if lang == "sv" else text


class ResultsPage(w.VBox):
    """Saved results per rung, a refresh button, and the report export.

    With ``background=True`` the charts are drawn in a thread after the page is shown.
    """

    def __init__(self, project: Project, *, lang: str = "sv", background: bool = False) -> None:
        self.project = project
        self.lang = lang
        self.report_path = None
        self._generation = 0
        self._lock = threading.Lock()
        self.body = w.HTML()
        self.body.add_class("wb-results")
        self.feedback = w.HTML()
        self.feedback.add_class("wb-results-feedback")
        self.busy = busy_indicator(lang)
        self.refresh_button = w.Button(description=msg("ui.pages.results.refresh", lang), icon="refresh")
        self.refresh_button.add_class("b-uppdatera-resultat")
        self.report_button = w.Button(description=msg("ui.pages.results.report", lang), button_style="primary",
                                      icon="file")
        self.report_button.add_class("b-rapport")
        self.refresh_button.on_click(safe_handler(self.feedback, lang, self.busy)(lambda _: self.refresh()))
        self.report_button.on_click(safe_handler(self.feedback, lang, self.busy)(lambda _: self.make_report()))
        intro = w.HTML(f"<p style='max-width:60em'>{html.escape(msg('ui.pages.results.intro', lang))}</p>")
        super().__init__([
            heading(msg("ui.pages.results.heading", lang)), intro,
            w.HBox([self.report_button, self.refresh_button, self.busy], layout=w.Layout(align_items="center")),
            self.feedback, self.body,
        ])
        safe_handler(self.feedback, lang)(self.refresh)(background=background)  # the app opens whatever is saved

    def _render(self, payloads: list[dict[str, Any]], charts: bool) -> str:
        steps = self.project.status(lang=self.lang).steps
        text = results_html(payloads, steps, self.lang, charts=charts)
        skipped = dict.fromkeys(f.message for f in self.project.findings if str(f.path).endswith(".json"))
        notes = "".join(message_html(html.escape(text), "warning") for text in skipped)
        return notes + text

    def refresh(self, *, background: bool = False) -> None:
        """Read the saved results again and show them (charts drawn now, or in a thread)."""
        with self._lock:
            self._generation += 1
            generation = self._generation
        payloads = [p for p in self.project.results() if isinstance(p, Mapping)]
        has_charts = any(p.get("chart_vegalite") for p in payloads)
        if not (background and has_charts):
            self.body.value = self._render(payloads, charts=True)
            return
        self.body.value = self._render(payloads, charts=False)

        def draw() -> None:
            try:
                page = self._render(payloads, charts=True)
            except Exception:  # the text is already shown; the log keeps the details
                log.exception("drawing the results charts failed")
                return
            with self._lock:
                if generation == self._generation:
                    self.body.value = page

        self._thread = threading.Thread(target=draw, name="wb-results-charts", daemon=True)
        self._thread.start()

    def make_report(self) -> None:
        """Export the report (``rapporter/rapport.html``) and offer it as a download."""
        from workbench.reporting.report import build_report

        out = self.project.folder("reports") / REPORT_NAME
        page = build_report(self.project, out=out, lang=self.lang)
        self.report_path = out
        data = page.encode("utf-8")
        rel = out.relative_to(self.project.path).as_posix()
        text = html.escape(msg("ui.pages.results.report_saved", self.lang, size=_size(len(data), self.lang), path=rel))
        href = "data:text/html;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")
        link = (f"<a class='wb-download' download='{REPORT_NAME}' href='{href}' "
                f"style='font-weight:600;color:#1a4480'>⬇ {html.escape(msg('ui.pages.results.download', self.lang))}</a>")
        self.feedback.value = message_html(f"<span class='wb-report-saved'>{text}</span><br>{link}", "ok")
