"""The data model: a district's inputs and a week's plan, as frozen dataclasses.

No I/O and no solver imports here. Every class checks its own invariants on construction, so a
``District`` or ``Plan`` that exists is internally consistent; loaders turn user mistakes into
``InputError`` before they build these objects, so a ``ValueError`` raised here is a bug.

Times of day are whole minutes since local midnight (``int``), dates are ``datetime.date``,
weekdays are ``0`` (Monday) … ``6`` (Sunday).

- ``base``: units, kinds, time windows;
- ``sites``: villages, schools, homebound residents and the ``Site`` interface they share;
- ``teams``: teams, shifts, holidays;
- ``settings``: ``planner.toml`` values and the duration rules (SPEC rule 4);
- ``district``: the validated whole;
- ``plan``: a week's routes, stops, unserved sites and totals.
"""

from planner.model.base import (
    WEEKDAYS,
    DateOverride,
    HomeboundCategory,
    Minutes,
    SiteKind,
    TimeWindow,
    VehicleProfile,
    WeeklyWindow,
    fmt_hhmm,
    parse_hhmm,
)
from planner.model.contacts import Contact
from planner.model.crossing import Crossing
from planner.model.district import District
from planner.model.office import Letterhead, Person
from planner.model.plan import (
    AddedTeamDay,
    BoatLine,
    Plan,
    RoadJoins,
    Route,
    SolverInfo,
    Stop,
    Totals,
    Unserved,
    estimated_share,
    totals_of,
)
from planner.model.settings import (
    DEFAULT_SPEEDS_KMH,
    DEFAULT_WEIGHTS,
    Settings,
    coverage,
    recording_minutes,
    stop_minutes,
)
from planner.model.sites import WHOLE_DAY, AnySite, Homebound, LimitBasis, School, Site, Village
from planner.model.teams import Holiday, Shift, Team

__all__ = [
    "DEFAULT_SPEEDS_KMH",
    "DEFAULT_WEIGHTS",
    "WEEKDAYS",
    "WHOLE_DAY",
    "AddedTeamDay",
    "AnySite",
    "BoatLine",
    "Contact",
    "Crossing",
    "DateOverride",
    "District",
    "Holiday",
    "Homebound",
    "HomeboundCategory",
    "Letterhead",
    "LimitBasis",
    "Minutes",
    "Person",
    "Plan",
    "RoadJoins",
    "Route",
    "School",
    "Settings",
    "Shift",
    "Site",
    "SiteKind",
    "SolverInfo",
    "Stop",
    "Team",
    "TimeWindow",
    "Totals",
    "Unserved",
    "VehicleProfile",
    "Village",
    "WeeklyWindow",
    "coverage",
    "estimated_share",
    "fmt_hhmm",
    "parse_hhmm",
    "recording_minutes",
    "stop_minutes",
    "totals_of",
]
