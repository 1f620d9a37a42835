"""The teams table: one team may take several rows, one per set of days with its hours."""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.i18n import msg
from planner.io.cells import day_list, parse_choice, parse_count, parse_weekdays
from planner.io.tables import Row
from planner.io.validate.checker import TableCells
from planner.model import Settings, Shift, Team, VehicleProfile

VEHICLES = {
    "car": VehicleProfile.CAR,
    "mobil": VehicleProfile.CAR,
    "motorbike": VehicleProfile.MOTORBIKE,
    "motor": VehicleProfile.MOTORBIKE,
    "motorcycle": VehicleProfile.MOTORBIKE,
    "sepeda_motor": VehicleProfile.MOTORBIKE,
}


@dataclass
class _TeamDraft:
    """A team gathered over its rows: what every row must agree on, and each row's shift."""

    first_row: int
    name: str
    vehicle: VehicleProfile
    kits: int
    base: tuple[float, float] | None
    shifts: list[tuple[int, Shift]] = field(default_factory=list)


def _vehicle(text: str) -> str:
    return parse_choice(text, VEHICLES, msg("err.what.vehicle"))


def check_teams(cells: TableCells, settings: Settings | None) -> list[Team]:
    """The teams; rows of one id merge into one team with a shift per row (days must not
    overlap, vehicle, kits and base must agree)."""
    drafts: dict[str, _TeamDraft] = {}
    for row in cells.table.rows:
        before = len(cells.problems.errors)
        ident = cells.text(row, "id", msg("err.row", row=row.number), required=True) or ""
        vehicle = cells.parse(row, "vehicle", _vehicle, ident, required=True)
        kits = cells.parse(row, "kits", parse_count, ident)
        if kits is not None and kits < 1:
            cells.error(
                row,
                "kits",
                msg("err.kits", kits=kits, ident=ident),
                msg("err.kits_hint"),
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
                        msg(
                            "err.team_differs",
                            ident=ident,
                            column=cells.table.label(column),
                            row=draft.first_row,
                        ),
                        msg("err.team_differs_hint"),
                    )
        for other_row, shift in draft.shifts:
            overlap = shift.weekdays & days
            if overlap:
                cells.error(
                    row,
                    "days",
                    msg("err.team_overlap", ident=ident, days=day_list(overlap), row=other_row),
                    msg("err.team_overlap_hint"),
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
