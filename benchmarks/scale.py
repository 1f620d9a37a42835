"""Benchmark: how far the weekly plan scales, from 100 to 2,500 sites and 4 to 30 teams.

    /work/venv/bin/python benchmarks/scale.py [--sizes 100,400,1000,2500] [--seed 0]
        [--time-limit 50] [--max-rss-gib 8] [--timeout 900]

For each size it generates a synthetic district around Curup (seeded; villages grouped in
kecamatan with village-head windows, schools with school hours and exam days, homebound
residents with their windows, in the proportions of the bundled sample), plans week 2026-W49
end to end with the product's defaults (``plan_week``), checks the plan with ``check_plan``
and renders every output into a temporary folder (``render_all``). Each size runs in its own
child process, so the peak memory (``ru_maxrss``) is that size's alone and a blow-up cannot
take the benchmark down: the parent kills a child whose resident memory passes
``--max-rss-gib`` or that runs longer than ``--timeout`` seconds.

Per size it prints sites, teams, routing nodes, zones (1 = no decomposition), wall seconds
split into travel, build, solve (search per zone, printers, re-timing, unserved reasons), check
and render, peak memory, people, weighted people and whether the check passed; then the
machine-speed figure ``machine_loop_s`` (seconds of a fixed Python loop) and last
``largest_sites_in_5min: N``, the largest size whose child process (start-up, generation,
plan, check and render) finished in ≤ 300 s with a valid plan.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from planner.model import (
    DateOverride,
    District,
    Homebound,
    HomeboundCategory,
    School,
    Settings,
    Shift,
    Team,
    TimeWindow,
    VehicleProfile,
    Village,
    WeeklyWindow,
)
from planner.travel import LatLon, Matrices, TravelModel

CURUP = (-3.47, 102.52)
WEEK = "2026-W49"
MONDAY = dt.date(2026, 11, 30)
SIZES = {100: 4, 400: 8, 1000: 15, 2500: 30}
"""Sites → teams."""
FIVE_MINUTES_S = 300.0

VILLAGE_SHARE = 0.445
SCHOOL_SHARE = 0.128
"""The sample: 156 villages, 45 schools, 150 homebound residents (the rest)."""


def _hm(hours: int, minutes: int = 0) -> int:
    return hours * 60 + minutes


def _weekly(days: Sequence[int], start: int, end: int) -> tuple[WeeklyWindow, ...]:
    return tuple(WeeklyWindow(d, TimeWindow(start, end)) for d in days)


def _head_windows(rng: np.random.Generator) -> tuple[WeeklyWindow, ...]:
    """Village-head hours in the sample's proportions."""
    draw = rng.random()
    if draw < 0.66:  # Mon–Thu 08–12, Fri 08–10:30
        return _weekly(range(4), _hm(8), _hm(12)) + _weekly([4], _hm(8), _hm(10, 30))
    if draw < 0.77:
        return _weekly(range(5), _hm(9), _hm(11, 30))
    if draw < 0.85:
        return _weekly(range(4), _hm(13), _hm(16))
    if draw < 0.98:
        days = sorted(int(d) for d in rng.choice(5, size=2, replace=False))
        return _weekly(days, _hm(8), _hm(12))
    return ()  # no rows: never available (the plan explains it)


def _spread(n: int, rng: np.random.Generator, scale: float) -> np.ndarray:
    """``n`` points in an ellipse around Curup (degrees), denser towards the middle."""
    radius = np.sqrt(rng.random(n)) * scale
    angle = rng.random(n) * 2 * math.pi
    return np.column_stack(
        (CURUP[0] + 0.12 * radius * np.sin(angle), CURUP[1] + 0.25 * radius * np.cos(angle))
    )


def generate(sites: int, teams: int, seed: int = 0) -> District:
    """A synthetic district of ``sites`` sites and ``teams`` teams (deterministic per seed)."""
    rng = np.random.default_rng(seed * 100_003 + sites)
    n_villages = max(2, round(VILLAGE_SHARE * sites))
    n_schools = round(SCHOOL_SHARE * sites)
    n_homebound = max(0, sites - n_villages - n_schools)
    scale = (sites / 350) ** 0.35
    n_kec = max(2, n_villages // 10)
    centres = _spread(n_kec, rng, scale)

    villages = []
    for i in range(n_villages):
        kec = int(rng.integers(n_kec))
        lat, lon = centres[kec] + rng.normal(0.0, 0.025, 2)
        backlog = int(np.clip(round(rng.lognormal(math.log(46), 1.0)), 5, 900))
        prereg = round(backlog * rng.uniform(0.1, 0.5)) if rng.random() < 0.3 else None
        overrides = ()
        if rng.random() < 0.05:
            overrides = (DateOverride(MONDAY + dt.timedelta(days=int(rng.integers(5))), False),)
        villages.append(
            Village(
                code=f"99.01.{kec + 1:02d}.{2001 + i:04d}",
                name=f"Desa Sintetis {i + 1}",
                district=f"Kecamatan {kec + 1}",
                kind="kelurahan" if rng.random() < 0.15 else "desa",
                lat=float(lat),
                lon=float(lon),
                obliged=backlog * int(rng.integers(5, 25)),
                backlog=backlog,
                preregistered=prereg,
                head_weekly=_head_windows(rng),
                head_overrides=overrides,
            )
        )
    schools = []
    for i in range(n_schools):
        home = villages[int(rng.integers(n_villages))]
        students = int(np.clip(round(rng.lognormal(math.log(69), 0.5)), 6, 180))
        closed = frozenset()
        if rng.random() < 0.18:
            first = int(rng.integers(3))
            closed = frozenset(MONDAY + dt.timedelta(days=first + k) for k in range(3))
        schools.append(
            School(
                npsn=f"9{i + 1:07d}",
                name=f"SMA Sintetis {i + 1}",
                village_code=home.code,
                lat=home.lat,
                lon=home.lon,
                students=students,
                printable=round(students * rng.uniform(0.35, 0.55)),
                hours=TimeWindow(_hm(7, 30), _hm(13) if rng.random() < 0.87 else _hm(14)),
                closed=closed,
                location_approximate=True,
            )
        )
    categories = list(HomeboundCategory)
    p_category = np.array([66, 44, 18, 22], dtype=float)[: len(categories)]
    windows = [
        None,
        TimeWindow(_hm(13), _hm(15)),
        TimeWindow(_hm(10), _hm(12)),
        TimeWindow(_hm(8), _hm(10)),
        TimeWindow(_hm(9), _hm(11)),
    ]
    p_window = np.array([98, 19, 15, 10, 8], dtype=float)
    backlogs = np.array([v.backlog for v in villages], dtype=float)
    homebound = []
    for i in range(n_homebound):
        home = villages[int(rng.choice(n_villages, p=backlogs / backlogs.sum()))]
        category = categories[int(rng.choice(len(categories), p=p_category / p_category.sum()))]
        homebound.append(
            Homebound(
                id=f"WS{i + 1:05d}",
                category=category,
                village_code=home.code,
                lat=home.lat + float(rng.uniform(-0.005, 0.005)),
                lon=home.lon + float(rng.uniform(-0.005, 0.005)),
                window=windows[int(rng.choice(len(windows), p=p_window / p_window.sum()))],
                name=f"Warga Sintetis {i + 1:05d}",
                nik=f"990101990{i + 1:07d}",
            )
        )
    # Bases: the office, and one satellite office (UPT) per 8 teams beyond the first 8, at
    # the kecamatan centre farthest from the bases so far.
    n_bases = 1 + (teams - 1) // 8
    bases: list[LatLon] = [CURUP]
    while len(bases) < n_bases:
        far = max(
            range(n_kec),
            key=lambda k: min(math.dist(tuple(centres[k]), b) for b in bases),
        )
        bases.append((float(centres[far][0]), float(centres[far][1])))
    shifts = (
        Shift(frozenset(range(4)), TimeWindow(_hm(7, 30), _hm(15, 30))),
        Shift(frozenset({4}), TimeWindow(_hm(7, 30), _hm(11))),
        Shift(frozenset({5}), TimeWindow(_hm(8), _hm(12))),
    )
    team_list = []
    for i in range(teams):
        car = i % 2 == 0
        base = bases[i % n_bases]
        team_list.append(
            Team(
                id=f"T{i + 1}",
                name=f"Tim {i + 1} ({'mobil' if car else 'motor'})",
                vehicle=VehicleProfile.CAR if car else VehicleProfile.MOTORBIKE,
                kits=2 if car else 1,
                shifts=shifts,
                base_lat=base[0],
                base_lon=base[1],
                base_is_office=base == CURUP,
            )
        )
    settings = Settings(
        name=f"Sintetis {sites}",
        office_name="Kantor Dukcapil Sintetis, Curup",
        office_lat=CURUP[0],
        office_lon=CURUP[1],
        printers=max(2, teams // 2),
        blank_stock=200 * teams,
        blank_reserve=40 * teams,
    )
    return District(
        settings=settings,
        villages=tuple(villages),
        schools=tuple(schools),
        homebound=tuple(homebound),
        teams=tuple(team_list),
        inputs_sha256=f"{sites:016x}{teams:016x}{seed:032x}",
    )


class TimedTravel:
    """A travel model that adds up the seconds spent computing matrices."""

    def __init__(self, inner: TravelModel):
        self.inner = inner
        self.source = inner.source
        self.seconds = 0.0

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """The inner model's matrices, timed."""
        started = time.perf_counter()
        try:
            return self.inner.matrices(points, profile)
        finally:
            self.seconds += time.perf_counter() - started

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The inner model's path."""
        return self.inner.path(a, b, profile)


def run_one(sites: int, teams: int, seed: int, time_limit_s: float | None) -> dict[str, object]:
    """Plan, check and render one generated district; timings, size and value."""
    from planner.calendar import Week
    from planner.check import check_plan
    from planner.render import render_all
    from planner.solve import week
    from planner.solve.build import WeekModel
    from planner.travel.haversine import StraightLineTravel

    started = time.perf_counter()
    district = generate(sites, teams, seed)
    generate_s = time.perf_counter() - started
    travel = TimedTravel(StraightLineTravel(district.settings))
    built: list[WeekModel] = []
    solved: list[week.SolveResult] = []
    build_s = [0.0]
    original_build = week.build_week
    original_solve = week.solve_routes

    def timed_build(*args: object, **kwargs: object) -> WeekModel:
        begun = time.perf_counter()
        model = original_build(*args, **kwargs)  # type: ignore[arg-type]
        build_s[0] += time.perf_counter() - begun
        built.append(model)
        return model

    def kept_solve(*args: object, **kwargs: object) -> week.SolveResult:
        result = original_solve(*args, **kwargs)  # type: ignore[arg-type]
        solved.append(result)
        return result

    week.build_week = timed_build  # type: ignore[assignment]
    week.solve_routes = kept_solve  # type: ignore[assignment]
    begun = time.perf_counter()
    plan = week.plan_week(
        district, Week.parse(WEEK), travel, time_limit_s=time_limit_s, seed=seed
    )
    plan_s = time.perf_counter() - begun
    travel_s = travel.seconds
    begun = time.perf_counter()
    violations = check_plan(plan, district, StraightLineTravel(district.settings))
    check_s = time.perf_counter() - begun
    begun = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        render_all(plan, district, Path(tmp), travel=travel, lang="en", offline=True)
    render_s = time.perf_counter() - begun
    model = built[0]
    return {
        "sites": sites,
        "teams": teams,
        "team_days": len(model.team_days),
        "nodes": len(model.core.nodes),
        "zones": solved[0].zones if solved else 1,
        "generate_s": generate_s,
        "travel_s": travel_s,
        "build_s": build_s[0] - travel_s,
        "solve_s": plan_s - build_s[0],
        "check_s": check_s,
        "render_s": render_s,
        "total_s": plan_s + check_s + render_s,
        "stopped_by": plan.solver.stopped_by,
        "time_limit_s": plan.solver.time_limit_s,
        "people": plan.totals.people,
        "weighted_people": plan.totals.weighted_people,
        "cards": plan.totals.cards,
        "routes": len(plan.routes),
        "unserved": len(plan.unserved),
        "check_ok": not violations,
        "violations": [str(v) for v in violations[:5]],
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass(slots=True)
class Outcome:
    """One size's result, or why it has none."""

    sites: int
    teams: int
    result: dict[str, object] | None
    failure: str | None
    wall_s: float
    watched_peak_mib: float


def run_child(
    sites: int,
    teams: int,
    seed: int,
    time_limit_s: float | None,
    max_rss_gib: float,
    timeout_s: float,
) -> Outcome:
    """Run one size in a child process, watching its memory and time."""
    command = [sys.executable, __file__, "--child", f"{sites}:{teams}", "--seed", str(seed)]
    if time_limit_s is not None:
        command += ["--time-limit", str(time_limit_s)]
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=out, stderr=err)
        peak = 0.0
        failure = None
        while child.poll() is None:
            peak = max(peak, _rss_mib(child.pid))
            elapsed = time.perf_counter() - started
            if peak > max_rss_gib * 1024:
                failure = f"killed: memory over {max_rss_gib:g} GiB"
            elif elapsed > timeout_s:
                failure = f"killed: over {timeout_s:g} s"
            if failure:
                child.kill()
                child.wait()
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        lines = [line for line in out.read().splitlines() if line.startswith("{")]
        if failure is None and (child.returncode != 0 or not lines):
            tail = err.read().strip().splitlines()[-3:]
            failure = f"exit {child.returncode}: {' | '.join(tail)}"
    result = json.loads(lines[-1]) if lines and failure is None else None
    return Outcome(sites, teams, result, failure, wall, peak)


def _table(outcomes: Sequence[Outcome]) -> list[str]:
    head = (
        f"{'sites':>6} {'teams':>5} {'t-days':>6} {'nodes':>6} {'zones':>5} {'travel':>7} "
        f"{'build':>6} {'solve':>6} {'check':>6} {'render':>7} {'total':>7} {'peak MiB':>9} "
        f"{'people':>7} {'weighted':>9} {'unserved':>8} {'check':>5}  stopped by"
    )
    lines = [head]
    for o in outcomes:
        r = o.result
        if r is None:
            lines.append(f"{o.sites:>6} {o.teams:>5}  FAILED after {o.wall_s:.0f} s: {o.failure}")
            continue
        lines.append(
            f"{r['sites']:>6} {r['teams']:>5} {r['team_days']:>6} {r['nodes']:>6} "
            f"{r['zones']:>5} {r['travel_s']:>7.1f} {r['build_s']:>6.1f} {r['solve_s']:>6.1f} "
            f"{r['check_s']:>6.1f} {r['render_s']:>7.1f} {r['total_s']:>7.1f} "
            f"{r['peak_rss_mib']:>9.0f} {r['people']:>7} {r['weighted_people']:>9.1f} "
            f"{r['unserved']:>8} {'ok' if r['check_ok'] else 'FAIL':>5}  {r['stopped_by']}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the table and ``largest_sites_in_5min``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="comma-separated site counts, or SITES:TEAMS pairs",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="plan_week's time limit (default: the product's)",
    )
    parser.add_argument("--max-rss-gib", type=float, default=8.0)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    time_limit = args.time_limit
    if args.child:
        sites, teams = (int(x) for x in args.child.split(":"))
        print(json.dumps(run_one(sites, teams, args.seed, time_limit)), flush=True)
        return 0
    sizes = []
    for item in args.sizes.split(","):
        sites_text, _, teams_text = item.partition(":")
        sites = int(sites_text)
        teams = int(teams_text) if teams_text else SIZES.get(sites, max(4, min(30, sites // 80)))
        sizes.append((sites, teams))
    limit = f"{time_limit:g} s" if time_limit else "the product's default"
    print(
        f"scale benchmark: week {WEEK}, seed {args.seed}, time limit {limit}, "
        f"{os.cpu_count()} cores",
        flush=True,
    )
    outcomes = []
    for sites, teams in sizes:
        outcome = run_child(sites, teams, args.seed, time_limit, args.max_rss_gib, args.timeout)
        outcomes.append(outcome)
        print(_table([outcome])[-1], flush=True)
        if outcome.result and outcome.result["violations"]:
            for line in outcome.result["violations"]:  # type: ignore[union-attr]
                print(f"    {line}")
    print()
    print("\n".join(_table(outcomes)))
    fits = [
        o.sites
        for o in outcomes
        if o.result is not None and o.result["check_ok"] and o.wall_s <= FIVE_MINUTES_S
    ]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script too
    from benchmarks.machine import machine_seconds

    print(f"machine_loop_s: {machine_seconds():.2f}")
    print(f"largest_sites_in_5min: {max(fits, default=0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
