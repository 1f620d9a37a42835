"""Rule 3: consecutive stops leave room for the travel time between them.

Travel comes from the same ``TravelModel`` the plan was made with, asked once per vehicle
profile for a matrix over every place the plan uses.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from planner.check.common import EPSILON, Violation, at
from planner.model import Plan, Route, Site, Team, VehicleProfile, fmt_hhmm
from planner.travel import LatLon, Matrices, TravelModel

DISTANCE_TOLERANCE_KM = 0.2
DISTANCE_TOLERANCE_SHARE = 0.01


class LegTable:
    """Travel minutes and km between the plan's places, one matrix per vehicle profile.

    Places are team bases (``base:<team>``) and site ids. Matrices are computed once per profile
    over every place the plan uses, not per leg: a road network answers a matrix fast and a
    single pair slowly.
    """

    def __init__(
        self, plan: Plan, travel: TravelModel, sites: Mapping[str, Site], teams: dict[str, Team]
    ):
        self.index: dict[str, int] = {}
        points: list[LatLon] = []
        profiles: set[VehicleProfile] = set()

        def add(place: str, point: LatLon) -> None:
            if place not in self.index:
                self.index[place] = len(points)
                points.append(point)

        for route in plan.routes:
            team = teams.get(route.team)
            if team is None:
                continue  # rule 2 reports it; without a team there is no base or vehicle
            profiles.add(team.vehicle)
            add(_base(team), (team.base_lat, team.base_lon))
            for stop in route.stops:
                site = sites.get(stop.site)
                if site is not None:
                    add(stop.site, (site.lat, site.lon))
        self.matrices: dict[VehicleProfile, Matrices] = {
            profile: travel.matrices(points, profile) for profile in sorted(profiles)
        }

    def leg(self, profile: VehicleProfile, a: str, b: str) -> tuple[float, float] | None:
        """(minutes, km) from place ``a`` to ``b``; None when either place is unknown."""
        if a not in self.index or b not in self.index:
            return None
        m = self.matrices[profile]
        i, j = self.index[a], self.index[b]
        return float(m.minutes[i, j]), float(m.km[i, j])


def rule3_travel(plan: Plan, teams: dict[str, Team], legs: LegTable) -> list[Violation]:
    """Stops in time order, legs long enough, route travel and distance equal to their legs."""
    found = []
    for route in plan.routes:
        found += _stop_times(route)
        team = teams.get(route.team)
        if team is None:
            continue  # rule 2 reports the unknown team
        found += _route_legs(route, team, legs)
    return found


def _stop_times(route: Route) -> list[Violation]:
    """Each stop arrives before it starts and ends after it starts."""
    found = []
    for stop in route.stops:
        if stop.arrive > stop.start:
            found.append(
                at(
                    3,
                    route,
                    f"{stop.site} arrives {fmt_hhmm(stop.arrive)}, after it starts "
                    f"{fmt_hhmm(stop.start)}",
                    stop.site,
                )
            )
        if stop.start > stop.end:
            found.append(
                at(
                    3,
                    route,
                    f"{stop.site} ends {fmt_hhmm(stop.end)}, before it starts "
                    f"{fmt_hhmm(stop.start)}",
                    stop.site,
                )
            )
    return found


def _route_legs(route: Route, team: Team, legs: LegTable) -> list[Violation]:
    """Every leg of ``route`` leaves room for its travel; then the route's sums of its legs."""
    found = []
    # The route as legs: leg i goes from places[i] (left at leaves[i]) to places[i + 1]
    # (reached at arrives[i]).
    base = _base(team)
    places = [base] + [s.site for s in route.stops] + [base]
    leaves = [route.depart] + [s.end for s in route.stops]
    arrives = [s.arrive for s in route.stops] + [route.return_]
    leave_labels = ["depart base"] + [f"leave {s.site}" for s in route.stops]
    arrive_labels = [f"arrive {s.site}" for s in route.stops] + ["return to base"]
    sum_minutes = 0
    sum_km = 0.0
    sums_known = True
    for i in range(len(places) - 1):
        leg = legs.leg(team.vehicle, places[i], places[i + 1])
        concerned = places[i + 1] if places[i + 1] != base else places[i]
        site = None if concerned == base else concerned
        if leg is None:
            sums_known = False  # an unknown site: rule 1 reports it
            continue
        minutes, km = leg
        if not (math.isfinite(minutes) and math.isfinite(km)):
            found.append(
                at(
                    3,
                    route,
                    f"no road from {_place(places[i])} to {_place(places[i + 1])} "
                    f"for a {team.vehicle}",
                    site,
                )
            )
            sums_known = False
            continue
        # For whole minutes, gap >= minutes - ε is the same as gap >= ceil(minutes - ε):
        # the solver's rounded-up leg.
        whole_minutes = math.ceil(minutes - EPSILON)
        sum_minutes += whole_minutes
        sum_km += km
        if arrives[i] + EPSILON < leaves[i] + minutes:
            found.append(
                at(
                    3,
                    route,
                    f"{fmt_hhmm(leaves[i])} {leave_labels[i]} → {fmt_hhmm(arrives[i])} "
                    f"{arrive_labels[i]}, but travel takes {whole_minutes} min",
                    site,
                )
            )
    if sums_known:
        found += _route_sums(route, len(places) - 1, sum_minutes, sum_km)
    return found


def _route_sums(route: Route, n_legs: int, sum_minutes: int, sum_km: float) -> list[Violation]:
    """The route's travel_minutes and distance_km agree with its legs (within tolerance)."""
    found = []
    if abs(route.travel_minutes - sum_minutes) > n_legs:
        found.append(
            at(
                3,
                route,
                f"travel_minutes is {route.travel_minutes} but its {n_legs} legs take "
                f"{sum_minutes} min",
                None,
            )
        )
    allowed_km = DISTANCE_TOLERANCE_KM + DISTANCE_TOLERANCE_SHARE * sum_km
    if abs(route.distance_km - sum_km) > allowed_km:
        found.append(
            at(
                3,
                route,
                f"distance_km is {route.distance_km:.1f} but its {n_legs} legs add up to "
                f"{sum_km:.1f} km",
                None,
            )
        )
    return found


def _base(team: Team) -> str:
    return f"base:{team.id}"


def _place(place: str) -> str:
    return "base" if place.startswith("base:") else place
