"""Reading tallies (planner.io.tally) and the ``planner record`` command."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

import planner.io
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import InputError, Problem
from planner.io.plan_json import plan_to_json
from planner.io.tally import ALL_STOPS_COLUMNS, Tally, read_tally
from planner.ledger import Ledger, apply_ledger, ledger_path
from planner.model import District
from tests.test_ledger import (
    HOME1,
    SCHOOL1,
    SECRET_NAME,
    SECRET_NIK,
    V1,
    VILLAGE1,
    VILLAGE3,
    WEEK1,
    make_plan,
    tally_row,
    tiny_district,
    week1_plan,
    write_tally,
)

LEGACY_SHEET = "all stops"
"""The sheet name of workbooks written before the sheets were Indonesian."""

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

DONE = {VILLAGE1: (35, 30), HOME1: (1, 1), SCHOOL1: (45, 20), VILLAGE3: ("", "")}
TUESDAY = "2026-11-24"


def _where(exc: InputError) -> set[tuple[int | None, str | None]]:
    return {(p.row, p.column) for p in exc.problems}


# --------------------------------------------------------------------------------------------
# Reading good tallies


def test_reads_a_csv_tally(tmp_path: Path) -> None:
    """Visited stops become results; a blank 'recorded' is a stop not visited."""
    path = write_tally(tmp_path / "t.csv", week1_plan(), DONE)
    tally = read_tally(path, week1_plan())
    assert [(r.site, r.recorded, r.printed) for r in tally.results] == [
        (VILLAGE1, 35, 30),
        (HOME1, 1, 1),
        (SCHOOL1, 45, 20),
    ]
    assert tally.not_visited == 1
    assert tally.warnings == ()
    assert tally.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_indonesian_headers_semicolons_and_a_bom(tmp_path: Path) -> None:
    """tercatat/dicetak headers, ';'-separated CSV with a BOM (Indonesian Excel) read the same."""
    plan = week1_plan()
    path = write_tally(tmp_path / "t.csv", plan, DONE, ("Tercatat", "Dicetak"), ";")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert (
        read_tally(path, plan).results
        == read_tally(write_tally(tmp_path / "en.csv", plan, DONE), plan).results
    )
    path = write_tally(tmp_path / "d.csv", plan, DONE, ("direkam", "printed"))
    assert len(read_tally(path, plan).results) == 3


def test_blank_printed_is_zero_and_dd_mm_yyyy_dates_work(tmp_path: Path) -> None:
    """A visited stop with no 'printed' printed nothing; Excel's 24/11/2026 dates are accepted."""
    plan = week1_plan()
    path = write_tally(tmp_path / "t.csv", plan, {SCHOOL1: ("45", "")})
    path.write_text(path.read_text().replace(TUESDAY, "24/11/2026"))
    (result,) = read_tally(path, plan).results
    assert (result.site, result.recorded, result.printed) == (SCHOOL1, 45, 0)


def _xlsx(path: Path, rows: list[list[object]], sheet: str, first_sheet: str | None) -> Path:
    book = openpyxl.Workbook()
    active = book.active
    assert active is not None
    if first_sheet:
        active.title = first_sheet
        active.append(["not the tally"])
        target = book.create_sheet(sheet)
    else:
        active.title = sheet
        target = active
    for row in rows:
        target.append(row)
    book.save(path)
    return path


def _rows(done: dict[str, tuple[object, object]]) -> list[list[object]]:
    plan = week1_plan()
    rows: list[list[object]] = [[*ALL_STOPS_COLUMNS, "recorded", "printed"]]
    for route, stop in plan.stops():
        cells = tally_row(plan, route, stop)
        cells[2] = dt.datetime.combine(route.date, dt.time())  # Excel turns dates into dates
        rows.append([*cells, *done.get(stop.site, (None, None))])
    return rows


def test_reads_the_all_stops_sheet_of_an_xlsx(tmp_path: Path) -> None:
    """XLSX: the 'all stops' sheet wherever it is, else the first sheet; Excel floats are ok."""
    done: dict[str, tuple[object, object]] = {VILLAGE1: (35.0, 30), SCHOOL1: (45, None)}
    expected = [(VILLAGE1, 35, 30), (SCHOOL1, 45, 0)]
    for name, first in ((LEGACY_SHEET, "Tim T1"), ("Sheet1", None)):
        path = _xlsx(tmp_path / f"{name}.xlsx", _rows(done), name, first)
        tally = read_tally(path, week1_plan())
        assert [(r.site, r.recorded, r.printed) for r in tally.results] == expected


def test_a_busy_stop_is_a_warning_not_an_error(tmp_path: Path) -> None:
    """More than twice the expected people recorded: accepted, with a warning naming the cell."""
    path = write_tally(tmp_path / "t.csv", week1_plan(), {VILLAGE3: (41, 0)})
    tally = read_tally(path, week1_plan())
    (warning,) = tally.warnings
    assert (warning.row, warning.column, warning.severity) == (5, "recorded", "warning")
    assert "41 recorded where 20 were expected" in warning.text("en")
    assert "41 direkam padahal diperkirakan 20" in warning.text("id")
    assert tally.results[0].recorded == 41


# --------------------------------------------------------------------------------------------
# Bad tallies


def test_every_problem_of_a_bad_tally_in_one_error(tmp_path: Path) -> None:
    """Unknown stop, negative, text, printed > recorded, a duplicate, another week: all at once."""
    plan = week1_plan()
    path = write_tally(
        tmp_path / "bad.csv",
        plan,
        {VILLAGE1: (-3, 0), HOME1: ("dua", 1), SCHOOL1: (10, 20), VILLAGE3: ("1.5", "x")},
    )
    lines = path.read_text().splitlines()
    lines.append(lines[1].replace(VILLAGE1, "village:17.02.99.9999").replace(",-3,", ",5,"))
    lines.append(lines[3].replace(",10,20", ",10,2"))  # the school again
    lines.append(lines[3].replace(WEEK1, "2026-W47").replace(",10,20", ",1,0"))  # not a dup
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as caught:
        read_tally(path, plan)
    assert _where(caught.value) == {
        (2, "recorded"),
        (3, "recorded"),
        (4, "printed"),
        (5, "recorded"),
        (5, "printed"),
        (6, "site"),
        (7, "site"),
        (8, "week"),
    }
    text = caught.value.render()
    assert text.startswith("8 problems:\n")
    assert f"{path}:2:recorded: -3 is negative" in text
    assert f"{path}:3:recorded: 'dua' is not a whole number" in text
    assert f"{path}:4:printed: 20 cards printed but only 10 recorded" in text
    assert f"{path}:6:site: T1 on 2026-11-23 at village:17.02.99.9999 is not a stop" in text
    assert f"{path}:7:site: the same stop as row 4" in text
    assert f"{path}:8:week: this row is of week '2026-W47', not 2026-W48" in text


def test_missing_columns_are_named(tmp_path: Path) -> None:
    """A tally without 'printed', a code or a date names what is missing on the header row."""
    path = tmp_path / "t.csv"
    path.write_text("team,site,recorded\nT1,village:17.02.01.2001,3\n")
    with pytest.raises(InputError) as caught:
        read_tally(path, week1_plan())
    hint = (
        "use the 'Semua kunjungan' sheet or a team sheet of schedule.xlsx and fill in "
        "'Direkam' and 'Dicetak'"
    )
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:1:Dicetak: missing column 'Dicetak' — {hint}",
        f"{path}:1:Kode: no 'Kode' column (nor 'Tim', 'Tanggal' and 'Kode lokasi') — {hint}",
    ]
    assert (
        caught.value.problems[0]
        .text("id")
        .endswith(
            "kolom 'Dicetak' tidak ada — pakai lembar 'Semua kunjungan' atau lembar tim dari "
            "schedule.xlsx, lalu isi 'Direkam' dan 'Dicetak'"
        )
    )


def test_printed_without_recorded_is_an_error(tmp_path: Path) -> None:
    """Cards printed at a stop marked not visited cannot be right."""
    path = write_tally(tmp_path / "t.csv", week1_plan(), {VILLAGE1: ("", 5)})
    with pytest.raises(InputError, match="5 printed but 'recorded' is blank"):
        read_tally(path, week1_plan())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "the file is empty"),
        ("blank.csv", b"\n\n  \n", "the file is empty"),
        ("noheader.csv", b"a,b,c\n1,2,3\n", "no header row with the columns"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a readable .xlsx workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0 an old excel file", "not a readable .xlsx workbook"),
    ],
)
def test_unreadable_files_are_input_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    """Empty, header-less, broken or old-format files: one clear InputError each."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_tally(path, week1_plan())


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    """A wrong path says so."""
    with pytest.raises(InputError, match="no such file"):
        read_tally(tmp_path / "nope.csv", week1_plan())


_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            *("", "-1", "1e9", "12.5", "1.000", "NaN", "=1+1", "99999999999999999999999"),
            *("\ufeff", "2026-11-23", "23/11/2026", "31/02/2026", "T1", VILLAGE1, "0x10"),
            *(" 7 ", "٣", "+4", "\x00", '"', "a\nb"),
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
_FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _read_or_error(path: Path) -> Tally | InputError:
    """The tally, or the InputError it raised (anything else propagates and fails the test)."""
    try:
        return read_tally(path, week1_plan())
    except InputError as exc:
        return exc


@_FUZZ
@given(
    header=st.lists(
        st.sampled_from([*ALL_STOPS_COLUMNS, "recorded", "printed", "tercatat", "", "x"]),
        max_size=16,
    ),
    rows=st.lists(st.lists(_CELL, max_size=16), max_size=6),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_garbage_tallies_raise_only_input_errors(
    tmp_path: Path, header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    """Whatever a CSV's header and cells hold: a Tally or one InputError naming the file."""
    path = tmp_path / "fuzz.csv"
    lines = [header, *rows]
    text = "\n".join(delimiter.join(c.replace(delimiter, " ") for c in line) for line in lines)
    path.write_text(text, encoding="utf-8")
    outcome = _read_or_error(path)
    if isinstance(outcome, InputError):
        assert outcome.problems
        assert all(p.file == str(path) for p in outcome.problems)


@_FUZZ
@given(
    done=st.dictionaries(
        st.sampled_from([VILLAGE1, HOME1, SCHOOL1, VILLAGE3]),
        st.tuples(_CELL, _CELL),
    ),
    suffix=st.sampled_from([".csv", ".xlsx"]),
)
def test_garbage_counts_in_a_real_tally_raise_only_input_errors(
    tmp_path: Path, done: dict[str, tuple[str, str]], suffix: str
) -> None:
    """Garbage in recorded/printed of real rows (CSV or XLSX): a Tally or an InputError."""
    path = tmp_path / f"fuzz{suffix}"
    if suffix == ".csv":
        write_tally(path, week1_plan(), done)
    else:
        # Excel itself cannot hold control characters in a cell.
        clean = {k: tuple(ILLEGAL_CHARACTERS_RE.sub("", c) for c in v) for k, v in done.items()}
        _xlsx(path, _rows(clean), LEGACY_SHEET, None)
    outcome = _read_or_error(path)
    if isinstance(outcome, InputError):
        assert outcome.problems
    else:
        assert all(0 <= r.printed <= r.recorded for r in outcome.results)


# --------------------------------------------------------------------------------------------
# The command


@pytest.fixture
def district_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A district folder whose loader returns the tiny district, with week 1 planned."""

    def load(folder: Path | None = None) -> tuple[District, list[Problem]]:
        return tiny_district(), []

    monkeypatch.setattr(planner.io, "load_district", load)
    folder = tmp_path / "district"
    folder.mkdir()
    with Ledger.open(ledger_path(folder)) as ledger:
        ledger.save_plan(week1_plan(), plan_to_json(week1_plan()))
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run_guarded(cli, list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_record_command_reports_what_changed(
    district_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """record prints people, cards and stock; again: nothing changed; corrected: replaced."""
    tally = write_tally(tmp_path / "tally.csv", week1_plan(), DONE)
    args = ("record", "--week", WEEK1, str(tally), "--data", str(district_dir), "--lang", "en")
    assert _run(capsys, *args) == (
        0,
        "Recorded 2026-W48 (plan version 1) from tally.csv:\n"
        "  stops visited:   3 (not visited: 1)\n"
        "  people recorded: 81 (planned 111)\n"
        "  cards printed:   51\n"
        "  blank stock:     49 left (reserve 10)\n",
        "",
    )
    assert _run(capsys, *args) == (
        0,
        "2026-W48 is already recorded with these results; nothing changed.\n",
        "",
    )
    write_tally(tally, week1_plan(), {**DONE, VILLAGE1: (30, 25)})
    code, out, _ = _run(capsys, *args)
    assert code == 0
    assert out.splitlines()[:1] == [
        "Replaced the earlier tally of 2026-W48 (plan version 1) from tally.csv:"
    ]
    assert "  people recorded: 76 (planned 111), was 81\n" in out
    assert "  blank stock:     54 left (reserve 10)\n" in out
    with Ledger.open(ledger_path(district_dir)) as ledger:
        # 120 - 30 at the village - 45 at its school (students are part of its backlog)
        assert apply_ledger(tiny_district(), ledger).village(V1).backlog == 45


def test_record_without_a_plan_says_to_plan_first(
    district_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No plan of the week in the ledger: exit 2 and the command to run first; when the tally
    is of another week, the week it is for."""
    tally = write_tally(tmp_path / "tally.csv", week1_plan(), DONE)
    code, out, err = _run(
        capsys, "record", "--week", "2026-W49", str(tally), "--data", str(district_dir)
    )
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {tally}: this tally is of week 2026-W48, not 2026-W49 — record it with: "
        f"planner record --week 2026-W48 {tally}\n"
    )
    blank = tmp_path / "blank.csv"
    blank.write_text("Kode,Direkam,Dicetak\n")
    code, out, err = _run(
        capsys,
        "record",
        "--week",
        "2026-W49",
        str(blank),
        "--data",
        str(district_dir),
        "--lang",
        "en",
    )
    assert (code, out) == (2, "")
    assert err.startswith("Error: no plan of 2026-W49 in the ledger (")
    assert err.endswith("— run 'planner plan --week 2026-W49' first, then record its tally\n")
    empty = tmp_path / "empty-district"
    empty.mkdir()
    code, _, err = _run(
        capsys, "record", "--week", WEEK1, str(tally), "--data", str(empty), "--lang", "id"
    )
    assert code == 2
    assert "belum ada rencana 2026-W48" in err
    assert not ledger_path(empty).exists()


def test_record_of_a_bad_tally_changes_nothing(
    district_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every problem printed with file:row:column, exit 2, no traceback, the ledger untouched."""
    tally = write_tally(
        tmp_path / "bad.csv", week1_plan(), {VILLAGE1: ("-1", 0), SCHOOL1: ("banyak", 0)}
    )
    code, out, err = _run(
        capsys, "record", "--week", WEEK1, str(tally), "--data", str(district_dir), "--lang", "en"
    )
    assert (code, out) == (2, "")
    assert err == (
        "Error: 2 problems:\n"
        f"  {tally}:2:recorded: -1 is negative — write the count as digits (e.g. 12), or leave "
        "it blank if not visited\n"
        f"  {tally}:4:recorded: 'banyak' is not a whole number — write the count as digits "
        "(e.g. 12), or leave it blank if not visited\n"
    )
    with Ledger.open(ledger_path(district_dir)) as ledger:
        assert ledger.recorded_weeks() == []


def test_record_never_prints_personal_data(
    district_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Homebound names and NIK appear in no output of record, good or bad."""
    good = write_tally(tmp_path / "good.csv", week1_plan(), DONE)
    bad = write_tally(tmp_path / "bad.csv", week1_plan(), {HOME1: (SECRET_NAME, SECRET_NIK)})
    for tally in (good, bad):
        _, out, err = _run(
            capsys, "record", "--week", WEEK1, str(tally), "--data", str(district_dir)
        )
        assert SECRET_NIK not in out + err
        assert SECRET_NAME.split()[0] not in out + err


def test_apostrophe_guarded_cells_read_back(tmp_path: Path) -> None:
    """schedule.xlsx stores formula-like text behind an apostrophe; the reader removes it."""
    plan = make_plan(WEEK1, [("-T9", 0, VILLAGE1, 10, 0)])
    path = write_tally(tmp_path / "t.csv", plan, {VILLAGE1: (7, 0)})
    path.write_text(path.read_text().replace(",-T9,", ",'-T9,"))
    (result,) = read_tally(path, plan).results
    assert (result.team, result.recorded) == ("-T9", 7)
