"""Benchmark: the price and the reach of fair reach over an 8-week campaign on the sample.

    .venv/bin/python benchmarks/fairness.py [--weeks 8] [--start 2026-W50] [--solution-limit 30]

Two campaigns from the same start, each on its own fresh copy of the bundled sample (made by
``planner init``'s library call), in parallel processes: fair reach with the backlog cap (the
default of ``planner.toml``) and the purely greedy objective (no fair reach, every student
valued). Each week is planned with the real planner (``planner.campaign.simulate.plan_state``,
the boosts ``planner plan`` uses, OR-Tools with a shorter search) from the state the copy's
ledger gives, then recorded in that ledger exactly as planned (``Ledger.record``: every stop
visited, its expected people recorded, its cards printed), as ``planner record`` would.

Printed per week and campaign: people recorded, people who lowered a village backlog
("counted": the rest are students beyond their village's backlog, who do not raise
coverage), cards and kecamatan visited; then the totals, the ratio fair ÷ greedy (target: at
least 95 % of the people) and, for each kecamatan with backlog, the first week each campaign
visited it (target: all within the first 4 weeks with fair reach).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import machine_seconds  # noqa: E402
from planner.calendar import Week  # noqa: E402
from planner.campaign.pool import run_all  # noqa: E402
from planner.model import District, Plan  # noqa: E402


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """One simulated week of one campaign."""

    week: str
    people: int
    counted: int
    cards: int
    kecamatan: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Job:
    fair: bool
    start: str
    weeks: int
    solution_limit: int


def _record(ledger: object, start: District, plan: Plan) -> None:
    """Store ``plan`` in the ledger and record it as done exactly as planned."""
    from planner.io.plan_json import plan_to_json
    from planner.ledger import Ledger, StopResult

    assert isinstance(ledger, Ledger)
    ledger.save_plan(plan, plan_to_json(plan))
    results = [
        StopResult(route.team, route.date, stop.site, stop.people, stop.cards)
        for route in plan.routes
        for stop in route.stops
    ]
    ledger.record(start, plan, results, source_sha256="0" * 64, source_name="as-planned")


def campaign(job: Job) -> list[WeekFigures]:
    """One campaign on a fresh copy of the sample: plan, record as planned, next week."""
    from planner.campaign.simulate import SimOptions, plan_state, start_state
    from planner.campaign.whatif import kecamatan_visited
    from planner.coverage import coverage_report
    from planner.io import load_district, sample_dir
    from planner.io.templates import copy_sample
    from planner.ledger import Ledger, ledger_path
    from planner.workflow.week import district_travel

    folder = Path(tempfile.mkdtemp(prefix="fairness-")) / "kab"
    copy_sample(sample_dir(), folder)
    district, _ = load_district(folder)
    travel = district_travel(folder, district, None)
    options = SimOptions(fair=job.fair, cap=job.fair, solution_limit=job.solution_limit)
    week = Week.parse(job.start)
    figures: list[WeekFigures] = []
    with Ledger.open(ledger_path(folder)) as ledger:
        ledger.keep_start_stock(district.settings.blank_stock)
        state = start_state(district, ledger, week)
        for _ in range(job.weeks):
            plan = plan_state(state, travel, options)
            before = coverage_report(state.district).total.backlog
            _record(ledger, district, plan)
            week = Week.of(week.monday + dt.timedelta(days=7))
            state = start_state(district, ledger, week)  # the next week's start, as recorded
            after = coverage_report(state.district).total.backlog
            reached = kecamatan_visited(district, plan)
            totals = plan.totals
            row = WeekFigures(plan.week, totals.people, before - after, totals.cards, reached)
            figures.append(row)
    return figures


def _first_visits(weeks: list[WeekFigures]) -> dict[str, int]:
    first: dict[str, int] = {}
    for n, row in enumerate(weeks, start=1):
        for kec in row.kecamatan:
            first.setdefault(kec, n)
    return first


def main(argv: list[str] | None = None) -> int:
    """Run both campaigns and print the comparison; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--start", default="2026-W50")
    parser.add_argument("--solution-limit", type=int, default=30)
    args = parser.parse_args(argv)
    from planner.coverage import coverage_report
    from planner.io import load_district, sample_dir

    jobs = [Job(fair, args.start, args.weeks, args.solution_limit) for fair in (True, False)]
    fair, greedy = run_all(campaign, jobs)
    head = ("fair: people counted cards kec", "greedy: people counted cards kec")
    print(f"{'week':9} {head[0]:>32}   {head[1]:>34}")
    for f, g in zip(fair, greedy, strict=True):
        print(f"{f.week:9} {f.people:15,} {f.counted:7,} {f.cards:5,} {len(f.kecamatan):3}"
              f"   {g.people:17,} {g.counted:7,} {g.cards:5,} {len(g.kecamatan):3}")  # fmt: skip
    people = (sum(w.people for w in fair), sum(w.people for w in greedy))
    counted = (sum(w.counted for w in fair), sum(w.counted for w in greedy))
    ratio = 100 * people[0] / people[1]
    print(f"\npeople recorded over {args.weeks} weeks: fair reach {people[0]:,}, "
          f"greedy {people[1]:,}  → ratio {ratio:.1f} % (target ≥ 95 %)")  # fmt: skip
    print(f"people who lowered a village backlog: fair reach {counted[0]:,}, greedy "
          f"{counted[1]:,}  → ratio {100 * counted[0] / counted[1]:.1f} %")  # fmt: skip
    district, _ = load_district(sample_dir())
    with_backlog = [r.name for r in coverage_report(district).kecamatan if r.backlog > 0]
    first_fair, first_greedy = _first_visits(fair), _first_visits(greedy)
    print("\nfirst week each kecamatan with backlog is visited (fair reach | greedy):")
    for name in with_backlog:
        print(f"  {name:22} {first_fair.get(name, '-')!s:>3} | {first_greedy.get(name, '-')!s:>3}")
    latest = max((first_fair.get(n, 99) for n in with_backlog), default=0)
    ok_reach = latest <= 4
    ok_people = people[0] >= 0.95 * people[1]
    print(f"\nall kecamatan within 4 weeks with fair reach: {'yes' if ok_reach else 'no'}"
          f" (last first visit: week {latest if latest < 99 else 'never'})")  # fmt: skip
    print(f"machine_loop_s: {machine_seconds():.2f}")
    print(f"fair reach keeps ≥ 95 % of the greedy people: {'yes' if ok_people else 'no'}")
    return 0 if ok_reach and ok_people else 1


if __name__ == "__main__":
    sys.exit(main())
