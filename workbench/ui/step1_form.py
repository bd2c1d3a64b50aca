"""The step-1 form: describe the project, check the goal against SMART, save to the project folder.

The form is laid out from the record's schema (:mod:`workbench.project.schema`), so a field added
there appears here with its Swedish label. Its one save handler calls :meth:`Project.update` — the
same function an evaluator calls in a notebook. Every input has a visible label and a CSS hook
``f-<field>`` (dots and underscores as dashes) for browser tests.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.project.rung1 import REQUIRED_FIELDS
from workbench.project.schema import (
    COMPARISON_DESIGNS,
    FIELDS,
    GOAL_KEYS,
    GOAL_LABELS,
    INDICATOR_KEYS,
    INDICATOR_LABELS,
    get_path,
)
from workbench.project.smart import check_smart
from workbench.ui.common import busy_indicator, heading, labelled, message_html, safe_handler

RUNG_CHOICES = {1: "Projektbeskrivning", 2: "Aktivitetsuppföljning", 3: "Före/efter-mätning",
                4: "Konstruerad jämförelsegrupp", 5: "Randomiserad kontrollgrupp"}


def css_name(path: str) -> str:
    return "f-" + path.replace(".", "-").replace("_", "-")


def _text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Step1Form(w.VBox):
    """Composite widget for the step-1 record of ``project``.

    ``on_saved`` is called after a successful save (the app refreshes the ladder page with it).
    """

    def __init__(self, project: Project, *, lang: str = "sv", on_saved: Callable[[], None] | None = None) -> None:
        self.project = project
        self.lang = lang
        self.on_saved = on_saved
        self.inputs: dict[str, w.Widget] = {}
        record = project.description
        main, plan = [], []
        for spec in FIELDS:
            if spec.kind in ("goals", "indicators"):
                continue
            widget = self._make_input(spec, get_path(record, spec.path))
            self.inputs[spec.path] = widget
            (plan if spec.path.startswith("evaluation_plan") else main).append(widget)
        goals = record.get("goals") or [{}]
        first_goal = goals[0] if isinstance(goals[0], dict) else {"text": str(goals[0])}
        self.goal_inputs = {k: labelled(w.Text(value=_text_of(first_goal.get(k))), self._label(GOAL_LABELS[k]),
                                        css_name(f"goal.{k}")) for k in GOAL_KEYS}
        inds = record.get("indicators") or [{}]
        first_ind = inds[0] if isinstance(inds[0], dict) else {}
        self.indicator_inputs = {k: labelled(w.Text(value=_text_of(first_ind.get(k))), self._label(INDICATOR_LABELS[k]),
                                             css_name(f"indicator.{k}")) for k in INDICATOR_KEYS}
        self.feedback = w.HTML()
        self.feedback.add_class("wb-feedback")
        self.smart_box = w.HTML()
        self.smart_box.add_class("wb-smart")
        self.busy = busy_indicator(lang)
        self.save_button = w.Button(description=msg("ui.step1.save", lang), button_style="primary", icon="save")
        self.save_button.add_class("b-spara")
        self.check_button = w.Button(description=msg("ui.step1.check", lang), icon="check")
        self.check_button.add_class("b-smart")
        self.save_button.on_click(safe_handler(self.feedback, lang, self.busy)(lambda _: self.save()))
        self.check_button.on_click(safe_handler(self.feedback, lang)(lambda _: self.show_smart()))
        intro = w.HTML(f"<p style='max-width:60em'>{html.escape(msg('ui.step1.intro', lang))}</p>")
        super().__init__(
            [heading(msg("ui.step1.heading", lang)), intro, *main,
             heading(msg("ui.step1.goal_heading", lang), 3), *self.goal_inputs.values(),
             heading(msg("ui.step1.indicator_heading", lang), 3), *self.indicator_inputs.values(),
             heading(msg("ui.step1.plan_heading", lang), 3), *plan,
             w.HBox([self.save_button, self.check_button, self.busy]), self.feedback, self.smart_box]
        )

    def _label(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.lang == "sv" else pair[1]

    def _make_input(self, spec, value: Any) -> w.Widget:
        label = spec.label(self.lang) + (" *" if spec.path in REQUIRED_FIELDS else "")
        css = css_name(spec.path)
        if spec.kind == "rung":
            options = [(msg("ui.choose", self.lang), None)] + [(f"{k} – {v}", k) for k, v in RUNG_CHOICES.items()]
            widget = w.Dropdown(options=options, value=value if value in RUNG_CHOICES else None)
        elif spec.kind == "design":
            options = [(msg("ui.choose", self.lang), None)] + [(t[self.lang], k) for k, t in COMPARISON_DESIGNS.items()]
            widget = w.Dropdown(options=options, value=value if value in COMPARISON_DESIGNS else None)
        elif spec.kind in ("longtext", "list"):
            widget = w.Textarea(value=_text_of(value), rows=3 if spec.kind == "longtext" else 4)
        else:
            widget = w.Text(value=_text_of(value))
        if spec.help(self.lang):
            widget.placeholder = spec.help(self.lang)
        return labelled(widget, label, css)

    # -- actions --------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form's content as record changes (dotted paths)."""
        changes: dict[str, Any] = {}
        for path, widget in self.inputs.items():
            value = widget.value
            changes[path] = value.strip() if isinstance(value, str) else value
        goal = {k: wid.value.strip() for k, wid in self.goal_inputs.items() if wid.value.strip()}
        indicator = {k: wid.value.strip() for k, wid in self.indicator_inputs.items() if wid.value.strip()}
        record = self.project.description
        goals = list(record.get("goals") or [])
        indicators = list(record.get("indicators") or [])
        changes["goals"] = ([goal] if goal else []) + goals[1:]
        changes["indicators"] = ([indicator] if indicator else []) + indicators[1:]
        return changes

    def save(self) -> None:
        findings = self.project.update(self.values())
        status = self.project.status(lang=self.lang)
        text = html.escape(msg("ui.step1.saved", self.lang, time=dt.datetime.now().strftime("%H:%M"), reached=status.reached))
        kind = "ok"
        if findings:
            kind = "warning"
            items = "".join(f"<li>{html.escape(f.message)}</li>" for f in findings)
            text += f"<br>{html.escape(msg('ui.step1.findings', self.lang))}<ul>{items}</ul>"
        self.feedback.value = message_html(text, kind)
        self.show_smart()
        if self.on_saved is not None:
            self.on_saved()

    def show_smart(self) -> None:
        goal = {k: wid.value for k, wid in self.goal_inputs.items()}
        items = []
        for f in check_smart(goal, lang=self.lang):
            mark = "✔" if f.ok else "✘"
            items.append(f"<li class='wb-smart-{f.criterion}' data-ok='{str(f.ok).lower()}'>{mark} {html.escape(f.message)}</li>")
        self.smart_box.value = (f"<h3>{html.escape(msg('ui.step1.smart_heading', self.lang))}</h3>"
                                f"<ul style='list-style:none;padding-left:0'>{''.join(items)}</ul>")
