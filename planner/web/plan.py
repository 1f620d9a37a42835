"""Planning a week from the page: the form, the search in the background with its progress,
then the summary, the maps inline and the week's files to download."""

from __future__ import annotations

from pathlib import Path

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from planner.calendar import Week
from planner.clock import today
from planner.errors import InputError
from planner.i18n import TEXT, t
from planner.web.jobs import Busy, Job
from planner.web.pages import WEEK_LABEL, config, planned_weeks, problem_rows, render
from planner.web.security import checked_form, closes_form
from planner.workflow import PlanRequest, open_district, plan_district
from planner.workflow.requests import Progress, WeekResult

INLINE = (".html", ".txt", ".json", ".png", ".pdf")
"""Files shown in the browser (maps in frames); others are downloaded."""


def _teams(folder: Path) -> list[tuple[str, str]] | None:
    """The district's teams as (id, name); None when its tables do not load."""
    try:
        district = open_district(folder).district
    except InputError:
        return None
    return [(team.id, team.name) for team in district.teams]


def _form_page(
    request: Request, status_code: int = 200, error: str = "", **values: object
) -> Response:
    cfg = config(request)
    teams = _teams(cfg.folder)
    return render(
        request,
        "plan_form.html",
        status_code,
        week=Week.parse("next", today=today()).label,
        teams=teams or [],
        weeks=planned_weeks(cfg),
        district_ok=teams is not None,
        error=error,
        **values,
    )


async def plan_form(request: Request) -> Response:
    """GET /plan: choose the week, teams and options."""
    return _form_page(request)


def whole(form: FormData, key: str, label: str, lang: str, least: int = 0) -> int | None:
    """An optional whole-number field; ``ValueError`` with the message to show."""
    text = str(form.get(key) or "").strip()
    if not text:
        return None
    if not text.isdigit() or int(text) < least:
        raise ValueError(t("web.plan.bad_number", lang, field=label, value=text))
    return int(text)


def _request(form: FormData, lang: str, team_ids: tuple[str, ...], out_dir: Path) -> PlanRequest:
    week = Week.parse(str(form.get("week") or "next").strip(), today=today())
    out_lang = str(form.get("out_lang") or "")
    return PlanRequest(
        week=week,
        teams=team_ids,
        out_dir=out_dir,
        solution_limit=whole(form, "solution_limit", t("web.plan.solution_limit", lang), lang, 1),
        seed=whole(form, "seed", t("web.plan.seed", lang), lang) or 0,
        lang=out_lang if out_lang in ("id", "en") else None,
        min_visit_every=whole(
            form, "min_visit_every", t("web.plan.min_visit_every", lang), lang, 1
        ),
    )


@closes_form
async def start_plan(request: Request) -> Response:
    """POST /plan: start the search in the background, then show its progress."""
    cfg, lang = config(request), request.state.lang
    form = await checked_form(request)
    team_ids = tuple(str(x) for x in form.getlist("teams"))
    if not team_ids:
        return _form_page(request, 400, t("web.plan.no_team", lang))
    try:
        plan_request = _request(form, lang, team_ids, cfg.out_dir)
    except InputError as exc:
        return _form_page(request, 400, problems=problem_rows(exc.problems, lang, {}))
    except ValueError as exc:
        return _form_page(request, 400, str(exc))

    def work(progress: Progress) -> WeekResult:
        return plan_district(open_district(cfg.folder), plan_request, progress=progress)

    try:
        job = cfg.jobs.start("plan", plan_request.week.label, work)
    except Busy:
        return _form_page(request, 409, t("web.busy", lang))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _job(request: Request) -> Job:
    job = config(request).jobs.get(request.path_params["job"])
    if job is None:
        raise HTTPException(404, t("web.not_found", request.state.lang))
    return job


async def job_page(request: Request) -> Response:
    """GET /jobs/{job}: the progress bar, then where the job's result is shown."""
    job = _job(request)
    if job.done and not job.failed:
        if job.kind == "plan":
            return RedirectResponse(f"/plan/{job.week}", status_code=303)
        return RedirectResponse(f"/replan/jobs/{job.id}", status_code=303)
    lang = request.state.lang
    return render(
        request,
        "job.html",
        job=job,
        problems=problem_rows(job.problems, lang, {}),
        warnings=problem_rows(job.warnings, lang, {}),
    )


async def job_state(request: Request) -> Response:
    """GET /jobs/{job}.json: the progress the page's script polls."""
    job = _job(request)
    lang = request.state.lang
    key = f"web.job.stage.{job.stage}"
    stage = t(key, lang) if key in TEXT else job.stage
    return JSONResponse(
        {"done": job.done, "failed": job.failed, "fraction": round(job.fraction, 3), "stage": stage}
    )


def week_files(out_week: Path) -> list[str]:
    """Every file of a written week, relative to its folder (hidden ones left out)."""
    return sorted(
        p.relative_to(out_week).as_posix()
        for p in out_week.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out_week).parts)
    )


async def result_page(request: Request) -> Response:
    """GET /plan/{week}: the summary, the route and coverage maps and the downloads."""
    cfg = config(request)
    week = request.path_params["week"]
    if not WEEK_LABEL.match(week):
        raise HTTPException(404, t("web.not_found", request.state.lang))
    out_week = cfg.out_dir / week
    summary_path = out_week / "summary.txt"
    summary = summary_path.read_text(encoding="utf-8") if summary_path.is_file() else None
    names = week_files(out_week) if out_week.is_dir() else []
    return render(
        request,
        "plan_result.html",
        200 if summary is not None else 404,
        week=week,
        summary=summary,
        files=names,
        has_map="map.html" in names,
        has_coverage="coverage.html" in names,
    )


async def week_file(request: Request) -> Response:
    """GET /files/{week}/{path}: one output of a week, never a path outside its folder."""
    cfg = config(request)
    week, name = request.path_params["week"], request.path_params["path"]
    base = (cfg.out_dir / week).resolve()
    target = (base / name).resolve()
    if not WEEK_LABEL.match(week) or base not in target.parents or not target.is_file():
        raise HTTPException(404, t("web.not_found", request.state.lang))
    inline = target.suffix.lower() in INLINE
    response = FileResponse(
        target, filename=target.name, content_disposition_type="inline" if inline else "attachment"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


ROUTES = [
    Route("/plan", plan_form),
    Route("/plan", start_plan, methods=["POST"]),
    Route("/plan/{week}", result_page),
    Route("/jobs/{job}.json", job_state),
    Route("/jobs/{job}", job_page),
    Route("/files/{week}/{path:path}", week_file),
]
