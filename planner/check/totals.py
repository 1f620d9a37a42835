"""Rule 7 (the checkable part): totals add up, unserved sites are real and not visited."""

from __future__ import annotations

from collections.abc import Mapping

from planner.check.common import EPSILON, Violation
from planner.model import District, Plan, Site

TOTAL_DISTANCE_TOLERANCE_KM = 0.1
TOTAL_WEIGHTED_TOLERANCE = 0.01


def rule7_totals(plan: Plan, district: District, sites: Mapping[str, Site]) -> list[Violation]:
    """Rule 7: the plan's totals equal its routes'; unserved sites exist and have no stop."""
    weights = district.settings.weights
    people = 0
    cards = 0
    distance_km = 0.0
    weighted = 0.0
    for route in plan.routes:
        distance_km += route.distance_km
        for stop in route.stops:
            people += stop.people
            cards += stop.cards
            weighted += weights[stop.kind] * stop.people
    totals = plan.totals

    def violation(message: str, site: str | None = None) -> Violation:
        return Violation(7, None, None, site, message)

    found = []
    if totals.people != people:
        found.append(violation(f"totals.people is {totals.people}, the routes add up to {people}"))
    if totals.cards != cards:
        found.append(violation(f"totals.cards is {totals.cards}, the routes add up to {cards}"))
    if abs(totals.distance_km - distance_km) > TOTAL_DISTANCE_TOLERANCE_KM + EPSILON:
        found.append(
            violation(
                f"totals.distance_km is {totals.distance_km:.1f}, the routes add up to "
                f"{distance_km:.1f}"
            )
        )
    if abs(totals.weighted_people - weighted) > TOTAL_WEIGHTED_TOLERANCE + EPSILON:
        found.append(
            violation(
                f"totals.weighted_people is {totals.weighted_people:.2f}, the routes add up to "
                f"{weighted:.2f}"
            )
        )
    visited = {stop.site for _, stop in plan.stops()}
    for unserved in plan.unserved:
        if unserved.site not in sites:
            found.append(
                violation(f"unserved {unserved.site} is not a site of this district", unserved.site)
            )
        elif unserved.site in visited:
            found.append(
                violation(f"unserved {unserved.site} has a stop in the plan", unserved.site)
            )
    return found
