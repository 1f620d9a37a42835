"""Mid-week changes as a library call: a new version of a week's plan from a date on, with
the change list the coordinator passes on."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import replace

from planner.calendar import Week
from planner.check import require_valid
from planner.errors import InputError
from planner.i18n import msg
from planner.io.plan_json import read_plan
from planner.ledger import apply_ledger
from planner.model import Team, TimeWindow, parse_hhmm
from planner.workflow.limits import require_plannable
from planner.workflow.publish import publish
from planner.workflow.requests import (
    OpenDistrict,
    Progress,
    ReplanRequest,
    WeekResult,
    no_progress,
)
from planner.workflow.week import (
    Guard,
    campaign_ledger,
    check_team_ids,
    district_travel,
    folder_of,
)


def parse_date(text: str, option: str) -> dt.date:
    """``YYYY-MM-DD`` given to ``option``; anything else is an ``InputError``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(msg("replan.err.not_date", option=option, text=repr(text))) from None


def parse_team_day(text: str, teams: dict[str, Team]) -> tuple[Team, dt.date, TimeWindow]:
    """``T2:2026-12-05`` or ``T2:2026-12-05:08:00-12:00`` → (team, date, hours)."""
    parts = text.split(":", 2)
    if len(parts) < 2 or parts[0] not in teams:
        raise InputError(
            msg("replan.err.team_day", text=repr(text), teams=", ".join(sorted(teams)))
        )
    team = teams[parts[0]]
    date = parse_date(parts[1], "--add-team-day")
    if len(parts) == 3:
        try:
            start, end = (parse_hhmm(x) for x in parts[2].split("-"))
            hours = TimeWindow(start, end)
        except ValueError:
            raise InputError(msg("replan.err.team_day_hours", text=repr(text))) from None
    else:
        hours = team.hours_on(date.weekday()) or next(iter(team.shifts)).hours
    return team, date, hours


def replan_district(
    opened: OpenDistrict,
    request: ReplanRequest,
    *,
    progress: Progress = no_progress,
    guard: Guard = contextlib.nullcontext,
) -> WeekResult:
    """Re-plan the week holding ``request.from_date``: stops before it and notified stops
    stay; writes the new version (the old one kept as ``plan.vN.json``) and ``changes.txt``."""
    from planner.render import RenderContext
    from planner.render.replan_notes import replan_notes
    from planner.render.summary import summary_text
    from planner.solve import DEFAULT_SOLUTION_LIMIT, DEFAULT_TIME_LIMIT_S
    from planner.solve.replan import changes_text, replan_week
    from planner.workflow.call_list import call_list_text

    week = Week.of(request.from_date).label
    path = request.plan_path or request.out_dir / week / "plan.json"
    old = read_plan(path)
    if old.week != week:
        raise InputError(
            msg(
                "replan.err.other_week",
                path=str(path),
                plan_week=old.week,
                date=request.from_date.isoformat(),
                week=week,
            )
        )
    district = opened.district
    require_plannable(district)
    check_team_ids(district, request.without_teams, "--without-team")
    teams = {team.id: team for team in district.teams}
    added = [parse_team_day(x, teams) for x in request.add_team_days]
    with campaign_ledger(opened.folder) as ledger:
        if ledger is not None:
            district = apply_ledger(district, ledger, before_week=week)
        travel = district_travel(opened.folder, district, request.roads)
        with guard():
            plan, changes = replan_week(
                district,
                old,
                request.from_date,
                travel,
                without_teams=request.without_teams,
                cancel=request.cancel,
                add_team_days=added,
                keep_notified=request.keep_notified,
                time_limit_s=request.time_limit_s or DEFAULT_TIME_LIMIT_S,
                solution_limit=request.solution_limit or DEFAULT_SOLUTION_LIMIT,
                seed=request.seed,
                progress=progress,
            )
        plan = replace(plan, data_dir=folder_of(opened))
        require_valid(plan, district, travel)
        public = RenderContext(plan, district)
        labels = {sid: public.place(sid) for sid in district.site_index()}
        change_list = changes_text(changes, plan, labels) + call_list_text(changes, public)
        change_list += replan_notes(old, plan, request.from_date, changes, district, labels)
        summary = summary_text(plan, district)
        out_week = request.out_dir / week
        extra: dict[str, str] = {}
        if path.parent.resolve() == out_week.resolve():
            # The earlier version kept as it was written (read_plan has just read it).
            extra[f"plan.v{old.version}.json"] = path.read_text(encoding="utf-8")
        extra["changes.txt"] = change_list
        saver = ledger if request.save else None
        paths = publish(
            out_week,
            plan,
            district,
            summary=summary,
            travel=travel,
            offline=request.offline,
            extra=extra,
            commit=(lambda text: saver.save_plan(plan, text)) if saver is not None else None,
        )
    return WeekResult(plan, out_week, paths, summary, changes=change_list, warnings=opened.warnings)
