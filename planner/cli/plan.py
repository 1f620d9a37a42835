"""``planner plan --week``: plan a week, check it, write every output, remember it."""

from __future__ import annotations

from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import ctrl_c_exits_at_once, echo_warnings, open_echoing, progress_bar
from planner.clock import today, week_warnings
from planner.solve.engines import DEFAULT_ENGINE, ENGINES
from planner.workflow.requests import PlanRequest


@click.command("plan")
@click.option("--week", "week_text", default="next", show_default=True,
              help="ISO week YYYY-Www, or 'next' / 'this'.")
@click.option("--data", "data_dirs", type=click.Path(path_type=Path, file_okay=False),
              multiple=True, help="District folder (default: the bundled sample). Repeat it to "
              "plan several districts in parallel, each into OUT/<folder name>/<week>/.")
@click.option("--cluster", default=None, metavar="ADDRESS",
              help="Plan the districts on a Dask cluster: tcp://host:8786, or 'local' "
              "(needs planner[cluster]).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("out"), show_default=True, help="Outputs go to OUT/<week>/.")
@click.option("--time-limit", type=click.FloatRange(min=1.0), default=None,
              help="Safety net on the search in seconds (default 600; 240 for a large week "
              "solved in zones); the search normally stops by itself, repeatably.")
@click.option("--solution-limit", type=click.IntRange(min=1), default=None,
              help="Improving solutions before the search stops (repeatable; default 100).")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Another seed explores another search path.")
@click.option("--engine", type=click.Choice(ENGINES), default=DEFAULT_ENGINE, show_default=True,
              help="Routing engine: both at once, the better plan kept (portfolio), or one.")
@click.option("--teams", default=None, help="Only these team ids, e.g. T1,T3.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Language of outputs (default: the district's setting).")
@click.option("--roads", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Road network file (OSM XML or GraphML) instead of the district's setting.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Maps as single self-contained files that need no internet.")
@click.option("--min-visit-every", type=click.IntRange(min=1), default=None,
              help="Raise the value of villages with backlog not visited for N weeks or more.")
@click.option("--fair-reach/--no-fair-reach", default=None, help="Value grows with the weeks a "
              "kecamatan waited and its coverage gap (default: planner.toml [fairness], on).")
@click.option("--ledger/--no-ledger", "use_ledger", default=True, show_default=True,
              help="Use and update the campaign ledger (DISTRICT/.planner/ledger.sqlite).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
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
    """Plan a week: which team visits which site, when, with printers and cards.

    Writes OUT/<week>/plan.json, summary.txt, map.html, coverage.html, schedule.pdf/.html/.xlsx
    only after an independent check of every hard rule passes.

    \b
    Example:
      planner plan --week next
      planner plan --week 2026-W49 --data ./rejang-lebong --teams T1,T2 --lang en --offline
    """
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


def _echo(line: str, err: bool) -> None:
    click.echo(line, err=err)


COMMANDS = [plan_command]
