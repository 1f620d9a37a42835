"""The forecast: the campaign simulated week by week from the ledger's state to a target.

Each week is planned with the real planner (a shorter search, fair reach as configured) and
recorded as planned (the plan's expected turnout); its cards leave the stock, deliveries
(declared ``--delivery DATE:CARDS``) enter it in the week of their date, and residents newly
eligible (``[forecast] new_per_month``) join the backlogs before the week is planned. Nothing
is written to the ledger. With a deadline, single changes of the means (a printer, cards,
Saturdays, a team) are simulated up to it, in parallel processes, and the first that meets it
is the smallest change that does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from planner.calendar import Week
from planner.campaign.pool import run_all, worker_start
from planner.campaign.simulate import (
    CampaignState,
    SimOptions,
    plan_state,
    record_as_planned,
)
from planner.campaign.variants import Change, parse_team
from planner.coverage import CoverageReport, coverage_report
from planner.model import District, Plan
from planner.travel import TravelModel

WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True, slots=True)
class ForecastRequest:
    """What to forecast: a coverage target (a fraction), weeks, an optional deadline."""

    start: Week
    target: float
    weeks: int = 26
    by: dt.date | None = None
    deliveries: tuple[tuple[dt.date, int], ...] = ()
    options: SimOptions = field(default_factory=SimOptions)


@dataclass(frozen=True, slots=True)
class ForecastWeek:
    """One simulated week: coverage after it, what it recorded and used."""

    week: str
    coverage: float
    kecamatan: tuple[tuple[str, float], ...]
    backlog: int
    obliged: int
    people: int
    counted: int
    """People who lowered a village backlog (the rest were students beyond it)."""
    cards: int
    stock: int
    """Blank cards left after the week (the reserve included)."""
    budget: int
    """Cards the next week may print (stock − reserve)."""
    new_people: int
    delivered: int


@dataclass(frozen=True, slots=True)
class Forecast:
    """A simulated campaign: the start, every week, the target."""

    change: Change
    target: float
    start_coverage: float
    start_kecamatan: tuple[tuple[str, float], ...]
    weeks: tuple[ForecastWeek, ...]
    reserve: int

    def reached(self, kecamatan: str | None = None) -> str | None:
        """The first week after which the district (or ``kecamatan``) is at the target; the
        start week's label when it already is, None when not within the forecast."""
        if _value(self.start_coverage, self.start_kecamatan, kecamatan) >= self.target:
            return "start"
        for row in self.weeks:
            if _value(row.coverage, row.kecamatan, kecamatan) >= self.target:
                return row.week
        return None

    def stock_out(self) -> str | None:
        """The first week after which no card can be printed (stock down to the reserve)."""
        for row in self.weeks:
            if row.budget <= 0:
                return row.week
        return None

    @property
    def kecamatan_names(self) -> tuple[str, ...]:
        """Every kecamatan, in name order."""
        return tuple(name for name, _ in self.start_kecamatan)


def _value(total: float, rows: Sequence[tuple[str, float]], kecamatan: str | None) -> float:
    return total if kecamatan is None else dict(rows)[kecamatan]


def add_new_residents(district: District, count: int) -> District:
    """``district`` with ``count`` newly eligible residents, obliged and unrecorded, shared over
    the villages by their obliged residents (largest remainders, ties by code)."""
    total = sum(v.obliged for v in district.villages)
    if count <= 0 or total <= 0:
        return district
    shares = [(count * v.obliged / total, v.code) for v in district.villages]
    extra = {code: int(share) for share, code in shares}
    left = count - sum(extra.values())
    for _, code in sorted(shares, key=lambda s: (-(s[0] - int(s[0])), s[1]))[:left]:
        extra[code] += 1
    villages = tuple(
        replace(v, obliged=v.obliged + extra[v.code], backlog=v.backlog + extra[v.code])
        for v in district.villages
    )
    return replace(district, villages=villages)


def new_in_week(per_month: int, index: int) -> int:
    """Residents turning eligible in simulated week ``index`` (0-based): whole people, the
    monthly rate spread evenly so the weeks add up."""
    per_week = per_month / WEEKS_PER_MONTH
    return int(per_week * (index + 1)) - int(per_week * index)


def _delivered(request: ForecastRequest, week: Week) -> int:
    dates = set(week.dates)
    return sum(cards for date, cards in request.deliveries if date in dates)


def run_forecast(
    state: CampaignState,
    travel: TravelModel,
    request: ForecastRequest,
    change: Change | None = None,
    *,
    until: Week | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Forecast:
    """Simulate up to ``request.weeks`` weeks from ``state`` with ``change`` applied (up to
    ``until`` and only until the district reaches the target, when given)."""
    change = change or Change()
    state = replace(state, district=change.apply(state.district))
    per_month = state.district.settings.campaign.new_per_month
    start = coverage_report(state.district)
    rows: list[ForecastWeek] = []
    for index in range(request.weeks):
        if until is not None and state.week > until:
            break
        new, delivered = new_in_week(per_month, index), _delivered(request, state.week)
        district = add_new_residents(state.district, new)
        settings = district.settings
        district = replace(
            district, settings=replace(settings, blank_stock=settings.blank_stock + delivered)
        )
        state = replace(state, district=district)
        before = coverage_report(district).total.backlog
        plan = plan_state(state, travel, request.options)
        week, state = state.week.label, record_as_planned(state, plan)
        report = coverage_report(state.district)
        rows.append(_row(week, report, plan, before, state, new, delivered))
        if progress is not None:
            progress(index + 1, request.weeks)
        if until is not None and (report.total.coverage_now or 0.0) >= request.target:
            break
    return Forecast(
        change,
        request.target,
        start.total.coverage_now or 0.0,
        tuple((r.name, r.coverage_now or 0.0) for r in start.kecamatan),
        tuple(rows),
        state.district.settings.blank_reserve,
    )


def _row(
    week: str,
    report: CoverageReport,
    plan: Plan,
    before: int,
    state: CampaignState,
    new: int,
    delivered: int,
) -> ForecastWeek:
    settings = state.district.settings
    return ForecastWeek(
        week=week,
        coverage=report.total.coverage_now or 0.0,
        kecamatan=tuple((r.name, r.coverage_now or 0.0) for r in report.kecamatan),
        backlog=report.total.backlog,
        obliged=report.total.obliged,
        people=plan.totals.people,
        counted=before - report.total.backlog,
        cards=plan.totals.cards,
        stock=settings.blank_stock,
        budget=settings.blank_budget,
        new_people=new,
        delivered=delivered,
    )


def deadline_changes(district: District) -> list[Change]:
    """The changes tried for a deadline, smallest first: a printer, 500 cards, Saturday
    mornings, one more motorbike team, Saturdays and a team, two more teams."""
    ids = {t.id for t in district.teams}

    def team(n: int) -> str:
        number = len(ids) + n
        while f"T{number}" in ids:
            number += 1
        return f"T{number}:motor:Mon-Fri"

    one = parse_team(team(1), district)
    two = parse_team(team(2), replace(district, teams=(*district.teams, one)))
    return [
        Change(printers=district.settings.printers + 1),
        Change(blank_stock=500),
        Change(saturday=True),
        Change(add_teams=(one,)),
        Change(saturday=True, add_teams=(one,)),
        Change(add_teams=(one, two)),
    ]


@dataclass(frozen=True, slots=True)
class _Job:
    folder: Path
    roads: Path | None
    request: ForecastRequest
    change: Change
    until: Week | None


def _forecast_job(job: _Job) -> Forecast:
    state, travel = worker_start(job.folder, job.roads, job.request.start)
    return run_forecast(state, travel, job.request, job.change, until=job.until)


@dataclass(frozen=True, slots=True)
class ForecastResult:
    """The forecast as planned, and with a deadline the changes tried for it."""

    base: Forecast
    tried: tuple[Forecast, ...] = ()
    by: Week | None = None

    def meets(self, forecast: Forecast) -> bool:
        """Whether ``forecast`` reaches the target by the deadline."""
        week = forecast.reached()
        if week is None or self.by is None:
            return week is not None
        return week == "start" or Week.parse(week) <= self.by

    @property
    def smallest(self) -> Forecast | None:
        """The first change tried (smallest first) that meets the deadline."""
        return next((f for f in self.tried if self.meets(f)), None)


def forecast(
    folder: Path,
    request: ForecastRequest,
    *,
    roads: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ForecastResult:
    """Forecast the campaign of the district in ``folder`` (its ledger only read); with
    ``request.by`` not met as planned, try ``deadline_changes`` up to it, both cores busy."""
    state, travel = worker_start(folder, roads, request.start)
    by = Week.of(request.by) if request.by is not None else None
    if by is None:
        return ForecastResult(run_forecast(state, travel, request, progress=progress))
    changes = deadline_changes(state.district)
    jobs = [_Job(folder, roads, request, Change(), None)]
    jobs += [_Job(folder, roads, request, c, by) for c in changes]
    results = run_all(_forecast_job, jobs, done=progress)
    result = ForecastResult(results[0], by=by)
    if result.meets(result.base):
        return result
    return replace(result, tried=tuple(results[1:]))
