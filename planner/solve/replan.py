"""Mid-week changes: keep what is done and promised, re-optimise the rest, list what changed.

Stops before ``from_date`` are history and stay verbatim. With ``keep_notified`` (the default)
every later stop whose team-day still exists and whose site is not cancelled is *locked*: it
keeps its team, day and times (the village head was told "Thursday 09:00"), and the solver only
fills the time around it: the stops of a team that dropped out, freed time, added team-days.
Without ``keep_notified`` the rest of the week is planned afresh.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from planner.calendar import Week, team_days
from planner.errors import InputError
from planner.i18n import day_name, msg, t
from planner.model import (
    AddedTeamDay,
    District,
    Plan,
    Route,
    Stop,
    Team,
    TimeWindow,
    Unserved,
    fmt_hhmm,
    totals_of,
)
from planner.solve.build import build_week
from planner.solve.explain import explain_unserved
from planner.solve.week import (
    DEFAULT_SOLUTION_LIMIT,
    DEFAULT_TIME_LIMIT_S,
    Progress,
    default_search,
    plan_source,
    solve_routes,
    solver_info,
)
from planner.travel import TravelModel, district_joins


@dataclass(frozen=True, slots=True)
class Slot:
    """Where and when one stop happens (for the change list)."""

    team: str
    date: dt.date
    start: int
    end: int
    people: int


@dataclass(frozen=True, slots=True)
class Change:
    """One change between two plans of a week: ``kind`` is moved, dropped or added."""

    kind: str
    site: str
    old: Slot | None
    new: Slot | None


def replan_week(
    district: District,
    old: Plan,
    from_date: dt.date,
    travel: TravelModel,
    *,
    without_teams: Sequence[str] = (),
    cancel: Sequence[str] = (),
    add_team_days: Sequence[tuple[Team, dt.date, TimeWindow]] = (),
    keep_notified: bool = True,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    solution_limit: int | None = DEFAULT_SOLUTION_LIMIT,
    seed: int = 0,
    lang: str | None = None,
    progress: Progress | None = None,
) -> tuple[Plan, list[Change]]:
    """A new version of ``old`` re-optimised from ``from_date``; and the changes."""
    lang = lang or old.language
    report = progress or (lambda stage, fraction: None)
    dates = Week.parse(old.week).dates
    _check_request(district, old, from_date, dates, cancel)
    future = [d for d in dates if d >= from_date]
    added = _wanted_days(district, old, from_date, dates, without_teams, add_team_days)
    vehicles = _vehicles(district, future, from_date, dates, without_teams, added)
    cancelled = frozenset(cancel)
    hours = {(tm.id, d): h for tm, d, h in vehicles}
    past = [r for r in old.routes if r.date < from_date]
    locked = _locked(old, from_date, hours, cancelled) if keep_notified else {}
    model_district = _remaining_district(district, past)

    report("build", 0.0)
    model = build_week(
        model_district,
        future,
        travel,
        seed=seed,
        vehicles=vehicles,
        already=_already(past, locked),
        locked=locked,
        exclude=cancelled,
    )
    search = default_search(time_limit_s, solution_limit)
    result = solve_routes(model_district, model, search, report)
    all_routes = tuple(sorted([*past, *result.routes], key=lambda r: (r.date, r.team)))
    unserved = [
        u
        if u.site not in cancelled
        else Unserved(u.site, u.backlog, t("reason.cancelled", lang), "cancelled")
        for u in explain_unserved(district, model, all_routes, lang)
    ]
    plan = Plan(
        district=district.settings.name,
        week=old.week,
        inputs_sha256=district.inputs_sha256,
        solver=solver_info(search, seed, result),
        routes=all_routes,
        unserved=tuple(unserved),
        totals=totals_of(all_routes, district.settings.weights),
        language=lang,
        travel_source=plan_source(model, travel),
        road_joins=district_joins(district, travel),
        version=old.version + 1,
        based_on=f"{old.week} v{old.version}",
        added_team_days=added_days_of(old, from_date, added),
    )
    return plan, diff_plans(old, plan, from_date)


def _check_request(
    district: District,
    old: Plan,
    from_date: dt.date,
    dates: Sequence[dt.date],
    cancel: Sequence[str],
) -> None:
    """``InputError`` for a start date outside the week or an unknown cancelled site."""
    if from_date not in dates:
        raise InputError(
            msg(
                "replan.err.from_outside",
                date=from_date.isoformat(),
                week=old.week,
                first=dates[0].isoformat(),
                last=dates[-1].isoformat(),
            )
        )
    sites = district.site_index()
    unknown = [s for s in cancel if s not in sites]
    if unknown:
        raise InputError(msg("replan.err.unknown_site", sites=", ".join(unknown)))


def _wanted_days(
    district: District,
    old: Plan,
    from_date: dt.date,
    dates: Sequence[dt.date],
    without_teams: Sequence[str],
    add_team_days: Sequence[tuple[Team, dt.date, TimeWindow]],
) -> list[tuple[Team, dt.date, TimeWindow]]:
    """The added team-days from ``from_date`` on, by date, then team: the old plan's (unless
    their team is now off) and the new ones (which replace an old one of the same team and
    date)."""
    teams = {team.id: team for team in district.teams}
    wanted = {
        (a.team, a.date): (teams[a.team], a.date, a.hours)
        for a in old.added_team_days
        if a.date >= from_date and a.team in teams and a.team not in without_teams
    }
    for team, date, hours in add_team_days:
        day = f"{team.id}:{date.isoformat()}"
        if date < from_date or date not in dates:
            raise InputError(
                msg(
                    "replan.err.add_outside",
                    day=day,
                    first=from_date.isoformat(),
                    last=dates[-1].isoformat(),
                )
            )
        holiday = next((h for h in district.holidays if h.date == date), None)
        if holiday is not None:
            raise InputError(msg("replan.err.add_holiday", day=day, name=holiday.name))
        wanted[(team.id, date)] = (team, date, hours)
    return sorted(wanted.values(), key=lambda v: (v[1], v[0].id))


def added_days_of(
    old: Plan, from_date: dt.date, wanted: Sequence[tuple[Team, dt.date, TimeWindow]]
) -> tuple[AddedTeamDay, ...]:
    """What the new plan records as added: the old plan's before ``from_date`` (history)
    and the team-days added from then on; by date, then team."""
    kept = [a for a in old.added_team_days if a.date < from_date]
    kept += [AddedTeamDay(team.id, date, hours) for team, date, hours in wanted]
    return tuple(sorted(kept, key=lambda a: (a.date, a.team)))


def _vehicles(
    district: District,
    future: list[dt.date],
    from_date: dt.date,
    dates: Sequence[dt.date],
    without_teams: Sequence[str],
    added: Sequence[tuple[Team, dt.date, TimeWindow]],
) -> list[tuple[Team, dt.date, TimeWindow]]:
    """The remaining team-days: the calendar's from ``from_date`` without the removed teams,
    the added team-days replacing any of the same team and date; by date, then team."""
    removed = set(without_teams)
    vehicles = [(tm, d, h) for tm, d, h in team_days(district, future) if tm.id not in removed]
    for team, date, hours in added:
        vehicles = [v for v in vehicles if (v[0].id, v[1]) != (team.id, date)]
        vehicles.append((team, date, hours))
    if not vehicles:
        raise InputError(
            msg("replan.err.no_team_day", date=from_date.isoformat(), last=dates[-1].isoformat())
        )
    vehicles.sort(key=lambda v: (v[1], v[0].id))
    return vehicles


def _locked(
    old: Plan,
    from_date: dt.date,
    hours: dict[tuple[str, dt.date], TimeWindow],
    cancelled: frozenset[str],
) -> dict[tuple[str, dt.date], list[Stop]]:
    """The stops each remaining team-day keeps at their times (not cancelled); a route that
    no longer fits its team-day's hours (an added team-day with shorter hours) keeps none."""
    locked: dict[tuple[str, dt.date], list[Stop]] = {}
    for route in old.routes:
        window = hours.get((route.team, route.date))
        fits = window is not None and window.start <= route.depart <= route.return_ <= window.end
        if route.date >= from_date and fits:
            kept = [s for s in route.stops if s.site not in cancelled]
            if kept:
                locked[(route.team, route.date)] = kept
    return locked


def _already(past: Sequence[Route], locked: dict[tuple[str, dt.date], list[Stop]]) -> Counter[str]:
    """People per site already visited (history) or promised (kept stops)."""
    already: Counter[str] = Counter()
    for route in past:
        for stop in route.stops:
            already[stop.site] += stop.people
    for stops in locked.values():
        for stop in stops:
            already[stop.site] += stop.people
    return already


def _remaining_district(district: District, past: Sequence[Route]) -> District:
    """The district with what the days before ``--from`` printed taken off: the blank stock,
    and each school's printable students (its cards over the week stay within them)."""
    past_cards = sum(r.cards for r in past)
    settings = replace(
        district.settings, blank_stock=max(0, district.settings.blank_stock - past_cards)
    )
    printed: Counter[str] = Counter()
    for route in past:
        for stop in route.stops:
            printed[stop.site] += stop.cards
    schools = tuple(
        replace(school, printable=max(0, school.printable - printed[school.site_id]))
        if school.printable is not None and printed[school.site_id]
        else school
        for school in district.schools
    )
    return replace(district, settings=settings, schools=schools)


def _visits(plan: Plan, from_date: dt.date) -> dict[str, list[Slot]]:
    result: dict[str, list[Slot]] = {}
    for route in plan.routes:
        if route.date < from_date:
            continue
        for s in route.stops:
            result.setdefault(s.site, []).append(
                Slot(route.team, route.date, s.start, s.end, s.people)
            )
    return result


def diff_plans(old: Plan, new: Plan, from_date: dt.date) -> list[Change]:
    """Stops from ``from_date`` on that moved (other team, day or time), were dropped or were
    added; unchanged stops are not listed."""
    before, after = _visits(old, from_date), _visits(new, from_date)
    changes: list[Change] = []
    for site in sorted(set(before) | set(after)):
        olds = sorted(before.get(site, []), key=lambda v: (v.date, v.start))
        news = sorted(after.get(site, []), key=lambda v: (v.date, v.start))
        same = [v for v in olds if v in news]
        olds = [v for v in olds if v not in same]
        news = [v for v in news if v not in same]
        while olds and news:
            changes.append(Change("moved", site, olds.pop(0), news.pop(0)))
        changes += [Change("dropped", site, v, None) for v in olds]
        changes += [Change("added", site, None, v) for v in news]
    order = {"dropped": 0, "moved": 1, "added": 2}
    changes.sort(key=lambda c: (order[c.kind], c.site))
    return changes


def _when(visit: Slot, lang: str) -> str:
    return (
        f"{day_name(visit.date, lang)} {visit.date.isoformat()} {fmt_hhmm(visit.start)}–"
        f"{fmt_hhmm(visit.end)} ({visit.team}, {visit.people})"
    )


def changes_text(changes: Sequence[Change], plan: Plan, labels: dict[str, str]) -> str:
    """The change list in the plan's language: what moved, what was dropped (whom to tell is
    ``planner.workflow.call_list``'s section, which knows the contacts).

    ``labels`` maps site ids to public names (never a resident's name)."""
    lang = plan.language
    lines = [
        t(
            "replan.title",
            lang,
            week=plan.week,
            version=plan.version,
            based_on=plan.based_on or "-",
        ),
        "",
    ]
    if not changes:
        lines.append(t("replan.none", lang))
    for c in changes:
        name = labels.get(c.site, c.site)
        if c.kind == "moved" and c.old and c.new:
            lines.append(
                t("replan.moved", lang, site=name, old=_when(c.old, lang), new=_when(c.new, lang))
            )
        elif c.kind == "dropped" and c.old:
            lines.append(t("replan.dropped", lang, site=name, old=_when(c.old, lang)))
        elif c.new:
            lines.append(t("replan.added", lang, site=name, new=_when(c.new, lang)))
    return "\n".join(lines) + "\n"
