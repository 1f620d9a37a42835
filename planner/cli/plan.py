"""``planner plan --week``: plan a week, check it, write every output, remember it."""

from __future__ import annotations

from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import (
    ctrl_c_exits_at_once,
    echo_warnings,
    h,
    offline_option,
    open_echoing,
    progress_bar,
    search_options,
)
from planner.clock import today, week_warnings
from planner.solve.engines import DEFAULT_ENGINE, ENGINES
from planner.workflow.requests import PlanRequest


# fmt: off
@click.command("plan", help=h("help.plan"))
@click.option("--week", "week_text", default="next", show_default=True, help=h("help.plan.week"))
@click.option("--data", "data_dirs", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help=h("help.plan.data"))
@click.option("--cluster", default=None, metavar="ADDRESS", help=h("help.plan.cluster"))
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("out"), show_default=True, help=h("help.plan.out"))
@search_options
@click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help=h("help.plan.engine"))
@click.option("--teams", default=None, help=h("help.plan.teams"))
@click.option("--lang", type=click.Choice(["id", "en"]), default=None, help=h("help.opt.lang"))
@click.option("--roads", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help=h("help.opt.roads"))
@offline_option
@click.option("--min-visit-every", type=click.IntRange(min=1), default=None,
              help=h("help.plan.min_visit"))
@click.option("--fair-reach/--no-fair-reach", default=None, help=h("help.plan.fair_reach"))
@click.option("--ledger/--no-ledger", "use_ledger", default=True, show_default=True,
              help=h("help.plan.ledger"))
@click.option("--progress/--no-progress", default=True, help=h("help.opt.progress"))
def plan_command(
    week_text: str,
    data_dirs: tuple[Path, ...],
    cluster: str | None,
    out_dir: Path,
    time_limit: float | None,
    solution_limit: int | None,
    seed: int,
    engine: str,
    teams: str | None,
    lang: str | None,
    roads: Path | None,
    offline: bool,
    min_visit_every: int | None,
    fair_reach: bool | None,
    use_ledger: bool,
    progress: bool,
) -> None:
    """Plan a week, check it and write every output."""
    team_ids = tuple(x.strip() for x in teams.split(",") if x.strip()) if teams else None
    week = Week.parse(week_text, today=today())
    echo_warnings(week_warnings("plan", week))
    request = PlanRequest(
        week=week,
        out_dir=out_dir,
        teams=team_ids,
        time_limit_s=time_limit,
        solution_limit=solution_limit,
        seed=seed,
        engine=engine,
        lang=lang,
        roads=roads,
        offline=offline,
        min_visit_every=min_visit_every,
        fair_reach=fair_reach,
        use_ledger=use_ledger,
    )
    if len(data_dirs) > 1 or cluster:
        from planner.io import sample_dir
        from planner.workflow.many import plan_many

        ctx = click.get_current_context()
        ctx.exit(plan_many(data_dirs or (sample_dir(),), request, cluster, echo=_echo))
    from planner.workflow import plan_district

    opened = open_echoing(data_dirs[0] if data_dirs else None)
    with progress_bar(progress, "planning") as report:
        result = plan_district(opened, request, progress=report, guard=ctrl_c_exits_at_once)
    click.echo(result.summary, nl=False)
    click.echo(f"→ {result.out_week}/")

# fmt: on


def _echo(line: str, err: bool) -> None:
    click.echo(line, err=err)


COMMANDS = [plan_command]
