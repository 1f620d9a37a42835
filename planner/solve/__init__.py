"""The weekly plan: the only package that imports OR-Tools (and PyVRP).

``plan_week`` (``week``) builds the routing model of a week, solves it, turns the solution into
timed routes with printers and cards and explains every site left out. It returns a ``Plan``;
checking and writing it is the caller's business. The modules, in dependency order:

- ``problem``: the engine-neutral routing core (``CoreProblem``, ``SearchOptions``,
  ``CoreSolution``, ...); imports no solver.
- ``greedy``: the value-per-minute warm start, chosen once by the caller (``warm_start``).
- ``engines``: one signature (``Engine``), a registry by name and ``solve_with``, which
  records a fallback when an engine declines; ``engines.ortools`` (default) and
  ``engines.pyvrp`` (with its data mapping ``engines.pyvrp_data``).
- ``decompose``: very large weeks solved zone by zone with OR-Tools.
- ``build``: district + week → ``WeekModel`` (the core problem and what reads it back).
- ``timing``: drafted stops and the re-timing of routes with exact durations.
- ``printers``: which routes carry a printer and how many cards each stop prints (CP-SAT).
- ``explain``: why each unserved site stayed unserved.
- ``week``: ``solve_routes`` (→ ``SolveResult``) and ``plan_week``.
- ``replan``: mid-week changes on top of ``week``.
"""

from __future__ import annotations

from planner.solve.engines import ENGINES
from planner.solve.problem import SearchOptions
from planner.solve.week import (
    DEFAULT_METAHEURISTIC,
    DEFAULT_SOLUTION_LIMIT,
    DEFAULT_TIME_LIMIT_S,
    ZONES_TIME_LIMIT_S,
    Progress,
    SolveResult,
    default_search,
    plan_week,
    solve_routes,
    solver_info,
)

__all__ = [
    "DEFAULT_METAHEURISTIC",
    "DEFAULT_SOLUTION_LIMIT",
    "DEFAULT_TIME_LIMIT_S",
    "ENGINES",
    "ZONES_TIME_LIMIT_S",
    "Progress",
    "SearchOptions",
    "SolveResult",
    "default_search",
    "plan_week",
    "solve_routes",
    "solver_info",
]
