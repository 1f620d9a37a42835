"""``planner record`` and ``planner status`` for real: the sample district, its loader, the tally
taken from the rendered schedule.xlsx, and a record killed by SIGKILL through the CLI.

The plan is hand-made (the point is the ledger, not the solver), but everything else is what a
coordinator runs.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import openpyxl
import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import load_district, sample_dir
from planner.io.plan_json import plan_to_json
from planner.io.tally_columns import SHEET_COLUMNS, all_stops_sheet
from planner.io.templates import copy_sample
from planner.ledger import Ledger, apply_ledger, ledger_path
from planner.model import District, Plan
from planner.render._common import RenderContext
from planner.render.xlsx import render_schedule_xlsx
from tests.test_ledger import kill_inside_transaction, make_plan

WEEK = "2026-W48"


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Path, District, Plan]:
    """A copy of the sample district with a hand-made plan of WEEK in its ledger."""
    folder = tmp_path / "district"
    copy_sample(sample_dir(), folder)
    district, _ = load_district(folder)
    v1, v2, v3 = (v.site_id for v in district.villages[:3])
    school, home = district.schools[0].site_id, district.homebound[0].site_id
    teams = [t.id for t in district.teams]
    plan = make_plan(
        WEEK,
        [
            (teams[0], 0, v1, 40, 30),
            (teams[0], 0, home, 1, 1),
            (teams[1], 1, v2, 30, 0),
            (teams[1], 1, school, 50, 20),
            (teams[0], 2, v3, 20, 10),
        ],
        district=district.settings.name,
    )
    with Ledger.open(ledger_path(folder)) as ledger:
        ledger.save_plan(plan, plan_to_json(plan))
    return folder, district, plan


def _filled_tally(path: Path, district: District, plan: Plan, values: list[tuple]) -> Path:
    """schedule.xlsx as rendered, its "all stops" sheet (Indonesian) filled in."""
    book = openpyxl.load_workbook(io.BytesIO(render_schedule_xlsx(RenderContext(plan, district))))
    sheet = book[all_stops_sheet("id")]
    first = SHEET_COLUMNS.index("recorded") + 1
    assert [sheet.cell(1, first).value, sheet.cell(1, first + 1).value] == ["Direkam", "Dicetak"]
    for row, (recorded, printed) in enumerate(values, start=2):
        sheet.cell(row, first, recorded)
        sheet.cell(row, first + 1, printed)
    book.save(path)
    return path


VALUES = [(38, 30), (1, 1), (None, None), (47, 20), (25, 10)]


def _stop_sites(plan: Plan) -> list[str]:
    """The sites in the order of the "all stops" sheet (by date, then team)."""
    stops = sorted(plan.stops(), key=lambda rs: (rs[0].date, rs[0].team))
    return [stop.site for _, stop in stops]


def test_record_then_status_on_the_sample(
    sample: tuple[Path, District, Plan], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The rendered tally, filled in, records; status then shows the new coverage and stock."""
    folder, district, plan = sample
    tally = _filled_tally(tmp_path / "tally.xlsx", district, plan, VALUES)
    args = ["record", "--week", WEEK, str(tally), "--data", str(folder)]
    assert run_guarded(cli, args) == 0
    out = capsys.readouterr().out
    assert "  orang direkam:        111 (rencana 141)\n" in out
    assert f"  sisa blanko:          {773 - 61} (cadangan 175)\n" in out
    assert run_guarded(cli, args) == 0
    assert "tidak ada yang berubah" in capsys.readouterr().out

    with Ledger.open(ledger_path(folder)) as ledger:
        after = apply_ledger(district, ledger)
    # Every person recorded lowers the backlog of the village the site belongs to (floored).
    recorded = {s: r for s, (r, _) in zip(_stop_sites(plan), VALUES, strict=True) if r}
    at_village: dict[str, int] = {}
    for site_id, people in recorded.items():
        code = district.site_index()[site_id].village_code
        at_village[code] = at_village.get(code, 0) + people
    for code, people in at_village.items():
        assert after.village(code).backlog == max(0, district.village(code).backlog - people)
    toward_coverage = sum(min(district.village(c).backlog, n) for c, n in at_village.items())
    assert len(after.homebound) == len(district.homebound) - 1
    assert after.settings.blank_stock == 773 - 61

    assert run_guarded(cli, ["status", "--data", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["recorded_weeks"] == [WEEK]
    assert data["coverage"]["total"]["recorded"] == toward_coverage
    assert data["stock"]["now"] == 773 - 61
    assert data["trend"][1]["recorded"] == 111


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_planner_record_killed_mid_transaction_records_nothing(
    sample: tuple[Path, District, Plan], tmp_path: Path
) -> None:
    """`planner record` killed inside its transaction: no result of the week, ledger intact."""
    folder, district, plan = sample
    tally = _filled_tally(tmp_path / "tally.xlsx", district, plan, VALUES)
    code = "from planner.__main__ import main; main()"
    argv = [sys.executable, "-c", code, "record", "--week", WEEK, str(tally), "--data", str(folder)]
    kill_inside_transaction(argv, tmp_path / "inside-transaction")
    with Ledger.open(ledger_path(folder)) as ledger:
        assert ledger.integrity_ok()
        assert ledger.recorded_weeks() == []
        assert ledger.results() == []
        assert ledger.stock_moves() == []
        assert apply_ledger(district, ledger) is district
    # And the same record, not killed, goes through afterwards.
    assert run_guarded(cli, ["record", "--week", WEEK, str(tally), "--data", str(folder)]) == 0


def test_a_team_sheet_with_blank_rows_and_a_typo_on_the_sample(
    sample: tuple[Path, District, Plan], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Team 1 fills its own sheet (one stop blank), the office fills one stop of team 2 on the
    all-stops sheet; a typo (5000 at a village) is refused in Indonesian, naming the village,
    with nothing recorded; corrected, exactly those numbers are recorded."""
    folder, district, plan = sample
    book = openpyxl.load_workbook(io.BytesIO(render_schedule_xlsx(RenderContext(plan, district))))
    team_sheet = next(n for n in book.sheetnames if n.endswith(f"({district.teams[0].id})"))
    sheet = book[team_sheet]
    head = [c.value for c in sheet[1]]
    code, recorded, printed = (head.index(h) + 1 for h in ("Kode", "Direkam", "Dicetak"))
    first = district.villages[0]
    values = {1: (5000, 30), 2: (1, 1)}  # the village, the home visit; the third stop blank
    for row in range(2, sheet.max_row + 1):
        ref = str(sheet.cell(row, code).value)
        order = int(ref.rsplit("-", 1)[1]) if ref.startswith(district.teams[0].id) else 0
        if order in values and ref.endswith(f"{plan.routes[0].date:%m%d}-{order}"):
            sheet.cell(row, recorded, values[order][0])
            sheet.cell(row, printed, values[order][1])
    stops = book[all_stops_sheet("id")]
    school_row = next(
        r for r in range(2, stops.max_row + 1) if str(stops.cell(r, 6).value).startswith("school")
    )
    stops.cell(school_row, SHEET_COLUMNS.index("recorded") + 1, 47)
    stops.cell(school_row, SHEET_COLUMNS.index("printed") + 1, 20)
    tally = tmp_path / "tally.xlsx"
    book.save(tally)
    args = ["record", "--week", WEEK, str(tally), "--data", str(folder)]
    assert run_guarded(cli, args) == 2
    err = capsys.readouterr().err
    assert (
        f"5.000 orang direkam di {first.name} ({first.site_id}) minggu ini, padahal hanya "
        f"{first.backlog} yang belum rekam" in err
    )
    with Ledger.open(ledger_path(folder)) as ledger:
        assert ledger.recorded_weeks() == []

    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, recorded).value == 5000:
            sheet.cell(row, recorded, 38)
    book.save(tally)
    assert run_guarded(cli, args) == 0
    assert "  kunjungan terlaksana: 3 (tidak dikunjungi: 2)\n" in capsys.readouterr().out
    with Ledger.open(ledger_path(folder)) as ledger:
        got = {r.site: (r.recorded, r.printed) for _, r in ledger.results(WEEK)}
    assert got == {
        first.site_id: (38, 30),
        district.homebound[0].site_id: (1, 1),
        district.schools[0].site_id: (47, 20),
    }
