"""The upload page's section "Importera mätningar till registret".

After a spreadsheet is read (and its personnummer replaced by pseudonyms) on the upload page, the
user picks the participant column, the indicator and, per occasion, the column holding its value
(and optionally its date). "Importera" calls
:meth:`workbench.registry.api.Registry.import_measurements`: when every row is fine the values are
stored (values already in the registry are left as they are, so the same file twice adds
nothing); when a row fails nothing is stored, the failed rows are listed with their spreadsheet
row numbers, and "Importera övriga rader" stores the others only on the user's word.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.charts import table_html
from workbench.ui.common import heading, labelled, message_html, safe_handler, show_message
from workbench.ui.identity import current_user, open_registry

NONE = ""


class MeasureImportPanel(w.VBox):
    """Map the columns of the uploaded table to participant, indicator and occasions; import."""

    def __init__(self, project: Project, *, lang: str = "sv", user: str | None = None) -> None:
        self.project, self.lang = project, lang
        self._user = user
        self.df: Any = None
        t = self._t
        self.participant = labelled(w.Dropdown(options=[(t("none"), NONE)]), t("participant"), "f-imp-deltagare")
        self.indicator = labelled(w.Dropdown(options=[]), t("indicator"), "f-imp-indikator")
        self.columns: dict[str, w.Dropdown] = {}
        self.dates: dict[str, w.Dropdown] = {}
        self.rows = w.VBox([])
        self.run = w.Button(description=t("run"), button_style="primary", icon="upload")
        self.run.add_class("b-importera-matningar")
        self.confirm = w.Button(description=t("confirm"), button_style="warning")
        self.confirm.add_class("b-importera-ovriga")
        self.confirm.layout.display = "none"
        self.feedback = w.HTML()
        self.feedback.add_class("f-imp-svar")
        handler = safe_handler(self.feedback, lang)
        self.run.on_click(handler(lambda _: self.do_import(confirm=False)))
        self.confirm.on_click(handler(lambda _: self.do_import(confirm=True)))
        super().__init__([heading(t("heading"), 3),
                          w.HTML(f"<p style='max-width:60em'>{html.escape(t('intro'))}</p>"),
                          self.participant, self.indicator, self.rows,
                          w.HBox([self.run, self.confirm]), self.feedback])
        self.add_class("f-importsektion")

    def _t(self, key: str, **params: Any) -> str:
        return msg(f"measure.ui.imp.{key}", self.lang, **params)

    def _registry(self) -> Any:
        return open_registry(self.project, lang=self.lang)

    def set_table(self, df: Any) -> None:
        """Offer the columns of the (already pseudonymized) table; guess by name where possible."""
        self.df = df
        columns = [str(c) for c in df.columns]
        options = [(self._t("none"), NONE)] + [(c, c) for c in columns]
        reg = self._registry()
        try:
            indicators, occasions = list(reg.indicators()), reg.occasions()
        finally:
            reg.close()
        self.indicator.options = indicators
        if indicators and self.indicator.value not in indicators:
            self.indicator.value = indicators[0]
        self.participant.options = options
        self.participant.value = next((c for c in columns if any(k in c.lower() for k in ("id", "personn", "pnr", "ärende", "löpnr"))),
                                      NONE)
        rows = []
        self.columns, self.dates = {}, {}
        for name, occ in occasions.items():
            guess = next((c for c in columns if _matches(c, name)), NONE)
            self.columns[name] = labelled(w.Dropdown(options=options, value=guess), occ.label or name,
                                          f"f-imp-kol-{name}", width="30em")
            self.dates[name] = labelled(w.Dropdown(options=options, value=NONE), self._t("date"),
                                        f"f-imp-datum-{name}", width="24em")
            self.dates[name].style = {"description_width": "6em"}
            rows.append(w.HBox([self.columns[name], self.dates[name]]))
        self.rows.children = rows
        self.confirm.layout.display = "none"
        self.feedback.value = ""

    def do_import(self, *, confirm: bool) -> Any:
        """Import; show counts, or the failed rows and the button that keeps the others."""
        if self.df is None:
            show_message(self.feedback, self._t("no_table"), "error")
            return None
        occasions = {o: d.value for o, d in self.columns.items() if d.value}
        if not self.participant.value or not occasions or not self.indicator.value:
            show_message(self.feedback, self._t("need_columns"), "error")
            return None
        dates = {o: self.dates[o].value for o in occasions if self.dates[o].value}
        who = self._user if self._user is not None else current_user(lang=self.lang)
        reg = self._registry()
        try:
            report = reg.import_measurements(self.df, participant=self.participant.value,
                                             indicator=self.indicator.value, occasions=occasions,
                                             dates=dates, by=who, confirm=confirm)
        finally:
            reg.close()
        parts = []
        if report.written:
            parts.append(message_html(html.escape(self._t("done", added=report.added, unchanged=report.unchanged,
                                                          corrected=report.corrected)), "ok"))
            self.confirm.layout.display = "none"
        else:
            parts.append(message_html(html.escape(self._t("failed", n=len(report.failed))), "error"))
            self.confirm.layout.display = None
        if report.failed:
            table = report.failed_table().rename(columns={"row": self._t("col.row"), "column": self._t("col.column"),
                                                          "message": self._t("col.message")})
            parts.append(table_html(table, lang=self.lang, max_rows=100))
        self.feedback.value = "".join(parts)
        return report


def _matches(column: str, occasion: str) -> bool:
    c = column.lower()
    if occasion == "baslinje":
        return any(k in c for k in ("före", "fore", "baslinje", "before"))
    if occasion == "efter":
        return "efter" in c and not any(k in c for k in ("24", "12", "36", "datum"))
    months = occasion.rsplit("_", 1)[-1]
    return months.isdigit() and months in c and "datum" not in c
