"""The iterated value descent (``planner.solve.improve``) and the week's search around it."""

from __future__ import annotations

import time
from dataclasses import replace

from planner.calendar import Week
from planner.solve import plan_week
from planner.solve.decompose import objective_of
from planner.solve.engines.pyvrp import simulate
from planner.solve.greedy import best_greedy_routes
from planner.solve.improve import improve_routes
from planner.solve.problem import CoreGroup, CoreNode, CoreProblem, CoreVehicle
from planner.solve.week import default_search
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812
from tests.test_engine_pyvrp import C101_25, _c101_25


def _prize_collecting() -> CoreProblem:
    """C101's 25 customers with 2 vehicles for 5 vehicles' work: which to visit matters.
    Prizes vary (100 × demand + 500 units), so value and distance pull apart."""
    problem = _c101_25(mandatory=False)
    demand = [q for _, _, q, _, _ in C101_25[1:]]
    groups = [CoreGroup((k,), 500 + 100 * demand[k]) for k in range(len(problem.nodes))]
    return replace(problem, groups=groups, vehicles=problem.vehicles[:2])


def _assert_feasible(problem: CoreProblem, routes: list[list[int]]) -> None:
    """Every route passes the independent simulation; no group is visited twice."""
    for v, route in enumerate(routes):
        assert simulate(problem, v, route) is not None, f"vehicle {v}: {route}"
    visited = [
        g for g, group in enumerate(problem.groups) for r in routes for n in r if n in group.nodes
    ]
    assert len(visited) == len(set(visited))


def test_descent_replaces_a_quick_visit_by_a_worthier_one() -> None:
    """Greedy takes A (20 per 20 minutes) first and then B (50, but 80 minutes of service)
    no longer fits; replacing A by B gains 30: the descent finds it."""
    travel = [[0, 5, 5], [5, 0, 1], [5, 1, 0]]
    nodes = [CoreNode(1, 1, (10,), ((0, 100),)), CoreNode(2, 2, (80,), ((0, 100),))]
    problem = CoreProblem(
        time=[travel],
        cost=[[[0] * 3] * 3],
        nodes=nodes,
        groups=[CoreGroup((0,), 20), CoreGroup((1,), 50)],
        vehicles=[CoreVehicle(0, 0, 0, 0, 100)],
    )
    start = best_greedy_routes(problem)
    assert start == [[0]]
    improved = improve_routes(problem, start, patience=0)
    assert improved.routes == [[1]]
    assert objective_of(problem, improved.routes) == 20


def test_iterations_improve_feasibly_and_repeatably() -> None:
    problem = _prize_collecting()
    start = best_greedy_routes(problem)
    descent = improve_routes(problem, start, patience=0)
    iterated = improve_routes(problem, start, seed=3, patience=30)
    _assert_feasible(problem, descent.routes)
    _assert_feasible(problem, iterated.routes)
    assert objective_of(problem, descent.routes) < objective_of(problem, start)
    assert objective_of(problem, iterated.routes) < objective_of(problem, descent.routes)
    assert iterated.iterations >= 30
    assert not iterated.timed_out
    again = improve_routes(problem, start, seed=3, patience=30)
    assert again.routes == iterated.routes


def test_pinned_stops_and_allowed_vehicles_hold() -> None:
    problem = _prize_collecting()
    nodes = list(problem.nodes)
    nodes[0] = replace(nodes[0], allowed_vehicles=(1,))
    pinned_node = len(nodes)
    nodes.append(CoreNode(5, -99, (300,), ((2000, 2000),), entry=50, allowed_vehicles=(0,)))
    groups = [*problem.groups, CoreGroup((pinned_node,), 10**12)]
    core = replace(problem, nodes=nodes, groups=groups, pinned=[[pinned_node], []])
    start = best_greedy_routes(core)
    assert pinned_node in start[0]
    improved = improve_routes(core, start, seed=1, patience=20)
    _assert_feasible(core, improved.routes)
    assert pinned_node in improved.routes[0]
    assert 0 not in improved.routes[0]


def test_a_passed_deadline_stops_the_iterations() -> None:
    problem = _prize_collecting()
    start = best_greedy_routes(problem)
    improved = improve_routes(problem, start, patience=50, deadline=time.perf_counter())
    assert improved.timed_out
    assert improved.iterations == 0
    assert improved.routes == improve_routes(problem, start, patience=0).routes


def test_week_search_ends_by_itself_and_the_safety_net_says_so() -> None:
    district = D.mixed()
    week = Week.parse(D.WEEK)
    travel = StraightLineTravel(district.settings)
    plan = plan_week(district, week, travel)
    assert plan.solver.stopped_by == "local_optimum"
    tenfold = plan_week(district, week, travel, solution_limit=1_000)
    assert [r.stops for r in tenfold.routes] == [r.stops for r in plan.routes]
    cut = plan_week(district, week, travel, options=default_search(1e-6, 100))
    assert cut.solver.stopped_by == "time_limit"
