"""The app page "Deltagare och aktiviteter": register participants, mark stages, log activities.

Two labelled forms call the project registry's people services (a personnummer typed by staff is
stored only as the project's keyed pseudonym), a small table shows the latest events (pseudonyms
and case ids only), and "Gör aktivitetsuppföljning" runs ``wb.activity_followup`` on the registry's
export and saves the result to the project, so the ladder on the start page climbs to rung 2.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from workbench.core.messages import msg
from workbench.project.folder import Project
from workbench.ui.identity import current_user, open_registry
from workbench.registry.people import STAGES, followup_arguments
from workbench.ui.charts import chart_html, table_html
from workbench.ui.common import busy_indicator, heading, labelled, message_html, safe_handler, show_message

#: the label under which the follow-up result is saved in the project
RESULT_LABEL = "Aktivitetsuppföljning"


class ActivityPage(w.VBox):
    """Participants, stages and the activity log of the project, and the rung-2 follow-up.

    Parameters
    ----------
    project
        The open project; its registry is ``register/register.sqlite`` in the folder.
    on_saved
        Called after the follow-up is saved (the app refreshes the ladder on the start page).
    lang
        ``"sv"`` (default) or ``"en"``.
    """

    def __init__(self, project: Project, *, lang: str = "sv",
                 on_saved: Callable[[], None] | None = None, user: str | None = None) -> None:
        self.project = project
        self.lang = lang
        self.on_saved = on_saved
        self.registry = open_registry(project, lang=lang)
        t = self._t
        self.who = user if user is not None else current_user(lang=lang)
        self.user = w.HTML(f"<p>{html.escape(msg('registry.form.signed_in', lang, user=self.who))}</p>")
        self.user.add_class("f-dl-inloggad")
        # -- participant form --------------------------------------------------------------
        self.participant = labelled(w.Text(), t("participant"), "f-dl-deltagare")
        self.district = labelled(w.Combobox(options=self._districts(), ensure_option=False), t("district"),
                                 "f-dl-stadsdel")
        self.subgroup = labelled(w.Text(), t("subgroup"), "f-dl-undergrupp")
        self.date = labelled(w.Text(placeholder="ÅÅÅÅ-MM-DD" if lang == "sv" else "YYYY-MM-DD"), t("date"),
                             "f-dl-datum")
        self.stages = {st: labelled(w.Checkbox(indent=False), t(f"stage.{st}"), f"f-dl-steg-{st}", width="30em")
                       for st in STAGES}
        self.dropout = labelled(w.Checkbox(indent=False), t("dropout"), "f-dl-avbrott", width="30em")
        self.dropout_reason = labelled(w.Text(), t("dropout_reason"), "f-dl-avbrottsorsak")
        self.save_participant = w.Button(description=t("save_participant"), button_style="primary")
        self.save_participant.add_class("b-spara-deltagare")
        self.participant_feedback = w.HTML()
        self.participant_feedback.add_class("f-dl-svar")
        # -- activity form -----------------------------------------------------------------
        self.act_participant = labelled(w.Text(), t("participant"), "f-akt-deltagare")
        self.act_date = labelled(w.Text(placeholder="ÅÅÅÅ-MM-DD" if lang == "sv" else "YYYY-MM-DD"), t("date"),
                                 "f-akt-datum")
        self.act_kind = labelled(w.Dropdown(options=t("kinds").split("|")), t("kind"), "f-akt-typ")
        self.act_minutes = labelled(w.Text(), t("minutes"), "f-akt-minuter")
        self.act_delivered_by = labelled(w.Text(), t("delivered_by"), "f-akt-utford-av")
        self.save_activity = w.Button(description=t("save_activity"), button_style="primary")
        self.save_activity.add_class("b-logga-aktivitet")
        self.activity_feedback = w.HTML()
        self.activity_feedback.add_class("f-aktivitet-svar")
        # -- latest entries and the follow-up ----------------------------------------------
        self.latest = w.HTML()
        self.latest.add_class("f-senaste")
        self.followup_button = w.Button(description=t("followup"), icon="check")
        self.followup_button.add_class("b-uppfoljning")
        self.busy = busy_indicator(lang)
        self.followup_feedback = w.HTML()
        self.followup_feedback.add_class("f-uppfoljning-svar")
        self.save_participant.on_click(safe_handler(self.participant_feedback, lang)(lambda _: self.submit_participant()))
        self.save_activity.on_click(safe_handler(self.activity_feedback, lang)(lambda _: self.submit_activity()))
        self.followup_button.on_click(safe_handler(self.followup_feedback, lang, self.busy)(lambda _: self.run_followup()))
        super().__init__([
            heading(t("heading")), w.HTML(f"<p style='max-width:60em'>{html.escape(t('intro'))}</p>"), self.user,
            heading(t("participant_heading"), 3), self.participant, self.district, self.subgroup, self.date,
            *self.stages.values(), self.dropout, self.dropout_reason, w.HBox([self.save_participant]),
            self.participant_feedback,
            heading(t("activity_heading"), 3), self.act_participant, self.act_date, self.act_kind,
            self.act_minutes, self.act_delivered_by, w.HBox([self.save_activity]), self.activity_feedback,
            heading(t("latest"), 3), self.latest,
            w.HBox([self.followup_button, self.busy]), self.followup_feedback,
        ])
        self.add_class("f-aktivitetssida")
        self.refresh_latest()

    def _t(self, key: str, **params: Any) -> str:
        return msg(f"people.ui.{key}", self.lang, **params)

    def _districts(self) -> list[str]:
        """District names the registry has seen, for the field's suggestions."""
        table = self.registry.participants_table()
        return sorted({str(d) for d in table["district"].dropna()})

    def _who(self) -> str:
        """The signed-in user (the server's identity; no field asks for a name)."""
        return self.who

    # -- handlers -------------------------------------------------------------------------
    def submit_participant(self) -> None:
        """Register the participant, or add the newly ticked stages / drop-out to an existing one."""
        who = self._who()
        if self.dropout.value and not self.dropout_reason.value.strip():
            show_message(self.participant_feedback, self._t("need_reason"), "error")
            return
        reg, date = self.registry, self.date.value.strip() or None
        ticked = [st for st, box in self.stages.items() if box.value]
        state = reg.participant_state(self.participant.value)
        if state is None:
            pid = reg.register_participant(self.participant.value, by=who, district=self.district.value or None,
                                           subgroup=self.subgroup.value or None, registered_on=date,
                                           stages={st: date for st in ticked})
            message = self._t("registered", participant=pid, n=len(ticked))
            n_new = 0
        else:
            pid, n_new = state["participant_id"], 0
            for st in ticked:
                if not state[st]:
                    reg.set_stage(pid, st, by=who, date=date)
                    n_new += 1
            message = None
        if self.dropout.value and (state is None or not state["dropout"]):
            reg.record_dropout(pid, by=who, reason=self.dropout_reason.value, date=date)
            n_new += 1
        message = message or self._t("updated", participant=pid, n=n_new)
        show_message(self.participant_feedback, message, "ok")
        self.act_participant.value = pid  # the stored id: a personnummer never stays on screen
        for box in [*self.stages.values(), self.dropout]:
            box.value = False
        self.participant.value = self.dropout_reason.value = self.subgroup.value = ""
        self.district.options = self._districts()
        self.refresh_latest()

    def submit_activity(self) -> None:
        """Log one activity for the participant named in the activity form."""
        who = self._who()
        number = self.registry.log_activity(
            self.act_participant.value, by=who, kind=self.act_kind.value, date=self.act_date.value.strip() or None,
            minutes=self.act_minutes.value, delivered_by=self.act_delivered_by.value or None)
        pid = self.registry.activities_table().set_index("activity_no").loc[number, "participant_id"]
        show_message(self.activity_feedback, self._t("logged", number=number, participant=pid), "ok")
        self.act_participant.value = pid  # the stored id: a personnummer never stays on screen
        self.act_minutes.value = ""
        self.refresh_latest()

    def refresh_latest(self) -> None:
        """The latest participant and activity events (ids as stored: pseudonyms or case ids)."""
        frame = self.registry.latest_people_events(8)
        if frame.empty:
            self.latest.value = f"<p><em>{html.escape(self._t('none_yet'))}</em></p>"
            return
        shown = frame.assign(created_at=frame["created_at"].str.slice(0, 16).str.replace("T", " "),
                             kind=[self._t(f"kind.{k}") for k in frame["kind"]])
        shown = shown.rename(columns={"seq": self._t("col.seq"), "created_at": self._t("col.time"),
                                      "kind": self._t("col.what"), "participant_id": self._t("col.participant"),
                                      "by": self._t("col.by")})
        self.latest.value = table_html(shown, lang=self.lang)

    def run_followup(self) -> None:
        """Run ``wb.activity_followup`` on the registry's export and save it to the project."""
        import workbench as wb

        table = self.registry.participants_table()
        if table.empty:
            show_message(self.followup_feedback, self._t("no_participants"), "error")
            return
        kwargs = followup_arguments(table)
        size = _target_size(self.project)
        if size is not None and size >= len(table):
            kwargs["stages"] = {"target_group": size, **{st: st for st in STAGES}}
        result = wb.activity_followup(table, **kwargs, lang=self.lang)
        self.project.save_result(result, label=RESULT_LABEL)
        parts = [message_html(html.escape(self._t("followup_done", n=len(table))), "ok")]
        if not result.credible:
            parts.append(message_html(html.escape(self._t("followup_not_credible",
                                                          problems=" ".join(result.problems_in(self.lang)))),
                                      "warning"))
        flow = result.flow[["label", "n"]].assign(share=100 * result.flow["share_of_target_group"])
        parts.append(f"<h4>{html.escape(self._t('flow'))}</h4>")
        parts.append(table_html(flow.rename(columns={"label": self._t("col.what"), "n": "n",
                                                     "share": self._t("col.share")}), lang=self.lang, digits=1))
        parts.append(chart_html(result.chart(self.lang).to_dict(), label=self._t("flow"), lang=self.lang))
        parts.append(f"<p class='wb-explain' style='max-width:60em'>{html.escape(result.explain(self.lang))}</p>")
        self.followup_feedback.value = "<div class='f-flode'>" + "".join(parts) + "</div>"
        if self.on_saved is not None:
            self.on_saved()


def _target_size(project: Project) -> int | None:
    """The target group's size from the step-1 record, when it is a positive whole number."""
    size = (project.description.get("target_group") or {}).get("size")
    if isinstance(size, bool) or not isinstance(size, (int, float)) or size <= 0 or size != int(size):
        return None
    return int(size)
