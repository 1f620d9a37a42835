"""``planner roads import FILE`` and ``planner roads fetch``: put a road network in maps/.

Both clip the roads to the district (its boundary GeoJSON, else a box around its villages)
plus a margin, simplify them and save GraphML in the district's maps folder. They print the
``roads = …`` line to add to planner.toml rather than editing it: planner.toml is the
coordinator's file, comments and all.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli._common import data_option
from planner.errors import InputError
from planner.io import load_district, sample_dir

if TYPE_CHECKING:  # osmnx is slow to import: only the roads commands pay for it
    from planner.travel.osm import Boundary, ImportReport


def _maps_dir(folder: Path, boundaries_path: str | None) -> Path:
    """The district's maps folder: where its boundaries are, else planner.toml's ``maps``."""
    if boundaries_path:
        return Path(boundaries_path).parent
    try:
        config = tomllib.loads((folder / "planner.toml").read_text(encoding="utf-8"))
        name = config.get("maps", "maps")
    except (OSError, tomllib.TOMLDecodeError):
        name = "maps"
    return (folder / str(name)).resolve()


def _area(data_dir: Path | None, margin_km: float) -> tuple[Boundary, str, Path]:
    from planner.travel.osm import buffer_km, district_boundary

    folder = data_dir if data_dir is not None else sample_dir()
    district, _ = load_district(folder)  # its warnings are `planner validate`'s business
    maps = _maps_dir(folder, district.boundaries_path)
    boundary = district_boundary(maps, district)
    where = f"{boundary.description} plus {margin_km:g} km"
    return buffer_km(boundary.polygon, margin_km), where, maps


def _check_name(name: str) -> None:
    if Path(name).name != name or not name.endswith(".graphml"):
        raise InputError(f"--output {name!r}: give a file name ending in .graphml (no folders)")


def _report(report: ImportReport, where: str, name: str) -> None:
    click.echo(
        f"Kept {report.nodes_kept:,} nodes and {report.edges_kept:,} road edges (of "
        f"{report.nodes_read:,} nodes and {report.edges_read:,} edges read) inside {where}."
    )
    click.echo(f"Wrote {report.path}")
    click.echo("To plan with it, add this line to planner.toml (above the first [table]):")
    click.echo(f'  roads = "{name}"')


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
      planner roads import bengkulu-latest.osm.pbf --data rejang-lebong
      planner roads fetch --data rejang-lebong        # needs internet
    """


@roads.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@data_option
@_MARGIN
@_OUTPUT
def import_command(file: Path, data_dir: Path | None, margin_km: float, output_name: str) -> None:
    """Import an OpenStreetMap file (.osm, .osm.gz, .osm.pbf) or a GraphML road network.

    Works offline. Keeps the roads inside the district plus --margin-km, simplifies them and
    writes maps/roads.graphml.

    \b
    Example:
      planner roads import sumatra-clip.osm.pbf --data rejang-lebong --margin-km 5
    """
    from planner.travel.osm import import_roads

    _check_name(output_name)
    area, where, maps = _area(data_dir, margin_km)
    click.echo(f"Reading {file} …", err=True)
    _report(import_roads(file, area, maps / output_name), where, output_name)


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
    from planner.travel.osm import fetch_into

    _check_name(output_name)
    area, where, maps = _area(data_dir, margin_km)
    click.echo("Downloading roads from OpenStreetMap …", err=True)
    _report(fetch_into(area, maps / output_name), where, output_name)


COMMANDS = [roads]
