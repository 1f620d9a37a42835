"""Travel times and distances between places, per vehicle profile, behind one interface.

``travel_model(district, roads=...)`` returns a ``TravelModel``: from a road network when the
district (or the caller) names one, else the straight-line estimate. Consumers ask it for
matrices over a list of points and for the geometry of one leg; they never know which it is,
except through ``source`` ("roads" or "estimate"), which outputs must show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from planner.model import District, VehicleProfile

LatLon = tuple[float, float]


@dataclass(frozen=True, eq=False)
class Matrices:
    """Travel ``minutes`` and ``km`` between every pair of points (row = from, column = to).

    ``inf`` marks a pair with no route (road networks only).
    """

    minutes: npt.NDArray[np.float64]
    km: npt.NDArray[np.float64]
    source: str


class TravelModel(Protocol):
    """What the planner needs from a travel layer."""

    source: str

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Minutes and km between all ``points`` for ``profile``."""
        ...

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The coordinates a vehicle follows from ``a`` to ``b`` (for maps)."""
        ...


def travel_model(
    district: District,
    roads: Path | None = None,
    cache_dir: Path | None = None,
) -> TravelModel:
    """The travel model for ``district``: its road network if one is given, else the estimate.

    ``roads`` overrides the district's ``roads`` setting; ``cache_dir`` keeps matrices on disk.
    """
    from planner.travel.haversine import StraightLineTravel

    if roads is None and district.settings.roads:
        roads = Path(district.settings.roads)
    if roads is not None:
        from planner.travel.roads import RoadTravel

        return RoadTravel.from_file(roads, district, cache_dir=cache_dir)
    return StraightLineTravel(district.settings)
