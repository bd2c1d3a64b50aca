"""Staff register two participants and three activities in the app, run the follow-up, see rung 2."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PNR = "19121212-1212"


def _open_tab(driver, wait, title: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


def _type(page, css: str, text: str) -> None:
    from selenium.webdriver.common.by import By

    box = page.find_element(By.CSS_SELECTOR, f"{css} input")
    box.clear()
    box.send_keys(text)


def _click_and_wait(driver, wait, button: str, answer: str, expected: str) -> str:
    from selenium.webdriver.common.by import By

    before = driver.find_element(By.CSS_SELECTOR, answer).text
    driver.find_element(By.CSS_SELECTOR, button).click()
    wait.until(lambda d: expected in d.find_element(By.CSS_SELECTOR, answer).text
               and d.find_element(By.CSS_SELECTOR, answer).text != before)
    return driver.find_element(By.CSS_SELECTOR, answer).text


def _register(driver, wait, participant: str, district: str, stages: list[str]) -> str:
    from selenium.webdriver.common.by import By

    page = driver.find_element(By.CSS_SELECTOR, ".f-aktivitetssida")
    _type(page, ".f-dl-deltagare", participant)
    _type(page, ".f-dl-stadsdel", district)
    for st in stages:
        box = page.find_element(By.CSS_SELECTOR, f".f-dl-steg-{st} input")
        if not box.is_selected():
            box.click()
    return _click_and_wait(driver, wait, ".b-spara-deltagare", ".f-dl-svar", "registrerad")


def _log(driver, wait, participant: str, minutes: str) -> str:
    from selenium.webdriver.common.by import By

    page = driver.find_element(By.CSS_SELECTOR, ".f-aktivitetssida")
    _type(page, ".f-akt-deltagare", participant)
    _type(page, ".f-akt-minuter", minutes)
    return _click_and_wait(driver, wait, ".b-logga-aktivitet", ".f-aktivitet-svar", "Aktivitet nr")


def test_register_log_follow_up_and_ladder(tmp_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    import workbench as wb
    from workbench.demo import build_demo

    external_requests, screenshot = page_tools
    project = build_demo(tmp_path / "demo", with_results=False)
    assert project.status().reached == 1
    pid = wb.privacy.pseudonym(PNR, project.pseudonym_key())
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    assert browser.find_element(By.CSS_SELECTOR, ".wb-rung-2").get_attribute("data-done") == "false"
    _open_tab(browser, wait, "Deltagare och aktiviteter")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-dl-deltagare input").is_displayed())

    page = browser.find_element(By.CSS_SELECTOR, ".f-aktivitetssida")
    assert "Inloggad som" in page.find_element(By.CSS_SELECTOR, ".f-dl-inloggad").text
    first = _register(browser, wait, "F-3001", "Solvik", ["eligible", "offered", "started", "completed"])
    assert "F-3001" in first
    second = _register(browser, wait, PNR, "Hagalund", ["eligible", "offered", "started"])
    assert pid in second and PNR not in second
    assert "Aktivitet nr" in _log(browser, wait, "F-3001", "90")
    assert "Aktivitet nr" in _log(browser, wait, "F-3001", "60")
    third = _log(browser, wait, PNR, "45")
    assert pid in third and PNR not in third
    values = browser.execute_script("return Array.from(document.querySelectorAll('input')).map(e => e.value)")
    assert not [v for v in values if PNR in v or PNR.replace("-", "") in v], values
    latest = browser.find_element(By.CSS_SELECTOR, ".f-senaste").text
    assert "F-3001" in latest and pid in latest and PNR not in latest

    flow = _click_and_wait(browser, wait, ".b-uppfoljning", ".f-uppfoljning-svar", "Trappan på startsidan")
    assert "Fullföljde" in flow and "Startade" in flow and "Målgrupp" in flow
    assert browser.find_elements(By.CSS_SELECTOR, ".f-uppfoljning-svar svg")
    screenshot(browser, "app_activity_followup")
    browser.execute_script("arguments[0].scrollIntoView()",
                           browser.find_element(By.CSS_SELECTOR, ".f-uppfoljning-svar"))
    screenshot(browser, "app_activity_flow")
    assert PNR not in browser.page_source and "Traceback" not in browser.page_source

    _open_tab(browser, wait, "Start")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".wb-rung-2").get_attribute("data-done") == "true")
    assert "steg 2 av 5" in browser.find_element(By.CSS_SELECTOR, ".wb-reached").text
    screenshot(browser, "app_activity_ladder")
    assert external_requests(browser) == []

    registry = wb.Registry(path=project.path, key=project.pseudonym_key())
    try:
        table = registry.participants_table().set_index("participant_id")
        # the demo's followed cohort is registered too; the two typed in here are the new ones
        assert table.loc[["F-3001", pid], "dose"].to_dict() == {"F-3001": 2, pid: 1}
        assert table["dose"].sum() == 3
        assert table.loc["F-3001", "completed"] == 1 and table.loc[pid, "completed"] == 0
        assert registry.verify().ok
    finally:
        registry.close()
    assert project.status().reached == 2
