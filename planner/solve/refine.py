"""The week's search with the value descent: greedy start → ``improve_routes`` → engine ↔ descent.

When ``SearchOptions.improve_patience`` is set (the product's default), a non-zoned week is
searched as:

1. the greedy warm start (``greedy.warm_start``);
2. the iterated value descent (``improve.improve_routes``: insertions and replacements, ruin and
   recreate) until ``improve_patience`` iterations in a row find nothing better;
3. the engine from those routes without its insertion moves (``insertion_moves=False``): it
   relocates, exchanges and reorders stops, which the descent does not, until its local
   optimum; then the descent again on the engine's routes, and the engine again when the
   descent gained, at most ``POLISH_ROUNDS`` times.

Every stage stops on a count or a local optimum, so a seed gives the same routes on any machine;
the time limit is a safety net over the whole (a run it stops is recorded as ``time_limit``).
With the portfolio engine (the default) the second CPU runs step 2 from another seed and the
better result goes on; PyVRP is not run: on a district week it has never kept a solution
(benchmarks/README.md), and its fixed iteration budget would be most of the wall time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from planner.solve.decompose import objective_of
from planner.solve.engines import FALLBACK, PORTFOLIO, EngineRun, solve_with
from planner.solve.engines.portfolio import beside, cpus
from planner.solve.greedy import warm_start
from planner.solve.improve import MAX_IMPROVEMENTS, Improved, improve_routes
from planner.solve.problem import CoreProblem, SearchOptions, SolutionProgress

IMPROVE_SHARE = 0.5
"""The share of the time limit the iterated descent may use before the engine."""
MIN_ENGINE_S = 1.0
"""The engine's time when the descent used up the time limit (a safety net stopped it)."""
SEEDS_PARALLEL_MIN_NODES = 50
"""Below this many nodes the two seeds run one after the other (a child process takes about a
second to start; 100 generated sites, 162 nodes, take about 4 s per seed)."""
POLISH_ROUNDS = 5
"""Engine runs at most after the iterated descent (the sample week: 2)."""


def _iterate(
    core: CoreProblem,
    initial: list[list[int]],
    search: SearchOptions,
    seed: int,
    progress: Callable[[float], None] | None = None,
) -> Improved:
    """The iterated descent with ``search``'s counts and share of its time limit."""
    return improve_routes(
        core,
        initial,
        seed=seed,
        patience=search.improve_patience,
        max_improvements=search.solution_limit or MAX_IMPROVEMENTS,
        deadline=time.perf_counter() + search.time_limit_s * IMPROVE_SHARE,
        progress=progress,
    )


def _two_seeds(
    core: CoreProblem,
    initial: list[list[int]],
    search: SearchOptions,
    seed: int,
    portfolio: bool,
    progress: Callable[[float], None],
) -> Improved:
    """The iterated descent from ``seed``; for the portfolio also from ``seed + 1`` (in a child
    process on a second CPU, else after it), the better kept (a tie: ``seed``'s). Both run
    whatever the CPUs, so the result does not depend on the machine."""
    if not portfolio:
        return _iterate(core, initial, search, seed, progress)
    if cpus() < 2 or len(core.nodes) < SEEDS_PARALLEL_MIN_NODES:
        mine = _iterate(core, initial, search, seed, progress)
        theirs: Improved | None = _iterate(core, initial, search, seed + 1)
    else:
        mine, theirs = beside(
            lambda: _iterate(core, initial, search, seed, progress),
            _iterate,
            (core, initial, search, seed + 1),
            None,
        )
    if theirs is None:
        return mine
    timed_out = mine.timed_out or theirs.timed_out
    if objective_of(core, theirs.routes) < objective_of(core, mine.routes):
        return replace(theirs, timed_out=timed_out)
    return replace(mine, timed_out=timed_out)


def refined_search(
    core: CoreProblem,
    search: SearchOptions,
    engine: str,
    seed: int,
    progress: Callable[[float], None],
    on_solution: SolutionProgress,
) -> EngineRun:
    """Search ``core`` as the module doc says (without ``improve_patience``: the engine from
    the warm start). ``progress(fraction)`` follows the iterated descent (0..1)."""
    initial = warm_start(core, search)
    if initial is None or not search.improve_patience:
        return solve_with(engine, core, search, on_solution, initial, seed)
    started = time.perf_counter()
    deadline = started + search.time_limit_s
    improved = _two_seeds(core, initial, search, seed, engine == PORTFOLIO, progress)
    polish = FALLBACK if engine == PORTFOLIO else engine
    options = replace(search, insertion_moves=False)
    routes, timed_out = improved.routes, improved.timed_out
    run = EngineRun(None, polish)
    for _ in range(POLISH_ROUNDS):
        left = 0.0 if timed_out else deadline - time.perf_counter()
        options = replace(options, time_limit_s=max(MIN_ENGINE_S, left))
        run = solve_with(polish, core, options, on_solution, routes, seed)
        if run.solution is None or timed_out or run.solution.stopped_by == "time_limit":
            break
        routes = [[n for n, _ in route] for route in run.solution.routes]
        again = improve_routes(core, routes, patience=0)
        if objective_of(core, again.routes) >= run.solution.objective:
            break
        routes = again.routes
    if timed_out and run.solution is not None:
        run.solution.stopped_by = "time_limit"
    return run
