"""How a district's places meet its roads, in rows for ``planner validate``."""

from __future__ import annotations

from pathlib import Path

from planner.model import District, Homebound


def _place(district: District, place: str) -> str:
    """A name for a place of ``RoadJoins`` (a resident only by id and village)."""
    if place == "office":
        return district.settings.office_name
    if place.startswith("base:"):
        return f"team {place.removeprefix('base:')}'s base"
    site = district.site_index().get(place)
    if site is None:
        return place
    if isinstance(site, Homebound):
        village = district.village(site.village_code)
        return f"{site.site_id} ({village.name if village else site.village_code})"
    return site.name


def travel_rows(district: District, folder: Path) -> list[tuple[str, str]]:
    """How the district's places meet its roads (README "Travel times"), per vehicle."""
    from planner.travel import district_joins
    from planner.workflow.week import district_travel

    travel = district_travel(folder, district, None)
    settings = district.settings
    rows = [("boat crossings", f"{len(settings.crossings)} declared in planner.toml")]
    if travel.source == "estimate":
        return [("travel times", "straight-line estimate (no roads line in planner.toml)"), *rows]
    rows.insert(0, ("travel times", f"road network {Path(settings.roads or '').name}"))
    for joins in district_joins(district, travel):
        longest = ""
        if joins.longest:
            longest = f" (longest: {_place(district, joins.longest)}, {joins.longest_km:g} km)"
        rows.append(
            (
                f"places by {joins.profile}",
                f"{joins.direct} on the roads (≤ 1 km), {joins.by_leg} by an off-road leg "
                f"over 1 km{longest}, {joins.estimated} estimates only "
                f"(over {settings.road_join_km:g} km from a usable road)",
            )
        )
    return rows
