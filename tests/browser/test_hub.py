"""Many staff on one trial through a real JupyterHub (deploy/) with a real PostgreSQL registry.

Headless Chromium (network blocked) signs in as personal1 and randomizes P1 (sees the arm), signs
out, signs in as personal2 (cannot see P1's arm, no arm totals), then as agare (the owner: sees the
totals, and the log shows by = personal1), and signs out; a request without a session gets the
Hub's login page. Needs WORKBENCH_TEST_PG_URL (.ci/with-postgres.sh) and the proxy from npm
(make hub-deps).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.hub, pytest.mark.postgres]

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
STAFF_PW, OWNER_PW = "personal-losen-2026", "agarens-mycket-langa-losenord-2026-xyz"


def _hub_demo():
    spec = importlib.util.spec_from_file_location("hub_demo", DEPLOY / "hub_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Hub:
    """JupyterHub with the shipped config and the demo accounts (deploy/hub_demo.py's HubProcess)."""

    def __init__(self, state: Path) -> None:
        demo = _hub_demo()
        self._hub = demo.HubProcess(os.environ["WORKBENCH_TEST_PG_URL"], state,
                                    staff_password=STAFF_PW, owner_password=OWNER_PW)
        self.url, self.registry_url, self.project = self._hub.url, self._hub.registry_url, self._hub.project

    def stop(self) -> None:
        self._hub.stop()


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    if not os.environ.get("WORKBENCH_TEST_PG_URL"):
        pytest.skip("WORKBENCH_TEST_PG_URL is not set (run through .ci/with-postgres.sh)")
    if not (DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        pytest.fail("configurable-http-proxy is not installed: run 'make hub-deps'")
    server = Hub(tmp_path_factory.mktemp("hub"))
    yield server
    server.stop()


def _submit_login(driver, wait, hub, user, password):
    from selenium.webdriver.common.by import By

    driver.get(f"{hub.url}/services/verkstad/")
    wait.until(lambda d: d.find_elements(By.NAME, "username"))
    assert "/hub/login" in driver.current_url
    driver.find_element(By.NAME, "username").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#login_submit, input[type=submit], button[type=submit]").click()


def _sign_in(driver, wait, hub, user, password):
    from selenium.webdriver.common.by import By

    _submit_login(driver, wait, hub, user, password)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    _open_tab(driver, wait, "Slumpa ny deltagare")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-deltagare input").is_displayed())
    assert f"Inloggad som {user}" in driver.find_element(By.CSS_SELECTOR, ".f-inloggad").text


def _sign_out(driver, wait, hub):
    from selenium.webdriver.common.by import By

    driver.get(f"{hub.url}/services/verkstad/logout")
    driver.get(f"{hub.url}/services/verkstad/")
    wait.until(lambda d: d.find_elements(By.NAME, "username"))
    assert "/hub/login" in driver.current_url


def _open_tab(driver, wait, title):
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


def _randomize(driver, wait, participant, district):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    form = driver.find_element(By.CSS_SELECTOR, ".f-slumpa-form")
    assert not form.find_elements(By.CSS_SELECTOR, ".f-anvandare")
    box = form.find_element(By.CSS_SELECTOR, ".f-deltagare input")
    box.clear()
    box.send_keys(participant)
    Select(form.find_element(By.CSS_SELECTOR, ".f-stratum-stadsdel select")).select_by_visible_text(district)
    for css in (".f-kriterium-1 input", ".f-kriterium-2 input", ".f-samtycke input", ".f-bekrafta input"):
        checkbox = form.find_element(By.CSS_SELECTOR, css)
        if not checkbox.is_selected():
            checkbox.click()
    form.find_element(By.CSS_SELECTOR, ".f-slumpa").click()
    wait.until(lambda d: participant in d.find_element(By.CSS_SELECTOR, ".f-resultat").text)
    return driver.find_element(By.CSS_SELECTOR, ".f-resultat")


def test_unauthenticated_request_gets_the_login_page(hub):
    import requests

    r = requests.get(f"{hub.url}/services/verkstad/", timeout=30)
    assert r.status_code == 200 and "/hub/login" in r.url
    assert 'name="username"' in r.text and 'name="password"' in r.text
    assert "Slumpa" not in r.text


def test_staff_and_owner_through_the_hub(hub, browser, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from workbench.registry.api import Registry

    external_requests, screenshot = page_tools
    wait = WebDriverWait(browser, 120)
    browser.delete_all_cookies()

    _sign_in(browser, wait, hub, "personal1", STAFF_PW)
    result = _randomize(browser, wait, "P1", "Solvik")
    arm = result.find_element(By.CSS_SELECTOR, ".f-arm").text
    assert arm in ("ERBJUDANDE", "KONTROLL")
    assert result.find_element(By.CSS_SELECTOR, ".f-kvitto code").text.count("-") == 1
    assert browser.find_elements(By.CSS_SELECTOR, ".f-dolt-for-personal")
    assert not browser.find_elements(By.CSS_SELECTOR, ".f-armtotaler")
    screenshot(browser, "hub_personal1_randomized")
    _sign_out(browser, wait, hub)
    screenshot(browser, "hub_signed_out_login")

    _sign_in(browser, wait, hub, "personal2", STAFF_PW)
    result = _randomize(browser, wait, "P1", "Solvik")
    assert "slumpades av någon annan" in result.text
    assert not result.find_elements(By.CSS_SELECTOR, ".f-arm") and arm not in result.text
    assert not browser.find_elements(By.CSS_SELECTOR, ".f-armtotaler")
    screenshot(browser, "hub_personal2_refused")
    _sign_out(browser, wait, hub)

    _submit_login(browser, wait, hub, "agare", STAFF_PW)  # the staff password does not open the owner's
    wait.until(lambda d: "/hub/login" in d.current_url and d.find_elements(By.NAME, "username"))
    assert not browser.find_elements(By.CSS_SELECTOR, ".wb-ladder")
    _sign_in(browser, wait, hub, "agare", OWNER_PW)
    totals = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-armtotaler"))
    assert "Solvik" in totals.text and arm.lower() in totals.text.lower()
    log = browser.find_element(By.CSS_SELECTOR, ".f-logg").text
    assert "personal1" in log and "allocation" in log and "nan" not in log
    screenshot(browser, "hub_agare_totals")
    _sign_out(browser, wait, hub)
    assert external_requests(browser) == []

    with Registry(hub.registry_url, path=hub.project) as reg:
        trial = reg.trial(reg.trials()[0])
        alloc = trial.lookup("P1")
        assert alloc.by == "personal1" and alloc.arm.upper() == arm
        assert reg.verify().ok
        log = trial.event_log()
        assert set(log.loc[log["kind"] == "allocation", "by"]) == {"personal1"}
