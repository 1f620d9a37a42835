"""Core solution → timed ``Route`` objects: draft stops, then exact times.

1. ``draft_routes``: consecutive chunks of one site on a route become one stop.
2. (Printers and cards are chosen between the two steps by ``planner.solve.printers``, then
   ``planner.solve.visits`` merges a site's visits split by another stop where they fit.)
3. ``build_routes``: each route is re-timed from the team's start with the exact SPEC rule-4
   durations (``stop_minutes``): earliest start inside a window, the departure pushed as late
   as the first stop allows. The routing model reserved at least these durations, so this never
   fails; if it ever did (a modelling gap), the repair drops the smallest trailing chunk until
   the route fits, rather than emit a plan that breaks a rule.

``fit_window`` is shared with ``explain`` (the same start rule for the unserved reasons).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planner.model import (
    BoatLine,
    District,
    Route,
    SiteKind,
    Stop,
    TimeWindow,
    stop_minutes,
)
from planner.solve.build import TeamDay, WeekModel, working_windows
from planner.solve.problem import CoreSolution
from planner.travel import Matrices


@dataclass(slots=True)
class DraftStop:
    """A stop before times are fixed: site, people per chunk, cards."""

    site: str
    kind: SiteKind
    point: int
    chunks: list[int]
    cards: int = 0
    locked: Stop | None = None

    @property
    def people(self) -> int:
        """People expected at this stop."""
        return sum(self.chunks)


def draft_routes(model: WeekModel, solution: CoreSolution) -> list[list[DraftStop]]:
    """Group each vehicle's visited nodes into stops (consecutive chunks of a site merge)."""
    drafts: list[list[DraftStop]] = []
    for route in solution.routes:
        stops: list[DraftStop] = []
        for node, _ in route:
            visit = model.visits[node]
            last = stops[-1] if stops else None
            if last and last.site == visit.site and not last.locked and not visit.locked:
                last.chunks.append(visit.people)
            else:
                stops.append(
                    DraftStop(
                        visit.site, visit.kind, visit.point, [visit.people], locked=visit.locked
                    )
                )
        drafts.append(stops)
    return drafts


def fit_window(windows: Sequence[TimeWindow], earliest: int, duration: int) -> int | None:
    """Earliest start ≥ ``earliest`` with [start, start + duration] inside one window."""
    for window in windows:
        start = max(earliest, window.start)
        if start + duration <= window.end:
            return start
    return None


@dataclass(slots=True)
class _Driven:
    """What a route's legs add up to, leg by leg: whole minutes, km, and estimated km."""

    leg_minutes: npt.NDArray[np.int64]
    matrices: Matrices
    minutes: int = 0
    km: float = 0.0
    estimated_km: float = 0.0

    def add(self, a: int, b: int) -> int:
        """Count the leg from point ``a`` to ``b``; its whole minutes."""
        leg = int(self.leg_minutes[a][b])
        km = float(self.matrices.km[a][b])
        self.minutes += leg
        self.km += km
        if self.matrices.is_estimated(a, b):
            self.estimated_km += km
        return leg


@dataclass(slots=True)
class _Timed:
    """A route's stops with times, its departure and return, and what its legs add up to."""

    stops: list[Stop]
    depart: int
    back: int
    driven: _Driven
    return_estimated: bool
    return_boat: tuple[BoatLine, ...]


def boat_lines(matrices: Matrices, i: int, j: int, leg_start: int) -> tuple[BoatLine, ...]:
    """The crossings of the leg from point ``i`` to ``j`` leaving at ``leg_start``, as schedule
    lines. Rounded down, so they always fit inside the leg's whole minutes."""
    return tuple(
        BoatLine(
            hop.crossing,
            leg_start + math.floor(hop.reach + hop.wait),
            leg_start + math.floor(hop.reach + hop.wait + hop.sail),
        )
        for hop in matrices.boats.get((i, j), ())
    )


def _timed(
    district: District, model: WeekModel, td: TeamDay, stops: list[DraftStop]
) -> _Timed | None:
    """Times for ``stops`` on ``td``; None if they do not fit."""
    settings = district.settings
    sites = district.site_index()
    matrices = model.matrices[td.team.vehicle]
    driven = _Driven(model.leg_minutes[td.team.vehicle], matrices)
    clock = td.hours.start
    here = td.base
    timed: list[Stop] = []
    for stop in stops:
        arrive = clock + driven.add(here, stop.point)
        if stop.locked is not None:
            duration = stop.locked.end - stop.locked.start
            windows = [TimeWindow(stop.locked.start, stop.locked.end)]
        else:
            duration = stop_minutes(stop.people, stop.cards, td.team.kits, settings)
            windows = working_windows(sites[stop.site], td)
        start = fit_window(windows, arrive, duration)
        if start is None:
            return None
        timed.append(
            Stop(
                stop.site,
                stop.kind,
                arrive,
                start,
                start + duration,
                stop.people,
                stop.cards,
                estimated=matrices.is_estimated(here, stop.point),
                boat=boat_lines(matrices, here, stop.point, clock),
            )
        )
        clock = start + duration
        here = stop.point
    back = clock + driven.add(here, td.base)
    if back > td.hours.end:
        return None
    depart = td.hours.start
    if timed:
        first = timed[0]
        first_leg = first.arrive - td.hours.start
        depart = first.start - first_leg
        boat = boat_lines(matrices, td.base, stops[0].point, depart)
        timed[0] = dataclasses.replace(first, arrive=first.start, boat=boat)
    return _Timed(
        timed,
        depart,
        back,
        driven,
        matrices.is_estimated(here, td.base),
        boat_lines(matrices, here, td.base, clock),
    )


def route_fits(district: District, model: WeekModel, td: TeamDay, stops: list[DraftStop]) -> bool:
    """True when ``stops`` (with their cards) fit ``td`` with the exact rule-4 durations."""
    return _timed(district, model, td, stops) is not None


def build_routes(
    district: District, model: WeekModel, drafts: list[list[DraftStop]], printers: list[bool]
) -> tuple[list[Route], int]:
    """Timed routes for every team-day with stops; also how many chunks repair dropped."""
    routes: list[Route] = []
    dropped = 0
    for td, stops, printer in zip(model.team_days, drafts, printers, strict=True):
        stops = [
            DraftStop(s.site, s.kind, s.point, list(s.chunks), s.cards, s.locked) for s in stops
        ]
        result = _timed(district, model, td, stops)
        while result is None and any(not s.locked for s in stops):
            # Repair: drop the smallest chunk of the last free stop (never expected to run).
            last = next(s for s in reversed(stops) if not s.locked)
            last.chunks.pop()
            dropped += 1
            last.cards = min(last.cards, last.people)
            if not last.chunks:
                stops.remove(last)
            result = _timed(district, model, td, stops)
        if result is None or not result.stops:
            continue
        cards = sum(s.cards for s in result.stops)
        routes.append(
            Route(
                team=td.team.id,
                date=td.date,
                printer=printer and cards > 0,
                blanks=cards,
                depart=result.depart,
                return_=result.back,
                travel_minutes=result.driven.minutes,
                distance_km=round(result.driven.km, 1),
                stops=tuple(result.stops),
                estimated_km=round(result.driven.estimated_km, 1),
                return_estimated=result.return_estimated,
                return_boat=result.return_boat,
            )
        )
    routes.sort(key=lambda r: (r.date, r.team))
    return routes, dropped
