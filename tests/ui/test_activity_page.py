"""The page "Deltagare och aktiviteter", driven as staff would: fill in, click, read what is shown."""

from __future__ import annotations

import pytest

import workbench as wb
from workbench.demo import build_demo
from workbench.ui.activity_page import RESULT_LABEL, ActivityPage

PNR = "19121212-1212"


@pytest.fixture
def page(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False, with_trial=False)
    saved = []
    return ActivityPage(project, on_saved=lambda: saved.append(True), user="Anna"), saved


def _register(page, participant, district, stages, dropout_reason=None):
    page.participant.value = participant
    page.district.value = district
    for st in stages:
        page.stages[st].value = True
    if dropout_reason:
        page.dropout.value = True
        page.dropout_reason.value = dropout_reason
    page.save_participant.click()
    return page.participant_feedback.value


def _activity(page, participant, minutes="60"):
    page.act_participant.value = participant
    page.act_minutes.value = minutes
    page.save_activity.click()
    return page.activity_feedback.value


def test_register_log_and_follow_up_climbs_to_rung_2(page):
    page, saved = page
    project = page.project
    assert project.status().reached == 1
    assert "Inga deltagare" in page.latest.value
    assert "Inloggad som Anna" in page.user.value  # the server's identity: no name field
    assert "F-1 är registrerad (3 steg" in _register(page, "F-1", "Solvik", ["eligible", "offered", "started"])
    assert page.stages["started"].value is False and page.participant.value == ""
    fb = _register(page, PNR, "Hagalund", ["eligible", "offered", "started", "completed"])
    pid = wb.privacy.pseudonym(PNR, project.pseudonym_key())
    assert pid in fb and PNR not in fb
    assert page.act_participant.value == pid and page.participant.value == ""  # no pnr left on screen
    assert "Solvik" in page.district.options
    assert "Aktivitet nr" in _activity(page, "F-1")
    assert pid in _activity(page, PNR, "30") and page.act_participant.value == pid
    assert "redan registrerad" not in _register(page, "F-1", "Solvik", ["completed"])
    assert "1 nya händelser" in page.participant_feedback.value
    assert PNR not in page.latest.value and pid in page.latest.value and "Aktivitet" in page.latest.value

    page.followup_button.click()
    out = page.followup_feedback.value
    assert "Trappan på startsidan är uppdaterad" in out and "Fullföljde" in out and "<svg" in out
    assert PNR not in out and saved == [True]
    labels = [r.get("label") for r in project.results()]
    assert RESULT_LABEL in labels
    assert project.status().reached == 2
    table = page.registry.participants_table().set_index("participant_id")
    assert table.loc["F-1", "completed"] == 1 and table.loc["F-1", "dose"] == 1 and table.loc[pid, "dose"] == 1
    assert page.registry.verify().ok


def test_kind_errors_never_tracebacks(page):
    page, saved = page
    assert "Registrera minst en deltagare" in (page.followup_button.click() or page.followup_feedback.value)
    assert "finns inte i registret" in _activity(page, "X-404")
    assert "ÅÅÅÅ-MM-DD" in (setattr(page.date, "value", "igår") or _register(page, "F-2", "Solvik", ["eligible"]))
    page.date.value = ""
    assert "orsaken" in _register(page, "F-3", "Solvik", ["started"], dropout_reason=" ")
    page.dropout_reason.value = ""
    page.dropout.value = False
    assert "F-2 är registrerad" in _register(page, "F-2", "Solvik", ["eligible"])
    assert "Antal minuter" in _activity(page, "F-2", "mycket")
    for value in (page.participant_feedback.value, page.activity_feedback.value, page.followup_feedback.value):
        assert "Traceback" not in value and "Error" not in value
    assert saved == []


def test_english_page(tmp_path):
    project = build_demo(tmp_path / "demo", with_results=False, with_trial=False)
    page = ActivityPage(project, lang="en")
    assert page.save_participant.description == "Save participant"
    assert "Participant" in page.participant.description and "personnummer" in page.participant.description


def test_app_has_the_tab(tmp_path):
    from workbench.ui.app import build_app

    app = build_app(build_demo(tmp_path / "demo", with_results=False, with_trial=False))
    titles = app.children[1].titles
    assert "Deltagare och aktiviteter" in titles
    assert isinstance(app.children[1].children[titles.index("Deltagare och aktiviteter")].page, ActivityPage)
