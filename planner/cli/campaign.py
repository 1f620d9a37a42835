"""``planner forecast`` and ``planner whatif`` (the logic: ``planner.campaign.commands``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from planner.cli._common import data_option, progress_bar

# fmt: off
_COMMON = [click.option("--solution-limit", type=click.IntRange(1, 1000), default=30,
                        show_default=True, help="Improving solutions per simulated week."),
           click.option("--seed", type=int, default=0, show_default=True),
           click.option("--lang", type=click.Choice(["id", "en"]), default=None), data_option]


@click.command("forecast")
@click.option("--target", type=click.FloatRange(1, 100), required=True, help="Coverage %, e.g. 98.")
@click.option("--by", default=None, metavar="DATE", help="Deadline: is it met, what would meet it.")
@click.option("--weeks", type=click.IntRange(1, 104), default=26, show_default=True)
@click.option("--delivery", "deliveries", multiple=True, metavar="DATE:CARDS",
              help="Cards to arrive, e.g. 2027-01-10:1000 (repeat).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default="out")
def forecast(data_dir: Path | None, **options: Any) -> None:
    """Simulate the campaign week by week from the ledger to a coverage target; writes
    OUT/forecast/forecast.csv and forecast.html (a chart). Never writes to the ledger.

    Example: planner forecast --target 98 --by 2027-03-31 --delivery 2027-01-10:1000
    """
    from planner.campaign.commands import ForecastOptions, forecast_command
    from planner.clock import today

    with progress_bar(True, "forecast") as bar:
        text, _ = forecast_command(data_dir, ForecastOptions(**options), today(),
                                   lambda a, b: bar(f"forecast {a}/{b}", a / b))
    click.echo(text, nl=False)


@click.command("whatif")
@click.option("--week", required=True, metavar="YYYY-Www|next", help="The week to plan.")
@click.option("--printers", type=click.IntRange(0, 100), default=None, help="Printers in all.")
@click.option("--blank-stock", default=None, metavar="+N|-N", help="Cards added, e.g. +500.")
@click.option("--add-team", "add_teams", multiple=True, metavar="ID:VEHICLE:DAYS",
              help="e.g. T5:motor:Mon-Fri.")
@click.option("--saturday", is_flag=True, help="Every team works Saturday mornings.")
@click.option("--teams", default=None, metavar="T1,T2", help="Only these teams.")
def whatif(data_dir: Path | None, **options: Any) -> None:
    """Plan one week as it stands and under each variant (same seed), one row each.
    Writes nothing: not the ledger, not out/.

    Example: planner whatif --week next --printers 3 --blank-stock +500 --saturday
    """
    from planner.campaign.commands import WhatifOptions, whatif_command
    from planner.clock import today

    with progress_bar(True, "whatif") as bar:
        text = whatif_command(data_dir, WhatifOptions(**options), today(),
                              lambda a, b: bar(f"whatif {a}/{b}", a / b))
    click.echo(text, nl=False)
# fmt: on


COMMANDS = [forecast, whatif]
for _command in COMMANDS:
    for _option in _COMMON:
        _option(_command)
