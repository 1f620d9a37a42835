"""Reading one table's cells into values, each unreadable cell becoming a ``Problem``.

``TableCells`` is what every table's check uses: it knows the table's file and headers, so a
message names ``file:row:column`` in the user's own words, and in a table of personal data it
never quotes a cell that could be a name or a NIK.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from planner.i18n import Msg, Num, msg
from planner.io.cells import CellError, Problems, parse_float, parse_time
from planner.io.settings import INDONESIA_LAT, INDONESIA_LON, SettingsFile
from planner.io.tables import Row, Table
from planner.model import TimeWindow, fmt_hhmm
from planner.model.geo import distance_km

T = TypeVar("T")

LONG_NUMBER = re.compile(r"\d{8,}")


def looks_personal(value: str) -> bool:
    """Letters (a name) or eight digits in a row (a NIK, a phone number)."""
    return any(c.isalpha() for c in value) or bool(LONG_NUMBER.search(value))


def at(message: str | Msg, ident: str | Msg) -> str | Msg:
    """``message (ident)``: a problem with the site or row it is about, when there is one."""
    return msg("err.at", message=message, ident=ident) if ident else message


def in_indonesia(lat: float, lon: float) -> bool:
    """Inside the box that holds every Indonesian island (a first check of a lat/lon pair)."""
    lat_ok = INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1]
    return lat_ok and INDONESIA_LON[0] <= lon <= INDONESIA_LON[1]


@dataclass
class Inputs:
    """Everything read from a district folder, before checking values.

    ``tables`` holds the tables found (by ``TableSpec.key``); ``settings`` is None when
    ``planner.toml`` was unusable (its problems are already recorded).
    """

    settings: SettingsFile | None
    tables: dict[str, Table] = field(default_factory=dict)


class TableCells:
    """Reads the cells of one table, turning every unreadable cell into a ``Problem``."""

    def __init__(self, table: Table, problems: Problems, inputs: Inputs):
        self.table = table
        self.file = table.file
        self.problems = problems
        self.settings = inputs.settings
        # Without a readable villages table every code would look unknown: say nothing then.
        self.villages_read = "villages" in inputs.tables

    def error(self, row: Row, column: str | None, message: str | Msg, hint: str | Msg = "") -> None:
        """Record an error at ``row`` and ``column`` (the user's header), personal cells hidden."""
        label = self.table.label(column) if column else None
        message = self._redact(row, message)
        self.problems.error(self.file, message, row=row.number, column=label, hint=hint)

    def warn(self, row: Row, column: str | None, message: str | Msg, hint: str | Msg = "") -> None:
        """Record a warning at ``row`` and ``column``, as ``error`` does."""
        label = self.table.label(column) if column else None
        message = self._redact(row, message)
        self.problems.warn(self.file, message, row=row.number, column=label, hint=hint)

    def _redact(self, row: Row, message: str | Msg) -> str | Msg:
        """In a table of personal data, a message names the row and column, never a cell that
        could be a name or NIK (a shifted column puts one anywhere): cells with letters or a
        long run of digits are left out, except the row's id and village code."""
        if not self.table.spec.personal:
            return message
        keep = {row.get("id"), row.get("village")}
        hidden = [
            value
            for value in sorted(row.cells.values(), key=len, reverse=True)
            if value not in keep and len(value) >= 2 and looks_personal(value)
        ]
        return _hide(message, hidden) if hidden else message

    def text(self, row: Row, column: str, ident: str | Msg, required: bool = False) -> str | None:
        """The cell's text; None when blank (an error when ``required``)."""
        value = row.get(column)
        if value:
            return value
        if required and self.table.has(column):
            self.error(
                row,
                column,
                at(msg("err.empty", column=self.table.label(column)), ident),
                msg("err.empty_hint"),
            )
        return None

    def parse(
        self,
        row: Row,
        column: str,
        parser: Callable[[str], T],
        ident: str,
        required: bool = False,
    ) -> T | None:
        """The cell read by ``parser``; None when blank or bad (bad ones are recorded)."""
        value = self.text(row, column, ident, required)
        if value is None:
            return None
        try:
            return parser(value)
        except CellError as exc:
            self.error(row, column, at(exc.message, ident), exc.hint)
            return None

    def number(self, row: Row, column: str, ident: str) -> float | None:
        """A decimal cell; a decimal comma is understood, with one warning per column."""
        value = self.parse(row, column, parse_float, ident)
        if value is None:
            return None
        number, comma = value
        if comma:
            label = self.table.label(column)
            # One warning per file: an Excel export with a decimal comma has it in every row.
            self.problems.warn_once(
                (self.file,),
                self.file,
                msg("err.decimal_comma", value=row.get(column)),
                row=row.number,
                column=label,
                hint=msg("err.decimal_hint"),
            )
        return number

    def window(
        self, row: Row, ident: str, required: bool, default: TimeWindow | None = None
    ) -> TimeWindow | None:
        """``start``..``end`` of the row; ``default`` fills a blank side. None if absent/bad."""
        before = len(self.problems.errors)
        start = self.parse(row, "start", parse_time, ident, required)
        end = self.parse(row, "end", parse_time, ident, required)
        if len(self.problems.errors) > before:
            return None
        if default is not None:
            start = default.start if start is None else start
            end = default.end if end is None else end
        if start is None and end is None:
            return None
        if start is None or end is None:
            missing = "start" if start is None else "end"
            other = "end" if start is None else "start"
            self.error(
                row,
                missing,
                at(
                    msg(
                        "err.half_window",
                        missing=self.table.label(missing),
                        other=self.table.label(other),
                    ),
                    ident,
                ),
                msg("err.half_window_hint"),
            )
            return None
        if end <= start:
            self.error(
                row,
                "end",
                at(msg("err.end_before_start", end=fmt_hhmm(end), start=fmt_hhmm(start)), ident),
                msg("err.end_before_start_hint"),
            )
            return None
        return TimeWindow(start, end)

    def point(
        self, row: Row, ident: str, required: bool, columns: tuple[str, str] = ("lat", "lon")
    ) -> tuple[float, float] | None:
        """A lat/lon pair inside Indonesia and near the office; None when absent or bad."""
        lat_col, lon_col = columns
        if not row.get(lat_col) and not row.get(lon_col):
            if required:
                self.text(row, lat_col, ident, True)
                self.text(row, lon_col, ident, True)
            return None
        if not row.get(lat_col) or not row.get(lon_col):
            missing = lat_col if not row.get(lat_col) else lon_col
            self.error(
                row,
                missing,
                at(msg("err.empty", column=self.table.label(missing)), ident),
                msg("err.half_point_hint"),
            )
            return None
        lat = self.number(row, lat_col, ident)
        lon = self.number(row, lon_col, ident)
        if lat is None or lon is None:
            return None
        if not in_indonesia(lat, lon):
            self._outside(row, ident, lat, lon, columns)
            return None
        if self.settings is not None:
            office = self.settings.settings
            km = distance_km(office.office_lat, office.office_lon, lat, lon)
            limit = self.settings.max_distance_km
            if km > limit:
                hint = msg("err.too_far_hint", limit=Num(limit))
                if distance_km(office.office_lat, office.office_lon, -lat, lon) <= limit:
                    hint = msg("err.minus_hint")
                where = f"{row.get(lat_col)}, {row.get(lon_col)}"
                self.error(
                    row, lat_col, at(msg("err.too_far", where=where, km=Num(km)), ident), hint
                )
                return None
        return lat, lon

    def _outside(
        self, row: Row, ident: str, lat: float, lon: float, columns: tuple[str, str]
    ) -> None:
        """Say which of lat and lon lies outside Indonesia, or that they look swapped."""
        lat_col, lon_col = columns
        lat_range = f"{INDONESIA_LAT[0]:g}..{INDONESIA_LAT[1]:g}"
        lon_range = f"{INDONESIA_LON[0]:g}..{INDONESIA_LON[1]:g}"
        outside = msg("err.outside", value=row.get(lat_col), range=lat_range)
        if in_indonesia(lon, lat):
            self.error(row, lat_col, at(outside, ident), msg("err.swapped_hint"))
            return
        hint = msg("err.indonesia_hint", lat=lat_range, lon=lon_range)
        if not INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1]:
            self.error(row, lat_col, at(outside, ident), hint)
        if not INDONESIA_LON[0] <= lon <= INDONESIA_LON[1]:
            outside = msg("err.outside", value=row.get(lon_col), range=lon_range)
            self.error(row, lon_col, at(outside, ident), hint)

    def unique_rows(self, column: str, what: str | Msg) -> Iterator[tuple[Row, str, int]]:
        """Rows with their id ('' when blank, an error) and the error count before the row;
        a row repeating an earlier row's id is reported and skipped."""
        seen: dict[str, int] = {}
        for row in self.table.rows:
            before = len(self.problems.errors)
            ident = self.text(row, column, msg("err.row", row=row.number), required=True) or ""
            if ident in seen:
                self.error(
                    row,
                    column,
                    msg("err.repeated", what=what, ident=ident, row=seen[ident]),
                    msg("err.repeated_hint", what=what),
                )
                continue
            if ident:
                seen[ident] = row.number
            yield row, ident, before

    def at_most(
        self,
        row: Row,
        value: tuple[str, int | None],
        limit: tuple[str, int | None],
        ident: str,
        hint: str | Msg,
        warn: bool = False,
    ) -> None:
        """Report a count above another count of the row (``(column, value)`` pairs)."""
        (column, number), (other, bound) = value, limit
        if number is None or bound is None or number <= bound:
            return
        report = self.warn if warn else self.error
        label, other_label = self.table.label(column), self.table.label(other)
        text = msg("err.more_than", column=label, number=number, other=other_label, bound=bound)
        report(row, column, at(text, ident), hint)

    def site_village(
        self, row: Row, ident: str, known: Mapping[str, Any], villages_file: str
    ) -> str | None:
        """The row's ``village`` code, checked against the villages table."""
        code = self.text(row, "village", ident, required=True)
        self.known_village(row, "village", code, known, villages_file)
        return code

    def known_village(
        self, row: Row, column: str, code: str | None, known: Mapping[str, Any], villages_file: str
    ) -> bool:
        """True when ``code`` is a village of the villages table (else an error)."""
        if code is None:
            return False
        if code in known or not self.villages_read:
            return True
        self.error(
            row,
            column,
            msg("err.unknown_village", code=code),
            msg("err.kode_from", file=villages_file),
        )
        return False

    def build(self, row: Row, make: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``make(*args, **kwargs)``; an invariant the model still rejects becomes a problem."""
        try:
            return make(*args, **kwargs)
        except ValueError as exc:
            self.error(row, None, msg("err.unusable", reason=str(exc)))
            return None


def _hide(message: str | Msg, hidden: list[str]) -> str | Msg:
    """``message`` with every ``hidden`` cell left out (texts inside a ``Msg`` too)."""
    if isinstance(message, Msg):
        values = {
            key: _hide(v, hidden) if isinstance(v, (str, Msg)) else v
            for key, v in message.values.items()
        }
        return msg(message.key, **values)
    for value in hidden:
        if message == repr(value):
            return msg("err.the_value")
        message = message.replace(value, "(…)")
    return message
