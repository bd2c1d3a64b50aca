"""The app page "Slumpa ny deltagare": the registry's form for the project's trial.

The registry is the project's own (``register/register.sqlite``, or PostgreSQL behind the hub; see
:mod:`workbench.ui.identity`), opened with the project's pseudonymization key so a personnummer
typed by staff is stored only as a pseudonym. With several trials, a dropdown chooses which one;
with none, the page says how the evaluator sets one up. The signed-in user acts; the trial's owner
also sees the arm totals by stratum and the latest events (who did what), which staff and viewers
do not see while recruitment runs.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from workbench.core.errors import WorkbenchError
from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.common import heading, message_html
from workbench.ui.identity import current_user, open_registry
from workbench.ui.randomize_form import RandomizeForm

LOG_ROWS = 15


class RandomizePage(w.VBox):
    def __init__(self, project: Project, *, lang: str = "sv", user: str | None = None) -> None:
        self.project = project
        self.lang = lang
        self.user = user if user is not None else current_user(lang=lang)
        self.registry = open_registry(project, lang=lang)
        trials = self.registry.trials()
        self.holder = w.VBox()
        self.owner_panel = w.VBox()
        if not trials:
            super().__init__([heading(msg("ui.randomize.heading", lang)),
                              w.HTML(message_html(html.escape(msg("ui.randomize.no_trial", lang)), "info"))])
            return
        self.choice = w.Dropdown(options=trials, value=trials[0], description=msg("ui.randomize.trial", lang),
                                 style={"description_width": "initial"})
        self.choice.add_class("f-studie")
        self.choice.observe(lambda change: self.show(change["new"]), names="value")
        self.show(trials[0])
        top = [self.choice] if len(trials) > 1 else []
        super().__init__([*top, self.holder, self.owner_panel])

    def show(self, trial: str) -> None:
        self.form = RandomizeForm(self.registry, trial, user=self.user, lang=self.lang)
        self.form.on_randomized = self.refresh_owner_panel
        self.holder.children = [self.form.widget]
        self.refresh_owner_panel()

    def refresh_owner_panel(self) -> None:
        """Arm totals and the latest events for the owner; a note for everyone else."""
        trial = self.form.trial
        lang = self.lang
        try:
            if trial.role(self.user) != "owner":
                note = w.HTML(message_html(html.escape(msg("registry.page.totals_hidden", lang)), "info"))
                note.add_class("f-dolt-for-personal")
                self.owner_panel.children = [note]
                return
            totals = trial.arm_totals(viewer=self.user, lang=lang)
            log = trial.event_log(viewer=self.user, lang=lang)
        except WorkbenchError as err:
            self.owner_panel.children = [w.HTML(message_html(html.escape(err.message(lang)), "error"))]
            return
        table = w.HTML(_table(totals.reset_index() if totals.index.name or totals.index.names[0] else totals))
        table.add_class("f-armtotaler")
        recent = log[["seq", "created_at", "kind", "participant_id", "by"]].tail(LOG_ROWS).iloc[::-1]
        recent = recent.assign(created_at=recent["created_at"].str.slice(0, 16).str.replace("T", " "),
                               participant_id=recent["participant_id"].fillna(""))
        recent.columns = [msg(f"registry.page.col.{c}", lang) for c in recent.columns]
        events = w.HTML(_table(recent))
        events.add_class("f-logg")
        self.owner_panel.children = [heading(msg("registry.page.totals_heading", lang), 3), table,
                                     heading(msg("registry.page.log_heading", lang), 3), events]


def _table(frame: Any) -> str:
    """A plain HTML table (escaped)."""
    head = "".join(f"<th style='text-align:left;padding:0 1em 0 0'>{html.escape(str(c))}</th>"
                   for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td style='padding:0 1em 0 0'>{html.escape(str(v))}</td>" for v in row)
                   + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
