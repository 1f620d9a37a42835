"""``planner replan --from DATE``: mid-week changes to a week's plan."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import ctrl_c_exits_at_once, data_option, open_echoing, progress_bar
from planner.workflow.requests import ReplanRequest


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
@click.option("--time-limit", type=click.FloatRange(min=1.0), default=None,
              help="Safety net on the search in seconds (default 600); it stops by itself.")
@click.option("--solution-limit", type=click.IntRange(min=1), default=None,
              help="Improving solutions before the search stops (default 100).")
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
    time_limit: float | None,
    solution_limit: int | None,
    seed: int,
    roads: Path | None,
    offline: bool,
    progress: bool,
) -> None:
    """Change the rest of a week's plan: stops before --from and notified stops stay.

    Writes a new plan version to OUT/<week>/ (the previous one is kept as plan.vN.json) and
    changes.txt: which stops moved or were dropped, who must be told, each team's new stops,
    who hands a printer to whom. Printers and cards are chosen again; added team-days are kept.

    \b
    Example:
      planner replan --from 2026-12-02 --without-team T2
      planner replan --from 2026-12-03 --cancel village:17.02.06.2005 --add-team-day T4:2026-12-05
    """
    from planner.workflow import replan_district
    from planner.workflow.replan import parse_date

    request = ReplanRequest(
        from_date=parse_date(from_text, "--from"),
        out_dir=out_dir,
        plan_path=plan_path,
        without_teams=without,
        cancel=cancel,
        add_team_days=add,
        keep_notified=keep_notified,
        time_limit_s=time_limit,
        solution_limit=solution_limit,
        seed=seed,
        roads=roads,
        offline=offline,
    )
    opened = open_echoing(data_dir)
    with progress_bar(progress, "replanning") as report:
        result = replan_district(opened, request, progress=report, guard=ctrl_c_exits_at_once)
    click.echo(result.changes or "", nl=False)
    click.echo(f"→ {result.out_week}/ (version {result.plan.version})")


COMMANDS = [replan_command]
