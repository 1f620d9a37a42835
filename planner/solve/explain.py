"""Why a site stayed unserved, specific enough for a coordinator to act on.

Checked in order, first match wins: the village head never available (no rows); no team
works this week; available only on days no team works; school closed on every working day; the
resident's window never meets team hours; no team-day can even go, serve the smallest visit
and come back (unreachable); otherwise the week was full: the cheapest insertion into an
existing route says how many more minutes it would need, and which team-day comes closest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planner.i18n import day_name, t
from planner.model import (
    District,
    Route,
    Settings,
    Site,
    SiteKind,
    TimeWindow,
    Unserved,
)
from planner.solve.build import (
    TeamDay,
    WeekModel,
    service_minutes,
    working_windows,
)
from planner.solve.timing import fit_window

_NO_WORKDAY = {
    SiteKind.VILLAGE: "head_no_workday",
    SiteKind.SCHOOL: "school_closed",
    SiteKind.HOMEBOUND: "window_no_workday",
}
"""The reason code of a site whose windows meet no team's working day."""

StopSpec = tuple[int, Sequence[TimeWindow], int]
"""(point, windows, duration) of a stop in an overrun computation."""


def _step(minutes: np.ndarray, clock: int, here: int, stop: StopSpec) -> tuple[int, int]:
    """Serve ``stop`` after ``clock`` at ``here``: (the clock after it, its lateness past a
    window end, 0 when it fits)."""
    point, windows, duration = stop
    arrive = clock + int(minutes[here][point])
    start = fit_window(windows, arrive, duration)
    if start is not None:
        return start + duration, 0
    # Late: take the window whose end is overrun least.
    late = [max(arrive, w.start) + duration - w.end for w in windows] or [10**6]
    return arrive + duration, min(late)


@dataclass(slots=True)
class _Day:
    """A team-day's planned stops, the clock state before each stop and, from each stop on,
    the largest overrun of the rest of the day (the way back included)."""

    td: TeamDay
    minutes: np.ndarray
    stops: list[StopSpec]
    before: list[tuple[int, int, int]]
    tail: list[int]

    @classmethod
    def of(cls, model: WeekModel, td: TeamDay, stops: list[StopSpec]) -> _Day:
        """Walk the day once."""
        minutes = model.leg_minutes[td.team.vehicle]
        clock, here, worst = td.hours.start, td.base, 0
        before, lates = [], []
        for stop in stops:
            before.append((clock, here, worst))
            clock, late = _step(minutes, clock, here, stop)
            here, worst = stop[0], max(worst, late)
            lates.append(late)
        before.append((clock, here, worst))
        tail = [clock + int(minutes[here][td.base]) - td.hours.end]
        for late in reversed(lates):
            tail.append(max(late, tail[-1]))
        tail.reverse()
        return cls(td, minutes, stops, before, tail)

    def need(self, pos: int, stop: StopSpec) -> int:
        """Minutes by which the day overruns with ``stop`` inserted before stop ``pos``: the
        largest lateness past a window end or past the end of the working day. Exact: once
        the clock is back on the planned day's, the rest is the planned day's."""
        clock, here, worst = self.before[pos]
        clock, late = _step(self.minutes, clock, here, stop)
        here, worst = stop[0], max(worst, late)
        for i in range(pos, len(self.stops)):
            if (clock, here) == self.before[i][:2]:
                return max(worst, self.tail[i])
            clock, late = _step(self.minutes, clock, here, self.stops[i])
            here, worst = self.stops[i][0], max(worst, late)
        back = clock + int(self.minutes[here][self.td.base])
        return max(worst, back - self.td.hours.end)


class _Insertions:
    """Every team-day's planned stops and every place a stop could be inserted, with the
    terms of a lower bound of the overrun such an insertion causes, so that for each unserved
    site the exact overrun is computed only where the bound says it could be the least.

    Bound of inserting visit x before stop ``pos``: the clock before ``pos`` + travel to x +
    x's duration + travel to the stop at ``pos`` (the base after the last) + the planned rest of
    the day without waiting − the end of the day. Waiting and windows only add to it.
    """

    def __init__(self, model: WeekModel, days: list[_Day]):
        self.days = days
        self.times = [np.asarray(m, dtype=np.int64) for m in model.core.time]
        row_day: list[int] = []
        clock: list[int] = []
        here: list[int] = []
        after: list[int] = []
        rest: list[int] = []
        for d, day in enumerate(days):
            points = [stop[0] for stop in day.stops] + [day.td.base]
            tmat = self.times[day.td.vclass]
            remaining = [0]
            for i in reversed(range(len(day.stops))):
                remaining.append(
                    remaining[-1] + day.stops[i][2] + int(tmat[points[i], points[i + 1]])
                )
            remaining.reverse()
            for pos in range(len(day.stops) + 1):
                row_day.append(d)
                clock.append(day.before[pos][0])
                here.append(day.before[pos][1])
                after.append(points[pos])
                rest.append(remaining[pos])
        self.row_day = np.array(row_day, dtype=np.int64)
        self.fixed = np.array(clock, dtype=np.int64) + np.array(rest, dtype=np.int64)
        self.fixed -= np.array([days[d].td.hours.end for d in row_day], dtype=np.int64)
        self.here = np.array(here, dtype=np.int64)
        self.after = np.array(after, dtype=np.int64)
        self.row_class = np.array([days[d].td.vclass for d in row_day], dtype=np.int64)
        self.first_row = {d: row_day.index(d) for d in range(len(days))}

    def closest(self, point: int, visits: dict[int, StopSpec]) -> tuple[int, int] | None:
        """(least overrun, day) of inserting a visit at ``point`` into a day of ``visits``
        (day → the visit on that day), the first day and place in plan order on a tie."""
        open_day = np.zeros(len(self.days), dtype=bool)
        open_day[list(visits)] = True
        rows = np.flatnonzero(open_day[self.row_day])
        if rows.size == 0:
            return None
        legs = np.zeros(rows.size, dtype=np.int64)
        for c, tmat in enumerate(self.times):
            mine = self.row_class[rows] == c
            legs[mine] = tmat[self.here[rows[mine]], point] + tmat[point, self.after[rows[mine]]]
        duration = np.array([visits[int(d)][2] for d in self.row_day[rows]], dtype=np.int64)
        bound = self.fixed[rows] + legs + duration
        best: tuple[int, int] | None = None
        for k in np.lexsort((rows, bound)):
            if best is not None and bound[k] > best[0]:
                break
            row = int(rows[k])
            d = int(self.row_day[row])
            need = self.days[d].need(row - self.first_row[d], visits[d])
            if best is None or need < best[0] or (need == best[0] and row < best[1]):
                best = (need, row)
        assert best is not None
        return best[0], int(self.row_day[best[1]])


def explain_unserved(
    district: District, model: WeekModel, routes: Sequence[Route], lang: str
) -> list[Unserved]:
    """An ``Unserved`` entry for every site with people to record and no stop this week."""
    settings: Settings = district.settings
    visited = {stop.site for route in routes for stop in route.stops}
    sites = district.site_index()
    route_of = {(r.team, r.date): r for r in routes}
    days = []
    for td in model.team_days:
        route = route_of.get((td.team.id, td.date))
        stops: list[StopSpec] = [
            (model.site_points[s.site], working_windows(sites[s.site], td), s.end - s.start)
            for s in (route.stops if route else ())
        ]
        days.append(_Day.of(model, td, stops))
    insertions = _Insertions(model, days) if days else None
    alone = [_Day.of(model, td, []) for td in model.team_days]

    result: list[tuple[float, Unserved]] = []
    for site in district.sites():
        people = site.expected_people(settings)
        if people == 0 or site.site_id in visited:
            continue
        kind = site.site_kind
        code, values = _reason(district, model, site, kind, people, insertions, alone, lang)
        reason = t(f"reason.{code}", lang, **values)
        value = settings.weights[kind] * people
        result.append((-value, Unserved(site.site_id, site.backlog, reason, code)))
    result.sort(key=lambda item: (item[0], item[1].site))
    return [u for _, u in result]


def _by_land(model: WeekModel, td: TeamDay, point: int) -> bool:
    """Whether ``td``'s team can travel from its base to ``point`` and back at all (not
    across water without a crossing it may use)."""
    minutes = model.matrices[td.team.vehicle].minutes
    return bool(np.isfinite(minutes[td.base, point]) and np.isfinite(minutes[point, td.base]))


def _reason(
    district: District,
    model: WeekModel,
    site: Site,
    kind: SiteKind,
    people: int,
    insertions: _Insertions | None,
    alone: list[_Day],
    lang: str,
) -> tuple[str, dict[str, object]]:
    settings = district.settings
    if not site.ever_available:
        return "head_never", {}
    if not model.team_days or insertions is None:
        return "no_team_days", {}
    visits: dict[int, StopSpec] = {}
    first = min(people, 20) if kind is not SiteKind.HOMEBOUND else 1
    point = model.site_points[site.site_id]
    for d, td in enumerate(model.team_days):
        windows = working_windows(site, td)
        if windows:
            duration = settings.setup_minutes + service_minutes(first, td.team.kits, settings)
            visits[d] = (point, windows, duration)
    if not visits:
        return _NO_WORKDAY[kind], {}
    if not any(alone[d].need(0, visit) <= 0 for d, visit in visits.items()):
        if all(not _by_land(model, td, point) for td in model.team_days):
            return "needs_boat", {}
        return "unreachable", {}
    closest = insertions.closest(point, visits)
    assert closest is not None
    need, d = closest
    if need <= 0:
        return "not_selected", {}
    td = model.team_days[d]
    lang_day = f"{day_name(td.date, lang)} {td.date.isoformat()}"
    return "no_time", {"minutes": need, "team": td.team.name, "day": lang_day}
