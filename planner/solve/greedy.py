"""A fast warm start for the routing core: value-per-minute greedy route construction.

OR-Tools' own first-solution heuristics need tens of seconds on a district week (about a
thousand optional nodes) and start far from good plans. This builds every vehicle's route by
appending, again and again, the unvisited node with the best value per minute of the vehicle's
time (travel, waiting, setup, service and the change in the way home), with a bonus for nodes
few vehicles can serve. Each step is one vectorised pass over the candidates, so a week takes a
fraction of a second. The engine's local search then improves the result.

The caller picks the warm start once (``warm_start``) and hands it to the engine as initial
routes; engines do not import this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from planner.solve.problem import CoreProblem, SearchOptions, merge_intervals

INF = np.iinfo(np.int64).max // 4


@dataclass(frozen=True, slots=True)
class _VehicleView:
    """What one vehicle's greedy construction needs about its candidate nodes."""

    cand: npt.NDArray[np.int64]
    lo: npt.NDArray[np.int64]
    hi: npt.NDArray[np.int64]
    service: npt.NDArray[np.int64]
    demand: npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A problem's arrays for greedy construction, computed once for every variant."""

    group_of: npt.NDArray[np.int64]
    value: npt.NDArray[np.float64]
    n_allowed: npt.NDArray[np.float64]
    """Per vehicle class and node: how many vehicles compete for the visit — those of the
    class when its service depends on the class (kits), else every vehicle allowed."""
    locs: npt.NDArray[np.int64]
    sites: npt.NDArray[np.int64]
    entries: npt.NDArray[np.int64]
    times: list[npt.NDArray[np.int64]]
    views: list[_VehicleView | None]


def _windows_table(
    problem: CoreProblem,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every node's merged windows as rows of (lo, hi), padded with empty windows."""
    merged = [merge_intervals(node.windows) for node in problem.nodes]
    width = max((len(w) for w in merged), default=1)
    lo = np.full((len(merged), width), INF, dtype=np.int64)
    hi = np.full((len(merged), width), -INF, dtype=np.int64)
    for i, windows in enumerate(merged):
        for w, (a, b) in enumerate(windows):
            lo[i, w], hi[i, w] = a, b
    return lo, hi


def prepare(problem: CoreProblem) -> Prepared:
    """Arrays shared by every greedy variant (vectorised: a district week in well under a
    second, a 7,000-node week in a few)."""
    n_nodes = len(problem.nodes)
    group_of = np.full(n_nodes, -1, dtype=np.int64)
    value = np.zeros(n_nodes, dtype=np.float64)
    for g, group in enumerate(problem.groups):
        for n in group.nodes:
            group_of[n] = g
            value[n] = float(group.penalty) if group.penalty is not None else 1e12
    ungrouped = group_of < 0
    group_of[ungrouped] = len(problem.groups) + np.flatnonzero(ungrouped)
    n_vehicles = len(problem.vehicles)
    allowed_by: list[list[int]] = [[] for _ in range(n_vehicles)]
    n_allowed = np.zeros((max(1, len(problem.time)), n_nodes), dtype=np.float64)
    for i, node in enumerate(problem.nodes):
        allowed = range(n_vehicles) if node.allowed_vehicles is None else node.allowed_vehicles
        alike = len(set(node.service)) == 1  # every class makes this visit the same way
        for v in allowed:
            allowed_by[v].append(i)
            if alike:
                n_allowed[:, i] += 1
            else:
                n_allowed[problem.vehicles[v].vclass, i] += 1
    all_lo, all_hi = _windows_table(problem)
    services = np.zeros((n_nodes, len(problem.time)), dtype=np.int64)
    for i, node in enumerate(problem.nodes):
        services[i, : len(node.service)] = node.service
    demands = np.array([n.demand for n in problem.nodes], dtype=np.int64)
    views: list[_VehicleView | None] = []
    for v, vehicle in enumerate(problem.vehicles):
        cand = np.array(allowed_by[v], dtype=np.int64)
        if cand.size == 0:
            views.append(None)
            continue
        # This vehicle's day: the first two windows per node that meet its working range,
        # clipped to it.
        a, b = all_lo[cand], all_hi[cand]
        meets = (b >= vehicle.earliest) & (a <= vehicle.latest)
        rank = np.cumsum(meets, axis=1) - 1
        lo = np.full((cand.size, 2), INF, dtype=np.int64)
        hi = np.full((cand.size, 2), -1, dtype=np.int64)
        for w in range(2):
            pick = meets & (rank == w)
            row, col = np.nonzero(pick)
            lo[row, w] = np.maximum(a[row, col], vehicle.earliest)
            hi[row, w] = np.minimum(b[row, col], vehicle.latest)
        views.append(_VehicleView(cand, lo, hi, services[cand, vehicle.vclass], demands[cand]))
    return Prepared(
        group_of=group_of,
        value=value,
        n_allowed=n_allowed,
        locs=np.array([n.loc for n in problem.nodes], dtype=np.int64),
        sites=np.array([n.site for n in problem.nodes], dtype=np.int64),
        entries=np.array([n.entry for n in problem.nodes], dtype=np.int64),
        times=[np.asarray(m, dtype=np.int64) for m in problem.time],
        views=views,
    )


def greedy_routes(
    problem: CoreProblem,
    scarcity: float = 0.5,
    time_power: float = 1.0,
    reverse_days: bool = False,
    prepared: Prepared | None = None,
) -> list[list[int]]:
    """Node ids per vehicle; every route is feasible for the core's time model.

    ``scarcity`` favours nodes few vehicles can serve, ``time_power`` > 1 favours short
    visits, ``reverse_days`` fills the last day first; ``prepared`` (from ``prepare``) saves
    recomputing the problem's arrays for each variant.
    """
    prep = prepared or prepare(problem)
    n_nodes = len(problem.nodes)
    group_of = prep.group_of
    # Scarcity: a visit few teams like the one at hand can make comes first.
    weight = prep.value * (1.0 + scarcity / np.maximum(prep.n_allowed, 1.0))
    taken = np.zeros(int(group_of.max()) + 1 if n_nodes else 0, dtype=bool)

    order = sorted(
        range(len(problem.vehicles)),
        key=lambda v: (-_clock(problem, v) if reverse_days else _clock(problem, v), v),
    )
    routes: list[list[int]] = [[] for _ in problem.vehicles]
    for v in order:
        view = prep.views[v]
        if view is None:
            continue
        vclass = problem.vehicles[v].vclass
        routes[v] = _vehicle_route(problem, prep, v, view, weight[vclass], taken, time_power)
    return routes


def _clock(problem: CoreProblem, v: int) -> int:
    """Vehicle ``v``'s start on the real week's clock (day by day, whatever its class)."""
    vehicle = problem.vehicles[v]
    return vehicle.earliest if vehicle.week_minute is None else vehicle.week_minute


def _vehicle_route(
    problem: CoreProblem,
    prep: Prepared,
    v: int,
    view: _VehicleView,
    weight: npt.NDArray[np.float64],
    taken: npt.NDArray[np.bool_],
    time_power: float,
) -> list[int]:
    """Vehicle ``v``'s greedy route: the best value per minute again and again, its pinned
    stops kept at their times; marks the groups it takes in ``taken``."""
    vehicle = problem.vehicles[v]
    group_of, locs, sites, entries = prep.group_of, prep.locs, prep.sites, prep.entries
    cand, lo, hi, service, demand = view.cand, view.lo, view.hi, view.service, view.demand
    tmat = prep.times[vehicle.vclass]
    c_locs, c_sites, c_entries = locs[cand], sites[cand], entries[cand]
    c_groups, c_weight = group_of[cand], weight[cand]
    load = 0
    capacity = vehicle.capacity if vehicle.capacity is not None else INF
    route: list[int] = []

    leave = vehicle.earliest
    here = vehicle.start_loc
    here_site = -(10**9)
    pending = list(problem.pinned[v]) if v < len(problem.pinned) else []
    for node in pending:
        taken[group_of[node]] = True
    while True:
        # Before a pinned stop, a candidate must leave time to reach it by its fixed start.
        if pending:
            nxt = problem.nodes[pending[0]]
            goal_loc, goal_time = nxt.loc, nxt.windows[0][0] - nxt.entry
        else:
            goal_loc, goal_time = vehicle.end_loc, vehicle.latest
        arrive = leave + tmat[here, c_locs] + np.where(c_sites != here_site, c_entries, 0)
        start = np.where(
            arrive <= hi[:, 0],
            np.maximum(arrive, lo[:, 0]),
            np.where(arrive <= hi[:, 1], np.maximum(arrive, lo[:, 1]), INF),
        )
        end = start + service
        onward = tmat[c_locs, goal_loc]
        back = end + onward
        ok = (start < INF) & (back <= goal_time) & ~taken[c_groups] & (load + demand <= capacity)
        if not ok.any():
            if not pending:
                break
            node = pending.pop(0)
            route.append(node)
            load += problem.nodes[node].demand
            leave = problem.nodes[node].windows[0][0] + problem.nodes[node].service[vehicle.vclass]
            here, here_site = problem.nodes[node].loc, problem.nodes[node].site
            continue
        used = (end - leave) + onward - tmat[here, goal_loc]
        score = np.where(ok, c_weight / np.maximum(used, 1) ** time_power, -1.0)
        k = int(np.argmax(score))
        node = int(cand[k])
        route.append(node)
        taken[group_of[node]] = True
        load += int(demand[k])
        leave = int(end[k])
        here = int(c_locs[k])
        here_site = int(c_sites[k])
    return route


def route_value(problem: CoreProblem, routes: Sequence[Sequence[int]]) -> int:
    """Collected prizes minus arc costs: what the core's objective rewards (higher is better)."""
    prize = {n: g.penalty or 0 for g in problem.groups for n in g.nodes}
    total = 0
    for v, route in enumerate(routes):
        vehicle = problem.vehicles[v]
        cost = problem.cost[vehicle.vclass]
        here = vehicle.start_loc
        for n in route:
            total += prize.get(n, 0) - cost[here][problem.nodes[n].loc]
            here = problem.nodes[n].loc
        if route:
            total -= cost[here][vehicle.end_loc]
    return int(total)


def best_greedy_routes(problem: CoreProblem) -> list[list[int]]:
    """The best of a small fixed grid of greedy variants (deterministic, well under a second
    per dozen variants on a district week)."""
    best: tuple[int, list[list[int]]] | None = None
    prepared = prepare(problem)
    for reverse_days in (False, True):
        for scarcity in (0.0, 0.5, 2.0):
            for time_power in (1.0, 1.15, 1.3):
                routes = greedy_routes(problem, scarcity, time_power, reverse_days, prepared)
                value = route_value(problem, routes)
                if best is None or value > best[0]:
                    best = (value, routes)
    return best[1] if best else []


def warm_start(problem: CoreProblem, options: SearchOptions) -> list[list[int]] | None:
    """The initial routes for an engine: ``best_greedy_routes`` when ``options.warm_start``,
    else None (the engine's own first solution)."""
    return best_greedy_routes(problem) if options.warm_start else None
