"""The weekly plan: the only package that imports OR-Tools.

``plan_week`` builds the routing model of a week (``build``), solves it (``core``), turns the
solution into timed routes with printers and cards (``extract``) and explains every site left
out (``explain``). It returns a ``Plan``; checking and writing it is the caller's business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from planner.calendar import Week
from planner.model import District, Plan, Route, SolverInfo, totals_of
from planner.solve.build import WeekModel, build_week
from planner.solve.core import SearchOptions, solve_core
from planner.solve.decompose import ZONE_THRESHOLD, in_zones, plane_km, solve_in_zones
from planner.solve.explain import explain_unserved
from planner.solve.extract import assign_printers, build_routes, draft_routes
from planner.travel import TravelModel

DEFAULT_TIME_LIMIT_S = 50.0
ZONES_TIME_LIMIT_S = 240.0
"""The safety net of a week solved in zones: its zones and rounds stop by solution counts
(2,500 sites with 30 teams: about a minute), so that the limit rarely decides the plan."""
DEFAULT_SOLUTION_LIMIT = 100
"""The search stops after this many improving solutions: the same inputs and seed then give the
same plan on any machine, however loaded; the time limit is only a safety net (plan.json
records which one stopped the search)."""
DEFAULT_METAHEURISTIC = "GREEDY_DESCENT"
"""Guided local search accepts worse moves, so its count of solutions says little about
progress; plain descent counts improvements only (measured on the sample: equal quality per
second, see benchmarks/plan_value.py)."""

ENGINES = ("ortools", "pyvrp")
"""Routing engines: OR-Tools (default: most weighted people on the sample week at every budget,
benchmarks/engines.py) and PyVRP (closest to best-known distances on Solomon instances)."""

Progress = Callable[[str, float], None]
"""``progress(stage, fraction)`` with fraction in 0..1 during the search."""


def solve_routes(
    district: District,
    model: WeekModel,
    search: SearchOptions,
    report: Progress,
    zone_threshold: int = ZONE_THRESHOLD,
    engine: str = "ortools",
    seed: int = 0,
) -> list[Route]:
    """Solve a built week and read back timed routes with printers and cards; a model with
    more than ``zone_threshold`` nodes × team-days is solved in zones (``decompose``, with
    OR-Tools whatever ``engine`` says); printers, cards and times are always decided for the
    whole week."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    limit = search.solution_limit or 0

    def on_solution(found: int, objective: int) -> None:
        if limit:
            report("solve", min(1.0, found / limit))

    def on_zone(zone: int, zones: int, found: int, objective: int) -> None:
        report("solve", (zone + (min(1.0, found / limit) if limit else 0.0)) / zones)

    report("solve", 0.0)
    solution = None
    if model.core.nodes and model.core.vehicles:
        if in_zones(model.core, zone_threshold):
            solution, model.zones = solve_in_zones(
                model.core, search, plane_km(model.points), progress=on_zone
            )
        elif engine == "pyvrp":
            from planner.solve.engine_pyvrp import solve_pyvrp

            solution = solve_pyvrp(model.core, search, progress=on_solution, seed=seed)
            model.engine = "pyvrp"
        else:
            solution = solve_core(model.core, search, progress=on_solution)
    model.outcome = solution
    report("extract", 1.0)
    if solution is None:
        return []
    drafts = draft_routes(model, solution)
    printers = assign_printers(district, model, drafts)
    routes, _ = build_routes(district, model, drafts, printers)
    return routes


def solver_info(search: SearchOptions, seed: int, model: WeekModel) -> SolverInfo:
    """What plan.json records about the search that made it."""
    solution = model.outcome
    return SolverInfo(
        engine=model.engine,
        time_limit_s=search.time_limit_s,
        seed=seed,
        solution_limit=search.solution_limit,
        stopped_by=solution.stopped_by if solution else "empty",
        objective=solution.objective if solution else None,
    )


def default_search(time_limit_s: float, solution_limit: int | None) -> SearchOptions:
    """The product's search: greedy warm start, then descent bounded by a solution count."""
    return SearchOptions(
        time_limit_s=time_limit_s,
        solution_limit=solution_limit,
        warm_start=True,
        metaheuristic=DEFAULT_METAHEURISTIC,
    )


def plan_week(
    district: District,
    week: Week,
    travel: TravelModel,
    *,
    time_limit_s: float | None = None,
    solution_limit: int | None = DEFAULT_SOLUTION_LIMIT,
    seed: int = 0,
    teams: Sequence[str] | None = None,
    lang: str | None = None,
    value_boost: Mapping[str, float] | None = None,
    options: SearchOptions | None = None,
    progress: Progress | None = None,
    zone_threshold: int = ZONE_THRESHOLD,
    engine: str = "ortools",
) -> Plan:
    """Plan ``week`` for ``district``; deterministic for a fixed seed and
    solution limit as long as the time limit is not what stops the search. Weeks with more
    than ``zone_threshold`` nodes × team-days are solved in zones (see ``decompose``); the
    time limit defaults to ``DEFAULT_TIME_LIMIT_S``, or ``ZONES_TIME_LIMIT_S`` for those."""
    lang = lang or district.settings.language
    report = progress or (lambda stage, fraction: None)
    report("build", 0.0)
    model = build_week(
        district, week.dates, travel, teams=teams, seed=seed, value_boost=value_boost
    )
    if time_limit_s is None:
        zoned = in_zones(model.core, zone_threshold)
        time_limit_s = ZONES_TIME_LIMIT_S if zoned else DEFAULT_TIME_LIMIT_S
    search = options or default_search(time_limit_s, solution_limit)
    routes = solve_routes(district, model, search, report, zone_threshold, engine, seed)
    unserved = explain_unserved(district, model, routes, lang)
    return Plan(
        district=district.settings.name,
        week=week.label,
        inputs_sha256=district.inputs_sha256,
        solver=solver_info(search, seed, model),
        routes=tuple(routes),
        unserved=tuple(unserved),
        totals=totals_of(tuple(routes), district.settings.weights),
        language=lang,
        travel_source=travel.source,
    )
