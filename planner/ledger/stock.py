"""The blank-card stock over the campaign: starting stock + deliveries − printed; a recount
replaces the computed figure.

The starting stock is ``blank_stock`` of ``planner.toml`` as it was when the ledger first kept
it (``Ledger.keep_start_stock``): raising ``blank_stock`` later changes nothing that happened.
Deliveries (``planner stock add``) and recounts (``planner stock set``) are dated; cards printed
are dated by their stop. On one date, deliveries come first, then that day's printing, then a
recount: a recount is the count at the end of its day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.calendar import Week
from planner.ledger.queries import LedgerQueries

RECENT_WEEKS = 4
"""The pace of printing is the average of this many last recorded weeks."""


@dataclass(frozen=True, slots=True)
class StockWeek:
    """The stock over one ISO week: ``end`` = ``start`` + ``delivered`` − ``printed``, unless
    a recount (``counted``, the last of the week) set it."""

    week: str
    start: int
    delivered: int
    printed: int
    counted: int | None
    end: int


@dataclass(frozen=True, slots=True)
class StockReport:
    """The stock over time, now, and how long it lasts at the recent pace."""

    start: int
    """The campaign's starting stock."""
    start_kept: bool
    """True when the ledger keeps the starting stock (else it is planner.toml's)."""
    weeks: tuple[StockWeek, ...]
    now: int
    reserve: int
    pace: float | None
    """Cards printed per week on average over ``pace_weeks`` (None: no recorded week)."""
    pace_weeks: tuple[str, ...]

    @property
    def budget(self) -> int:
        """Cards the teams may still print: the stock minus the office's reserve."""
        return max(0, self.now - self.reserve)

    @property
    def weeks_left(self) -> float | None:
        """Weeks the budget lasts at ``pace`` (None when the pace is unknown or 0)."""
        if not self.pace:
            return None
        return round(self.budget / self.pace, 1)


Event = tuple[dt.date, int, int]
"""(date, order within the day: 0 delivery, 1 printed, 2 recount, cards)."""


def _events(ledger: LedgerQueries, *, before_week: str | None = None) -> list[Event]:
    last_day = None if before_week is None else Week.parse(before_week).monday
    events: list[Event] = []
    for move in ledger.stock_moves():
        if move.kind == "start":
            continue
        if last_day is not None and move.date >= last_day + dt.timedelta(days=7):
            continue
        events.append((move.date, 0 if move.kind == "delivery" else 2, move.cards))
    printed = ledger.printed_by_date(before_week=before_week)
    events += [(date, 1, cards) for date, cards in printed.items()]
    return sorted(events, key=lambda e: (e[0], e[1]))


def _step(stock: int, order: int, cards: int) -> int:
    if order == 0:
        return stock + cards
    if order == 1:
        return stock - cards
    return cards


def starting_stock(ledger: LedgerQueries, blank_stock: int) -> int:
    """The campaign's starting stock: the ledger's, else ``blank_stock`` (planner.toml)."""
    kept = ledger.start_stock()
    return blank_stock if kept is None else kept


def stock_level(ledger: LedgerQueries, blank_stock: int, *, before_week: str | None = None) -> int:
    """The stock now, or for planning ``before_week``: the movements dated up to the end of
    that week and the cards printed in earlier recorded weeks. May be negative when more
    cards were recorded as printed than the ledger knows of."""
    stock = starting_stock(ledger, blank_stock)
    for _, order, cards in _events(ledger, before_week=before_week):
        stock = _step(stock, order, cards)
    return stock


def stock_report(ledger: LedgerQueries, blank_stock: int, reserve: int) -> StockReport:
    """The stock week by week from the first movement or printing, and the recent pace."""
    start = starting_stock(ledger, blank_stock)
    events = _events(ledger)
    weeks: list[StockWeek] = []
    stock = start
    if events:
        week = Week.of(events[0][0])
        last = Week.of(events[-1][0])
        i = 0
        while week <= last:
            begin, delivered, printed, counted = stock, 0, 0, None
            end_day = week.monday + dt.timedelta(days=7)
            while i < len(events) and events[i][0] < end_day:
                _, order, cards = events[i]
                delivered += cards if order == 0 else 0
                printed += cards if order == 1 else 0
                counted = cards if order == 2 else counted
                stock = _step(stock, order, cards)
                i += 1
            weeks.append(StockWeek(week.label, begin, delivered, printed, counted, stock))
            week = Week.of(end_day)
    recent = ledger.recorded_weeks()[-RECENT_WEEKS:]
    totals = ledger.week_totals()
    pace = sum(totals[w][2] for w in recent) / len(recent) if recent else None
    return StockReport(
        start=start,
        start_kept=ledger.start_stock() is not None,
        weeks=tuple(weeks),
        now=stock,
        reserve=reserve,
        pace=pace,
        pace_weeks=tuple(recent),
    )
