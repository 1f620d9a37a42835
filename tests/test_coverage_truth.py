"""One truth about coverage: summary.txt, coverage.html and ``planner status`` agree exactly.

A small real district (the sample cut down to two kecamatan of Curup, with their schools and
homebound residents, where schools hold more unrecorded students than some villages' backlog)
is planned for a week, recorded as planned through ``planner record``, and planned again the
week after. Every kecamatan's planned, recorded and coverage figures must be the same in the
three outputs, and the second week must start from what was recorded.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import openpyxl
import pytest

from planner.calendar import Week
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.coverage import coverage_report, planned_people
from planner.i18n import t
from planner.io import load_district, sample_dir
from planner.io.tally_columns import all_stops_sheet
from planner.io.templates import copy_sample
from planner.model import District, SiteKind
from planner.workflow import open_district, plan_district
from planner.workflow.requests import PlanRequest
from tests.test_ledger import tiny_district

KECAMATAN = ("Curup", "Curup Timur")
W1, W2 = "2026-W50", "2026-W51"


def _keep(path: Path, column: str, keep: set[str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    index = rows[0].index(column)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *(r for r in rows[1:] if r[index] in keep)])


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample cut down to two kecamatan, straight-line travel (fast)."""
    folder = tmp_path_factory.mktemp("truth") / "district"
    copy_sample(sample_dir(), folder)
    with (folder / "villages.csv").open(encoding="utf-8") as handle:
        codes = {r["kode"] for r in csv.DictReader(handle) if r["kecamatan"] in KECAMATAN}
    _keep(folder / "villages.csv", "kecamatan", set(KECAMATAN))
    for name in ("kades.csv",):
        _keep(folder / name, "kode", codes)
    for name in ("sekolah.csv", "warga_khusus.csv"):
        _keep(folder / name, "kode_desa", codes)
    toml = folder / "planner.toml"
    toml.write_text(
        "\n".join(x for x in toml.read_text().splitlines() if not x.startswith("roads")) + "\n"
    )
    return folder


def _plan(folder: Path, week: str, out: Path) -> Path:
    request = PlanRequest(week=Week.parse(week), out_dir=out, solution_limit=5, time_limit_s=60)
    return plan_district(open_district(folder), request).out_week


def _num(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").replace("%", "").strip())


def _summary_rows(summary: str) -> dict[str, tuple[int, int, int, int, float, float]]:
    """Kecamatan → (obliged, backlog, recorded, planned, coverage now, after) in summary.txt."""
    rows = {}
    for name in KECAMATAN:
        line = next(x for x in summary.splitlines() if re.match(rf"^ {{4}}{name} {{2,}}\d", x))
        tokens = line[4 + len(name) :].split()
        obliged, backlog, recorded, planned = (int(_num(x)) for x in tokens[:4])
        rows[name] = (obliged, backlog, recorded, planned, _num(tokens[4]), _num(tokens[7]))
    return rows


def _page_rows(page: str) -> dict[str, tuple[int, int, int, int, float, float]]:
    """The same figures in coverage.html's kecamatan table."""
    rows = {}
    for name in KECAMATAN:
        row = re.search(rf'<td class="txt">{name}</td>(.*?)</tr>', page)
        assert row is not None, name
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row[1])]
        _villages, obliged, backlog, recorded, planned, before, after = cells
        counts = (int(_num(x)) for x in (obliged, backlog, recorded, planned))
        rows[name] = (*counts, _num(before), _num(after))
    return rows


def _status_rows(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[object, ...]]:
    """The same figures in `planner status --format json` (shares rounded as shown)."""
    assert run_guarded(cli, ["status", "--data", str(folder), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    return {
        k["kecamatan"]: (
            k["obliged"],
            k["backlog"],
            k["recorded"],
            k["planned"],
            round(k["coverage_now"], 1),
            round(k["coverage_after"], 1),
        )
        for k in data["coverage"]["kecamatan"]
    }


def _record_as_planned(out_week: Path, folder: Path, week: str, tmp: Path) -> None:
    book = openpyxl.load_workbook(out_week / "schedule.xlsx")
    sheet = book[all_stops_sheet("id")]
    header = [c.value for c in sheet[1]]
    column = {
        key: header.index(t(f"record.col.{key}", "id")) + 1
        for key in ("people", "cards", "recorded", "printed")
    }
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, column["recorded"], sheet.cell(row, column["people"]).value)
        sheet.cell(row, column["printed"], sheet.cell(row, column["cards"]).value)
    tally = tmp / f"tally-{week}.xlsx"
    book.save(tally)
    assert run_guarded(cli, ["record", "--week", week, str(tally), "--data", str(folder)]) == 0


def test_summary_coverage_page_and_status_agree_over_two_weeks(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan W50, record it as planned, plan W51: the three outputs agree at every step, and
    W51 starts from W50's recorded state."""
    out1 = _plan(small, W1, tmp_path / "out")
    summary1 = _summary_rows((out1 / "summary.txt").read_text(encoding="utf-8"))
    assert summary1 == _page_rows((out1 / "coverage.html").read_text(encoding="utf-8"))
    assert {k: v for k, v in _status_rows(small, capsys).items() if k in KECAMATAN} == summary1
    assert all(row[2] == 0 for row in summary1.values())  # nothing recorded yet
    assert sum(row[3] for row in summary1.values()) > 0

    _record_as_planned(out1, small, W1, tmp_path)
    capsys.readouterr()
    recorded = _status_rows(small, capsys)
    for name, (obliged, backlog, _, planned, _now, after) in summary1.items():
        # Recorded as planned: what W50 planned is now recorded, its "after" is now "now".
        assert recorded[name][:4] == (obliged, backlog - planned, planned, 0)
        assert recorded[name][4] == after

    out2 = _plan(small, W2, tmp_path / "out")
    summary2 = _summary_rows((out2 / "summary.txt").read_text(encoding="utf-8"))
    assert summary2 == _page_rows((out2 / "coverage.html").read_text(encoding="utf-8"))
    assert {k: v for k, v in _status_rows(small, capsys).items() if k in KECAMATAN} == summary2
    for name, row in summary2.items():
        assert row[1:3] == recorded[name][1:3]  # W51 starts from W50's recorded backlog
        assert row[4] == summary1[name][5]  # coverage before W51 = after W50


def test_school_and_homebound_people_lower_their_village_backlog_once() -> None:
    """Students and homebound residents are part of their village's backlog: planning them
    lowers it, capped at the backlog, and the district total is the villages' backlog."""
    district = tiny_district()
    v1 = district.villages[0]  # backlog 120, with the school (60 students)
    planned = {v1.site_id: 40, district.schools[0].site_id: 60, "homebound:WK1": 1}
    report = coverage_report(district, planned)
    air_meles, batu_galing, _ = report.villages
    assert (air_meles.planned, air_meles.backlog_after) == (100, 20)
    assert batu_galing.planned == 1  # the homebound resident lives there
    assert report.total.backlog == sum(v.backlog for v in district.villages) == 200
    over = coverage_report(district, {v1.site_id: 100, district.schools[0].site_id: 60})
    assert (over.villages[0].planned, over.villages[0].coverage_after) == (120, 1.0)


def test_planned_people_counts_every_stop_of_a_plan(small: Path) -> None:
    """planned_people sums a plan's stops per site; the coverage report maps each site to
    its village (a school to the village it stands in)."""
    district, _ = load_district(small)
    school = next(s for s in district.schools if s.students > 0)
    report = coverage_report(district, {school.site_id: school.students})
    row = next(v for v in report.villages if v.code == school.village_code)
    assert row.planned == min(row.backlog, school.students)
    assert planned_people(None) == {}
    assert _kinds(district) == {SiteKind.VILLAGE, SiteKind.SCHOOL, SiteKind.HOMEBOUND}


def _kinds(district: District) -> set[SiteKind]:
    return {s.site_kind for s in district.sites()}
