"""A week from district to ``Plan``: build, search, printers and times, unserved reasons.

``solve_routes`` runs one search on a built week and returns a ``SolveResult`` (the routes and
what plan.json records about the search: the engine that actually ran, a fallback if any);
``plan_week`` wraps build → solve → explain into a ``Plan``. ``replan`` reuses both steps.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner.calendar import Week
from planner.model import District, Plan, Route, SolverInfo, totals_of
from planner.solve.build import WeekModel, build_week
from planner.solve.decompose import ZONE_THRESHOLD, in_zones, plane_km, solve_in_zones
from planner.solve.engines import (
    DEFAULT_ENGINE,
    ENGINES,
    FALLBACK,
    PORTFOLIO,
    EngineRun,
    fallback_note,
)
from planner.solve.explain import explain_unserved
from planner.solve.improve import PATIENCE
from planner.solve.printers import assign_printers
from planner.solve.problem import CoreSolution, SearchOptions
from planner.solve.refine import refined_search
from planner.solve.timing import build_routes, draft_routes
from planner.solve.visits import merge_site_returns
from planner.travel import TravelModel, district_joins

DEFAULT_TIME_LIMIT_S = 600.0
"""The safety net only: the sample week's search ends by itself (local optima, see ``refine``)
in about 7 s on this project's 2-core machine, so a far slower laptop still gives the same
plan. A limit near the normal run time would let the machine's speed decide the plan
(measured: a 50 s limit gave different plans with and without CPU load beside the run)."""
ZONES_TIME_LIMIT_S = 240.0
"""The safety net of a week solved in zones: its zones and rounds stop by solution counts
(2,500 sites with 30 teams: about a minute), so that the limit rarely decides the plan."""
DEFAULT_SOLUTION_LIMIT = 100
"""Each stage of the search stops after this many improving solutions at most (the value
descent: better weeks; the engine: improving solutions), if its local optimum has not ended it
first: the same inputs and seed then give the same plan on any machine, however loaded; the
time limit is only a safety net (plan.json records which one stopped the search)."""
DEFAULT_METAHEURISTIC = "GREEDY_DESCENT"
"""Guided local search accepts worse moves, so its count of solutions says little about
progress; plain descent counts improvements only (measured on the sample: equal quality per
second, see benchmarks/plan_value.py)."""

Progress = Callable[[str, float], None]
"""``progress(stage, fraction)`` with fraction in 0..1 during the search."""


@dataclass(frozen=True, slots=True)
class SolveResult:
    """What one search of a week produced, and how."""

    routes: list[Route]
    solution: CoreSolution | None
    """The core's solution (None: nothing to route, or no feasible assignment)."""
    engine: str
    """The engine that actually made ``solution`` ("ortools" when no search ran)."""
    fallback: str | None = None
    """Why ``engine`` is not the engine asked for, when it is not."""
    zones: int = 1
    """How many zones the search solved separately (1: the whole week at once)."""


def solve_routes(
    district: District,
    model: WeekModel,
    search: SearchOptions,
    report: Progress,
    zone_threshold: int = ZONE_THRESHOLD,
    engine: str = DEFAULT_ENGINE,
    seed: int = 0,
) -> SolveResult:
    """Solve a built week and read back timed routes with printers and cards; a model with
    more than ``zone_threshold`` nodes × team-days is solved in zones (``decompose``, with
    OR-Tools whatever ``engine`` says: recorded as a fallback); printers, cards and times are
    always decided for the whole week."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    limit = search.solution_limit or 0

    improving = 0.5 if search.improve_patience and search.warm_start else 0.0

    def on_solution(found: int, objective: int) -> None:
        if limit:
            report("solve", improving + (1 - improving) * min(1.0, found / limit))

    def on_zone(zone: int, zones: int, found: int, objective: int) -> None:
        report("solve", (zone + (min(1.0, found / limit) if limit else 0.0)) / zones)

    report("solve", 0.0)
    run, zones = EngineRun(None, FALLBACK), 1
    core = model.core
    if core.nodes and core.vehicles:
        if in_zones(core, zone_threshold):
            solution, zones = solve_in_zones(core, search, plane_km(model.points), on_zone)
            run = EngineRun(solution, FALLBACK, _zones_fallback(engine, zone_threshold))
        else:
            run = refined_search(
                core, search, engine, seed, lambda f: report("solve", improving * f), on_solution
            )
    report("extract", 1.0)
    routes: list[Route] = []
    if run.solution is not None:
        drafts = draft_routes(model, run.solution)
        printers = assign_printers(district, model, drafts)
        drafts = merge_site_returns(district, model, drafts)
        routes, _ = build_routes(district, model, drafts, printers)
    return SolveResult(routes, run.solution, run.engine, run.fallback, zones)


def _zones_fallback(engine: str, zone_threshold: int) -> str | None:
    """The fallback note of a week solved in zones (only OR-Tools solves zones; the
    portfolio's choice by construction, so no note for it)."""
    if engine in (FALLBACK, PORTFOLIO):
        return None
    reason = f"the week is solved in zones (over {zone_threshold:,} nodes × team-days)"
    return fallback_note(engine, reason)


def solver_info(search: SearchOptions, seed: int, result: SolveResult) -> SolverInfo:
    """What plan.json records about the search that made it."""
    solution = result.solution
    return SolverInfo(
        engine=result.engine,
        time_limit_s=search.time_limit_s,
        seed=seed,
        solution_limit=search.solution_limit,
        stopped_by=solution.stopped_by if solution else "empty",
        objective=solution.objective if solution else None,
        fallback=result.fallback,
    )


def default_search(time_limit_s: float, solution_limit: int | None) -> SearchOptions:
    """The product's search (``refine``): greedy warm start, the iterated value descent, then the
    engine's descent without its insertion moves; every stage bounded by counts."""
    return SearchOptions(
        time_limit_s=time_limit_s,
        solution_limit=solution_limit,
        warm_start=True,
        metaheuristic=DEFAULT_METAHEURISTIC,
        improve_patience=PATIENCE,
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
    engine: str = DEFAULT_ENGINE,
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
    result = solve_routes(district, model, search, report, zone_threshold, engine, seed)
    unserved = explain_unserved(district, model, result.routes, lang)
    return Plan(
        district=district.settings.name,
        week=week.label,
        inputs_sha256=district.inputs_sha256,
        solver=solver_info(search, seed, result),
        routes=tuple(result.routes),
        unserved=tuple(unserved),
        totals=totals_of(tuple(result.routes), district.settings.weights),
        language=lang,
        travel_source=plan_source(model, travel),
        road_joins=district_joins(district, travel),
    )


def plan_source(model: WeekModel, travel: TravelModel) -> str:
    """``estimate`` without roads; ``mixed`` when any leg of the week's problem is estimated,
    else ``roads``."""
    if travel.source == "estimate":
        return "estimate"
    return "mixed" if any(m.source == "mixed" for m in model.matrices.values()) else "roads"
