"""Landmasses: which places share an island, so no land leg ever crosses the sea.

The district's boundary polygons (maps/desa.geojson, else kecamatan or kabupaten) are merged,
closing digitising gaps narrower than ``GAP_M``; each separate part is a landmass. A place
inside a part, or within ``SHORE_KM`` of one (a harbour on the shore, a village point just off
a coarse outline), belongs to it; a place farther from every part is unknown and never cut off.
Without polygons there is one landmass (the road network alone cannot tell a strait from a
gap in the mapping).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from shapely import STRtree, points
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union

GAP_M = 150.0
"""Gaps between polygons narrower than this are digitising slivers, not water."""
SHORE_KM = 2.0
"""A place this close to a landmass belongs to it."""
_DEG_PER_KM = 1.0 / 111.32


class Landmasses:
    """The separate land parts of a district, to label places with."""

    def __init__(self, parts: list[Any]):
        self.parts = parts
        self._tree = STRtree(parts)

    @property
    def count(self) -> int:
        """How many separate landmasses."""
        return len(self.parts)

    def label(self, latlon: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
        """The landmass of each (lat, lon) row: its index, or −1 when unknown."""
        labels = np.full(len(latlon), -1, dtype=np.int64)
        valid = np.flatnonzero(np.all(np.isfinite(latlon), axis=1))
        if not len(valid) or not self.parts:
            return labels
        geoms = points(latlon[valid, 1], latlon[valid, 0])
        near = self._tree.query_nearest(
            geoms, max_distance=SHORE_KM * _DEG_PER_KM, all_matches=False
        )
        # query_nearest gives (input index, tree index) pairs; the first per input is kept
        seen: set[int] = set()
        for k in range(near.shape[1]):
            i, part = int(near[0, k]), int(near[1, k])
            if i not in seen:
                seen.add(i)
                labels[valid[i]] = part
        return labels


def _polygons(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = data.get("features", []) if isinstance(data, dict) else []
        shapes = [shape(f["geometry"]) for f in features if f.get("geometry")]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []  # an unreadable file is `planner validate`'s to report; maps only decorate
    return [s.buffer(0) for s in shapes if isinstance(s, Polygon | MultiPolygon) and not s.is_empty]


@cache
def _landmasses(path: str, mtime_ns: int) -> Landmasses | None:
    polygons = _polygons(Path(path))
    if not polygons:
        return None
    half_gap = GAP_M / 2000.0 * _DEG_PER_KM
    merged = unary_union([p.buffer(half_gap) for p in polygons])
    parts = list(merged.geoms) if isinstance(merged, MultiPolygon) else [merged]
    return Landmasses(parts)


def landmasses(boundaries: str | Path | None) -> Landmasses | None:
    """The landmasses of a district from its boundary GeoJSON (None without usable polygons).

    Kept per file and modification time: plans, checks and maps of one run share them.
    """
    if not boundaries:
        return None
    path = Path(boundaries)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _landmasses(str(path.resolve()), mtime)
