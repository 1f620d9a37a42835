"""Travel times and distances between places, per vehicle profile, behind one interface.

``travel_model(district, roads=...)`` returns a ``TravelModel``: from a road network when the
district (or the caller) names one, else the straight-line estimate. Consumers ask it for
matrices over a list of points and for the geometry of one leg; they never know which it is,
except through ``source`` ("roads" or "estimate"), which outputs must show.
"""

from __future__ import annotations

from pathlib import Path

from planner.model import District
from planner.travel.base import LatLon, Matrices, TravelModel

__all__ = ["LatLon", "Matrices", "TravelModel", "travel_model"]

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
