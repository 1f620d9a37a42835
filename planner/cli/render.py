"""``planner render``: (re)draw a plan's maps, schedule and spreadsheet from its plan.json."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option


@click.command("render")
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(path_type=Path, dir_okay=False))
@data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder for the outputs (default: the plan file's folder).",
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help="Language of labels and dates (default: the plan's language).",
)
@click.option(
    "--offline/--online",
    default=True,
    show_default=True,
    help="--offline: maps are single files that need no internet (no background tiles); "
    "--online: maps load OpenStreetMap tiles and Leaflet from the internet.",
)
@click.option(
    "--roads",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Road network (OSM XML or GraphML) to draw routes along roads "
    "(default: the district's roads setting; without one, straight lines).",
)
def render(
    plan_file: Path,
    data_dir: Path | None,
    out_dir: Path | None,
    lang: str | None,
    offline: bool,
    roads: Path | None,
) -> None:
    """Write map.html, coverage.html, schedule.html/.pdf and schedule.xlsx for a plan.

    The district folder (--data) gives names, places and contacts; it should be the one the
    plan was made from. Homebound residents are named only in the team schedules.

    \b
    Example:
      planner render out/2026-W48/plan.json
      planner render out/2026-W48/plan.json --lang en --online --out /tmp/w48
    """
    from planner.workflow.rerender import rerender

    paths = rerender(plan_file, data_dir, out_dir, lang=lang, offline=offline, roads=roads,
                     warn=lambda line: click.echo(line, err=True))  # fmt: skip
    click.echo("\n".join(str(path) for path in paths))


COMMANDS = [render]
