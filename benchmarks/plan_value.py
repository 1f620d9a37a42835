"""Benchmark: what the weekly plan is worth, against a hand-style plan and a 10× longer search.

    /work/venv/bin/python benchmarks/plan_value.py [--week 2026-W49] [--skip-10x]
        [--no-determinism]

On the bundled sample district (Rejang Lebong) for a fixed week, with the objective
``planner plan`` uses on a fresh district (fair reach and the backlog cap: ``workflow_boost``),
it compares (a) ``plan_week`` with its defaults, (b) the same with 10× the solution limit and
10× the time limit, (b') also with 10× the value descent's patience (``improve_patience``: a
search ten times as persistent, not only ten times as long allowed), (b'') the search before
the value descent with 10× its limits (OR-Tools' descent with all its operators from the greedy
start: the "10× longer run" issue 13 measured against), and (c) a hand-style
baseline written here: each team, each working day, drives first to the reachable site with the
largest remaining expected people that fits (in a site window, within the team's hours, back at
base in time), then again and again to the nearest site that fits, recording as many people as
the time allows, until nothing fits; the first ``printers`` teams of a date carry the printers
and print a card for everyone while blanks last. All plans must pass
``planner.check.check_plan``. It prints per plan its value (weighted people × fair-reach
factor: what the search maximises), weighted people, people, cards, km and wall seconds, then
``within_10x_pct`` and ``within_10x_patience_pct`` (how far the default's value is below (b)
and (b'), %), ``gain_vs_before_10x_pct`` (above (b''), %), ``deterministic: yes|no`` (the
default run twice, ``plan_to_json`` compared) and as the last line ``gain_vs_baseline_pct: X``
(value).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from planner.calendar import Week, team_days
from planner.campaign.fair import campaign_boost, kecamatan_waited
from planner.check import check_plan
from planner.io import load_district
from planner.io.plan_json import plan_to_json
from planner.model import (
    District,
    Homebound,
    Plan,
    Route,
    School,
    SiteKind,
    SolverInfo,
    Stop,
    TimeWindow,
    stop_minutes,
    totals_of,
)
from planner.solve import (
    DEFAULT_SOLUTION_LIMIT,
    DEFAULT_TIME_LIMIT_S,
    default_search,
    plan_week,
)
from planner.travel import TravelModel, travel_model

DEFAULT_WEEK = "2026-W49"


@dataclass(slots=True)
class _Candidate:
    """A stop that fits: where, when, how many people and cards, how long the leg is."""

    site: int
    leg_minutes: int
    arrive: int
    start: int
    end: int
    people: int
    cards: int


def _site_kind(site_id: str) -> SiteKind:
    return SiteKind(site_id.split(":", 1)[0])


def baseline_plan(district: District, week: str, travel: TravelModel) -> Plan:
    """The hand-style plan of ``week`` (largest backlog first, then nearest next)."""
    settings = district.settings
    dates = Week.parse(week).dates
    sites = list(district.sites())
    remaining = [s.expected_people(settings) for s in sites]
    printable_left = [
        (s.printable if s.printable is not None else s.students)
        if isinstance(s, School)
        else 1
        if isinstance(s, Homebound)
        else 10**9
        for s in sites
    ]
    cards_left = settings.blank_budget
    days = team_days(district, dates)
    bases = sorted({(t.base_lat, t.base_lon) for t, _, _ in days})
    points = bases + [(s.lat, s.lon) for s in sites]
    n_bases = len(bases)
    matrices = {p: travel.matrices(points, p) for p in sorted({t.vehicle for t, _, _ in days})}
    printers_used: dict[dt.date, int] = {}
    routes: list[Route] = []

    for team, date, hours in days:
        m = matrices[team.vehicle]
        base = bases.index((team.base_lat, team.base_lon))
        printer = printers_used.get(date, 0) < settings.printers and cards_left > 0
        if printer:
            printers_used[date] = printers_used.get(date, 0) + 1
        windows = [
            [
                TimeWindow(max(w.start, hours.start), min(w.end, hours.end))
                for w in s.windows_on(date)
                if min(w.end, hours.end) > max(w.start, hours.start)
            ]
            for s in sites
        ]
        capacity = settings.team_day_capacity or 10**9
        here = base
        clock = hours.start
        load = 0
        stops: list[Stop] = []
        legs_minutes = 0
        km = 0.0
        first = True
        while True:
            fits: list[_Candidate] = []
            for i in range(len(sites)):
                if remaining[i] <= 0 or not windows[i]:
                    continue
                point = n_bases + i
                leg = math.ceil(float(m.minutes[here][point]) - 1e-9)
                home = math.ceil(float(m.minutes[point][base]) - 1e-9)
                arrive = clock + leg
                best = None
                for w in windows[i]:
                    start = max(arrive, w.start)
                    latest_end = min(w.end, hours.end - home)
                    people = min(remaining[i], capacity - load)
                    while people > 0:
                        can_print = min(people, cards_left, printable_left[i]) if printer else 0
                        end = start + stop_minutes(people, can_print, team.kits, settings)
                        if end <= latest_end:
                            best = _Candidate(i, leg, arrive, start, end, people, can_print)
                            break
                        people -= 1
                    if best is not None:
                        break
                if best is not None:
                    fits.append(best)
            if not fits:
                break
            if first:  # the largest remaining backlog, nearest on ties
                pick = min(fits, key=lambda c: (-remaining[c.site], c.leg_minutes, c.site))
                first = False
            else:  # then the nearest
                pick = min(fits, key=lambda c: (c.leg_minutes, -remaining[c.site], c.site))
            site = sites[pick.site]
            stops.append(
                Stop(
                    site.site_id,
                    _site_kind(site.site_id),
                    pick.arrive,
                    pick.start,
                    pick.end,
                    pick.people,
                    pick.cards,
                )
            )
            legs_minutes += pick.leg_minutes
            km += float(m.km[here][n_bases + pick.site])
            remaining[pick.site] -= pick.people
            printable_left[pick.site] -= pick.cards
            cards_left -= pick.cards
            load += pick.people
            clock = pick.end
            here = n_bases + pick.site
        if not stops:
            continue
        legs_minutes += math.ceil(float(m.minutes[here][base]) - 1e-9)
        km += float(m.km[here][base])
        back = clock + math.ceil(float(m.minutes[here][base]) - 1e-9)
        cards = sum(s.cards for s in stops)
        routes.append(
            Route(
                team=team.id,
                date=date,
                printer=printer and cards > 0,
                blanks=cards,
                depart=hours.start,
                return_=back,
                travel_minutes=legs_minutes,
                distance_km=round(km, 1),
                stops=tuple(stops),
            )
        )
    routes.sort(key=lambda r: (r.date, r.team))
    return Plan(
        district=settings.name,
        week=week,
        inputs_sha256=district.inputs_sha256,
        solver=SolverInfo(engine="baseline", time_limit_s=0.0, seed=0),
        routes=tuple(routes),
        unserved=(),
        totals=totals_of(tuple(routes), settings.weights),
        language=settings.language,
        travel_source=travel.source,
    )


@dataclass(frozen=True, slots=True)
class Run:
    """One plan with its wall time and its worth under the planner's objective."""

    label: str
    plan: Plan
    wall_s: float
    value: float
    """Weighted people × each site's fair-reach factor: what ``planner plan`` maximises."""


def workflow_boost(district: District, week: str) -> dict[str, float]:
    """The value factors ``planner plan`` gives a fresh district (no ledger yet): fair reach
    and the backlog cap, as in ``planner.workflow.week``."""
    return campaign_boost(district, kecamatan_waited(district, {}, None, week))


def fair_value(plan: Plan, district: District, boost: Mapping[str, float]) -> float:
    """The plan's weighted people, each stop × its site's factor."""
    weights = district.settings.weights
    return sum(
        weights[s.kind] * s.people * boost.get(s.site, 1.0) for r in plan.routes for s in r.stops
    )


def _timed_plan(
    district: District,
    week: str,
    travel: TravelModel,
    factor: int,
    patience_factor: int = 1,
    descent_only: bool = False,
) -> Run:
    """``plan_week`` with ``factor`` × the limits (and ``patience_factor`` × the value
    descent's patience); ``descent_only``: the search before the value descent (OR-Tools'
    descent with all its operators from the greedy start, as of 2026-12-01)."""
    boost = workflow_boost(district, week)
    options = default_search(DEFAULT_TIME_LIMIT_S * factor, DEFAULT_SOLUTION_LIMIT * factor)
    options = replace(options, improve_patience=options.improve_patience * patience_factor)
    engine = "portfolio"
    if descent_only:
        options, engine = replace(options, improve_patience=0, insertion_moves=True), "ortools"
    started = time.perf_counter()
    plan = plan_week(
        district, Week.parse(week), travel, value_boost=boost, options=options, engine=engine
    )
    wall = time.perf_counter() - started
    label = "default" if factor == 1 else f"{factor}x"
    label += "" if patience_factor == 1 else f" p{patience_factor}"
    label = f"before {label}" if descent_only else label
    return Run(label, plan, wall, fair_value(plan, district, boost))


def _row(run: Run) -> str:
    t = run.plan.totals
    stopped = run.plan.solver.stopped_by or "-"
    return (
        f"{run.label:<14} {run.value:>9.1f} {t.weighted_people:>9.1f} {t.people:>7} "
        f"{t.cards:>6} {t.distance_km:>8.1f} {run.wall_s:>7.1f}  {stopped:<15} "
        f"{run.plan.solver.engine}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the comparison; exit 1 when a plan breaks a hard rule or determinism fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--week", default=DEFAULT_WEEK, help="ISO week (fixed for repeatability)")
    parser.add_argument("--skip-10x", action="store_true", help="skip the 10x longer run")
    parser.add_argument("--no-determinism", action="store_true", help="skip the second default run")
    args = parser.parse_args(argv)

    district, _ = load_district()
    travel = travel_model(district)
    status = 0
    started = time.perf_counter()
    base_plan = baseline_plan(district, args.week, travel)
    base_value = fair_value(base_plan, district, workflow_boost(district, args.week))
    runs = [Run("baseline", base_plan, time.perf_counter() - started, base_value)]
    default = _timed_plan(district, args.week, travel, 1)
    runs.insert(0, default)
    if not args.skip_10x:
        runs.insert(1, _timed_plan(district, args.week, travel, 10))
        runs.insert(2, _timed_plan(district, args.week, travel, 10, patience_factor=10))
        runs.insert(3, _timed_plan(district, args.week, travel, 10, descent_only=True))

    print(f"district={district.settings.name} week={args.week} travel={travel.source}")
    print(
        f"{'run':<14} {'value':>9} {'weighted':>9} {'people':>7} {'cards':>6} {'km':>8} "
        f"{'wall_s':>7}  {'stopped':<15} engine"
    )
    for run in runs:
        print(_row(run))
    for run in runs:
        violations = check_plan(run.plan, district, travel)
        if violations:
            status = 1
            print(f"{run.label}: {len(violations)} violation(s)")
            for v in violations:
                print(f"  {v}")
        else:
            print(f"{run.label}: check_plan passes")

    by_label = {r.label: r for r in runs}
    ours = default.value
    if "10x" in by_label:
        tenfold = by_label["10x"].value
        longer = by_label["10x p10"].value
        print(f"within_10x_pct: {100.0 * (tenfold - ours) / tenfold:.2f}")
        print(f"within_10x_patience_pct: {100.0 * (longer - ours) / longer:.2f}")
        before = by_label["before 10x"].value
        print(f"gain_vs_before_10x_pct: {100.0 * (ours - before) / before:.2f}")
    if not args.no_determinism:
        again = _timed_plan(district, args.week, travel, 1)
        same = plan_to_json(again.plan) == plan_to_json(default.plan)
        print(f"deterministic: {'yes' if same else 'no'} (second run {again.wall_s:.1f} s)")
        status |= 0 if same else 1
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script too
    from benchmarks.machine import machine_seconds

    print(f"machine_loop_s: {machine_seconds():.2f}")
    print(f"gain_vs_baseline_pct: {100.0 * (ours - base_value) / base_value:.2f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
