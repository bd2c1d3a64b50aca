"""The app page "Registrera mätning": one measured value of one participant at one occasion.

The form calls :meth:`workbench.registry.api.Registry.record_measurement` as the signed-in user (the
server's identity). A personnummer typed by staff is stored only as the project's keyed pseudonym
and replaced on screen by it after saving. The indicator's allowed values are shown beside the
value; a second value for an occasion that already has one is not saved until the user confirms
that it is a correction (a new event; the old value stays in the log).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.common import heading, labelled, message_html, safe_handler, show_message
from workbench.ui.identity import current_user, open_registry


class MeasurePage(w.VBox):
    """Record a measurement; ask before a second value for the same occasion replaces the first.

    Parameters
    ----------
    project
        The open project (its registry and step-1 indicators).
    on_saved
        Called after a value is stored (the app refreshes the follow-up page).
    user
        The signed-in user (default: :func:`workbench.ui.identity.current_user`).
    """

    def __init__(self, project: Project, *, lang: str = "sv", on_saved: Callable[[], None] | None = None,
                 user: str | None = None) -> None:
        self.project, self.lang, self.on_saved = project, lang, on_saved
        self.registry = open_registry(project, lang=lang)
        self.who = user if user is not None else current_user(lang=lang)
        t = self._t
        self.user = w.HTML(f"<p>{html.escape(msg('registry.form.signed_in', lang, user=self.who))}</p>")
        self.participant = labelled(w.Text(), t("participant"), "f-m-deltagare")
        self.indicator = labelled(w.Dropdown(options=self._indicator_options()), t("indicator"), "f-m-indikator")
        self.occasion = labelled(w.Dropdown(options=self._occasion_options()), t("occasion"), "f-m-tillfalle")
        self.allowed = w.HTML()
        self.allowed.add_class("f-m-tillatna")
        self.value = labelled(w.Text(), t("value"), "f-m-varde")
        self.date = labelled(w.Text(placeholder="ÅÅÅÅ-MM-DD" if lang == "sv" else "YYYY-MM-DD"), t("date"),
                             "f-m-datum")
        self.save = w.Button(description=t("save"), button_style="primary", icon="save")
        self.save.add_class("b-spara-matning")
        self.confirm = w.Button(description=t("save_correction"), button_style="warning")
        self.confirm.add_class("b-spara-rattelse")
        self.cancel = w.Button(description=t("cancel"))
        self.cancel.add_class("b-avbryt-rattelse")
        self.question = w.VBox([])
        self.feedback = w.HTML()
        self.feedback.add_class("f-m-svar")
        self._pending: dict[str, Any] | None = None
        handler = safe_handler(self.feedback, lang)
        self.save.on_click(handler(lambda _: self.submit()))
        self.confirm.on_click(handler(lambda _: self.submit(correction=True)))
        self.cancel.on_click(handler(lambda _: self._ask(None)))
        self.indicator.observe(lambda _: self._show_allowed(), names="value")
        super().__init__([
            heading(t("heading")), w.HTML(f"<p style='max-width:60em'>{html.escape(t('intro'))}</p>"), self.user,
            self.participant, self.indicator, self.occasion, self.allowed, self.value, self.date,
            w.HBox([self.save]), self.question, self.feedback,
        ])
        self.add_class("f-matningssida")
        self._show_allowed()

    def _t(self, key: str, **params: Any) -> str:
        return msg(f"measure.ui.{key}", self.lang, **params)

    def _indicator_options(self) -> list[tuple[str, str]]:
        return [(f"{ind.label} ({name})" if ind.label and ind.label != name and len(ind.label) < 60 else name, name)
                for name, ind in self.registry.indicators().items()]

    def _occasion_options(self) -> list[tuple[str, str]]:
        return [(o.label or name, name) for name, o in self.registry.occasions().items()]

    def _show_allowed(self) -> None:
        ind = self.registry.indicators().get(self.indicator.value)
        if ind is None:
            self.allowed.value = message_html(html.escape(self._t("no_indicators")), "warning")
            return
        self.allowed.value = (f"<p class='wb-allowed'><strong>{html.escape(self._t('allowed'))}</strong> "
                              f"{html.escape(ind.allowed(self.lang))}</p>")

    def _ask(self, pending: dict[str, Any] | None) -> None:
        """Show (or, with None, hide) the question whether the new value is a correction."""
        self._pending = pending
        if pending is None:
            self.question.children = []
            self.feedback.value = ""
            return
        text = self._t("is_correction", participant=pending["pid"], value=pending["old"],
                       occasion=pending["occasion"], new=pending["value"])
        self.question.children = [w.HTML(message_html(html.escape(text), "warning")),
                                  w.HBox([self.confirm, self.cancel])]

    def submit(self, *, correction: bool = False) -> None:
        """Store the value (as a correction after the user confirmed); show what was stored."""
        if correction and self._pending is not None:
            values = self._pending["form"]
        else:
            values = {"participant": self.participant.value, "indicator": self.indicator.value,
                      "occasion": self.occasion.value, "value": self.value.value,
                      "date": self.date.value.strip() or None}
            if not str(values["value"]).strip():
                show_message(self.feedback, self._t("need_value"), "error")
                return
            current = self.registry.current_measurement(values["participant"], values["indicator"],
                                                        values["occasion"])
            if current is not None:
                self.feedback.value = ""
                self._ask({"pid": current.participant_id, "old": _num(current.value),
                           "occasion": values["occasion"], "value": values["value"], "form": values})
                return
        m = self.registry.record_measurement(values["participant"], values["indicator"], values["value"],
                                             occasion=values["occasion"], measured_on=values["date"],
                                             by=self.who, correction=correction)
        self._ask(None)
        key = "stored_correction" if m.correction else "stored"
        show_message(self.feedback, self._t(key, participant=m.participant_id, indicator=m.indicator,
                                            value=_num(m.value), occasion=m.occasion, date=m.measured_on,
                                            seq=m.event_seq, old=_num(m.replaces) if m.replaces is not None else ""),
                     "ok")
        self.participant.value = m.participant_id  # the stored id: a personnummer never stays on screen
        self.value.value = ""
        if self.on_saved is not None:
            self.on_saved()


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")
