"""``planner replan --from DATE``: mid-week changes to a week's plan."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import (
    ctrl_c_exits_at_once,
    data_option,
    h,
    lang_option,
    offline_option,
    open_echoing,
    progress_bar,
    search_options,
)
from planner.workflow.requests import ReplanRequest


@click.command("replan", help=h("help.replan"))
@click.option("--from", "from_text", required=True, help=h("help.replan.from"))
@data_option
@lang_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("out"),
    show_default=True,
    help=h("help.replan.out"),
)
@click.option(
    "--plan",
    "plan_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=h("help.replan.plan"),
)
@click.option("--without-team", "without", multiple=True, help=h("help.replan.without"))
@click.option("--cancel", "cancel", multiple=True, help=h("help.replan.cancel"))
@click.option("--add-team-day", "add", multiple=True, help=h("help.replan.add"))
@click.option(
    "--keep-notified/--no-keep-notified",
    default=True,
    show_default=True,
    help=h("help.replan.keep"),
)
@search_options
@click.option(
    "--roads",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help=h("help.opt.roads"),
)
@offline_option
@click.option("--progress/--no-progress", default=True, help=h("help.opt.progress"))
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
    """Change the rest of a week's plan from --from on."""
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
