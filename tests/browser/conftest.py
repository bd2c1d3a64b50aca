"""Browser test harness: the staff apps in headless Chromium with every non-local request blocked.

Chromium resolves every host except localhost/127.0.0.1 to NOTFOUND and sends everything else to a
dead proxy; the performance log records any request that tried to leave 127.0.0.1, and
:func:`external_requests` lists them so a test can fail on them. Screenshots go to
``artifacts/screenshots/`` (kept by CI as test artifacts).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost", "data:", "blob:", "about:")


def _chromium() -> tuple[str, str] | None:
    chrome = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chrome, driver) if chrome and driver else None


@pytest.fixture(scope="session")
def browser():
    found = _chromium()
    if found is None:
        pytest.fail("Chromium and chromedriver are needed for browser tests: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--window-size=1280,1600",
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
        "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=found[1]), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def external_requests(driver) -> list[str]:
    """URLs the page tried to fetch from anywhere but this machine (drains the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(LOCAL_PREFIXES):
                urls.append(url)
    return urls


def screenshot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return Math.max(document.body.scrollHeight, 800)")
    driver.set_window_size(1280, min(int(height) + 100, 6000))
    driver.save_screenshot(str(path))
    return path


class VoilaServer:
    def __init__(self, project: Path, app: str = "start") -> None:
        from workbench.ui.serve import free_port, voila_command

        self.port = free_port()
        argv, env = voila_command(project, port=self.port, app=app)
        self.log = project.parent / f"voila-{self.port}.log"
        self.proc = subprocess.Popen(argv, env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}/"
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Voilà stopped: {self.log.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.url, timeout=60).read()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("Voilà did not answer within 90 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def serve_app():
    servers: list[VoilaServer] = []

    def start(project: Path, app: str = "start") -> VoilaServer:
        server = VoilaServer(project, app)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def page_tools():
    """``(external_requests, screenshot)`` for tests (conftest is not importable under importlib mode)."""
    return external_requests, screenshot
