"""The staff page "Jämför med andra kommuner": a synthetic control against comparable municipalities.

The page only composes widgets around the public functions an evaluator would call:
``wb.opendata.kolada_municipalities`` / ``kolada_municipality_groups`` and
``wb.comparison_pools`` for the pools, ``wb.municipality_comparison`` for the analysis. Kolada's
answers are kept in ``<project>/oppna_data`` (the ``cache=`` folder), so a comparison made once
can be shown again without a network.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.charts import chart_html, items_html, table_html
from workbench.ui.common import busy_indicator, heading, labelled, message_html, safe_handler

CACHE_FOLDER = "oppna_data"


class ComparePage(w.VBox):
    """KPI, municipality and start year in; pools, then synthetic control and DiD out."""

    def __init__(self, project: Project, *, lang: str = "sv", transport: Any = None) -> None:
        self.project = project
        self.lang = lang
        self.transport = transport
        self.cache = Path(project.path) / CACHE_FOLDER
        self.result: Any = None
        self.kpi = labelled(w.Text(value="N03702"), msg("ui.compare.kpi", lang), "c-kpi")
        self.municipality = labelled(w.Text(value=""), msg("ui.compare.municipality", lang), "c-kommun")
        self.start = labelled(w.BoundedIntText(value=2019, min=1990, max=2100), msg("ui.compare.start", lang), "c-start")
        self.pool = labelled(w.Dropdown(options=[]), msg("ui.compare.pool", lang), "c-pool")
        self.pools_button = w.Button(description=msg("ui.compare.pools_button", lang), icon="search")
        self.pools_button.add_class("b-visa-grupper")
        self.run_button = w.Button(description=msg("ui.compare.run", lang), button_style="primary", icon="bar-chart")
        self.run_button.add_class("b-jamfor")
        self.save_button = w.Button(description=msg("ui.compare.save", lang), icon="save", disabled=True)
        self.save_button.add_class("b-spara-jamforelse")
        self.feedback = w.HTML()
        self.feedback.add_class("wb-compare-feedback")
        self.body = w.HTML()
        self.body.add_class("wb-compare")
        self.busy = busy_indicator(lang)
        handle = safe_handler(self.feedback, lang, self.busy)
        self.pools_button.on_click(handle(lambda _: self.find_pools()))
        self.run_button.on_click(handle(lambda _: self.compare()))
        self.save_button.on_click(handle(lambda _: self.save()))
        intro = w.HTML(f"<p style='max-width:60em'>{html.escape(msg('ui.compare.intro', lang, folder=CACHE_FOLDER))}</p>")
        super().__init__([
            heading(msg("ui.compare.heading", lang)), intro, self.kpi, self.municipality, self.start,
            w.HBox([self.pools_button], layout=w.Layout(align_items="center")), self.pool,
            w.HBox([self.run_button, self.save_button, self.busy], layout=w.Layout(align_items="center")),
            self.feedback, self.body,
        ])

    def _source(self) -> dict[str, Any]:
        return {"cache": self.cache, "transport": self.transport, "lang": self.lang}

    def find_pools(self) -> None:
        """Fetch (or read from the cache) the municipalities and groups; offer the pools."""
        import workbench as wb

        muni = self.municipality.value.strip()
        munis = wb.opendata.kolada_municipalities(**self._source())
        groups = wb.opendata.kolada_municipality_groups(**self._source())
        pools = wb.comparison_pools(muni, munis, groups, lang=self.lang)
        self.pool.options = [(msg("ui.compare.pool_option", self.lang, label=p.label, n=len(p.members)), key)
                             for key, p in pools.items()]
        preferred = ("liknande_overgripande" if "liknande_overgripande" in pools
                     else next((k for k in pools if k.startswith("liknande")), "alla"))
        self.pool.value = preferred
        name = munis.loc[munis["id"] == muni, "title"].item()
        self.feedback.value = message_html(html.escape(msg("ui.compare.pools_found", self.lang, municipality=name,
                                                           n=len(pools))), "ok")

    def compare(self) -> None:
        """Run ``wb.municipality_comparison`` and show the explanation, table, chart, warnings and sources."""
        import workbench as wb

        if not self.pool.options:
            self.feedback.value = message_html(html.escape(msg("ui.compare.need_pools", self.lang)), "warning")
            return
        result = wb.municipality_comparison(self.kpi.value.strip(), self.municipality.value.strip(),
                                            int(self.start.value), pool=self.pool.value, **self._source())
        self.result = result
        self.save_button.disabled = False
        self.feedback.value = ""
        seen: dict[str, str] = {}
        for s in result.sources:
            seen.setdefault(s["url"], str(s["retrieved"])[:10])
        sources = "".join(f"<li><code>{html.escape(u)}</code> – {html.escape(d)}</li>" for u, d in seen.items())
        parts = [
            f"<h3>{html.escape(msg('ui.compare.results', self.lang))}</h3>",
            f"<p class='wb-explain' style='max-width:60em;line-height:1.45'>{html.escape(result.explain(self.lang))}</p>",
            table_html(result.summary(), lang=self.lang, digits=3, result_columns=True),
            chart_html(result.chart(self.lang).to_dict(), label=result.municipality, lang=self.lang),
            message_html(f"<strong>{html.escape(msg('ui.compare.warnings', self.lang))}</strong>"
                         + items_html(list(result.warnings_in(self.lang)), "wb-warnings"), "warning"),
            f"<details class='wb-sources'><summary>{html.escape(msg('ui.compare.sources', self.lang))}</summary>"
            f"<ul>{sources}</ul></details>",
        ]
        self.body.value = "".join(parts)

    def save(self) -> None:
        """Save the comparison in the project's results (rung 4; the report shows its data and dates)."""
        if self.result is None:
            return
        label = msg("ui.compare.saved_label", self.lang, municipality=self.result.municipality, kpi=self.result.kpi)
        path = self.project.save_result(self.result, label=label)
        rel = path.relative_to(self.project.path).as_posix()
        self.feedback.value = message_html(html.escape(msg("ui.compare.saved", self.lang, path=rel)), "ok")
