"""The pages "Registrera mätning" and "Uppföljning", driven as staff would."""

from __future__ import annotations

import pytest

import workbench as wb
from workbench.data.privacy import pseudonym
from workbench.ui.followup_page import FollowupPage
from workbench.ui.measure_page import MeasurePage

PNR = "19121212-1212"


@pytest.fixture
def project(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Mätprojekt", indicators=[
        {"name": "Föräldrastress", "definition": "Summapoäng på skalan för föräldrastress, 0–100"}])
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    reg.register_participant(PNR, by="Anna", district="Norr")
    reg.register_participant("A-2", by="Anna", district="Söder")
    reg.close()
    return project


def test_record_then_correct_and_the_followup_list_changes(project):
    follow = FollowupPage(project, user="Anna")
    assert "Föräldrastress" in follow.indicator.value
    due_before = follow.due.value
    assert pseudonym(PNR, project.pseudonym_key()) in due_before and PNR not in due_before
    assert due_before.count("aktuell nu") == 2  # both baselines are due today

    saved = []
    page = MeasurePage(project, user="Anna", on_saved=lambda: saved.append(True))
    assert "0 – 100" in page.allowed.value
    page.participant.value, page.occasion.value, page.value.value = PNR, "baslinje", "140"
    page.save.click()
    assert "&#x27;140&#x27;" in page.feedback.value and "utanför" in page.feedback.value and not saved
    page.value.value = "62"
    page.save.click()
    pid = pseudonym(PNR, project.pseudonym_key())
    assert "Sparat" in page.feedback.value and "62" in page.feedback.value and pid in page.feedback.value
    assert page.participant.value == pid and saved  # the personnummer left the screen
    follow.refresh()
    assert follow.due.value.count("aktuell nu") == 1

    page.value.value = "26"
    page.save.click()  # a second value for the same occasion: ask first, store nothing yet
    assert page.question.children and "rättelse" in page.question.children[0].value
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    assert reg.current_measurement(pid, "Föräldrastress", "baslinje").value == 62
    page.confirm.click()
    assert "Rättelse sparad" in page.feedback.value and "ersätter 62" in page.feedback.value
    assert not page.question.children
    assert reg.current_measurement(pid, "Föräldrastress", "baslinje").value == 26
    assert reg.verify().ok
    reg.close()

    files = follow.export(excel=False)
    assert "Exporterat" in follow.feedback.value and files["lista"].is_file()
    assert PNR not in files["lista"].read_text(encoding="utf-8-sig")


def test_cancel_keeps_the_first_value_and_errors_never_show_tracebacks(project):
    page = MeasurePage(project, user="Anna")
    page.participant.value, page.occasion.value, page.value.value = "A-2", "baslinje", "40"
    page.save.click()
    page.value.value = "41"
    page.save.click()
    page.cancel.click()
    assert not page.question.children
    page.participant.value = "B-404"
    page.save.click()
    assert "B-404" in page.feedback.value and "Traceback" not in page.feedback.value
