"""The honest fallback: great-circle distance × detour factor ÷ profile speed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from planner.model import Settings, VehicleProfile
from planner.travel import LatLon, Matrices

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(points: Sequence[LatLon]) -> npt.NDArray[np.float64]:
    """Pairwise great-circle distances in km (haversine), vectorised."""
    if not points:
        return np.zeros((0, 0))
    lat = np.radians(np.array([p[0] for p in points], dtype=np.float64))
    lon = np.radians(np.array([p[1] for p in points], dtype=np.float64))
    dlat = lat[:, None] - lat[None, :]
    dlon = lon[:, None] - lon[None, :]
    h = np.sin(dlat / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlon / 2) ** 2
    result: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    return result


class StraightLineTravel:
    """Travel estimated from straight lines: ``source == "estimate"``, outputs must say so."""

    source = "estimate"

    def __init__(self, settings: Settings):
        self.detour_factor = settings.detour_factor
        self.speed_kmh = dict(settings.speed_kmh)

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Road km ≈ great-circle km × detour factor; minutes = km ÷ the profile's speed."""
        km = great_circle_km(points) * self.detour_factor
        minutes = km / self.speed_kmh[profile] * 60.0
        return Matrices(minutes=minutes, km=km, source=self.source)

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """A straight segment."""
        return [a, b]
