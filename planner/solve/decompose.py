"""Large weeks in zones: a district of thousands of sites solved as several small routing models.

OR-Tools' local search slows with nodes × vehicles: a 1,000-site week with 90 team-days (3,000
nodes) finds about one improving solution every three seconds, and a 2,500-site week's model
(7,500 nodes) needs gigabytes for its transit matrices alone. So above ``ZONE_THRESHOLD``
(nodes × team-days) the week is split:

1. The vectorised greedy builds every team-day's route over the **whole** district: it decides
   where each team-day is worth most (near its base, where the value per minute is highest).
2. Sites are clustered into zones of about ``ZONE_NODES`` nodes by k-means on their coordinates
   (deterministic: seeded k-means++, a fixed iteration cap).
3. Each team-day joins the zone where its greedy route collected most value (a team-day with an
   empty route, the zone nearest its base): team-days go where the value is, not evenly.
4. Each zone is solved on its own by ``solve_ortools`` (same model, a fraction of the nodes and
   vehicles), warm-started from the better of the greedy routes restricted to the zone and a
   greedy run inside the zone; each zone gets a share of the caller's time limit (by size,
   unused time passes on) and the caller's solution-count stop, so a run is repeatable.
5. The zones' routes are merged into one ``CoreSolution`` over the whole model; printers, cards
   and unserved reasons are then decided district-wide by the caller.

A site of a zone with no team-day, or one that no team-day of its zone may visit, is simply
not visited; ``explain_unserved`` gives it its reason from the merged routes like any other.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from planner.solve.engines.ortools import solve_ortools
from planner.solve.greedy import best_greedy_routes, route_value
from planner.solve.problem import (
    CoreGroup,
    CoreNode,
    CoreProblem,
    CoreSolution,
    SearchOptions,
)

ZONE_THRESHOLD = 20_000
"""Weeks whose nodes × team-days exceed this are solved in zones. The sample (631 nodes × 21
team-days = 13,251) is solved whole; a 400-site week with 8 teams (690 × 48 = 33,120) gains
2.5 % in zones (measured with one node per kit count, when the threshold was 40,000: a chunk
is one node since, half as many for the same sites, so the threshold and the zone size were
halved to keep the same weeks and the same sites per zone)."""
ZONE_NODES = 200
"""Target nodes per zone (measured with one node per kit count: 400 such nodes, now about 200,
gained more per second than 250 or 700 on 1,000 and 2,500 sites)."""
MIN_ZONE_SECONDS = 1.0
ZONE_ROUNDS = 6
"""Rounds of zones at most: each round improves every zone from the routes of the round before
(measured on 2,500 sites: −0.25 %, −0.16 %, −0.08 %, −0.05 %, −0.02 % of the objective per
round after the first)."""
KMEANS_ITERATIONS = 50

ZoneProgress = Callable[[int, int, int, int], None]
"""``progress(zone, zones, solutions_found, objective)`` during each zone's search."""


@dataclass(frozen=True, slots=True)
class Zone:
    """A part of the week: its nodes and vehicles (ids in the whole model)."""

    nodes: tuple[int, ...]
    vehicles: tuple[int, ...]


def in_zones(problem: CoreProblem, threshold: int = ZONE_THRESHOLD) -> bool:
    """Whether ``problem`` is large enough to be solved in zones."""
    return len(problem.nodes) * len(problem.vehicles) > threshold


def plane_km(points: Sequence[tuple[float, float]]) -> npt.NDArray[np.float64]:
    """(lat, lon) → a local plane in km (equirectangular), fine for clustering a district."""
    if not points:
        return np.zeros((0, 2))
    lat_lon = np.asarray(points, dtype=np.float64)
    mid = math.radians(float(lat_lon[:, 0].mean()))
    return np.column_stack((lat_lon[:, 0] * 111.32, lat_lon[:, 1] * 111.32 * math.cos(mid)))


def kmeans(
    xy: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], k: int, seed: int = 0
) -> npt.NDArray[np.int64]:
    """Labels 0..k−1 of weighted k-means (k-means++ start from ``seed``, Lloyd steps); the
    same points and seed always give the same labels."""
    n = len(xy)
    k = max(1, min(k, n))
    rng = np.random.default_rng(seed)
    centres = np.empty((k, 2))
    centres[0] = xy[int(np.argmax(weights))]
    nearest = ((xy - centres[0]) ** 2).sum(axis=1)
    for c in range(1, k):
        chance = nearest * weights
        total = chance.sum()
        pick = int(rng.choice(n, p=chance / total)) if total > 0 else c
        centres[c] = xy[pick]
        nearest = np.minimum(nearest, ((xy - centres[c]) ** 2).sum(axis=1))
    labels = np.full(n, -1, dtype=np.int64)
    for _ in range(KMEANS_ITERATIONS):
        distance = ((xy[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        new = np.argmin(distance, axis=1).astype(np.int64)
        if np.array_equal(new, labels):
            break
        labels = new
        for c in range(k):
            member = labels == c
            if member.any():
                w = weights[member]
                centres[c] = (xy[member] * w[:, None]).sum(axis=0) / w.sum()
    return labels


def make_zones(
    problem: CoreProblem,
    coords: npt.NDArray[np.float64],
    routes: Sequence[Sequence[int]],
    zone_nodes: int = ZONE_NODES,
    seed: int = 0,
) -> list[Zone]:
    """Zones of about ``zone_nodes`` nodes; ``coords`` are plane km per location, ``routes``
    the whole week's current routes (node ids per vehicle), ``seed`` the clustering's."""
    n_vehicles = len(problem.vehicles)
    pinned_owner: dict[int, int] = {
        node: v for v, nodes in enumerate(problem.pinned) for node in nodes
    }
    free = [i for i in range(len(problem.nodes)) if i not in pinned_owner]
    locs = sorted({problem.nodes[i].loc for i in free})
    loc_row = {loc: r for r, loc in enumerate(locs)}
    weights = np.zeros(len(locs))
    for i in free:
        weights[loc_row[problem.nodes[i].loc]] += 1.0
    k = max(1, min(n_vehicles, math.ceil(len(free) / zone_nodes)))
    labels = kmeans(coords[locs], weights, k, seed) if locs else np.zeros(0, dtype=np.int64)
    zone_of_node = {i: int(labels[loc_row[problem.nodes[i].loc]]) for i in free}

    prize = {n: g.penalty or 0 for g in problem.groups for n in g.nodes}
    centres = np.array(
        [
            coords[locs][labels == z].mean(axis=0) if (labels == z).any() else (np.inf, np.inf)
            for z in range(k)
        ]
    ).reshape(k, 2)
    vehicle_zone: list[int] = []
    for v in range(n_vehicles):
        gained = np.zeros(k)
        for node in routes[v] if v < len(routes) else ():
            if node in zone_of_node:
                gained[zone_of_node[node]] += prize.get(node, 0)
        if gained.max() > 0:
            vehicle_zone.append(int(np.argmax(gained)))
        else:
            base = coords[problem.vehicles[v].start_loc]
            vehicle_zone.append(int(np.argmin(((centres - base) ** 2).sum(axis=1))))

    # A node the greedy visited stays with its team-day, so each zone's warm start holds its
    # team-days' whole greedy routes (the merged plan is never worse than the greedy); the
    # other chunks of a visited site follow it, the rest keep their cluster.
    site_zone: dict[int, int] = {}
    group_zone: dict[int, int] = {}
    group_of = {n: g for g, group in enumerate(problem.groups) for n in group.nodes}
    for v, route in enumerate(routes):
        for node in route:
            if node in zone_of_node:
                group_zone[group_of.get(node, -1 - node)] = vehicle_zone[v]
                site_zone.setdefault(problem.nodes[node].site, vehicle_zone[v])
    for i in free:
        zone_of_node[i] = group_zone.get(
            group_of.get(i, -1 - i), site_zone.get(problem.nodes[i].site, zone_of_node[i])
        )

    zones = []
    for z in range(k):
        vehicles = tuple(v for v in range(n_vehicles) if vehicle_zone[v] == z)
        members = {i for i in free if zone_of_node[i] == z}
        members.update(node for node, v in pinned_owner.items() if vehicle_zone[v] == z)
        zones.append(Zone(tuple(sorted(members)), vehicles))
    return zones


@dataclass(frozen=True, slots=True)
class _Sub:
    """A zone's own problem and the maps back to the whole model."""

    problem: CoreProblem
    nodes: list[int]
    vehicles: list[int]


def subproblem(problem: CoreProblem, zone: Zone) -> _Sub:
    """The zone's nodes and vehicles as a ``CoreProblem`` of its own (same matrices)."""
    vehicle_local = {v: j for j, v in enumerate(zone.vehicles)}
    nodes: list[int] = []
    node_local: dict[int, int] = {}
    core_nodes: list[CoreNode] = []
    for i in zone.nodes:
        node = problem.nodes[i]
        allowed = None
        if node.allowed_vehicles is not None:
            allowed = tuple(vehicle_local[v] for v in node.allowed_vehicles if v in vehicle_local)
            if not allowed:
                continue
        node_local[i] = len(nodes)
        nodes.append(i)
        core_nodes.append(replace(node, allowed_vehicles=allowed))
    groups = []
    for group in problem.groups:
        members = tuple(node_local[n] for n in group.nodes if n in node_local)
        if members:
            groups.append(CoreGroup(members, group.penalty))
    pinned = [
        [node_local[n] for n in problem.pinned[v] if n in node_local]
        if v < len(problem.pinned)
        else []
        for v in zone.vehicles
    ]
    sub = CoreProblem(
        time=problem.time,
        cost=problem.cost,
        nodes=core_nodes,
        groups=groups,
        vehicles=[problem.vehicles[v] for v in zone.vehicles],
        pinned=pinned if any(pinned) else (),
    )
    return _Sub(sub, nodes, list(zone.vehicles))


def _warm_start(sub: _Sub, routes: Sequence[Sequence[int]], fresh: bool) -> list[list[int]]:
    """The zone's team-days' current routes (whole: every stop they make is in the zone), or
    with ``fresh`` a greedy run inside the zone when that is worth more."""
    local = {n: j for j, n in enumerate(sub.nodes)}
    current = [[local[n] for n in routes[v] if n in local] for v in sub.vehicles]
    if fresh:
        inside = best_greedy_routes(sub.problem)
        if route_value(sub.problem, inside) > route_value(sub.problem, current):
            return inside
    return current


def objective_of(problem: CoreProblem, routes: Sequence[Sequence[int]]) -> int:
    """The core's objective of ``routes``: arc costs plus the penalties of unvisited groups."""
    return sum(g.penalty or 0 for g in problem.groups) - route_value(problem, routes)


def solve_in_zones(
    problem: CoreProblem,
    options: SearchOptions,
    coords: npt.NDArray[np.float64],
    progress: ZoneProgress | None = None,
    zone_nodes: int = ZONE_NODES,
    rounds: int = ZONE_ROUNDS,
) -> tuple[CoreSolution, int]:
    """Solve ``problem`` zone by zone within ``options.time_limit_s`` in all; the merged
    solution (ids of the whole model) and the number of zones of the first round.

    Each round re-clusters (another k-means seed) around the routes so far and improves every
    zone from its team-days' routes, so stops near a zone's border get another chance; a
    round that gains nothing ends the search. A zone's time is its share (by nodes ×
    team-days) of what is left of the round's; once the time limit has passed, later rounds'
    zones keep their routes.
    """
    started = time.perf_counter()
    deadline = started + options.time_limit_s
    routes = best_greedy_routes(problem)
    timed: list[list[tuple[int, int]]] = [[] for _ in problem.vehicles]
    starts = [v.earliest for v in problem.vehicles]
    ends = [v.earliest for v in problem.vehicles]
    objective = objective_of(problem, routes)
    stops: list[str] = []
    first_zones = 0
    for round_no in range(rounds):
        zones = make_zones(problem, coords, routes, zone_nodes, seed=round_no)
        first_zones = first_zones or len(zones)
        subs = [subproblem(problem, zone) for zone in zones if zone.vehicles]
        work = [len(s.nodes) * len(s.vehicles) for s in subs]
        now = time.perf_counter()
        round_deadline = now + (deadline - now) / (rounds - round_no)
        for z, sub in enumerate(subs):
            now = time.perf_counter()
            if round_no and now >= deadline:
                stops.append("time_limit")
                continue
            share = (round_deadline - now) * work[z] / max(1, sum(work[z:]))
            zone_options = replace(
                options, time_limit_s=max(MIN_ZONE_SECONDS, share), warm_start=False
            )

            def on_solution(
                found: int, value: int, step: int = round_no * len(subs) + z, of: int = len(subs)
            ) -> None:
                if progress is not None:
                    progress(step, rounds * of, found, value)

            solution = solve_ortools(
                sub.problem,
                zone_options,
                progress=on_solution,
                initial_routes=_warm_start(sub, routes, fresh=round_no == 0),
            )
            if solution is None:  # only a model with mandatory groups can be infeasible
                raise RuntimeError(f"zone {z + 1} of {len(subs)} has no feasible solution")
            stops.append(solution.stopped_by)
            for j, v in enumerate(sub.vehicles):
                timed[v] = [(sub.nodes[n], at) for n, at in solution.routes[j]]
                starts[v], ends[v] = solution.starts[j], solution.ends[j]
        routes = [[n for n, _ in route] for route in timed]
        total = objective_of(problem, routes)
        improved = total < objective or round_no == 0
        objective = total
        if not improved or time.perf_counter() >= deadline:
            break
    visited = {n for route in timed for n, _ in route}
    stopped_by = next((s for s in ("time_limit", "solution_limit") if s in stops), "local_optimum")
    solution = CoreSolution(
        routes=timed,
        starts=starts,
        ends=ends,
        objective=objective,
        stopped_by=stopped_by,
        wall_s=time.perf_counter() - started,
        dropped=[i for i in range(len(problem.nodes)) if i not in visited],
    )
    return solution, first_zones
