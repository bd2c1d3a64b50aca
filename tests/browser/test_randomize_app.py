"""Staff randomize two participants in the app, retry one and see the same arm; the chain verifies."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _open_tab(driver, wait, title: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


def _randomize(driver, wait, participant: str, district: str) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    form = driver.find_element(By.CSS_SELECTOR, ".f-slumpa-form")
    assert not form.find_elements(By.CSS_SELECTOR, ".f-anvandare")  # no field asks for a name
    assert "Inloggad som" in form.find_element(By.CSS_SELECTOR, ".f-inloggad").text
    box = form.find_element(By.CSS_SELECTOR, ".f-deltagare input")
    box.clear()
    box.send_keys(participant)
    Select(form.find_element(By.CSS_SELECTOR, ".f-stratum-stadsdel select")).select_by_visible_text(district)
    for css in (".f-kriterium-1 input", ".f-kriterium-2 input", ".f-samtycke input", ".f-bekrafta input"):
        checkbox = form.find_element(By.CSS_SELECTOR, css)
        if not checkbox.is_selected():
            checkbox.click()
    before = form.find_element(By.CSS_SELECTOR, ".f-resultat").text
    form.find_element(By.CSS_SELECTOR, ".f-slumpa").click()
    wait.until(lambda d: participant in d.find_element(By.CSS_SELECTOR, ".f-resultat").text
               and d.find_element(By.CSS_SELECTOR, ".f-resultat").text != before)
    return driver.find_element(By.CSS_SELECTOR, ".f-resultat").text


def test_randomize_two_retry_one_and_verify(tmp_path, browser, serve_app, page_tools, capsys):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    import workbench as wb
    from workbench.cli import main
    from workbench.demo import DEMO_TRIAL, build_demo

    external_requests, screenshot = page_tools
    project = build_demo(tmp_path / "demo", with_results=False)
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    _open_tab(browser, wait, "Slumpa ny deltagare")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-deltagare input").is_displayed())

    first = _randomize(browser, wait, "F-2001", "Solvik")
    arm1 = browser.find_element(By.CSS_SELECTOR, ".f-resultat .f-arm").text
    assert arm1 in ("ERBJUDANDE", "KONTROLL"), first
    screenshot(browser, "app_randomize_first")
    second = _randomize(browser, wait, "F-2002", "Hagalund")
    assert "F-2002" in second
    again = _randomize(browser, wait, "F-2001", "Solvik")
    assert browser.find_element(By.CSS_SELECTOR, ".f-resultat .f-arm").text == arm1
    assert "redan" in again.lower()
    screenshot(browser, "app_randomize_retry")
    assert "Traceback" not in browser.page_source
    assert external_requests(browser) == []

    registry = wb.Registry(path=project.path, key=project.pseudonym_key())
    try:
        alloc = registry.trial(DEMO_TRIAL).allocations()
    finally:
        registry.close()
    assert sorted(alloc["participant_id"]) == ["F-2001", "F-2002"]
    assert main(["verify", str(project.path)]) == 0
    assert "intakt" in capsys.readouterr().out
