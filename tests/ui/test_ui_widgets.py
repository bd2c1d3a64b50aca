"""The app's widgets, driven as a person would: set values, click, read what is shown."""

from __future__ import annotations

import workbench as wb
from workbench.demo import build_demo
from workbench.ui.app import build_app, start_app
from workbench.ui.common import safe_handler
from workbench.ui.status_page import StatusPage
from workbench.ui.step1_form import Step1Form


def test_form_saves_to_project_and_refreshes_status(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Test")
    refreshed = []
    form = Step1Form(project, on_saved=lambda: refreshed.append(True))
    form.inputs["owner"].value = "Socialnämnden"
    form.inputs["target_group.size"].value = "40"
    form.goal_inputs["text"].value = "Fler familjer i målgruppen blir självförsörjande"
    form.goal_inputs["baseline"].value = "10 %"
    form.goal_inputs["target"].value = "15 %"
    form.save_button.click()
    assert "Sparat" in form.feedback.value and refreshed == [True]
    saved = wb.Project.open(project.path).description
    assert saved["owner"] == "Socialnämnden" and saved["target_group"]["size"] == 40
    assert saved["goals"][0]["target"] == "15 %"
    assert "data-ok='false'" in form.smart_box.value  # no deadline, no decision yet


def test_form_keeps_extra_goals(tmp_path):
    project = wb.Project.create(tmp_path / "p", name="Test", goals=[{"text": "Mål A"}, {"text": "Mål B"}])
    form = Step1Form(project)
    assert form.goal_inputs["text"].value == "Mål A"
    form.goal_inputs["text"].value = "Mål A2"
    form.save()
    goals = wb.Project.open(project.path).description["goals"]
    assert [g["text"] for g in goals] == ["Mål A2", "Mål B"]


def test_status_page_reflects_demo(tmp_path):
    page = StatusPage(build_demo(tmp_path / "demo", with_results=False))
    assert "steg 1 av 5" in page.body.value and "data-done='true'" in page.body.value


def test_safe_handler_never_shows_traceback():
    import ipywidgets as w

    feedback = w.HTML()

    @safe_handler(feedback)
    def boom(_):
        raise KeyError("internal detail")

    boom(None)
    assert "felkod" in feedback.value and "KeyError" not in feedback.value and "internal" not in feedback.value

    @safe_handler(feedback)
    def kind(_):
        wb.Project.open("/finns/inte")

    kind(None)
    assert "finns inte" in feedback.value and "role='alert'" in feedback.value


def test_start_app_without_or_with_bad_project(tmp_path, monkeypatch):
    monkeypatch.delenv("WORKBENCH_PROJECT", raising=False)
    assert "Inget projekt" in start_app().value
    assert "finns inte" in start_app(tmp_path / "saknas").value
    app = build_app(build_demo(tmp_path / "demo", with_results=False))
    tabs = app.children[1]
    assert tabs.titles[0].startswith("Start") and tabs.titles[1].startswith("Steg 1")


def test_tabs_are_built_when_first_opened(tmp_path):
    app = build_app(build_demo(tmp_path / "demo", with_results=False))
    tabs = app.children[1]
    assert tabs.children[0].built and isinstance(tabs.children[0].page, StatusPage)
    assert not any(page.built for page in tabs.children[1:])
    tabs.selected_index = 1
    assert tabs.children[1].built and isinstance(tabs.children[1].page, Step1Form)
    assert tabs.children[1].children == (tabs.children[1].page,)
    assert not tabs.children[2].built
