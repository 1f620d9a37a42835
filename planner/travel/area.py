"""The area to keep roads of: the district's outline (from its maps) grown by a margin.

``planner roads import``/``fetch`` clip the roads to it; ``road_area`` reads the district folder
and answers with the polygon, a description for the message and the maps folder to write to.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

import osmnx as ox
from shapely.geometry import MultiPolygon, Polygon, box, shape
from shapely.ops import unary_union

from planner.io import load_district
from planner.model import District
from planner.travel.osm import road_error

Boundary: TypeAlias = Any
"""A shapely Polygon or MultiPolygon (mypy sees shapely as untyped)."""


@dataclass(frozen=True, slots=True)
class BoundarySource:
    """The district outline used to clip roads, and where it came from (for the message)."""

    polygon: Boundary
    description: str


def geojson_union(path: Path) -> Boundary | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data.get("features", [data]) if isinstance(data, dict) else []
        shapes = [shape(f["geometry"]) for f in features if f.get("geometry")]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise road_error(path, f"cannot read the boundary GeoJSON ({exc})") from exc
    polygons = [s for s in shapes if isinstance(s, Polygon | MultiPolygon) and not s.is_empty]
    if not polygons:
        return None
    merged: Boundary = unary_union([p.buffer(0) for p in polygons])
    return merged


def district_boundary(maps_dir: Path, district: District) -> BoundarySource:
    """The district's outline: maps/kabupaten.geojson, else the union of maps/desa.geojson,
    else a box around the villages and the office."""
    for name in ("kabupaten.geojson", "desa.geojson"):
        path = maps_dir / name
        if path.is_file():
            polygon = geojson_union(path)
            if polygon is not None:
                return BoundarySource(polygon, f"the boundary in {path}")
    lats = [v.lat for v in district.villages] + [district.settings.office_lat]
    lons = [v.lon for v in district.villages] + [district.settings.office_lon]
    return BoundarySource(
        box(min(lons), min(lats), max(lons), max(lats)), "a box around the villages"
    )


def buffer_km(polygon: Boundary, margin_km: float) -> Boundary:
    """``polygon`` grown by ``margin_km`` (in a local UTM projection, so kilometres are true)."""
    if margin_km <= 0:
        return polygon
    projected, crs = ox.projection.project_geometry(polygon)
    grown, _ = ox.projection.project_geometry(
        projected.buffer(margin_km * 1000.0), crs=crs, to_latlong=True
    )
    assert isinstance(grown, Polygon | MultiPolygon)
    return grown


def maps_dir(folder: Path, boundaries_path: str | None) -> Path:
    """The district's maps folder: where its boundaries are, else planner.toml's ``maps``."""
    if boundaries_path:
        return Path(boundaries_path).parent
    try:
        config = tomllib.loads((folder / "planner.toml").read_text(encoding="utf-8"))
        name = config.get("maps", "maps")
    except (OSError, tomllib.TOMLDecodeError):
        name = "maps"
    return (folder / str(name)).resolve()


@dataclass(frozen=True, slots=True)
class RoadArea:
    """Where to keep roads (``polygon``), in words (``where``), and the maps folder (``maps``)."""

    polygon: Boundary
    where: str
    maps: Path


def road_area(folder: Path, margin_km: float) -> RoadArea:
    """The district in ``folder``'s outline plus ``margin_km``, for importing its roads."""
    district, _ = load_district(folder)  # its warnings are `planner validate`'s business
    maps = maps_dir(folder, district.boundaries_path)
    boundary = district_boundary(maps, district)
    where = f"{boundary.description} plus {margin_km:g} km"
    return RoadArea(buffer_km(boundary.polygon, margin_km), where, maps)
