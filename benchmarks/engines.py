"""Benchmark: OR-Tools against PyVRP as the routing engine, on the sample week and on Solomon.

    /work/venv/bin/python benchmarks/engines.py [--week 2026-W49] [--budgets 10 30 60]
        [--solomon-seconds 30] [--instances C101 R101 RC101 R112 RC208] [--skip-plan]
        [--skip-solomon]

(1) The sample district's week: the model is built once (``build_week``), each engine solves it
at equal wall budgets (greedy warm start for both; OR-Tools with guided local search so it uses
its budget; PyVRP with no iteration cap), then the routes are read back exactly as ``plan_week``
does (``draft_routes``, ``assign_printers``, ``build_routes``, ``explain_unserved``) and the
plan must pass ``check_plan``. The product defaults of both engines (solution limit 60, which is
an iteration budget for PyVRP) are run too. Printed per run: weighted people, people, core
objective, wall seconds, what stopped the search.

(2) Solomon instances with mandatory customers, DIMACS distances (floor(10 · euclid), tenths),
the fixed fleet of VEHICLES and capacity, re-evaluated independently by ``benchmarks.solomon``:
gap % to the distance-only BKS per engine at ``--solomon-seconds``.

Last line: ``winner_on_plan_value: <engine>`` (higher weighted people at the largest budget;
ties go to ``ortools``, the default).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import solomon  # noqa: E402
from planner.calendar import Week  # noqa: E402
from planner.check import check_plan  # noqa: E402
from planner.io import load_district  # noqa: E402
from planner.model import District, Plan, Route, SolverInfo, totals_of  # noqa: E402
from planner.solve import (  # noqa: E402
    DEFAULT_SOLUTION_LIMIT,
    DEFAULT_TIME_LIMIT_S,
    ENGINES,
    default_search,
)
from planner.solve.build import WeekModel, build_week  # noqa: E402
from planner.solve.engines import EngineRun, solve_with  # noqa: E402
from planner.solve.explain import explain_unserved  # noqa: E402
from planner.solve.greedy import warm_start  # noqa: E402
from planner.solve.printers import assign_printers  # noqa: E402
from planner.solve.problem import CoreProblem, CoreSolution, SearchOptions  # noqa: E402
from planner.solve.timing import build_routes, draft_routes  # noqa: E402
from planner.travel import TravelModel, travel_model  # noqa: E402

DEFAULT_WEEK = "2026-W49"
SOLOMON = ("C101", "R101", "RC101", "R112", "RC208")


def run_engine(engine: str, problem: CoreProblem, options: SearchOptions) -> EngineRun:
    """Solve with ``engine`` as ``plan_week`` does: the greedy warm start chosen once when
    ``options.warm_start``; a fallback to OR-Tools is reported, never hidden."""
    return solve_with(engine, problem, options, initial_routes=warm_start(problem, options))


@dataclass(frozen=True, slots=True)
class PlanRun:
    """One engine's plan of the sample week."""

    engine: str
    label: str
    weighted: float
    people: int
    objective: int | None
    wall_s: float
    stopped_by: str
    violations: int


def make_plan(
    district: District,
    week: str,
    model: WeekModel,
    solution: CoreSolution | None,
    engine: str,
    search: SearchOptions,
    travel_source: str = "estimate",
    fallback: str | None = None,
) -> Plan:
    """The ``Plan`` ``plan_week`` would write for ``solution`` of ``model``."""
    settings = district.settings
    routes: list[Route] = []
    if solution is not None:
        drafts = draft_routes(model, solution)
        printers = assign_printers(district, model, drafts)
        routes, _ = build_routes(district, model, drafts, printers)
    unserved = explain_unserved(district, model, routes, settings.language)
    return Plan(
        district=settings.name,
        week=week,
        inputs_sha256=district.inputs_sha256,
        solver=SolverInfo(
            engine=engine,
            time_limit_s=search.time_limit_s,
            seed=0,
            solution_limit=search.solution_limit,
            stopped_by=solution.stopped_by if solution else "empty",
            objective=solution.objective if solution else None,
            fallback=fallback,
        ),
        routes=tuple(routes),
        unserved=tuple(unserved),
        totals=totals_of(tuple(routes), settings.weights),
        language=settings.language,
        travel_source=travel_source,
    )


def plan_run(
    district: District,
    week: str,
    travel: TravelModel,
    engine: str,
    label: str,
    search: SearchOptions,
) -> PlanRun:
    """Build, solve with ``engine``, read back and check one plan of ``week``."""
    model = build_week(district, Week.parse(week).dates, travel)
    started = time.perf_counter()
    ran = run_engine(engine, model.core, search)
    solution = ran.solution
    wall_s = time.perf_counter() - started
    if ran.fallback:
        print(f"  ! {engine} {label}: {ran.fallback}", flush=True)
    plan = make_plan(
        district, week, model, solution, ran.engine, search, travel.source, ran.fallback
    )
    violations = check_plan(plan, district, travel)
    for v in violations[:3]:
        print(f"  ! {engine} {label}: {v}", flush=True)
    return PlanRun(
        engine,
        label,
        plan.totals.weighted_people,
        plan.totals.people,
        solution.objective if solution else None,
        wall_s,
        solution.stopped_by if solution else "-",
        len(violations),
    )


def budget_search(seconds: float) -> SearchOptions:
    """Equal wall budgets: both warm-started, no solution cap, guided local search for
    OR-Tools (plain descent stops at its first local optimum)."""
    return SearchOptions(
        time_limit_s=seconds,
        solution_limit=None,
        warm_start=True,
        metaheuristic="GUIDED_LOCAL_SEARCH",
    )


def solve_solomon(engine: str, inst: solomon.Instance, seconds: float) -> list[list[int]] | None:
    """Routes (customer ids 1..n) of ``engine`` on ``inst`` with mandatory customers."""
    problem = solomon.to_core(inst, mandatory=True)
    if engine == "ortools":
        options = SearchOptions(time_limit_s=seconds, first_solution="SAVINGS")
    else:
        options = SearchOptions(time_limit_s=seconds, solution_limit=None)
    solution = run_engine(engine, problem, options).solution
    if solution is None:
        return None
    return [[node + 1 for node, _ in route] for route in solution.routes]


def main(argv: Sequence[str] | None = None) -> int:
    """Run both comparisons; exit 1 when a plan breaks a rule or a Solomon run is unsolved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--week", default=DEFAULT_WEEK)
    parser.add_argument("--budgets", nargs="*", type=float, default=[10.0, 30.0, 60.0])
    parser.add_argument("--solomon-seconds", type=float, default=30.0)
    parser.add_argument("--instances", nargs="*", default=list(SOLOMON))
    parser.add_argument("--skip-plan", action="store_true")
    parser.add_argument("--skip-solomon", action="store_true")
    args = parser.parse_args(argv)
    status = 0

    best: dict[str, float] = {}
    if not args.skip_plan:
        district, _ = load_district()
        travel = travel_model(district)
        print(f"sample district, week {args.week}", flush=True)
        print(
            f"{'engine':<8} {'run':<9} {'weighted':>9} {'people':>7} {'objective':>11} "
            f"{'wall_s':>7} {'check':>6}  stopped",
            flush=True,
        )
        runs: list[tuple[str, str, SearchOptions]] = [
            (e, "default", default_search(DEFAULT_TIME_LIMIT_S, DEFAULT_SOLUTION_LIMIT))
            for e in ENGINES
        ]
        runs += [(e, f"{b:g}s", budget_search(b)) for b in args.budgets for e in ENGINES]
        for engine, label, search in runs:
            run = plan_run(district, args.week, travel, engine, label, search)
            if run.violations:
                status = 1
            if label != "default":
                best[engine] = run.weighted  # the last (largest) budget wins
            print(
                f"{run.engine:<8} {run.label:<9} {run.weighted:>9.1f} {run.people:>7} "
                f"{run.objective if run.objective is not None else '-':>11} "
                f"{run.wall_s:>7.1f} {'ok' if not run.violations else run.violations:>6}  "
                f"{run.stopped_by}",
                flush=True,
            )

    if not args.skip_solomon:
        bks = solomon.load_bks()
        print(f"\nSolomon, mandatory customers, {args.solomon_seconds:g} s per instance")
        print(f"{'instance':<9} {'engine':<8} {'distance':>10} {'bks':>9} {'gap%':>7} {'sec':>6}")
        gaps: dict[str, list[float]] = {e: [] for e in ENGINES}
        for name in args.instances:
            path = solomon.BENCH_DIR / "instances" / "solomon" / f"{name}.vrp"
            if not path.is_file():
                print(f"{name:<9} missing")
                continue
            inst = solomon.load_instance(path)
            for engine in ENGINES:
                started = time.perf_counter()
                routes = solve_solomon(engine, inst, args.solomon_seconds)
                seconds = time.perf_counter() - started
                ev = solomon.evaluate(inst, routes) if routes is not None else None
                ref = bks.get(name)
                if ev is None or not ev.feasible or ref is None:
                    status = 1
                    why = "no solution" if ev is None else "; ".join(ev.problems[:2])
                    print(f"{name:<9} {engine:<8} {why}", flush=True)
                    continue
                gap = 100.0 * (ev.distance - ref) / ref
                gaps[engine].append(gap)
                print(
                    f"{name:<9} {engine:<8} {ev.distance:>10.1f} {ref:>9.1f} {gap:>7.2f} "
                    f"{seconds:>6.1f}",
                    flush=True,
                )
        for engine, values in gaps.items():
            if values:
                print(f"mean_gap_pct_{engine}: {sum(values) / len(values):.2f}")

    if best:
        winner = max(best, key=lambda e: (best[e], e == "ortools"))
        print(f"winner_on_plan_value: {winner}")
    return status


if __name__ == "__main__":
    sys.exit(main())
