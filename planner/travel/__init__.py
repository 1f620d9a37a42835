"""Travel times and distances between places, per vehicle profile, behind one interface.

``travel_model(district, roads=...)`` returns a ``TravelModel`` (``mixed.MixedTravel``): road
times where the district's road network reaches, the straight-line estimate where it does not,
no land leg between islands and boats where the district declares them. Consumers ask it for
matrices over a list of points and for the geometry of one leg; each ``Matrices`` says which
pairs were estimated, and ``source`` ("roads", "mixed" or "estimate") is shown in outputs.
"""

from __future__ import annotations

from pathlib import Path

from planner.model import District, RoadJoins
from planner.travel.base import LatLon, Matrices, TravelModel

__all__ = ["LatLon", "Matrices", "TravelModel", "district_joins", "travel_model"]


def travel_model(
    district: District,
    roads: Path | None = None,
    cache_dir: Path | None = None,
) -> TravelModel:
    """The travel model for ``district``: its roads (if any), landmasses and crossings.

    ``roads`` overrides the district's ``roads`` setting; ``cache_dir`` keeps matrices on disk.
    """
    from planner.travel.landmass import landmasses
    from planner.travel.mixed import MixedTravel

    settings = district.settings
    if roads is None and settings.roads:
        roads = Path(settings.roads)
    network = None
    crossings = list(settings.crossings)
    if roads is not None:
        from planner.travel.roads import RoadTravel

        network = RoadTravel.from_file(roads, district, cache_dir=cache_dir)
        crossings += network.ferry_crossings()
    return MixedTravel(settings, network, landmasses(district.boundaries_path), crossings)


def district_joins(district: District, travel: TravelModel) -> tuple[RoadJoins, ...]:
    """How the office, the team bases and every site meet the roads, per vehicle profile the
    teams use (empty without a road network). Places are named by id: ``office``,
    ``base:T1``, site ids (never a resident's name)."""
    from planner.travel.mixed import MixedTravel

    if not isinstance(travel, MixedTravel) or travel.roads is None:
        return ()
    s = district.settings
    points: list[LatLon] = [(s.office_lat, s.office_lon)]
    labels = ["office"]
    for team in district.teams:
        if (team.base_lat, team.base_lon) not in points:
            points.append((team.base_lat, team.base_lon))
            labels.append(f"base:{team.id}")
    for site in district.sites():
        points.append((site.lat, site.lon))
        labels.append(site.site_id)
    joins = []
    for profile in sorted({team.vehicle for team in district.teams}):
        report = travel.joins(points, labels, profile)
        longest, km = report.longest if report.longest else (None, None)
        joins.append(
            RoadJoins(
                str(profile),
                report.places,
                report.direct,
                report.by_leg,
                report.estimated,
                longest,
                km,
            )
        )
    return tuple(joins)
