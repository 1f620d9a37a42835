"""Why a site stayed unserved, specific enough for a coordinator to act on.

Checked in order, first match wins: the village head never available (no rows); no team
works this week; available only on days no team works; school closed on every working day; the
resident's window never meets team hours; no team-day can even go, serve the smallest visit
and come back (unreachable); otherwise the week was full: the cheapest insertion into an
existing route says how many more minutes it would need, and which team-day comes closest.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from planner.i18n import day_name, t
from planner.model import (
    District,
    Homebound,
    Route,
    School,
    Settings,
    SiteKind,
    TimeWindow,
    Unserved,
    Village,
)
from planner.solve.build import TeamDay, WeekModel, expected_people, service_minutes, site_windows
from planner.solve.extract import fit_window


def _cap(site: Village | School | Homebound) -> int:
    if isinstance(site, Village):
        return site.backlog
    if isinstance(site, School):
        return site.students
    return 1


def _windows(site: Village | School | Homebound, td: TeamDay) -> list[TimeWindow]:
    return [
        TimeWindow(max(w.start, td.hours.start), min(w.end, td.hours.end))
        for w in site_windows(site, td.date)
        if min(w.end, td.hours.end) > max(w.start, td.hours.start)
    ]


def _overflow(
    district: District,
    model: WeekModel,
    td: TeamDay,
    stops: Sequence[tuple[int, Sequence[TimeWindow], int]],
) -> int:
    """Minutes by which a sequence of (point, windows, duration) overruns ``td``: the largest
    lateness past a window end or past the end of the working day."""
    minutes = model.matrices[td.team.vehicle].minutes
    clock = td.hours.start
    here = td.base
    worst = 0
    for point, windows, duration in stops:
        arrive = clock + math.ceil(float(minutes[here][point]) - 1e-9)
        start = fit_window(windows, arrive, duration)
        if start is None:
            # Late: take the window whose end is overrun least.
            late = [max(arrive, w.start) + duration - w.end for w in windows] or [10**6]
            worst = max(worst, min(late))
            start = arrive
        clock = start + duration
        here = point
    back = clock + math.ceil(float(minutes[here][td.base]) - 1e-9)
    return max(worst, back - td.hours.end)


def explain_unserved(
    district: District, model: WeekModel, routes: Sequence[Route], lang: str
) -> list[Unserved]:
    """An ``Unserved`` entry for every site with people to record and no stop this week."""
    settings: Settings = district.settings
    visited = {stop.site for route in routes for stop in route.stops}
    sites = district.site_index()
    route_of = {(r.team, r.date): r for r in routes}
    result: list[tuple[float, Unserved]] = []
    for site in district.sites():
        people = expected_people(site, settings)
        if people == 0 or site.site_id in visited:
            continue
        kind = SiteKind(site.site_id.split(":", 1)[0])
        code, values = _reason(district, model, site, kind, people, route_of, sites, lang)
        reason = t(f"reason.{code}", lang, **values)
        value = settings.weights[kind] * people
        result.append((-value, Unserved(site.site_id, _cap(site), reason, code)))
    result.sort(key=lambda item: (item[0], item[1].site))
    return [u for _, u in result]


def _reason(
    district: District,
    model: WeekModel,
    site: Village | School | Homebound,
    kind: SiteKind,
    people: int,
    route_of: dict[tuple[str, dt.date], Route],
    sites: dict[str, Village | School | Homebound],
    lang: str,
) -> tuple[str, dict[str, object]]:
    settings = district.settings
    if (
        isinstance(site, Village)
        and not site.head_weekly
        and not any(o.available for o in site.head_overrides)
    ):
        return "head_never", {}
    if not model.team_days:
        return "no_team_days", {}
    open_days = [td for td in model.team_days if _windows(site, td)]
    if not open_days:
        if isinstance(site, Village):
            return "head_no_workday", {}
        if isinstance(site, School):
            return "school_closed", {}
        return "window_no_workday", {}
    first = min(people, 20) if kind is not SiteKind.HOMEBOUND else 1
    point = model.site_points[site.site_id]
    best: tuple[int, TeamDay] | None = None
    reachable = False
    for td in open_days:
        duration = settings.setup_minutes + service_minutes(first, td.team.kits, settings)
        windows = _windows(site, td)
        if _overflow(district, model, td, [(point, windows, duration)]) <= 0:
            reachable = True
        route = route_of.get((td.team.id, td.date))
        existing = [
            (
                model.site_points[s.site],
                _windows(sites[s.site], td),
                s.end - s.start,
            )
            for s in (route.stops if route else ())
        ]
        for pos in range(len(existing) + 1):
            trial = [*existing[:pos], (point, windows, duration), *existing[pos:]]
            need = _overflow(district, model, td, trial)
            if best is None or need < best[0]:
                best = (need, td)
    if not reachable:
        return "unreachable", {}
    assert best is not None
    need, td = best
    if need <= 0:
        return "not_selected", {}
    lang_day = f"{day_name(td.date, lang)} {td.date.isoformat()}"
    return "no_time", {"minutes": need, "team": td.team.name, "day": lang_day}
