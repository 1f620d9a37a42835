"""One data row of a filled-in tally, checked against the plan's stops.

``RowChecker`` reads a row's stop (by its code, else by team + date + site), ``recorded`` and
``printed`` cells and gathers what is wrong with them; ``planner.io.tally.read_tally`` runs it
over every row of every filled sheet, then checks the week's sums (``planner.io.tally_sums``).
No message carries a long cell: a count column holding a name or NIK pasted by mistake is named
by its length only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from planner.errors import Problem
from planner.i18n import Msg, Num, msg
from planner.io.cells import CellError, parse_count, parse_date
from planner.io.tally_columns import KEY_COLUMNS, header, stop_code
from planner.ledger import stop_key
from planner.model import Plan, Route, Stop

MAX_PEOPLE_PER_STOP = 100_000
"""Counts above this are typos (and would not fit the ledger's integers)."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE_MAX = 12
_NEGATIVE = re.compile(r"[-−]\s*\d+([.,]\d+)?")

StopId = tuple[int, int]
"""A planned stop: (index of its route in ``plan.routes``, index of the stop in the route)."""

Columns = Mapping[str, tuple[int, str]]
"""Column name → (position in the row, header as written)."""


def quote(text: str) -> str:
    """A cell's text for a message, or only its length when long: a long cell in a count
    column is more likely a name or NIK pasted by mistake than a typo, and messages must not
    carry personal data."""
    return repr(text) if len(text) <= _QUOTE_MAX else f"({len(text)} characters)"


@dataclass(frozen=True, slots=True)
class PlanIndex:
    """The plan's stops by code and by team + date + site, for matching rows."""

    plan: Plan
    by_code: Mapping[str, StopId]
    by_key: Mapping[str, tuple[StopId, ...]]

    @classmethod
    def of(cls, plan: Plan) -> PlanIndex:
        """Index ``plan``'s stops."""
        by_code: dict[str, StopId] = {}
        by_key: dict[str, list[StopId]] = {}
        for r, route in enumerate(plan.routes):
            for s, stop in enumerate(route.stops):
                by_code[stop_code(route.team, route.date, s + 1).lower()] = (r, s)
                by_key.setdefault(stop_key(route.team, route.date, stop.site), []).append((r, s))
        return cls(plan, by_code, {k: tuple(v) for k, v in by_key.items()})

    def route(self, stop: StopId) -> Route:
        """The route of ``stop``."""
        return self.plan.routes[stop[0]]

    def stop(self, stop: StopId) -> Stop:
        """The planned stop."""
        return self.plan.routes[stop[0]].stops[stop[1]]

    def code(self, stop: StopId) -> str:
        """The stop's code (``T1-1207-2``)."""
        route = self.route(stop)
        return stop_code(route.team, route.date, stop[1] + 1)


@dataclass(frozen=True, slots=True)
class Entry:
    """A filled row: the planned stop it is about and what was done there."""

    stop: StopId
    recorded: int
    printed: int
    file: str
    row: int
    columns: Columns = field(repr=False)
    cells: Sequence[str] = field(repr=False, default=())
    counted: bool = True
    """False for a row whose numbers are wrong (its problems are reported): it still names its
    stop, so a second row of that stop is found."""


def cell_of(cells: Sequence[str], columns: Columns, name: str) -> str:
    """The stripped text of column ``name`` (blank when absent or the row is short), without
    the apostrophe schedule.xlsx puts before text that looks like a formula."""
    if name not in columns:
        return ""
    position = columns[name][0]
    text = cells[position].strip() if position < len(cells) else ""
    if text[:1] == "'" and text[1:2] in _FORMULA_START:
        text = text[1:]
    return text


def column_header(columns: Columns, name: str) -> str:
    """Column ``name``'s header as the user wrote it, else its Indonesian header."""
    return columns[name][1] if name in columns else header(name, "id")


def problem_at(
    file: str,
    row: int,
    columns: Columns,
    name: str,
    message: Msg,
    hint: Msg | str = "",
    warning: bool = False,
) -> Problem:
    """A problem at ``row`` in ``name``'s column, named as the user wrote it."""
    column = column_header(columns, name)
    severity = "warning" if warning else "error"
    return Problem(file, message, row, column, hint, severity)


class RowChecker:
    """Checks one filled data row of the tally, gathering its problems."""

    def __init__(self, file: str, row: int, cells: Sequence[str], columns: Columns) -> None:
        self.file, self.row, self.cells, self.columns = file, row, cells, columns
        self.problems: list[Problem] = []

    def cell(self, name: str) -> str:
        """The text of column ``name`` in this row."""
        return cell_of(self.cells, self.columns, name)

    def problem(self, name: str, message: Msg, hint: Msg | str = "") -> None:
        """Record an error at this row, in ``name``'s column."""
        self.problems.append(problem_at(self.file, self.row, self.columns, name, message, hint))

    def count(self, name: str) -> int | None:
        """A count column's value; None when blank or bad (bad ones are recorded)."""
        text = self.cell(name)
        if not text:
            return None
        hint = msg("record.hint.count")
        try:
            # The tables' rule: digits, "12.0" from Excel, "1.234" as an Indonesian thousand.
            value = parse_count(text)
        except CellError:
            if len(text) <= _QUOTE_MAX and _NEGATIVE.fullmatch(text.replace(" ", "")):
                self.problem(name, msg("record.err.negative", value=text), hint)
            else:
                self.problem(name, msg("record.err.not_count", value=quote(text)), hint)
            return None
        if value > MAX_PEOPLE_PER_STOP:
            # The value is not repeated: a 16-digit number here may be a NIK pasted by mistake.
            self.problem(name, msg("record.err.implausible", limit=Num(MAX_PEOPLE_PER_STOP)))
            return None
        return value

    def date(self) -> dt.date | None:
        """The row's date; None (recorded) when it is not a date."""
        text = self.cell("date")
        try:
            return parse_date(text)
        except CellError:
            self.problem(
                "date", msg("record.err.not_date", value=quote(text)), msg("record.hint.date")
            )
            return None

    def check(self, index: PlanIndex, claimed: set[StopId]) -> Entry | None:
        """The row's entry (None when it names no stop of the plan, not counted when its
        numbers are wrong); problems land in ``self``. ``claimed`` holds the
        stops already matched by rows without a code, so that a site visited twice by one
        team-day takes the next one."""
        week = self.cell("week")
        plan = index.plan
        if week and week != plan.week:
            self.problem(
                "week",
                msg("record.err.row_week", week=quote(week), plan_week=plan.week),
                msg("record.hint.row_week", plan_week=plan.week),
            )
            return None  # a row of another week: its stop would only add noise
        stop = self._stop(index, claimed)
        recorded, printed = self.count("recorded"), self.count("printed")
        if stop is None:
            return None
        wrong = Entry(stop, 0, 0, self.file, self.row, self.columns, self.cells, counted=False)
        if self.problems:
            return wrong
        if recorded is None:
            if printed:
                recorded_header = self.columns["recorded"][1]
                self.problem(
                    "printed",
                    msg("record.err.printed_blank", printed=Num(printed), recorded=recorded_header),
                    msg("record.hint.printed_blank", recorded=recorded_header),
                )
            return wrong
        printed = printed or 0
        if printed > recorded:
            self.problem(
                "printed",
                msg("record.err.printed_over", printed=Num(printed), recorded=Num(recorded)),
                msg("record.hint.printed_over"),
            )
            return wrong
        return Entry(stop, recorded, printed, self.file, self.row, self.columns, self.cells)

    def _stop(self, index: PlanIndex, claimed: set[StopId]) -> StopId | None:
        """The planned stop this row is about: by its code (when the row's site, if any,
        agrees: after a replan a day's order may differ), else by team + date + site."""
        code = self.cell("code")
        has_key = all(c in self.columns for c in KEY_COLUMNS)
        if not code:
            if has_key:
                return self._by_key(index, claimed)
            self.problem(
                "code",
                msg("record.err.empty_cell", column=column_header(self.columns, "code")),
                msg("record.hint.keep_rows"),
            )
            return None
        found = index.by_code.get(code.lower())
        site = self.cell("site")
        if found is not None and (not site or index.stop(found).site == site):
            return found
        if site and has_key:
            by_key = self._lookup(index, claimed)
            if by_key is not None:
                return by_key
        plan = index.plan
        if found is not None:
            message = msg(
                "record.err.code_mismatch",
                code=code,
                planned=index.stop(found).site,
                site=quote(site) if len(site) > 60 else site,
            )
        else:
            message = msg(
                "record.err.unknown_code", code=quote(code), week=plan.week, version=plan.version
            )
        self.problem("code", message, msg("record.hint.latest"))
        return None

    def _lookup(self, index: PlanIndex, claimed: set[StopId]) -> StopId | None:
        """The stop of this row's team, date and site, or None (no problem recorded)."""
        team, site = self.cell("team"), self.cell("site")
        try:
            date = parse_date(self.cell("date"))
        except CellError:
            return None
        found = index.by_key.get(stop_key(team, date, site), ())
        if not found:
            return None
        free = [s for s in found if s not in claimed]
        stop = (free or list(found))[0]
        claimed.add(stop)
        return stop

    def _by_key(self, index: PlanIndex, claimed: set[StopId]) -> StopId | None:
        """The stop of this row's team, date and site; a problem when there is none."""
        team, site = self.cell("team"), self.cell("site")
        for name, value in (("team", team), ("site", site)):
            if not value:
                self.problem(
                    name,
                    msg("record.err.empty_cell", column=column_header(self.columns, name)),
                    msg("record.hint.keep_rows"),
                )
        date = self.date()
        if not team or not site or date is None:
            return None
        found = self._lookup(index, claimed)
        if found is not None:
            return found
        plan = index.plan
        self.problem(
            "site",
            msg(
                "record.err.unknown_stop",
                team=team,
                date=date.isoformat(),
                site=site[:60],
                week=plan.week,
                version=plan.version,
            ),
            msg("record.hint.latest"),
        )
        return None
