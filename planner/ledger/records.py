"""The ledger's values: a stop's result, what a recording did, a snapshot, a stock move.

Plain frozen data, shared by the store, the district updates and the status report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from planner.calendar import Week
from planner.model import SiteKind


def stop_key(team: str, date: dt.date | str, site: str) -> str:
    """The identity of a planned stop in a tally: team + date + site."""
    day = date.isoformat() if isinstance(date, dt.date) else date
    return f"{team}|{day}|{site}"


def weeks_between(earlier: str, later: str) -> int:
    """Whole ISO weeks from week label ``earlier`` to ``later`` (negative when reversed)."""
    return (Week.parse(later).monday - Week.parse(earlier).monday).days // 7


@dataclass(frozen=True, slots=True)
class StopResult:
    """What the team actually did at one planned stop (only visited stops have a result)."""

    team: str
    date: dt.date
    site: str
    recorded: int
    printed: int

    def __post_init__(self) -> None:
        if not 0 <= self.printed <= self.recorded:
            raise ValueError(f"{self.site}: printed must lie in 0..recorded")

    @property
    def key(self) -> str:
        """The stop's identity in the plan (team + date + site)."""
        return stop_key(self.team, self.date, self.site)


def merge_results(results: Iterable[StopResult]) -> tuple[StopResult, ...]:
    """One result per stop key (team + date + site), in first-seen order: a team-day that
    visited a site twice (its windows forced two visits) has one result, the sum of both."""
    merged: dict[str, StopResult] = {}
    for result in results:
        earlier = merged.get(result.key)
        if earlier is not None:
            result = replace(
                earlier,
                recorded=earlier.recorded + result.recorded,
                printed=earlier.printed + result.printed,
            )
        merged[result.key] = result
    return tuple(merged.values())


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """What ``Ledger.record`` did, for the CLI to report."""

    week: str
    plan_version: int
    changed: bool
    replaced: bool
    stops_visited: int
    people: int
    cards: int
    previous_people: int | None
    previous_cards: int | None
    stock_left: int
    """Blank cards left (``planner.ledger.stock``); negative means more cards were recorded
    as printed than the ledger knows of (an unrecorded delivery)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One site's backlog at the end of a recorded week."""

    week: str
    site: str
    kind: SiteKind
    village: str
    kecamatan: str
    obliged: int | None
    backlog: int


STOCK_KINDS = ("start", "delivery", "recount")
"""Blank-card movements the ledger stores: the campaign's starting stock (once), a delivery
(cards added), a recount (the stock counted: it replaces what the ledger computed)."""


@dataclass(frozen=True, slots=True)
class StockMove:
    """A stored blank-card movement (cards printed come from the results, not from here)."""

    date: dt.date
    kind: str
    cards: int
    note: str

    def __post_init__(self) -> None:
        if self.kind not in STOCK_KINDS or self.cards < 0:
            raise ValueError(f"bad stock move {self.kind} {self.cards}")
