"""The exported report opens in the browser with the network cut and shows its charts."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_report_opens_offline_with_charts(tmp_path, browser, page_tools):
    from selenium.webdriver.common.by import By

    import workbench as wb
    from workbench.demo import build_demo

    external_requests, screenshot = page_tools
    project = build_demo(tmp_path / "demo", with_trial=False)
    out = tmp_path / "rapport.html"
    wb.report(project, out=out)
    external_requests(browser)  # drain what earlier pages left in the log
    browser.get(out.as_uri())
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "h2")]
    assert headings[0] == "Vad vet vi om effekten?"
    charts = browser.find_elements(By.CSS_SELECTOR, ".chart svg")
    assert len(charts) >= 3
    sizes = [c.size for c in charts]
    assert all(s["width"] > 100 and s["height"] > 40 for s in sizes), sizes
    marks = browser.execute_script("return document.querySelectorAll('.chart svg path, .chart svg rect').length")
    assert marks > 20  # drawn marks, not empty frames
    assert "Den bästa skattningen av effekten" in browser.find_element(By.CSS_SELECTOR, ".summary").text
    screenshot(browser, "report_offline")
    assert [u for u in external_requests(browser) if u != out.as_uri()] == []  # only the file itself
