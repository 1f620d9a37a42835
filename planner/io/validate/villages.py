"""The villages table and the village heads' table (when each head can attend)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.i18n import Num, msg
from planner.io.cells import (
    Problems,
    parse_choice,
    parse_count,
    parse_date,
    parse_weekdays,
    parse_yes_no,
)
from planner.io.tables import VILLAGE_HEADS, Row, Table
from planner.io.validate.checker import TableCells, at
from planner.model import DateOverride, WeeklyWindow

KINDS = {
    "desa": "desa",
    "kelurahan": "kelurahan",
    "kel": "kelurahan",
    "village": "desa",
    "ward": "kelurahan",
    "urban_ward": "kelurahan",
}


@dataclass
class VillageRow:
    """A checked villages row: its values, kept until the heads' windows are known."""

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


def check_villages(cells: TableCells) -> dict[str, VillageRow]:
    """The villages that passed every check, by code; the rows that failed are reported."""
    result: dict[str, VillageRow] = {}
    problems = cells.problems
    for row, ident, before in cells.unique_rows("code", msg("err.what.village_code")):
        code = ident or None
        name = cells.text(row, "name", ident, required=True)
        district = cells.text(row, "district", ident, required=True)
        kind = cells.parse(
            row, "kind", lambda v: parse_choice(v, KINDS, msg("err.what.kind")), ident
        )
        if kind is None and not row.get("kind") and code is not None:
            kind = _kind_from_code(code)
            if kind is None:
                cells.error(
                    row,
                    "kind",
                    msg("err.kind_unknown", code=code),
                    msg("err.kind_hint"),
                )
        point = cells.point(row, ident, required=True)
        obliged = cells.parse(row, "obliged", parse_count, ident, required=True)
        backlog = cells.parse(row, "backlog", parse_count, ident, required=True)
        prereg = cells.parse(row, "preregistered", parse_count, ident)
        # An error, not a warning: unrecorded residents are a part of those obliged, so this
        # is a typo or two swapped columns, and the backlog drives the whole plan.
        swapped = msg("err.swapped", a=cells.table.label("backlog"), b=cells.table.label("obliged"))
        cells.at_most(row, ("backlog", backlog), ("obliged", obliged), ident, swapped)
        cells.at_most(
            row,
            ("preregistered", prereg),
            ("backlog", backlog),
            ident,
            msg("err.prereg_hint"),
            warn=True,
        )
        if len(problems.errors) > before or code is None or point is None:
            continue
        result[code] = VillageRow(
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


def check_village_heads(
    cells: TableCells, known: Mapping[str, VillageRow], villages_file: str
) -> tuple[dict[str, list[WeeklyWindow]], dict[str, list[DateOverride]], set[str]]:
    """Weekly windows and date overrides by village code, and every code that has a row."""
    weekly: dict[str, list[WeeklyWindow]] = {}
    overrides: dict[str, list[DateOverride]] = {}
    mentioned: set[str] = set()
    table = cells.table
    if not table.has("weekday") and not table.has("date"):
        cells.problems.error(
            cells.file,
            msg("err.missing_column", column=VILLAGE_HEADS.describe("weekday")),
            row=1,
            column="weekday",
            hint=msg("err.heads_columns_hint"),
        )
        return weekly, overrides, mentioned
    for column in ("start", "end"):
        if table.has("weekday") and not table.has(column):
            cells.problems.error(
                cells.file,
                msg("err.missing_column", column=VILLAGE_HEADS.describe(column)),
                row=1,
                column=column,
                hint=msg("err.weekly_columns_hint"),
            )
    for row in table.rows:
        before = len(cells.problems.errors)
        code = cells.text(row, "code", msg("err.row", row=row.number), required=True)
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
                    at(msg("err.date_row", column=VILLAGE_HEADS.describe("available")), ident),
                    msg("err.date_row_hint"),
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
                at(msg("err.weekday_or_date"), ident),
                msg("err.weekday_or_date_hint"),
            )
        window = cells.window(row, ident, required=True)
        if len(cells.problems.errors) > before or not known_code or days is None or window is None:
            continue
        if code is not None:
            weekly.setdefault(code, []).extend(WeeklyWindow(day, window) for day in sorted(days))
    return weekly, overrides, mentioned


def warn_heads_missing(
    problems: Problems,
    villages: Mapping[str, VillageRow],
    mentioned: set[str],
    heads: Table | None,
) -> None:
    """Warn about villages with a backlog but no head row: the planner can never visit them."""
    waiting = [v for v in villages.values() if v.fields["backlog"]]
    if heads is None:
        if waiting:
            problems.warn(
                VILLAGE_HEADS.label,
                msg("err.no_heads", count=Num(len(waiting))),
                hint=msg("err.no_heads_hint"),
            )
        return
    for village in waiting:
        if village.fields["code"] not in mentioned:
            problems.warn(
                heads.file,
                msg("err.no_head_row", code=village.fields["code"], name=village.fields["name"]),
                hint=msg("err.no_head_row_hint"),
            )
