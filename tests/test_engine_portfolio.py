"""The portfolio engine (the default): both engines, the lower objective kept, the same
result whether PyVRP runs in a child process or here, and on the sample week a plan that
names the engine that made it."""

from __future__ import annotations

import random

import pytest

from planner.solve.engines import DEFAULT_ENGINE, PORTFOLIO, solve_with
from planner.solve.engines import portfolio as P  # noqa: N812
from planner.solve.engines.ortools import solve_ortools
from planner.solve.engines.pyvrp import solve_pyvrp
from planner.solve.problem import (
    CoreGroup,
    CoreNode,
    CoreProblem,
    CoreSolution,
    CoreVehicle,
    SearchOptions,
    core_objective,
)

FEW = SearchOptions(time_limit_s=120.0, solution_limit=4)


def _random_vrptw(customers: int, seed: int) -> CoreProblem:
    """A reproducible prize-collecting VRPTW on a 100 × 100 grid: windows of 2–4 hours in one
    10-hour day, every customer optional with a prize above any detour."""
    rng = random.Random(seed)
    points = [(50, 50)] + [(rng.randrange(100), rng.randrange(100)) for _ in range(customers)]
    dist = [[abs(ax - bx) + abs(ay - by) for bx, by in points] for ax, ay in points]
    nodes = []
    for i in range(1, customers + 1):
        start = rng.randrange(0, 420)
        window = (start, start + rng.randrange(120, 240))
        nodes.append(CoreNode(loc=i, site=i, service=(10,), windows=(window,)))
    groups = [CoreGroup((k,), 1000) for k in range(customers)]
    vehicles = [CoreVehicle(0, 0, 0, 0, 600) for _ in range(6)]
    return CoreProblem([dist], [dist], nodes, groups, vehicles)


def _solution(objective: int) -> CoreSolution:
    return CoreSolution(routes=[], starts=[], ends=[], objective=objective, stopped_by="", wall_s=0)


def test_the_default_engine_is_the_portfolio() -> None:
    assert DEFAULT_ENGINE == PORTFOLIO


def test_better_keeps_the_lower_objective_and_ties_go_to_ortools() -> None:
    problem = _random_vrptw(5, seed=1)
    empty = _solution(0)
    # Both empty: equal objectives (every prize lost), so OR-Tools keeps it.
    assert P.better(problem, empty, _solution(0))[1] == "ortools"
    assert P.better(problem, None, empty) == (empty, "pyvrp")
    assert P.better(problem, empty, None) == (empty, "ortools")
    served = solve_ortools(problem, FEW)
    assert served is not None
    assert core_objective(problem, served.routes) < core_objective(problem, [])
    assert P.better(problem, empty, served) == (served, "pyvrp")


def test_portfolio_is_the_better_of_both_engines() -> None:
    problem = _random_vrptw(40, seed=2)
    run = solve_with(PORTFOLIO, problem, FEW)
    ortools, pyvrp = solve_ortools(problem, FEW), solve_pyvrp(problem, FEW)
    assert ortools is not None
    assert pyvrp is not None
    best = min(
        core_objective(problem, ortools.routes), core_objective(problem, pyvrp.routes)
    )
    assert run.solution is not None
    assert core_objective(problem, run.solution.routes) == best
    assert run.engine in ("ortools", "pyvrp")
    assert run.fallback is None


def test_child_process_gives_what_one_process_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large enough for the child process: the same routes as both engines run here."""
    problem = _random_vrptw(P.PARALLEL_MIN_NODES + 10, seed=3)
    if P.cpus() < 2:
        pytest.skip("one CPU: the portfolio never starts a child process here")
    parallel = solve_with(PORTFOLIO, problem, FEW)
    monkeypatch.setattr(P, "cpus", lambda: 1)
    alone = solve_with(PORTFOLIO, problem, FEW)
    assert parallel.solution is not None
    assert alone.solution is not None
    assert parallel.engine == alone.engine
    assert parallel.solution.routes == alone.solution.routes
