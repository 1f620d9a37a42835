"""``planner render``: (re)draw a plan's maps, schedule and spreadsheet from its plan.json."""

from __future__ import annotations

from pathlib import Path

import click

import planner.io
from planner.cli._common import echo_warnings, h, plan_data_option
from planner.io.plan_json import read_plan
from planner.io.plan_origin import district_folder


@click.command("render", help=h("help.render"))
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(path_type=Path, dir_okay=False))
@plan_data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=h("help.render.out"),
)
@click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help=h("help.opt.lang"),
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
    """Write a plan's maps, schedules and workbook."""
    from planner.fsutil import ensure_private_dir
    from planner.render import render_all

    plan = read_plan(plan_file)
    folder = district_folder(plan, data_dir, plan_file)
    district, warnings = planner.io.load_district(folder)
    echo_warnings(warnings)
    if district.inputs_sha256 not in ("", plan.inputs_sha256) and plan.inputs_sha256:
        click.echo(
            "warning: the district's tables changed since this plan was made; "
            "names and places come from the tables as they are now",
            err=True,
        )
    travel = None
    if roads is not None or district.settings.roads:
        from planner.travel import travel_model

        travel = travel_model(district, roads=roads)
    ensure_private_dir(target := out_dir if out_dir is not None else plan_file.resolve().parent)
    for path in render_all(plan, district, target, travel=travel, lang=lang, offline=offline,
                           papers=True):  # teams/, and surat/ with letters = true
        click.echo(str(path))


COMMANDS = [render]
