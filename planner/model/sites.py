"""Sites a team visits: villages, schools and homebound residents, behind one ``Site``
interface so that callers ask a site (its people limit, its windows on a date, its kind)
instead of switching on its class."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, Protocol

from planner.model.base import (
    WEEKDAYS,
    DateOverride,
    HomeboundCategory,
    SiteKind,
    TimeWindow,
    WeeklyWindow,
    require,
)
from planner.model.contacts import Contact
from planner.model.settings import Settings

LimitBasis = Literal["preregistered", "backlog", "students", "resident"]
"""What a site's people limit is: named in messages ("more than the backlog 43")."""

WHOLE_DAY = TimeWindow(0, 24 * 60)
SCHOOL_HOURS = TimeWindow(7 * 60 + 30, 13 * 60)
"""School hours when ``sekolah.csv`` gives none."""


class Site(Protocol):
    """What every site answers, whatever its kind."""

    @property
    def site_id(self) -> str:
        """``kind:id``, the plan's id for the site (never a resident's name or NIK)."""

    @property
    def site_kind(self) -> SiteKind:
        """Village, school or homebound resident."""

    @property
    def village_code(self) -> str:
        """The village whose coverage the site counts toward."""

    @property
    def lat(self) -> float:
        """Latitude of the visit point."""

    @property
    def lon(self) -> float:
        """Longitude of the visit point."""

    @property
    def backlog(self) -> int:
        """Unrecorded people shown for the site (village backlog, students, one resident)."""

    @property
    def people_limit(self) -> int:
        """The most people a week may plan at the site (SPEC rule 5)."""

    @property
    def limit_basis(self) -> LimitBasis:
        """What ``people_limit`` is."""

    @property
    def card_limit(self) -> int | None:
        """The most cards a week may print at the site when a rule of its own caps them
        (a school's printable students, one resident); None: only its people do."""

    @property
    def ever_available(self) -> bool:
        """False when no input row ever makes the site available (a village head with no
        hours at all)."""

    def expected_people(self, settings: Settings) -> int:
        """People expected over a week."""

    def windows_on(self, date: dt.date) -> tuple[TimeWindow, ...]:
        """When a visit may take place on ``date`` (holidays and team hours apart)."""


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
    head_contacts: tuple[Contact, ...] = ()
    """Whom to call about a visit (kepala desa, lurah, kasi pemerintahan), in table order."""
    recorded: int = 0
    """People the campaign recorded at the village's sites (itself, its schools, its homebound
    residents) and took off ``backlog`` before this state: the tables' backlog is ``backlog +
    recorded``. 0 in the tables; set by ``planner.ledger.apply_ledger``."""

    def __post_init__(self) -> None:
        require(bool(self.code), "village without a code")
        require(self.recorded >= 0, f"{self.code}: negative recorded")
        require(self.kind in ("desa", "kelurahan"), f"{self.code}: bad kind {self.kind!r}")
        require(self.obliged >= 0 and self.backlog >= 0, f"{self.code}: negative count")
        require(
            self.preregistered is None or self.preregistered >= 0,
            f"{self.code}: negative preregistered",
        )

    @property
    def site_id(self) -> str:
        """The plan's id for this site."""
        return f"{SiteKind.VILLAGE}:{self.code}"

    @property
    def site_kind(self) -> SiteKind:
        """What this site is."""
        return SiteKind.VILLAGE

    @property
    def village_code(self) -> str:
        """The village whose coverage this site counts toward: itself."""
        return self.code

    @property
    def people_limit(self) -> int:
        """The most people a week may plan here (SPEC rule 5): the pre-registered count when
        given, else the backlog."""
        return self.preregistered if self.preregistered is not None else self.backlog

    @property
    def limit_basis(self) -> LimitBasis:
        """What ``people_limit`` is, for messages."""
        return "preregistered" if self.preregistered is not None else "backlog"

    @property
    def card_limit(self) -> int | None:
        """No cap of its own: cards follow the people at each stop."""
        return None

    @property
    def ever_available(self) -> bool:
        """True when the head has weekly hours or an available date."""
        return bool(self.head_weekly) or any(o.available for o in self.head_overrides)

    def expected_people(self, settings: Settings) -> int:
        """People expected over the week: the pre-registered count, else turnout × backlog."""
        if self.backlog == 0:
            return 0
        if self.preregistered is not None:
            return min(self.preregistered, self.backlog)
        return max(1, round(settings.turnout * self.backlog))

    def windows_on(self, date: dt.date) -> tuple[TimeWindow, ...]:
        """When a visit can take place on ``date``: when the village head can attend."""
        return self.head_windows_on(date)

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
    hours: TimeWindow = SCHOOL_HOURS
    days: frozenset[int] = frozenset(range(5))
    closed: frozenset[dt.date] = frozenset()
    location_approximate: bool = False
    contact: Contact | None = None
    """Whom to call about a visit (the principal or a teacher), when known."""

    def __post_init__(self) -> None:
        require(bool(self.npsn), "school without an npsn")
        require(self.students >= 0, f"{self.npsn}: negative students")
        require(
            self.printable is None or 0 <= self.printable <= self.students,
            f"{self.npsn}: printable must lie in 0..students",
        )
        require(self.days <= frozenset(WEEKDAYS), f"{self.npsn}: bad days")

    @property
    def site_id(self) -> str:
        """The plan's id for this site."""
        return f"{SiteKind.SCHOOL}:{self.npsn}"

    @property
    def site_kind(self) -> SiteKind:
        """What this site is."""
        return SiteKind.SCHOOL

    @property
    def backlog(self) -> int:
        """The school's unrecorded people: its unrecorded students."""
        return self.students

    @property
    def people_limit(self) -> int:
        """The most people a week may plan here: the unrecorded students."""
        return self.students

    @property
    def limit_basis(self) -> LimitBasis:
        """What ``people_limit`` is, for messages."""
        return "students"

    @property
    def card_limit(self) -> int | None:
        """Students old enough for a card (``printable``), when known."""
        return self.printable

    @property
    def ever_available(self) -> bool:
        """Closures are per date; a school is available on its days."""
        return True

    def expected_people(self, settings: Settings) -> int:
        """People expected over the week: school turnout × unrecorded students."""
        if self.students == 0:
            return 0
        return max(1, round(settings.school_turnout * self.students))

    def windows_on(self, date: dt.date) -> tuple[TimeWindow, ...]:
        """School hours on an open day, nothing on a closed one."""
        return (self.hours,) if self.open_on(date) else ()

    def open_on(self, date: dt.date) -> bool:
        """True when the school is open on ``date`` (holidays are the calendar's business)."""
        return date.weekday() in self.days and date not in self.closed


@dataclass(frozen=True, slots=True)
class Homebound:
    """A resident recorded at home. ``name``, ``nik``, ``address``, ``phone``, the companion
    and ``companion_phone`` are personal data: only the team's own schedule shows them."""

    id: str
    category: HomeboundCategory
    village_code: str
    lat: float
    lon: float
    location_from_village: bool = False
    window: TimeWindow | None = None
    companion: str | None = field(default=None, repr=False)
    name: str | None = field(default=None, repr=False)
    nik: str | None = field(default=None, repr=False)
    address: str | None = field(default=None, repr=False)
    phone: str | None = field(default=None, repr=False)
    companion_phone: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        require(bool(self.id), "homebound resident without an id")

    @property
    def site_id(self) -> str:
        """The plan's id for this site (never the name or NIK)."""
        return f"{SiteKind.HOMEBOUND}:{self.id}"

    @property
    def site_kind(self) -> SiteKind:
        """What this site is."""
        return SiteKind.HOMEBOUND

    @property
    def backlog(self) -> int:
        """One resident to record."""
        return 1

    @property
    def people_limit(self) -> int:
        """One resident."""
        return 1

    @property
    def limit_basis(self) -> LimitBasis:
        """What ``people_limit`` is, for messages."""
        return "resident"

    @property
    def card_limit(self) -> int | None:
        """One card for one resident."""
        return 1

    @property
    def ever_available(self) -> bool:
        """A resident without a window can be seen any time."""
        return True

    def expected_people(self, settings: Settings) -> int:
        """The resident."""
        return 1

    def windows_on(self, date: dt.date) -> tuple[TimeWindow, ...]:
        """The resident's window, else the whole day (team hours clip it)."""
        return (self.window,) if self.window is not None else (WHOLE_DAY,)

    @property
    def nik_masked(self) -> str | None:
        """The NIK with all but its first 6 digits (the region) masked."""
        if not self.nik:
            return None
        return self.nik[:6] + "*" * max(0, len(self.nik) - 6)


AnySite = Village | School | Homebound
"""The concrete site classes (each implements ``Site``)."""
