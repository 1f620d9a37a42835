"""``planner status``: campaign coverage by kecamatan, backlog trend, cards, waiting sites."""

from __future__ import annotations

from pathlib import Path

import click

import planner.io
from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings, h, lang_option


@click.command("status", help=h("help.status"))
@data_option
@lang_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help=h("help.status.format"),
)
@click.option(
    "--weeks",
    type=click.IntRange(min=1, max=520),
    default=4,
    show_default=True,
    help=h("help.status.weeks"),
)
@click.option(
    "--as-of",
    "as_of",
    default="this",
    show_default=True,
    metavar="YYYY-Www",
    help=h("help.status.as_of"),
)
def status(data_dir: Path | None, fmt: str, weeks: int, as_of: str) -> None:
    """Show the campaign's coverage, backlog trend, cards and waiting sites."""
    from planner.ledger import Ledger, ledger_path
    from planner.ledger.status import campaign_status
    from planner.ledger.status_output import format_status

    label = Week.parse(as_of, option="--as-of", example="this").label
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, warnings = planner.io.load_district(folder)
    echo_warnings(warnings)
    path = ledger_path(folder)
    # status only reads: a district without a ledger gets an empty one in memory, no file.
    with Ledger.open(path) if path.exists() else Ledger.memory() as ledger:
        result = campaign_status(district, ledger, as_of=label, weeks=weeks)
    click.echo(format_status(result, fmt), nl=False)


COMMANDS = [status]
