"""The week's workflow as library calls: open a district, plan or replan a week, check it,
write every output and remember it in the campaign ledger.

Front ends (the CLI, many districts at once, a web page) call these and get a typed
``WeekResult`` back; exit codes and printing stay theirs. Every step a coordinator relies on
lives here once: team filters, the ledger (backlogs after recorded weeks, fairness boost, plan
versions), the travel-matrix cache, the independent check, the staged write.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path

from planner.check import require_valid
from planner.errors import InputError
from planner.i18n import msg
from planner.io.plan_json import plan_to_json
from planner.ledger import Ledger, apply_ledger, ledger_path
from planner.model import District
from planner.travel import TravelModel, travel_model
from planner.workflow.limits import require_plannable
from planner.workflow.publish import publish
from planner.workflow.requests import (
    OpenDistrict,
    PlanRequest,
    Progress,
    WeekResult,
    no_progress,
)

Guard = Callable[[], AbstractContextManager[None]]
"""A context the search runs in (the CLI's: Ctrl-C exits at once, nothing being written)."""


def open_district(folder: Path | None) -> OpenDistrict:
    """Load and validate a district folder (None: the bundled sample); bad tables raise
    ``InputError`` listing every problem."""
    from planner.io import load_district, sample_dir

    where = folder or sample_dir()
    district, warnings = load_district(where)
    return OpenDistrict(where, district, tuple(warnings))


def folder_of(opened: OpenDistrict) -> str:
    """The district folder as plan.json records it (absolute), for ``check``/``render``."""
    return str(opened.folder.resolve())


def writable(folder: Path) -> bool:
    """True when the district folder can hold the ledger and the travel cache (the bundled
    sample installed read-only cannot)."""
    return os.access(folder, os.W_OK)


def check_team_ids(district: District, team_ids: tuple[str, ...], option: str) -> None:
    """Refuse team ids the district does not have, naming the option and the known ids."""
    known = {team.id for team in district.teams}
    unknown = [x for x in team_ids if x not in known]
    if unknown:
        raise InputError(
            msg(
                "err.unknown_teams",
                option=option,
                ids=", ".join(unknown),
                known=", ".join(sorted(known)),
            )
        )


@contextlib.contextmanager
def campaign_ledger(folder: Path, wanted: bool = True) -> Iterator[Ledger | None]:
    """The district's ledger when wanted and the folder is writable, closed afterwards."""
    if not (wanted and writable(folder)):
        yield None
        return
    ledger = Ledger.open(ledger_path(folder))
    try:
        yield ledger
    finally:
        ledger.close()


def district_travel(folder: Path, district: District, roads: Path | None) -> TravelModel:
    """Travel times for ``district``, with matrices cached in its folder when writable."""
    cache = folder / ".planner" / "cache" if writable(folder) else None
    return travel_model(district, roads=roads, cache_dir=cache)


def plan_district(
    opened: OpenDistrict,
    request: PlanRequest,
    *,
    progress: Progress = no_progress,
    guard: Guard = contextlib.nullcontext,
) -> WeekResult:
    """Plan ``request.week`` for the district: ledger applied, searched, checked, written to
    ``out_dir/<week>/`` and saved in the ledger; nothing is written unless the check passes."""
    from planner.campaign.fair import campaign_boost, kecamatan_waited
    from planner.ledger import waiting_weeks
    from planner.ledger.fairness import fairness_boost
    from planner.render.summary import summary_text
    from planner.solve import DEFAULT_SOLUTION_LIMIT, plan_week

    district, week = opened.district, request.week
    if request.teams:
        check_team_ids(district, request.teams, "--teams")
    require_plannable(district)
    with campaign_ledger(opened.folder, request.use_ledger) as ledger:
        boost: dict[str, float] = {}
        kec_waited: dict[str, int] | None = None
        if ledger is not None:
            # The first plan keeps planner.toml's blank_stock as the campaign's start.
            ledger.keep_start_stock(district.settings.blank_stock)
            district = apply_ledger(district, ledger, before_week=week.label)
            if request.min_visit_every:
                waited = waiting_weeks(ledger, district, week.label)
                boost = fairness_boost(waited, request.min_visit_every)
            last = ledger.last_visits(before_week=week.label)
            kec_waited = kecamatan_waited(district, last, ledger.first_week(), week.label)
        elif request.min_visit_every:
            raise InputError(msg("err.min_visit_ledger"))
        boost = campaign_boost(district, kec_waited, fair=request.fair_reach, extra=boost)
        travel = district_travel(opened.folder, district, request.roads)
        with guard():
            plan = plan_week(
                district,
                week,
                travel,
                time_limit_s=request.time_limit_s,
                solution_limit=request.solution_limit or DEFAULT_SOLUTION_LIMIT,
                seed=request.seed,
                engine=request.engine,
                teams=list(request.teams) if request.teams else None,
                lang=request.lang,
                value_boost=boost or None,
                progress=progress,
            )
        progress("check", 1.0)
        plan = replace(plan, data_dir=folder_of(opened))
        require_valid(plan, district, travel)
        if ledger is not None:
            # The latest version when the plan is the same again: plan.json and ledger agree.
            plan = replace(plan, version=ledger.version_for(week.label, plan_to_json(plan)))
        summary = summary_text(plan, district)
        out_week = request.out_dir / week.label
        saver = ledger
        paths = publish(
            out_week,
            plan,
            district,
            summary=summary,
            travel=travel,
            offline=request.offline,
            commit=(lambda text: saver.save_plan(plan, text)) if saver is not None else None,
            on_render=lambda: progress("render", 1.0),
        )
    return WeekResult(plan, out_week, paths, summary, warnings=opened.warnings)
