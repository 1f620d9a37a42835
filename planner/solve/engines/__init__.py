"""Routing engines behind one signature, and a registry by name.

Every engine takes a ``CoreProblem``, ``SearchOptions``, an optional progress callback and
optional initial routes (node ids per vehicle, chosen once by the caller: see
``greedy.warm_start``) and returns a ``CoreSolution``, or None when a mandatory group cannot be
served. An engine that cannot take a problem raises ``EngineDeclined``; ``solve_with`` then
solves it with ``FALLBACK`` and says so in its result, so a plan never claims an engine that
did not make it.

Engines are imported on first use: PyVRP is loaded only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from planner.solve.problem import (
    CoreProblem,
    CoreSolution,
    EngineDeclined,
    SearchOptions,
    SolutionProgress,
)


class Engine(Protocol):
    """The signature every engine implements (``solve_ortools``, ``solve_pyvrp``)."""

    def __call__(
        self,
        problem: CoreProblem,
        options: SearchOptions,
        progress: SolutionProgress | None = None,
        initial_routes: Sequence[Sequence[int]] | None = None,
        seed: int = 0,
    ) -> CoreSolution | None:
        """Solve ``problem``; None only when a mandatory group cannot be served."""


def _ortools() -> Engine:
    from planner.solve.engines.ortools import solve_ortools

    return solve_ortools


def _pyvrp() -> Engine:
    from planner.solve.engines.pyvrp import solve_pyvrp

    return solve_pyvrp


_LOADERS: dict[str, Callable[[], Engine]] = {"ortools": _ortools, "pyvrp": _pyvrp}

PORTFOLIO = "portfolio"
"""Both engines at once, the better solution kept (``engines.portfolio``): the default."""
ENGINES = (PORTFOLIO, *_LOADERS)
"""Routing engines: OR-Tools (most weighted people on the sample week at every budget,
benchmarks/engines.py), PyVRP (closest to best-known distances on Solomon instances), and the
portfolio of both."""
DEFAULT_ENGINE = PORTFOLIO
FALLBACK = "ortools"
"""The engine that solves what another engine declines."""


def get_engine(name: str) -> Engine:
    """The engine called ``name`` (one of ``ENGINES``)."""
    if name not in _LOADERS:
        raise ValueError(f"unknown engine {name!r}")
    return _LOADERS[name]()


@dataclass(frozen=True, slots=True)
class EngineRun:
    """An engine's solution, the engine that actually made it and why another was used."""

    solution: CoreSolution | None
    engine: str
    fallback: str | None = None
    """Set when the requested engine declined the problem: what it declined and why."""


def solve_with(
    name: str,
    problem: CoreProblem,
    options: SearchOptions,
    progress: SolutionProgress | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
    seed: int = 0,
) -> EngineRun:
    """Solve ``problem`` with engine ``name``; with ``FALLBACK`` (recorded in the result)
    when that engine declines it. The portfolio's result names the engine whose solution it
    kept."""
    if name == PORTFOLIO:
        from planner.solve.engines.portfolio import solve_portfolio

        solution, winner = solve_portfolio(problem, options, progress, initial_routes, seed)
        return EngineRun(solution, winner)
    engine = get_engine(name)
    try:
        return EngineRun(engine(problem, options, progress, initial_routes, seed), name)
    except EngineDeclined as declined:
        if name == FALLBACK:
            raise
        solution = get_engine(FALLBACK)(problem, options, progress, initial_routes, seed)
        return EngineRun(solution, FALLBACK, fallback_note(name, str(declined)))


def fallback_note(name: str, reason: str) -> str:
    """The one wording of a fallback, as plan.json records it."""
    return f"{name} declined: {reason}; solved by {FALLBACK}"
