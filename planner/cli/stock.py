"""``planner stock add|set``: record a delivery of blank cards or a recount in the ledger."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option, echo_warnings


@click.command("stock")
@click.argument("action", type=click.Choice(["add", "set"]))
@click.argument("count", metavar="N")
@click.option("--date", "date", required=True, metavar="YYYY-MM-DD", help="When it happened.")
@click.option("--note", default="", help="e.g. the delivery note's number.")
@data_option
def stock(action: str, count: str, date: str, note: str, data_dir: Path | None) -> None:
    """'add N': N blank cards delivered; 'set N': N cards counted (a recount replaces the
    computed stock). Stock = the campaign's starting stock + deliveries - cards printed.

    \b
    Example:
      planner stock add 500 --date 2026-12-03 --note "BAST 12/2026"
      planner stock set 640 --date 2026-12-11
    """
    from planner.clock import today
    from planner.ledger.deliveries import stock_move

    lines, warnings = stock_move(data_dir, action, count, date, note, today=today())
    echo_warnings(warnings)
    click.echo("\n".join(lines))


COMMANDS = [stock]
