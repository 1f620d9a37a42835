"""The routing core: a prize-collecting VRP with time windows, solved by OR-Tools.

It knows nothing of villages or schools. ``CoreProblem`` is plain integer data (minutes, cost
units); ``solve_core`` returns which nodes each vehicle visits and when. The planner's model
(``planner.solve.build``) and the Solomon benchmark both feed it, so the benchmark measures the
engine the product uses.

Time model: a node's cumul is the time its service *starts*, after an ``entry`` time (setup)
that is paid only when arriving from a different ``site``; so consecutive chunks of one
village cost one setup. transit(i → j) = service(i) + travel(i, j) + entry(j) [site(i) ≠ site(j)].
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

HORIZON_CAP = 10**9

Matrix = Sequence[Sequence[int]] | npt.NDArray[np.integer[Any]]
"""Integers between locations: nested lists, or (cheaper for large models) a numpy array."""


@dataclass(frozen=True, slots=True)
class CoreNode:
    """A visit: where, how long (per vehicle class), when (cumul windows) and by whom."""

    loc: int
    site: int
    service: tuple[int, ...]
    windows: tuple[tuple[int, int], ...]
    entry: int = 0
    allowed_vehicles: tuple[int, ...] | None = None
    demand: int = 0


@dataclass(frozen=True, slots=True)
class CoreGroup:
    """At most one node of ``nodes`` is visited; leaving all out costs ``penalty``.

    ``penalty`` None makes the group mandatory (exactly one node visited).
    """

    nodes: tuple[int, ...]
    penalty: int | None


@dataclass(frozen=True, slots=True)
class CoreVehicle:
    """A vehicle (in the planner: one team on one date)."""

    start_loc: int
    end_loc: int
    vclass: int
    earliest: int
    latest: int
    capacity: int | None = None


@dataclass(frozen=True, slots=True)
class CoreProblem:
    """Integer data for one solve. ``time[c][a][b]`` and ``cost[c][a][b]`` are per vehicle
    class ``c`` between locations ``a`` and ``b``."""

    time: Sequence[Matrix]
    cost: Sequence[Matrix]
    nodes: Sequence[CoreNode]
    groups: Sequence[CoreGroup]
    vehicles: Sequence[CoreVehicle]
    pinned: Sequence[Sequence[int]] = ()
    """Per vehicle, nodes it must keep (in time order, each with a one-point window): stops
    already promised to a village head. Empty for a fresh week."""


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How hard and how to search; ``solution_limit`` keeps runs repeatable, ``time_limit_s``
    is the wall-clock safety net."""

    time_limit_s: float = 30.0
    solution_limit: int | None = None
    first_solution: str = "PARALLEL_CHEAPEST_INSERTION"
    metaheuristic: str = "GUIDED_LOCAL_SEARCH"
    lns_time_limit_ms: int = 100
    warm_start: bool = False
    """Start from ``greedy.greedy_routes`` instead of OR-Tools' first-solution heuristic."""


@dataclass(slots=True)
class CoreSolution:
    """Per vehicle the visited nodes with their service-start times; what stopped the search."""

    routes: list[list[tuple[int, int]]]
    starts: list[int]
    ends: list[int]
    objective: int
    stopped_by: str
    wall_s: float
    dropped: list[int] = field(default_factory=list)


def merge_intervals(intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint, non-adjacent closed integer intervals covering ``intervals``."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _node_windows_ok(node: CoreNode) -> None:
    if not node.windows:
        raise ValueError(f"node at loc {node.loc} has no window")
    for lo, hi in node.windows:
        if lo > hi:
            raise ValueError(f"bad window {lo}..{hi}")


def solve_core(
    problem: CoreProblem,
    options: SearchOptions,
    progress: Callable[[int, int], None] | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
) -> CoreSolution | None:
    """Solve ``problem``; None when no feasible assignment exists (only with mandatory groups).

    ``progress(solutions_found, objective)`` is called on each improving solution;
    ``initial_routes`` (node ids per vehicle) warm-starts the search.
    """
    n_vehicles = len(problem.vehicles)
    n_nodes = len(problem.nodes)
    for node in problem.nodes:
        _node_windows_ok(node)
    # Manager nodes: one depot node per distinct base location, then the visit nodes.
    base_locs = sorted(
        {v.start_loc for v in problem.vehicles} | {v.end_loc for v in problem.vehicles}
    )
    depot_of = {loc: i for i, loc in enumerate(base_locs)}
    n_depots = len(base_locs)
    manager = pywrapcp.RoutingIndexManager(
        n_depots + n_nodes,
        n_vehicles,
        [depot_of[v.start_loc] for v in problem.vehicles],
        [depot_of[v.end_loc] for v in problem.vehicles],
    )
    routing = pywrapcp.RoutingModel(manager)

    locs = base_locs + [n.loc for n in problem.nodes]
    sites = [-1 - i for i in range(n_depots)] + [n.site for n in problem.nodes]
    entries = [0] * n_depots + [n.entry for n in problem.nodes]
    n_classes = len(problem.time)

    # Transit and cost matrices over the manager's nodes, built with numpy (a 1,500-node model
    # has 2.25 million entries per matrix), handed to OR-Tools as lists.
    loc_index = np.array(locs, dtype=np.int64)
    site_ids = np.array(sites, dtype=np.int64)
    entry_paid = np.where(
        site_ids[:, None] != site_ids[None, :], np.array(entries, dtype=np.int64)[None, :], 0
    )
    grid = np.ix_(loc_index, loc_index)
    time_evaluators: list[int] = []
    cost_evaluators: list[int] = []
    for c in range(n_classes):
        services = np.array([0] * n_depots + [n.service[c] for n in problem.nodes], np.int64)
        transit = services[:, None] + np.asarray(problem.time[c], dtype=np.int64)[grid]
        transit += entry_paid
        cost = np.asarray(problem.cost[c], dtype=np.int64)[grid]
        time_evaluators.append(routing.RegisterTransitMatrix(transit.tolist()))
        cost_evaluators.append(routing.RegisterTransitMatrix(cost.tolist()))
        del transit, cost

    for v, vehicle in enumerate(problem.vehicles):
        routing.SetArcCostEvaluatorOfVehicle(cost_evaluators[vehicle.vclass], v)

    routing.AddDimensionWithVehicleTransits(
        [time_evaluators[v.vclass] for v in problem.vehicles],
        HORIZON_CAP,
        HORIZON_CAP,
        False,
        "time",
    )
    time_dim = routing.GetDimensionOrDie("time")
    for v, vehicle in enumerate(problem.vehicles):
        time_dim.CumulVar(routing.Start(v)).SetRange(vehicle.earliest, vehicle.latest)
        time_dim.CumulVar(routing.End(v)).SetRange(vehicle.earliest, vehicle.latest)
        routing.AddVariableMinimizedByFinalizer(time_dim.CumulVar(routing.End(v)))
        routing.AddVariableMaximizedByFinalizer(time_dim.CumulVar(routing.Start(v)))

    for i, node in enumerate(problem.nodes):
        index = manager.NodeToIndex(n_depots + i)
        windows = merge_intervals(node.windows)
        cumul = time_dim.CumulVar(index)
        cumul.SetRange(windows[0][0], windows[-1][1])
        for (_, hi), (lo, _) in itertools.pairwise(windows):
            cumul.RemoveInterval(hi + 1, lo - 1)
        if node.allowed_vehicles is not None:
            if not node.allowed_vehicles:
                raise ValueError("a node with no allowed vehicle must be left out of the model")
            # Same as SetAllowedVehiclesForIndex, whose Python binding rejects every list in
            # OR-Tools 9.15 (absl::Span); -1 keeps the node droppable.
            routing.VehicleVar(index).SetValues([-1, *node.allowed_vehicles])

    if any(v.capacity is not None for v in problem.vehicles):
        demands = [0] * n_depots + [n.demand for n in problem.nodes]
        demand_eval = routing.RegisterUnaryTransitVector(demands)
        routing.AddDimensionWithVehicleCapacity(
            demand_eval,
            0,
            [v.capacity if v.capacity is not None else HORIZON_CAP for v in problem.vehicles],
            True,
            "people",
        )

    for group in problem.groups:
        indices = [manager.NodeToIndex(n_depots + n) for n in group.nodes]
        if group.penalty is None:
            if len(indices) > 1:
                routing.AddDisjunction(indices)
        else:
            routing.AddDisjunction(indices, group.penalty)

    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(
        routing_enums_pb2.FirstSolutionStrategy, options.first_solution
    )
    params.local_search_metaheuristic = getattr(
        routing_enums_pb2.LocalSearchMetaheuristic, options.metaheuristic
    )
    params.time_limit.FromMilliseconds(int(options.time_limit_s * 1000))
    params.lns_time_limit.FromMilliseconds(options.lns_time_limit_ms)
    if options.solution_limit is not None:
        params.solution_limit = options.solution_limit
    params.log_search = False

    found = [0]
    # The callback reaches the model through this list, emptied after the search: OR-Tools
    # holds the callback, so a callback holding the model would keep both alive for good
    # (about 9 MB per solve, which adds up over the zones of a large week).
    model_ref = [routing]

    def on_solution() -> None:
        found[0] += 1
        if progress is not None and model_ref:
            progress(found[0], model_ref[0].CostVar().Value())

    routing.AddAtSolutionCallback(on_solution)

    started = time.perf_counter()
    if initial_routes is None and options.warm_start:
        from planner.solve.greedy import best_greedy_routes

        initial_routes = best_greedy_routes(problem)
    initial = None
    if initial_routes is not None:
        routing.CloseModelWithParameters(params)
        initial = routing.ReadAssignmentFromRoutes(
            [[manager.NodeToIndex(n_depots + n) for n in route] for route in initial_routes], True
        )
    if initial is not None:
        assignment = routing.SolveFromAssignmentWithParameters(initial, params)
    else:
        assignment = routing.SolveWithParameters(params)
    wall_s = time.perf_counter() - started
    model_ref.clear()
    if assignment is None:
        return None

    if wall_s >= options.time_limit_s * 0.98:
        stopped_by = "time_limit"
    elif options.solution_limit is not None and found[0] >= options.solution_limit:
        stopped_by = "solution_limit"
    else:
        stopped_by = "local_optimum"

    routes: list[list[tuple[int, int]]] = []
    starts: list[int] = []
    ends: list[int] = []
    visited: set[int] = set()
    for v in range(n_vehicles):
        index = routing.Start(v)
        starts.append(assignment.Min(time_dim.CumulVar(index)))
        route: list[tuple[int, int]] = []
        index = assignment.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index) - n_depots
            route.append((node, assignment.Min(time_dim.CumulVar(index))))
            visited.add(node)
            index = assignment.Value(routing.NextVar(index))
        ends.append(assignment.Min(time_dim.CumulVar(index)))
        routes.append(route)
    return CoreSolution(
        routes=routes,
        starts=starts,
        ends=ends,
        objective=assignment.ObjectiveValue(),
        stopped_by=stopped_by,
        wall_s=wall_s,
        dropped=[i for i in range(n_nodes) if i not in visited],
    )
