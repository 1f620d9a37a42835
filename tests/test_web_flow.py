"""The office's week through ``planner serve`` with Starlette's TestClient: plan the sample
week in the background, see the result, download the schedule, record a tally, see the status
change, preview a replan (the ledger untouched) and confirm it; then every page and every
output served is searched for the residents' sentinel names and NIKs, which only the team
schedule downloads may hold."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from planner.ledger import Ledger, ledger_path
from planner.web.app import create_app
from tests.web_helpers import WEEK, csrf_of, district_copy, filled_tally, sentinels

pytestmark = pytest.mark.slow

SCHEDULE_DOWNLOADS = re.compile(r"^(schedule\.(pdf|html|xlsx)|teams/.*)$")
"""The team-schedule downloads: the only files that may name residents."""


def _wait(client: TestClient, job: str) -> dict[str, object]:
    """Poll a job's state as the page's script does, until it ends (the test's timeout caps
    the wait)."""
    fractions: list[float] = []
    while True:
        state = client.get(f"{job}.json").json()
        fractions.append(float(state["fraction"]))
        if state["done"]:
            assert fractions == sorted(fractions), "the progress bar went backwards"
            return dict(state)
        time.sleep(0.5)


def _latest_version(folder: Path) -> int | None:
    with Ledger.open(ledger_path(folder)) as ledger:
        plan = ledger.latest_plan(WEEK)
    return None if plan is None else plan.version


def test_the_week_through_the_web_page(tmp_path: Path) -> None:
    folder = tmp_path / "district"
    residents = district_copy(folder)
    client = TestClient(create_app(folder))
    seen: dict[str, str] = {}

    def page(url: str, status: int = 200) -> str:
        response = client.get(url)
        assert response.status_code == status, (url, response.text[:500])
        seen[url] = response.text
        return response.text

    token = csrf_of(page("/"))
    plan_page = page("/plan")
    assert all(f'value="{team}"' in plan_page for team in ("T1", "T2", "T3", "T4"))
    form = {"csrf": token, "week": WEEK, "teams": ["T1", "T2", "T3", "T4"], "solution_limit": "3"}
    started = client.post("/plan", data=form, follow_redirects=False)
    assert started.status_code == 303
    job = started.headers["location"]
    page(job)
    # A second plan while the first runs is refused with a message.
    second = client.post("/plan", data=form)
    assert second.status_code == 409
    assert "sedang dihitung" in second.text
    state = _wait(client, job)
    assert state == {**state, "done": True, "failed": False, "fraction": 1.0}
    result = client.get(job)
    assert result.url.path == f"/plan/{WEEK}"
    result_page = page(f"/plan/{WEEK}")
    assert f'src="/files/{WEEK}/map.html"' in result_page
    assert f'src="/files/{WEEK}/coverage.html"' in result_page
    assert "Rencana Rejang Lebong" in result_page  # the summary, in Indonesian
    names = re.findall(rf'href="/files/{WEEK}/([^"]+)"', result_page)
    assert {"schedule.pdf", "schedule.xlsx", "map.html", "summary.txt"} <= set(names)

    pdf = client.get(f"/files/{WEEK}/schedule.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) >= 2
    downloads = {name: client.get(f"/files/{WEEK}/{name}").content for name in names}

    status_before = page("/status")
    tally = filled_tally(downloads["schedule.xlsx"])
    recorded = client.post(
        "/record", data={"csrf": token, "week": WEEK}, files={"file": ("rekap W49.xlsx", tally)}
    )
    assert recorded.status_code == 200, recorded.text[:2000]
    assert 'id="outcome"' in recorded.text
    assert f"{WEEK} direkam" in recorded.text
    status_after = page("/status")
    assert _coverage_table(status_after) != _coverage_table(status_before)
    stored = list((folder / ".planner" / "uploads").iterdir())
    assert [p.name for p in stored] == [f"{WEEK}-rekap_W49.xlsx"]

    replan_page = page("/replan")
    assert "homebound:" in replan_page  # stops by their public names and ids
    ask = {"csrf": token, "from": "2026-12-02", "without": "T2", "solution_limit": "3"}
    preview = client.post("/replan", data=ask, follow_redirects=False)
    preview_job = preview.headers["location"]
    assert not _wait(client, preview_job)["failed"]
    shown = page(client.get(preview_job).url.path)
    assert 'id="confirm"' in shown
    assert "T2" in shown
    assert _latest_version(folder) == 1  # a preview leaves the ledger and out/ alone
    assert not (folder / "out" / WEEK / "changes.txt").exists()
    confirm = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', shown))
    applied = client.post("/replan/confirm", data=confirm, follow_redirects=False)
    assert not _wait(client, applied.headers["location"])["failed"]
    page(client.get(applied.headers["location"]).url.path)
    assert _latest_version(folder) == 2
    assert (folder / "out" / WEEK / "changes.txt").is_file()

    for url in ("/", "/plan", f"/plan/{WEEK}", "/record", "/status", "/replan", "/?lang=en"):
        page(url)
    for url, text in seen.items():  # the pages' own assets are local: they work offline
        assert not re.findall(r'(?:src|href)="(?:https?:)?//', text), url
    for path in sorted((folder / "out" / WEEK).rglob("*")):
        name = path.relative_to(folder / "out" / WEEK).as_posix()
        if path.is_file():
            seen[name] = client.get(f"/files/{WEEK}/{name}").content.decode("utf-8", "replace")
    secrets = sentinels(residents)
    for url, text in seen.items():
        if SCHEDULE_DOWNLOADS.match(url):
            continue
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{url} shows {leaked[:3]}"
    assert any(s in seen["schedule.html"] for s in secrets)  # the team's own schedule does


def _coverage_table(html: str) -> str:
    """The coverage-by-kecamatan table of the status page (its recorded and backlog columns
    change when a tally is recorded)."""
    match = re.search(r'<table id="status-kecamatan">.*?</table>', html, re.S)
    assert match, "no coverage table on the status page"
    return match[0]
