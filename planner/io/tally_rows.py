"""One data row of a filled-in tally, checked against the plan's stops.

``RowChecker`` reads a row's team, date, site, ``recorded`` and ``printed`` cells and gathers
what is wrong with them; ``planner.io.tally.read_tally`` runs it over every row so the
coordinator sees every problem of the sheet at once. No message carries a long cell: a count
column holding a name or NIK pasted by mistake is named by its length only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from planner.errors import Problem
from planner.i18n import Msg
from planner.io.cells import CellError, parse_count, parse_date
from planner.ledger import StopResult, stop_key
from planner.model import Plan, Stop

MAX_PEOPLE_PER_STOP = 100_000
"""Counts above this are typos (and would not fit the ledger's integers)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE_MAX = 12


def _quote(text: str) -> str:
    """A cell's text for a message, or only its length when long: a long cell in a count
    column is more likely a name or NIK pasted by mistake than a typo, and messages must not
    carry personal data."""
    return repr(text) if len(text) <= _QUOTE_MAX else f"({len(text)} characters)"


class RowChecker:
    """Checks one data row of the tally, gathering its problems and warnings."""

    def __init__(
        self, file: str, row: int, cells: Sequence[str], columns: Mapping[str, tuple[int, str]]
    ) -> None:
        self.file, self.row, self.cells, self.columns = file, row, cells, columns
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def cell(self, name: str) -> str:
        """The stripped text of column ``name`` (blank when the row is short), without the
        apostrophe schedule.xlsx puts before text that looks like a formula."""
        position = self.columns[name][0]
        text = self.cells[position].strip() if position < len(self.cells) else ""
        # schedule.xlsx writes text that looks like a formula behind an apostrophe.
        if text[:1] == "'" and text[1:2] in _FORMULA_START:
            text = text[1:]
        return text

    def problem(self, name: str, message: str | Msg, hint: str = "", warning: bool = False) -> None:
        """Record an error (or a warning) at this row, in ``name``'s column as the user wrote it."""
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
        """A count column's value; None when blank or bad (bad ones are recorded)."""
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
        """The row's date; None (recorded) when it is not a date."""
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
