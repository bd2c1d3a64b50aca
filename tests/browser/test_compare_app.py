"""'Jämför med andra kommuner' in the browser: a synthetic control for Arboga from recorded Kolada data.

The project's Kolada cache folder holds the recorded answers (wb.kolada_sample_cache()); the server
runs with WORKBENCH_OFFLINE=1, so the kernel cannot reach Kolada either, and Chromium's requests
outside 127.0.0.1 are blocked and counted.
"""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.browser


def _text(driver, css: str) -> str:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, css)
    return found[0].text if found else ""


def test_compare_page_builds_a_synthetic_control_offline(tmp_path, browser, serve_app, page_tools, monkeypatch):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import workbench as wb
    external_requests, screenshot = page_tools

    monkeypatch.setenv("WORKBENCH_OFFLINE", "1")
    project = wb.Project.create(tmp_path / "projekt", name="Arbogas hemtjänst")
    shutil.copytree(wb.kolada_sample_cache(), project.path / "oppna_data")
    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))
    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if "Jämför kommuner" in t.text), None))
    tab.click()
    field = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".c-kommun input"))
    field.send_keys("1984\t")
    browser.find_element(By.CSS_SELECTOR, ".b-visa-grupper").click()
    wait.until(lambda d: "jämförelsegrupper" in _text(d, ".wb-compare-feedback"))
    assert "Arboga" in _text(browser, ".wb-compare-feedback")
    pool = Select(browser.find_element(By.CSS_SELECTOR, ".c-pool select"))
    labels = [o.text for o in pool.options]
    assert any(label.startswith("Alla kommuner (289") for label in labels)
    pool.select_by_visible_text(next(lab for lab in labels if "socioekonomi, Arboga" in lab))
    browser.find_element(By.CSS_SELECTOR, ".b-jamfor").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-compare svg"))
    body = _text(browser, ".wb-compare")
    assert "Arboga jämförs med 7 kommuner" in body and "Sölvesborg" in body
    assert "årsvärden" in body
    browser.find_element(By.CSS_SELECTOR, ".b-spara-jamforelse").click()
    wait.until(lambda d: "sparades" in _text(d, ".wb-compare-feedback"))
    assert list(project.folder("results").glob("*.json"))
    screenshot(browser, "compare_municipalities")
    assert external_requests(browser) == []
