"""The staff app as a person with a screen reader, a keyboard only, or 200 % zoom meets it (demo project).

What the DOM offers (ipywidgets 8.1): a widget's ``description`` becomes a ``<label class="widget-label">``
whose ``for`` is the input's generated ``id`` (checkboxes nest their input in the label), so
``input.labels`` finds it; nothing extra is needed in the app. The page language comes from
``--VoilaExporter.language_code`` (``voila_command``). Lumino's tab bar is one tab stop (the current
tab); arrow keys move between tabs and Enter opens one. 200 % zoom of a 1280 px window is a 640 CSS px
viewport at device scale 2, emulated through the DevTools protocol.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

UNLABELLED_FIELDS = """
const found = [], missing = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden' || getComputedStyle(el).display === 'none') continue;
  const texts = Array.from(el.labels || []).map(l => l.textContent.trim());
  texts.push((el.getAttribute('aria-label') || '').trim());
  for (const id of (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)) {
    const ref = document.getElementById(id);
    texts.push(ref ? ref.textContent.trim() : '');
  }
  const hook = (el.closest('.jupyter-widgets') || el).className;
  (texts.some(t => t.length > 0) ? found : missing).push(hook);
}
return [found, missing];
"""

# Elements of the visible page that stick out of the 640 px viewport or clip their own content.
OVERFLOW = """
const vw = document.documentElement.clientWidth, problems = [];
const panel = document.querySelector('.wb-tabs');
const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
const name = el => el.tagName + '.' + String(el.className).slice(0, 60) + ' «' + (el.textContent || '').trim().slice(0, 30) + '»';
if (document.documentElement.scrollWidth > vw + 2) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
if (panel.scrollWidth > panel.clientWidth + 2) problems.push('app wider than its box: ' + panel.scrollWidth + ' > ' + panel.clientWidth);
const checked = panel.querySelectorAll('.lm-TabBar-tab, .widget-label, .widget-label-basic, input, select, textarea, .jupyter-button, .widget-html, .widget-box');
let n = 0;
for (const el of checked) {
  if (!visible(el)) continue;
  n += 1;
  const r = el.getBoundingClientRect();
  if (r.right > vw + 1 || r.left < -1) problems.push('outside the viewport: ' + name(el) + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
  const ox = getComputedStyle(el).overflowX;
  if (el.tagName !== 'TEXTAREA' && el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && ox !== 'visible' && el.scrollWidth > el.clientWidth + 2)
    problems.push('clipped: ' + name(el) + ' ' + el.scrollWidth + ' > ' + el.clientWidth);
  if (el.matches('.widget-label') && el.scrollHeight > el.clientHeight + 2)  // a wrapped label spills onto the next row
    problems.push('label taller than its box: ' + name(el) + ' ' + el.scrollHeight + ' > ' + el.clientHeight);
  if (el.matches('.widget-label') && r.bottom > el.parentElement.getBoundingClientRect().bottom + 2)
    problems.push('label runs out of its row: ' + name(el));
}
for (const tab of panel.querySelectorAll('.lm-TabBar-tab')) {   // every tab can be seen and clicked
  const r = tab.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (!hit || !tab.contains(hit)) problems.push('tab hidden: ' + tab.textContent.trim());
}
return [n, problems];
"""


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from workbench.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("a11y") / "demo").path


def _open_app(browser, serve_app, path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    server = serve_app(path)
    browser.get(server.url)
    wait = WebDriverWait(browser, 120)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-reached"))
    return wait


def _open_tab(browser, wait, title: str) -> None:
    from selenium.webdriver.common.by import By

    tab = wait.until(lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, ".lm-TabBar-tab")
                                     if title in t.text), None))
    tab.click()


def _focused(browser, css: str) -> bool:
    return bool(browser.execute_script("const a = document.activeElement; return !!(a && a.closest(arguments[0]));", css))


def _tab_until(browser, css: str, limit: int) -> int:
    from selenium.webdriver.common.keys import Keys

    for presses in range(1, limit + 1):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if _focused(browser, css):
            return presses
    raise AssertionError(f"Tab did not reach {css} in {limit} presses")


def test_fields_have_labels_and_page_is_swedish(demo_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By

    external_requests, _ = page_tools
    wait = _open_app(browser, serve_app, demo_path)
    assert browser.execute_script("return document.documentElement.lang") == "sv"
    found, missing = browser.execute_script(UNLABELLED_FIELDS)
    assert missing == [], f"fields without a label: {missing}"
    _open_tab(browser, wait, "Steg 1")  # tabs are built when first opened
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-name input").is_displayed())
    found, missing = browser.execute_script(UNLABELLED_FIELDS)
    assert missing == [], f"fields without a label: {missing}"
    assert len(found) >= 30  # the step-1 form alone has more: the check cannot pass on an empty page
    name_labels = browser.execute_script(
        "return Array.from(document.querySelector('.f-name input').labels).map(l => l.textContent.trim())")
    assert name_labels == ["Projektets namn *"]
    assert any("f-evaluation-plan-rung-aimed" in hook for hook in found)  # selects are checked too
    assert external_requests(browser) == []


def test_keyboard_only_open_form_and_save(demo_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.keys import Keys

    import workbench as wb
    external_requests, screenshot = page_tools
    wait = _open_app(browser, serve_app, demo_path)
    browser.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
    _tab_until(browser, ".lm-TabBar-tab", 15)  # the tab bar is one tab stop
    for _ in range(6):
        if "Steg 1" in browser.switch_to.active_element.text:
            break
        browser.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert "Steg 1" in browser.switch_to.active_element.text
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait.until(lambda d: d.execute_script(
        "const i = document.querySelector('.f-name input'); return i && i.offsetParent !== null"))
    _tab_until(browser, ".f-name", 10)
    browser.switch_to.active_element.send_keys(Keys.END, " – tangentbord")
    _tab_until(browser, ".b-spara", 80)
    save = browser.switch_to.active_element
    outline = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, parseFloat(s.outlineWidth)];", save)
    assert outline[0] != "none" and outline[1] >= 2, f"the focused Save button shows no focus ring: {outline}"
    screenshot(browser, "a11y_keyboard_focus_on_save")
    save.send_keys(Keys.ENTER)
    wait.until(lambda d: "Sparat" in d.execute_script(
        "const f = document.querySelector('.wb-feedback'); return f ? f.textContent : ''"))
    assert wb.Project.open(demo_path).description["name"].endswith(" – tangentbord")
    # Space on the focused button saves too
    browser.execute_script("document.querySelector('.f-name input').focus()")
    browser.switch_to.active_element.send_keys(Keys.END, "!")
    browser.execute_script("document.querySelector('.b-spara').focus()")
    browser.switch_to.active_element.send_keys(Keys.SPACE)
    wait.until(lambda d: wb.Project.open(demo_path).description["name"].endswith(" – tangentbord!"))
    assert external_requests(browser) == []


def test_readable_at_200_percent_zoom(demo_path, browser, serve_app, page_tools):
    from selenium.webdriver.common.by import By

    _, screenshot = page_tools

    def zoom(height: int = 900) -> None:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 640, "height": height, "deviceScaleFactor": 2, "mobile": False})

    def shoot(name: str) -> None:
        bottom = browser.execute_script("return document.querySelector('.wb-tabs').getBoundingClientRect().bottom")
        zoom(min(int(bottom) + 60, 3000))
        screenshot(browser, name)
        zoom()

    # at 100 % first: long labels wrap beside their fields without running into the next row
    wait = _open_app(browser, serve_app, demo_path)
    _open_tab(browser, wait, "Steg 1")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-name input").is_displayed())
    checked, problems = browser.execute_script(OVERFLOW)
    assert problems == [] and checked >= 60, problems
    zoom()
    try:
        browser.get(browser.current_url)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".wb-reached"))
        assert browser.execute_script("return window.innerWidth") == 640
        checked, problems = browser.execute_script(OVERFLOW)
        shoot("a11y_start_zoom200")
        assert problems == [], problems
        assert checked >= 8
        _open_tab(browser, wait, "Steg 1")
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".f-name input").is_displayed())
        checked, problems = browser.execute_script(OVERFLOW)
        shoot("a11y_step1_zoom200")
        assert problems == [], problems
        assert checked >= 60  # every label, field and button of the form was measured
        # labels sit above their fields at this width, so a long label is never squeezed beside one
        label, field = browser.execute_script(
            "const b = document.querySelector('.f-target-group-inclusion-criteria');"
            "return [b.querySelector('.widget-label').getBoundingClientRect().bottom,"
            "        b.querySelector('textarea').getBoundingClientRect().top];")
        assert label <= field + 1
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        browser.set_window_size(1280, 1600)


def test_preheat_only_for_a_notebook_that_waits_for_the_request(tmp_path):
    """A preheated kernel runs the notebook before the visit; only one that waits shows fresh data."""
    import nbformat

    from workbench.ui.serve import APPS_DIR, preheat_safe, voila_command

    def notebook(name: str, *cells: str):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
        nbformat.write(nb, tmp_path / name)
        return tmp_path / name

    builds_at_once = notebook("a.ipynb", "from workbench.ui.app import start_app", "start_app()")
    waits = notebook("b.ipynb", "from voila.utils import wait_for_request\nfrom workbench.ui.app import start_app",
                     "wait_for_request()", "start_app()")
    assert not preheat_safe(builds_at_once)
    assert preheat_safe(waits)
    assert not preheat_safe(tmp_path / "missing.ipynb")
    argv, env = voila_command(tmp_path, port=9999, lang="sv")
    assert ("--preheat_kernel=True" in argv) == preheat_safe(APPS_DIR / "start.ipynb")
    assert "--preheat_kernel=True" in voila_command(tmp_path, preheat=True)[0]
    assert "--preheat_kernel=True" not in voila_command(tmp_path, preheat=False)[0]
    assert "--VoilaExporter.language_code=sv" in argv
    assert "--VoilaExporter.language_code=en" in voila_command(tmp_path, lang="en")[0]
    assert env["WORKBENCH_PROJECT"] == str(tmp_path.resolve())
