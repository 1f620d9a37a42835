"""A travel model for tests that cuts legs: the straight-line estimate, except that some legs
are infinite (as across water without a crossing)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from planner.model import Settings, VehicleProfile
from planner.travel import LatLon, Matrices
from planner.travel.base import Segment
from planner.travel.haversine import StraightLineTravel


class CutTravel:
    """The estimate with the legs of ``pairs`` (from, to) infinite, and every leg to or from
    a point of ``points``."""

    def __init__(
        self,
        settings: Settings,
        *,
        points: Iterable[LatLon] = (),
        pairs: Iterable[tuple[LatLon, LatLon]] = (),
        source: str = "estimate",
    ):
        self.inner = StraightLineTravel(settings)
        self.points = set(points)
        self.pairs = set(pairs)
        self.source = source

    def _cut(self, a: LatLon, b: LatLon) -> bool:
        return a != b and (a in self.points or b in self.points or (a, b) in self.pairs)

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """The estimate's matrices with the cut legs ``inf``."""
        m = self.inner.matrices(points, profile)
        minutes, km = m.minutes.copy(), m.km.copy()
        for i, a in enumerate(points):
            for j, b in enumerate(points):
                if self._cut(a, b):
                    minutes[i, j] = km[i, j] = np.inf
        return Matrices(minutes=minutes, km=km, source=self.source)

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """A straight segment."""
        return [a, b]

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        """One straight, estimated piece."""
        return [Segment("estimate", [a, b])]
