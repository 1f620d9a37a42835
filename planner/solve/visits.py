"""One visit per site and team-day: chunks of a site split by another stop become one stop.

A site is split into chunks (routing nodes), and the search may route a team-day A → B → A:
two chunks of one village with another stop between. On paper that is a team leaving a village
and coming back the same day, with two rows for one stop in the tally, which the coordinator
cannot record. ``merge_site_returns`` runs after the search and the printer choice, before the
exact re-timing: it moves the later chunks into the earlier visit (or the earlier ones into
the later visit) whenever the route still fits every window and the team's hours with the
exact SPEC rule-4 durations. Only when neither fits, because the site's windows force two
visits (a village head there 08:00–10:00 and again 13:00–15:00, another stop between), does
the route keep both: then the schedule says why.
"""

from __future__ import annotations

from planner.model import District
from planner.solve.build import TeamDay, WeekModel
from planner.solve.timing import DraftStop, route_fits


def merge_site_returns(
    district: District, model: WeekModel, drafts: list[list[DraftStop]]
) -> list[list[DraftStop]]:
    """``drafts`` with each team-day's repeated visits of a site merged where the route fits;
    people and cards of every site and route are unchanged."""
    return [
        _merge_route(district, model, td, stops)
        for td, stops in zip(model.team_days, drafts, strict=True)
    ]


def _merge_route(
    district: District, model: WeekModel, td: TeamDay, stops: list[DraftStop]
) -> list[DraftStop]:
    """One route's stops with its returns to a site merged, first pair first, until none is
    left that can be merged."""
    refused: set[tuple[str, int, int]] = set()
    while True:
        pair = _next_return(stops, refused)
        if pair is None:
            return stops
        first, later = pair
        for keep, drop in ((first, later), (later, first)):
            merged = _merged(stops, keep, drop)
            if route_fits(district, model, td, merged):
                stops = merged
                refused.clear()  # the route changed: a refused pair may fit now
                break
        else:
            refused.add((stops[first].site, first, later))


def _next_return(
    stops: list[DraftStop], refused: set[tuple[str, int, int]]
) -> tuple[int, int] | None:
    """The first two free (not kept) stops of one site on the route, unless already refused."""
    for i, stop in enumerate(stops):
        if stop.locked is not None:
            continue
        for j in range(i + 1, len(stops)):
            other = stops[j]
            if (
                other.site == stop.site
                and other.locked is None
                and (stop.site, i, j) not in refused
            ):
                return i, j
    return None


def _merged(stops: list[DraftStop], keep: int, drop: int) -> list[DraftStop]:
    """New stops: ``stops[drop]``'s chunks and cards moved into ``stops[keep]``, then stops of
    one site that have become neighbours joined (a visit with one setup)."""
    copies = [DraftStop(s.site, s.kind, s.point, list(s.chunks), s.cards, s.locked) for s in stops]
    target, gone = copies[keep], copies[drop]
    target.chunks.extend(gone.chunks)
    target.cards += gone.cards
    del copies[drop]
    joined: list[DraftStop] = []
    for stop in copies:
        last = joined[-1] if joined else None
        if last and last.site == stop.site and last.locked is None and stop.locked is None:
            last.chunks.extend(stop.chunks)
            last.cards += stop.cards
        else:
            joined.append(stop)
    return joined
