"""``planner replan --from DATE``: mid-week changes to a week's plan."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import ctrl_c_exits_at_once, data_option
from planner.cli.plan import open_district, progress_bar, write_week
from planner.errors import InputError
from planner.limits import require_plannable
from planner.model import Team, TimeWindow, parse_hhmm


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} {text!r}: not a date — use YYYY-MM-DD") from None


def parse_team_day(text: str, teams: dict[str, Team]) -> tuple[Team, dt.date, TimeWindow]:
    """``T2:2026-12-05`` or ``T2:2026-12-05:08:00-12:00`` → (team, date, hours)."""
    parts = text.split(":", 2)
    if len(parts) < 2 or parts[0] not in teams:
        raise InputError(
            f"--add-team-day {text!r}: use TEAM:YYYY-MM-DD[:HH:MM-HH:MM] with a known team "
            f"({', '.join(sorted(teams))})"
        )
    team = teams[parts[0]]
    date = _date(parts[1], "--add-team-day")
    if len(parts) == 3:
        try:
            start, end = (parse_hhmm(x) for x in parts[2].split("-"))
            hours = TimeWindow(start, end)
        except ValueError:
            raise InputError(
                f"--add-team-day {text!r}: hours must look like 08:00-12:00"
            ) from None
    else:
        usual = team.hours_on(date.weekday()) or next(iter(team.shifts)).hours
        hours = usual
    return team, date, hours


@click.command("replan")
@click.option("--from", "from_text", required=True, help="First date to change (YYYY-MM-DD).")
@data_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("out"), show_default=True, help="Outputs live in OUT/<week>/.")
@click.option("--plan", "plan_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="The plan to change (default OUT/<week>/plan.json).")
@click.option("--without-team", "without", multiple=True, help="A team that is off (repeat).")
@click.option("--cancel", "cancel", multiple=True,
              help="A site id to drop, e.g. village:17.02.01.2001 (repeat).")
@click.option("--add-team-day", "add", multiple=True,
              help="Extra team-day TEAM:YYYY-MM-DD[:HH:MM-HH:MM] (repeat).")
@click.option("--keep-notified/--no-keep-notified", default=True, show_default=True,
              help="Keep every later stop that can stay at its notified team, day and time.")
@click.option("--time-limit", type=click.FloatRange(min=1.0), default=50.0, show_default=True)
@click.option("--solution-limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--roads", type=click.Path(path_type=Path, dir_okay=False), default=None)
@click.option("--offline/--online", default=True, show_default=True,
              help="Maps as single self-contained files (no tiles); --online adds OSM tiles.")
@click.option("--progress/--no-progress", default=True)
def replan_command(
    from_text: str,
    data_dir: Path | None,
    out_dir: Path,
    plan_path: Path | None,
    without: tuple[str, ...],
    cancel: tuple[str, ...],
    add: tuple[str, ...],
    keep_notified: bool,
    time_limit: float,
    solution_limit: int,
    seed: int,
    roads: Path | None,
    offline: bool,
    progress: bool,
) -> None:
    """Change the rest of a week's plan: stops before --from and notified stops stay.

    Writes a new plan version to OUT/<week>/ (the previous one is kept as plan.vN.json) and
    changes.txt: which stops moved, which were dropped, who must be told.

    \b
    Example:
      planner replan --from 2026-12-02 --without-team T2
      planner replan --from 2026-12-03 --cancel village:17.02.06.2005 --add-team-day T4:2026-12-05
    """
    from planner.check import require_valid
    from planner.io.plan_json import plan_to_json, read_plan
    from planner.render import RenderContext
    from planner.render.summary import summary_text
    from planner.solve.replan import changes_text, replan_week
    from planner.travel import travel_model

    from_date = _date(from_text, "--from")
    week = Week.of(from_date).label
    path = plan_path or out_dir / week / "plan.json"
    old = read_plan(path)
    if old.week != week:
        raise InputError(f"{path}: plans week {old.week}, but --from {from_text} is in {week}")
    folder, district = open_district(data_dir)
    require_plannable(district)
    teams = {team.id: team for team in district.teams}
    unknown = [x for x in without if x not in teams]
    if unknown:
        raise InputError(f"--without-team: unknown team id(s) {', '.join(unknown)} — known: "
                         f"{', '.join(sorted(teams))}")
    added = [parse_team_day(x, teams) for x in add]

    ledger = None
    if os.access(folder, os.W_OK):
        from planner.ledger import Ledger, apply_ledger, ledger_path

        ledger = Ledger.open(ledger_path(folder))
        district = apply_ledger(district, ledger, before_week=week)
    travel = travel_model(district, roads=roads)
    with progress_bar(progress, "replanning") as report:
        with ctrl_c_exits_at_once():
            plan, changes = replan_week(
                district, old, from_date, travel,
                without_teams=without, cancel=cancel, add_team_days=added,
                keep_notified=keep_notified, time_limit_s=time_limit,
                solution_limit=solution_limit, seed=seed, progress=report,
            )
        require_valid(plan, district, travel)
        public = RenderContext(plan, district)
        labels = {sid: public.place(sid) for sid in district.site_index()}
        change_list = changes_text(changes, plan, labels)
        plan_json = plan_to_json(plan)
        summary = summary_text(plan, district)

        def render(stage: Path) -> None:
            from planner.fsutil import write_text_atomic
            from planner.render import render_all

            if path.parent.resolve() == (out_dir / week).resolve():
                shutil.copy2(path, stage / f"plan.v{old.version}.json")
            write_text_atomic(stage / "changes.txt", change_list)
            render_all(plan, district, stage, travel=travel, lang=plan.language,
                       offline=offline)

        saver = ledger  # the plan goes into the ledger just before the swap
        write_week(out_dir / week, plan_json, summary, render,
                   (lambda: saver.save_plan(plan, plan_json)) if saver is not None else None)
    if ledger is not None:
        ledger.close()
    click.echo(change_list, nl=False)
    click.echo(f"→ {out_dir / week}/ (version {plan.version})")


COMMANDS = [replan_command]
