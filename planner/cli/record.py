"""``planner record``: store what the teams actually did in a week (the filled-in tally)."""

from __future__ import annotations

from pathlib import Path

import click

import planner.io
from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings
from planner.clock import week_warnings
from planner.errors import InputError
from planner.i18n import t
from planner.io.tally import read_tally, tally_week
from planner.ledger import Ledger, ledger_path
from planner.ledger.limits import site_limits


@click.command("record")
@click.option(
    "--week",
    required=True,
    metavar="YYYY-Www",
    help="The week the tally belongs to (the week of its plan), e.g. 2026-W48.",
)
@click.argument("results", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--lang", type=click.Choice(["id", "en"]), default=None, help=t("record.help.lang", "en")
)
@data_option
def record(week: str, results: Path, lang: str | None, data_dir: Path | None) -> None:
    """Record the filled-in tally RESULTS (schedule.xlsx, or a CSV of it) of a planned week.

    Fill in Direkam (recorded) and Dicetak (printed) on the "Semua kunjungan" (all stops) sheet
    or on the teams' own sheets; rows are matched by their Kode. A row with both blank is a
    stop not visited. A count above what the site could hold, or cards above those carried, is
    an error. Backlogs and the blank-card stock of the next plan start from what is recorded
    here. Recording the same tally again changes nothing; a corrected tally of the same week
    replaces the earlier one.

    \b
    Example:
      planner record --week 2026-W48 out/2026-W48/schedule.xlsx
    """
    # Imported here: planner.render loads the PDF and map libraries, which the CLI does not
    # need to start (and a Ctrl-C during a slow start is lost).
    from planner.render.record import in_language, no_plan_problem, record_lines

    label = Week.parse(week).label
    echo_warnings(week_warnings("record", Week.parse(week)))
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, load_warnings = planner.io.load_district(folder)
    echo_warnings(load_warnings)
    lang = lang or district.settings.language
    path = ledger_path(folder)

    def no_plan() -> InputError:
        return InputError([no_plan_problem(label, path, results, tally_week(results), lang)])

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
                in_language(exc.problems, lang), in_language(exc.warnings, lang)
            ) from None
        echo_warnings(in_language(tally.warnings, lang))
        outcome = ledger.record(
            district,
            plan,
            tally.results,
            source_sha256=tally.sha256,
            source_name=results.name,
        )
    reserve = district.settings.blank_reserve
    out, err = record_lines(outcome, plan, tally.not_visited, results.name, reserve, lang)
    for line in out:
        click.echo(line)
    for line in err:
        click.echo(line, err=True)


COMMANDS = [record]
