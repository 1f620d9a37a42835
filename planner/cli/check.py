"""``planner check PLAN.json``: does a plan obey every hard rule of the SPEC?"""

from __future__ import annotations

from pathlib import Path

import click

from planner.check import check_plan, plan_warnings
from planner.cli._common import echo_warnings, h, lang, lang_option, plan_data_option
from planner.errors import PlannerError
from planner.i18n import Num, msg, number, t
from planner.io import load_district
from planner.io.plan_json import read_plan
from planner.io.plan_origin import district_folder
from planner.travel import travel_model


@click.command("check", help=h("help.check"))
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(path_type=Path, dir_okay=False))
@plan_data_option
@click.option(
    "--roads",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=h("help.opt.roads_check"),
)
@lang_option
def check(plan_file: Path, data_dir: Path | None, roads: Path | None) -> None:
    """Check a plan against every hard rule of the SPEC."""
    # Read the plan first: a corrupt plan file is reported before any slow loading.
    plan = read_plan(plan_file)
    district, load_warnings = load_district(district_folder(plan, data_dir, plan_file))
    echo_warnings(load_warnings)
    travel = travel_model(district, roads=roads)
    for warning in plan_warnings(plan, district, travel):
        click.echo(f"{t('fail.warning', lang())}: {warning}", err=True)
    violations = check_plan(plan, district, travel)
    n_stops = sum(len(r.stops) for r in plan.routes)
    if not violations:
        routes, stops = number(len(plan.routes), lang()), number(n_stops, lang())
        click.echo(t("check.ok", lang(), routes=routes, stops=stops))
        return
    for violation in violations:
        click.echo(str(violation))
    rules = ", ".join(str(n) for n in sorted({v.rule for v in violations}))
    # The violations are this command's output (stdout); the error line only says why exit 1.
    counts = {"count": Num(len(violations)), "routes": Num(len(plan.routes)), "stops": Num(n_stops)}
    raise PlannerError(msg("check.broken", rules=rules, **counts))


COMMANDS = [check]
