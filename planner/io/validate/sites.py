"""The schools and homebound tables: sites that lie in a village of the villages table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.i18n import msg
from planner.io.cells import parse_choice, parse_count, parse_dates, parse_weekdays, parse_yes_no
from planner.io.validate.checker import LONG_NUMBER, TableCells, at
from planner.io.validate.contacts import contact_of, resident_contact
from planner.io.validate.villages import VillageRow
from planner.model import Homebound, HomeboundCategory, School
from planner.model.sites import SCHOOL_HOURS
from planner.privacy import remember

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
SCHOOL_DAYS = frozenset(range(5))


def check_schools(
    cells: TableCells,
    villages: Mapping[str, VillageRow],
    known: Mapping[str, Any],
    villages_file: str,
) -> list[School]:
    """The schools; one without lat/lon stands at its village's point, marked approximate."""
    result: list[School] = []
    for row, npsn, before in cells.unique_rows("npsn", msg("err.what.npsn")):
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
            msg("err.printable_hint"),
        )
        hours = cells.window(row, ident, required=False, default=SCHOOL_HOURS)
        days = cells.parse(row, "days", parse_weekdays, ident) or SCHOOL_DAYS
        closed = cells.parse(row, "closed", parse_dates, ident) or frozenset()
        approximate = cells.parse(row, "location_approximate", parse_yes_no, ident)
        contact = contact_of(cells, row, ident)
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
            contact=contact,
        )
        if school is not None:
            result.append(school)
    return result


def check_homebound(
    cells: TableCells,
    villages: Mapping[str, VillageRow],
    known: Mapping[str, Any],
    villages_file: str,
) -> list[Homebound]:
    """The homebound residents; their names and NIKs are remembered so logs can scrub them."""
    result: list[Homebound] = []
    for row, ident, before in cells.unique_rows("id", msg("err.what.id")):
        # Crash logs and messages are scrubbed of these, whatever becomes of the row.
        remember(row.get("name"), row.get("nik"))
        remember(row.get("companion"))
        contact = resident_contact(cells, row, ident)
        if LONG_NUMBER.search(ident) or (ident and ident == row.get("name")):
            cells.error(
                row,
                "id",
                msg("err.personal_id"),
                msg("err.personal_id_hint"),
            )
        category = cells.parse(
            row,
            "category",
            lambda v: parse_choice(v, CATEGORIES, msg("err.what.category")),
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
                at(msg("err.nik"), ident),
                msg("err.nik_hint"),
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
            **contact,
        )
        if person is not None:
            result.append(person)
    return result
