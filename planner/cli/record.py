"""``planner record``: store what the teams actually did in a week (the filled-in tally)."""

from __future__ import annotations

from pathlib import Path

import click

import planner.io
from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings, h, lang, lang_option
from planner.clock import week_warnings
from planner.errors import InputError
from planner.io.tally import read_tally, tally_week
from planner.ledger import Ledger, ledger_path
from planner.ledger.limits import site_limits


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
    # Imported here: planner.render loads the PDF and map libraries, which the CLI does not
    # need to start (and a Ctrl-C during a slow start is lost).
    from planner.render.record import in_language, no_plan_problem, record_lines

    label = Week.parse(week).label
    echo_warnings(week_warnings("record", Week.parse(week)))
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, load_warnings = planner.io.load_district(folder)
    echo_warnings(load_warnings)
    language = lang()
    path = ledger_path(folder)

    def no_plan() -> InputError:
        return InputError([no_plan_problem(label, path, results, tally_week(results), language)])

    if not path.exists():
        raise no_plan()  # without creating an empty ledger as a side effect
    with Ledger.open(path) as ledger:
        plan = ledger.latest_plan(label)
        if plan is None:
            raise no_plan()
        try:
            tally = read_tally(results, plan, site_limits(district, ledger, label))
        except InputError as exc:
            raise InputError(
                in_language(exc.problems, language), in_language(exc.warnings, language)
            ) from None
        echo_warnings(in_language(tally.warnings, language))
        outcome = ledger.record(
            district,
            plan,
            tally.results,
            source_sha256=tally.sha256,
            source_name=results.name,
        )
    reserve = district.settings.blank_reserve
    out, err = record_lines(outcome, plan, tally.not_visited, results.name, reserve, language)
    for line in out:
        click.echo(line)
    for line in err:
        click.echo(line, err=True)


COMMANDS = [record]
