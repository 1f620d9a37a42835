"""Which routes carry a printer and how many cards each stop prints: a second, small optimiser.

Run on the drafted routes (``timing.draft_routes``) before they are re-timed, since a card adds
printing time to a stop. A CP-SAT model chooses exactly: at most ``printers`` routes carry a
printer on a date, the week's cards stay within the blank budget, a school's cards within its
printable students; value = kind weight per card, minus one per printer carried. On a large
week CP-SAT starts from ``_printer_heuristic``'s choice and only keeps it if it finds better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.model import District, SiteKind
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


def _cp_model(district: District, model: WeekModel, drafts: list[list[DraftStop]]) -> _CpModel:
    """Variables, rules and objective of the exact printer choice."""
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
            if drafts[key[0]][key[1]].locked is None:
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


@dataclass(slots=True)
class _Demand:
    """What each route could print: cards per kind (schools apart, per school), the routes
    that must carry a printer (kept stops with cards), the budget and school room left."""

    budget: int
    school_room: dict[str, int]
    forced: set[int]
    other: list[dict[SiteKind, int]]
    schools: list[dict[str, int]]


def _demand(district: District, drafts: list[list[DraftStop]]) -> _Demand:
    """Each route's possible cards; kept stops' cards taken off the budget and school room."""
    sites = district.site_index()
    demand = _Demand(district.settings.blank_budget, {}, set(), [], [])
    school_room = demand.school_room
    for r, stops in enumerate(drafts):
        demand.other.append({})
        demand.schools.append({})
        for stop in stops:
            if stop.kind is SiteKind.SCHOOL and stop.site not in school_room:
                school = sites[stop.site]
                limit = school.card_limit
                school_room[stop.site] = limit if limit is not None else school.people_limit
            if stop.locked is not None:
                demand.forced.update([r] if stop.locked.cards else [])
                demand.budget -= stop.locked.cards
                if stop.kind is SiteKind.SCHOOL:
                    school_room[stop.site] -= stop.locked.cards
            elif stop.kind is SiteKind.SCHOOL:
                demand.schools[r][stop.site] = demand.schools[r].get(stop.site, 0) + stop.people
            else:
                cap = 1 if stop.kind is SiteKind.HOMEBOUND else stop.people
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
    chosen: set[int]
    used: dict[object, int]

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
            for r in sorted(self.chosen - d.forced):
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
                if stop.kind is not kind or stop.locked is not None or left <= 0:
                    continue
                take = min(left, 1 if kind is SiteKind.HOMEBOUND else stop.people)
                if kind is SiteKind.SCHOOL:
                    take = min(take, room[stop.site])
                    room[stop.site] -= take
                if take > 0:
                    cards[(r, s)] = take
                    left -= take
    return cards


def _printer_heuristic(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> Choice | None:
    """A good printer choice for a large week: add the route that adds most card value while
    its date has a printer left, then swap routes of one date while that gains; cards fill
    the budget by value. Returns (routes, cards per (route, stop), objective), or None when
    kept stops already need more printers than a date has."""
    settings = district.settings
    weights = {k: round(100 * settings.weights[k]) for k in SiteKind}
    demand = _demand(district, drafts)
    if demand.budget < 0 or any(room < 0 for room in demand.school_room.values()):
        return None
    dates: list[object] = [td.date for td in model.team_days]
    used: dict[object, int] = {}
    for r in demand.forced:
        used[dates[r]] = used.get(dates[r], 0) + 1
    if any(count > settings.printers for count in used.values()):
        return None
    pool = _CardPool(weights, demand.budget, demand.school_room, {}, {})
    chosen = set(demand.forced)
    for r in sorted(demand.forced):
        pool.apply(demand.other[r], demand.schools[r], 1)
    choosing = _Choosing(drafts, demand, dates, settings.printers, pool, chosen, used)
    choosing.add_best()
    choosing.swap()
    cards = _fill_cards(drafts, demand, weights, chosen)
    printers = {r for r in chosen if any(cards.get((r, s)) for s in range(len(drafts[r])))}
    printers |= demand.forced
    return printers, cards, _objective(drafts, weights, cards, printers)


def _objective(
    drafts: Sequence[Sequence[DraftStop]],
    weights: dict[SiteKind, int],
    cards: dict[tuple[int, int], int],
    printers: set[int],
) -> int:
    """The CP-SAT objective of a choice: card value (kept stops' cards too) − printers."""
    return (
        sum(weights[drafts[r][s].kind] * n for (r, s), n in cards.items())
        + sum(
            weights[stop.kind] * stop.locked.cards
            for stops in drafts
            for stop in stops
            if stop.locked is not None
        )
        - len(printers)
    )
