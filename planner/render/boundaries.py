"""Village boundaries (a desa GeoJSON keyed by ``kode``) for the maps.

Boundaries only decorate maps, so a missing or unreadable file gives an empty result (the maps
fall back to circles) instead of stopping the outputs; ``planner validate`` is where a broken
file is reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_CODE_KEYS = ("kode", "code", "kode_desa")
_POLYGONS = ("Polygon", "MultiPolygon")


def load_boundaries(path: str | Path | None) -> dict[str, dict[str, Any]]:
    """Geometries by village code from a GeoJSON FeatureCollection ({} when unavailable).

    The code is read from the property ``kode`` (or ``code``/``kode_desa``); features without a
    code or without a (Multi)Polygon geometry are skipped.
    """
    if not path:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        return {}
    shapes: dict[str, dict[str, Any]] = {}
    for feature in features:
        if not isinstance(feature, dict):
            continue
        props = feature.get("properties")
        geometry = feature.get("geometry")
        if not isinstance(props, dict) or not isinstance(geometry, dict):
            continue
        code = next((str(props[k]) for k in _CODE_KEYS if props.get(k)), None)
        if code and geometry.get("type") in _POLYGONS and geometry.get("coordinates"):
            shapes[code] = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
    return shapes


def feature_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of ``features``."""
    return {"type": "FeatureCollection", "features": features}


def feature(geometry: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature."""
    return {"type": "Feature", "properties": properties, "geometry": geometry}
