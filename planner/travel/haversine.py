"""The honest fallback: great-circle distance × detour factor ÷ profile speed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from planner.model import Settings, VehicleProfile
from planner.model.geo import great_circle_km
from planner.travel.base import LatLon, Matrices, Segment


def pairwise_km(points: Sequence[LatLon]) -> npt.NDArray[np.float64]:
    """Pairwise great-circle distances in km between ``points``."""
    if not points:
        return np.zeros((0, 0))
    lat = np.array([p[0] for p in points], dtype=np.float64)
    lon = np.array([p[1] for p in points], dtype=np.float64)
    return great_circle_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])


class StraightLineTravel:
    """Travel estimated from straight lines: ``source == "estimate"``, outputs must say so."""

    source = "estimate"

    def __init__(self, settings: Settings):
        self.detour_factor = settings.detour_factor
        self.speed_kmh = dict(settings.speed_kmh)

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Road km ≈ great-circle km × detour factor; minutes = km ÷ the profile's speed."""
        km = pairwise_km(points) * self.detour_factor
        minutes = km / self.speed_kmh[profile] * 60.0
        return Matrices(minutes=minutes, km=km, source=self.source)

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """A straight segment."""
        return [a, b]

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        """One straight, estimated piece."""
        return [Segment("estimate", [a, b])]
