"""``planner forecast`` and ``planner whatif`` (the logic: ``planner.campaign.commands``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from planner.cli._common import data_option, h, lang, lang_option, progress_bar
from planner.i18n import t

# fmt: off
_COMMON = [click.option("--solution-limit", type=click.IntRange(1, 1000), default=30,
                        show_default=True, help=h("help.campaign.solution_limit")),
           click.option("--seed", type=int, default=0, show_default=True, help=h("help.opt.seed")),
           lang_option, data_option]


@click.command("forecast", help=h("help.forecast"))
@click.option("--target", type=click.FloatRange(1, 100), required=True,
              help=h("help.forecast.target"))
@click.option("--by", default=None, metavar="DATE", help=h("help.forecast.by"))
@click.option("--weeks", type=click.IntRange(1, 104), default=26, show_default=True,
              help=h("help.forecast.weeks"))
@click.option("--delivery", "deliveries", multiple=True, metavar="DATE:CARDS",
              help=h("help.forecast.delivery"))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default="out",
              show_default=True, help=h("help.forecast.out"))
def forecast(data_dir: Path | None, **options: Any) -> None:
    """Simulate the campaign to a coverage target (writes OUT/forecast/, never the ledger)."""
    from planner.campaign.commands import ForecastOptions, forecast_command
    from planner.clock import today

    step = t("forecast.progress", lang(), done=0, total=options["weeks"])
    with progress_bar(True, step) as bar:
        text, _ = forecast_command(data_dir, ForecastOptions(**options, lang=lang()), today(),
                                   lambda a, b: bar(t("forecast.progress", lang(), done=a,
                                                      total=b), a / b))
    click.echo(text, nl=False)


@click.command("whatif", help=h("help.whatif"))
@click.option("--week", required=True, metavar="YYYY-Www|next", help=h("help.whatif.week"))
@click.option("--printers", type=click.IntRange(0, 100), default=None,
              help=h("help.whatif.printers"))
@click.option("--blank-stock", default=None, metavar="+N|-N", help=h("help.whatif.blank_stock"))
@click.option("--add-team", "add_teams", multiple=True, metavar="ID:VEHICLE:DAYS",
              help=h("help.whatif.add_team"))
@click.option("--saturday", is_flag=True, help=h("help.whatif.saturday"))
@click.option("--teams", default=None, metavar="T1,T2", help=h("help.whatif.teams"))
def whatif(data_dir: Path | None, **options: Any) -> None:
    """Plan one week as it stands and under each variant (writes nothing)."""
    from planner.campaign.commands import WhatifOptions, whatif_command
    from planner.clock import today

    with progress_bar(True, t("whatif.progress", lang(), done=0, total=1)) as bar:
        text = whatif_command(data_dir, WhatifOptions(**options, lang=lang()), today(),
                              lambda a, b: bar(t("whatif.progress", lang(), done=a, total=b),
                                               a / b))
    click.echo(text, nl=False)
# fmt: on


COMMANDS = [forecast, whatif]
for _command in COMMANDS:
    for _option in _COMMON:
        _option(_command)
