"""Rules 1, 2 and 4: when stops and routes may happen, and how long a stop must last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from planner.calendar import Week
from planner.check.common import WEEKDAY_NAMES, Violation, at, day
from planner.model import (
    District,
    Plan,
    Site,
    SiteKind,
    Stop,
    Team,
    TimeWindow,
    fmt_hhmm,
    stop_minutes,
)

# --------------------------------------------------------------------------------------------
# Rule 1: a stop lies inside the site's windows on that date


def rule1_site_windows(
    plan: Plan, district: District, sites: Mapping[str, Site]
) -> list[Violation]:
    """Rule 1: every stop lies inside one of its site's windows on the route's date."""
    found = []
    for route in plan.routes:
        for stop in route.stops:
            problem = _window_problem(stop, route.date, sites.get(stop.site), district)
            if problem is not None:
                found.append(at(1, route, problem, stop.site))
    return found


def _window_problem(stop: Stop, date: dt.date, site: Site | None, district: District) -> str | None:
    """Why ``stop`` lies outside its site's windows on ``date``, or None when it fits."""
    on_site = f"{fmt_hhmm(stop.start)}-{fmt_hhmm(stop.end)}"
    if site is None:
        return f"{stop.site} is not a site of this district"
    kind = site.site_kind
    # Sites leave district holidays to the calendar (rule 2); a school visit names it here too.
    if kind is SiteKind.SCHOOL and district.is_holiday(date):
        return f"{stop.site} visited on {day(date)}, a holiday"
    windows = site.windows_on(date)  # a village's date override wins over its weekly rows
    if not windows:
        if kind is SiteKind.SCHOOL:
            return f"{stop.site} visited on {day(date)}, a day the school is closed"
        return (
            f"{stop.site} visited {on_site}, but the village head is not available on {day(date)}"
        )
    if not _inside_one(stop.start, stop.end, windows):
        shown = ", ".join(str(w) for w in windows)
        outside = {
            SiteKind.VILLAGE: f"outside the village head's windows on {day(date)}: {shown}",
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


def rule2_team_days(plan: Plan, district: District, teams: dict[str, Team]) -> list[Violation]:
    """Rule 2: one route per team and date, in the week, on a working day, within hours; a
    team-day the plan records as added (``added_team_days``) is a working day with its hours."""
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
            found.append(at(2, route, f"a second route for team {route.team} on this date"))
        seen.add((route.team, route.date))
        if week is not None and route.date not in week:
            found.append(at(2, route, f"{route.date} is not in week {plan.week}"))
        for holiday in district.holidays:
            if holiday.date == route.date:
                found.append(at(2, route, f"{day(route.date)} is a holiday ({holiday.name})"))
        team = teams.get(route.team)
        if team is None:
            found.append(at(2, route, f"team {route.team} is not a team of this district"))
            continue
        # A team-day added by `replan --add-team-day` (kept in plan.json) replaces the shift.
        hours = plan.team_hours(team.id, route.date) or team.hours_on(route.date.weekday())
        if hours is None:
            weekday = WEEKDAY_NAMES[route.date.weekday()]
            found.append(at(2, route, f"team {team.id} does not work on {weekday}"))
            continue
        depart, back = fmt_hhmm(route.depart), fmt_hhmm(route.return_)
        if route.depart < hours.start:
            found.append(at(2, route, f"departs {depart}, before the team's hours {hours}"))
        if route.return_ > hours.end:
            found.append(at(2, route, f"returns {back}, after the team's hours {hours}"))
        if route.return_ < route.depart:
            found.append(at(2, route, f"returns {back}, before it departs {depart}"))
    return found


# --------------------------------------------------------------------------------------------
# Rule 4: a stop lasts at least the recording (and printing) time


def rule4_durations(plan: Plan, district: District, teams: dict[str, Team]) -> list[Violation]:
    """Rule 4: a stop lasts at least what its people and cards need with the team's kits."""
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
