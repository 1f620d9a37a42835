"""A week's plan (schema ``planner.plan/1``): routes of stops, unserved sites, totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from planner.model.base import Minutes, SiteKind, TimeWindow, require


@dataclass(frozen=True, slots=True)
class BoatLine:
    """A boat crossing on the way to a stop (or back to base): board and land times."""

    crossing: str
    board: Minutes
    land: Minutes

    def __post_init__(self) -> None:
        require(self.board <= self.land, f"{self.crossing}: lands before boarding")


@dataclass(frozen=True, slots=True)
class Stop:
    """One visit of a route: ``start``..``end`` is the time on site, ``arrive`` ≤ ``start``.

    ``estimated`` says the leg into it is a straight-line estimate (no mapped road); ``boat``
    lists the crossings on that leg.
    """

    site: str
    kind: SiteKind
    arrive: Minutes
    start: Minutes
    end: Minutes
    people: int
    cards: int
    estimated: bool = False
    boat: tuple[BoatLine, ...] = ()

    def __post_init__(self) -> None:
        require(self.site.startswith(f"{self.kind}:"), f"site {self.site} is not a {self.kind}")
        require(self.arrive <= self.start <= self.end, f"{self.site}: times out of order")
        require(0 <= self.cards <= self.people, f"{self.site}: cards must lie in 0..people")


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
    estimated_km: float = 0.0
    """Of ``distance_km``, the km whose legs are straight-line estimates."""
    return_estimated: bool = False
    return_boat: tuple[BoatLine, ...] = ()

    def __post_init__(self) -> None:
        require(self.depart <= self.return_, f"{self.team} {self.date}: returns before departing")
        require(self.printer or self.blanks == 0, f"{self.team} {self.date}: blanks, no printer")
        require(self.blanks >= sum(s.cards for s in self.stops), "fewer blanks than cards")

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
    fallback: str | None = None
    """Set when ``engine`` is not the engine asked for: which one declined and why (written
    to plan.json only then)."""


@dataclass(frozen=True, slots=True)
class Totals:
    """The week's totals, derived from the routes."""

    people: int
    cards: int
    distance_km: float
    weighted_people: float


@dataclass(frozen=True, slots=True)
class RoadJoins:
    """How the week's places met the roads for one vehicle ``profile`` (``travel.mixed``):
    ``direct`` within 1 km, ``by_leg`` by a longer off-network leg (the ``longest``, a place
    id, ``longest_km`` long), ``estimated`` not at all."""

    profile: str
    places: int
    direct: int
    by_leg: int
    estimated: int
    longest: str | None = None
    longest_km: float | None = None


@dataclass(frozen=True, slots=True)
class AddedTeamDay:
    """A team-day the coordinator added with ``replan --add-team-day``: ``team`` works on
    ``date`` within ``hours``, whatever ``tim.csv`` says about that weekday (plan.json keeps
    it, so the checker and the renders know the day exists)."""

    team: str
    date: dt.date
    hours: TimeWindow


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
    road_joins: tuple[RoadJoins, ...] = ()
    version: int = 1
    based_on: str | None = None
    added_team_days: tuple[AddedTeamDay, ...] = ()
    """Team-days beyond the teams' shifts (``replan --add-team-day``), by date and team."""
    data_dir: str | None = None
    """The district folder the plan was made from (absolute), so ``check`` and ``render``
    find its inputs without ``--data``; None in plans from before it was recorded."""

    SCHEMA = "planner.plan/1"

    def __post_init__(self) -> None:
        keys = [(r.team, r.date) for r in self.routes]
        require(len(set(keys)) == len(keys), "two routes for one team on one date")
        require(self.totals.people == sum(r.people for r in self.routes), "totals.people")
        require(self.totals.cards == sum(r.cards for r in self.routes), "totals.cards")

    def team_hours(self, team: str, date: dt.date) -> TimeWindow | None:
        """The hours of an added team-day of ``team`` on ``date`` (None: not added)."""
        for added in self.added_team_days:
            if (added.team, added.date) == (team, date):
                return added.hours
        return None

    def stops(self) -> Iterator[tuple[Route, Stop]]:
        """Every stop with its route, in route order."""
        for route in self.routes:
            for stop in route.stops:
                yield route, stop


def estimated_share(plan: Plan) -> float:
    """The share (0..1) of the plan's driving km that are straight-line estimates (all of
    them in a plan timed without roads, whatever its routes' ``estimated_km`` say)."""
    if plan.travel_source == "estimate":
        return 1.0
    total = sum(r.distance_km for r in plan.routes)
    if total <= 0:
        return 0.0
    return min(1.0, sum(r.estimated_km for r in plan.routes) / total)


def totals_of(routes: tuple[Route, ...], weights: Mapping[SiteKind, float]) -> Totals:
    """Totals of ``routes``: the one place they are summed."""
    return Totals(
        people=sum(r.people for r in routes),
        cards=sum(r.cards for r in routes),
        distance_km=round(sum(r.distance_km for r in routes), 1),
        weighted_people=round(sum(weights[s.kind] * s.people for r in routes for s in r.stops), 2),
    )
