"""``planner record``: store what the teams actually did in a week (the filled-in tally)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import click

import planner.io
from planner.calendar import Week
from planner.cli._common import data_option, echo_warnings
from planner.errors import InputError, Problem
from planner.i18n import number, t, text_of
from planner.io.tally import read_tally, tally_week
from planner.ledger import Ledger, RecordOutcome, ledger_path
from planner.ledger.limits import site_limits
from planner.model import Plan


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
    label = Week.parse(week).label
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, load_warnings = planner.io.load_district(folder)
    echo_warnings(load_warnings)
    lang = lang or district.settings.language
    path = ledger_path(folder)
    if not path.exists():
        raise _no_plan(label, path, results, lang)  # without creating an empty ledger
    with Ledger.open(path) as ledger:
        plan = ledger.latest_plan(label)
        if plan is None:
            raise _no_plan(label, path, results, lang)
        try:
            tally = read_tally(results, plan, site_limits(district, ledger, label))
        except InputError as exc:
            raise InputError(_in(exc.problems, lang), _in(exc.warnings, lang)) from None
        echo_warnings(_in(tally.warnings, lang))
        outcome = ledger.record(
            district,
            plan,
            tally.results,
            source_sha256=tally.sha256,
            source_name=results.name,
        )
    _report(outcome, plan, tally.not_visited, results.name, district.settings.blank_reserve, lang)


def _in(problems: Iterable[Problem], lang: str) -> list[Problem]:
    """``problems`` with their messages and hints turned into ``lang``'s text."""
    return [
        replace(p, message=text_of(p.message, lang), hint=text_of(p.hint, lang)) for p in problems
    ]


def _no_plan(label: str, path: Path, results: Path, lang: str) -> InputError:
    """No plan of the week: plan it first (or, when the tally is of another week, record it
    with that week)."""
    problem = Problem(file="", message=t("record.err.no_plan", lang, week=label, path=path))
    other = tally_week(results)
    if other is not None and other != label:
        message = t("record.err.wrong_week", lang, week=other, plan_week=label)
        hint = t("record.hint.wrong_week", lang, week=other, file=str(results))
        problem = Problem(file=str(results), message=message, hint=hint)
    return InputError([problem])


def _report(
    outcome: RecordOutcome, plan: Plan, not_visited: int, name: str, reserve: int, lang: str
) -> None:
    """What ``record`` did, in ``lang``."""

    def n(value: int) -> str:
        return number(value, lang)

    label = outcome.week
    if not outcome.changed:
        click.echo(t("record.out.unchanged", lang, week=label))
        return
    head = "record.out.replaced" if outcome.replaced else "record.out.recorded"
    click.echo(t(head, lang, week=label, version=outcome.plan_version, file=name))
    click.echo(
        t("record.out.stops", lang, visited=n(outcome.stops_visited), skipped=n(not_visited))
    )
    line = t("record.out.people", lang, people=n(outcome.people), planned=n(plan.totals.people))
    if outcome.replaced and outcome.previous_people is not None:
        line += t("record.out.was", lang, value=n(outcome.previous_people))
    click.echo(line)
    line = t("record.out.cards", lang, cards=n(outcome.cards))
    if outcome.replaced and outcome.previous_cards is not None:
        line += t("record.out.was", lang, value=n(outcome.previous_cards))
    click.echo(line)
    left = n(max(0, outcome.stock_left))
    click.echo(t("record.out.stock", lang, left=left, reserve=n(reserve)))
    if outcome.stock_left < 0:
        click.echo(t("record.out.overdrawn", lang, cards=n(-outcome.stock_left)), err=True)


COMMANDS = [record]
