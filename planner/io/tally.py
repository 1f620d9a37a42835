"""The tally: the "all stops" sheet's columns, and reading it back filled in, checked.

``schedule.xlsx`` writes one row per planned stop in ``ALL_STOPS_COLUMNS`` (no personal data: a
homebound stop names its category and village, never the resident); they are defined here so
the export and this reader agree. The office fills in two more columns: ``recorded`` (people
actually recorded) and ``printed`` (cards printed at the stop). A blank ``recorded`` means the
stop was not visited. One pass collects every problem, so the coordinator fixes the whole sheet
at once: ``read_tally`` either returns the results or raises one ``InputError`` naming file, row
and column of each. Counts and dates are read by the tables' rules (``planner.io.cells``:
``12.0`` from Excel, ``1.234`` as an Indonesian thousand, ``24/11/2026``), and the file by the
tables' reader (``planner.io.sheets``).

Header names (case and spaces do not matter) — English, with a small set of Indonesian aliases:

====================  ==========================
column                also accepted
====================  ==========================
``recorded``          ``tercatat``, ``direkam``
``printed``           ``dicetak``
``team``              ``tim``
``date``              ``tanggal``
``week``              ``minggu``
====================  ==========================
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from planner.errors import InputError, Problem
from planner.io import sheets
from planner.io.tables import normalise_header
from planner.io.tally_rows import RowChecker
from planner.ledger import StopResult, stop_key
from planner.model import Plan

ALL_STOPS_COLUMNS: tuple[str, ...] = (
    "week",
    "team",
    "date",
    "order",
    "site",
    "kind",
    "place",
    "kecamatan",
    "arrive",
    "start",
    "end",
    "people",
    "cards",
)
"""Columns of the "all stops" sheet, in order (English header names; ``place`` is the display
name: village or school name, or e.g. "lansia, Desa X" for a homebound visit)."""

RESULT_COLUMNS: tuple[str, ...] = ("recorded", "printed")
"""Columns the office adds to a tally: people actually recorded and cards actually printed
(a blank cell means the stop was not visited)."""

ALL_STOPS_SHEET = "all stops"

HEADER_ALIASES: Mapping[str, str] = {
    "tercatat": "recorded",
    "direkam": "recorded",
    "dicetak": "printed",
    "tim": "team",
    "tanggal": "date",
    "minggu": "week",
}
"""Indonesian header → English column. Keep it small: every alias is one more way to be wrong."""

REQUIRED_COLUMNS = ("team", "date", "site", "recorded", "printed")

MAX_TALLY_BYTES = 20_000_000
"""A week's tally is a few hundred rows; a bigger file is the wrong file."""

_HEADER_SCAN_ROWS = 10


@dataclass(frozen=True, slots=True)
class Tally:
    """A checked tally: the visited stops' results and what to warn about."""

    file: str
    week: str
    results: tuple[StopResult, ...]
    not_visited: int
    """Planned stops with a blank ``recorded`` cell or no row at all."""
    warnings: tuple[Problem, ...]
    sha256: str


def read_tally(path: Path, plan: Plan) -> Tally:
    """Read the tally at ``path`` (CSV or XLSX) and check it against ``plan``.

    Raises one ``InputError`` listing every problem: a missing column, a row whose
    team + date + site is not a stop of the plan, text or a negative number in ``recorded`` or
    ``printed``, more printed than recorded, a duplicate row, a row of another week. More
    recorded than twice the expected people is only a warning (a busy day happens).
    """
    file = str(path)
    data = _read_bytes(path)
    rows = _read_rows(path, data)
    header_at, columns, problems = _find_columns(file, rows)
    stops = {stop_key(r.team, r.date, s.site): s for r, s in plan.stops()}
    results: list[StopResult] = []
    warnings: list[Problem] = []
    seen: dict[str, int] = {}
    if not problems:
        for row_number, cells in rows[header_at + 1 :]:
            if not any(c.strip() for c in cells):
                continue
            checker = RowChecker(file, row_number, cells, columns)
            result = checker.check(plan, stops, seen)
            problems.extend(checker.problems)
            warnings.extend(checker.warnings)
            if result is not None:
                results.append(result)
    if problems:
        raise InputError(problems, warnings)
    return Tally(
        file=file,
        week=plan.week,
        results=tuple(results),
        not_visited=len(stops) - len(results),
        warnings=tuple(warnings),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _file_error(path: Path, message: str, hint: str = "") -> InputError:
    """One problem about the whole file, as the error ``read_tally`` raises."""
    return InputError([Problem(file=str(path), message=message, hint=hint)])


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; InputError when missing, a folder, unreadable or far too large."""
    try:
        size = path.stat().st_size
        if size > MAX_TALLY_BYTES:
            raise _file_error(
                path,
                f"{size:,} bytes is too large for a week's tally (limit {MAX_TALLY_BYTES:,})",
                "give the filled-in 'all stops' sheet",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise _file_error(path, "no such file", "give the filled-in tally (CSV or XLSX)") from None
    except IsADirectoryError:
        raise _file_error(path, "is a folder", "give the filled-in tally file") from None
    except OSError as exc:
        raise _file_error(path, f"cannot read ({exc.strerror or exc})") from None


Rows = list[tuple[int, list[str]]]
"""(spreadsheet row number, cell texts) for every row of the file."""


def _read_rows(path: Path, data: bytes) -> Rows:
    """The numbered rows of the tally: a workbook by its content (its "all stops" sheet, else
    the first), else CSV unless the name says it is a spreadsheet CSV cannot be."""
    if not data.strip():
        raise _file_error(path, "the file is empty", "give the filled-in tally")
    if data[:4] == b"PK\x03\x04":
        return list(enumerate(_xlsx_rows(path, data), start=1))
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise _file_error(path, "not a readable .xlsx workbook", "save the tally as .xlsx or .csv")
    # Excel on Windows saves "CSV" in the ANSI code page; site ids and numbers are ASCII, so a
    # lossy decode of names cannot change what is recorded: no warning about it.
    text, _ = sheets.decode(data, lenient=True)
    try:
        return list(enumerate(sheets.csv_rows(text), start=1))
    except sheets.UnreadableCsv as exc:
        raise InputError(
            [
                Problem(
                    file=str(path),
                    row=exc.line,
                    message=f"not a readable CSV row ({exc})",
                    hint="save the tally again from Excel as CSV or XLSX",
                )
            ]
        ) from None


def _xlsx_rows(path: Path, data: bytes) -> list[list[str]]:
    """The rows of the tally workbook; InputError when it cannot be opened or read."""
    try:
        return sheets.xlsx_rows(data, sheet=ALL_STOPS_SHEET, text=_cell_text)
    except sheets.UnreadableWorkbook as exc:
        message = "cannot read the sheet" if exc.opened else "not a readable .xlsx workbook"
        raise _file_error(
            path, f"{message} ({exc.kind})", "save the tally again from Excel"
        ) from None


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


def _normalise(header: str) -> str:
    """The tables' header rule (case, spaces, dashes), then the Indonesian aliases."""
    name = normalise_header(header)
    return HEADER_ALIASES.get(name, name)


def _find_columns(file: str, rows: Rows) -> tuple[int, dict[str, tuple[int, str]], list[Problem]]:
    """The header row's index and column name → (position, header as written)."""
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN_ROWS]):
        names = [_normalise(c) for c in cells]
        if "site" in names or "recorded" in names:
            header_row = rows[index][0]
            columns: dict[str, tuple[int, str]] = {}
            problems: list[Problem] = []
            for position, (name, raw) in enumerate(zip(names, cells, strict=True)):
                if not name:
                    continue
                if name in columns and name in (*REQUIRED_COLUMNS, "week"):
                    problems.append(
                        Problem(
                            file=file,
                            row=header_row,
                            column=raw.strip(),
                            message=f"a second '{name}' column (already '{columns[name][1]}')",
                            hint="keep one of them",
                        )
                    )
                columns.setdefault(name, (position, raw.strip()))
            for name in REQUIRED_COLUMNS:
                if name not in columns:
                    problems.append(
                        Problem(
                            file=file,
                            row=header_row,
                            column=name,
                            message=f"missing column '{name}'",
                            hint="use the 'all stops' sheet of schedule.xlsx and fill in "
                            "'recorded' and 'printed'",
                        )
                    )
            return index, columns, problems
    first = rows[0][0] if rows else 1
    return (
        0,
        {},
        [
            Problem(
                file=file,
                row=first,
                message="no header row with the columns " + ", ".join(REQUIRED_COLUMNS),
                hint="use the 'all stops' sheet of schedule.xlsx and fill in 'recorded' and "
                "'printed'",
            )
        ],
    )
