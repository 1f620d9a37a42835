"""``planner record``: store what the teams actually did in a week (the filled-in tally)."""

from __future__ import annotations

from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings, h, lang, lang_option, open_echoing
from planner.clock import week_warnings
from planner.ledger.record_text import record_lines
from planner.workflow.record import record_tally


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
    """Record the filled-in tally of a planned week (rows matched by their Kode)."""
    parsed = Week.parse(week)
    echo_warnings(week_warnings("record", parsed))
    language = lang()
    done = record_tally(open_echoing(data_dir), parsed.label, results, language)
    echo_warnings(done.tally.warnings)
    outcome, plan, tally, district = done.outcome, done.plan, done.tally, done.district
    reserve = district.settings.blank_reserve
    out, err = record_lines(outcome, plan, tally.not_visited, results.name, reserve, language)
    for line in out:
        click.echo(line)
    for line in err:
        click.echo(line, err=True)


COMMANDS = [record]
