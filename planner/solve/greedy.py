"""A fast warm start for the routing core: value-per-minute greedy route construction.

OR-Tools' own first-solution heuristics need tens of seconds on a district week (about a
thousand optional nodes) and start far from good plans. This builds every vehicle's route by
appending, again and again, the unvisited node with the best value per minute of the vehicle's
time (travel, waiting, setup, service and the change in the way home), with a bonus for nodes
few vehicles can serve. Each step is one vectorised pass over the candidates, so a week takes a
fraction of a second. The guided local search then improves the result.
"""

from __future__ import annotations

import numpy as np

from planner.solve.core import CoreProblem, merge_intervals

INF = np.iinfo(np.int64).max // 4


def greedy_routes(
    problem: CoreProblem,
    scarcity: float = 0.5,
    time_power: float = 1.0,
    reverse_days: bool = False,
) -> list[list[int]]:
    """Node ids per vehicle; every route is feasible for the core's time model.

    ``scarcity`` favours nodes few vehicles can serve, ``time_power`` > 1 favours short
    visits, ``reverse_days`` fills the last day first.
    """
    n_nodes = len(problem.nodes)
    group_of = np.full(n_nodes, -1, dtype=np.int64)
    value = np.zeros(n_nodes, dtype=np.float64)
    for g, group in enumerate(problem.groups):
        for n in group.nodes:
            group_of[n] = g
            value[n] = float(group.penalty) if group.penalty is not None else 1e12
    ungrouped = group_of < 0
    group_of[ungrouped] = len(problem.groups) + np.flatnonzero(ungrouped)
    n_allowed = np.array(
        [
            len(n.allowed_vehicles) if n.allowed_vehicles is not None else len(problem.vehicles)
            for n in problem.nodes
        ],
        dtype=np.float64,
    )
    weight = value * (1.0 + scarcity / np.maximum(n_allowed, 1.0))
    taken = np.zeros(int(group_of.max()) + 1 if n_nodes else 0, dtype=bool)
    locs = np.array([n.loc for n in problem.nodes], dtype=np.int64)
    sites = np.array([n.site for n in problem.nodes], dtype=np.int64)
    entries = np.array([n.entry for n in problem.nodes], dtype=np.int64)
    times = [np.asarray(m, dtype=np.int64) for m in problem.time]

    order = sorted(
        range(len(problem.vehicles)),
        key=lambda v: (
            -problem.vehicles[v].earliest if reverse_days else problem.vehicles[v].earliest,
            v,
        ),
    )
    routes: list[list[int]] = [[] for _ in problem.vehicles]
    for v in order:
        vehicle = problem.vehicles[v]
        cand = np.array(
            [
                i
                for i, node in enumerate(problem.nodes)
                if node.allowed_vehicles is None or v in node.allowed_vehicles
            ],
            dtype=np.int64,
        )
        if cand.size == 0:
            continue
        # This vehicle's day: up to two windows per node clipped to its working range.
        lo = np.full((cand.size, 2), INF, dtype=np.int64)
        hi = np.full((cand.size, 2), -1, dtype=np.int64)
        for k, i in enumerate(cand):
            clipped = [
                (max(a, vehicle.earliest), min(b, vehicle.latest))
                for a, b in merge_intervals(problem.nodes[i].windows)
                if b >= vehicle.earliest and a <= vehicle.latest
            ][:2]
            for w, (a, b) in enumerate(clipped):
                lo[k, w], hi[k, w] = a, b
        tmat = times[vehicle.vclass]
        service = np.array([problem.nodes[i].service[vehicle.vclass] for i in cand])
        c_locs, c_sites, c_entries = locs[cand], sites[cand], entries[cand]
        demand = np.array([problem.nodes[i].demand for i in cand], dtype=np.int64)
        load = 0
        capacity = vehicle.capacity if vehicle.capacity is not None else INF

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
            ok = (
                (start < INF)
                & (back <= goal_time)
                & ~taken[group_of[cand]]
                & (load + demand <= capacity)
            )
            if not ok.any():
                if not pending:
                    break
                node = pending.pop(0)
                routes[v].append(node)
                load += problem.nodes[node].demand
                leave = (
                    problem.nodes[node].windows[0][0] + problem.nodes[node].service[vehicle.vclass]
                )
                here, here_site = problem.nodes[node].loc, problem.nodes[node].site
                continue
            used = (end - leave) + onward - tmat[here, goal_loc]
            score = np.where(ok, weight[cand] / np.maximum(used, 1) ** time_power, -1.0)
            k = int(np.argmax(score))
            node = int(cand[k])
            routes[v].append(node)
            taken[group_of[node]] = True
            load += int(demand[k])
            leave = int(end[k])
            here = int(c_locs[k])
            here_site = int(c_sites[k])
    return routes


def route_value(problem: CoreProblem, routes: list[list[int]]) -> int:
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
    return total


def best_greedy_routes(problem: CoreProblem) -> list[list[int]]:
    """The best of a small fixed grid of greedy variants (deterministic, well under a second
    per dozen variants on a district week)."""
    best: tuple[int, list[list[int]]] | None = None
    for reverse_days in (False, True):
        for scarcity in (0.0, 0.5, 2.0):
            for time_power in (1.0, 1.15, 1.3):
                routes = greedy_routes(problem, scarcity, time_power, reverse_days)
                value = route_value(problem, routes)
                if best is None or value > best[0]:
                    best = (value, routes)
    return best[1] if best else []
