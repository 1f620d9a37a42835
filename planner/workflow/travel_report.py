"""How a district's places meet its roads, in rows for ``planner validate``."""

from __future__ import annotations

from pathlib import Path

from planner.model import District
from planner.render._common import join_place_name


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
            place = join_place_name(district, joins.longest, "en")
            longest = f" (longest: {place}, {joins.longest_km:g} km)"
        rows.append(
            (
                f"places by {joins.profile}",
                f"{joins.direct} on the roads (≤ 1 km), {joins.by_leg} by an off-road leg "
                f"over 1 km{longest}, {joins.estimated} estimates only "
                f"(over {settings.road_join_km:g} km from a usable road)",
            )
        )
    return rows
