"""The tally: reading back a filled-in ``schedule.xlsx`` (or a CSV of it), checked.

``schedule.xlsx`` writes the "all stops" sheet (``Semua kunjungan``, no personal data) and one
sheet per team; every one of them has the stop code column (``Kode``) and the two columns the
office or the team fills in: ``recorded`` (``Direkam``, people actually recorded) and
``printed`` (``Dicetak``, cards printed at the stop). Any of those sheets may be filled in, or
several (each team its own sheet): every sheet with a ``recorded`` column is read, and a stop
filled in on two sheets must carry the same numbers. Rows are matched to the plan's stops by
their code; rows without one (tallies of earlier versions, a CSV) by team + date + site. A row
whose ``recorded`` and ``printed`` are both blank is ignored: the stop was not visited, or was
cancelled by a replan after the sheet was printed. Headers are read in Indonesian or English
(``planner.io.tally_columns``).

One pass collects every problem, so the coordinator fixes the whole sheet at once:
``read_tally`` either returns the results or raises one ``InputError`` naming file (and sheet),
row and column of each. A tally of another week is one problem naming the week it is for.
Counts and dates are read by the tables' rules (``planner.io.cells``: ``12.0`` from Excel,
``1.234`` as an Indonesian thousand, ``24/11/2026``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import warnings
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.calendar import Week
from planner.errors import InputError, Problem
from planner.i18n import Msg, Num, msg
from planner.io import sheets
from planner.io.cells import CellError, parse_date
from planner.io.tally_columns import (
    ALL_STOPS_COLUMNS,
    KEY_COLUMNS,
    RESULT_COLUMNS,
    SHEET_COLUMNS,
    all_stops_names,
    all_stops_sheet,
    column_of,
    header,
)
from planner.io.tally_rows import Columns, Entry, PlanIndex, RowChecker, cell_of
from planner.io.tally_sums import busy_warnings, one_per_stop, over_limits, sheet_of
from planner.ledger import StopResult
from planner.ledger.records import merge_results
from planner.model import Plan

__all__ = [
    "ALL_STOPS_COLUMNS",
    "RESULT_COLUMNS",
    "SHEET_COLUMNS",
    "Tally",
    "read_tally",
    "tally_week",
]

MAX_TALLY_BYTES = 20_000_000
"""A week's tally is a few hundred rows; a bigger file is the wrong file."""

_HEADER_SCAN_ROWS = 10
_ONCE = (*KEY_COLUMNS, "code", "week", *RESULT_COLUMNS)
"""Columns that may appear only once in a sheet."""


@dataclass(frozen=True, slots=True)
class Tally:
    """A checked tally: the visited stops' results and what to warn about."""

    file: str
    week: str
    results: tuple[StopResult, ...]
    not_visited: int
    """Planned stops with blank ``recorded`` and ``printed`` cells or no row at all."""
    warnings: tuple[Problem, ...]
    sha256: str


Rows = list[tuple[int, list[str]]]
"""(spreadsheet row number, cell texts) for every row of a sheet."""


@dataclass(frozen=True, slots=True)
class _Table:
    """A sheet's data rows under its header row, and its columns."""

    file: str
    """``path`` for a CSV, ``path [sheet]`` for a workbook's sheet (the problems' file)."""
    rows: Rows
    columns: Columns


def read_tally(path: Path, plan: Plan, limits: Mapping[str, int] | None = None) -> Tally:
    """Read the tally at ``path`` (CSV or XLSX) and check it against ``plan``.

    ``limits`` holds what each site could hold when the week began (village backlog, unrecorded
    students, 1 for a resident; ``planner.ledger.site_limits``): a week's recorded people above
    it is an error. Raises one ``InputError`` listing every problem: a missing column, a row that
    is no stop of the plan, text or a negative number in ``recorded`` or ``printed``, more
    printed than recorded or than the team-day carried, a stop filled in twice, a row of another
    week. More recorded than twice the expected people is only a warning (a busy day happens).
    """
    data = _read_bytes(path)
    tables = _tables(path, data)
    index = PlanIndex.of(plan)
    wrong = _wrong_week(path, tables, plan.week)
    if wrong is not None:
        raise InputError([wrong])
    entries: list[Entry] = []
    problems: list[Problem] = []
    for table in tables:
        claimed: set[tuple[int, int]] = set()
        for row_number, cells in table.rows:
            if not any(cell_of(cells, table.columns, c) for c in RESULT_COLUMNS):
                continue  # not visited, cancelled, or not a stop (a boat or return line)
            checker = RowChecker(table.file, row_number, cells, table.columns)
            entry = checker.check(index, claimed)
            problems.extend(checker.problems)
            if entry is not None:
                entries.append(entry)
    unique, repeated = one_per_stop(entries, index)
    problems.extend(repeated)
    if limits is not None:
        problems.extend(over_limits(unique, index, limits))
    warnings_ = busy_warnings(unique, index, limits)
    if problems:
        raise InputError(problems, warnings_)
    results = [
        StopResult(
            team=index.route(e.stop).team,
            date=index.route(e.stop).date,
            site=index.stop(e.stop).site,
            recorded=e.recorded,
            printed=e.printed,
        )
        for e in sorted(unique, key=lambda e: e.stop)
    ]
    return Tally(
        file=str(path),
        week=plan.week,
        results=merge_results(results),
        not_visited=len(index.by_code) - len(unique),
        warnings=tuple(warnings_),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def tally_week(path: Path) -> str | None:
    """The week a tally is for (its week cells, else its dates), or None when it cannot be
    read or says nothing about its week; for messages only."""
    try:
        tables = _tables(path, _read_bytes(path))
    except InputError:
        return None
    return _week_of(tables)


def _file_error(path: Path, message: Msg, hint: Msg | str = "") -> InputError:
    """One problem about the whole file, as the error ``read_tally`` raises."""
    return InputError([Problem(file=str(path), message=message, hint=hint)])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; InputError when missing, a folder, unreadable or far too large."""
    try:
        size = path.stat().st_size
        if size > MAX_TALLY_BYTES:
            raise _file_error(
                path,
                msg("record.err.too_large", size=Num(size), limit=Num(MAX_TALLY_BYTES)),
                msg("record.hint.give_tally"),
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _file_error(path, msg("err.no_file"), msg("record.hint.give_tally")) from None
    except IsADirectoryError:
        raise _file_error(
            path, msg("record.err.is_folder"), msg("record.hint.give_tally")
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _file_error(path, msg("err.cannot_read", reason=reason)) from None


def _sheets(path: Path, data: bytes) -> list[tuple[str, Rows]]:
    """Every sheet of the tally as (problem file label, numbered rows): a workbook by its
    content, else a CSV unless the name says it is a spreadsheet CSV cannot be."""
    if not data.strip():
        raise _file_error(path, msg("err.empty_file"), msg("record.hint.give_tally"))
    if data[:4] == b"PK\x03\x04":
        return [(f"{path} [{name}]", rows) for name, rows in _xlsx_sheets(path, data)]
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise _file_error(path, msg("record.err.not_xlsx"), msg("record.hint.save_again"))
    # Excel on Windows saves "CSV" in the ANSI code page; codes, ids and numbers are ASCII, so a
    # lossy decode of names cannot change what is recorded: no warning about it.
    text, _ = sheets.decode(data, lenient=True)
    try:
        return [(str(path), list(enumerate(sheets.csv_rows(text), start=1)))]
    except sheets.UnreadableCsv as exc:
        problem = Problem(
            file=str(path),
            row=exc.line,
            message=msg("record.err.bad_csv", reason=str(exc)),
            hint=msg("record.hint.save_again"),
        )
        raise InputError([problem]) from None


def _xlsx_sheets(path: Path, data: bytes) -> list[tuple[str, Rows]]:
    """(name, numbered rows) of every worksheet; InputError when it cannot be read."""
    import openpyxl  # slow import, only when a workbook is given

    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it ignores; they do not matter here.
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds on a damaged workbook
            raise _file_error(
                path, msg("record.err.not_xlsx"), msg("record.hint.save_again")
            ) from None
        try:
            return [
                (
                    sheet.title,
                    [
                        (n, [_cell_text(v) for v in row])
                        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
                    ],
                )
                for sheet in book.worksheets
            ]
        except Exception as exc:  # a broken sheet inside a valid zip
            message = msg("record.err.bad_sheet", kind=type(exc).__name__)
            raise _file_error(path, message, msg("record.hint.save_again")) from None
        finally:
            book.close()


def _cell_text(value: object) -> str:
    """A workbook cell as text: the tables' rule, except for the typed cells the tally has
    always written its own way (``TRUE``, ISO date-times, times and durations as Python writes
    them), which its messages quote."""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return value.isoformat()
    if isinstance(value, (dt.time, dt.timedelta)):
        return str(value)
    return sheets.cell_text(value)


def _tables(path: Path, data: bytes) -> list[_Table]:
    """The sheets to read: every sheet whose header has a ``recorded`` or ``printed`` column;
    InputError with the header problems of those (or of the likeliest sheet when none has)."""
    found: list[tuple[_Table, list[Problem]]] = []
    for file, rows in _sheets(path, data):
        at = _header_at(rows)
        if at is not None:
            columns, problems = _columns(file, rows[at])
            found.append((_Table(file, rows[at + 1 :], columns), problems))
    tallies = [(t, p) for t, p in found if any(c in t.columns for c in RESULT_COLUMNS)]
    if not tallies:
        if not found:
            return _no_header(path)
        names = all_stops_names()
        found.sort(key=lambda f: sheet_of(f[0].file).lower() not in names)
        tallies = found[:1]
    problems = [p for _, ps in tallies for p in ps]
    if problems:
        raise InputError(problems)
    return [t for t, _ in tallies]


def _no_header(path: Path) -> list[_Table]:
    columns = ", ".join(header(c, "id") for c in ("code", *RESULT_COLUMNS))
    raise InputError(
        [
            Problem(
                file=str(path),
                row=1,
                message=msg("record.err.no_header", columns=columns),
                hint=_use_sheet(),
            )
        ]
    )


def _use_sheet() -> Msg:
    return msg(
        "record.hint.use_sheet",
        sheet=all_stops_sheet("id"),
        recorded=header("recorded", "id"),
        printed=header("printed", "id"),
    )


def _header_at(rows: Rows) -> int | None:
    """The index of the header row: the first of the top rows naming the code, the site or
    ``recorded``."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]):
        names = {column_of(c) for c in cells if c.strip()}
        if names & {"code", "site", "recorded"}:
            return index
    return None


def _columns(file: str, row: tuple[int, list[str]]) -> tuple[Columns, list[Problem]]:
    """Column name → (position, header as written); the header's problems."""
    header_row, cells = row
    columns: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for position, raw in enumerate(cells):
        name = column_of(raw)
        if not name:
            continue
        if name in columns and name in _ONCE:
            message = msg("record.err.second_column", name=raw.strip(), first=columns[name][1])
            problems.append(
                Problem(file, message, header_row, raw.strip(), msg("record.hint.keep_one"))
            )
        columns.setdefault(name, (position, raw.strip()))
    for name in RESULT_COLUMNS:
        if name not in columns:
            column = header(name, "id")
            message = msg("record.err.missing_column", column=column)
            problems.append(Problem(file, message, header_row, column, _use_sheet()))
    if "code" not in columns and not all(c in columns for c in KEY_COLUMNS):
        names = {c: header(c, "id") for c in ("code", *KEY_COLUMNS)}
        message = msg("record.err.no_key_column", **names)
        problems.append(Problem(file, message, header_row, names["code"], _use_sheet()))
    return columns, problems


def _week_of(tables: Sequence[_Table]) -> str | None:
    """The week most of the tally's rows are of (their week cells, else their dates)."""
    weeks: Counter[str] = Counter()
    for table in tables:
        for _, cells in table.rows:
            week = Week.from_label(cell_of(cells, table.columns, "week"))
            if week is None:
                try:
                    week = Week.of(parse_date(cell_of(cells, table.columns, "date")))
                except CellError:
                    continue
            weeks[week.label] += 1
    return weeks.most_common(1)[0][0] if weeks else None


def _wrong_week(path: Path, tables: Sequence[_Table], plan_week: str) -> Problem | None:
    """One problem when no row of the tally is of ``plan_week`` but rows name another week."""
    for table in tables:
        for _, cells in table.rows:
            if cell_of(cells, table.columns, "week") == plan_week:
                return None
            try:
                if Week.of(parse_date(cell_of(cells, table.columns, "date"))).label == plan_week:
                    return None
            except CellError:
                continue
    week = _week_of(tables)
    if week is None:
        return None
    return Problem(
        file=str(path),
        message=msg("record.err.wrong_week", week=week, plan_week=plan_week),
        hint=msg("record.hint.wrong_week", week=week, file=str(path)),
    )
