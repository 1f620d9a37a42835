"""Changing a planned week from the page: pick a date and a missing team or a stop to cancel,
see the change list of a preview (the ledger untouched), then confirm to write it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from planner.calendar import Week
from planner.errors import InputError
from planner.i18n import t
from planner.io.plan_json import read_plan
from planner.web.jobs import Busy
from planner.web.pages import WEEK_LABEL, Config, config, planned_weeks, problem_rows, render
from planner.web.plan import whole
from planner.web.security import checked_form, closes_form
from planner.workflow import ReplanRequest, open_district, replan_district
from planner.workflow.requests import Progress, WeekResult

FIELDS = ("week", "from", "without", "cancel", "solution_limit")


def _choices(cfg: Config, week: str, lang: str) -> dict[str, Any]:
    """The week's dates, its teams and its stops (by their public names) for the form."""
    from planner.render import RenderContext

    path = cfg.out_dir / week / "plan.json"
    if not WEEK_LABEL.match(week) or not path.is_file():
        return {"dates": [], "teams": [], "stops": []}
    plan = read_plan(path)
    district = open_district(cfg.folder).district
    public = RenderContext(plan, district, lang=lang)
    stops = sorted({stop.site for _, stop in plan.stops()})
    teams = sorted({route.team for route in plan.routes})
    return {
        "dates": [d.isoformat() for d in Week.parse(week).dates],
        "teams": teams,
        "stops": [(site, f"{public.place(site)} ({site})") for site in stops],
    }


async def replan_form(request: Request, status_code: int = 200, **values: Any) -> Response:
    """GET /replan: the week, the date and what changed."""
    cfg, lang = config(request), request.state.lang
    weeks = planned_weeks(cfg)
    week = request.query_params.get("week") or (weeks[0] if weeks else "")
    try:
        choices = _choices(cfg, week, lang)
    except InputError as exc:
        choices = {"dates": [], "teams": [], "stops": []}
        values.setdefault("problems", problem_rows(exc.problems, lang, {}))
    return render(request, "replan.html", status_code, weeks=weeks, week=week, **choices, **values)


def _replan_request(cfg: Config, form: FormData, lang: str, save: bool) -> ReplanRequest:
    """The ``ReplanRequest`` a form asks for; ``ValueError`` with the message to show."""
    text = str(form.get("from") or "")
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(t("web.replan.bad_date", lang, value=text)) from None
    without = tuple(x for x in [str(form.get("without") or "")] if x)
    cancel = tuple(x for x in [str(form.get("cancel") or "")] if x)
    if not without and not cancel:
        raise ValueError(t("web.replan.choose", lang))
    week = Week.of(date).label
    preview = cfg.folder / ".planner" / "preview"
    return ReplanRequest(
        from_date=date,
        out_dir=cfg.out_dir if save else preview,
        plan_path=cfg.out_dir / week / "plan.json",
        without_teams=without,
        cancel=cancel,
        solution_limit=whole(form, "solution_limit", t("web.replan.solution_limit", lang), lang, 1),
        save=save,
    )


@closes_form
async def start_replan(request: Request) -> Response:
    """POST /replan (preview) or /replan/confirm: start the replan in the background."""
    cfg, lang = config(request), request.state.lang
    form = await checked_form(request)
    save = request.url.path.endswith("/confirm")
    try:
        replan_request = _replan_request(cfg, form, lang, save)
    except ValueError as exc:
        return await replan_form(request, 400, error=str(exc))
    folder = cfg.folder

    def work(progress: Progress) -> WeekResult:
        return replan_district(open_district(folder), replan_request, progress=progress)

    params = {key: str(form.get(key) or "") for key in FIELDS}
    week = Week.of(replan_request.from_date).label
    try:
        job = cfg.jobs.start("replan" if save else "preview", week, work, params)
    except Busy:
        return await replan_form(request, 409, error=t("web.busy", lang))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def replan_result(request: Request) -> Response:
    """GET /replan/jobs/{job}: the change list, with the confirm form after a preview."""
    job = config(request).jobs.get(request.path_params["job"])
    if job is None or job.result is None:
        raise HTTPException(404, t("web.not_found", request.state.lang))
    return render(
        request,
        "replan_result.html",
        job=job,
        changes=job.result.changes or "",
        version=job.result.plan.version,
    )


ROUTES = [
    Route("/replan", replan_form),
    Route("/replan", start_replan, methods=["POST"]),
    Route("/replan/confirm", start_replan, methods=["POST"]),
    Route("/replan/jobs/{job}", replan_result),
]
