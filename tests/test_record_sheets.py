"""Recording the workbook the planner writes: either sheet, either language, blank rows, limits
of what a site could hold, a wrong week, a site visited twice by one team-day."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from planner.errors import InputError
from planner.io.tally import read_tally
from planner.io.tally_columns import all_stops_sheet, stop_code
from planner.ledger import Ledger, StopResult
from planner.ledger.limits import site_limits
from planner.model import Plan
from planner.render._common import RenderContext
from planner.render.xlsx import render_schedule_xlsx
from tests.test_ledger import (
    HOME1,
    SCHOOL1,
    VILLAGE1,
    VILLAGE3,
    WEEK1,
    make_plan,
    tiny_district,
    week1_plan,
)

Values = Mapping[str, tuple[object, object]]
"""Stop code → (recorded, printed) to write."""

MONDAY, TUESDAY, WEDNESDAY = ("1123", "1124", "1125")
PLANNED = {
    f"T1-{MONDAY}-1": (40, 30),
    f"T1-{MONDAY}-2": (1, 1),
    f"T1-{TUESDAY}-1": (50, 20),
    f"T1-{WEDNESDAY}-1": (20, 10),
}


def _limits(plan: Plan) -> dict[str, int]:
    return site_limits(tiny_district(), Ledger.memory(), plan.week)


def _workbook(plan: Plan, lang: str = "id") -> openpyxl.Workbook:
    data = render_schedule_xlsx(RenderContext(plan, tiny_district(), lang))
    return openpyxl.load_workbook(io.BytesIO(data))


def _fill(book: openpyxl.Workbook, sheet: str, values: Values) -> None:
    """Write ``values`` into the rows of ``sheet`` whose code is a key, as a team would."""
    ws = book[sheet]
    head = [c.value for c in ws[1]]
    code, recorded, printed = (head.index(h) + 1 for h in _names(head))
    for row in range(2, ws.max_row + 1):
        value = values.get(str(ws.cell(row, code).value))
        if value is not None:
            ws.cell(row, recorded, value[0])
            ws.cell(row, printed, value[1])


def _names(head: list[object]) -> tuple[str, str, str]:
    if "Kode" in head:
        return ("Kode", "Direkam", "Dicetak")
    return ("Ref", "Recorded", "Printed")


def _save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


def _team_sheet(book: openpyxl.Workbook) -> str:
    return next(name for name in book.sheetnames if name.endswith("(T1)"))


def _got(results: tuple[StopResult, ...]) -> dict[str, tuple[int, int]]:
    return {r.site: (r.recorded, r.printed) for r in results}


def test_the_team_sheet_alone_records(tmp_path: Path) -> None:
    """A team fills its own sheet (the boat and return lines stay blank): accepted, by code."""
    book = _workbook(week1_plan())
    _fill(book, _team_sheet(book), PLANNED)
    tally = read_tally(_save(book, tmp_path / "t.xlsx"), week1_plan(), _limits(week1_plan()))
    assert _got(tally.results) == {
        VILLAGE1: (40, 30),
        HOME1: (1, 1),
        SCHOOL1: (50, 20),
        VILLAGE3: (20, 10),
    }
    assert tally.not_visited == 0


def test_both_sheets_agree_or_the_conflict_is_named(tmp_path: Path) -> None:
    """The all-stops sheet and a team sheet may both be filled; other numbers for one stop on
    the two sheets are an error naming the other sheet and row."""
    book = _workbook(week1_plan())
    _fill(book, all_stops_sheet("id"), PLANNED)
    _fill(book, _team_sheet(book), {f"T1-{MONDAY}-1": (40, 30), f"T1-{TUESDAY}-1": (5, 0)})
    path = _save(book, tmp_path / "t.xlsx")
    with pytest.raises(InputError) as caught:
        read_tally(path, week1_plan())
    (problem,) = caught.value.problems
    assert problem.file == f"{path} [{_team_sheet(book)}]"
    assert problem.column == "Direkam"
    assert problem.text("id") == (
        f"{path} [{_team_sheet(book)}]:{problem.row}:Direkam: kunjungan T1-{TUESDAY}-1 diisi "
        "dengan angka lain di lembar 'Semua kunjungan' baris 4 — isi setiap kunjungan di satu "
        "lembar saja, atau dengan angka yang sama"
    )


def test_an_english_workbook_records_too(tmp_path: Path) -> None:
    """language en: English sheet names and headers, read back the same."""
    book = _workbook(week1_plan(), "en")
    assert book.sheetnames[0] == "All stops"
    assert [c.value for c in book["All stops"][1]][:3] == ["Ref", "Week", "Team"]
    _fill(book, "All stops", {f"T1-{MONDAY}-1": (38, 30)})
    tally = read_tally(_save(book, tmp_path / "t.xlsx"), week1_plan())
    assert _got(tally.results) == {VILLAGE1: (38, 30)}
    assert tally.not_visited == 3


def test_blank_rows_of_cancelled_stops_are_ignored(tmp_path: Path) -> None:
    """A tally printed before a replan: the cancelled stop's row is blank and no longer a stop
    of the plan; it is ignored. A filled row whose code moved (the day's order changed) is
    matched by its team, date and site."""
    before = make_plan(
        WEEK1, [("T1", 0, VILLAGE1, 40, 30), ("T1", 0, VILLAGE3, 10, 0), ("T1", 0, HOME1, 1, 1)]
    )
    after = replace(
        make_plan(WEEK1, [("T1", 0, VILLAGE1, 40, 30), ("T1", 0, HOME1, 1, 1)]), version=2
    )
    book = _workbook(before)
    _fill(book, all_stops_sheet("id"), {f"T1-{MONDAY}-1": (39, 30), f"T1-{MONDAY}-3": (1, 0)})
    tally = read_tally(_save(book, tmp_path / "t.xlsx"), after, _limits(after))
    assert _got(tally.results) == {VILLAGE1: (39, 30), HOME1: (1, 0)}


def test_counts_above_what_a_site_could_hold_are_errors_with_the_others(tmp_path: Path) -> None:
    """5000 at a village with backlog 120, 61 at a school of 60 students, 2 at a home visit,
    more cards printed than the day carried, and a negative count: all in one error."""
    plan = make_plan(
        WEEK1,
        [
            ("T1", 0, VILLAGE1, 40, 30),
            ("T1", 0, HOME1, 1, 1),
            ("T1", 1, SCHOOL1, 50, 20),
            ("T1", 2, VILLAGE3, 20, 10),
            ("T1", 3, VILLAGE3, 20, 0),
        ],
    )
    book = _workbook(plan)
    values = {
        f"T1-{MONDAY}-1": ("5000", 30),
        f"T1-{MONDAY}-2": (2, 1),
        f"T1-{TUESDAY}-1": (61, 20),
        f"T1-{WEDNESDAY}-1": (12, 11),
        "T1-1126-1": (-1, 0),
    }
    _fill(book, all_stops_sheet("id"), values)
    path = _save(book, tmp_path / "t.xlsx")
    with pytest.raises(InputError) as caught:
        read_tally(path, plan, _limits(plan))
    texts = [p.text("id").split(": ", 1)[1] for p in caught.value.problems]
    assert texts == [
        "-1 negatif — tulis jumlahnya dengan angka (mis. 12), atau kosongkan bila tidak dikunjungi",
        "5.000 orang direkam di Air Meles (village:17.02.01.2001) minggu ini, padahal hanya 120 "
        "yang belum rekam — periksa angkanya (salah ketik?)",
        "2 orang direkam pada kunjungan warga lansia, Desa Batu Galing (homebound:WK1): satu "
        "kunjungan warga merekam "
        "paling banyak 1 orang — periksa angkanya (salah ketik?)",
        "61 siswa direkam di SMA Negeri 1 (school:10700001) minggu ini, padahal hanya 60 siswa "
        "yang belum rekam — periksa angkanya (salah ketik?)",
        "11 kartu dicetak oleh T1 pada 25 November 2026, tetapi tim hanya membawa 10 blanko — "
        "periksa angka 'Dicetak' pada hari itu",
    ]
    assert "5,000 recorded at Air Meles" in caught.value.problems[1].text("en")
    assert caught.value.warnings == ()  # no "busy" warning beside the error


def test_a_site_limit_counts_the_whole_week_and_earlier_weeks(tmp_path: Path) -> None:
    """Two visits of one village add up; a village's backlog is what earlier weeks left."""
    plan = make_plan(WEEK1, [("T1", 2, VILLAGE3, 20, 0), ("T1", 3, VILLAGE3, 20, 0)])
    book = _workbook(plan)
    _fill(book, all_stops_sheet("id"), {f"T1-{WEDNESDAY}-1": (30, 0), "T1-1126-1": (20, 0)})
    path = _save(book, tmp_path / "t.xlsx")
    with pytest.raises(
        InputError,
        match=r"50 recorded at Kota Padang \(village:17\.02\.02\.2001\) this week, but only 49",
    ) as caught:
        read_tally(path, plan, {**_limits(plan), VILLAGE3: 49})
    assert caught.value.problems[0].row == 3
    assert len(read_tally(path, plan, _limits(plan)).results) == 2  # backlog 50: fits


def test_a_tally_of_another_week_is_one_message(tmp_path: Path) -> None:
    """Every row of W48 recorded as W49: one problem saying which week the workbook is for."""
    book = _workbook(week1_plan())
    _fill(book, all_stops_sheet("id"), PLANNED)
    path = _save(book, tmp_path / "t.xlsx")
    other = replace(week1_plan(), week="2026-W49")
    with pytest.raises(InputError) as caught:
        read_tally(path, other)
    (problem,) = caught.value.problems
    assert problem.text("en") == (
        f"{path}: this tally is of week 2026-W48, not 2026-W49 — record it with: planner record "
        f"--week 2026-W48 {path}"
    )
    # A team sheet has no week column: its dates say the week.
    book = _workbook(week1_plan())
    _fill(book, _team_sheet(book), PLANNED)
    del book[all_stops_sheet("id")]
    path = _save(book, tmp_path / "team.xlsx")
    with pytest.raises(InputError, match="tally is of week 2026-W48, not 2026-W49") as caught:
        read_tally(path, other)
    assert len(caught.value.problems) == 1


def test_a_site_visited_twice_by_one_team_day_records_once_summed(tmp_path: Path) -> None:
    """A plan whose windows forced T1 to Air Meles twice on Monday: both rows record, by code,
    as one result of that team-day and site (the ledger keeps one row per team, date, site)."""
    plan = make_plan(
        WEEK1,
        [("T1", 0, VILLAGE1, 20, 10), ("T1", 0, HOME1, 1, 1), ("T1", 0, VILLAGE1, 15, 5)],
    )
    book = _workbook(plan)
    values = {f"T1-{MONDAY}-1": (18, 10), f"T1-{MONDAY}-2": (1, 1), f"T1-{MONDAY}-3": (14, 5)}
    _fill(book, all_stops_sheet("id"), values)
    tally = read_tally(_save(book, tmp_path / "t.xlsx"), plan, _limits(plan))
    assert _got(tally.results) == {VILLAGE1: (32, 15), HOME1: (1, 1)}
    with Ledger.memory() as ledger:
        ledger.save_plan(plan, "{}")
        ledger.record(tiny_district(), plan, tally.results, source_sha256="x", source_name="t")
        assert {(r.site, r.recorded) for _, r in ledger.results(WEEK1)} == {
            (VILLAGE1, 32),
            (HOME1, 1),
        }


def test_a_csv_with_indonesian_headers_and_codes_only(tmp_path: Path) -> None:
    """Kode, Direkam, Dicetak are enough; an unknown code is named."""
    path = tmp_path / "t.csv"
    code = stop_code("T1", week1_plan().routes[0].date, 1)
    path.write_text(f"Kode;Direkam;Dicetak\n{code};35;30\nT1-1123-9;1;0\n")
    with pytest.raises(InputError) as caught:
        read_tally(path, week1_plan())
    (problem,) = caught.value.problems
    assert problem.text("id") == (
        f"{path}:3:Kode: 'T1-1123-9' bukan kunjungan dalam rencana 2026-W48 (versi 1) — catat "
        "rekap yang dicetak dari rencana terbaru minggu ini; periksa kode, tim, tanggal dan "
        "lokasinya"
    )
    path.write_text(f"Kode;Direkam;Dicetak\n{code};35;30\nT1-1123-9;;\n")
    assert _got(read_tally(path, week1_plan()).results) == {VILLAGE1: (35, 30)}
