"""Reading a filled-in tally (CSV or XLSX) and checking it against the week's plan.

The tally is the "all stops" sheet of ``schedule.xlsx`` (``planner.tally``) with two columns the
office fills in: ``recorded`` (people actually recorded) and ``printed`` (cards printed at the
stop). A blank ``recorded`` means the stop was not visited. One pass collects every problem,
so the coordinator fixes the whole sheet at once: ``read_tally`` either returns the results or
raises one ``InputError`` naming file, row and column of each. Counts and dates
are read by the tables' rules (``planner.io.cells``: ``12.0`` from Excel, ``1.234`` as an
Indonesian thousand, ``24/11/2026``).

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

import csv
import datetime as dt
import hashlib
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.errors import InputError, Problem
from planner.io.cells import CellError, parse_count, parse_date
from planner.ledger import StopResult, stop_key
from planner.model import Plan, Stop
from planner.tally import ALL_STOPS_SHEET

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

MAX_PEOPLE_PER_STOP = 100_000
"""Counts above this are typos (and would not fit the ledger's integers)."""

MAX_TALLY_BYTES = 20_000_000
"""A week's tally is a few hundred rows; a bigger file is the wrong file."""

_HEADER_SCAN_ROWS = 10
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE_MAX = 12


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
            checker = _RowChecker(file, row_number, cells, columns)
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
    return InputError([Problem(file=str(path), message=message, hint=hint)])


def _read_bytes(path: Path) -> bytes:
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
    if not data.strip():
        raise _file_error(path, "the file is empty", "give the filled-in tally")
    if data[:4] == b"PK\x03\x04":
        return _xlsx_rows(path, data)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise _file_error(path, "not a readable .xlsx workbook", "save the tally as .xlsx or .csv")
    return _csv_rows(path, data)


def _csv_rows(path: Path, data: bytes) -> Rows:
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text"
            text = data.decode("utf-16", errors="replace")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page; site ids and numbers are ASCII,
        # so a lossy decode of names cannot change what is recorded.
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    # Indonesian-locale Excel writes ';'-separated CSV.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=delimiter)
    rows: Rows = []
    try:
        # Row numbers as a spreadsheet shows them: a quoted multi-line cell is still one row.
        for number, cells in enumerate(reader, start=1):
            rows.append((number, cells))
    except csv.Error as exc:
        raise InputError(
            [
                Problem(
                    file=str(path),
                    row=reader.line_num,
                    message=f"not a readable CSV row ({exc})",
                    hint="save the tally again from Excel as CSV or XLSX",
                )
            ]
        ) from None
    return rows


def _xlsx_rows(path: Path, data: bytes) -> Rows:
    import openpyxl  # imported here: only XLSX tallies need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _file_error(
            path,
            f"not a readable .xlsx workbook ({exc.__class__.__name__})",
            "save the tally again from Excel",
        ) from None
    try:
        sheet = book[ALL_STOPS_SHEET] if ALL_STOPS_SHEET in book.sheetnames else book.worksheets[0]
        return [
            (number, [_cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except Exception as exc:  # a broken sheet inside a valid zip
        raise _file_error(
            path,
            f"cannot read the sheet ({exc.__class__.__name__})",
            "save the tally again from Excel",
        ) from None
    finally:
        book.close()


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _normalise(header: str) -> str:
    name = "_".join(header.strip().lower().replace("-", " ").split())
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


def _quote(text: str) -> str:
    """A cell's text for a message, or only its length when long: a long cell in a count
    column is more likely a name or NIK pasted by mistake than a typo, and messages must not
    carry personal data."""
    return repr(text) if len(text) <= _QUOTE_MAX else f"({len(text)} characters)"


class _RowChecker:
    """Checks one data row of the tally, gathering its problems and warnings."""

    def __init__(
        self, file: str, row: int, cells: Sequence[str], columns: Mapping[str, tuple[int, str]]
    ) -> None:
        self.file, self.row, self.cells, self.columns = file, row, cells, columns
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def cell(self, name: str) -> str:
        position = self.columns[name][0]
        text = self.cells[position].strip() if position < len(self.cells) else ""
        # schedule.xlsx writes text that looks like a formula behind an apostrophe.
        if text[:1] == "'" and text[1:2] in _FORMULA_START:
            text = text[1:]
        return text

    def problem(self, name: str, message: str, hint: str = "", warning: bool = False) -> None:
        column = self.columns[name][1] if name in self.columns else name
        entry = Problem(
            file=self.file,
            row=self.row,
            column=column,
            message=message,
            hint=hint,
            severity="warning" if warning else "error",
        )
        (self.warnings if warning else self.problems).append(entry)

    def count(self, name: str) -> int | None:
        text = self.cell(name)
        if not text:
            return None
        try:
            # The tables' rule: digits, "12.0" from Excel, "1.234" as an Indonesian thousand.
            value = parse_count(text)
        except CellError as exc:
            message = exc.message if len(text) <= _QUOTE_MAX else _quote(text) + " is not a count"
            self.problem(
                name,
                message,
                "write the count as digits (e.g. 12), or leave it blank if not visited",
            )
            return None
        if value > MAX_PEOPLE_PER_STOP:
            # The value is not repeated: a 16-digit number here may be a NIK pasted by mistake.
            self.problem(name, f"more than {MAX_PEOPLE_PER_STOP:,}: not a plausible count")
            return None
        return value

    def date(self) -> dt.date | None:
        text = self.cell("date")
        try:
            return parse_date(text)
        except CellError:
            self.problem(
                "date", f"not a date: {_quote(text)}", "use YYYY-MM-DD as in schedule.xlsx"
            )
            return None

    def check(
        self, plan: Plan, stops: Mapping[str, Stop], seen: dict[str, int]
    ) -> StopResult | None:
        """The row's result (None when not visited or bad); problems land in ``self``."""
        if "week" in self.columns:
            week = self.cell("week")
            if week and week != plan.week:
                self.problem(
                    "week",
                    f"this row is of week {_quote(week)}, not {plan.week}",
                    f"record each week's tally with its own --week (this is {plan.week})",
                )
                return None  # a row of another week: its stop would only add noise
        team, site = self.cell("team"), self.cell("site")
        date = self.date()
        for name, value in (("team", team), ("site", site)):
            if not value:
                self.problem(name, f"empty {name}", "keep the rows as schedule.xlsx wrote them")
        recorded, printed = self.count("recorded"), self.count("printed")
        if not team or not site or date is None:
            return None
        key = stop_key(team, date, site)
        stop = stops.get(key)
        if stop is None:
            self.problem(
                "site",
                f"{team} on {date.isoformat()} at {site:.60} is not a stop of the plan of "
                f"{plan.week} (version {plan.version})",
                "record the tally printed with this week's latest plan; check team, date and site",
            )
            return None
        if key in seen:
            self.problem("site", f"the same stop as row {seen[key]}", "keep one row per stop")
            return None
        seen[key] = self.row
        if recorded is None:
            if printed and not self.cell("recorded"):
                self.problem(
                    "printed",
                    f"{printed} printed but 'recorded' is blank",
                    "fill in 'recorded' too (blank means the stop was not visited)",
                )
            return None
        printed = printed or 0
        if printed > recorded:
            self.problem(
                "printed",
                f"{printed} cards printed but only {recorded} recorded",
                "a card is printed only for someone recorded",
            )
            return None
        if recorded > 2 * stop.people:
            self.problem(
                "recorded",
                f"{recorded} recorded where {stop.people} were expected — please check",
                warning=True,
            )
        if self.problems:
            return None
        return StopResult(team=team, date=date, site=site, recorded=recorded, printed=printed)
