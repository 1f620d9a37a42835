"""A small static map of one team-day, drawn offline for the team packs (reportlab graphics).

The villages' outlines (``maps/desa.geojson``, the same file the web maps use) in light grey
around the day's route, the base as a square, the stops as numbered circles in visiting order
joined by straight lines (a sketch to orient by, not a road map), and a scale bar. No tiles,
no network: the drawing is made from the district folder alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from shapely import clip_by_rect
from shapely.geometry import LineString

from planner.model.geo import distance_km

LatLon = tuple[float, float]
_MARGIN = 0.15


def _rings(geometry: dict[str, Any]) -> Iterable[Sequence[Sequence[float]]]:
    """The outer rings of a (Multi)Polygon, as [lon, lat] lists."""
    polygons = (
        [geometry["coordinates"]]
        if geometry.get("type") == "Polygon"
        else geometry.get("coordinates", [])
    )
    for polygon in polygons:
        if polygon:
            yield polygon[0]


@dataclass(frozen=True, slots=True)
class Outline:
    """A village's outer ring as a (lon, lat) array, with its bounds (lon/lat min, max)."""

    lonlat: npt.NDArray[np.float64]
    bounds: tuple[float, float, float, float]


def outlines(shapes: dict[str, dict[str, Any]]) -> list[Outline]:
    """The outer rings of ``shapes`` (``RenderContext.boundaries``), prepared once for all
    the day maps of a run."""
    found = []
    for geometry in shapes.values():
        for ring in _rings(geometry):
            if len(ring) >= 3:
                lonlat = np.asarray([p[:2] for p in ring], dtype=np.float64)
                low, high = lonlat.min(axis=0), lonlat.max(axis=0)
                found.append(Outline(lonlat, (low[0], low[1], high[0], high[1])))
    return found


def _thinned(points: Sequence[tuple[float, float]], step: float = 1.5) -> list[float]:
    """The points at least ``step`` drawing points apart, flattened: a sketch's outline needs
    no more (and the PDF stays small)."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return [c for point in kept for c in point]


class _Frame:
    """Longitude/latitude to drawing points, equal scale on both axes (at this latitude)."""

    def __init__(self, points: Sequence[LatLon], width: float, height: float):
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        self.kx = math.cos(math.radians(sum(lats) / len(lats)))
        span_x = max((max(lons) - min(lons)) * self.kx, 0.01)
        span_y = max(max(lats) - min(lats), 0.01)
        self.scale = min(width / span_x, height / span_y) / (1 + 2 * _MARGIN)
        self.cx = (max(lons) + min(lons)) / 2
        self.cy = (max(lats) + min(lats)) / 2
        self.width, self.height = width, height

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return (
            self.width / 2 + (lon - self.cx) * self.kx * self.scale,
            self.height / 2 + (lat - self.cy) * self.scale,
        )

    def clipped(self, ring: Outline) -> list[list[float]]:
        """An outline's part inside the drawing, as flat point lists (outlines wholly outside
        are skipped before any point is projected)."""
        lon_lo, lat_lo, lon_hi, lat_hi = ring.bounds
        x_lo, y_lo = self.xy(lat_lo, lon_lo)
        x_hi, y_hi = self.xy(lat_hi, lon_hi)
        if x_hi < 0 or x_lo > self.width or y_hi < 0 or y_lo > self.height:
            return []
        xs = self.width / 2 + (ring.lonlat[:, 0] - self.cx) * self.kx * self.scale
        ys = self.height / 2 + (ring.lonlat[:, 1] - self.cy) * self.scale
        line = LineString(np.column_stack((xs, ys)))
        part = clip_by_rect(line, 0, 0, self.width, self.height)
        lines = getattr(part, "geoms", [part])
        return [_thinned(list(g.coords)) for g in lines if not g.is_empty and len(g.coords) > 1]


def _scale_bar(frame: _Frame, drawing: Drawing) -> None:
    """A bar of a round number of km in the lower left corner."""
    km_per_point = distance_km(
        frame.cy, frame.cx, frame.cy, frame.cx + 1 / (frame.kx * frame.scale)
    )
    target = 0.25 * frame.width * km_per_point
    km = next((k for k in (20, 10, 5, 2, 1, 0.5) if k <= target), 0.2)
    length = km / km_per_point
    y = 6.0
    drawing.add(Line(6, y, 6 + length, y, strokeColor=colors.black, strokeWidth=1.5))
    label = f"{km:g} km"
    drawing.add(String(10 + length, y - 3, label, fontName="Vera", fontSize=8))


def day_map(
    base: LatLon,
    stops: Sequence[LatLon],
    shapes: Sequence[Outline],
    colour: str,
    *,
    width: float,
    height: float,
) -> Drawing:
    """The day's route from ``base`` through ``stops`` and back, over the village outlines
    (``outlines``)."""
    drawing = Drawing(width, height)
    drawing.add(
        Rect(0, 0, width, height, fillColor=colors.HexColor("#f7f7f2"), strokeColor=colors.grey)
    )
    frame = _Frame([base, *stops], width, height)
    outline_ink = colors.HexColor("#c8c8c0")
    for ring in shapes:
        for points in frame.clipped(ring):
            drawing.add(PolyLine(points, strokeColor=outline_ink, strokeWidth=0.4))
    line = [c for p in (base, *stops, base) for c in frame.xy(*p)]
    ink = colors.HexColor(colour)
    drawing.add(PolyLine(line, strokeColor=ink, strokeWidth=1.6))
    bx, by = frame.xy(*base)
    drawing.add(Rect(bx - 4, by - 4, 8, 8, fillColor=colors.black, strokeColor=colors.white))
    for number, point in enumerate(stops, start=1):
        x, y = frame.xy(*point)
        drawing.add(Circle(x, y, 7, fillColor=ink, strokeColor=colors.white, strokeWidth=1))
        drawing.add(
            String(
                x,
                y - 3,
                str(number),
                fontName="VeraBd",
                fontSize=8,
                fillColor=colors.white,
                textAnchor="middle",
            )
        )
    _scale_bar(frame, drawing)
    drawing.add(Rect(0, 0, width, height, fillColor=None, strokeColor=colors.grey))
    return drawing
