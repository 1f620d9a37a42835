"""``planner status``: coverage by kecamatan, the weeks, blank stock over time, waiting sites."""

from __future__ import annotations

from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings, h, lang, lang_option
from planner.ledger.status_tables import TABLES


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
    "--table",
    type=click.Choice(TABLES),
    default="kecamatan",
    show_default=True,
    help=h("help.status.table"),
)
@click.option(
    "--weeks",
    type=click.IntRange(min=1, max=520),
    default=4,
    show_default=True,
    help=h("help.status.weeks"),
)
@click.option("--as-of", "as_of", default=None, metavar="YYYY-Www", help=h("help.status.as_of"))
def status(data_dir: Path | None, fmt: str, table: str, weeks: int, as_of: str | None) -> None:
    """Show the campaign's coverage, backlog trend, cards and waiting sites."""
    from planner.ledger.status import folder_status
    from planner.ledger.status_output import format_status

    label = Week.parse(as_of, option="--as-of", example="2026-W50").label if as_of else None
    result, warnings = folder_status(data_dir, as_of=label, weeks=weeks)
    echo_warnings(warnings)
    click.echo(format_status(result, fmt, lang=lang(), table=table), nl=False)


COMMANDS = [status]
