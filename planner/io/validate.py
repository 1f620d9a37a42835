"""From read tables to a ``District``: every value checked, every problem reported at once.

Each table is checked row by row and cell by cell; a bad cell is recorded as a ``Problem``
(file, spreadsheet row, column as the user wrote it, message, hint) and the row is skipped, so
checking goes on and the coordinator sees every problem of every file in one run. Only when
nothing is wrong are the model's frozen dataclasses built, so their own ``ValueError`` checks
never meet user input (any that fires anyway is still reported as a problem, not a crash).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from planner.io.cells import (
    CellError,
    Problems,
    format_days,
    parse_choice,
    parse_count,
    parse_date,
    parse_dates,
    parse_float,
    parse_time,
    parse_weekdays,
    parse_yes_no,
)
from planner.io.settings import INDONESIA_LAT, INDONESIA_LON, SettingsFile
from planner.io.tables import HOLIDAYS, HOMEBOUND, SCHOOLS, TEAMS, VILLAGE_HEADS, Row, Table
from planner.model import (
    DateOverride,
    District,
    Holiday,
    Homebound,
    HomeboundCategory,
    School,
    Settings,
    Shift,
    Team,
    TimeWindow,
    VehicleProfile,
    Village,
    WeeklyWindow,
    fmt_hhmm,
)
from planner.model.geo import distance_km
from planner.privacy import remember

T = TypeVar("T")

KINDS = {
    "desa": "desa",
    "kelurahan": "kelurahan",
    "kel": "kelurahan",
    "village": "desa",
    "ward": "kelurahan",
    "urban_ward": "kelurahan",
}
VEHICLES = {
    "car": VehicleProfile.CAR,
    "mobil": VehicleProfile.CAR,
    "motorbike": VehicleProfile.MOTORBIKE,
    "motor": VehicleProfile.MOTORBIKE,
    "motorcycle": VehicleProfile.MOTORBIKE,
    "sepeda_motor": VehicleProfile.MOTORBIKE,
}
CATEGORIES = {
    "elderly": HomeboundCategory.ELDERLY,
    "lansia": HomeboundCategory.ELDERLY,
    "disabled": HomeboundCategory.DISABLED,
    "disabilitas": HomeboundCategory.DISABLED,
    "penyandang_disabilitas": HomeboundCategory.DISABLED,
    "mental": HomeboundCategory.MENTAL,
    "odgj": HomeboundCategory.MENTAL,
    "bedridden": HomeboundCategory.BEDRIDDEN,
    "tirah_baring": HomeboundCategory.BEDRIDDEN,
}
SCHOOL_HOURS = TimeWindow(7 * 60 + 30, 13 * 60)
SCHOOL_DAYS = frozenset(range(5))
LOCAL_HOLIDAY = "Libur daerah"


_LONG_NUMBER = re.compile(r"\d{8,}")


def _looks_personal(value: str) -> bool:
    """Letters (a name) or eight digits in a row (a NIK, a phone number)."""
    return any(c.isalpha() for c in value) or bool(_LONG_NUMBER.search(value))


def _in_indonesia(lat: float, lon: float) -> bool:
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


class _Cells:
    """Reads the cells of one table, turning every unreadable cell into a ``Problem``."""

    def __init__(self, table: Table, problems: Problems, inputs: Inputs):
        self.table = table
        self.file = table.file
        self.problems = problems
        self.settings = inputs.settings
        # Without a readable villages table every code would look unknown: say nothing then.
        self.villages_read = "villages" in inputs.tables

    def error(self, row: Row, column: str | None, message: str, hint: str = "") -> None:
        label = self.table.label(column) if column else None
        message = self._redact(row, message)
        self.problems.error(self.file, message, row=row.number, column=label, hint=hint)

    def warn(self, row: Row, column: str | None, message: str, hint: str = "") -> None:
        label = self.table.label(column) if column else None
        message = self._redact(row, message)
        self.problems.warn(self.file, message, row=row.number, column=label, hint=hint)

    def _redact(self, row: Row, message: str) -> str:
        """In a table of personal data, a message names the row and column, never a cell that
        could be a name or NIK (a shifted column puts one anywhere): cells with letters or a
        long run of digits are left out, except the row's id and village code."""
        if not self.table.spec.personal:
            return message
        keep = {row.get("id"), row.get("village")}
        for value in sorted(row.cells.values(), key=len, reverse=True):
            if value in keep or len(value) < 2 or not _looks_personal(value):
                continue
            message = message.replace(repr(value), "the value").replace(value, "(hidden)")
        return message

    def text(self, row: Row, column: str, ident: str, required: bool = False) -> str | None:
        """The cell's text; None when blank (an error when ``required``)."""
        value = row.get(column)
        if value:
            return value
        if required and self.table.has(column):
            where = f" ({ident})" if ident else ""
            self.error(
                row,
                column,
                f"{self.table.label(column)} is empty{where}",
                "fill it in or delete the row",
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
            where = f" ({ident})" if ident else ""
            self.error(row, column, f"{exc.message}{where}", exc.hint)
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
                f"decimal commas ({row.get(column)}) are read as decimal points in this file",
                row=row.number,
                column=label,
                hint="write decimals with a point, e.g. -3.4707",
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
                f"{self.table.label(missing)} is empty but "
                f"{self.table.label(other)} is given ({ident})",
                "give both or neither",
            )
            return None
        if end <= start:
            self.error(
                row,
                "end",
                f"end {fmt_hhmm(end)} is not after start {fmt_hhmm(start)} ({ident})",
                "times are 24-hour HH:MM (13:00, not 01:00); a window cannot pass midnight",
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
                f"{self.table.label(missing)} is empty ({ident})",
                "give both lat and lon, or neither",
            )
            return None
        lat = self.number(row, lat_col, ident)
        lon = self.number(row, lon_col, ident)
        if lat is None or lon is None:
            return None
        if not _in_indonesia(lat, lon):
            self._outside(row, ident, lat, lon, columns)
            return None
        if self.settings is not None:
            office = self.settings.settings
            km = distance_km(office.office_lat, office.office_lon, lat, lon)
            limit = self.settings.max_distance_km
            if km > limit:
                hint = (
                    f"sites must lie within {limit:.0f} km of the office (max_distance_km in "
                    "planner.toml); check the coordinates or the office"
                )
                if distance_km(office.office_lat, office.office_lon, -lat, lon) <= limit:
                    hint = "did you drop the minus sign of lat? (south of the equator it is < 0)"
                self.error(
                    row,
                    lat_col,
                    f"{row.get(lat_col)}, {row.get(lon_col)} is {km:.0f} km "
                    f"from the office ({ident})",
                    hint,
                )
                return None
        return lat, lon

    def _outside(
        self, row: Row, ident: str, lat: float, lon: float, columns: tuple[str, str]
    ) -> None:
        lat_col, lon_col = columns
        lat_range = f"{INDONESIA_LAT[0]:g}..{INDONESIA_LAT[1]:g}"
        lon_range = f"{INDONESIA_LON[0]:g}..{INDONESIA_LON[1]:g}"
        if _in_indonesia(lon, lat):
            self.error(
                row,
                lat_col,
                f"{row.get(lat_col)} is outside {lat_range} ({ident})",
                "did you swap lat and lon?",
            )
            return
        if not INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1]:
            self.error(
                row,
                lat_col,
                f"{row.get(lat_col)} is outside {lat_range} ({ident})",
                f"Indonesia lies within lat {lat_range}, lon {lon_range}",
            )
        if not INDONESIA_LON[0] <= lon <= INDONESIA_LON[1]:
            self.error(
                row,
                lon_col,
                f"{row.get(lon_col)} is outside {lon_range} ({ident})",
                f"Indonesia lies within lat {lat_range}, lon {lon_range}",
            )

    def unique_rows(self, column: str, what: str) -> Iterator[tuple[Row, str, int]]:
        """Rows with their id ('' when blank, an error) and the error count before the row;
        a row repeating an earlier row's id is reported and skipped."""
        seen: dict[str, int] = {}
        for row in self.table.rows:
            before = len(self.problems.errors)
            ident = self.text(row, column, f"row {row.number}", required=True) or ""
            if ident in seen:
                self.error(
                    row,
                    column,
                    f"{what} {ident} is already in row {seen[ident]}",
                    f"each {what} may appear once",
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
        hint: str,
        warn: bool = False,
    ) -> None:
        """Report a count above another count of the row (``(column, value)`` pairs)."""
        (column, number), (other, bound) = value, limit
        if number is None or bound is None or number <= bound:
            return
        report = self.warn if warn else self.error
        report(row, column, f"{column} {number} is more than {other} {bound} ({ident})", hint)

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
        self.error(row, column, f"unknown village code {code}", f"use a kode from {villages_file}")
        return False

    def build(self, row: Row, make: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``make(*args, **kwargs)``; an invariant the model still rejects becomes a problem."""
        try:
            return make(*args, **kwargs)
        except ValueError as exc:
            self.error(row, None, f"cannot be used: {exc}")
            return None


@dataclass
class _VillageRow:
    row: Row
    fields: dict[str, Any]

    @property
    def point(self) -> tuple[float, float]:
        """Where a site without its own coordinates is placed: the village point."""
        return self.fields["lat"], self.fields["lon"]


def _kind_from_code(code: str) -> str | None:
    """Kemendagri convention: a 4th code segment starting with 1 is a kelurahan, 2 a desa."""
    parts = code.split(".")
    if len(parts) == 4 and parts[3][:1] in ("1", "2"):
        return "kelurahan" if parts[3][0] == "1" else "desa"
    return None


def _villages(cells: _Cells) -> dict[str, _VillageRow]:
    result: dict[str, _VillageRow] = {}
    problems = cells.problems
    for row, ident, before in cells.unique_rows("code", "village code"):
        code = ident or None
        name = cells.text(row, "name", ident, required=True)
        district = cells.text(row, "district", ident, required=True)
        kind = cells.parse(row, "kind", lambda v: parse_choice(v, KINDS, "kind"), ident)
        if kind is None and not row.get("kind") and code is not None:
            kind = _kind_from_code(code)
            if kind is None:
                cells.error(
                    row,
                    "kind",
                    f"kind is empty and cannot be read from code {code}",
                    "write desa or kelurahan",
                )
        point = cells.point(row, ident, required=True)
        obliged = cells.parse(row, "obliged", parse_count, ident, required=True)
        backlog = cells.parse(row, "backlog", parse_count, ident, required=True)
        prereg = cells.parse(row, "preregistered", parse_count, ident)
        # An error, not a warning: unrecorded residents are a part of those obliged, so this
        # is a typo or two swapped columns, and the backlog drives the whole plan.
        swapped = f"are {cells.table.label('backlog')} and {cells.table.label('obliged')} swapped?"
        cells.at_most(row, ("backlog", backlog), ("obliged", obliged), ident, swapped)
        cells.at_most(
            row,
            ("preregistered", prereg),
            ("backlog", backlog),
            ident,
            "the plan expects at most the backlog; update belum_rekam if it is old",
            warn=True,
        )
        if len(problems.errors) > before or code is None or point is None:
            continue
        result[code] = _VillageRow(
            row,
            {
                "code": code,
                "name": name,
                "district": district,
                "kind": kind,
                "lat": point[0],
                "lon": point[1],
                "obliged": obliged,
                "backlog": backlog,
                "preregistered": prereg,
            },
        )
    return result


def _village_heads(
    cells: _Cells, known: Mapping[str, _VillageRow], villages_file: str
) -> tuple[dict[str, list[WeeklyWindow]], dict[str, list[DateOverride]], set[str]]:
    """Weekly windows and date overrides by village code, and every code that has a row."""
    weekly: dict[str, list[WeeklyWindow]] = {}
    overrides: dict[str, list[DateOverride]] = {}
    mentioned: set[str] = set()
    table = cells.table
    if not table.has("weekday") and not table.has("date"):
        cells.problems.error(
            cells.file,
            f"missing column {VILLAGE_HEADS.describe('weekday')}",
            row=1,
            column="weekday",
            hint="rows need hari, mulai, selesai",
        )
        return weekly, overrides, mentioned
    for column in ("start", "end"):
        if table.has("weekday") and not table.has(column):
            cells.problems.error(
                cells.file,
                f"missing column {VILLAGE_HEADS.describe(column)}",
                row=1,
                column=column,
                hint="weekly rows need mulai and selesai",
            )
    for row in table.rows:
        before = len(cells.problems.errors)
        code = cells.text(row, "code", f"row {row.number}", required=True)
        if code is not None:
            mentioned.add(code)
        ident = code or ""
        known_code = cells.known_village(row, "code", code, known, villages_file)
        if row.get("date"):
            date = cells.parse(row, "date", parse_date, ident)
            if not row.get("available"):
                cells.error(
                    row,
                    "available" if table.has("available") else "date",
                    f"a date row needs {VILLAGE_HEADS.describe('available')} ({ident})",
                    "write ya (with mulai and selesai) or tidak",
                )
            available = cells.parse(row, "available", parse_yes_no, ident)
            window = cells.window(row, ident, required=bool(available))
            if len(cells.problems.errors) > before or not known_code or date is None:
                continue
            override = cells.build(
                row, DateOverride, date, bool(available), window if available else None
            )
            if override is not None and code is not None:
                overrides.setdefault(code, []).append(override)
            continue
        days = cells.parse(row, "weekday", parse_weekdays, ident, required=True)
        if days is None and not row.get("weekday"):
            cells.error(
                row,
                "weekday" if table.has("weekday") else "date",
                f"give a weekday or a date ({ident})",
                "e.g. hari Senin-Kamis",
            )
        window = cells.window(row, ident, required=True)
        if len(cells.problems.errors) > before or not known_code or days is None or window is None:
            continue
        if code is not None:
            weekly.setdefault(code, []).extend(WeeklyWindow(day, window) for day in sorted(days))
    return weekly, overrides, mentioned


def _schools(
    cells: _Cells,
    villages: Mapping[str, _VillageRow],
    known: Mapping[str, Any],
    villages_file: str,
) -> list[School]:
    result: list[School] = []
    for row, npsn, before in cells.unique_rows("npsn", "npsn"):
        ident = npsn
        name = cells.text(row, "name", ident, required=True)
        code = cells.site_village(row, ident, known, villages_file)
        point = cells.point(row, ident, required=False)
        students = cells.parse(row, "students", parse_count, ident, required=True)
        printable = cells.parse(row, "printable", parse_count, ident)
        cells.at_most(
            row,
            ("printable", printable),
            ("students", students),
            ident,
            "printable counts those of the unrecorded students already 17",
        )
        hours = cells.window(row, ident, required=False, default=SCHOOL_HOURS)
        days = cells.parse(row, "days", parse_weekdays, ident) or SCHOOL_DAYS
        closed = cells.parse(row, "closed", parse_dates, ident) or frozenset()
        approximate = cells.parse(row, "location_approximate", parse_yes_no, ident)
        # A row naming a village whose own row failed is skipped: that error is reported.
        if len(cells.problems.errors) > before or code is None or students is None:
            continue
        if code not in villages:
            continue
        lat, lon = point or villages[code].point
        school = cells.build(
            row,
            School,
            npsn=npsn,
            name=name or npsn,
            village_code=code,
            lat=lat,
            lon=lon,
            students=students,
            printable=printable,
            hours=hours,
            days=days,
            closed=closed,
            location_approximate=approximate if approximate is not None else point is None,
        )
        if school is not None:
            result.append(school)
    return result


def _homebound(
    cells: _Cells,
    villages: Mapping[str, _VillageRow],
    known: Mapping[str, Any],
    villages_file: str,
) -> list[Homebound]:
    result: list[Homebound] = []
    for row, ident, before in cells.unique_rows("id", "id"):
        # Crash logs and messages are scrubbed of these, whatever becomes of the row.
        remember(row.get("name"), row.get("nik"))
        remember(row.get("companion"))
        if _LONG_NUMBER.search(ident) or (ident and ident == row.get("name")):
            cells.error(
                row,
                "id",
                "the id looks like a NIK, a phone number or the resident's name",
                "ids appear on maps and in plan.json: use a short code such as WK001",
            )
        category = cells.parse(
            row,
            "category",
            lambda v: parse_choice(v, CATEGORIES, "category"),
            ident,
            required=True,
        )
        code = cells.site_village(row, ident, known, villages_file)
        point = cells.point(row, ident, required=False)
        window = cells.window(row, ident, required=False)
        nik = row.get("nik") or None
        if nik is not None and not (nik.isascii() and nik.isdigit() and len(nik) == 16):
            # The NIK itself is personal data: the message names the row, never the value.
            cells.warn(
                row,
                "nik",
                f"NIK is not 16 digits ({ident})",
                "check it; the schedule shows only its first 6 digits",
            )
        if len(cells.problems.errors) > before or code is None or category is None:
            continue
        if code not in villages:
            continue
        lat, lon = point or villages[code].point
        person = cells.build(
            row,
            Homebound,
            id=ident,
            category=HomeboundCategory(category),
            village_code=code,
            lat=lat,
            lon=lon,
            location_from_village=point is None,
            window=window,
            companion=row.get("companion") or None,
            name=row.get("name") or None,
            nik=nik,
        )
        if person is not None:
            result.append(person)
    return result


@dataclass
class _TeamDraft:
    first_row: int
    name: str
    vehicle: VehicleProfile
    kits: int
    base: tuple[float, float] | None
    shifts: list[tuple[int, Shift]] = field(default_factory=list)


def _teams(cells: _Cells, settings: Settings | None) -> list[Team]:
    drafts: dict[str, _TeamDraft] = {}
    for row in cells.table.rows:
        before = len(cells.problems.errors)
        ident = cells.text(row, "id", f"row {row.number}", required=True) or ""
        vehicle = cells.parse(
            row, "vehicle", lambda v: parse_choice(v, VEHICLES, "vehicle"), ident, required=True
        )
        kits = cells.parse(row, "kits", parse_count, ident)
        if kits is not None and kits < 1:
            cells.error(
                row,
                "kits",
                f"kits {kits} must be at least 1 ({ident})",
                "a team records with one kit or more; leave it empty for 1",
            )
        days = cells.parse(row, "days", parse_weekdays, ident, required=True)
        hours = cells.window(row, ident, required=True)
        base = cells.point(row, ident, required=False, columns=("base_lat", "base_lon"))
        if len(cells.problems.errors) > before or not ident or vehicle is None:
            continue
        if days is None or hours is None:
            continue
        kits = 1 if kits is None else kits
        draft = drafts.get(ident)
        if draft is None:
            draft = drafts[ident] = _TeamDraft(
                row.number, row.get("name") or ident, VehicleProfile(vehicle), kits, base
            )
        else:
            for column, mine, theirs in (
                ("vehicle", vehicle, draft.vehicle),
                ("kits", kits, draft.kits),
                ("base_lat", base, draft.base),
            ):
                if mine != theirs:
                    cells.error(
                        row,
                        column,
                        f"team {ident}: {cells.table.label(column)} "
                        f"differs from row {draft.first_row}",
                        "rows of one team may differ only in days and hours",
                    )
        for other_row, shift in draft.shifts:
            overlap = shift.weekdays & days
            if overlap:
                cells.error(
                    row,
                    "days",
                    f"team {ident}: {format_days(overlap)} already has hours in row {other_row}",
                    "give each day once per team",
                )
        if len(cells.problems.errors) == before:
            draft.shifts.append((row.number, Shift(days, hours)))
    teams = []
    for ident, draft in drafts.items():
        office = (settings.office_lat, settings.office_lon) if settings else (0.0, 0.0)
        lat, lon = draft.base or office
        team = cells.build(
            Row(draft.first_row, {}),
            Team,
            ident,
            draft.name,
            draft.vehicle,
            draft.kits,
            tuple(s for _, s in draft.shifts),
            lat,
            lon,
            draft.base is None,
        )
        if team is not None:
            teams.append(team)
    return teams


def _local_holidays(cells: _Cells) -> list[Holiday]:
    result = []
    for row in cells.table.rows:
        date = cells.parse(row, "date", parse_date, "", required=True)
        if date is not None:
            result.append(Holiday(date, row.get("name") or LOCAL_HOLIDAY))
    return result


def _check_heads(
    problems: Problems,
    villages: Mapping[str, _VillageRow],
    mentioned: set[str],
    heads: Table | None,
) -> None:
    """Warn about villages with a backlog but no head row: the planner can never visit them."""
    waiting = [v for v in villages.values() if v.fields["backlog"]]
    if heads is None:
        if waiting:
            problems.warn(
                VILLAGE_HEADS.label,
                "no village_heads.csv (kades.csv): no village can be visited "
                f"({len(waiting)} have a backlog)",
                hint="add a table with kode, hari, mulai, selesai",
            )
        return
    for village in waiting:
        if village.fields["code"] not in mentioned:
            problems.warn(
                heads.file,
                f"no row for {village.fields['code']} {village.fields['name']}: "
                "it cannot be visited",
                hint="add when the village head can attend (kode, hari, mulai, selesai)",
            )


def build_district(
    inputs: Inputs,
    national: Iterable[Holiday],
    problems: Problems,
    inputs_sha256: str = "",
    boundaries_path: str | None = None,
) -> District | None:
    """Check every table of ``inputs`` and build the ``District``; None when any error was
    recorded (all of them are in ``problems``)."""
    settings = inputs.settings.settings if inputs.settings else None
    tables = inputs.tables
    villages: dict[str, _VillageRow] = {}
    villages_file = "villages.csv"
    if "villages" in tables:
        villages_file = tables["villages"].file
        villages = _villages(_Cells(tables["villages"], problems, inputs))
    # Codes of rows that failed are still "known": they must not also show up as unknown codes
    # in every other table.
    known: dict[str, Any] = dict(villages)
    if "villages" in tables:
        known.update({r.get("code"): None for r in tables["villages"].rows if r.get("code")})

    weekly: dict[str, list[WeeklyWindow]] = {}
    overrides: dict[str, list[DateOverride]] = {}
    heads = tables.get(VILLAGE_HEADS.key)
    if heads is not None:
        weekly, overrides, mentioned = _village_heads(
            _Cells(heads, problems, inputs), known, villages_file
        )
        _check_heads(problems, villages, mentioned, heads)
    else:
        _check_heads(problems, villages, set(), None)

    def with_village(spec_key: str, reader: Callable[..., list[T]]) -> list[T]:
        table = tables.get(spec_key)
        if table is None:
            return []
        return reader(_Cells(table, problems, inputs), villages, known, villages_file)

    schools = with_village(SCHOOLS.key, _schools)
    homebound = with_village(HOMEBOUND.key, _homebound)
    teams = (
        _teams(_Cells(tables[TEAMS.key], problems, inputs), settings) if TEAMS.key in tables else []
    )
    local = (
        _local_holidays(_Cells(tables[HOLIDAYS.key], problems, inputs))
        if HOLIDAYS.key in tables
        else []
    )
    if problems.errors or settings is None:
        return None
    village_objects = []
    for code, draft in villages.items():
        village = _Cells(tables["villages"], problems, inputs).build(
            draft.row,
            Village,
            **draft.fields,
            head_weekly=tuple(weekly.get(code, ())),
            head_overrides=tuple(overrides.get(code, ())),
        )
        if village is not None:
            village_objects.append(village)
    holidays = sorted(set(national) | set(local), key=lambda h: (h.date, h.name))
    try:
        district = District(
            settings=settings,
            villages=tuple(village_objects),
            schools=tuple(schools),
            homebound=tuple(homebound),
            teams=tuple(teams),
            holidays=tuple(holidays),
            inputs_sha256=inputs_sha256,
            boundaries_path=boundaries_path,
        )
    except ValueError as exc:
        problems.error("", f"the district is inconsistent: {exc}")
        return None
    return None if problems.errors else district
