"""``map.html`` of the real sample week in headless Chromium (Selenium): one day is drawn when
it opens, the day picker switches to another day and the drawn routes and markers change, the
stop numbers of every team-day shown run 1..n without repeats, the legend follows the day; and
printed, the page is one sheet without the controls.

Chromium gets a dead proxy, so a page that needed the network would break. Skipped when
Chromium or its driver is missing, unless CI=true.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io.plan_json import read_plan
from planner.model import Plan
from tests.chromium import CHROMIUM, DRIVER, chrome

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if (CHROMIUM is None or DRIVER is None) and os.environ.get("CI") != "true":
    pytest.skip("headless Chromium or chromedriver is not installed", allow_module_level=True)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WEEK = "2026-W49"

# What the page draws now: every route path and stop marker with its team-day classes, the
# numbers on the markers, the day shown and the legend rows shown.
_DRAWN = """
var out = {shown: document.body.getAttribute("data-planner-shown"), paths: [], stops: []};
document.querySelectorAll("path.planner-route").forEach(function (p) {
  out.paths.push(p.getAttribute("class") + "|" + p.getAttribute("d"));
});
document.querySelectorAll(".planner-stop").forEach(function (m) {
  out.stops.push(m.getAttribute("class") + "|" + m.textContent.trim());
});
out.legend = Array.prototype.map.call(
  document.querySelectorAll(".planner-teams tbody"),
  function (b) { return getComputedStyle(b).display === "none" ? "" : b.dataset.plannerDay; }
).filter(function (d) { return d; });
return out;
"""


@pytest.fixture(scope="module")
def sample_week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample district planned for one week by the CLI (offline maps)."""
    root = tmp_path_factory.mktemp("map-sample")
    data, out = root / "district", root / "out"
    assert run_guarded(cli, ["init", str(data)]) == 0
    args = ["plan", "--week", WEEK, "--data", str(data), "--out", str(out), "--offline"]
    fast = ["--time-limit", "10", "--solution-limit", "20", "--no-progress"]
    assert run_guarded(cli, [*args, *fast]) == 0
    return out / WEEK


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    with chrome(tmp_path / "chromium-profile", "1280,900") as driver:
        yield driver


def _drawn(driver: webdriver.Chrome) -> dict[str, object]:
    result: dict[str, object] = driver.execute_script(_DRAWN)
    return result


def _day_of(item: str) -> str:
    return next(c for c in item.split("|")[0].split() if c.startswith("planner-day-"))[12:]


def _numbers_by_team(stops: list[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for item in stops:
        classes, text = item.split("|")
        team = next(c for c in classes.split() if c.startswith("planner-team-"))[13:]
        found.setdefault(team, []).append(int(text))
    return found


def _expected(plan: Plan, day: str) -> dict[str, int]:
    return {r.team: len(r.stops) for r in plan.routes if r.date.isoformat() == day}


def test_the_map_shows_one_day_and_the_picker_switches_it(
    sample_week: Path, browser: webdriver.Chrome
) -> None:
    plan = read_plan(sample_week / "plan.json")
    days = sorted({r.date.isoformat() for r in plan.routes})
    assert len(days) >= 2
    browser.get((sample_week / "map.html").as_uri())
    WebDriverWait(browser, 60).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-planner-shown")
    )

    first = _drawn(browser)
    assert first["shown"] == days[0]
    paths, stops = list(first["paths"]), list(first["stops"])  # type: ignore[call-overload]
    assert paths
    assert {_day_of(p) for p in paths} == {days[0]}
    numbers = _numbers_by_team(stops)
    expected = _expected(plan, days[0])
    # each team-day shown: its stops numbered 1..n once each (the sample's stops all have
    # coordinates), so a "3" on the map is one stop of one team that day
    assert {team: sorted(n) for team, n in numbers.items()} == {
        team: list(range(1, count + 1)) for team, count in expected.items()
    }
    assert first["legend"] == [days[0]]

    browser.find_element(By.CSS_SELECTOR, f'button[data-planner-day="{days[1]}"]').click()
    second = _drawn(browser)
    assert second["shown"] == days[1]
    paths2, stops2 = list(second["paths"]), list(second["stops"])  # type: ignore[call-overload]
    assert paths2
    assert {_day_of(p) for p in paths2} == {days[1]}
    assert set(paths2).isdisjoint(paths)  # other lines, not the same ones relabelled
    assert {t: len(n) for t, n in _numbers_by_team(stops2).items()} == _expected(plan, days[1])
    assert second["legend"] == [days[1]]
    pressed = browser.find_element(By.CSS_SELECTOR, "#planner-days button.planner-on")
    assert pressed.get_attribute("data-planner-day") == days[1]

    browser.find_element(By.CSS_SELECTOR, 'button[data-planner-day="all"]').click()
    everything = _drawn(browser)
    all_paths = list(everything["paths"])  # type: ignore[call-overload]
    assert {_day_of(p) for p in all_paths} == set(days)
    assert len(everything["stops"]) == sum(len(r.stops) for r in plan.routes)  # type: ignore[arg-type]


def test_the_printed_map_is_one_clean_page(sample_week: Path, tmp_path: Path) -> None:
    """Chromium's print: one A4 landscape sheet with the title, the day and the legend, and
    none of the picker's buttons."""
    assert CHROMIUM is not None
    pdf = tmp_path / "map.pdf"
    page = sample_week / "map.html"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--proxy-server=127.0.0.1:9",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=6000",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    text = reader.pages[0].extract_text()
    assert "Peta rute" in text
    assert "Keterangan" in text
    assert "Senin, 30 November 2026" in text  # the day printed, named in the title
    assert "Semua hari" not in text
    assert "Selasa 1/12" not in text
