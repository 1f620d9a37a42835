"""Teams, their shifts, and the holidays on which no team works."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model.base import WEEKDAYS, TimeWindow, VehicleProfile, require


@dataclass(frozen=True, slots=True)
class Shift:
    """A team's working hours on some weekdays (a team may have several shifts)."""

    weekdays: frozenset[int]
    hours: TimeWindow

    def __post_init__(self) -> None:
        require(bool(self.weekdays) and self.weekdays <= frozenset(WEEKDAYS), "bad shift days")


@dataclass(frozen=True, slots=True)
class Team:
    """A recording team: its vehicle, recording kits, shifts and base (default: the office)."""

    id: str
    name: str
    vehicle: VehicleProfile
    kits: int
    shifts: tuple[Shift, ...]
    base_lat: float
    base_lon: float
    base_is_office: bool = True

    def __post_init__(self) -> None:
        require(bool(self.id), "team without an id")
        require(self.kits >= 1, f"team {self.id}: kits must be at least 1")
        require(bool(self.shifts), f"team {self.id}: no working hours")
        for i, a in enumerate(self.shifts):
            for b in self.shifts[i + 1 :]:
                require(not (a.weekdays & b.weekdays), f"team {self.id}: two shifts on one day")

    def hours_on(self, weekday: int) -> TimeWindow | None:
        """The team's working hours on ``weekday``, or None when it does not work then."""
        for shift in self.shifts:
            if weekday in shift.weekdays:
                return shift.hours
        return None


@dataclass(frozen=True, slots=True)
class Holiday:
    """A date on which no team works."""

    date: dt.date
    name: str
