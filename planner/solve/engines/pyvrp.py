"""The routing core solved by PyVRP (iterated local search), with ``solve_core``'s contract.

``solve_pyvrp`` takes the same ``CoreProblem`` and ``SearchOptions`` as ``core.solve_core`` and
returns the same ``CoreSolution``: node ids of ``problem.nodes``, service-start times on the
week axis, ``objective`` = penalties of unvisited groups + arc costs (the OR-Tools objective).

Mapping (PyVRP enforces these natively):

- **Locations**: one per base location (the depots), then one per distinct (loc, site, entry,
  vehicle classes allowed, pinned vehicle) of the nodes, so matrices are locations², not
  clients² (a district week: ~1,100 nodes, ~5,300 clients, ~700 locations).
- **Time model**: duration(a → b) = time[class][loc a][loc b] + entry(b) when site(a) ≠ site(b);
  a client's ``service_duration`` is its node's service for the classes that may serve it (the
  longest: conservative, any PyVRP-feasible route is feasible with the exact per-class
  service). Start-of-service windows and waiting are PyVRP's own, like the core's cumuls.
- **Windows**: one client per (node, merged window interval); all clients of a ``CoreGroup``
  form one mutually exclusive ``ClientGroup`` (at most one visited); prize = group penalty.
  A mandatory group (penalty None) is a required client or a required group; a node in no
  group is required (as in OR-Tools, where a node outside every disjunction must be visited).
- **Vehicles**: one vehicle type per distinct (base, class, shift, capacity, profile) with
  ``num_available`` = its count (identical team-days are interchangeable, which removes
  symmetry); ``tw_early``/``tw_late`` = earliest/latest; capacity = the demand dimension.
- **Vehicle classes** (kits, vehicle profile) are PyVRP *profiles*: edges into a location that
  no vehicle of the class may serve get a prohibitive duration (any use is time warp, never a
  feasible solution). **Pinned** nodes (replan) get their own location, a one-point window and
  a profile per pinned vehicle that alone may reach them.

Enforced afterwards: ``allowed_vehicles`` finer than class (e.g. a team-day's own hours) is
checked when the solution is read back, as is every window, shift end, capacity and group; a
violating stop is dropped (never seen on the sample, but the result is always verified).
Printers, the blank budget and exact rule-4 durations are decided after either engine by
``planner.solve.extract``.

Search budget: ``options.solution_limit`` (improving solutions for OR-Tools) becomes a
deterministic iteration budget, ``ITERATIONS_PER_SOLUTION`` ILS iterations per solution;
``options.time_limit_s`` is the ``MaxRuntime`` safety net. A fixed ``seed`` and iteration
budget give the same routes on any machine, as long as the time limit does not stop the search.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from pyvrp import (
    Client,
    ClientGroup,
    Depot,
    Location,
    ProblemData,
    RandomNumberGenerator,
    Route,
    Solution,
    VehicleType,
)
from pyvrp.IteratedLocalSearch import (
    IteratedLocalSearch,
    IteratedLocalSearchCallbacks,
    IteratedLocalSearchParams,
)
from pyvrp.PenaltyManager import PenaltyManager
from pyvrp.search import LocalSearch, PerturbationManager, compute_neighbours
from pyvrp.solve import SolveParams
from pyvrp.stop import MaxIterations, MaxRuntime, MultipleCriteria, StoppingCriterion

from planner.solve.core import (
    CoreProblem,
    CoreSolution,
    SearchOptions,
    merge_intervals,
    solve_core,
)

ITERATIONS_PER_SOLUTION = 250
"""ILS iterations per unit of ``SearchOptions.solution_limit``: the product default 60 →
15,000 iterations, about 4 s of search on the sample week (3,000–4,000 iterations/s on this
2-core machine), the same order as OR-Tools' 60 improving solutions. ``solution_limit`` None:
no iteration cap, the time limit alone stops the search (as for OR-Tools)."""
SEED = 0
FORBIDDEN = 10**9
"""Duration and distance of an edge a profile may not use: far above any shift."""
MAX_MATRIX_BYTES = 1 << 30
"""Above this many bytes of PyVRP matrices (profiles × locations² × 16) fall back to OR-Tools."""

Int64s = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class PyvrpModel:
    """A ``CoreProblem`` as PyVRP data, with what is needed to read solutions back."""

    data: ProblemData
    client_node: list[int]
    """PyVRP client index → core node id."""
    node_clients: list[list[tuple[int, int, int]]]
    """Core node id → its clients as (client index, window lo, window hi)."""
    type_vehicles: list[list[int]]
    """PyVRP vehicle type → the core vehicles it stands for (in order)."""
    vehicle_type: list[int]
    """Core vehicle → its PyVRP vehicle type."""
    prize_offset: int
    """PyVRP cost − core objective for any solution (prizes counted per client, not group)."""


def _service_for(problem: CoreProblem, node: int, classes: Sequence[int]) -> int:
    services = problem.nodes[node].service
    return max(services[c] for c in classes) if classes else max(services)


def _pins_of(problem: CoreProblem, vehicle: int) -> Sequence[int]:
    return problem.pinned[vehicle] if vehicle < len(problem.pinned) else ()


LocKey = tuple[int, int, int, tuple[int, ...], int]
"""(loc, site, entry, vehicle classes allowed, pinned vehicle or -1)."""


def _locations(problem: CoreProblem) -> tuple[list[int], list[tuple[int, ...]], list[LocKey]]:
    """Base locations, each node's allowed vehicle classes, and the client location keys."""
    vehicles = problem.vehicles
    pinned_by = {n: v for v in range(len(vehicles)) for n in _pins_of(problem, v)}
    class_of = [v.vclass for v in vehicles]
    every = tuple(sorted(set(class_of)))
    node_classes = [
        every
        if node.allowed_vehicles is None
        else tuple(sorted({class_of[v] for v in node.allowed_vehicles}))
        for node in problem.nodes
    ]
    bases = sorted({v.start_loc for v in vehicles} | {v.end_loc for v in vehicles})
    keys = [
        (node.loc, node.site, node.entry, node_classes[i], pinned_by.get(i, -1))
        for i, node in enumerate(problem.nodes)
    ]
    return bases, node_classes, keys


def matrix_bytes(problem: CoreProblem) -> int:
    """Bytes of PyVRP's distance and duration matrices for ``problem``."""
    bases, _, keys = _locations(problem)
    n_locs = len(bases) + len(set(keys))
    pinned_vehicles = sum(1 for v in range(len(problem.vehicles)) if _pins_of(problem, v))
    return (len(problem.time) + pinned_vehicles) * n_locs * n_locs * 16


def to_pyvrp(problem: CoreProblem) -> PyvrpModel:
    """Build PyVRP's ``ProblemData`` for ``problem`` (numpy matrices, no per-edge calls)."""
    n_classes = len(problem.time)
    vehicles = problem.vehicles
    bases, node_classes, node_keys = _locations(problem)
    depot_of = {loc: i for i, loc in enumerate(bases)}
    loc_index: dict[LocKey, int] = {}
    node_location: list[int] = []
    for key in node_keys:
        if key not in loc_index:
            loc_index[key] = len(bases) + len(loc_index)
        node_location.append(loc_index[key])
    n_locs = len(bases) + len(loc_index)
    keys = list(loc_index)
    raw_loc = np.array(bases + [k[0] for k in keys], dtype=np.int64)
    site = np.array([-1 - i for i in range(len(bases))] + [k[1] for k in keys], dtype=np.int64)
    entry = np.array([0] * len(bases) + [k[2] for k in keys], dtype=np.int64)
    pin_vehicle = np.array([-1] * len(bases) + [k[4] for k in keys], dtype=np.int64)
    may_class = np.ones((n_classes, n_locs), dtype=bool)
    for idx, key in enumerate(keys):
        may_class[:, len(bases) + idx] = False
        may_class[list(key[3]), len(bases) + idx] = True

    # Profiles: one per vehicle class, one per vehicle with pinned stops.
    grid = np.ix_(raw_loc, raw_loc)
    entry_paid = np.where(site[:, None] != site[None, :], entry[None, :], 0)
    base_dur: list[Int64s] = []
    base_dist: list[Int64s] = []
    for c in range(n_classes):
        base_dur.append(np.asarray(problem.time[c], dtype=np.int64)[grid] + entry_paid)
        base_dist.append(np.asarray(problem.cost[c], dtype=np.int64)[grid])
    del entry_paid
    durations: list[Int64s] = []
    distances: list[Int64s] = []

    def add_profile(c: int, forbid: npt.NDArray[np.bool_]) -> int:
        dur = np.where(forbid[None, :], FORBIDDEN, base_dur[c])
        dist = np.where(forbid[None, :], FORBIDDEN, base_dist[c])
        np.fill_diagonal(dur, 0)
        np.fill_diagonal(dist, 0)
        durations.append(dur)
        distances.append(dist)
        return len(durations) - 1

    for c in range(n_classes):
        add_profile(c, ~may_class[c] | (pin_vehicle >= 0))
    profile_of = [
        add_profile(veh.vclass, ~may_class[veh.vclass] | ((pin_vehicle >= 0) & (pin_vehicle != v)))
        if _pins_of(problem, v)
        else veh.vclass
        for v, veh in enumerate(vehicles)
    ]

    # Vehicle types: identical vehicles share one (num_available = count).
    with_load = any(v.capacity is not None for v in vehicles)
    big = sum(n.demand for n in problem.nodes) + 1
    type_index: dict[tuple[int, int, int, int, int, int], int] = {}
    type_vehicles: list[list[int]] = []
    vehicle_type: list[int] = []
    for v, veh in enumerate(vehicles):
        tkey = (
            depot_of[veh.start_loc],
            depot_of[veh.end_loc],
            profile_of[v],
            veh.earliest,
            veh.latest,
            veh.capacity if veh.capacity is not None else big,
        )
        if tkey not in type_index:
            type_index[tkey] = len(type_vehicles)
            type_vehicles.append([])
        type_vehicles[type_index[tkey]].append(v)
        vehicle_type.append(type_index[tkey])
    vehicle_types = [
        VehicleType(
            num_available=len(members),
            capacity=[tkey[5]] if with_load else [],
            start_depot=tkey[0],
            end_depot=tkey[1],
            tw_early=tkey[3],
            tw_late=tkey[4],
            profile=tkey[2],
            name=",".join(map(str, members)),
        )
        for tkey, members in zip(type_index, type_vehicles, strict=True)
    ]

    # Clients: one per (node, merged window).
    windows: list[tuple[int, int, int]] = []  # (node, lo, hi) per client
    node_clients: list[list[tuple[int, int, int]]] = [[] for _ in problem.nodes]
    for i, node in enumerate(problem.nodes):
        if not node.windows:
            raise ValueError(f"node at loc {node.loc} has no window")
        for lo, hi in merge_intervals(node.windows):
            if lo > hi:
                raise ValueError(f"bad window {lo}..{hi}")
            node_clients[i].append((len(windows), lo, hi))
            windows.append((i, lo, hi))

    # Groups: a CoreGroup's clients are one ClientGroup (required when the penalty is None);
    # a node in no group is mandatory, as in OR-Tools.
    prize = [0] * len(windows)
    required = [False] * len(windows)
    group_id: list[int | None] = [None] * len(windows)
    groups: list[ClientGroup] = []
    prize_offset = 0
    in_group = {n for group in problem.groups for n in group.nodes}
    member_lists = [
        ([c for n in group.nodes for c, _, _ in node_clients[n]], group.penalty)
        for group in problem.groups
    ] + [
        ([c for c, _, _ in node_clients[i]], None)
        for i in range(len(problem.nodes))
        if i not in in_group
    ]
    for members, penalty in member_lists:
        for c in members:
            prize[c] = penalty or 0
        if penalty is not None:
            prize_offset += penalty * (len(members) - 1)
        if len(members) == 1:
            required[members[0]] = penalty is None
        elif members:
            for c in members:
                group_id[c] = len(groups)
            groups.append(ClientGroup(members, required=penalty is None))

    clients = [
        Client(
            location=node_location[i],
            delivery=[problem.nodes[i].demand] if with_load else [],
            service_duration=_service_for(problem, i, node_classes[i]),
            tw_early=lo,
            tw_late=hi,
            prize=prize[c],
            required=required[c],
            group=group_id[c],
        )
        for c, (i, lo, hi) in enumerate(windows)
    ]
    locations = [Location(0.0, 0.0) for _ in range(n_locs)]
    depots = [Depot(location=depot_of[loc]) for loc in bases]
    matrices: tuple[Any, Any] = (distances, durations)  # the stub's ndarray[int] is not numpy's
    data = ProblemData(locations, clients, depots, vehicle_types, *matrices, groups)
    client_node = [i for i, _, _ in windows]
    return PyvrpModel(data, client_node, node_clients, type_vehicles, vehicle_type, prize_offset)


def simulate(problem: CoreProblem, vehicle: int, route: Sequence[int]) -> list[int] | None:
    """Service starts of ``route`` (node ids) for ``vehicle`` under the core's time model
    (start = the earliest time in a window of the node, after travel and setup), or None
    when a window, the shift end, the capacity or the allowed vehicles are broken."""
    veh = problem.vehicles[vehicle]
    tmat = problem.time[veh.vclass]
    clock = veh.earliest
    here, here_site, service = veh.start_loc, None, 0
    starts: list[int] = []
    load = 0
    for n in route:
        node = problem.nodes[n]
        if node.allowed_vehicles is not None and vehicle not in node.allowed_vehicles:
            return None
        arrive = clock + service + int(tmat[here][node.loc])
        if node.site != here_site:
            arrive += node.entry
        start = next(
            (max(arrive, lo) for lo, hi in merge_intervals(node.windows) if hi >= arrive), None
        )
        if start is None:
            return None
        starts.append(start)
        load += node.demand
        clock, here, here_site, service = start, node.loc, node.site, node.service[veh.vclass]
    if route and clock + service + int(tmat[here][veh.end_loc]) > veh.latest:
        return None
    if veh.capacity is not None and load > veh.capacity:
        return None
    return starts


def _repair(problem: CoreProblem, vehicle: int, route: list[int]) -> tuple[list[int], list[int]]:
    """Drop stops until ``route`` is feasible; returns (route, its service starts)."""
    while True:
        starts = simulate(problem, vehicle, route)
        if starts is not None:
            return route, starts
        # Remove the first stop at which the prefix stops being feasible (or the last one).
        cut = len(route) - 1
        for k in range(1, len(route) + 1):
            if simulate(problem, vehicle, route[:k]) is None:
                cut = k - 1
                break
        route = route[:cut] + route[cut + 1 :]


def _objective(problem: CoreProblem, routes: Sequence[Sequence[tuple[int, int]]]) -> int:
    visited = {n for route in routes for n, _ in route}
    total = sum(
        g.penalty
        for g in problem.groups
        if g.penalty is not None and not any(n in visited for n in g.nodes)
    )
    for v, route in enumerate(routes):
        if not route:
            continue
        veh = problem.vehicles[v]
        cost = problem.cost[veh.vclass]
        here = veh.start_loc
        for n, _ in route:
            total += int(cost[here][problem.nodes[n].loc])
            here = problem.nodes[n].loc
        total += int(cost[here][veh.end_loc])
    return total


def _initial_solution(
    problem: CoreProblem, model: PyvrpModel, routes: Sequence[Sequence[int]]
) -> Solution:
    """Core routes (node ids per vehicle) as a PyVRP solution: each node's client is the
    window its simulated start falls in."""
    pyvrp_routes: list[Route] = []
    used: set[int] = set()
    for v, nodes in enumerate(routes):
        if not nodes or v >= len(problem.vehicles):
            continue
        kept, starts = _repair(problem, v, [n for n in nodes if n not in used])
        visits = []
        for n, start in zip(kept, starts, strict=True):
            client = next(
                (c for c, lo, hi in model.node_clients[n] if lo <= start <= hi),
                model.node_clients[n][0][0],
            )
            visits.append(client)
            used.add(n)
        if visits:
            pyvrp_routes.append(Route(model.data, visits, model.vehicle_type[v]))
    return Solution(model.data, pyvrp_routes)


class _Progress(IteratedLocalSearchCallbacks):
    """Reports each new best feasible solution as (count, core objective)."""

    def __init__(self, report: Callable[[int, int], None], offset: int) -> None:
        self.report, self.offset, self.found = report, offset, 0

    def on_best(self, best: Solution) -> None:
        if best.is_feasible():
            self.found += 1
            cost = best.distance_cost() + best.uncollected_prizes()
            self.report(self.found, int(cost) - self.offset)


def iteration_budget(options: SearchOptions) -> int | None:
    """The deterministic ILS iteration budget for ``options`` (``ITERATIONS_PER_SOLUTION``
    per solution of ``solution_limit``); None: the time limit alone."""
    if options.solution_limit is None:
        return None
    return max(1, options.solution_limit) * ITERATIONS_PER_SOLUTION


def solve_pyvrp(
    problem: CoreProblem,
    options: SearchOptions,
    progress: Callable[[int, int], None] | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
    seed: int = SEED,
) -> CoreSolution | None:
    """Solve ``problem`` with PyVRP; the contract of ``core.solve_core`` (None only when a
    mandatory group cannot be served). Falls back to ``solve_core`` when PyVRP's matrices
    would exceed ``MAX_MATRIX_BYTES``."""
    if not problem.vehicles or not problem.nodes:
        return solve_core(problem, options, progress, initial_routes)
    if matrix_bytes(problem) > MAX_MATRIX_BYTES:
        return solve_core(problem, options, progress, initial_routes)
    started = time.perf_counter()
    model = to_pyvrp(problem)
    if initial_routes is None and options.warm_start:
        from planner.solve.greedy import best_greedy_routes

        initial_routes = best_greedy_routes(problem)
    initial = _initial_solution(problem, model, initial_routes) if initial_routes else None

    # pyvrp.solve, unrolled so that the neighbourhood (about 2 s for a district week's 5,000
    # clients) and the first local search count against the time limit.
    callbacks = IteratedLocalSearchCallbacks()
    if progress is not None:
        callbacks = _Progress(progress, model.prize_offset)
    params = SolveParams(ils=IteratedLocalSearchParams(callbacks=callbacks))
    rng = RandomNumberGenerator(seed=seed)
    neighbours = compute_neighbours(model.data, params.neighbourhood)
    search = LocalSearch(model.data, rng, neighbours, PerturbationManager(params.perturbation))
    for operator in params.operators:
        if operator.supports(model.data):
            search.add_operator(operator(model.data))
    penalties = PenaltyManager(params.penalty.midpoint_penalties(model.data), params.penalty)
    if initial is None:
        random = Solution.make_random(model.data, rng)
        initial = search(random, penalties.max_cost_evaluator(), exhaustive=True)

    budget = iteration_budget(options)
    remaining = max(0.01, options.time_limit_s - (time.perf_counter() - started))
    criteria: list[StoppingCriterion] = [MaxRuntime(remaining)]
    if budget is not None:
        criteria.append(MaxIterations(budget))
    ils = IteratedLocalSearch(model.data, penalties, search, initial, params.ils)
    result = ils.run(MultipleCriteria(criteria), collect_stats=False)
    wall_s = time.perf_counter() - started
    best = result.best
    if not best.is_feasible():
        if any(g.penalty is None for g in problem.groups):
            return None
        best = Solution(model.data, [])  # nothing feasible found: an empty week
    limited = budget is not None and result.num_iterations >= budget
    stopped_by = "solution_limit" if limited else "time_limit"
    return read_solution(problem, model, best, stopped_by, wall_s)


def read_solution(
    problem: CoreProblem, model: PyvrpModel, best: Solution, stopped_by: str, wall_s: float
) -> CoreSolution | None:
    """PyVRP's solution as a verified ``CoreSolution`` (stops that break a rule dropped; None
    when that leaves a mandatory group unserved)."""
    n_vehicles = len(problem.vehicles)
    node_routes: list[list[int]] = [[] for _ in range(n_vehicles)]
    free = [list(vs) for vs in model.type_vehicles]
    for found in best.routes():
        nodes = [model.client_node[a.idx] for a in found if a.is_client()]
        if nodes:
            node_routes[free[found.vehicle_type()].pop(0)] = nodes
    group_of = {n: g for g, group in enumerate(problem.groups) for n in group.nodes}
    taken: set[int] = set()
    routes: list[list[tuple[int, int]]] = []
    starts: list[int] = []
    ends: list[int] = []
    for v, nodes in enumerate(node_routes):
        veh = problem.vehicles[v]
        unique = []
        for n in nodes:  # at most one node per group (PyVRP guarantees it; verified anyway)
            key = group_of.get(n, -1 - n)
            if key not in taken:
                taken.add(key)
                unique.append(n)
        kept, times = _repair(problem, v, unique)
        for n in set(unique) - set(kept):
            taken.discard(group_of.get(n, -1 - n))
        route = list(zip(kept, times, strict=True))
        routes.append(route)
        tmat = problem.time[veh.vclass]
        if route:
            first = problem.nodes[kept[0]]
            depart = times[0] - int(tmat[veh.start_loc][first.loc]) - first.entry
            starts.append(max(veh.earliest, min(depart, veh.latest)))
            last = problem.nodes[kept[-1]]
            ends.append(times[-1] + last.service[veh.vclass] + int(tmat[last.loc][veh.end_loc]))
        else:
            starts.append(veh.earliest)
            ends.append(veh.earliest)
    visited = {n for route in routes for n, _ in route}
    for i in range(len(problem.nodes)):
        if i not in group_of and i not in visited:
            return None
    for group in problem.groups:
        if group.penalty is None and not any(n in visited for n in group.nodes):
            return None
    return CoreSolution(
        routes=routes,
        starts=starts,
        ends=ends,
        objective=_objective(problem, routes),
        stopped_by=stopped_by,
        wall_s=wall_s,
        dropped=[i for i in range(len(problem.nodes)) if i not in visited],
    )
