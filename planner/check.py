"""An independent checker of the SPEC's hard rules: does a ``Plan`` obey every one of them?

The solver calls ``check_plan`` before it writes anything (a violation there is a bug) and users
run ``planner check PLAN.json`` on plans they edited or kept. To be a real second opinion it
shares no code with the solver's constraint building: it never imports ``planner.solve`` and
re-derives every window from the District's raw fields, using only the model's helpers that
define what an input means (``Site.windows_on``, ``Site.people_limit``, ``Team.hours_on``,
``stop_minutes``). Each rule is one function that loops over the plan and compares numbers, so
a reader can see it is right.

The checker never trusts the plan's own invariants: a plan may come from a hand-edited file or a
buggy solver, so e.g. ``cards > people`` is checked again although ``Stop`` refuses it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.calendar import Week
from planner.errors import PlanCheckError
from planner.model import (
    AnySite,
    District,
    LimitBasis,
    Plan,
    Route,
    SiteKind,
    Stop,
    Team,
    TimeWindow,
    VehicleProfile,
    fmt_hhmm,
    stop_minutes,
)
from planner.travel import LatLon, Matrices, TravelModel

Site = AnySite

EPSILON = 1e-6
"""Slack for float travel times: the solver rounds each leg up to whole minutes, so a leg of
12.0000000001 min computed over a different point list must not demand 13 min."""

DISTANCE_TOLERANCE_KM = 0.2
DISTANCE_TOLERANCE_SHARE = 0.01
TOTAL_DISTANCE_TOLERANCE_KM = 0.1
TOTAL_WEIGHTED_TOLERANCE = 0.01

_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken hard rule: which rule (SPEC numbering 1–7), where, and what is wrong.

    ``team``/``date`` name the route (or only ``date`` for a per-date rule), ``site`` the site
    concerned; all three are None for a rule over the whole plan.
    """

    rule: int
    team: str | None
    date: dt.date | None
    site: str | None
    message: str

    def __str__(self) -> str:
        return f"rule {self.rule}: {self.where}: {self.message}"

    @property
    def where(self) -> str:
        """``T1 2026-11-30``, ``2026-11-30``, a site id or ``plan``: the line's prefix."""
        parts = []
        if self.team is not None:
            parts.append(self.team)
        if self.date is not None:
            parts.append(self.date.isoformat())
        if parts:
            return " ".join(parts)
        return self.site if self.site is not None else "plan"


def check_plan(plan: Plan, district: District, travel: TravelModel) -> list[Violation]:
    """Every hard-rule violation in ``plan`` against ``district`` (empty list: the plan is valid).

    ``travel`` must be the model the plan was made with (road network or estimate), otherwise
    rule 3 compares against other travel times. Violations come in rule order, then plan order.
    """
    sites = district.site_index()
    teams = {t.id: t for t in district.teams}
    legs = _LegTable(plan, travel, sites, teams)
    found: list[Violation] = []
    found += _rule1_site_windows(plan, district, sites)
    found += _rule2_team_days(plan, district, teams)
    found += _rule3_travel(plan, teams, legs)
    found += _rule4_durations(plan, district, teams)
    found += _rule5_site_caps(plan, sites)
    found += _rule6_printers_and_cards(plan, district, sites)
    found += _rule7_totals(plan, district, sites)
    return found


def require_valid(plan: Plan, district: District, travel: TravelModel) -> None:
    """Raise ``PlanCheckError`` listing every violation; for callers that must not go on."""
    violations = check_plan(plan, district, travel)
    if violations:
        raise PlanCheckError([str(v) for v in violations])


def plan_warnings(plan: Plan, district: District, travel: TravelModel | None = None) -> list[str]:
    """Reasons to doubt the check itself: the plan names another district, the inputs changed
    since it was made, or it used other travel times. Not violations: data moves on.
    """
    warnings = []
    if plan.district != district.settings.name:
        warnings.append(
            f"the plan is for district {plan.district!r} but the data folder is "
            f"{district.settings.name!r}"
        )
    if (
        plan.inputs_sha256
        and district.inputs_sha256
        and plan.inputs_sha256 != district.inputs_sha256
    ):
        warnings.append(
            f"the district's inputs changed since the plan was made (inputs_sha256 "
            f"{plan.inputs_sha256[:12]}… in the plan, {district.inputs_sha256[:12]}… now); "
            "the check uses today's inputs"
        )
    if travel is not None and plan.travel_source != travel.source:
        warnings.append(
            f"the plan was made with travel times from {plan.travel_source!r} but is checked "
            f"with {travel.source!r}; rule 3 may differ (give the same --roads)"
        )
    return warnings


# --------------------------------------------------------------------------------------------
# Rule 1: a stop lies inside the site's windows on that date


def _rule1_site_windows(
    plan: Plan, district: District, sites: Mapping[str, Site]
) -> list[Violation]:
    found = []
    for route in plan.routes:
        for stop in route.stops:
            problem = _window_problem(stop, route.date, sites.get(stop.site), district)
            if problem is not None:
                found.append(_at(1, route, problem, stop.site))
    return found


def _window_problem(stop: Stop, date: dt.date, site: Site | None, district: District) -> str | None:
    """Why ``stop`` lies outside its site's windows on ``date``, or None when it fits."""
    on_site = f"{fmt_hhmm(stop.start)}-{fmt_hhmm(stop.end)}"
    if site is None:
        return f"{stop.site} is not a site of this district"
    kind = site.site_kind
    # Sites leave district holidays to the calendar (rule 2); a school visit names it here too.
    if kind is SiteKind.SCHOOL and district.is_holiday(date):
        return f"{stop.site} visited on {_day(date)}, a holiday"
    windows = site.windows_on(date)  # a village's date override wins over its weekly rows
    if not windows:
        if kind is SiteKind.SCHOOL:
            return f"{stop.site} visited on {_day(date)}, a day the school is closed"
        return (
            f"{stop.site} visited {on_site}, but the village head is not available "
            f"on {_day(date)}"
        )
    if not _inside_one(stop.start, stop.end, windows):
        shown = ", ".join(str(w) for w in windows)
        outside = {
            SiteKind.VILLAGE: f"outside the village head's windows on {_day(date)}: {shown}",
            SiteKind.SCHOOL: f"outside school hours {shown}",
            SiteKind.HOMEBOUND: f"outside the resident's window {shown}",
        }[kind]
        return f"{stop.site} visited {on_site}, {outside}"
    return None


def _inside_one(start: int, end: int, windows: Sequence[TimeWindow]) -> bool:
    """True when ``[start, end]`` fits inside a single window (not across two of them)."""
    return any(window.start <= start and end <= window.end for window in windows)


# --------------------------------------------------------------------------------------------
# Rule 2: a route lies inside its team's working hours and days, never on a holiday


def _rule2_team_days(plan: Plan, district: District, teams: dict[str, Team]) -> list[Violation]:
    found = []
    parsed = Week.from_label(plan.week)
    week = parsed.dates if parsed is not None else None
    if week is None:
        found.append(
            Violation(2, None, None, None, f"week {plan.week!r} is not an ISO week YYYY-Www")
        )
    seen: set[tuple[str, dt.date]] = set()
    for route in plan.routes:
        if (route.team, route.date) in seen:
            found.append(_at(2, route, f"a second route for team {route.team} on this date"))
        seen.add((route.team, route.date))
        if week is not None and route.date not in week:
            found.append(_at(2, route, f"{route.date} is not in week {plan.week}"))
        for holiday in district.holidays:
            if holiday.date == route.date:
                found.append(_at(2, route, f"{_day(route.date)} is a holiday ({holiday.name})"))
        team = teams.get(route.team)
        if team is None:
            found.append(_at(2, route, f"team {route.team} is not a team of this district"))
            continue
        hours = team.hours_on(route.date.weekday())
        if hours is None:
            weekday = _WEEKDAY_NAMES[route.date.weekday()]
            found.append(_at(2, route, f"team {team.id} does not work on {weekday}"))
            continue
        depart, back = fmt_hhmm(route.depart), fmt_hhmm(route.return_)
        if route.depart < hours.start:
            found.append(_at(2, route, f"departs {depart}, before the team's hours {hours}"))
        if route.return_ > hours.end:
            found.append(_at(2, route, f"returns {back}, after the team's hours {hours}"))
        if route.return_ < route.depart:
            found.append(_at(2, route, f"returns {back}, before it departs {depart}"))
    return found


# --------------------------------------------------------------------------------------------
# Rule 3: consecutive stops leave room for the travel time between them


class _LegTable:
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


def _rule3_travel(plan: Plan, teams: dict[str, Team], legs: _LegTable) -> list[Violation]:
    found = []
    for route in plan.routes:
        for stop in route.stops:
            if stop.arrive > stop.start:
                found.append(
                    _at(
                        3,
                        route,
                        f"{stop.site} arrives {fmt_hhmm(stop.arrive)}, after it starts "
                        f"{fmt_hhmm(stop.start)}",
                        stop.site,
                    )
                )
            if stop.start > stop.end:
                found.append(
                    _at(
                        3,
                        route,
                        f"{stop.site} ends {fmt_hhmm(stop.end)}, before it starts "
                        f"{fmt_hhmm(stop.start)}",
                        stop.site,
                    )
                )
        team = teams.get(route.team)
        if team is None:
            continue  # rule 2 reports the unknown team
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
                    _at(
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
                    _at(
                        3,
                        route,
                        f"{fmt_hhmm(leaves[i])} {leave_labels[i]} → {fmt_hhmm(arrives[i])} "
                        f"{arrive_labels[i]}, but travel takes {whole_minutes} min",
                        site,
                    )
                )
        if not sums_known:
            continue
        n_legs = len(places) - 1
        if abs(route.travel_minutes - sum_minutes) > n_legs:
            found.append(
                _at(
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
                _at(
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


# --------------------------------------------------------------------------------------------
# Rule 4: a stop lasts at least the recording (and printing) time


def _rule4_durations(plan: Plan, district: District, teams: dict[str, Team]) -> list[Violation]:
    found = []
    for route in plan.routes:
        team = teams.get(route.team)
        if team is None:
            continue  # rule 2 reports it; without a team the number of kits is unknown
        for stop in route.stops:
            needed = stop_minutes(stop.people, stop.cards, team.kits, district.settings)
            lasts = stop.end - stop.start
            if lasts < needed:
                found.append(
                    Violation(
                        4,
                        route.team,
                        route.date,
                        stop.site,
                        f"{stop.site} lasts {lasts} min ({fmt_hhmm(stop.start)}-"
                        f"{fmt_hhmm(stop.end)}), but {stop.people} people and {stop.cards} cards "
                        f"with {team.kits} kit(s) need at least {needed} min",
                    )
                )
    return found


# --------------------------------------------------------------------------------------------
# Rule 5: people at a site over the week never exceed its backlog (or pre-registered count)


def _rule5_site_caps(plan: Plan, sites: Mapping[str, Site]) -> list[Violation]:
    people: dict[str, int] = {}
    for route in plan.routes:
        for stop in route.stops:
            people[stop.site] = people.get(stop.site, 0) + stop.people
    found = []
    for site_id, total in people.items():
        site = sites.get(site_id)
        if site is None:
            continue  # rule 1 reports it
        cap, what = site.people_limit, _LIMIT_WORDS[site.limit_basis]
        if total > cap:
            found.append(
                Violation(
                    5,
                    None,
                    None,
                    site_id,
                    f"{total} people planned over the week, more than the {what} {cap}",
                )
            )
    return found


_LIMIT_WORDS: Mapping[LimitBasis, str] = {
    "preregistered": "pre-registered count",
    "backlog": "backlog",
    "students": "unrecorded students",
    "resident": "one resident",
}
"""What a site's people limit is, in rule 5's messages."""


# --------------------------------------------------------------------------------------------
# Rule 6: printers per date, blank cards per week, cards per stop


def _rule6_printers_and_cards(
    plan: Plan, district: District, sites: Mapping[str, Site]
) -> list[Violation]:
    settings = district.settings
    found = []
    for route in plan.routes:
        for stop in route.stops:
            if stop.cards > stop.people:
                found.append(
                    _at(
                        6,
                        route,
                        f"{stop.site} prints {stop.cards} cards for {stop.people} people",
                        stop.site,
                    )
                )
            if stop.cards > 0 and not route.printer:
                found.append(
                    _at(
                        6,
                        route,
                        f"{stop.site} prints {stop.cards} cards, but the route carries no printer",
                        stop.site,
                    )
                )
        if route.blanks > 0 and not route.printer:
            found.append(_at(6, route, f"carries {route.blanks} blanks but no printer", None))
        cards = sum(s.cards for s in route.stops)
        if route.blanks < cards:
            found.append(
                _at(6, route, f"carries {route.blanks} blanks but prints {cards} cards", None)
            )

    printers_by_date: dict[dt.date, list[str]] = {}
    for route in plan.routes:
        if route.printer:
            printers_by_date.setdefault(route.date, []).append(route.team)
    for date in sorted(printers_by_date):
        holders = printers_by_date[date]
        if len(holders) > settings.printers:
            found.append(
                Violation(
                    6,
                    None,
                    date,
                    None,
                    f"{len(holders)} routes carry a printer ({', '.join(holders)}), but the "
                    f"district owns {settings.printers}",
                )
            )

    week_cards = sum(s.cards for _, s in plan.stops())
    if week_cards > settings.blank_budget:
        found.append(
            Violation(
                6,
                None,
                None,
                None,
                f"{week_cards} cards printed over the week, more than the blank budget "
                f"{settings.blank_budget} (blank_stock {settings.blank_stock} − blank_reserve "
                f"{settings.blank_reserve})",
            )
        )

    cards_by_site: dict[str, int] = {}
    for _, stop in plan.stops():
        cards_by_site[stop.site] = cards_by_site.get(stop.site, 0) + stop.cards
    for site_id, site_cards in cards_by_site.items():
        site = sites.get(site_id)
        limit = site.card_limit if site is not None else None
        if site is None or limit is None or site_cards <= limit:
            continue
        if site.site_kind is SiteKind.HOMEBOUND:
            message = f"{site_cards} cards printed for one resident"
        else:
            message = (
                f"{site_cards} cards printed over the week, more than the "
                f"{limit} students old enough for a card (printable)"
            )
        found.append(Violation(6, None, None, site_id, message))
    return found


# --------------------------------------------------------------------------------------------
# Rule 7 (the checkable part): totals add up, unserved sites are real and not visited


def _rule7_totals(plan: Plan, district: District, sites: Mapping[str, Site]) -> list[Violation]:
    weights = district.settings.weights
    people = 0
    cards = 0
    distance_km = 0.0
    weighted = 0.0
    for route in plan.routes:
        distance_km += route.distance_km
        for stop in route.stops:
            people += stop.people
            cards += stop.cards
            weighted += weights[stop.kind] * stop.people
    totals = plan.totals

    def violation(message: str, site: str | None = None) -> Violation:
        return Violation(7, None, None, site, message)

    found = []
    if totals.people != people:
        found.append(violation(f"totals.people is {totals.people}, the routes add up to {people}"))
    if totals.cards != cards:
        found.append(violation(f"totals.cards is {totals.cards}, the routes add up to {cards}"))
    if abs(totals.distance_km - distance_km) > TOTAL_DISTANCE_TOLERANCE_KM + EPSILON:
        found.append(
            violation(
                f"totals.distance_km is {totals.distance_km:.1f}, the routes add up to "
                f"{distance_km:.1f}"
            )
        )
    if abs(totals.weighted_people - weighted) > TOTAL_WEIGHTED_TOLERANCE + EPSILON:
        found.append(
            violation(
                f"totals.weighted_people is {totals.weighted_people:.2f}, the routes add up to "
                f"{weighted:.2f}"
            )
        )
    visited = {stop.site for _, stop in plan.stops()}
    for unserved in plan.unserved:
        if unserved.site not in sites:
            found.append(
                violation(f"unserved {unserved.site} is not a site of this district", unserved.site)
            )
        elif unserved.site in visited:
            found.append(
                violation(f"unserved {unserved.site} has a stop in the plan", unserved.site)
            )
    return found


def _at(rule: int, route: Route, message: str, site: str | None = None) -> Violation:
    """A violation of ``rule`` on ``route`` (at ``site`` when one stop is concerned)."""
    return Violation(rule, route.team, route.date, site, message)


def _day(date: dt.date) -> str:
    return f"{_WEEKDAY_NAMES[date.weekday()]} {date.isoformat()}"
