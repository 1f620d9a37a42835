"""Iterated value descent on the routing core: from the greedy start to a strong week, fast.

OR-Tools evaluates one neighbour at a time through its filters (about 8 µs each on a district
week), and most of a week's value comes from moves that need a full scan of (stop × unvisited
node) pairs: swapping a visit for a better one, adding one where time is left, replacing a short
run of stops by one visit. Here those scans are numpy arrays, every position of a route against
every candidate at once, with O(1) feasibility each:

- a route keeps, per position (start depot, stops, end depot), the earliest service start
  (forward) and the latest one that still lets the rest of the route keep its windows
  (backward); a change between positions ``a`` and ``b`` fits when the new visit starts in one
  of its windows and reaches ``b`` by ``b``'s latest start;
- **moves**: insert an unvisited node between two positions, or replace one stop or a run of up
  to ``MAX_CHAIN`` stops by it (best improvement over all routes, until none improves);
- **iterations** (ruin and recreate): remove a random stop and its ``RUIN_SIZE − 1`` nearest
  stops, descend again, keep the result only when the objective dropped.

It stops after ``patience`` iterations in a row without a better week (or ``max_improvements``
better weeks): counts, not the clock, so a seed gives the same routes on any machine. Pinned
stops (replan) and mandatory groups stay; a group keeps at most one visited node.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from planner.solve.greedy import INF, Prepared, prepare
from planner.solve.problem import CoreProblem

MAX_CHAIN = 3
"""Longest run of consecutive stops one unvisited node may replace."""
RUIN_SIZE = 8
"""Stops removed per iteration: a seed stop and its nearest stops by travel time."""
PATIENCE = 60
"""Iterations in a row without a better week before the search ends."""
MAX_IMPROVEMENTS = 1_000
"""A second stop: better weeks found (a district week finds a few dozen)."""
MAX_MOVES = 10_000
"""A safety stop on the moves of one descent."""

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class _Timed:
    """One vehicle's route with, per position (start depot, stops, end depot), what the
    feasibility and gain of a move need."""

    nodes: tuple[int, ...]
    locs: Ints
    sites: Ints
    service: Ints
    entry: Ints
    early: Ints
    """Earliest service start (cumul) at each position."""
    late: Ints
    """Latest service start at each position that keeps the rest of the route feasible."""
    cum_cost: Ints
    """Arc costs from the start depot to each position (all 0 for an empty route)."""
    cum_value: Ints
    """Prizes of the positions before each position."""
    cum_demand: Ints
    removable: Bools
    groups: Ints
    """Each position's group (-1 at the depots)."""


@dataclass(frozen=True, slots=True)
class _Candidates:
    """A vehicle's candidate nodes as arrays, with travel and cost columns to and from every
    location (so a route's positions pick rows)."""

    nodes: Ints
    sites: Ints
    entries: Ints
    groups: Ints
    lo: Ints
    hi: Ints
    service: Ints
    demand: Ints
    value: Ints
    time_to: Ints
    time_from: Ints
    cost_to: Ints
    cost_from: Ints


@dataclass(frozen=True, slots=True)
class _Move:
    """Replace positions ``lo+1 .. hi-1`` of ``vehicle``'s route (none: an insertion) by
    ``node``; the objective drops by ``gain`` > 0."""

    gain: int
    vehicle: int
    lo: int
    hi: int
    node: int


class _Search:
    """The routes, which groups are visited, and the best move of each route."""

    def __init__(
        self, problem: CoreProblem, routes: Sequence[Sequence[int]], prep: Prepared
    ) -> None:
        self.problem = problem
        self.prep = prep
        n_nodes = len(problem.nodes)
        self.taken = np.zeros(int(prep.group_of.max()) + 1 if n_nodes else 0, dtype=bool)
        self.value = np.minimum(prep.value, 1e12).astype(np.int64)
        self.penalty = np.zeros(self.taken.size, dtype=np.int64)
        self.penalty[prep.group_of] = self.value
        self.costs = [np.asarray(m, dtype=np.int64) for m in problem.cost]
        self.demand = np.array([n.demand for n in problem.nodes], dtype=np.int64)
        self.service = np.array([n.service for n in problem.nodes], dtype=np.int64)
        pinned = {n for route in problem.pinned for n in route}
        self.fixed = np.array(
            [n in pinned or prep.value[n] >= 1e12 for n in range(n_nodes)], dtype=bool
        )
        self.row = np.full((len(problem.vehicles), n_nodes), -1, dtype=np.int64)
        for v, view in enumerate(prep.views):
            if view is not None:
                self.row[v, view.cand] = np.arange(view.cand.size)
        self.views = [self._candidates(v) for v in range(len(problem.vehicles))]
        self.routes = [self.timed(v, tuple(route)) for v, route in enumerate(routes)]
        for route in routes:
            self.taken[prep.group_of[list(route)]] = True
        self.best: list[_Move | None] = [self.best_move(v) for v in range(len(routes))]

    def timed(self, v: int, nodes: tuple[int, ...]) -> _Timed:
        """``nodes`` as vehicle ``v``'s route with its forward and backward times."""
        vehicle, prep = self.problem.vehicles[v], self.prep
        c = vehicle.vclass
        arr = np.array(nodes, dtype=np.int64)
        locs = np.concatenate(([vehicle.start_loc], prep.locs[arr], [vehicle.end_loc]))
        sites = np.concatenate(([-(2**40)], prep.sites[arr], [-(2**40) - 1]))
        service = np.concatenate(([0], self.service[arr, c], [0]))
        entry = np.concatenate(([0], prep.entries[arr], [0]))
        step = (
            service[:-1]
            + prep.times[c][locs[:-1], locs[1:]]
            + np.where(sites[:-1] != sites[1:], entry[1:], 0)
        )
        size = len(nodes) + 2
        early = np.empty(size, dtype=np.int64)
        late = np.empty(size, dtype=np.int64)
        early[0], late[-1] = vehicle.earliest, vehicle.latest
        rows = self.row[v, arr]
        view = prep.views[v]
        for k in range(1, size):
            t = int(early[k - 1] + step[k - 1])
            if k < size - 1 and view is not None:
                lo, hi = view.lo[rows[k - 1]], view.hi[rows[k - 1]]
                t = max(t, int(lo[0])) if t <= hi[0] else max(t, int(lo[1])) if t <= hi[1] else INF
            early[k] = t
        for k in range(size - 2, -1, -1):
            t = int(late[k + 1] - step[k])
            if k == 0:
                t = min(t, vehicle.latest)
            elif view is not None:
                lo, hi = view.lo[rows[k - 1]], view.hi[rows[k - 1]]
                t = min(t, int(hi[1])) if t >= lo[1] else min(t, int(hi[0])) if t >= lo[0] else -INF
            late[k] = t
        arcs = self.costs[c][locs[:-1], locs[1:]] if nodes else np.zeros(size - 1, np.int64)
        values = np.concatenate(([0], self.value[arr], [0]))
        demands = np.concatenate(([0], self.demand[arr], [0]))
        return _Timed(
            nodes=nodes,
            locs=locs,
            sites=sites,
            service=service,
            entry=entry,
            early=early,
            late=late,
            cum_cost=np.concatenate(([0], np.cumsum(arcs))),
            cum_value=np.concatenate(([0], np.cumsum(values)[:-1])),
            cum_demand=np.concatenate(([0], np.cumsum(demands)[:-1])),
            removable=np.concatenate(([False], ~self.fixed[arr], [False])),
            groups=np.concatenate(([-1], prep.group_of[arr], [-1])),
        )

    def _candidates(self, v: int) -> _Candidates | None:
        """Vehicle ``v``'s candidate arrays (None: it has no candidates)."""
        view, prep = self.prep.views[v], self.prep
        if view is None:
            return None
        c = self.problem.vehicles[v].vclass
        tmat, cmat, locs = prep.times[c], self.costs[c], prep.locs[view.cand]
        return _Candidates(
            nodes=view.cand,
            sites=prep.sites[view.cand],
            entries=prep.entries[view.cand],
            groups=prep.group_of[view.cand],
            lo=view.lo,
            hi=view.hi,
            service=view.service,
            demand=self.demand[view.cand],
            value=self.value[view.cand],
            time_to=np.ascontiguousarray(tmat[:, locs]),
            time_from=np.ascontiguousarray(tmat[locs, :].T),
            cost_to=np.ascontiguousarray(cmat[:, locs]),
            cost_from=np.ascontiguousarray(cmat[locs, :].T),
        )

    def _positions(self, route: _Timed) -> tuple[Ints, Ints, Ints]:
        """Every (a, b) whose positions between may be replaced, with their groups (padded
        with -2 to ``MAX_CHAIN`` columns)."""
        size = len(route.nodes) + 2
        a_all, b_all, g_all = [], [], []
        for chain in range(MAX_CHAIN + 1):
            a = np.arange(max(0, size - 1 - chain))
            keep = np.ones(a.size, dtype=bool)
            for k in range(1, chain + 1):
                keep &= route.removable[a + k]
            a = a[keep]
            groups = np.full((a.size, MAX_CHAIN), -2, dtype=np.int64)
            for k in range(1, chain + 1):
                groups[:, k - 1] = route.groups[a + k]
            a_all.append(a)
            b_all.append(a + chain + 1)
            g_all.append(groups)
        return np.concatenate(a_all), np.concatenate(b_all), np.concatenate(g_all)

    def best_move(self, v: int, only: Ints | None = None) -> _Move | None:
        """The best improving move on vehicle ``v`` (with ``only``: among those nodes)."""
        cv = self.views[v]
        if cv is None:
            return None
        rows = None if only is None else self.row[v, only]
        if rows is not None:
            rows = rows[rows >= 0]
            if rows.size == 0:
                return None
        route, vehicle = self.routes[v], self.problem.vehicles[v]
        a, b, removed = self._positions(route)
        if a.size == 0:
            return None

        def pick(x: Any) -> Any:
            return x if rows is None else x[..., rows]

        sites, groups = pick(cv.sites), pick(cv.groups)
        lo, hi = (cv.lo, cv.hi) if rows is None else (cv.lo[rows], cv.hi[rows])
        arrive = (
            (route.early[a] + route.service[a])[:, None]
            + pick(cv.time_to[route.locs[a]])
            + np.where(sites[None, :] != route.sites[a][:, None], pick(cv.entries)[None, :], 0)
        )
        start = np.where(
            arrive <= hi[:, 0],
            np.maximum(arrive, lo[:, 0]),
            np.where(arrive <= hi[:, 1], np.maximum(arrive, lo[:, 1]), INF),
        )
        onward = (
            start
            + pick(cv.service)
            + pick(cv.time_from[route.locs[b]])
            + np.where(sites[None, :] != route.sites[b][:, None], route.entry[b][:, None], 0)
        )
        allowed = ~self.taken[groups][None, :] | (groups[None, :, None] == removed[:, None, :]).any(
            axis=2
        )
        if vehicle.capacity is not None:
            load = route.cum_demand[-1] - (route.cum_demand[b] - route.cum_demand[a + 1])
            allowed &= load[:, None] + pick(cv.demand)[None, :] <= vehicle.capacity
        ok = allowed & (start < INF) & (onward <= route.late[b][:, None])
        if not ok.any():
            return None
        old = route.cum_cost[b] - route.cum_cost[a] - (route.cum_value[b] - route.cum_value[a + 1])
        added = pick(cv.cost_to[route.locs[a]]) + pick(cv.cost_from[route.locs[b]])
        gain = np.where(ok, pick(cv.value)[None, :] - added + old[:, None], -INF)
        k = int(np.argmax(gain))
        p, j = divmod(k, gain.shape[1])
        if gain[p, j] <= 0:
            return None
        node = int(cv.nodes[j] if rows is None else cv.nodes[rows[j]])
        return _Move(int(gain[p, j]), v, int(a[p]), int(b[p]), node)

    def set_route(self, v: int, route: _Timed) -> None:
        """Give vehicle ``v`` ``route`` (groups taken and freed accordingly)."""
        group_of = self.prep.group_of
        self.taken[group_of[list(self.routes[v].nodes)]] = False
        self.routes[v] = route
        self.taken[group_of[list(route.nodes)]] = True

    def refresh(self, changed: set[int], freed: Ints) -> None:
        """Best moves again after routes ``changed`` and ``freed`` nodes became unvisited:
        whole for the changed routes and those whose best node is now taken, else only
        against the freed nodes."""
        group_of = self.prep.group_of
        for v in range(len(self.routes)):
            move = self.best[v]
            if v in changed or (move is not None and self.taken[group_of[move.node]]):
                self.best[v] = self.best_move(v)
            elif freed.size:
                other = self.best_move(v, freed)
                if other is not None and (move is None or other.gain > move.gain):
                    self.best[v] = other

    def descend(self) -> None:
        """Apply the best move of all routes until none improves."""
        for _ in range(MAX_MOVES):
            moves = [m for m in self.best if m is not None]
            if not moves:
                return
            move = max(moves, key=lambda m: (m.gain, -m.vehicle, -m.lo))
            nodes = self.routes[move.vehicle].nodes
            out = np.array(nodes[move.lo : move.hi - 1], dtype=np.int64)
            changed = (*nodes[: move.lo], move.node, *nodes[move.hi - 1 :])
            self.set_route(move.vehicle, self.timed(move.vehicle, changed))
            self.refresh({move.vehicle}, out[~self.taken[self.prep.group_of[out]]])

    def ruin(self, rng: random.Random, size: int) -> None:
        """Remove a random removable stop and its ``size − 1`` nearest removable stops (by the
        first class's travel time); a route that would break keeps its stops."""
        stops = [(v, n) for v, r in enumerate(self.routes) for n in r.nodes if not self.fixed[n]]
        if not stops:
            return
        seed_node = stops[rng.randrange(len(stops))][1]
        locs = self.prep.locs[[n for _, n in stops]]
        near = np.argsort(self.prep.times[0][self.prep.locs[seed_node], locs], kind="stable")
        drop = {stops[k][1] for k in near[:size]}
        changed: set[int] = set()
        freed: list[int] = []
        for v, route in enumerate(self.routes):
            kept = tuple(n for n in route.nodes if n not in drop)
            if len(kept) < len(route.nodes) and np.all((t := self.timed(v, kept)).early <= t.late):
                freed.extend(n for n in route.nodes if n in drop)
                self.set_route(v, t)
                changed.add(v)
        self.refresh(changed, np.array(freed, dtype=np.int64))

    def objective(self) -> int:
        """The core's objective: penalties of unvisited groups plus arc costs."""
        unvisited = int(np.sum(self.penalty[~self.taken]))
        return unvisited + sum(int(r.cum_cost[-1]) for r in self.routes)


@dataclass(frozen=True, slots=True)
class Improved:
    """What ``improve_routes`` made: the routes, and whether the deadline cut it short."""

    routes: list[list[int]]
    iterations: int
    improvements: int
    timed_out: bool


def improve_routes(
    problem: CoreProblem,
    routes: Sequence[Sequence[int]],
    *,
    seed: int = 0,
    patience: int = PATIENCE,
    max_improvements: int = MAX_IMPROVEMENTS,
    deadline: float | None = None,
    progress: Callable[[float], None] | None = None,
) -> Improved:
    """``routes`` after the descent and ruin-and-recreate iterations (see the module doc);
    every route stays feasible and the objective never rises. ``patience`` 0: the descent
    alone. ``deadline`` (``time.perf_counter()``) is a safety net only: when it passes, the
    best routes so far are returned with ``timed_out``. ``progress(fraction)`` is told how
    far the iterations went (0..1, never decreasing)."""
    if not problem.vehicles or not problem.nodes:
        return Improved([list(r) for r in routes], 0, 0, False)
    search = _Search(problem, routes, prepare(problem))
    search.descend()
    rng = random.Random(seed)
    best = (search.objective(), list(search.routes), search.taken.copy(), list(search.best))
    fails = improvements = iterations = 0
    shown = 0.0
    timed_out = False
    while fails < patience and improvements < max_improvements:
        if deadline is not None and time.perf_counter() >= deadline:
            timed_out = True
            break
        search.ruin(rng, RUIN_SIZE)
        search.descend()
        iterations += 1
        objective = search.objective()
        if objective < best[0]:
            best = (objective, list(search.routes), search.taken.copy(), list(search.best))
            fails, improvements = 0, improvements + 1
        else:
            search.routes, search.taken, search.best = list(best[1]), best[2].copy(), list(best[3])
            fails += 1
        if progress is not None and fails / patience > shown:
            shown = fails / patience
            progress(shown)
    return Improved([list(r.nodes) for r in best[1]], iterations, improvements, timed_out)
