"""The start page: the project's place on the evaluation ladder, what is missing, what to do next."""

from __future__ import annotations

import html

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.common import heading, safe_handler


def ladder_html(status, lang: str = "sv") -> str:
    """The ladder as an accessible HTML list: each rung with done/missing in words, not colour alone."""
    rows = []
    for s in reversed(status.steps):  # a ladder is read from the top
        done = s.done and s.step <= status.reached
        word = msg("ui.status.done" if done else "ui.status.not_done", lang)
        colour = "#1e5c1e" if done else "#6b6b6b"
        mark = "✔" if done else "○"
        missing = "".join(f"<li>{html.escape(m)}</li>" for m in s.missing[:8])
        more = f"<li>… (+{len(s.missing) - 8})</li>" if len(s.missing) > 8 else ""
        details = f"<ul style='margin:0.2em 0 0.4em 1.2em'>{missing}{more}</ul>" if s.missing else ""
        rows.append(
            f"<li class='wb-rung wb-rung-{s.step}' data-done='{str(done).lower()}' "
            f"style='list-style:none;border-left:6px solid {colour};padding:0.3em 0.8em;margin:0.3em 0'>"
            f"<strong>{mark} {s.step}. {html.escape(s.name)}</strong> – <em>{word}</em>{details}</li>"
        )
    actions = "".join(f"<li>{html.escape(a)}</li>" for a in status.next_actions)
    return (
        f"<p class='wb-reached' style='font-size:1.15em'>{html.escape(status.explain(lang))}</p>"
        f"<ol class='wb-ladder' style='padding:0;max-width:60em'>{''.join(rows)}</ol>"
        f"<h3>{html.escape(msg('ui.status.next', lang))}</h3><ul class='wb-next'>{actions}</ul>"
    )


class StatusPage(w.VBox):
    """Shows :meth:`Project.status` and refreshes on demand."""

    def __init__(self, project: Project, *, lang: str = "sv") -> None:
        self.project = project
        self.lang = lang
        self.body = w.HTML()
        self.body.add_class("wb-status")
        self.feedback = w.HTML()
        self.refresh_button = w.Button(description=msg("ui.status.refresh", lang), icon="refresh")
        self.refresh_button.add_class("b-uppdatera")
        self.refresh_button.on_click(safe_handler(self.feedback, lang)(lambda _: self.refresh()))
        super().__init__([heading(msg("ui.status.heading", lang)), self.body, self.refresh_button, self.feedback])
        self.refresh()

    def refresh(self) -> None:
        self.body.value = ladder_html(self.project.status(lang=self.lang), self.lang)
