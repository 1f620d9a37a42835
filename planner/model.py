"""The data model: a district's inputs and a week's plan, as frozen dataclasses.

No I/O and no solver imports here. Every class checks its own invariants on construction, so a
``District`` or ``Plan`` that exists is internally consistent; loaders turn user mistakes into
``InputError`` before they build these objects, so a ``ValueError`` raised here is a bug.

Times of day are whole minutes since local midnight (``int``), dates are ``datetime.date``,
weekdays are ``0`` (Monday) … ``6`` (Sunday).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

Minutes = int
"""Minutes since local midnight (times of day) or a duration in minutes."""

WEEKDAYS = range(7)


class SiteKind(StrEnum):
    """What a site is; the prefix of its site id (``village:17.02.01.2001``)."""

    VILLAGE = "village"
    SCHOOL = "school"
    HOMEBOUND = "homebound"


class VehicleProfile(StrEnum):
    """A travel profile: which roads a team can use and how fast."""

    CAR = "car"
    MOTORBIKE = "motorbike"


class HomeboundCategory(StrEnum):
    """Why a resident cannot come to the office."""

    ELDERLY = "elderly"
    DISABLED = "disabled"
    MENTAL = "mental"
    BEDRIDDEN = "bedridden"


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise ValueError(message)


def fmt_hhmm(minutes: Minutes) -> str:
    """Format minutes since midnight as ``HH:MM`` (24 h)."""
    _check(0 <= minutes <= 24 * 60, f"time of day out of range: {minutes} min")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hhmm(text: str) -> Minutes:
    """Parse ``HH:MM`` (or ``H:MM``, ``HH.MM``) into minutes since midnight; ValueError if bad."""
    cleaned = text.strip().replace(".", ":")
    parts = cleaned.split(":")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a time of day: {text!r}")
    hours, minutes = int(parts[0]), int(parts[1])
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes != 0):
        raise ValueError(f"not a time of day: {text!r}")
    return hours * 60 + minutes


@dataclass(frozen=True, slots=True, order=True)
class TimeWindow:
    """A half-open time-of-day interval ``[start, end)`` in minutes since midnight."""

    start: Minutes
    end: Minutes

    def __post_init__(self) -> None:
        _check(0 <= self.start < self.end <= 24 * 60, f"bad window {self.start}..{self.end}")

    @property
    def minutes(self) -> Minutes:
        """Length of the window."""
        return self.end - self.start

    def __str__(self) -> str:
        return f"{fmt_hhmm(self.start)}-{fmt_hhmm(self.end)}"


@dataclass(frozen=True, slots=True)
class WeeklyWindow:
    """A window that recurs every week on one weekday (e.g. the village head on Mondays)."""

    weekday: int
    window: TimeWindow

    def __post_init__(self) -> None:
        _check(self.weekday in WEEKDAYS, f"bad weekday {self.weekday}")


@dataclass(frozen=True, slots=True)
class DateOverride:
    """One date that replaces the weekly windows: unavailable, or available in ``window``."""

    date: dt.date
    available: bool
    window: TimeWindow | None = None

    def __post_init__(self) -> None:
        _check(self.available or self.window is None, "an unavailable date has no window")


@dataclass(frozen=True, slots=True)
class Village:
    """A desa or kelurahan: where a village visit records its backlog.

    ``head_weekly`` / ``head_overrides`` say when the village head (or deputy) can attend;
    a village with neither can never be visited.
    """

    code: str
    name: str
    district: str
    kind: str
    lat: float
    lon: float
    obliged: int
    backlog: int
    preregistered: int | None = None
    head_weekly: tuple[WeeklyWindow, ...] = ()
    head_overrides: tuple[DateOverride, ...] = ()

    def __post_init__(self) -> None:
        _check(bool(self.code), "village without a code")
        _check(self.kind in ("desa", "kelurahan"), f"{self.code}: bad kind {self.kind!r}")
        _check(self.obliged >= 0 and self.backlog >= 0, f"{self.code}: negative count")
        _check(
            self.preregistered is None or self.preregistered >= 0,
            f"{self.code}: negative preregistered",
        )

    @property
    def site_id(self) -> str:
        """The plan's id for this site."""
        return f"{SiteKind.VILLAGE}:{self.code}"

    def head_windows_on(self, date: dt.date) -> tuple[TimeWindow, ...]:
        """When the head can attend on ``date``: a date override wins over weekly rows."""
        overrides = [o for o in self.head_overrides if o.date == date]
        if overrides:
            return tuple(
                sorted(o.window for o in overrides if o.available and o.window is not None)
                if any(o.available for o in overrides)
                else ()
            )
        return tuple(sorted(w.window for w in self.head_weekly if w.weekday == date.weekday()))


@dataclass(frozen=True, slots=True)
class School:
    """A high school (SMA/SMK/MA/SLB) whose unrecorded students are recorded in school hours."""

    npsn: str
    name: str
    village_code: str
    lat: float
    lon: float
    students: int
    printable: int | None = None
    hours: TimeWindow = TimeWindow(7 * 60 + 30, 13 * 60)
    days: frozenset[int] = frozenset(range(5))
    closed: frozenset[dt.date] = frozenset()
    location_approximate: bool = False

    def __post_init__(self) -> None:
        _check(bool(self.npsn), "school without an npsn")
        _check(self.students >= 0, f"{self.npsn}: negative students")
        _check(
            self.printable is None or 0 <= self.printable <= self.students,
            f"{self.npsn}: printable must lie in 0..students",
        )
        _check(self.days <= frozenset(WEEKDAYS), f"{self.npsn}: bad days")

    @property
    def site_id(self) -> str:
        """The plan's id for this site."""
        return f"{SiteKind.SCHOOL}:{self.npsn}"

    def open_on(self, date: dt.date) -> bool:
        """True when the school is open on ``date`` (holidays are the calendar's business)."""
        return date.weekday() in self.days and date not in self.closed


@dataclass(frozen=True, slots=True)
class Homebound:
    """A resident recorded at home. ``name`` and ``nik`` are personal data (see README)."""

    id: str
    category: HomeboundCategory
    village_code: str
    lat: float
    lon: float
    location_from_village: bool = False
    window: TimeWindow | None = None
    companion: str | None = None
    name: str | None = field(default=None, repr=False)
    nik: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        _check(bool(self.id), "homebound resident without an id")

    @property
    def site_id(self) -> str:
        """The plan's id for this site (never the name or NIK)."""
        return f"{SiteKind.HOMEBOUND}:{self.id}"

    @property
    def nik_masked(self) -> str | None:
        """The NIK with all but its first 6 digits (the region) masked."""
        if not self.nik:
            return None
        return self.nik[:6] + "*" * max(0, len(self.nik) - 6)


@dataclass(frozen=True, slots=True)
class Shift:
    """A team's working hours on some weekdays (a team may have several shifts)."""

    weekdays: frozenset[int]
    hours: TimeWindow

    def __post_init__(self) -> None:
        _check(bool(self.weekdays) and self.weekdays <= frozenset(WEEKDAYS), "bad shift days")


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
        _check(bool(self.id), "team without an id")
        _check(self.kits >= 1, f"team {self.id}: kits must be at least 1")
        _check(bool(self.shifts), f"team {self.id}: no working hours")
        for i, a in enumerate(self.shifts):
            for b in self.shifts[i + 1 :]:
                _check(not (a.weekdays & b.weekdays), f"team {self.id}: two shifts on one day")

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


DEFAULT_WEIGHTS: Mapping[SiteKind, float] = MappingProxyType(
    {SiteKind.VILLAGE: 1.0, SiteKind.SCHOOL: 1.5, SiteKind.HOMEBOUND: 3.0}
)


DEFAULT_SPEEDS_KMH: Mapping[VehicleProfile, float] = MappingProxyType(
    {VehicleProfile.CAR: 35.0, VehicleProfile.MOTORBIKE: 40.0}
)
"""Straight-line fallback speeds; with the 1.4 detour factor about 25 km/h as the crow flies
for a car in hill country."""


@dataclass(frozen=True, slots=True)
class Settings:
    """District settings from ``planner.toml`` with the SPEC's defaults."""

    name: str
    office_name: str
    office_lat: float
    office_lon: float
    timezone: str = "Asia/Jakarta"
    recording_minutes: float = 6.0
    setup_minutes: int = 20
    print_minutes: float = 2.0
    turnout: float = 0.35
    school_turnout: float = 0.9
    printers: int = 0
    blank_stock: int = 0
    blank_reserve: int = 0
    # default_factory: Python 3.11's dataclasses reject an (unhashable) mappingproxy default.
    weights: Mapping[SiteKind, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    language: str = "id"
    roads: str | None = None
    detour_factor: float = 1.4
    speed_kmh: Mapping[VehicleProfile, float] = field(
        default_factory=lambda: MappingProxyType(
            {VehicleProfile.CAR: 35.0, VehicleProfile.MOTORBIKE: 40.0}
        )
    )
    team_day_capacity: int | None = None
    card_value: float = 0.25
    """Reserved: the value of a printed card on top of the person. Read and validated, but not
    yet used: routes are chosen for people, and cards are then given out by kind weight
    (``solve.extract.assign_printers``)."""

    def __post_init__(self) -> None:
        _check(self.recording_minutes > 0, "recording_minutes must be positive")
        _check(self.setup_minutes >= 0 and self.print_minutes >= 0, "negative minutes")
        _check(0 < self.turnout <= 1 and 0 < self.school_turnout <= 1, "turnout not in (0, 1]")
        _check(self.printers >= 0 and self.blank_stock >= 0, "negative printers or stock")
        _check(self.blank_reserve >= 0, "negative blank_reserve")
        _check(self.language in ("id", "en"), f"bad language {self.language!r}")
        _check(self.detour_factor >= 1.0, "detour_factor below 1")
        _check(set(self.weights) == set(SiteKind), "weights must name every site kind")
        _check(all(w >= 0 for w in self.weights.values()), "negative weight")
        _check(set(self.speed_kmh) == set(VehicleProfile), "speed for every profile")
        _check(all(s > 0 for s in self.speed_kmh.values()), "speeds must be positive")

    @property
    def blank_budget(self) -> int:
        """Cards the teams may print this week: stock minus what the office keeps back."""
        return max(0, self.blank_stock - self.blank_reserve)


def coverage(obliged: int, backlog: int) -> float | None:
    """Recording coverage as the office reports it: recorded ÷ obliged = 1 − backlog ÷ obliged
    (a fraction; None without obliged residents)."""
    if obliged <= 0:
        return None
    return 1.0 - backlog / obliged


def recording_minutes(people: int, kits: int, settings: Settings) -> int:
    """Minutes to record ``people`` with ``kits`` kits (SPEC rule 4), rounded up."""
    return -(-round(people * settings.recording_minutes * 1000) // (kits * 1000))


def stop_minutes(people: int, cards: int, kits: int, settings: Settings) -> int:
    """Least duration of a stop (SPEC rule 4), the one formula solver and checker both obey.

    setup + max(recording, printing): one printer prints cards back to back, starting when the
    first person's recording is done, so printing adds time only when it outlasts recording.
    """
    record = recording_minutes(people, kits, settings)
    printing = 0
    if cards > 0:
        printing = -(
            -round((settings.recording_minutes + cards * settings.print_minutes) * 1000) // 1000
        )
    return settings.setup_minutes + max(record, printing)


@dataclass(frozen=True, slots=True)
class District:
    """Everything the planner knows about one district, validated and cross-referenced."""

    settings: Settings
    villages: tuple[Village, ...]
    schools: tuple[School, ...] = ()
    homebound: tuple[Homebound, ...] = ()
    teams: tuple[Team, ...] = ()
    holidays: tuple[Holiday, ...] = ()
    inputs_sha256: str = ""
    boundaries_path: str | None = None
    # Lookups built once here: the solver and the renderers ask for sites by id in loops.
    _villages_by_code: Mapping[str, Village] = field(init=False, repr=False, compare=False)
    _sites_by_id: Mapping[str, Village | School | Homebound] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_code = {v.code: v for v in self.villages}
        _check(len(by_code) == len(self.villages), "duplicate village code")
        object.__setattr__(self, "_villages_by_code", MappingProxyType(by_code))
        object.__setattr__(
            self, "_sites_by_id", MappingProxyType({s.site_id: s for s in self.sites()})
        )
        known = by_code.keys()
        for s in self.schools:
            _check(s.village_code in known, f"school {s.npsn}: unknown village {s.village_code}")
        for h in self.homebound:
            _check(h.village_code in known, f"homebound {h.id}: unknown village")
        for label, ids in (
            ("school", [s.npsn for s in self.schools]),
            ("homebound", [h.id for h in self.homebound]),
            ("team", [t.id for t in self.teams]),
        ):
            _check(len(set(ids)) == len(ids), f"duplicate {label} id")

    def village(self, code: str) -> Village:
        """The village with ``code`` (KeyError when unknown)."""
        return self._villages_by_code[code]

    def sites(self) -> Iterator[Village | School | Homebound]:
        """Every site in a stable order: villages, schools, homebound residents."""
        yield from self.villages
        yield from self.schools
        yield from self.homebound

    def site_index(self) -> Mapping[str, Village | School | Homebound]:
        """Sites by site id (read-only, built once)."""
        return self._sites_by_id

    def is_holiday(self, date: dt.date) -> bool:
        """True when no team works on ``date``."""
        return any(h.date == date for h in self.holidays)


# --------------------------------------------------------------------------------------------
# The plan


@dataclass(frozen=True, slots=True)
class Stop:
    """One visit of a route: ``start``..``end`` is the time on site, ``arrive`` ≤ ``start``."""

    site: str
    kind: SiteKind
    arrive: Minutes
    start: Minutes
    end: Minutes
    people: int
    cards: int

    def __post_init__(self) -> None:
        _check(self.site.startswith(f"{self.kind}:"), f"site {self.site} is not a {self.kind}")
        _check(self.arrive <= self.start <= self.end, f"{self.site}: times out of order")
        _check(0 <= self.cards <= self.people, f"{self.site}: cards must lie in 0..people")


@dataclass(frozen=True, slots=True)
class Route:
    """One team's day: leaves its base at ``depart``, visits ``stops`` in order, back at
    ``return_``."""

    team: str
    date: dt.date
    printer: bool
    blanks: int
    depart: Minutes
    return_: Minutes
    travel_minutes: int
    distance_km: float
    stops: tuple[Stop, ...]

    def __post_init__(self) -> None:
        _check(self.depart <= self.return_, f"{self.team} {self.date}: returns before departing")
        _check(self.printer or self.blanks == 0, f"{self.team} {self.date}: blanks, no printer")
        _check(self.blanks >= sum(s.cards for s in self.stops), "fewer blanks than cards")

    @property
    def people(self) -> int:
        """People expected on this route."""
        return sum(s.people for s in self.stops)

    @property
    def cards(self) -> int:
        """Cards printed on this route."""
        return sum(s.cards for s in self.stops)


@dataclass(frozen=True, slots=True)
class Unserved:
    """A site with backlog that no route visits, and why (in the plan's language)."""

    site: str
    backlog: int
    reason: str
    reason_code: str


@dataclass(frozen=True, slots=True)
class SolverInfo:
    """How the plan was made, so the same run can be repeated."""

    engine: str
    time_limit_s: float
    seed: int
    solution_limit: int | None = None
    stopped_by: str = ""
    objective: int | None = None


@dataclass(frozen=True, slots=True)
class Totals:
    """The week's totals, derived from the routes."""

    people: int
    cards: int
    distance_km: float
    weighted_people: float


@dataclass(frozen=True, slots=True)
class Plan:
    """A week's plan (schema ``planner.plan/1``): routes, unserved sites and totals."""

    district: str
    week: str
    inputs_sha256: str
    solver: SolverInfo
    routes: tuple[Route, ...]
    unserved: tuple[Unserved, ...]
    totals: Totals
    language: str = "id"
    travel_source: str = "estimate"
    version: int = 1
    based_on: str | None = None

    SCHEMA = "planner.plan/1"

    def __post_init__(self) -> None:
        keys = [(r.team, r.date) for r in self.routes]
        _check(len(set(keys)) == len(keys), "two routes for one team on one date")
        _check(self.totals.people == sum(r.people for r in self.routes), "totals.people")
        _check(self.totals.cards == sum(r.cards for r in self.routes), "totals.cards")

    def stops(self) -> Iterator[tuple[Route, Stop]]:
        """Every stop with its route, in route order."""
        for route in self.routes:
            for stop in route.stops:
                yield route, stop


def totals_of(routes: tuple[Route, ...], weights: Mapping[SiteKind, float]) -> Totals:
    """Totals of ``routes``: the one place they are summed."""
    return Totals(
        people=sum(r.people for r in routes),
        cards=sum(r.cards for r in routes),
        distance_km=round(sum(r.distance_km for r in routes), 1),
        weighted_people=round(sum(weights[s.kind] * s.people for r in routes for s in r.stops), 2),
    )
