"""The default engine: OR-Tools and PyVRP on the same problem at once, the better one kept.

Neither engine wins everywhere (benchmarks/engines.py, benchmarks/solomon.py): OR-Tools' local
search reaches far more weighted people on a district week, whose many optional chunk nodes
per site PyVRP's granular neighbourhood barely connects; PyVRP's iterated local search is
within 0.2 % of the best-known distances on plain VRPTW, where OR-Tools is 2–3 % off. So
``solve_portfolio`` runs PyVRP in a child process while OR-Tools runs here, both from the same
initial routes, and keeps the solution with the lower ``core_objective`` (a tie goes to
OR-Tools). Each engine stops on its own count (improving solutions; ILS iterations), so the
pair gives the same plan on any machine, loaded or not; on a one-CPU machine, or for a small
problem, the two run one after the other, with the same result.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

from planner.solve.problem import (
    CoreProblem,
    CoreSolution,
    EngineDeclined,
    SearchOptions,
    SolutionProgress,
    core_objective,
)

PARALLEL_MIN_NODES = 200
"""Below this many nodes, with a count-bounded search, both engines run here one after the
other (a child process costs about a second to start; such a search is over sooner without
one). A search bounded by time alone always runs the two side by side."""
PARENT_POLL_S = 0.5
"""How often the child checks that ``planner`` still runs."""
T = TypeVar("T")
U = TypeVar("U")
PyvrpResult = tuple[CoreSolution | None, str | None]
"""PyVRP's solution (None: no feasible one), or the reason it declined the problem."""


def _pyvrp_job(
    problem: CoreProblem,
    options: SearchOptions,
    initial_routes: Sequence[Sequence[int]] | None,
    seed: int,
) -> PyvrpResult:
    """PyVRP's half of the portfolio."""
    from planner.solve.engines.pyvrp import solve_pyvrp

    try:
        return solve_pyvrp(problem, options, None, initial_routes, seed), None
    except EngineDeclined as declined:
        return None, str(declined)


def _child(connection: Connection) -> None:
    """The child process: reads a job (a module-level function) and its arguments, sends its
    result back. It starts with Ctrl-C ignored (inherited, see ``_start_child``: Ctrl-C is the
    parent's to handle) and ends itself, silently, when the parent is gone (``planner`` exits
    at once on Ctrl-C, with no time to stop its children)."""
    threading.Thread(target=_end_with_parent, args=(os.getppid(),), daemon=True).start()
    try:
        job, args = connection.recv()
        connection.send(job(*args))
    except BaseException:  # the parent went away mid-transfer: nothing to report to
        os._exit(1)


def _start_child(connection: Connection) -> BaseProcess:
    """Start ``_child`` with SIGINT ignored from its first instruction (a disposition the new
    interpreter inherits), so a Ctrl-C to the terminal's process group never prints a
    traceback from it."""
    child = multiprocessing.get_context("spawn").Process(
        target=_child, args=(connection,), daemon=True
    )
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to change
        child.start()
        return child
    try:
        child.start()
    finally:
        signal.signal(signal.SIGINT, previous)
    return child


def _send(connection: Connection, payload: object) -> None:
    """Send ``payload``; a child that died first is seen when its result is read."""
    with contextlib.suppress(OSError):
        connection.send(payload)


def _end_with_parent(parent: int) -> None:
    """Exit this process as soon as ``parent`` is no longer its parent."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


def cpus() -> int:
    """CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def solve_portfolio(
    problem: CoreProblem,
    options: SearchOptions,
    progress: SolutionProgress | None = None,
    initial_routes: Sequence[Sequence[int]] | None = None,
    seed: int = 0,
) -> tuple[CoreSolution | None, str]:
    """(the better of OR-Tools' and PyVRP's solutions, the engine that made it); the
    solution is None only when a mandatory group cannot be served."""
    from planner.solve.engines.ortools import solve_ortools

    small = options.solution_limit is not None and len(problem.nodes) < PARALLEL_MIN_NODES
    if cpus() < 2 or small:
        alone = _pyvrp_job(problem, options, initial_routes, seed)
        return better(
            problem, solve_ortools(problem, options, progress, initial_routes, seed), alone[0]
        )
    lost: PyvrpResult = (None, "the PyVRP process ended without a result")
    ortools, pyvrp = beside(
        lambda: solve_ortools(problem, options, progress, initial_routes, seed),
        _pyvrp_job,
        (problem, options, initial_routes, seed),
        lost,
    )
    return better(problem, ortools, pyvrp[0])


def beside(
    here: Callable[[], T], job: Callable[..., U], args: tuple[Any, ...], lost: U
) -> tuple[T, U]:
    """(``here()``, ``job(*args)``) with the job in a child process while ``here`` runs in this
    one; ``lost`` when the child ended without a result (e.g. killed). The child never
    outlives the call, even on Ctrl-C or an error here."""
    connection, there = multiprocessing.get_context("spawn").Pipe()
    child = _start_child(there)
    there.close()
    try:
        # Sent from a thread: the child takes about a second to start and read it, a second
        # this process's work need not wait for.
        sending = threading.Thread(target=_send, args=(connection, (job, args)), daemon=True)
        sending.start()
        mine = here()
        sending.join()
        try:
            theirs: U = connection.recv()
        except EOFError:
            theirs = lost
        child.join()
    finally:
        connection.close()
        if child.is_alive():
            child.terminate()
            child.join()
        child.close()
    return mine, theirs


def better(
    problem: CoreProblem, ortools: CoreSolution | None, pyvrp: CoreSolution | None
) -> tuple[CoreSolution | None, str]:
    """The solution with the lower ``core_objective`` and its engine; ties and a missing
    PyVRP solution go to OR-Tools."""
    if pyvrp is None:
        return ortools, "ortools"
    if ortools is None or core_objective(problem, pyvrp.routes) < core_objective(
        problem, ortools.routes
    ):
        return pyvrp, "pyvrp"
    return ortools, "ortools"
