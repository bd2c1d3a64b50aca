"""A person describes a project in the Voilà app, saves, reloads, and sees the record and the ladder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

FILL_TEXT = {
    "f-owner": "Socialnämnden",
    "f-target-group-size": "120",
}
FILL_AREA = {
    "f-problem": "Många barnfamiljer har haft ekonomiskt bistånd i flera år.",
    "f-needs-analysis": "Statistiken visar 300 familjer med bistånd i mer än tre år.",
    "f-target-group-description": "Barnfamiljer med långvarigt ekonomiskt bistånd i stadsdelen.",
    "f-target-group-inclusion-criteria": "Barnfamilj\nBistånd minst 12 månader",
    "f-logic-resources": "Tre socialsekreterare",
    "f-logic-activities": "Intensivt stöd, 25 familjer per handläggare",
    "f-logic-outputs": "Hembesök varje vecka",
    "f-logic-short-term-outcomes": "Fler i arbete eller studier",
    "f-logic-long-term-outcomes": "Fler självförsörjande familjer",
    "f-evaluation-plan-data-collection": "Verksamhetssystemet, månadsvis",
    "f-evaluation-plan-timetable": "Uppföljning efter 1, 2 och 3 år",
}
GOAL = {
    "f-goal-text": "Andelen familjer i målgruppen som är självförsörjande ska öka",
    "f-goal-indicator": "Andel självförsörjande",
    "f-goal-baseline": "20 %",
    "f-goal-target": "30 %",
    "f-goal-deadline": "2027-12-31",
    "f-goal-target-group": "Barnfamiljer med långvarigt bistånd",
    "f-goal-decided-by": "Socialnämnden",
}
INDICATOR = {
    "f-indicator-name": "Självförsörjning",
    "f-indicator-definition": "Ingen utbetalning av försörjningsstöd under tre månader",
    "f-indicator-data-source": "Verksamhetssystemet",
    "f-indicator-baseline": "20 %",
}


def _open_tab(driver, wait, title: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


def _type(driver, css: str, text: str, tag: str = "input") -> None:
    from selenium.webdriver.common.by import By

    el = driver.find_element(By.CSS_SELECTOR, f".{css} {tag}")
    el.clear()
    el.send_keys(text)


def test_describe_project_save_reload(tmp_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import workbench as wb
    external_requests, screenshot = page_tools

    project = wb.Project.create(tmp_path / "projekt", name="Hela familjen")
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    assert "steg 0 av 5" in browser.find_element(By.CSS_SELECTOR, ".wb-reached").text
    screenshot(browser, "app_start_empty")

    _open_tab(browser, wait, "Steg 1")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-name input").is_displayed())
    name = browser.find_element(By.CSS_SELECTOR, ".f-name input")
    assert name.get_attribute("value") == "Hela familjen"
    # every input has a visible label
    labels = browser.find_elements(By.CSS_SELECTOR, ".wb-tabs .widget-label")
    assert sum(1 for lab in labels if lab.text.strip()) >= 30
    for css, text in FILL_TEXT.items():
        _type(browser, css, text)
    for css, text in FILL_AREA.items():
        _type(browser, css, text, "textarea")
    for css, text in {**GOAL, **INDICATOR}.items():
        _type(browser, css, text)
    Select(browser.find_element(By.CSS_SELECTOR, ".f-evaluation-plan-rung-aimed select")).select_by_visible_text(
        "4 – Konstruerad jämförelsegrupp")
    Select(browser.find_element(By.CSS_SELECTOR, ".f-evaluation-plan-comparison-design select")).select_by_visible_text(
        "Matchad jämförelsegrupp")
    browser.find_element(By.CSS_SELECTOR, ".b-spara").click()
    wait.until(lambda d: "Sparat" in d.find_element(By.CSS_SELECTOR, ".wb-feedback").text)
    feedback = browser.find_element(By.CSS_SELECTOR, ".wb-feedback").text
    assert "nått steg 1 av 5" in feedback, feedback
    smart = browser.find_elements(By.CSS_SELECTOR, ".wb-smart li")
    assert len(smart) == 5 and all(li.get_attribute("data-ok") == "true" for li in smart)
    screenshot(browser, "app_step1_saved")

    # the file on disk holds what was typed
    saved = wb.Project.open(project.path).description
    assert saved["target_group"]["size"] == 120
    assert saved["goals"][0]["decided_by"] == "Socialnämnden"

    # reload: values come back and the ladder shows rung 1 reached
    browser.get(server.url)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    assert "steg 1 av 5" in browser.find_element(By.CSS_SELECTOR, ".wb-reached").text
    rung1 = browser.find_element(By.CSS_SELECTOR, ".wb-rung-1")
    assert rung1.get_attribute("data-done") == "true"
    screenshot(browser, "app_start_after_save")
    _open_tab(browser, wait, "Steg 1")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-owner input").is_displayed())
    assert browser.find_element(By.CSS_SELECTOR, ".f-owner input").get_attribute("value") == "Socialnämnden"
    assert browser.find_element(By.CSS_SELECTOR, ".f-logic-activities textarea").get_attribute("value").startswith("Intensivt")

    page = browser.page_source
    assert "Traceback" not in page
    assert external_requests(browser) == []


def test_bad_value_gives_kind_message_not_traceback(tmp_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    import workbench as wb
    external_requests, screenshot = page_tools

    project = wb.Project.create(tmp_path / "projekt2", name="Föräldrastöd")
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    _open_tab(browser, wait, "Steg 1")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-target-group-size input").is_displayed())
    _type(browser, "f-target-group-size", "ungefär hundra")
    browser.find_element(By.CSS_SELECTOR, ".b-spara").click()
    wait.until(lambda d: "Sparat" in d.find_element(By.CSS_SELECTOR, ".wb-feedback").text)
    text = browser.find_element(By.CSS_SELECTOR, ".wb-feedback").text
    assert "Målgruppens storlek" in text and "ungefär hundra" in text
    assert "Traceback" not in browser.page_source
    # nothing typed is lost: the odd value is kept in the file as written
    assert wb.Project.open(project.path).description["target_group"]["size"] == "ungefär hundra"
    screenshot(browser, "app_step1_bad_value")
    assert external_requests(browser) == []
