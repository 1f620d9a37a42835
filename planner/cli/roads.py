"""``planner roads import FILE`` and ``planner roads fetch``: put a road network in maps/.

Both clip the roads to the district (its boundary GeoJSON, else a box around its villages)
plus a margin, simplify them and save GraphML in the district's maps folder. They print the
``roads = …`` line to add to planner.toml rather than editing it: planner.toml is the
coordinator's file, comments and all.
"""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option, h, lang, lang_option, progress_bar
from planner.i18n import t
from planner.io import sample_dir

_MARGIN = click.option(
    "--margin-km",
    type=click.FloatRange(min=0, max=100),
    default=5.0,
    show_default=True,
    help=h("help.roads.margin"),
)
_OUTPUT = click.option(
    "--output",
    "output_name",
    default="roads.graphml",
    show_default=True,
    help=h("help.roads.output"),
)


@click.group("roads", help=h("help.roads"))
def roads() -> None:
    """Road networks for real travel times."""


@roads.command("import", help=h("help.roads.import"))
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@data_option
@_MARGIN
@_OUTPUT
@click.option("--progress/--no-progress", default=True, help=h("help.opt.progress"))
@lang_option
def import_command(
    file: Path, data_dir: Path | None, margin_km: float, output_name: str, progress: bool
) -> None:
    """Import an OpenStreetMap or GraphML file into maps/."""
    from planner.travel.area import road_area
    from planner.travel.road_import import check_output_name, import_roads

    check_output_name(output_name)
    area = road_area(data_dir if data_dir is not None else sample_dir(), margin_km)
    click.echo(t("roads.reading", lang(), file=file), err=True)
    with progress_bar(progress, f"reading {file.name}") as report:
        result = import_roads(file, area.polygon, area.maps / output_name, report)
    click.echo("\n".join(result.lines(area.where, output_name)))


@roads.command("fetch", help=h("help.roads.fetch"))
@data_option
@_MARGIN
@_OUTPUT
@lang_option
def fetch_command(data_dir: Path | None, margin_km: float, output_name: str) -> None:
    """Download the district's roads from OpenStreetMap into maps/."""
    from planner.travel.area import road_area
    from planner.travel.road_import import check_output_name, fetch_into

    check_output_name(output_name)
    area = road_area(data_dir if data_dir is not None else sample_dir(), margin_km)
    click.echo(t("roads.downloading", lang()), err=True)
    report = fetch_into(area.polygon, area.maps / output_name)
    click.echo("\n".join(report.lines(area.where, output_name)))


COMMANDS = [roads]
