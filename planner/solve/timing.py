"""Core solution → ``Route`` objects: stops, printers and cards, exact times.

1. Consecutive chunks of one site on a route become one stop.
2. Printers and cards are chosen exactly by a small CP-SAT model: at most ``printers`` routes
   carry a printer on a date, the week's cards stay within the blank budget, a school's cards
   within its printable students; value = kind weight per card.
3. Each route is re-timed from the team's start with the exact SPEC rule-4 durations
   (``stop_minutes``): earliest start inside a window, the departure pushed as late as the first
   stop allows. The routing model reserved at least these durations, so this never fails; if it
   ever did (a modelling gap), the repair drops the smallest trailing chunk until the route fits,
   rather than emit a plan that breaks a rule.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.model import (
    District,
    Route,
    SiteKind,
    Stop,
    TimeWindow,
    stop_minutes,
)
from planner.solve.build import TeamDay, WeekModel, working_windows
from planner.solve.core import CoreSolution


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


EXACT_PRINTER_ROUTES = 60
"""Up to this many routes CP-SAT alone chooses printers (the sample's 21 routes: optimal in
half a second); above it CP-SAT starts from ``_printer_heuristic``'s choice and may only
improve it (alone, one worker found 17 % less than the heuristic on a 180-route week in 20 s;
two workers in 60 s found nothing better than it)."""
PRINTER_WORK = {False: 5.0, True: 1.0}
"""CP-SAT's limit in deterministic time units, without and with the heuristic's start: the
same inputs give the same answer however loaded the machine (the sample needs 0.53)."""
PRINTER_WALL_S = 20.0
"""Wall-clock safety net of the printer model."""


def assign_printers(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> list[bool]:
    """Choose printer routes and cards per stop (sets ``DraftStop.cards``); CP-SAT, exact
    on district weeks, started from a greedy choice on large ones."""
    settings = district.settings
    sites = district.site_index()
    cp = cp_model.CpModel()
    has_printer = [cp.new_bool_var(f"p{r}") for r in range(len(drafts))]
    cards: dict[tuple[int, int], cp_model.IntVar] = {}
    objective = []
    for r, stops in enumerate(drafts):
        for s, stop in enumerate(stops):
            cap = 1 if stop.kind is SiteKind.HOMEBOUND else stop.people
            if stop.locked is not None:
                # A kept stop keeps its cards: the team was issued those blanks.
                var = cp.new_constant(stop.locked.cards)
                cap = stop.locked.cards
            else:
                var = cp.new_int_var(0, cap, f"c{r}_{s}")
            cp.add(var <= cap * has_printer[r])
            cards[(r, s)] = var
            objective.append(round(100 * settings.weights[stop.kind]) * var)
        if not stops:
            cp.add(has_printer[r] == 0)
        objective.append(-1 * has_printer[r])
    by_date: dict[object, list[int]] = {}
    for r, td in enumerate(model.team_days):
        by_date.setdefault(td.date, []).append(r)
    for routes in by_date.values():
        cp.add(sum(has_printer[r] for r in routes) <= settings.printers)
    cp.add(sum(cards.values()) <= settings.blank_budget)
    per_school: dict[str, list[cp_model.IntVar]] = {}
    for (r, s), var in cards.items():
        stop = drafts[r][s]
        if stop.kind is SiteKind.SCHOOL:
            per_school.setdefault(stop.site, []).append(var)
    for site_id, vars_ in per_school.items():
        limit = sites[site_id].card_limit
        if limit is not None:
            cp.add(sum(vars_) <= limit)
    cp.maximize(sum(objective))
    large = len(drafts) > EXACT_PRINTER_ROUTES
    hint = _printer_heuristic(district, model, drafts) if large else None
    if hint is not None:
        for r, var in enumerate(has_printer):
            cp.add_hint(var, r in hint[0])
        for key, var in cards.items():
            if drafts[key[0]][key[1]].locked is None:
                cp.add_hint(var, hint[1].get(key, 0))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = PRINTER_WALL_S
    solver.parameters.max_deterministic_time = PRINTER_WORK[large]
    status = solver.solve(cp)
    solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    if status == cp_model.FEASIBLE and hint is None:
        hint = _printer_heuristic(district, model, drafts)
    if hint is not None and (not solved or solver.objective_value < hint[2]):
        chosen, hinted, _ = hint
        for (r, s), stop in ((k, drafts[k[0]][k[1]]) for k in cards):
            stop.cards = stop.locked.cards if stop.locked is not None else hinted.get((r, s), 0)
        return [r in chosen and any(st.cards for st in drafts[r]) for r in range(len(drafts))]
    if not solved:
        return [False] * len(drafts)
    for (r, s), var in cards.items():
        drafts[r][s].cards = int(solver.value(var))
    return [
        bool(solver.value(p)) and any(st.cards for st in drafts[r])
        for r, p in enumerate(has_printer)
    ]


@dataclass(slots=True)
class _CardPool:
    """Cards the stops of the printer routes chosen so far could take, per weight class."""

    weights: dict[SiteKind, int]
    budget: int
    school_room: dict[str, int]
    other: dict[SiteKind, int]
    school: dict[str, int]
    school_total: int = 0

    def value(self, extra: dict[SiteKind, int] | None = None, school_gain: int = 0) -> int:
        """Card value of filling the budget, most valuable class first."""
        held = dict(self.other)
        for kind, amount in (extra or {}).items():
            held[kind] = held.get(kind, 0) + amount
        held[SiteKind.SCHOOL] = self.school_total + school_gain
        left, total = self.budget, 0
        for kind in sorted(held, key=lambda k: (-self.weights[k], k)):
            take = min(left, held[kind])
            total += take * self.weights[kind]
            left -= take
        return total

    def school_delta(self, amounts: dict[str, int], sign: int) -> int:
        """How adding (``sign`` 1) or removing (−1) ``amounts`` changes usable school cards."""
        delta = 0
        for site, amount in amounts.items():
            now = self.school.get(site, 0)
            room = self.school_room[site]
            delta += min(room, now + sign * amount) - min(room, now)
        return delta

    def apply(self, other: dict[SiteKind, int], schools: dict[str, int], sign: int) -> None:
        """Add (``sign`` 1) or remove (−1) a route's cards."""
        self.school_total += self.school_delta(schools, sign)
        for site, amount in schools.items():
            self.school[site] = self.school.get(site, 0) + sign * amount
        for kind, amount in other.items():
            self.other[kind] = self.other.get(kind, 0) + sign * amount


def _printer_heuristic(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> tuple[set[int], dict[tuple[int, int], int], int] | None:
    """A good printer choice for a large week: add the route that adds most card value while
    its date has a printer left, then swap routes of one date while that gains; cards fill
    the budget by value. Returns (routes, cards per (route, stop), objective), or None when
    kept stops already need more printers than a date has."""
    settings = district.settings
    sites = district.site_index()
    weights = {k: round(100 * settings.weights[k]) for k in SiteKind}
    budget = settings.blank_budget
    school_room: dict[str, int] = {}
    forced: set[int] = set()
    other: list[dict[SiteKind, int]] = []
    schools: list[dict[str, int]] = []
    for r, stops in enumerate(drafts):
        other.append({})
        schools.append({})
        for stop in stops:
            if stop.kind is SiteKind.SCHOOL and stop.site not in school_room:
                school = sites[stop.site]
                limit = school.card_limit
                school_room[stop.site] = limit if limit is not None else school.people_limit
            if stop.locked is not None:
                forced.update([r] if stop.locked.cards else [])
                budget -= stop.locked.cards
                if stop.kind is SiteKind.SCHOOL:
                    school_room[stop.site] -= stop.locked.cards
            elif stop.kind is SiteKind.SCHOOL:
                schools[r][stop.site] = schools[r].get(stop.site, 0) + stop.people
            else:
                cap = 1 if stop.kind is SiteKind.HOMEBOUND else stop.people
                other[r][stop.kind] = other[r].get(stop.kind, 0) + cap
    if budget < 0 or any(room < 0 for room in school_room.values()):
        return None
    dates = [td.date for td in model.team_days]
    used: dict[object, int] = {}
    for r in forced:
        used[dates[r]] = used.get(dates[r], 0) + 1
    if any(count > settings.printers for count in used.values()):
        return None
    pool = _CardPool(weights, budget, school_room, {}, {})
    chosen = set(forced)
    for r in sorted(forced):
        pool.apply(other[r], schools[r], 1)

    def gain_of(r: int) -> int:
        return pool.value(other[r], pool.school_delta(schools[r], 1)) - pool.value()

    while True:
        best: tuple[int, int] | None = None
        for r, stops in enumerate(drafts):
            if r in chosen or not stops or used.get(dates[r], 0) >= settings.printers:
                continue
            gain = gain_of(r) - 1
            if gain > 0 and (best is None or gain > best[0]):
                best = (gain, r)
        if best is None:
            break
        chosen.add(best[1])
        used[dates[best[1]]] = used.get(dates[best[1]], 0) + 1
        pool.apply(other[best[1]], schools[best[1]], 1)
    for _ in range(100):  # swaps within a date, first improvement, until none gains
        swapped = False
        for r in sorted(chosen - forced):
            now = pool.value()
            pool.apply(other[r], schools[r], -1)
            without = pool.value()
            best_swap = next(
                (
                    r2
                    for r2, stops in enumerate(drafts)
                    if r2 not in chosen
                    and stops
                    and dates[r2] == dates[r]
                    and without + gain_of(r2) > now
                ),
                None,
            )
            if best_swap is None:
                pool.apply(other[r], schools[r], 1)
                continue
            pool.apply(other[best_swap], schools[best_swap], 1)
            chosen.remove(r)
            chosen.add(best_swap)
            swapped = True
        if not swapped:
            break
    # Cards: the most valuable class first, routes and stops in order.
    left = budget
    room = dict(school_room)
    cards: dict[tuple[int, int], int] = {}
    for kind in sorted(SiteKind, key=lambda k: (-weights[k], k)):
        for r in sorted(chosen):
            for s, stop in enumerate(drafts[r]):
                if stop.kind is not kind or stop.locked is not None or left <= 0:
                    continue
                take = min(left, 1 if kind is SiteKind.HOMEBOUND else stop.people)
                if kind is SiteKind.SCHOOL:
                    take = min(take, room[stop.site])
                    room[stop.site] -= take
                if take > 0:
                    cards[(r, s)] = take
                    left -= take
    printers = {r for r in chosen if any(cards.get((r, s)) for s in range(len(drafts[r])))}
    printers |= forced
    objective = (
        sum(weights[drafts[r][s].kind] * n for (r, s), n in cards.items())
        + sum(
            weights[stop.kind] * stop.locked.cards
            for stops in drafts
            for stop in stops
            if stop.locked is not None
        )
        - len(printers)
    )
    return printers, cards, objective


def fit_window(windows: Sequence[TimeWindow], earliest: int, duration: int) -> int | None:
    """Earliest start ≥ ``earliest`` with [start, start + duration] inside one window."""
    for window in windows:
        start = max(earliest, window.start)
        if start + duration <= window.end:
            return start
    return None


def _timed(
    district: District, model: WeekModel, td: TeamDay, stops: list[DraftStop]
) -> tuple[list[Stop], int, int, int, float] | None:
    """Times for ``stops`` on ``td`` (stops, depart, return, travel min, km); None if they
    do not fit."""
    settings = district.settings
    sites = district.site_index()
    minutes = model.matrices[td.team.vehicle].minutes
    km = model.matrices[td.team.vehicle].km
    clock = td.hours.start
    here = td.base
    legs_minutes = 0
    distance = 0.0
    timed: list[Stop] = []
    for stop in stops:
        leg = math.ceil(float(minutes[here][stop.point]) - 1e-9)
        legs_minutes += leg
        distance += float(km[here][stop.point])
        arrive = clock + leg
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
            Stop(stop.site, stop.kind, arrive, start, start + duration, stop.people, stop.cards)
        )
        clock = start + duration
        here = stop.point
    leg = math.ceil(float(minutes[here][td.base]) - 1e-9)
    legs_minutes += leg
    distance += float(km[here][td.base])
    back = clock + leg
    if back > td.hours.end:
        return None
    depart = td.hours.start
    if timed:
        first_leg = timed[0].arrive - td.hours.start
        depart = timed[0].start - first_leg
        timed[0] = Stop(
            timed[0].site,
            timed[0].kind,
            timed[0].start,
            timed[0].start,
            timed[0].end,
            timed[0].people,
            timed[0].cards,
        )
    return timed, depart, back, legs_minutes, distance


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
        if result is None or not result[0]:
            continue
        timed, depart, back, travel_minutes, distance = result
        cards = sum(s.cards for s in timed)
        routes.append(
            Route(
                team=td.team.id,
                date=td.date,
                printer=printer and cards > 0,
                blanks=cards,
                depart=depart,
                return_=back,
                travel_minutes=travel_minutes,
                distance_km=round(distance, 1),
                stops=tuple(timed),
            )
        )
    routes.sort(key=lambda r: (r.date, r.team))
    return routes, dropped
