"""``planner status``: coverage by kecamatan, the weeks, blank stock over time, waiting sites."""

from __future__ import annotations

from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings
from planner.ledger.status_tables import TABLES


# fmt: off
@click.command("status")
@data_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="table for people; csv (one table, see --table) or json "
              "(everything) to stdout for other programs.")
@click.option("--table", type=click.Choice(TABLES), default="kecamatan", show_default=True,
              help="The table --format csv writes.")
@click.option("--weeks", type=click.IntRange(min=1, max=520), default=4, show_default=True,
              help="List sites with backlog not visited in the last N weeks.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-Www",
              help="The week the --weeks window ends with (default: the last recorded week).")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Language of the report (default: the district's setting).")
def status(data_dir: Path | None, fmt: str, table: str, weeks: int, as_of: str | None,
           lang: str | None) -> None:
    # fmt: on
    """Show the campaign: coverage by kecamatan, backlog per week, blank stock, waiting sites.

    Coverage is recorded / obliged over the villages (as in summary.txt and coverage.html);
    "planned" is the next plan not yet recorded.

    \b
    Example:
      planner status --weeks 4
      planner status --format csv --table villages > villages.csv
    """
    from planner.ledger.status import folder_status
    from planner.ledger.status_output import format_status

    label = Week.parse(as_of, option="--as-of", example="2026-W50").label if as_of else None
    result, warnings, language = folder_status(data_dir, as_of=label, weeks=weeks)
    echo_warnings(warnings)
    click.echo(format_status(result, fmt, lang=lang or language, table=table), nl=False)


COMMANDS = [status]
