"""The PyVRP engine: same contract as the OR-Tools core, plans that pass the checker,
repeatable runs, mandatory VRPTW, vehicle classes and pinned stops."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.check import check_plan
from planner.model import District, Plan, SolverInfo, totals_of
from planner.solve.build import build_week
from planner.solve.engines import solve_with
from planner.solve.engines.pyvrp import iteration_budget, simulate, solve_pyvrp
from planner.solve.engines.pyvrp_data import to_pyvrp
from planner.solve.explain import explain_unserved
from planner.solve.greedy import warm_start
from planner.solve.printers import assign_printers
from planner.solve.problem import (
    CoreGroup,
    CoreNode,
    CoreProblem,
    CoreSolution,
    CoreVehicle,
    SearchOptions,
)
from planner.solve.timing import build_routes, draft_routes
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

FAST = SearchOptions(time_limit_s=20.0, solution_limit=8, warm_start=True)

# Solomon C101, depot and the first 25 customers: x, y, demand, ready, due (service 90).
C101_25 = [
    (40, 50, 0, 0, 1236), (45, 68, 10, 912, 967), (45, 70, 30, 825, 870),
    (42, 66, 10, 65, 146), (42, 68, 10, 727, 782), (42, 65, 10, 15, 67),
    (40, 69, 20, 621, 702), (40, 66, 20, 170, 225), (38, 68, 20, 255, 324),
    (38, 70, 10, 534, 605), (35, 66, 10, 357, 410), (35, 69, 10, 448, 505),
    (25, 85, 20, 652, 721), (22, 75, 30, 30, 92), (22, 85, 10, 567, 620),
    (20, 80, 40, 384, 429), (20, 85, 40, 475, 528), (18, 75, 20, 99, 148),
    (15, 75, 20, 179, 254), (15, 80, 10, 278, 345), (30, 50, 10, 10, 73),
    (30, 52, 20, 914, 965), (28, 52, 20, 812, 883), (28, 55, 10, 732, 777),
    (25, 50, 10, 65, 144), (25, 52, 40, 169, 224),
]  # fmt: skip


def _plan(district: District, solution: CoreSolution | None, week: str) -> tuple[Plan, int]:
    """Read back like ``plan_week`` and return the plan and its checker violations."""
    travel = StraightLineTravel(district.settings)
    model = build_week(district, Week.parse(week).dates, travel)
    assert solution is not None
    drafts = draft_routes(model, solution)
    printers = assign_printers(district, model, drafts)
    routes, _ = build_routes(district, model, drafts, printers)
    plan = Plan(
        district=district.settings.name,
        week=week,
        inputs_sha256=district.inputs_sha256,
        solver=SolverInfo("pyvrp", FAST.time_limit_s, 0, FAST.solution_limit, "", None),
        routes=tuple(routes),
        unserved=tuple(explain_unserved(district, model, routes, "en")),
        totals=totals_of(tuple(routes), district.settings.weights),
        language="en",
        travel_source=travel.source,
    )
    return plan, len(check_plan(plan, district, travel))


def _solve_district(district: District) -> CoreSolution | None:
    model = build_week(district, Week.parse(D.WEEK).dates, StraightLineTravel(district.settings))
    return solve_pyvrp(model.core, FAST, initial_routes=warm_start(model.core, FAST))


@pytest.mark.parametrize("make", [D.wednesday_afternoon, D.mixed])
def test_tiny_districts_pass_the_checker(make: object) -> None:
    district = make()  # type: ignore[operator]
    solution = _solve_district(district)
    assert solution is not None
    assert solution.stopped_by in ("solution_limit", "local_optimum")  # counts, not time
    plan, violations = _plan(district, solution, D.WEEK)
    assert violations == 0
    assert plan.totals.people > 0


def test_wednesday_afternoon_matches_the_hand_optimum() -> None:
    """Same as the OR-Tools test: 14 + 10 people in the small villages, 18 in the big one."""
    district = D.wednesday_afternoon()
    plan, violations = _plan(district, _solve_district(district), D.WEEK)
    assert violations == 0
    people = {s.site: 0 for _, s in plan.stops()}
    for _, stop in plan.stops():
        people[stop.site] += stop.people
    assert sorted(people.values()) == [10, 14, 18]


def test_same_seed_same_routes() -> None:
    district = D.mixed()
    first, second = _solve_district(district), _solve_district(district)
    assert first is not None
    assert second is not None
    assert first.routes == second.routes
    assert first.objective == second.objective


def _c101_25(mandatory: bool = True) -> CoreProblem:
    points = [(x, y) for x, y, *_ in C101_25]
    dist = [
        [math.isqrt(100 * ((ax - bx) ** 2 + (ay - by) ** 2)) for bx, by in points]
        for ax, ay in points
    ]
    nodes = [
        CoreNode(loc=i, site=i, service=(900,), windows=((10 * r, 10 * d),), demand=q)
        for i, (_, _, q, r, d) in enumerate(C101_25)
        if i > 0
    ]
    groups = [CoreGroup((k,), None if mandatory else 10**8) for k in range(len(nodes))]
    vehicles = [CoreVehicle(0, 0, 0, 0, 12360, 200) for _ in range(5)]
    return CoreProblem(time=[dist], cost=[dist], nodes=nodes, groups=groups, vehicles=vehicles)


def test_mandatory_vrptw_visits_everyone() -> None:
    problem = _c101_25()
    solution = solve_pyvrp(problem, SearchOptions(time_limit_s=10.0, solution_limit=10))
    assert solution is not None
    visited = sorted(n for route in solution.routes for n, _ in route)
    assert visited == list(range(25))
    assert solution.dropped == []
    for v, route in enumerate(solution.routes):
        assert simulate(problem, v, [n for n, _ in route]) == [t for _, t in route]
    # Objective = arc costs only (nothing dropped); C101's 25-customer optimum is 191.3.
    assert 1913 <= solution.objective <= 1913 * 1.02


def test_vehicle_classes_and_pinned_stops() -> None:
    """A node only class 1 may serve never goes to the class-0 vehicle; a pinned node stays
    with its vehicle at its fixed time."""
    problem = _c101_25(mandatory=False)
    nodes = list(problem.nodes)
    nodes[0] = CoreNode(1, 1, (900,), ((9120, 9670),), demand=10, allowed_vehicles=(1, 2, 3))
    nodes = [replace(n, service=(n.service[0], n.service[0])) for n in nodes]
    pinned_node = len(nodes)
    nodes.append(CoreNode(5, -99, (300, 300), ((2000, 2000),), entry=50, allowed_vehicles=(2,)))
    groups = [*problem.groups, CoreGroup((pinned_node,), 10**12)]
    vehicles = [CoreVehicle(0, 0, 0, 0, 12360, 200)] + [
        CoreVehicle(0, 0, 1, 0, 12360, 200) for _ in range(3)
    ]
    dist = problem.time[0]
    pinned: list[list[int]] = [[], [], [pinned_node], []]
    core = CoreProblem([dist, dist], [dist, dist], nodes, groups, vehicles, pinned)
    model = to_pyvrp(core)
    assert model.data.num_profiles == 3  # two classes + the pinned vehicle
    solution = solve_pyvrp(core, SearchOptions(time_limit_s=10.0, solution_limit=10))
    assert solution is not None
    where = {n: (v, t) for v, route in enumerate(solution.routes) for n, t in route}
    assert where[pinned_node] == (2, 2000)
    assert 0 in where  # worth visiting, by a class-1 vehicle only
    assert where[0][0] != 0


def test_simulation_rejects_a_missed_window() -> None:
    problem = _c101_25()
    assert simulate(problem, 0, [0, 1]) is None  # customer 1 (ready 912) before 2 (due 870)
    assert simulate(problem, 0, [0]) is not None


def test_solution_limit_is_an_iteration_budget() -> None:
    assert iteration_budget(SearchOptions(solution_limit=60)) == 15_000
    assert iteration_budget(SearchOptions(solution_limit=None)) is None


def test_cli_plan_with_pyvrp_engine(tmp_path: Path) -> None:
    """`planner plan --engine pyvrp` records the engine and its plan passes `planner check`."""
    import json
    import shutil

    from planner.cli import cli
    from planner.cli._common import run_guarded

    data = tmp_path / "district"
    shutil.copytree(Path(__file__).parent / "data" / "io_tiny_en", data)
    out = tmp_path / "out"
    args = [
        "plan",
        "--week",
        "2026-W49",
        "--engine",
        "pyvrp",
        "--data",
        str(data),
        "--out",
        str(out),
        "--no-progress",
        "--no-ledger",
    ]
    assert run_guarded(cli, args) == 0
    plan_file = out / "2026-W49" / "plan.json"
    solver = json.loads(plan_file.read_text(encoding="utf-8"))["solver"]
    assert solver["engine"] == "pyvrp"
    assert "fallback" not in solver
    assert run_guarded(cli, ["check", str(plan_file), "--data", str(data)]) == 0


def test_declined_problem_is_solved_by_ortools_and_says_so() -> None:
    """PyVRP declines a problem with no node; ``solve_with`` solves it with OR-Tools and
    records the fallback instead of passing the result off as PyVRP's."""
    problem = _c101_25()
    empty = CoreProblem(problem.time, problem.cost, [], [], problem.vehicles)
    run = solve_with("pyvrp", empty, SearchOptions(time_limit_s=5.0, solution_limit=5))
    assert run.engine == "ortools"
    assert run.fallback is not None
    assert run.fallback.startswith("pyvrp declined: ")
    assert run.solution is not None
    assert solve_with("ortools", empty, SearchOptions(time_limit_s=5.0)).fallback is None


def test_cli_plan_records_a_pyvrp_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When PyVRP declines the week (its matrices over the memory cap), plan.json says the
    plan was made by OR-Tools and why, and is otherwise the OR-Tools plan; reading it back
    keeps the note; `planner check` accepts it."""
    import json
    import shutil

    import planner.solve.engines.pyvrp as engine_pyvrp
    from planner.cli import cli
    from planner.cli._common import run_guarded
    from planner.io.plan_json import read_plan

    data = tmp_path / "district"
    shutil.copytree(Path(__file__).parent / "data" / "io_tiny_en", data)
    common = ["--week", "2026-W49", "--data", str(data), "--no-progress", "--no-ledger"]
    plain_run = ["plan", *common, "--engine", "ortools", "--out", str(tmp_path / "ortools")]
    assert run_guarded(cli, plain_run) == 0
    monkeypatch.setattr(engine_pyvrp, "MAX_MATRIX_BYTES", 0)
    out = tmp_path / "fallback"
    assert run_guarded(cli, ["plan", *common, "--engine", "pyvrp", "--out", str(out)]) == 0
    plan_file = out / "2026-W49" / "plan.json"
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    note = plan["solver"].pop("fallback")
    assert plan["solver"]["engine"] == "ortools"
    assert note.startswith("pyvrp declined: its matrices would take ")
    assert note.endswith("; solved by ortools")
    plain = json.loads((tmp_path / "ortools" / "2026-W49" / "plan.json").read_text("utf-8"))
    assert "fallback" not in plain["solver"]
    assert plan == plain
    assert read_plan(plan_file).solver.fallback == note
    assert f"Fallback engine used: {note}" in (plan_file.parent / "summary.txt").read_text("utf-8")
    assert run_guarded(cli, ["check", str(plan_file), "--data", str(data)]) == 0


def test_week_in_zones_with_pyvrp_records_ortools() -> None:
    """Only OR-Tools solves a week in zones: asked for PyVRP, the plan says who made it."""
    from planner.solve import plan_week

    district = D.mixed()
    travel = StraightLineTravel(district.settings)
    plan = plan_week(
        district, Week.parse(D.WEEK), travel, solution_limit=3, zone_threshold=0, engine="pyvrp"
    )
    assert plan.solver.engine == "ortools"
    assert plan.solver.fallback is not None
    assert plan.solver.fallback.startswith("pyvrp declined: the week is solved in zones")
    same = plan_week(district, Week.parse(D.WEEK), travel, solution_limit=3, zone_threshold=0)
    assert same.solver.fallback is None
    assert same.routes == plan.routes
