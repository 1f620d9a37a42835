"""``planner check PLAN.json``: does a plan obey every hard rule of the SPEC?"""

from __future__ import annotations

from pathlib import Path

import click

from planner.check import check_plan, plan_warnings
from planner.cli._common import echo_warnings, plan_data_option
from planner.errors import PlannerError
from planner.io import load_district
from planner.io.plan_json import read_plan
from planner.io.plan_origin import district_folder
from planner.travel import travel_model


@click.command("check")
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(path_type=Path, dir_okay=False))
@plan_data_option
@click.option(
    "--roads",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Road network (OSM XML or GraphML) for travel times; use the one the plan was made with.",
)
def check(plan_file: Path, data_dir: Path | None, roads: Path | None) -> None:
    """Check PLAN.json against the district's hard rules (windows, hours, travel, durations,
    backlogs, printers and blank cards, totals).

    Exits 0 when every rule holds, 1 listing every violation, 2 when the plan or the district
    cannot be read.

    \b
    Example:
      planner check out/2026-W48/plan.json --data my-district
    """
    # Read the plan first: a corrupt plan file is reported before any slow loading.
    plan = read_plan(plan_file)
    district, load_warnings = load_district(district_folder(plan, data_dir, plan_file))
    echo_warnings(load_warnings)
    travel = travel_model(district, roads=roads)
    for warning in plan_warnings(plan, district, travel):
        click.echo(f"warning: {warning}", err=True)
    violations = check_plan(plan, district, travel)
    n_stops = sum(len(r.stops) for r in plan.routes)
    if not violations:
        click.echo(f"plan OK: {len(plan.routes)} routes, {n_stops} stops, all 7 rules hold")
        return
    for violation in violations:
        click.echo(str(violation))
    rules = ", ".join(str(n) for n in sorted({v.rule for v in violations}))
    # The violations are this command's output (stdout); the error line only says why exit 1.
    raise PlannerError(
        f"the plan breaks rule(s) {rules}: {len(violations)} violation(s) listed above "
        f"({len(plan.routes)} routes, {n_stops} stops)"
    )


COMMANDS = [check]
