"""``planner letters --week W``: the notification letters of a planned week."""

import datetime as dt
from pathlib import Path

import click

from planner.cli._common import echo_warnings, h, plan_data_option


@click.command("letters", help=h("help.letters"))
@click.option("--week", required=True, help=h("help.letters.week"))
@plan_data_option
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("out"), help=h("help.letters.out"))  # noqa: E501
@click.option("--lang", type=click.Choice(["id", "en"]), help=h("help.letters.lang"))
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help=h("help.letters.date"))
def letters(week: str, data_dir: Path | None, out: Path, lang: str, date: dt.datetime) -> None:
    """The notification letters of a planned week."""
    from planner.workflow.letters import week_letters
    click.echo(week_letters(week, data_dir, out, lang, date and date.date(), echo_warnings))

COMMANDS = [letters]
