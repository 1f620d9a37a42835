"""``planner letters --week W``: the notification letters of a planned week."""

import datetime as dt
from pathlib import Path

import click

from planner.cli._common import data_option, echo_warnings


@click.command("letters")
@click.option("--week", required=True, help="The planned week, YYYY-Www.")
@data_option
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=Path("out"),
              help="Reads OUT/<week>/plan.json, writes OUT/<week>/surat/ (default: out).")
@click.option("--lang", type=click.Choice(["id", "en"]), help="Default: the plan's language.")
@click.option("--date", type=click.DateTime(["%Y-%m-%d"]), help="Signed on (default: today).")
def letters(week: str, data_dir: Path | None, out: Path, lang: str, date: dt.datetime) -> None:
    """A notification letter (surat pemberitahuan) per visited village and school. Example: planner letters --week 2026-W49 --lang en"""  # noqa: E501
    from planner.workflow.letters import week_letters
    click.echo(week_letters(week, data_dir, out, lang, date and date.date(), echo_warnings))

COMMANDS = [letters]
