"""``planner record``: store what the teams actually did in a week (the filled-in tally)."""

from __future__ import annotations

from pathlib import Path

import click

import planner.io
from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings, h, lang_option
from planner.errors import InputError
from planner.io.tally import read_tally
from planner.ledger import Ledger, ledger_path


@click.command("record", help=h("help.record"))
@click.option(
    "--week",
    required=True,
    metavar="YYYY-Www",
    help=h("help.record.week"),
)
@click.argument("results", type=click.Path(path_type=Path, dir_okay=True))
@data_option
@lang_option
def record(week: str, results: Path, data_dir: Path | None) -> None:
    """Record the filled-in tally of a planned week."""
    label = Week.parse(week).label
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, load_warnings = planner.io.load_district(folder)
    echo_warnings(load_warnings)
    path = ledger_path(folder)
    no_plan = InputError(
        f"no plan of {label} in the ledger ({path}) — run 'planner plan --week {label}' "
        "first, then record its tally"
    )
    if not path.exists():
        raise no_plan  # without creating an empty ledger as a side effect
    with Ledger.open(path) as ledger:
        plan = ledger.latest_plan(label)
        if plan is None:
            raise no_plan
        tally = read_tally(results, plan)
        echo_warnings(tally.warnings)
        outcome = ledger.record(
            district,
            plan,
            tally.results,
            source_sha256=tally.sha256,
            source_name=results.name,
        )
    if not outcome.changed:
        click.echo(f"{label} is already recorded with these results; nothing changed.")
        return
    verb = "Replaced the earlier tally of" if outcome.replaced else "Recorded"
    click.echo(f"{verb} {label} (plan version {outcome.plan_version}) from {results.name}:")
    click.echo(f"  stops visited:   {outcome.stops_visited} (not visited: {tally.not_visited})")
    planned = plan.totals.people
    line = f"  people recorded: {outcome.people} (planned {planned})"
    if outcome.replaced and outcome.previous_people is not None:
        line += f", was {outcome.previous_people}"
    click.echo(line)
    line = f"  cards printed:   {outcome.cards}"
    if outcome.replaced and outcome.previous_cards is not None:
        line += f", was {outcome.previous_cards}"
    click.echo(line)
    reserve = district.settings.blank_reserve
    click.echo(f"  blank stock:     {max(0, outcome.stock_left)} left (reserve {reserve})")
    if outcome.stock_left < 0:
        click.echo(
            f"warning: {-outcome.stock_left} more cards recorded as printed than the stock "
            "allowed; if the province refilled the stock, raise blank_stock in planner.toml",
            err=True,
        )


COMMANDS = [record]
