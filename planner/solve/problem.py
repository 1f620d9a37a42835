"""The routing core's problem and solution: engine-neutral integer data, no solver imported.

A prize-collecting VRP with time windows that knows nothing of villages or schools.
``CoreProblem`` is plain integer data (minutes, cost units); an engine
(``planner.solve.engines``) returns a ``CoreSolution``: which nodes each vehicle visits and
when. The planner's model (``planner.solve.build``) and the Solomon benchmark both feed it, so
the benchmark measures the engines the product uses.

Time model: a node's cumul is the time its service *starts*, after an ``entry`` time (setup)
that is paid only when arriving from a different ``site``; so consecutive chunks of one
village cost one setup. transit(i → j) = service(i) + travel(i, j) + entry(j) [site(i) ≠ site(j)].
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

Matrix = Sequence[Sequence[int]] | npt.NDArray[np.integer[Any]]
"""Integers between locations: nested lists, or (cheaper for large models) a numpy array."""


SolutionProgress = Callable[[int, int], None]
"""``progress(solutions_found, objective)``: called by an engine on each improving solution."""


class EngineDeclined(Exception):
    """An engine cannot take this problem (e.g. its matrices would not fit in memory); the
    caller may solve it with another engine and must say so."""


@dataclass(frozen=True, slots=True)
class CoreNode:
    """A visit: where, how long (per vehicle class), when (cumul windows) and by whom."""

    loc: int
    site: int
    service: tuple[int, ...]
    windows: tuple[tuple[int, int], ...]
    entry: int = 0
    allowed_vehicles: tuple[int, ...] | None = None
    demand: int = 0


@dataclass(frozen=True, slots=True)
class CoreGroup:
    """At most one node of ``nodes`` is visited; leaving all out costs ``penalty``.

    ``penalty`` None makes the group mandatory (exactly one node visited).
    """

    nodes: tuple[int, ...]
    penalty: int | None


@dataclass(frozen=True, slots=True)
class CoreVehicle:
    """A vehicle (in the planner: one team on one date)."""

    start_loc: int
    end_loc: int
    vclass: int
    earliest: int
    latest: int
    capacity: int | None = None
    week_minute: int | None = None
    """When the vehicle starts on the real week's clock (the planner's time axis gives each
    vehicle class days of its own); a day-by-day construction goes in this order. None: its
    ``earliest``."""


@dataclass(frozen=True, slots=True)
class CoreProblem:
    """Integer data for one solve. ``time[c][a][b]`` and ``cost[c][a][b]`` are per vehicle
    class ``c`` between locations ``a`` and ``b``."""

    time: Sequence[Matrix]
    cost: Sequence[Matrix]
    nodes: Sequence[CoreNode]
    groups: Sequence[CoreGroup]
    vehicles: Sequence[CoreVehicle]
    pinned: Sequence[Sequence[int]] = ()
    """Per vehicle, nodes it must keep (in time order, each with a one-point window): stops
    already promised to a village head. Empty for a fresh week."""


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """How hard and how to search; ``solution_limit`` keeps runs repeatable, ``time_limit_s``
    is the wall-clock safety net."""

    time_limit_s: float = 30.0
    solution_limit: int | None = None
    first_solution: str = "PARALLEL_CHEAPEST_INSERTION"
    metaheuristic: str = "GUIDED_LOCAL_SEARCH"
    lns_time_limit_ms: int = 100
    warm_start: bool = False
    """The caller starts the engine from ``greedy.best_greedy_routes`` (see
    ``greedy.warm_start``) instead of the engine's own first solution; engines read only the
    initial routes they are given."""
    improve_patience: int = 0
    """With a warm start, the caller first improves it by ``improve.improve_routes`` until
    this many ruin-and-recreate iterations in a row find nothing better (0: not at all)."""
    insertion_moves: bool = True
    """OR-Tools' moves that add or swap unvisited nodes (make/swap active and their chains)
    and its insertion-heuristic LNS; off when ``improve.improve_routes`` does that work
    between the engine's runs: those operators scan every (stop × unvisited node) pair one
    neighbour at a time, most of a district week's search (see benchmarks/README.md)."""


@dataclass(slots=True)
class CoreSolution:
    """Per vehicle the visited nodes with their service-start times; what stopped the search."""

    routes: list[list[tuple[int, int]]]
    starts: list[int]
    ends: list[int]
    objective: int
    stopped_by: str
    wall_s: float
    dropped: list[int] = field(default_factory=list)


def merge_intervals(intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint, non-adjacent closed integer intervals covering ``intervals``."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def core_objective(problem: CoreProblem, routes: Sequence[Sequence[tuple[int, int]]]) -> int:
    """Penalties of the groups left out plus arc costs: the objective every engine minimises,
    computed one way so that solutions of different engines compare exactly."""
    visited = {n for route in routes for n, _ in route}
    total = sum(
        g.penalty
        for g in problem.groups
        if g.penalty is not None and not any(n in visited for n in g.nodes)
    )
    for v, route in enumerate(routes):
        if not route:
            continue
        veh = problem.vehicles[v]
        cost = problem.cost[veh.vclass]
        here = veh.start_loc
        for n, _ in route:
            total += int(cost[here][problem.nodes[n].loc])
            here = problem.nodes[n].loc
        total += int(cost[here][veh.end_loc])
    return total
