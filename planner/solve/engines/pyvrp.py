"""The routing core solved by PyVRP (iterated local search), with the engines' contract.

``solve_pyvrp`` takes the same ``CoreProblem`` and ``SearchOptions`` as ``solve_ortools`` and
returns the same ``CoreSolution``: node ids of ``problem.nodes``, service-start times on the
week axis, ``objective`` = penalties of unvisited groups + arc costs (the OR-Tools objective).
The mapping onto PyVRP's data is ``engines.pyvrp_data``.

Enforced afterwards: ``allowed_vehicles`` finer than class (e.g. a team-day's own hours) is
checked when the solution is read back, as is every window, shift end, capacity and group; a
violating stop is dropped (never seen on the sample, but the result is always verified).
Printers, the blank budget and exact rule-4 durations are decided after either engine by
``planner.solve.printers`` and ``planner.solve.timing``.

A problem whose PyVRP matrices would exceed ``MAX_MATRIX_BYTES`` (or with no node or no
vehicle) is declined (``EngineDeclined``): ``engines.solve_with`` then solves it with OR-Tools
and records that it did.

Search budget: ``options.solution_limit`` (improving solutions for OR-Tools) becomes a
deterministic iteration budget, ``ITERATIONS_PER_SOLUTION`` ILS iterations per solution;
``options.time_limit_s`` is the ``MaxRuntime`` safety net. A fixed ``seed`` and iteration
budget give the same routes on any machine, as long as the time limit does not stop the search.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from pyvrp import RandomNumberGenerator, Route, Solution
from pyvrp.IteratedLocalSearch import (
    IteratedLocalSearch,
    IteratedLocalSearchCallbacks,
    IteratedLocalSearchParams,
)
from pyvrp.PenaltyManager import PenaltyManager
from pyvrp.search import LocalSearch, PerturbationManager, compute_neighbours
from pyvrp.solve import SolveParams
from pyvrp.stop import (
    MaxIterations,
    MaxRuntime,
    MultipleCriteria,
    NoImprovement,
    StoppingCriterion,
)

from planner.solve.engines.pyvrp_data import MAX_MATRIX_BYTES, PyvrpModel, matrix_bytes, to_pyvrp
from planner.solve.problem import (
    CoreProblem,
    CoreSolution,
    EngineDeclined,
    SearchOptions,
    SolutionProgress,
    core_objective,
    merge_intervals,
)

ITERATIONS_PER_SOLUTION = 250
"""ILS iterations per unit of ``SearchOptions.solution_limit``: the product default 100 →
25,000 iterations, about 15 s on the sample week beside OR-Tools on this 2-core machine, no
longer than OR-Tools' 100 improving solutions. ``solution_limit`` None:
no iteration cap, the time limit alone stops the search (as for OR-Tools)."""
STALE_SHARE = 5
"""The search also stops after budget / ``STALE_SHARE`` iterations without a better solution
(a count, so still repeatable): a small week or a problem OR-Tools suits better does not
spend the whole budget where nothing more is found."""
SEED = 0


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

    def __init__(self, report: SolutionProgress, offset: int) -> None:
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


def declined_because(problem: CoreProblem) -> str | None:
    """Why PyVRP does not take ``problem`` (None: it does)."""
    if not problem.vehicles or not problem.nodes:
        return "no node or no vehicle to route"
    size = matrix_bytes(problem)
    if size > MAX_MATRIX_BYTES:
        mib, cap = size / 2**20, MAX_MATRIX_BYTES / 2**20
        return f"its matrices would take {mib:,.0f} MiB, over the {cap:,.0f} MiB allowed"
    return None


def solve_pyvrp(
    problem: CoreProblem,
    options: SearchOptions,
    progress: SolutionProgress | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
    seed: int = SEED,
) -> CoreSolution | None:
    """Solve ``problem`` with PyVRP; the engines' contract (None only when a mandatory group
    cannot be served). Raises ``EngineDeclined`` for what ``declined_because`` names."""
    reason = declined_because(problem)
    if reason is not None:
        raise EngineDeclined(reason)
    started = time.perf_counter()
    model = to_pyvrp(problem)
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
        criteria += [MaxIterations(budget), NoImprovement(max(1, budget // STALE_SHARE))]
    ils = IteratedLocalSearch(model.data, penalties, search, initial, params.ils)
    result = ils.run(MultipleCriteria(criteria), collect_stats=False)
    wall_s = time.perf_counter() - started
    best = result.best
    if not best.is_feasible():
        if any(g.penalty is None for g in problem.groups):
            return None
        best = Solution(model.data, [])  # nothing feasible found: an empty week
    if wall_s >= options.time_limit_s * 0.98:
        stopped_by = "time_limit"
    elif budget is not None and result.num_iterations >= budget:
        stopped_by = "solution_limit"
    else:
        stopped_by = "local_optimum"  # no better solution in the last share of the budget
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
        objective=core_objective(problem, routes),
        stopped_by=stopped_by,
        wall_s=wall_s,
        dropped=[i for i in range(len(problem.nodes)) if i not in visited],
    )
