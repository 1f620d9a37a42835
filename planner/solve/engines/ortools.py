"""The routing core solved by OR-Tools' routing library (the product's default engine).

``solve_ortools`` maps a ``CoreProblem`` onto a ``RoutingModel``: one depot node per distinct
base location, then the visit nodes; a "time" dimension whose cumul is a node's service start
(transit = service + travel + setup when the site changes); a disjunction per ``CoreGroup``
(penalty = its prize); a "people" dimension when vehicles have a capacity. The search starts
from the caller's initial routes when given, else from OR-Tools' first-solution heuristic.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2
from ortools.util import optional_boolean_pb2

from planner.solve.problem import (
    CoreNode,
    CoreProblem,
    CoreSolution,
    SearchOptions,
    SolutionProgress,
    merge_intervals,
)

HORIZON_CAP = 10**9
_INSERTION_MOVES = (
    "use_make_active",
    "use_swap_active",
    "use_swap_active_chain",
    "use_shortest_path_swap_active",
    "use_global_cheapest_insertion_path_lns",
    "use_local_cheapest_insertion_path_lns",
    "use_relocate_path_global_cheapest_insertion_insert_unperformed",
    "use_global_cheapest_insertion_visit_types_lns",
    "use_local_cheapest_insertion_visit_types_lns",
)
"""The operators ``SearchOptions.insertion_moves`` turns off."""


@dataclass(frozen=True, slots=True)
class _Routing:
    """OR-Tools' model of one problem: its index manager, the model, the depot count."""

    manager: pywrapcp.RoutingIndexManager
    routing: pywrapcp.RoutingModel
    base_locs: list[int]

    @property
    def n_depots(self) -> int:
        """Manager nodes before the visit nodes (one per distinct base location)."""
        return len(self.base_locs)

    def index(self, node: int) -> int:
        """The routing index of core node ``node``."""
        return int(self.manager.NodeToIndex(self.n_depots + node))


def _node_windows_ok(node: CoreNode) -> None:
    if not node.windows:
        raise ValueError(f"node at loc {node.loc} has no window")
    for lo, hi in node.windows:
        if lo > hi:
            raise ValueError(f"bad window {lo}..{hi}")


def _open_model(problem: CoreProblem) -> _Routing:
    """Manager nodes: one depot node per distinct base location, then the visit nodes."""
    base_locs = sorted(
        {v.start_loc for v in problem.vehicles} | {v.end_loc for v in problem.vehicles}
    )
    depot_of = {loc: i for i, loc in enumerate(base_locs)}
    manager = pywrapcp.RoutingIndexManager(
        len(base_locs) + len(problem.nodes),
        len(problem.vehicles),
        [depot_of[v.start_loc] for v in problem.vehicles],
        [depot_of[v.end_loc] for v in problem.vehicles],
    )
    parameters = pywrapcp.DefaultRoutingModelParameters()
    # The search state is kept uncompressed: zlib on every trail block cost a quarter of the
    # search time of the sample week (63 s instead of 84 s to its local optimum, the very
    # same solutions) for memory a week does not need.
    parameters.solver_parameters.compress_trail = parameters.solver_parameters.NO_COMPRESSION
    return _Routing(manager, pywrapcp.RoutingModel(manager, parameters), base_locs)


def _add_arcs(problem: CoreProblem, model: _Routing) -> list[int]:
    """Register every class's transit and cost matrices over the manager's nodes (built with
    numpy: a 1,500-node model has 2.25 million entries per matrix, handed to OR-Tools as
    lists), set each vehicle's arc cost; returns the time evaluator of each class."""
    n_depots, routing = model.n_depots, model.routing
    locs = model.base_locs + [n.loc for n in problem.nodes]
    sites = [-1 - i for i in range(n_depots)] + [n.site for n in problem.nodes]
    entries = [0] * n_depots + [n.entry for n in problem.nodes]
    loc_index = np.array(locs, dtype=np.int64)
    site_ids = np.array(sites, dtype=np.int64)
    entry_paid = np.where(
        site_ids[:, None] != site_ids[None, :], np.array(entries, dtype=np.int64)[None, :], 0
    )
    grid = np.ix_(loc_index, loc_index)
    time_evaluators: list[int] = []
    cost_evaluators: list[int] = []
    for c in range(len(problem.time)):
        services = np.array([0] * n_depots + [n.service[c] for n in problem.nodes], np.int64)
        transit = services[:, None] + np.asarray(problem.time[c], dtype=np.int64)[grid]
        transit += entry_paid
        cost = np.asarray(problem.cost[c], dtype=np.int64)[grid]
        time_evaluators.append(routing.RegisterTransitMatrix(transit.tolist()))
        cost_evaluators.append(routing.RegisterTransitMatrix(cost.tolist()))
        del transit, cost

    for v, vehicle in enumerate(problem.vehicles):
        routing.SetArcCostEvaluatorOfVehicle(cost_evaluators[vehicle.vclass], v)
    return time_evaluators


def _add_time(problem: CoreProblem, model: _Routing, time_evaluators: list[int]) -> Any:
    """The time dimension with each vehicle's shift and each node's windows and vehicles."""
    routing = model.routing
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
        index = model.index(i)
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
    return time_dim


def _add_capacity_and_groups(problem: CoreProblem, model: _Routing) -> None:
    """The people dimension (when a vehicle has a capacity) and one disjunction per group."""
    routing = model.routing
    if any(v.capacity is not None for v in problem.vehicles):
        demands = [0] * model.n_depots + [n.demand for n in problem.nodes]
        demand_eval = routing.RegisterUnaryTransitVector(demands)
        routing.AddDimensionWithVehicleCapacity(
            demand_eval,
            0,
            [v.capacity if v.capacity is not None else HORIZON_CAP for v in problem.vehicles],
            True,
            "people",
        )

    for group in problem.groups:
        indices = [model.index(n) for n in group.nodes]
        if group.penalty is None:
            if len(indices) > 1:
                routing.AddDisjunction(indices)
        else:
            routing.AddDisjunction(indices, group.penalty)


def _parameters(options: SearchOptions) -> Any:
    """OR-Tools' search parameters for ``options``."""
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
    if not options.insertion_moves:
        operators = params.local_search_operators
        for name in _INSERTION_MOVES:
            setattr(operators, name, optional_boolean_pb2.BOOL_FALSE)
    return params


def _search(
    model: _Routing,
    params: Any,
    progress: SolutionProgress | None,
    initial_routes: Sequence[Sequence[int]] | None,
) -> tuple[Any, int, float]:
    """Run the search (from ``initial_routes`` when given): (assignment or None, improving
    solutions found, wall seconds)."""
    routing = model.routing
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
    initial = None
    if initial_routes is not None:
        routing.CloseModelWithParameters(params)
        initial = routing.ReadAssignmentFromRoutes(
            [[model.index(n) for n in route] for route in initial_routes], True
        )
    if initial is not None:
        assignment = routing.SolveFromAssignmentWithParameters(initial, params)
    else:
        assignment = routing.SolveWithParameters(params)
    wall_s = time.perf_counter() - started
    model_ref.clear()
    return assignment, found[0], wall_s


def _stopped_by(options: SearchOptions, wall_s: float, found: int) -> str:
    """What ended the search: the time limit, the solution count, or a local optimum."""
    if wall_s >= options.time_limit_s * 0.98:
        return "time_limit"
    if options.solution_limit is not None and found >= options.solution_limit:
        return "solution_limit"
    return "local_optimum"


def _read_solution(
    problem: CoreProblem, model: _Routing, time_dim: Any, assignment: Any
) -> tuple[list[list[tuple[int, int]]], list[int], list[int], list[int]]:
    """(routes with service starts, vehicle starts, vehicle ends, dropped nodes)."""
    routing, manager = model.routing, model.manager
    routes: list[list[tuple[int, int]]] = []
    starts: list[int] = []
    ends: list[int] = []
    visited: set[int] = set()
    for v in range(len(problem.vehicles)):
        index = routing.Start(v)
        starts.append(assignment.Min(time_dim.CumulVar(index)))
        route: list[tuple[int, int]] = []
        index = assignment.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index) - model.n_depots
            route.append((node, assignment.Min(time_dim.CumulVar(index))))
            visited.add(node)
            index = assignment.Value(routing.NextVar(index))
        ends.append(assignment.Min(time_dim.CumulVar(index)))
        routes.append(route)
    dropped = [i for i in range(len(problem.nodes)) if i not in visited]
    return routes, starts, ends, dropped


def solve_ortools(
    problem: CoreProblem,
    options: SearchOptions,
    progress: SolutionProgress | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
    seed: int = 0,
) -> CoreSolution | None:
    """Solve ``problem``; None when no feasible assignment exists (only with mandatory groups).

    ``progress(solutions_found, objective)`` is called on each improving solution;
    ``initial_routes`` (node ids per vehicle) warm-starts the search. ``seed`` is unused:
    OR-Tools' routing search has none and is repeatable for the same model and parameters.
    """
    for node in problem.nodes:
        _node_windows_ok(node)
    model = _open_model(problem)
    time_evaluators = _add_arcs(problem, model)
    time_dim = _add_time(problem, model, time_evaluators)
    _add_capacity_and_groups(problem, model)
    params = _parameters(options)
    assignment, found, wall_s = _search(model, params, progress, initial_routes)
    if assignment is None:
        return None
    routes, starts, ends, dropped = _read_solution(problem, model, time_dim, assignment)
    return CoreSolution(
        routes=routes,
        starts=starts,
        ends=ends,
        objective=assignment.ObjectiveValue(),
        stopped_by=_stopped_by(options, wall_s, found),
        wall_s=wall_s,
        dropped=dropped,
    )
