"""A person uploads a Swedish spreadsheet, maps its columns, meets a kind error, reads results, exports a report."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pandas as pd
import pytest
import yaml

from workbench.core.results import Provenance, Result

pytestmark = pytest.mark.browser

GOOD_CSV = (
    "löpnr;grupp;kommun;poäng_före;poäng_efter\n"
    "1;insats;Örebro;12,5;14,25\n"
    "2;jämförelse;Västerås;11;11,5\n"
    "3;insats;Åre;9,75;13\n"
)
BAD_CSV = "löpnr;grupp;poäng\n1;insats;3\n2;insats;4\n3;jämförelse\n"


@dataclass(frozen=True, kw_only=True)
class _FakeDid(Result):
    kind = "did"
    rung = 4
    credible: bool = True
    credibility_problems: tuple[str, ...] = ()

    def summary(self):
        return pd.DataFrame({"period": ["före", "efter"], "insats": [0.21, 0.34], "jämförelse": [0.2, 0.24]})

    def chart(self):
        import altair as alt

        long = self.summary().melt("period", var_name="grupp", value_name="andel")
        return alt.Chart(long).mark_line(point=True).encode(
            x=alt.X("period:N", sort=["före", "efter"]), y="andel:Q", color="grupp:N",
        ).properties(title="Självförsörjande före och efter", width=360, height=220)

    def explain(self, lang="sv"):
        if lang == "sv":
            return "Skillnad-i-skillnader: insatsgruppen ökade mer än jämförelsegruppen under antagandet om parallella trender."
        return "Difference in differences under the parallel-trends assumption."


def _open_tab(driver, wait, title: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


# ipywidgets' FileUpload keeps its <input type=file> outside the document and clicks it from the button.
# In the test, clicking that input attaches it to the page instead of opening the file dialog, so
# WebDriver can hand it a file the way a person's dialog would.
_CATCH_FILE_INPUT = """
if (!window.__wbFileCatch) {
  window.__wbFileCatch = true;
  const click = HTMLInputElement.prototype.click;
  HTMLInputElement.prototype.click = function () {
    if (this.type !== 'file') { return click.call(this); }
    this.value = '';
    this.classList.add('wb-test-file-input');
    if (!this.isConnected) { document.body.appendChild(this); }
  };
}
"""


def _choose_file(driver, wait, path) -> None:
    from selenium.webdriver.common.by import By

    driver.execute_script(_CATCH_FILE_INPUT)
    button = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "button.f-upload"))
    assert "Välj fil" in button.text
    button.click()
    file_input = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "input[type=file].wb-test-file-input"))
    assert ".csv" in file_input.get_attribute("accept") and ".xlsx" in file_input.get_attribute("accept")
    file_input.send_keys(str(path))


def _text(driver, css: str) -> str:
    from selenium.webdriver.common.by import By

    found = driver.find_elements(By.CSS_SELECTOR, css)
    return found[0].text if found else ""


def test_upload_map_error_results_report(tmp_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    import workbench as wb
    external_requests, screenshot = page_tools

    project = wb.Project.create(tmp_path / "projekt", name="Hela familjen")
    project.save_result(_FakeDid(provenance=Provenance("test"), warning_msgs=("Kort förperiod: två mätpunkter",)),
                        label="Skillnad i skillnader")
    good = tmp_path / "poäng.csv"
    good.write_bytes(GOOD_CSV.encode("cp1252"))  # Excel's "CSV (semikolonavgränsad)"
    bad = tmp_path / "trasig.csv"
    bad.write_text(BAD_CSV, encoding="utf-8")

    server = serve_app(project.path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 90)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-ladder"))

    # -- upload a good file through the real file input ---------------------------------------------
    _open_tab(browser, wait, "Ladda upp data")
    _choose_file(browser, wait, good)
    wait.until(lambda d: "Örebro" in _text(d, ".wb-preview"))
    preview = _text(browser, ".wb-preview")
    assert "Västerås" in preview and "Åre" in preview and "14,25" in preview and "poäng_före" in preview
    feedback = _text(browser, ".wb-upload-feedback")
    assert "3 rader och 5 kolumner" in feedback and "semikolon" in feedback and "data/poäng.csv" in feedback
    assert (project.path / "data" / "poäng.csv").read_bytes() == good.read_bytes()
    # every field on the page has a visible label
    labels = [lab.text for lab in browser.find_elements(By.CSS_SELECTOR, ".f-sheet .widget-label, [class*='f-role-'] .widget-label")]
    assert len(labels) == 6 and all(label.strip() for label in labels)
    screenshot(browser, "app_upload_preview")

    # -- map the columns --------------------------------------------------------------------------
    assert Select(browser.find_element(By.CSS_SELECTOR, ".f-role-id select")).first_selected_option.text == "löpnr"
    Select(browser.find_element(By.CSS_SELECTOR, ".f-role-outcome select")).select_by_visible_text("poäng_efter")
    Select(browser.find_element(By.CSS_SELECTOR, ".f-role-after select")).select_by_visible_text("(ingen)")
    # ipywidgets may hold back the second dropdown's change while the first is in flight, and a click
    # is sent at once: save again until the kernel has seen both choices (what a person sees as well)
    for _ in range(10):
        browser.find_element(By.CSS_SELECTOR, ".b-spara-kolumner").click()
        wait.until(lambda d: "sparades" in _text(d, ".wb-mapping-feedback"))
        shown = _text(browser, ".wb-mapping-feedback")
        if "Utfall = poäng_efter" in shown and "Mätning efter" not in shown:
            break
        time.sleep(0.5)
    mapping = yaml.safe_load((project.path / "data" / "kolumner.yaml").read_text(encoding="utf-8"))
    assert mapping["files"]["poäng.csv"]["columns"] == {
        "id": "löpnr", "group": "grupp", "outcome": "poäng_efter", "before": "poäng_före"}
    screenshot(browser, "app_upload_mapped")

    # -- a bad file: a kind Swedish error naming the row, no traceback ------------------------------
    _choose_file(browser, wait, bad)
    wait.until(lambda d: "Rad 4" in _text(d, ".wb-upload-feedback"))
    error = _text(browser, ".wb-upload-feedback")
    assert "trasig.csv" in error and "inte sparats" in error
    assert _text(browser, ".wb-preview") == ""
    assert sorted(p.name for p in (project.path / "data").iterdir()) == ["kolumner.yaml", "poäng.csv"]
    assert "Traceback" not in browser.page_source
    screenshot(browser, "app_upload_error")

    # -- results: explanation, chart as inline SVG, warnings ----------------------------------------
    _open_tab(browser, wait, "Resultat")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-results .wb-chart svg"))
    results = _text(browser, ".wb-results")
    assert "Steg 4:" in results and "parallella trender" in results and "Kort förperiod" in results
    assert "Självförsörjande före och efter" in browser.find_element(By.CSS_SELECTOR, ".wb-chart svg").get_attribute("innerHTML")
    screenshot(browser, "app_results")

    # -- export the report ---------------------------------------------------------------------------
    browser.find_element(By.CSS_SELECTOR, ".b-rapport").click()
    wait.until(lambda d: "Rapporten är klar" in _text(d, ".wb-results-feedback"))
    assert "rapporter/rapport.html" in _text(browser, ".wb-results-feedback")
    link = browser.find_element(By.CSS_SELECTOR, ".wb-results-feedback a.wb-download")
    assert link.get_attribute("download") == "rapport.html"
    assert link.get_attribute("href").startswith("data:text/html")
    assert (project.path / "rapporter" / "rapport.html").is_file()
    screenshot(browser, "app_results_report")

    assert "Traceback" not in browser.page_source
    assert external_requests(browser) == []
