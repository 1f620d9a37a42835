"""District + week → a ``CoreProblem``: the modelling decisions of the weekly plan live here.

- Vehicles are team-days on one time axis: minutes since Monday 00:00 of the week.
- A site's expected people (pre-registered count, else turnout × backlog) are split into
  visit chunks of about ``CHUNK_PEOPLE``; chunk k is worth a little less than chunk k−1 so the
  solver fills the first one first, and consecutive chunks on one route pay one setup.
- Service time depends on the team's kits (per vehicle class: the transit of a class adds
  its own service), and so does the latest start of a chunk in a window. One node per chunk
  still gets exact window ends for every class: each (day, vehicle class) has its own day on
  the time axis (``axis_minute``), and a node's windows on a class's days end where that
  class's service must start. A vehicle only ever sees its own day. A chunk's penalty is its
  value (weight × people); half the nodes of one copy per kit count, the same plans.
- Every duration reserves time to print a card for every person (printing overlaps recording,
  see ``model.stop_minutes``), so any printer assignment chosen afterwards stays feasible.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from planner.calendar import team_days
from planner.model import (
    District,
    Settings,
    Site,
    SiteKind,
    Stop,
    Team,
    TimeWindow,
    VehicleProfile,
    recording_minutes,
)
from planner.solve.problem import CoreGroup, CoreNode, CoreProblem, CoreVehicle
from planner.travel import LatLon, Matrices, TravelModel

DAY = 24 * 60
CHUNK_PEOPLE = 20
VALUE_SCALE = 1000
"""Objective units per weighted person; travel costs ``KM_COST`` units per km."""
KM_COST = 10
CHUNK_DECAY = 0.03
LOCKED_PENALTY = 10**12
"""Dropping a stop already promised to a village head costs more than any plan gains."""
LOCKED_SITE_BASE = -(10**6)


@dataclass(frozen=True, slots=True)
class TeamDay:
    """One routing vehicle: a team working on a date."""

    team: Team
    date: dt.date
    hours: TimeWindow
    day_index: int
    vclass: int
    base: int


@dataclass(frozen=True, slots=True)
class Visit:
    """One routing node: a chunk of a site's expected people."""

    site: str
    kind: SiteKind
    chunk: int
    people: int
    point: int
    locked: Stop | None = None
    """For a stop kept from an earlier plan (replan): the stop, whose times must not move."""


@dataclass(slots=True)
class WeekModel:
    """The built problem and what is needed to read its solution back."""

    core: CoreProblem
    visits: list[Visit]
    team_days: list[TeamDay]
    points: list[LatLon]
    matrices: dict[VehicleProfile, Matrices]
    leg_minutes: dict[VehicleProfile, npt.NDArray[np.int64]]
    """Whole minutes between points as the search sees them (rounded up; an unreachable pair
    takes longer than any day): re-timing and the unserved reasons use these, never the
    float matrices, so all three agree and none meets an infinity."""
    vclasses: list[tuple[VehicleProfile, int]]
    site_points: dict[str, int]
    dates: list[dt.date] = field(default_factory=list)


def axis_minute(td: TeamDay, minute: int, classes: int) -> int:
    """``minute`` (since midnight) of ``td``'s date on the search's time axis, where each
    (day, vehicle class) has a day of its own: day-major, so a later axis time is a later or
    equal date (``classes``: how many vehicle classes the week has)."""
    return ((td.day_index * classes + td.vclass) * DAY) + minute


def service_minutes(people: int, kits: int, settings: Settings) -> int:
    """A chunk's service time after setup: recording, or printing a card for each if longer."""
    printing = math.ceil(settings.recording_minutes + people * settings.print_minutes)
    return max(recording_minutes(people, kits, settings), printing)


def _chunks(total: int, size: int) -> list[int]:
    count = max(1, math.ceil(total / size))
    base, extra = divmod(total, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def build_week(
    district: District,
    dates: Sequence[dt.date],
    travel: TravelModel,
    *,
    teams: Sequence[str] | None = None,
    seed: int = 0,
    value_boost: Mapping[str, float] | None = None,
    chunk_people: int = CHUNK_PEOPLE,
    vehicles: Sequence[tuple[Team, dt.date, TimeWindow]] | None = None,
    already: Mapping[str, int] | None = None,
    locked: Mapping[tuple[str, dt.date], Sequence[Stop]] | None = None,
    exclude: frozenset[str] = frozenset(),
) -> WeekModel:
    """Build the routing problem for ``dates`` (a week); ``teams`` filters team ids.

    For a replan: ``vehicles`` replaces the calendar's team-days, ``already`` holds people
    planned elsewhere (kept stops) per site id, ``locked`` the stops each team-day keeps
    at their times, and ``exclude`` the site ids not to visit (cancelled).
    """
    selected = [
        (team, date, hours)
        for team, date, hours in (
            vehicles if vehicles is not None else team_days(district, list(dates))
        )
        if teams is None or team.id in teams
    ]
    points, base_index, site_points = _points(district, selected)
    vclasses = sorted({(team.vehicle, team.kits) for team, _, _ in selected})
    profiles = sorted({p for p, _ in vclasses})
    matrices = {p: travel.matrices(points, p) for p in profiles}
    time_by_profile = {p: _int_matrix(matrices[p].minutes, math.ceil) for p in profiles}
    cost_by_profile = {p: _int_matrix(matrices[p].km * KM_COST, round) for p in profiles}
    tdays = [
        TeamDay(
            team=team,
            date=date,
            hours=hours,
            day_index=(date - dates[0]).days,
            vclass=vclasses.index((team.vehicle, team.kits)),
            base=base_index[(team.base_lat, team.base_lon)],
        )
        for team, date, hours in selected
    ]
    nodes = _Nodes()
    visit = _SiteVisits(district, tdays, vclasses, site_points, value_boost or {}, already or {})
    visit.add_sites(nodes, seed, chunk_people, exclude)
    pinned = _add_locked(nodes, district.settings, tdays, vclasses, site_points, locked or {})
    core = CoreProblem(
        time=[time_by_profile[p] for p, _ in vclasses],
        cost=[cost_by_profile[p] for p, _ in vclasses],
        nodes=nodes.nodes,
        groups=nodes.groups,
        vehicles=_vehicles(tdays, district.settings, len(vclasses)),
        pinned=pinned,
    )
    return WeekModel(
        core=core,
        visits=nodes.visits,
        team_days=tdays,
        points=points,
        matrices=matrices,
        leg_minutes=time_by_profile,
        vclasses=vclasses,
        site_points=site_points,
        dates=list(dates),
    )


Selected = Sequence[tuple[Team, dt.date, TimeWindow]]
"""The week's vehicles: (team, date, working hours)."""


def _points(
    district: District, selected: Selected
) -> tuple[list[LatLon], dict[LatLon, int], dict[str, int]]:
    """Points: team bases first, then every site (sites may share coordinates); the index of
    each base and each site's point."""
    points: list[LatLon] = []
    base_index: dict[LatLon, int] = {}
    for team, _, _ in selected:
        key = (team.base_lat, team.base_lon)
        if key not in base_index:
            base_index[key] = len(points)
            points.append(key)
    site_points: dict[str, int] = {}
    for site in district.sites():
        site_points[site.site_id] = len(points)
        points.append((site.lat, site.lon))
    return points, base_index, site_points


def _vehicles(tdays: Sequence[TeamDay], settings: Settings, classes: int) -> list[CoreVehicle]:
    """One core vehicle per team-day, its hours on its (day, class)'s stretch of the axis."""
    return [
        CoreVehicle(
            start_loc=td.base,
            end_loc=td.base,
            vclass=td.vclass,
            earliest=axis_minute(td, td.hours.start, classes),
            latest=axis_minute(td, td.hours.end, classes),
            week_minute=td.day_index * DAY + td.hours.start,
            capacity=settings.team_day_capacity,
        )
        for td in tdays
    ]


@dataclass(slots=True)
class _Nodes:
    """The nodes, groups and visits built so far (node i is visit i)."""

    nodes: list[CoreNode] = field(default_factory=list)
    groups: list[CoreGroup] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _SiteVisits:
    """What turning a site into chunked visit nodes needs."""

    district: District
    tdays: Sequence[TeamDay]
    vclasses: Sequence[tuple[VehicleProfile, int]]
    site_points: Mapping[str, int]
    boost: Mapping[str, float]
    done: Mapping[str, int]

    def add_sites(self, out: _Nodes, seed: int, chunk_people: int, exclude: frozenset[str]) -> None:
        """Every site's chunks, in site order (shuffled by a non-zero ``seed``: another
        search path, the same model)."""
        sites = list(self.district.sites())
        if not self.tdays:
            return  # no team works: nothing can be visited
        rng = random.Random(seed)
        order = list(range(len(sites)))
        if seed:
            rng.shuffle(order)
        for site_no in order:
            site = sites[site_no]
            if site.site_id in exclude:
                continue
            self.add_site(out, site, site_no, chunk_people)

    def add_site(self, out: _Nodes, site: Site, site_no: int, chunk_people: int) -> None:
        """A site's chunks, one node each (a homebound resident: one chunk of one)."""
        settings = self.district.settings
        people = max(0, site.expected_people(settings) - self.done.get(site.site_id, 0))
        if people == 0:
            return
        kind = site.site_kind
        weight = settings.weights[kind] * self.boost.get(site.site_id, 1.0)
        sizes = [1] if kind is SiteKind.HOMEBOUND else _chunks(people, chunk_people)
        open_on = [working_windows(site, td) for td in self.tdays]  # once for all chunks
        for chunk, size in enumerate(sizes):
            node = self._node(site_no, self.site_points[site.site_id], size, open_on)
            if node is None:
                continue
            value = weight * size * max(0.5, 1.0 - CHUNK_DECAY * chunk)
            out.groups.append(CoreGroup((len(out.nodes),), max(1, round(VALUE_SCALE * value))))
            out.visits.append(
                Visit(site.site_id, kind, chunk, size, self.site_points[site.site_id])
            )
            out.nodes.append(node)

    def _node(
        self, site_no: int, point: int, size: int, open_on: Sequence[Sequence[TimeWindow]]
    ) -> CoreNode | None:
        """The node of a chunk of ``size`` people: per class its service, on each class's
        days the windows where that class's service fits (``open_on``: the site's working
        windows per team-day); None when no team-day can."""
        settings = self.district.settings
        services = tuple(service_minutes(size, k, settings) for _, k in self.vclasses)
        allowed: list[int] = []
        windows: set[tuple[int, int]] = set()
        for v, td in enumerate(self.tdays):
            service = services[td.vclass]
            day_windows = _usable(
                open_on[v], td, settings.setup_minutes, service, len(self.vclasses)
            )
            if day_windows:
                allowed.append(v)
                windows.update(day_windows)
        if not allowed:
            return None
        return CoreNode(
            loc=point,
            site=site_no,
            service=services,
            windows=tuple(sorted(windows)),
            entry=settings.setup_minutes,
            allowed_vehicles=tuple(allowed),
            demand=size,
        )


def _add_locked(
    out: _Nodes,
    settings: Settings,
    tdays: Sequence[TeamDay],
    vclasses: Sequence[tuple[VehicleProfile, int]],
    site_points: Mapping[str, int],
    locked: Mapping[tuple[str, dt.date], Sequence[Stop]],
) -> list[list[int]]:
    """A pinned node per kept stop (replan), on its team-day at its time; the pinned nodes
    of each vehicle."""
    pinned: list[list[int]] = [[] for _ in tdays]
    for v, td in enumerate(tdays):
        for stop in sorted(locked.get((td.team.id, td.date), ()), key=lambda x: x.start):
            fixed = axis_minute(td, stop.start + settings.setup_minutes, len(vclasses))
            span = stop.end - stop.start - settings.setup_minutes
            pinned[v].append(len(out.nodes))
            out.groups.append(CoreGroup((len(out.nodes),), LOCKED_PENALTY))
            out.visits.append(
                Visit(stop.site, stop.kind, -1, stop.people, site_points[stop.site], stop)
            )
            out.nodes.append(
                CoreNode(
                    loc=site_points[stop.site],
                    site=LOCKED_SITE_BASE - len(out.nodes),
                    service=tuple(span for _ in vclasses),
                    windows=((fixed, fixed),),
                    entry=settings.setup_minutes,
                    allowed_vehicles=(v,),
                    demand=stop.people,
                )
            )
    return pinned


def working_windows(site: Site, td: TeamDay) -> list[TimeWindow]:
    """The site's windows on ``td``'s date clipped to the team's hours (empty ones dropped):
    when that team can be on site that day. The builder, re-timing and the unserved reasons
    all use this one definition."""
    clipped = []
    for window in site.windows_on(td.date):
        start, end = max(window.start, td.hours.start), min(window.end, td.hours.end)
        if start < end:
            clipped.append(TimeWindow(start, end))
    return clipped


def _usable(
    windows: Sequence[TimeWindow], td: TeamDay, setup: int, service: int, classes: int
) -> list[tuple[int, int]]:
    """Cumul intervals (service start) on ``td``'s day of the axis where a chunk fits one of
    ``windows`` (the site's, clipped to the team's hours: ``working_windows``)."""
    return [
        (axis_minute(td, w.start + setup, classes), axis_minute(td, w.end - service, classes))
        for w in windows
        if w.start + setup <= w.end - service
    ]


def _int_matrix(values: np.ndarray, rounding: object) -> npt.NDArray[np.int64]:
    """Finite integer matrix (numpy: a 2,500-site week would need gigabytes as Python lists);
    unreachable pairs get a time no day can absorb."""
    finite = np.where(np.isfinite(values), values, 10 * DAY)
    ints = np.ceil(finite - 1e-9) if rounding is math.ceil else np.rint(finite)
    return ints.astype(np.int64)
