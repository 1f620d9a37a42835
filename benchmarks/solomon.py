"""Benchmark: the planner's routing core on the Solomon and Gehring–Homberger VRPTW instances.

    /work/venv/bin/python benchmarks/solomon.py [--time-limit 30] [--instances C101 'R1*' ...]
        [--engine portfolio|ortools|pyvrp] [--start savings|greedy|...] [--mandatory]
        [--csv out.csv]

Each instance becomes a ``CoreProblem`` for the engine chosen (default: the product's default,
the portfolio of OR-Tools and PyVRP, ``planner.solve.engines.portfolio``): a fixed fleet
(VEHICLES of the file), capacity, time windows, a
distance objective, DIMACS rounding (d = floor(10 · euclid) / 10; everything in integer tenths;
durations equal distances). Every customer is a one-node group with a huge penalty (dropping one
never pays; the search can still start from a partial solution on tight instances) unless
``--mandatory``. Each solution is re-evaluated here from the coordinates, independently of the
solver (every customer exactly once, capacity, windows, return to the depot, fleet size), and
compared with the distance-only DIMACS best-known value in ../shared/bench/bks.csv.

Per instance: name, customers, vehicles used, distance, BKS, gap %, feasible, seconds. A run
that is infeasible or misses a customer counts as unsolved. Last line: ``mean_gap_pct: X`` over
the solved instances (``unsolved: N`` before it when any).
"""

from __future__ import annotations

import argparse
import csv
import fnmatch
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import vrplib

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import machine_seconds  # noqa: E402
from planner.solve.engines.ortools import solve_ortools as ortools_core  # noqa: E402
from planner.solve.greedy import warm_start  # noqa: E402
from planner.solve.problem import (  # noqa: E402
    CoreGroup,
    CoreNode,
    CoreProblem,
    CoreVehicle,
    SearchOptions,
)

BENCH_DIR = Path("/work/shared/bench")
DROP_PENALTY = 10**8
"""Penalty (tenths) for leaving a customer out: far above any instance's total distance."""
STARTS = {
    "savings": "SAVINGS",
    "parallel-insertion": "PARALLEL_CHEAPEST_INSERTION",
    "local-insertion": "LOCAL_CHEAPEST_INSERTION",
    "path-cheapest-arc": "PATH_CHEAPEST_ARC",
    "christofides": "CHRISTOFIDES",
    "automatic": "AUTOMATIC",
    "greedy": "greedy",
}
"""``--start`` choices: OR-Tools first-solution strategies, or the planner's greedy warm start."""
DEFAULT_START = "savings"


@dataclass(frozen=True, slots=True)
class Instance:
    """A VRPTW instance in integer tenths; node 0 is the depot."""

    name: str
    coords: np.ndarray
    vehicles: int
    capacity: int
    demand: list[int]
    ready: list[int]
    due: list[int]
    service: list[int]
    dist: list[list[int]]

    @property
    def customers(self) -> int:
        """Number of customers (nodes other than the depot)."""
        return len(self.demand) - 1


@dataclass(frozen=True, slots=True)
class Evaluation:
    """An independent evaluation of a solution."""

    distance: float
    vehicles_used: int
    visited: int
    problems: tuple[str, ...]

    @property
    def feasible(self) -> bool:
        """True when every rule holds and every customer is visited exactly once."""
        return not self.problems


@dataclass(frozen=True, slots=True)
class Result:
    """One instance's outcome."""

    name: str
    customers: int
    bks: float | None
    evaluation: Evaluation | None
    seconds: float

    @property
    def solved(self) -> bool:
        """A feasible solution visiting every customer."""
        return self.evaluation is not None and self.evaluation.feasible

    @property
    def gap_pct(self) -> float | None:
        """Gap to the best-known distance, % (None when unsolved or no BKS)."""
        if not self.solved or self.bks is None or self.evaluation is None:
            return None
        return 100.0 * (self.evaluation.distance - self.bks) / self.bks


def tenths(a: Sequence[float], b: Sequence[float]) -> int:
    """floor(10 · euclid(a, b)), exact for integer coordinates."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    if all(float(v).is_integer() for v in (*a, *b)):
        return math.isqrt(int(100 * (dx * dx + dy * dy)))
    return math.floor(10 * math.hypot(dx, dy))


def load_instance(path: Path) -> Instance:
    """Read a VRPLIB VRPTW file into integer tenths (DIMACS truncation)."""
    data = vrplib.read_instance(str(path), compute_edge_weights=False)
    coords = np.asarray(data["node_coord"], dtype=np.float64)
    n = len(coords)
    service = data.get("service_time", 0)
    services = np.broadcast_to(np.asarray(service, dtype=np.float64), (n,)).copy()
    services[0] = 0.0
    windows = np.asarray(data["time_window"], dtype=np.float64)
    points = coords.tolist()
    dist = [[tenths(points[i], points[j]) for j in range(n)] for i in range(n)]
    return Instance(
        name=str(data.get("name", path.stem)),
        coords=coords,
        vehicles=int(data["vehicles"]),
        capacity=int(data["capacity"]),
        demand=[int(d) for d in data["demand"]],
        ready=[round(10 * w) for w in windows[:, 0]],
        due=[round(10 * w) for w in windows[:, 1]],
        service=[round(10 * s) for s in services],
        dist=dist,
    )


def to_core(inst: Instance, mandatory: bool = False) -> CoreProblem:
    """The instance as the planner's ``CoreProblem`` (one vehicle class; time = cost)."""
    nodes = [
        CoreNode(
            loc=i,
            site=i,
            service=(inst.service[i],),
            windows=((inst.ready[i], inst.due[i]),),
            demand=inst.demand[i],
        )
        for i in range(1, inst.customers + 1)
    ]
    groups = [CoreGroup((k,), None if mandatory else DROP_PENALTY) for k in range(inst.customers)]
    vehicles = [
        CoreVehicle(0, 0, 0, inst.ready[0], inst.due[0], inst.capacity)
        for _ in range(inst.vehicles)
    ]
    return CoreProblem(
        time=[inst.dist], cost=[inst.dist], nodes=nodes, groups=groups, vehicles=vehicles
    )


def evaluate(inst: Instance, routes: Sequence[Sequence[int]]) -> Evaluation:
    """Re-evaluate ``routes`` (customer ids 1..n per vehicle) from the coordinates."""
    problems: list[str] = []
    points = inst.coords.tolist()
    seen: dict[int, int] = {}
    total = 0
    used = [r for r in routes if r]
    if len(used) > inst.vehicles:
        problems.append(f"{len(used)} routes for a fleet of {inst.vehicles}")
    for r, route in enumerate(used):
        load = sum(inst.demand[c] for c in route)
        if load > inst.capacity:
            problems.append(f"route {r}: load {load} > capacity {inst.capacity}")
        clock = inst.ready[0]
        here = 0
        for c in route:
            if not 1 <= c <= inst.customers:
                problems.append(f"route {r}: unknown customer {c}")
                continue
            seen[c] = seen.get(c, 0) + 1
            leg = tenths(points[here], points[c])
            total += leg
            start = max(clock + inst.service[here] + leg, inst.ready[c])
            if start > inst.due[c]:
                problems.append(f"route {r}: customer {c} starts {start} > due {inst.due[c]}")
            clock, here = start, c
        leg = tenths(points[here], points[0])
        total += leg
        back = clock + inst.service[here] + leg
        if back > inst.due[0]:
            problems.append(f"route {r}: back at {back} > depot due {inst.due[0]}")
    missing = [c for c in range(1, inst.customers + 1) if c not in seen]
    if missing:
        problems.append(f"{len(missing)} customers not visited (e.g. {missing[:5]})")
    twice = [c for c, k in seen.items() if k > 1]
    if twice:
        problems.append(f"{len(twice)} customers visited more than once")
    return Evaluation(total / 10.0, len(used), len(seen), tuple(problems))


def search_options(time_limit_s: float, start: str, metaheuristic: str) -> SearchOptions:
    """OR-Tools' settings for ``--start`` and ``--metaheuristic`` (``greedy``: the planner's
    warm start instead of a first-solution strategy)."""
    greedy = start == "greedy"
    return SearchOptions(
        time_limit_s=time_limit_s,
        first_solution="PARALLEL_CHEAPEST_INSERTION" if greedy else STARTS[start],
        metaheuristic=metaheuristic,
        warm_start=greedy,
    )


def solve_ortools(
    inst: Instance, time_limit_s: float, start: str, mandatory: bool, metaheuristic: str
) -> list[list[int]] | None:
    """Routes (customer ids) from the planner's OR-Tools core, or None without a solution."""
    problem = to_core(inst, mandatory)
    options = search_options(time_limit_s, start, metaheuristic)
    solution = ortools_core(problem, options, initial_routes=warm_start(problem, options))
    if solution is None:
        return None
    return [[node + 1 for node, _ in route] for route in solution.routes]


def solve_pyvrp_engine(
    inst: Instance, time_limit_s: float, start: str, mandatory: bool, metaheuristic: str
) -> list[list[int]] | None:
    """Routes from the planner's PyVRP engine on the same core problem (every customer
    required; ``start`` and ``metaheuristic`` are OR-Tools settings and do not apply)."""
    from planner.solve.engines.pyvrp import solve_pyvrp

    problem = to_core(inst, True)
    solution = solve_pyvrp(problem, SearchOptions(time_limit_s=time_limit_s, solution_limit=None))
    if solution is None:
        return None
    return [[node + 1 for node, _ in route] for route in solution.routes]


WINNERS: list[str] = []
"""The engine whose solution the portfolio kept, per instance solved so far."""


def solve_portfolio_engine(
    inst: Instance, time_limit_s: float, start: str, mandatory: bool, metaheuristic: str
) -> list[list[int]] | None:
    """Routes from the product's default engine, OR-Tools (``start``, ``metaheuristic``) and
    PyVRP at once on the same core problem (every customer required), the better kept."""
    from planner.solve.engines import PORTFOLIO, solve_with

    problem = to_core(inst, True)
    options = search_options(time_limit_s, start, metaheuristic)
    run = solve_with(PORTFOLIO, problem, options, initial_routes=warm_start(problem, options))
    if run.solution is None:
        return None
    WINNERS.append(run.engine)
    return [[node + 1 for node, _ in route] for route in run.solution.routes]


Engine = Callable[[Instance, float, str, bool, str], "list[list[int]] | None"]
ENGINES: dict[str, Engine] = {
    "portfolio": solve_portfolio_engine,
    "ortools": solve_ortools,
    "pyvrp": solve_pyvrp_engine,
}


def load_bks(path: Path = BENCH_DIR / "bks.csv") -> dict[str, float]:
    """Distance-only DIMACS best-known values by instance name."""
    with path.open(newline="") as f:
        return {
            row["instance"]: float(row["distance"])
            for row in csv.DictReader(f)
            if row["convention"] == "distance_only_dimacs"
        }


def find_instances(
    patterns: Sequence[str] | None, root: Path = BENCH_DIR / "instances"
) -> list[Path]:
    """Instance files whose stem matches any of ``patterns`` (shell-style; default: all)."""
    files = sorted(root.glob("solomon/*.vrp")) + sorted(root.glob("gh/*.vrp"))
    if not patterns:
        return files
    return [f for f in files if any(fnmatch.fnmatch(f.stem, p) for p in patterns)]


def run_instance(
    path: Path,
    bks: dict[str, float],
    time_limit_s: float,
    engine: str = "ortools",
    start: str = DEFAULT_START,
    mandatory: bool = False,
    metaheuristic: str = "GUIDED_LOCAL_SEARCH",
) -> Result:
    """Load, solve and evaluate one instance."""
    inst = load_instance(path)
    began = time.perf_counter()
    routes = ENGINES[engine](inst, time_limit_s, start, mandatory, metaheuristic)
    seconds = time.perf_counter() - began
    evaluation = evaluate(inst, routes) if routes is not None else None
    return Result(inst.name, inst.customers, bks.get(inst.name), evaluation, seconds)


def format_row(result: Result) -> str:
    """One table line."""
    ev = result.evaluation
    bks = f"{result.bks:.1f}" if result.bks is not None else "-"
    gap = f"{result.gap_pct:.2f}" if result.gap_pct is not None else "-"
    if ev is None:
        return (
            f"{result.name:<9} {result.customers:>5} {'-':>4} {'-':>10} {bks:>10} {gap:>7} "
            f"{'no solution':>8} {result.seconds:>6.1f}"
        )
    feasible = "yes" if ev.feasible else "no"
    return (
        f"{result.name:<9} {result.customers:>5} {ev.vehicles_used:>4} {ev.distance:>10.1f} "
        f"{bks:>10} {gap:>7} {feasible:>8} {result.seconds:>6.1f}"
    )


HEADER = (
    f"{'instance':<9} {'cust':>5} {'veh':>4} {'distance':>10} {'bks':>10} {'gap%':>7} "
    f"{'feasible':>8} {'sec':>6}"
)


def summary(results: Sequence[Result]) -> list[str]:
    """The closing lines: unsolved count (if any) and the mean gap over solved instances."""
    gaps = [r.gap_pct for r in results if r.gap_pct is not None]
    unsolved = sum(1 for r in results if not r.solved)
    lines = []
    if gaps:
        lines.append(f"median_gap_pct: {statistics.median(gaps):.2f}  max_gap_pct: {max(gaps):.2f}")
    if unsolved:
        lines.append(f"unsolved: {unsolved}")
    lines.append(f"mean_gap_pct: {statistics.fmean(gaps) if gaps else float('nan'):.2f}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit status 1 when any instance is unsolved."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per instance")
    parser.add_argument("--instances", nargs="*", help="names or patterns (default: all)")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="portfolio")
    parser.add_argument(
        "--start",
        choices=sorted(STARTS),
        default=DEFAULT_START,
        help="first solution: an OR-Tools strategy or the planner's greedy warm start",
    )
    parser.add_argument(
        "--mandatory", action="store_true", help="mandatory customers instead of huge penalties"
    )
    parser.add_argument("--metaheuristic", default="GUIDED_LOCAL_SEARCH")
    parser.add_argument("--csv", type=Path, help="also write the per-instance table here")
    args = parser.parse_args(argv)

    paths = find_instances(args.instances)
    if not paths:
        parser.error("no instance matches")
    bks = load_bks()
    print(
        f"engine={args.engine} start={args.start} mandatory={args.mandatory} "
        f"metaheuristic={args.metaheuristic} time_limit={args.time_limit:g}s",
        flush=True,
    )
    print(HEADER, flush=True)
    results = []
    for path in paths:
        result = run_instance(
            path, bks, args.time_limit, args.engine, args.start, args.mandatory, args.metaheuristic
        )
        results.append(result)
        print(format_row(result), flush=True)
        if result.evaluation is not None and result.evaluation.problems:
            print(f"  ! {'; '.join(result.evaluation.problems[:3])}", flush=True)
    if args.csv:
        with args.csv.open("w", newline="") as f:
            out = csv.writer(f)
            out.writerow(
                [
                    "instance",
                    "customers",
                    "vehicles",
                    "distance",
                    "bks",
                    "gap_pct",
                    "feasible",
                    "seconds",
                ]
            )
            for r in results:
                ev = r.evaluation
                out.writerow(
                    [
                        r.name,
                        r.customers,
                        ev.vehicles_used if ev else "",
                        f"{ev.distance:.1f}" if ev else "",
                        r.bks,
                        f"{r.gap_pct:.2f}" if r.gap_pct is not None else "",
                        "yes" if r.solved else "no",
                        f"{r.seconds:.1f}",
                    ]
                )
    if WINNERS:
        kept = ", ".join(f"{e} {WINNERS.count(e)}" for e in sorted(set(WINNERS)))
        print(f"portfolio kept: {kept}")
    print(f"machine_loop_s: {machine_seconds():.2f}")
    for line in summary(results):
        print(line)
    return 0 if all(r.solved for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
