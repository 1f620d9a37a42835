"""``planner plan --week``: plan a week, check it, write every output, remember it."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from planner.calendar import Week
from planner.cli._common import ctrl_c_exits_at_once, echo_warnings
from planner.errors import InputError
from planner.limits import require_plannable
from planner.model import District


@contextlib.contextmanager
def progress_bar(enabled: bool, title: str) -> Iterator[Callable[[str, float], None]]:
    """A rich progress bar on stderr; yields ``report(stage, fraction)`` for the solver's
    progress callback (silent when disabled)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    ) as bar:
        task = bar.add_task(title, total=1.0)

        def report(stage: str, fraction: float) -> None:
            bar.update(task, description=stage, completed=fraction)

        yield report


def open_district(data_dir: Path | None) -> tuple[Path, District]:
    """Load and validate the district folder, print its warnings."""
    from planner.io import load_district, sample_dir

    folder = data_dir or sample_dir()
    district, warnings = load_district(folder)
    echo_warnings(warnings)
    return folder, district


def write_week(
    out_week: Path,
    plan_json: str,
    summary: str,
    render: Callable[[Path], object] | None,
    commit: Callable[[], object] | None = None,
) -> None:
    """Write plan.json, summary.txt and the rendered outputs into ``out_week`` as one swap.

    ``commit`` (saving the plan to the ledger) runs once every output is staged, just before
    the swap: a run that fails or is killed before it leaves both the folder and the ledger
    as they were, and only the swap itself lies between the ledger and the folder.
    """
    from planner.fsutil import staged_dir, write_text_atomic

    with staged_dir(out_week) as stage:
        write_text_atomic(stage / "plan.json", plan_json)
        write_text_atomic(stage / "summary.txt", summary)
        if render is not None:
            render(stage)
        if commit is not None:
            commit()


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
              help="Wall-clock cap of the search in seconds (default 50; 240 for a large week "
              "solved in zones).")
@click.option("--solution-limit", type=click.IntRange(min=1), default=None,
              help="Improving solutions before the search stops (repeatable; default 100).")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Another seed explores another search path.")
@click.option("--engine", type=click.Choice(["ortools", "pyvrp"]), default="ortools",
              show_default=True,
              help="Routing engine; PyVRP is the state of the art on plain VRPTW instances.")
@click.option("--teams", default=None, help="Only these team ids, e.g. T1,T3.")
@click.option("--lang", type=click.Choice(["id", "en"]), default=None,
              help="Language of outputs (default: the district's setting).")
@click.option("--roads", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Road network file (OSM XML or GraphML) instead of the district's setting.")
@click.option("--offline/--online", default=True, show_default=True,
              help="Maps as single self-contained files that need no internet.")
@click.option("--min-visit-every", type=click.IntRange(min=1), default=None,
              help="Raise the value of villages with backlog not visited for N weeks or more.")
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
    from planner.check import require_valid
    from planner.io.plan_json import plan_to_json
    from planner.render.summary import summary_text
    from planner.solve import DEFAULT_SOLUTION_LIMIT, plan_week
    from planner.travel import travel_model

    if len(data_dirs) > 1 or cluster:
        from planner.io import sample_dir
        from planner.multi import district_jobs, forward_args, plan_many

        ctx = click.get_current_context()
        skip = frozenset({"data_dirs", "cluster", "out_dir", "progress"})
        options = [*forward_args(plan_command, ctx.params, skip), "--no-progress"]
        folders = data_dirs or (sample_dir(),)
        jobs = district_jobs("plan", folders, out_dir, options, len(folders) > 1)
        ctx.exit(plan_many(jobs, cluster))
    data_dir = data_dirs[0] if data_dirs else None

    the_week = Week.parse(week_text, today=dt.date.today())
    week = the_week.label
    folder, district = open_district(data_dir)
    team_ids = None
    if teams:
        team_ids = [x.strip() for x in teams.split(",") if x.strip()]
        known = {t.id for t in district.teams}
        unknown = [x for x in team_ids if x not in known]
        if unknown:
            raise InputError(
                f"--teams: unknown team id(s) {', '.join(unknown)} — known: "
                f"{', '.join(sorted(known))}"
            )

    require_plannable(district)
    ledger = None
    boost: dict[str, float] = {}
    if use_ledger and os.access(folder, os.W_OK):
        from planner.ledger import Ledger, apply_ledger, ledger_path, waiting_weeks
        from planner.ledger.fairness import fairness_boost

        ledger = Ledger.open(ledger_path(folder))
        district = apply_ledger(district, ledger, before_week=week)
        if min_visit_every:
            boost = fairness_boost(waiting_weeks(ledger, district, week), min_visit_every)
    elif min_visit_every:
        raise InputError("--min-visit-every needs the campaign ledger (drop --no-ledger)")

    travel = travel_model(district, roads=roads, cache_dir=folder / ".planner" / "cache"
                          if os.access(folder, os.W_OK) else None)
    with progress_bar(progress, "planning") as report:
        with ctrl_c_exits_at_once():
            plan = plan_week(
                district,
                the_week,
                travel,
                time_limit_s=time_limit,
                solution_limit=solution_limit or DEFAULT_SOLUTION_LIMIT,
                seed=seed,
                engine=engine,
                teams=team_ids,
                lang=lang,
                value_boost=boost or None,
                progress=report,
            )
        report("check", 1.0)
        require_valid(plan, district, travel)
        if ledger is not None:
            from dataclasses import replace

            # The latest version when the plan is the same again, so plan.json and the ledger agree.
            plan = replace(plan, version=ledger.version_for(week, plan_to_json(plan)))
        plan_json = plan_to_json(plan)
        summary = summary_text(plan, district)

        def render(stage: Path) -> None:
            from planner.render import render_all

            report("render", 1.0)
            render_all(plan, district, stage, travel=travel, lang=plan.language, offline=offline)

        saver = ledger  # the plan goes into the ledger just before the swap
        write_week(out_dir / week, plan_json, summary, render,
                   (lambda: saver.save_plan(plan, plan_json)) if saver is not None else None)
    if ledger is not None:
        ledger.close()
    click.echo(summary, nl=False)
    click.echo(f"→ {out_dir / week}/")


COMMANDS = [plan_command]
