"""From read tables to a ``District``: every value checked, every problem reported at once.

Each table is checked row by row and cell by cell; a bad cell is recorded as a ``Problem``
(file, spreadsheet row, column as the user wrote it, message, hint) and the row is skipped, so
checking goes on and the coordinator sees every problem of every file in one run. Only when
nothing is wrong are the model's frozen dataclasses built, so their own ``ValueError`` checks
never meet user input (any that fires anyway is still reported as a problem, not a crash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from planner.i18n import msg
from planner.io.cells import Problems, parse_date
from planner.io.tables import HOLIDAYS, HOMEBOUND, SCHOOLS, TEAMS, VILLAGE_HEADS
from planner.io.validate.checker import Inputs, TableCells
from planner.io.validate.contacts import head_contacts
from planner.io.validate.sites import check_homebound, check_schools
from planner.io.validate.teams import check_teams
from planner.io.validate.villages import (
    VillageRow,
    check_village_heads,
    check_villages,
    warn_heads_missing,
)
from planner.model import Contact, DateOverride, District, Holiday, Village, WeeklyWindow

__all__ = ["Inputs", "build_district"]

T = TypeVar("T")

LOCAL_HOLIDAY = "Libur daerah"


def check_local_holidays(cells: TableCells) -> list[Holiday]:
    """The district's own holidays (libur daerah), named ``Libur daerah`` when unnamed."""
    result = []
    for row in cells.table.rows:
        date = cells.parse(row, "date", parse_date, "", required=True)
        if date is not None:
            result.append(Holiday(date, row.get("name") or LOCAL_HOLIDAY))
    return result


_Heads = tuple[
    dict[str, list[WeeklyWindow]], dict[str, list[DateOverride]], dict[str, tuple[Contact, ...]]
]


def _heads(
    inputs: Inputs, problems: Problems, villages: Mapping[str, VillageRow], known: Mapping[str, Any]
) -> _Heads:
    """The village heads' windows and contacts, and a warning for every village no head row
    mentions."""
    heads = inputs.tables.get(VILLAGE_HEADS.key)
    if heads is None:
        warn_heads_missing(problems, villages, set(), None)
        return {}, {}, {}
    cells = TableCells(heads, problems, inputs)
    weekly, overrides, mentioned = check_village_heads(cells, known, _villages_file(inputs))
    warn_heads_missing(problems, villages, mentioned, heads)
    return weekly, overrides, head_contacts(cells, villages)


def _villages_file(inputs: Inputs) -> str:
    """The villages table's file as the user named it, for "use a kode from …" hints."""
    table = inputs.tables.get("villages")
    return table.file if table is not None else "villages.csv"


def _village_objects(
    cells: TableCells,
    villages: Mapping[str, VillageRow],
    weekly: Mapping[str, list[WeeklyWindow]],
    overrides: Mapping[str, list[DateOverride]],
    contacts: Mapping[str, tuple[Contact, ...]],
) -> list[Village]:
    """The checked villages with their heads' windows, as the model's ``Village``."""
    result = []
    for code, draft in villages.items():
        village = cells.build(
            draft.row,
            Village,
            **draft.fields,
            head_weekly=tuple(weekly.get(code, ())),
            head_overrides=tuple(overrides.get(code, ())),
            head_contacts=contacts.get(code, ()),
        )
        if village is not None:
            result.append(village)
    return result


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

    def cells(key: str) -> TableCells | None:
        table = tables.get(key)
        return None if table is None else TableCells(table, problems, inputs)

    villages_cells = cells("villages")
    villages = check_villages(villages_cells) if villages_cells is not None else {}
    # Codes of rows that failed are still "known": they must not also show up as unknown codes
    # in every other table.
    known: dict[str, Any] = dict(villages)
    if villages_cells is not None:
        known.update({r.get("code"): None for r in villages_cells.table.rows if r.get("code")})
    weekly, overrides, contacts = _heads(inputs, problems, villages, known)

    def with_village(key: str, reader: Callable[..., list[T]]) -> list[T]:
        found = cells(key)
        return [] if found is None else reader(found, villages, known, _villages_file(inputs))

    schools = with_village(SCHOOLS.key, check_schools)
    homebound = with_village(HOMEBOUND.key, check_homebound)
    teams_cells, holidays_cells = cells(TEAMS.key), cells(HOLIDAYS.key)
    teams = check_teams(teams_cells, settings) if teams_cells is not None else []
    local = check_local_holidays(holidays_cells) if holidays_cells is not None else []
    if problems.errors or settings is None or villages_cells is None:
        return None
    holidays = sorted(set(national) | set(local), key=lambda h: (h.date, h.name))
    try:
        district = District(
            settings=settings,
            villages=tuple(_village_objects(villages_cells, villages, weekly, overrides, contacts)),
            schools=tuple(schools),
            homebound=tuple(homebound),
            teams=tuple(teams),
            holidays=tuple(holidays),
            inputs_sha256=inputs_sha256,
            boundaries_path=boundaries_path,
        )
    except ValueError as exc:
        problems.error("", msg("err.inconsistent", reason=str(exc)))
        return None
    return None if problems.errors else district
