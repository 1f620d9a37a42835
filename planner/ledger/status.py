"""Campaign status: coverage by kecamatan, the backlog week by week, cards, who waits longest.

What ``planner status`` shows, computed from the district tables (the campaign's start) and
the ledger. Coverage is the office's figure: recorded / obliged = 1 − backlog / obliged over
the villages (e.g. 94.51 %). With an empty ledger everything still works and shows the tables.

Personal data: homebound residents appear by site id, category and village only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from planner.ledger.apply import apply_ledger, group_by_week
from planner.ledger.records import weeks_between
from planner.ledger.store import Ledger
from planner.model import District, SiteKind
from planner.model import coverage as coverage_share

START = "start"
"""The trend's first row: the district tables before any recorded week."""


@dataclass(frozen=True, slots=True)
class Coverage:
    """Recording coverage of a kecamatan (``level`` "kecamatan") or the whole district."""

    level: str
    name: str
    villages: int
    obliged: int
    backlog_start: int
    backlog: int
    recorded: int
    """People recorded at village visits during the campaign (from the ledger)."""

    @property
    def coverage_start_pct(self) -> float | None:
        """Coverage before the campaign, in percent (None without obliged residents)."""
        return _pct(self.backlog_start, self.obliged)

    @property
    def coverage_pct(self) -> float | None:
        """Coverage now, in percent: 100 × (1 − backlog / obliged), 2 decimals."""
        return _pct(self.backlog, self.obliged)


def _pct(backlog: int, obliged: int) -> float | None:
    share = coverage_share(obliged, backlog)
    return None if share is None else round(100.0 * share, 2)


@dataclass(frozen=True, slots=True)
class TrendWeek:
    """The backlog at the end of a recorded week (``week`` "start": the tables)."""

    week: str
    village_backlog: int
    school_students: int
    homebound_left: int
    stops_visited: int
    recorded: int
    printed: int
    stock: int


@dataclass(frozen=True, slots=True)
class Cards:
    """Blank cards: the stock in planner.toml, what was printed, refills, what is left."""

    stock_start: int
    printed: int
    refilled: int
    stock_left: int
    reserve: int

    @property
    def budget(self) -> int:
        """Cards the teams may still print (stock left minus the office's reserve)."""
        return max(0, self.stock_left - self.reserve)


@dataclass(frozen=True, slots=True)
class Waiting:
    """A site with backlog not visited in the last N weeks (``last_visit`` None: never)."""

    site: str
    kind: str
    village: str
    kecamatan: str
    backlog: int
    last_visit: str | None
    weeks_waiting: int | None


@dataclass(frozen=True, slots=True)
class Status:
    """Everything ``planner status`` reports."""

    district: str
    as_of: str
    weeks: int
    plan_weeks: tuple[str, ...]
    recorded_weeks: tuple[str, ...]
    coverage: tuple[Coverage, ...]
    total: Coverage
    trend: tuple[TrendWeek, ...]
    cards: Cards
    waiting: tuple[Waiting, ...]


def campaign_status(district: District, ledger: Ledger, *, as_of: str, weeks: int = 4) -> Status:
    """The campaign's status; ``as_of`` (a week label) ends the ``weeks``-week visit window.

    ``district`` is the tables as loaded (the campaign's start), not yet ``apply_ledger``-ed.
    """
    state = apply_ledger(district, ledger)
    coverage, total = _coverage(district, state, ledger.totals_by_site())
    cards = _cards(district, ledger)
    return Status(
        district=district.settings.name,
        as_of=as_of,
        weeks=weeks,
        plan_weeks=tuple(ledger.plan_weeks()),
        recorded_weeks=tuple(ledger.recorded_weeks()),
        coverage=coverage,
        total=total,
        trend=_trend(district, ledger),
        cards=cards,
        waiting=_waiting(district, state, ledger, as_of, weeks),
    )


COUNTS = ("villages", "obliged", "backlog_start", "backlog", "recorded")
"""The counted columns of ``Coverage``, in its field order."""


def _coverage(
    district: District, state: District, done: Mapping[str, tuple[int, int]]
) -> tuple[tuple[Coverage, ...], Coverage]:
    """Coverage per kecamatan (by name) and of the district: one row per village, summed."""
    now = {v.code: v.backlog for v in state.villages}
    villages = district.villages
    frame = pd.DataFrame(
        {
            "kecamatan": [v.district for v in villages],
            "villages": [1] * len(villages),
            "obliged": [v.obliged for v in villages],
            "backlog_start": [v.backlog for v in villages],
            "backlog": [now[v.code] for v in villages],
            "recorded": [done.get(v.site_id, (0, 0))[0] for v in villages],
        },
        columns=["kecamatan", *COUNTS],
    )
    sums = frame.groupby("kecamatan", sort=True)[list(COUNTS)].sum()
    coverage = tuple(
        Coverage("kecamatan", str(name), *(int(row[c]) for c in COUNTS))
        for name, row in sums.iterrows()
    )
    total = Coverage("district", district.settings.name, *(int(frame[c].sum()) for c in COUNTS))
    return coverage, total


def _cards(district: District, ledger: Ledger) -> Cards:
    moves = ledger.stock_moves()
    start = district.settings.blank_stock
    printed = -sum(m.cards for m in moves if m.kind == "printed")
    refilled = sum(m.cards for m in moves if m.kind != "printed")
    return Cards(
        stock_start=start,
        printed=printed,
        refilled=refilled,
        stock_left=max(0, start - printed + refilled),
        reserve=district.settings.blank_reserve,
    )


def _trend(district: District, ledger: Ledger) -> tuple[TrendWeek, ...]:
    stock = district.settings.blank_stock
    rows = [
        TrendWeek(
            week=START,
            village_backlog=sum(v.backlog for v in district.villages),
            school_students=sum(s.students for s in district.schools),
            homebound_left=len(district.homebound),
            stops_visited=0,
            recorded=0,
            printed=0,
            stock=stock,
        )
    ]
    backlog = group_by_week(ledger.snapshots())
    moves = ledger.stock_moves()
    for week, (visited, recorded, printed) in sorted(ledger.week_totals().items()):
        kinds = backlog.get(week, dict.fromkeys(SiteKind, 0))
        left = stock + sum(m.cards for m in moves if m.week <= week)
        rows.append(
            TrendWeek(
                week=week,
                village_backlog=kinds[SiteKind.VILLAGE],
                school_students=kinds[SiteKind.SCHOOL],
                homebound_left=kinds[SiteKind.HOMEBOUND],
                stops_visited=visited,
                recorded=recorded,
                printed=printed,
                stock=max(0, left),
            )
        )
    return tuple(rows)


def _waiting(
    district: District, state: District, ledger: Ledger, as_of: str, weeks: int
) -> tuple[Waiting, ...]:
    last: dict[str, str] = {}
    for week, result in ledger.results():
        if week <= as_of and week > last.get(result.site, ""):
            last[result.site] = week
    kecamatan = {v.code: v.district for v in district.villages}
    open_sites: list[tuple[str, str, str, int]] = [
        (v.site_id, "village", v.code, v.backlog) for v in state.villages if v.backlog > 0
    ]
    open_sites += [
        (s.site_id, "school", s.village_code, s.students) for s in state.schools if s.students > 0
    ]
    # Category, not the resident: status output never names a person.
    open_sites += [
        (h.site_id, f"homebound ({h.category})", h.village_code, 1) for h in state.homebound
    ]
    waiting = []
    for site, kind, village, backlog in open_sites:
        seen = last.get(site)
        waited = None if seen is None else weeks_between(seen, as_of)
        if waited is None or waited >= weeks:
            waiting.append(
                Waiting(site, kind, village, kecamatan.get(village, ""), backlog, seen, waited)
            )
    order = {"village": 0, "school": 1}
    # Longest wait first, then the biggest backlog: the order a coordinator would act in.
    waiting.sort(
        key=lambda w: (
            -(math.inf if w.weeks_waiting is None else w.weeks_waiting),
            order.get(w.kind, 2),
            -w.backlog,
            w.site,
        )
    )
    return tuple(waiting)
