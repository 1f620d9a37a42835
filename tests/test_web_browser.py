"""``planner serve`` in real headless Chromium (Debian's chromium, driven by Selenium through
chromium-driver): open the district page, upload a broken villages.csv and see the row-level
errors, upload the good one, plan the sample week and wait for the progress bar to finish, see
the map, download the schedule PDF, upload a filled tally and see the status change.

Chromium gets a dead proxy (loopback is never proxied), so a page that needed a CDN would
break here. Skipped when Chromium or its driver is missing, unless CI=true.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.chromium import CHROMIUM, DRIVER, chrome
from tests.web_helpers import WEEK, broken_villages, district_copy, filled_tally

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if (CHROMIUM is None or DRIVER is None) and os.environ.get("CI") != "true":
    pytest.skip("headless Chromium or chromedriver is not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``planner serve`` of a sample-district copy on a free loopback port, in a thread."""
    import uvicorn

    from planner.web.app import create_app

    folder = tmp_path / "district"
    district_copy(folder)
    port = _free_port()
    config = uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", folder
    running.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    with chrome(tmp_path / "chromium-profile", "1280,1000") as driver:
        yield driver


def _submit(driver: webdriver.Chrome, form: WebElement) -> None:
    """Press the form's button and wait until the next page has replaced this one."""
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 120).until(staleness_of(form))


def _upload(driver: webdriver.Chrome, table: str, path: Path) -> None:
    form = driver.find_element(By.ID, "upload")
    Select(form.find_element(By.NAME, "table")).select_by_value(table)
    form.find_element(By.NAME, "file").send_keys(str(path))
    _submit(driver, form)


def _download(driver: webdriver.Chrome, url: str) -> bytes:
    """A file fetched with the browser's session cookie (what a click on the link gets)."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=60) as response:  # loopback only
        return bytes(response.read())


def test_the_office_week_in_a_real_browser(
    server: tuple[str, Path], browser: webdriver.Chrome, tmp_path: Path
) -> None:
    base, folder = server
    browser.get(base + "/")
    tables = browser.find_element(By.ID, "tables").text
    assert "villages.csv" in tables
    assert "156" in tables  # the sample's villages, counted

    good = tmp_path / "villages.csv"
    shutil.copy(folder / "villages.csv", good)
    broken = tmp_path / "upload" / "villages.csv"
    broken.parent.mkdir()
    broken.write_bytes(broken_villages(folder))
    _upload(browser, "villages", broken)
    refused = browser.find_element(By.ID, "refused")
    rows = [r.text for r in refused.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert any(r.startswith("villages.csv 4 lat") for r in rows), rows
    assert any(r.startswith("villages.csv 6 belum_rekam") for r in rows), rows
    assert (folder / "villages.csv").read_bytes() == good.read_bytes()

    _upload(browser, "villages", good)
    assert "tersimpan" in browser.find_element(By.ID, "outcome").text
    assert browser.find_element(By.ID, "validation").get_attribute("class") == "good"

    browser.get(base + "/plan")
    form = browser.find_element(By.ID, "plan")
    week = form.find_element(By.NAME, "week")
    week.clear()
    week.send_keys(WEEK)
    form.find_element(By.NAME, "solution_limit").send_keys("3")
    _submit(browser, form)
    # The progress page (a plan of the sample takes seconds, so it is seen; its script polls
    # the job and moves on to the result when the search ends).
    assert "/jobs/" in browser.current_url
    assert browser.find_elements(By.ID, "progress")
    WebDriverWait(browser, 280, poll_frequency=0.5).until(
        lambda d: d.current_url.endswith(f"/plan/{WEEK}")
    )
    frame = browser.find_element(By.ID, "map")
    browser.switch_to.frame(frame)
    WebDriverWait(browser, 30).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, ".leaflet-container path.leaflet-interactive")
    )
    browser.switch_to.default_content()

    link = browser.find_element(By.CSS_SELECTOR, f'a[href="/files/{WEEK}/schedule.pdf"]')
    pdf = PdfReader(io.BytesIO(_download(browser, link.get_attribute("href") or "")))
    assert len(pdf.pages) >= 2
    assert "Rejang Lebong" in pdf.pages[0].extract_text()

    browser.get(base + "/status")
    before = browser.find_element(By.ID, "status-kecamatan").text
    workbook = _download(browser, f"{base}/files/{WEEK}/schedule.xlsx")
    tally = tmp_path / "rekap.xlsx"
    tally.write_bytes(filled_tally(workbook))
    browser.get(base + "/record")
    form = browser.find_element(By.ID, "record")
    form.find_element(By.NAME, "file").send_keys(str(tally))
    _submit(browser, form)
    assert f"{WEEK} direkam" in browser.find_element(By.ID, "outcome").text
    after = browser.find_element(By.ID, "status-kecamatan").text
    assert after != before
