"""Staff record a measurement and a correction in the app and see the follow-up list change."""

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


def _due_count(driver) -> int:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, ".f-u-lista").text.count("aktuell nu")


def test_record_correct_and_follow_up(tmp_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import workbench as wb

    external_requests, screenshot = page_tools
    project = wb.Project.create(tmp_path / "p", name="Mätningar i appen", indicators=[
        {"name": "Föräldrastress", "definition": "Summapoäng på skalan för föräldrastress, 0–100"}])
    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    reg.register_participant(PNR, by="Anna", district="Norr")
    reg.register_participant("F-2", by="Anna", district="Söder")
    reg.close()
    pid = wb.privacy.pseudonym(PNR, project.pseudonym_key())
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))

    _open_tab(browser, wait, "Uppföljning")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".f-u-lista table"))
    assert _due_count(browser) == 2
    listing = browser.find_element(By.CSS_SELECTOR, ".f-u-lista").text
    assert pid in listing and PNR not in listing

    _open_tab(browser, wait, "Registrera mätning")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-m-deltagare input").is_displayed())
    page = browser.find_element(By.CSS_SELECTOR, ".f-matningssida")
    assert "0 – 100" in page.find_element(By.CSS_SELECTOR, ".f-m-tillatna").text
    _type(page, ".f-m-deltagare", PNR)
    Select(page.find_element(By.CSS_SELECTOR, ".f-m-tillfalle select")).select_by_visible_text(
        "Baslinje (före insatsen)")
    _type(page, ".f-m-varde", "62")
    page.find_element(By.CSS_SELECTOR, ".b-spara-matning").click()
    wait.until(lambda d: "Sparat" in d.find_element(By.CSS_SELECTOR, ".f-m-svar").text)
    stored = browser.find_element(By.CSS_SELECTOR, ".f-m-svar").text
    assert pid in stored and "62" in stored and PNR not in stored
    _type(page, ".f-m-varde", "26")
    page.find_element(By.CSS_SELECTOR, ".b-spara-matning").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".b-spara-rattelse"))
    assert "rättelse" in page.text
    screenshot(browser, "app_measure_correction_question")
    browser.find_element(By.CSS_SELECTOR, ".b-spara-rattelse").click()
    wait.until(lambda d: "Rättelse sparad" in d.find_element(By.CSS_SELECTOR, ".f-m-svar").text)
    assert "ersätter 62" in browser.find_element(By.CSS_SELECTOR, ".f-m-svar").text
    values = browser.execute_script("return Array.from(document.querySelectorAll('input')).map(e => e.value)")
    assert not [v for v in values if PNR in v or PNR.replace("-", "") in v], values

    _open_tab(browser, wait, "Uppföljning")
    wait.until(lambda d: _due_count(d) == 1)  # refreshed after the save
    screenshot(browser, "app_followup_list")
    assert PNR not in browser.page_source and "Traceback" not in browser.page_source
    assert external_requests(browser) == []

    reg = wb.Registry(path=project.path, key=project.pseudonym_key())
    try:
        hist = reg.measurements("Föräldrastress", history=True)
        assert hist["value"].tolist() == [62.0, 26.0] and hist["correction"].tolist() == [False, True]
        assert reg.verify().ok
    finally:
        reg.close()
