"""The app page "Slumpa ny deltagare": the registry's form for the project's trial.

The registry is the project's own (``register/register.sqlite``), opened with the project's
pseudonymization key so a personnummer typed by staff is stored only as a pseudonym. With several
trials, a dropdown chooses which one; with none, the page says how the evaluator sets one up.
"""

from __future__ import annotations

import html

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.registry.api import Registry
from workbench.ui.common import heading, message_html
from workbench.ui.randomize_form import RandomizeForm


class RandomizePage(w.VBox):
    def __init__(self, project: Project, *, lang: str = "sv") -> None:
        self.project = project
        self.lang = lang
        self.registry = Registry(path=project.path, key=project.pseudonym_key(), lang=lang)
        trials = self.registry.trials()
        self.holder = w.VBox()
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
        super().__init__([*top, self.holder])

    def show(self, trial: str) -> None:
        self.form = RandomizeForm(self.registry, trial, lang=self.lang)
        self.holder.children = [self.form.widget]
