"""Two campaign weeks end to end, as a coordinator runs them, on a small real district.

The sample cut to two kecamatan (``tests.test_coverage_truth.small``). Through the CLI only:
plan W50; a replan with no team-day left (refused, nothing changed); a replan with a called-off
village or school and an added Sunday for T1 (kept in plan.json, passes ``check`` without
``--data``); record the week's own workbook as planned; a delivery with ``stock add``;
``status``; plan W51. At every step the kecamatan figures agree across summary.txt,
coverage.html, ``status`` and the ledger, and W51 starts from what was recorded, with the
delivered cards in stock.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import load_district
from planner.ledger import Ledger, ledger_path
from planner.ledger.stock import stock_level
from tests.test_coverage_truth import (
    KECAMATAN,
    _page_rows,
    _record_as_planned,
    _status_rows,
    _summary_rows,
    small,
)

__all__ = ["small"]  # the fixture, used here by name

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english_messages")]

W1, W2 = "2026-W50", "2026-W51"
SEARCH = ["--solution-limit", "5", "--time-limit", "120", "--no-progress"]
Rows = dict[str, tuple[object, ...]]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run_guarded(cli, list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _outputs_agree(week_dir: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> Rows:
    """The kecamatan rows of summary.txt; coverage.html and status say the same."""
    summary = _summary_rows((week_dir / "summary.txt").read_text(encoding="utf-8"))
    assert summary == _page_rows((week_dir / "coverage.html").read_text(encoding="utf-8"))
    status = {k: v for k, v in _status_rows(data, capsys).items() if k in KECAMATAN}
    assert status == summary
    return dict(summary)


def _ledger_recorded(data: Path) -> dict[str, int]:
    """People recorded per kecamatan from the ledger's raw results: each village counts what
    was recorded at its sites (itself, its schools, its residents), up to its backlog."""
    district, _ = load_district(data)
    sites = district.site_index()
    villages = {v.code: v for v in district.villages}
    at_village: dict[str, int] = defaultdict(int)
    with Ledger.open(ledger_path(data)) as ledger:
        for _week, result in ledger.results():
            at_village[sites[result.site].village_code] += result.recorded
    totals: dict[str, int] = defaultdict(int)
    for code, people in at_village.items():
        village = villages[code]
        totals[village.district] += min(people, village.backlog)  # district: its kecamatan
    return dict(totals)


def test_two_campaign_weeks_agree_everywhere(
    small: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """plan → replans → record → stock add → status → plan the next week, all in agreement."""
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-05")  # the Saturday before W50
    data, out = small, tmp_path / "out"
    common = ["--data", str(data), "--out", str(out)]
    week_dir = out / W1

    code, _, err = _run(capsys, "plan", "--week", W1, *common, *SEARCH)
    assert code == 0, err
    planned = _outputs_agree(week_dir, data, capsys)
    assert all(row[2] == 0 for row in planned.values())  # nothing recorded yet

    # Saturday 12 December is a holiday and nobody works on Sunday: nothing left to replan.
    before = _files(week_dir)
    code, out_text, err = _run(capsys, "replan", "--from", "2026-12-12", *common, *SEARCH)
    assert (code, out_text) == (2, "")
    assert err.startswith("Error: "), err
    assert len(err.strip().splitlines()) == 1, err
    assert _files(week_dir) == before

    # A village (or school) called off from Thursday on, and T1 works an extra Sunday morning.
    plan1 = json.loads((week_dir / "plan.json").read_text(encoding="utf-8"))
    stops = [(r["date"], s["site"]) for r in plan1["routes"] for s in r["stops"]]
    kept = {site for date, site in stops if date < "2026-12-10"}
    later = [
        site
        for date, site in stops
        if date >= "2026-12-10" and site.startswith(("village:", "school:")) and site not in kept
    ]
    # A village planned only from Thursday on when there is one, else such a school.
    cancel = min(later, key=lambda site: not site.startswith("village:"))
    code, _, err = _run(
        capsys,
        "replan",
        "--from",
        "2026-12-10",
        "--cancel",
        cancel,
        "--add-team-day",
        "T1:2026-12-13:08:00-12:00",
        *common,
        *SEARCH,
    )
    assert code == 0, err
    plan2 = json.loads((week_dir / "plan.json").read_text(encoding="utf-8"))
    assert plan2["added_team_days"] == [
        {"team": "T1", "date": "2026-12-13", "start": "08:00", "end": "12:00"}
    ]
    assert all(s["site"] != cancel for r in plan2["routes"] for s in r["stops"])
    assert (week_dir / "changes.txt").exists()
    code, check_out, err = _run(capsys, "check", str(week_dir / "plan.json"))
    assert (code, check_out.startswith("plan OK")) == (0, True), err
    replanned = _outputs_agree(week_dir, data, capsys)

    # Sunday evening: the teams' own workbook, filled in as planned, is recorded.
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-13")
    _record_as_planned(week_dir, data, W1, tmp_path)
    capsys.readouterr()
    recorded = {k: v for k, v in _status_rows(data, capsys).items() if k in KECAMATAN}
    for name, (obliged, backlog, _, people, _now, after) in replanned.items():
        assert recorded[name][:4] == (obliged, backlog - people, people, 0)
        assert recorded[name][4] == after
    assert {k: v for k, v in _ledger_recorded(data).items() if k in KECAMATAN} == {
        name: row[2] for name, row in recorded.items()
    }

    # 500 blank cards arrive on Friday; the stock the next plan starts from includes them.
    district, _ = load_district(data)
    with Ledger.open(ledger_path(data)) as ledger:
        stock_before = stock_level(ledger, district.settings.blank_stock, before_week=W2)
    code, _, err = _run(capsys, "stock", "add", "500", "--date", "2026-12-11", "--data", str(data))
    assert code == 0, err
    with Ledger.open(ledger_path(data)) as ledger:
        stock_after = stock_level(ledger, district.settings.blank_stock, before_week=W2)
    assert stock_after == stock_before + 500
    code, status_json, err = _run(capsys, "status", "--data", str(data), "--format", "json")
    assert code == 0, err
    assert json.loads(status_json)["as_of"] == W1

    # The next week starts from what was recorded.
    code, _, err = _run(capsys, "plan", "--week", W2, *common, *SEARCH)
    assert code == 0, err
    nxt = _outputs_agree(out / W2, data, capsys)
    for name, row in nxt.items():
        assert row[1:3] == recorded[name][1:3]  # backlog and recorded carried over
        assert row[4] == replanned[name][5]  # coverage before W51 = after W50 as recorded
    plan3 = json.loads((out / W2 / "plan.json").read_text(encoding="utf-8"))
    cards = sum(s["cards"] for r in plan3["routes"] for s in r["stops"])
    assert cards <= stock_after - district.settings.blank_reserve
