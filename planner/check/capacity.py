"""Rules 5 and 6: people per site over the week, printers per date, blank cards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from planner.check.common import Violation, at
from planner.model import District, LimitBasis, Plan, Route, Settings, Site, SiteKind

# --------------------------------------------------------------------------------------------
# Rule 5: people at a site over the week never exceed its backlog (or pre-registered count)


def rule5_site_caps(plan: Plan, sites: Mapping[str, Site]) -> list[Violation]:
    """Rule 5: people at a site over the week stay within its people limit."""
    people: dict[str, int] = {}
    for route in plan.routes:
        for stop in route.stops:
            people[stop.site] = people.get(stop.site, 0) + stop.people
    found = []
    for site_id, total in people.items():
        site = sites.get(site_id)
        if site is None:
            continue  # rule 1 reports it
        cap, what = site.people_limit, _LIMIT_WORDS[site.limit_basis]
        if total > cap:
            found.append(
                Violation(
                    5,
                    None,
                    None,
                    site_id,
                    f"{total} people planned over the week, more than the {what} {cap}",
                )
            )
    return found


_LIMIT_WORDS: Mapping[LimitBasis, str] = {
    "preregistered": "pre-registered count",
    "backlog": "backlog",
    "students": "unrecorded students",
    "resident": "one resident",
}
"""What a site's people limit is, in rule 5's messages."""


# --------------------------------------------------------------------------------------------
# Rule 6: printers per date, blank cards per week, cards per stop


def rule6_printers_and_cards(
    plan: Plan, district: District, sites: Mapping[str, Site]
) -> list[Violation]:
    """Cards per stop and route, printers per date, the week's blank budget, cards per site."""
    settings = district.settings
    found = []
    for route in plan.routes:
        found += _route_cards(route)
    found += _printers_per_date(plan, settings)
    found += _blank_budget(plan, settings)
    found += _site_card_limits(plan, sites)
    return found


def _route_cards(route: Route) -> list[Violation]:
    """No stop prints more cards than people or without a printer; blanks cover the cards."""
    found = []
    for stop in route.stops:
        if stop.cards > stop.people:
            found.append(
                at(
                    6,
                    route,
                    f"{stop.site} prints {stop.cards} cards for {stop.people} people",
                    stop.site,
                )
            )
        if stop.cards > 0 and not route.printer:
            found.append(
                at(
                    6,
                    route,
                    f"{stop.site} prints {stop.cards} cards, but the route carries no printer",
                    stop.site,
                )
            )
    if route.blanks > 0 and not route.printer:
        found.append(at(6, route, f"carries {route.blanks} blanks but no printer", None))
    cards = sum(s.cards for s in route.stops)
    if route.blanks < cards:
        found.append(at(6, route, f"carries {route.blanks} blanks but prints {cards} cards", None))
    return found


def _printers_per_date(plan: Plan, settings: Settings) -> list[Violation]:
    """Routes carrying a printer on one date never outnumber the district's printers."""
    found = []
    printers_by_date: dict[dt.date, list[str]] = {}
    for route in plan.routes:
        if route.printer:
            printers_by_date.setdefault(route.date, []).append(route.team)
    for date in sorted(printers_by_date):
        holders = printers_by_date[date]
        if len(holders) > settings.printers:
            found.append(
                Violation(
                    6,
                    None,
                    date,
                    None,
                    f"{len(holders)} routes carry a printer ({', '.join(holders)}), but the "
                    f"district owns {settings.printers}",
                )
            )
    return found


def _blank_budget(plan: Plan, settings: Settings) -> list[Violation]:
    """The week's cards stay within blank_stock − blank_reserve."""
    found = []
    week_cards = sum(s.cards for _, s in plan.stops())
    if week_cards > settings.blank_budget:
        found.append(
            Violation(
                6,
                None,
                None,
                None,
                f"{week_cards} cards printed over the week, more than the blank budget "
                f"{settings.blank_budget} (blank_stock {settings.blank_stock} − blank_reserve "
                f"{settings.blank_reserve})",
            )
        )
    return found


def _site_card_limits(plan: Plan, sites: Mapping[str, Site]) -> list[Violation]:
    """A school prints at most its printable students, a homebound resident one card."""
    found = []
    cards_by_site: dict[str, int] = {}
    for _, stop in plan.stops():
        cards_by_site[stop.site] = cards_by_site.get(stop.site, 0) + stop.cards
    for site_id, site_cards in cards_by_site.items():
        site = sites.get(site_id)
        limit = site.card_limit if site is not None else None
        if site is None or limit is None or site_cards <= limit:
            continue
        if site.site_kind is SiteKind.HOMEBOUND:
            message = f"{site_cards} cards printed for one resident"
        else:
            message = (
                f"{site_cards} cards printed over the week, more than the "
                f"{limit} students old enough for a card (printable)"
            )
        found.append(Violation(6, None, None, site_id, message))
    return found
