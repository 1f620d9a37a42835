"""Recording a filled tally from the page (every problem at once), and the campaign status:
coverage by kecamatan, the backlog trend, cards and the sites waiting longest, as
``planner status --format json`` builds it."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from planner.calendar import Week
from planner.errors import InputError
from planner.fsutil import write_bytes_atomic
from planner.i18n import TEXT, t
from planner.ledger.status_output import format_status
from planner.web import files
from planner.web.pages import WEEK_LABEL, Config, config, planned_weeks, problem_rows, render
from planner.web.security import checked_form, closes_form
from planner.workflow import open_district
from planner.workflow.record import Recorded, district_status, record_tally

TALLY_TYPES = (".xlsx", ".csv")


def _form(request: Request, status_code: int = 200, **values: Any) -> Response:
    return render(
        request, "record.html", status_code, weeks=planned_weeks(config(request)), **values
    )


async def record_form(request: Request) -> Response:
    """GET /record: choose the week and the filled tally."""
    return _form(request)


@closes_form
async def record_upload(request: Request) -> Response:
    """POST /record: store the tally under the district folder, record it, show the status."""
    cfg, lang = config(request), request.state.lang
    form = await checked_form(request)
    week = str(form.get("week") or "")
    item = form.get("file")
    if not WEEK_LABEL.match(week) or not isinstance(item, UploadFile) or not item.filename:
        return _form(request, 400, error=t("web.no_file", lang))
    ext = files.extension(item.filename)
    if ext not in TALLY_TYPES:
        return _form(request, 415, error=t("web.bad_type", lang, ext=ext or "?"))
    shown = files.safe_name(item.filename)
    stored = cfg.uploads / f"{week}-{shown}"
    write_bytes_atomic(stored, await item.read())
    try:
        done = record_tally(open_district(cfg.folder), week, stored)
    except InputError as exc:
        names = {str(stored): shown, str(cfg.folder): str(cfg.folder)}
        return _form(
            request,
            422,
            refused=problem_rows(exc.problems, lang, names),
            warnings=problem_rows(exc.warnings, lang, names),
        )
    return _status_page(
        request, outcome=_outcome(done, lang), warnings=problem_rows(done.warnings, lang, {})
    )


def _outcome(done: Recorded, lang: str) -> str:
    """What was recorded, in one sentence."""
    o = done.outcome
    if not o.changed:
        return t("web.record.unchanged", lang, week=o.week)
    return t(
        "web.record.done",
        lang,
        week=o.week,
        version=o.plan_version,
        stops=o.stops_visited,
        people=o.people,
        planned=done.plan.totals.people,
        cards=o.cards,
        left=max(0, o.stock_left),
    )


def status_data(cfg: Config) -> dict[str, Any] | None:
    """The status as ``planner status --format json`` prints it (None: tables not valid)."""
    try:
        opened = open_district(cfg.folder)
    except InputError:
        return None
    status = district_status(opened, as_of=Week.parse("this").label, weeks=4)
    data: dict[str, Any] = json.loads(format_status(status, "json"))
    return data


def _status_page(request: Request, **values: Any) -> Response:
    data = status_data(config(request))
    sections = []
    if data is not None:
        for key in ("coverage", "trend", "cards", "not_visited"):
            value = data.get(key)
            rows = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
            sections.append((key, _columns(rows), rows))
    lang = request.state.lang
    return render(
        request,
        "status.html",
        col=lambda key: t(f"web.col.{key}", lang) if f"web.col.{key}" in TEXT else key,
        data=data,
        sections=sections,
        total=(data or {}).get("total"),
        **values,
    )


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    """The columns of a list of records, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key)
    return list(seen)


async def status_page(request: Request) -> Response:
    """GET /status: coverage by kecamatan, backlog trend, cards, waiting sites."""
    return _status_page(request)


ROUTES = [
    Route("/record", record_form),
    Route("/record", record_upload, methods=["POST"]),
    Route("/status", status_page),
]
