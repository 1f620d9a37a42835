"""Campaign status: coverage by kecamatan and village, the weeks, the blank stock over time and
the sites waiting longest.

What ``planner status`` shows, computed from the district tables (the campaign's start) and
the ledger. Coverage is ``planner.coverage``'s, the same figures as ``summary.txt`` and
``coverage.html``: recorded ÷ obliged over the villages, school students and homebound
residents counting toward their village. "Recorded" is what the ledger's recorded weeks did;
"planned" is what the next plan not yet recorded would add. With an empty ledger everything
still works and shows the tables.

Personal data: homebound residents appear by site id, category and village only.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from planner.calendar import Week
from planner.clock import today as clock_today
from planner.coverage import CoverageReport, coverage_report, planned_people
from planner.errors import Problem
from planner.ledger.apply import apply_done, group_by_week
from planner.ledger.queries import LedgerQueries
from planner.ledger.records import weeks_between
from planner.ledger.schema import ledger_path
from planner.ledger.stock import StockReport, stock_report
from planner.ledger.store import Ledger
from planner.model import District, SiteKind

START = "start"
"""The weeks table's first row: the district tables before any recorded week."""


@dataclass(frozen=True, slots=True)
class TrendWeek:
    """The backlog at the end of a recorded week (``week`` "start": the tables).

    ``backlog`` is the villages' backlog, which includes the students and homebound
    residents not yet recorded (shown on their own too)."""

    week: str
    backlog: int
    students: int
    homebound: int
    stops_visited: int
    recorded: int
    printed: int


@dataclass(frozen=True, slots=True)
class Waiting:
    """A site with backlog not visited in the last N weeks (``last_visit`` None: never)."""

    site: str
    kind: str
    category: str
    """A homebound resident's category (``elderly``…), else ''."""
    name: str
    """The site's public name: the village's or school's; '' for a homebound resident."""
    village: str
    village_name: str
    kecamatan: str
    backlog: int
    last_visit: str | None
    weeks_waiting: int | None


@dataclass(frozen=True, slots=True)
class Status:
    """Everything ``planner status`` reports."""

    district: str
    as_of: str | None
    """The last recorded week (None: none is recorded yet)."""
    window_end: str
    """The week the "not visited in N weeks" window ends with."""
    weeks: int
    plan_weeks: tuple[str, ...]
    recorded_weeks: tuple[str, ...]
    planned_week: str | None
    """The plan whose people are "planned": the first planned week after the last recorded."""
    coverage: CoverageReport
    trend: tuple[TrendWeek, ...]
    stock: StockReport
    toml_stock: int
    """``blank_stock`` in planner.toml now (differs from ``stock.start`` once it was raised)."""
    waiting: tuple[Waiting, ...]


def campaign_status(
    district: District,
    ledger: Ledger,
    *,
    as_of: str | None = None,
    weeks: int = 4,
    today: dt.date | None = None,
) -> Status:
    """The campaign's status. ``as_of`` (a week label) ends the ``weeks``-week visit window;
    by default the last recorded week, or this week (``today``) when none is recorded.

    ``district`` is the tables as loaded (the campaign's start), not yet ``apply_ledger``-ed.
    """
    # Backlogs after the recorded weeks; the stock is stock_report's, below (apply_ledger would
    # walk the same stock movements once more for a blank_stock nobody reads here).
    state = apply_done(district, ledger.totals_by_site(), 0)
    recorded = tuple(ledger.recorded_weeks())
    plans = tuple(ledger.plan_weeks())
    last = recorded[-1] if recorded else None
    planned_week = next((w for w in plans if last is None or w > last), None)
    plan = ledger.latest_plan(planned_week) if planned_week else None
    window_end = as_of or last or Week.of(today or clock_today()).label
    settings = district.settings
    return Status(
        district=settings.name,
        as_of=last,
        window_end=window_end,
        weeks=weeks,
        plan_weeks=plans,
        recorded_weeks=recorded,
        planned_week=planned_week,
        coverage=coverage_report(state, planned_people(plan)),
        trend=_trend(district, ledger),
        stock=stock_report(ledger, settings.blank_stock, settings.blank_reserve),
        toml_stock=settings.blank_stock,
        waiting=_waiting(district, state, ledger, window_end, weeks),
    )


def _trend(district: District, ledger: LedgerQueries) -> tuple[TrendWeek, ...]:
    rows = [
        TrendWeek(
            week=START,
            backlog=sum(v.backlog for v in district.villages),
            students=sum(s.students for s in district.schools),
            homebound=len(district.homebound),
            stops_visited=0,
            recorded=0,
            printed=0,
        )
    ]
    backlog = group_by_week(ledger.snapshots())
    for week, (visited, recorded, printed) in sorted(ledger.week_totals().items()):
        kinds = backlog.get(week, dict.fromkeys(SiteKind, 0))
        rows.append(
            TrendWeek(
                week=week,
                backlog=kinds[SiteKind.VILLAGE],
                students=kinds[SiteKind.SCHOOL],
                homebound=kinds[SiteKind.HOMEBOUND],
                stops_visited=visited,
                recorded=recorded,
                printed=printed,
            )
        )
    return tuple(rows)


def _open_sites(state: District) -> list[tuple[str, str, str, str, str, int]]:
    """(site, kind, category, name, village, backlog) of every site with backlog left."""
    sites = [
        (v.site_id, "village", "", v.name, v.code, v.backlog) for v in state.villages if v.backlog
    ]
    sites += [
        (s.site_id, "school", "", s.name, s.village_code, s.students)
        for s in state.schools
        if s.students > 0
    ]
    # Category and village, never the resident: status output names no person.
    sites += [
        (h.site_id, "homebound", str(h.category), "", h.village_code, 1) for h in state.homebound
    ]
    return sites


def _waiting(
    district: District, state: District, ledger: LedgerQueries, as_of: str, weeks: int
) -> tuple[Waiting, ...]:
    last: dict[str, str] = {}
    for week, result in ledger.results():
        if week <= as_of and week > last.get(result.site, ""):
            last[result.site] = week
    villages = {v.code: v for v in district.villages}
    waiting = []
    for site, kind, category, name, code, backlog in _open_sites(state):
        seen = last.get(site)
        waited = None if seen is None else weeks_between(seen, as_of)
        if waited is None or waited >= weeks:
            village = villages[code]
            waiting.append(
                Waiting(
                    site=site,
                    kind=kind,
                    category=category,
                    name=name,
                    village=code,
                    village_name=village.name,
                    kecamatan=village.district,
                    backlog=backlog,
                    last_visit=seen,
                    weeks_waiting=waited,
                )
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


def folder_status(
    folder: Path | None, *, as_of: str | None = None, weeks: int = 4
) -> tuple[Status, tuple[Problem, ...]]:
    """``planner status`` of a district folder (None: the sample): the status and the tables'
    warnings. Only reads: without a ledger file an empty one in memory is used and no file is
    made."""
    import planner.io

    where = folder if folder is not None else planner.io.sample_dir()
    district, warnings = planner.io.load_district(where)
    path = ledger_path(where)
    with Ledger.open(path) if path.exists() else Ledger.memory() as ledger:
        status = campaign_status(district, ledger, as_of=as_of, weeks=weeks)
    return status, tuple(warnings)
