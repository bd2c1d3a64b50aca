"""The app page "Uppföljning": who is due or overdue for which occasion, and how complete each is.

The lists come from :meth:`workbench.registry.api.Registry.followup` (case ids and pseudonyms, no
arms) and :meth:`~workbench.registry.api.Registry.completeness` (per arm only for the trial's
owner). "Exportera" writes the due list and the counts per district (small cells suppressed) to
``rapporter/uppfoljning/`` as CSV or Excel for the unit's own reminders.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.registry.followup import STATUS_SV
from workbench.ui.charts import items_html, table_html
from workbench.ui.common import heading, labelled, message_html, safe_handler
from workbench.ui.identity import current_user, open_registry

ALL = "__alla__"


class FollowupPage(w.VBox):
    """The follow-up list, counts per district and occasion, completeness, and the exports."""

    def __init__(self, project: Project, *, lang: str = "sv", user: str | None = None) -> None:
        self.project, self.lang = project, lang
        self.registry = open_registry(project, lang=lang)
        self.who = user if user is not None else current_user(lang=lang)
        t = self._t
        options = [(t("all_indicators"), ALL)] + [(n, n) for n in self.registry.indicators()]
        self.indicator = labelled(w.Dropdown(options=options, value=options[1][1] if len(options) == 2 else ALL),
                                  t("indicator"), "f-u-indikator")
        self.refresh_button = w.Button(description=t("refresh"), icon="refresh")
        self.refresh_button.add_class("b-u-uppdatera")
        self.export_csv = w.Button(description=t("export_csv"), icon="download")
        self.export_csv.add_class("b-u-export-csv")
        self.export_xlsx = w.Button(description=t("export_xlsx"), icon="download")
        self.export_xlsx.add_class("b-u-export-xlsx")
        self.feedback = w.HTML()
        self.feedback.add_class("f-u-svar")
        self.due = w.HTML()
        self.due.add_class("f-u-lista")
        self.counts = w.HTML()
        self.counts.add_class("f-u-antal")
        self.complete = w.HTML()
        self.complete.add_class("f-u-fullstandighet")
        handler = safe_handler(self.feedback, lang)
        self.refresh_button.on_click(handler(lambda _: self.refresh()))
        self.export_csv.on_click(handler(lambda _: self.export(excel=False)))
        self.export_xlsx.on_click(handler(lambda _: self.export(excel=True)))
        self.indicator.observe(lambda _: handler(lambda: self.refresh())(), names="value")
        super().__init__([
            heading(t("heading")), w.HTML(f"<p style='max-width:60em'>{html.escape(t('intro'))}</p>"),
            self.indicator, w.HBox([self.refresh_button, self.export_csv, self.export_xlsx]), self.feedback,
            heading(t("due_heading"), 3), self.due, heading(t("counts_heading"), 3), self.counts,
            heading(t("complete_heading"), 3), self.complete,
        ])
        self.add_class("f-uppfoljningssida")
        handler(lambda: self.refresh())()

    def _t(self, key: str, **params: Any) -> str:
        return msg(f"measure.ui.f.{key}", self.lang, **params)

    @property
    def chosen(self) -> str | None:
        return None if self.indicator.value == ALL else self.indicator.value

    def refresh(self) -> None:
        """Read the lists again (after a measurement was recorded)."""
        t = self._t
        table = self.registry.followup(self.chosen)
        due = table[table["status"].isin(["due", "overdue"])]
        if due.empty:
            self.due.value = f"<p><em>{html.escape(t('nobody_due'))}</em></p>"
        else:
            shown = due.assign(status=due["status"].map(STATUS_SV) if self.lang == "sv" else due["status"],
                               dropout=due["dropout"].map({True: t("yes"), False: ""}))
            cols = ["participant_id", "district", "occasion", "window_start", "window_end", "status", "dropout"]
            shown = shown[cols].rename(columns={c: t(f"col.{c}") for c in cols})
            self.due.value = table_html(shown, lang=self.lang, max_rows=200)
        summary = self.registry.followup_summary(self.chosen)
        self.counts.value = table_html(summary.rename(columns={
            "district": t("col.district"), "occasion": t("col.occasion"),
            **({k: v for k, v in STATUS_SV.items()} if self.lang == "sv" else {})}), lang=self.lang)
        if self.chosen is None:
            self.complete.value = f"<p><em>{html.escape(t('pick_indicator'))}</em></p>"
            return
        complete, warnings = self.registry.completeness(self.chosen, viewer=self.who)
        shown = complete.assign(share_measured=100 * complete["share_measured"]).rename(columns={
            "occasion": t("col.occasion"), "arm": t("col.arm"), "randomized": t("col.randomized"),
            "measured": t("col.measured"), "share_measured": t("col.share")})
        parts = [table_html(shown, lang=self.lang, digits=1)]
        if warnings:
            parts.append(message_html(items_html(list(warnings), "wb-attrition-warnings"), "warning"))
        self.complete.value = "".join(parts)

    def export(self, *, excel: bool) -> dict[str, Path]:
        """Write the due list and the counts to ``rapporter/uppfoljning/``; show where."""
        folder = self.project.folder("reports") / "uppfoljning"
        files = self.registry.export_followup(folder, indicator=self.chosen, excel=excel, lang=self.lang)
        rel = [Path(os.path.relpath(p, self.project.path)).as_posix() for p in files.values()]
        self.feedback.value = message_html(html.escape(self._t("exported", files=", ".join(rel))), "ok")
        return files
