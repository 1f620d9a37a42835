"""``planner roads import FILE`` and ``planner roads fetch``: put a road network in maps/.

Both clip the roads to the district (its boundary GeoJSON, else a box around its villages)
plus a margin, simplify them and save GraphML in the district's maps folder. They print the
``roads = …`` line to add to planner.toml rather than editing it: planner.toml is the
coordinator's file, comments and all.
"""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option, progress_bar
from planner.io import sample_dir

_MARGIN = click.option(
    "--margin-km",
    type=click.FloatRange(min=0, max=100),
    default=5.0,
    show_default=True,
    help="Keep roads this far outside the district boundary (routes may leave it).",
)
_OUTPUT = click.option(
    "--output",
    "output_name",
    default="roads.graphml",
    show_default=True,
    help="File name to write in the district's maps folder.",
)


@click.group("roads")
def roads() -> None:
    """Road networks for real travel times (without one, planner estimates from straight lines).

    \b
    Example:
      planner roads import sumatra-latest.osm.pbf --data rejang-lebong
      planner roads fetch --data rejang-lebong        # needs internet
    """


@roads.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@data_option
@_MARGIN
@_OUTPUT
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def import_command(
    file: Path, data_dir: Path | None, margin_km: float, output_name: str, progress: bool
) -> None:
    """Import an OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf) or a GraphML network.

    Works offline. Keeps the roads inside the district plus --margin-km, simplifies them and
    writes maps/roads.graphml. The file may be a whole regional extract (e.g. Geofabrik's
    Sumatra .osm.pbf): it is read twice, streaming, in memory that depends on the district,
    not on the file (a few minutes for a file of several hundred MB).

    \b
    Example:
      planner roads import sumatra-latest.osm.pbf --data rejang-lebong --margin-km 5
    """
    from planner.travel.area import road_area
    from planner.travel.road_import import check_output_name, import_roads

    check_output_name(output_name)
    area = road_area(data_dir if data_dir is not None else sample_dir(), margin_km)
    click.echo(f"Reading {file} …", err=True)
    with progress_bar(progress, f"reading {file.name}") as report:
        result = import_roads(file, area.polygon, area.maps / output_name, report)
    click.echo("\n".join(result.lines(area.where, output_name)))


@roads.command("fetch")
@data_option
@_MARGIN
@_OUTPUT
def fetch_command(data_dir: Path | None, margin_km: float, output_name: str) -> None:
    """Download the district's roads from OpenStreetMap (needs internet) into maps/.

    Without internet it stops at once with a message; use `planner roads import` with a file
    downloaded elsewhere instead.

    \b
    Example:
      planner roads fetch --data rejang-lebong
    """
    from planner.travel.area import road_area
    from planner.travel.road_import import check_output_name, fetch_into

    check_output_name(output_name)
    area = road_area(data_dir if data_dir is not None else sample_dir(), margin_km)
    click.echo("Downloading roads from OpenStreetMap …", err=True)
    report = fetch_into(area.polygon, area.maps / output_name)
    click.echo("\n".join(report.lines(area.where, output_name)))


COMMANDS = [roads]
