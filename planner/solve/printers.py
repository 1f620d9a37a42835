"""Which routes carry a printer and how many cards each stop prints: a second, small optimiser.

Run on the drafted routes (``timing.draft_routes``) before they are re-timed, since a card adds
printing time to a stop. A CP-SAT model chooses exactly: at most ``printers`` routes carry a
printer on a date, the week's cards stay within the blank budget, a school's cards within its
printable students; value = kind weight per card, minus one per printer carried. On a large
week CP-SAT starts from ``_printer_heuristic``'s choice and only keeps it if it finds better.

On a replan the kept stops (``DraftStop.locked``) keep their times but not their cards: the
printers and blanks of the remaining days go where they print most, a kept stop printing as
many cards as fit its fixed duration (rule 4). A route that already carried a printer keeps it
at no cost, so a tie leaves the printer where the teams were told it would be.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.model import District, Settings, SiteKind, stop_minutes
from planner.solve.build import WeekModel
from planner.solve.timing import DraftStop

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

Choice = tuple[set[int], dict[tuple[int, int], int], int]
"""A heuristic choice: (printer routes, cards per (route, stop), objective)."""


@dataclass(frozen=True, slots=True)
class _CpModel:
    """The CP-SAT model and its variables."""

    cp: cp_model.CpModel
    has_printer: list[cp_model.IntVar]
    cards: dict[tuple[int, int], cp_model.IntVar]


def card_cap(stop: DraftStop, kits: int | None, settings: Settings) -> int:
    """Most cards ``stop`` can print: one for a resident, else its people; a kept stop (fixed
    times) no more than its duration holds by rule 4 with ``kits`` recording kits."""
    cap = 1 if stop.kind is SiteKind.HOMEBOUND else stop.people
    if stop.locked is None or kits is None:
        return cap
    room = stop.locked.end - stop.locked.start
    while cap > 0 and stop_minutes(stop.people, cap, kits, settings) > room:
        cap -= 1
    return cap


def card_caps(
    district: District, model: WeekModel, drafts: Sequence[Sequence[DraftStop]]
) -> dict[tuple[int, int], int]:
    """``card_cap`` of every (route, stop)."""
    settings = district.settings
    return {
        (r, s): card_cap(
            stop, model.team_days[r].team.kits if stop.locked is not None else None, settings
        )
        for r, stops in enumerate(drafts)
        for s, stop in enumerate(stops)
    }


def carried_before(drafts: Sequence[Sequence[DraftStop]]) -> set[int]:
    """Routes whose kept stops printed cards in the plan being changed: they had a printer."""
    return {
        r
        for r, stops in enumerate(drafts)
        if any(stop.locked is not None and stop.locked.cards for stop in stops)
    }


def _cp_model(district: District, model: WeekModel, drafts: list[list[DraftStop]]) -> _CpModel:
    """Variables, rules and objective of the exact printer choice."""
    settings = district.settings
    sites = district.site_index()
    caps = card_caps(district, model, drafts)
    kept = carried_before(drafts)
    cp = cp_model.CpModel()
    has_printer = [cp.new_bool_var(f"p{r}") for r in range(len(drafts))]
    cards: dict[tuple[int, int], cp_model.IntVar] = {}
    objective = []
    for r, stops in enumerate(drafts):
        for s, stop in enumerate(stops):
            cap = caps[(r, s)]
            var = cp.new_int_var(0, cap, f"c{r}_{s}")
            cp.add(var <= cap * has_printer[r])
            cards[(r, s)] = var
            objective.append(round(100 * settings.weights[stop.kind]) * var)
        if not stops:
            cp.add(has_printer[r] == 0)
        if r not in kept:
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
    return _CpModel(cp, has_printer, cards)


def assign_printers(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> list[bool]:
    """Choose printer routes and cards per stop (sets ``DraftStop.cards``); CP-SAT, exact
    on district weeks, started from a greedy choice on large ones."""
    exact = _cp_model(district, model, drafts)
    has_printer, cards = exact.has_printer, exact.cards
    large = len(drafts) > EXACT_PRINTER_ROUTES
    hint = _printer_heuristic(district, model, drafts) if large else None
    if hint is not None:
        for r, var in enumerate(has_printer):
            exact.cp.add_hint(var, r in hint[0])
        for key, var in cards.items():
            exact.cp.add_hint(var, hint[1].get(key, 0))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = PRINTER_WALL_S
    solver.parameters.max_deterministic_time = PRINTER_WORK[large]
    status = solver.solve(exact.cp)
    solved = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    if status == cp_model.FEASIBLE and hint is None:
        hint = _printer_heuristic(district, model, drafts)
    if hint is not None and (not solved or solver.objective_value < hint[2]):
        chosen, hinted, _ = hint
        for r, s in cards:
            drafts[r][s].cards = hinted.get((r, s), 0)
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


@dataclass(slots=True)
class _Demand:
    """What each route could print: cards per kind (schools apart, per school), the cap of
    each stop, the budget and the room of each school."""

    budget: int
    school_room: dict[str, int]
    caps: dict[tuple[int, int], int]
    other: list[dict[SiteKind, int]]
    schools: list[dict[str, int]]


def _demand(district: District, model: WeekModel, drafts: list[list[DraftStop]]) -> _Demand:
    """Each route's possible cards (kept stops within their fixed durations)."""
    sites = district.site_index()
    caps = card_caps(district, model, drafts)
    demand = _Demand(district.settings.blank_budget, {}, caps, [], [])
    for r, stops in enumerate(drafts):
        demand.other.append({})
        demand.schools.append({})
        for s, stop in enumerate(stops):
            cap = caps[(r, s)]
            if stop.kind is SiteKind.SCHOOL:
                if stop.site not in demand.school_room:
                    school = sites[stop.site]
                    limit = school.card_limit
                    room = limit if limit is not None else school.people_limit
                    demand.school_room[stop.site] = room
                demand.schools[r][stop.site] = demand.schools[r].get(stop.site, 0) + cap
            else:
                demand.other[r][stop.kind] = demand.other[r].get(stop.kind, 0) + cap
    return demand


@dataclass(slots=True)
class _Choosing:
    """The heuristic's state: the routes chosen, printers used per date, the card pool."""

    drafts: list[list[DraftStop]]
    demand: _Demand
    dates: list[object]
    printers: int
    pool: _CardPool
    chosen: set[int] = field(default_factory=set)
    used: dict[object, int] = field(default_factory=dict)

    def gain_of(self, r: int) -> int:
        """Card value route ``r`` would add."""
        d, pool = self.demand, self.pool
        return pool.value(d.other[r], pool.school_delta(d.schools[r], 1)) - pool.value()

    def add_best(self) -> None:
        """Add the route that adds most card value while its date has a printer left."""
        d = self.demand
        while True:
            best: tuple[int, int] | None = None
            for r, stops in enumerate(self.drafts):
                full = self.used.get(self.dates[r], 0) >= self.printers
                if r in self.chosen or not stops or full:
                    continue
                gain = self.gain_of(r) - 1
                if gain > 0 and (best is None or gain > best[0]):
                    best = (gain, r)
            if best is None:
                break
            self.chosen.add(best[1])
            self.used[self.dates[best[1]]] = self.used.get(self.dates[best[1]], 0) + 1
            self.pool.apply(d.other[best[1]], d.schools[best[1]], 1)

    def swap(self) -> None:
        """Swap routes within a date, first improvement, until none gains (100 rounds)."""
        d, pool = self.demand, self.pool
        for _ in range(100):
            swapped = False
            for r in sorted(self.chosen):
                now = pool.value()
                pool.apply(d.other[r], d.schools[r], -1)
                without = pool.value()
                best_swap = next(
                    (
                        r2
                        for r2, stops in enumerate(self.drafts)
                        if r2 not in self.chosen
                        and stops
                        and self.dates[r2] == self.dates[r]
                        and without + self.gain_of(r2) > now
                    ),
                    None,
                )
                if best_swap is None:
                    pool.apply(d.other[r], d.schools[r], 1)
                    continue
                pool.apply(d.other[best_swap], d.schools[best_swap], 1)
                self.chosen.remove(r)
                self.chosen.add(best_swap)
                swapped = True
            if not swapped:
                break


def _fill_cards(
    drafts: list[list[DraftStop]], demand: _Demand, weights: dict[SiteKind, int], chosen: set[int]
) -> dict[tuple[int, int], int]:
    """Cards per (route, stop): the most valuable class first, routes and stops in order."""
    left = demand.budget
    room = dict(demand.school_room)
    cards: dict[tuple[int, int], int] = {}
    for kind in sorted(SiteKind, key=lambda k: (-weights[k], k)):
        for r in sorted(chosen):
            for s, stop in enumerate(drafts[r]):
                if stop.kind is not kind or left <= 0:
                    continue
                take = min(left, demand.caps[(r, s)])
                if kind is SiteKind.SCHOOL:
                    take = min(take, room[stop.site])
                    room[stop.site] -= take
                if take > 0:
                    cards[(r, s)] = take
                    left -= take
    return cards


def _printer_heuristic(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> Choice:
    """A good printer choice for a large week: add the route that adds most card value while
    its date has a printer left, then swap routes of one date while that gains; cards fill
    the budget by value. Returns (routes, cards per (route, stop), objective)."""
    settings = district.settings
    weights = {k: round(100 * settings.weights[k]) for k in SiteKind}
    demand = _demand(district, model, drafts)
    dates: list[object] = [td.date for td in model.team_days]
    pool = _CardPool(weights, demand.budget, demand.school_room, {}, {})
    choosing = _Choosing(drafts, demand, dates, settings.printers, pool)
    choosing.add_best()
    choosing.swap()
    cards = _fill_cards(drafts, demand, weights, choosing.chosen)
    printers = {r for r in choosing.chosen if any(cards.get((r, s)) for s in range(len(drafts[r])))}
    return printers, cards, _objective(drafts, weights, cards, printers)


def _objective(
    drafts: Sequence[Sequence[DraftStop]],
    weights: dict[SiteKind, int],
    cards: dict[tuple[int, int], int],
    printers: set[int],
) -> int:
    """The CP-SAT objective of a choice: card value − printers (not those carried before)."""
    return sum(weights[drafts[r][s].kind] * n for (r, s), n in cards.items()) - len(
        printers - carried_before(drafts)
    )
