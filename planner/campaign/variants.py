"""Changes to a district's means, for what-if and the forecast's deadline search.

A ``Change`` is more printers, more blank cards, a Saturday shift, extra teams or fewer teams;
``apply`` gives the district with it. Parsing the options' texts (``T5:motor:Mon-Fri``) lives
here too, so every front end reads them the same way and reports bad ones alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner.errors import InputError, Problem
from planner.i18n import Msg, msg
from planner.model import District, Shift, Team, TimeWindow, VehicleProfile

SATURDAY = 5
SATURDAY_HOURS = TimeWindow(8 * 60, 12 * 60)
"""A Saturday shift added by ``--saturday``: the morning, as offices work it."""
TEAM_HOURS = TimeWindow(7 * 60 + 30, 15 * 60 + 30)
_VEHICLES = {
    "car": VehicleProfile.CAR,
    "mobil": VehicleProfile.CAR,
    "motorbike": VehicleProfile.MOTORBIKE,
    "motor": VehicleProfile.MOTORBIKE,
}


@dataclass(frozen=True, slots=True)
class Change:
    """What a variant changes (the default changes nothing)."""

    printers: int | None = None
    """Printers in total (None: as planner.toml)."""
    blank_stock: int = 0
    """Cards added to (or taken from) the stock."""
    saturday: bool = False
    """Every team without a Saturday shift works Saturday mornings."""
    add_teams: tuple[Team, ...] = ()
    teams: tuple[str, ...] | None = None
    """Only these teams (None: all)."""

    def apply(self, district: District) -> District:
        """``district`` with this change."""
        settings = district.settings
        settings = replace(
            settings,
            printers=settings.printers if self.printers is None else self.printers,
            blank_stock=max(0, settings.blank_stock + self.blank_stock),
        )
        teams = [t for t in district.teams if self.teams is None or t.id in self.teams]
        teams += self.add_teams
        if self.saturday:
            teams = [_with_saturday(t) for t in teams]
        return replace(district, settings=settings, teams=tuple(teams))

    def label(self, lang: str) -> str:
        """The change in words, in ``lang`` (``whatif.base`` when it changes nothing)."""
        parts: list[Msg] = []
        if self.printers is not None:
            parts.append(msg("whatif.printers", n=self.printers))
        if self.blank_stock:
            parts.append(msg("whatif.cards", n=f"{self.blank_stock:+d}"))
        if self.saturday:
            parts.append(msg("whatif.saturday"))
        for team in self.add_teams:
            parts.append(msg("whatif.add_team", team=team.id))
        if self.teams is not None:
            parts.append(msg("whatif.teams", teams=",".join(self.teams)))
        return " + ".join(p.text(lang) for p in parts or [msg("whatif.base")])


def _with_saturday(team: Team) -> Team:
    if team.hours_on(SATURDAY) is not None:
        return team
    return replace(team, shifts=(*team.shifts, Shift(frozenset({SATURDAY}), SATURDAY_HOURS)))


def parse_team(text: str, district: District) -> Team:
    """A team from ``ID:VEHICLE:DAYS[:HH:MM-HH:MM]`` (``T5:motor:Mon-Fri``), based at the office
    with one kit; a bad text is an ``InputError`` saying how to write it."""
    from planner.io.cells import CellError, parse_weekdays
    from planner.model import parse_hhmm

    hint = msg("whatif.bad_team_hint")
    bad = InputError([Problem("--add-team", msg("whatif.bad_team", value=text), hint=hint)])
    parts = text.split(":", 3)
    if len(parts) < 3 or parts[1].lower() not in _VEHICLES or not parts[0]:
        raise bad
    if parts[0] in {t.id for t in district.teams}:
        raise InputError([Problem("--add-team", msg("whatif.team_exists", team=parts[0]))])
    try:
        days = parse_weekdays(parts[2])
        hours = TEAM_HOURS
        if len(parts) == 4:
            start, end = parts[3].split("-")
            hours = TimeWindow(parse_hhmm(start), parse_hhmm(end))
    except (CellError, ValueError):
        raise bad from None
    settings = district.settings
    return Team(
        id=parts[0],
        name=parts[0],
        vehicle=_VEHICLES[parts[1].lower()],
        kits=1,
        shifts=(Shift(days, hours),),
        base_lat=settings.office_lat,
        base_lon=settings.office_lon,
    )
